// The parts of folding, as independent bits. The values are those of the public
// ONOMA_FOLD_* constants (the C API checks this at compile time).
#pragma once

#include <cstdint>

namespace onoma::unicode {

enum FoldFlag : uint32_t {
  kFoldCanonical = 1u << 0,      // canonical decomposition (NFD): NFC and NFD text agree
  kFoldCompatibility = 1u << 1,  // compatibility decomposition (NFKD): ﬁ→fi, Ｕ→U, ²→2
  kFoldCase = 1u << 2,           // full Unicode case folding: ß→ss, Σ→σ, İ→i̇
  kFoldMarks = 1u << 3,          // diacritic marks removed, plus ø→o, ł→l, æ→ae...
  kFoldPunctuation = 1u << 4,    // dashes → '-', typographic quotes → ' and "
  kFoldWhiteSpace = 1u << 5,     // any run of white space → one space
  kFoldIgnorables = 1u << 6,     // default-ignorable code points dropped
};

inline constexpr uint32_t kFoldAll = (1u << 7) - 1;
inline constexpr uint32_t kFoldDefault = kFoldAll;
inline constexpr uint32_t kFoldExact = 0;

inline bool decomposes(uint32_t options) {
  return (options & (kFoldCanonical | kFoldCompatibility)) != 0;
}

}  // namespace onoma::unicode
