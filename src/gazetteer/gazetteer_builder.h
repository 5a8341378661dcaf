// Collects entities and aliases, folds each alias as it arrives (so a defect is reported where
// it was written), and compiles the immutable Gazetteer. Every adding call is all-or-nothing:
// when it throws InputError the builder is exactly as it was before the call.
//
// What it collects is kept flat, as it must hold a whole gazetteer before compiling it: the
// texts in arenas of blocks (ids and metas; aliases as written; aliases folded), records of
// offsets into them, and the ids in a hash set of entity numbers. Undoing a failed call is cutting everything back to the sizes
// it had before.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/entity_spec.h"
#include "gazetteer/file_format.h"
#include "gazetteer/gazetteer.h"

namespace onoma::gazetteer {

class GazetteerBuilder {
 public:
  explicit GazetteerBuilder(uint32_t fold_options, KeyIndex key_index = KeyIndex::kBytes);
  GazetteerBuilder(GazetteerBuilder&&) noexcept;
  ~GazetteerBuilder();

  uint32_t fold_options() const { return fold_options_; }
  KeyIndex key_index() const { return key_index_; }
  size_t entity_count() const;

  // Adds an entity. An id seen before merges into that entity when the label agrees: its
  // name and aliases become further aliases. `file` names the source in error messages.
  void add_entity(const EntitySpec& spec, const std::string& file = {});
  // Adds every entity of `specs`, or none of them.
  void add_entities(const std::vector<EntitySpec>& specs, const std::string& file);
  // Adds one alias to the entity with id `id`, which must exist.
  void add_alias(std::string_view id, const AliasSpec& alias);
  // Reads gazetteer records from `content` (see file_format.h; `file` names it in error
  // messages) and adds all of them, or none; each record is added as it is read.
  void add_content(std::string_view content, FileFormat format, const std::string& file);
  // Reads a gazetteer file, a block at a time, and adds all of it or none of it.
  void add_file(const std::string& path, FileFormat format);

  // Compiles what was added; the builder stays usable.
  std::unique_ptr<Gazetteer> build() const&;
  // The same for a builder that goes away after it: what was added is released as soon as it
  // is copied, which lowers the peak memory of a large build (see compile). The builder is
  // then empty.
  std::unique_ptr<Gazetteer> build() &&;

 private:
  struct Drafts;  // what has been added; on the heap, as its id set refers to it

  // Compiles `drafts`. When `release` is not null it is `drafts` itself, and each part of it is
  // released once the gazetteer holds a copy: the alias texts block by block as they are
  // pooled, the records and ids after, the folded keys once the trie has copied them (the 10M
  // synthetic aliases' drafts take 1.1 GB).
  static std::unique_ptr<Gazetteer> compile(const Drafts& drafts, Drafts* release);

  uint32_t fold_options_;
  KeyIndex key_index_;
  std::unique_ptr<Drafts> drafts_;
};

}  // namespace onoma::gazetteer
