// The output links that Trie::link finds, node by node in the order of their depth, before
// the trie stores them by rank in node order.
//
// Past kMapAbove nodes they go in a map of the nodes that have one, as most have none there
// (4,227 of the 219 million nodes of the synthetic 10M aliases), where an array of them all
// would take that build 767 MB. Below, an array is the faster: large_realistic (4.25 million
// nodes, 35% with a link) builds 0.3 s sooner.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "automaton/packed_array.h"
#include "automaton/trie.h"

namespace onoma::automaton {

class FoundOutputs {
 public:
  using State = Trie::State;
  static constexpr State kDead = Trie::kDead;

  static constexpr size_t kMapAbove = size_t{1} << 25;

  // For nodes 0 to count - 1 (count >= 1); `map_above` is for tests.
  explicit FoundOutputs(size_t count, size_t map_above = kMapAbove)
      : found_(count, false), in_map_(count > map_above) {
    if (in_map_) return;
    array_ = PackedArray(static_cast<uint32_t>(count - 1));
    array_.resize(count);
  }
  void set(State node, State output) {
    found_[node] = true;
    if (in_map_) {
      map_.insert_or_assign(node, output);
    } else {
      array_.set(node, output);
    }
  }
  // kDead for none.
  State get(State node) const {
    if (!found_[node]) return kDead;
    return in_map_ ? map_.find(node)->second : array_[node];
  }

 private:
  std::vector<bool> found_;
  bool in_map_;
  PackedArray array_;
  absl::flat_hash_map<State, State> map_;
};

}  // namespace onoma::automaton
