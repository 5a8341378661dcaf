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

// Spreads the FNV state over all 64 bits (MurmurHash3's finalizer), so that the word index
// and the three bit positions are independent.
uint64_t mix(uint64_t h) {
  h ^= h >> 33;
  h *= 0xff51afd7ed558ccdULL;
  h ^= h >> 33;
  h *= 0xc4ceb9fe1a85ec53ULL;
  h ^= h >> 33;
  return h;
}

uint64_t bit_mask(uint64_t mixed) {
  return (uint64_t{1} << (mixed & 63)) | (uint64_t{1} << ((mixed >> 6) & 63)) |
         (uint64_t{1} << ((mixed >> 12) & 63));
}

size_t word_index(uint64_t mixed, size_t words) {
  return static_cast<size_t>(((mixed >> 32) * words) >> 32);
}

// Where a key's walk through the trie stands in the shape T1 s1 T2 s2.
enum class Part : uint8_t { kFirstWord, kSecondWord };

struct PendingNode {
  Trie::State state;
  uint64_t hash;  // of the folded bytes up to and including this node's
  Part part;
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

  // Every key prefix that a lookup can ask for: walk the trie down to s2 at most.
  std::vector<uint64_t> hashes;
  std::vector<PendingNode> pending;
  trie.for_each_child(Trie::kRoot, [&](Trie::State child, unsigned char byte) {
    if (is_word_byte(byte)) pending.push_back({child, extend(kSeed, byte), Part::kFirstWord});
  });
  while (!pending.empty()) {
    const PendingNode node = pending.back();
    pending.pop_back();
    // A key ending here is looked up whole: T1, T1 s1 or T1 s1 T2.
    if (trie.has_values(node.state)) hashes.push_back(node.hash);
    trie.for_each_child(node.state, [&](Trie::State child, unsigned char byte) {
      const uint64_t hash = extend(node.hash, byte);
      if (is_word_byte(byte)) {
        pending.push_back({child, hash, node.part});
      } else if (node.part == Part::kFirstWord) {
        pending.push_back({child, hash, Part::kSecondWord});  // s1
      } else {
        hashes.push_back(hash);  // s2: every key below shares this prefix
      }
    });
  }

  filter.bits_.assign(std::max<size_t>(8, (hashes.size() * kBitsPerEntry + 63) / 64), 0);
  for (const uint64_t hash : hashes) filter.insert(hash);
  return filter;
}

void StartFilter::insert(uint64_t hash) {
  const uint64_t mixed = mix(hash);
  bits_[word_index(mixed, bits_.size())] |= bit_mask(mixed);
}

bool StartFilter::contains(uint64_t hash) const {
  const uint64_t mixed = mix(hash);
  const uint64_t mask = bit_mask(mixed);
  return (bits_[word_index(mixed, bits_.size())] & mask) == mask;
}

StartFilter::Verdict StartFilter::check(const unsigned char* text,
                                        const unsigned char* end) const {
  const unsigned char* p = text;
  uint64_t hash = kSeed;
  for (; p != end && class_[*p] == kWordByte; ++p) hash = extend(hash, folded_[*p]);
  const size_t word_length = static_cast<size_t>(p - text);
  const Verdict maybe{true, word_length};
  if (p == end) return {contains(hash), word_length};  // T1 ends the text
  if (class_[*p] == kUnknown) return maybe;
  bool found = contains(hash);  // T1

  // s1: one folded byte, a whole run for white space.
  hash = extend(hash, folded_[*p]);
  if (class_[*p] == kSpace) {
    while (++p != end && class_[*p] == kSpace) {
    }
  } else {
    ++p;
  }
  found = found || contains(hash);  // T1 s1

  const unsigned char* second_word = p;
  for (; p != end && class_[*p] == kWordByte; ++p) hash = extend(hash, folded_[*p]);
  if (p != end && class_[*p] == kUnknown) return maybe;
  if (p != second_word) found = found || contains(hash);  // T1 s1 T2
  if (p != end) found = found || contains(extend(hash, folded_[*p]));  // T1 s1 T2 s2
  return {found, word_length};
}

}  // namespace onoma::automaton
