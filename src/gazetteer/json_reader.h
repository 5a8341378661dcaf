// A small, strict JSON reader (RFC 8259) for the gazetteer loaders, which read JSON Lines files
// one line at a time. Anything RFC 8259 does not allow is an error with a short reason and the
// byte offset of the problem, so a bad line in a large gazetteer can be reported precisely.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onoma::json {

// Arrays and objects may nest this deep; one level more is an error. The parser recurses once
// per level, so the limit is also what keeps hostile input from exhausting the stack.
inline constexpr int kMaxNestingDepth = 128;

enum class Kind { kNull, kBool, kNumber, kString, kArray, kObject };

// One parsed JSON value. Strings are decoded (escapes resolved) to UTF-8.
// `raw` is the exact source text of the value (e.g. a "meta" object returned verbatim),
// a view into the text given to parse(): valid while that text lives.
struct Value {
  Kind kind = Kind::kNull;
  bool boolean = false;                                  // kBool
  std::string text;                                      // kString: decoded; kNumber: the number as written
  std::vector<Value> items;                              // kArray
  std::vector<std::pair<std::string, Value>> members;    // kObject, in document order
  std::string_view raw;

  // The member named `key` of an object, or nullptr (also for non-objects).
  const Value* find(std::string_view key) const;
};

struct ParseError {
  std::string reason;     // e.g. "expected ':' after object key", "invalid UTF-8"
  size_t offset = 0;      // byte offset into the text where the problem was found
};

// Parses exactly one JSON value (RFC 8259) that spans `text`, white space allowed around it.
// Returns false and fills *error (never null) on any defect; *out is then unspecified.
//
// The offset is that of the offending byte: the first byte of an invalid UTF-8 sequence, the
// backslash of an unpaired surrogate escape, the opening quote of a duplicate key, and
// text.size() when the input ends too early. Decoded strings may contain U+0000 ("\u0000"),
// which GazetteerBuilder refuses in ids, labels, names and aliases.
bool parse(std::string_view text, Value* out, ParseError* error);

}  // namespace onoma::json
