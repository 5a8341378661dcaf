// Builds the JSON objects `onoma extract` prints, one per line, with the separators of the
// README (`{"doc": "a.txt", "start": 0, ...}`).
//
// Strings are escaped per RFC 8259, and every byte that is not part of well-formed UTF-8
// becomes \ufffd: documents and file names may hold anything, and each output line must still
// be valid JSON. Other non-ASCII text is written as raw UTF-8.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

namespace onoma::cli {

// Appends `text` to `out` as a quoted JSON string.
void append_json_string(std::string& out, std::string_view text);

// Writes one JSON object into a string; members appear in the order they are added. The
// member functions have distinct names so that a string literal can never turn into a bool.
class JsonObjectWriter {
 public:
  // Starts the object at the end of `out`, which must outlive the writer.
  explicit JsonObjectWriter(std::string& out);

  void string_member(std::string_view key, std::string_view value);
  void number_member(std::string_view key, uint64_t value);
  void boolean_member(std::string_view key, bool value);

  // Closes the object and ends the line.
  void finish_line();

 private:
  void begin_member(std::string_view key);

  std::string& out_;
  bool first_ = true;
};

}  // namespace onoma::cli
