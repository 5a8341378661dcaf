// What the fuzz targets share: stopping with a message when an invariant breaks, and UTF-8
// checks written from Unicode's table of well-formed byte sequences (Table 3-7) rather than
// with the library's decoder, so a fuzzer does not trust the code it tests.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::fuzz {

// Prints "file:line: invariant broken: condition: message" and the input, then aborts, which
// libFuzzer reports as a crash and saves the input for.
[[noreturn]] void fail(const char* file, int line, const char* condition,
                       const std::string& message);

// The fuzz input, kept so that fail() can show it.
void set_current_input(const unsigned char* data, size_t size);

// `bytes` with anything but printable ASCII escaped (\n, \t, \xHH), in double quotes.
std::string printable(std::string_view bytes);

// The length of the well-formed UTF-8 sequence that starts at text[pos], or 0.
size_t well_formed_length(std::string_view text, size_t pos);
bool is_well_formed_utf8(std::string_view text);

// One flag per byte offset 0..text.size(): true where the offset is not inside a well-formed
// sequence (an ill-formed byte is a unit of its own, as it stands for U+FFFD).
std::vector<bool> code_point_boundaries(std::string_view text);

// `text` with each ill-formed byte replaced by U+FFFD: how the library reads it.
std::string with_replacement_characters(std::string_view text);

}  // namespace onoma::fuzz

#define ONOMA_FUZZ_CHECK(condition, message)                                         \
  do {                                                                               \
    if (!(condition)) ::onoma::fuzz::fail(__FILE__, __LINE__, #condition, (message)); \
  } while (0)
