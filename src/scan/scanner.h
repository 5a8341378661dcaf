// Finds the mentions of a gazetteer's aliases in text (DESIGN.md §2). The text is folded
// cluster by cluster on the fly and fed once, byte by byte, to the trie's Aho-Corasick
// automaton, which follows every walk that began where a match may start (in word mode, word
// starts). Candidates are checked for boundaries and case, then held until no live walk can
// change the policy's choice, and go to a callback in order. Time is linear in the text plus
// the number of alias keys found in it; memory is bounded by the longest key, never by the
// text or the output.
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

// Where a scan begins. A scan that resumes at some match's start (with that match's unit_start
// and after_word) reports exactly the matches of a whole scan from that one on, which is how
// callers page through output too large to take at once.
struct ScanStart {
  uint64_t offset = 0;       // a byte offset on a cluster boundary
  uint64_t unit_offset = 0;  // the same in ScanOptions::unit
  bool after_word = false;   // the cluster before `offset` is a word character
};

struct Match {
  uint64_t start;  // bytes into the original text, end exclusive
  uint64_t end;
  uint64_t unit_start;  // the same in ScanOptions::unit
  uint64_t unit_end;
  uint32_t entity;
  uint32_t alias;
  bool ambiguous;   // other entities share exactly this span
  bool after_word;  // the cluster before `start` is a word character
};

// Per-thread working memory, reused across scans so that scanning does not allocate once warm.
class Scratch {
 private:
  friend class Scanner;

  // An alias key that ends at a cluster end, waiting for the next cluster (the boundary check).
  struct Candidate {
    uint64_t start_position;  // folded positions
    uint64_t end_position;
    size_t start;             // original bytes
    size_t end;
    automaton::Trie::State state;
    bool after_word;
  };
  // A span that passed the checks, with its accepted aliases (one per entity) in `accepted_`.
  struct Span {
    uint64_t start_position;
    uint64_t end_position;
    size_t start;
    size_t end;
    uint32_t first_accepted;
    uint32_t accepted_count;
    bool after_word;
  };
  struct Accepted {
    uint32_t entity;
    uint32_t alias;
  };

  std::vector<uint64_t> ring_;  // per folded position of the window: see scanner.cpp
  std::vector<Candidate> candidates_;
  // The spans waiting to be emitted. Policy all: every one, in spans_, a min-heap by
  // (start_position, end_position). Policy longest: only the longest of each start matters,
  // so there is one per start, in longest_at_ (a slot per folded position of the window, as
  // ring_), and their starts in waiting_starts_, a min-heap.
  std::vector<Span> spans_;
  std::vector<Span> longest_at_;
  std::vector<uint64_t> waiting_starts_;
  std::vector<Accepted> accepted_;
  size_t live_accepted_ = 0;    // entries of accepted_ that waiting spans still refer to
  std::vector<Accepted> compacted_;
  std::string case_check_;
  std::string pending_token_;  // word index: room for the folded word read so far (scanner.cpp)
};

// Receives each match; returns false to stop the scan.
using MatchSink = absl::FunctionRef<bool(const Match&)>;

// Why a gazetteer built with the word index refuses a scan without word boundaries: a key of
// it can only match whole tokens (gazetteer::KeyIndex).
inline constexpr const char* kWordIndexNeedsWordBoundaries =
    "a gazetteer built with the word index is scanned with word boundaries only";

// Scans `text` from `start`; returns false when the sink stopped it. Throws
// std::invalid_argument for a scan without word boundaries of a gazetteer built with the word
// index.
bool scan(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
          std::string_view text, const ScanStart& start, Scratch& scratch, MatchSink sink);

inline bool scan(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
                 std::string_view text, Scratch& scratch, MatchSink sink) {
  return scan(gazetteer, options, text, ScanStart{}, scratch, sink);
}

}  // namespace onoma::scan
