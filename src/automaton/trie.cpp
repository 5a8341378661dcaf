#include "automaton/trie.h"

#include <absl/container/flat_hash_map.h>

#include <algorithm>
#include <numeric>
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

// The first set bit at or after `from` in `words`, or words.size() * 64 when there is none.
size_t next_set_bit(const std::vector<uint64_t>& words, size_t from) {
  size_t word = from / 64;
  if (word >= words.size()) return words.size() * 64;
  uint64_t bits = words[word] & (~uint64_t{0} << (from % 64));
  while (bits == 0) {
    if (++word == words.size()) return words.size() * 64;
    bits = words[word];
  }
  return word * 64 + static_cast<size_t>(__builtin_ctzll(bits));
}

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
    order[i] = {leading_bytes(entries[i].key()), static_cast<uint32_t>(i)};
  }
  std::sort(order.begin(), order.end(), [&](const SortKey& a, const SortKey& b) {
    if (a.head != b.head) return a.head < b.head;
    const Trie::Entry& x = entries[a.entry];
    const Trie::Entry& y = entries[b.entry];
    return x.key() != y.key() ? x.key() < y.key() : x.value < y.value;
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

// A distinct key of sorted entries: entries [begin, end) have it, it shares `shared_before`
// bytes with the distinct key before it, and its head (the topmost node no other key shares)
// is at `head_depth`, one byte past what it shares with either neighbour.
struct DistinctKey {
  std::string_view text;
  size_t begin;
  size_t end;
  size_t shared_before;
  size_t head_depth;
};

// Calls f(DistinctKey) for each distinct key of `entries` (sorted), in order. f may replace
// the entries of the key it is given.
template <class F>
void for_each_distinct_key(const std::vector<Trie::Entry>& entries, F f) {
  size_t shared_before = 0;
  for (size_t begin = 0; begin < entries.size();) {
    const std::string_view text = entries[begin].key();
    size_t end = begin + 1;
    while (end < entries.size() && entries[end].key() == text) ++end;
    const size_t shared_after = end == entries.size() ? 0 : common_prefix(text, entries[end].key());
    f(DistinctKey{text, begin, end, shared_before, std::max(shared_before, shared_after) + 1});
    shared_before = shared_after;
    begin = end;
  }
}

}  // namespace

Trie Trie::build(std::vector<Entry> entries) {
  return build(std::move(entries), [] {});
}

Trie Trie::build(std::vector<Entry> entries, absl::FunctionRef<void()> keys_copied) {
  if (entries.size() >= kDead) throw std::length_error("trie too large");
  sort_entries(entries);
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const Entry& a, const Entry& b) {
                              return a.key() == b.key() && a.value == b.value;
                            }),
                entries.end());
  // A node per distinct key prefix: in sorted order, each key adds the bytes it does not
  // share with the key before it. Those past its head make its tail. Knowing the counts up
  // front sizes every array exactly.
  SortedKeys sorted;
  Sizes& sizes = sorted.sizes;
  size_t kept_key_bytes = 0;
  std::vector<size_t> tail_nodes_below;  // by the depth of their heads
  for (const Entry& entry : entries) sizes.largest_value = std::max(sizes.largest_value, entry.value);
  for_each_distinct_key(entries, [&](const DistinctKey& key) {
    sizes.keys_with_more_values += key.end - key.begin > 1;
    const size_t top = std::min(key.head_depth, key.text.size());  // the deepest node it adds
    sizes.branching_nodes += top - key.shared_before;
    if (sorted.nodes_at_depth.size() <= top) sorted.nodes_at_depth.resize(top + 1);
    for (size_t depth = key.shared_before + 1; depth <= top; ++depth) {
      ++sorted.nodes_at_depth[depth];
    }
    sizes.longest_key = std::max(sizes.longest_key, static_cast<uint32_t>(key.text.size()));
    kept_key_bytes += std::min(key.head_depth + 1, key.text.size());
    ++sizes.distinct_keys;
    if (key.text.size() <= key.head_depth) return;
    sizes.tail_nodes += key.text.size() - key.head_depth;
    ++sizes.tails;
    if (tail_nodes_below.size() <= key.head_depth) tail_nodes_below.resize(key.head_depth + 1);
    tail_nodes_below[key.head_depth] += key.text.size() - key.head_depth;
  });
  if (sizes.branching_nodes + sizes.tail_nodes >= kDead) throw std::length_error("trie too large");
  // Tails are numbered in the order of their heads, which breadth-first order numbers by
  // depth, then by key: each depth's tails begin where the shallower ones' end.
  std::vector<size_t>& next_tail_node = tail_nodes_below;
  std::exclusive_scan(next_tail_node.begin(), next_tail_node.end(), next_tail_node.begin(),
                      size_t{0});
  sorted.tail_labels.resize(sizes.tail_nodes);
  sorted.tail_starts.resize(sizes.tail_nodes / 64 + 1);
  sorted.keys.reserve(kept_key_bytes);
  sorted.has_tail.resize(entries.size());
  for_each_distinct_key(entries, [&](const DistinctKey& key) {
    if (key.text.size() > key.head_depth) {
      for (size_t i = key.begin; i < key.end; ++i) sorted.has_tail[i] = true;
      size_t& node = next_tail_node[key.head_depth];
      sorted.tail_starts[node / 64] |= uint64_t{1} << (node % 64);
      std::copy(key.text.begin() + key.head_depth, key.text.end(), sorted.tail_labels.begin() + node);
      node += key.text.size() - key.head_depth;
    }
    const std::string_view kept(sorted.keys.data() + sorted.keys.size(),
                                std::min(key.head_depth + 1, key.text.size()));
    sorted.keys.append(key.text.substr(0, kept.size()));
    for (size_t i = key.begin; i < key.end; ++i) entries[i] = Entry(kept, entries[i].value);
  });
  release_memory(tail_nodes_below);
  keys_copied();
  sorted.entries = std::move(entries);
  return Trie(std::move(sorted));
}

Trie::Trie(SortedKeys&& sorted) {
  lay_out(sorted);
  release_memory(sorted.entries);
  release_memory(sorted.keys);
  link();
}

// Creates the nodes of the branching part breadth-first, level by level: each node of a level
// splits the range of sorted entries that share its prefix by the byte that follows, one child
// per byte. A node's label is that byte of the entries in its range. A node whose range holds
// one distinct key is a head: the rest of that key is its tail, laid out already.
void Trie::lay_out(SortedKeys& sorted) {
  const std::vector<Entry>& entries = sorted.entries;
  const Sizes& sizes = sorted.sizes;
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

  // Each tail's offset is found as its head is: tails are numbered in the order of their heads,
  // and their first nodes are the set bits of tail_starts. What is left for later is where
  // each tail's key is among the entries (4 bytes a tail; the 10M synthetic aliases' layout
  // held 8 more, its head's depth, at its peak).
  const auto branching_nodes = static_cast<State>(sizes.branching_nodes);
  tail_offset_ = PackedArray(static_cast<uint32_t>(sizes.branching_nodes + sizes.tail_nodes));
  tail_offset_.reserve(sizes.tails);
  size_t next_tail_start = 0;  // where to look for the next tail's first node
  std::vector<uint32_t> tails;
  tails.reserve(sizes.tails);
  State next_child = 1;  // the number of the next node created
  std::vector<PendingRange> level{{0, static_cast<uint32_t>(entries.size())}};
  std::vector<PendingRange> next_level;
  size_t depth = 0;
  for (; !level.empty(); ++depth) {
    // Sized exactly, and freed level by level: the widest levels of the 10M synthetic
    // aliases' word index took 128 MiB as two vectors that doubled as they grew.
    const size_t next_count =
        depth + 1 < sorted.nodes_at_depth.size() ? sorted.nodes_at_depth[depth + 1] : 0;
    next_level.reserve(next_count);
    for (size_t n = 0; n < level.size(); ++n) {
      const PendingRange range = level[n];
      flags_.push_back(kLevelStart, n == 0);
      uint32_t i = range.begin;
      const unsigned char label =
          depth == 0 ? 0 : static_cast<unsigned char>(entries[i].key()[depth - 1]);
      nodes_.push_back(node_entry(next_child, label));
      const bool valued = i < range.end && entries[i].key().size() == depth;
      flags_.push_back(kValued, valued);
      if (valued) {
        while (i < range.end && entries[i].key().size() == depth) ++i;
        add_values(entries, range.begin, i);
      }
      // A head: the range is one key's, which goes on below. Its key was cut one byte past its
      // head, so its length says where the head is. (Comparing the range's first and last keys
      // took time proportional to their shared prefix at every level above it: two aliases of
      // a megabyte that share all but their ends took 33 s to build.)
      const bool head = i == range.begin && i < range.end && sorted.has_tail[i] &&
                        entries[i].key().size() == depth + 1;
      flags_.push_back(kHasTail, head);
      if (head) {
        const size_t start = next_set_bit(sorted.tail_starts, next_tail_start);
        if (start >= sizes.tail_nodes) throw std::logic_error("trie tails miscounted");
        next_tail_start = start + 1;
        tail_offset_.push_back(static_cast<uint32_t>(branching_nodes + start - (depth + 1)));
        tails.push_back(range.begin);
        continue;
      }
      while (i < range.end) {
        const unsigned char byte = static_cast<unsigned char>(entries[i].key()[depth]);
        uint32_t j = i + 1;
        while (j < range.end && static_cast<unsigned char>(entries[j].key()[depth]) == byte) ++j;
        if (depth == 0) root_child_[byte] = next_child;
        ++next_child;
        next_level.push_back({i, j});
        i = j;
      }
    }
    if (next_level.size() != next_count) throw std::logic_error("trie levels miscounted");
    level.swap(next_level);
    release_memory(next_level);
  }
  nodes_.push_back(node_entry(next_child, 0));
  if (next_child != branching_nodes ||
      next_set_bit(sorted.tail_starts, next_tail_start) < sizes.tail_nodes) {
    throw std::logic_error("trie nodes miscounted");
  }
  branching_count_ = next_child;
  max_depth_ = sizes.longest_key;
  branching_valued_ = static_cast<uint32_t>(first_values_.size());
  release_memory(level);
  release_memory(next_level);
  release_memory(sorted.has_tail);
  lay_out_tails(sorted, tails);
  more_values_begin_.push_back(static_cast<uint32_t>(more_values_.size()));
}

// Numbers the nodes of each tail after the branching part, in the order of their heads (the
// order build() put their labels in), and gives each tail's last node its key's values.
void Trie::lay_out_tails(SortedKeys& sorted, const std::vector<uint32_t>& tails) {
  tail_labels_ = std::move(sorted.tail_labels);
  const size_t tail_nodes = tail_labels_.size();
  tail_flags_.reserve(tail_nodes);
  tail_flags_.append_words(kTailStart, sorted.tail_starts.data(), tail_nodes);
  release_memory(sorted.tail_starts);
  const std::vector<Entry>& entries = sorted.entries;
  for (const uint32_t begin : tails) {
    uint32_t end = begin + 1;  // past the entries of this one key
    while (end < entries.size() && entries[end].key() == entries[begin].key()) ++end;
    add_values(entries, begin, end);
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

// While linking, a tail node's failure link is kept for later searches only where they cannot
// derive it cheaply from its parent's (the search that found it read a tail node's link or
// followed more than kMaxDerivedHops links), or where its depth is a multiple of
// kLinkingInterval, so that deriving one takes at most that many searches. An array of every
// node's link took the build of the 10M synthetic aliases 767 MB.
struct Trie::LinkScratch {
  static constexpr uint32_t kLinkingInterval = 64;

  explicit LinkScratch(size_t tail_nodes) : kept(tail_nodes), stored(tail_nodes) {}

  std::vector<bool> kept;  // per tail node: its link is in kept_links
  absl::flat_hash_map<State, State> kept_links;
  // What the layout keeps of tail nodes, found depth by depth and put in node order at the
  // end: whether a node's failure link is stored (kFailureStored); the links stored, in the
  // order found, and how many were found at each depth (place_stored_links); (node, link)
  // pairs of the output links stored_tail_output finds, a few.
  std::vector<bool> stored;
  PackedArray stored_links;
  std::vector<uint32_t> stored_at_depth;
  std::vector<std::pair<State, State>> stored_outputs;

  // Searches since the last link stored in the tail of `node` (a tail node, linked), or since
  // its head's: at most kFailureInterval nodes up.
  uint32_t since_stored(State node, State branching_count, const Trie& trie) const {
    uint32_t since = 0;
    for (State up = node; !stored[up - branching_count]; --up) {
      ++since;
      if (trie.tail_flags_.test(kTailStart, up - branching_count)) break;
    }
    return since;
  }
};

// A tail node's link from the nearest node at or above it whose link is kept, or else from its
// tail's head, as tail_failure does from the stored links. The nodes below that one are
// derivable, so each search reads only links of the branching part.
Trie::State Trie::linking_failure(State state, const LinkScratch& scratch) const {
  if (state < branching_count_) return failures_[state];
  const size_t i = state - branching_count_;
  size_t below = i;
  State failure;
  while (true) {
    if (scratch.kept[below]) {
      failure = scratch.kept_links.find(static_cast<State>(below + branching_count_))->second;
      ++below;
      break;
    }
    if (tail_flags_.test(kTailStart, below)) {
      failure = head_failure(below);
      break;
    }
    --below;
  }
  SearchCost unused;
  const auto failure_of = [&](State s) { return linking_failure(s, scratch); };
  for (; below <= i; ++below) {
    failure = search_failure(failure, tail_labels_[below], failure_of, &unused);
  }
  return failure;
}

// The classic Aho-Corasick construction, by depth: a node's failure link (always shallower)
// and its output link are known before any deeper node needs them. The branching part's nodes
// of one depth are contiguous; the tail nodes of that depth are listed, with their links, in
// one list where each gives way to its child as it is linked. The branching part's links go
// straight into failures_; of a tail node's, what the layout keeps is decided as it is found,
// and put in node order at the end.
void Trie::link() {
  const size_t count = node_count();
  failures_ = PackedArray(static_cast<uint32_t>(count - 1));
  failures_.resize(branching_count_);
  flags_.index_select(kHasTail);  // linking_failure and tail_failure find a tail's head
  LinkScratch scratch(count - branching_count_);
  // Room for about as many links as tails and intervals force, so that the array seldom grows
  // (growing holds the old copy beside the new): the 10M synthetic aliases store 24.7 million.
  scratch.stored_links = PackedArray(static_cast<uint32_t>(count - 1));
  scratch.stored_links.reserve((count - branching_count_) / kFailureInterval + tail_offset_.size());
  scratch.stored_at_depth.resize(size_t{max_depth_} + 1);
  FoundOutputs output_of(count);
  const auto failure_of = [&](State s) { return linking_failure(s, scratch); };

  struct TailNode {
    State node;
    State failure;
  };
  uint32_t depth = 0;  // of the parents being linked
  // Links the children of `parent`, handing each tail node among them, with its link, to
  // add_tail_node.
  auto link_children = [&](State parent, State parent_failure, auto&& add_tail_node) {
    const uint32_t since_stored =
        parent < branching_count_ ? 0 : scratch.since_stored(parent, branching_count_, *this);
    for_each_child(parent, [&](State child, unsigned char byte) {
      State failure = kRoot;
      SearchCost cost;
      if (parent != kRoot) failure = search_failure(parent_failure, byte, failure_of, &cost);
      const State output = has_values(failure) ? failure : output_of.get(failure);
      if (output != kDead) output_of.set(child, output);
      if (child < branching_count_) {
        failures_.set(child, failure);
        return;
      }
      const size_t i = child - branching_count_;
      const bool underivable = cost.read_tail_link || cost.hops > kMaxDerivedHops;
      if (underivable || (depth + 1) % LinkScratch::kLinkingInterval == 0) {
        scratch.kept[i] = true;
        scratch.kept_links.emplace(child, failure);
      }
      const bool stored = underivable || since_stored + 1 >= kFailureInterval;
      scratch.stored[i] = stored;
      if (stored) {
        scratch.stored_links.push_back(failure);
        ++scratch.stored_at_depth[depth + 1];
      }
      if (output != kDead && failure >= branching_count_ && !has_values(failure)) {
        scratch.stored_outputs.emplace_back(child, output);
      }
      add_tail_node(TailNode{child, failure});
    });
  };
  // The tail nodes of the current depth (up to one per tail: 10 million for the synthetic
  // aliases). A tail node has at most one child, which takes its place; the order in which the
  // nodes of one depth are linked does not matter.
  std::vector<TailNode> tails;
  // The branching nodes of the current depth: [level_begin, level_end).
  State level_begin = kRoot;
  State level_end = 1;
  for (; level_begin != level_end || !tails.empty(); ++depth) {
    size_t continuing = 0;
    for (size_t i = 0; i < tails.size(); ++i) {
      const TailNode tail = tails[i];
      link_children(tail.node, tail.failure,
                    [&](const TailNode& child) { tails[continuing++] = child; });
    }
    tails.resize(continuing);
    for (State node = level_begin; node != level_end; ++node) {
      link_children(node, failures_[node], [&](const TailNode& start) { tails.push_back(start); });
    }
    // Breadth-first order numbers the children of this level's nodes as the next level.
    level_begin = level_end;
    level_end = static_cast<State>(nodes_[level_end] >> kLabelBits);
  }
  release_memory(tails);
  release_memory(scratch.kept);
  release_memory(scratch.kept_links);

  outputs_ = PackedArray(static_cast<uint32_t>(count - 1));
  for (State node = 0; node < branching_count_; ++node) {
    const State output = output_of.get(node);
    flags_.push_back(kHasOutput, output != kDead);
    if (output != kDead) outputs_.push_back(output);
  }
  branching_outputs_ = static_cast<uint32_t>(outputs_.size());
  for (State node = branching_count_; node < count; ++node) {
    tail_flags_.push_back(kFailureStored, scratch.stored[node - branching_count_]);
    tail_outputs_.push_back(output_of.get(node) != kDead);
  }
  tail_outputs_.finish();
  place_stored_links(scratch);
  std::sort(scratch.stored_outputs.begin(), scratch.stored_outputs.end());
  stored_output_nodes_ = PackedArray(static_cast<uint32_t>(count - 1));
  stored_output_nodes_.reserve(scratch.stored_outputs.size());
  for (const auto& [node, output] : scratch.stored_outputs) {
    stored_output_nodes_.push_back(node);
    outputs_.push_back(output);
  }
  outputs_.shrink_to_fit();
}

// Puts the stored links in node order. Linking found them depth by depth, and each depth's in
// node order: a depth's tail nodes are listed in the order of their tails (those that began
// shallower first, then those that begin at that depth, by head). So each depth's share of
// the links found is already sorted, and going through the stored nodes in order, each takes
// the next link of its depth. (Pairs of node and link took the 10M synthetic aliases' build
// 188 MiB; the links alone take 82.)
void Trie::place_stored_links(LinkScratch& scratch) {
  std::vector<uint32_t>& next_of_depth = scratch.stored_at_depth;
  std::exclusive_scan(next_of_depth.begin(), next_of_depth.end(), next_of_depth.begin(), 0u);
  tail_failures_ = PackedArray(static_cast<uint32_t>(node_count() - 1));
  tail_failures_.resize(scratch.stored_links.size());
  size_t placed = 0;
  tail_flags_.for_each_set(kFailureStored, [&](size_t i) {
    uint32_t& next = next_of_depth[depth(static_cast<State>(branching_count_ + i))];
    if (placed == tail_failures_.size() || next >= scratch.stored_links.size()) {
      throw std::logic_error("trie stored links miscounted");
    }
    tail_failures_.set(placed++, scratch.stored_links[next++]);
  });
  if (placed != tail_failures_.size()) throw std::logic_error("trie stored links miscounted");
  scratch.stored_links = PackedArray();
  release_memory(scratch.stored_at_depth);
}

// A tail node's failure link, from the nearest node at or above it in its tail whose link is
// stored, or else from its tail's head: each node below fails to where the search from its
// parent's link leads.
//
// Linking stores a link at least every kFailureInterval nodes of a tail, counting from its
// first node, so the last kFailureInterval positions up to `state` hold the tail's first node
// or a stored link of the same tail. Looking only there keeps a call's cost bounded however
// long the tail: searching back to the tail's first node made text that keeps a walk deep in
// a 1 MB alias (its beginning repeated) scan in time quadratic in its length, the output link
// being asked for at every step.
Trie::State Trie::tail_failure(State state) const {
  constexpr size_t kNone = RankedBitColumns<kTailFlagCount>::kNone;
  const size_t i = state - branching_count_;
  const size_t window = i >= kFailureInterval - 1 ? i - (kFailureInterval - 1) : 0;
  const size_t start = tail_flags_.previous_set(kTailStart, i, window);
  const size_t stored = tail_flags_.previous_set(kFailureStored, i, start == kNone ? window : start);
  State failure;
  size_t below;
  if (stored != kNone) {
    failure = tail_failures_[tail_flags_.rank(kFailureStored, stored)];
    below = stored + 1;
  } else if (start != kNone) {
    failure = head_failure(start);
    below = start;
  } else {
    throw std::logic_error("trie tail without a stored failure link in its interval");
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
