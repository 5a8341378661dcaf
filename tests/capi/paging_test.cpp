// onoma_scan_page: the pages of any size put together are exactly one scan's matches, for
// every policy, boundary mode and offset unit, even where many matches share a start and a
// page boundary falls among them.
#include <string>
#include <vector>

#include "capi_test_support.h"

namespace {

using capi_test::describe;
using capi_test::new_scratch;
using capi_test::same_match;
using capi_test::scan_options;
using capi_test::Scratch;

// Every page of `capacity` matches, concatenated; fails the test on a page that is empty
// before the end or larger than asked.
std::vector<onoma_match> all_pages(const onoma_gazetteer* gazetteer, const std::string& text,
                                   const onoma_scan_options& options, size_t capacity,
                                   size_t* pages) {
  Scratch scratch = new_scratch();
  onoma_scan_cursor cursor;
  onoma_scan_cursor_init(&cursor);
  std::vector<onoma_match> result;
  std::vector<onoma_match> page(capacity);
  *pages = 0;
  while (!(cursor.flags & ONOMA_CURSOR_DONE)) {
    size_t count = 99;
    EXPECT_EQ(onoma_scan_page(gazetteer, scratch.get(), &options, text.data(), text.size(),
                              &cursor, page.data(), capacity, &count),
              ONOMA_OK);
    EXPECT_LE(count, capacity);
    if (!(cursor.flags & ONOMA_CURSOR_DONE)) EXPECT_EQ(count, capacity);
    result.insert(result.end(), page.begin(), page.begin() + count);
    if (++*pages > 10000) {
      ADD_FAILURE() << "paging does not end";
      break;
    }
  }
  EXPECT_EQ(cursor.offset, text.size());
  return result;
}

class PagingTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    // Nested, overlapping and shared aliases: "a", "a a", ... give many matches per start
    // under the `all` policy, and "Paris" names two entities (ambiguous, one match each).
    gazetteer_ = capi_test::build({
                     {"a1", "X", "a"},
                     {"a2", "X", "a a"},
                     {"a3", "X", "a a a"},
                     {"a3b", "X", "a a a b"},
                     {"aa", "X", "aa"},
                     {"paris", "GPE", "Paris"},
                     {"hilton", "PERSON", "Paris Hilton", {{"Paris"}}},
                     {"york", "GPE", "York"},
                     {"nyc", "GPE", "New York City"},
                 })
                     .release();
  }
  static void TearDownTestSuite() { onoma_gazetteer_free(gazetteer_); }
  static onoma_gazetteer* gazetteer_;
};

onoma_gazetteer* PagingTest::gazetteer_ = nullptr;

TEST_F(PagingTest, PagesOfEverySizeMakeUpTheWholeScan) {
  const std::string text =
      "a a a a b, Paris; Mélanie in Paris Hilton's New York City a a aa a a a b Paris";
  for (const int policy : {ONOMA_POLICY_LONGEST, ONOMA_POLICY_ALL}) {
    for (const int boundary : {ONOMA_BOUNDARY_WORD, ONOMA_BOUNDARY_NONE}) {
      for (const int unit : {ONOMA_OFFSETS_BYTES, ONOMA_OFFSETS_CODE_POINTS, ONOMA_OFFSETS_UTF16}) {
        const onoma_scan_options options = scan_options(policy, boundary, unit);
        const std::vector<onoma_match> whole = capi_test::scan(gazetteer_, text, &options);
        ASSERT_GT(whole.size(), 8u);
        for (const size_t capacity : {size_t{1}, size_t{2}, size_t{3}, size_t{5}, whole.size(),
                                      whole.size() + 1}) {
          SCOPED_TRACE("policy " + std::to_string(policy) + " boundary " +
                       std::to_string(boundary) + " unit " + std::to_string(unit) +
                       " capacity " + std::to_string(capacity));
          size_t pages = 0;
          const std::vector<onoma_match> paged = all_pages(gazetteer_, text, options, capacity,
                                                           &pages);
          ASSERT_EQ(paged.size(), whole.size())
              << describe(gazetteer_, paged) << "\n vs " << describe(gazetteer_, whole);
          for (size_t i = 0; i < whole.size(); ++i) {
            EXPECT_TRUE(same_match(paged[i], whole[i])) << i;
          }
          EXPECT_EQ(pages, (whole.size() + capacity - 1) / capacity)
              << "pages are full until the last, which says it is the last";
        }
      }
    }
  }
}

TEST_F(PagingTest, BoundsTheOutputOfAnExplodingAllPolicy) {
  // 2,000 words "a": under `all` every start has up to three matches; a page of 64 holds
  // 64 of them and the cursor moves on by about a third of that.
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "a ";
  const onoma_scan_options all = scan_options(ONOMA_POLICY_ALL);
  Scratch scratch = new_scratch();
  onoma_scan_cursor cursor;
  onoma_scan_cursor_init(&cursor);
  onoma_match page[64];
  size_t count = 0;
  ASSERT_EQ(onoma_scan_page(gazetteer_, scratch.get(), &all, text.data(), text.size(), &cursor,
                            page, 64, &count),
            ONOMA_OK);
  EXPECT_EQ(count, 64u);
  EXPECT_FALSE(cursor.flags & ONOMA_CURSOR_DONE);
  EXPECT_EQ(cursor.offset, page[63].start) << "the next page starts where this one stopped";
  EXPECT_GE(cursor.skip, 1u) << "a start's matches were split between pages";
  size_t total = 64;
  while (!(cursor.flags & ONOMA_CURSOR_DONE)) {
    ASSERT_EQ(onoma_scan_page(gazetteer_, scratch.get(), &all, text.data(), text.size(), &cursor,
                              page, 64, &count),
              ONOMA_OK);
    total += count;
  }
  EXPECT_EQ(total, 2000u + 1999u + 1998u);
}

TEST_F(PagingTest, ADonePageIsEmptyAndBadArgumentsAreRefused) {
  Scratch scratch = new_scratch();
  const std::string text = "Paris";
  onoma_scan_cursor cursor;
  onoma_scan_cursor_init(&cursor);
  onoma_match page[4];
  size_t count = 0;
  ASSERT_EQ(onoma_scan_page(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), &cursor,
                            page, 4, &count),
            ONOMA_OK);
  EXPECT_EQ(count, 2u);
  EXPECT_TRUE(cursor.flags & ONOMA_CURSOR_DONE);
  count = 99;
  EXPECT_EQ(onoma_scan_page(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), &cursor,
                            page, 4, &count),
            ONOMA_OK);
  EXPECT_EQ(count, 0u);

  onoma_scan_cursor_init(&cursor);
  EXPECT_EQ(onoma_scan_page(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), &cursor,
                            page, 0, &count),
            ONOMA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(onoma_scan_page(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), nullptr,
                            page, 4, &count),
            ONOMA_ERROR_INVALID_ARGUMENT);
  EXPECT_EQ(onoma_scan_page(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), &cursor,
                            page, 4, nullptr),
            ONOMA_ERROR_INVALID_ARGUMENT);
  cursor.offset = text.size() + 1;
  EXPECT_EQ(onoma_scan_page(gazetteer_, scratch.get(), nullptr, text.data(), text.size(), &cursor,
                            page, 4, &count),
            ONOMA_ERROR_INVALID_ARGUMENT);
  onoma_scan_cursor_init(nullptr);  // ignored
}

}  // namespace
