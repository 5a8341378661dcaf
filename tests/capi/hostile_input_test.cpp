// Hostile input through the C API, each with its defined outcome: a result (never a crash, a
// hang or a silent loss) for empty text, text of invalid bytes or NULs, a 1 MB alias (also
// against text that repeats its beginning), two long aliases that differ only at their ends,
// a million aliases sharing a prefix, 100 MB of text without a space, an `all` policy whose
// output explodes (bounded by paging), and text over 4 GiB (64-bit offsets end to end). A hang
// shows as the ctest timeout of this suite.
#include <sys/mman.h>

#include <cstring>
#include <string>
#include <vector>

#include "capi_test_support.h"

namespace {

using capi_test::new_scratch;
using capi_test::scan_options;
using capi_test::Scratch;

constexpr size_t kMiB = size_t{1} << 20;

// Counts matches and remembers the first and last, without holding the output.
struct Tally {
  size_t count = 0;
  onoma_match first{};
  onoma_match last{};
};

Tally tally(const onoma_gazetteer* gazetteer, const char* text, size_t length,
            const onoma_scan_options* options = nullptr) {
  Scratch scratch = new_scratch();
  Tally result;
  EXPECT_EQ(onoma_scan(gazetteer, scratch.get(), options, text, length,
                       [](const onoma_match* m, void* user_data) {
                         Tally& t = *static_cast<Tally*>(user_data);
                         if (t.count++ == 0) t.first = *m;
                         t.last = *m;
                         return 0;
                       },
                       &result),
            ONOMA_OK);
  return result;
}

Tally tally(const onoma_gazetteer* gazetteer, const std::string& text,
            const onoma_scan_options* options = nullptr) {
  return tally(gazetteer, text.data(), text.size(), options);
}

std::string repeat(const std::string& piece, size_t times) {
  std::string out;
  out.reserve(piece.size() * times);
  for (size_t i = 0; i < times; ++i) out += piece;
  return out;
}

class HostileInputTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    gazetteer_ = capi_test::build({
                     {"paris", "GPE", "Paris"},
                     {"joly", "PERSON", "Mélanie Joly"},
                 })
                     .release();
  }
  static void TearDownTestSuite() { onoma_gazetteer_free(gazetteer_); }
  static onoma_gazetteer* gazetteer_;
};

onoma_gazetteer* HostileInputTest::gazetteer_ = nullptr;

TEST_F(HostileInputTest, EmptyText) {
  EXPECT_EQ(tally(gazetteer_, nullptr, 0).count, 0u);
  EXPECT_EQ(tally(gazetteer_, "", 0).count, 0u);
}

TEST_F(HostileInputTest, TextOfOnlyInvalidBytes) {
  // Every byte that cannot start a UTF-8 sequence, and truncated sequences, for 1 MiB.
  std::string text;
  while (text.size() < kMiB) {
    for (int b = 0x80; b <= 0xFF; ++b) text += static_cast<char>(b);
    text += "\xE2\x82\xF0\x9F\x98";
  }
  EXPECT_EQ(tally(gazetteer_, text).count, 0u);
  // Each invalid byte is one U+FFFD, a non-word character: names right beside them are found,
  // at exact offsets in every unit.
  const std::string framed = "\xFF\xC3Paris\xE2\x82";
  for (const int unit : {ONOMA_OFFSETS_BYTES, ONOMA_OFFSETS_CODE_POINTS, ONOMA_OFFSETS_UTF16}) {
    const onoma_scan_options options = scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD, unit);
    const Tally t = tally(gazetteer_, framed, &options);
    ASSERT_EQ(t.count, 1u);
    EXPECT_EQ(t.first.start, 2u);
    EXPECT_EQ(t.first.end, 7u);
    EXPECT_EQ(t.first.unit_start, 2u);
    EXPECT_EQ(t.first.unit_end, 7u);
  }
}

TEST_F(HostileInputTest, NulBytes) {
  const std::string text("\0Paris\0\0Mélanie Joly\0", 22);
  const Tally t = tally(gazetteer_, text);
  ASSERT_EQ(t.count, 2u);
  EXPECT_EQ(t.first.start, 1u);
  EXPECT_EQ(t.last.start, 8u);
  EXPECT_EQ(t.last.end, 21u);
  EXPECT_EQ(tally(gazetteer_, std::string(kMiB, '\0')).count, 0u);
}

TEST(HostileAliases, OneMegabyteAlias) {
  // 1 MiB of distinct words, and a second 1 MB alias that repeats one word and ends in
  // another: text that repeats its beginning keeps a walk alive for a megabyte at every word,
  // which a scanner that restarts at each word start would read again and again.
  std::string distinct;
  for (int i = 0; distinct.size() < kMiB; ++i) distinct += "w" + std::to_string(i) + " ";
  distinct.pop_back();
  const std::string repetitive = repeat("abc ", kMiB / 4) + "end";
  capi_test::Gazetteer g = capi_test::build({
      {"distinct", "X", distinct},
      {"repetitive", "X", repetitive},
      {"abc", "X", "abc"},
  });
  ASSERT_NE(g, nullptr);

  std::string upper = distinct;
  for (char& c : upper) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  const std::string text = "x " + distinct + " y " + upper + ".";
  const Tally found = tally(g.get(), text);
  ASSERT_EQ(found.count, 2u);
  EXPECT_EQ(found.first.start, 2u);
  EXPECT_EQ(found.first.end, 2u + distinct.size());
  EXPECT_EQ(found.last.start, 5u + distinct.size());
  EXPECT_EQ(found.last.end, text.size() - 1);

  // 4 MiB of "abc ": every word is "abc", the 1 MB alias is never completed.
  const std::string abcs = repeat("abc ", kMiB);
  const Tally words = tally(g.get(), abcs);
  EXPECT_EQ(words.count, kMiB);
  EXPECT_EQ(words.last.start, abcs.size() - 4);
  // The same text ending in "end" completes it once, as the longest match at its start.
  const std::string completed = abcs + "end";
  const Tally longest = tally(g.get(), completed);
  EXPECT_EQ(longest.count, kMiB - kMiB / 4 + 1);
  EXPECT_EQ(longest.last.start, completed.size() - repetitive.size());
  EXPECT_EQ(longest.last.end, completed.size());
}

TEST(HostileAliases, LongAliasesSharingAllButTheirEnds) {
  // Two 4 MiB aliases, one a word longer than the other, that share all but their last word:
  // a branching part four million levels deep above their two tails. A build that compared
  // the two keys at every level took time quadratic in their length (33 s for 1 MiB; this
  // size would have run past the suite's timeout).
  const std::string shorter = repeat("abc ", 4 * kMiB / 4) + "end";
  const std::string longer = "abc " + shorter;
  capi_test::Gazetteer g = capi_test::build({
      {"shorter", "X", shorter},
      {"longer", "X", longer},
  });
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(onoma_gazetteer_alias_count(g.get()), 2u);

  // Each is found whole, the longer one where the text holds it.
  const std::string text = "x " + longer + ", " + shorter + ".";
  const Tally found = tally(g.get(), text);
  ASSERT_EQ(found.count, 2u);
  EXPECT_EQ(found.first.start, 2u);
  EXPECT_EQ(found.first.end, 2u + longer.size());
  EXPECT_EQ(found.first.entity, 1u);
  EXPECT_EQ(found.last.start, 4u + longer.size());
  EXPECT_EQ(found.last.end, text.size() - 1);
  EXPECT_EQ(found.last.entity, 0u);
}

TEST(HostileAliases, AMillionAliasesSharingAPrefix) {
  // One million entities whose names all begin with the same 40 bytes.
  const std::string prefix = "International Organization of Numbers ";
  std::string tsv;
  tsv.reserve(60 * 1000000);
  for (int i = 0; i < 1000000; ++i) {
    const std::string n = std::to_string(i);
    tsv += "e" + n + "\tORG\t" + prefix + n + "\n";
  }
  capi_test::Builder builder = capi_test::new_builder();
  onoma_error* error = nullptr;
  ASSERT_EQ(onoma_builder_add_buffer(builder.get(), tsv.data(), tsv.size(), ONOMA_FORMAT_TSV,
                                     "million.tsv", &error),
            ONOMA_OK);
  onoma_error_free(error);
  capi_test::Gazetteer g = capi_test::build(builder.get());
  ASSERT_NE(g, nullptr);
  EXPECT_EQ(onoma_gazetteer_alias_count(g.get()), 1000000u);

  const std::string text = "See " + prefix + "999999, " + prefix + "0 and " + prefix + "123.";
  Scratch scratch = new_scratch();
  std::vector<onoma_match> found(8);
  size_t count = 0;
  ASSERT_EQ(onoma_scan_into(g.get(), scratch.get(), nullptr, text.data(), text.size(),
                            found.data(), found.size(), &count),
            ONOMA_OK);
  ASSERT_EQ(count, 3u);
  EXPECT_EQ(capi_test::entity_id(g.get(), found[0].entity), "e999999");
  EXPECT_EQ(capi_test::entity_id(g.get(), found[1].entity), "e0");
  EXPECT_EQ(capi_test::entity_id(g.get(), found[2].entity), "e123");
  // The shared prefix alone, over and over: nothing.
  EXPECT_EQ(tally(g.get(), repeat(prefix, 100000)).count, 0u);
}

TEST_F(HostileInputTest, HundredMegabytesWithoutASpace) {
  std::string text = "Paris,";
  text.reserve(100 * kMiB + 16);
  while (text.size() < 100 * kMiB) text += "parisjolymelanieabcdefghijklmnopqrstuvwxyz";
  text += ",Paris";
  const Tally words = tally(gazetteer_, text);
  ASSERT_EQ(words.count, 2u);
  EXPECT_EQ(words.first.start, 0u);
  EXPECT_EQ(words.last.end, text.size());
  // Without word boundaries every position may start a match: a tenth of it is enough to
  // show that too ends, with the matches inside the letters.
  text.resize(10 * kMiB);
  const onoma_scan_options none = scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_NONE);
  const Tally substrings = tally(gazetteer_, text, &none);
  EXPECT_GT(substrings.count, 10 * kMiB / 42);
}

TEST(HostileOutput, AnExplodingAllPolicyIsBoundedByPaging) {
  // Nested aliases "a", "a a", ... eight deep, over a million words "a": the `all` policy has
  // about eight million matches. A caller takes them a bounded page at a time.
  std::vector<capi_test::EntitySpec> entities;
  std::string alias = "a";
  for (int depth = 1; depth <= 8; ++depth, alias += " a") {
    entities.push_back({"a" + std::to_string(depth), "X", alias});
  }
  capi_test::Gazetteer g = capi_test::build(entities);
  const std::string text = repeat("a ", kMiB);
  const onoma_scan_options all = scan_options(ONOMA_POLICY_ALL);

  Scratch scratch = new_scratch();
  size_t total = 0;
  EXPECT_EQ(onoma_scan_into(g.get(), scratch.get(), &all, text.data(), text.size(), nullptr, 0,
                            &total),
            ONOMA_ERROR_BUFFER_TOO_SMALL);
  EXPECT_EQ(total, 8 * kMiB - 28);

  onoma_scan_cursor cursor;
  onoma_scan_cursor_init(&cursor);
  std::vector<onoma_match> page(4096);
  size_t paged = 0;
  size_t pages = 0;
  uint64_t previous_start = 0;
  while (!(cursor.flags & ONOMA_CURSOR_DONE)) {
    size_t count = 0;
    ASSERT_EQ(onoma_scan_page(g.get(), scratch.get(), &all, text.data(), text.size(), &cursor,
                              page.data(), page.size(), &count),
              ONOMA_OK);
    ASSERT_GE(page[0].start, previous_start);
    previous_start = page[count - 1].start;
    paged += count;
    ++pages;
  }
  EXPECT_EQ(paged, total);
  EXPECT_EQ(pages, (total + page.size() - 1) / page.size());
}

TEST_F(HostileInputTest, TextOverFourGibibytes) {
  // A private anonymous mapping reads as zeros without using memory: 4 GiB of NULs with a
  // name written at the start and past the 4 GiB mark.
  const size_t length = (size_t{4} << 30) + 4096;
  void* mapping = mmap(nullptr, length, PROT_READ | PROT_WRITE,
                       MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  ASSERT_NE(mapping, MAP_FAILED);
  char* text = static_cast<char*>(mapping);
  const size_t late = (size_t{4} << 30) + 100;
  std::memcpy(text + 10, "Paris", 5);
  std::memcpy(text + late, "Mélanie Joly", 13);
  const onoma_scan_options options =
      scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD, ONOMA_OFFSETS_UTF16);
  const Tally t = tally(gazetteer_, text, length, &options);
  munmap(mapping, length);
  ASSERT_EQ(t.count, 2u);
  EXPECT_EQ(t.first.start, 10u);
  EXPECT_EQ(t.last.start, late);
  EXPECT_EQ(t.last.end, late + 13);
  EXPECT_EQ(t.last.unit_start, late);
  EXPECT_EQ(t.last.unit_end, late + 12);  // "é" is two bytes, one UTF-16 unit
}

}  // namespace
