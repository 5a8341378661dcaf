#include "gazetteer/gazetteer.h"

#include <algorithm>
#include <utility>

#include "unicode/fold_options.h"

namespace onoma::gazetteer {

Gazetteer::Gazetteer(Contents contents)
    : c_(std::move(contents)), fold_table_(&unicode::FoldTable::for_options(c_.fold_options)) {
  const bool any_case_sensitive = std::any_of(c_.aliases.begin(), c_.aliases.end(),
                                              [](const AliasRecord& a) { return a.case_sensitive; });
  if (any_case_sensitive) {
    case_keeping_fold_table_ =
        &unicode::FoldTable::for_options(c_.fold_options & ~unicode::kFoldCase);
  }
  entity_by_id_.reserve(c_.entities.size());
  for (uint32_t i = 0; i < c_.entities.size(); ++i) entity_by_id_.emplace(text(c_.entities[i].id), i);
}

std::optional<uint32_t> Gazetteer::find_entity(std::string_view id) const {
  const auto it = entity_by_id_.find(id);
  if (it == entity_by_id_.end()) return std::nullopt;
  return it->second;
}

size_t Gazetteer::memory_usage() const {
  return sizeof(*this) + c_.pool.capacity() + c_.entities.capacity() * sizeof(EntityRecord) +
         c_.aliases.capacity() * sizeof(AliasRecord) +
         c_.labels.capacity() * sizeof(PooledString) + c_.trie.memory_usage() +
         entity_by_id_.capacity() * (sizeof(std::string_view) + sizeof(uint32_t) + 1);
}

}  // namespace onoma::gazetteer
