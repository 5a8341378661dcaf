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

// Steps over a run of ASCII (up to a block) or one character beyond it, adding its units.
const unsigned char* step_characters(const unsigned char* p, const unsigned char* end,
                                     OffsetUnit unit, uint64_t& units) {
  size_t ascii = 0;
  if (static_cast<size_t>(end - p) >= kBlock) {
    ascii = ascii_prefix(p);
  } else {
    while (p + ascii < end && p[ascii] < 0x80) ++ascii;
  }
  p += ascii;
  units += ascii;
  if (ascii == kBlock || p == end) return p;
  const DecodedCodePoint d = decode_utf8(p, end);
  units += (unit == OffsetUnit::kUtf16 && d.code_point > 0xFFFF) ? 2 : 1;
  return p + d.length;
}

#if defined(__SSE2__)
// 64 bytes counted at once when they hold only strictly valid characters: then each byte that
// is not a continuation byte begins one code point (two UTF-16 units when it leads four
// bytes). Going character by character, accented European text (a two-byte letter every few
// words) took 1.8 ms per 4 MB to count, a third of a scan of it with a small gazetteer, most
// of it in mispredicted branches and in each step waiting for the last one's length; chunks
// are read at a fixed stride, so only the few bits of a character that crosses into the next
// chunk carry over. Leads whose second byte has a narrower range (E0, ED, F0, F4) and bytes
// that begin no character are left to decode_utf8.
constexpr size_t kChunk = 4 * kBlock;

__m128i load(const unsigned char* p) {
  return _mm_loadu_si128(reinterpret_cast<const __m128i*>(p));
}
uint64_t bits(__m128i byte_mask) {
  return static_cast<uint32_t>(_mm_movemask_epi8(byte_mask));
}
// Bytes compare as signed: 0x80 is -128, 0xC0 -64, 0xE0 -32, 0xF0 -16.
__m128i in_range(__m128i v, int8_t low, int8_t high) {
  return _mm_and_si128(_mm_cmpgt_epi8(v, _mm_set1_epi8(static_cast<char>(low - 1))),
                       _mm_cmplt_epi8(v, _mm_set1_epi8(static_cast<char>(high + 1))));
}
__m128i continuation_bytes(__m128i v) { return _mm_cmplt_epi8(v, _mm_set1_epi8(-64)); }

bool ascii_chunk(const unsigned char* p) {
  const __m128i any = _mm_or_si128(_mm_or_si128(load(p), load(p + kBlock)),
                                   _mm_or_si128(load(p + 2 * kBlock), load(p + 3 * kBlock)));
  return _mm_movemask_epi8(any) == 0;
}

// Counts the chunk at `p` into `units` when it is made of valid characters; else false.
// `claimed` has a bit for each byte at the chunk's start that continues the character
// before it (already counted), and on success those that its last character claims past it:
// bits 0 to 2, a run from bit 0. `p` has kChunk + kBlock bytes after it.
bool count_chunk(const unsigned char* p, OffsetUnit unit, uint64_t& claimed, uint64_t& units) {
  uint64_t continuations = 0, leads = 0, leads_of_3_or_4 = 0, leads_of_4 = 0, beyond = 0;
  __m128i begins = _mm_setzero_si128();     // per byte lane: characters begun there
  __m128i astral = _mm_setzero_si128();
  for (unsigned i = 0; i < 4; ++i) {
    const __m128i v = load(p + i * kBlock);
    const __m128i continuation = continuation_bytes(v);
    const __m128i lead2 = in_range(v, -62, -33);  // C2..DF
    const __m128i lead3 = _mm_andnot_si128(_mm_cmpeq_epi8(v, _mm_set1_epi8(-19)),
                                           in_range(v, -31, -17));  // E1..EF but ED
    const __m128i lead4 = in_range(v, -15, -13);  // F1..F3
    const unsigned shift = i * kBlock;
    continuations |= bits(continuation) << shift;
    leads |= bits(_mm_or_si128(lead2, _mm_or_si128(lead3, lead4))) << shift;
    leads_of_3_or_4 |= bits(_mm_or_si128(lead3, lead4)) << shift;
    leads_of_4 |= bits(lead4) << shift;
    beyond |= bits(v) << shift;
    begins = _mm_sub_epi8(begins, _mm_cmpeq_epi8(continuation, _mm_setzero_si128()));
    astral = _mm_sub_epi8(astral, lead4);
  }
  if ((beyond & ~(continuations | leads)) != 0) return false;
  // Where continuation bytes must be. Two leads cannot claim the same byte: a lead between
  // them would stand where a continuation byte is expected.
  const uint64_t expected = claimed | leads << 1 | leads_of_3_or_4 << 2 | leads_of_4 << 3;
  if (expected != continuations) return false;
  const uint64_t past = leads >> 63 | leads_of_3_or_4 >> 62 | leads_of_4 >> 61;
  if ((past & ~bits(continuation_bytes(load(p + kChunk)))) != 0) return false;
  claimed = past;
  const __m128i zero = _mm_setzero_si128();
  __m128i sums = _mm_sad_epu8(begins, zero);
  if (unit == OffsetUnit::kUtf16) sums = _mm_add_epi64(sums, _mm_sad_epu8(astral, zero));
  // Each half's sum is at most 64: its low 32 bits hold it (and 32-bit x86 has SSE2 too).
  units += static_cast<uint32_t>(_mm_cvtsi128_si32(sums)) +
           static_cast<uint32_t>(_mm_cvtsi128_si32(_mm_srli_si128(sums, 8)));
  return true;
}

// How many bytes `claimed` marks: 0 to 3.
size_t claimed_length(uint64_t claimed) {
  return static_cast<size_t>(__builtin_ctzll(claimed + 1));
}
#endif

}  // namespace

uint64_t count_units(const char* text, size_t length, OffsetUnit unit) {
  if (unit == OffsetUnit::kBytes) return length;
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  const auto* end = p + length;
  uint64_t units = 0;
#if defined(__SSE2__)
  uint64_t claimed = 0;
  while (static_cast<size_t>(end - p) >= kChunk + kBlock) {
    if (claimed == 0 && ascii_chunk(p)) {
      p += kChunk;
      units += kChunk;
    } else if (count_chunk(p, unit, claimed, units)) {
      p += kChunk;
    } else {
      // Not whole valid characters: past the bytes the last counted one owns, then on one
      // character at a time (how an invalid byte counts is decode_utf8's to say).
      p = step_characters(p + claimed_length(claimed), end, unit, units);
      claimed = 0;
    }
  }
  p += claimed_length(claimed);
#endif
  while (p < end) p = step_characters(p, end, unit, units);
  return units;
}

}  // namespace onoma::unicode
