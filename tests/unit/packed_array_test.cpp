#include "automaton/packed_array.h"

#include <cstdint>
#include <string>
#include <vector>

#include "automaton/release_memory.h"

#include <gtest/gtest.h>

namespace onoma::automaton {
namespace {

// Values at every width from 1 to 32 bits read back exactly, whether the array was reserved
// ahead or grew value by value, and still after shrink_to_fit. push_back ORs each value into
// bytes it expects to be zero, so a growth step that left old bytes behind would show here.
TEST(PackedArrayTest, ValuesReadBackAtEveryWidth) {
  for (unsigned bits = 1; bits <= 32; ++bits) {
    const uint32_t max_value = bits == 32 ? UINT32_MAX : (uint32_t{1} << bits) - 1;
    for (const bool reserved : {false, true}) {
      PackedArray array(max_value);
      if (reserved) array.reserve(300);
      std::vector<uint32_t> expected;
      for (uint32_t i = 0; i < 1000; ++i) {
        const uint32_t value = (i * 2654435761u) & max_value;
        array.push_back(value);
        expected.push_back(value);
        ASSERT_EQ(array[i], value) << bits << " bits, value " << i;
      }
      array.shrink_to_fit();
      ASSERT_EQ(array.size(), expected.size());
      for (size_t i = 0; i < expected.size(); ++i) {
        ASSERT_EQ(array[i], expected[i]) << bits << " bits, value " << i;
        if (i + 1 < expected.size()) {
          ASSERT_EQ(array.pair(i), std::make_pair(expected[i], expected[i + 1]));
        }
      }
    }
  }
}

// After shrink_to_fit the array holds its values and the 8 bytes a read may load past the
// last one, nothing more: growing ahead of the values must not stay in memory_usage.
TEST(PackedArrayTest, ShrinkToFitKeepsOnlyTheValuesAndTheirSlack) {
  PackedArray array(0xFFFFF);  // 20 bits
  for (uint32_t i = 0; i < 1001; ++i) array.push_back(i);
  array.shrink_to_fit();
  EXPECT_EQ(array.memory_usage(), (1001 * 20 + 7) / 8 + 8);
}

// Values set in any order, some twice, over a resized array (as the trie stores links found
// depth by depth): each set replaces its value and leaves its neighbours', which share its
// bytes, as they were.
TEST(PackedArrayTest, SetReplacesOneValueInAnyOrder) {
  for (const unsigned bits : {1u, 7u, 23u, 32u}) {
    const uint32_t max_value = bits == 32 ? UINT32_MAX : (uint32_t{1} << bits) - 1;
    PackedArray array(max_value);
    array.resize(777);
    std::vector<uint32_t> expected(777, 0);
    for (uint32_t i = 0; i < 777; ++i) ASSERT_EQ(array[i], 0u);
    for (uint32_t round = 0; round < 2; ++round) {
      for (uint32_t k = 0; k < 777; ++k) {
        const uint32_t i = (k * 389 + round) % 777;  // 389 and 777 are coprime: a permutation
        const uint32_t value = ((i + round) * 2654435761u) & max_value;
        array.set(i, value);
        expected[i] = value;
      }
      for (uint32_t i = 0; i < 777; ++i) ASSERT_EQ(array[i], expected[i]) << bits << " bits, " << i;
    }
  }
}

TEST(PackedArrayTest, WideValuesOfPackedArray64) {
  const uint64_t max_value = (uint64_t{1} << 57) - 1;
  PackedArray64 array(max_value);
  std::vector<uint64_t> expected;
  for (uint64_t i = 0; i < 500; ++i) {
    const uint64_t value = (i * 0x9E3779B97F4A7C15ull) & max_value;
    array.push_back(value);
    expected.push_back(value);
  }
  for (size_t i = 0; i < expected.size(); ++i) ASSERT_EQ(array[i], expected[i]) << i;
}

// The builds free their temporaries between stages with release_memory. What they did before,
// `x = {}`, kept every byte with GCC's library (the assignment empties but keeps the
// capacity): the trie build held its sorted keys and entries while linking.
TEST(ReleaseMemory, GivesBackTheCapacity) {
  std::vector<uint32_t> numbers(100000, 7);
  std::string bytes(100000, 'x');
  release_memory(numbers);
  release_memory(bytes);
  EXPECT_EQ(numbers.capacity(), 0u);
  EXPECT_LT(bytes.capacity(), 100u);  // a short string's own buffer at most
}

}  // namespace
}  // namespace onoma::automaton
