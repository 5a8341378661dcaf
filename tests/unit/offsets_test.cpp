// Code-point and UTF-16 offsets (DESIGN.md §2): computed by the library so callers in Python,
// Java or JavaScript can slice their own strings; every invalid byte counts as one unit.
#include <gtest/gtest.h>

#include <memory>
#include <ostream>
#include <random>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer_test_support.h"
#include "unicode/offset_units.h"
#include "unicode/utf8.h"

namespace onoma::test_support {
namespace {

using unicode::OffsetUnit;

uint64_t units(std::string_view text, OffsetUnit unit) {
  return unicode::count_units(text.data(), text.size(), unit);
}

struct Units {
  uint64_t start;
  uint64_t end;
  bool operator==(const Units& o) const { return start == o.start && end == o.end; }
};
std::ostream& operator<<(std::ostream& out, const Units& u) {
  return out << "[" << u.start << ", " << u.end << ")";
}

std::vector<Units> unit_spans(const gazetteer::Gazetteer& g, std::string_view text,
                              OffsetUnit unit, scan::Policy policy = scan::Policy::kLongest) {
  scan::ScanOptions options;
  options.unit = unit;
  options.policy = policy;
  std::vector<Units> spans;
  scan::Scratch scratch;
  scan::scan(g, options, text, scratch, [&](const scan::Match& m) {
    spans.push_back({m.unit_start, m.unit_end});
    return true;
  });
  return spans;
}

TEST(CountUnits, CountsEachKindOfCharacter) {
  struct Case {
    std::string_view text;
    uint64_t bytes, code_points, utf16;
  };
  for (const Case& c : std::vector<Case>{
           {"", 0, 0, 0},
           {"Joly", 4, 4, 4},
           {"\u00E9", 2, 1, 1},                 // é
           {"e\u0301", 3, 2, 2},                // NFD é: two code points
           {"\u6771\u4EAC", 6, 2, 2},           // 東京
           {"\U0001F600", 4, 1, 2},             // astral: a surrogate pair in UTF-16
           {"\U0001F1E8\U0001F1E6", 8, 2, 4},   // a flag: two astral code points
           {"\xFF", 1, 1, 1},
           {"\xF0\x9F\x98", 3, 3, 3},           // truncated emoji: three bad bytes
           {"\xED\xA0\x80", 3, 3, 3},           // encoded surrogate: three bad bytes
           {"a\xC3(\U0001F600", 7, 4, 5},
       }) {
    SCOPED_TRACE(testing::Message() << "text of " << c.text.size() << " bytes");
    EXPECT_EQ(units(c.text, OffsetUnit::kBytes), c.bytes);
    EXPECT_EQ(units(c.text, OffsetUnit::kCodePoints), c.code_points);
    EXPECT_EQ(units(c.text, OffsetUnit::kUtf16), c.utf16);
  }
}

// ASCII is counted a block of 16 (or 8) bytes at a time up to the next byte beyond it: each
// kind of character at every place in and across such blocks, between runs of ASCII.
TEST(CountUnits, CountsCharactersAtEveryPlaceAmongAscii) {
  struct Case {
    std::string_view text;
    uint64_t code_points, utf16;
  };
  for (const Case& c : std::vector<Case>{
           {"\u00E9", 1, 1},
           {"e\u0301\u00E9\u00E9", 4, 4},
           {"\U0001F600", 1, 2},
           {"\xFF", 1, 1},
           {"\xF0\x9F\x98", 3, 3},
           {"\xED\xA0\x80 \u6771", 5, 5},
       }) {
    for (size_t before = 0; before < 40; ++before) {
      for (size_t after : {0, 1, 15, 16, 17, 40}) {
        const std::string text =
            std::string(before, 'a') + std::string(c.text) + std::string(after, 'b');
        SCOPED_TRACE(testing::Message() << before << " + " << c.text.size() << " + " << after);
        EXPECT_EQ(units(text, OffsetUnit::kCodePoints), before + c.code_points + after);
        EXPECT_EQ(units(text, OffsetUnit::kUtf16), before + c.utf16 + after);
      }
    }
  }
}

// Long texts are counted 64 bytes at a time when they hold only valid characters, and a
// character at a time otherwise. Random texts of every kind of character, valid and not, in
// runs and mixed, against decoding them one by one, for every length: each place a character
// or an invalid byte can fall relative to a chunk, and to where the text ends.
TEST(CountUnits, AgreesWithDecodingOneByOneOnRandomText) {
  auto decoded_units = [](std::string_view text, OffsetUnit unit) {
    const auto* p = reinterpret_cast<const unsigned char*>(text.data());
    const auto* end = p + text.size();
    uint64_t units = 0;
    while (p < end) {
      const unicode::DecodedCodePoint d = unicode::decode_utf8(p, end);
      units += (unit == OffsetUnit::kUtf16 && d.code_point > 0xFFFF) ? 2 : 1;
      p += d.length;
    }
    return units;
  };
  const std::vector<std::string_view> valid = {
      "a", "Joly ", "0123456789abcdefghijklmnopqrstuvwxyz", "\u00E9", "\u00C9",
      "\u00BB", "\u0301", "\u2019", "\u6771", "\uFFFD", "\U0001F600", "\U0010FFFF",
      "\u0800", "\uD7FF", "\uE000",          // after the leads E0, ED and EE
      "\U00010000", "\U00100000",             // after the leads F0 and F4
  };
  const std::vector<std::string_view> invalid = {
      "\x80", "\xBF", "\xC0\xAF", "\xC1", "\xC3", "\xE2\x80", "\xF0\x9F\x98",
      "\xE0\x80\x80", "\xED\xA0\x80", "\xF4\x90\x80\x80", "\xF5", "\xFF",
  };
  std::vector<std::string_view> pieces = valid;  // the valid ones first
  pieces.insert(pieces.end(), invalid.begin(), invalid.end());
  std::mt19937 random(20261207);
  for (int round = 0; round < 300; ++round) {
    // Some texts of valid characters with a little ASCII between, some with every piece.
    const size_t kinds = round % 3 == 0 ? pieces.size() : valid.size();
    std::string text;
    while (text.size() < 200) {
      const std::string_view piece = pieces[random() % kinds];
      text.append(piece);
      if (random() % 4 == 0) text.append(std::string(random() % 70, 'x'));
    }
    for (size_t length = 0; length <= text.size(); ++length) {
      const std::string_view prefix(text.data(), length);
      for (OffsetUnit unit : {OffsetUnit::kCodePoints, OffsetUnit::kUtf16}) {
        ASSERT_EQ(units(prefix, unit), decoded_units(prefix, unit))
            << "round " << round << ", length " << length;
      }
    }
  }
}

TEST(OffsetCounter, ConvertsAscendingOffsetsInOnePass) {
  const std::string text = "\U0001F600 M\u00E9l \xFF\u6771!";
  // Byte offsets:  😀 0..4, ' ' 4, M 5, é 6..8, l 8, ' ' 9, \xFF 10, 東 11..14, ! 14.
  unicode::OffsetCounter code_points(text.data(), OffsetUnit::kCodePoints);
  unicode::OffsetCounter utf16(text.data(), OffsetUnit::kUtf16);
  unicode::OffsetCounter bytes(text.data(), OffsetUnit::kBytes);
  const std::vector<size_t> offsets = {0, 4, 4, 6, 8, 10, 11, 14, 15};
  const std::vector<uint64_t> expected_code_points = {0, 1, 1, 3, 4, 6, 7, 8, 9};
  const std::vector<uint64_t> expected_utf16 = {0, 2, 2, 4, 5, 7, 8, 9, 10};
  for (size_t i = 0; i < offsets.size(); ++i) {
    SCOPED_TRACE(offsets[i]);
    EXPECT_EQ(code_points.convert(offsets[i]), expected_code_points[i]);
    EXPECT_EQ(utf16.convert(offsets[i]), expected_utf16[i]);
    EXPECT_EQ(bytes.convert(offsets[i]), offsets[i]);
  }
}

class MatchUnits : public ::testing::Test {
 protected:
  // 😀 Mélanie Joly, 東京 <bad byte>Joly 😀Joly
  const std::string text_ =
      "\U0001F600 M\u00E9lanie Joly, \u6771\u4EAC \xFF" "Joly \U0001F600Joly";
  std::unique_ptr<gazetteer::Gazetteer> g_ = build(
      {entity("mj", "M\u00E9lanie Joly"), entity("joly", "Joly"), entity("tokyo", "\u6771\u4EAC")});
};

TEST_F(MatchUnits, BytesAreTheByteOffsets) {
  EXPECT_EQ(unit_spans(*g_, text_, OffsetUnit::kBytes),
            (std::vector<Units>{{5, 18}, {20, 26}, {28, 32}, {37, 41}}));
  EXPECT_EQ(find(*g_, text_), (std::vector<Found>{{5, 18, "mj", false},
                                                  {20, 26, "tokyo", false},
                                                  {28, 32, "joly", false},
                                                  {37, 41, "joly", false}}));
}

TEST_F(MatchUnits, CodePoints) {
  EXPECT_EQ(unit_spans(*g_, text_, OffsetUnit::kCodePoints),
            (std::vector<Units>{{2, 14}, {16, 18}, {20, 24}, {26, 30}}));
}

TEST_F(MatchUnits, Utf16) {
  EXPECT_EQ(unit_spans(*g_, text_, OffsetUnit::kUtf16),
            (std::vector<Units>{{3, 15}, {17, 19}, {21, 25}, {28, 32}}));
}

TEST(MatchUnitsAll, SeveralMatchesFromOneStart) {
  const auto g = build({entity("ny", "New York"), entity("nyc", "New York City"),
                        entity("city", "City")});
  const std::string text = "\U0001F600New York City";
  EXPECT_EQ(unit_spans(*g, text, OffsetUnit::kUtf16, scan::Policy::kAll),
            (std::vector<Units>{{2, 10}, {2, 15}, {11, 15}}));
  EXPECT_EQ(unit_spans(*g, text, OffsetUnit::kCodePoints, scan::Policy::kAll),
            (std::vector<Units>{{1, 9}, {1, 14}, {10, 14}}));
}

TEST(MatchUnitsNfd, MarksCountAsTheirOwnCodePoints) {
  const auto g = build({entity("joly", "Joly")});
  const std::string text = "Jo\u0301ly\u0308 Joly";  // J ó(2) l y ̈ ' ' J o l y
  EXPECT_EQ(unit_spans(*g, text, OffsetUnit::kCodePoints),
            (std::vector<Units>{{0, 6}, {7, 11}}));
}

}  // namespace
}  // namespace onoma::test_support
