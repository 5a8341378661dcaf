// Columns of bits that also count, in constant time, the set bits of a column before any
// position (rank). They let a structure keep a field only for the elements that need one: the
// field of element i sits at index rank(i) of a dense array, and a clear bit means "none".
//
// Each block of 32 positions holds, for every column, the count of set bits before the block
// and the block's 32 bits, side by side: a lookup of several columns at one position touches
// one cache line, and a single 8-byte load answers test and rank of a column. The cost is
// 2 bits per bit. Each column is built by appending, and rank works on what is appended.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace onoma::automaton {

template <size_t kColumns>
class RankedBitColumns {
 public:
  RankedBitColumns() : blocks_(1) {}

  // Room for `size` positions in every column.
  void reserve(size_t size) { blocks_.reserve(size / kBlockBits + 1); }
  void push_back(size_t column, bool bit) {
    size_t& size = sizes_[column];
    Column& last = blocks_[size / kBlockBits].columns[column];
    last.bits |= static_cast<uint32_t>(bit) << (size % kBlockBits);
    ++size;
    if (size % kBlockBits != 0) return;
    // Keep one block past the last full one, so that rank(size) needs no special case.
    const uint32_t rank = last.rank + popcount(last.bits);
    if (size / kBlockBits == blocks_.size()) blocks_.emplace_back();
    blocks_[size / kBlockBits].columns[column].rank = rank;
  }

  size_t size(size_t column) const { return sizes_[column]; }
  bool test(size_t column, size_t i) const {
    return (blocks_[i / kBlockBits].columns[column].bits >> (i % kBlockBits)) & 1;
  }
  // The number of set bits of `column` at positions [0, i), for i <= size(column).
  uint32_t rank(size_t column, size_t i) const {
    const Column& block = blocks_[i / kBlockBits].columns[column];
    const uint32_t below = (uint32_t{1} << (i % kBlockBits)) - 1;
    return block.rank + popcount(block.bits & below);
  }
  // rank() for a column whose set bits are rare (most blocks have none below i): skips the
  // count when there is nothing to count, which is most of the time.
  uint32_t sparse_rank(size_t column, size_t i) const {
    const Column& block = blocks_[i / kBlockBits].columns[column];
    const uint32_t below = block.bits & ((uint32_t{1} << (i % kBlockBits)) - 1);
    return below == 0 ? block.rank : block.rank + popcount(below);
  }
  // The last position at or before i whose bit is set in `column`; there must be one.
  size_t previous_set(size_t column, size_t i) const {
    size_t block = i / kBlockBits;
    uint32_t bits = blocks_[block].columns[column].bits;
    const unsigned kept = i % kBlockBits + 1;  // positions 0 to i % kBlockBits of this block
    if (kept < kBlockBits) bits &= (uint32_t{1} << kept) - 1;
    while (bits == 0) bits = blocks_[--block].columns[column].bits;
    return block * kBlockBits + (kBlockBits - 1 - static_cast<size_t>(__builtin_clz(bits)));
  }
  size_t memory_usage() const { return blocks_.capacity() * sizeof(Block); }

 private:
  static constexpr size_t kBlockBits = 32;
  struct Column {
    uint32_t rank = 0;  // set bits in all earlier blocks
    uint32_t bits = 0;
  };
  struct Block {
    std::array<Column, kColumns> columns;
  };

  // Without the POPCNT instruction (not in baseline x86-64), GCC's builtin is a library call
  // several times slower than these few inline operations.
  static uint32_t popcount(uint32_t bits) {
#if defined(__POPCNT__)
    return static_cast<uint32_t>(__builtin_popcount(bits));
#else
    bits = bits - ((bits >> 1) & 0x55555555u);
    bits = (bits & 0x33333333u) + ((bits >> 2) & 0x33333333u);
    return (((bits + (bits >> 4)) & 0x0F0F0F0Fu) * 0x01010101u) >> 24;
#endif
  }

  std::vector<Block> blocks_;
  std::array<size_t, kColumns> sizes_{};
};

}  // namespace onoma::automaton
