// Collects entities and aliases, folds each alias as it arrives (so a defect is reported where
// it was written), and compiles the immutable Gazetteer. Every adding call is all-or-nothing:
// when it throws InputError the builder is exactly as it was before the call.
#pragma once

#include <absl/container/flat_hash_map.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/entity_spec.h"
#include "gazetteer/file_format.h"
#include "gazetteer/gazetteer.h"

namespace onoma::unicode {
class FoldTable;
}

namespace onoma::gazetteer {

class GazetteerBuilder {
 public:
  explicit GazetteerBuilder(uint32_t fold_options);

  uint32_t fold_options() const { return fold_options_; }
  size_t entity_count() const { return state_.entities.size(); }

  // Adds an entity. An id seen before merges into that entity when the label agrees: its
  // name and aliases become further aliases. `file` names the source in error messages.
  void add_entity(const EntitySpec& spec, const std::string& file = {});
  // Adds every entity of `specs`, or none of them.
  void add_entities(const std::vector<EntitySpec>& specs, const std::string& file);
  // Adds one alias to the entity with id `id`, which must exist.
  void add_alias(std::string_view id, const AliasSpec& alias);
  // Reads a gazetteer file (see file_format.h) and adds all of it, or none of it.
  void add_file(const std::string& path, FileFormat format);

  std::unique_ptr<Gazetteer> build() const;

 private:
  struct DraftAlias {
    std::string text;
    uint32_t flags;
    std::string key;       // fully folded: what the trie holds
    std::string case_key;  // folded but for case; set when case_sensitive
    bool case_sensitive;
    bool word_start;
    bool word_end;
  };
  struct DraftEntity {
    std::string id;
    std::string label;
    std::string meta;
    std::vector<DraftAlias> aliases;  // the first is the canonical name
    std::string file;
    uint64_t line;
  };
  struct State {
    std::vector<DraftEntity> entities;
    absl::flat_hash_map<std::string, uint32_t> entity_by_id;
  };
  struct Source {
    const std::string& file;
    uint64_t line;
  };

  void apply(const EntitySpec& spec, const std::string& file);
  void check_entity_fields(const EntitySpec& spec, Source where) const;
  DraftAlias fold_alias(const AliasSpec& alias, Source where) const;

  uint32_t fold_options_;
  const unicode::FoldTable& fold_table_;
  State state_;
};

}  // namespace onoma::gazetteer
