#include "str_to_utf8.h"

#include <cstdint>
#include <cstring>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

namespace onoma_python {
namespace {

// The bits of eight bytes of code units that are set only where some unit is beyond ASCII.
template <class Unit>
constexpr uint64_t kBeyondAscii = sizeof(Unit) == 1   ? 0x8080808080808080ULL
                                  : sizeof(Unit) == 2 ? 0xFF80FF80FF80FF80ULL
                                                      : 0xFFFFFF80FFFFFF80ULL;

// Eight bytes of ASCII code units (little-endian) as their bytes, written at `out`; returns
// where the next byte goes.
template <class Unit>
char* write_ascii(uint64_t units, char* out) {
  if constexpr (sizeof(Unit) == 1) {
    std::memcpy(out, &units, 8);
    return out + 8;
  } else if constexpr (sizeof(Unit) == 2) {
    const auto bytes = static_cast<uint32_t>((units & 0xFF) | ((units >> 8) & 0xFF00) |
                                             ((units >> 16) & 0xFF0000) |
                                             ((units >> 24) & 0xFF000000));
    std::memcpy(out, &bytes, 4);
    return out + 4;
  } else {
    const auto bytes = static_cast<uint16_t>((units & 0xFF) | ((units >> 24) & 0xFF00));
    std::memcpy(out, &bytes, 2);
    return out + 2;
  }
}

char* write_code_point(uint32_t c, char* out) {
  if (c < 0x80) {
    *out++ = static_cast<char>(c);
  } else if (c < 0x800) {
    *out++ = static_cast<char>(0xC0 | (c >> 6));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    if (c >= 0xD800 && c <= 0xDFFF) c = 0xFFFD;  // a lone surrogate
    *out++ = static_cast<char>(0xE0 | (c >> 12));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  } else {
    *out++ = static_cast<char>(0xF0 | (c >> 18));
    *out++ = static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    *out++ = static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    *out++ = static_cast<char>(0x80 | (c & 0x3F));
  }
  return out;
}

#if defined(__SSE2__)
// One bit per byte of `v`: set where the byte has no bit of `beyond`.
inline uint32_t mask_of_clear(__m128i v, __m128i beyond) {
  return static_cast<uint32_t>(
      _mm_movemask_epi8(_mm_cmpeq_epi8(_mm_and_si128(v, beyond), _mm_setzero_si128())));
}
inline bool is_clear(__m128i v, __m128i beyond) { return mask_of_clear(v, beyond) == 0xFFFF; }

// Sixteen code units at a time (SSE2, x86-64's baseline): their bytes narrowed by a pack and
// stored whole, then kept up to the first unit beyond ASCII. Stops at that unit (returns its
// index) or where fewer than 16 are left. The buffer has room: each unit left has at least
// one byte of it, each unit written before a non-ASCII one at least two.
template <class Unit>
size_t write_ascii_sixteens(const Unit* units, size_t i, size_t length, char*& out) {
  constexpr size_t kVectors = sizeof(Unit);  // of 16 bytes, for 16 units
  const __m128i beyond = _mm_set1_epi32(static_cast<int>(static_cast<uint32_t>(
      kBeyondAscii<Unit> & 0xFFFFFFFF)));
  while (length - i >= 16) {
    __m128i v[kVectors];
    __m128i any = _mm_setzero_si128();
    for (size_t k = 0; k < kVectors; ++k) {
      v[k] = _mm_loadu_si128(reinterpret_cast<const __m128i*>(units + i) + k);
      any = _mm_or_si128(any, v[k]);
    }
    __m128i bytes;
    if constexpr (sizeof(Unit) == 1) {
      bytes = v[0];
    } else if constexpr (sizeof(Unit) == 2) {
      bytes = _mm_packus_epi16(v[0], v[1]);
    } else {
      bytes = _mm_packus_epi16(_mm_packs_epi32(v[0], v[1]), _mm_packs_epi32(v[2], v[3]));
    }
    _mm_storeu_si128(reinterpret_cast<__m128i*>(out), bytes);
    if (is_clear(any, beyond)) {
      out += 16;
      i += 16;
      continue;
    }
    // Which units are beyond ASCII: one bit per byte of the 16 units, set where a unit's byte
    // has a bit of kBeyondAscii.
    uint64_t not_ascii = 0;
    for (size_t k = 0; k < kVectors; ++k) {
      not_ascii |= uint64_t{static_cast<uint32_t>(~mask_of_clear(v[k], beyond) & 0xFFFF)}
                   << (16 * k);
    }
    const size_t ascii_units = static_cast<size_t>(__builtin_ctzll(not_ascii)) / sizeof(Unit);
    out += ascii_units;  // the packed bytes of the units before it are theirs
    return i + ascii_units;
  }
  return i;
}
#endif

template <class Unit>
size_t encode(const Unit* units, size_t length, char* out) {
  constexpr size_t kPerEight = 8 / sizeof(Unit);
  // Reading units eight bytes at a time assumes that a word holds them first to last from its
  // lowest byte up.
  constexpr bool kLittleEndian = __BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__;
  char* const start = out;
  size_t i = 0;
  while (i < length) {
#if defined(__SSE2__)
    i = write_ascii_sixteens(units, i, length, out);
#endif
    // Then eight bytes of units at a time: what is left of a run of ASCII, or all of it
    // without SSE2.
    while (kLittleEndian && length - i >= kPerEight) {
      uint64_t eight;
      std::memcpy(&eight, units + i, 8);
      if ((eight & kBeyondAscii<Unit>) != 0) break;
      out = write_ascii<Unit>(eight, out);
      i += kPerEight;
    }
    if (i == length) break;
    // One code point, then a run of ASCII again: at most kPerEight code points go one by one
    // for each beyond ASCII.
    out = write_code_point(units[i++], out);
  }
  return static_cast<size_t>(out - start);
}

}  // namespace

size_t utf8_capacity(size_t length, int kind) {
  // The longest UTF-8 form of a code point of each kind: U+00FF, U+FFFF, U+10FFFF.
  return length * (kind == 1 ? 2 : kind == 2 ? 3 : 4);
}

size_t write_utf8(const void* code_points, size_t length, int kind, char* out) {
  switch (kind) {
    case 1:
      return encode(static_cast<const uint8_t*>(code_points), length, out);
    case 2:
      return encode(static_cast<const uint16_t*>(code_points), length, out);
    default:
      return encode(static_cast<const uint32_t*>(code_points), length, out);
  }
}

Utf8Copy str_to_utf8(const void* code_points, size_t length, int kind) {
  Utf8Copy copy;
  // Not zeroed: every byte up to `size` is written; and a text's pages that are never written
  // never become resident.
  copy.bytes.reset(new char[utf8_capacity(length, kind) + 1]);
  copy.size = write_utf8(code_points, length, kind, copy.bytes.get());
  return copy;
}

}  // namespace onoma_python
