// Checks of a scan's output that need nothing but the text: offsets, units and order. Shared by
// the targets that scan through the internals and the one that scans through the C API, so
// both hold the library to the same statement of the contract (DESIGN.md §2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace onoma::fuzz {

enum class Units { kBytes, kCodePoints, kUtf16 };

// A match as either interface reports it.
struct Span {
  uint64_t start;
  uint64_t end;
  uint64_t unit_start;
  uint64_t unit_end;
  uint32_t entity;
  uint32_t alias;
  bool ambiguous;
};

// For every span: 0 <= start < end <= size, both on code point boundaries, unit offsets equal
// to the units counted before them (an ill-formed byte counts as one U+FFFD). Across spans:
// with `longest`, spans strictly ordered and disjoint; else ordered by start then end. A span
// repeated means several entities share it: each entity once, and every copy (and only such
// copies) flagged ambiguous.
void check_spans(std::string_view text, const std::vector<Span>& spans, bool longest,
                 Units unit);

}  // namespace onoma::fuzz
