#include "unicode/acronym.h"

#include <unicode/uchar.h>

#include "unicode/utf8.h"

namespace onoma::unicode {

bool is_short_capitalized_alias(std::string_view alias) {
  const auto* p = reinterpret_cast<const unsigned char*>(alias.data());
  const auto* end = p + alias.size();
  int letters = 0;
  while (p < end) {
    const DecodedCodePoint d = decode_utf8(p, end);
    if (!d.valid) return false;
    p += d.length;
    const int8_t type = u_charType(d.code_point);
    // A combining mark belongs to the character before it: "SPÖ" in NFD (O + U+0308) is still
    // three capital letters, as NFC and NFD agree everywhere else in matching.
    const bool mark = (U_GET_GC_MASK(d.code_point) & U_GC_M_MASK) != 0;
    if (type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER) {
      ++letters;
    } else if (!mark && type != U_DECIMAL_DIGIT_NUMBER && d.code_point != U'.') {
      return false;
    }
  }
  return letters >= 1 && letters <= 4;
}

}  // namespace onoma::unicode
