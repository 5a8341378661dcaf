// Building a gazetteer with the builder and reading it back through the accessors.
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>

#include "capi_test_support.h"

namespace {

using capi_test::add;
using capi_test::build;
using capi_test::Builder;
using capi_test::Gazetteer;
using capi_test::new_builder;

std::string str(const char* data, size_t length) {
  return data == nullptr ? "<null>" : std::string(data, length);
}

// Every string accessor returns a NUL-terminated string whose length is the one reported.
#define EXPECT_STRING(call_with_length, expected)                          \
  do {                                                                     \
    size_t length_ = SIZE_MAX;                                             \
    const char* text_ = (call_with_length);                                \
    ASSERT_NE(text_, nullptr);                                             \
    EXPECT_EQ(str(text_, length_), std::string(expected));                 \
    EXPECT_EQ(std::strlen(text_), length_) << "not NUL-terminated there";  \
  } while (0)

class GazetteerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Builder builder = new_builder();
    add(builder.get(), {"canada", "GPE", "Canada", {{"Kanada"}}, R"({"iso":  "CA", "n":[1, 2.5]})"});
    add(builder.get(), {"un", "ORG", "United Nations", {{"UN"}, {"U.N."}}});
    add(builder.get(), {"joly", "PERSON", "Mélanie Joly", {{"Joly", ONOMA_ALIAS_CASE_SENSITIVE}}});
    add(builder.get(), {"gm", "ORG", "General Motors", {{"GM", ONOMA_ALIAS_CASE_INSENSITIVE}}});
    gazetteer_ = build(builder.get());
    ASSERT_NE(gazetteer_, nullptr);
  }

  uint32_t find(const std::string& id) {
    uint32_t entity = UINT32_MAX;
    EXPECT_EQ(onoma_gazetteer_find_entity(g(), id.data(), id.size(), &entity), ONOMA_OK) << id;
    return entity;
  }

  const onoma_gazetteer* g() const { return gazetteer_.get(); }

  Gazetteer gazetteer_;
};

TEST_F(GazetteerTest, Counts) {
  EXPECT_EQ(onoma_gazetteer_entity_count(g()), 4u);
  // Names count as aliases: 2 + 3 + 2 + 2.
  EXPECT_EQ(onoma_gazetteer_alias_count(g()), 9u);
  EXPECT_EQ(onoma_gazetteer_label_count(g()), 3u);
  EXPECT_GT(onoma_gazetteer_memory_usage(g()), 0u);
  EXPECT_EQ(onoma_gazetteer_fold(g()), ONOMA_FOLD_DEFAULT);
}

TEST_F(GazetteerTest, LabelsInOrderOfFirstAppearance) {
  EXPECT_STRING(onoma_gazetteer_label(g(), 0, &length_), "GPE");
  EXPECT_STRING(onoma_gazetteer_label(g(), 1, &length_), "ORG");
  EXPECT_STRING(onoma_gazetteer_label(g(), 2, &length_), "PERSON");
  EXPECT_STREQ(onoma_gazetteer_label(g(), 1, nullptr), "ORG");
}

TEST_F(GazetteerTest, FindEntity) {
  EXPECT_EQ(find("canada"), 0u);
  EXPECT_EQ(find("un"), 1u);
  EXPECT_EQ(find("gm"), 3u);
  // The id is (pointer, length): no NUL needed, nothing read past the length.
  uint32_t entity = UINT32_MAX;
  EXPECT_EQ(onoma_gazetteer_find_entity(g(), "jolyXYZ", 4, &entity), ONOMA_OK);
  EXPECT_EQ(entity, 2u);
}

TEST_F(GazetteerTest, FindEntityNotFoundLeavesOutAlone) {
  uint32_t entity = 12345;
  EXPECT_EQ(onoma_gazetteer_find_entity(g(), "mexico", 6, &entity), ONOMA_ERROR_NOT_FOUND);
  EXPECT_EQ(onoma_gazetteer_find_entity(g(), "Canada", 6, &entity), ONOMA_ERROR_NOT_FOUND);
  EXPECT_EQ(onoma_gazetteer_find_entity(g(), "can", 3, &entity), ONOMA_ERROR_NOT_FOUND);
  EXPECT_EQ(onoma_gazetteer_find_entity(g(), nullptr, 0, &entity), ONOMA_ERROR_NOT_FOUND);
  EXPECT_EQ(entity, 12345u);
}

TEST_F(GazetteerTest, EntityFields) {
  const uint32_t joly = find("joly");
  EXPECT_STRING(onoma_entity_id(g(), joly, &length_), "joly");
  EXPECT_STRING(onoma_entity_label(g(), joly, &length_), "PERSON");
  EXPECT_STRING(onoma_entity_name(g(), joly, &length_), "Mélanie Joly");
  EXPECT_STREQ(onoma_entity_name(g(), joly, nullptr), "Mélanie Joly");
  EXPECT_EQ(onoma_entity_alias_count(g(), joly), 2u);
}

TEST_F(GazetteerTest, MetaIsVerbatimAndNullWhenAbsent) {
  EXPECT_STRING(onoma_entity_meta(g(), find("canada"), &length_), R"({"iso":  "CA", "n":[1, 2.5]})");
  EXPECT_EQ(onoma_entity_meta(g(), find("un"), nullptr), nullptr);
  size_t length = 0;
  EXPECT_EQ(onoma_entity_meta(g(), find("joly"), &length), nullptr);
}

TEST_F(GazetteerTest, AliasesAreConsecutiveAndTheFirstIsTheName) {
  uint32_t expected_first = 0;
  for (uint32_t e = 0; e < onoma_gazetteer_entity_count(g()); ++e) {
    const uint32_t first = onoma_entity_first_alias(g(), e);
    const uint32_t count = onoma_entity_alias_count(g(), e);
    EXPECT_EQ(first, expected_first) << e;
    ASSERT_GE(count, 1u);
    EXPECT_STREQ(onoma_alias_text(g(), first, nullptr), onoma_entity_name(g(), e, nullptr));
    for (uint32_t a = first; a < first + count; ++a) EXPECT_EQ(onoma_alias_entity(g(), a), e);
    expected_first = first + count;
  }
  EXPECT_EQ(expected_first, onoma_gazetteer_alias_count(g()));
}

TEST_F(GazetteerTest, AliasFields) {
  const uint32_t un = onoma_entity_first_alias(g(), find("un"));
  EXPECT_STRING(onoma_alias_text(g(), un, &length_), "United Nations");
  EXPECT_STRING(onoma_alias_text(g(), un + 1, &length_), "UN");
  EXPECT_STRING(onoma_alias_text(g(), un + 2, &length_), "U.N.");
  // The default rule: short all-capital aliases are case-sensitive, flags stay as given.
  EXPECT_EQ(onoma_alias_is_case_sensitive(g(), un), 0);
  EXPECT_EQ(onoma_alias_is_case_sensitive(g(), un + 1), 1);
  EXPECT_EQ(onoma_alias_is_case_sensitive(g(), un + 2), 1);
  EXPECT_EQ(onoma_alias_flags(g(), un + 1), 0u);

  const uint32_t joly = onoma_entity_first_alias(g(), find("joly"));
  EXPECT_STRING(onoma_alias_text(g(), joly + 1, &length_), "Joly");
  EXPECT_EQ(onoma_alias_flags(g(), joly + 1), ONOMA_ALIAS_CASE_SENSITIVE);
  EXPECT_EQ(onoma_alias_is_case_sensitive(g(), joly + 1), 1);

  const uint32_t gm = onoma_entity_first_alias(g(), find("gm"));
  EXPECT_STRING(onoma_alias_text(g(), gm + 1, &length_), "GM");
  EXPECT_EQ(onoma_alias_flags(g(), gm + 1), ONOMA_ALIAS_CASE_INSENSITIVE);
  EXPECT_EQ(onoma_alias_is_case_sensitive(g(), gm + 1), 0);
}

TEST_F(GazetteerTest, OutOfRangeIndices) {
  const auto entities = static_cast<uint32_t>(onoma_gazetteer_entity_count(g()));
  const auto aliases = static_cast<uint32_t>(onoma_gazetteer_alias_count(g()));
  const auto labels = onoma_gazetteer_label_count(g());
  for (const uint32_t e : {entities, entities + 1, UINT32_MAX}) {
    size_t length = 777;
    EXPECT_EQ(onoma_entity_id(g(), e, &length), nullptr);
    EXPECT_EQ(onoma_entity_label(g(), e, &length), nullptr);
    EXPECT_EQ(onoma_entity_name(g(), e, &length), nullptr);
    EXPECT_EQ(onoma_entity_meta(g(), e, &length), nullptr);
    EXPECT_EQ(onoma_entity_alias_count(g(), e), 0u);
    EXPECT_EQ(onoma_entity_first_alias(g(), e), UINT32_MAX);
  }
  for (const uint32_t a : {aliases, aliases + 1, UINT32_MAX}) {
    EXPECT_EQ(onoma_alias_text(g(), a, nullptr), nullptr);
    EXPECT_EQ(onoma_alias_entity(g(), a), UINT32_MAX);
    EXPECT_EQ(onoma_alias_flags(g(), a), 0u);
    EXPECT_EQ(onoma_alias_is_case_sensitive(g(), a), 0);
  }
  EXPECT_EQ(onoma_gazetteer_label(g(), labels, nullptr), nullptr);
  EXPECT_EQ(onoma_gazetteer_label(g(), UINT32_MAX, nullptr), nullptr);
}

TEST(GazetteerAccessors, NullGazetteer) {
  size_t length = 0;
  EXPECT_EQ(onoma_gazetteer_entity_count(nullptr), 0u);
  EXPECT_EQ(onoma_gazetteer_alias_count(nullptr), 0u);
  EXPECT_EQ(onoma_gazetteer_label_count(nullptr), 0u);
  EXPECT_EQ(onoma_gazetteer_memory_usage(nullptr), 0u);
  EXPECT_EQ(onoma_gazetteer_fold(nullptr), 0u);
  EXPECT_EQ(onoma_gazetteer_label(nullptr, 0, &length), nullptr);
  EXPECT_EQ(onoma_entity_id(nullptr, 0, &length), nullptr);
  EXPECT_EQ(onoma_entity_label(nullptr, 0, &length), nullptr);
  EXPECT_EQ(onoma_entity_name(nullptr, 0, &length), nullptr);
  EXPECT_EQ(onoma_entity_meta(nullptr, 0, &length), nullptr);
  EXPECT_EQ(onoma_entity_alias_count(nullptr, 0), 0u);
  EXPECT_EQ(onoma_entity_first_alias(nullptr, 0), UINT32_MAX);
  EXPECT_EQ(onoma_alias_text(nullptr, 0, &length), nullptr);
  EXPECT_EQ(onoma_alias_entity(nullptr, 0), UINT32_MAX);
  EXPECT_EQ(onoma_alias_flags(nullptr, 0), 0u);
  EXPECT_EQ(onoma_alias_is_case_sensitive(nullptr, 0), 0);
}

TEST(Builder, EmptyBuilderBuildsAnEmptyGazetteer) {
  Builder builder = new_builder();
  Gazetteer g = build(builder.get());
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(onoma_gazetteer_entity_count(g.get()), 0u);
  EXPECT_EQ(onoma_gazetteer_alias_count(g.get()), 0u);
  EXPECT_EQ(onoma_gazetteer_label_count(g.get()), 0u);
  EXPECT_TRUE(capi_test::scan(g.get(), "anything at all").empty());
}

TEST(Builder, SameIdAndLabelMerges) {
  Builder builder = new_builder();
  add(builder.get(), {"usa", "GPE", "United States"});
  add(builder.get(), {"usa", "GPE", "America", {}, R"({"iso":"US"})"});
  Gazetteer g = build(builder.get());
  EXPECT_EQ(onoma_gazetteer_entity_count(g.get()), 1u);
  EXPECT_STREQ(onoma_entity_name(g.get(), 0, nullptr), "United States");
  ASSERT_EQ(onoma_entity_alias_count(g.get(), 0), 2u);
  EXPECT_STREQ(onoma_alias_text(g.get(), 1, nullptr), "America");
  EXPECT_STREQ(onoma_entity_meta(g.get(), 0, nullptr), R"({"iso":"US"})");
  EXPECT_EQ(capi_test::describe_scan(g.get(), "America and the United States"),
            "usa@0-7 usa@16-29");
}

TEST(Builder, FieldsAreTakenByLengthNotNul) {
  Builder builder = new_builder();
  const char id[] = "abcdef";
  const char label[] = "ORGxyz";
  const char name[] = "Acme Corp and more";
  const char meta[] = R"({"k":1}trailing)";
  ASSERT_EQ(onoma_builder_add_entity(builder.get(), id, 3, label, 3, name, 9, meta, 7, nullptr),
            ONOMA_OK);
  ASSERT_EQ(onoma_builder_add_alias(builder.get(), "abcZZ", 3, "Acme Inc.", 4, 0, nullptr),
            ONOMA_OK);
  Gazetteer g = build(builder.get());
  EXPECT_STREQ(onoma_entity_id(g.get(), 0, nullptr), "abc");
  EXPECT_STREQ(onoma_entity_label(g.get(), 0, nullptr), "ORG");
  EXPECT_STREQ(onoma_entity_name(g.get(), 0, nullptr), "Acme Corp");
  EXPECT_STREQ(onoma_entity_meta(g.get(), 0, nullptr), R"({"k":1})");
  EXPECT_STREQ(onoma_alias_text(g.get(), 1, nullptr), "Acme");
}

TEST(Builder, MetaNullOrEmptyMeansNone) {
  Builder builder = new_builder();
  ASSERT_EQ(onoma_builder_add_entity(builder.get(), "a", 1, "L", 1, "Alpha", 5, nullptr, 0, nullptr),
            ONOMA_OK);
  ASSERT_EQ(onoma_builder_add_entity(builder.get(), "b", 1, "L", 1, "Beta", 4, "{}", 0, nullptr),
            ONOMA_OK);
  Gazetteer g = build(builder.get());
  EXPECT_EQ(onoma_entity_meta(g.get(), 0, nullptr), nullptr);
  EXPECT_EQ(onoma_entity_meta(g.get(), 1, nullptr), nullptr);
}

TEST(Builder, StaysUsableAfterBuildAndGazetteersAreIndependent) {
  Builder builder = new_builder();
  add(builder.get(), {"un", "ORG", "United Nations"});
  Gazetteer first = build(builder.get());
  add(builder.get(), {"eu", "ORG", "European Union"});
  Gazetteer second = build(builder.get());
  // The builder can go before its gazetteers.
  builder.reset();
  EXPECT_EQ(onoma_gazetteer_entity_count(first.get()), 1u);
  EXPECT_EQ(onoma_gazetteer_entity_count(second.get()), 2u);
  EXPECT_EQ(capi_test::describe_scan(first.get(), "United Nations, European Union"), "un@0-14");
  EXPECT_EQ(capi_test::describe_scan(second.get(), "United Nations, European Union"),
            "un@0-14 eu@16-30");
}

TEST(Builder, FoldOptionsReachTheGazetteer) {
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.fold = ONOMA_FOLD_DEFAULT & ~ONOMA_FOLD_MARKS;
  Gazetteer g = capi_test::build({{"joly", "PERSON", "Mélanie Joly"}}, &options);
  EXPECT_EQ(onoma_gazetteer_fold(g.get()), ONOMA_FOLD_DEFAULT & ~ONOMA_FOLD_MARKS);
  EXPECT_EQ(capi_test::describe_scan(g.get(), "MÉLANIE JOLY"), "joly@0-13");
  EXPECT_EQ(capi_test::describe_scan(g.get(), "Melanie Joly"), "");

  options.fold = ONOMA_FOLD_EXACT;
  Gazetteer exact = capi_test::build({{"joly", "PERSON", "Mélanie Joly"}}, &options);
  EXPECT_EQ(onoma_gazetteer_fold(exact.get()), ONOMA_FOLD_EXACT);
  EXPECT_EQ(capi_test::describe_scan(exact.get(), "Mélanie Joly"), "joly@0-13");
  EXPECT_EQ(capi_test::describe_scan(exact.get(), "mélanie joly"), "");
  EXPECT_EQ(capi_test::describe_scan(exact.get(), "Mélanie\xC2\xA0Joly"), "");
}

TEST(Builder, TheWordIndexFindsNamesAsTheByteIndexDoes) {
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.index = ONOMA_INDEX_WORDS;
  const std::vector<capi_test::EntitySpec> rows = {{"joly", "PERSON", "Mélanie Joly"},
                                                  {"us", "GPE", "United States", {{"U.S."}, {"US"}}}};
  Gazetteer words = capi_test::build(rows, &options);
  Gazetteer bytes = capi_test::build(rows);
  EXPECT_EQ(onoma_gazetteer_index(words.get()), uint32_t{ONOMA_INDEX_WORDS});
  EXPECT_EQ(onoma_gazetteer_index(bytes.get()), uint32_t{ONOMA_INDEX_BYTES});
  EXPECT_EQ(onoma_gazetteer_index(nullptr), uint32_t{ONOMA_INDEX_BYTES});
  const std::string text = "MÉLANIE\nJOLY and one of us went to the U.S.";
  EXPECT_EQ(capi_test::describe_scan(words.get(), text), "joly@0-13 us@40-44");
  EXPECT_EQ(capi_test::describe_scan(bytes.get(), text), "joly@0-13 us@40-44");
}

TEST(Builder, AProgramBuiltBeforeTheIndexFieldGetsTheByteIndex) {
  // The first release's struct ended with `fold` (and its padding, which such a program may
  // leave as it is): the library must not read `index` from it.
  onoma_gazetteer_options options;
  std::memset(&options, 0xAB, sizeof(options));
  options.size = offsetof(onoma_gazetteer_options, index);
  options.fold = ONOMA_FOLD_DEFAULT;
  Gazetteer g = capi_test::build({{"joly", "PERSON", "Mélanie Joly"}}, &options);
  EXPECT_EQ(onoma_gazetteer_index(g.get()), uint32_t{ONOMA_INDEX_BYTES});
}

TEST(Builder, OptionsMayBeNull) {
  onoma_builder* builder = nullptr;
  ASSERT_EQ(onoma_builder_new(nullptr, &builder), ONOMA_OK);
  Builder owned(builder);
  Gazetteer g = build(builder);
  EXPECT_EQ(onoma_gazetteer_fold(g.get()), ONOMA_FOLD_DEFAULT);
}

}  // namespace
