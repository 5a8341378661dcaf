#include "same_answer.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <algorithm>

namespace bench {

static bool is_word_code_point(UChar32 c) {
  if (c < 0x80) {  // the common case without ICU
    return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           c == '_';
  }
  if (c < 0) return false;  // invalid UTF-8 counts as U+FFFD, not a word character
  return (U_GET_GC_MASK(c) & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK)) != 0;
}

bool is_word_at(std::string_view text, std::uint64_t offset) {
  if (offset >= text.size()) return false;
  auto s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(offset), n = static_cast<int32_t>(text.size());
  UChar32 c;
  U8_NEXT(s, i, n, c);
  return is_word_code_point(c);
}

bool is_word_before(std::string_view text, std::uint64_t offset) {
  if (offset == 0) return false;
  auto s = reinterpret_cast<const uint8_t*>(text.data());
  int32_t i = static_cast<int32_t>(offset);
  UChar32 c;
  U8_PREV(s, 0, i, c);
  return is_word_code_point(c);
}

std::vector<Span> same_answer(std::string_view text, std::vector<Span>& spans) {
  auto bounded = [&](const Span& m) {
    bool open_start = is_word_before(text, m.first) && is_word_at(text, m.first);
    bool open_end = is_word_before(text, m.second) && is_word_at(text, m.second);
    return !open_start && !open_end;
  };
  spans.erase(std::remove_if(spans.begin(), spans.end(), [&](const Span& m) { return !bounded(m); }),
              spans.end());
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) {
    return a.first != b.first ? a.first < b.first : a.second > b.second;
  });
  std::vector<Span> out;
  std::uint64_t floor = 0;
  for (const Span& m : spans) {
    if (m.first >= floor) {
      out.push_back(m);
      floor = m.second;
    }
  }
  return out;
}

}  // namespace bench
