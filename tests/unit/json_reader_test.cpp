#include "gazetteer/json_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>

namespace onoma::json {
namespace {

using namespace std::string_view_literals;  // "...\0..."sv keeps embedded NUL bytes

Value parse_ok(std::string_view text) {
  Value value;
  ParseError error;
  EXPECT_TRUE(parse(text, &value, &error))
      << "text: " << text << "\nreason: " << error.reason << " at " << error.offset;
  return value;
}

ParseError parse_error(std::string_view text) {
  Value value;
  ParseError error;
  EXPECT_FALSE(parse(text, &value, &error)) << "text: " << text;
  return error;
}

// Checks one rejected input: the reason and the offset of the offending byte.
void expect_error(std::string_view text, const std::string& reason, size_t offset) {
  SCOPED_TRACE(testing::Message() << "text: " << text);
  const ParseError error = parse_error(text);
  EXPECT_EQ(error.reason, reason);
  EXPECT_EQ(error.offset, offset);
}

std::string nested_arrays(int depth) { return std::string(depth, '[') + std::string(depth, ']'); }

TEST(JsonReader, ParsesNull) {
  const Value value = parse_ok("null");
  EXPECT_EQ(value.kind, Kind::kNull);
  EXPECT_EQ(value.raw, "null");
}

TEST(JsonReader, ParsesBooleans) {
  const Value yes = parse_ok("true");
  EXPECT_EQ(yes.kind, Kind::kBool);
  EXPECT_TRUE(yes.boolean);
  const Value no = parse_ok("false");
  EXPECT_EQ(no.kind, Kind::kBool);
  EXPECT_FALSE(no.boolean);
}

TEST(JsonReader, ParsesNumbersKeepingTheirText) {
  for (const char* number : {"0", "-0", "7", "-12", "3.25", "0.5", "1e10", "1E+2", "-2.5e-3",
                             "6.02E23", "123456789012345678901234567890"}) {
    SCOPED_TRACE(number);
    const Value value = parse_ok(number);
    EXPECT_EQ(value.kind, Kind::kNumber);
    EXPECT_EQ(value.text, number);
    EXPECT_EQ(value.raw, number);
  }
}

TEST(JsonReader, ParsesStrings) {
  const Value value = parse_ok(R"("Paris")");
  EXPECT_EQ(value.kind, Kind::kString);
  EXPECT_EQ(value.text, "Paris");
  EXPECT_EQ(value.raw, R"("Paris")");
  EXPECT_EQ(parse_ok(R"("")").text, "");
}

TEST(JsonReader, ParsesArraysOfMixedValues) {
  const Value value = parse_ok(R"([1, "two", [true], {}, null])");
  ASSERT_EQ(value.kind, Kind::kArray);
  ASSERT_EQ(value.items.size(), 5u);
  EXPECT_EQ(value.items[0].kind, Kind::kNumber);
  EXPECT_EQ(value.items[0].text, "1");
  EXPECT_EQ(value.items[1].kind, Kind::kString);
  EXPECT_EQ(value.items[1].text, "two");
  ASSERT_EQ(value.items[2].kind, Kind::kArray);
  ASSERT_EQ(value.items[2].items.size(), 1u);
  EXPECT_TRUE(value.items[2].items[0].boolean);
  EXPECT_EQ(value.items[3].kind, Kind::kObject);
  EXPECT_TRUE(value.items[3].members.empty());
  EXPECT_EQ(value.items[4].kind, Kind::kNull);
}

TEST(JsonReader, ParsesObjectMembersInDocumentOrder) {
  const Value value = parse_ok(R"({"z": 1, "a": "x", "m": [], "b": false})");
  ASSERT_EQ(value.kind, Kind::kObject);
  ASSERT_EQ(value.members.size(), 4u);
  EXPECT_EQ(value.members[0].first, "z");
  EXPECT_EQ(value.members[1].first, "a");
  EXPECT_EQ(value.members[2].first, "m");
  EXPECT_EQ(value.members[3].first, "b");
  EXPECT_EQ(value.members[0].second.text, "1");
  EXPECT_EQ(value.members[1].second.text, "x");
  EXPECT_EQ(value.members[2].second.kind, Kind::kArray);
  EXPECT_EQ(value.members[3].second.kind, Kind::kBool);
}

TEST(JsonReader, ParsesEmptyContainers) {
  EXPECT_EQ(parse_ok("[]").kind, Kind::kArray);
  EXPECT_EQ(parse_ok("{ }").kind, Kind::kObject);
  EXPECT_TRUE(parse_ok("[ \n ]").items.empty());
}

TEST(JsonReader, AllowsJsonWhiteSpaceAroundValues) {
  const Value value = parse_ok(" \t\r\n{ \"a\" :\t[ 1 ,2 ] }\r\n");
  EXPECT_EQ(value.raw, "{ \"a\" :\t[ 1 ,2 ] }");
  ASSERT_NE(value.find("a"), nullptr);
  EXPECT_EQ(value.find("a")->items.size(), 2u);
}

TEST(JsonReader, RejectsWhiteSpaceThatJsonDoesNotDefine) {
  expect_error("\f1", "expected a value", 0);
  expect_error("1\v", "unexpected content after value", 1);
  expect_error("\xC2\xA0" "1", "expected a value", 0);  // U+00A0 NO-BREAK SPACE
}

TEST(JsonReader, DecodesSimpleEscapes) {
  EXPECT_EQ(parse_ok(R"("\" \\ \/ \b \f \n \r \t")").text, "\" \\ / \b \f \n \r \t");
}

TEST(JsonReader, DecodesUnicodeEscapesToUtf8) {
  EXPECT_EQ(parse_ok(R"("caf\u00e9")").text, "caf\xC3\xA9");
  EXPECT_EQ(parse_ok(R"("\u00C9")").text, "\xC3\x89");
  EXPECT_EQ(parse_ok(R"("\u0041\u20AC")").text, "A\xE2\x82\xAC");
  EXPECT_EQ(parse_ok(R"("\u0000")").text, "\0"sv);
}

TEST(JsonReader, DecodesSurrogatePairToOneCodePoint) {
  EXPECT_EQ(parse_ok(R"("\ud83d\ude00")").text, "\xF0\x9F\x98\x80");  // U+1F600
  EXPECT_EQ(parse_ok(R"("\uDBFF\uDFFF")").text, "\xF4\x8F\xBF\xBF");  // U+10FFFF
}

TEST(JsonReader, PassesRawUtf8Through) {
  const std::string text = "\"Z\xC3\xBCrich \xE2\x82\xAC \xF0\x9F\x98\x80 \xF4\x8F\xBF\xBF\x7F\"";
  EXPECT_EQ(parse_ok(text).text, text.substr(1, text.size() - 2));
}

TEST(JsonReader, RawOfNestedObjectIsItsExactSourceSlice) {
  const std::string text =
      "{\"name\": \"Paris\", \"meta\":  { \"pop\" : 2.1e6,\n\t\"tags\": [ \"capital\" ] }\n}";
  const Value value = parse_ok(text);
  const Value* meta = value.find("meta");
  ASSERT_NE(meta, nullptr);
  EXPECT_EQ(meta->raw, "{ \"pop\" : 2.1e6,\n\t\"tags\": [ \"capital\" ] }");
  EXPECT_EQ(meta->raw.data(), text.data() + text.find("{ \"pop\""));  // a view, not a copy
  EXPECT_EQ(meta->find("tags")->raw, "[ \"capital\" ]");
  EXPECT_EQ(value.raw, text);
}

TEST(JsonReader, RawOfStringKeepsQuotesAndEscapes) {
  const Value value = parse_ok(R"( ["a\nb", "\u00e9"] )");
  EXPECT_EQ(value.items[0].raw, R"("a\nb")");
  EXPECT_EQ(value.items[1].raw, R"("\u00e9")");
}

TEST(JsonReader, FindReturnsTheNamedMember) {
  const Value value = parse_ok(R"({"id": "Q90", "names": {"fr": "Paris"}})");
  ASSERT_NE(value.find("id"), nullptr);
  EXPECT_EQ(value.find("id")->text, "Q90");
  ASSERT_NE(value.find("names"), nullptr);
  ASSERT_NE(value.find("names")->find("fr"), nullptr);
  EXPECT_EQ(value.find("names")->find("fr")->text, "Paris");
  EXPECT_EQ(value.find("fr"), nullptr);  // members of nested objects are not searched
  EXPECT_EQ(value.find("missing"), nullptr);
  EXPECT_EQ(value.find(""), nullptr);
}

TEST(JsonReader, FindOnNonObjectReturnsNull) {
  EXPECT_EQ(parse_ok(R"(["id"])").find("id"), nullptr);
  EXPECT_EQ(parse_ok(R"("id")").find("id"), nullptr);
  EXPECT_EQ(parse_ok("null").find("id"), nullptr);
}

TEST(JsonReader, FindMatchesDecodedKeys) {
  const Value value = parse_ok(R"({"caf\u00e9": 1, "": 2})");
  ASSERT_NE(value.find("caf\xC3\xA9"), nullptr);
  EXPECT_EQ(value.find("caf\xC3\xA9")->text, "1");
  ASSERT_NE(value.find(""), nullptr);
  EXPECT_EQ(value.find("")->text, "2");
}

TEST(JsonReader, ReusedOutputHoldsOnlyTheNewValue) {
  Value value;
  ParseError error;
  ASSERT_TRUE(parse(R"({"a": [1, 2]})", &value, &error));
  ASSERT_TRUE(parse("3", &value, &error));
  EXPECT_EQ(value.kind, Kind::kNumber);
  EXPECT_TRUE(value.members.empty());
  EXPECT_EQ(value.find("a"), nullptr);
}

TEST(JsonReader, RejectsEmptyInput) {
  expect_error("", "empty input", 0);
  expect_error(" \r\n\t", "empty input", 4);
}

TEST(JsonReader, RejectsComments) {
  expect_error("// note\n1", "expected a value", 0);
  expect_error("[1 /* note */]", "expected ',' or ']' after array element", 3);
  expect_error("1 # note", "unexpected content after value", 2);
}

TEST(JsonReader, RejectsTrailingCommas) {
  expect_error("[1,]", "trailing comma in array", 3);
  expect_error("[1, ]", "trailing comma in array", 4);
  expect_error(R"({"a": 1,})", "trailing comma in object", 8);
  expect_error("[,1]", "expected a value", 1);
}

TEST(JsonReader, RejectsSingleQuotes) {
  expect_error("'Paris'", "expected a value", 0);
  expect_error("{'a': 1}", "expected '\"' to start object key", 1);
  expect_error(R"(["a", 'b'])", "expected a value", 6);
}

TEST(JsonReader, RejectsNanAndInfinity) {
  expect_error("NaN", "expected a value", 0);
  expect_error("Infinity", "expected a value", 0);
  expect_error("-Infinity", "expected digit after '-'", 1);
  expect_error("[nan]", "invalid literal, expected 'null'", 2);
}

TEST(JsonReader, RejectsLeadingZeros) {
  expect_error("01", "leading zeros are not allowed", 1);
  expect_error("-007", "leading zeros are not allowed", 2);
  expect_error("[00]", "leading zeros are not allowed", 2);
}

TEST(JsonReader, RejectsNumbersOutsideTheGrammar) {
  expect_error("-", "expected digit after '-'", 1);
  expect_error("+1", "expected a value", 0);
  expect_error(".5", "expected a value", 0);
  expect_error("1.", "expected digit after decimal point", 2);
  expect_error("1.e5", "expected digit after decimal point", 2);
  expect_error("1e", "expected digit in exponent", 2);
  expect_error("1E+", "expected digit in exponent", 3);
  expect_error("[1e-x]", "expected digit in exponent", 4);
  expect_error("0x1F", "unexpected content after value", 1);
  expect_error("1.5.2", "unexpected content after value", 3);
}

TEST(JsonReader, RejectsMisspelledLiterals) {
  expect_error("tru", "invalid literal, expected 'true'", 3);
  expect_error("fals e", "invalid literal, expected 'false'", 4);
  expect_error("nul", "invalid literal, expected 'null'", 3);
  expect_error("True", "expected a value", 0);
  expect_error("nulll", "unexpected content after value", 4);
}

TEST(JsonReader, RejectsUnescapedControlCharacters) {
  expect_error("\"a\tb\"", "unescaped control character in string", 2);
  expect_error("\"line\nbreak\"", "unescaped control character in string", 5);
  expect_error("\"\x1F\"", "unescaped control character in string", 1);
  expect_error("\"a\0b\""sv, "unescaped control character in string", 2);
}

TEST(JsonReader, RejectsInvalidEscapes) {
  expect_error(R"("\x41")", "invalid escape sequence", 2);
  expect_error(R"("\U00e9")", "invalid escape sequence", 2);
  expect_error(R"("\'")", "invalid escape sequence", 2);
  expect_error(R"("\u12")", "expected 4 hex digits after \\u", 5);
  expect_error(R"("\u12G4")", "expected 4 hex digits after \\u", 5);
  expect_error(R"("\u)", "expected 4 hex digits after \\u", 3);
  expect_error(R"("\)", "unterminated string", 2);
}

TEST(JsonReader, RejectsUnpairedSurrogateEscapes) {
  const std::string reason = "unpaired surrogate in \\u escape";
  expect_error(R"("\ud83d")", reason, 1);          // high surrogate alone
  expect_error(R"("\ude00")", reason, 1);          // low surrogate alone
  expect_error(R"("ab\ud83dx")", reason, 3);       // high surrogate followed by a character
  expect_error(R"("\ud83d\u0041")", reason, 1);    // high surrogate followed by a non-surrogate
  expect_error(R"("\ud83d\ud83d")", reason, 1);    // two high surrogates
  expect_error(R"("\ude00\ud83d")", reason, 1);    // pair in the wrong order
  expect_error(R"("\ud83d\n")", reason, 1);        // followed by another kind of escape
  expect_error(R"("\ud83d\u12")", "expected 4 hex digits after \\u", 11);
}

TEST(JsonReader, RejectsInvalidUtf8InStrings) {
  struct Case {
    const char* what;
    std::string text;
  };
  const Case cases[] = {
      {"byte that never occurs", "\"a\xFF\""},
      {"lone continuation byte", "\"a\x80\""},
      {"overlong two-byte form of '/'", "\"a\xC0\xAF\""},
      {"overlong three-byte form", "\"a\xE0\x80\xAF\""},
      {"overlong four-byte form", "\"a\xF0\x80\x80\xAF\""},
      {"UTF-16 surrogate encoded in UTF-8", "\"a\xED\xA0\x80\""},
      {"code point above U+10FFFF", "\"a\xF4\x90\x80\x80\""},
      {"lead byte beyond F4", "\"a\xF5\x80\x80\x80\""},
      {"sequence cut short by the quote", "\"a\xE2\x82\""},
      {"sequence cut short by a letter", "\"a\xC3x\""},
      {"sequence cut short by the end of input", "\"a\xF0\x9F\x98"},
  };
  for (const Case& c : cases) {
    SCOPED_TRACE(c.what);
    expect_error(c.text, "invalid UTF-8", 2);
  }
}

TEST(JsonReader, RejectsInvalidUtf8OutsideStrings) {
  expect_error("\xFF", "invalid UTF-8", 0);
  expect_error("[1, \xC3]", "invalid UTF-8", 4);
  expect_error("{\"a\" \x80: 1}", "invalid UTF-8", 5);
  expect_error("[1]\xED\xA0\x80", "invalid UTF-8", 3);
  // Well-formed UTF-8 where JSON has no place for it is a plain syntax error.
  expect_error("[1]\xC3\xA9", "unexpected content after value", 3);
}

TEST(JsonReader, RejectsByteOrderMark) {
  expect_error("\xEF\xBB\xBF{}", "byte order mark is not allowed", 0);
}

TEST(JsonReader, RejectsContentAfterTheValue) {
  expect_error("1 2", "unexpected content after value", 2);
  expect_error("{} x", "unexpected content after value", 3);
  expect_error("[1]]", "unexpected content after value", 3);
  expect_error("{\"a\":1}\n{\"b\":2}", "unexpected content after value", 8);
  expect_error("null\0"sv, "unexpected content after value", 4);
}

TEST(JsonReader, RejectsDuplicateKeys) {
  expect_error(R"({"a": 1, "b": 2, "a": 3})", "duplicate key \"a\"", 17);
  // Keys are compared decoded; the reason shows the duplicate as written.
  expect_error(R"({"a": 1, "\u0061": 2})", "duplicate key \"\\u0061\"", 9);
  // Reported where the duplicate appears, before defects later in the line.
  expect_error(R"({"a": 1, "a": x)", "duplicate key \"a\"", 9);
}

TEST(JsonReader, AllowsEqualKeysInDifferentObjects) {
  const Value value = parse_ok(R"({"a": {"a": 1}, "b": [{"a": 2}, {"a": 3}]})");
  EXPECT_EQ(value.find("a")->find("a")->text, "1");
  EXPECT_EQ(value.find("b")->items[1].find("a")->text, "3");
}

TEST(JsonReader, DetectsDuplicateKeysInLargeObjects) {
  // Large objects take the hash-set path of duplicate detection rather than the linear scan.
  std::string text = "{";
  for (int i = 0; i < 1000; ++i) {
    text += "\"k" + std::to_string(i) + "\": " + std::to_string(i) + ", ";
  }
  const Value value = parse_ok(text + "\"last\": 0}");
  ASSERT_EQ(value.members.size(), 1001u);
  EXPECT_EQ(value.find("k999")->text, "999");

  const size_t duplicate_offset = text.size();
  expect_error(text + "\"k3\": 0}", "duplicate key \"k3\"", duplicate_offset);
}

TEST(JsonReader, RejectsMalformedContainers) {
  expect_error("[1 2]", "expected ',' or ']' after array element", 3);
  expect_error(R"({"a": 1 "b": 2})", "expected ',' or '}' after object member", 8);
  expect_error(R"({"a" 1})", "expected ':' after object key", 5);
  expect_error(R"({"a": 1, 2: 3})", "expected '\"' to start object key", 9);
  expect_error("{a: 1}", "expected '\"' to start object key", 1);
  expect_error("[1}", "expected ',' or ']' after array element", 2);
  expect_error(R"({"a": 1])", "expected ',' or '}' after object member", 7);
}

TEST(JsonReader, RejectsTruncatedInput) {
  expect_error("\"abc", "unterminated string", 4);
  expect_error("[", "expected a value", 1);
  expect_error("[1,", "expected a value", 3);
  expect_error("[1", "expected ',' or ']' after array element", 2);
  expect_error("{", "expected '\"' to start object key", 1);
  expect_error(R"({"a")", "expected ':' after object key", 4);
  expect_error(R"({"a":)", "expected a value", 5);
  expect_error(R"({"a": 1)", "expected ',' or '}' after object member", 7);
}

TEST(JsonReader, AcceptsNestingUpToTheLimit) {
  const Value value = parse_ok(nested_arrays(kMaxNestingDepth));
  const Value* innermost = &value;
  for (int level = 1; level < kMaxNestingDepth; ++level) {
    ASSERT_EQ(innermost->items.size(), 1u);
    innermost = &innermost->items[0];
  }
  EXPECT_EQ(innermost->kind, Kind::kArray);
  EXPECT_TRUE(innermost->items.empty());
}

TEST(JsonReader, RejectsNestingBeyondTheLimit) {
  EXPECT_EQ(kMaxNestingDepth, 128);
  expect_error(nested_arrays(129), "nesting deeper than 128 levels", 128);

  std::string objects;
  for (int i = 0; i < 129; ++i) objects += "{\"a\":";
  expect_error(objects + "1" + std::string(129, '}'), "nesting deeper than 128 levels", 128 * 5);

  std::string mixed;
  for (int i = 0; i < 65; ++i) mixed += "[{\"k\":";
  expect_error(mixed, "nesting deeper than 128 levels", 64 * 6);  // the 129th level is a '['

}

TEST(JsonReader, MillionOpeningBracketsFailWithoutOverflowingTheStack) {
  expect_error(std::string(1000000, '['), "nesting deeper than 128 levels", 128);
}

}  // namespace
}  // namespace onoma::json
