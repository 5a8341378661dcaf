// Strict UTF-8 decoding (RFC 3629): every offset the library reports rests on it, so each
// invalid byte must decode as U+FFFD of length one and never swallow the bytes after it.
#include "unicode/utf8.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace onoma::unicode {
namespace {

using namespace std::string_view_literals;

DecodedCodePoint decode(std::string_view bytes) {
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  return decode_utf8(p, p + bytes.size());
}

// (code point, length) of each step of decoding `bytes` from the start.
std::vector<std::pair<char32_t, uint32_t>> decode_all(std::string_view bytes) {
  std::vector<std::pair<char32_t, uint32_t>> out;
  const auto* p = reinterpret_cast<const unsigned char*>(bytes.data());
  const auto* end = p + bytes.size();
  while (p < end) {
    const DecodedCodePoint d = decode_utf8(p, end);
    out.emplace_back(d.code_point, d.length);
    p += d.length;
  }
  return out;
}

void expect_valid(std::string_view bytes, char32_t code_point) {
  SCOPED_TRACE(testing::Message() << "U+" << std::hex << static_cast<uint32_t>(code_point));
  const DecodedCodePoint d = decode(bytes);
  EXPECT_TRUE(d.valid);
  EXPECT_EQ(d.code_point, code_point);
  EXPECT_EQ(d.length, bytes.size());
  std::string encoded;
  append_utf8(encoded, code_point);
  EXPECT_EQ(encoded, bytes);
}

void expect_invalid_first_byte(std::string_view bytes) {
  SCOPED_TRACE(testing::Message() << "bytes of length " << bytes.size() << ", first 0x"
                                  << std::hex << (static_cast<unsigned>(bytes[0]) & 0xFF));
  const DecodedCodePoint d = decode(bytes);
  EXPECT_FALSE(d.valid);
  EXPECT_EQ(d.code_point, kReplacementCharacter);
  EXPECT_EQ(d.length, 1u);
}

TEST(Utf8, DecodesOneByteSequences) {
  expect_valid("A", U'A');
  expect_valid("\x7F", 0x7F);
  expect_valid("\0"sv, 0);
}

TEST(Utf8, DecodesTwoByteSequencesAtTheirLimits) {
  expect_valid("\xC2\x80", 0x80);
  expect_valid("\xC3\xA9", 0xE9);  // é
  expect_valid("\xDF\xBF", 0x7FF);
}

TEST(Utf8, DecodesThreeByteSequencesAtTheirLimits) {
  expect_valid("\xE0\xA0\x80", 0x800);
  expect_valid("\xE2\x82\xAC", 0x20AC);  // €
  expect_valid("\xED\x9F\xBF", 0xD7FF);  // just below the surrogates
  expect_valid("\xEE\x80\x80", 0xE000);  // just above them
  expect_valid("\xEF\xBF\xBF", 0xFFFF);
}

TEST(Utf8, DecodesFourByteSequencesAtTheirLimits) {
  expect_valid("\xF0\x90\x80\x80", 0x10000);
  expect_valid("\xF0\x9F\x98\x80", 0x1F600);  // 😀
  expect_valid("\xF4\x8F\xBF\xBF", 0x10FFFF);
}

TEST(Utf8, RejectsOverlongForms) {
  expect_invalid_first_byte("\xC0\x80");  // U+0000 in two bytes
  expect_invalid_first_byte("\xC1\xBF");
  expect_invalid_first_byte("\xE0\x80\x80");
  expect_invalid_first_byte("\xE0\x9F\xBF");  // U+07FF in three bytes
  expect_invalid_first_byte("\xF0\x80\x80\x80");
  expect_invalid_first_byte("\xF0\x8F\xBF\xBF");  // U+FFFF in four bytes
}

TEST(Utf8, RejectsSurrogates) {
  expect_invalid_first_byte("\xED\xA0\x80");  // U+D800
  expect_invalid_first_byte("\xED\xB0\x80");  // U+DC00
  expect_invalid_first_byte("\xED\xBF\xBF");  // U+DFFF
}

TEST(Utf8, RejectsValuesAboveU10FFFF) {
  expect_invalid_first_byte("\xF4\x90\x80\x80");  // U+110000
  expect_invalid_first_byte("\xF5\x80\x80\x80");
  expect_invalid_first_byte("\xF7\xBF\xBF\xBF");
  expect_invalid_first_byte("\xF8\x88\x80\x80\x80");  // old five-byte form
  expect_invalid_first_byte("\xFE");
  expect_invalid_first_byte("\xFF");
}

TEST(Utf8, RejectsTruncatedSequences) {
  expect_invalid_first_byte("\xC3");
  expect_invalid_first_byte("\xE2\x82");
  expect_invalid_first_byte("\xF0\x9F\x98");
  expect_invalid_first_byte("\xC3(");  // the next byte is not a continuation
  expect_invalid_first_byte("\xE2(\xAC");
}

TEST(Utf8, NeverReadsPastTheEndItIsGiven) {
  // A valid "é" cut after its first byte by the end pointer is a truncated sequence.
  const auto* p = reinterpret_cast<const unsigned char*>("\xC3\xA9");
  const DecodedCodePoint d = decode_utf8(p, p + 1);
  EXPECT_FALSE(d.valid);
  EXPECT_EQ(d.length, 1u);
}

TEST(Utf8, RejectsStrayContinuationBytes) {
  expect_invalid_first_byte("\x80");
  expect_invalid_first_byte("\xBF");
  expect_invalid_first_byte("\x80\x80");
}

TEST(Utf8, EachInvalidByteIsOneReplacementCharacter) {
  // Truncated 4-byte and 3-byte sequences, a stray continuation, an overlong and a surrogate:
  // each byte is U+FFFD of its own, and the valid characters around them survive intact.
  const std::vector<std::pair<char32_t, uint32_t>> expected = {
      {U'a', 1},     {0xFFFD, 1}, {0xFFFD, 1}, {0xFFFD, 1}, {U'b', 1},  {0xFFFD, 1},
      {0xFFFD, 1},   {0xE9, 2},   {0xFFFD, 1}, {0xFFFD, 1}, {0xFFFD, 1}, {0xFFFD, 1},
      {0xFFFD, 1},   {0xFFFD, 1}, {0xFFFD, 1}, {0x1F600, 4}};
  EXPECT_EQ(decode_all("a\xF0\x9F\x98"
                       "b\xE2\x82\xC3\xA9\x80\xC0\xAF\xED\xA0\x80\xFF\xF0\x9F\x98\x80"),
            expected);
}

TEST(Utf8, ValidatesWholeStrings) {
  EXPECT_TRUE(is_valid_utf8("", 0));
  const std::string_view good = "Mélanie 😀 Ωmega\0end"sv;
  EXPECT_TRUE(is_valid_utf8(good.data(), good.size()));
  for (std::string_view bad : {"\xC3"sv, "ab\x80"sv, "\xED\xA0\x80"sv, "\xF4\x90\x80\x80"sv,
                               "Jol\xFF"sv}) {
    EXPECT_FALSE(is_valid_utf8(bad.data(), bad.size())) << bad;
  }
}

}  // namespace
}  // namespace onoma::unicode
