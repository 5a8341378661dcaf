#include "automaton/word_sieve.h"

#include <algorithm>
#include <unordered_set>

namespace onoma::automaton {
namespace {

// A selective sieve has at most 1 bit in 32 set and takes 8 to 64 KB, which stay in the L1
// and L2 caches.
constexpr size_t kMaxBits = size_t{1} << 19;
constexpr size_t kMinBits = size_t{1} << 16;
constexpr size_t kBitsPerWord = 64;
constexpr size_t kMaxWords = kMaxBits / (kBitsPerWord / 2);
constexpr size_t kMaxEntries = 2 * kMaxWords;

// A run of ASCII letters and digits at the start of a key or after its first separator, of
// up to 15 bytes, with the trie node where it ends.
struct KeyWord {
  Trie::State state;
  uint64_t halves[2];  // the bytes so far, from the lowest up
  uint32_t length;
};

// Calls f(word) for every KeyWord that begins at `from` (the empty one too), as long as f
// returns true.
template <class F>
void for_each_word_from(const Trie& trie, Trie::State from, F f) {
  std::vector<KeyWord> pending{{from, {0, 0}, 0}};
  while (!pending.empty()) {
    const KeyWord node = pending.back();
    pending.pop_back();
    if (!f(node)) return;
    if (node.length == WordSieve::kLongestWord) continue;
    trie.for_each_child(node.state, [&](Trie::State child, unsigned char byte) {
      if (!is_ascii_letter_or_digit(byte)) return;
      KeyWord next = node;
      next.state = child;
      next.halves[node.length / 8] |= uint64_t{byte} << (8 * (node.length % 8));
      ++next.length;
      pending.push_back(next);
    });
  }
}

// Calls f(separator, child) for each ASCII byte below `state` that is neither a letter nor a
// digit: what ends a word of a key there.
template <class F>
void for_each_separator(const Trie& trie, Trie::State state, F f) {
  trie.for_each_child(state, [&](Trie::State child, unsigned char byte) {
    if (byte < 0x80 && !is_ascii_letter_or_digit(byte)) f(byte, child);
  });
}

}  // namespace

WordSieve::Bytes WordSieve::broadcast(unsigned char byte) {
  Bytes bytes;
  std::memset(&bytes, byte, sizeof(bytes));
  return bytes;
}

struct WordSieve::WordHash {
  size_t operator()(const Word& word) const {
    return static_cast<size_t>(word.low * 0x9E3779B97F4A7C15ULL ^ word.high);
  }
};
struct WordSieve::WordEqual {
  bool operator()(const Word& a, const Word& b) const {
    return a.low == b.low && a.high == b.high;
  }
};

WordSieve WordSieve::build(const Trie& trie, const SieveRules& rules) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return WordSieve();  // skip() reads the bytes of a vector and of words in little-endian order
#endif
  if (rules.starters.size() > 3) return WordSieve();
  const auto word_of = [](const KeyWord& key_word) {
    return Word{key_word.halves[0], key_word.halves[1]};
  };
  // The keys' first words (see the top of word_sieve.h), then the entries after them, as
  // hashes, while they are few enough.
  std::unordered_set<Word, WordHash, WordEqual> words;
  std::unordered_set<uint64_t> after_words;
  bool judges_pairs = true;
  for_each_word_from(trie, Trie::kRoot, [&](const KeyWord& first) {
    if (first.length == 0) return true;
    bool whole = trie.has_values(first.state);
    bool decides_alone = whole;
    std::vector<uint64_t> pairs;
    const uint64_t first_hash = hash_of(word_of(first));
    for_each_separator(trie, first.state, [&](unsigned char separator, Trie::State after) {
      whole = true;
      // A key that ends with the separator matches whatever follows it.
      if (trie.has_values(after)) decides_alone = true;
      if (decides_alone || !judges_pairs) return;
      for_each_word_from(trie, after, [&](const KeyWord& second) {
        bool second_whole = second.length > 0 && trie.has_values(second.state);
        for_each_separator(trie, second.state, [&](unsigned char, Trie::State) {
          second_whole = true;
        });
        if (second_whole) pairs.push_back(pair(first_hash, separator, word_of(second)));
        return true;
      });
    });
    if (!whole) return true;
    words.insert(word_of(first));
    if (!judges_pairs) {
      // Too many entries already: the sieve judges words alone, and keeps none after them.
    } else if (decides_alone) {
      after_words.insert(deciding_alone(first_hash));
    } else {
      after_words.insert(pairs.begin(), pairs.end());
    }
    if (words.size() + after_words.size() > kMaxEntries) judges_pairs = false;
    return words.size() <= kMaxWords;
  });
  if (words.size() > kMaxWords) return WordSieve();
  WordSieve sieve;
  const size_t entries = words.size() + (judges_pairs ? after_words.size() : 0);
  size_t bits = kMinBits;
  unsigned log_bits = 16;
  while (bits < kMaxBits && bits < entries * kBitsPerWord) {
    bits *= 2;
    ++log_bits;
  }
  sieve.bits_.assign(bits / 64, 0);
  sieve.shift_ = 64 - log_bits;
  sieve.case_bits_ = rules.fold_case ? 0x2020202020202020ULL : 0;
  for (size_t i = 0; i < 3; ++i) {
    sieve.starters_[i] = broadcast(i < rules.starters.size() ? rules.starters[i] : '_');
  }
  const LeadRange& leads = rules.own_cluster_leads;
  if (leads.first <= leads.last) {
    sieve.own_cluster_first_ = broadcast(leads.first);
    sieve.own_cluster_count_ = broadcast(static_cast<unsigned char>(leads.last - leads.first + 1));
  }
  sieve.judges_pairs_ = judges_pairs;
  sieve.separators_ = rules.folded;
  for (unsigned byte = 0; byte < 128; ++byte) {
    if (rules.space[byte]) sieve.space_[byte >> 6] |= uint64_t{1} << (byte & 63);
  }
  const auto set = [&](uint64_t hash) {
    const uint64_t bit = hash >> sieve.shift_;
    sieve.bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
  };
  for (const Word& word : words) set(hash_of(word));
  if (judges_pairs) {
    for (const uint64_t hash : after_words) set(hash);
  }
  return sieve;
}

}  // namespace onoma::automaton
