// The compiled search structure: a trie over folded UTF-8 bytes, held in flat arrays of
// indices (no pointers), so it can later be written to disk and mapped as is.
//
// Each node also has Aho-Corasick links: its failure link (the longest proper suffix of its
// key prefix that is itself a node) and its output link (the nearest node along the failure
// chain where some key ends). With them the scanner reads every byte of the text once, however
// long the keys and however often the text repeats them.
//
// Two kinds of node, numbered apart:
// - The branching part: every node with more than one distinct key below it (or at it), and
//   each tail's head, the topmost node with one. They are numbered breadth-first, so the
//   children of a node are contiguous and sorted by byte, and so are the values (alias
//   numbers) of the keys that end at a node. A node's byte label and where its children begin
//   share one packed entry: a step reads the children's labels, and the entry of the child it
//   takes then holds where the next step looks, so a step down a trie far bigger than the
//   caches costs one cache miss, not two. (Children end where the next node's begin, since
//   breadth-first order numbers the children of consecutive nodes consecutively.) The depth
//   is not stored: nodes are numbered level by level, so it is the number of levels that begin
//   at or before a node.
// - Tails: below a head, the rest of its one key is a single path, numbered node after node
//   after the branching part, one tail after another in the order of their heads. Such a node
//   keeps only its byte label: its child is the next node unless that begins the next tail,
//   and its depth is its number minus one offset per tail. Most nodes of a large gazetteer are
//   tails (70% of large_realistic's, 92% of the synthetic 10M aliases'); a step along one reads
//   the next byte of the same array.
// Then the failure link: for every node of the branching part; for a tail node only where it
// cannot be found cheaply from its parent's (see kFailureStored), which leaves 7% of
// large_realistic's tail nodes with one stored. Fields that most nodes lack (values; the
// output links of the branching part) are kept only for the nodes that have them, found by
// rank. A tail node keeps whether it has an output link, and the link itself only where its
// failure link leads to another tail node without values: otherwise the link is that failure
// link or the output link there, found when a walk asks (3 MB of the 900k-alias gazetteer's
// 4.25 MB of output links were tail nodes', and finding them costs its scans of English text
// 0.7% more instructions). So finding one takes a failure link and one more read, never a
// walk down a chain of tail nodes (a key "aaa...a" of a million bytes). Node numbers are
// packed at the width the node count needs (23 bits for 4 million nodes).
#pragma once

#include <absl/functional/function_ref.h>

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "automaton/packed_array.h"
#include "automaton/ranked_bit_columns.h"
#include "automaton/sparse_bits.h"

namespace onoma::automaton {

class Trie {
 public:
  using State = uint32_t;
  static constexpr State kRoot = 0;
  static constexpr State kDead = UINT32_MAX;

  // 16 bytes, not the 24 of a string_view and a value: the 10M synthetic aliases' build holds
  // 10 million of them while it lays the trie out.
  struct Entry {
    Entry(std::string_view k, uint32_t v)
        : key_data(k.data()), key_size(checked_key_size(k)), value(v) {}
    Entry(const char* k, uint32_t v) : Entry(std::string_view(k), v) {}
    // The key is a view that build() reads: a temporary string would be gone by then.
    Entry(std::string&& k, uint32_t v) = delete;

    std::string_view key() const { return {key_data, key_size}; }

    const char* key_data;
    uint32_t key_size;
    uint32_t value;

   private:
    static uint32_t checked_key_size(std::string_view k) {
      if (k.size() > UINT32_MAX) throw std::length_error("trie key too long");
      return static_cast<uint32_t>(k.size());
    }
  };

  Trie() : Trie(SortedKeys()) {}
  // Builds the trie of `entries`. Equal (key, value) pairs count once.
  static Trie build(std::vector<Entry> entries);
  // The same, calling `keys_copied` as soon as the bytes that the keys view are no longer
  // read (early in the build), so that the caller can release them.
  static Trie build(std::vector<Entry> entries, absl::FunctionRef<void()> keys_copied);

  State step(State state, unsigned char byte) const {
    if (state == kRoot) return root_child_[byte];
    if (state >= branching_count_) return tail_step(state, byte);
    auto [first, end] = children(state);
    if (first == end) return has_tail(state) ? head_step(state, byte) : kDead;
    // The children are sorted by byte. Near the root a node has dozens (every letter after
    // "new "), where halving first costs fewer reads than going through them one by one.
    if (end - first > kLinearChildren) {
      if (end - first > kNarrowedChildren && !narrow_children(first, end, byte)) return kDead;
      while (end - first > kLinearChildren) {
        const State middle = first + (end - first) / 2;
        if (label(middle) > byte) {
          end = middle;
        } else {
          first = middle;
        }
      }
    }
    for (State child = first; child != end; ++child) {
      const unsigned char label = this->label(child);
      if (label == byte) return child;
      if (label > byte) break;
    }
    return kDead;
  }
  // step() goes through at most this many children one by one.
  static constexpr State kLinearChildren = 8;
  // Above this many, step() first narrows them down by their labels (narrow_children).
  static constexpr State kNarrowedChildren = 64;

  // Calls f(child, byte) for each child of `state`, in byte order.
  template <class F>
  void for_each_child(State state, F f) const {
    if (state >= branching_count_) {
      if (tail_goes_on(state)) f(state + 1, tail_label(state + 1));
      return;
    }
    const auto [first, end] = children(state);
    for (State child = first; child != end; ++child) f(child, label(child));
    if (first == end && has_tail(state)) {
      const State child = tail_start(state);
      f(child, tail_label(child));
    }
  }

  // The length in bytes of the key prefix that `state` stands for.
  uint32_t depth(State state) const {
    if (state < branching_count_) return branching_depth(state);
    return state - tail_offset_[tail_number(state)];
  }
  // The longest proper suffix of `state`'s prefix that is a node (the root for none).
  State failure(State state) const {
    return state < branching_count_ ? failures_[state] : tail_failure(state);
  }
  // The nearest node along the failure chain (not `state` itself) with values, or kDead.
  State output(State state) const {
    if (state < branching_count_) {
      return flags_.test(kHasOutput, state) ? outputs_[flags_.rank(kHasOutput, state)] : kDead;
    }
    if (!tail_outputs_.test(state - branching_count_)) return kDead;
    // Its failure link, or the output link there, unless that is another tail node's.
    const State failure = tail_failure(state);
    if (has_values(failure)) return failure;
    return failure < branching_count_ ? output(failure) : stored_tail_output(state);
  }
  // The length of the longest key.
  uint32_t max_depth() const { return max_depth_; }

  // Calls f(value) for each value of the keys that end exactly at `state`, ascending.
  template <class F>
  void for_each_value(State state, F f) const {
    if (!has_values(state)) return;
    // The valued nodes of the branching part come first, then one per tail: its last node.
    const size_t valued = state < branching_count_ ? flags_.rank(kValued, state)
                                                   : branching_valued_ + tail_number(state);
    f(first_values_[valued]);
    if (!more_values_flags_.test(0, valued)) return;
    const auto [begin, end] = more_values_begin_.pair(more_values_flags_.rank(0, valued));
    for (uint32_t i = begin; i != end; ++i) f(more_values_[i]);
  }
  bool has_values(State state) const {
    return state < branching_count_ ? flags_.test(kValued, state) : !tail_goes_on(state);
  }

  size_t node_count() const { return size_t{branching_count_} + tail_labels_.size(); }
  size_t memory_usage() const;

 private:
  // The columns of flags_, one row per node of the branching part.
  enum Flag : size_t {
    kLevelStart,  // the first node of its depth
    kHasTail,     // a tail's head with a tail below it
    kValued,      // some key ends here
    kHasOutput,   // the output link is not kDead
    kFlagCount
  };
  // The columns of tail_flags_, one row per tail node.
  enum TailFlag : size_t {
    kTailStart,       // the first node of its tail
    kFailureStored,   // its failure link is in tail_failures_ (else see kFailureInterval)
    kTailFlagCount
  };
  // A tail node's failure link is stored only when the search that finds it from its parent's
  // (derived_failure) would read the link of another tail node or follow more than
  // kMaxDerivedHops links, or when it is kFailureInterval nodes below the last one stored (or
  // its tail's head), so that tail_failure takes fewer searches than that. A tail whose first
  // node keeps no link starts from its head's: a select, for the few calls that need it. An
  // interval of 16 stores 2% fewer links (large_realistic) but made its scans of English text
  // 4 to 6% slower, where walks die deep in tails; 8 measured as fast as storing every link
  // that a single step does not give.
  static constexpr uint32_t kFailureInterval = 8;
  static constexpr uint32_t kMaxDerivedHops = 4;
  struct Sizes {
    size_t branching_nodes = 1;
    size_t tail_nodes = 0;
    size_t tails = 0;
    size_t distinct_keys = 0;
    size_t keys_with_more_values = 0;  // than one
    uint32_t largest_value = 0;
    uint32_t longest_key = 0;
  };
  // What build() hands the layout. The entries are sorted, without duplicates, and view
  // `keys`, where each key is cut one byte past its head: the branching part never reads
  // further, and the rest of each key is already in place as its tail. (The 10M synthetic
  // aliases' full keys, 318 MiB, were held through the layout.) Each part is released once
  // laid out.
  struct SortedKeys {
    std::vector<Entry> entries;
    std::string keys;
    std::vector<unsigned char> tail_labels;  // per tail node, in their final order
    std::vector<uint64_t> tail_starts;       // a bit per tail node: the first of its tail
    std::vector<bool> has_tail;              // per entry: its key goes on past its head
    std::vector<uint32_t> nodes_at_depth;    // of the branching part
    Sizes sizes;
  };
  // By reference, not by value: moving a short string would move the bytes the views point at.
  explicit Trie(SortedKeys&& sorted);
  void lay_out(SortedKeys& sorted);
  // `tails`: the first of the sorted entries of each tail's one key (the others follow it), in
  // the order of their heads.
  void lay_out_tails(SortedKeys& sorted, const std::vector<uint32_t>& tails);
  void add_values(const std::vector<Entry>& entries, uint32_t begin, uint32_t end);
  void link();

  uint32_t branching_depth(State state) const {
    return flags_.sparse_rank(kLevelStart, size_t{state} + 1) - 1;
  }
  bool has_tail(State state) const { return flags_.test(kHasTail, state); }
  // The first node of the tail below `head`.
  State tail_start(State head) const {
    return tail_offset_[flags_.rank(kHasTail, head)] + branching_depth(head) + 1;
  }
  // The number of the tail that the tail node `state` belongs to.
  uint32_t tail_number(State state) const {
    return tail_flags_.rank(kTailStart, size_t{state - branching_count_} + 1) - 1;
  }
  State tail_failure(State state) const;
  // The failure link of the head of the tail whose first node is the tail node `start` (an
  // index among tail nodes): a select, for the few searches that start there.
  State head_failure(size_t start) const {
    return failures_[flags_.select(kHasTail, tail_flags_.rank(kTailStart, start))];
  }
  // The output link of a tail node whose failure link leads to another tail node without
  // values: kept in outputs_, found by halving stored_output_nodes_.
  State stored_tail_output(State state) const;
  // What a failure search followed: how many links, and whether one was a tail node's.
  struct SearchCost {
    uint32_t hops = 0;
    bool read_tail_link = false;
  };
  // The failure link of a node with byte label `byte` whose parent's failure link is `suffix`:
  // the first node along the failure chain from `suffix` that has a child by `byte`, reading
  // each link with failure_of (linking reads them from what it has found so far).
  template <class FailureOf>
  State search_failure(State suffix, unsigned char byte, FailureOf failure_of,
                       SearchCost* cost) const {
    while (true) {
      const State next = step(suffix, byte);
      if (next != kDead) return next;
      if (suffix == kRoot) return kRoot;
      cost->read_tail_link |= suffix >= branching_count_;
      ++cost->hops;
      suffix = failure_of(suffix);
    }
  }
  State derived_failure(State suffix, unsigned char byte) const {
    SearchCost unused;
    return search_failure(suffix, byte, [this](State s) { return failure(s); }, &unused);
  }
  struct LinkScratch;  // trie.cpp: the links that linking has found so far
  void place_stored_links(LinkScratch& scratch);
  // A node's failure link while linking, once its depth has been linked.
  State linking_failure(State state, const LinkScratch& scratch) const;
  // Narrows the children [first, end) of a node to those that can have the label `byte`;
  // false when none can. Labels are distinct and ascending, so that child is at most
  // byte - lowest after the first and at most highest - byte before the last. A node whose
  // labels run without a gap is left with one: with the word index, most nodes below a code's
  // first byte have all 128 of the next (halving them took a fifth of its scans' instructions).
  bool narrow_children(State& first, State& end, unsigned char byte) const {
    const unsigned char lowest = label(first);
    const unsigned char highest = label(end - 1);
    if (byte < lowest || byte > highest) return false;
    const State count = end - first;
    const State above = highest - byte;  // labels above `byte`: at most this many children
    end = first + std::min<State>(count, byte - lowest + 1);
    if (above < count) first += count - 1 - above;
    return true;
  }
  State head_step(State head, unsigned char byte) const {
    const State start = tail_start(head);
    return tail_label(start) == byte ? start : kDead;
  }
  unsigned char tail_label(State state) const { return tail_labels_[state - branching_count_]; }
  // Whether the tail node `state` has a child: the node after it is of the same tail.
  bool tail_goes_on(State state) const {
    const size_t next = size_t{state} + 1 - branching_count_;
    return next < tail_labels_.size() && !tail_flags_.test(kTailStart, next);
  }
  State tail_step(State state, unsigned char byte) const {
    return tail_goes_on(state) && tail_label(state + 1) == byte ? state + 1 : kDead;
  }

  // A node's entry in nodes_: where its children begin, then the byte that leads to it.
  static constexpr unsigned kLabelBits = 8;
  static uint64_t node_entry(State first_child, unsigned char label) {
    return uint64_t{first_child} << kLabelBits | label;
  }
  unsigned char label(State state) const { return static_cast<unsigned char>(nodes_[state]); }
  std::pair<State, State> children(State state) const {
    const auto [entry, next] = nodes_.pair(state);
    return {static_cast<State>(entry >> kLabelBits), static_cast<State>(next >> kLabelBits)};
  }

  // One entry per node of the branching part (node_entry; the root's label is 0), plus one
  // where the last children end.
  PackedArray64 nodes_;
  RankedBitColumns<kFlagCount> flags_;
  State branching_count_ = 1;    // the nodes of the branching part, numbered from 0
  PackedArray failures_;         // one per node of the branching part
  std::vector<unsigned char> tail_labels_;  // per tail node, from branching_count_ on
  RankedBitColumns<kTailFlagCount> tail_flags_;
  SparseBits tail_outputs_;          // per tail node: its output link is not kDead
  PackedArray stored_output_nodes_;  // the tail nodes with their output link kept, ascending
  PackedArray tail_offset_;      // per tail: its first node's number minus its first depth
  PackedArray tail_failures_;    // per tail node with kFailureStored
  // The values: the first of each valued node, then the others of the few nodes with more
  // than one (most keys are one alias's), and where each such node's others begin.
  PackedArray first_values_;
  RankedBitColumns<1> more_values_flags_;  // per valued node: it has more than one value
  PackedArray more_values_begin_;          // per such node, plus one where the last ends
  PackedArray more_values_;
  uint32_t branching_valued_ = 0;  // the valued nodes of the branching part
  // One per node with an output link of the branching part, then those of tail nodes kept.
  PackedArray outputs_;
  uint32_t branching_outputs_ = 0;
  uint32_t max_depth_ = 0;
  std::array<State, 256> root_child_;
};

}  // namespace onoma::automaton
