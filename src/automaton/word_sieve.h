// The first look at the word starts of ASCII text, before the start filter's: one bit per
// hashed first word of the keys, a few kilobytes that stay in the L1 cache. Most words of a
// text are no key's first word; with a small or medium gazetteer this rejects them 16 bytes of
// text at a time, several words side by side, where the start filter takes one word (and the
// next) at a time into a filter sized by the whole gazetteer.
//
// A word here is a run of ASCII letters and digits shorter than 16 bytes, folded as the start
// filter folds them (lower case when the gazetteer folds case). A key can only begin at a
// word start when its first word equals the text's (a key that ends inside a word never
// matches in word mode), so the sieve holds the keys' first words: every run of letters and
// digits at the start of a key that the key ends with or that an ASCII separator follows.
// "Not in the sieve" is exact; a hash collision only ever answers "maybe".
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "automaton/trie.h"

namespace onoma::automaton {

// What the start filter and the sieve read as a word's bytes (the word characters of ASCII,
// but for the connector '_').
inline bool is_ascii_letter_or_digit(unsigned char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
         (byte >= 'A' && byte <= 'Z');
}

// The top bit of each of the 8 bytes, gathered into 8 bits, byte 0's lowest: a multiply does
// it, each byte's bit landing in the top byte at its own place (no two sums overlap). What
// SSE2's movemask does, for machines without it.
inline uint32_t top_bits(uint64_t bytes) {
  return static_cast<uint32_t>(((bytes & 0x8080808080808080ULL) * 0x0002040810204081ULL) >> 56);
}

// The lead bytes `first` to `last` (none when first > last) of two-byte characters that each
// begin a cluster of their own: no mark, nothing that folds away, no white space (é, ß, ł).
struct LeadRange {
  unsigned char first = 1;
  unsigned char last = 0;
};

class WordSieve {
  // Sixteen bytes, for the GCC and Clang vector extensions.
  using Bytes = uint8_t __attribute__((vector_size(16)));

 public:
  // An empty sieve: enabled() is false.
  WordSieve() = default;
  // The sieve of the keys in `trie`, whose ASCII letters are lower case when `fold_case`.
  // `starters` are the ASCII bytes, neither letters nor digits nor '_', that fold to a byte
  // some key begins with; before a character of `own_cluster_leads`, a plain separator is a
  // cluster of its own. Empty (disabled) with more than 16,384 distinct first words (the
  // sieve would not be selective, nor stay in the L1 and L2 caches), more than three
  // starters, or on a big-endian machine.
  static WordSieve build(const Trie& trie, bool fold_case,
                         const std::vector<unsigned char>& starters,
                         LeadRange own_cluster_leads);

  bool enabled() const { return !bits_.empty(); }

  // How many bytes skip() reads from where it is asked.
  static constexpr size_t kReadBytes = 32;

  // How far the scanner may step: length() bytes (0: not at all), after which after_word()
  // tells whether the byte before is a word character, and held() whether the next word is one
  // the sieve may hold (else it is one the sieve did not read). One register.
  class Skip {
   public:
    constexpr Skip(uint32_t length, bool after_word) : bits_(length << 2 | (after_word ? 1 : 0)) {}
    static constexpr Skip before_held_word(uint32_t length) { return Skip(length << 2 | 2); }
    uint32_t length() const { return bits_ >> 2; }
    bool after_word() const { return bits_ & 1; }
    bool held() const { return bits_ & 2; }

   private:
    explicit constexpr Skip(uint32_t bits) : bits_(bits) {}
    uint32_t bits_;
  };

  // `text` (kReadBytes readable) is where a match may begin, after a non-word character. The
  // scanner may step over the words of the next 16 bytes that the sieve rejects and the plain
  // separators (ASCII, no word character, beginning no key) around them: up to the first word
  // it cannot reject or that is not whole there (which may be the first: length 0), or the
  // first byte that is neither (or the ASCII byte before a non-ASCII one, whose cluster it may
  // begin, a combining mark joining it, unless that one begins a cluster of its own).
  Skip skip(const unsigned char* text) const {
    // Sixteen bytes classified at once (GCC and Clang vector extensions: SSE2 on x86-64, NEON
    // on ARM), each class then read as 16 bits, text order from the lowest bit up.
    Bytes raw;
    std::memcpy(&raw, text, sizeof(raw));
    const uint32_t word = bits_of(reinterpret_cast<Bytes>((raw | 0x20) - 'a' < 26) |
                                  reinterpret_cast<Bytes>(raw - '0' < 10));
    const uint32_t not_ascii =
        bits_of(reinterpret_cast<Bytes>(raw >= 0x80)) | uint32_t{text[16] >= 0x80} << 16;
    const uint32_t other = not_ascii | bits_of(reinterpret_cast<Bytes>(raw == '_') |
                                               reinterpret_cast<Bytes>(raw == starters_[0]) |
                                               reinterpret_cast<Bytes>(raw == starters_[1]) |
                                               reinterpret_cast<Bytes>(raw == starters_[2]));
    const uint32_t own_cluster =
        bits_of(reinterpret_cast<Bytes>(raw - own_cluster_first_ < own_cluster_count_)) |
        uint32_t{static_cast<uint8_t>(text[16] - own_cluster_first_[0]) < own_cluster_count_[0]}
            << 16;
    // The bytes before the first that is neither a word byte nor a plain separator are clean.
    // Every word there but the last is whole; so is the last, unless it runs to where the
    // clean bytes end (it may go on past them).
    const uint32_t clean_end = static_cast<uint32_t>(__builtin_ctz(other | 1u << 16));
    const uint32_t starts = word & ~(word << 1) & ((1u << clean_end) - 1);
    const bool last_open = clean_end > 0 && ((word >> (clean_end - 1)) & 1);
    uint32_t stop = clean_end;
    bool after_word = false;
    if (last_open) {
      stop = 31 - static_cast<uint32_t>(__builtin_clz(starts));
    } else if (clean_end > 0 && (((not_ascii & ~own_cluster) >> clean_end) & 1)) {
      stop = clean_end - 1;  // a plain separator, after a word or another separator
      after_word = stop > 0 && ((word >> (stop - 1)) & 1);
    }
    for (uint32_t pending = starts & ((1u << stop) - 1); pending != 0; pending &= pending - 1) {
      const uint32_t start = static_cast<uint32_t>(__builtin_ctz(pending));
      if (has(word_at(text, start, word))) return Skip::before_held_word(start);
    }
    return {stop, after_word};
  }

  // Whether some key's first word may be the `length` bytes of `folded` (at most 15, folded
  // ASCII letters and digits, zero-padded to 16 bytes): for words that skip() does not read,
  // the start filter reads them and asks here.
  bool may_hold(const unsigned char* folded, uint32_t length) const {
    if (length > kLongestWord) return true;
    Word word;
    std::memcpy(&word, folded, sizeof(word));
    return has(word);
  }
  static constexpr uint32_t kLongestWord = 15;  // a longer word is never judged

  size_t memory_usage() const { return bits_.capacity() * sizeof(uint64_t); }

 private:
  // A word of up to 15 bytes, zero-padded (no letter or digit is zero): byte i of the word is
  // byte i % 8 of half i / 8, from the lowest up.
  struct Word {
    uint64_t low;
    uint64_t high;
  };
  static Bytes broadcast(unsigned char byte);  // `byte` in each of the 16
  struct WordHash;   // for the set that build() collects
  struct WordEqual;

  // One bit per byte of a 16-byte mask of 0xFF and 0 bytes, byte 0 lowest (in text order on
  // a little-endian machine, the only kind build() makes a sieve for).
  template <class Bytes>
  static uint32_t bits_of(const Bytes& mask) {
#if defined(__SSE2__)
    return static_cast<uint32_t>(_mm_movemask_epi8(reinterpret_cast<__m128i>(mask)));
#else
    uint64_t halves[2];
    std::memcpy(halves, &mask, sizeof(halves));
    return top_bits(halves[0]) | top_bits(halves[1]) << 8;
#endif
  }
  // The word at `text + start` (`word`: the word bytes of the 16 from `text`), folded.
  Word word_at(const unsigned char* text, uint32_t start, uint32_t word) const {
    const uint32_t length = static_cast<uint32_t>(__builtin_ctz(~(word >> start)));
    uint64_t halves[2];
    std::memcpy(halves, text + start, sizeof(halves));
    // Letters and digits only: setting bit 5 of each byte folds the letters, keeps the digits.
    const uint64_t low = halves[0] | case_bits_;
    const uint64_t high = halves[1] | case_bits_;
    return {length >= 8 ? low : low & low_bytes(length),
            length <= 8 ? 0 : high & low_bytes(length - 8)};
  }
  // The `count` (below 8) lowest bytes set.
  static uint64_t low_bytes(uint32_t count) { return (uint64_t{1} << (8 * count)) - 1; }

  bool has(const Word& word) const {
    const uint64_t bit = bit_of(word);
    return (bits_[bit >> 6] >> (bit & 63)) & 1;
  }
  // Multiplicative hashing of the two halves: the top bits of the sum of their products.
  uint64_t bit_of(const Word& word) const {
    return (word.low * 0x9E3779B97F4A7C15ULL + word.high * 0xC2B2AE3D27D4EB4FULL) >> shift_;
  }

  std::vector<uint64_t> bits_;
  unsigned shift_ = 63;       // 64 - log2 of the number of bits
  uint64_t case_bits_ = 0;  // 0x20 in each byte when ASCII letters fold to lower case
  // The starters given to build (never plain separators), each in every byte, so that skip()
  // compares with a vector loaded as it is; unused ones are '_', which no plain separator is
  // anyway.
  Bytes starters_[3] = {};
  // The LeadRange given to build, as its first byte and the number of bytes in it, the same way.
  Bytes own_cluster_first_ = {};
  Bytes own_cluster_count_ = {};
};

}  // namespace onoma::automaton
