// The ICU pipeline, "what a user must do today to get onoma's folding": fold aliases and text
// with ICU (IcuFolder: NFKC_Casefold, marks removed, offset map), match the folded text with
// the best native matcher here (a Hyperscan literal database with HS_FLAG_SOM_LEFTMOST,
// case-sensitive since both sides are folded already; taking the start from the literal's
// length without SOM was no faster on 200k aliases), map every match back to the original.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "icu_fold.h"
#include "literal_database.h"
#include "same_answer.h"

namespace bench {

class IcuPipeline {
 public:
  // Folds the distinct `aliases` ("Paris" and "PARIS" fold alike) and compiles them.
  explicit IcuPipeline(const std::vector<std::string>& aliases);

  std::size_t folded_aliases() const { return folded_aliases_; }
  double fold_aliases_seconds() const { return fold_aliases_seconds_; }
  const LiteralDatabase& database() const { return database_; }

  // The first half of a scan: folds `text` into the pipeline's buffers.
  void fold(std::string_view text);
  // The second half: matches the folded text and appends the matches, mapped back to the
  // original text, to `out`; returns how many it appended.
  std::size_t match(std::vector<Span>& out);
  std::size_t folded_bytes() const { return folded_text_.size(); }

 private:
  // The distinct foldings of `aliases`, timed into fold_aliases_seconds_.
  std::vector<std::string> fold_distinct(const std::vector<std::string>& aliases);

  IcuFolder folder_;
  double fold_aliases_seconds_ = 0;
  std::size_t folded_aliases_ = 0;
  LiteralDatabase database_;
  std::string folded_text_;
  OffsetMap map_;
  std::vector<Span> found_;
};

}  // namespace bench
