// An entity as a user describes it (a file line, or calls to the builder), before folding.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onoma::gazetteer {

// Per-alias flags; values are those of the public ONOMA_ALIAS_* constants. A bit field so that
// further flags (e.g. "only when capitalized") can be added without breaking files or callers.
enum AliasFlag : uint32_t {
  kAliasCaseSensitive = 1u << 0,    // match only as written (case kept, the rest folded)
  kAliasCaseInsensitive = 1u << 1,  // never case-sensitive, even if it looks like "US"
};
inline constexpr uint32_t kKnownAliasFlags = kAliasCaseSensitive | kAliasCaseInsensitive;
// The known flags are the lowest bits: a compiled gazetteer keeps one bit column per flag.
inline constexpr uint32_t kAliasFlagCount = 2;
static_assert(kKnownAliasFlags == (1u << kAliasFlagCount) - 1);

struct AliasSpec {
  std::string text;
  uint32_t flags = 0;  // neither case flag: the default rule decides
};

struct EntitySpec {
  std::string id;
  std::string label;
  std::string name;  // canonical name; also matched, as the entity's first alias
  std::vector<AliasSpec> aliases;
  std::string meta;  // a JSON object, verbatim; empty when absent
  uint64_t line = 0;  // where it was read from; 0 when it was not read from a file
};

}  // namespace onoma::gazetteer
