#include "span_checks.h"

#include <algorithm>
#include <string>

#include "fuzz_support.h"

namespace onoma::fuzz {
namespace {

std::string describe(const Span& s) {
  return "[" + std::to_string(s.start) + ", " + std::to_string(s.end) + ") entity " +
         std::to_string(s.entity) + " alias " + std::to_string(s.alias) +
         (s.ambiguous ? " ambiguous" : "");
}

// Spans [begin, end) share one (start, end).
void check_group(const std::vector<Span>& spans, size_t begin, size_t end) {
  std::vector<uint32_t> entities;
  for (size_t i = begin; i < end; ++i) {
    ONOMA_FUZZ_CHECK(spans[i].ambiguous == (end - begin > 1),
                     "ambiguous flag does not say whether the span is shared: " +
                         describe(spans[i]) + ", " + std::to_string(end - begin) + " match(es)");
    entities.push_back(spans[i].entity);
  }
  std::sort(entities.begin(), entities.end());
  ONOMA_FUZZ_CHECK(std::adjacent_find(entities.begin(), entities.end()) == entities.end(),
                   "one span reported twice for the same entity: " + describe(spans[begin]));
}

}  // namespace

void check_spans(std::string_view text, const std::vector<Span>& spans, bool longest,
                 Units unit) {
  if (spans.empty()) return;
  const std::vector<bool> boundary = code_point_boundaries(text);
  // units_before[i]: the units of text[0, i), wherever i is a boundary.
  std::vector<uint64_t> units_before(text.size() + 1, 0);
  for (size_t pos = 0; pos < text.size();) {
    const size_t sequence = well_formed_length(text, pos);
    const size_t next = pos + (sequence == 0 ? 1 : sequence);
    const uint64_t units = unit == Units::kBytes ? next - pos
                           : unit == Units::kUtf16 && sequence == 4 ? 2 : 1;
    units_before[next] = units_before[pos] + units;
    pos = next;
  }
  size_t group_begin = 0;
  for (size_t i = 0; i < spans.size(); ++i) {
    const Span& s = spans[i];
    ONOMA_FUZZ_CHECK(s.start < s.end && s.end <= text.size(),
                     "span out of range: " + describe(s) + " in " +
                         std::to_string(text.size()) + " bytes");
    ONOMA_FUZZ_CHECK(boundary[s.start] && boundary[s.end],
                     "span cuts a UTF-8 sequence: " + describe(s) + " " +
                         printable(text.substr(s.start, s.end - s.start)));
    ONOMA_FUZZ_CHECK(s.unit_start == units_before[s.start] && s.unit_end == units_before[s.end],
                     "unit offsets " + std::to_string(s.unit_start) + ".." +
                         std::to_string(s.unit_end) + " wrong for " + describe(s));
    if (i == 0) continue;
    const Span& previous = spans[i - 1];
    if (previous.start == s.start && previous.end == s.end) continue;
    check_group(spans, group_begin, i);
    group_begin = i;
    if (longest) {
      ONOMA_FUZZ_CHECK(previous.end <= s.start,
                       "longest: spans overlap or go backwards: " + describe(previous) +
                           " then " + describe(s));
    } else {
      ONOMA_FUZZ_CHECK(previous.start < s.start ||
                           (previous.start == s.start && previous.end < s.end),
                       "all: spans not ordered by start then end: " + describe(previous) +
                           " then " + describe(s));
    }
  }
  check_group(spans, group_begin, spans.size());
}

}  // namespace onoma::fuzz
