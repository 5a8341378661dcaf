// What the start filter and the word sieve read as the bytes of a word: ASCII letters and
// digits, and the two-byte characters that fold to them or to nothing inside a word. Any other
// character ends what they read, and the scanner's general path takes the word.
#pragma once

#include <cstdint>
#include <vector>

#include "unicode/fold_table.h"

namespace onoma::automaton {

// The word characters of ASCII that they read (all but the connector '_').
inline bool is_ascii_letter_or_digit(unsigned char byte) {
  return (byte >= '0' && byte <= '9') || (byte >= 'a' && byte <= 'z') ||
         (byte >= 'A' && byte <= 'Z');
}

// How each two-byte character (U+0080 to U+07FF) folds inside a word: to up to two ASCII
// letters or digits (é → e, ß → ss, Ł → l), to nothing (a combining mark that folding removes,
// a soft hyphen), or in a way they do not read (0: a kept mark, a symbol, Greek, white space).
class TwoByteLetters {
 public:
  // What folds(lead) answers for a character that folds to nothing. Only after a letter does
  // it stay inside a word: it joins that letter's cluster.
  static constexpr uint32_t kFoldsAway = uint32_t{1} << 24;

  // No character known: every lookup answers 0.
  TwoByteLetters() = default;
  static TwoByteLetters build(const unicode::FoldTable& table);

  // The folding of the character whose lead byte is at `lead` (lead[1] must be readable): 0,
  // kFoldsAway, or the ASCII bytes it folds to, from the low byte up, with their count (1 or 2)
  // in bits 16 and up.
  uint32_t folds(const unsigned char* lead) const {
    if (lead[0] < 0xC2 || lead[0] > 0xDF || (lead[1] & 0xC0) != 0x80) return 0;
    return entries_.empty() ? 0 : entries_[((lead[0] & 0x1Fu) << 6) | (lead[1] & 0x3Fu)];
  }
  static uint32_t count(uint32_t letters) { return letters >> 16; }

 private:
  std::vector<uint32_t> entries_;  // by the character's 11 bits
};

}  // namespace onoma::automaton
