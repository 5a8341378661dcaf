#include "automaton/start_filter.h"

#include <algorithm>

namespace onoma::automaton {
namespace {

constexpr uint64_t kSeed = 0xcbf29ce484222325ULL;  // FNV-1a offset basis
constexpr size_t kBitsPerEntry = 16;  // about 1% false "maybe" with three bits per entry

bool is_word_byte(unsigned char folded) {
  return (folded >= '0' && folded <= '9') || (folded >= 'a' && folded <= 'z') ||
         (folded >= 'A' && folded <= 'Z');
}

// Where a key's walk through the trie stands in the shape T1 s1 T2 s2.
enum class Part : uint8_t { kFirstWord, kSecondWord };

// An entry of the filter: three bits from `hash` in the word that `block` selects.
struct Entry {
  uint64_t block;
  uint64_t hash;
  bool operator<(const Entry& other) const {
    return block != other.block ? block < other.block : hash < other.hash;
  }
  bool operator==(const Entry& other) const {
    return block == other.block && hash == other.hash;
  }
};

struct PendingNode {
  Trie::State state;
  uint64_t hash;  // of the folded bytes up to and including this node's
  Part part;
  bool ends_word;  // this node's byte is a word byte
};

}  // namespace

StartFilter::StartFilter() = default;

StartFilter StartFilter::build(const Trie& trie, const unicode::FoldTable& table) {
  using unicode::FoldEntry;
  StartFilter filter;
  for (unsigned byte = 0; byte < 128; ++byte) {
    const FoldEntry& entry = table.entry(byte);
    unsigned char folded = static_cast<unsigned char>(byte);
    ByteClass byte_class = kOther;
    if (entry.has(FoldEntry::kWhiteSpace) && table.collapses_white_space()) {
      folded = ' ';
      byte_class = kSpace;
    } else if (!entry.has(FoldEntry::kIdentity)) {
      if (entry.length != 1) return StartFilter();  // folds away or expands
      folded = static_cast<unsigned char>(table.folded_bytes(entry)[0]);
      if (folded >= 0x80) return StartFilter();
    }
    if (is_word_byte(folded)) {
      // The verdicts rely on a folded letter or digit being a word character in the text.
      if (!entry.has(FoldEntry::kWord)) return StartFilter();
      byte_class = kWordByte;
    }
    filter.class_[byte] = byte_class;
    filter.folded_[byte] = folded;
  }

  // Every key prefix that a lookup can ask for: walk the trie down to s2 at most. An entry
  // sits in the word of its block: T1's for what is read with T1 alone, T1 s1 T2's for the
  // rest, so that a lookup reads at most two words of the filter.
  std::vector<Entry> entries;
  std::vector<PendingNode> pending;
  trie.for_each_child(Trie::kRoot, [&](Trie::State child, unsigned char byte) {
    if (is_word_byte(byte)) {
      pending.push_back({child, extend(kSeed, byte), Part::kFirstWord, true});
    }
  });
  while (!pending.empty()) {
    const PendingNode node = pending.back();
    pending.pop_back();
    const bool first = node.part == Part::kFirstWord;
    if (node.ends_word && trie.has_values(node.state)) {
      // A key ending here is looked up whole: T1 (or T1 s1 T2, in its own block).
      entries.push_back({node.hash, node.hash});
      if (first) entries.push_back({node.hash, first_word(node.hash)});
    }
    trie.for_each_child(node.state, [&](Trie::State child, unsigned char byte) {
      const uint64_t hash = extend(node.hash, byte);
      if (is_word_byte(byte)) {
        pending.push_back({child, hash, node.part, true});
      } else if (first) {
        entries.push_back({node.hash, first_word(node.hash)});
        if (trie.has_values(child)) entries.push_back({node.hash, hash});  // T1 s1
        pending.push_back({child, hash, Part::kSecondWord, false});
      } else {
        entries.push_back({node.hash, hash});  // s2: every key below shares this prefix
      }
    });
  }

  std::sort(entries.begin(), entries.end());
  entries.erase(std::unique(entries.begin(), entries.end()), entries.end());
  filter.bits_.assign(std::max<size_t>(8, (entries.size() * kBitsPerEntry + 63) / 64), 0);
  for (const Entry& entry : entries) {
    filter.bits_[filter.word_index(entry.block)] |= bit_mask(entry.hash);
  }
  return filter;
}

StartFilter::Verdict StartFilter::check(const unsigned char* text,
                                        const unsigned char* end) const {
  const unsigned char* p = text;
  uint64_t hash = kSeed;
  for (; p != end && class_[*p] == kWordByte; ++p) hash = extend(hash, folded_[*p]);
  const size_t word_length = static_cast<size_t>(p - text);
  if (p != end && class_[*p] == kUnknown) return {true, word_length};
  // Every key that can begin here has T1 as its first word (a key that ends inside a word
  // never matches): most words are rejected by that alone.
  const uint64_t first_block = bits_[word_index(hash)];
  if (p == end) {
    return {has(first_block, first_word(hash)) && has(first_block, hash), word_length};
  }
  const uint64_t first_hash = hash;

  // s1: one folded byte, a whole run for white space.
  hash = extend(hash, folded_[*p]);
  const uint64_t separated_hash = hash;
  if (class_[*p] == kSpace) {
    while (++p != end && class_[*p] == kSpace) {
    }
  } else {
    ++p;
  }
  const unsigned char* second_word = p;
  for (; p != end && class_[*p] == kWordByte; ++p) hash = extend(hash, folded_[*p]);
  const bool second_known = p == end || class_[*p] != kUnknown;
  // Read before the first block is tested, so that the two reads overlap.
  const uint64_t second_block = second_known ? bits_[word_index(hash)] : 0;

  if (!has(first_block, first_word(first_hash))) return {false, word_length};
  if (has(first_block, first_hash) || has(first_block, separated_hash) || !second_known) {
    return {true, word_length};
  }
  const bool found = (p != second_word && has(second_block, hash)) ||          // T1 s1 T2
                     (p != end && has(second_block, extend(hash, folded_[*p])));  // ... s2
  return {found, word_length};
}

}  // namespace onoma::automaton
