// The first look at the word starts of text, before the start filter's: one bit per
// hashed first word of the keys. Most words of a text are no key's first word; this rejects
// them a block of 63 bytes of text at a time, several words side by side, where the start
// filter takes one word (and the next) at a time. With a small or medium gazetteer the table
// is a few kilobytes that stay in the L1 cache; with a large one (GeoNames: 320k first words)
// it grows to at most 2 MB, where a lookup may miss the L1 cache but still costs less than the
// start filter's reading of the word it rejects.
//
// A word here is a run of ASCII letters and digits shorter than 16 bytes, folded as the start
// filter folds them (lower case when the gazetteer folds case), in which may stand two-byte
// letters that fold to ASCII ones and, after a letter, the marks that fold away (é and
// e + U+0301 → e: accented and decomposed text). A key can only begin at a word start when its
// first word equals the text's (a key that ends inside a word never matches in word mode), so
// the sieve holds the keys' first words: every run of letters and digits at the start of a key
// that the key ends with or that an ASCII separator follows. The plain separators that it steps
// over are the ASCII bytes that are no word character and begin no key, and the typographic
// quotes and dashes that fold to one of them (’ → ', – → -).
//
// A text word that is some key's first word ("the", "new") is then judged by what follows it,
// when all of that is in the block: the separator after it (a run of white space as one
// space) and the next word, T2, maybe empty. The sieve also holds each key's first word, its
// separator s1 and T2 when T2 is whole (it ends the key or an ASCII separator follows it), and
// marks the first words that decide alone: a key that is the word alone, or the word and s1
// ("St."), matches whatever comes next. That mark sits in the 64 bits of the first word's own
// bit, so that judging a first word costs one cache miss, not two. "Not in the sieve" is exact;
// a hash collision only ever answers "maybe".
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <vector>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "automaton/trie.h"
#include "automaton/word_bytes.h"

namespace onoma::automaton {

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

// How the text's ASCII folds, as the start filter reads it.
struct SieveRules {
  bool fold_case = false;  // ASCII letters fold to lower case
  // The ASCII bytes, neither letters nor digits nor '_', that fold to a byte some key begins
  // with.
  std::vector<unsigned char> starters;
  // Before a character of these, a plain separator is a cluster of its own.
  LeadRange own_cluster_leads;
  std::array<unsigned char, 128> folded{};  // what each ASCII byte folds to
  std::array<bool, 128> space{};            // white space, folded with its run to one space
  TwoByteLetters two_byte_letters;          // how two-byte characters inside words fold
  // For U+2000 to U+203F (E2 80 80 to E2 80 BF: typographic quotes, dashes): the plain
  // separator that each folds to (’ → '), or 0 (white space, or a byte that begins a key).
  std::array<unsigned char, 64> punctuation{};
};

class WordSieve {
  // Sixteen bytes, for the GCC and Clang vector extensions.
  using Bytes = uint8_t __attribute__((vector_size(16)));

 public:
  // An empty sieve: enabled() is false.
  WordSieve() = default;
  // The sieve of the keys in `trie`, for text read by `rules`. Empty (disabled) with more
  // than kMaxStarters starters, on a big-endian machine, or with more distinct first words
  // than a 2 MB table holds selectively (about a million: then most words of a text are some
  // key's first word). When the entries after the first words do not fit as well, it judges
  // words alone, not by the word after them.
  static WordSieve build(const Trie& trie, const SieveRules& rules);
  // The size of the table, in bits, for `entries` first words and entries after them: a power
  // of two, 0 when they are too many for the sieve to be selective.
  static size_t table_bits(size_t entries);
  // skip() compares each byte with this many starters at most (with none, three or all: a
  // large gazetteer's keys begin with ' ` * / : [ and the like).
  static constexpr size_t kMaxStarters = 8;

  bool enabled() const { return !bits_.empty(); }

  // How many bytes of text skip() judges at a time: those of kVectors vectors of 16 but the
  // last, which it reads to know what follows the block. And how many it reads from where it
  // is asked (a word that begins in the block may run 15 bytes past its start). Four vectors,
  // as many as the block's 64-bit masks hold: two were faster on accented text while a block
  // ended at the first letter beyond ASCII; since the sieve reads through those letters, each
  // vector more is faster on every text (interleaved scans, small gazetteer: three vectors
  // against two 1.03 to 1.11, four against three 1.03; large_realistic 1.04 to 1.08, then
  // 1.00 to 1.05).
  static constexpr uint32_t kVectors = 4;
  static constexpr uint32_t kBlockBytes = 16 * kVectors - 1;
  static constexpr size_t kReadBytes = kBlockBytes + 16;

  // How far the scanner may step: length() bytes (0: not at all), after which after_word()
  // tells whether the byte before is a word character, and held() whether the next word is one
  // the sieve may hold (else it is one the sieve did not read). beyond_ascii(): the next word
  // goes on with a character beyond ASCII that the sieve does not read in a word (’, Greek, a
  // letter of three bytes...): the start filter does not either, so the scanner's general path
  // takes that word next, without asking again. One register.
  class Skip {
   public:
    // after_word and beyond_ascii never hold together (the next word follows no word byte).
    constexpr Skip(uint32_t length, bool after_word, bool beyond_ascii = false)
        : bits_(length << 3 | uint32_t{beyond_ascii} << 2 | uint32_t{after_word}) {}
    static constexpr Skip before_held_word(uint32_t length) { return Skip(length << 3 | 2); }
    uint32_t length() const { return bits_ >> 3; }
    bool after_word() const { return bits_ & 1; }
    bool held() const { return bits_ & 2; }
    bool beyond_ascii() const { return bits_ & 4; }

   private:
    explicit constexpr Skip(uint32_t bits) : bits_(bits) {}
    uint32_t bits_;
  };

  // `text` (kReadBytes readable) is where a match may begin, after a non-word character. The
  // scanner may step over the words of the block (kBlockBytes) that the sieve rejects and the
  // plain separators (ASCII, no word character, beginning no key) around them: up to the first
  // word it cannot reject, does not read (more than 15 bytes) or that is not whole there (which
  // may be the first: length 0; beyond_ascii() when a character beyond ASCII that it does not
  // read cuts it), or the first byte that is neither (or the ASCII byte before a non-ASCII one,
  // whose cluster it may begin, a combining mark joining it, unless that one begins a cluster
  // of its own).
  [[gnu::always_inline]] Skip skip(const unsigned char* text) const {
    // The block classified 16 bytes at once (GCC and Clang vector extensions: SSE2 on x86-64,
    // NEON on ARM), each class then read as one bit per byte, text order from the lowest bit
    // up; bit kBlockBytes is the byte after the block.
    Bytes raw[kVectors];
    std::memcpy(raw, text, sizeof(raw));
    const uint64_t word = block_bits(raw, [](const Bytes& b) {
      return reinterpret_cast<Bytes>((b | 0x20) - 'a' < 26) | reinterpret_cast<Bytes>(b - '0' < 10);
    });
    const uint64_t not_ascii = block_bits(raw, [](const Bytes& b) { return b >= 0x80; });
    const uint64_t stops = block_bits(raw, [&](const Bytes& b) {
      // Branches taken the same way for the whole scan.
      Bytes stop = reinterpret_cast<Bytes>(b == '_');
      if (starter_count_ > 0) {
        for (size_t i = 0; i < 3; ++i) stop |= reinterpret_cast<Bytes>(b == starters_[i]);
      }
      if (starter_count_ > 3) {
        for (size_t i = 3; i < kMaxStarters; ++i) stop |= reinterpret_cast<Bytes>(b == starters_[i]);
      }
      return stop;
    });
    // Most blocks of English text are all ASCII: judged here, knowing that none is beyond.
    if (not_ascii != 0) return skip_beyond_ascii(text, word, not_ascii, stops);
    return judge_block(text, word, 0, 0, stops, 0);
  }

  // Whether some key's first word may be the `length` bytes of `folded` (at most 15, folded
  // ASCII letters and digits, zero-padded to 16 bytes): for words that skip() does not read,
  // the start filter reads them and asks here.
  bool may_hold(const unsigned char* folded, uint32_t length) const {
    if (length > kLongestWord) return true;
    Word word;
    std::memcpy(&word, folded, sizeof(word));
    return has(hash_of(word));
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
  // The length of the word at `start` (`word`: the word bytes of the block, one bit each).
  static uint32_t length_at(uint32_t start, uint64_t word) {
    return static_cast<uint32_t>(__builtin_ctzll(~(word >> start)));
  }
  // The bits of `predicate` over the block's vectors, one per byte, text order.
  template <class Predicate>
  static uint64_t block_bits(const Bytes (&raw)[kVectors], Predicate predicate) {
    uint64_t mask = 0;
    for (uint32_t i = 0; i < kVectors; ++i) mask |= uint64_t{bits_of(predicate(raw[i]))} << (16 * i);
    return mask;
  }
  // skip() for a block with bytes beyond ASCII: some of them may be letters inside words or
  // plain separators.
  [[gnu::noinline]] Skip skip_beyond_ascii(const unsigned char* text, uint64_t word,
                                           uint64_t not_ascii, uint64_t stops) const;
  // The rest of skip(), from the block's classes: its word bytes, those of them that are
  // two-byte characters, its bytes beyond ASCII that it does not read (unread), the ASCII
  // bytes that are not plain separators (stops: '_' and starters) and the lead bytes of
  // characters that begin a cluster of their own (own_cluster).
  [[gnu::always_inline]] Skip judge_block(const unsigned char* text, uint64_t word,
                                          uint64_t two_byte, uint64_t unread, uint64_t stops,
                                          uint64_t own_cluster) const {
    const uint64_t other = unread | stops;
    // The bytes before the first that is neither a word byte nor a plain separator are clean.
    // Every word there but the last is whole; so is the last, unless it runs to where the
    // clean bytes end (it may go on past them).
    const uint32_t clean_end =
        static_cast<uint32_t>(__builtin_ctzll(other | uint64_t{1} << kBlockBytes));
    const uint64_t starts = word & ~(word << 1) & ((uint64_t{1} << clean_end) - 1);
    const bool last_open = clean_end > 0 && ((word >> (clean_end - 1)) & 1);
    uint32_t stop = clean_end;
    bool after_word = false;
    bool beyond_ascii = false;
    if (last_open) {
      stop = 63 - static_cast<uint32_t>(__builtin_clzll(starts));
      // Not at the block's end: the next block reads the word from its start.
      beyond_ascii = clean_end < kBlockBytes && ((unread >> clean_end) & 1);
    } else if (clean_end > 0 && (((unread & ~own_cluster) >> clean_end) & 1)) {
      stop = clean_end - 1;  // a plain separator, after a word or another separator
      after_word = stop > 0 && ((word >> (stop - 1)) & 1);
    }
    for (uint64_t pending = starts & ((uint64_t{1} << stop) - 1); pending != 0;
         pending &= pending - 1) {
      const uint32_t start = static_cast<uint32_t>(__builtin_ctzll(pending));
      const uint32_t length = length_at(start, word);
      if (length > kLongestWord) return Skip(start, false);  // a word it does not read
      const uint64_t first = hash_of(folded_word(text, start, length, two_byte));
      if (!has(first)) continue;
      switch (judge_next_word(text, start + length, first, word, two_byte, clean_end)) {
        case Next::kRejects:
          continue;
        case Next::kHeld:
          return Skip::before_held_word(start);
        case Next::kUnread:  // from this word on, the next block may hold what follows it
          return start == 0 ? Skip::before_held_word(0) : Skip(start, false);
      }
    }
    return Skip(stop, after_word, beyond_ascii);
  }
  // The bytes beyond ASCII of a block that the sieve reads, in text order up to the first that
  // it does not: two-byte characters inside words (letters that fold to ASCII ones and, after
  // a word byte, characters that fold away) and plain separators of three bytes (punctuation
  // that folds to one, followed by ASCII, which never joins its cluster). `word`: the block's
  // ASCII word bytes.
  struct BeyondAscii {
    uint64_t in_words = 0;
    uint64_t separators = 0;
  };
  BeyondAscii read_beyond_ascii(const unsigned char* text, uint64_t word, uint64_t not_ascii) const;
  // The `length` (at most kLongestWord) bytes at `text + start`, a word, folded; `two_byte`:
  // the block's bytes of two-byte characters that it reads inside words.
  Word folded_word(const unsigned char* text, uint32_t start, uint32_t length,
                   uint64_t two_byte) const {
    if (two_byte == 0 || ((two_byte >> start) & ((uint64_t{1} << length) - 1)) == 0) {
      return word_at(text, start, length);
    }
    return fold_two_byte_word(text + start, word_at(text, start, length));
  }
  // The same for a word that holds two-byte characters: `ascii` is word_at's reading of it.
  Word fold_two_byte_word(const unsigned char* word, Word ascii) const;
  // `word` shifted toward its last byte (up) or its first (down) by `bytes`, less than 16.
  static Word shifted_up(Word word, uint32_t bytes);
  static Word shifted_down(Word word, uint32_t bytes);
  // The same for a word of ASCII.
  Word word_at(const unsigned char* text, uint32_t start, uint32_t length) const {
    uint64_t halves[2];
    std::memcpy(halves, text + start, sizeof(halves));
    // Letters and digits only: setting bit 5 of each byte folds the letters, keeps the digits.
    const Word& keep = kWordMasks[length];
    return {(halves[0] | case_bits_) & keep.low, (halves[1] | case_bits_) & keep.high};
  }
  // For each length up to kLongestWord, the bytes of a Word that a word of that length keeps.
  // A table read: computing them took a branch on the length, which varies from word to word,
  // and sieving went 11% faster without it (small gazetteer, English, accented and
  // decomposed text alike).
  static const Word kWordMasks[kLongestWord + 1];

  // Every entry is a hash whose top bits pick its bit. A word's: multiplicative hashing of
  // its two halves, the sum of their products. The entries after a first word: each separator
  // and second word remix its hash; the mark that it decides alone keeps the bits that pick
  // the first word's 64 bits of the table and takes the 6 bits below them (as well mixed) for
  // the 6 that pick a bit among those 64.
  static uint64_t hash_of(const Word& word) {
    return word.low * 0x9E3779B97F4A7C15ULL + word.high * 0xC2B2AE3D27D4EB4FULL;
  }
  uint64_t deciding_alone(uint64_t first) const {
    const uint64_t bit_in_word = uint64_t{63} << shift_;  // the hash bits that pick among 64
    return (first & ~bit_in_word) | ((first << 6) & bit_in_word);
  }
  static uint64_t pair(uint64_t first, unsigned char separator, const Word& second) {
    return remix(first ^ (hash_of(second) + (separator + 1u) * 0xD6E8FEB86659FD93ULL));
  }
  static uint64_t remix(uint64_t hash) { return (hash ^ (hash >> 31)) * 0xBF58476D1CE4E5B9ULL; }
  bool has(uint64_t hash) const {
    const uint64_t bit = hash >> shift_;
    return (bits_[bit >> 6] >> (bit & 63)) & 1;
  }

  // What the sieve makes of the key first word `first` (its hash), which ends at
  // `text + first_end`, from what follows it within the clean bytes (below clean_end) of the
  // block read.
  enum class Next { kRejects, kHeld, kUnread };
  // Inline: a large gazetteer's sieve calls it for half of the words of English text, and the
  // call with its arguments was a quarter of its instructions (callgrind).
  [[gnu::always_inline]] Next judge_next_word(const unsigned char* text, uint32_t first_end,
                                              uint64_t first, uint64_t word, uint64_t two_byte,
                                              uint32_t clean_end) const {
    if (!judges_pairs_ || has(deciding_alone(first))) return Next::kHeld;
    // The first word is whole: a plain separator follows it, ASCII or punctuation of three
    // bytes (read_beyond_ascii).
    uint32_t at = first_end;
    unsigned char separator;
    if (text[at] >= 0x80) {
      separator = punctuation_[text[at + 2] & 0x3F];
      at += 3;
    } else {
      separator = separators_[text[at]];
      if (is_space(text[at])) {
        while (++at < clean_end && is_space(text[at])) {
        }
      } else {
        ++at;
      }
    }
    if (at >= clean_end) return Next::kUnread;
    const uint32_t second_length = length_at(at, word);
    if (at + second_length >= clean_end) return Next::kUnread;  // it may go on
    // The table holds no longer second word, even of a key that has one: the start filter
    // judges it.
    if (second_length > kLongestWord) return Next::kHeld;
    return has(pair(first, separator, folded_word(text, at, second_length, two_byte)))
               ? Next::kHeld
               : Next::kRejects;
  }
  bool is_space(unsigned char byte) const { return (space_[byte >> 6] >> (byte & 63)) & 1; }

  std::vector<uint64_t> bits_;
  unsigned shift_ = 63;       // 64 - log2 of the number of bits
  uint64_t case_bits_ = 0;  // 0x20 in each byte when ASCII letters fold to lower case
  bool judges_pairs_ = false;  // the entries after first words are in bits_
  uint8_t starter_count_ = 0;  // skip() compares with none, three or all of starters_
  std::array<unsigned char, 128> separators_{};  // SieveRules::folded
  TwoByteLetters two_byte_letters_;              // SieveRules::two_byte_letters
  std::array<unsigned char, 64> punctuation_{};  // SieveRules::punctuation
  // SieveRules::space, one bit per byte; none beyond ASCII, which may begin a word after a
  // space (é).
  uint64_t space_[4] = {0, 0, 0, 0};
  // The starters given to build (never plain separators), each in every byte, so that skip()
  // compares with a vector loaded as it is; unused ones are '_', which no plain separator is
  // anyway.
  Bytes starters_[kMaxStarters] = {};
  // The LeadRange given to build, as its first byte and the number of bytes in it, the same way.
  Bytes own_cluster_first_ = {};
  Bytes own_cluster_count_ = {};
};

}  // namespace onoma::automaton
