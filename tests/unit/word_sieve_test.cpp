// The word sieve lets the scanner step over words a block of bytes at a time. Stepping over a
// word where a key begins loses a match silently, and stopping with the wrong idea of the
// character before (or inside a character's cluster) breaks the boundary rule: both are
// checked against a brute-force reading of the folded text, on random keys and texts made of
// the characters where its rules change, and on the cases a reader would worry about.
#include "automaton/word_sieve.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <map>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "automaton/start_filter.h"
#include "gazetteer_test_support.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"

namespace onoma::automaton {
namespace {

const unicode::FoldTable& default_table() {
  return unicode::FoldTable::for_options(unicode::kFoldDefault);
}

std::vector<std::string> fold_all(const std::vector<std::string>& aliases) {
  std::vector<std::string> keys;
  for (const std::string& alias : aliases) {
    keys.push_back(unicode::fold_string(default_table(), alias.data(), alias.size()));
  }
  return keys;
}

// The start filter of `keys` as given (the trie's entries are views into them), with its sieve,
// for text folded by the default table, or by the one that keeps case.
StartFilter filter_of(const std::vector<std::string>& keys, bool fold_case = true) {
  std::vector<Trie::Entry> entries;
  for (const std::string& key : keys) {
    entries.push_back({key, static_cast<uint32_t>(entries.size())});
  }
  const Trie trie = Trie::build(entries);
  const uint32_t options =
      fold_case ? unicode::kFoldDefault : unicode::kFoldDefault & ~unicode::kFoldCase;
  return StartFilter::build(trie, unicode::FoldTable::for_options(options));
}

struct Stop {
  size_t position;
  bool after_word;
};

// Steps through `text` as the scanner does from a word start, until the sieve stops (at most
// at the end: past it, the padding is plain separators): the words that it rejects, and a word
// too long for its block when the start filter reads it and the sieve rejects it.
Stop step(const StartFilter& filter, const std::string& text) {
  const std::string padded = text + std::string(WordSieve::kReadBytes, '\0');
  const auto* bytes = reinterpret_cast<const unsigned char*>(padded.data());
  size_t position = 0;
  bool after_word = false;
  while (position < text.size() && !after_word) {
    const WordSieve::Skip skip = filter.sieve().skip(bytes + position);
    position += skip.length();
    after_word = skip.after_word();
    if (skip.held() || skip.beyond_ascii()) break;
    if (skip.length() != 0) continue;
    const size_t word_length = filter.sieved_word_length(bytes + position, bytes + text.size());
    if (word_length == 0) break;
    position += word_length;
    after_word = true;
  }
  return {std::min(position, text.size()), after_word};
}

// Where the sieve stops in `text`, as the offset of `marker` (its first occurrence).
size_t offset_of(const std::string& text, const std::string& marker) {
  const size_t offset = text.find(marker);
  EXPECT_NE(offset, std::string::npos) << marker;
  return offset;
}

// A text, and where the sieve must stop in it: at a word start, before `stop_before`.
struct StopCase {
  std::string text;
  std::string stop_before;
};

void expect_stops(const StartFilter& filter, const std::vector<StopCase>& cases) {
  ASSERT_TRUE(filter.sieve().enabled());
  for (const StopCase& c : cases) {
    SCOPED_TRACE(c.text);
    const Stop stop = step(filter, c.text);
    EXPECT_EQ(stop.position, offset_of(c.text, c.stop_before));
    EXPECT_FALSE(stop.after_word);
  }
}

TEST(WordSieve, StepsOverWordsThatBeginNoKeyUpToOneThatMay) {
  expect_stops(filter_of(fold_all({"New York", "Paris", "U.S.", "G7"})), {
    {"the cat sat on the mat; then we saw Paris, and more", "Paris"},
    {"the cat sat on the mat; then we saw PARIS, and more", "PARIS"},
    {"Parisian life, long words, and the cat of new jersey, new york", "new york"},
    {"no summit here, none at all: a G7 summit, at last", "G7"},
    // Judged by the word after the first: "U" then "." and "K" begins no key.
    {"nothing of it, nothing: U.K. and U.S. officials", "U.S."},
    // Unless the first word decides alone ("Paris" is a key) or the block read does
    // not hold all of the next word.
    {"the cat sat on the mat of Paris Hilton", "Paris Hilton"},
    {"abcdefghij new york", "new york"},
  });
}

TEST(WordSieve, JudgesAKeyFirstWordByTheWordAfterIt) {
  expect_stops(filter_of(fold_all({"St.", "Saint Lucia", "Ras al-Khaimah", "the Gambia"})), {
    // A second word that no key has after the first: stepped over.
    {"the saint of all, the gambian coast: saint lucia", "saint lucia"},
    // (The separator after the second word is the start filter's to judge.)
    {"ras alk or ras al, then", "ras al,"},
    // White space between them is one space, however long the run.
    {"of the\n   Gambia", "the\n"},
    // "St." is a key whatever follows it.
    {"we saw st.kitts", "st.kitts"},
  });
  // A second word of more than 15 bytes is not in the table: the start filter judges it.
  expect_stops(filter_of(fold_all({"New Internationalization"})), {
    {"a new day, the new internationalization", "new internationalization"},
  });
}

TEST(WordSieve, StopsBeforeWhatItDoesNotRead) {
  // '(' begins a key: no plain separator.
  const StartFilter filter = filter_of(fold_all({"Paris", "(Paris)"}));
  ASSERT_TRUE(filter.sieve().enabled());
  // A word that goes on in a character beyond ASCII that the sieve does not read inside words
  // (α folds to no ASCII letter): the sieve stops before it, the start filter reads it, and
  // the sieve does not reject it.
  const std::string greek = "a long day at the caf\xCE\xB1 de la gare";
  const Stop at_greek = step(filter, greek);
  EXPECT_EQ(at_greek.position, offset_of(greek, "caf"));
  EXPECT_FALSE(at_greek.after_word);
  // A plain separator before one: a combining mark, white space (U+00A0) or a soft hyphen would
  // join its cluster...
  for (const std::string joining : {"\xCC\x81", "\xC2\xA0", "\xC2\xAD"}) {
    const std::string text = "a long day at the " + joining + " here";
    const Stop stop = step(filter, text);
    EXPECT_EQ(stop.position, text.find(joining) - 1);
    EXPECT_TRUE(stop.after_word);  // it follows "the"
  }
  // ...but not a letter (Latin-1, Latin Extended), nor a mark after a letter: the sieve reads
  // those inside words (été → ete) and steps over them.
  for (const std::string word : {"\xC3\xA9t\xC3\xA9", "e\xCC\x81te\xCC\x81", "\xC5\x81\xC3\xB3""d\xC5\xBA",
                                 "Stra\xC3\x9F" "e", "infor\xC2\xAD" "mation"}) {
    const std::string text = "a long day at the " + word + " here (Paris)";
    const Stop stop = step(filter, text);
    EXPECT_EQ(stop.position, text.find("(Paris)")) << word;
    EXPECT_FALSE(stop.after_word);
  }
  // A connector: "foo_bar" is one word for the boundary rule. No key's first word is "foo",
  // so the start filter's reading steps over it, up to the connector, after a word.
  const Stop connector = step(filter, "it is a long foo_bar word");
  EXPECT_EQ(connector.position, 16u);
  EXPECT_TRUE(connector.after_word);
  // A byte that begins a key.
  EXPECT_EQ(step(filter, "it is a long way (Paris) to go").position,
            offset_of("it is a long way (Paris)", "("));
  // The block's last byte, a plain separator, and a combining mark after it.
  std::string across = "the cat sat on the mat and the dog and the cat";
  across.resize(WordSieve::kBlockBytes - 2);
  across += "  \xCC\x81 here and there";
  const Stop at_mark = step(filter, across);
  EXPECT_EQ(at_mark.position, WordSieve::kBlockBytes - 1);
  EXPECT_FALSE(at_mark.after_word);
  // A word of more than 15 bytes is never judged: the start filter reads it.
  EXPECT_EQ(step(filter, "internationalization is long").position, 0u);
  EXPECT_EQ(step(filter, "the internationalization is long").position, 4u);
}

TEST(WordSieve, JudgesWordsWithLettersBeyondAsciiAsTheyFold) {
  const StartFilter filter =
      filter_of(fold_all({"Caf\xC3\xA9 de Flore", "Stra\xC3\x9F" "e", "Ile"}));
  ASSERT_TRUE(filter.sieve().enabled());
  struct Case {
    std::string text;
    size_t length;  // what sieved_word_length answers: the word's, or 0 (not rejected)
  };
  for (const Case& c : std::vector<Case>{
           // Rejected once read, decomposed or not, at the end of the text too.
           {"f\xC3\xAAte \xC3\xA0", 5},
           {"fe\xCC\x82te a\xCC\x80", 6},
           {"\xC3\xA9t\xC3\xA9", 5},
           // Held: each folds to a key's first word (ß → ss, É → e, and a mark that folds away).
           {"Stra\xC3\x9F" "e", 0},
           {"CAF\xC3\x89 de Flore", 0},
           {"cafe\xCC\x81 de Flore", 0},
           {"\xC3\x8Ele", 0},
           // Not judged: more than 15 folded bytes, or followed by a character whose folding it
           // does not know (the start filter takes both), against words that are judged.
           {"d\xC3\xA9" "centralisation ici", 0},
           {"d\xC3\xA9" "centralis\xC3\xA9 ici", 14},
           {"r\xC3\xAAve\xC2\xBB, dit-il", 0},
           {"r\xC3\xAAve, dit-il", 5},
           // A mark does not begin a word.
           {"\xCC\x81" "abc ", 0},
       }) {
    SCOPED_TRACE(c.text);
    const auto* bytes = reinterpret_cast<const unsigned char*>(c.text.data());
    EXPECT_EQ(filter.sieved_word_length(bytes, bytes + c.text.size()), c.length);
  }
}

// The sieve folds a word's two-byte characters in place, from the last to the first, each to
// none, one or two ASCII bytes: one or two of them anywhere in a word of up to 15 bytes, against
// the folding of the whole text. The word is held where it folds to a key and rejected where
// its last letter differs.
TEST(WordSieve, FoldsTwoByteCharactersAnywhereInAWord) {
  const std::string letters = "abcdefghijklm";
  // é → e, É → e, ß → ss; after a letter, a combining acute and a soft hyphen fold away.
  const std::vector<std::string> characters = {"\xC3\xA9", "\xC3\x89", "\xC3\x9F",
                                               "\xCC\x81", "\xC2\xAD"};
  const auto folds_away = [](const std::string& c) { return c[0] == '\xCC' || c[0] == '\xC2'; };
  const auto expect_folded_alike = [&](const std::string& word) {
    SCOPED_TRACE(word);
    ASSERT_LE(word.size(), WordSieve::kLongestWord);
    const StartFilter filter = filter_of(fold_all({word}));
    ASSERT_TRUE(filter.sieve().enabled());
    const Stop held = step(filter, "zz " + word + " zz");
    EXPECT_EQ(held.position, 3u);
    std::string near_miss = word;
    near_miss.back() = 'z';
    EXPECT_EQ(step(filter, "zz " + near_miss + " zz").position, near_miss.size() + 6);
  };
  for (const std::string& first : characters) {
    for (size_t at = folds_away(first) ? 1 : 0; at < letters.size(); ++at) {
      expect_folded_alike(letters.substr(0, at) + first + letters.substr(at));
      for (const std::string& second : characters) {
        for (size_t then = at; then + 2 < letters.size(); ++then) {
          if (folds_away(second) && then == at && folds_away(first)) continue;
          const std::string rest = letters.substr(0, letters.size() - 2);
          expect_folded_alike(rest.substr(0, at) + first + rest.substr(at, then - at) + second +
                              rest.substr(then));
        }
      }
    }
  }
}

// Accented and decomposed text: the sieve reads two-byte letters and the marks after them
// inside its block, in first words and in the words after them, so it stops before a key
// spelt with them and steps over the words around it.
TEST(WordSieve, ReadsAccentedAndDecomposedWordsInTheBlock) {
  const StartFilter filter = filter_of(
      fold_all({"Caf\xC3\xA9 de Flore", "Stra\xC3\x9F" "e", "rue \xC3\x89mile Zola"}));
  expect_stops(filter, {
      {"un caf\xC3\xA9 au caf\xC3\xA9 de Flore", "caf\xC3\xA9 de Flore"},
      {"un cafe\xCC\x81 au CAFE\xCC\x81 de Flore", "CAFE\xCC\x81 de Flore"},
      {"die Strasser, die Stra\xC3\x9F" "e", "Stra\xC3\x9F" "e"},
      {"la rue de Paris, rue \xC3\x89mile Zola", "rue \xC3\x89mile"},
      {"la rue de Paris, rue E\xCC\x81mile Zola", "rue E\xCC\x81mile"},
      // After a run of white space, the word after the first begins beyond ASCII.
      {"la rue de Paris, rue  \xC3\x89mile Zola", "rue  \xC3\x89mile"},
      {"la rue \xC3\xA9troite, rue \xC3\x89mile Zola", "rue \xC3\x89mile"},
  });
}

TEST(WordSieve, SaysWhenTheWordItStopsBeforeGoesOnBeyondAscii) {
  // The scanner then reads that word itself instead of asking the sieve again.
  const StartFilter filter = filter_of(fold_all({"Paris"}));
  ASSERT_TRUE(filter.sieve().enabled());
  struct Case {
    std::string text;
    std::string stop_before;
    bool beyond_ascii;
  };
  // A word that begins 4 bytes before the block's end and runs past it.
  std::string runs_past = "the cats, and so on.";
  runs_past.resize(WordSieve::kBlockBytes - 4, ' ');
  runs_past += "abcdefgh";
  for (const Case& c : std::vector<Case>{
           // Letters and marks that the sieve does not read inside words: Greek, a mark of three
           // bytes, a symbol.
           {"the cat of m\xCE\xB1tier and more", "m\xCE\xB1tier", true},
           {"the cat of me\xE2\x83\x97tier and more", "me\xE2\x83\x97tier", true},
           {"the cat of m\xC3\x97tier and more", "m\xC3\x97tier", true},
           // None of it ASCII: ɐ, a letter of its own cluster that folds to no ASCII one.
           {"of \xC9\x90t\xC9\x90 and more", "\xC9\x90t\xC9\x90", false},
           {"the cat of Paris and more", "Paris", false},                 // held
           {"a cat of abcdefghijklmnopqrstuvwxyz", "abcdefghijklmnopqrstuvwxyz", false},  // too long
           {runs_past, "abcdefgh", false},
       }) {
    SCOPED_TRACE(c.text);
    const std::string padded = c.text + std::string(WordSieve::kReadBytes, '\0');
    const WordSieve::Skip skip =
        filter.sieve().skip(reinterpret_cast<const unsigned char*>(padded.data()));
    EXPECT_EQ(skip.length(), offset_of(c.text, c.stop_before));
    EXPECT_EQ(skip.beyond_ascii(), c.beyond_ascii);
    EXPECT_FALSE(skip.after_word());
  }
}

TEST(WordSieve, JudgesWholeWordsOfUpToFifteenBytes) {
  const StartFilter filter = filter_of(fold_all({"Internationale", "Characteristical Inc", "Ab"}));
  for (const std::string key_word : {"Internationale", "CHARACTERISTICAL", "ab"}) {
    SCOPED_TRACE(key_word);
    const std::string text = "word internationally and " + key_word + " or what";
    EXPECT_EQ(step(filter, text).position, text.find(key_word));
  }
}

TEST(WordSieve, FoldsCaseOnlyWhenTheKeysAreFolded) {
  const std::vector<std::string> keys = {"Paris"};
  const StartFilter kept = filter_of(keys, /*fold_case=*/false);
  EXPECT_EQ(step(kept, "we saw paris and then Paris again").position, 22u);
  const StartFilter folded = filter_of({"paris"}, /*fold_case=*/true);
  EXPECT_EQ(step(folded, "we saw paris and then Paris again").position, 7u);
}

TEST(WordSieve, GathersTheTopBitOfEachByteAsMovemaskDoes) {
  std::mt19937_64 random(5);
  for (int i = 0; i < 1000; ++i) {
    const uint64_t bytes = random();
    uint32_t expected = 0;
    for (int b = 0; b < 8; ++b) expected |= static_cast<uint32_t>((bytes >> (8 * b + 7)) & 1) << b;
    ASSERT_EQ(top_bits(bytes), expected) << std::hex << bytes;
  }
}

TEST(WordSieve, IsEmptyWhenItCannotBeSelective) {
  // More ASCII separators that begin keys than skip() compares with.
  EXPECT_FALSE(filter_of({"(a", "[a", "{a", "<a", "'a", "`a", "*a", "/a", ":a", "paris"})
                   .sieve()
                   .enabled());
  // The table: 64 bits per entry up to 64 KB, then 16 at least, up to 2 MB; beyond, none.
  EXPECT_EQ(WordSieve::table_bits(1), size_t{1} << 16);
  EXPECT_EQ(WordSieve::table_bits(4096), size_t{1} << 18);
  EXPECT_EQ(WordSieve::table_bits(32768), size_t{1} << 19);
  EXPECT_EQ(WordSieve::table_bits(32769), size_t{1} << 20);
  EXPECT_EQ(WordSieve::table_bits(size_t{1} << 20), size_t{1} << 24);
  EXPECT_EQ(WordSieve::table_bits((size_t{1} << 20) + 1), 0u);
}

TEST(WordSieve, StopsAtEachOfEightBytesThatBeginKeys) {
  const std::vector<std::string> starters = {"(", "[", "{", "<", "'", "`", "*", "/"};
  std::vector<std::string> keys = {"paris"};
  for (const std::string& starter : starters) keys.push_back(starter + "a");
  const StartFilter filter = filter_of(keys);
  ASSERT_TRUE(filter.sieve().enabled());
  for (const std::string& starter : starters) {
    const std::string text = "no key in here " + starter + "a) but there";
    SCOPED_TRACE(text);
    EXPECT_EQ(step(filter, text).position, text.find(starter));
  }
}

bool is_word_byte(unsigned char c) {
  return (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
         c == '_' || c >= 0x80;
}

// The clusters of `text` as the scanner reads them: for each one's end, whether it is a word
// character.
std::map<size_t, bool> cluster_ends(const std::string& text) {
  unicode::ClusterReader reader(default_table());
  std::map<size_t, bool> ends;
  for (size_t pos = 0; pos < text.size();) {
    const unicode::Cluster cluster = reader.read(text.data(), text.size(), pos);
    ends[cluster.end] = cluster.word;
    pos = cluster.end;
  }
  return ends;
}

bool is_ascii_space(char c) { return c == ' ' || c == '\n' || c == '\t' || c == '\r'; }

// Whether `pos` (inside `text`, whose cluster_ends are `ends`) splits a run of ASCII white
// space, which the cluster reader reads as one cluster. The scanner may be there between two
// walks (skip_ascii steps a byte at a time): no key begins or ends with white space.
bool inside_white_space(const std::string& text, size_t pos) {
  return pos > 0 && pos < text.size() && is_ascii_space(text[pos - 1]) && is_ascii_space(text[pos]);
}

// Whether the scanner may ask the sieve at `pos`: where a match may begin, after a cluster that
// is no word character.
bool may_ask_at(const std::string& text, const std::map<size_t, bool>& ends, size_t pos) {
  if (pos == 0 || inside_white_space(text, pos)) return true;
  const auto end = ends.find(pos);
  return end != ends.end() && !end->second && pos < text.size();
}

// Whether some key matches at `pos`: the folded text from there begins with it, and when it
// ends with a letter or digit, no word character follows (a character that is not ASCII counts
// as one, which is stricter than the rule).
bool key_matches_at(const std::vector<std::string>& keys, const std::string& text, size_t pos) {
  // Folded as the scanner folds text, cluster by cluster with nothing trimmed (fold_string
  // trims white space, as keys are).
  unicode::ClusterReader reader(default_table());
  std::string folded;
  unicode::fold_span(reader, text.data(), pos, text.size(), folded);
  for (const std::string& key : keys) {
    if (key.empty() || folded.compare(0, key.size(), key) != 0) continue;
    const auto ascii_word = [](char c) {
      return static_cast<unsigned char>(c) < 0x80 && is_word_byte(static_cast<unsigned char>(c));
    };
    if (key.size() < folded.size() && ascii_word(key.back()) && ascii_word(folded[key.size()])) {
      continue;
    }
    return true;
  }
  return false;
}

// Checks that no key matches where a match may begin in `rest` before `stop`, where the sieve
// stepped over it, and that the stop is a cluster's end (or inside a run of white space) with
// after_word saying what that cluster is. Returns how many places it stepped over.
size_t expect_no_key_stepped_over(const std::vector<std::string>& keys, const std::string& rest,
                                  const Stop& stop) {
  const std::map<size_t, bool> ends = cluster_ends(rest);
  size_t stepped_over = 0;
  for (size_t pos = 0; pos < stop.position; ++pos) {
    if (!may_ask_at(rest, ends, pos)) continue;
    ++stepped_over;
    EXPECT_FALSE(key_matches_at(keys, rest, pos)) << "stepped over " << pos;
  }
  if (stop.position > 0 && stop.position < rest.size()) {
    const auto end = ends.find(stop.position);
    if (end != ends.end()) {
      EXPECT_EQ(stop.after_word, end->second) << stop.position;
    } else {
      EXPECT_TRUE(inside_white_space(rest, stop.position)) << "inside a cluster: " << stop.position;
      EXPECT_FALSE(stop.after_word);
    }
  }
  return stepped_over;
}

TEST(WordSieve, NeverStepsOverAWordStartWhereAKeyMatches) {
  std::mt19937 random(20261202);
  const std::vector<std::string> alphabet = {"a", "b", "A", "B", "1", " ", " ", "\n", ".", ",",
                                             "-", "_", "(", "\xC3\xA9", "\xCC\x81", "\xC2\xAB",
                                             "\xC2\xA0", "\xC5\x82", "\xC3\x9F", "\xC2\xAD",
                                             "\xC3\x97", "\xE2\x80\x99", "\xE2\x80\x9C",
                                             "\xE2\x80\x94", "\xE2\x80\xA6"};
  auto random_string = [&](size_t max_length) {
    std::string s;
    for (size_t length = 1 + random() % max_length; s.size() < length;) {
      s += alphabet[random() % alphabet.size()];
    }
    return s;
  };
  size_t stepped_over = 0;
  for (int round = 0; round < 400; ++round) {
    // Keys mostly begin with a letter or digit, as names do (and beyond three ASCII separators
    // that begin keys the sieve is empty).
    std::vector<std::string> aliases;
    for (int i = 0; i < 5; ++i) {
      aliases.push_back(random() % 5 != 0 ? alphabet[random() % 5] + random_string(5)
                                          : random_string(6));
    }
    const std::vector<std::string> keys = fold_all(aliases);
    const StartFilter filter = filter_of(keys);
    if (!filter.sieve().enabled()) continue;
    // Mostly the aliases themselves and words like theirs, so that keys of every shape occur.
    std::string text = " ";
    while (text.size() < 80) {
      text += random() % 3 != 0 ? aliases[random() % aliases.size()] : random_string(5);
      text += alphabet[random() % alphabet.size()];
    }
    // From every place the scanner may ask from.
    const std::map<size_t, bool> ends = cluster_ends(text);
    for (size_t from = 1; from < text.size(); ++from) {
      if (!may_ask_at(text, ends, from)) continue;
      const std::string rest = text.substr(from);
      const Stop stop = step(filter, rest);
      SCOPED_TRACE("text '" + text + "' from " + std::to_string(from));
      stepped_over += expect_no_key_stepped_over(keys, rest, stop);
    }
  }
  EXPECT_GT(stepped_over, 5000u);
}

// A large gazetteer: 20,000 first words, beyond what a table in the L1 cache holds
// selectively. Most first words are judged by the word after them; one in ten decides alone
// (a key that is the word itself, whatever follows it).
std::vector<std::string> large_aliases() {
  std::vector<std::string> aliases;
  for (int i = 0; i < 20000; ++i) {
    const std::string first = "w" + std::to_string(i);
    aliases.push_back(i % 10 == 0 ? first : first + " x" + std::to_string(i % 7));
  }
  return aliases;
}

TEST(WordSieve, JudgesPairsWithALargeGazetteer) {
  const StartFilter filter = filter_of(fold_all(large_aliases()));
  expect_stops(filter, {
      // w12's key is "w12 x5", w17's "w17 x3".
      {"the w12 x3 and w17 x3 here", "w17 x3"},
      {"the w12 x4, W12 X5 here", "W12 X5"},
      // "w20" is a key: it decides alone.
      {"the w12 x3 and w20 x1 here", "w20 x1"},
  });
}

TEST(WordSieve, NeverStepsOverAKeyOfALargeGazetteer) {
  const std::vector<std::string> keys = fold_all(large_aliases());
  const StartFilter filter = filter_of(keys);
  ASSERT_TRUE(filter.sieve().enabled());
  // The text's words: w0 to w49 and x0 to x9, so the keys that may match are those of w0 to
  // w49 (a key's first word must be a whole word of the text).
  const std::vector<std::string> candidates(keys.begin(), keys.begin() + 50);
  const std::vector<std::string> separators = {" ", " ", "  ", "\n", ", ", "."};
  std::mt19937 random(20261206);
  size_t stepped_over = 0;
  for (int round = 0; round < 40; ++round) {
    std::string text = " ";
    while (text.size() < 120) {
      text += (random() % 2 ? "w" : "x") + std::to_string(random() % (random() % 2 ? 50 : 10));
      text += separators[random() % separators.size()];
    }
    for (size_t from = 1; from < text.size(); ++from) {
      if (is_word_byte(static_cast<unsigned char>(text[from - 1]))) continue;
      const std::string rest = text.substr(from);
      const Stop stop = step(filter, rest);
      SCOPED_TRACE("text '" + text + "' from " + std::to_string(from));
      stepped_over += expect_no_key_stepped_over(candidates, rest, stop);
    }
  }
  EXPECT_GT(stepped_over, 2000u);
}

// The gazetteer of the scanning tests below: a few names, and a sieve.
std::unique_ptr<gazetteer::Gazetteer> sieved_gazetteer() {
  using test_support::entity;
  auto g = test_support::build({entity("paris", "Paris"), entity("ny", "New York"),
                                entity("us", "U.S."), entity("cafe", "Caf\xC3\xA9")});
  EXPECT_TRUE(g->start_filter().sieve().enabled());
  return g;
}

// Through the scanner: names at every offset from a block's start, among words the sieve
// steps over, beside characters it does not read.
TEST(WordSieve, ScanningFindsEveryNameAtEveryOffset) {
  using test_support::matched_text;
  const auto g = sieved_gazetteer();
  for (size_t offset = 0; offset < 2 * WordSieve::kBlockBytes + 8; ++offset) {
    SCOPED_TRACE(offset);
    std::string filler;
    while (filler.size() < offset) filler += "ab ";
    filler.resize(offset);
    if (!filler.empty()) filler.back() = ' ';
    const std::string text = filler +
                             "Paris and the new york cafe, caf\xC3\xA9 e\xCC\x81t\xC3\xA9 "
                             "U.S. or_Paris, the \xC3\xA9lan of Paris\xE2\x80\x99 streets";
    EXPECT_EQ(matched_text(*g, text),
              (std::vector<std::string>{"Paris", "new york", "cafe", "caf\xC3\xA9", "U.S.",
                                        "Paris"}));
  }
}

// Through the scanner: the sieve reads the end of a text, and texts shorter than what it
// reads, from a copy followed by NULs, which it takes as the end of the text.
TEST(WordSieve, ScanningFindsNamesAtTheEndOfShortTexts) {
  using test_support::matched_text;
  const auto g = sieved_gazetteer();
  using Names = std::vector<std::string>;
  const std::vector<std::pair<std::string, Names>> endings = {
      {"Paris", {"Paris"}},
      {"Parisian", {}},
      {"new york", {"new york"}},
      {"the new", {}},
      {"new yorker", {}},
      {"U.S.", {"U.S."}},
      {"U.S", {}},
      {"caf\xC3\xA9", {"caf\xC3\xA9"}},
      {"cafe\xCC\x81", {"cafe\xCC\x81"}},
  };
  for (size_t words = 0; words < 2 * WordSieve::kReadBytes / 3; ++words) {
    std::string filler;
    for (size_t i = 0; i < words; ++i) filler += i % 2 == 0 ? "ab " : "c ";
    for (const auto& [ending, names] : endings) {
      SCOPED_TRACE(filler + ending);
      EXPECT_EQ(matched_text(*g, filler + ending), names);
    }
  }
}

}  // namespace
}  // namespace onoma::automaton
