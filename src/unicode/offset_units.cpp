#include "unicode/offset_units.h"

#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "unicode/utf8.h"

namespace onoma::unicode {

namespace {

// How many of the bytes from `p` on are ASCII, reading as many at once as the machine does
// (16 with SSE2, x86-64's baseline; else 8): all of them, or up to the first that is not.
// `p` has at least that many bytes after it.
#if defined(__SSE2__)
constexpr size_t kBlock = 16;
size_t ascii_prefix(const unsigned char* p) {
  const auto beyond = static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_loadu_si128(reinterpret_cast<const __m128i*>(p))));
  return beyond == 0 ? kBlock : static_cast<size_t>(__builtin_ctz(beyond));
}
#else
constexpr size_t kBlock = 8;
size_t ascii_prefix(const unsigned char* p) {
  uint64_t eight;
  std::memcpy(&eight, p, 8);
  eight &= 0x8080808080808080u;
  if (eight == 0) return kBlock;
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__
  return static_cast<size_t>(__builtin_ctzll(eight)) / 8;
#else
  return static_cast<size_t>(__builtin_clzll(eight)) / 8;
#endif
}
#endif

}  // namespace

uint64_t count_units(const char* text, size_t length, OffsetUnit unit) {
  if (unit == OffsetUnit::kBytes) return length;
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  const auto* end = p + length;
  uint64_t units = 0;
  while (p < end) {
    // ASCII, one unit per byte in any unit: a block at a time, or up to the next character
    // beyond it. (A str scanned from Python counts its whole length this way: byte by byte
    // between two accents, accented text took as long to count as to scan with a small
    // gazetteer.)
    size_t ascii = 0;
    if (static_cast<size_t>(end - p) >= kBlock) {
      ascii = ascii_prefix(p);
    } else {
      while (p + ascii < end && p[ascii] < 0x80) ++ascii;
    }
    p += ascii;
    units += ascii;
    if (ascii == kBlock || p == end) continue;
    const DecodedCodePoint d = decode_utf8(p, end);
    p += d.length;
    units += (unit == OffsetUnit::kUtf16 && d.code_point > 0xFFFF) ? 2 : 1;
  }
  return units;
}

}  // namespace onoma::unicode
