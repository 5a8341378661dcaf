// ReallocVector holds the builder's drafts: every element reads back as pushed across many
// growths, truncate drops only the tail (a failed call cuts the drafts back), and
// release_memory empties it.
#include "gazetteer/realloc_vector.h"

#include <gtest/gtest.h>

#include <cstdint>

#include "automaton/release_memory.h"

namespace onoma::gazetteer {
namespace {

struct Record {
  uint32_t number;
  uint64_t twice;
  bool odd;
};

Record record_of(uint32_t i) { return Record{i, uint64_t{i} * 2, (i & 1) != 0}; }

void expect_records(const ReallocVector<Record>& records, size_t count) {
  ASSERT_EQ(records.size(), count);
  size_t i = 0;
  for (const Record& record : records) {
    ASSERT_EQ(record.number, i);
    ASSERT_EQ(record.twice, uint64_t{record.number} * 2);
    ASSERT_EQ(record.odd, (i & 1) != 0);
    ++i;
  }
  EXPECT_EQ(i, count);
}

TEST(ReallocVector, ElementsReadBackAcrossGrowths) {
  ReallocVector<Record> records;
  EXPECT_EQ(records.size(), 0u);
  EXPECT_EQ(records.begin(), records.end());
  constexpr uint32_t kCount = 300000;  // some twenty doublings
  for (uint32_t i = 0; i < kCount; ++i) records.push_back(record_of(i));
  expect_records(records, kCount);
  records[7].number = 70;
  EXPECT_EQ(records[7].number, 70u);
}

TEST(ReallocVector, TruncateDropsOnlyTheTailAndPushingGoesOnFromThere) {
  ReallocVector<Record> records;
  for (uint32_t i = 0; i < 100; ++i) records.push_back(record_of(i));
  records.truncate(200);  // longer than it is: nothing changes
  expect_records(records, 100);
  records.truncate(40);
  expect_records(records, 40);
  for (uint32_t i = 40; i < 1000; ++i) records.push_back(record_of(i));
  expect_records(records, 1000);
}

TEST(ReallocVector, SwapAndReleaseMemory) {
  ReallocVector<Record> a;
  ReallocVector<Record> b;
  for (uint32_t i = 0; i < 50; ++i) a.push_back(record_of(i));
  a.swap(b);
  expect_records(a, 0);
  expect_records(b, 50);
  automaton::release_memory(b);
  expect_records(b, 0);
  b.push_back(record_of(0));
  expect_records(b, 1);
}

}  // namespace
}  // namespace onoma::gazetteer
