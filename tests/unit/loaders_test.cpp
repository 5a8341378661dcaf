// Gazetteer files (JSON Lines, TSV, spaCy patterns) into GazetteerBuilder: what each format
// accepts, that every defect is reported with its file, line and reason, and that a rejected
// file leaves the builder exactly as it was.
#include <gtest/gtest.h>

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer_builder.h"
#include "gazetteer/input_error.h"
#include "gazetteer/line_reader.h"
#include "gazetteer/loaders.h"
#include "gazetteer_test_support.h"
#include "unicode/fold_options.h"
#include "unicode/utf8.h"

namespace onoma::gazetteer {
namespace {

using onoma::test_support::entity;
using onoma::test_support::Found;
using onoma::test_support::find;
using Matches = std::vector<Found>;

// Everything a built gazetteer holds, as text, to compare two builds.
std::string describe(const Gazetteer& g) {
  std::ostringstream out;
  for (uint32_t i = 0; i < g.entity_count(); ++i) {
    const EntityRecord& e = g.entity(i);
    out << g.text(e.id) << " " << g.label(e.label) << " meta=" << g.text(e.meta) << ":";
    for (uint32_t a = e.first_alias; a < e.first_alias + e.alias_count; ++a) {
      out << " [" << g.text(g.alias_text(a)) << " flags=" << g.alias_flags(a)
          << (g.alias(a).case_sensitive ? " cs" : "") << "]";
    }
    out << "\n";
  }
  return out.str();
}

std::vector<std::string> alias_texts(const Gazetteer& g, std::string_view id) {
  const EntityRecord& e = g.entity(*g.find_entity(id));
  std::vector<std::string> out;
  for (uint32_t a = e.first_alias; a < e.first_alias + e.alias_count; ++a) {
    out.emplace_back(g.text(g.alias_text(a)));
  }
  return out;
}

class Loaders : public ::testing::Test {
 protected:
  void TearDown() override {
    for (const std::string& path : paths_) std::remove(path.c_str());
  }

  // Writes `content` to a file of this test named `name` and returns its path.
  std::string write(const std::string& name, const std::string& content) {
    const std::string path = ::testing::TempDir() + "onoma_" +
                             ::testing::UnitTest::GetInstance()->current_test_info()->name() +
                             "_" + name;
    std::ofstream(path, std::ios::binary) << content;
    paths_.push_back(path);
    return path;
  }

  // The error of adding `content` as a file named `name`; fails the test when there is none.
  InputError rejection(const std::string& name, const std::string& content) {
    GazetteerBuilder builder(unicode::kFoldDefault);
    last_path_ = write(name, content);
    try {
      builder.add_file(last_path_, FileFormat::kAuto);
    } catch (const InputError& e) {
      return e;
    }
    ADD_FAILURE() << "accepted: " << content;
    return InputError(InputError::Kind::kInvalidInput, "");
  }

  // Checks that the content is rejected at `line` of its file with a reason containing `part`.
  void expect_rejected(const std::string& content, uint64_t line, const std::string& part,
                       const std::string& name = "g.jsonl") {
    SCOPED_TRACE(content);
    const InputError e = rejection(name, content);
    EXPECT_EQ(e.kind(), InputError::Kind::kInvalidInput);
    EXPECT_EQ(e.file(), last_path_);
    EXPECT_EQ(e.line(), line);
    EXPECT_NE(e.reason().find(part), std::string::npos) << "reason: " << e.reason();
  }

  std::vector<std::string> paths_;
  std::string last_path_;
};

constexpr const char* kJoly =
    R"({"id": "joly", "label": "PERSON", "name": "Mélanie Joly", "aliases": ["Joly"]})";
constexpr const char* kOttawa = R"({"id": "ottawa", "label": "GPE", "name": "Ottawa"})";

// --- JSON Lines -----------------------------------------------------------------------------

TEST_F(Loaders, JsonlStringAndObjectAliasesAndVerbatimMeta) {
  const std::vector<EntitySpec> specs = parse_entities(
      R"({"id": "joly", "label": "PERSON", "name": "Mélanie Joly", )"
      R"("aliases": ["Joly", {"text": "MJ", "case_sensitive": true}, )"
      R"({"text": "mj", "case_sensitive": false}, {"text": "Mel"}], )"
      R"("meta": {"party": "Liberal",  "ids": [1, 2.50], "x": {}}})",
      FileFormat::kJsonl, "f.jsonl");
  ASSERT_EQ(specs.size(), 1u);
  const EntitySpec& s = specs[0];
  EXPECT_EQ(s.id, "joly");
  EXPECT_EQ(s.label, "PERSON");
  EXPECT_EQ(s.name, "Mélanie Joly");
  ASSERT_EQ(s.aliases.size(), 4u);
  EXPECT_EQ(s.aliases[0].text, "Joly");
  EXPECT_EQ(s.aliases[0].flags, 0u);
  EXPECT_EQ(s.aliases[1].text, "MJ");
  EXPECT_EQ(s.aliases[1].flags, kAliasCaseSensitive);
  EXPECT_EQ(s.aliases[2].text, "mj");
  EXPECT_EQ(s.aliases[2].flags, kAliasCaseInsensitive);
  EXPECT_EQ(s.aliases[3].text, "Mel");
  EXPECT_EQ(s.aliases[3].flags, 0u);
  EXPECT_EQ(s.meta, R"({"party": "Liberal",  "ids": [1, 2.50], "x": {}})");
  EXPECT_EQ(s.line, 1u);
}

TEST_F(Loaders, JsonlBlankLinesCrlfAndByteOrderMark) {
  const std::string content = std::string("\xEF\xBB\xBF") + kJoly + "\r\n\r\n  \t\r\n" + kOttawa +
                              "\r\n";
  const std::vector<EntitySpec> specs = parse_entities(content, FileFormat::kJsonl, "f.jsonl");
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[0].id, "joly");
  EXPECT_EQ(specs[0].line, 1u);
  EXPECT_EQ(specs[1].id, "ottawa");
  EXPECT_EQ(specs[1].line, 4u);
  EXPECT_EQ(parse_entities("", FileFormat::kJsonl, "f.jsonl").size(), 0u);
  EXPECT_EQ(parse_entities("\n\n", FileFormat::kJsonl, "f.jsonl").size(), 0u);
}

TEST_F(Loaders, JsonlFileBuildsAGazetteer) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_file(write("g.jsonl",
                         std::string(kJoly) + "\n" +
                             R"({"id": "us", "label": "GPE", "name": "United States", )"
                             R"("aliases": [{"text": "us", "case_sensitive": false}], )"
                             R"("meta": {"iso": "US"}})" "\n"),
                   FileFormat::kJsonl);
  const auto g = builder.build();
  ASSERT_EQ(g->entity_count(), 2u);
  const EntityRecord& us = g->entity(*g->find_entity("us"));
  EXPECT_EQ(g->text(us.meta), R"({"iso": "US"})");
  EXPECT_EQ(g->text(us.name), "United States");
  EXPECT_EQ(g->label(us.label), "GPE");
  EXPECT_EQ(g->text(g->entity(*g->find_entity("joly")).meta), "");
  EXPECT_EQ(find(*g, "Melanie Joly met us."),
            (Matches{{0, 12, "joly", false}, {17, 19, "us", false}}));
}

TEST_F(Loaders, JsonlSyntaxErrors) {
  expect_rejected(std::string(kJoly) + "\n{\"id\": \"x\",\n", 2, "malformed JSON");
  expect_rejected("\n\n[\"not\", \"an object\"]\n", 3, "expected a JSON object");
  expect_rejected("\"just a string\"\n", 1, "expected a JSON object");
  expect_rejected(std::string(kOttawa) + "\n" +
                      R"({"id": "a", "label": "L", "name": "Jol)" "\xFF" R"("})",
                  2, "invalid UTF-8");
  expect_rejected(R"({"id": "a", "id": "b", "label": "L", "name": "N"})", 1, "duplicate key");
}

TEST_F(Loaders, JsonlMissingFields) {
  expect_rejected(R"({"label": "L", "name": "N"})", 1, "missing field \"id\"");
  expect_rejected(std::string(kOttawa) + "\n" + R"({"id": "a", "name": "N"})", 2,
                  "missing field \"label\"");
  expect_rejected(R"({"id": "a", "label": "L"})", 1, "missing field \"name\"");
}

TEST_F(Loaders, JsonlWrongFieldTypes) {
  expect_rejected(R"({"id": 7, "label": "L", "name": "N"})", 1, "\"id\" must be a string");
  expect_rejected(R"({"id": "a", "label": null, "name": "N"})", 1, "\"label\" must be a string");
  expect_rejected(R"({"id": "a", "label": "L", "name": ["N"]})", 1, "\"name\" must be a string");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "aliases": "A"})", 1,
                  "\"aliases\" must be an array");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "aliases": [1]})", 1,
                  "each alias must be a string or an object");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "aliases": [{"case_sensitive": true}]})",
                  1, "missing field \"text\"");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "aliases": [{"text": 5}]})", 1,
                  "\"text\" must be a string");
  expect_rejected(
      R"({"id": "a", "label": "L", "name": "N", "aliases": [{"text": "A", "case_sensitive": "yes"}]})",
      1, "\"case_sensitive\" must be true or false");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "meta": [1]})", 1,
                  "\"meta\" must be a JSON object");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "meta": "x"})", 1,
                  "\"meta\" must be a JSON object");
}

TEST_F(Loaders, JsonlUnknownFields) {
  expect_rejected(R"({"id": "a", "label": "L", "nmae": "N", "name": "N"})", 1,
                  "unknown field \"nmae\"");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "aliases": [{"text": "A", "cs": true}]})",
                  1, "unknown field \"cs\"");
}

TEST_F(Loaders, EmptyOrUnfoldableNamesAndAliases) {
  expect_rejected(R"({"id": "", "label": "L", "name": "N"})", 1, "empty \"id\"");
  expect_rejected(R"({"id": "a", "label": "", "name": "N"})", 1, "empty \"label\"");
  expect_rejected(R"({"id": "a", "label": "L", "name": ""})", 1, "empty \"name\"");
  expect_rejected(std::string(kOttawa) + "\n" +
                      R"({"id": "a", "label": "L", "name": "N", "aliases": ["\u00AD"]})",
                  2, "folds to nothing");
  expect_rejected(R"({"id": "a", "label": "L", "name": "N", "aliases": ["   "]})", 1,
                  "folds to nothing");
  expect_rejected(R"({"id": "a", "label": "L", "name": "\u200B \u2060"})", 1, "folds to nothing");
}

TEST_F(Loaders, ConflictingLabelsNameBothAndWhereTheFirstWasSeen) {
  const InputError e = rejection(
      "g.jsonl", std::string(kJoly) + "\n" + kOttawa + "\n" +
                     R"({"id": "joly", "label": "ORG", "name": "Joly Inc."})" "\n");
  EXPECT_EQ(e.file(), last_path_);
  EXPECT_EQ(e.line(), 3u);
  EXPECT_NE(e.reason().find("\"ORG\""), std::string::npos) << e.reason();
  EXPECT_NE(e.reason().find("\"PERSON\""), std::string::npos) << e.reason();
  EXPECT_NE(e.reason().find(last_path_ + ":1"), std::string::npos) << e.reason();
  EXPECT_EQ(std::string(e.what()).rfind(last_path_ + ":3: ", 0), 0u) << e.what();
}

TEST_F(Loaders, ConflictWithoutAFileNameSaysWhichLineCameFirst) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  const std::vector<EntitySpec> specs = parse_entities(
      std::string(kJoly) + "\n" + R"({"id": "joly", "label": "ORG", "name": "Joly Inc."})",
      FileFormat::kJsonl, "");
  try {
    builder.add_entities(specs, "");
    FAIL() << "conflicting labels accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.line(), 2u);
    EXPECT_NE(e.reason().find("(first seen at line 1)"), std::string::npos) << e.reason();
  }
}

TEST_F(Loaders, ConflictingMeta) {
  expect_rejected(R"({"id": "a", "label": "L", "name": "A", "meta": {"k": 1}})" "\n"
                  R"({"id": "a", "label": "L", "name": "B", "meta": {"k": 2}})",
                  2, "different \"meta\"");
}

TEST_F(Loaders, MissingOrUnreadableFileIsAnIoError) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_entity(entity("joly", "Joly"));
  const std::string path = ::testing::TempDir() + "onoma_no_such_file.jsonl";
  try {
    builder.add_file(path, FileFormat::kAuto);
    FAIL() << "a missing file was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.kind(), InputError::Kind::kIo);
    EXPECT_EQ(e.file(), path);
    EXPECT_EQ(e.line(), 0u);
  }
  try {
    builder.add_file(::testing::TempDir(), FileFormat::kAuto);  // a directory
    FAIL() << "a directory was accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.kind(), InputError::Kind::kIo);
    EXPECT_EQ(e.file(), ::testing::TempDir());
  }
  EXPECT_EQ(builder.entity_count(), 1u);
}

// --- Files read a block at a time --------------------------------------------------------

// Every line a reader gives, with its number, and what peek_record said before each.
std::vector<std::string> read_all(LineReader& lines) {
  std::vector<std::string> out;
  std::string_view line;
  while (true) {
    std::string peeked = "<none>";
    if (lines.peek_record(&line)) peeked = std::string(line);
    if (!lines.next(&line)) break;
    out.push_back(std::to_string(lines.line_number()) + ":" + std::string(line) + " peek " + peeked);
  }
  EXPECT_FALSE(lines.peek_record(&line));
  return out;
}

TEST_F(Loaders, AFileReadInBlocksGivesTheLinesOfItsContent) {
  const std::string long_line(300, 'x');
  const std::vector<std::string> contents = {
      "",
      "\xEF\xBB\xBF",
      "\xEF\xBB\xBF" "a\r\n\r\n  \t\r\nb",
      "\n\n \nfirst record\r\nsecond\n",
      "one\r\n" + long_line + "\r\n\r\n" + long_line + long_line,
      "\xEF\xBBnot a mark\n\t\n",
  };
  for (const std::string& content : contents) {
    LineReader from_memory(content);
    const std::vector<std::string> expected = read_all(from_memory);
    const std::string path = write("lines.txt", content);
    for (const size_t block : {1, 2, 3, 4, 7, 64, 1 << 20}) {
      SCOPED_TRACE("content " + content.substr(0, 20) + ", block " + std::to_string(block));
      const int fd = ::open(path.c_str(), O_RDONLY);
      ASSERT_GE(fd, 0);
      LineReader from_file(fd, path, block);
      EXPECT_EQ(read_all(from_file), expected);
      ::close(fd);
    }
  }
}

TEST_F(Loaders, AFileLargerThanABlockLoadsAsItsContentDoes) {
  std::string content;
  for (int i = 0; i < 30000; ++i) {  // about 2.4 MB: more than two blocks
    content += R"({"id": "e)" + std::to_string(i) + R"(", "label": "L", "name": "Name )" +
               std::to_string(i) + R"(", "aliases": ["Alias )" + std::to_string(i) + "\"]}" +
               (i % 7 == 0 ? "\r\n" : "\n") + (i % 11 == 0 ? "\n" : "");
  }
  GazetteerBuilder from_file(unicode::kFoldDefault);
  from_file.add_file(write("big.jsonl", content), FileFormat::kAuto);
  GazetteerBuilder from_content(unicode::kFoldDefault);
  from_content.add_content(content, FileFormat::kAuto, "big.jsonl");
  EXPECT_EQ(describe(*from_file.build()), describe(*from_content.build()));

  // A defect far into the file names its line, and none of the file is kept.
  const uint64_t lines = static_cast<uint64_t>(std::count(content.begin(), content.end(), '\n'));
  expect_rejected(content + "{\"id\": 1}\n", lines + 1, "must be a string");
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_entity(entity("joly", "Joly"));
  EXPECT_THROW(builder.add_file(last_path_, FileFormat::kAuto), InputError);
  EXPECT_EQ(builder.entity_count(), 1u);
}

// A builder that goes away after its build (build() &&, as loading a file does) gives back its
// alias texts block by block as it pools them, when they were added entity by entity; it must
// build what a builder that stays builds, with and without an id that comes back later.
TEST_F(Loaders, ABuilderThatGoesAwayBuildsWhatOneThatStaysBuilds) {
  for (const bool id_comes_back : {false, true}) {
    SCOPED_TRACE(id_comes_back ? "an id comes back" : "entity by entity");
    std::string content;
    for (int i = 0; i < 40000; ++i) {  // about 6 MB of alias texts: more than one block
      const std::string n = std::to_string(i);
      content += R"({"id": "e)" + n + R"(", "label": "L", "name": "Name )" + n + R"(", "aliases": [")" +
                 std::string(120, static_cast<char>('a' + i % 26)) + " " + n + R"(", "Other )" +
                 n + "\"]}\n";
    }
    if (id_comes_back) content += R"({"id": "e7", "label": "L", "name": "Seven again"})" "\n";
    GazetteerBuilder staying(unicode::kFoldDefault);
    staying.add_content(content, FileFormat::kJsonl, "g.jsonl");
    GazetteerBuilder going(unicode::kFoldDefault);
    going.add_content(content, FileFormat::kJsonl, "g.jsonl");
    const auto from_staying = staying.build();
    const auto from_going = std::move(going).build();
    EXPECT_EQ(describe(*from_going), describe(*from_staying));
    EXPECT_EQ(alias_texts(*from_going, "e7").back(), id_comes_back ? "Seven again" : "Other 7");
  }
}

// --- Merging --------------------------------------------------------------------------------

TEST_F(Loaders, DuplicateIdsWithTheSameLabelMerge) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_file(
      write("g.jsonl",
            std::string(kJoly) + "\n" +
                R"({"id": "joly", "label": "PERSON", "name": "Melanie Joly", )"
                R"("aliases": ["MJ", "Joly"], "meta": {"party": "Liberal"}})" "\n"
                R"({"id": "joly", "label": "PERSON", "name": "M. Joly", "meta": {"party": "Liberal"}})"),
      FileFormat::kJsonl);
  const auto g = builder.build();
  ASSERT_EQ(g->entity_count(), 1u);
  const EntityRecord& joly = g->entity(0);
  EXPECT_EQ(g->text(joly.name), "Mélanie Joly");  // the first name stays the name
  EXPECT_EQ(g->text(joly.meta), R"({"party": "Liberal"})");
  // "Melanie Joly" folds like the name and "Joly" is already there: each is kept once.
  EXPECT_EQ(alias_texts(*g, "joly"), (std::vector<std::string>{"Mélanie Joly", "Joly", "MJ", "M. Joly"}));
  EXPECT_EQ(find(*g, "MJ and M. Joly"), (Matches{{0, 2, "joly", false}, {7, 14, "joly", false}}));
}

TEST_F(Loaders, OneAliasSharedByTwoEntitiesKeepsBoth) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_file(write("g.tsv", "lu\tGPE\tLuxembourg\n"
                                  "lu-city\tCITY\tLuxembourg City\tLuxembourg\n"),
                   FileFormat::kAuto);
  const auto g = builder.build();
  EXPECT_EQ(find(*g, "Luxembourg"), (Matches{{0, 10, "lu", true}, {0, 10, "lu-city", true}}));
}

// --- All or nothing -------------------------------------------------------------------------

TEST_F(Loaders, ARejectedFileLeavesTheBuilderAsItWas) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_entity(entity("joly", "Mélanie Joly"));
  builder.add_file(write("first.jsonl", std::string(kOttawa) + "\n"), FileFormat::kJsonl);
  const std::string before = describe(*builder.build());

  // A new entity, then merges into existing ones, then a defect (one the reader finds, two
  // only the builder finds): none of it may stay.
  const std::string records = R"({"id": "paris", "label": "GPE", "name": "Paris"})" "\n"
                              R"({"id": "joly", "label": "THING", "name": "MJ"})" "\n"
                              R"({"id": "ottawa", "label": "GPE", "name": "Bytown"})" "\n";
  for (const char* defect : {R"({"id": "x", "label": "GPE"})",
                              R"({"id": "x", "label": "GPE", "name": "\u00AD"})",
                              R"({"id": "paris", "label": "CITY", "name": "Paris"})"}) {
    SCOPED_TRACE(defect);
    EXPECT_THROW(builder.add_file(write("bad.jsonl", records + defect), FileFormat::kJsonl),
                 InputError);
    EXPECT_EQ(builder.entity_count(), 2u);
    const auto after = builder.build();
    EXPECT_EQ(describe(*after), before);
    EXPECT_EQ(find(*after, "Paris MJ Bytown"), Matches{});
  }

  // The builder is still usable, and the same ids can be added afterwards.
  builder.add_file(write("good.jsonl", R"({"id": "paris", "label": "GPE", "name": "Paris"})"),
                   FileFormat::kJsonl);
  EXPECT_EQ(find(*builder.build(), "Paris"), (Matches{{0, 5, "paris", false}}));
}

TEST_F(Loaders, ARejectedEntityLeavesTheBuilderAsItWas) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  EntitySpec joly = entity("joly", "Mélanie Joly");
  joly.meta = R"({"k": 1})";
  builder.add_entity(joly);
  const std::string before = describe(*builder.build());

  EntitySpec relabelled = entity("joly", "MJ");
  relabelled.label = "ORG";
  EXPECT_THROW(builder.add_entity(relabelled), InputError);
  EntitySpec bad_alias = entity("joly", "MJ", {"\u00AD"});
  EXPECT_THROW(builder.add_entity(bad_alias), InputError);
  EntitySpec new_with_bad_alias = entity("ottawa", "Ottawa", {"Bytown", " "});
  EXPECT_THROW(builder.add_entity(new_with_bad_alias), InputError);
  EntitySpec other_meta = entity("joly", "MJ");
  other_meta.meta = R"({"k": 2})";
  EXPECT_THROW(builder.add_entity(other_meta), InputError);
  EntitySpec bad_meta = entity("new", "New");
  bad_meta.meta = "{oops";
  EXPECT_THROW(builder.add_entity(bad_meta), InputError);
  EXPECT_THROW(builder.add_alias("nobody", AliasSpec{"x", 0}), InputError);
  EXPECT_THROW(builder.add_alias("joly", AliasSpec{"\xFF", 0}), InputError);

  EXPECT_EQ(builder.entity_count(), 1u);
  EXPECT_EQ(describe(*builder.build()), before);
  builder.add_entity(entity("ottawa", "Ottawa"));  // the id is free again
  EXPECT_EQ(builder.entity_count(), 2u);
}

TEST_F(Loaders, AliasFlagsAreChecked) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  EntitySpec unknown = entity("a", "A");
  unknown.aliases.push_back({"B", 1u << 5});
  unknown.line = 7;
  try {
    builder.add_entities({unknown}, "api.jsonl");
    FAIL() << "unknown alias flags were accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "api.jsonl");
    EXPECT_EQ(e.line(), 7u);
    EXPECT_NE(e.reason().find("unknown alias flags"), std::string::npos) << e.reason();
  }
  EntitySpec both = entity("a", "A");
  both.aliases.push_back({"B", kAliasCaseSensitive | kAliasCaseInsensitive});
  both.line = 9;
  try {
    builder.add_entities({both}, "api.jsonl");
    FAIL() << "contradictory case flags were accepted";
  } catch (const InputError& e) {
    EXPECT_EQ(e.file(), "api.jsonl");
    EXPECT_EQ(e.line(), 9u);
    EXPECT_NE(e.reason().find("both case-sensitive and case-insensitive"), std::string::npos)
        << e.reason();
  }
  EXPECT_THROW(builder.add_alias("a", AliasSpec{"B", 1u << 5}), InputError);  // no entity yet
  builder.add_entity(entity("a", "A"));
  EXPECT_THROW(builder.add_alias("a", AliasSpec{"B", 1u << 5}), InputError);
  EXPECT_THROW(builder.add_alias("a", AliasSpec{"B", kAliasCaseSensitive | kAliasCaseInsensitive}),
               InputError);
  EXPECT_EQ(alias_texts(*builder.build(), "a"), std::vector<std::string>{"A"});
}

// Error messages quote what they reject; they go to terminals, logs and Python exceptions, so
// they must be valid UTF-8 even when the rejected text is not, or is cut short.
TEST_F(Loaders, ErrorMessagesAreValidUtf8) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  const std::string long_label = std::string(59, 'x') + "\u00E9";  // é spans bytes 60-61
  EntitySpec first = entity("a", "A");
  first.label = long_label;
  builder.add_entity(first);
  std::vector<std::string> messages;
  auto collect = [&](auto&& add) {
    try {
      add();
      ADD_FAILURE() << "accepted";
    } catch (const InputError& e) {
      messages.push_back(e.what());
    }
  };
  collect([&] { builder.add_alias("a", AliasSpec{"Jol\xFF", 0}); });
  collect([&] { builder.add_alias("a", AliasSpec{std::string(59, ' ') + "\u00AD", 0}); });
  collect([&] { builder.add_alias("a", AliasSpec{std::string(58, 'x') + "\u6771", 3}); });
  collect([&] { builder.add_alias("\xC3", AliasSpec{"x", 0}); });
  collect([&] { builder.add_entity(entity("a", "B")); });  // other label
  for (const std::string& message : messages) {
    EXPECT_TRUE(unicode::is_valid_utf8(message.data(), message.size())) << message;
  }
  ASSERT_EQ(messages.size(), 5u);
  EXPECT_NE(messages[0].find("\"Jol\uFFFD\""), std::string::npos) << messages[0];
}

TEST_F(Loaders, NulIsRefusedInIdsLabelsNamesAndAliases) {
  // JSON Lines: the escape \u0000 (a raw NUL is a control character JSON refuses anyway).
  const std::string first = std::string(kOttawa) + "\n";
  expect_rejected(first + R"({"id": "a\u0000b", "label": "L", "name": "N"})", 2,
                  "\"id\" contains U+0000 (NUL)");
  expect_rejected(first + R"({"id": "a", "label": "L\u0000", "name": "N"})", 2,
                  "\"label\" contains U+0000 (NUL)");
  expect_rejected(first + R"({"id": "a", "label": "L", "name": "\u0000N"})", 2,
                  "\"name\" contains U+0000 (NUL)");
  expect_rejected(first + R"({"id": "a", "label": "L", "name": "N", "aliases": ["A\u0000"]})", 2,
                  "alias \"A\\u0000\" contains U+0000 (NUL)");
  expect_rejected(first + R"({"id": "a", "label": "L", "name": "N", "aliases": [{"text": "\u0000"}]})",
                  2, "contains U+0000 (NUL)");
  // TSV: a raw NUL byte in any field.
  const std::string nul(1, '\0');
  expect_rejected("ottawa\tGPE\tOttawa\na" + nul + "\tL\tN\n", 2, "\"id\" contains U+0000 (NUL)",
                  "g.tsv");
  expect_rejected("a\tL" + nul + "\tN\n", 1, "\"label\" contains U+0000 (NUL)", "g.tsv");
  expect_rejected("a\tL\tN" + nul + "\n", 1, "\"name\" contains U+0000 (NUL)", "g.tsv");
  expect_rejected("a\tL\tN\tA|B" + nul + "\n", 1, "alias \"B\\u0000\" contains U+0000 (NUL)",
                  "g.tsv");
  // spaCy patterns: the pattern is the name (and the id when there is none).
  expect_rejected(R"({"label": "GPE", "pattern": "Ottawa"})" "\n"
                  R"({"label": "GPE", "pattern": "Paris", "id": "p\u0000"})",
                  2, "\"id\" contains U+0000 (NUL)", "patterns.jsonl");
  expect_rejected(R"({"label": "G\u0000", "pattern": "Paris", "id": "p"})", 1,
                  "\"label\" contains U+0000 (NUL)", "patterns.jsonl");
  expect_rejected(R"({"label": "GPE", "pattern": "Pa\u0000ris", "id": "p"})", 1,
                  "\"name\" contains U+0000 (NUL)", "patterns.jsonl");
  // The message is a whole C string: the NUL shows as the text \u0000.
  const InputError e = rejection("g.jsonl", R"({"id": "a", "label": "L", "name": "N", "aliases": ["A\u0000B"]})");
  EXPECT_EQ(std::string(e.what()).find('\0'), std::string::npos);
  EXPECT_NE(std::string(e.what()).find("A\\u0000B"), std::string::npos) << e.what();
}

TEST_F(Loaders, NulIsRefusedWhenAddingToTheBuilder) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_entity(entity("joly", "Joly"));
  const std::string before = describe(*builder.build());
  auto expect_refused = [&](auto add, const std::string& part) {
    try {
      add();
      ADD_FAILURE() << "accepted: " << part;
    } catch (const InputError& e) {
      EXPECT_EQ(e.kind(), InputError::Kind::kInvalidInput);
      EXPECT_NE(e.reason().find(part), std::string::npos) << e.reason();
      EXPECT_EQ(std::string(e.what()).find('\0'), std::string::npos);
    }
    EXPECT_EQ(describe(*builder.build()), before);
  };
  const std::string nul(1, '\0');
  EntitySpec spec = entity("a" + nul, "A");
  expect_refused([&] { builder.add_entity(spec, "f.jsonl"); }, "\"id\" contains U+0000 (NUL)");
  spec = entity("a", "A");
  spec.label = "L" + nul;
  expect_refused([&] { builder.add_entity(spec); }, "\"label\" contains U+0000 (NUL)");
  spec = entity("a", nul + "A");
  expect_refused([&] { builder.add_entity(spec); }, "\"name\" contains U+0000 (NUL)");
  spec = entity("a", "A", {"B" + nul});
  expect_refused([&] { builder.add_entities({spec}, "f.jsonl"); }, "contains U+0000 (NUL)");
  expect_refused([&] { builder.add_alias("joly", AliasSpec{"J" + nul + "oly", 0}); },
                 "alias \"J\\u0000oly\" contains U+0000 (NUL)");
  // An id with a NUL is quoted safely when it is not found.
  expect_refused([&] { builder.add_alias("jo" + nul, AliasSpec{"J", 0}); }, "\"jo\\u0000\"");
  // "meta" is JSON text kept verbatim: the escape stays an escape, and is accepted.
  spec = entity("m", "M");
  spec.meta = R"({"k": "v\u0000"})";
  builder.add_entity(spec);
  const auto g = builder.build();
  EXPECT_EQ(g->text(g->entity(*g->find_entity("m")).meta), R"({"k": "v\u0000"})");
}

// --- TSV ------------------------------------------------------------------------------------

TEST_F(Loaders, TsvCommentsHeaderColumnsAndEmptyAliasItems) {
  const std::vector<EntitySpec> specs =
      parse_entities("# a comment\n"
                     "id\tlabel\tname\taliases\n"
                     "\n"
                     "ottawa\tGPE\tOttawa\n"
                     "us\tGPE\tUnited States\tUSA||U.S.|\r\n"
                     "# another\n"
                     "eu\tORG\tEuropean Union\t\n",
                     FileFormat::kTsv, "g.tsv");
  ASSERT_EQ(specs.size(), 3u);
  EXPECT_EQ(specs[0].id, "ottawa");
  EXPECT_EQ(specs[0].label, "GPE");
  EXPECT_EQ(specs[0].name, "Ottawa");
  EXPECT_TRUE(specs[0].aliases.empty());
  EXPECT_EQ(specs[0].line, 4u);
  ASSERT_EQ(specs[1].aliases.size(), 2u);
  EXPECT_EQ(specs[1].aliases[0].text, "USA");
  EXPECT_EQ(specs[1].aliases[1].text, "U.S.");  // no "\r" left over
  EXPECT_EQ(specs[1].line, 5u);
  EXPECT_TRUE(specs[2].aliases.empty());
  EXPECT_EQ(specs[2].line, 7u);
}

TEST_F(Loaders, TsvHeaderOnlyBeforeTheFirstRecord) {
  const std::vector<EntitySpec> specs =
      parse_entities("a\tL\tA\nid\tlabel\tname\n", FileFormat::kTsv, "g.tsv");
  ASSERT_EQ(specs.size(), 2u);
  EXPECT_EQ(specs[1].id, "id");
}

TEST_F(Loaders, TsvErrors) {
  expect_rejected("ottawa\tGPE\tOttawa\nbad\tGPE\n", 2, "found 2", "g.tsv");
  expect_rejected("# c\nbad\tGPE\tBad\tB\textra\n", 2, "found 5", "g.tsv");
  expect_rejected("ottawa\tGPE\tOttawa\nbad\n", 2, "found 1", "g.tsv");
  expect_rejected("ottawa\tGPE\tOtt\xFF" "awa\n", 1, "invalid UTF-8 in \"name\"", "g.tsv");
  expect_rejected("ottawa\tGPE\tOttawa\nx\tL\tX\tJ\xC3\n", 2, "invalid UTF-8 in alias", "g.tsv");
  expect_rejected("ottawa\tGPE\tOttawa\n\tGPE\tNo Id\n", 2, "empty \"id\"", "g.tsv");
  expect_rejected("x\tL\t\u00AD\n", 1, "folds to nothing", "g.tsv");
}

// --- spaCy patterns -------------------------------------------------------------------------

TEST_F(Loaders, SpacyRowsWithOneIdMergeAndRowsWithoutIdUseThePattern) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_file(write("patterns.jsonl",
                         R"({"label": "GPE", "pattern": "Ottawa", "id": "ottawa"})" "\n"
                         R"({"label": "ORG", "pattern": "NATO"})" "\n"
                         R"({"label": "GPE", "pattern": "Bytown", "id": "ottawa"})" "\n"),
                   FileFormat::kSpacy);
  const auto g = builder.build();
  ASSERT_EQ(g->entity_count(), 2u);
  EXPECT_EQ(alias_texts(*g, "ottawa"), (std::vector<std::string>{"Ottawa", "Bytown"}));
  EXPECT_EQ(g->text(g->entity(*g->find_entity("ottawa")).name), "Ottawa");
  EXPECT_EQ(g->label(g->entity(*g->find_entity("NATO")).label), "ORG");
  EXPECT_EQ(find(*g, "Bytown, NATO"), (Matches{{0, 6, "ottawa", false}, {8, 12, "NATO", false}}));
}

TEST_F(Loaders, SpacyErrors) {
  expect_rejected(R"({"label": "GPE", "pattern": "Ottawa"})" "\n"
                  R"({"label": "GPE", "pattern": [{"LOWER": "ottawa"}]})",
                  2, "token patterns", "patterns.jsonl");
  expect_rejected(R"({"label": "GPE", "pattern": "Ottawa"})" "\n" R"({"pattern": "Paris"})", 2,
                  "missing field \"label\"", "patterns.jsonl");
  expect_rejected(R"({"label": "GPE", "pattern": "Ottawa", "id": 3})", 1,
                  "\"id\" must be a string", "patterns.jsonl");
  expect_rejected(R"({"label": "GPE", "pattern": "Ottawa"})" "\n"
                  R"({"label": "GPE", "pattern": "Paris", "kb_id": "Q90"})",
                  2, "unknown field \"kb_id\"", "patterns.jsonl");
  expect_rejected(R"({"label": "GPE", "pattern": "Ottawa", "id": "o"})" "\n"
                  R"({"label": "CITY", "pattern": "Bytown", "id": "o"})",
                  2, "\"CITY\"", "patterns.jsonl");
}

// --- Format detection -----------------------------------------------------------------------

TEST_F(Loaders, DetectsTheFormat) {
  EXPECT_EQ(detect_format("places.tsv", kOttawa), FileFormat::kTsv);
  EXPECT_EQ(detect_format("places.tab", ""), FileFormat::kTsv);
  EXPECT_EQ(detect_format("PLACES.TSV", kOttawa), FileFormat::kTsv);
  EXPECT_EQ(detect_format("places.Tab", ""), FileFormat::kTsv);
  EXPECT_EQ(detect_format("places.jsonl", kOttawa), FileFormat::kJsonl);
  EXPECT_EQ(detect_format("places", kOttawa), FileFormat::kJsonl);
  EXPECT_EQ(detect_format("p.jsonl", "\n  \n{\"label\": \"GPE\", \"pattern\": \"Ottawa\"}\n"),
            FileFormat::kSpacy);
  // A "name" makes it a native record, whatever else it has.
  EXPECT_EQ(detect_format("p.jsonl", R"({"pattern": "x", "name": "y"})"), FileFormat::kJsonl);
  EXPECT_EQ(detect_format("p.jsonl", "{broken\n"), FileFormat::kJsonl);
  EXPECT_EQ(detect_format("p.jsonl", ""), FileFormat::kJsonl);
}

TEST_F(Loaders, AutoDetectionLoadsEachFormat) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_file(write("a.tsv", "paris\tGPE\tParis\n"), FileFormat::kAuto);
  builder.add_file(write("b.jsonl", std::string(kOttawa) + "\n"), FileFormat::kAuto);
  builder.add_file(write("c.jsonl", R"({"label": "ORG", "pattern": "NATO", "id": "nato"})"),
                   FileFormat::kAuto);
  EXPECT_EQ(find(*builder.build(), "Paris, Ottawa, NATO"),
            (Matches{{0, 5, "paris", false}, {7, 13, "ottawa", false}, {15, 19, "nato", false}}));
}

TEST_F(Loaders, TheGivenFormatWinsOverTheExtension) {
  GazetteerBuilder builder(unicode::kFoldDefault);
  builder.add_file(write("x.tsv", std::string(kOttawa) + "\n"), FileFormat::kJsonl);
  EXPECT_EQ(builder.entity_count(), 1u);
  expect_rejected(std::string(kOttawa) + "\n", 1, "found 1", "y.tsv");
}

}  // namespace
}  // namespace onoma::gazetteer
