#include "unicode/offset_units.h"

#include <cstring>

#include "unicode/utf8.h"

namespace onoma::unicode {

uint64_t count_units(const char* text, size_t length, OffsetUnit unit) {
  if (unit == OffsetUnit::kBytes) return length;
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  const auto* end = p + length;
  uint64_t units = 0;
  while (p < end) {
    // Eight ASCII bytes at a time: one unit each in any unit.
    uint64_t eight;
    if (end - p >= 8 && (std::memcpy(&eight, p, 8), (eight & 0x8080808080808080u) == 0)) {
      p += 8;
      units += 8;
      continue;
    }
    if (*p < 0x80) {  // ASCII: one unit either way
      ++p;
      ++units;
      continue;
    }
    const DecodedCodePoint d = decode_utf8(p, end);
    p += d.length;
    units += (unit == OffsetUnit::kUtf16 && d.code_point > 0xFFFF) ? 2 : 1;
  }
  return units;
}

}  // namespace onoma::unicode
