#include "automaton/trie.h"

#include <algorithm>
#include <stdexcept>
#include <string>
#include <vector>

#include "automaton/found_outputs.h"
#include "automaton/release_memory.h"

namespace onoma::automaton {
namespace {

// The sorted entries that share a node's prefix, kept while the level below is laid out.
// Entry numbers fit 32 bits (build() checks): a level of the 10M-alias gazetteer holds up to
// 10 million of these.
struct PendingRange {
  uint32_t begin;
  uint32_t end;
};

size_t common_prefix(std::string_view a, std::string_view b) {
  const size_t limit = std::min(a.size(), b.size());
  size_t i = 0;
  while (i < limit && a[i] == b[i]) ++i;
  return i;
}

// The first eight bytes of a key as one number that orders as they do.
uint64_t leading_bytes(std::string_view key) {
  uint64_t head = 0;
  for (size_t i = 0; i < sizeof(head); ++i) {
    head = head << 8 | (i < key.size() ? static_cast<unsigned char>(key[i]) : 0u);
  }
  return head;
}

// Sorts `entries` by key, then value. The keys are scattered over the caller's memory, so the
// sort orders small (leading bytes, entry number) pairs, reading a key only on a tie, and
// then moves the entries into that order in place.
void sort_entries(std::vector<Trie::Entry>& entries) {
  struct SortKey {
    uint64_t head;
    uint32_t entry;
  };
  std::vector<SortKey> order(entries.size());
  for (size_t i = 0; i < entries.size(); ++i) {
    order[i] = {leading_bytes(entries[i].key), static_cast<uint32_t>(i)};
  }
  std::sort(order.begin(), order.end(), [&](const SortKey& a, const SortKey& b) {
    if (a.head != b.head) return a.head < b.head;
    const Trie::Entry& x = entries[a.entry];
    const Trie::Entry& y = entries[b.entry];
    return x.key != y.key ? x.key < y.key : x.value < y.value;
  });
  // Position i takes entry order[i]: follow each cycle of that permutation, marking each
  // position done by pointing it at itself.
  for (size_t start = 0; start < order.size(); ++start) {
    if (order[start].entry == start) continue;
    const Trie::Entry first = entries[start];
    size_t position = start;
    while (order[position].entry != start) {
      const size_t from = order[position].entry;
      entries[position] = entries[from];
      order[position].entry = static_cast<uint32_t>(position);
      position = from;
    }
    entries[position] = first;
    order[position].entry = static_cast<uint32_t>(position);
  }
}

}  // namespace

Trie Trie::build(std::vector<Entry> entries) {
  std::string no_storage;
  return build(std::move(entries), no_storage);
}

Trie Trie::build(std::vector<Entry> entries, std::string& key_storage) {
  if (entries.size() >= kDead) throw std::length_error("trie too large");
  sort_entries(entries);
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const Entry& a, const Entry& b) {
                              return a.key == b.key && a.value == b.value;
                            }),
                entries.end());
  // A node per distinct key prefix: in sorted order, each key adds the bytes it does not
  // share with the key before it. Those beyond what it shares with the keys on both sides
  // (after its head, one byte past that) make its tail. Knowing the counts up front sizes
  // every array exactly.
  Sizes sizes{1, 0, 0, 0, 0, 0};
  size_t key_bytes = 0;
  size_t shared_before = 0;  // with the distinct key before
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string_view key = entries[i].key;
    key_bytes += key.size();
    sizes.largest_value = std::max(sizes.largest_value, entries[i].value);
    if (i > 0 && key == entries[i - 1].key) continue;
    size_t next = i + 1;
    while (next < entries.size() && entries[next].key == key) ++next;
    sizes.keys_with_more_values += next - i > 1;
    const size_t shared_after = next == entries.size() ? 0 : common_prefix(key, entries[next].key);
    const size_t head_depth = std::max(shared_before, shared_after) + 1;
    const size_t branching_end = std::min(head_depth, key.size());
    sizes.branching_nodes += branching_end - shared_before;
    if (key.size() > head_depth) {
      sizes.tail_nodes += key.size() - head_depth;
      ++sizes.tails;
    }
    ++sizes.distinct_keys;
    shared_before = shared_after;
  }
  if (sizes.branching_nodes + sizes.tail_nodes >= kDead) throw std::length_error("trie too large");
  // The keys copied in sorted order: laying out a level then reads them front to back.
  std::string keys;
  keys.reserve(key_bytes);
  for (Entry& entry : entries) {
    const std::string_view key(keys.data() + keys.size(), entry.key.size());
    keys.append(entry.key);
    entry.key = key;
  }
  release_memory(key_storage);
  return Trie(std::move(entries), std::move(keys), sizes);
}

Trie::Trie(std::vector<Entry>&& entries, std::string&& keys, Sizes sizes) {
  lay_out(entries, sizes);
  release_memory(entries);
  release_memory(keys);
  link();
}

// Creates the nodes of the branching part breadth-first, level by level: each node of a level
// splits the range of sorted entries that share its prefix by the byte that follows, one child
// per byte. A node's label is that byte of the entries in its range. A node whose range holds
// one distinct key is a head: the rest of that key waits to become a tail.
void Trie::lay_out(const std::vector<Entry>& entries, Sizes sizes) {
  nodes_ = PackedArray64(node_entry(static_cast<State>(sizes.branching_nodes), 0xFF));
  nodes_.reserve(sizes.branching_nodes + 1);
  flags_.reserve(sizes.branching_nodes);
  first_values_ = PackedArray(sizes.largest_value);
  first_values_.reserve(sizes.distinct_keys);
  more_values_flags_.reserve(sizes.distinct_keys);
  more_values_begin_ = PackedArray(static_cast<uint32_t>(entries.size()));
  more_values_begin_.reserve(sizes.keys_with_more_values + 1);
  more_values_ = PackedArray(sizes.largest_value);
  more_values_.reserve(entries.size() - sizes.distinct_keys);
  root_child_.fill(kDead);

  std::vector<PendingTail> tails;
  tails.reserve(sizes.tails);
  State next_child = 1;  // the number of the next node created
  std::vector<PendingRange> level{{0, static_cast<uint32_t>(entries.size())}};
  std::vector<PendingRange> next_level;
  size_t depth = 0;
  for (; !level.empty(); ++depth) {
    for (size_t n = 0; n < level.size(); ++n) {
      const PendingRange range = level[n];
      flags_.push_back(kLevelStart, n == 0);
      uint32_t i = range.begin;
      const unsigned char label =
          depth == 0 ? 0 : static_cast<unsigned char>(entries[i].key[depth - 1]);
      nodes_.push_back(node_entry(next_child, label));
      const bool valued = i < range.end && entries[i].key.size() == depth;
      flags_.push_back(kValued, valued);
      if (valued) {
        while (i < range.end && entries[i].key.size() == depth) ++i;
        add_values(entries, range.begin, i);
      }
      const bool head = depth > 0 && i < range.end &&
                        entries[range.begin].key == entries[range.end - 1].key;
      flags_.push_back(kHasTail, head);
      if (head) {
        tails.push_back({range.begin, range.end, static_cast<uint32_t>(depth)});
        continue;
      }
      while (i < range.end) {
        const unsigned char byte = static_cast<unsigned char>(entries[i].key[depth]);
        uint32_t j = i + 1;
        while (j < range.end && static_cast<unsigned char>(entries[j].key[depth]) == byte) ++j;
        if (depth == 0) root_child_[byte] = next_child;
        ++next_child;
        next_level.push_back({i, j});
        i = j;
      }
    }
    level.swap(next_level);
    next_level.clear();
  }
  nodes_.push_back(node_entry(next_child, 0));
  branching_count_ = next_child;
  max_depth_ = static_cast<uint32_t>(depth - 1);
  branching_valued_ = static_cast<uint32_t>(first_values_.size());
  lay_out_tails(entries, tails, sizes.tail_nodes);
  more_values_begin_.push_back(static_cast<uint32_t>(more_values_.size()));
}

// Numbers the nodes of each tail after the branching part, in the order of their heads.
void Trie::lay_out_tails(const std::vector<Entry>& entries, const std::vector<PendingTail>& tails,
                         size_t tail_nodes) {
  tail_labels_.reserve(tail_nodes);
  tail_flags_.reserve(tail_nodes);
  tail_offset_ = PackedArray(static_cast<uint32_t>(branching_count_ + tail_nodes));
  tail_offset_.reserve(tails.size());
  for (const PendingTail& tail : tails) {
    const std::string_view key = entries[tail.begin].key;
    const State start = static_cast<State>(branching_count_ + tail_labels_.size());
    tail_offset_.push_back(start - (tail.head_depth + 1));
    for (size_t depth = tail.head_depth; depth < key.size(); ++depth) {
      tail_flags_.push_back(kTailStart, depth == tail.head_depth);
      tail_labels_.push_back(static_cast<unsigned char>(key[depth]));
    }
    add_values(entries, tail.begin, tail.end);
    max_depth_ = std::max(max_depth_, static_cast<uint32_t>(key.size()));
  }
}

// The values of entries [begin, end), which share one key, for the next valued node.
void Trie::add_values(const std::vector<Entry>& entries, uint32_t begin, uint32_t end) {
  first_values_.push_back(entries[begin].value);
  more_values_flags_.push_back(0, end - begin > 1);
  if (end - begin == 1) return;
  more_values_begin_.push_back(static_cast<uint32_t>(more_values_.size()));
  for (uint32_t i = begin + 1; i < end; ++i) more_values_.push_back(entries[i].value);
}

// The classic Aho-Corasick construction, by depth: a node's failure link (always shallower)
// and its output link are known before any deeper node needs them. The branching part's nodes
// of one depth are contiguous; the tail nodes of that depth are listed as their parents are
// linked. Both links are found for every node first, then stored as the layout keeps them.
void Trie::link() {
  const size_t count = node_count();
  PackedArray failure_of(static_cast<uint32_t>(count - 1));
  failure_of.resize(count);
  FoundOutputs output_of(count);
  // Per tail node: whether derived_failure finds its link cheaply from its parent's (see
  // kFailureStored), following the same links as the search below.
  std::vector<bool> derivable(count - branching_count_, false);

  auto link_children = [&](State parent, std::vector<State>& tails_below) {
    for_each_child(parent, [&](State child, unsigned char byte) {
      State failure = kRoot;
      if (parent != kRoot) {
        State suffix = failure_of[parent];
        uint32_t hops = 0;
        bool read_tail_link = false;
        while (true) {
          const State next = step(suffix, byte);
          if (next != kDead) {
            failure = next;
            break;
          }
          if (suffix == kRoot) break;
          read_tail_link |= suffix >= branching_count_;
          ++hops;
          suffix = failure_of[suffix];
        }
        if (child >= branching_count_ && !read_tail_link && hops <= kMaxDerivedHops) {
          derivable[child - branching_count_] = true;
        }
      }
      failure_of.set(child, failure);
      const State output = has_values(failure) ? failure : output_of.get(failure);
      if (output != kDead) output_of.set(child, output);
      if (child >= branching_count_) tails_below.push_back(child);
    });
  };
  std::vector<State> tails_here;
  std::vector<State> tails_below;
  // The branching nodes of the current depth: [level_begin, level_end).
  State level_begin = kRoot;
  State level_end = 1;
  while (level_begin != level_end || !tails_here.empty()) {
    for (State node = level_begin; node != level_end; ++node) link_children(node, tails_below);
    for (const State node : tails_here) link_children(node, tails_below);
    // Breadth-first order numbers the children of this level's nodes as the next level.
    level_begin = level_end;
    level_end = static_cast<State>(nodes_[level_end] >> kLabelBits);
    tails_here.swap(tails_below);
    tails_below.clear();
  }
  release_memory(tails_here);
  release_memory(tails_below);

  failures_ = PackedArray(static_cast<uint32_t>(count - 1));
  failures_.reserve(branching_count_);
  outputs_ = PackedArray(static_cast<uint32_t>(count - 1));
  stored_output_nodes_ = PackedArray(static_cast<uint32_t>(count - 1));
  for (State node = 0; node < branching_count_; ++node) {
    failures_.push_back(failure_of[node]);
    const State output = output_of.get(node);
    flags_.push_back(kHasOutput, output != kDead);
    if (output != kDead) outputs_.push_back(output);
  }
  branching_outputs_ = static_cast<uint32_t>(outputs_.size());
  // Which tail nodes keep their failure link, then those links, in an array sized once: the
  // 10M synthetic aliases keep 24.7 million.
  uint32_t since_stored = 0;  // searches since the last link stored, or since the head's
  size_t stored_count = 0;
  for (State node = branching_count_; node < count; ++node) {
    const size_t i = node - branching_count_;
    if (tail_flags_.test(kTailStart, i)) since_stored = 0;
    const bool derived = since_stored + 1 < kFailureInterval && derivable[i];
    tail_flags_.push_back(kFailureStored, !derived);
    since_stored = derived ? since_stored + 1 : 0;
    stored_count += !derived;
    const State output = output_of.get(node);
    tail_outputs_.push_back(output != kDead);
    const State failure = failure_of[node];
    if (output != kDead && failure >= branching_count_ && !has_values(failure)) {
      stored_output_nodes_.push_back(node);
      outputs_.push_back(output);
    }
  }
  tail_outputs_.finish();
  stored_output_nodes_.shrink_to_fit();
  outputs_.shrink_to_fit();
  flags_.index_select(kHasTail);  // tail_failure finds a tail's head
  tail_failures_ = PackedArray(static_cast<uint32_t>(count - 1));
  tail_failures_.reserve(stored_count);
  for (State node = branching_count_; node < count; ++node) {
    if (tail_flags_.test(kFailureStored, node - branching_count_)) {
      tail_failures_.push_back(failure_of[node]);
    }
  }
}

// A tail node's failure link, from the nearest node at or above it in its tail whose link is
// stored, or else from its tail's head: each node below fails to where the search from its
// parent's link leads.
Trie::State Trie::tail_failure(State state) const {
  const size_t i = state - branching_count_;
  const size_t start = tail_flags_.previous_set(kTailStart, i);
  const size_t stored = tail_flags_.previous_set(kFailureStored, i, start);
  State failure;
  size_t below;
  if (stored != RankedBitColumns<kTailFlagCount>::kNone) {
    failure = tail_failures_[tail_flags_.rank(kFailureStored, stored)];
    below = stored + 1;
  } else {
    const uint32_t tail = tail_flags_.rank(kTailStart, start);
    failure = failures_[flags_.select(kHasTail, tail)];
    below = start;
  }
  for (; below <= i; ++below) failure = derived_failure(failure, tail_labels_[below]);
  return failure;
}

Trie::State Trie::stored_tail_output(State state) const {
  size_t first = 0;
  size_t end = stored_output_nodes_.size();
  while (end - first > 1) {
    const size_t middle = first + (end - first) / 2;
    if (stored_output_nodes_[middle] > state) {
      end = middle;
    } else {
      first = middle;
    }
  }
  return outputs_[branching_outputs_ + first];
}

size_t Trie::memory_usage() const {
  return nodes_.memory_usage() + flags_.memory_usage() + failures_.memory_usage() +
         tail_labels_.capacity() + tail_flags_.memory_usage() + tail_outputs_.memory_usage() +
         stored_output_nodes_.memory_usage() +
         tail_offset_.memory_usage() + tail_failures_.memory_usage() + first_values_.memory_usage() +
         more_values_flags_.memory_usage() + more_values_begin_.memory_usage() +
         more_values_.memory_usage() + outputs_.memory_usage() + sizeof(root_child_);
}

}  // namespace onoma::automaton
