#include "scan_checks.h"

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "fuzz_support.h"
#include "span_checks.h"
#include "unicode/cluster_reader.h"

namespace onoma::fuzz {
namespace {

using scan::Boundary;
using scan::Match;
using scan::Policy;

// The text cut into clusters from its start, as the scanner reads it.
class Clusters {
 public:
  Clusters(const unicode::FoldTable& table, std::string_view text)
      : index_at_(text.size() + 1, -1) {
    unicode::ClusterReader reader(table);
    for (size_t pos = 0; pos < text.size();) {
      const unicode::Cluster c = reader.read(text.data(), text.size(), pos);
      ONOMA_FUZZ_CHECK(c.end > pos && c.end <= text.size(), "cluster reader did not advance");
      index_at_[pos] = static_cast<int>(clusters_.size());
      clusters_.push_back({c.begin, c.end, c.word, std::string(c.folded, c.folded_length)});
      pos = c.end;
    }
    index_at_[text.size()] = static_cast<int>(clusters_.size());
  }

  bool is_boundary(size_t offset) const { return index_at_[offset] >= 0; }
  // The folded clusters of [start, end), both boundaries, joined.
  std::string folded(size_t start, size_t end) const {
    std::string out;
    for (int i = index_at_[start]; i < index_at_[end]; ++i) out += clusters_[i].folded;
    return out;
  }
  bool word_before(size_t offset) const {
    return index_at_[offset] > 0 && clusters_[index_at_[offset] - 1].word;
  }
  bool word_at(size_t offset) const {
    const auto i = static_cast<size_t>(index_at_[offset]);
    return i < clusters_.size() && clusters_[i].word;
  }

 private:
  struct Entry {
    size_t begin;
    size_t end;
    bool word;
    std::string folded;
  };
  std::vector<Entry> clusters_;
  std::vector<int> index_at_;  // byte offset → cluster starting there, or -1
};

std::string describe(const gazetteer::Gazetteer& g, std::string_view text, const Match& m) {
  return "match [" + std::to_string(m.start) + ", " + std::to_string(m.end) + ") " +
         printable(text.substr(m.start, m.end - m.start)) + " alias " +
         std::to_string(m.alias) + " " + printable(g.text(g.alias_text(m.alias)));
}

Units units_of(unicode::OffsetUnit unit) {
  switch (unit) {
    case unicode::OffsetUnit::kBytes: return Units::kBytes;
    case unicode::OffsetUnit::kCodePoints: return Units::kCodePoints;
    case unicode::OffsetUnit::kUtf16: return Units::kUtf16;
  }
  return Units::kBytes;
}

std::vector<Match> run(const gazetteer::Gazetteer& g, std::string_view text, Policy policy,
                       Boundary boundary, unicode::OffsetUnit unit) {
  std::vector<Match> matches;
  scan::Scratch scratch;
  const bool finished = scan::scan(g, scan::ScanOptions{policy, boundary, unit}, text, scratch,
                                   [&](const Match& m) {
                                     matches.push_back(m);
                                     return true;
                                   });
  ONOMA_FUZZ_CHECK(finished, "scan stopped though the sink never asked");
  std::vector<Span> spans;
  for (const Match& m : matches) {
    spans.push_back({m.start, m.end, m.unit_start, m.unit_end, m.entity, m.alias, m.ambiguous});
  }
  check_spans(text, spans, policy == Policy::kLongest, units_of(unit));
  return matches;
}

void check_match(const gazetteer::Gazetteer& g, std::string_view text, const Clusters& clusters,
                 Boundary boundary, const Match& m) {
  ONOMA_FUZZ_CHECK(m.alias < g.alias_count(), "alias number out of range");
  const gazetteer::AliasRecord& alias = g.alias(m.alias);
  ONOMA_FUZZ_CHECK(alias.entity == m.entity, "match entity is not its alias's entity");
  const std::string what = describe(g, text, m);
  ONOMA_FUZZ_CHECK(clusters.is_boundary(m.start) && clusters.is_boundary(m.end),
                   "match is not on cluster boundaries: " + what);

  const std::string_view alias_text = g.text(g.alias_text(m.alias));
  const std::string_view span = text.substr(m.start, m.end - m.start);
  const std::string key =
      unicode::fold_string(g.fold_table(), alias_text.data(), alias_text.size());
  const std::string span_folded = clusters.folded(m.start, m.end);
  ONOMA_FUZZ_CHECK(span_folded == key, what + ": text folds to " + printable(span_folded) +
                                           ", alias to " + printable(key));
  const std::string span_as_string = unicode::fold_string(g.fold_table(), span.data(), span.size());
  ONOMA_FUZZ_CHECK(span_as_string == key,
                   what + ": fold_string gives " + printable(span_as_string) + " and " +
                       printable(key));

  if (alias.case_sensitive) {
    const unicode::FoldTable* case_table = g.case_keeping_fold_table();
    ONOMA_FUZZ_CHECK(case_table != nullptr, "case-sensitive alias without a case-keeping table");
    // The part of the alias its key covers, and the matched text, folded but for case.
    const auto [begin, end] =
        unicode::folded_extent(g.fold_table(), alias_text.data(), alias_text.size());
    unicode::ClusterReader reader(*case_table);
    std::string alias_case;
    unicode::fold_span(reader, alias_text.data(), begin, end, alias_case);
    std::string span_case;
    unicode::fold_span(reader, text.data(), m.start, m.end, span_case);
    ONOMA_FUZZ_CHECK(span_case == alias_case,
                     what + ": case-sensitive alias, but without case folding the text is " +
                         printable(span_case) + " and the alias " + printable(alias_case));
  }
  if (boundary == Boundary::kWord) {
    ONOMA_FUZZ_CHECK(!(alias.word_start && clusters.word_before(m.start)),
                     what + ": word character just before an alias that starts with one");
    ONOMA_FUZZ_CHECK(!(alias.word_end && clusters.word_at(m.end)),
                     what + ": word character just after an alias that ends with one");
  }
}

// What `longest` must report, given all matches: from left to right, at the first start not
// covered by the previous choice, the longest span, with every entity that has it.
std::vector<Match> leftmost_longest(const std::vector<Match>& all) {
  std::vector<Match> chosen;
  uint64_t covered_until = 0;
  for (size_t i = 0; i < all.size();) {
    size_t j = i;
    while (j < all.size() && all[j].start == all[i].start) ++j;
    if (all[i].start >= covered_until) {
      const uint64_t end = all[j - 1].end;
      for (size_t k = i; k < j; ++k) {
        if (all[k].end == end) chosen.push_back(all[k]);
      }
      covered_until = end;
    }
    i = j;
  }
  return chosen;
}

auto key_of(const Match& m) {
  return std::make_tuple(m.start, m.end, m.entity, m.alias, m.ambiguous);
}

}  // namespace

void check_scan(const gazetteer::Gazetteer& g, std::string_view text, Boundary boundary,
                unicode::OffsetUnit unit) {
  const std::vector<Match> all = run(g, text, Policy::kAll, boundary, unit);
  const std::vector<Match> longest = run(g, text, Policy::kLongest, boundary, unit);
  const Clusters clusters(g.fold_table(), text);
  for (const Match& m : all) check_match(g, text, clusters, boundary, m);

  const std::vector<Match> expected = leftmost_longest(all);
  bool same = expected.size() == longest.size();
  for (size_t i = 0; same && i < expected.size(); ++i) {
    same = key_of(expected[i]) == key_of(longest[i]);
  }
  ONOMA_FUZZ_CHECK(same, "longest (" + std::to_string(longest.size()) +
                             " matches) is not the leftmost-longest choice from all (" +
                             std::to_string(expected.size()) + " expected)");

  if (boundary == Boundary::kWord) {
    std::vector<std::tuple<uint64_t, uint64_t, uint32_t>> unbounded;
    for (const Match& m : run(g, text, Policy::kAll, Boundary::kNone, unit)) {
      unbounded.emplace_back(m.start, m.end, m.entity);
    }
    std::sort(unbounded.begin(), unbounded.end());
    for (const Match& m : all) {
      ONOMA_FUZZ_CHECK(std::binary_search(unbounded.begin(), unbounded.end(),
                                          std::make_tuple(m.start, m.end, m.entity)),
                       describe(g, text, m) + ": found with word boundaries, not without");
    }
  }
}

}  // namespace onoma::fuzz
