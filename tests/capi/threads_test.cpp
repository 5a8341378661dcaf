// One immutable gazetteer, several threads each with its own scratch: every thread must see
// exactly what a single-threaded scan sees.
#include <string>
#include <thread>
#include <vector>

#include "capi_test_support.h"

namespace {

using capi_test::same_match;

std::vector<std::string> texts() {
  std::vector<std::string> result = {
      "The U.S. and the UN met in New York City; Mélanie Joly spoke.",
      "MELANIE JOLY, Paris Hilton and the US delegation in Paris.",
      "nothing to see here at all",
      "Me\xCC\x81lanie\xC2\xA0Joly \xFF\xFE UN/US/U.S.",
  };
  // One long text so that scans take a while and really overlap.
  std::string long_text;
  for (int i = 0; i < 200; ++i) long_text += result[static_cast<size_t>(i) % 4] + ' ';
  result.push_back(long_text);
  return result;
}

std::vector<std::vector<onoma_match>> scan_all(const onoma_gazetteer* gazetteer,
                                               onoma_scratch* scratch,
                                               const std::vector<std::string>& inputs,
                                               const onoma_scan_options& options) {
  std::vector<std::vector<onoma_match>> results;
  for (const std::string& text : inputs) {
    size_t count = 0;
    onoma_scan_into(gazetteer, scratch, &options, text.data(), text.size(), nullptr, 0, &count);
    std::vector<onoma_match> matches(count);
    const onoma_status status = onoma_scan_into(gazetteer, scratch, &options, text.data(),
                                                text.size(), matches.data(), count, &count);
    if (status != ONOMA_OK) matches.clear();
    results.push_back(std::move(matches));
  }
  return results;
}

bool same_results(const std::vector<std::vector<onoma_match>>& a,
                  const std::vector<std::vector<onoma_match>>& b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); ++i) {
    if (a[i].size() != b[i].size()) return false;
    for (size_t j = 0; j < a[i].size(); ++j) {
      if (!same_match(a[i][j], b[i][j])) return false;
    }
  }
  return true;
}

TEST(Threads, SharedGazetteerPerThreadScratch) {
  const capi_test::Gazetteer gazetteer = capi_test::build({
      {"joly", "PERSON", "Mélanie Joly", {{"Joly"}}},
      {"us", "GPE", "United States", {{"US"}, {"U.S."}}},
      {"un", "ORG", "United Nations", {{"UN"}}},
      {"nyc", "GPE", "New York City", {{"New York"}}},
      {"paris", "GPE", "Paris"},
      {"hilton", "PERSON", "Paris Hilton", {{"Paris"}}},
  });
  const std::vector<std::string> inputs = texts();
  const onoma_scan_options option_sets[] = {
      capi_test::scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD, ONOMA_OFFSETS_UTF16),
      capi_test::scan_options(ONOMA_POLICY_ALL, ONOMA_BOUNDARY_NONE, ONOMA_OFFSETS_CODE_POINTS),
  };

  std::vector<std::vector<std::vector<onoma_match>>> expected;
  {
    capi_test::Scratch scratch = capi_test::new_scratch();
    for (const onoma_scan_options& options : option_sets) {
      expected.push_back(scan_all(gazetteer.get(), scratch.get(), inputs, options));
    }
  }
  ASSERT_GT(expected[0].back().size(), 500u);

  constexpr int kThreads = 4;
  constexpr int kRounds = 25;
  std::vector<int> mismatches(kThreads, -1);
  std::vector<std::thread> threads;
  for (int t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      onoma_scratch* scratch = nullptr;
      if (onoma_scratch_new(&scratch) != ONOMA_OK) return;
      int bad = 0;
      for (int round = 0; round < kRounds; ++round) {
        // Threads alternate option sets so that different scans run side by side.
        const size_t set = static_cast<size_t>(round + t) % 2;
        if (!same_results(scan_all(gazetteer.get(), scratch, inputs, option_sets[set]),
                          expected[set])) {
          ++bad;
        }
      }
      onoma_scratch_free(scratch);
      mismatches[static_cast<size_t>(t)] = bad;
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (int t = 0; t < kThreads; ++t) EXPECT_EQ(mismatches[static_cast<size_t>(t)], 0) << "thread " << t;
}

// Fold tables are built lazily, once per process and fold setting: threads that build
// gazetteers at the same time, each needing tables nobody has built yet, must all get the same
// gazetteer as a lone thread would.
TEST(Threads, ConcurrentBuildsWithFreshFoldTables) {
  const uint32_t folds[] = {
      ONOMA_FOLD_CASE | ONOMA_FOLD_MARKS,
      ONOMA_FOLD_CANONICAL | ONOMA_FOLD_WHITE_SPACE,
      ONOMA_FOLD_DEFAULT & ~ONOMA_FOLD_IGNORABLES,
      ONOMA_FOLD_COMPATIBILITY | ONOMA_FOLD_CASE | ONOMA_FOLD_PUNCTUATION,
  };
  const std::string text =
      "Me\xCC\x81lanie\xC2\xA0Joly \xE2\x80\x94 MÉLANIE JOLY, Ｊｏｌｙ and the U.S.";
  auto run = [&](uint32_t fold) {
    onoma_gazetteer_options options;
    onoma_gazetteer_options_init(&options);
    options.fold = fold;
    const capi_test::Gazetteer g = capi_test::build(
        {{"joly", "PERSON", "Mélanie Joly", {{"Joly"}}}, {"us", "GPE", "U.S."}}, &options);
    return capi_test::describe_scan(g.get(), text);
  };

  constexpr size_t kThreads = 4;
  constexpr size_t kFolds = sizeof(folds) / sizeof(folds[0]);
  std::vector<std::vector<std::string>> seen(kThreads, std::vector<std::string>(kFolds));
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&, t] {
      // Each thread starts with a different setting, so that first uses collide.
      for (size_t i = 0; i < kFolds; ++i) {
        const size_t f = (i + t) % kFolds;
        seen[t][f] = run(folds[f]);
      }
    });
  }
  for (std::thread& thread : threads) thread.join();
  for (size_t f = 0; f < kFolds; ++f) {
    const std::string expected = run(folds[f]);
    EXPECT_FALSE(expected.empty()) << "fold " << folds[f];
    for (size_t t = 0; t < kThreads; ++t) EXPECT_EQ(seen[t][f], expected) << "thread " << t;
  }
}

}  // namespace
