// The compiled gazetteer: immutable once built, so any number of threads may scan with it at
// once. Entities and aliases are numbered, their fields kept in flat columns and their strings
// in one pool; aliases are numbered entity by entity, and the trie maps each folded alias to
// those numbers.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "automaton/packed_array.h"
#include "automaton/ranked_bit_columns.h"
#include "automaton/start_filter.h"
#include "automaton/token_dictionary.h"
#include "automaton/trie.h"
#include "gazetteer/entity_spec.h"
#include "gazetteer/sorted_string_index.h"
#include "unicode/fold_table.h"

namespace onoma::gazetteer {

// A string in the gazetteer's pool; every pooled string is followed by a NUL, so C callers
// can take it as is.
struct PooledString {
  uint32_t offset = 0;
  uint32_t length = 0;
};

// Strings laid out one after the other in the pool, each with its NUL: a string ends where
// the next one begins, so the list holds one offset per string, at the width the pool's
// size needs.
class PooledStringList {
 public:
  PooledStringList() = default;
  // A list for a pool that will not grow past `pool_size` bytes (at most 4 GiB - 1).
  explicit PooledStringList(size_t pool_size) : starts_(static_cast<uint32_t>(pool_size)) {}

  // Appends `s` and its NUL to `pool` and to the list. Nothing else may be appended to the
  // pool between two strings of one list.
  void add(std::string& pool, std::string_view s) {
    if (starts_.size() == 0) starts_.push_back(static_cast<uint32_t>(pool.size()));
    pool.append(s);
    pool.push_back('\0');
    starts_.push_back(static_cast<uint32_t>(pool.size()));
  }
  void reserve(size_t count) { starts_.reserve(count + 1); }

  size_t size() const { return starts_.size() == 0 ? 0 : starts_.size() - 1; }
  PooledString operator[](size_t i) const {
    const auto [start, end] = starts_.pair(i);
    return {start, end - start - 1};
  }
  size_t memory_usage() const { return starts_.memory_usage(); }

 private:
  automaton::PackedArray starts_;  // where each string begins, then where the last NUL ends
};

// Strings that hold no NUL, laid out the same way, where the list keeps only where every
// 2^interval_log2-th string begins: a string between is found by stepping over the NULs of
// those before it (fewer than 2^interval_log2 strlen calls), and its length by its own NUL.
// For the strings that only the API reads, never a scan (alias texts, entity ids): an alias
// text's start took 24 bits of the 900k-alias gazetteer, and takes 1.5 at an interval of 16.
class SampledPooledStringList {
 public:
  SampledPooledStringList() = default;
  // A list for a pool that will not grow past `pool_size` bytes (at most 4 GiB - 1).
  SampledPooledStringList(size_t pool_size, unsigned interval_log2)
      : starts_(static_cast<uint32_t>(pool_size)), interval_log2_(interval_log2) {}

  // Appends `s` and its NUL to `pool` and to the list. Nothing else may be appended to the
  // pool between two strings of one list.
  void add(std::string& pool, std::string_view s) {
    // A NUL inside would end the string early: the builder refuses such strings.
    if (s.find('\0') != std::string_view::npos) throw std::logic_error("pooled string with a NUL");
    if ((count_ & interval_mask()) == 0) starts_.push_back(static_cast<uint32_t>(pool.size()));
    pool.append(s);
    pool.push_back('\0');
    ++count_;
  }
  void reserve(size_t count) { starts_.reserve((count >> interval_log2_) + 1); }

  size_t size() const { return count_; }
  // String i of `pool`, the pool that the strings were added to.
  PooledString at(const std::string& pool, size_t i) const {
    const char* data = pool.data();
    size_t start = starts_[i >> interval_log2_];
    for (size_t before = i & interval_mask(); before > 0; --before) {
      start += std::strlen(data + start) + 1;
    }
    return {static_cast<uint32_t>(start), static_cast<uint32_t>(std::strlen(data + start))};
  }
  size_t memory_usage() const { return starts_.memory_usage(); }

 private:
  size_t interval_mask() const { return (size_t{1} << interval_log2_) - 1; }

  automaton::PackedArray starts_;  // where strings 0, 2^interval_log2, 2 * 2^interval_log2... begin
  unsigned interval_log2_ = 0;
  size_t count_ = 0;
};

// The same for a kind of string that most elements lack (metas): the list holds "" and then
// the strings that are not empty, and a bit per element says which have one. An empty one
// takes 1.5 bits where it took an offset and a NUL.
class SparsePooledStringList {
 public:
  SparsePooledStringList() = default;
  explicit SparsePooledStringList(size_t pool_size) : strings_(pool_size) {}

  void add(std::string& pool, std::string_view s) {
    if (strings_.size() == 0) strings_.add(pool, "");
    present_.push_back(0, !s.empty());
    if (!s.empty()) strings_.add(pool, s);
  }
  void reserve(size_t count) { present_.reserve(count); }

  size_t size() const { return present_.size(0); }
  PooledString operator[](size_t i) const {
    return strings_[present_.test(0, i) ? present_.rank(0, i) + size_t{1} : 0];
  }
  size_t memory_usage() const { return strings_.memory_usage() + present_.memory_usage(); }

 private:
  PooledStringList strings_;
  automaton::RankedBitColumns<1> present_;
};

// An entity as Gazetteer::entity() assembles it from the columns of Gazetteer::Contents.
struct EntityRecord {
  PooledString id;
  PooledString name;
  PooledString meta;  // JSON object text; length 0 when the entity has none
  uint32_t label = 0;
  uint32_t first_alias = 0;  // aliases [first_alias, first_alias + alias_count); the first is the name
  uint32_t alias_count = 0;
};

// What matching needs of an alias, as Gazetteer::alias() assembles it from the columns of
// Gazetteer::Contents (its text and flags are read apart: alias_text(), alias_flags()).
struct AliasRecord {
  PooledString case_key;  // folded without case folding; set only when case_sensitive
  uint32_t entity = 0;
  bool case_sensitive = false;  // resolved: the alias's flags, else the default rule
  bool word_start = false;      // starts with a word character: needs a boundary before it
  bool word_end = false;        // ends with a word character: needs a boundary after it
};

// What the trie's keys are made of. Bytes: an alias's folded bytes, one trie node per byte,
// which serves every scan. Words: the codes of its tokens (automaton/token_dictionary.h), one
// node per token, for gazetteers of millions of aliases; it serves scans with word boundaries
// only, since a key can then only match whole tokens.
enum class KeyIndex { kBytes, kWords };

// The scanner's fast path over ASCII (see Gazetteer::ascii_steps).
enum AsciiStep : uint8_t {
  kAsciiSkip = 1 << 0,       // no match can begin at this byte: step over it
  kAsciiAfterWord = 1 << 1,  // after this byte, the character before is a word character
};

class Gazetteer {
 public:
  // The bit columns of Contents::alias_bits.
  enum AliasBit : size_t {
    kFirstOfEntity,  // the entity's first alias: an alias's entity is the rank of these
    kCaseSensitive,  // AliasRecord::case_sensitive; case keys are kept for these only
    kWordStart,      // AliasRecord::word_start
    kWordEnd,        // AliasRecord::word_end
    kGivenFlags,     // then one per AliasFlag bit, as given
    kAliasBitCount = kGivenFlags + kAliasFlagCount
  };

  // Column by column, so that what every alias has costs a few bytes and what few have (a
  // case key) costs nothing for the others. The pool holds the alias texts, in alias order,
  // then the case keys, the ids, the metas and the labels, each kind contiguous.
  struct Contents {
    uint32_t fold_options = 0;
    KeyIndex key_index = KeyIndex::kBytes;
    std::string pool;
    SampledPooledStringList alias_texts;                // one per alias
    automaton::RankedBitColumns<kAliasBitCount> alias_bits;  // one row per alias
    PooledStringList case_keys;                         // one per case-sensitive alias
    SampledPooledStringList entity_ids;                 // one per entity
    SparsePooledStringList entity_metas;                // one per entity; "" when none
    automaton::PackedArray entity_labels;               // one per entity
    automaton::PackedArray first_aliases;  // one per entity, plus the alias count
    PooledStringList labels;
    automaton::Trie trie;
    // KeyIndex::kWords: the tokens, which of them begin some key (a bit per token number),
    // and which bytes begin those.
    automaton::TokenDictionary tokens;
    std::vector<uint64_t> first_tokens;
    std::array<bool, 256> key_first_bytes{};
  };

  explicit Gazetteer(Contents contents);
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  size_t entity_count() const { return c_.entity_ids.size(); }
  size_t alias_count() const { return c_.alias_texts.size(); }
  size_t label_count() const { return c_.labels.size(); }
  EntityRecord entity(uint32_t index) const {
    EntityRecord entity;
    entity.id = c_.entity_ids.at(c_.pool, index);
    entity.meta = c_.entity_metas[index];
    entity.label = c_.entity_labels[index];
    const auto [first, end] = c_.first_aliases.pair(index);
    entity.first_alias = first;
    entity.alias_count = end - first;
    entity.name = c_.alias_texts.at(c_.pool, entity.first_alias);
    return entity;
  }
  AliasRecord alias(uint32_t index) const {
    const auto& bits = c_.alias_bits;
    AliasRecord alias;
    alias.entity = bits.rank(kFirstOfEntity, size_t{index} + 1) - 1;
    alias.case_sensitive = bits.test(kCaseSensitive, index);
    if (alias.case_sensitive) alias.case_key = c_.case_keys[bits.rank(kCaseSensitive, index)];
    alias.word_start = bits.test(kWordStart, index);
    alias.word_end = bits.test(kWordEnd, index);
    return alias;
  }
  // As the user wrote it.
  PooledString alias_text(uint32_t index) const { return c_.alias_texts.at(c_.pool, index); }
  // AliasFlag bits as given.
  uint32_t alias_flags(uint32_t index) const {
    uint32_t flags = 0;
    for (uint32_t bit = 0; bit < kAliasFlagCount; ++bit) {
      flags |= uint32_t{c_.alias_bits.test(kGivenFlags + bit, index)} << bit;
    }
    return flags;
  }
  std::string_view label(uint32_t index) const { return text(c_.labels[index]); }
  std::string_view text(PooledString s) const { return {c_.pool.data() + s.offset, s.length}; }
  std::optional<uint32_t> find_entity(std::string_view id) const {
    return entity_by_id_.find(*this, id);
  }

  uint32_t fold_options() const { return c_.fold_options; }
  KeyIndex key_index() const { return c_.key_index; }
  const automaton::Trie& trie() const { return c_.trie; }
  // The tokens whose codes the trie's keys are made of; null unless KeyIndex::kWords.
  const automaton::TokenDictionary* tokens() const {
    return c_.key_index == KeyIndex::kWords ? &c_.tokens : nullptr;
  }
  // Whether some key begins with token `number` (KeyIndex::kWords).
  bool token_begins_key(uint32_t number) const {
    return (c_.first_tokens[number / 64] >> (number % 64)) & 1;
  }
  // Rejects most word starts of ASCII text before the trie is touched (word boundaries only;
  // empty for KeyIndex::kWords, whose keys it cannot read).
  const automaton::StartFilter& start_filter() const { return start_filter_; }
  const unicode::FoldTable& fold_table() const { return *fold_table_; }
  // The table that folds everything but case, to check case-sensitive aliases; null when the
  // gazetteer has none.
  const unicode::FoldTable* case_keeping_fold_table() const { return case_keeping_fold_table_; }

  // AsciiStep bits for every ASCII byte, with or without word boundaries: entry
  // [(after_word ? 128 : 0) | byte] is for `byte` met after a word character or not, under
  // this gazetteer's folding and keys. All 0 (read the cluster) when some ASCII character
  // folds away, since a cluster may then span several bytes.
  const uint8_t* ascii_steps(bool word_boundaries) const {
    return ascii_steps_.data() + (word_boundaries ? 0 : 256);
  }
  // For an ASCII word character that is a cluster of its own when ASCII follows it and folds
  // to one ASCII word character: that character; 0 for any other byte. All 0 when some ASCII
  // character folds away, as for ascii_steps.
  const uint8_t* ascii_word_folds() const { return ascii_word_folds_.data(); }

  // Bytes held by this gazetteer (the process-wide fold tables are not counted).
  size_t memory_usage() const;

 private:
  void plan_ascii_steps();
  // Whether some key's folded form begins with `byte`.
  bool some_key_starts_with(unsigned char byte) const;

  std::string_view entity_id(uint32_t entity) const {
    return text(c_.entity_ids.at(c_.pool, entity));
  }

  Contents c_;
  const unicode::FoldTable* fold_table_;
  const unicode::FoldTable* case_keeping_fold_table_ = nullptr;
  SortedStringIndex<Gazetteer, &Gazetteer::entity_id> entity_by_id_;
  std::array<uint8_t, 512> ascii_steps_{};
  std::array<uint8_t, 256> ascii_word_folds_{};
  automaton::StartFilter start_filter_;
};

}  // namespace onoma::gazetteer
