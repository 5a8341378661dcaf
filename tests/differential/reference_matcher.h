// A deliberately plain matcher written from the matching contract (DESIGN.md §2), for the
// differential test to hold the engine against. It shares with the library only the
// definitions of one code point — unicode::decode_utf8, unicode::fold_code_point and
// unicode::classify_code_point — and none of its machinery: no fold table, cluster reader,
// trie or scanner. It is slow on purpose: every span of units is folded and compared with
// every alias.
#pragma once

#include <cstddef>
#include <cstdint>
#include <map>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::differential {

enum class Boundary { kWord, kNone };
enum class Policy { kLongest, kAll };

struct ReferenceAlias {
  std::string text;
  uint32_t flags = 0;  // gazetteer::AliasFlag bits
};

// An entity is its aliases, the canonical name first, in the order they were added.
using ReferenceEntity = std::vector<ReferenceAlias>;

struct ReferenceMatch {
  uint64_t start;  // bytes, end exclusive
  uint64_t end;
  uint32_t entity;
  uint32_t alias;  // numbered as the engine numbers them (see ReferenceMatcher)
  bool ambiguous;

  bool operator==(const ReferenceMatch& other) const {
    return start == other.start && end == other.end && entity == other.entity &&
           alias == other.alias && ambiguous == other.ambiguous;
  }
};
std::ostream& operator<<(std::ostream& out, const ReferenceMatch& match);

class ReferenceMatcher {
 public:
  // Aliases are numbered entity by entity, in order, leaving out an alias that behaves exactly
  // like an earlier one of the same entity (same folded form, same case rule, same form
  // folded without case): it could never win, as the lowest-numbered alias of an entity is
  // the one reported.
  ReferenceMatcher(const std::vector<ReferenceEntity>& entities, uint32_t fold_options);

  // False when some alias folds to nothing: the engine must refuse such a gazetteer.
  bool valid() const { return valid_; }

  std::vector<ReferenceMatch> find(std::string_view text, Boundary boundary,
                                   Policy policy) const;

 private:
  struct Alias {
    uint32_t entity;
    uint32_t number;
    std::u32string key;        // folded
    bool case_sensitive;       // resolved, and only when the folding folds case
    std::u32string case_key;   // folded without case folding; set when case_sensitive
    bool word_start;           // the key starts (ends) with a word character
    bool word_end;
  };

  uint32_t fold_options_;
  bool valid_ = true;
  std::vector<Alias> aliases_;
  std::map<std::u32string, std::vector<size_t>> by_key_;  // key → aliases_ indices, ascending
  size_t longest_key_ = 0;
};

// The default case rule (DESIGN.md §2): only capital letters, digits and dots, with one to
// four letters; a combining mark counts with its letter.
bool looks_like_acronym(std::string_view alias);

}  // namespace onoma::differential
