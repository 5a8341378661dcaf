#include "gazetteer/gazetteer_builder.h"

#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <limits>
#include <optional>
#include <tuple>
#include <utility>

#include "automaton/trie.h"
#include "gazetteer/input_error.h"
#include "gazetteer/json_reader.h"
#include "gazetteer/loaders.h"
#include "unicode/acronym.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"

namespace onoma::gazetteer {
namespace {

[[noreturn]] void reject(const std::string& reason, const std::string& file, uint64_t line) {
  throw InputError(InputError::Kind::kInvalidInput, reason, file, line);
}

// `s` in quotes for an error message, cut after at most kShown bytes. Messages must be valid
// UTF-8 even when `s` is not, so the cut falls between characters and each invalid byte is
// shown as U+FFFD; they are C strings too, so U+0000 is shown as the text \u0000.
std::string quoted(std::string_view s) {
  constexpr size_t kShown = 60;
  std::string out = "\"";
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = begin + s.size();
  const auto* p = begin;
  while (p < end) {
    const unicode::DecodedCodePoint d = unicode::decode_utf8(p, end);
    if (static_cast<size_t>(p - begin) + d.length > kShown) break;
    if (d.code_point == 0) {
      out += "\\u0000";
    } else {
      unicode::append_utf8(out, d.code_point);
    }
    p += d.length;
  }
  if (p < end) out += "...";
  return out + "\"";
}

bool first_code_point_is_word(const unicode::FoldTable& table, const std::string& folded) {
  const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
  const auto d = unicode::decode_utf8(p, p + folded.size());
  return table.entry(d.code_point).has(unicode::FoldEntry::kWord);
}

bool last_code_point_is_word(const unicode::FoldTable& table, const std::string& folded) {
  size_t start = folded.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(folded[start]) & 0xC0) == 0x80) --start;
  const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
  const auto d = unicode::decode_utf8(p + start, p + folded.size());
  return table.entry(d.code_point).has(unicode::FoldEntry::kWord);
}

// " (first seen at file:line)", or with what is known of it; empty when nothing is.
std::string describe_origin(const std::string& file, uint64_t line) {
  if (file.empty() && line == 0) return {};
  std::string where = file;
  if (line != 0) where += file.empty() ? "line " + std::to_string(line) : ":" + std::to_string(line);
  return " (first seen at " + where + ")";
}

// Interns strings into the pool, each followed by a NUL.
class PoolWriter {
 public:
  explicit PoolWriter(std::string& pool) : pool_(pool) {}
  PooledString add(std::string_view s) {
    if (pool_.size() + s.size() + 1 > std::numeric_limits<uint32_t>::max()) {
      throw InputError(InputError::Kind::kInvalidInput, "gazetteer text exceeds 4 GiB");
    }
    PooledString ref{static_cast<uint32_t>(pool_.size()), static_cast<uint32_t>(s.size())};
    pool_.append(s);
    pool_.push_back('\0');
    return ref;
  }

 private:
  std::string& pool_;
};

// U+0000 is refused in ids, labels, names and aliases: the C API hands these out as
// NUL-terminated strings, and a caller that takes strlen would see them cut short (an id
// "a\u0000b" would read as "a"). "meta" is kept verbatim as JSON text, where a NUL can only be
// the escape \u0000, so it needs no such rule.
bool contains_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

}  // namespace

GazetteerBuilder::GazetteerBuilder(uint32_t fold_options)
    : fold_options_(fold_options), fold_table_(unicode::FoldTable::for_options(fold_options)) {}

void GazetteerBuilder::check_entity_fields(const EntitySpec& spec, Source where) const {
  auto require = [&](const std::string& value, const char* field) {
    if (value.empty()) reject(std::string("entity has an empty \"") + field + "\"", where.file, where.line);
    if (!unicode::is_valid_utf8(value.data(), value.size())) {
      reject(std::string("invalid UTF-8 in \"") + field + "\"", where.file, where.line);
    }
    if (contains_nul(value)) {
      reject(std::string("\"") + field + "\" contains U+0000 (NUL)", where.file, where.line);
    }
  };
  require(spec.id, "id");
  require(spec.label, "label");
  require(spec.name, "name");
  if (!spec.meta.empty()) {
    json::Value meta;
    json::ParseError error;
    if (!json::parse(spec.meta, &meta, &error)) {
      reject("\"meta\" is not valid JSON: " + error.reason, where.file, where.line);
    }
    if (meta.kind != json::Kind::kObject) reject("\"meta\" must be a JSON object", where.file, where.line);
  }
}

GazetteerBuilder::DraftAlias GazetteerBuilder::fold_alias(const AliasSpec& alias,
                                                          Source where) const {
  if (!unicode::is_valid_utf8(alias.text.data(), alias.text.size())) {
    reject("invalid UTF-8 in alias " + quoted(alias.text), where.file, where.line);
  }
  if (contains_nul(alias.text)) {
    reject("alias " + quoted(alias.text) + " contains U+0000 (NUL)", where.file, where.line);
  }
  if (alias.flags & ~kKnownAliasFlags) reject("unknown alias flags", where.file, where.line);
  if ((alias.flags & kAliasCaseSensitive) && (alias.flags & kAliasCaseInsensitive)) {
    reject("alias " + quoted(alias.text) + " is both case-sensitive and case-insensitive",
           where.file, where.line);
  }
  DraftAlias draft{alias.text, alias.flags, {}, {}, false, false, false};
  draft.key = unicode::fold_string(fold_table_, alias.text.data(), alias.text.size());
  if (draft.key.empty()) {
    reject("alias " + quoted(alias.text) + " folds to nothing", where.file, where.line);
  }
  draft.word_start = first_code_point_is_word(fold_table_, draft.key);
  draft.word_end = last_code_point_is_word(fold_table_, draft.key);
  const bool by_rule = (alias.flags & kAliasCaseInsensitive) == 0 &&
                       unicode::is_short_capitalized_alias(alias.text);
  const bool wants_case = (alias.flags & kAliasCaseSensitive) != 0 || by_rule;
  // Without case folding every alias already keeps its case: nothing more to check.
  if (wants_case && (fold_options_ & unicode::kFoldCase)) {
    draft.case_sensitive = true;
    const auto& case_keeping =
        unicode::FoldTable::for_options(fold_options_ & ~unicode::kFoldCase);
    // The part of the alias its key covers, folded but for case exactly as the scanner folds
    // a matched span (a folded-away character can fold to something once case is kept).
    const auto [begin, end] =
        unicode::folded_extent(fold_table_, alias.text.data(), alias.text.size());
    unicode::ClusterReader reader(case_keeping);
    unicode::fold_span(reader, alias.text.data(), begin, end, draft.case_key);
  }
  return draft;
}

void GazetteerBuilder::apply(const EntitySpec& spec, const std::string& file) {
  const Source where{file, spec.line};
  check_entity_fields(spec, where);
  std::vector<DraftAlias> aliases;
  aliases.push_back(fold_alias(AliasSpec{spec.name, 0}, where));
  for (const AliasSpec& alias : spec.aliases) aliases.push_back(fold_alias(alias, where));

  const auto existing = state_.entity_by_id.find(spec.id);
  if (existing == state_.entity_by_id.end()) {
    if (state_.entities.size() >= std::numeric_limits<uint32_t>::max()) {
      reject("too many entities", file, spec.line);
    }
    state_.entity_by_id.emplace(spec.id, static_cast<uint32_t>(state_.entities.size()));
    DraftEntity entity{spec.id, spec.label, spec.meta, {}, file, spec.line};
    entity.aliases = std::move(aliases);
    state_.entities.push_back(std::move(entity));
    return;
  }
  DraftEntity& entity = state_.entities[existing->second];
  const std::string first_seen = describe_origin(entity.file, entity.line);
  if (entity.label != spec.label) {
    reject("entity " + quoted(spec.id) + " has label " + quoted(spec.label) +
               " here but " + quoted(entity.label) + " before" + first_seen,
           file, spec.line);
  }
  if (!spec.meta.empty() && !entity.meta.empty() && spec.meta != entity.meta) {
    reject("entity " + quoted(spec.id) + " has a different \"meta\" here" + first_seen, file,
           spec.line);
  }
  if (entity.meta.empty()) entity.meta = spec.meta;
  entity.aliases.insert(entity.aliases.end(), std::make_move_iterator(aliases.begin()),
                        std::make_move_iterator(aliases.end()));
}

void GazetteerBuilder::add_entity(const EntitySpec& spec, const std::string& file) {
  // apply() checks and folds everything before it changes anything, but a merge can still
  // fail half-way (allocation), so keep the all-or-nothing promise with a copy of the entity.
  const auto existing = state_.entity_by_id.find(spec.id);
  const size_t entity_count = state_.entities.size();
  std::optional<DraftEntity> previous;
  if (existing != state_.entity_by_id.end()) previous = state_.entities[existing->second];
  try {
    apply(spec, file);
  } catch (...) {
    if (previous) {
      state_.entities[state_.entity_by_id.at(spec.id)] = std::move(*previous);
    } else if (state_.entities.size() > entity_count) {
      state_.entities.pop_back();
      state_.entity_by_id.erase(spec.id);
    }
    throw;
  }
}

void GazetteerBuilder::add_entities(const std::vector<EntitySpec>& specs,
                                    const std::string& file) {
  State backup = state_;
  try {
    for (const EntitySpec& spec : specs) apply(spec, file);
  } catch (...) {
    state_ = std::move(backup);
    throw;
  }
}

void GazetteerBuilder::add_alias(std::string_view id, const AliasSpec& alias) {
  const auto existing = state_.entity_by_id.find(std::string(id));
  static const std::string kNoFile;
  if (existing == state_.entity_by_id.end()) {
    reject("no entity with id " + quoted(id), kNoFile, 0);
  }
  state_.entities[existing->second].aliases.push_back(fold_alias(alias, Source{kNoFile, 0}));
}

void GazetteerBuilder::add_file(const std::string& path, FileFormat format) {
  add_entities(load_entities(path, format), path);
}

std::unique_ptr<Gazetteer> GazetteerBuilder::build() const {
  Gazetteer::Contents contents;
  contents.fold_options = fold_options_;
  PoolWriter pool(contents.pool);
  absl::flat_hash_map<std::string, uint32_t> label_index;
  std::vector<automaton::Trie::Entry> trie_entries;
  absl::flat_hash_set<std::tuple<std::string_view, bool, std::string_view>> distinct_aliases;
  contents.entities.reserve(state_.entities.size());
  for (const DraftEntity& draft : state_.entities) {
    EntityRecord entity;
    entity.id = pool.add(draft.id);
    entity.meta = pool.add(draft.meta);
    auto [label, inserted] =
        label_index.emplace(draft.label, static_cast<uint32_t>(contents.labels.size()));
    if (inserted) contents.labels.push_back(pool.add(draft.label));
    entity.label = label->second;
    entity.first_alias = static_cast<uint32_t>(contents.aliases.size());
    const auto entity_index = static_cast<uint32_t>(contents.entities.size());
    // Aliases of one entity that fold alike (and check case alike) would only ever match
    // together: keep the first, so a span yields one match per entity.
    distinct_aliases.clear();
    for (const DraftAlias& draft_alias : draft.aliases) {
      if (!distinct_aliases
               .emplace(draft_alias.key, draft_alias.case_sensitive, draft_alias.case_key)
               .second) {
        continue;
      }
      if (contents.aliases.size() >= std::numeric_limits<uint32_t>::max()) {
        throw InputError(InputError::Kind::kInvalidInput, "too many aliases");
      }
      AliasRecord alias;
      alias.text = pool.add(draft_alias.text);
      alias.case_key = draft_alias.case_sensitive ? pool.add(draft_alias.case_key) : PooledString{};
      alias.entity = entity_index;
      alias.flags = draft_alias.flags;
      alias.case_sensitive = draft_alias.case_sensitive;
      alias.word_start = draft_alias.word_start;
      alias.word_end = draft_alias.word_end;
      trie_entries.push_back({draft_alias.key, static_cast<uint32_t>(contents.aliases.size())});
      contents.aliases.push_back(alias);
    }
    entity.alias_count = static_cast<uint32_t>(contents.aliases.size()) - entity.first_alias;
    entity.name = contents.aliases[entity.first_alias].text;
    contents.entities.push_back(entity);
  }
  contents.trie = automaton::Trie::build(std::move(trie_entries));
  return std::make_unique<Gazetteer>(std::move(contents));
}

}  // namespace onoma::gazetteer
