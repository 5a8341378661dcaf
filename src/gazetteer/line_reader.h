// Walks a gazetteer's lines with 1-based line numbers, as every loader reports errors by line.
// Accepts "\n" and "\r\n" endings and skips a UTF-8 byte-order mark at the start, as editors on
// some systems write one.
//
// The lines come from content in memory, or from a file read a block at a time: a gazetteer
// file is parsed as it is read, so loading one never holds the whole file (the 10M-alias
// benchmark gazetteer is 500 MB) beside what is built from it.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace onoma::gazetteer {

class LineReader {
 public:
  // How much of a file is read at a time: lines longer than this still come whole.
  static constexpr size_t kDefaultBlockBytes = size_t{1} << 20;

  explicit LineReader(std::string_view content);
  // Reads the open file `fd` (which the caller closes); `path` names it in I/O errors, which
  // throw InputError of kind kIo.
  LineReader(int fd, std::string path, size_t block_bytes = kDefaultBlockBytes);
  LineReader(const LineReader&) = delete;
  LineReader& operator=(const LineReader&) = delete;

  // Sets *line to the next line (without its ending), valid until the next call to next() or
  // peek_record(); false at the end.
  bool next(std::string_view* line);
  // Sets *line to the next line that is not blank without consuming anything; false if none.
  bool peek_record(std::string_view* line);

  uint64_t line_number() const { return number_; }

  static bool is_blank(std::string_view line) {
    return line.find_first_not_of(" \t") == std::string_view::npos;
  }

 private:
  // Reads more of the file after what is unconsumed; false at its end (or for content).
  bool read_more();
  size_t find_newline(size_t from);
  void skip_byte_order_mark();

  std::string_view rest_;  // what is not consumed yet
  uint64_t number_ = 0;
  int fd_ = -1;  // -1 for content in memory
  std::string path_;
  std::string buffer_;  // for a file: rest_ lies in it
  size_t block_bytes_ = 0;
  bool at_end_ = false;
};

}  // namespace onoma::gazetteer
