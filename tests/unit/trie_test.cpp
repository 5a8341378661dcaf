// The compiled trie over folded alias bytes: what the scanner walks, so every key must be
// reachable byte by byte and must yield exactly its values, sorted, each once.
#include "automaton/trie.h"

#include <gtest/gtest.h>

#include "automaton/found_outputs.h"
#include "automaton/ranked_bit_columns.h"
#include "automaton/sparse_bits.h"

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <random>
#include <set>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace onoma::automaton {
namespace {

// The state reached from the root by `key`, or kDead.
Trie::State walk(const Trie& trie, const std::string& key) {
  Trie::State state = Trie::kRoot;
  for (char c : key) {
    state = trie.step(state, static_cast<unsigned char>(c));
    if (state == Trie::kDead) break;
  }
  return state;
}

// The values of the keys equal to `key`; empty when there are none.
std::vector<uint32_t> lookup(const Trie& trie, const std::string& key) {
  const Trie::State state = walk(trie, key);
  if (state == Trie::kDead) return {};
  std::vector<uint32_t> values;
  trie.for_each_value(state, [&](uint32_t value) { values.push_back(value); });
  EXPECT_EQ(trie.has_values(state), !values.empty());
  return values;
}

Trie build(std::vector<Trie::Entry> entries) { return Trie::build(entries); }

using Values = std::vector<uint32_t>;

TEST(Trie, EmptyTrieLeadsNowhere) {
  const Trie built = build({});
  const Trie constructed;
  for (const Trie* trie : {&built, &constructed}) {
    for (int byte = 0; byte < 256; ++byte) {
      EXPECT_EQ(trie->step(Trie::kRoot, static_cast<unsigned char>(byte)), Trie::kDead);
    }
    EXPECT_FALSE(trie->has_values(Trie::kRoot));
  }
}

TEST(Trie, KeysSharingPrefixesKeepTheirOwnValues) {
  const Trie trie = build({{"new york city", 2}, {"new", 0}, {"newark", 3}, {"new york", 1},
                           {"york", 4}});
  EXPECT_EQ(lookup(trie, "new"), Values{0});
  EXPECT_EQ(lookup(trie, "new york"), Values{1});
  EXPECT_EQ(lookup(trie, "new york city"), Values{2});
  EXPECT_EQ(lookup(trie, "newark"), Values{3});
  EXPECT_EQ(lookup(trie, "york"), Values{4});
  // Inner nodes are alive but hold no values; anything else is dead.
  EXPECT_NE(walk(trie, "new yo"), Trie::kDead);
  EXPECT_EQ(lookup(trie, "new yo"), Values{});
  EXPECT_EQ(lookup(trie, "ne"), Values{});
  EXPECT_EQ(walk(trie, "new york cityx"), Trie::kDead);
  EXPECT_EQ(walk(trie, "newy"), Trie::kDead);
  EXPECT_EQ(walk(trie, "x"), Trie::kDead);
}

TEST(Trie, ValuesOfOneKeyAreSortedAscending) {
  const Trie trie = build({{"k", 9}, {"k", 1}, {"k2", 7}, {"k", 5}, {"k", 3}});
  EXPECT_EQ(lookup(trie, "k"), (Values{1, 3, 5, 9}));
  EXPECT_EQ(lookup(trie, "k2"), Values{7});
}

TEST(Trie, EqualEntriesCountOnce) {
  const Trie trie = build({{"k", 2}, {"k", 2}, {"k", 1}, {"k", 2}});
  EXPECT_EQ(lookup(trie, "k"), (Values{1, 2}));
}

TEST(Trie, EveryByteValueIsAnEdge) {
  // Folded UTF-8 uses bytes above 0x7F; children are ordered as unsigned bytes, and a node
  // may have all 256 of them (at the root and below it).
  std::vector<std::string> keys;
  std::vector<Trie::Entry> entries;
  keys.reserve(512);
  for (uint32_t byte = 0; byte < 256; ++byte) {
    entries.push_back({keys.emplace_back(1, static_cast<char>(byte)), byte});
    entries.push_back({keys.emplace_back(std::string("x") + static_cast<char>(byte)), 1000 + byte});
  }
  const Trie trie = build(entries);
  for (uint32_t byte = 0; byte < 256; ++byte) {
    SCOPED_TRACE(byte);
    EXPECT_EQ(lookup(trie, std::string(1, static_cast<char>(byte))), Values{byte});
    EXPECT_EQ(lookup(trie, std::string("x") + static_cast<char>(byte)), Values{1000 + byte});
  }
}

// Builds the keys "q" + each of `bytes` and checks that a step from "q" finds each of them and
// nothing else.
void expect_step_finds_exactly(const std::vector<unsigned char>& bytes) {
  std::vector<std::string> keys;
  keys.reserve(bytes.size());
  std::vector<Trie::Entry> entries;
  for (const unsigned char byte : bytes) {
    entries.push_back({keys.emplace_back(std::string("q") + static_cast<char>(byte)), byte});
  }
  const Trie trie = build(entries);
  const std::set<unsigned char> present(bytes.begin(), bytes.end());
  for (uint32_t byte = 0; byte < 256; ++byte) {
    const std::string key = std::string("q") + static_cast<char>(byte);
    EXPECT_EQ(lookup(trie, key), present.count(byte) ? Values{byte} : Values{}) << byte;
  }
}

TEST(Trie, StepFindsEachChildOfAWideNodeAndNothingElse) {
  // step() narrows a wide node's children by their lowest and highest labels, halves them down
  // to a few, then looks through those one by one: every byte, present or not, must land
  // right at every width on both sides of each switch.
  std::mt19937 rng(20261206);
  for (const size_t width : {1, 2, 7, 8, 9, 10, 16, 17, 33, 64, 65, 85, 128, 200, 255}) {
    SCOPED_TRACE(width);
    std::vector<unsigned char> bytes(256);
    for (uint32_t byte = 0; byte < 256; ++byte) bytes[byte] = static_cast<unsigned char>(byte);
    std::shuffle(bytes.begin(), bytes.end(), rng);
    bytes.resize(width);
    expect_step_finds_exactly(bytes);
  }
}

TEST(Trie, StepFindsEachChildOfARunOfLabels) {
  // The word index's codes give nodes whose labels run without a gap (all 128 bytes below
  // 0x80), where narrowing leaves one child; and runs with one gap, where it leaves a few.
  for (const uint32_t lowest : {0u, 1u, 0x40u, 0x80u, 0x9Fu}) {
    for (const uint32_t width : {65u, 96u, 128u}) {
      SCOPED_TRACE(testing::Message() << lowest << " + " << width);
      std::vector<unsigned char> run;
      for (uint32_t byte = lowest; byte < lowest + width && byte < 256; ++byte) {
        run.push_back(static_cast<unsigned char>(byte));
      }
      expect_step_finds_exactly(run);
      for (const size_t gap : {size_t{0}, run.size() / 2, run.size() - 1}) {
        std::vector<unsigned char> with_gap = run;
        with_gap.erase(with_gap.begin() + static_cast<std::ptrdiff_t>(gap));
        expect_step_finds_exactly(with_gap);
      }
    }
  }
}

TEST(Trie, MultiByteKeys) {
  const Trie trie = build({{"m\xC3\xA9lanie", 0}, {"melanie", 1}, {"\xE6\x9D\xB1\xE4\xBA\xAC", 2}});
  EXPECT_EQ(lookup(trie, "m\xC3\xA9lanie"), Values{0});
  EXPECT_EQ(lookup(trie, "melanie"), Values{1});
  EXPECT_EQ(lookup(trie, "\xE6\x9D\xB1\xE4\xBA\xAC"), Values{2});  // 東京
  EXPECT_EQ(lookup(trie, "\xE6\x9D\xB1"), Values{});
}

TEST(Trie, VeryLongKeysNeedNoRecursion) {
  const std::string long_key(100000, 'a');
  const std::string shorter = long_key.substr(0, 99999);
  const std::string longer = long_key + "b";
  const Trie trie = build({{long_key, 1}, {shorter, 0}, {"a", 2}, {longer, 3}});
  EXPECT_EQ(lookup(trie, long_key), Values{1});
  EXPECT_EQ(lookup(trie, shorter), Values{0});
  EXPECT_EQ(lookup(trie, "a"), Values{2});
  EXPECT_EQ(lookup(trie, longer), Values{3});
  EXPECT_EQ(lookup(trie, long_key.substr(0, 50000)), Values{});
  EXPECT_EQ(trie.node_count(), 100002u);  // the root, one node per 'a', and the 'b'
}

// Aho-Corasick links, checked against their definition on the node of every key prefix: its
// depth is the prefix's length, its failure the longest proper suffix that is a node, its
// output the nearest node along the failure chain where a key ends.
void expect_links_follow_definition(const Trie& trie, const std::set<std::string>& prefixes) {
  for (const std::string& prefix : prefixes) {
    const Trie::State node = walk(trie, prefix);
    ASSERT_NE(node, Trie::kDead) << prefix;
    EXPECT_EQ(trie.depth(node), prefix.size()) << prefix;
    if (prefix.empty()) continue;
    Trie::State expected_failure = Trie::kRoot;
    for (size_t cut = 1; cut < prefix.size(); ++cut) {
      const Trie::State suffix = walk(trie, prefix.substr(cut));
      if (suffix != Trie::kDead) {
        expected_failure = suffix;
        break;
      }
    }
    EXPECT_EQ(trie.failure(node), expected_failure) << prefix;
    Trie::State expected_output = Trie::kDead;
    for (size_t cut = 1; cut < prefix.size(); ++cut) {
      const Trie::State suffix = walk(trie, prefix.substr(cut));
      if (suffix != Trie::kDead && trie.has_values(suffix)) {
        expected_output = suffix;
        break;
      }
    }
    EXPECT_EQ(trie.output(node), expected_output) << prefix;
  }
}

std::set<std::string> prefixes_of(const std::vector<std::string>& keys) {
  std::set<std::string> prefixes;
  for (const std::string& key : keys) {
    for (size_t length = 0; length <= key.size(); ++length) prefixes.insert(key.substr(0, length));
  }
  return prefixes;
}

TEST(Trie, FailureAndOutputLinksFollowTheirDefinition) {
  const std::vector<std::string> keys = {"he", "she", "his", "hers", "a", "a a", "a a a b",
                                         "ab", "bab", "b"};
  std::vector<Trie::Entry> entries;
  for (uint32_t i = 0; i < keys.size(); ++i) entries.push_back({keys[i], i});
  const Trie trie = Trie::build(entries);
  EXPECT_EQ(trie.max_depth(), 7u);
  expect_links_follow_definition(trie, prefixes_of(keys));
}

// The compact layout (children found through their neighbours or along a tail, depth and
// values and outputs found by rank) against a plain map, on pseudo-random keys over a few bytes, so that keys
// share prefixes and suffixes in every way, including multi-byte characters and bytes whose
// order differs signed and unsigned.
TEST(Trie, RandomKeySetsMatchAPlainMap) {
  const std::vector<std::string> alphabet = {"a", "b", " ", "\xC3\xA9", "\xFF", "\x01"};
  std::mt19937 rng(20261124);
  for (const size_t key_count : {1, 2, 40, 700}) {
    SCOPED_TRACE(key_count);
    std::vector<std::string> keys;
    std::map<std::string, std::set<uint32_t>> expected;
    std::vector<Trie::Entry> entries;
    keys.reserve(key_count);
    for (size_t i = 0; i < key_count; ++i) {
      std::string key;
      for (size_t length = 1 + rng() % 9; key.size() < length;) {
        key += alphabet[rng() % alphabet.size()];
      }
      // Some keys repeat, with the same value or another.
      if (i > 0 && rng() % 4 == 0) key = keys[rng() % keys.size()];
      const uint32_t value = static_cast<uint32_t>(rng() % (key_count + 1));
      keys.push_back(key);
      expected[key].insert(value);
      entries.push_back({keys.back(), value});
    }
    const Trie trie = Trie::build(entries);
    const std::set<std::string> prefixes = prefixes_of(keys);
    EXPECT_EQ(trie.node_count(), prefixes.size());
    size_t longest = 0;
    for (const std::string& key : keys) longest = std::max(longest, key.size());
    EXPECT_EQ(trie.max_depth(), longest);
    std::set<Trie::State> states;
    for (const std::string& prefix : prefixes) {
      const auto found = expected.find(prefix);
      const Values values =
          found == expected.end() ? Values{} : Values(found->second.begin(), found->second.end());
      EXPECT_EQ(lookup(trie, prefix), values) << prefix;
      const Trie::State state = walk(trie, prefix);
      states.insert(state);
      // The children that the filters enumerate are the nodes step() reaches, in byte order.
      std::vector<std::pair<Trie::State, unsigned char>> children;
      trie.for_each_child(state, [&](Trie::State child, unsigned char byte) {
        children.emplace_back(child, byte);
      });
      std::vector<std::pair<Trie::State, unsigned char>> expected_children;
      for (int byte = 0; byte < 256; ++byte) {
        const std::string longer = prefix + static_cast<char>(byte);
        if (prefixes.count(longer) != 0) {
          expected_children.emplace_back(walk(trie, longer), static_cast<unsigned char>(byte));
        }
      }
      EXPECT_EQ(children, expected_children) << prefix;
      // One byte more than any prefix leads nowhere.
      for (const std::string& letter : alphabet) {
        const std::string longer = prefix + letter.substr(0, 1);
        if (prefixes.count(longer) == 0) EXPECT_EQ(walk(trie, longer), Trie::kDead) << longer;
      }
    }
    EXPECT_EQ(states.size(), prefixes.size());
    expect_links_follow_definition(trie, prefixes);
  }
}

// Long keys over two letters and a space: tails run far past the interval at which a link is
// stored, and the search for a link crosses several others and other tails' nodes, so a link
// is stored or found again by every rule there is (Trie::kFailureStored).
std::vector<std::string> keys_over_two_letters(std::mt19937& rng, size_t count, size_t shortest,
                                               size_t longest) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < count; ++i) {
    std::string key;
    const size_t length = shortest + rng() % (longest - shortest + 1);
    while (key.size() < length) key += "ab "[rng() % 3];
    keys.push_back(key);
  }
  return keys;
}

void expect_links_of_keys_follow_definition(const std::vector<std::string>& keys) {
  std::vector<Trie::Entry> entries;
  for (uint32_t i = 0; i < keys.size(); ++i) entries.push_back({keys[i], i});
  expect_links_follow_definition(Trie::build(entries), prefixes_of(keys));
}

TEST(Trie, LinksAlongLongTailsFollowTheirDefinition) {
  std::mt19937 rng(20261206);
  expect_links_of_keys_follow_definition(keys_over_two_letters(rng, 300, 20, 40));
}

// Keys of 140 to 200 bytes over two letters and a space: linking keeps a tail node's link for
// later searches only every 64 levels or where it cannot be found again cheaply, and finds the
// others again from those (Trie::linking_failure), across several such levels.
TEST(Trie, LinksAlongTailsLongerThanTheLinkingIntervalFollowTheirDefinition) {
  std::mt19937 rng(20261207);
  std::vector<std::string> keys = keys_over_two_letters(rng, 24, 140, 200);
  // Suffixes of some keys as keys too, so that links lead into other tails deep down.
  for (size_t i = 0; i < 8; ++i) keys.push_back(keys[i].substr(1 + rng() % 70));
  expect_links_of_keys_follow_definition(keys);
}

// Short keys among long ones give most tail nodes an output link, reached in each way a tail
// node's is: its failure link ("ba..." fails to "a", a key), the output link of the branching
// node it fails to, or the link kept because it fails to another tail node without values
// ("baaa" to "aaa", on the tail of "aaa...a").
TEST(Trie, TailOutputLinksFollowTheirDefinition) {
  const std::vector<std::string> keys = {"a",
                                         "b" + std::string(20, 'a'),
                                         std::string(30, 'a'),
                                         "c" + std::string(25, 'a') + "b",
                                         "ab",
                                         "dab" + std::string(12, 'b'),
                                         "bb"};
  std::vector<Trie::Entry> entries;
  for (uint32_t i = 0; i < keys.size(); ++i) entries.push_back({keys[i], i});
  const Trie trie = Trie::build(entries);
  expect_links_follow_definition(trie, prefixes_of(keys));
}

// Both ways of holding the links found while linking (an array; a map, for tries of more than
// 33 million nodes) answer alike: the node's link, kDead for none, whatever the order of sets.
TEST(FoundOutputs, ArrayAndMapAnswerAlike) {
  std::mt19937 rng(5);
  const size_t count = 5000;
  FoundOutputs array(count, count);
  FoundOutputs map(count, 0);
  std::vector<FoundOutputs::State> expected(count, FoundOutputs::kDead);
  for (size_t n = 0; n < count / 3; ++n) {
    const auto node = static_cast<FoundOutputs::State>(rng() % count);
    const auto output = static_cast<FoundOutputs::State>(rng() % count);
    expected[node] = output;
    array.set(node, output);
    map.set(node, output);
  }
  for (FoundOutputs::State node = 0; node < count; ++node) {
    EXPECT_EQ(array.get(node), expected[node]) << node;
    EXPECT_EQ(map.get(node), expected[node]) << node;
  }
}

// Three columns filled independently, as the trie fills them (two while laying out the nodes,
// the third while linking them), against plain vectors: test, rank, previous_set, select.
TEST(RankedBitColumns, TestAndRankMatchPlainVectors) {
  std::mt19937 rng(7);
  for (const size_t size : {0, 1, 31, 32, 33, 63, 64, 65, 127, 128, 129, 1000}) {
    SCOPED_TRACE(std::to_string(size) + " bits");
    RankedBitColumns<3> columns;
    std::vector<bool> plain[3];
    const unsigned density[3] = {100, 3, 60};  // percent set
    for (size_t column : {1, 0, 2}) {
      for (size_t i = 0; i < size; ++i) {
        const bool bit = rng() % 100 < density[column];
        columns.push_back(column, bit);
        plain[column].push_back(bit);
        // Rank works on what has been appended so far.
        ASSERT_EQ(columns.rank(column, i + 1),
                  std::count(plain[column].begin(), plain[column].end(), true));
      }
    }
    for (size_t column = 0; column < 3; ++column) {
      ASSERT_EQ(columns.size(column), size);
      uint32_t below = 0;
      size_t last_set = SIZE_MAX;
      for (size_t i = 0; i < size; ++i) {
        ASSERT_EQ(columns.test(column, i), plain[column][i]) << column << " " << i;
        ASSERT_EQ(columns.rank(column, i), below) << column << " " << i;
        ASSERT_EQ(columns.sparse_rank(column, i), below) << column << " " << i;
        below += plain[column][i];
        if (plain[column][i]) last_set = i;
        // The sparse column has runs of empty blocks.
        ASSERT_EQ(columns.previous_set(column, i), last_set) << column << " " << i;
        // From a floor: the last set bit when it is at or above the floor, else none.
        for (const size_t first : {size_t{0}, i / 2, i > 70 ? i - 70 : 0, i}) {
          ASSERT_EQ(columns.previous_set(column, i, first),
                    last_set != SIZE_MAX && last_set >= first ? last_set : SIZE_MAX)
              << column << " " << i << " from " << first;
        }
        if (plain[column][i]) {
          ASSERT_EQ(columns.select(column, below - 1), i) << column << " " << i;
        }
      }
      EXPECT_EQ(columns.rank(column, size), below);
      std::vector<size_t> set;
      columns.for_each_set(column, [&](size_t i) { set.push_back(i); });
      std::vector<size_t> expected;
      for (size_t i = 0; i < size; ++i) {
        if (plain[column][i]) expected.push_back(i);
      }
      EXPECT_EQ(set, expected) << column;
    }
    // select() again, from the samples of every 64th set bit.
    for (size_t column = 0; column < 3; ++column) {
      columns.index_select(column);
      uint32_t k = 0;
      for (size_t i = 0; i < size; ++i) {
        if (plain[column][i]) ASSERT_EQ(columns.select(column, k++), i) << column << " " << i;
      }
    }
  }
}

TEST(RankedBitColumns, AppendedWordsReadAsPushedBits) {
  std::mt19937_64 rng(11);
  for (const size_t count : {0, 1, 63, 64, 65, 128, 200, 1000}) {
    SCOPED_TRACE(std::to_string(count) + " bits");
    std::vector<uint64_t> words(count / 64 + 1);
    for (uint64_t& word : words) word = rng();  // bits past `count` must not be appended
    RankedBitColumns<2> appended;
    RankedBitColumns<2> pushed;
    // Another column may already run ahead in the same blocks.
    for (size_t i = 0; i < count + 100; ++i) {
      const bool bit = rng() % 3 == 0;
      appended.push_back(1, bit);
      pushed.push_back(1, bit);
    }
    appended.append_words(0, words.data(), count);
    for (size_t i = 0; i < count; ++i) pushed.push_back(0, (words[i / 64] >> (i % 64)) & 1);
    // Pushing goes on after appended words.
    for (size_t i = 0; i < 70; ++i) {
      appended.push_back(0, i % 5 == 0);
      pushed.push_back(0, i % 5 == 0);
    }
    ASSERT_EQ(appended.size(0), pushed.size(0));
    for (size_t i = 0; i <= pushed.size(0); ++i) {
      if (i < pushed.size(0)) ASSERT_EQ(appended.test(0, i), pushed.test(0, i)) << i;
      ASSERT_EQ(appended.rank(0, i), pushed.rank(0, i)) << i;
    }
    RankedBitColumns<1> unaligned;
    unaligned.push_back(0, true);
    EXPECT_THROW(unaligned.append_words(0, words.data(), count), std::logic_error);
  }
}

// Densities from none to all, the rare ones in long runs of empty blocks, against a plain
// vector; sizes around the 64-position blocks, finish() closing a last partial block.
TEST(SparseBits, TestMatchesPlainVectors) {
  std::mt19937 rng(11);
  for (const unsigned per_million : {0u, 30u, 350000u, 1000000u}) {
    for (const size_t size : {0, 1, 63, 64, 65, 128, 5000, 200000}) {
      SCOPED_TRACE(std::to_string(per_million) + " per million, " + std::to_string(size) + " bits");
      SparseBits bits;
      std::vector<bool> plain;
      for (size_t i = 0; i < size; ++i) {
        const bool bit = rng() % 1000000 < per_million;
        bits.push_back(bit);
        plain.push_back(bit);
      }
      bits.finish();
      ASSERT_EQ(bits.size(), size);
      for (size_t i = 0; i < size; ++i) ASSERT_EQ(bits.test(i), plain[i]) << i;
      // Rare bits cost next to nothing: a block's bits are kept only where one is set.
      if (per_million == 0) EXPECT_LT(bits.memory_usage(), size / 32 + 64);
    }
  }
}

// Every width from 0 to the widest, against a plain vector: values at the largest the width
// holds and at random, read one at a time and as neighbour pairs.
template <class Array, class Value>
void check_every_width() {
  std::mt19937_64 rng(3);
  for (unsigned width = 0; width <= Array::kMaxWidth; ++width) {
    SCOPED_TRACE(width);
    const Value max_value = width == 0 ? 0 : ~Value{0} >> (sizeof(Value) * 8 - width);
    Array packed(max_value);
    std::vector<Value> plain;
    for (size_t i = 0; i < 300; ++i) {
      const Value value = i % 3 == 0 ? max_value : static_cast<Value>(rng()) & max_value;
      packed.push_back(value);
      plain.push_back(value);
    }
    ASSERT_EQ(packed.size(), plain.size());
    for (size_t i = 0; i < plain.size(); ++i) {
      ASSERT_EQ(packed[i], plain[i]) << i;
      if (i + 1 < plain.size()) {
        ASSERT_EQ(packed.pair(i), std::make_pair(plain[i], plain[i + 1])) << i;
      }
    }
  }
}

TEST(PackedArray, ValuesReadBackAtEveryWidth) { check_every_width<PackedArray, uint32_t>(); }

TEST(PackedArray, WideValuesReadBackAtEveryWidth) {
  check_every_width<PackedArray64, uint64_t>();
  EXPECT_THROW(PackedArray64(uint64_t{1} << 57), std::length_error);  // 58 bits
}

}  // namespace
}  // namespace onoma::automaton
