// A small, cache-resident filter that tells the scanner, at a word start in ASCII text, that no
// key can begin there, before it touches the trie (DESIGN.md §3). Most words of a text begin
// no alias, and the trie of a large gazetteer is far bigger than the caches; this filter is a
// few bits per key.
//
// It looks at the folded bytes as words and separators: T1 (the run of ASCII letters and
// digits at the start), s1 (the folded byte after it, one space for a run of white space), T2
// (the run after s1, maybe empty) and s2. A key is entered by its prefix up to s2, or whole
// when it is shorter; text is looked up by the prefixes that a key of each shape could equal:
// T1, T1 s1, T1 s1 T2 and T1 s1 T2 s2. The lookups ending in a word (T1, T1 s1 T2) ask for
// the whole word: a key that ends inside a word of the text never matches in word mode,
// because a key that ends with a letter or digit needs a non-word character after it.
//
// The answer "no key here" is exact up to hash collisions, which only ever answer "maybe".
// Text that is not ASCII near the start is always "maybe": the scanner folds it the slow way.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "automaton/trie.h"
#include "unicode/fold_table.h"

namespace onoma::automaton {

class StartFilter {
 public:
  // Whether a key may begin at a word start, and the length of the word there (T1), which the
  // scanner may step over when none can.
  struct Verdict {
    bool may_start;
    size_t word_length;
  };

  // An empty filter: every lookup answers "maybe".
  StartFilter();
  // The filter of the keys in `trie`, folded by `table`. When some ASCII character folds to
  // nothing or to several bytes, text cannot be folded byte by byte and the filter is empty.
  static StartFilter build(const Trie& trie, const unicode::FoldTable& table);

  bool enabled() const { return !bits_.empty(); }
  // Whether `byte` begins a word that the filter can judge (an ASCII letter or digit).
  bool judges(unsigned char byte) const { return class_[byte] == kWordByte; }

  // `text[0]` begins a word at a position where a match may begin (judges(text[0]));
  // `end` is the end of the text.
  Verdict check(const unsigned char* text, const unsigned char* end) const;

  size_t memory_usage() const { return bits_.size() * sizeof(uint64_t); }

 private:
  enum ByteClass : uint8_t {
    kUnknown = 0,  // not ASCII: its folding depends on what follows
    kWordByte,     // folds to an ASCII letter or digit, and is a word character
    kSpace,        // white space, folded with its run to one space
    kOther,        // folds to one other ASCII byte
  };

  static uint64_t extend(uint64_t hash, unsigned char folded_byte) {
    return (hash ^ folded_byte) * 0x100000001b3ULL;  // FNV-1a step
  }
  // The entry saying that some key's first word (its bytes before the first non-word byte)
  // has this hash; kept apart from the entry of a key that is that word alone.
  static uint64_t first_word(uint64_t hash) { return hash ^ 0x5bd1e9955bd1e995ULL; }

  // The FNV state's low bits are weak: the word index comes from the high half of one
  // product, the three bit positions from the low bits of another, folded with its high bits.
  static uint64_t bit_mask(uint64_t hash) {
    uint64_t mixed = hash * 0x9e3779b97f4a7c15ULL;
    mixed ^= mixed >> 29;
    return (uint64_t{1} << (mixed & 63)) | (uint64_t{1} << ((mixed >> 6) & 63)) |
           (uint64_t{1} << ((mixed >> 12) & 63));
  }
  size_t word_index(uint64_t block_hash) const {
    const uint64_t mixed = block_hash * 0xc2b2ae3d27d4eb4fULL;
    return static_cast<size_t>(((mixed >> 32) * bits_.size()) >> 32);
  }
  static bool has(uint64_t word, uint64_t hash) {
    const uint64_t mask = bit_mask(hash);
    return (word & mask) == mask;
  }

  std::array<ByteClass, 256> class_{};
  std::array<unsigned char, 256> folded_{};
  // Blocked Bloom filter: three bits per entry, in the word of its block (see build).
  std::vector<uint64_t> bits_;
};

}  // namespace onoma::automaton
