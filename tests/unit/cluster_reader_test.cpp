// Where clusters begin and end: matches start and end only on these boundaries, which is what
// keeps them off the middle of a UTF-8 sequence, an expanded character or an accented letter.
#include "unicode/cluster_reader.h"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

#include "unicode/fold_options.h"
#include "unicode/fold_table.h"

namespace onoma::unicode {
namespace {

struct Piece {
  size_t begin;
  size_t end;
  std::string folded;
  bool word;
  bool operator==(const Piece& o) const {
    return begin == o.begin && end == o.end && folded == o.folded && word == o.word;
  }
};

std::ostream& operator<<(std::ostream& out, const Piece& p) {
  return out << "[" << p.begin << ", " << p.end << ") \"" << p.folded << "\""
             << (p.word ? " word" : "");
}

std::vector<Piece> clusters(std::string_view text, uint32_t options = kFoldDefault) {
  ClusterReader reader(FoldTable::for_options(options));
  std::vector<Piece> out;
  for (size_t pos = 0; pos < text.size();) {
    const Cluster c = reader.read(text.data(), text.size(), pos);
    EXPECT_GT(c.end, pos);
    out.push_back({c.begin, c.end, std::string(c.folded, c.folded_length), c.word});
    pos = c.end;
  }
  return out;
}

TEST(ClusterReader, KeepsCombiningMarksWithTheirBase) {
  const std::vector<Piece> expected = {{0, 3, "e", true}, {3, 4, "x", true}};
  EXPECT_EQ(clusters("e\u0301x"), expected);
}

TEST(ClusterReader, KeepsAnExpandedCharacterWhole) {
  const std::vector<Piece> expected = {{0, 1, "a", true}, {1, 3, "ss", true}};
  EXPECT_EQ(clusters("a\u00DF"), expected);
}

TEST(ClusterReader, TakesFollowingIgnorablesAlong) {
  const std::vector<Piece> expected = {
      {0, 1, "j", true}, {1, 4, "o", true}, {4, 10, "l", true}, {10, 11, "y", true}};
  EXPECT_EQ(clusters("Jo\u00ADl\u200D\u0301y"), expected);
}

TEST(ClusterReader, MakesOneClusterOfAWhiteSpaceRun) {
  const std::vector<Piece> expected = {{0, 1, "a", true}, {1, 10, " ", false}, {10, 11, "b", true}};
  EXPECT_EQ(clusters("a \u00A0\r\n\u00AD\t b"), expected);
}

// A spacing accent is white space (code_point_fold.h, is_white_space_under): it joins the run,
// and so do the combining marks that follow white space.
TEST(ClusterReader, SpacingAccentsAndMarksAfterWhiteSpaceJoinTheRun) {
  const std::vector<Piece> expected = {{0, 1, "l", true}, {1, 3, " ", false}, {3, 4, "a", true}};
  EXPECT_EQ(clusters("l\u00B4a"), expected);
  EXPECT_EQ(clusters("l\u00B4a", kFoldDefault & ~kFoldMarks), expected);
  const std::vector<Piece> run = {{0, 1, "a", true}, {1, 6, " ", false}, {6, 7, "b", true}};
  EXPECT_EQ(clusters("a \u0656\u02DAb"), run);
  EXPECT_EQ(clusters("a \u0656\u02DAb", kFoldDefault & ~kFoldMarks), run);
  // Without white-space folding the accent is a cluster of its own.
  const std::vector<Piece> apart = {{0, 1, "l", true}, {1, 3, " ", false}, {3, 4, "a", true}};
  EXPECT_EQ(clusters("l\u00B4a", kFoldDefault & ~kFoldWhiteSpace), apart);
}

TEST(ClusterReader, KeepsWhiteSpaceApartWhenItIsNotFolded) {
  const std::vector<Piece> expected = {
      {0, 1, "a", true}, {1, 2, " ", false}, {2, 3, " ", false}, {3, 4, "b", true}};
  EXPECT_EQ(clusters("a  b", kFoldExact), expected);
}

TEST(ClusterReader, MakesEachInvalidByteACluster) {
  const std::vector<Piece> expected = {
      {0, 1, "\uFFFD", false}, {1, 2, "\uFFFD", false}, {2, 3, "a", true}};
  EXPECT_EQ(clusters("\xE2\x82" "a"), expected);
}

TEST(ClusterReader, LeadingMarkIsAWordClusterOfItsOwn) {
  const std::vector<Piece> expected = {{0, 2, "", true}, {2, 3, "a", true}};
  EXPECT_EQ(clusters("\u0301a"), expected);
}

}  // namespace
}  // namespace onoma::unicode
