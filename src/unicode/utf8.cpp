#include "unicode/utf8.h"

namespace onoma::unicode {

bool is_valid_utf8(const char* text, size_t length) {
  const auto* p = reinterpret_cast<const unsigned char*>(text);
  const auto* end = p + length;
  while (p < end) {
    const DecodedCodePoint d = decode_utf8(p, end);
    if (!d.valid) return false;
    p += d.length;
  }
  return true;
}

}  // namespace onoma::unicode
