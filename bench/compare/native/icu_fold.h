// What a user must do today to get onoma's folding from ICU: NFKC_Casefold, combining
// marks removed, and a map from every folded byte back to the original text.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace bench {

// For folded byte j: the original bytes [start[j], end[j]) of the normalization segment it
// came from. A match [fs, fe) in folded text is [start[fs], end[fe - 1]) in the original:
// exact to the segment (a match inside one expanded character, "s" of "ß" → "ss", takes
// the whole character).
struct OffsetMap {
  std::vector<std::uint32_t> start, end;
};

class IcuFolder {
 public:
  // ICU's "nfkc_cf" data (that of Normalizer2::getNFKCCasefoldInstance) in decompose mode:
  // NFD(NFKC_Casefold(x)) in one pass, so that the marks come out separate and can be
  // dropped as they are appended.
  IcuFolder();

  // Appends the folding of `text` to `out`, and the origin of every appended byte to `map`
  // when it is not null. Texts up to 4 GiB (32-bit offsets).
  void fold(std::string_view text, std::string& out, OffsetMap* map) const;

 private:
  const icu::Normalizer2* normalizer_;
  mutable icu::UnicodeString segment_, folded_;  // reused: no allocation per segment
};

}  // namespace bench
