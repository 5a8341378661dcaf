// onoma_builder_* and onoma_gazetteer_load.
#include <cstddef>
#include <string>
#include <utility>

#include "capi/handles.h"
#include "gazetteer/loaders.h"
#include "unicode/fold_options.h"

using onoma::capi::guarded;
using onoma::capi::require;
using onoma::gazetteer::AliasSpec;
using onoma::gazetteer::EntitySpec;
using onoma::gazetteer::FileFormat;
using onoma::gazetteer::KeyIndex;

static_assert(ONOMA_FOLD_CANONICAL == onoma::unicode::kFoldCanonical);
static_assert(ONOMA_FOLD_COMPATIBILITY == onoma::unicode::kFoldCompatibility);
static_assert(ONOMA_FOLD_CASE == onoma::unicode::kFoldCase);
static_assert(ONOMA_FOLD_MARKS == onoma::unicode::kFoldMarks);
static_assert(ONOMA_FOLD_PUNCTUATION == onoma::unicode::kFoldPunctuation);
static_assert(ONOMA_FOLD_WHITE_SPACE == onoma::unicode::kFoldWhiteSpace);
static_assert(ONOMA_FOLD_IGNORABLES == onoma::unicode::kFoldIgnorables);
static_assert(ONOMA_FOLD_DEFAULT == onoma::unicode::kFoldDefault);
static_assert(ONOMA_ALIAS_CASE_SENSITIVE == onoma::gazetteer::kAliasCaseSensitive);
static_assert(ONOMA_ALIAS_CASE_INSENSITIVE == onoma::gazetteer::kAliasCaseInsensitive);
static_assert(ONOMA_FORMAT_AUTO == static_cast<int>(FileFormat::kAuto));
static_assert(ONOMA_FORMAT_JSONL == static_cast<int>(FileFormat::kJsonl));
static_assert(ONOMA_FORMAT_TSV == static_cast<int>(FileFormat::kTsv));
static_assert(ONOMA_FORMAT_SPACY == static_cast<int>(FileFormat::kSpacy));
static_assert(ONOMA_INDEX_BYTES == static_cast<int>(KeyIndex::kBytes));
static_assert(ONOMA_INDEX_WORDS == static_cast<int>(KeyIndex::kWords));

namespace {

std::string text_argument(const char* data, size_t length, const char* what) {
  require(data != nullptr || length == 0, what);
  return length == 0 ? std::string() : std::string(data, length);
}

FileFormat format_argument(int format) {
  require(format >= ONOMA_FORMAT_AUTO && format <= ONOMA_FORMAT_SPACY, "unknown format");
  return static_cast<FileFormat>(format);
}

struct GazetteerOptions {
  uint32_t fold = ONOMA_FOLD_DEFAULT;
  KeyIndex index = KeyIndex::kBytes;
};

// Reads the fields that the caller's `size` covers (a program built against an older header
// passes an older, smaller struct); the others keep their defaults.
GazetteerOptions options_argument(const onoma_gazetteer_options* options) {
  GazetteerOptions result;
  if (options == nullptr) return result;
  require(options->size >= offsetof(onoma_gazetteer_options, fold) + sizeof(uint32_t),
          "onoma_gazetteer_options.size is too small (call onoma_gazetteer_options_init)");
  require((options->fold & ~ONOMA_FOLD_DEFAULT) == 0, "unknown ONOMA_FOLD_* bits");
  result.fold = options->fold;
  if (options->size >= offsetof(onoma_gazetteer_options, index) + sizeof(uint64_t)) {
    require(options->index == ONOMA_INDEX_BYTES || options->index == ONOMA_INDEX_WORDS,
            "unknown ONOMA_INDEX_* value");
    result.index = static_cast<KeyIndex>(options->index);
  }
  return result;
}

onoma::gazetteer::GazetteerBuilder new_builder(const onoma_gazetteer_options* options) {
  const GazetteerOptions given = options_argument(options);
  return onoma::gazetteer::GazetteerBuilder(given.fold, given.index);
}

}  // namespace

extern "C" {

void onoma_gazetteer_options_init(onoma_gazetteer_options* options) {
  if (options == nullptr) return;
  *options = onoma_gazetteer_options{};
  options->size = sizeof(onoma_gazetteer_options);
  options->fold = ONOMA_FOLD_DEFAULT;
  options->index = ONOMA_INDEX_BYTES;
}

onoma_status onoma_builder_new(const onoma_gazetteer_options* options, onoma_builder** out) {
  return guarded(nullptr, [&] {
    require(out != nullptr, "out is NULL");
    *out = new onoma_builder{new_builder(options)};
    return ONOMA_OK;
  });
}

void onoma_builder_free(onoma_builder* builder) { delete builder; }

onoma_status onoma_builder_add_entity(onoma_builder* builder, const char* id, size_t id_length,
                                      const char* label, size_t label_length, const char* name,
                                      size_t name_length, const char* meta_json,
                                      size_t meta_length, onoma_error** error) {
  return guarded(error, [&] {
    require(builder != nullptr, "builder is NULL");
    EntitySpec spec;
    spec.id = text_argument(id, id_length, "id is NULL");
    spec.label = text_argument(label, label_length, "label is NULL");
    spec.name = text_argument(name, name_length, "name is NULL");
    spec.meta = text_argument(meta_json, meta_length, "meta_json is NULL");
    builder->builder.add_entity(spec);
    return ONOMA_OK;
  });
}

onoma_status onoma_builder_add_alias(onoma_builder* builder, const char* id, size_t id_length,
                                     const char* alias, size_t alias_length, uint32_t flags,
                                     onoma_error** error) {
  return guarded(error, [&] {
    require(builder != nullptr, "builder is NULL");
    builder->builder.add_alias(text_argument(id, id_length, "id is NULL"),
                               AliasSpec{text_argument(alias, alias_length, "alias is NULL"), flags});
    return ONOMA_OK;
  });
}

onoma_status onoma_builder_add_file(onoma_builder* builder, const char* path, int format,
                                    onoma_error** error) {
  return guarded(error, [&] {
    require(builder != nullptr, "builder is NULL");
    require(path != nullptr, "path is NULL");
    builder->builder.add_file(path, format_argument(format));
    return ONOMA_OK;
  });
}

onoma_status onoma_builder_add_buffer(onoma_builder* builder, const char* data, size_t length,
                                      int format, const char* name, onoma_error** error) {
  return guarded(error, [&] {
    require(builder != nullptr, "builder is NULL");
    require(data != nullptr || length == 0, "data is NULL");
    const std::string file = name == nullptr ? std::string() : std::string(name);
    builder->builder.add_content(std::string_view(data, data == nullptr ? 0 : length),
                                 format_argument(format), file);
    return ONOMA_OK;
  });
}

onoma_status onoma_builder_build(const onoma_builder* builder, onoma_gazetteer** out,
                                 onoma_error** error) {
  return guarded(error, [&] {
    require(builder != nullptr, "builder is NULL");
    require(out != nullptr, "out is NULL");
    *out = new onoma_gazetteer{builder->builder.build()};
    return ONOMA_OK;
  });
}

onoma_status onoma_gazetteer_load(const char* path, int format,
                                  const onoma_gazetteer_options* options, onoma_gazetteer** out,
                                  onoma_error** error) {
  return guarded(error, [&] {
    require(path != nullptr, "path is NULL");
    require(out != nullptr, "out is NULL");
    onoma::gazetteer::GazetteerBuilder builder = new_builder(options);
    builder.add_file(path, format_argument(format));
    *out = new onoma_gazetteer{std::move(builder).build()};
    return ONOMA_OK;
  });
}

}  // extern "C"
