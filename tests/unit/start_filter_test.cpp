// The start filter may only ever say "no key begins here" when that is true: a wrong "no" loses
// a match silently. It is checked against a brute-force reading of the folded text, on random
// keys and texts made of the characters where its rules change (letters, digits, runs of
// white space, punctuation, capitals, non-ASCII), and on the cases a reader would worry about.
#include "automaton/start_filter.h"

#include <gtest/gtest.h>

#include <random>
#include <string>
#include <vector>

#include "gazetteer_test_support.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"

namespace onoma::automaton {
namespace {

const unicode::FoldTable& default_table() {
  return unicode::FoldTable::for_options(unicode::kFoldDefault);
}

StartFilter filter_of(const std::vector<std::string>& aliases, Trie& trie) {
  std::vector<std::string> keys;  // the entries' keys are views: they must outlive build()
  for (const std::string& alias : aliases) {
    keys.push_back(unicode::fold_string(default_table(), alias.data(), alias.size()));
  }
  std::vector<Trie::Entry> entries;
  for (const std::string& key : keys) {
    entries.push_back({key, static_cast<uint32_t>(entries.size())});
  }
  trie = Trie::build(entries);
  return StartFilter::build(trie, default_table());
}

bool may_start(const StartFilter& filter, const std::string& text, size_t pos = 0) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  EXPECT_TRUE(filter.judges(bytes[pos]));
  return filter.check(bytes + pos, bytes + text.size()).may_start;
}

bool is_ascii_alnum(char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

TEST(StartFilter, RejectsWordsThatBeginNoKey) {
  Trie trie;
  const StartFilter filter = filter_of({"New York", "Paris", "Inc.", "U.S."}, trie);
  ASSERT_TRUE(filter.enabled());
  EXPECT_FALSE(may_start(filter, "the cat"));
  EXPECT_FALSE(may_start(filter, "Parisian life"));    // a key never ends inside a word
  EXPECT_FALSE(may_start(filter, "New Yorkshire"));
  EXPECT_FALSE(may_start(filter, "new"));
  EXPECT_FALSE(may_start(filter, "News York"));
  EXPECT_TRUE(may_start(filter, "Paris"));             // at the end of the text
  EXPECT_TRUE(may_start(filter, "PARIS, France"));
  EXPECT_TRUE(may_start(filter, "new  \n\t york city"));  // a run of white space is one space
  EXPECT_TRUE(may_start(filter, "new york"));
  EXPECT_TRUE(may_start(filter, "Inc. said"));
  EXPECT_TRUE(may_start(filter, "U.S. Army"));
  EXPECT_FALSE(may_start(filter, "U.K. Army"));
  EXPECT_FALSE(may_start(filter, "Characteristically, Paris is long"));  // T1 of 8 to 15 bytes
  EXPECT_TRUE(may_start(filter, "PARIS, France, said the long text"));
  // A first word followed by a second, read 8 bytes at a time when the text goes on.
  EXPECT_TRUE(may_start(filter, "new  \n\t york city, said the long text"));
  EXPECT_FALSE(may_start(filter, "new yorkers, said the long text"));
  EXPECT_FALSE(may_start(filter, "new jersey, said the long text"));
  EXPECT_FALSE(may_start(filter, "new-york, said the long text"));
}

TEST(StartFilter, FoldsTwoByteLettersAndOtherwiseSaysMaybe) {
  Trie trie;
  const StartFilter filter =
      filter_of({"Paris", "The Hague", "Cafe Society", "Ecole Normale", "Strasse"}, trie);
  // Short texts are read byte by byte, longer ones 8 bytes at a time: both ways.
  for (const std::string tail : {"", " and then a few more words"}) {
    SCOPED_TRACE(tail);
    EXPECT_TRUE(may_start(filter, "Caf\xC3\xA9 society" + tail));   // é folds to e
    EXPECT_TRUE(may_start(filter, "CAF\xC3\x89 SOCIETY" + tail));
    EXPECT_TRUE(may_start(filter, "\xC3\x89" "cole normale" + tail));   // a word that starts with É
    EXPECT_TRUE(may_start(filter, "Stra\xC3\x9F" "e" + tail));         // ß folds to ss
    EXPECT_FALSE(may_start(filter, "\xC3\xA9t\xC3\xA9 indien" + tail));  // été: no key's first word
    EXPECT_FALSE(may_start(filter, "the \xC3\xA9t\xC3\xA9" + tail));
    EXPECT_FALSE(may_start(filter, "Cafes society" + tail));
    EXPECT_TRUE(may_start(filter, "Cafe\xCC\x81 society" + tail));  // NFD: the mark folds away
    EXPECT_TRUE(may_start(filter, "Caf\xC3\xA9\xCC\x81 society" + tail));
    EXPECT_TRUE(may_start(filter, "Ca\xC2\xAD" "fe society" + tail));  // a soft hyphen too
    EXPECT_FALSE(may_start(filter, "Cafe\xCC\x81s society" + tail));
    // What the filter cannot fold answers "maybe": a no-break space, Cyrillic, a character
    // that does not fold to ASCII letters.
    EXPECT_TRUE(may_start(filter, "the\xC2\xA0" "cat" + tail));
    EXPECT_TRUE(may_start(filter, "the \xD0\xB4\xD0\xB0" + tail));
    EXPECT_TRUE(may_start(filter, "\xC2\xAB Paris" + tail));  // « starts no word
    EXPECT_FALSE(may_start(filter, "the cat \xD0\xB4\xD0\xB0" + tail));  // only T1 s1 T2 s2 count
  }
}

TEST(StartFilter, ReportsTheFirstWordToStepOver) {
  Trie trie;
  const StartFilter filter = filter_of({"Paris"}, trie);
  const std::string text = "Hello, world";
  const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
  EXPECT_EQ(filter.check(bytes, bytes + text.size()).word_length, 5u);
}

// Folds ASCII text as the default table does (lowercase, a white space run to one space) and
// keeps, for each folded byte, the original offset it came from.
std::string fold_ascii(const std::string& text, std::vector<size_t>& origin) {
  std::string folded;
  for (size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    const bool space = c == ' ' || c == '\n' || c == '\t';
    if (space && i > 0 && (text[i - 1] == ' ' || text[i - 1] == '\n' || text[i - 1] == '\t')) continue;
    folded += space ? ' ' : static_cast<char>(c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c);
    origin.push_back(i);
  }
  return folded;
}

TEST(StartFilter, NeverRejectsAWordStartWhereAKeyMatches) {
  std::mt19937 random(20261123);
  const std::string alphabet = "abAB1 \n.-,";
  auto random_string = [&](size_t max_length) {
    std::string s(1 + random() % max_length, ' ');
    for (char& c : s) c = alphabet[random() % alphabet.size()];
    return s;
  };
  size_t checked = 0;
  for (int round = 0; round < 300; ++round) {
    std::vector<std::string> aliases;
    for (int i = 0; i < 6; ++i) aliases.push_back(random_string(7));
    Trie trie;
    const StartFilter filter = filter_of(aliases, trie);
    std::vector<std::string> keys;
    for (const std::string& alias : aliases) {
      std::string key = unicode::fold_string(default_table(), alias.data(), alias.size());
      if (!key.empty()) keys.push_back(key);
    }
    // Mostly the aliases themselves, so that keys of every shape do occur.
    std::string text;
    while (text.size() < 60) {
      text += random() % 3 != 0 ? aliases[random() % aliases.size()] : random_string(4);
      text += alphabet[random() % alphabet.size()];
    }
    std::vector<size_t> origin;
    const std::string folded = fold_ascii(text, origin);
    const auto* bytes = reinterpret_cast<const unsigned char*>(text.data());
    for (size_t f = 0; f < folded.size(); ++f) {
      const size_t pos = origin[f];
      if (!is_ascii_alnum(text[pos]) || (pos > 0 && is_ascii_alnum(text[pos - 1]))) continue;
      bool key_matches = false;
      for (const std::string& key : keys) {
        if (folded.compare(f, key.size(), key) != 0) continue;
        const size_t after = f + key.size();
        // A key ending with a letter or digit needs a non-word character after it.
        if (is_ascii_alnum(key.back()) && after < folded.size() && is_ascii_alnum(folded[after])) {
          continue;
        }
        key_matches = true;
      }
      const bool verdict = filter.check(bytes + pos, bytes + text.size()).may_start;
      ++checked;
      if (key_matches) {
        EXPECT_TRUE(verdict) << "text '" << text << "' at " << pos;
      }
    }
  }
  EXPECT_GT(checked, 3000u);
}

TEST(StartFilter, ScanningFindsWhatTheFilterMustLetThrough) {
  using test_support::entity;
  using test_support::matched_text;
  const auto g = test_support::build({entity("ny", "New York"), entity("us", "U.S."),
                                      entity("paris", "Paris"), entity("inc", "Acme Inc.")});
  ASSERT_TRUE(g->start_filter().enabled());
  EXPECT_EQ(matched_text(*g, "the new \n york times, not New Yorkshire; U.S. and Paris"),
            (std::vector<std::string>{"new \n york", "U.S.", "Paris"}));
  EXPECT_EQ(matched_text(*g, "Paris\xE2\x80\x99s mayor, Acme Inc."),
            (std::vector<std::string>{"Paris", "Acme Inc."}));
  EXPECT_EQ(matched_text(*g, "NEW YORK"), (std::vector<std::string>{"NEW YORK"}));
  EXPECT_EQ(matched_text(*g, "\xC3\xA9t\xC3\xA9 \xC3\xA0 P\xC3\xA0ris et \xC3\xA0 N\xC3\xA9w Y\xC3\xB6rk"),
            (std::vector<std::string>{"P\xC3\xA0ris", "N\xC3\xA9w Y\xC3\xB6rk"}));
}

}  // namespace
}  // namespace onoma::automaton
