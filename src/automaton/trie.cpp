#include "automaton/trie.h"

#include <algorithm>
#include <stdexcept>

namespace onoma::automaton {
namespace {

// The sorted entries that share a node's prefix, kept while the level below is laid out.
struct PendingRange {
  size_t begin;
  size_t end;
  size_t depth;
};

}  // namespace

Trie::Trie() : nodes_(2, Node{0, 0, 0, 0}), links_(1, Links{0, kRoot, kDead}) {
  root_child_.fill(kDead);
}

Trie Trie::build(std::vector<Entry>& entries) {
  std::sort(entries.begin(), entries.end(), [](const Entry& a, const Entry& b) {
    return a.key != b.key ? a.key < b.key : a.value < b.value;
  });
  entries.erase(std::unique(entries.begin(), entries.end(),
                            [](const Entry& a, const Entry& b) {
                              return a.key == b.key && a.value == b.value;
                            }),
                entries.end());

  Trie trie;
  trie.nodes_.assign(1, Node{0, 0, 0, 0});
  std::vector<PendingRange> pending{{0, entries.size(), 0}};
  // Nodes are numbered in the order they are created, which is breadth-first, so walking the
  // node numbers in order visits each node after its parent laid it out.
  for (size_t node = 0; node < trie.nodes_.size(); ++node) {
    const PendingRange range = pending[node];
    size_t i = range.begin;
    trie.nodes_[node].value_begin = static_cast<uint32_t>(trie.values_.size());
    for (; i < range.end && entries[i].key.size() == range.depth; ++i) {
      trie.values_.push_back(entries[i].value);
    }
    trie.nodes_[node].first_child = static_cast<uint32_t>(trie.nodes_.size());
    while (i < range.end) {
      const unsigned char byte = static_cast<unsigned char>(entries[i].key[range.depth]);
      size_t j = i + 1;
      while (j < range.end && static_cast<unsigned char>(entries[j].key[range.depth]) == byte) ++j;
      if (trie.nodes_.size() >= kDead) throw std::length_error("trie too large");
      if (node == kRoot) trie.root_child_[byte] = static_cast<State>(trie.nodes_.size());
      trie.nodes_.push_back(Node{0, 0, 0, byte});
      pending.push_back({i, j, range.depth + 1});
      ++trie.nodes_[node].child_count;
      i = j;
    }
  }
  trie.nodes_.push_back(Node{0, static_cast<uint32_t>(trie.values_.size()), 0, 0});
  trie.nodes_.shrink_to_fit();
  trie.values_.shrink_to_fit();
  trie.link();
  return trie;
}

// The classic Aho-Corasick construction. Nodes are numbered breadth-first, so a node's failure
// link (always shallower) is known before its children need it.
void Trie::link() {
  const size_t count = node_count();
  links_.assign(count, Links{0, kRoot, kDead});
  max_depth_ = 0;
  for (size_t parent = 0; parent < count; ++parent) {
    const Node& node = nodes_[parent];
    for (State child = node.first_child; child < node.first_child + node.child_count; ++child) {
      const unsigned char byte = nodes_[child].label;
      Links& links = links_[child];
      links.depth = links_[parent].depth + 1;
      max_depth_ = std::max(max_depth_, links.depth);
      State failure = kRoot;
      if (parent != kRoot) {
        State suffix = links_[parent].failure;
        while (true) {
          const State next = step(suffix, byte);
          if (next != kDead) {
            failure = next;
            break;
          }
          if (suffix == kRoot) break;
          suffix = links_[suffix].failure;
        }
      }
      links.failure = failure;
      links.output = has_values(failure) ? failure : links_[failure].output;
    }
  }
}

size_t Trie::memory_usage() const {
  return nodes_.size() * sizeof(Node) + links_.size() * sizeof(Links) +
         values_.size() * sizeof(uint32_t) + sizeof(root_child_);
}

}  // namespace onoma::automaton
