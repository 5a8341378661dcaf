// Word boundaries (DESIGN.md §2): where an alias starts (ends) with a word character, the text
// character before (after) the match must not be a word character; `none` finds substrings.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer_test_support.h"

namespace onoma::test_support {
namespace {

using Strings = std::vector<std::string>;

TEST(WordBoundary, NoMatchInsideALongerWord) {
  const auto g = build({entity("us", "US")});
  for (const char* text : {"USA", "BUS", "BUSY", "xUS", "USé", "ÉUS", "USд", "дUS"}) {
    EXPECT_EQ(matched_text(*g, text), Strings{}) << text;
  }
}

TEST(WordBoundary, DigitsAndConnectorsAreWordCharacters) {
  const auto g = build({entity("us", "US")});
  for (const char* text : {"US2", "2US", "US\u0662", "\u0662US", "US_", "_US", "US\u203F"}) {
    EXPECT_EQ(matched_text(*g, text), Strings{}) << text;
  }
}

TEST(WordBoundary, AKeptCombiningMarkIsAWordCharacter) {
  const auto g = build({entity("us", "US")});
  // U+20DD COMBINING ENCLOSING CIRCLE does not fold away: "US⃝" is not "US".
  EXPECT_EQ(matched_text(*g, "US\u20DD"), Strings{});
  // A mark at the very start of the text has no base and counts as a word character.
  EXPECT_EQ(matched_text(*g, "\u0301US"), Strings{});
}

TEST(WordBoundary, MatchesBetweenNonWordCharacters) {
  const auto g = build({entity("us", "US")});
  EXPECT_EQ(matched_text(*g, "US officials met US-based (US) \"US\" US."),
            (Strings{"US", "US", "US", "US", "US"}));
}

TEST(WordBoundary, AliasEndingWithAFullStop) {
  const auto g = build({entity("us", "U.S.")});
  EXPECT_EQ(find(*g, "the U.S. and"), (std::vector<Found>{{4, 8, "us", false}}));
  EXPECT_EQ(find(*g, "in the U.S."), (std::vector<Found>{{7, 11, "us", false}}));
  EXPECT_EQ(find(*g, "U.S.\nNext"), (std::vector<Found>{{0, 4, "us", false}}));
  EXPECT_EQ(matched_text(*g, "XU.S. "), Strings{});  // the start is still checked
}

TEST(WordBoundary, PossessivesAndBrackets) {
  const auto g = build({entity("joly", "Joly")});
  EXPECT_EQ(matched_text(*g, "Joly\u2019s"), Strings{"Joly"});
  EXPECT_EQ(matched_text(*g, "Joly's"), Strings{"Joly"});
  EXPECT_EQ(matched_text(*g, "(Joly)"), Strings{"Joly"});
  EXPECT_EQ(matched_text(*g, "\u00ABJoly\u00BB"), Strings{"Joly"});
  EXPECT_EQ(matched_text(*g, "Jolys Joly2 xJoly Joly_"), Strings{});
}

TEST(WordBoundary, IgnorablesDoNotSplitAWord) {
  // A soft hyphen is an invisible hyphenation point: "Stol­tenberg" is one word.
  const auto g = build({entity("tenberg", "tenberg"), entity("stol", "Stol")});
  EXPECT_EQ(matched_text(*g, "Stol\u00ADtenberg"), Strings{});
}

TEST(WordBoundary, NonWordEdgesOfAnAliasAreNotChecked) {
  const auto net = build({entity("net", ".NET")});
  EXPECT_EQ(matched_text(*net, "ASP.NET runs"), Strings{".NET"});  // a letter before '.'
  EXPECT_EQ(matched_text(*net, "on .NET."), Strings{".NET"});
  EXPECT_EQ(matched_text(*net, ".NETX"), Strings{});               // but not after 'T'

  const auto cpp = build({entity("cpp", "C++")});
  EXPECT_EQ(matched_text(*cpp, "C++ and C++11"), (Strings{"C++", "C++"}));
  EXPECT_EQ(matched_text(*cpp, "ObjC++"), Strings{});

  const auto tag = build({entity("tag", "#tag")});
  EXPECT_EQ(matched_text(*tag, "x#tag"), Strings{"#tag"});
  EXPECT_EQ(matched_text(*tag, "#tags #tag_ #tag!"), Strings{"#tag"});
}

TEST(SubstringBoundary, FindsAliasesInsideWords) {
  const auto us = build({entity("us", "US")});
  EXPECT_EQ(find(*us, "BUSINESS", substrings()), (std::vector<Found>{{1, 3, "us", false}}));
  EXPECT_EQ(find(*us, "business", substrings()), std::vector<Found>{});  // "US" keeps its case

  gazetteer::EntitySpec pronoun = entity("us", "US");
  pronoun.aliases = {case_insensitive("US")};
  const auto any_case = build({pronoun});
  EXPECT_EQ(find(*any_case, "business", substrings()), (std::vector<Found>{{1, 3, "us", false}}));
}

TEST(SubstringBoundary, SpacelessScripts) {
  const auto g = build({entity("tokyo", "\u6771\u4EAC")});  // 東京
  const std::string text = "\u6771\u4EAC\u90FD\u306B\u4F4F\u3080";  // 東京都に住む
  EXPECT_EQ(find(*g, text), std::vector<Found>{});
  EXPECT_EQ(find(*g, text, substrings()), (std::vector<Found>{{0, 6, "tokyo", false}}));
}

}  // namespace
}  // namespace onoma::test_support
