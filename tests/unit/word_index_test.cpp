// The word index (gazetteer::KeyIndex::kWords): how aliases and text are cut into tokens, and
// what scans with it find. That it finds what the index over bytes finds, on pseudo-random
// gazetteers and texts, is the differential test's (its *_word_index configurations).
#include <gtest/gtest.h>

#include <stdexcept>
#include <string>
#include <vector>

#include "gazetteer/gazetteer_builder.h"
#include "gazetteer/input_error.h"
#include "gazetteer_test_support.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/word_tokens.h"

namespace onoma {
namespace {

using gazetteer::KeyIndex;
using test_support::build;
using test_support::entity;
using test_support::matched_text;

std::vector<std::string> tokens_of(const std::string& text,
                                   uint32_t fold_options = unicode::kFoldDefault) {
  const unicode::FoldTable& table = unicode::FoldTable::for_options(fold_options);
  unicode::ClusterReader reader(table);
  const auto [begin, end] = unicode::folded_extent(table, text.data(), text.size());
  std::vector<std::string> tokens;
  unicode::for_each_word_token(reader, text.data(), begin, end,
                               [&](std::string_view token) { tokens.emplace_back(token); });
  return tokens;
}

TEST(WordTokens, AWordIsARunOfWordCharactersAndAnyOtherCharacterIsOne) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tokens_of("M\u00E9lanie  Joly"), (V{"melanie", " ", "joly"}));
  EXPECT_EQ(tokens_of("Me\u0301lanie\u00A0Joly"), (V{"melanie", " ", "joly"}));
  EXPECT_EQ(tokens_of("C++"), (V{"c", "+", "+"}));
  EXPECT_EQ(tokens_of("U.S."), (V{"u", ".", "s", "."}));
  EXPECT_EQ(tokens_of("\uFB01nance 2024"), (V{"finance", " ", "2024"}));
  // A soft hyphen folds away inside the word it belongs to.
  EXPECT_EQ(tokens_of("Ca\u00ADnada"), (V{"canada"}));
  EXPECT_EQ(tokens_of("Jos\u00E9", unicode::kFoldExact), (V{"Jos\u00E9"}));
}

TEST(WordTokens, ACharacterThatFoldsToLettersWithoutBeingOneIsAWordOfItsOwn) {
  using V = std::vector<std::string>;
  EXPECT_EQ(tokens_of("France\u2122"), (V{"france", "tm"}));
  EXPECT_EQ(tokens_of("\u2116""5"), (V{"no", "5"}));
  EXPECT_EQ(tokens_of("FranceTM"), (V{"francetm"}));
}

TEST(WordTokens, TheTokensMakeUpTheFoldedAlias) {
  for (const std::string text :
       {"New York", " Paris ", "Jean-Luc", "O\u2019Brien", "\u0130stanbul", "Stra\u00DFe",
        "\u00BD cup", "\u2474x", "l\u00B7l", "\u6771\u4EAC", "x\u0359\u0363", "#\u03451"}) {
    const unicode::FoldTable& table = unicode::FoldTable::for_options(unicode::kFoldDefault);
    std::string joined;
    for (const std::string& token : tokens_of(text)) joined += token;
    EXPECT_EQ(joined, unicode::fold_string(table, text.data(), text.size())) << text;
  }
}

TEST(WordIndex, FindsWhatTheIndexOverBytesFinds) {
  const std::vector<gazetteer::EntitySpec> entities = {
      entity("nyc", "New York", {"NYC", "New York City"}), entity("york", "York"),
      entity("joly", "M\u00E9lanie Joly"), entity("us", "United States", {"U.S.", "US"}),
      entity("cpp", "C++"), entity("net", ".NET")};
  const std::string text =
      "In New York City, MELANIE JOLY met us; Me\u0301lanie\nJoly flew to the U.S. and York. "
      "C++ and .NET, newyork, New Yorker, NYC\u00A0York.";
  const auto bytes = build(entities);
  const auto words = build(entities, unicode::kFoldDefault, KeyIndex::kWords);
  EXPECT_EQ(matched_text(*words, text), matched_text(*bytes, text));
  EXPECT_EQ(matched_text(*words, text, test_support::all_matches()),
            matched_text(*bytes, text, test_support::all_matches()));
  EXPECT_EQ(matched_text(*words, text),
            (std::vector<std::string>{"New York City", "MELANIE JOLY", "Me\u0301lanie\nJoly",
                                      "U.S.", "York", "C++", ".NET", "NYC", "York"}));
}

TEST(WordIndex, ASymbolThatFoldsToLettersBoundsAWordButIsMatchedOnlyAsWritten) {
  const auto words = build({entity("france", "France"), entity("acme", "AcmeTM")},
                           unicode::kFoldDefault, KeyIndex::kWords);
  EXPECT_EQ(matched_text(*words, "France\u2122 and AcmeTM"),
            (std::vector<std::string>{"France", "AcmeTM"}));
  // Over bytes "Acme™" folds to the alias; with the word index it is two words.
  EXPECT_EQ(matched_text(*words, "Acme\u2122"), std::vector<std::string>{});
  EXPECT_EQ(matched_text(*build({entity("acme", "AcmeTM")}), "Acme\u2122"),
            std::vector<std::string>{"Acme\u2122"});
}

TEST(WordIndex, AWordLongerThanAnyOfTheAliasesIsNoneOfThem) {
  const auto words = build({entity("paris", "Paris"), entity("pp", "Paris Paris")},
                           unicode::kFoldDefault, KeyIndex::kWords);
  const std::string long_word(1 << 20, 'p');
  EXPECT_EQ(matched_text(*words, long_word + " Paris " + long_word + "aris Paris"),
            (std::vector<std::string>{"Paris", "Paris"}));
}

TEST(WordIndex, ScansWithWordBoundariesOnly) {
  const auto words = build({entity("paris", "Paris")}, unicode::kFoldDefault, KeyIndex::kWords);
  EXPECT_THROW(test_support::find(*words, "Paris", test_support::substrings()),
               std::invalid_argument);
}

TEST(WordIndex, AFailedCallLeavesNoTokenBehind) {
  const gazetteer::EntitySpec bad = entity("bad", "");  // an empty name is refused
  gazetteer::GazetteerBuilder with_failure(unicode::kFoldDefault, KeyIndex::kWords);
  with_failure.add_entity(entity("paris", "Paris"));
  EXPECT_THROW(with_failure.add_entities({entity("lyon", "Lyon Saint-Exup\u00E9ry"), bad}, "f"),
               gazetteer::InputError);
  gazetteer::GazetteerBuilder without(unicode::kFoldDefault, KeyIndex::kWords);
  without.add_entity(entity("paris", "Paris"));
  EXPECT_EQ(std::move(with_failure).build()->memory_usage(),
            std::move(without).build()->memory_usage());
}

}  // namespace
}  // namespace onoma
