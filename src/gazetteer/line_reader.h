// Walks a file's content line by line with 1-based line numbers, as every loader reports
// errors by line. Accepts "\n" and "\r\n" endings and skips a UTF-8 byte-order mark at the
// start, as editors on some systems write one.
#pragma once

#include <cstdint>
#include <string_view>

namespace onoma::gazetteer {

class LineReader {
 public:
  explicit LineReader(std::string_view content) : rest_(content) {
    if (rest_.substr(0, 3) == "\xEF\xBB\xBF") rest_.remove_prefix(3);
  }

  // Sets *line to the next line (without its ending); false at the end of the content.
  bool next(std::string_view* line) {
    if (rest_.empty()) return false;
    const size_t newline = rest_.find('\n');
    *line = rest_.substr(0, newline);
    rest_.remove_prefix(newline == std::string_view::npos ? rest_.size() : newline + 1);
    if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
    ++number_;
    return true;
  }

  uint64_t line_number() const { return number_; }

  static bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
  }

 private:
  std::string_view rest_;
  uint64_t number_ = 0;
};

}  // namespace onoma::gazetteer
