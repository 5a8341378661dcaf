#include "automaton/word_sieve.h"

namespace onoma::automaton {
namespace {

// The table's size (table_bits). Up to 64 KB, 64 bits per entry: about 1.5% of lookups
// answer "maybe" wrongly, and the table stays in the L1 and L2 caches. Beyond, down to 16 bits
// per entry (6%), in at most 2 MB: a lookup there may miss the L1 and L2 caches, but one miss
// per word still costs less than the start filter's reading of the word (on GeoNames' 320k
// first words, 28% fewer instructions per byte of English text; bench/PROFILE.md). Fewer bits
// per entry would let too many words through.
constexpr size_t kMinBits = size_t{1} << 16;
constexpr size_t kCachedBits = size_t{1} << 19;
constexpr size_t kMaxBits = size_t{1} << 24;
constexpr size_t kCachedBitsPerEntry = 64;
constexpr size_t kMinBitsPerEntry = 16;
constexpr size_t kMaxEntries = kMaxBits / kMinBitsPerEntry;

// A run of ASCII letters and digits at the start of a key or after its first separator, of
// up to 15 bytes, with the trie node where it ends.
struct KeyWord {
  Trie::State state;
  uint64_t halves[2];  // the bytes so far, from the lowest up
  uint32_t length;
};

// Calls f(word) for every KeyWord that begins at `from` (the empty one too), as long as f
// returns true. `pending` is the walk's stack, passed in so that its memory is reused.
template <class F>
void for_each_word_from(const Trie& trie, Trie::State from, std::vector<KeyWord>& pending, F f) {
  pending.assign(1, {from, {0, 0}, 0});
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

size_t WordSieve::table_bits(size_t entries) {
  if (entries > kMaxEntries) return 0;
  size_t bits = kMinBits;
  while (bits < kCachedBits && bits < entries * kCachedBitsPerEntry) bits *= 2;
  while (bits < entries * kMinBitsPerEntry) bits *= 2;
  return bits;
}

WordSieve::Bytes WordSieve::broadcast(unsigned char byte) {
  Bytes bytes;
  std::memset(&bytes, byte, sizeof(bytes));
  return bytes;
}

WordSieve WordSieve::build(const Trie& trie, const SieveRules& rules) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  return WordSieve();  // skip() reads the bytes of a vector and of words in little-endian order
#endif
  if (rules.starters.size() > kMaxStarters) return WordSieve();
  const auto word_of = [](const KeyWord& key_word) {
    return Word{key_word.halves[0], key_word.halves[1]};
  };
  // The hashes of the keys' first words (see the top of word_sieve.h), then of the entries
  // after them while they are few enough: the first words that decide alone (their marks are
  // placed once the table's size is known), and the pairs. Each trie path is one string, so
  // no word or pair comes twice.
  std::vector<uint64_t> words;
  std::vector<uint64_t> deciding_words;
  std::vector<uint64_t> pairs;
  std::vector<uint64_t> first_pairs;
  std::vector<KeyWord> first_walk;
  std::vector<KeyWord> second_walk;
  bool judges_pairs = true;
  for_each_word_from(trie, Trie::kRoot, first_walk, [&](const KeyWord& first) {
    if (first.length == 0) return true;
    bool whole = trie.has_values(first.state);
    bool decides_alone = whole;
    first_pairs.clear();
    const uint64_t first_hash = hash_of(word_of(first));
    for_each_separator(trie, first.state, [&](unsigned char separator, Trie::State after) {
      whole = true;
      // A key that ends with the separator matches whatever follows it.
      if (trie.has_values(after)) decides_alone = true;
      if (decides_alone || !judges_pairs) return;
      for_each_word_from(trie, after, second_walk, [&](const KeyWord& second) {
        bool second_whole = second.length > 0 && trie.has_values(second.state);
        for_each_separator(trie, second.state, [&](unsigned char, Trie::State) {
          second_whole = true;
        });
        if (second_whole) first_pairs.push_back(pair(first_hash, separator, word_of(second)));
        return true;
      });
    });
    if (!whole) return true;
    words.push_back(first_hash);
    if (!judges_pairs) {
      // Too many entries already: the sieve judges words alone, and keeps none after them.
    } else if (decides_alone) {
      deciding_words.push_back(first_hash);
    } else {
      pairs.insert(pairs.end(), first_pairs.begin(), first_pairs.end());
    }
    if (words.size() + deciding_words.size() + pairs.size() > kMaxEntries) judges_pairs = false;
    return words.size() <= kMaxEntries;
  });
  const size_t bits =
      table_bits(words.size() + (judges_pairs ? deciding_words.size() + pairs.size() : 0));
  if (bits == 0) return WordSieve();
  WordSieve sieve;
  sieve.bits_.assign(bits / 64, 0);
  sieve.shift_ = 64 - static_cast<unsigned>(__builtin_ctzll(bits));
  sieve.case_bits_ = rules.fold_case ? 0x2020202020202020ULL : 0;
  sieve.starter_count_ = static_cast<uint8_t>(rules.starters.size());
  for (size_t i = 0; i < kMaxStarters; ++i) {
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
  for (const uint64_t hash : words) set(hash);
  if (judges_pairs) {
    for (const uint64_t first : deciding_words) set(sieve.deciding_alone(first));
    for (const uint64_t hash : pairs) set(hash);
  }
  return sieve;
}

}  // namespace onoma::automaton
