// The compiled gazetteer: immutable once built, so any number of threads may scan with it at
// once. Entities and aliases are flat records whose strings live in one pool; aliases are
// numbered entity by entity, and the trie maps each folded alias to those numbers.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "automaton/start_filter.h"
#include "automaton/trie.h"
#include "unicode/fold_table.h"

namespace onoma::gazetteer {

// A string in the gazetteer's pool; every pooled string is followed by a NUL, so C callers
// can take it as is.
struct PooledString {
  uint32_t offset = 0;
  uint32_t length = 0;
};

struct EntityRecord {
  PooledString id;
  PooledString name;
  PooledString meta;  // JSON object text; length 0 when the entity has none
  uint32_t label = 0;
  uint32_t first_alias = 0;  // aliases [first_alias, first_alias + alias_count); the first is the name
  uint32_t alias_count = 0;
};

struct AliasRecord {
  PooledString text;      // as the user wrote it
  PooledString case_key;  // folded without case folding; set only when case_sensitive
  uint32_t entity = 0;
  uint32_t flags = 0;     // AliasFlag bits as given
  bool case_sensitive = false;  // resolved: flags, else the default rule
  bool word_start = false;      // starts with a word character: needs a boundary before it
  bool word_end = false;        // ends with a word character: needs a boundary after it
};

// The scanner's fast path over ASCII (see Gazetteer::ascii_steps).
enum AsciiStep : uint8_t {
  kAsciiSkip = 1 << 0,       // no match can begin at this byte: step over it
  kAsciiAfterWord = 1 << 1,  // after this byte, the character before is a word character
};

class Gazetteer {
 public:
  struct Contents {
    uint32_t fold_options = 0;
    std::string pool;
    std::vector<EntityRecord> entities;
    std::vector<AliasRecord> aliases;
    std::vector<PooledString> labels;
    automaton::Trie trie;
  };

  explicit Gazetteer(Contents contents);
  Gazetteer(const Gazetteer&) = delete;
  Gazetteer& operator=(const Gazetteer&) = delete;

  size_t entity_count() const { return c_.entities.size(); }
  size_t alias_count() const { return c_.aliases.size(); }
  size_t label_count() const { return c_.labels.size(); }
  const EntityRecord& entity(uint32_t index) const { return c_.entities[index]; }
  const AliasRecord& alias(uint32_t index) const { return c_.aliases[index]; }
  std::string_view label(uint32_t index) const { return text(c_.labels[index]); }
  std::string_view text(PooledString s) const { return {c_.pool.data() + s.offset, s.length}; }
  std::optional<uint32_t> find_entity(std::string_view id) const;

  uint32_t fold_options() const { return c_.fold_options; }
  const automaton::Trie& trie() const { return c_.trie; }
  // Rejects most word starts of ASCII text before the trie is touched (word boundaries only).
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

  // Bytes held by this gazetteer (the process-wide fold tables are not counted).
  size_t memory_usage() const;

 private:
  void plan_ascii_steps();

  Contents c_;
  const unicode::FoldTable* fold_table_;
  const unicode::FoldTable* case_keeping_fold_table_ = nullptr;
  absl::flat_hash_map<std::string_view, uint32_t> entity_by_id_;
  std::array<uint8_t, 512> ascii_steps_{};
  automaton::StartFilter start_filter_;
};

}  // namespace onoma::gazetteer
