// Shared helpers of the C ABI tests: owning wrappers for the C handles and small functions that
// build a gazetteer and collect matches. Like the tests, they see nothing but <onoma/onoma.h>.
#pragma once

#include <onoma/onoma.h>

#include <gtest/gtest.h>

#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace capi_test {

struct Free {
  void operator()(onoma_builder* p) const { onoma_builder_free(p); }
  void operator()(onoma_gazetteer* p) const { onoma_gazetteer_free(p); }
  void operator()(onoma_scratch* p) const { onoma_scratch_free(p); }
  void operator()(onoma_error* p) const { onoma_error_free(p); }
};
using Builder = std::unique_ptr<onoma_builder, Free>;
using Gazetteer = std::unique_ptr<onoma_gazetteer, Free>;
using Scratch = std::unique_ptr<onoma_scratch, Free>;
using Error = std::unique_ptr<onoma_error, Free>;

struct AliasSpec {
  std::string text;
  uint32_t flags = 0;
};

struct EntitySpec {
  std::string id;
  std::string label;
  std::string name;
  std::vector<AliasSpec> aliases = {};
  std::string meta = {};
};

inline Builder new_builder(const onoma_gazetteer_options* options = nullptr) {
  onoma_builder* builder = nullptr;
  EXPECT_EQ(onoma_builder_new(options, &builder), ONOMA_OK);
  return Builder(builder);
}

// Adds an entity and its aliases; a failure is a test failure with the library's message.
inline void add(onoma_builder* builder, const EntitySpec& e) {
  onoma_error* error = nullptr;
  const onoma_status status = onoma_builder_add_entity(
      builder, e.id.data(), e.id.size(), e.label.data(), e.label.size(), e.name.data(),
      e.name.size(), e.meta.empty() ? nullptr : e.meta.data(), e.meta.size(), &error);
  EXPECT_EQ(status, ONOMA_OK) << e.id << ": " << (error ? error->message : "");
  onoma_error_free(error);
  for (const AliasSpec& alias : e.aliases) {
    error = nullptr;
    EXPECT_EQ(onoma_builder_add_alias(builder, e.id.data(), e.id.size(), alias.text.data(),
                                      alias.text.size(), alias.flags, &error),
              ONOMA_OK)
        << e.id << " / " << alias.text << ": " << (error ? error->message : "");
    onoma_error_free(error);
  }
}

inline Gazetteer build(const onoma_builder* builder) {
  onoma_gazetteer* gazetteer = nullptr;
  onoma_error* error = nullptr;
  EXPECT_EQ(onoma_builder_build(builder, &gazetteer, &error), ONOMA_OK);
  EXPECT_EQ(error, nullptr);
  onoma_error_free(error);
  return Gazetteer(gazetteer);
}

inline Gazetteer build(const std::vector<EntitySpec>& entities,
                       const onoma_gazetteer_options* options = nullptr) {
  Builder builder = new_builder(options);
  for (const EntitySpec& e : entities) add(builder.get(), e);
  return build(builder.get());
}

inline Scratch new_scratch() {
  onoma_scratch* scratch = nullptr;
  EXPECT_EQ(onoma_scratch_new(&scratch), ONOMA_OK);
  return Scratch(scratch);
}

inline onoma_scan_options scan_options(int policy = ONOMA_POLICY_LONGEST,
                                       int boundary = ONOMA_BOUNDARY_WORD,
                                       int offsets = ONOMA_OFFSETS_BYTES) {
  onoma_scan_options options;
  onoma_scan_options_init(&options);
  options.policy = policy;
  options.boundary = boundary;
  options.offsets = offsets;
  return options;
}

// Every match of `text`, through the callback interface.
inline std::vector<onoma_match> scan(const onoma_gazetteer* gazetteer, std::string_view text,
                                     const onoma_scan_options* options = nullptr) {
  Scratch scratch = new_scratch();
  std::vector<onoma_match> matches;
  const onoma_status status = onoma_scan(
      gazetteer, scratch.get(), options, text.data(), text.size(),
      [](const onoma_match* m, void* user_data) {
        static_cast<std::vector<onoma_match>*>(user_data)->push_back(*m);
        return 0;
      },
      &matches);
  EXPECT_EQ(status, ONOMA_OK);
  return matches;
}

inline std::string entity_id(const onoma_gazetteer* gazetteer, uint32_t entity) {
  size_t length = 0;
  const char* id = onoma_entity_id(gazetteer, entity, &length);
  return id == nullptr ? "<none>" : std::string(id, length);
}

// "id@start-end" per match (unit offsets), with a '*' for ambiguous ones: readable in failures.
inline std::string describe(const onoma_gazetteer* gazetteer,
                            const std::vector<onoma_match>& matches) {
  std::string out;
  for (const onoma_match& m : matches) {
    if (!out.empty()) out += ' ';
    out += entity_id(gazetteer, m.entity) + "@" + std::to_string(m.unit_start) + "-" +
           std::to_string(m.unit_end);
    if (m.flags & ONOMA_MATCH_AMBIGUOUS) out += '*';
  }
  return out;
}

inline std::string describe_scan(const onoma_gazetteer* gazetteer, std::string_view text,
                                 const onoma_scan_options* options = nullptr) {
  return describe(gazetteer, scan(gazetteer, text, options));
}

inline bool same_match(const onoma_match& a, const onoma_match& b) {
  return a.start == b.start && a.end == b.end && a.unit_start == b.unit_start &&
         a.unit_end == b.unit_end && a.entity == b.entity && a.alias == b.alias &&
         a.flags == b.flags && a.reserved == b.reserved;
}

}  // namespace capi_test
