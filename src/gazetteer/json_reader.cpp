#include "gazetteer/json_reader.h"

#include <cstdint>
#include <functional>
#include <unordered_set>

#include "unicode/utf8.h"

namespace onoma::json {

const Value* Value::find(std::string_view key) const {
  if (kind != Kind::kObject) return nullptr;
  for (const auto& [name, value] : members) {
    if (name == key) return &value;
  }
  return nullptr;
}

namespace {

using Members = std::vector<std::pair<std::string, Value>>;

constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
constexpr const char* kUnpairedSurrogate = "unpaired surrogate in \\u escape";

bool is_digit(char c) { return c >= '0' && c <= '9'; }

bool is_json_white_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

bool is_high_surrogate(uint32_t unit) { return unit >= 0xD800 && unit <= 0xDBFF; }

bool is_low_surrogate(uint32_t unit) { return unit >= 0xDC00 && unit <= 0xDFFF; }

int hex_digit_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

// Length of the well-formed UTF-8 sequence starting at text[pos] (pos < text.size()), or 0.
size_t utf8_sequence_length(std::string_view text, size_t pos) {
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const unicode::DecodedCodePoint decoded = unicode::decode_utf8(begin + pos, begin + text.size());
  return decoded.valid ? decoded.length : 0;
}

// The byte a one-character escape such as \n stands for, or 0 if `letter` is not one.
char simple_escape_value(char letter) {
  switch (letter) {
    case '"': return '"';
    case '\\': return '\\';
    case '/': return '/';
    case 'b': return '\b';
    case 'f': return '\f';
    case 'n': return '\n';
    case 'r': return '\r';
    case 't': return '\t';
    default: return 0;
  }
}

// Finds a repeated key while an object's members are appended. Gazetteer records have a handful
// of keys, where a linear scan is fastest; past kLinearScanLimit members a hash set of member
// indices takes over, so a hostile object with many keys costs linear rather than quadratic time.
class DuplicateKeyDetector {
 public:
  explicit DuplicateKeyDetector(const Members& members)
      : members_(members), seen_(0, KeyHash{&members}, KeyEqual{&members}) {}

  // True if the key of the member appended last already occurs earlier in the object.
  bool last_key_is_duplicate() {
    const size_t last = members_.size() - 1;
    if (members_.size() <= kLinearScanLimit) return occurs_before(last);
    if (seen_.empty()) {
      for (size_t i = 0; i < last; ++i) seen_.insert(i);
    }
    return !seen_.insert(last).second;
  }

 private:
  static constexpr size_t kLinearScanLimit = 16;

  // Indices rather than keys go into the set: indices stay valid when `members` reallocates.
  struct KeyHash {
    const Members* members;
    size_t operator()(size_t index) const {
      return std::hash<std::string_view>{}((*members)[index].first);
    }
  };
  struct KeyEqual {
    const Members* members;
    bool operator()(size_t a, size_t b) const { return (*members)[a].first == (*members)[b].first; }
  };

  bool occurs_before(size_t last) const {
    for (size_t i = 0; i < last; ++i) {
      if (members_[i].first == members_[last].first) return true;
    }
    return false;
  }

  const Members& members_;
  std::unordered_set<size_t, KeyHash, KeyEqual> seen_;
};

// Recursive-descent parser over one text. A parse_* function starts at the first byte of its
// construct (unless noted) and, on success, leaves pos_ just past it; on failure it fills
// *error_ and returns false, and every caller returns false at once, so the first defect found
// is the one reported.
class Parser {
 public:
  Parser(std::string_view text, ParseError* error) : text_(text), error_(error) {}

  bool parse_document(Value* out) {
    if (text_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
      return fail("byte order mark is not allowed", 0);
    }
    skip_white_space();
    if (at_end()) return fail("empty input", pos_);
    if (!parse_value(out, 0)) return false;
    skip_white_space();
    if (!at_end()) return fail_at_current_byte("unexpected content after value");
    return true;
  }

 private:
  // `depth` is the number of arrays and objects enclosing the value.
  bool parse_value(Value* out, int depth) {
    const size_t start = pos_;
    if (!parse_value_contents(out, depth)) return false;
    out->raw = text_.substr(start, pos_ - start);
    return true;
  }

  bool parse_value_contents(Value* out, int depth) {
    switch (current()) {
      case '{': return parse_object(out, depth);
      case '[': return parse_array(out, depth);
      case '"':
        out->kind = Kind::kString;
        return parse_string(&out->text);
      case 't': return parse_boolean(true, out);
      case 'f': return parse_boolean(false, out);
      case 'n':
        out->kind = Kind::kNull;
        return parse_literal("null");
      case '-': case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        return parse_number(out);
      default: return fail_at_current_byte("expected a value");
    }
  }

  bool parse_boolean(bool value, Value* out) {
    out->kind = Kind::kBool;
    out->boolean = value;
    return parse_literal(value ? "true" : "false");
  }

  bool parse_literal(std::string_view literal) {
    for (char expected : literal) {
      if (current() != expected) {
        return fail_at_current_byte("invalid literal, expected '" + std::string(literal) + "'");
      }
      ++pos_;
    }
    return true;
  }

  // The grammar of RFC 8259 section 6; the text is kept as written, converting is the caller's.
  bool parse_number(Value* out) {
    const size_t start = pos_;
    if (current() == '-') {
      ++pos_;
      if (!is_digit(current())) return fail_at_current_byte("expected digit after '-'");
    }
    if (current() == '0') {
      ++pos_;
      if (is_digit(current())) return fail("leading zeros are not allowed", pos_);
    } else {
      skip_digits();
    }
    if (current() == '.') {
      ++pos_;
      if (!is_digit(current())) return fail_at_current_byte("expected digit after decimal point");
      skip_digits();
    }
    if (current() == 'e' || current() == 'E') {
      ++pos_;
      if (current() == '+' || current() == '-') ++pos_;
      if (!is_digit(current())) return fail_at_current_byte("expected digit in exponent");
      skip_digits();
    }
    out->kind = Kind::kNumber;
    out->text.assign(text_.substr(start, pos_ - start));
    return true;
  }

  bool parse_array(Value* out, int depth) {
    if (depth >= kMaxNestingDepth) return fail(nesting_too_deep_reason(), pos_);
    out->kind = Kind::kArray;
    ++pos_;  // '['
    skip_white_space();
    if (current() == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      // Parsed in place, not into a temporary that would then have to be moved in.
      out->items.emplace_back();
      if (!parse_value(&out->items.back(), depth + 1)) return false;
      skip_white_space();
      if (current() == ']') {
        ++pos_;
        return true;
      }
      if (current() != ',') return fail_at_current_byte("expected ',' or ']' after array element");
      ++pos_;
      skip_white_space();
      if (current() == ']') return fail("trailing comma in array", pos_);
    }
  }

  bool parse_object(Value* out, int depth) {
    if (depth >= kMaxNestingDepth) return fail(nesting_too_deep_reason(), pos_);
    out->kind = Kind::kObject;
    ++pos_;  // '{'
    skip_white_space();
    if (current() == '}') {
      ++pos_;
      return true;
    }
    DuplicateKeyDetector duplicates(out->members);
    for (;;) {
      if (!parse_member(&out->members, &duplicates, depth + 1)) return false;
      skip_white_space();
      if (current() == '}') {
        ++pos_;
        return true;
      }
      if (current() != ',') return fail_at_current_byte("expected ',' or '}' after object member");
      ++pos_;
      skip_white_space();
      if (current() == '}') return fail("trailing comma in object", pos_);
    }
  }

  // One `"key": value` pair, appended to *members. The key is checked for duplicates before the
  // value is parsed, so the error is reported where the duplicate appears.
  bool parse_member(Members* members, DuplicateKeyDetector* duplicates, int depth) {
    if (current() != '"') return fail_at_current_byte("expected '\"' to start object key");
    const size_t key_start = pos_;
    members->emplace_back();
    if (!parse_string(&members->back().first)) return false;
    if (duplicates->last_key_is_duplicate()) {
      // The key as written (without its quotes) is printable, unlike its decoded form.
      const std::string_view key_as_written = text_.substr(key_start + 1, pos_ - key_start - 2);
      return fail("duplicate key \"" + std::string(key_as_written) + "\"", key_start);
    }
    skip_white_space();
    if (current() != ':') return fail_at_current_byte("expected ':' after object key");
    ++pos_;
    skip_white_space();
    return parse_value(&members->back().second, depth);
  }

  // Decodes a string literal (pos_ at its opening quote) into *decoded.
  bool parse_string(std::string* decoded) {
    ++pos_;  // '"'
    for (;;) {
      append_plain_run(decoded);
      if (at_end()) return fail("unterminated string", pos_);
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte == '"') {
        ++pos_;
        return true;
      }
      if (byte == '\\') {
        if (!parse_escape(decoded)) return false;
      } else if (byte < 0x20) {
        return fail("unescaped control character in string", pos_);
      } else {
        return fail("invalid UTF-8", pos_);  // append_plain_run stops only at ill-formed UTF-8
      }
    }
  }

  // Appends, in one piece, the bytes from pos_ that stand for themselves: everything up to a
  // quote, a backslash, a control character or ill-formed UTF-8.
  void append_plain_run(std::string* decoded) {
    const size_t start = pos_;
    while (!at_end()) {
      const auto byte = static_cast<unsigned char>(text_[pos_]);
      if (byte == '"' || byte == '\\' || byte < 0x20) break;
      if (byte < 0x80) {
        ++pos_;
        continue;
      }
      const size_t length = utf8_sequence_length(text_, pos_);
      if (length == 0) break;
      pos_ += length;
    }
    decoded->append(text_.data() + start, pos_ - start);
  }

  // pos_ at the backslash.
  bool parse_escape(std::string* decoded) {
    const size_t escape_start = pos_;
    ++pos_;
    if (at_end()) return fail("unterminated string", pos_);
    const char letter = text_[pos_];
    if (letter == 'u') {
      ++pos_;
      return parse_unicode_escape(escape_start, decoded);
    }
    const char value = simple_escape_value(letter);
    if (value == 0) return fail_at_current_byte("invalid escape sequence");
    decoded->push_back(value);
    ++pos_;
    return true;
  }

  // pos_ just past "\u". A UTF-16 surrogate pair must arrive as two consecutive escapes.
  bool parse_unicode_escape(size_t escape_start, std::string* decoded) {
    uint32_t unit = 0;
    if (!read_four_hex_digits(&unit)) return false;
    if (is_low_surrogate(unit)) return fail(kUnpairedSurrogate, escape_start);
    if (!is_high_surrogate(unit)) {
      unicode::append_utf8(*decoded, unit);
      return true;
    }
    if (text_.substr(pos_, 2) != "\\u") return fail(kUnpairedSurrogate, escape_start);
    pos_ += 2;
    uint32_t low = 0;
    if (!read_four_hex_digits(&low)) return false;
    if (!is_low_surrogate(low)) return fail(kUnpairedSurrogate, escape_start);
    unicode::append_utf8(*decoded, 0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00));
    return true;
  }

  bool read_four_hex_digits(uint32_t* unit) {
    for (int i = 0; i < 4; ++i) {
      const int digit = at_end() ? -1 : hex_digit_value(text_[pos_]);
      if (digit < 0) return fail_at_current_byte("expected 4 hex digits after \\u");
      *unit = *unit * 16 + static_cast<uint32_t>(digit);
      ++pos_;
    }
    return true;
  }

  void skip_white_space() {
    while (!at_end() && is_json_white_space(text_[pos_])) ++pos_;
  }

  void skip_digits() {
    while (is_digit(current())) ++pos_;
  }

  bool at_end() const { return pos_ >= text_.size(); }

  // The byte at pos_, or NUL at the end. Callers only compare it with characters JSON syntax
  // expects, none of which is NUL, so a real NUL byte is rejected just like the end of input.
  char current() const { return at_end() ? '\0' : text_[pos_]; }

  static std::string nesting_too_deep_reason() {
    return "nesting deeper than " + std::to_string(kMaxNestingDepth) + " levels";
  }

  // Rejects the byte at pos_. Ill-formed UTF-8 is named as such wherever it occurs: "invalid
  // UTF-8" tells the user more than the token the grammar expected there.
  bool fail_at_current_byte(std::string reason) {
    if (!at_end() && utf8_sequence_length(text_, pos_) == 0) return fail("invalid UTF-8", pos_);
    return fail(std::move(reason), pos_);
  }

  bool fail(std::string reason, size_t offset) {
    error_->reason = std::move(reason);
    error_->offset = offset;
    return false;
  }

  std::string_view text_;
  ParseError* error_;
  size_t pos_ = 0;
};

}  // namespace

bool parse(std::string_view text, Value* out, ParseError* error) {
  *out = Value();  // parse_value fills in only what the value's kind needs
  return Parser(text, error).parse_document(out);
}

}  // namespace onoma::json
