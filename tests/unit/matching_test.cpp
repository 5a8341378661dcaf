// The product's promise, end to end through GazetteerBuilder and scan::scan: a name is found
// however the text happens to write it, and the offsets point at the ORIGINAL bytes.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer_test_support.h"

namespace onoma::test_support {
namespace {

using namespace std::string_view_literals;
using Strings = std::vector<std::string>;

// Each spelling, put inside a sentence, is found exactly as written.
void expect_found_as_written(const gazetteer::Gazetteer& g, const std::vector<std::string>& spellings,
                             const std::string& id) {
  for (const std::string& spelling : spellings) {
    SCOPED_TRACE(spelling);
    const std::string text = "Minister " + spelling + " said.";
    const std::vector<Found> expected = {{9, 9 + spelling.size(), id, false}};
    EXPECT_EQ(find(g, text), expected);
  }
}

TEST(Matching, AccentCaseWidthAndNormalizationDoNotMatter) {
  const auto g = build({entity("joly", "M\u00E9lanie Joly")});
  expect_found_as_written(*g, {"M\u00E9lanie Joly", "Melanie Joly", "M\u00C9LANIE JOLY",
                               "MELANIE JOLY", "melanie joly", "Me\u0301lanie Joly",
                               "ME\u0301LANIE JOLY",
                               "\uFF2D\uFF45\uFF4C\uFF41\uFF4E\uFF49\uFF45 \uFF2A\uFF4F\uFF4C\uFF59"},
                          "joly");
}

TEST(Matching, WhiteSpaceAndSoftHyphensInsideANameDoNotMatter) {
  const auto g = build({entity("joly", "M\u00E9lanie Joly")});
  expect_found_as_written(*g, {"M\u00E9lanie\nJoly", "M\u00E9lanie\u00A0Joly",
                               "M\u00E9lanie\r\n  Joly", "M\u00E9lanie\u2009Joly",
                               "M\u00E9lanie \t\u202F Joly", "M\u00E9\u00ADlanie Joly",
                               "M\u00E9lanie Jo\u00ADly", "Mela\u200Bnie\n\u00ADJoly"},
                          "joly");
}

// Inside ASCII words the scanner feeds bytes to its automaton without reading their clusters
// (Scanner::walk_inside_word): keys still end only at word ends, and a walk that dies inside a
// word hands over to a later one that goes on.
TEST(Matching, WalksThroughWordsEndOnlyAtWordEnds) {
  const auto g = build({entity("spb", "Saint Petersburg"), entity("cde", "Cdefgh"),
                        entity("abx", "Ab Cdefx"), entity("ny", "New York")});
  EXPECT_EQ(matched_text(*g, "SAINT PETERSBURGH, Saint PeTeRsBuRg. saint petersburg_x"),
            Strings{"Saint PeTeRsBuRg"});
  EXPECT_EQ(matched_text(*g, "ab cdefgh ab cdefx ab cdefghi"), (Strings{"cdefgh", "ab cdefx"}));
  EXPECT_EQ(matched_text(*g, "New Yorkers, New York's, new york2, NEW YORK"),
            (Strings{"New York", "NEW YORK"}));
}

TEST(Matching, AnAliasWrittenInNfdMatchesComposedText) {
  const auto g = build({entity("joly", "Me\u0301lanie Joly")});
  expect_found_as_written(*g, {"M\u00E9lanie Joly", "Melanie Joly"}, "joly");
}

TEST(Matching, ASpaceIsNeededWhereTheAliasHasOne) {
  const auto g = build({entity("joly", "M\u00E9lanie Joly")});
  EXPECT_EQ(find(*g, "M\u00E9lanieJoly"), std::vector<Found>{});
  EXPECT_EQ(find(*g, "M\u00E9lanie\u00ADJoly"), std::vector<Found>{});  // soft hyphen is no space
  EXPECT_EQ(find(*g, "M\u00E9lanie-Joly"), std::vector<Found>{});
}

// A spacing accent is white space (fold_test.cpp, "SpacingAccentsAreWhiteSpace"): the alias
// "´AP" has the key "ap", so a match no longer takes the white space before "AP" along, and
// "l´a" and "l a" find each other.
TEST(Matching, SpacingAccentsAreWhiteSpace) {
  const auto g = build({entity("ap", "\u00B4AP"), entity("la", "l\u00B4a")});
  EXPECT_EQ(find(*g, " AP"), (std::vector<Found>{{1, 3, "ap", false}}));
  EXPECT_EQ(find(*g, "x\u00B4AP"), (std::vector<Found>{{3, 5, "ap", false}}));
  EXPECT_EQ(find(*g, "l a"), (std::vector<Found>{{0, 3, "la", false}}));
  EXPECT_EQ(find(*g, "l\u02DD\u00A0a"), (std::vector<Found>{{0, 6, "la", false}}));
  const auto spaced = build({entity("la", "l a")});
  EXPECT_EQ(find(*spaced, "l\u00B4a"), (std::vector<Found>{{0, 4, "la", false}}));
}

// Canonically equivalent texts are found alike, whatever case folding makes of U+0345.
TEST(Matching, YpogegrammeniInAnyCanonicalOrder) {
  const auto g = build({entity("q", "q\u0659\u0345\u0656"), entity("w", "\u1FAD\u0656")},
                       unicode::kFoldDefault);
  EXPECT_EQ(find(*g, "q\u0656\u0659\u0345"), (std::vector<Found>{{0, 7, "q", false}}));
  EXPECT_EQ(find(*g, "\u03A9\u0656\u0314\u0301\u0345"), (std::vector<Found>{{0, 10, "w", false}}));
  const auto kept = build({entity("a", "\u1FB4")}, unicode::kFoldDefault & ~unicode::kFoldMarks);
  EXPECT_EQ(find(*kept, "\u03B1\u0345\u0301"), (std::vector<Found>{{0, 6, "a", false}}));
}

TEST(Matching, DottedCapitalIMatchesEveryWayOfWritingIt) {
  const auto g = build({entity("istanbul", "\u0130stanbul")});
  expect_found_as_written(*g, {"ISTANBUL", "istanbul", "Istanbul", "\u0130stanbul",
                               "I\u0307stanbul", "\u0130STANBUL"},
                          "istanbul");
  const auto from_ascii = build({entity("istanbul", "Istanbul")});
  expect_found_as_written(*from_ascii, {"\u0130stanbul", "I\u0307stanbul"}, "istanbul");
}

TEST(Matching, SharpSMatchesDoubleS) {
  const auto g = build({entity("street", "Hauptstra\u00DFe")});
  expect_found_as_written(*g, {"HAUPTSTRASSE", "Hauptstrasse", "Hauptstra\u00DFe",
                               "HAUPTSTRA\u1E9EE"},
                          "street");
  const auto from_ascii = build({entity("street", "Hauptstrasse")});
  expect_found_as_written(*from_ascii, {"Hauptstra\u00DFe"}, "street");
}

TEST(Matching, NeverMatchesPartOfAnExpandedCharacter) {
  // Substring mode, so that only the expansion can stop these matches.
  const auto s = build({entity("s", "s")});
  EXPECT_EQ(matched_text(*s, "Stra\u00DFe", substrings()), Strings{"S"});
  EXPECT_EQ(matched_text(*s, "\u00DF", substrings()), Strings{});
  EXPECT_EQ(matched_text(*s, "\u00DF"), Strings{});

  const auto mas = build({entity("mas", "mas")});  // would end inside "ß" = "ss"
  EXPECT_EQ(matched_text(*mas, "Ma\u00DF", substrings()), Strings{});
  const auto sse = build({entity("se", "se")});    // would start inside it
  EXPECT_EQ(matched_text(*sse, "Ma\u00DFe", substrings()), Strings{});

  const auto ss = build({entity("ss", "ss")});     // the whole expansion is fine
  EXPECT_EQ(matched_text(*ss, "Ma\u00DFe", substrings()), Strings{"\u00DF"});

  const auto f = build({entity("f", "f")});        // "ﬁ" = "fi"
  EXPECT_EQ(matched_text(*f, "\uFB01x", substrings()), Strings{});
  const auto fi = build({entity("fi", "fi")});
  EXPECT_EQ(matched_text(*fi, "\uFB01x", substrings()), Strings{"\uFB01"});
}

TEST(Matching, NeverEndsBetweenALetterAndItsAccent) {
  const auto g = build({entity("joly", "Joly")});
  // NFD "Jolÿ": the diaeresis belongs to the match (and folds away).
  const std::string text = "Joly\u0308 arrived";
  EXPECT_EQ(find(*g, text), (std::vector<Found>{{0, 6, "joly", false}}));
  EXPECT_EQ(matched_text(*g, text), Strings{"Joly\u0308"});
}

TEST(Matching, TakesFollowingMarksAndIgnorablesAlong) {
  const auto g = build({entity("joly", "Joly")});
  EXPECT_EQ(matched_text(*g, "Joly\u0308\u00AD\u200B arrived"), Strings{"Joly\u0308\u00AD\u200B"});
  EXPECT_EQ(matched_text(*g, "(Joly\u0301\u0323)"), Strings{"Joly\u0301\u0323"});
  // Ignorables in front of a name are not part of it.
  EXPECT_EQ(find(*g, "\u200B\uFEFFJoly"), (std::vector<Found>{{6, 10, "joly", false}}));
}

TEST(Matching, LigaturesAndFullWidthTextMatchAsciiAliases) {
  const auto g = build({entity("finance", "Finance"), entity("tokyo", "Tokyo"),
                        entity("un", "UN")});
  EXPECT_EQ(matched_text(*g, "\uFB01nance in \uFF34\uFF4F\uFF4B\uFF59\uFF4F and the \uFF35\uFF2E."),
            (Strings{"\uFB01nance", "\uFF34\uFF4F\uFF4B\uFF59\uFF4F", "\uFF35\uFF2E"}));
  const auto wide_alias = build({entity("tokyo", "\uFF34\uFF4F\uFF4B\uFF59\uFF4F")});
  EXPECT_EQ(matched_text(*wide_alias, "in TOKYO"), Strings{"TOKYO"});
}

TEST(Matching, EmojiAroundNamesAreNotPartOfThem) {
  const auto g = build({entity("joly", "M\u00E9lanie Joly")});
  const std::string text = "\U0001F1E8\U0001F1E6M\u00E9lanie Joly\U0001F389\u2764\uFE0F";
  EXPECT_EQ(find(*g, text), (std::vector<Found>{{8, 21, "joly", false}}));
  EXPECT_EQ(matched_text(*g, text), Strings{"M\u00E9lanie Joly"});
}

TEST(Matching, InvalidBytesAroundAndBetweenNames) {
  const auto g = build({entity("joly", "Joly"), entity("mj", "M\u00E9lanie Joly")});
  const std::string text = "\xFFJoly\xC3 Joly\x80Joly\xE2\x82\xED\xA0\x80Joly\xF0\x9F\x98";
  EXPECT_EQ(find(*g, text), (std::vector<Found>{{1, 5, "joly", false},
                                                {7, 11, "joly", false},
                                                {12, 16, "joly", false},
                                                {21, 25, "joly", false}}));
  // An invalid byte is not white space: it does not join the words of a name.
  EXPECT_EQ(find(*g, "M\u00E9lanie\xA0Joly"), (std::vector<Found>{{9, 13, "joly", false}}));
  // Text that ends inside a sequence, or is nothing but bad bytes, is scanned safely.
  EXPECT_EQ(find(*g, "Jol\xC3"), std::vector<Found>{});
  EXPECT_EQ(find(*g, "\x80\x80\xFF\xC0"), std::vector<Found>{});
}

TEST(Matching, EveryByteValueAroundANameIsSafe) {
  const auto g = build({entity("joly", "Joly")});
  std::string text;
  for (int byte = 0; byte < 256; ++byte) text += static_cast<char>(byte);
  text += " Joly ";
  for (int byte = 255; byte >= 0; --byte) text += static_cast<char>(byte);
  EXPECT_EQ(find(*g, text), (std::vector<Found>{{257, 261, "joly", false}}));
}

TEST(Matching, NulBytesAreOrdinaryNonWordCharacters) {
  const auto g = build({entity("joly", "Joly")});
  EXPECT_EQ(find(*g, "Joly\0Joly\0"sv),
            (std::vector<Found>{{0, 4, "joly", false}, {5, 9, "joly", false}}));
}

TEST(Matching, NothingToFindInEmptyTextOrWithAnEmptyGazetteer) {
  const auto g = build({entity("joly", "Joly")});
  EXPECT_EQ(find(*g, ""), std::vector<Found>{});
  const auto empty = build({});
  EXPECT_EQ(find(*empty, "Joly"), std::vector<Found>{});
}

TEST(Matching, NonLatinScripts) {
  const auto g = build({entity("athens", "\u0391\u03B8\u03AE\u03BD\u03B1"),   // Αθήνα
                        entity("kyiv", "\u041A\u0438\u0457\u0432"),            // Київ
                        entity("tokyo", "\u6771\u4EAC")});                     // 東京
  EXPECT_EQ(matched_text(*g, "\u0391\u0398\u0397\u039D\u0391, \u043A\u0438\u0457\u0432, \u6771\u4EAC."),
            (Strings{"\u0391\u0398\u0397\u039D\u0391", "\u043A\u0438\u0457\u0432", "\u6771\u4EAC"}));
}

}  // namespace
}  // namespace onoma::test_support
