#include "gazetteer/gazetteer_builder.h"

#include <absl/container/flat_hash_map.h>
#include <absl/container/flat_hash_set.h>

#include <algorithm>
#include <limits>
#include <numeric>
#include <optional>
#include <stdexcept>
#include <tuple>
#include <utility>

#include "automaton/release_memory.h"
#include "automaton/trie.h"
#include "gazetteer/input_error.h"
#include "gazetteer/json_reader.h"
#include "gazetteer/loaders.h"
#include "gazetteer/realloc_vector.h"
#include "gazetteer/string_index.h"
#include "gazetteer/text_arena.h"
#include "unicode/acronym.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"
#include "unicode/word_tokens.h"

namespace onoma::gazetteer {
namespace {

// How many alias texts and entity ids share one kept start (SampledPooledStringList): reading
// one steps over up to 15 alias texts (an alias text is read by the API, for a match that is
// reported, never by the scan) or 3 ids (a lookup by id reads about 18 of them).
constexpr unsigned kAliasTextIntervalLog2 = 4;
constexpr unsigned kEntityIdIntervalLog2 = 2;

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

bool first_code_point_is_word(const unicode::FoldTable& table, std::string_view folded) {
  const auto* p = reinterpret_cast<const unsigned char*>(folded.data());
  const auto d = unicode::decode_utf8(p, p + folded.size());
  return table.entry(d.code_point).has(unicode::FoldEntry::kWord);
}

bool last_code_point_is_word(const unicode::FoldTable& table, std::string_view folded) {
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

// U+0000 is refused in ids, labels, names and aliases: the C API hands these out as
// NUL-terminated strings, and a caller that takes strlen would see them cut short (an id
// "a\u0000b" would read as "a"). "meta" is kept verbatim as JSON text, where a NUL can only be
// the escape \u0000, so it needs no such rule.
bool contains_nul(std::string_view s) { return s.find('\0') != std::string_view::npos; }

// Where an entity or alias was written, for error messages.
struct Source {
  const std::string& file;
  uint64_t line;
};

void check_entity_fields(const EntitySpec& spec, Source where) {
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

struct DraftEntity {
  ArenaText id;     // in Drafts::texts
  ArenaText meta;   // in Drafts::texts; empty when the entity has none
  uint32_t label;   // in Drafts::labels
  uint32_t source;  // in Drafts::sources: the file where the entity was first seen
  uint64_t line;
};

// 24 bytes: the 10M synthetic aliases' drafts are 229 MiB of these. The few case keys are kept
// apart (Drafts::case_keys).
struct DraftAlias {
  uint32_t entity;
  ArenaText text;  // in Drafts::alias_texts, as written
  ArenaText key;   // in Drafts::keys, what the trie holds: fully folded, or its token codes
  uint8_t flags;   // AliasFlag bits, as given
  bool case_sensitive;
  bool word_start;
  bool word_end;
};
static_assert(sizeof(DraftAlias) == 24);
static_assert(kKnownAliasFlags <= UINT8_MAX);

// An alias folded, before it is added: its draft, and its case key (in Drafts::keys, folded
// but for case) when it is case-sensitive.
struct FoldedAlias {
  DraftAlias draft;
  ArenaText case_key;
};

}  // namespace

struct GazetteerBuilder::Drafts {
  // How much of each part there is: what a failed call cuts the drafts back to.
  struct Sizes {
    size_t entities, aliases, texts, alias_texts, keys, labels, sources;
    uint32_t tokens;
  };

  Drafts(uint32_t options, KeyIndex index)
      : fold_options(options),
        key_index(index),
        fold_table(unicode::FoldTable::for_options(options)),
        token_reader(fold_table) {}
  Drafts(const Drafts&) = delete;
  Drafts& operator=(const Drafts&) = delete;

  std::string_view id(uint32_t entity) const { return texts.view(entities[entity].id); }
  Sizes sizes() const {
    return {entities.size(), aliases.size(),   texts.size(),   alias_texts.size(),
            keys.size(),     labels.size(), sources.size(), tokens.next_number()};
  }
  void cut_back(const Sizes& to);
  template <typename Add>
  void all_or_nothing(Add&& add);

  uint32_t source(const std::string& file);
  uint32_t label(const std::string& name);
  FoldedAlias fold(const AliasSpec& alias, Source where);
  void push_alias(const FoldedAlias& alias, uint32_t entity);
  // The case key of the case-sensitive alias aliases[number].
  std::string_view case_key(uint32_t number) const {
    const auto found = std::lower_bound(
        case_keys.begin(), case_keys.end(), number,
        [](const std::pair<uint32_t, ArenaText>& entry, uint32_t n) { return entry.first < n; });
    return keys.view(found->second);
  }
  // The alias folded (fold_string's result). With the word index it is cut into tokens as it
  // is folded, once: the folded alias is their concatenation, and their codes go to `codes`.
  std::string fold_key(std::string_view text);
  // What the trie holds for the alias folded as `key` by fold_key.
  ArenaText trie_key(const std::string& key) {
    return keys.add(key_index == KeyIndex::kBytes ? key : codes);
  }
  void apply(const EntitySpec& spec, uint32_t source);
  void add_alias(std::string_view id, const AliasSpec& alias);

  const uint32_t fold_options;
  const KeyIndex key_index;
  const unicode::FoldTable& fold_table;
  unicode::ClusterReader token_reader;  // for cutting aliases into tokens
  TextArena texts;        // ids and metas
  TextArena alias_texts;  // aliases as written, in the order added
  TextArena keys;         // aliases folded
  ReallocVector<DraftEntity> entities;
  ReallocVector<DraftAlias> aliases;  // in the order added; build() groups them by entity
  // The case-sensitive aliases' case keys, by alias number, ascending.
  std::vector<std::pair<uint32_t, ArenaText>> case_keys;
  std::vector<std::string> labels;
  absl::flat_hash_map<std::string, uint32_t> label_numbers;
  std::vector<std::string> sources;  // file names
  automaton::TokenDictionary tokens;  // KeyIndex::kWords: the aliases' tokens
  std::string codes;                  // scratch: the token codes of one alias
  StringIndex<Drafts, &Drafts::id> ids{this};
  std::vector<uint32_t> metas_given;  // earlier entities given a meta by the call under way
  std::vector<FoldedAlias> folded;    // the aliases of the entity being added
};

void GazetteerBuilder::Drafts::cut_back(const Sizes& to) {
  // Ids hash by their text: take them out of the set before the text goes.
  for (size_t entity = to.entities; entity < entities.size(); ++entity) {
    ids.erase(static_cast<uint32_t>(entity));
  }
  for (const uint32_t entity : metas_given) {
    if (entity < to.entities) entities[entity].meta = ArenaText{};
  }
  for (size_t label = to.labels; label < labels.size(); ++label) label_numbers.erase(labels[label]);
  entities.truncate(to.entities);
  aliases.truncate(to.aliases);
  while (!case_keys.empty() && case_keys.back().first >= to.aliases) case_keys.pop_back();
  texts.cut_back(to.texts);
  alias_texts.cut_back(to.alias_texts);
  keys.cut_back(to.keys);
  labels.resize(to.labels);
  sources.resize(to.sources);
  tokens.cut_back(to.tokens);
}

// Runs `add`; if it throws, cuts the drafts back to what they were and rethrows.
template <typename Add>
void GazetteerBuilder::Drafts::all_or_nothing(Add&& add) {
  const Sizes before = sizes();
  metas_given.clear();
  try {
    add();
  } catch (...) {
    cut_back(before);
    throw;
  }
}

uint32_t GazetteerBuilder::Drafts::source(const std::string& file) {
  if (sources.empty() || sources.back() != file) sources.push_back(file);
  return static_cast<uint32_t>(sources.size() - 1);
}

uint32_t GazetteerBuilder::Drafts::label(const std::string& name) {
  const auto [it, inserted] = label_numbers.emplace(name, static_cast<uint32_t>(labels.size()));
  if (inserted) labels.push_back(name);
  return it->second;
}

FoldedAlias GazetteerBuilder::Drafts::fold(const AliasSpec& alias, Source where) {
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
  const std::string key = fold_key(alias.text);
  if (key.empty()) {
    reject("alias " + quoted(alias.text) + " folds to nothing", where.file, where.line);
  }
  FoldedAlias folded_alias{{0, alias_texts.add(alias.text), trie_key(key),
                            static_cast<uint8_t>(alias.flags), false,
                            first_code_point_is_word(fold_table, key),
                            last_code_point_is_word(fold_table, key)},
                           {}};
  DraftAlias& draft = folded_alias.draft;
  const bool by_rule = (alias.flags & kAliasCaseInsensitive) == 0 &&
                       unicode::is_short_capitalized_alias(alias.text);
  const bool wants_case = (alias.flags & kAliasCaseSensitive) != 0 || by_rule;
  // Without case folding every alias already keeps its case: nothing more to check.
  if (wants_case && (fold_options & unicode::kFoldCase)) {
    draft.case_sensitive = true;
    const auto& case_keeping = unicode::FoldTable::for_options(fold_options & ~unicode::kFoldCase);
    // The part of the alias its key covers, folded but for case exactly as the scanner folds
    // a matched span (a folded-away character can fold to something once case is kept).
    const auto [begin, end] =
        unicode::folded_extent(fold_table, alias.text.data(), alias.text.size());
    unicode::ClusterReader reader(case_keeping);
    std::string case_key;
    unicode::fold_span(reader, alias.text.data(), begin, end, case_key);
    folded_alias.case_key = keys.add(case_key);
  }
  return folded_alias;
}

void GazetteerBuilder::Drafts::push_alias(const FoldedAlias& alias, uint32_t entity) {
  if (alias.draft.case_sensitive) {
    case_keys.emplace_back(static_cast<uint32_t>(aliases.size()), alias.case_key);
  }
  aliases.push_back(alias.draft);
  aliases[aliases.size() - 1].entity = entity;
}

std::string GazetteerBuilder::Drafts::fold_key(std::string_view text) {
  if (key_index == KeyIndex::kBytes) {
    return unicode::fold_string(fold_table, text.data(), text.size());
  }
  std::string key;
  codes.clear();
  const auto [begin, end] = unicode::folded_extent(fold_table, text.data(), text.size());
  unicode::for_each_word_token(token_reader, text.data(), begin, end, [&](std::string_view token) {
    key.append(token);
    automaton::TokenDictionary::append_code(tokens.add(token), codes);
  });
  return key;
}

void GazetteerBuilder::Drafts::apply(const EntitySpec& spec, uint32_t source_number) {
  const Source where{sources[source_number], spec.line};
  check_entity_fields(spec, where);
  folded.clear();
  folded.push_back(fold(AliasSpec{spec.name, 0}, where));
  for (const AliasSpec& alias : spec.aliases) folded.push_back(fold(alias, where));

  uint32_t entity;
  const std::optional<uint32_t> existing = ids.find(spec.id);
  if (!existing) {
    if (entities.size() >= std::numeric_limits<uint32_t>::max()) {
      reject("too many entities", where.file, spec.line);
    }
    entity = static_cast<uint32_t>(entities.size());
    entities.push_back(DraftEntity{texts.add(spec.id), texts.add(spec.meta), label(spec.label),
                                   source_number, spec.line});
    ids.insert(entity);
  } else {
    entity = *existing;
    DraftEntity& draft = entities[entity];
    const std::string first_seen = describe_origin(sources[draft.source], draft.line);
    if (labels[draft.label] != spec.label) {
      reject("entity " + quoted(spec.id) + " has label " + quoted(spec.label) + " here but " +
                 quoted(labels[draft.label]) + " before" + first_seen,
             where.file, spec.line);
    }
    const std::string_view meta = texts.view(draft.meta);
    if (!spec.meta.empty() && !meta.empty() && spec.meta != meta) {
      reject("entity " + quoted(spec.id) + " has a different \"meta\" here" + first_seen,
             where.file, spec.line);
    }
    if (meta.empty() && !spec.meta.empty()) {
      draft.meta = texts.add(spec.meta);
      metas_given.push_back(entity);
    }
  }
  for (const FoldedAlias& alias : folded) push_alias(alias, entity);
}

void GazetteerBuilder::Drafts::add_alias(std::string_view id, const AliasSpec& alias) {
  static const std::string kNoFile;
  const std::optional<uint32_t> existing = ids.find(id);
  if (!existing) reject("no entity with id " + quoted(id), kNoFile, 0);
  push_alias(fold(alias, Source{kNoFile, 0}), *existing);
}

GazetteerBuilder::GazetteerBuilder(uint32_t fold_options, KeyIndex key_index)
    : fold_options_(fold_options),
      key_index_(key_index),
      drafts_(std::make_unique<Drafts>(fold_options, key_index)) {}
GazetteerBuilder::GazetteerBuilder(GazetteerBuilder&&) noexcept = default;
GazetteerBuilder::~GazetteerBuilder() = default;

size_t GazetteerBuilder::entity_count() const { return drafts_->entities.size(); }

void GazetteerBuilder::add_entity(const EntitySpec& spec, const std::string& file) {
  drafts_->all_or_nothing([&] { drafts_->apply(spec, drafts_->source(file)); });
}

void GazetteerBuilder::add_entities(const std::vector<EntitySpec>& specs,
                                    const std::string& file) {
  drafts_->all_or_nothing([&] {
    const uint32_t source = drafts_->source(file);
    for (const EntitySpec& spec : specs) drafts_->apply(spec, source);
  });
}

void GazetteerBuilder::add_alias(std::string_view id, const AliasSpec& alias) {
  drafts_->all_or_nothing([&] { drafts_->add_alias(id, alias); });
}

void GazetteerBuilder::add_content(std::string_view content, FileFormat format,
                                   const std::string& file) {
  drafts_->all_or_nothing([&] {
    const uint32_t source = drafts_->source(file);
    read_entities(content, format, file,
                  [&](const EntitySpec& spec) { drafts_->apply(spec, source); });
  });
}

void GazetteerBuilder::add_file(const std::string& path, FileFormat format) {
  drafts_->all_or_nothing([&] {
    const uint32_t source = drafts_->source(path);
    read_file_entities(path, format, [&](const EntitySpec& spec) { drafts_->apply(spec, source); });
  });
}

std::unique_ptr<Gazetteer> GazetteerBuilder::build() const& {
  return compile(*drafts_, nullptr);
}

std::unique_ptr<Gazetteer> GazetteerBuilder::build() && {
  const std::unique_ptr<Drafts> drafts = std::move(drafts_);
  drafts_ = std::make_unique<Drafts>(fold_options_, key_index_);
  return compile(*drafts, drafts.get());
}

std::unique_ptr<Gazetteer> GazetteerBuilder::compile(const Drafts& drafts, Drafts* release) {
  const auto entity_count = static_cast<uint32_t>(drafts.entities.size());
  // Aliases are numbered entity by entity, each entity's in the order they were added: a
  // counting sort of the drafts by entity.
  std::vector<uint32_t> first_draft(entity_count + 1, 0);
  for (const DraftAlias& alias : drafts.aliases) ++first_draft[alias.entity + 1];
  std::partial_sum(first_draft.begin(), first_draft.end(), first_draft.begin());
  std::vector<uint32_t> kept(drafts.aliases.size());
  {
    std::vector<uint32_t> next(first_draft.begin(), first_draft.end() - 1);
    for (uint32_t i = 0; i < drafts.aliases.size(); ++i) kept[next[drafts.aliases[i].entity]++] = i;
  }
  Gazetteer::Contents contents;
  contents.fold_options = drafts.fold_options;
  contents.key_index = drafts.key_index;
  // Aliases of one entity that fold alike (and check case alike) would only ever match
  // together: keep the first, so a span yields one match per entity.
  contents.first_aliases = automaton::PackedArray(static_cast<uint32_t>(
      std::min<size_t>(drafts.aliases.size(), std::numeric_limits<uint32_t>::max())));
  contents.first_aliases.reserve(entity_count + 1);
  size_t alias_count = 0;
  absl::flat_hash_set<std::tuple<std::string_view, bool, std::string_view>> distinct_aliases;
  for (uint32_t entity = 0; entity < entity_count; ++entity) {
    contents.first_aliases.push_back(static_cast<uint32_t>(alias_count));
    distinct_aliases.clear();
    for (uint32_t i = first_draft[entity]; i < first_draft[entity + 1]; ++i) {
      const DraftAlias& alias = drafts.aliases[kept[i]];
      const std::string_view case_key =
          alias.case_sensitive ? drafts.case_key(kept[i]) : std::string_view();
      if (distinct_aliases.emplace(drafts.keys.view(alias.key), alias.case_sensitive, case_key)
              .second) {
        kept[alias_count++] = kept[i];
      }
    }
    if (alias_count >= std::numeric_limits<uint32_t>::max()) {
      throw InputError(InputError::Kind::kInvalidInput, "too many aliases");
    }
  }
  contents.first_aliases.push_back(static_cast<uint32_t>(alias_count));
  kept.resize(alias_count);
  automaton::release_memory(first_draft);
  automaton::release_memory(distinct_aliases);

  // The pool, kind by kind (see Gazetteer::Contents), allocated once.
  std::vector<uint32_t> label_numbers(drafts.labels.size(), UINT32_MAX);
  std::vector<uint32_t> labels_in_order;
  size_t pool_size = 0;
  size_t case_key_count = 0;
  for (const uint32_t draft : kept) {
    const DraftAlias& alias = drafts.aliases[draft];
    pool_size += alias.text.length + 1;
    if (alias.case_sensitive) {
      pool_size += drafts.case_key(draft).size() + 1;
      ++case_key_count;
    }
  }
  if (entity_count > 0) pool_size += 1;  // the metas' one "" (SparsePooledStringList)
  for (const DraftEntity& entity : drafts.entities) {
    pool_size += entity.id.length + 1;
    if (entity.meta.length > 0) pool_size += entity.meta.length + 1;
    if (label_numbers[entity.label] == UINT32_MAX) {
      label_numbers[entity.label] = static_cast<uint32_t>(labels_in_order.size());
      labels_in_order.push_back(entity.label);
      pool_size += drafts.labels[entity.label].size() + 1;
    }
  }
  if (pool_size > std::numeric_limits<uint32_t>::max()) {
    throw InputError(InputError::Kind::kInvalidInput, "gazetteer text exceeds 4 GiB");
  }
  std::string& pool = contents.pool;
  pool.reserve(pool_size);
  contents.alias_texts = SampledPooledStringList(pool_size, kAliasTextIntervalLog2);
  contents.entity_ids = SampledPooledStringList(pool_size, kEntityIdIntervalLog2);
  for (PooledStringList* list : {&contents.case_keys, &contents.labels}) {
    *list = PooledStringList(pool_size);
  }
  contents.entity_metas = SparsePooledStringList(pool_size);

  contents.alias_texts.reserve(alias_count);
  contents.alias_bits.reserve(alias_count);
  // Aliases were added entity by entity unless an id came back later: then the texts are read
  // in the order added, and those copied are given back as the copying goes on.
  const bool release_alias_texts = release != nullptr && std::is_sorted(kept.begin(), kept.end());
  for (uint32_t number = 0; number < alias_count; ++number) {
    const DraftAlias& alias = drafts.aliases[kept[number]];
    if (release_alias_texts) release->alias_texts.release_before(alias.text.offset);
    contents.alias_texts.add(pool, drafts.alias_texts.view(alias.text));
    auto& bits = contents.alias_bits;
    bits.push_back(Gazetteer::kFirstOfEntity, number == contents.first_aliases[alias.entity]);
    bits.push_back(Gazetteer::kCaseSensitive, alias.case_sensitive);
    bits.push_back(Gazetteer::kWordStart, alias.word_start);
    bits.push_back(Gazetteer::kWordEnd, alias.word_end);
    for (uint32_t bit = 0; bit < kAliasFlagCount; ++bit) {
      bits.push_back(Gazetteer::kGivenFlags + bit, (alias.flags >> bit) & 1);
    }
  }
  if (release != nullptr) release->alias_texts.release();
  contents.case_keys.reserve(case_key_count);
  for (const uint32_t draft : kept) {
    if (drafts.aliases[draft].case_sensitive) contents.case_keys.add(pool, drafts.case_key(draft));
  }
  contents.entity_ids.reserve(entity_count);
  contents.entity_metas.reserve(entity_count);
  contents.entity_labels = automaton::PackedArray(
      labels_in_order.empty() ? 0 : static_cast<uint32_t>(labels_in_order.size() - 1));
  contents.entity_labels.reserve(entity_count);
  for (const DraftEntity& entity : drafts.entities) {
    contents.entity_ids.add(pool, drafts.texts.view(entity.id));
    contents.entity_labels.push_back(label_numbers[entity.label]);
  }
  for (const DraftEntity& entity : drafts.entities) {
    contents.entity_metas.add(pool, drafts.texts.view(entity.meta));
  }
  contents.labels.reserve(labels_in_order.size());
  for (const uint32_t label : labels_in_order) contents.labels.add(pool, drafts.labels[label]);
  // The lists' offsets are packed at the width pool_size needs: a pool past it would wrap them.
  if (pool.size() != pool_size) throw std::logic_error("gazetteer pool size miscounted");

  if (release != nullptr) {
    // The texts are all in the pool now; the trie's entries only read the keys. (The ids
    // index reads the texts: it goes first.)
    release->ids = StringIndex<Drafts, &Drafts::id>(release);
    automaton::release_memory(release->entities);
    release->texts.release();
  }
  // The trie's entries need only the keys: taken out of the drafts first, so that a build
  // that releases the drafts does not hold their records (36 bytes an alias) beside the
  // entries (16). The 10M synthetic aliases' load peaked there, 160 MiB above the pool.
  std::vector<ArenaText> keys(alias_count);
  for (uint32_t number = 0; number < alias_count; ++number) {
    keys[number] = drafts.aliases[kept[number]].key;
  }
  automaton::release_memory(kept);
  if (release != nullptr) automaton::release_memory(release->aliases);
  std::vector<automaton::Trie::Entry> trie_entries;
  trie_entries.reserve(alias_count);
  for (uint32_t number = 0; number < alias_count; ++number) {
    trie_entries.push_back({drafts.keys.view(keys[number]), number});
  }
  automaton::release_memory(keys);
  if (drafts.key_index == KeyIndex::kWords) {
    contents.first_tokens.assign(drafts.tokens.next_number() / 64 + 1, 0);
    for (const automaton::Trie::Entry& entry : trie_entries) {
      const uint32_t first = automaton::TokenDictionary::first_number(entry.key());
      contents.first_tokens[first / 64] |= uint64_t{1} << (first % 64);
      contents.key_first_bytes[static_cast<unsigned char>(drafts.tokens.token(first)[0])] = true;
    }
    if (release == nullptr) {
      contents.tokens = drafts.tokens;
    } else {
      contents.tokens = std::move(release->tokens);
    }
    contents.tokens.shrink_to_fit();
  }
  if (release == nullptr) {
    contents.trie = automaton::Trie::build(std::move(trie_entries));
  } else {
    contents.trie = automaton::Trie::build(std::move(trie_entries), [&] { release->keys.release(); });
  }
  return std::make_unique<Gazetteer>(std::move(contents));
}

}  // namespace onoma::gazetteer
