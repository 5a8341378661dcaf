// The compiled search structure: a trie over folded UTF-8 bytes, held in flat arrays of
// indices (no pointers), so it can later be written to disk and mapped as is. Nodes are in
// breadth-first order; the children of a node are contiguous and sorted by byte, and so are
// the values (alias numbers) of the keys that end at a node.
//
// Each node also has Aho-Corasick links: its failure link (the longest proper suffix of its
// key prefix that is itself a node) and its output link (the nearest node along the failure
// chain where some key ends). With them the scanner reads every byte of the text once, however
// long the keys and however often the text repeats them.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

namespace onoma::automaton {

class Trie {
 public:
  using State = uint32_t;
  static constexpr State kRoot = 0;
  static constexpr State kDead = UINT32_MAX;

  struct Entry {
    std::string key;
    uint32_t value;
  };

  Trie();
  // Builds the trie of `entries` (reordered in place). Equal (key, value) pairs count once.
  static Trie build(std::vector<Entry>& entries);

  State step(State state, unsigned char byte) const {
    if (state == kRoot) return root_child_[byte];
    const Node& node = nodes_[state];
    const Node* child = nodes_.data() + node.first_child;
    const Node* end = child + node.child_count;
    for (; child != end; ++child) {
      if (child->label == byte) return static_cast<State>(child - nodes_.data());
      if (child->label > byte) break;
    }
    return kDead;
  }

  // Calls f(child, byte) for each child of `state`, in byte order.
  template <class F>
  void for_each_child(State state, F f) const {
    const Node& node = nodes_[state];
    for (State child = node.first_child; child < node.first_child + node.child_count; ++child) {
      f(child, nodes_[child].label);
    }
  }

  // The length in bytes of the key prefix that `state` stands for.
  uint32_t depth(State state) const { return links_[state].depth; }
  // The longest proper suffix of `state`'s prefix that is a node (the root for none).
  State failure(State state) const { return links_[state].failure; }
  // The nearest node along the failure chain (not `state` itself) with values, or kDead.
  State output(State state) const { return links_[state].output; }
  // The length of the longest key.
  uint32_t max_depth() const { return max_depth_; }

  // The values of the keys that end exactly at `state`, ascending.
  std::pair<const uint32_t*, const uint32_t*> values(State state) const {
    return {values_.data() + nodes_[state].value_begin,
            values_.data() + nodes_[state + 1].value_begin};
  }
  bool has_values(State state) const {
    return nodes_[state].value_begin != nodes_[state + 1].value_begin;
  }

  size_t node_count() const { return nodes_.size() - 1; }
  size_t memory_usage() const;

 private:
  struct Node {
    uint32_t first_child;
    uint32_t value_begin;
    uint16_t child_count;
    uint8_t label;
  };

  struct Links {
    uint32_t depth;
    State failure;
    State output;
  };

  void link();

  std::vector<Node> nodes_;  // plus one sentinel that ends the last node's values
  std::vector<Links> links_;  // one per node, no sentinel
  uint32_t max_depth_ = 0;
  std::vector<uint32_t> values_;
  std::array<State, 256> root_child_;
};

}  // namespace onoma::automaton
