// Match policies (DESIGN.md §2): `longest` is leftmost-longest and non-overlapping, `all`
// reports every match ordered by start then end, a span shared by several entities yields one
// match per entity flagged ambiguous, and the sink can stop the scan.
#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer_test_support.h"

namespace onoma::test_support {
namespace {

using Matches = std::vector<Found>;

TEST(LongestPolicy, PrefersTheLongestMatchAtAPosition) {
  const auto g = build({entity("ny", "New York"), entity("nyc", "New York City")});
  EXPECT_EQ(find(*g, "New York City and New York"),
            (Matches{{0, 13, "nyc", false}, {18, 26, "ny", false}}));
}

TEST(LongestPolicy, FallsBackToAShorterMatchWhenTheLongerFailsItsBoundary) {
  const auto g = build({entity("ny", "New York"), entity("nyc", "New York City")});
  EXPECT_EQ(find(*g, "New York Citybus"), (Matches{{0, 8, "ny", false}}));
}

TEST(LongestPolicy, LeftmostWinsOverlaps) {
  const auto g = build({entity("ab", "A B"), entity("bc", "B C"), entity("cd", "C D")});
  EXPECT_EQ(find(*g, "A B C"), (Matches{{0, 3, "ab", false}}));
  EXPECT_EQ(find(*g, "A B C D"), (Matches{{0, 3, "ab", false}, {4, 7, "cd", false}}));
  EXPECT_EQ(find(*g, "x B C D"), (Matches{{2, 5, "bc", false}}));
}

TEST(LongestPolicy, LeftmostBeatsLonger) {
  const auto g = build({entity("ab", "A B"), entity("bcde", "B C D E")});
  EXPECT_EQ(find(*g, "A B C D E"), (Matches{{0, 3, "ab", false}}));
}

TEST(AllPolicy, ReportsEveryMatchOrderedByStartThenEnd) {
  const auto g = build({entity("nyc", "New York City"), entity("york", "York"),
                        entity("ny", "New York"), entity("city", "City")});
  EXPECT_EQ(find(*g, "New York City", all_matches()),
            (Matches{{0, 8, "ny", false}, {0, 13, "nyc", false}, {4, 8, "york", false},
                     {9, 13, "city", false}}));
}

TEST(AllPolicy, ReportsOverlappingMatches) {
  const auto g = build({entity("ab", "A B"), entity("bc", "B C")});
  EXPECT_EQ(find(*g, "A B C", all_matches()), (Matches{{0, 3, "ab", false}, {2, 5, "bc", false}}));
}

TEST(AllPolicy, StillChecksBoundaries) {
  const auto g = build({entity("ny", "New York"), entity("nyc", "New York City")});
  EXPECT_EQ(find(*g, "New York Citybus", all_matches()), (Matches{{0, 8, "ny", false}}));
}

TEST(Ambiguity, OneMatchPerEntityInEntityOrderUnderBothPolicies) {
  gazetteer::EntitySpec country = entity("lu", "Luxembourg", {"Grand Duchy of Luxembourg"});
  country.label = "GPE";
  gazetteer::EntitySpec paris = entity("paris", "Paris");
  gazetteer::EntitySpec city = entity("lu-city", "Luxembourg City", {"LUXEMBOURG"});
  city.label = "CITY";
  const auto g = build({country, paris, city});
  const Matches expected = {{3, 13, "lu", true}, {3, 13, "lu-city", true}};
  EXPECT_EQ(find(*g, "In Luxembourg."), expected);
  EXPECT_EQ(find(*g, "In Luxembourg.", all_matches()), expected);
}

TEST(Ambiguity, IsDecidedPerSpan) {
  const auto g = build({entity("ny-city", "New York"), entity("ny-state", "New York"),
                        entity("nyc", "New York City")});
  EXPECT_EQ(find(*g, "New York City"), (Matches{{0, 13, "nyc", false}}));
  EXPECT_EQ(find(*g, "New York City", all_matches()),
            (Matches{{0, 8, "ny-city", true}, {0, 8, "ny-state", true}, {0, 13, "nyc", false}}));
  EXPECT_EQ(find(*g, "New York"), (Matches{{0, 8, "ny-city", true}, {0, 8, "ny-state", true}}));
}

TEST(Ambiguity, AliasesOfOneEntityThatFoldAlikeGiveOneMatch) {
  gazetteer::EntitySpec joly =
      entity("joly", "M\u00E9lanie Joly", {"Melanie Joly", "MELANIE JOLY", "Me\u0301lanie Joly"});
  // "USA" is case-sensitive by the default rule, the flagged one is not: two aliases, one key.
  gazetteer::EntitySpec usa = entity("usa", "USA");
  usa.aliases.push_back(case_insensitive("usa"));
  const auto g = build({joly, usa});
  for (const scan::ScanOptions& options : {scan::ScanOptions{}, all_matches()}) {
    EXPECT_EQ(find(*g, "Melanie Joly", options), (Matches{{0, 12, "joly", false}}));
    EXPECT_EQ(find(*g, "USA", options), (Matches{{0, 3, "usa", false}}));
    EXPECT_EQ(find(*g, "usa", options), (Matches{{0, 3, "usa", false}}));
  }
}

// Collects matches until the sink has seen `limit` of them.
std::vector<scan::Match> scan_until(const gazetteer::Gazetteer& g, std::string_view text,
                                    size_t limit, scan::ScanOptions options, bool* finished) {
  std::vector<scan::Match> seen;
  scan::Scratch scratch;
  *finished = scan::scan(g, options, text, scratch, [&](const scan::Match& m) {
    seen.push_back(m);
    return seen.size() < limit;
  });
  return seen;
}

TEST(Sink, StopsTheScanWhenItReturnsFalse) {
  const auto g = build({entity("a", "alpha"), entity("b", "beta"), entity("b2", "beta")});
  const std::string text = "alpha beta alpha";
  for (const scan::ScanOptions& options : {scan::ScanOptions{}, all_matches()}) {
    bool finished = true;
    EXPECT_EQ(scan_until(*g, text, 1, options, &finished).size(), 1u);
    EXPECT_FALSE(finished);
    // Stopping inside the group of an ambiguous span ends there too.
    EXPECT_EQ(scan_until(*g, text, 2, options, &finished).size(), 2u);
    EXPECT_FALSE(finished);
    EXPECT_EQ(scan_until(*g, text, 100, options, &finished).size(), 4u);
    EXPECT_TRUE(finished);
  }
}

TEST(Scratch, CanBeReusedAcrossScansAndGazetteers) {
  const auto first = build({entity("a", "alpha")});
  const auto second = build({entity("b", "beta"), entity("a", "alpha beta")});
  scan::Scratch scratch;
  std::vector<uint64_t> ends;
  auto sink = [&](const scan::Match& m) {
    ends.push_back(m.end);
    return true;
  };
  EXPECT_TRUE(scan::scan(*first, {}, "alpha beta", scratch, sink));
  EXPECT_TRUE(scan::scan(*second, {}, "alpha beta", scratch, sink));
  EXPECT_TRUE(scan::scan(*first, {}, "x alpha", scratch, sink));
  EXPECT_EQ(ends, (std::vector<uint64_t>{5, 10, 7}));
}

TEST(Scratch, CanBeReusedAfterAScanStoppedWithSpansWaiting) {
  // "a" and "b" wait while "a b c d" may still match; the sink stops the scan at "a", which
  // leaves "b" waiting. The next scan's spans must not be taken for what the stopped one left.
  const auto g = build({entity("one", "a"), entity("two", "b"), entity("four", "a b c d")});
  for (const scan::ScanOptions& options : {scan::ScanOptions{}, all_matches()}) {
    scan::Scratch scratch;
    std::vector<uint64_t> ends;
    EXPECT_FALSE(scan::scan(*g, options, "a b x", scratch, [&](const scan::Match& m) {
      ends.push_back(m.end);
      return false;
    }));
    EXPECT_EQ(ends, (std::vector<uint64_t>{1}));
    ends.clear();
    EXPECT_TRUE(scan::scan(*g, options, "a b x", scratch, [&](const scan::Match& m) {
      ends.push_back(m.end);
      return true;
    }));
    EXPECT_EQ(ends, (std::vector<uint64_t>{1, 3}));
  }
}

}  // namespace
}  // namespace onoma::test_support
