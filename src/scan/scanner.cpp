#include "scan/scanner.h"

#include <optional>

#include "unicode/cluster_reader.h"
#include "unicode/fold_table.h"

namespace onoma::scan {

class Scanner {
 public:
  Scanner(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
          std::string_view text, Scratch& scratch, MatchSink sink)
      : gazetteer_(gazetteer),
        trie_(gazetteer.trie()),
        options_(options),
        text_(text),
        scratch_(scratch),
        sink_(sink),
        reader_(gazetteer.fold_table()),
        starts_(text.data(), options.unit) {
    if (const unicode::FoldTable* table = gazetteer.case_keeping_fold_table()) {
      case_reader_.emplace(*table);
    }
  }

  bool run();

 private:
  void collect_candidates(const unicode::Cluster& first);
  // Fills scratch_.accepted_ with one alias per entity valid for [start, candidate.end).
  void accept(size_t start, bool previous_is_word, const Scratch::Candidate& candidate);
  bool case_matches(const gazetteer::AliasRecord& alias, size_t start, size_t end);
  bool emit(size_t start, size_t end);

  const gazetteer::Gazetteer& gazetteer_;
  const automaton::Trie& trie_;
  const ScanOptions& options_;
  std::string_view text_;
  Scratch& scratch_;
  MatchSink sink_;
  unicode::ClusterReader reader_;
  std::optional<unicode::ClusterReader> case_reader_;  // when some alias is case-sensitive
  unicode::OffsetCounter starts_;
};

// Walks the trie from `first` as far as the folded text allows, recording every cluster end
// where some alias ends, with what the boundary check needs to know about its neighbours.
void Scanner::collect_candidates(const unicode::Cluster& first) {
  scratch_.candidates_.clear();
  automaton::Trie::State state = automaton::Trie::kRoot;
  unicode::Cluster cluster = first;
  bool awaiting_next_cluster = false;
  while (true) {
    for (size_t i = 0; i < cluster.folded_length && state != automaton::Trie::kDead; ++i) {
      state = trie_.step(state, static_cast<unsigned char>(cluster.folded[i]));
    }
    if (state == automaton::Trie::kDead) break;
    if (trie_.has_values(state)) {
      scratch_.candidates_.push_back({cluster.end, state, cluster.word, false});
      awaiting_next_cluster = true;
    }
    if (cluster.end >= text_.size()) break;
    cluster = reader_.read(text_.data(), text_.size(), cluster.end);
    if (awaiting_next_cluster) {
      scratch_.candidates_.back().next_cluster_is_word = cluster.word;
      awaiting_next_cluster = false;
    }
  }
}

bool Scanner::case_matches(const gazetteer::AliasRecord& alias, size_t start, size_t end) {
  unicode::fold_span(*case_reader_, text_.data(), start, end, scratch_.case_check_);
  return scratch_.case_check_ == gazetteer_.text(alias.case_key);
}

void Scanner::accept(size_t start, bool previous_is_word,
                     const Scratch::Candidate& candidate) {
  scratch_.accepted_.clear();
  const bool word_boundaries = options_.boundary == Boundary::kWord;
  const auto [first, last] = trie_.values(candidate.state);
  for (const uint32_t* it = first; it != last; ++it) {
    const gazetteer::AliasRecord& alias = gazetteer_.alias(*it);
    // Aliases are numbered entity by entity: one alias per entity is enough.
    if (!scratch_.accepted_.empty() && scratch_.accepted_.back().entity == alias.entity) continue;
    if (word_boundaries && alias.word_start && previous_is_word) continue;
    if (word_boundaries && alias.word_end && candidate.next_cluster_is_word) continue;
    if (alias.case_sensitive && !case_matches(alias, start, candidate.end)) continue;
    scratch_.accepted_.push_back({alias.entity, *it});
  }
}

bool Scanner::emit(size_t start, size_t end) {
  const uint64_t unit_start = starts_.convert(start);
  const uint64_t unit_end =
      unit_start + unicode::count_units(text_.data() + start, end - start, options_.unit);
  const bool ambiguous = scratch_.accepted_.size() > 1;
  for (const Scratch::Accepted& accepted : scratch_.accepted_) {
    if (!sink_(Match{start, end, unit_start, unit_end, accepted.entity, accepted.alias, ambiguous})) {
      return false;
    }
  }
  return true;
}

bool Scanner::run() {
  size_t pos = 0;
  bool previous_is_word = false;
  while (pos < text_.size()) {
    const unicode::Cluster cluster = reader_.read(text_.data(), text_.size(), pos);
    const size_t cluster_end = cluster.end;
    const bool cluster_is_word = cluster.word;
    // Inside a word, only an alias that starts with a non-word character could match; when
    // the folded cluster starts with a word character there is none to look for.
    const bool may_start = cluster.folded_length > 0 &&
                           (options_.boundary == Boundary::kNone || !previous_is_word ||
                            !cluster.folded_starts_word);
    if (may_start) {
      collect_candidates(cluster);
      if (options_.policy == Policy::kAll) {
        for (const Scratch::Candidate& candidate : scratch_.candidates_) {
          accept(pos, previous_is_word, candidate);
          if (!scratch_.accepted_.empty() && !emit(pos, candidate.end)) return false;
        }
      } else {
        // Leftmost-longest: the longest valid candidate here wins and the scan resumes after it.
        for (auto it = scratch_.candidates_.rbegin(); it != scratch_.candidates_.rend(); ++it) {
          accept(pos, previous_is_word, *it);
          if (scratch_.accepted_.empty()) continue;
          if (!emit(pos, it->end)) return false;
          pos = it->end;
          previous_is_word = it->last_cluster_is_word;
          break;
        }
        if (pos != cluster.begin) continue;
      }
    }
    pos = cluster_end;
    previous_is_word = cluster_is_word;
  }
  return true;
}

bool scan(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
          std::string_view text, Scratch& scratch, MatchSink sink) {
  return Scanner(gazetteer, options, text, scratch, sink).run();
}

}  // namespace onoma::scan
