// Case sensitivity (DESIGN.md §2): short all-capital aliases such as "US" keep their case by
// default, every other alias ignores case, per-alias flags override the rule, and a
// case-sensitive alias still folds everything but case.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "gazetteer_test_support.h"
#include "unicode/acronym.h"

namespace onoma::test_support {
namespace {

using Strings = std::vector<std::string>;
using Matches = std::vector<Found>;

TEST(DefaultCaseRule, ShortCapitalizedAliases) {
  for (const char* alias : {"US", "UN", "AP", "U.S.", "G7", "G20", "A", "NATO", "\u00C9U",
                            "\uFF35.\uFF33."}) {
    EXPECT_TRUE(unicode::is_short_capitalized_alias(alias)) << alias;
  }
  for (const char* alias : {"COVID-19", "CARICOM", "UNESCO", "UNHCR", "Us", "us", "U S", "U-S",
                            "123", "", "\u6771\u4EAC", "US\xFF"}) {
    EXPECT_FALSE(unicode::is_short_capitalized_alias(alias)) << alias;
  }
}

TEST(DefaultCaseRule, ShortCapitalizedAliasesMatchOnlyAsWritten) {
  const auto g = build({entity("us", "US"), entity("un", "UN"), entity("ap", "AP"),
                        entity("us-dots", "U.S."), entity("g7", "G7"), entity("nato", "NATO")});
  EXPECT_EQ(matched_text(*g, "US UN AP U.S. G7 NATO"),
            (Strings{"US", "UN", "AP", "U.S.", "G7", "NATO"}));
  EXPECT_EQ(matched_text(*g, "us un ap u.s. g7 nato Us Un Ap U.s. Nato uS"), Strings{});
}

// "SPÖ" is three capital letters whether the Ö is one code point or O + U+0308: the rule
// must not depend on the normalization form of the gazetteer file.
TEST(DefaultCaseRule, AppliesAlikeToComposedAndDecomposedAliases) {
  EXPECT_TRUE(unicode::is_short_capitalized_alias("SP\u00D6"));
  EXPECT_TRUE(unicode::is_short_capitalized_alias("SPO\u0308"));
  EXPECT_TRUE(unicode::is_short_capitalized_alias("C\u030CSSD"));  // ČSSD in NFD
  EXPECT_FALSE(unicode::is_short_capitalized_alias("\u0308"));     // no letter at all
  const auto composed = build({entity("spo", "SP\u00D6")});
  const auto decomposed = build({entity("spo", "SPO\u0308")});
  for (const auto* g : {composed.get(), decomposed.get()}) {
    EXPECT_EQ(matched_text(*g, "SP\u00D6 SPO\u0308 sp\u00F6 Sp\u00F6 spo\u0308"),
              (Strings{"SP\u00D6", "SPO\u0308"}));
  }
}

TEST(DefaultCaseRule, LongerOrMixedAliasesIgnoreCase) {
  const auto g = build({entity("covid", "COVID-19"), entity("caricom", "CARICOM"),
                        entity("unesco", "UNESCO"), entity("unhcr", "UNHCR"),
                        entity("joly", "Joly")});
  EXPECT_EQ(matched_text(*g, "Covid-19 covid-19 Caricom Unesco unhcr JOLY joly"),
            (Strings{"Covid-19", "covid-19", "Caricom", "Unesco", "unhcr", "JOLY", "joly"}));
}

TEST(CaseFlags, ExplicitCaseSensitiveAlias) {
  gazetteer::EntitySpec joly = entity("joly", "M\u00E9lanie Joly");
  joly.aliases.push_back(case_sensitive("Joly"));
  const auto g = build({joly});
  EXPECT_EQ(matched_text(*g, "Joly joly JOLY"), Strings{"Joly"});
}

TEST(CaseFlags, ExplicitCaseInsensitiveAliasOverridesTheRule) {
  gazetteer::EntitySpec us = entity("us", "United States");
  us.aliases.push_back(case_insensitive("US"));
  const auto g = build({us});
  EXPECT_EQ(matched_text(*g, "US us Us"), (Strings{"US", "us", "Us"}));
}

TEST(CaseFlags, CaseSensitiveAliasesStillFoldEverythingButCase) {
  gazetteer::EntitySpec joly = entity("joly", "M\u00E9lanie Joly");
  joly.aliases.push_back(case_sensitive("Jol\u00FF"));
  const auto g = build({joly, entity("un", "UN"), entity("us", "U.S.")});
  EXPECT_EQ(matched_text(*g, "\uFF35\uFF2E \uFF55\uFF4E U\u00ADN"), (Strings{"\uFF35\uFF2E", "U\u00ADN"}));
  EXPECT_EQ(matched_text(*g, "Joly Joly\u0308 JOLY J\u00F3ly"), (Strings{"Joly", "Joly\u0308", "J\u00F3ly"}));
  EXPECT_EQ(matched_text(*g, "U\uFF0ES\uFF0E"), Strings{"U\uFF0ES\uFF0E"});  // full-width dots
}

TEST(CaseFlags, CaseSensitiveAndInsensitiveCandidatesOnOneSpan) {
  gazetteer::EntitySpec pronoun = entity("pronoun", "pronoun us");
  pronoun.aliases.push_back(case_insensitive("us"));
  const auto g = build({entity("country", "US"), pronoun});
  EXPECT_EQ(find(*g, "US"), (Matches{{0, 2, "country", true}, {0, 2, "pronoun", true}}));
  EXPECT_EQ(find(*g, "us"), (Matches{{0, 2, "pronoun", false}}));
  EXPECT_EQ(find(*g, "Us", all_matches()), (Matches{{0, 2, "pronoun", false}}));
}

TEST(CaseFlags, AShorterMatchWinsWhenTheLongerFailsItsCaseCheck) {
  gazetteer::EntitySpec times = entity("nyt", "The Times");
  times.aliases.push_back(case_sensitive("New York Times"));
  const auto g = build({times, entity("ny", "New York")});
  EXPECT_EQ(find(*g, "New York Times"), (Matches{{0, 14, "nyt", false}}));
  EXPECT_EQ(find(*g, "new york times"), (Matches{{0, 8, "ny", false}}));
  EXPECT_EQ(find(*g, "new york times", all_matches()), (Matches{{0, 8, "ny", false}}));

  gazetteer::EntitySpec us = entity("us", "United States");
  us.aliases.push_back(case_insensitive("u.s."));
  const auto dotted = build({entity("usa", "U.S.A."), us});
  EXPECT_EQ(find(*dotted, "U.S.A."), (Matches{{0, 6, "usa", false}}));
  EXPECT_EQ(find(*dotted, "u.s.a."), (Matches{{0, 4, "us", false}}));
}

TEST(CaseFlags, WithoutCaseFoldingEveryAliasKeepsItsCase) {
  const auto g = build({entity("joly", "Joly")}, unicode::kFoldDefault & ~unicode::kFoldCase);
  EXPECT_EQ(matched_text(*g, "joly JOLY Joly J\u00F3ly"), (Strings{"Joly", "J\u00F3ly"}));
}

}  // namespace
}  // namespace onoma::test_support
