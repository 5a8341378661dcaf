#include "automaton/word_bytes.h"

namespace onoma::automaton {

TwoByteLetters TwoByteLetters::build(const unicode::FoldTable& table) {
  using unicode::FoldEntry;
  TwoByteLetters letters;
  letters.entries_.assign(0x800, 0);
  for (char32_t code_point = 0x80; code_point < 0x800; ++code_point) {
    const FoldEntry& entry = table.entry(code_point);
    if (entry.folds_away() && !entry.has(FoldEntry::kWhiteSpace)) {
      letters.entries_[code_point] = kFoldsAway;
      continue;
    }
    if (!entry.has(FoldEntry::kWord) || entry.has(FoldEntry::kMark) ||
        entry.has(FoldEntry::kIdentity) || entry.length == 0 || entry.length > 2) {
      continue;
    }
    const auto* folded = reinterpret_cast<const unsigned char*>(table.folded_bytes(entry));
    uint32_t packed = uint32_t{entry.length} << 16;
    bool ascii_word = true;
    for (unsigned i = 0; i < entry.length; ++i) {
      ascii_word = ascii_word && is_ascii_letter_or_digit(folded[i]);
      packed |= uint32_t{folded[i]} << (8 * i);
    }
    if (ascii_word) letters.entries_[code_point] = packed;
  }
  return letters;
}

}  // namespace onoma::automaton
