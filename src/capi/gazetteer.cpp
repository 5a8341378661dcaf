// onoma_gazetteer_*, onoma_entity_* and onoma_alias_*: read-only views of a gazetteer.
#include "capi/handles.h"

using onoma::gazetteer::Gazetteer;
using onoma::gazetteer::PooledString;

namespace {

const char* pooled(const Gazetteer& g, PooledString s, size_t* length) {
  if (length != nullptr) *length = s.length;
  return g.text(s).data();
}

const Gazetteer* entity_owner(const onoma_gazetteer* gazetteer, uint32_t entity) {
  if (gazetteer == nullptr || entity >= gazetteer->gazetteer->entity_count()) return nullptr;
  return gazetteer->gazetteer.get();
}

const Gazetteer* alias_owner(const onoma_gazetteer* gazetteer, uint32_t alias) {
  if (gazetteer == nullptr || alias >= gazetteer->gazetteer->alias_count()) return nullptr;
  return gazetteer->gazetteer.get();
}

}  // namespace

extern "C" {

void onoma_gazetteer_free(onoma_gazetteer* gazetteer) { delete gazetteer; }

size_t onoma_gazetteer_entity_count(const onoma_gazetteer* gazetteer) {
  return gazetteer == nullptr ? 0 : gazetteer->gazetteer->entity_count();
}

size_t onoma_gazetteer_alias_count(const onoma_gazetteer* gazetteer) {
  return gazetteer == nullptr ? 0 : gazetteer->gazetteer->alias_count();
}

size_t onoma_gazetteer_label_count(const onoma_gazetteer* gazetteer) {
  return gazetteer == nullptr ? 0 : gazetteer->gazetteer->label_count();
}

size_t onoma_gazetteer_memory_usage(const onoma_gazetteer* gazetteer) {
  return gazetteer == nullptr ? 0 : gazetteer->gazetteer->memory_usage();
}

uint32_t onoma_gazetteer_fold(const onoma_gazetteer* gazetteer) {
  return gazetteer == nullptr ? 0 : gazetteer->gazetteer->fold_options();
}

uint32_t onoma_gazetteer_index(const onoma_gazetteer* gazetteer) {
  return gazetteer == nullptr ? ONOMA_INDEX_BYTES
                              : static_cast<uint32_t>(gazetteer->gazetteer->key_index());
}

const char* onoma_gazetteer_label(const onoma_gazetteer* gazetteer, uint32_t index,
                                  size_t* length) {
  if (gazetteer == nullptr || index >= gazetteer->gazetteer->label_count()) return nullptr;
  const std::string_view label = gazetteer->gazetteer->label(index);
  if (length != nullptr) *length = label.size();
  return label.data();
}

onoma_status onoma_gazetteer_find_entity(const onoma_gazetteer* gazetteer, const char* id,
                                         size_t id_length, uint32_t* entity) {
  if (gazetteer == nullptr || entity == nullptr || (id == nullptr && id_length != 0)) {
    return ONOMA_ERROR_INVALID_ARGUMENT;
  }
  const auto found = gazetteer->gazetteer->find_entity(
      std::string_view(id == nullptr ? "" : id, id_length));
  if (!found) return ONOMA_ERROR_NOT_FOUND;
  *entity = *found;
  return ONOMA_OK;
}

const char* onoma_entity_id(const onoma_gazetteer* gazetteer, uint32_t entity, size_t* length) {
  const Gazetteer* g = entity_owner(gazetteer, entity);
  return g == nullptr ? nullptr : pooled(*g, g->entity(entity).id, length);
}

const char* onoma_entity_label(const onoma_gazetteer* gazetteer, uint32_t entity,
                               size_t* length) {
  const Gazetteer* g = entity_owner(gazetteer, entity);
  if (g == nullptr) return nullptr;
  const std::string_view label = g->label(g->entity(entity).label);
  if (length != nullptr) *length = label.size();
  return label.data();
}

const char* onoma_entity_name(const onoma_gazetteer* gazetteer, uint32_t entity,
                              size_t* length) {
  const Gazetteer* g = entity_owner(gazetteer, entity);
  return g == nullptr ? nullptr : pooled(*g, g->entity(entity).name, length);
}

const char* onoma_entity_meta(const onoma_gazetteer* gazetteer, uint32_t entity,
                              size_t* length) {
  const Gazetteer* g = entity_owner(gazetteer, entity);
  if (g == nullptr || g->entity(entity).meta.length == 0) return nullptr;
  return pooled(*g, g->entity(entity).meta, length);
}

uint32_t onoma_entity_alias_count(const onoma_gazetteer* gazetteer, uint32_t entity) {
  const Gazetteer* g = entity_owner(gazetteer, entity);
  return g == nullptr ? 0 : g->entity(entity).alias_count;
}

uint32_t onoma_entity_first_alias(const onoma_gazetteer* gazetteer, uint32_t entity) {
  const Gazetteer* g = entity_owner(gazetteer, entity);
  return g == nullptr ? UINT32_MAX : g->entity(entity).first_alias;
}

const char* onoma_alias_text(const onoma_gazetteer* gazetteer, uint32_t alias, size_t* length) {
  const Gazetteer* g = alias_owner(gazetteer, alias);
  return g == nullptr ? nullptr : pooled(*g, g->alias_text(alias), length);
}

uint32_t onoma_alias_entity(const onoma_gazetteer* gazetteer, uint32_t alias) {
  const Gazetteer* g = alias_owner(gazetteer, alias);
  return g == nullptr ? UINT32_MAX : g->alias(alias).entity;
}

uint32_t onoma_alias_flags(const onoma_gazetteer* gazetteer, uint32_t alias) {
  const Gazetteer* g = alias_owner(gazetteer, alias);
  return g == nullptr ? 0 : g->alias_flags(alias);
}

int onoma_alias_is_case_sensitive(const onoma_gazetteer* gazetteer, uint32_t alias) {
  const Gazetteer* g = alias_owner(gazetteer, alias);
  return g != nullptr && g->alias(alias).case_sensitive ? 1 : 0;
}

}  // extern "C"
