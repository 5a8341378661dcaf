// Versions, status strings, free functions and options initialisation.
#include <cstring>
#include <regex>
#include <set>
#include <string>

#include "capi_test_support.h"

namespace {

TEST(Version, LinkedLibraryMatchesHeader) {
  EXPECT_EQ(onoma_version_number(), static_cast<unsigned>(ONOMA_VERSION_NUMBER));
  EXPECT_EQ(ONOMA_VERSION_NUMBER,
            ONOMA_VERSION_MAJOR * 10000 + ONOMA_VERSION_MINOR * 100 + ONOMA_VERSION_PATCH);
  const std::string expected = std::to_string(ONOMA_VERSION_MAJOR) + "." +
                               std::to_string(ONOMA_VERSION_MINOR) + "." +
                               std::to_string(ONOMA_VERSION_PATCH);
  ASSERT_NE(onoma_version_string(), nullptr);
  EXPECT_EQ(std::string(onoma_version_string()), expected);
}

TEST(Version, UnicodeVersionIsMajorDotMinor) {
  const char* version = onoma_unicode_version();
  ASSERT_NE(version, nullptr);
  EXPECT_TRUE(std::regex_match(version, std::regex("[1-9][0-9]*\\.[0-9]+"))) << version;
  // Static storage: the same answer every time.
  EXPECT_EQ(onoma_unicode_version(), version);
}

TEST(Status, EveryStatusHasItsOwnString) {
  const onoma_status all[] = {ONOMA_OK,
                              ONOMA_STOPPED,
                              ONOMA_ERROR_INVALID_ARGUMENT,
                              ONOMA_ERROR_NO_MEMORY,
                              ONOMA_ERROR_IO,
                              ONOMA_ERROR_INVALID_INPUT,
                              ONOMA_ERROR_NOT_FOUND,
                              ONOMA_ERROR_BUFFER_TOO_SMALL,
                              ONOMA_ERROR_INTERNAL};
  std::set<std::string> seen;
  for (const onoma_status status : all) {
    const char* text = onoma_status_string(status);
    ASSERT_NE(text, nullptr) << status;
    EXPECT_GT(std::strlen(text), 0u) << status;
    EXPECT_STRNE(text, "unknown status") << status;
    EXPECT_TRUE(seen.insert(text).second) << "duplicate string for " << status << ": " << text;
  }
  EXPECT_STREQ(onoma_status_string(ONOMA_ERROR_INVALID_INPUT), "invalid gazetteer input");
}

TEST(Status, FrozenValues) {
  // Released values must never change: a program compiled against an older header relies on
  // them.
  EXPECT_EQ(ONOMA_OK, 0);
  EXPECT_EQ(ONOMA_STOPPED, 1);
  EXPECT_EQ(ONOMA_ERROR_INVALID_ARGUMENT, -1);
  EXPECT_EQ(ONOMA_ERROR_NO_MEMORY, -2);
  EXPECT_EQ(ONOMA_ERROR_IO, -3);
  EXPECT_EQ(ONOMA_ERROR_INVALID_INPUT, -4);
  EXPECT_EQ(ONOMA_ERROR_NOT_FOUND, -5);
  EXPECT_EQ(ONOMA_ERROR_BUFFER_TOO_SMALL, -6);
  EXPECT_EQ(ONOMA_ERROR_INTERNAL, -7);
}

TEST(Status, UnknownValuesSayUnknownStatus) {
  for (const int value : {2, 3, -8, -100, 1000, -2147483647 - 1}) {
    EXPECT_STREQ(onoma_status_string(static_cast<onoma_status>(value)), "unknown status")
        << value;
  }
}

TEST(Free, EveryFreeAcceptsNull) {
  onoma_error_free(nullptr);
  onoma_builder_free(nullptr);
  onoma_gazetteer_free(nullptr);
  onoma_scratch_free(nullptr);
  SUCCEED();
}

TEST(Options, GazetteerOptionsInitFillsSizeAndDefaults) {
  onoma_gazetteer_options options;
  std::memset(&options, 0xAB, sizeof(options));
  onoma_gazetteer_options_init(&options);
  EXPECT_EQ(options.size, sizeof(onoma_gazetteer_options));
  EXPECT_EQ(options.fold, ONOMA_FOLD_DEFAULT);
  EXPECT_EQ(options.index, uint64_t{ONOMA_INDEX_BYTES});
  onoma_gazetteer_options_init(nullptr);
}

TEST(Options, ScanOptionsInitFillsSizeAndDefaults) {
  onoma_scan_options options;
  std::memset(&options, 0xAB, sizeof(options));
  onoma_scan_options_init(&options);
  EXPECT_EQ(options.size, sizeof(onoma_scan_options));
  EXPECT_EQ(options.policy, ONOMA_POLICY_LONGEST);
  EXPECT_EQ(options.boundary, ONOMA_BOUNDARY_WORD);
  EXPECT_EQ(options.offsets, ONOMA_OFFSETS_BYTES);
  onoma_scan_options_init(nullptr);
}

TEST(Options, FoldBitsAreDistinctAndDefaultIsAllOfThem) {
  const uint32_t bits[] = {ONOMA_FOLD_CANONICAL,   ONOMA_FOLD_COMPATIBILITY, ONOMA_FOLD_CASE,
                           ONOMA_FOLD_MARKS,       ONOMA_FOLD_PUNCTUATION,   ONOMA_FOLD_WHITE_SPACE,
                           ONOMA_FOLD_IGNORABLES};
  uint32_t all = 0;
  for (const uint32_t bit : bits) {
    EXPECT_EQ(all & bit, 0u);
    all |= bit;
  }
  EXPECT_EQ(all, ONOMA_FOLD_DEFAULT);
  EXPECT_EQ(ONOMA_FOLD_EXACT, 0u);
}

TEST(Scratch, NewAndFree) {
  onoma_scratch* scratch = nullptr;
  ASSERT_EQ(onoma_scratch_new(&scratch), ONOMA_OK);
  EXPECT_NE(scratch, nullptr);
  onoma_scratch_free(scratch);
}

}  // namespace
