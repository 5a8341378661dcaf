// The compiled trie over folded alias bytes: what the scanner walks, so every key must be
// reachable byte by byte and must yield exactly its values, sorted, each once.
#include "automaton/trie.h"

#include <gtest/gtest.h>

#include <string>
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
  const auto [first, last] = trie.values(state);
  EXPECT_EQ(trie.has_values(state), first != last);
  return {first, last};
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
  std::vector<Trie::Entry> entries;
  for (uint32_t byte = 0; byte < 256; ++byte) {
    entries.push_back({std::string(1, static_cast<char>(byte)), byte});
    entries.push_back({std::string("x") + static_cast<char>(byte), 1000 + byte});
  }
  const Trie trie = build(entries);
  for (uint32_t byte = 0; byte < 256; ++byte) {
    SCOPED_TRACE(byte);
    EXPECT_EQ(lookup(trie, std::string(1, static_cast<char>(byte))), Values{byte});
    EXPECT_EQ(lookup(trie, std::string("x") + static_cast<char>(byte)), Values{1000 + byte});
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
  const Trie trie = build({{long_key, 1}, {long_key.substr(0, 99999), 0}, {"a", 2},
                           {long_key + "b", 3}});
  EXPECT_EQ(lookup(trie, long_key), Values{1});
  EXPECT_EQ(lookup(trie, long_key.substr(0, 99999)), Values{0});
  EXPECT_EQ(lookup(trie, "a"), Values{2});
  EXPECT_EQ(lookup(trie, long_key + "b"), Values{3});
  EXPECT_EQ(lookup(trie, long_key.substr(0, 50000)), Values{});
  EXPECT_EQ(trie.node_count(), 100002u);  // the root, one node per 'a', and the 'b'
}

}  // namespace
// Aho-Corasick links, checked against their definition on every node of a trie whose keys
// overlap in every way: a node's failure is its longest proper suffix that is a node, its
// output the nearest node along the failure chain where a key ends.
TEST(Trie, FailureAndOutputLinksFollowTheirDefinition) {
  const std::vector<std::string> keys = {"he", "she", "his", "hers", "a", "a a", "a a a b",
                                         "ab", "bab", "b"};
  std::vector<Trie::Entry> entries;
  for (uint32_t i = 0; i < keys.size(); ++i) entries.push_back({keys[i], i});
  const Trie trie = Trie::build(entries);
  EXPECT_EQ(trie.max_depth(), 7u);
  size_t checked = 0;
  for (const std::string& key : keys) {
    for (size_t length = 1; length <= key.size(); ++length) {
      const std::string prefix = key.substr(0, length);
      const Trie::State node = walk(trie, prefix);
      ASSERT_NE(node, Trie::kDead) << prefix;
      EXPECT_EQ(trie.depth(node), length) << prefix;
      Trie::State expected_failure = Trie::kRoot;
      for (size_t cut = 1; cut < length; ++cut) {
        const Trie::State suffix = walk(trie, prefix.substr(cut));
        if (suffix != Trie::kDead) {
          expected_failure = suffix;
          break;
        }
      }
      EXPECT_EQ(trie.failure(node), expected_failure) << prefix;
      Trie::State expected_output = Trie::kDead;
      for (size_t cut = 1; cut < length; ++cut) {
        const Trie::State suffix = walk(trie, prefix.substr(cut));
        if (suffix != Trie::kDead && trie.has_values(suffix)) {
          expected_output = suffix;
          break;
        }
      }
      EXPECT_EQ(trie.output(node), expected_output) << prefix;
      ++checked;
    }
  }
  EXPECT_GT(checked, 20u);
}

}  // namespace onoma::automaton
