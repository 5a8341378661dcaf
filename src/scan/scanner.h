// Finds the mentions of a gazetteer's aliases in text (DESIGN.md §2): folds the text cluster
// by cluster on the fly, walks the trie from every position where a match may start, checks
// boundaries and case, and applies the policy. Matches go to a callback as they are decided,
// in order, so output never has to be held whole.
#pragma once

#include <absl/functional/function_ref.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "automaton/trie.h"
#include "gazetteer/gazetteer.h"
#include "unicode/offset_units.h"

namespace onoma::scan {

enum class Policy { kLongest = 0, kAll = 1 };    // values of ONOMA_POLICY_*
enum class Boundary { kWord = 0, kNone = 1 };    // values of ONOMA_BOUNDARY_*

struct ScanOptions {
  Policy policy = Policy::kLongest;
  Boundary boundary = Boundary::kWord;
  unicode::OffsetUnit unit = unicode::OffsetUnit::kBytes;  // for unit_start / unit_end
};

struct Match {
  uint64_t start;  // bytes into the original text, end exclusive
  uint64_t end;
  uint64_t unit_start;  // the same in ScanOptions::unit
  uint64_t unit_end;
  uint32_t entity;
  uint32_t alias;
  bool ambiguous;  // other entities share exactly this span
};

// Per-thread working memory, reused across scans so that scanning does not allocate once warm.
class Scratch {
 public:
  struct Candidate {
    size_t end;
    automaton::Trie::State state;
    bool last_cluster_is_word;
    bool next_cluster_is_word;
  };
  struct Accepted {
    uint32_t entity;
    uint32_t alias;
  };

 private:
  friend class Scanner;
  std::vector<Candidate> candidates_;
  std::vector<Accepted> accepted_;
  std::string case_check_;
};

// Receives each match; returns false to stop the scan.
using MatchSink = absl::FunctionRef<bool(const Match&)>;

// Scans `text`; returns false when the sink stopped it.
bool scan(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
          std::string_view text, Scratch& scratch, MatchSink sink);

}  // namespace onoma::scan
