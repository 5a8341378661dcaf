// The compiled gazetteer keeps entities and aliases column by column (strings one after the
// other in the pool, an alias's entity as a rank, case keys only where there are some). Read
// back through Gazetteer::entity() and alias(), every field must be what was added, for
// enough entities and aliases to cross many blocks of the bit columns, whether the builder
// stays usable after the build or releases what it holds as the build goes.
#include <gtest/gtest.h>

#include <map>
#include <random>
#include <set>
#include <string>
#include <vector>

#include "gazetteer/gazetteer_builder.h"
#include "unicode/fold_options.h"

namespace onoma::gazetteer {
namespace {

struct ExpectedAlias {
  std::string text;
  uint32_t flags;
};
struct ExpectedEntity {
  std::string label;
  std::string meta;
  std::vector<ExpectedAlias> aliases;  // the name first
};

void check_records(const Gazetteer& gazetteer, const std::vector<std::string>& ids,
                   const std::map<std::string, ExpectedEntity>& expected) {
  const Gazetteer* g = &gazetteer;
  ASSERT_EQ(g->entity_count(), ids.size());
  size_t alias_count = 0;
  std::set<std::string> label_names;
  for (uint32_t e = 0; e < g->entity_count(); ++e) {
    const EntityRecord entity = g->entity(e);
    const std::string id(g->text(entity.id));
    SCOPED_TRACE(id);
    ASSERT_EQ(id, ids[e]);
    ASSERT_EQ(g->find_entity(id), e);
    const ExpectedEntity& want = expected.at(id);
    EXPECT_EQ(g->label(entity.label), want.label);
    EXPECT_EQ(g->text(entity.meta), want.meta);
    // C callers take pooled strings as they are: each ends with a NUL, an empty meta too.
    EXPECT_EQ(g->text(entity.meta).data()[entity.meta.length], '\0');
    EXPECT_EQ(g->text(entity.id).data()[entity.id.length], '\0');
    label_names.insert(std::string(g->label(entity.label)));
    EXPECT_EQ(entity.first_alias, alias_count);
    ASSERT_EQ(entity.alias_count, want.aliases.size());
    EXPECT_EQ(g->text(entity.name), want.aliases[0].text);
    for (uint32_t i = 0; i < entity.alias_count; ++i) {
      const uint32_t a = entity.first_alias + i;
      const AliasRecord alias = g->alias(a);
      const ExpectedAlias& want_alias = want.aliases[i];
      EXPECT_EQ(g->text(g->alias_text(a)), want_alias.text) << a;
      EXPECT_EQ(g->alias_flags(a), want_alias.flags) << a;
      EXPECT_EQ(alias.entity, e) << a;
      const bool case_sensitive = (want_alias.flags & kAliasCaseSensitive) != 0;
      EXPECT_EQ(alias.case_sensitive, case_sensitive) << a;
      EXPECT_EQ(g->text(alias.case_key), case_sensitive ? want_alias.text : "") << a;
      EXPECT_TRUE(alias.word_start && alias.word_end) << a;
    }
    alias_count += entity.alias_count;
  }
  EXPECT_EQ(g->alias_count(), alias_count);
  EXPECT_EQ(g->label_count(), label_names.size());
  EXPECT_FALSE(g->find_entity("nobody"));
  EXPECT_GT(alias_count, 5000u);
}

// The aliases whose key is `text` folded (the trie's values at the node it leads to).
std::vector<uint32_t> aliases_found(const Gazetteer& gazetteer, const std::string& text) {
  const automaton::Trie& trie = gazetteer.trie();
  automaton::Trie::State state = automaton::Trie::kRoot;
  for (const char c : text) {
    state = trie.step(state, static_cast<unsigned char>(c));
    if (state == automaton::Trie::kDead) return {};
  }
  std::vector<uint32_t> values;
  trie.for_each_value(state, [&](uint32_t value) { values.push_back(value); });
  return values;
}

TEST(GazetteerRecords, EveryFieldReadsBackAsAdded) {
  std::mt19937 rng(11);
  // Lower-case ASCII words: each folds to itself, is no short capitalized alias, and starts
  // and ends with a word character; two aliases of an entity are one when their text and
  // case-sensitivity agree.
  auto word = [&] {
    std::string w;
    for (size_t length = 1 + rng() % 6; w.size() < length;) {
      w += static_cast<char>('a' + rng() % 4);
    }
    return w;
  };
  const std::vector<std::string> labels = {"GPE", "PERSON", "ORG"};
  GazetteerBuilder builder(unicode::kFoldDefault);
  std::vector<std::string> ids;
  std::map<std::string, ExpectedEntity> expected;
  for (int record = 0; record < 3000; ++record) {
    EntitySpec spec;
    // A third of the records merge into an entity added before.
    const bool merge = !ids.empty() && rng() % 3 == 0;
    spec.id = merge ? ids[rng() % ids.size()] : "e" + std::to_string(record);
    ExpectedEntity& entity = expected[spec.id];
    spec.label = merge ? entity.label : labels[rng() % labels.size()];
    if (rng() % 4 == 0 && entity.meta.empty()) {
      spec.meta = "{\"n\": " + std::to_string(record) + "}";
    }
    spec.name = word();
    for (size_t n = rng() % 5; n > 0; --n) {
      const uint32_t flags = rng() % 3 == 0   ? kAliasCaseSensitive
                             : rng() % 5 == 0 ? kAliasCaseInsensitive
                                              : 0;
      spec.aliases.push_back({word(), flags});
    }
    builder.add_entity(spec);
    if (!merge) {
      ids.push_back(spec.id);
      entity.label = spec.label;
    }
    if (!spec.meta.empty()) entity.meta = spec.meta;
    std::vector<AliasSpec> added = {AliasSpec{spec.name, 0}};
    added.insert(added.end(), spec.aliases.begin(), spec.aliases.end());
    for (const AliasSpec& alias : added) {
      bool seen = false;
      for (const ExpectedAlias& other : entity.aliases) {
        seen |= other.text == alias.text &&
                (other.flags & kAliasCaseSensitive) == (alias.flags & kAliasCaseSensitive);
      }
      if (!seen) entity.aliases.push_back({alias.text, alias.flags});
    }
  }

  const auto kept = builder.build();
  check_records(*kept, ids, expected);
  const auto released = std::move(builder).build();
  check_records(*released, ids, expected);
  EXPECT_EQ(released->trie().node_count(), kept->trie().node_count());
  for (const auto& [id, entity] : expected) {
    for (const ExpectedAlias& alias : entity.aliases) {
      EXPECT_EQ(aliases_found(*released, alias.text), aliases_found(*kept, alias.text)) << alias.text;
    }
  }
  // The builder is empty afterwards, and can be used again.
  EXPECT_EQ(builder.entity_count(), 0u);
  EntitySpec again;
  again.id = "again";
  again.label = "ORG";
  again.name = "abc";
  builder.add_entity(again);
  const auto rebuilt = std::move(builder).build();
  ASSERT_EQ(rebuilt->entity_count(), 1u);
  EXPECT_EQ(rebuilt->find_entity("again"), 0u);
  EXPECT_FALSE(rebuilt->find_entity(ids[0]));
}

}  // namespace
}  // namespace onoma::gazetteer
