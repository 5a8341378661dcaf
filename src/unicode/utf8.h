// UTF-8 decoding and encoding shared by every layer. Decoding is strict (RFC 3629): overlong
// forms, surrogates and values above U+10FFFF are invalid, and each byte that does not start a
// valid sequence decodes as U+FFFD of length one, so offsets always stay on original bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace onoma::unicode {

inline constexpr char32_t kReplacementCharacter = 0xFFFD;

struct DecodedCodePoint {
  char32_t code_point;
  uint32_t length;  // bytes consumed, 1..4
  bool valid;       // false: an invalid byte, reported as U+FFFD
};

inline DecodedCodePoint decode_utf8(const unsigned char* p, const unsigned char* end) {
  const unsigned char lead = p[0];
  if (lead < 0x80) return {lead, 1, true};
  const DecodedCodePoint invalid{kReplacementCharacter, 1, false};
  const size_t available = static_cast<size_t>(end - p);
  auto continuation = [&](size_t i) { return i < available && (p[i] & 0xC0) == 0x80; };
  if (lead >= 0xC2 && lead <= 0xDF) {
    if (!continuation(1)) return invalid;
    return {static_cast<char32_t>(((lead & 0x1F) << 6) | (p[1] & 0x3F)), 2, true};
  }
  if (lead >= 0xE0 && lead <= 0xEF) {
    if (!continuation(1) || !continuation(2)) return invalid;
    const char32_t cp = ((lead & 0x0F) << 12) | ((p[1] & 0x3F) << 6) | (p[2] & 0x3F);
    if (cp < 0x800 || (cp >= 0xD800 && cp <= 0xDFFF)) return invalid;
    return {cp, 3, true};
  }
  if (lead >= 0xF0 && lead <= 0xF4) {
    if (!continuation(1) || !continuation(2) || !continuation(3)) return invalid;
    const char32_t cp =
        ((lead & 0x07) << 18) | ((p[1] & 0x3F) << 12) | ((p[2] & 0x3F) << 6) | (p[3] & 0x3F);
    if (cp < 0x10000 || cp > 0x10FFFF) return invalid;
    return {cp, 4, true};
  }
  return invalid;
}

// Appends the UTF-8 form of a scalar value (the caller guarantees it is one).
inline void append_utf8(std::string& out, char32_t cp) {
  if (cp < 0x80) {
    out.push_back(static_cast<char>(cp));
  } else if (cp < 0x800) {
    out.push_back(static_cast<char>(0xC0 | (cp >> 6)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else if (cp < 0x10000) {
    out.push_back(static_cast<char>(0xE0 | (cp >> 12)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  } else {
    out.push_back(static_cast<char>(0xF0 | (cp >> 18)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 12) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | ((cp >> 6) & 0x3F)));
    out.push_back(static_cast<char>(0x80 | (cp & 0x3F)));
  }
}

// True when `text` is entirely valid UTF-8.
bool is_valid_utf8(const char* text, size_t length);

}  // namespace onoma::unicode
