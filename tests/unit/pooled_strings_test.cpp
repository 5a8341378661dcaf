// The gazetteer keeps alias texts and entity ids with only some of their starts
// (SampledPooledStringList) and finds entities by id through a sorted index
// (SortedStringIndex). Strings on either side of a kept start, empty ones, and ids that are
// prefixes of others must all read back and be found.
#include <gtest/gtest.h>

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/gazetteer.h"
#include "gazetteer/sorted_string_index.h"

namespace onoma::gazetteer {
namespace {

std::vector<std::string> sample_strings() {
  std::vector<std::string> strings;
  for (int i = 0; i < 100; ++i) {
    // Lengths 0 to 40, so that a string's start is no function of its number.
    const size_t length = static_cast<size_t>(i * 7 % 41);
    strings.push_back(std::string(length, static_cast<char>('a' + i % 26)));
  }
  return strings;
}

TEST(SampledPooledStringList, EveryStringReadsBackAtEveryInterval) {
  const std::vector<std::string> strings = sample_strings();
  for (const unsigned interval_log2 : {0u, 1u, 2u, 4u, 7u}) {
    SCOPED_TRACE(interval_log2);
    std::string pool = "before";  // a list need not begin the pool
    SampledPooledStringList list(4096, interval_log2);
    list.reserve(strings.size());
    for (const std::string& s : strings) list.add(pool, s);
    ASSERT_EQ(list.size(), strings.size());
    for (size_t i = 0; i < strings.size(); ++i) {
      const PooledString s = list.at(pool, i);
      EXPECT_EQ(std::string_view(pool.data() + s.offset, s.length), strings[i]) << i;
      EXPECT_EQ(pool[s.offset + s.length], '\0') << i;  // C callers take it as it is
    }
  }
}

TEST(SampledPooledStringList, RefusesAStringWithANul) {
  std::string pool;
  SampledPooledStringList list(64, 2);
  list.add(pool, "ab");
  // Its length would be read up to the NUL: the builder refuses such strings before.
  EXPECT_THROW(list.add(pool, std::string_view("a\0b", 3)), std::logic_error);
}

struct Names {
  std::vector<std::string> names;
  std::string_view name(uint32_t number) const { return names[number]; }
};

TEST(SortedStringIndex, FindsEveryNameAndNothingElse) {
  // Prefixes of one another, out of order, and one that is empty.
  const Names owner{{"e10", "e1", "b", "e100", "", "a", "e2", "zz", "e11"}};
  const uint32_t count = static_cast<uint32_t>(owner.names.size());
  const SortedStringIndex<Names, &Names::name> index(owner, count);
  for (uint32_t number = 0; number < owner.names.size(); ++number) {
    EXPECT_EQ(index.find(owner, owner.names[number]), number) << owner.names[number];
  }
  for (const char* absent : {"e", "e0", "e12", "e1000", "aa", "zzz", "0", "~"}) {
    EXPECT_FALSE(index.find(owner, absent)) << absent;
  }
}

TEST(SortedStringIndex, EmptyIndexFindsNothing) {
  const Names owner;
  const SortedStringIndex<Names, &Names::name> index(owner, 0);
  EXPECT_FALSE(index.find(owner, ""));
  EXPECT_FALSE(index.find(owner, "a"));
}

}  // namespace
}  // namespace onoma::gazetteer
