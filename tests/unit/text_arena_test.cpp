// The builder's arena of strings: every string reads back as added, across block boundaries
// and for strings longer than a block; cut_back undoes additions; release_before gives back
// only blocks whose strings are all before the offset.
#include "gazetteer/text_arena.h"

#include <gtest/gtest.h>

#include <random>
#include <set>
#include <string>
#include <vector>

namespace onoma::gazetteer {
namespace {

constexpr size_t kBlock = TextArena::kBlockBytes;

// A string of `length` bytes that differs with `seed`, so that a wrong offset reads wrong bytes.
std::string text_of(size_t length, uint32_t seed) {
  std::string s(length, '\0');
  for (size_t i = 0; i < length; ++i) s[i] = static_cast<char>('a' + (seed + i * 7) % 26);
  return s;
}

TEST(TextArena, StringsReadBackAcrossBlocksAndLongerThanABlock) {
  std::mt19937 rng(20261206);
  TextArena arena;
  std::vector<std::string> added;
  std::vector<ArenaText> where;
  // Lengths that end blocks exactly, cross them, and exceed them.
  const std::vector<size_t> lengths = {kBlock - 10, 10, 1, kBlock - 1, 2, kBlock + 5, 3,
                                       2 * kBlock, kBlock, 7, 0, 5};
  for (size_t i = 0; i < lengths.size() + 200; ++i) {
    const size_t length = i < lengths.size() ? lengths[i] : rng() % 100000;
    added.push_back(text_of(length, static_cast<uint32_t>(i)));
    where.push_back(arena.add(added.back()));
    EXPECT_LE(where.back().offset + size_t{where.back().length}, arena.size());
  }
  for (size_t i = 0; i < added.size(); ++i) {
    ASSERT_EQ(arena.view(where[i]), added[i]) << "string " << i;
  }
}

TEST(TextArena, CutBackUndoesLaterAdditions) {
  TextArena arena;
  const ArenaText kept = arena.add(text_of(kBlock - 3, 1));
  const size_t size = arena.size();
  arena.add(text_of(100, 2));  // starts the next block
  arena.add(text_of(kBlock * 2, 3));
  arena.cut_back(size);
  EXPECT_EQ(arena.size(), size);
  const ArenaText after = arena.add("xyz");
  EXPECT_EQ(after.offset, size);  // the three bytes left in the first block
  EXPECT_EQ(arena.view(after), "xyz");
  EXPECT_EQ(arena.view(kept), text_of(kBlock - 3, 1));
  const ArenaText next = arena.add(text_of(50, 4));
  EXPECT_EQ(arena.view(next), text_of(50, 4));
}

TEST(TextArena, ReleaseBeforeKeepsTheStringsFromThatOffsetOn) {
  TextArena arena;
  std::vector<std::string> added;
  std::vector<ArenaText> where;
  for (uint32_t i = 0; i < 40; ++i) {
    added.push_back(text_of(i % 5 == 0 ? kBlock + 1 : kBlock / 3, i));
    where.push_back(arena.add(added.back()));
  }
  for (size_t first = 0; first < added.size(); first += 7) {
    arena.release_before(where[first].offset);
    std::set<uint32_t> blocks_needed;  // where the strings from `first` on begin
    for (size_t i = first; i < added.size(); ++i) {
      ASSERT_EQ(arena.view(where[i]), added[i]) << "string " << i << " after release to " << first;
      blocks_needed.insert(where[i].offset >> TextArena::kBlockBits);
    }
    EXPECT_EQ(arena.blocks_held(), blocks_needed.size());
  }
  arena.release();
  EXPECT_EQ(arena.size(), 0u);
  EXPECT_EQ(arena.view(arena.add("again")), "again");
}

}  // namespace
}  // namespace onoma::gazetteer
