// An index from strings to the numbers 0 to count - 1 that stand for them, when the strings
// are kept elsewhere and never change: the numbers sorted by their strings, packed at the
// width `count` needs, and searched by halving. A lookup compares about log2(count) strings
// (18 for 200,000); the index takes log2(count) bits per number, where a hash set of the
// numbers took 4 bytes each plus its slack (6.6 bytes per entity of the 900k-alias gazetteer).
// For lookups that the API makes one at a time (an entity by its id), never a scan.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>
#include <utility>
#include <vector>

#include "automaton/packed_array.h"

namespace onoma::gazetteer {

template <typename Owner, std::string_view (Owner::*kName)(uint32_t) const>
class SortedStringIndex {
 public:
  SortedStringIndex() = default;
  // The index of numbers 0 to count - 1, whose strings `owner` gives; no two may be equal.
  SortedStringIndex(const Owner& owner, uint32_t count)
      : sorted_(count == 0 ? 0 : count - 1) {
    // Each string read once, not at every comparison of the sort.
    std::vector<std::pair<std::string_view, uint32_t>> named;
    named.reserve(count);
    for (uint32_t number = 0; number < count; ++number) {
      named.emplace_back((owner.*kName)(number), number);
    }
    std::sort(named.begin(), named.end());
    sorted_.reserve(count);
    for (const auto& entry : named) sorted_.push_back(entry.second);
  }

  std::optional<uint32_t> find(const Owner& owner, std::string_view name) const {
    size_t first = 0;
    size_t end = sorted_.size();
    while (first < end) {
      const size_t middle = first + (end - first) / 2;
      const uint32_t number = sorted_[middle];
      const int order = (owner.*kName)(number).compare(name);
      if (order == 0) return number;
      if (order < 0) {
        first = middle + 1;
      } else {
        end = middle;
      }
    }
    return std::nullopt;
  }
  size_t memory_usage() const { return sorted_.memory_usage(); }

 private:
  automaton::PackedArray sorted_;
};

}  // namespace onoma::gazetteer
