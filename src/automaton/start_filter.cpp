#include "automaton/start_filter.h"

#include <algorithm>
#include <cstring>

namespace onoma::automaton {
namespace {

constexpr size_t kBitsPerEntry = 16;  // about 1% false "maybe" with three bits per entry

// Where a key's walk through the trie stands in the shape T1 s1 T2 s2.
enum class Part : uint8_t { kFirstWord, kSecondWord };

struct PendingNode {
  Trie::State state;
  PrefixHash hash;  // of the folded bytes up to and including this node's
  Part part;
  bool ends_word;  // this node's byte is a word byte
};

// Eight bytes of text, read at once: folded (letters to lower case when asked), with the high
// bit of each byte that is not an ASCII letter or digit, and of each byte that is not ASCII.
struct Chunk {
  uint64_t folded;
  uint64_t non_word;
  uint64_t high;
};

constexpr uint64_t kEach = 0x0101010101010101ULL;
constexpr uint64_t kHigh = 0x8080808080808080ULL;

inline Chunk read_chunk(const unsigned char* text, bool fold_case) {
  uint64_t raw;
  std::memcpy(&raw, text, 8);
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
  raw = __builtin_bswap64(raw);
#endif
  const uint64_t high = raw & kHigh;
  const uint64_t low = raw & ~kHigh;  // byte by byte below 0x80: the sums below never carry
  const uint64_t lower = low | (0x20 * kEach);
  // x + (0x80 - c) has its high bit set exactly when x >= c.
  const uint64_t letter = (lower + 0x1F * kEach) & ~(lower + 0x05 * kEach) & ~high & kHigh;
  const uint64_t digit = (low + 0x50 * kEach) & ~(low + 0x46 * kEach) & ~high & kHigh;
  return {fold_case ? raw | (letter >> 2) : raw, ~(letter | digit) & kHigh, high};
}

// The index of the first byte flagged in `flags` (8 when none).
inline uint32_t first_flagged(uint64_t flags) {
  return flags == 0 ? 8 : static_cast<uint32_t>(__builtin_ctzll(flags)) >> 3;
}

// The high bits of bytes 0 to `index` (at most 7).
inline uint64_t through(uint32_t index) {
  return kHigh & ((uint64_t{2} << (8 * index + 7)) - 1);
}

// The longest run of lead bytes whose two-byte characters all begin a cluster of their own
// (cluster_reader.h): none is a mark, white space or folds away, which would join the
// cluster before it. With the default folding, C3 to CA: U+00C0 to U+02BF, Latin letters.
LeadRange own_cluster_leads(const unicode::FoldTable& table) {
  using unicode::FoldEntry;
  LeadRange longest;
  unsigned run_first = 0;
  for (unsigned lead = 0xC2; lead <= 0xE0; ++lead) {
    bool own = lead <= 0xDF;  // E0, no two-byte lead, closes the last run
    for (char32_t code_point = (lead & 0x1Fu) << 6; own && code_point < ((lead & 0x1Fu) + 1) << 6;
         ++code_point) {
      const FoldEntry& entry = table.entry(code_point);
      own = !entry.has(FoldEntry::kMark) && !entry.has(FoldEntry::kWhiteSpace) &&
            !entry.folds_away();
    }
    if (own && run_first == 0) run_first = lead;
    if (!own && run_first != 0) {
      if (lead - run_first > longest.last + 1u - longest.first) {
        longest = {static_cast<unsigned char>(run_first), static_cast<unsigned char>(lead - 1)};
      }
      run_first = 0;
    }
  }
  return longest;
}

// For U+2000 to U+203F: the plain separator each folds to (SieveRules::punctuation), given
// the rules for ASCII: one byte, neither a word character nor white space, that begins no key.
// The character must not fold away or join a cluster: marks and white space never fold to
// such a byte.
std::array<unsigned char, 64> plain_punctuation(const Trie& trie, const unicode::FoldTable& table,
                                                const SieveRules& rules) {
  using unicode::FoldEntry;
  std::array<unsigned char, 64> punctuation{};
  for (unsigned index = 0; index < 64; ++index) {
    const FoldEntry& entry = table.entry(0x2000 + index);
    if (entry.has(FoldEntry::kIdentity) || entry.length != 1 || entry.has(FoldEntry::kWord) ||
        entry.has(FoldEntry::kMark) || entry.has(FoldEntry::kWhiteSpace)) {
      continue;
    }
    const auto folded = static_cast<unsigned char>(table.folded_bytes(entry)[0]);
    if (folded >= 0x80 || is_ascii_letter_or_digit(folded) || folded == '_' || rules.space[folded] ||
        trie.step(Trie::kRoot, folded) != Trie::kDead) {
      continue;
    }
    punctuation[index] = folded;
  }
  return punctuation;
}

}  // namespace

// Calls f(block, hash) for every entry of the keys in `trie`, every key prefix that a lookup
// can ask for: the walk goes down to s2 at most. An entry sits in the word of its block: T1's
// for what is read with T1 alone, T1 s1 T2's for the rest, so that a lookup reads at most two
// words of the filter. Some entries come more than once.
template <class F>
void for_each_entry(const Trie& trie, F f) {
  std::vector<PendingNode> pending;
  trie.for_each_child(Trie::kRoot, [&](Trie::State child, unsigned char byte) {
    if (!is_ascii_letter_or_digit(byte)) return;
    PrefixHash hash;
    hash.add(byte);
    pending.push_back({child, hash, Part::kFirstWord, true});
  });
  while (!pending.empty()) {
    const PendingNode node = pending.back();
    pending.pop_back();
    const bool first = node.part == Part::kFirstWord;
    const uint64_t node_hash = node.hash.value();
    if (node.ends_word && trie.has_values(node.state)) {
      // A key ending here is looked up whole: T1 (or T1 s1 T2, in its own block).
      f(node_hash, node_hash);
      if (first) f(node_hash, StartFilter::first_word(node_hash));
    }
    trie.for_each_child(node.state, [&](Trie::State child, unsigned char byte) {
      PrefixHash hash = node.hash;
      hash.add(byte);
      if (is_ascii_letter_or_digit(byte)) {
        pending.push_back({child, hash, node.part, true});
      } else if (first) {
        f(node_hash, StartFilter::first_word(node_hash));
        if (trie.has_values(child)) f(node_hash, hash.value());  // T1 s1
        pending.push_back({child, hash, Part::kSecondWord, false});
      } else {
        f(node_hash, hash.value());  // s2: every key below shares it
      }
    });
  }
}

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
    if (is_ascii_letter_or_digit(folded)) {
      // The verdicts rely on a folded letter or digit being a word character in the text.
      if (!entry.has(FoldEntry::kWord)) return StartFilter();
      byte_class = kWordByte;
    }
    filter.class_[byte] = byte_class;
    filter.folded_[byte] = folded;
  }
  for (unsigned lead = 0xC2; lead <= 0xDF; ++lead) filter.class_[lead] = kLead2;
  filter.two_byte_letters_ = TwoByteLetters::build(table);
  filter.fold_case_ = filter.folded_['A'] == 'a';
  filter.window_ = true;
  for (unsigned byte = 0; byte < 128; ++byte) {
    const bool letter = (byte | 0x20) >= 'a' && (byte | 0x20) <= 'z';
    const bool word = letter || (byte >= '0' && byte <= '9');
    const unsigned char folded = static_cast<unsigned char>(filter.fold_case_ && letter ? byte | 0x20 : byte);
    if ((filter.class_[byte] == kWordByte) != word || (word && filter.folded_[byte] != folded)) {
      filter.window_ = false;
    }
  }

  // Two walks over the trie: one counts the entries, which sizes the filter, the other sets
  // their bits. (Keeping the entries instead would cost 16 bytes each while building.)
  size_t entry_count = 0;
  for_each_entry(trie, [&](uint64_t, uint64_t) { ++entry_count; });
  filter.bits_.assign(std::max<size_t>(8, (entry_count * kBitsPerEntry + 63) / 64), 0);
  for_each_entry(trie, [&](uint64_t block, uint64_t hash) {
    filter.bits_[filter.word_index(block)] |= bit_mask(hash);
  });
  // The sieve reads words as check_window does, and takes every other ASCII byte but '_' for a
  // non-word character, a plain separator unless it folds to a byte that begins a key.
  bool ascii_words_standard = true;
  SieveRules rules;
  for (unsigned byte = 0; byte < 128; ++byte) {
    const bool letter_or_digit = is_ascii_letter_or_digit(static_cast<unsigned char>(byte));
    if (table.entry(byte).has(unicode::FoldEntry::kWord) != (letter_or_digit || byte == '_')) {
      ascii_words_standard = false;
    }
    if (!letter_or_digit && byte != '_' &&
        trie.step(Trie::kRoot, filter.folded_[byte]) != Trie::kDead) {
      rules.starters.push_back(static_cast<unsigned char>(byte));
    }
    rules.folded[byte] = filter.folded_[byte];
    rules.space[byte] = filter.class_[byte] == kSpace;
  }
  if (filter.window_ && ascii_words_standard) {
    rules.fold_case = filter.fold_case_;
    rules.own_cluster_leads = own_cluster_leads(table);
    rules.two_byte_letters = filter.two_byte_letters_;
    rules.punctuation = plain_punctuation(trie, table, rules);
    filter.sieve_ = WordSieve::build(trie, rules);
  }
  return filter;
}

StartFilter::Verdict StartFilter::decide(uint64_t first_block, uint64_t first_hash,
                                         size_t word_length, uint64_t separated_hash,
                                         bool has_second_word, uint64_t second_hash,
                                         bool has_second_separator,
                                         uint64_t second_separated_hash) const {
  // Every key that can begin here has T1 as its first word (a key that ends inside a word
  // never matches): most words are rejected by that alone.
  if (!has(first_block, first_word(first_hash))) return {false, word_length};
  if (has(first_block, first_hash)) return {true, word_length};
  return decide_after_first_word(first_block, word_length, separated_hash, has_second_word,
                                 second_hash, has_second_separator, second_separated_hash);
}

StartFilter::Verdict StartFilter::decide_after_first_word(uint64_t first_block,
                                                          size_t word_length,
                                                          uint64_t separated_hash,
                                                          bool has_second_word,
                                                          uint64_t second_hash,
                                                          bool has_second_separator,
                                                          uint64_t second_separated_hash) const {
  if (has(first_block, separated_hash)) return {true, word_length};
  const uint64_t second_block = bits_[word_index(second_hash)];
  const bool found = (has_second_word && has(second_block, second_hash)) ||
                     (has_second_separator && has(second_block, second_separated_hash));
  return {found, word_length};
}

StartFilter::Verdict StartFilter::check_window(const unsigned char* text,
                                               const unsigned char* end) const {
  if (!window_ || end - text < 16) return kOtherWay;
  // T1 and the byte after it, within the first 16 bytes: most words end here.
  const Chunk first = read_chunk(text, fold_case_);
  uint32_t first_end = first_flagged(first.non_word);
  uint64_t absorbed_first = 0;  // the hash of T1's complete chunks
  uint64_t last_chunk = first.folded;  // the chunk where T1 ends
  if (first_end < 8) {
    if (first.high & through(first_end)) return kOtherWay;
  } else {
    if (first.high) return kOtherWay;
    const Chunk second = read_chunk(text + 8, fold_case_);
    const uint32_t rest = first_flagged(second.non_word);
    if (rest == 8 || (second.high & through(rest))) return kOtherWay;
    last_chunk = second.folded;
    first_end = 8 + rest;
    absorbed_first = PrefixHash::absorb(0, first.folded);
  }
  const uint64_t first_partial = last_chunk & ((uint64_t{1} << (8 * (first_end & 7))) - 1);
  const uint64_t first_hash = PrefixHash::finish(absorbed_first, first_partial, first_end);
  const uint64_t first_block = bits_[word_index(first_hash)];
  if (!has(first_block, first_word(first_hash))) return {false, first_end};
  return check_after_first_word(text, end, first_block, first_hash, absorbed_first,
                                first_partial, first_end);
}

// Some key's first word is T1: read s1, T2 and s2 the same way when T2 is ASCII and shorter
// than 8 bytes (the byte-wise reading takes the rest). T1's last byte is ASCII, so s1 is an
// ASCII separator: white space (with its run) or a byte that folds to one other.
StartFilter::Verdict StartFilter::check_after_first_word(const unsigned char* text,
                                                         const unsigned char* end,
                                                         uint64_t first_block, uint64_t first_hash,
                                                         uint64_t absorbed_first,
                                                         uint64_t first_partial,
                                                         uint32_t first_end) const {
  // T1 alone is a key: what follows cannot change the answer, so it is not read. On text
  // dense with mentions ("Joly Joly ...") that reading was a sixth of the scan.
  if (has(first_block, first_hash)) return {true, first_end};
  PrefixHash hash(absorbed_first, first_partial, first_end);
  const unsigned char separator = text[first_end];
  hash.add(folded_[separator]);
  const uint64_t separated_hash = hash.value();
  const unsigned char* second_word = text + first_end + 1;
  if (class_[separator] == kSpace) {
    while (second_word != end && class_[*second_word] == kSpace) ++second_word;
  }
  if (end - second_word < 8) return kOtherWay;
  const Chunk second = read_chunk(second_word, fold_case_);
  const uint32_t second_end = first_flagged(second.non_word);
  if (second_end == 8 || (second.high & through(second_end))) return kOtherWay;
  hash.append(second.folded & ((uint64_t{1} << (8 * second_end)) - 1), second_end);
  const uint64_t second_hash = hash.value();
  hash.add(folded_[second_word[second_end]]);
  return decide_after_first_word(first_block, first_end, separated_hash, second_end != 0,
                                 second_hash, true, hash.value());
}

template <class Sink>
const unsigned char* StartFilter::read_word(const unsigned char* p, const unsigned char* end,
                                            Sink& sink) const {
  const unsigned char* word_start = p;
  while (p != end && sink.wants_more()) {
    if (class_[*p] == kWordByte) {
      sink.add(folded_[*p++]);
      continue;
    }
    // A two-byte letter, or a two-byte character that folds away after a letter (it joins the
    // letter's cluster and adds nothing to it: a removed mark, a soft hyphen). Anything else
    // ends the word, and the caller answers "maybe" unless it is a known separator.
    if (class_[*p] != kLead2 || end - p < 2) break;
    const uint32_t letters = two_byte_letters_.folds(p);
    if (letters == TwoByteLetters::kFoldsAway && p != word_start) {
      p += 2;
      continue;
    }
    if (letters == 0 || letters == TwoByteLetters::kFoldsAway) break;
    sink.add(static_cast<unsigned char>(letters));
    if (TwoByteLetters::count(letters) == 2) sink.add(static_cast<unsigned char>(letters >> 8));
    p += 2;
  }
  return p;
}

namespace {

// A word's folded bytes as the sieve takes them: zero-padded, read until they are too many.
struct SievedWord {
  unsigned char bytes[16] = {};
  uint32_t length = 0;
  bool wants_more() const { return length <= WordSieve::kLongestWord; }
  void add(unsigned char byte) {
    if (length < sizeof(bytes)) bytes[length] = byte;
    ++length;
  }
};

}  // namespace

size_t StartFilter::sieved_word_length(const unsigned char* text, const unsigned char* end) const {
  if (!sieve_.enabled()) return 0;
  SievedWord word;
  const unsigned char* p = read_word(text, end, word);
  // Judged as check_bytewise judges T1: a whole word, then a separator whose folding is known.
  if (word.length == 0 || !word.wants_more() || (p != end && !known_separator(*p))) return 0;
  return sieve_.may_hold(word.bytes, word.length) ? 0 : static_cast<size_t>(p - text);
}

StartFilter::Verdict StartFilter::check_bytewise(const unsigned char* text,
                                                 const unsigned char* end) const {
  const unsigned char* p = text;
  PrefixHash hash;
  p = read_word(p, end, hash);
  const size_t word_length = static_cast<size_t>(p - text);
  if (word_length == 0 || (p != end && !known_separator(*p))) return {true, word_length};
  const uint64_t first_hash = hash.value();
  const uint64_t first_block = bits_[word_index(first_hash)];
  if (p == end) {
    return {has(first_block, first_word(first_hash)) && has(first_block, first_hash), word_length};
  }

  // s1: one folded byte, a whole run for white space.
  hash.add(folded_[*p]);
  const uint64_t separated_hash = hash.value();
  if (class_[*p] == kSpace) {
    while (++p != end && class_[*p] == kSpace) {
    }
  } else {
    ++p;
  }
  const unsigned char* second_word = p;
  p = read_word(p, end, hash);
  if (p != end && !known_separator(*p)) {
    // T2 is not known; T1 and T1 s1 still are.
    return {has(first_block, first_word(first_hash)), word_length};
  }
  const uint64_t second_hash = hash.value();
  uint64_t second_separated_hash = 0;
  if (p != end) {
    hash.add(folded_[*p]);
    second_separated_hash = hash.value();
  }
  return decide(first_block, first_hash, word_length, separated_hash, p != second_word,
                second_hash, p != end, second_separated_hash);
}

}  // namespace onoma::automaton
