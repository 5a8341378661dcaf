// How the C API fails: invalid arguments, bad gazetteer input (with the onoma_error's details),
// files that cannot be read, and what stays untouched when a call fails or succeeds.
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <fstream>
#include <functional>
#include <string>
#include <tuple>
#include <vector>

#include "capi_test_support.h"

namespace {

using capi_test::add;
using capi_test::build;
using capi_test::Builder;
using capi_test::Error;
using capi_test::Gazetteer;
using capi_test::new_builder;
using capi_test::new_scratch;
using capi_test::Scratch;

// A pointer value no call may write over an out-parameter on failure (never dereferenced).
onoma_error* const kUntouchedError = reinterpret_cast<onoma_error*>(uintptr_t{0x10});

int ignore_match(const onoma_match*, void*) { return 0; }

// The fixture holds one valid object of each kind, so that each case varies one argument.
class InvalidArgumentTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_ = new_builder();
    add(builder_.get(), {"un", "ORG", "United Nations"});
    gazetteer_ = build(builder_.get());
    scratch_ = new_scratch();
  }

  // Runs `call` with an error out-param: it must give INVALID_ARGUMENT and, where the function
  // takes one, an onoma_error saying the same.
  void expect_invalid(const std::function<onoma_status(onoma_error**)>& call, const char* what,
                      bool takes_error = true) {
    SCOPED_TRACE(what);
    onoma_error* error = nullptr;
    EXPECT_EQ(call(&error), ONOMA_ERROR_INVALID_ARGUMENT);
    Error owned(error);
    if (!takes_error) return;
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->status, ONOMA_ERROR_INVALID_ARGUMENT);
    EXPECT_STRNE(error->reason, "");
    EXPECT_STREQ(error->file, "");
    EXPECT_EQ(error->line, 0u);
    // And the same without an error out-param.
    EXPECT_EQ(call(nullptr), ONOMA_ERROR_INVALID_ARGUMENT);
  }

  onoma_gazetteer_options bad_gazetteer_options(uint32_t fold, size_t size,
                                                uint64_t index = ONOMA_INDEX_BYTES) {
    onoma_gazetteer_options options;
    onoma_gazetteer_options_init(&options);
    options.fold = fold;
    options.size = size;
    options.index = index;
    return options;
  }

  Builder builder_;
  Gazetteer gazetteer_;
  Scratch scratch_;
};

TEST_F(InvalidArgumentTest, BuilderNew) {
  onoma_builder* out = nullptr;
  EXPECT_EQ(onoma_builder_new(nullptr, nullptr), ONOMA_ERROR_INVALID_ARGUMENT);
  const onoma_gazetteer_options bad[] = {
      bad_gazetteer_options(0x80, sizeof(onoma_gazetteer_options)),
      bad_gazetteer_options(0x80000000u, sizeof(onoma_gazetteer_options)),
      bad_gazetteer_options(ONOMA_FOLD_DEFAULT, 0),
      bad_gazetteer_options(ONOMA_FOLD_DEFAULT, sizeof(size_t)),
      bad_gazetteer_options(ONOMA_FOLD_DEFAULT, sizeof(onoma_gazetteer_options), 2),
  };
  for (const onoma_gazetteer_options& options : bad) {
    out = reinterpret_cast<onoma_builder*>(uintptr_t{0x20});
    EXPECT_EQ(onoma_builder_new(&options, &out), ONOMA_ERROR_INVALID_ARGUMENT)
        << options.fold << " " << options.size;
    EXPECT_EQ(out, reinterpret_cast<onoma_builder*>(uintptr_t{0x20})) << "out written on error";
  }
}

TEST_F(InvalidArgumentTest, AddEntity) {
  onoma_builder* b = builder_.get();
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_entity(nullptr, "x", 1, "L", 1, "X", 1, nullptr, 0, e);
  }, "NULL builder");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_entity(b, nullptr, 1, "L", 1, "X", 1, nullptr, 0, e);
  }, "NULL id");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_entity(b, "x", 1, nullptr, 1, "X", 1, nullptr, 0, e);
  }, "NULL label");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_entity(b, "x", 1, "L", 1, nullptr, 1, nullptr, 0, e);
  }, "NULL name");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_entity(b, "x", 1, "L", 1, "X", 1, nullptr, 5, e);
  }, "NULL meta with a length");
}

TEST_F(InvalidArgumentTest, AddAlias) {
  onoma_builder* b = builder_.get();
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_alias(nullptr, "un", 2, "UNO", 3, 0, e);
  }, "NULL builder");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_alias(b, nullptr, 2, "UNO", 3, 0, e);
  }, "NULL id");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_alias(b, "un", 2, nullptr, 3, 0, e);
  }, "NULL alias");
}

TEST_F(InvalidArgumentTest, AddFileAndBuffer) {
  onoma_builder* b = builder_.get();
  const char line[] = R"({"id":"eu","label":"ORG","name":"European Union"})";
  expect_invalid([&](onoma_error** e) { return onoma_builder_add_file(nullptr, "x.jsonl", 0, e); },
                 "file: NULL builder");
  expect_invalid([&](onoma_error** e) { return onoma_builder_add_file(b, nullptr, 0, e); },
                 "file: NULL path");
  expect_invalid([&](onoma_error** e) { return onoma_builder_add_file(b, "x.jsonl", -1, e); },
                 "file: format -1");
  expect_invalid([&](onoma_error** e) { return onoma_builder_add_file(b, "x.jsonl", 4, e); },
                 "file: format 4");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_buffer(nullptr, line, sizeof(line) - 1, 0, nullptr, e);
  }, "buffer: NULL builder");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_buffer(b, nullptr, 10, 0, nullptr, e);
  }, "buffer: NULL data");
  expect_invalid([&](onoma_error** e) {
    return onoma_builder_add_buffer(b, line, sizeof(line) - 1, 99, nullptr, e);
  }, "buffer: format 99");
  // None of it reached the builder.
  EXPECT_EQ(onoma_gazetteer_entity_count(build(b).get()), 1u);
}

TEST_F(InvalidArgumentTest, BuildAndLoad) {
  onoma_gazetteer* out = nullptr;
  expect_invalid([&](onoma_error** e) { return onoma_builder_build(nullptr, &out, e); },
                 "build: NULL builder");
  expect_invalid([&](onoma_error** e) { return onoma_builder_build(builder_.get(), nullptr, e); },
                 "build: NULL out");
  expect_invalid([&](onoma_error** e) { return onoma_gazetteer_load(nullptr, 0, nullptr, &out, e); },
                 "load: NULL path");
  expect_invalid([&](onoma_error** e) {
    return onoma_gazetteer_load("x.jsonl", 0, nullptr, nullptr, e);
  }, "load: NULL out");
  expect_invalid([&](onoma_error** e) {
    return onoma_gazetteer_load("x.jsonl", 7, nullptr, &out, e);
  }, "load: bad format");
  const onoma_gazetteer_options bad_fold = bad_gazetteer_options(0x100, sizeof(onoma_gazetteer_options));
  expect_invalid([&](onoma_error** e) {
    return onoma_gazetteer_load("x.jsonl", 0, &bad_fold, &out, e);
  }, "load: unknown fold bits");
  const onoma_gazetteer_options bad_size = bad_gazetteer_options(ONOMA_FOLD_DEFAULT, 1);
  expect_invalid([&](onoma_error** e) {
    return onoma_gazetteer_load("x.jsonl", 0, &bad_size, &out, e);
  }, "load: size too small");
  EXPECT_EQ(out, nullptr) << "out written on error";
}

TEST_F(InvalidArgumentTest, FindEntity) {
  uint32_t entity = 99;
  EXPECT_EQ(onoma_gazetteer_find_entity(nullptr, "un", 2, &entity), ONOMA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(onoma_gazetteer_find_entity(gazetteer_.get(), "un", 2, nullptr),
            ONOMA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(onoma_gazetteer_find_entity(gazetteer_.get(), nullptr, 2, &entity),
            ONOMA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(entity, 99u);
}

TEST_F(InvalidArgumentTest, ScratchNew) {
  EXPECT_EQ(onoma_scratch_new(nullptr), ONOMA_ERROR_INVALID_ARGUMENT);
}

TEST_F(InvalidArgumentTest, Scan) {
  const onoma_gazetteer* g = gazetteer_.get();
  onoma_scratch* s = scratch_.get();
  const char text[] = "United Nations";
  const size_t n = sizeof(text) - 1;
  auto both = [&](const onoma_scan_options* options, const onoma_gazetteer* gz, onoma_scratch* sc,
                  const char* t, size_t length, const char* what) {
    SCOPED_TRACE(what);
    int calls = 0;
    EXPECT_EQ(onoma_scan(gz, sc, options, t, length,
                         [](const onoma_match*, void* c) { return ++*static_cast<int*>(c), 0; },
                         &calls),
              ONOMA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(calls, 0);
    onoma_match matches[4];
    size_t count = 4242;
    EXPECT_EQ(onoma_scan_into(gz, sc, options, t, length, matches, 4, &count),
              ONOMA_ERROR_INVALID_ARGUMENT);
    EXPECT_EQ(count, 4242u) << "count written on error";
  };
  both(nullptr, nullptr, s, text, n, "NULL gazetteer");
  both(nullptr, g, nullptr, text, n, "NULL scratch");
  both(nullptr, g, s, nullptr, 5, "NULL text with a length");

  const struct {
    int policy, boundary, offsets;
    size_t size;
    const char* what;
  } bad[] = {
      {2, 0, 0, sizeof(onoma_scan_options), "policy 2"},
      {-1, 0, 0, sizeof(onoma_scan_options), "policy -1"},
      {0, 2, 0, sizeof(onoma_scan_options), "boundary 2"},
      {0, -1, 0, sizeof(onoma_scan_options), "boundary -1"},
      {0, 0, 3, sizeof(onoma_scan_options), "offsets 3"},
      {0, 0, -1, sizeof(onoma_scan_options), "offsets -1"},
      {0, 0, 0, 0, "size 0"},
      {0, 0, 0, sizeof(size_t), "size too small"},
  };
  for (const auto& b : bad) {
    onoma_scan_options options = capi_test::scan_options(b.policy, b.boundary, b.offsets);
    options.size = b.size;
    both(&options, g, s, text, n, b.what);
  }
  {
    onoma_gazetteer_options words;
    onoma_gazetteer_options_init(&words);
    words.index = ONOMA_INDEX_WORDS;
    const capi_test::Gazetteer by_words =
        capi_test::build({{"un", "ORG", "United Nations"}}, &words);
    const onoma_scan_options none =
        capi_test::scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_NONE);
    both(&none, by_words.get(), s, text, n, "substrings of a gazetteer indexed by words");
  }

  EXPECT_EQ(onoma_scan(g, s, nullptr, text, n, nullptr, nullptr), ONOMA_ERROR_INVALID_ARGUMENT);
  size_t count = 4242;
  EXPECT_EQ(onoma_scan_into(g, s, nullptr, text, n, nullptr, 3, &count),
            ONOMA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(count, 4242u);
  onoma_match one;
  EXPECT_EQ(onoma_scan_into(g, s, nullptr, text, n, &one, 1, nullptr),
            ONOMA_ERROR_INVALID_ARGUMENT);
}

TEST_F(InvalidArgumentTest, NullTextWithZeroLengthIsEmptyText) {
  size_t count = 99;
  EXPECT_EQ(onoma_scan_into(gazetteer_.get(), scratch_.get(), nullptr, nullptr, 0, nullptr, 0,
                            &count),
            ONOMA_OK);
  EXPECT_EQ(count, 0u);
  EXPECT_EQ(onoma_scan(gazetteer_.get(), scratch_.get(), nullptr, nullptr, 0, ignore_match,
                       nullptr),
            ONOMA_OK);
}

// ----------------------------------------------------------------------------------------
// Bad gazetteer input: ONOMA_ERROR_INVALID_INPUT, a precise onoma_error, an unchanged builder.

std::string expected_message(const std::string& file, uint64_t line, const std::string& reason) {
  std::string where = file;
  if (line != 0) where += (where.empty() ? "line " : ":") + std::to_string(line);
  return where.empty() ? reason : where + ": " + reason;
}

void expect_error(const onoma_error* error, onoma_status status, const std::string& reason,
                  const std::string& file, uint64_t line) {
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->status, status);
  EXPECT_EQ(std::string(error->reason), reason);
  EXPECT_EQ(std::string(error->file), file);
  EXPECT_EQ(error->line, line);
  EXPECT_EQ(std::string(error->message), expected_message(file, line, reason));
}

class InvalidInputTest : public ::testing::Test {
 protected:
  void SetUp() override {
    builder_ = new_builder();
    add(builder_.get(), {"un", "ORG", "United Nations", {{"UN"}}, R"({"k":1})"});
  }

  // The builder must hold exactly what SetUp gave it.
  void expect_builder_unchanged() {
    Gazetteer g = build(builder_.get());
    ASSERT_NE(g, nullptr);
    EXPECT_EQ(onoma_gazetteer_entity_count(g.get()), 1u);
    EXPECT_EQ(onoma_gazetteer_alias_count(g.get()), 2u);
    EXPECT_EQ(onoma_gazetteer_label_count(g.get()), 1u);
    EXPECT_STREQ(onoma_entity_label(g.get(), 0, nullptr), "ORG");
    EXPECT_STREQ(onoma_entity_meta(g.get(), 0, nullptr), R"({"k":1})");
    EXPECT_EQ(capi_test::describe_scan(g.get(), "United Nations UN"), "un@0-14 un@15-17");
  }

  onoma_status add_entity(const std::string& id, const std::string& label,
                          const std::string& name, const std::string& meta, onoma_error** error) {
    return onoma_builder_add_entity(builder_.get(), id.data(), id.size(), label.data(),
                                    label.size(), name.data(), name.size(),
                                    meta.empty() ? nullptr : meta.data(), meta.size(), error);
  }

  onoma_status add_alias(const std::string& id, const std::string& alias, uint32_t flags,
                         onoma_error** error) {
    return onoma_builder_add_alias(builder_.get(), id.data(), id.size(), alias.data(),
                                   alias.size(), flags, error);
  }

  Builder builder_;
};

TEST_F(InvalidInputTest, NameOrAliasFoldingToNothing) {
  onoma_error* error = nullptr;
  // U+00AD soft hyphen and U+200B zero-width space are dropped by folding.
  EXPECT_EQ(add_entity("x", "ORG", "\xC2\xAD\xE2\x80\x8B", "", &error), ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "alias \"\xC2\xAD\xE2\x80\x8B\" folds to nothing",
               "", 0);
  error = nullptr;
  EXPECT_EQ(add_alias("un", "\xC2\xAD", 0, &error), ONOMA_ERROR_INVALID_INPUT);
  Error owned2(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "alias \"\xC2\xAD\" folds to nothing", "", 0);
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, ConflictingLabel) {
  onoma_error* error = nullptr;
  EXPECT_EQ(add_entity("un", "GPE", "Uno", "", &error), ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT,
               "entity \"un\" has label \"GPE\" here but \"ORG\" before", "", 0);
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, ConflictingMetaLeavesTheEntityAsItWas) {
  onoma_error* error = nullptr;
  EXPECT_EQ(add_entity("un", "ORG", "Uno", R"({"k":2})", &error), ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "entity \"un\" has a different \"meta\" here",
               "", 0);
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, InvalidUtf8) {
  const std::string bad = "Uni\xFFted";
  const struct {
    std::string id, label, name, reason;
  } cases[] = {
      {bad, "ORG", "Name", "invalid UTF-8 in \"id\""},
      {"x", bad, "Name", "invalid UTF-8 in \"label\""},
      {"x", "ORG", bad, "invalid UTF-8 in \"name\""},
      {"x", "ORG", "\xE2\x82", "invalid UTF-8 in \"name\""},  // truncated sequence
      {"x", "ORG", "\xC0\xAF", "invalid UTF-8 in \"name\""},  // overlong
      {"x", "ORG", "\xED\xA0\x80", "invalid UTF-8 in \"name\""},  // surrogate
  };
  for (const auto& c : cases) {
    SCOPED_TRACE(c.reason);
    onoma_error* error = nullptr;
    EXPECT_EQ(add_entity(c.id, c.label, c.name, "", &error), ONOMA_ERROR_INVALID_INPUT);
    Error owned(error);
    expect_error(error, ONOMA_ERROR_INVALID_INPUT, c.reason, "", 0);
  }
  onoma_error* error = nullptr;
  EXPECT_EQ(add_alias("un", bad, 0, &error), ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  // The message quotes the alias with U+FFFD for the bad byte: messages stay valid UTF-8.
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "invalid UTF-8 in alias \"Uni\xEF\xBF\xBDted\"",
               "", 0);
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, EmptyFields) {
  for (const auto& [id, label, name] :
       {std::tuple<std::string, std::string, std::string>{"", "ORG", "X"},
        {"x", "", "X"},
        {"x", "ORG", ""}}) {
    onoma_error* error = nullptr;
    EXPECT_EQ(add_entity(id, label, name, "", &error), ONOMA_ERROR_INVALID_INPUT);
    Error owned(error);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(error->status, ONOMA_ERROR_INVALID_INPUT);
  }
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, MetaNotAnObject) {
  for (const std::string meta : {"[1, 2]", "\"text\"", "42", "null"}) {
    SCOPED_TRACE(meta);
    onoma_error* error = nullptr;
    EXPECT_EQ(add_entity("eu", "ORG", "European Union", meta, &error), ONOMA_ERROR_INVALID_INPUT);
    Error owned(error);
    expect_error(error, ONOMA_ERROR_INVALID_INPUT, "\"meta\" must be a JSON object", "", 0);
  }
  for (const std::string meta : {"{", "{\"a\":}", "{} {}", "{'a':1}"}) {
    SCOPED_TRACE(meta);
    onoma_error* error = nullptr;
    EXPECT_EQ(add_entity("eu", "ORG", "European Union", meta, &error), ONOMA_ERROR_INVALID_INPUT);
    Error owned(error);
    ASSERT_NE(error, nullptr);
    EXPECT_EQ(std::string(error->reason).rfind("\"meta\" is not valid JSON", 0), 0u)
        << error->reason;
  }
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, BadAliasFlagsAndUnknownEntity) {
  onoma_error* error = nullptr;
  EXPECT_EQ(add_alias("un", "Uno", 0x04, &error), ONOMA_ERROR_INVALID_INPUT);
  Error e1(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "unknown alias flags", "", 0);
  error = nullptr;
  EXPECT_EQ(add_alias("un", "Uno", ONOMA_ALIAS_CASE_SENSITIVE | ONOMA_ALIAS_CASE_INSENSITIVE,
                      &error),
            ONOMA_ERROR_INVALID_INPUT);
  Error e2(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT,
               "alias \"Uno\" is both case-sensitive and case-insensitive", "", 0);
  error = nullptr;
  EXPECT_EQ(add_alias("nope", "Uno", 0, &error), ONOMA_ERROR_INVALID_INPUT);
  Error e3(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "no entity with id \"nope\"", "", 0);
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, NullErrorIsAccepted) {
  EXPECT_EQ(add_entity("un", "GPE", "Uno", "", nullptr), ONOMA_ERROR_INVALID_INPUT);
  EXPECT_EQ(add_alias("nope", "Uno", 0, nullptr), ONOMA_ERROR_INVALID_INPUT);
  EXPECT_EQ(onoma_builder_add_file(builder_.get(), "/nonexistent/onoma/x.jsonl", 0, nullptr),
            ONOMA_ERROR_IO);
  expect_builder_unchanged();
}

TEST_F(InvalidInputTest, ErrorIsUntouchedOnSuccess) {
  onoma_error* error = kUntouchedError;
  EXPECT_EQ(add_entity("eu", "ORG", "European Union", "", &error), ONOMA_OK);
  EXPECT_EQ(add_alias("eu", "EU", 0, &error), ONOMA_OK);
  const char line[] = R"({"id":"au","label":"ORG","name":"African Union"})";
  EXPECT_EQ(onoma_builder_add_buffer(builder_.get(), line, sizeof(line) - 1, ONOMA_FORMAT_JSONL,
                                     "mem.jsonl", &error),
            ONOMA_OK);
  onoma_gazetteer* out = nullptr;
  EXPECT_EQ(onoma_builder_build(builder_.get(), &out, &error), ONOMA_OK);
  Gazetteer g(out);
  EXPECT_EQ(onoma_gazetteer_entity_count(g.get()), 3u);
  EXPECT_EQ(error, kUntouchedError);
}

// ----------------------------------------------------------------------------------------
// Files.

class FileTest : public InvalidInputTest {
 protected:
  std::string write_file(const std::string& name, const std::string& content) {
    const std::string path = ::testing::TempDir() + "onoma_capi_" + std::to_string(::getpid()) +
                             "_" + name;
    std::ofstream(path, std::ios::binary) << content;
    paths_.push_back(path);
    return path;
  }
  void TearDown() override {
    for (const std::string& path : paths_) std::remove(path.c_str());
  }
  std::vector<std::string> paths_;
};

TEST_F(FileTest, GoodFileAddsEverything) {
  const std::string path = write_file(
      "good.jsonl",
      R"({"id":"eu","label":"ORG","name":"European Union","aliases":["EU",{"text":"Union","case_sensitive":true}]})"
      "\n\n"
      R"({"id":"canada","label":"GPE","name":"Canada","meta":{"iso3166":"CA"}})"
      "\n");
  onoma_error* error = kUntouchedError;
  ASSERT_EQ(onoma_builder_add_file(builder_.get(), path.c_str(), ONOMA_FORMAT_AUTO, &error),
            ONOMA_OK);
  EXPECT_EQ(error, kUntouchedError);
  Gazetteer g = build(builder_.get());
  EXPECT_EQ(onoma_gazetteer_entity_count(g.get()), 3u);
  uint32_t canada = 0;
  ASSERT_EQ(onoma_gazetteer_find_entity(g.get(), "canada", 6, &canada), ONOMA_OK);
  EXPECT_STREQ(onoma_entity_meta(g.get(), canada, nullptr), R"({"iso3166":"CA"})");
  EXPECT_EQ(onoma_alias_flags(g.get(), onoma_entity_first_alias(g.get(), 1) + 2),
            ONOMA_ALIAS_CASE_SENSITIVE);
  EXPECT_EQ(capi_test::describe_scan(g.get(), "the EU, Canada and the union"), "eu@4-6 canada@8-14");
}

TEST_F(FileTest, TsvFile) {
  const std::string path = write_file("good.tsv", "eu\tORG\tEuropean Union\tEU|Union européenne\n");
  ASSERT_EQ(onoma_builder_add_file(builder_.get(), path.c_str(), ONOMA_FORMAT_AUTO, nullptr),
            ONOMA_OK);
  Gazetteer g = build(builder_.get());
  EXPECT_EQ(capi_test::describe_scan(g.get(), "UNION EUROPEENNE"), "eu@0-16");
}

TEST_F(FileTest, MalformedFileNamesFileAndLineAndAddsNothing) {
  const std::string path = write_file(
      "bad.jsonl",
      R"({"id":"eu","label":"ORG","name":"European Union"})"
      "\n"
      R"({"id":"canada","label":"GPE","name":"Canada"})"
      "\n"
      R"({"id":"mexico","label":"GPE","name":"Mexico",})"
      "\n");
  onoma_error* error = nullptr;
  EXPECT_EQ(onoma_builder_add_file(builder_.get(), path.c_str(), ONOMA_FORMAT_JSONL, &error),
            ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->status, ONOMA_ERROR_INVALID_INPUT);
  EXPECT_STREQ(error->file, path.c_str());
  EXPECT_EQ(error->line, 3u);
  EXPECT_EQ(std::string(error->reason).rfind("malformed JSON", 0), 0u) << error->reason;
  EXPECT_EQ(std::string(error->message), path + ":3: " + error->reason);
  expect_builder_unchanged();
}

TEST_F(FileTest, BuilderCheckFailureInFileNamesTheLine) {
  // Well-formed JSON, but the builder rejects line 2: the label conflicts with line 1.
  const std::string path = write_file(
      "conflict.jsonl",
      R"({"id":"eu","label":"ORG","name":"European Union"})"
      "\n"
      R"({"id":"eu","label":"GPE","name":"Europe"})"
      "\n");
  onoma_error* error = nullptr;
  EXPECT_EQ(onoma_builder_add_file(builder_.get(), path.c_str(), ONOMA_FORMAT_JSONL, &error),
            ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT,
               "entity \"eu\" has label \"GPE\" here but \"ORG\" before (first seen at " + path +
                   ":1)",
               path, 2);
  expect_builder_unchanged();
}

TEST_F(FileTest, MissingFileIsIoError) {
  const std::string path = ::testing::TempDir() + "onoma_capi_no_such_file.jsonl";
  onoma_error* error = nullptr;
  EXPECT_EQ(onoma_builder_add_file(builder_.get(), path.c_str(), ONOMA_FORMAT_AUTO, &error),
            ONOMA_ERROR_IO);
  Error owned(error);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->status, ONOMA_ERROR_IO);
  EXPECT_STREQ(error->file, path.c_str());
  EXPECT_EQ(error->line, 0u);
  EXPECT_NE(std::string(error->reason).find("cannot open"), std::string::npos) << error->reason;
  EXPECT_EQ(std::string(error->message), path + ": " + error->reason);
  expect_builder_unchanged();
}

TEST_F(FileTest, DirectoryIsIoError) {
  onoma_error* error = nullptr;
  EXPECT_EQ(onoma_builder_add_file(builder_.get(), ::testing::TempDir().c_str(),
                                   ONOMA_FORMAT_JSONL, &error),
            ONOMA_ERROR_IO);
  Error owned(error);
  ASSERT_NE(error, nullptr);
  EXPECT_EQ(error->status, ONOMA_ERROR_IO);
}

TEST_F(FileTest, LoadShortcut) {
  const std::string path =
      write_file("load.jsonl", R"({"id":"eu","label":"ORG","name":"European Union"})" "\n");
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.fold = ONOMA_FOLD_EXACT;
  onoma_gazetteer* out = nullptr;
  onoma_error* error = kUntouchedError;
  ASSERT_EQ(onoma_gazetteer_load(path.c_str(), ONOMA_FORMAT_AUTO, &options, &out, &error),
            ONOMA_OK);
  Gazetteer g(out);
  EXPECT_EQ(error, kUntouchedError);
  EXPECT_EQ(onoma_gazetteer_fold(g.get()), ONOMA_FOLD_EXACT);
  EXPECT_EQ(onoma_gazetteer_entity_count(g.get()), 1u);

  out = nullptr;
  error = nullptr;
  const std::string bad = write_file("load_bad.jsonl", "{\"id\":\"eu\"}\n");
  EXPECT_EQ(onoma_gazetteer_load(bad.c_str(), ONOMA_FORMAT_AUTO, nullptr, &out, &error),
            ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  EXPECT_EQ(out, nullptr);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "missing field \"label\"", bad, 1);
}

TEST_F(FileTest, BufferUsesTheNameInErrors) {
  const char content[] = "\n" R"({"id":"eu","label":"ORG"})" "\n";
  onoma_error* error = nullptr;
  EXPECT_EQ(onoma_builder_add_buffer(builder_.get(), content, sizeof(content) - 1,
                                     ONOMA_FORMAT_JSONL, "memory.jsonl", &error),
            ONOMA_ERROR_INVALID_INPUT);
  Error owned(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "missing field \"name\"", "memory.jsonl", 2);

  error = nullptr;
  EXPECT_EQ(onoma_builder_add_buffer(builder_.get(), content, sizeof(content) - 1,
                                     ONOMA_FORMAT_JSONL, nullptr, &error),
            ONOMA_ERROR_INVALID_INPUT);
  Error owned2(error);
  expect_error(error, ONOMA_ERROR_INVALID_INPUT, "missing field \"name\"", "", 2);
  expect_builder_unchanged();
}

TEST(BundledGazetteer, Loads) {
  onoma_gazetteer* out = nullptr;
  onoma_error* error = nullptr;
  const onoma_status status =
      onoma_gazetteer_load(ONOMA_TEST_BUNDLED_GAZETTEER, ONOMA_FORMAT_AUTO, nullptr, &out, &error);
  Error owned_error(error);
  Gazetteer g(out);
  ASSERT_EQ(status, ONOMA_OK) << (error ? error->message : "");
  EXPECT_GT(onoma_gazetteer_entity_count(g.get()), 100u);
  const std::vector<onoma_match> matches = capi_test::scan(g.get(), "The U.S. and the UN");
  ASSERT_EQ(matches.size(), 2u) << capi_test::describe(g.get(), matches);
  EXPECT_EQ(matches[0].start, 4u);
  EXPECT_EQ(matches[0].end, 8u);
  EXPECT_EQ(matches[1].start, 17u);
  EXPECT_EQ(matches[1].end, 19u);
}

}  // namespace
