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

#include "automaton/prefix_hash.h"
#include "automaton/trie.h"
#include "automaton/word_bytes.h"
#include "automaton/word_sieve.h"
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
  // Whether `byte` may begin a word that the filter can judge: an ASCII letter or digit, or
  // the lead byte of a two-byte character (check answers "maybe" when it is no letter that
  // folds to ASCII).
  bool judges(unsigned char byte) const { return class_[byte] == kWordByte || class_[byte] == kLead2; }

  // `text[0]` begins a word at a position where a match may begin (judges(text[0]));
  // `end` is the end of the text.
  Verdict check(const unsigned char* text, const unsigned char* end) const {
    const Verdict verdict = check_window(text, end);
    return verdict.word_length != kNotApplicable ? verdict : check_bytewise(text, end);
  }

  // The first look before check() at ASCII words, when it is selective (disabled otherwise).
  const WordSieve& sieve() const { return sieve_; }
  // For a word that the sieve does not read in its block (more than 15 bytes, which may fold to
  // fewer: a decomposed word's marks fold away): its length when the sieve proves that no key
  // begins at `text`, else 0. `text` is where check() could be asked; `end` is the end of the
  // text.
  size_t sieved_word_length(const unsigned char* text, const unsigned char* end) const;

  size_t memory_usage() const { return bits_.size() * sizeof(uint64_t) + sieve_.memory_usage(); }

  // The entry saying that some key's first word (its bytes before the first non-word byte)
  // has this hash; kept apart from the entry of a key that is that word alone.
  static uint64_t first_word(uint64_t hash) { return hash ^ 0x5bd1e9955bd1e995ULL; }

 private:
  enum ByteClass : uint8_t {
    kUnknown = 0,  // not ASCII: its folding depends on what follows
    kWordByte,     // folds to an ASCII letter or digit, and is a word character
    kSpace,        // white space, folded with its run to one space
    kOther,        // folds to one other ASCII byte
    kLead2,        // begins a two-byte character: see two_byte_letters_
  };
  // After a word (read_word): whether the byte there is a separator whose folding is known.
  bool known_separator(unsigned char byte) const {
    return class_[byte] == kSpace || class_[byte] == kOther;
  }
  // Reads word bytes from `p`: ASCII letters and digits, and two-byte letters that fold to
  // ASCII ones (é → e, ß → ss), adding their folded bytes to `sink` (sink.add(byte)) while
  // sink.wants_more(). Stops at anything else.
  template <class Sink>
  const unsigned char* read_word(const unsigned char* p, const unsigned char* end,
                                 Sink& sink) const;

  // The same PrefixHash value picks both the word and the bits in it, so each is remixed its
  // own way: the word index comes from the high half of one product, the three bit positions
  // from the low bits of another, folded with its high bits.
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
  // The verdict from the four looks (see the top of this file), given the first block (read
  // as early as possible) and what the text holds.
  Verdict decide(uint64_t first_block, uint64_t first_hash, size_t word_length,
                 uint64_t separated_hash, bool has_second_word, uint64_t second_hash,
                 bool has_second_separator, uint64_t second_separated_hash) const;
  // The same once T1 is known to be some key's first word and no key by itself.
  Verdict decide_after_first_word(uint64_t first_block, size_t word_length,
                                  uint64_t separated_hash, bool has_second_word,
                                  uint64_t second_hash, bool has_second_separator,
                                  uint64_t second_separated_hash) const;
  // The common case read 8 bytes at a time, without a branch per byte: an ASCII T1 of at most
  // 15 bytes, then (when T1 is some key's first word) s1, an ASCII T2 of at most 7 bytes and
  // s2. word_length is kNotApplicable when it does not apply (returned by value, in
  // registers: an out-parameter cost a store-forwarding stall).
  static constexpr size_t kNotApplicable = SIZE_MAX;
  static constexpr Verdict kOtherWay{true, kNotApplicable};
  Verdict check_window(const unsigned char* text, const unsigned char* end) const;
  // Its rarer second half, kept out of line so that the first stays lean. T1's PrefixHash
  // comes as its three parts, in registers: as one struct of 24 bytes it went on the stack as
  // two 8-byte stores read back by one 16-byte load, which waited for both (perf annotate).
  [[gnu::noinline]] Verdict check_after_first_word(const unsigned char* text,
                                                   const unsigned char* end,
                                                   uint64_t first_block, uint64_t first_hash,
                                                   uint64_t absorbed_first, uint64_t first_partial,
                                                   uint32_t first_end) const;
  // Any other case, a byte at a time.
  Verdict check_bytewise(const unsigned char* text, const unsigned char* end) const;

  std::array<ByteClass, 256> class_{};
  std::array<unsigned char, 256> folded_{};
  TwoByteLetters two_byte_letters_;  // what read_word makes of two-byte characters
  // check_window's arithmetic agrees with class_ and folded_: the word bytes are exactly the
  // ASCII letters and digits, folded to lower case (fold_case_) or kept.
  bool window_ = false;
  bool fold_case_ = false;
  // Blocked Bloom filter: three bits per entry, in the word of its block (see build).
  std::vector<uint64_t> bits_;
  // Built when window_ holds (it reads words as check_window does) and the ASCII word
  // characters are the letters, digits and '_' (see build).
  WordSieve sieve_;
};

}  // namespace onoma::automaton
