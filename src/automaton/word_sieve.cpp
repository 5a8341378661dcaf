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

// Calls f(low, high) for every key's first word (see the top of word_sieve.h) of up to 15
// bytes, as long as f returns true: the walk goes down letters and digits.
template <class F>
void for_each_first_word(const Trie& trie, F f) {
  struct Pending {
    Trie::State state;
    uint64_t halves[2];  // the bytes so far, from the lowest up
    uint32_t length;
  };
  std::vector<Pending> pending{{Trie::kRoot, {0, 0}, 0}};
  while (!pending.empty()) {
    const Pending node = pending.back();
    pending.pop_back();
    bool whole_word = node.length > 0 && trie.has_values(node.state);
    trie.for_each_child(node.state, [&](Trie::State child, unsigned char byte) {
      if (is_ascii_letter_or_digit(byte)) {
        if (node.length == WordSieve::kLongestWord) return;
        Pending next = node;
        next.state = child;
        next.halves[node.length / 8] |= uint64_t{byte} << (8 * (node.length % 8));
        ++next.length;
        pending.push_back(next);
      } else if (byte < 0x80 && node.length > 0) {
        whole_word = true;  // an ASCII separator ends the key's first word here
      }
    });
    if (whole_word && !f(node.halves[0], node.halves[1])) return;
  }
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

WordSieve WordSieve::build(const Trie& trie, bool fold_case,
                           const std::vector<unsigned char>& starters,
                           LeadRange own_cluster_leads) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return WordSieve();  // skip() reads the bytes of a vector and of words in little-endian order
#endif
  if (starters.size() > 3) return WordSieve();
  std::unordered_set<Word, WordHash, WordEqual> words;
  for_each_first_word(trie, [&](uint64_t low, uint64_t high) {
    words.insert({low, high});
    return words.size() <= kMaxWords;
  });
  if (words.size() > kMaxWords) return WordSieve();
  WordSieve sieve;
  size_t bits = kMinBits;
  unsigned log_bits = 16;
  while (bits < kMaxBits && bits < words.size() * kBitsPerWord) {
    bits *= 2;
    ++log_bits;
  }
  sieve.bits_.assign(bits / 64, 0);
  sieve.shift_ = 64 - log_bits;
  sieve.case_bits_ = fold_case ? 0x2020202020202020ULL : 0;
  for (size_t i = 0; i < 3; ++i) {
    sieve.starters_[i] = broadcast(i < starters.size() ? starters[i] : '_');
  }
  if (own_cluster_leads.first <= own_cluster_leads.last) {
    sieve.own_cluster_first_ = broadcast(own_cluster_leads.first);
    sieve.own_cluster_count_ =
        broadcast(static_cast<unsigned char>(own_cluster_leads.last - own_cluster_leads.first + 1));
  }
  for (const Word& word : words) {
    const uint64_t bit = sieve.bit_of(word);
    sieve.bits_[bit >> 6] |= uint64_t{1} << (bit & 63);
  }
  return sieve;
}

}  // namespace onoma::automaton
