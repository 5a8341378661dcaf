#include "automaton/trie.h"

#include <algorithm>
#include <stdexcept>
#include <string>

namespace onoma::automaton {
namespace {

// The sorted entries that share a node's prefix, kept while the level below is laid out.
struct PendingRange {
  size_t begin;
  size_t end;
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
  if (entries.size() >= kDead) throw std::length_error("trie too large");
  sort_entries(entries);
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const Entry& a, const Entry& b) {
                              return a.key == b.key && a.value == b.value;
                            }),
                entries.end());
  // A node per distinct key prefix: in sorted order, each key adds the bytes it does not
  // share with the key before it. Knowing the counts up front sizes every array exactly.
  Sizes sizes{1, 0};
  size_t key_bytes = 0;
  for (size_t i = 0; i < entries.size(); ++i) {
    const std::string_view key = entries[i].key;
    const size_t shared = i == 0 ? 0 : common_prefix(entries[i - 1].key, key);
    sizes.nodes += key.size() - shared;
    sizes.distinct_keys += i == 0 || key != entries[i - 1].key;
    key_bytes += key.size();
  }
  if (sizes.nodes >= kDead) throw std::length_error("trie too large");
  // The keys copied in sorted order: laying out a level then reads them front to back.
  std::string keys;
  keys.reserve(key_bytes);
  for (Entry& entry : entries) {
    const std::string_view key(keys.data() + keys.size(), entry.key.size());
    keys.append(entry.key);
    entry.key = key;
  }
  return Trie(std::move(entries), std::move(keys), sizes);
}

Trie::Trie(std::vector<Entry>&& entries, std::string&& keys, Sizes sizes) {
  lay_out(entries, sizes);
  entries = {};
  keys = {};
  link();
}

// Creates the nodes breadth-first, level by level: each node of a level splits the range of
// sorted entries that share its prefix by the byte that follows, one child per byte. A node's
// label is that byte of the entries in its range.
void Trie::lay_out(const std::vector<Entry>& entries, Sizes sizes) {
  nodes_ = PackedArray64(node_entry(static_cast<State>(sizes.nodes), 0xFF));
  nodes_.reserve(sizes.nodes + 1);
  flags_.reserve(sizes.nodes);
  value_begin_ = PackedArray(static_cast<uint32_t>(entries.size()));
  value_begin_.reserve(sizes.distinct_keys + 1);
  values_.reserve(entries.size());
  root_child_.fill(kDead);

  State next_child = 1;  // the number of the next node created
  std::vector<PendingRange> level{{0, entries.size()}};
  std::vector<PendingRange> next_level;
  size_t depth = 0;
  for (; !level.empty(); ++depth) {
    for (size_t n = 0; n < level.size(); ++n) {
      const PendingRange range = level[n];
      flags_.push_back(kLevelStart, n == 0);
      size_t i = range.begin;
      const unsigned char label =
          depth == 0 ? 0 : static_cast<unsigned char>(entries[i].key[depth - 1]);
      nodes_.push_back(node_entry(next_child, label));
      const bool valued = i < range.end && entries[i].key.size() == depth;
      flags_.push_back(kValued, valued);
      if (valued) value_begin_.push_back(static_cast<uint32_t>(values_.size()));
      for (; i < range.end && entries[i].key.size() == depth; ++i) {
        values_.push_back(entries[i].value);
      }
      while (i < range.end) {
        const unsigned char byte = static_cast<unsigned char>(entries[i].key[depth]);
        size_t j = i + 1;
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
  value_begin_.push_back(static_cast<uint32_t>(values_.size()));
  max_depth_ = static_cast<uint32_t>(depth - 1);
}

// The classic Aho-Corasick construction. Nodes are numbered breadth-first, so a node's failure
// link (always shallower) is known before its children need it; and children are met in node
// order, so each node's links are appended right after those of the node before it.
void Trie::link() {
  const size_t count = node_count();
  failure_ = PackedArray(static_cast<uint32_t>(count - 1));
  failure_.reserve(count);
  failure_.push_back(kRoot);
  outputs_ = PackedArray(static_cast<uint32_t>(count - 1));
  flags_.push_back(kHasOutput, false);
  for (State parent = 0; parent < count; ++parent) {
    const auto [first, end] = children(parent);
    for (State child = first; child < end; ++child) {
      const unsigned char byte = label(child);
      State failure = kRoot;
      if (parent != kRoot) {
        State suffix = failure_[parent];
        while (true) {
          const State next = step(suffix, byte);
          if (next != kDead) {
            failure = next;
            break;
          }
          if (suffix == kRoot) break;
          suffix = failure_[suffix];
        }
      }
      failure_.push_back(failure);
      const State output = has_values(failure) ? failure : this->output(failure);
      flags_.push_back(kHasOutput, output != kDead);
      if (output != kDead) outputs_.push_back(output);
    }
  }
  outputs_.shrink_to_fit();
}

size_t Trie::memory_usage() const {
  return nodes_.memory_usage() + failure_.memory_usage() + flags_.memory_usage() + value_begin_.memory_usage() +
         values_.capacity() * sizeof(uint32_t) + outputs_.memory_usage() + sizeof(root_child_);
}

}  // namespace onoma::automaton
