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

const WordSieve::Word WordSieve::kWordMasks[kLongestWord + 1] = {
    {0, 0},
    {0xFF, 0},
    {0xFFFF, 0},
    {0xFFFFFF, 0},
    {0xFFFFFFFF, 0},
    {0xFFFFFFFFFF, 0},
    {0xFFFFFFFFFFFF, 0},
    {0xFFFFFFFFFFFFFF, 0},
    {~uint64_t{0}, 0},
    {~uint64_t{0}, 0xFF},
    {~uint64_t{0}, 0xFFFF},
    {~uint64_t{0}, 0xFFFFFF},
    {~uint64_t{0}, 0xFFFFFFFF},
    {~uint64_t{0}, 0xFFFFFFFFFF},
    {~uint64_t{0}, 0xFFFFFFFFFFFF},
    {~uint64_t{0}, 0xFFFFFFFFFFFFFF},
};

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
  sieve.two_byte_letters_ = rules.two_byte_letters;
  sieve.punctuation_ = rules.punctuation;
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

WordSieve::Skip WordSieve::skip_beyond_ascii(const unsigned char* text, uint64_t word,
                                             uint64_t not_ascii, uint64_t stops) const {
  Bytes raw[kVectors];
  std::memcpy(raw, text, sizeof(raw));
  const uint64_t own_cluster =
      block_bits(raw, [&](const Bytes& b) { return b - own_cluster_first_ < own_cluster_count_; });
  // The two-byte characters that it reads inside words join them, the punctuation that it
  // reads is plain separators; every other byte beyond ASCII ends what it reads.
  const BeyondAscii read = read_beyond_ascii(text, word, not_ascii);
  return judge_block(text, word | read.in_words, read.in_words,
                     not_ascii & ~(read.in_words | read.separators), stops, own_cluster);
}

WordSieve::BeyondAscii WordSieve::read_beyond_ascii(const unsigned char* text, uint64_t word,
                                                    uint64_t not_ascii) const {
  BeyondAscii read;
  uint64_t& two_byte = read.in_words;
  uint64_t pending = not_ascii;
  while (pending != 0) {
    const uint32_t at = static_cast<uint32_t>(__builtin_ctzll(pending));
    // A character from the block's last byte on is the next block's.
    if (at >= kBlockBytes) break;
    if (text[at] == 0xE2) {
      // Its three bytes in the block, and the byte after them (at most the one after the block).
      if (at + 3 > kBlockBytes || text[at + 1] != 0x80 || (text[at + 2] & 0xC0) != 0x80 ||
          text[at + 3] >= 0x80 || punctuation_[text[at + 2] & 0x3F] == 0) {
        break;
      }
      read.separators |= uint64_t{7} << at;
      pending &= ~(uint64_t{7} << at);
      continue;
    }
    const uint32_t letters = two_byte_letters_.folds(text + at);
    if (letters == 0) break;
    // What folds away joins the cluster before it: inside a word only after a word byte (never
    // at the block's start, where the scanner asks after a non-word character).
    if (letters == TwoByteLetters::kFoldsAway &&
        (at == 0 || !(((word | two_byte) >> (at - 1)) & 1))) {
      break;
    }
    two_byte |= uint64_t{3} << at;
    pending &= ~(uint64_t{3} << at);
  }
  return read;
}

WordSieve::Word WordSieve::shifted_up(Word word, uint32_t bytes) {
  // Without a branch on whether the shift crosses the halves: both results are formed and
  // one is kept. (Shifting by 64 or more is undefined, hence the split shift of the carry.)
  const uint32_t bits = 8 * (bytes & 7);
  const uint64_t low = word.low << bits;
  const uint64_t high = word.high << bits | (word.low >> 1) >> (63 - bits);
  const uint64_t across = bytes >= 8 ? ~uint64_t{0} : 0;
  return {low & ~across, (high & ~across) | (low & across)};
}

WordSieve::Word WordSieve::shifted_down(Word word, uint32_t bytes) {
  const uint32_t bits = 8 * (bytes & 7);
  const uint64_t low = word.low >> bits | (word.high << 1) << (63 - bits);
  const uint64_t high = word.high >> bits;
  const uint64_t across = bytes >= 8 ? ~uint64_t{0} : 0;
  return {(low & ~across) | (high & across), high & ~across};
}

WordSieve::Word WordSieve::fold_two_byte_word(const unsigned char* word, Word ascii) const {
  // Each two-byte character, from the last to the first (so that those before it stay where
  // they are), is replaced by the bytes it folds to, none, one or two: the bytes after it move
  // down by the difference. The word stays in registers throughout. It used to be spliced in
  // memory, a 16-byte store and then a load that overlaps it, and every such load waited for
  // the stores before it to complete: 60% of the fold's samples (perf annotate, decomposed
  // text); in registers, small × accented and decomposed text scan 6% faster. A lead byte is
  // one with both top bits set (word_at's folding sets bit 5 only).
  Word folded = ascii;
  const auto splice = [&](uint64_t leads, uint32_t first_byte) {
    for (uint64_t pending = leads; pending != 0;) {
      const uint32_t top = 63 - static_cast<uint32_t>(__builtin_clzll(pending));
      pending &= ~(uint64_t{1} << top);
      const uint32_t at = first_byte + top / 8;  // at most 13
      const uint32_t letters = two_byte_letters_.folds(word + at);
      uint32_t count = 0;
      uint32_t replacement = 0;
      if (letters != TwoByteLetters::kFoldsAway) {
        count = TwoByteLetters::count(letters);
        replacement = letters & 0xFFFFu;
      }
      Word from_here = shifted_up(shifted_down(folded, at + 2), count);
      from_here.low |= replacement;
      from_here = shifted_up(from_here, at);
      const Word& before = kWordMasks[at];
      folded = {(folded.low & before.low) | from_here.low,
                (folded.high & before.high) | from_here.high};
    }
  };
  // The lead bytes of each half, as two scalars: as an array of two, GCC computed them with
  // one vector operation, then moved them to scalar registers through memory, the same wait.
  constexpr uint64_t kHigh = 0x8080808080808080ULL;
  splice(ascii.high & (ascii.high << 1) & kHigh, 8);
  splice(ascii.low & (ascii.low << 1) & kHigh, 0);
  return folded;
}

}  // namespace onoma::automaton
