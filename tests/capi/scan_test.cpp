// Scanning through the C API: both output styles, stopping, offsets in every unit, policies,
// boundaries, ambiguity and the default-folding promises of DESIGN.md §2.
#include <cstring>
#include <string>
#include <vector>

#include "capi_test_support.h"

namespace {

using capi_test::describe;
using capi_test::describe_scan;
using capi_test::Gazetteer;
using capi_test::new_scratch;
using capi_test::same_match;
using capi_test::scan_options;
using capi_test::Scratch;

class ScanTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    gazetteer_ = capi_test::build({
                     {"joly", "PERSON", "Mélanie Joly", {{"Joly"}}},
                     {"us", "GPE", "United States", {{"US"}, {"U.S."}}},
                     {"un", "ORG", "United Nations", {{"UN"}}},
                     {"nyc", "GPE", "New York City"},
                     {"nys", "GPE", "New York"},
                     {"york", "GPE", "York"},
                     {"paris", "GPE", "Paris"},
                     {"hilton", "PERSON", "Paris Hilton", {{"Paris"}}},
                     {"bush", "PERSON", "George Bush", {{"Bush", ONOMA_ALIAS_CASE_SENSITIVE}}},
                     {"gm", "ORG", "General Motors", {{"GM", ONOMA_ALIAS_CASE_INSENSITIVE}}},
                     {"caricom", "ORG", "CARICOM"},
                     {"c++", "LANG", "C++"},
                 })
                     .release();
  }
  static void TearDownTestSuite() {
    onoma_gazetteer_free(gazetteer_);
    gazetteer_ = nullptr;
  }

  static std::string matches(const std::string& text, const onoma_scan_options* options = nullptr) {
    return describe_scan(gazetteer_, text, options);
  }

  static std::vector<onoma_match> scan(const std::string& text,
                                       const onoma_scan_options* options = nullptr) {
    return capi_test::scan(gazetteer_, text, options);
  }

  static onoma_gazetteer* gazetteer_;
};

onoma_gazetteer* ScanTest::gazetteer_ = nullptr;

TEST_F(ScanTest, MatchFields) {
  const std::vector<onoma_match> found = scan("See Mélanie Joly.");
  ASSERT_EQ(found.size(), 1u);
  const onoma_match& m = found[0];
  EXPECT_EQ(m.start, 4u);
  EXPECT_EQ(m.end, 17u);
  EXPECT_EQ(m.unit_start, 4u);
  EXPECT_EQ(m.unit_end, 17u);
  EXPECT_STREQ(onoma_entity_id(gazetteer_, m.entity, nullptr), "joly");
  EXPECT_EQ(m.alias, onoma_entity_first_alias(gazetteer_, m.entity));
  EXPECT_EQ(m.flags, 0u);
  EXPECT_EQ(m.reserved, 0u);
}

TEST_F(ScanTest, TheAliasThatMatchedIsReported) {
  const std::vector<onoma_match> found = scan("Joly");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_STREQ(onoma_alias_text(gazetteer_, found[0].alias, nullptr), "Joly");
  EXPECT_EQ(onoma_alias_entity(gazetteer_, found[0].alias), found[0].entity);
}

TEST_F(ScanTest, DefaultFoldingPromises) {
  // Case, accents (precomposed and decomposed), no-break space, line break, typographic
  // apostrophe after the match.
  EXPECT_EQ(matches("Mélanie Joly"), "joly@0-13");
  EXPECT_EQ(matches("MELANIE JOLY"), "joly@0-12");
  EXPECT_EQ(matches("MÉLANIE JOLY"), "joly@0-13");
  EXPECT_EQ(matches("melanie joly"), "joly@0-12");
  EXPECT_EQ(matches("Me\xCC\x81lanie Joly"), "joly@0-14");  // NFD: e + U+0301
  EXPECT_EQ(matches("Mélanie\xC2\xA0Joly"), "joly@0-14");   // U+00A0
  EXPECT_EQ(matches("Mélanie\nJoly"), "joly@0-13");
  EXPECT_EQ(matches("Mélanie \r\n  Joly"), "joly@0-17");
  EXPECT_EQ(matches("Mélanie\xC2\xAD Joly"), "joly@0-15");  // soft hyphen ignored
  EXPECT_EQ(matches("Joly\xE2\x80\x99s view"), "joly@0-4");  // Joly’s
  EXPECT_EQ(matches("ＪＯＬＹ"), "joly@0-12");                // full-width
}

TEST_F(ScanTest, ShortCapitalAliasesAreCaseSensitive) {
  EXPECT_EQ(matches("the US and the UN"), "us@4-6 un@15-17");
  EXPECT_EQ(matches("one of us"), "");
  EXPECT_EQ(matches("Us and Un"), "");
  EXPECT_EQ(matches("The U.S. and the UN"), "us@4-8 un@17-19");
  EXPECT_EQ(matches("the u.s. way"), "");
  // Word boundaries: no match inside words.
  EXPECT_EQ(matches("USA BUS UNESCO"), "");
  // A long all-capital alias is not case-sensitive.
  EXPECT_EQ(matches("Caricom and caricom"), "caricom@0-7 caricom@12-19");
}

TEST_F(ScanTest, AliasCaseFlags) {
  EXPECT_EQ(matches("Bush, bush, BUSH"), "bush@0-4");
  EXPECT_EQ(matches("GM and gm"), "gm@0-2 gm@7-9");
}

TEST_F(ScanTest, CallbackCanStopTheScan) {
  Scratch scratch = new_scratch();
  const std::string text = "UN UN UN UN";
  struct State {
    int calls = 0;
    int stop_at = 2;
    int answer = 1;
  } state;
  auto callback = [](const onoma_match*, void* user_data) {
    auto* s = static_cast<State*>(user_data);
    return ++s->calls == s->stop_at ? s->answer : 0;
  };
  EXPECT_EQ(onoma_scan(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), callback,
                       &state),
            ONOMA_STOPPED);
  EXPECT_EQ(state.calls, 2);

  // Any non-zero value stops, on the very first match too.
  state = State{0, 1, -7};
  EXPECT_EQ(onoma_scan(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), callback,
                       &state),
            ONOMA_STOPPED);
  EXPECT_EQ(state.calls, 1);

  // A scratch used for a stopped scan is fine for the next one.
  state = State{0, 100, 1};
  EXPECT_EQ(onoma_scan(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), callback,
                       &state),
            ONOMA_OK);
  EXPECT_EQ(state.calls, 4);
}

TEST_F(ScanTest, StoppingInsideAnAmbiguousSpan) {
  Scratch scratch = new_scratch();
  int calls = 0;
  EXPECT_EQ(onoma_scan(gazetteer_, scratch.get(), nullptr, "Paris", 5,
                       [](const onoma_match*, void* c) { return ++*static_cast<int*>(c); },
                       &calls),
            ONOMA_STOPPED);
  EXPECT_EQ(calls, 1);
}

TEST_F(ScanTest, CallerBuffer) {
  Scratch scratch = new_scratch();
  const std::string text = "UN, Joly and the US in New York City";
  const std::vector<onoma_match> expected = scan(text);
  ASSERT_EQ(expected.size(), 4u);

  // Exactly the right capacity.
  onoma_match buffer[6];
  size_t count = 0;
  EXPECT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), buffer,
                            4, &count),
            ONOMA_OK);
  EXPECT_EQ(count, 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(same_match(buffer[i], expected[i])) << i;

  // More than enough: nothing past the count is written.
  std::memset(buffer, 0xEE, sizeof(buffer));
  EXPECT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), buffer,
                            6, &count),
            ONOMA_OK);
  EXPECT_EQ(count, 4u);
  for (size_t i = 0; i < 4; ++i) EXPECT_TRUE(same_match(buffer[i], expected[i])) << i;
  const auto* tail = reinterpret_cast<const unsigned char*>(&buffer[4]);
  for (size_t i = 0; i < 2 * sizeof(onoma_match); ++i) ASSERT_EQ(tail[i], 0xEE) << i;

  // Too small: the first `capacity` are written, the count is the total, nothing past it.
  std::memset(buffer, 0xEE, sizeof(buffer));
  count = 0;
  EXPECT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), buffer,
                            2, &count),
            ONOMA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, 4u);
  EXPECT_TRUE(same_match(buffer[0], expected[0]));
  EXPECT_TRUE(same_match(buffer[1], expected[1]));
  tail = reinterpret_cast<const unsigned char*>(&buffer[2]);
  for (size_t i = 0; i < 4 * sizeof(onoma_match); ++i) ASSERT_EQ(tail[i], 0xEE) << i;

  // Capacity 0 and no buffer: just the count.
  count = 0;
  EXPECT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), nullptr,
                            0, &count),
            ONOMA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(count, 4u);

  // No match at all: OK with a count of 0.
  count = 99;
  EXPECT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, "nothing", 7, nullptr, 0, &count),
            ONOMA_OK);
  EXPECT_EQ(count, 0u);
}

TEST_F(ScanTest, CallerBufferWithOptions) {
  Scratch scratch = new_scratch();
  const onoma_scan_options all = scan_options(ONOMA_POLICY_ALL, ONOMA_BOUNDARY_WORD,
                                              ONOMA_OFFSETS_CODE_POINTS);
  const std::string text = "é New York City";
  const std::vector<onoma_match> expected = scan(text, &all);
  ASSERT_EQ(expected.size(), 3u) << describe(gazetteer_, expected);
  onoma_match buffer[3];
  size_t count = 0;
  ASSERT_EQ(onoma_scan_into(gazetteer_, scratch.get(), &all, text.data(), text.size(), buffer, 3,
                            &count),
            ONOMA_OK);
  ASSERT_EQ(count, 3u);
  for (size_t i = 0; i < 3; ++i) EXPECT_TRUE(same_match(buffer[i], expected[i])) << i;
  EXPECT_EQ(buffer[0].start, 3u);
  EXPECT_EQ(buffer[0].unit_start, 2u);
}

TEST_F(ScanTest, OffsetsInEveryUnit) {
  // "🙂 é " then "Joly": U+1F642 is 4 bytes, 1 code point, 2 UTF-16 units; é is 2/1/1.
  const std::string text = "\xF0\x9F\x99\x82 \xC3\xA9 Joly, \xF0\x9F\x99\x82Mélanie Joly";
  const struct {
    int unit;
    uint64_t first_start, first_end, second_start, second_end;
  } cases[] = {
      {ONOMA_OFFSETS_BYTES, 8, 12, 18, 31},
      {ONOMA_OFFSETS_CODE_POINTS, 4, 8, 11, 23},
      {ONOMA_OFFSETS_UTF16, 5, 9, 13, 25},
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.unit);
    const onoma_scan_options options = scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD, c.unit);
    const std::vector<onoma_match> found = scan(text, &options);
    ASSERT_EQ(found.size(), 2u) << describe(gazetteer_, found);
    // Byte offsets are always there, whatever the unit.
    EXPECT_EQ(found[0].start, 8u);
    EXPECT_EQ(found[0].end, 12u);
    EXPECT_EQ(found[1].start, 18u);
    EXPECT_EQ(found[1].end, 31u);
    EXPECT_EQ(found[0].unit_start, c.first_start);
    EXPECT_EQ(found[0].unit_end, c.first_end);
    EXPECT_EQ(found[1].unit_start, c.second_start);
    EXPECT_EQ(found[1].unit_end, c.second_end);
  }
}

TEST_F(ScanTest, AmbiguousSpansGiveOneFlaggedMatchPerEntity) {
  const std::vector<onoma_match> found = scan("in Paris.");
  ASSERT_EQ(found.size(), 2u) << describe(gazetteer_, found);
  EXPECT_EQ(describe(gazetteer_, found), "paris@3-8* hilton@3-8*");
  EXPECT_NE(found[0].alias, found[1].alias);
  // The longer, unambiguous span wins under the default policy.
  EXPECT_EQ(matches("Paris Hilton"), "hilton@0-12");
}

TEST_F(ScanTest, Policies) {
  const onoma_scan_options all = scan_options(ONOMA_POLICY_ALL);
  const onoma_scan_options longest = scan_options(ONOMA_POLICY_LONGEST);
  EXPECT_EQ(matches("New York City", &longest), "nyc@0-13");
  EXPECT_EQ(matches("New York City", nullptr), "nyc@0-13");
  EXPECT_EQ(matches("New York City", &all), "nys@0-8 nyc@0-13 york@4-8");
  EXPECT_EQ(matches("Paris Hilton", &all), "paris@0-5* hilton@0-5* hilton@0-12");
}

TEST_F(ScanTest, Boundaries) {
  const onoma_scan_options none = scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_NONE);
  const onoma_scan_options word = scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD);
  EXPECT_EQ(matches("BUSY", &word), "");
  EXPECT_EQ(matches("BUSY", &none), "us@1-3");
  EXPECT_EQ(matches("NewYorkCity", &none), "york@3-7");
  EXPECT_EQ(matches("NewYorkCity", &word), "");
  EXPECT_EQ(matches("theNew York Cityhall", &none), "nyc@3-16");
  EXPECT_EQ(matches("theNew York Cityhall", &word), "york@7-11");
  // An alias ending in a non-word character needs no boundary after it.
  EXPECT_EQ(matches("C++17", &word), "c++@0-3");
}

TEST_F(ScanTest, TextIsTakenByLength) {
  // Only the first two bytes are the text: "UN" is followed by nothing, not by 'X'.
  const char text[] = "UNX";
  Scratch scratch = new_scratch();
  onoma_match match;
  size_t count = 0;
  ASSERT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, text, 2, &match, 1, &count),
            ONOMA_OK);
  ASSERT_EQ(count, 1u);
  EXPECT_EQ(match.start, 0u);
  EXPECT_EQ(match.end, 2u);
  EXPECT_EQ(matches(std::string(text, 3)), "");
}

TEST_F(ScanTest, InvalidUtf8TextIsScannedSafelyWithExactOffsets) {
  EXPECT_EQ(matches("\xFFUS\xFF"), "us@1-3");
  EXPECT_EQ(matches("\xC3US"), "us@1-3");
  EXPECT_EQ(matches("UN \xE2\x82"), "un@0-2");
  EXPECT_EQ(matches(std::string("UN\0UN", 5)), "un@0-2 un@3-5");
  const onoma_scan_options cp = scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD,
                                             ONOMA_OFFSETS_CODE_POINTS);
  // Each invalid byte counts as one U+FFFD.
  EXPECT_EQ(matches("\xFF\xFE UN", &cp), "un@3-5");
}

TEST_F(ScanTest, EmptyText) {
  EXPECT_EQ(matches(""), "");
}

TEST_F(ScanTest, ScratchWorksWithAnyGazetteer) {
  Gazetteer other = capi_test::build({{"eu", "ORG", "European Union"}});
  Scratch scratch = new_scratch();
  const std::string text = "UN and European Union";
  size_t count = 0;
  onoma_match m[2];
  ASSERT_EQ(onoma_scan_into(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), m, 2,
                            &count),
            ONOMA_OK);
  EXPECT_EQ(count, 1u);
  ASSERT_EQ(onoma_scan_into(other.get(), scratch.get(), nullptr, text.data(), text.size(), m, 2,
                            &count),
            ONOMA_OK);
  EXPECT_EQ(count, 1u);
  EXPECT_EQ(m[0].start, 7u);
}

}  // namespace
