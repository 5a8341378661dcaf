// Columns of bits that also count, in constant time, the set bits of a column before any
// position (rank). They let a structure keep a field only for the elements that need one: the
// field of element i sits at index rank(i) of a dense array, and a clear bit means "none".
//
// Each block of 64 positions holds, for every column, the count of set bits before the block
// and the block's 64 bits, side by side (12 bytes): a lookup of several columns at one
// position touches one cache line, or two where a block straddles them. The cost is 1.5 bits
// per bit; blocks of 32 positions, with a count each, cost 2 (the trie's flags of the 10M
// synthetic aliases took 42 MB more). Each column is built by appending, and rank works on
// what is appended.
#pragma once

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <stdexcept>
#include <vector>

#include "automaton/popcount.h"

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
    last.bits[size % kBlockBits / 32] |= static_cast<uint32_t>(bit) << (size % 32);
    ++size;
    if (size % kBlockBits == 0) start_block(column, last);
  }

  // Appends `count` bits to `column`, 64 to a word of `words`, lowest bit first: push_back
  // without a call per bit. The column must end at a block boundary (say, be empty).
  void append_words(size_t column, const uint64_t* words, size_t count) {
    if (sizes_[column] % kBlockBits != 0) throw std::logic_error("bit column not at a block end");
    for (size_t word = 0; word * kBlockBits < count; ++word) {
      const size_t bits = std::min(kBlockBits, count - word * kBlockBits);
      const uint64_t kept = words[word] & (bits == kBlockBits ? ~uint64_t{0} : below(bits));
      Column& last = blocks_[sizes_[column] / kBlockBits].columns[column];
      last.bits[0] = static_cast<uint32_t>(kept);
      last.bits[1] = static_cast<uint32_t>(kept >> 32);
      sizes_[column] += bits;
      if (bits == kBlockBits) start_block(column, last);
    }
  }
  size_t size(size_t column) const { return sizes_[column]; }
  bool test(size_t column, size_t i) const {
    return (blocks_[i / kBlockBits].columns[column].word() >> (i % kBlockBits)) & 1;
  }
  // The number of set bits of `column` at positions [0, i), for i <= size(column).
  uint32_t rank(size_t column, size_t i) const {
    const Column& block = blocks_[i / kBlockBits].columns[column];
    return block.rank + popcount(block.word() & below(i));
  }
  // rank() for a column whose set bits are rare (most blocks have none below i): skips the
  // count when there is nothing to count, which is most of the time.
  uint32_t sparse_rank(size_t column, size_t i) const {
    const Column& block = blocks_[i / kBlockBits].columns[column];
    const uint64_t bits = block.word() & below(i);
    return bits == 0 ? block.rank : block.rank + popcount(bits);
  }
  // The last position in [first, i] whose bit is set in `column`, or kNone.
  size_t previous_set(size_t column, size_t i, size_t first = 0) const {
    size_t block = i / kBlockBits;
    const uint64_t kept = below(i + 1);  // positions 0 to i % kBlockBits of this block
    uint64_t bits = blocks_[block].columns[column].word() & (kept == 0 ? ~uint64_t{0} : kept);
    while (bits == 0) {
      if (block == first / kBlockBits) return kNone;
      bits = blocks_[--block].columns[column].word();
    }
    const size_t last = block * kBlockBits + 63 - static_cast<size_t>(__builtin_clzll(bits));
    return last >= first ? last : kNone;
  }
  static constexpr size_t kNone = SIZE_MAX;
  // Calls f(i) for each position i of `column` whose bit is set, in order.
  template <class F>
  void for_each_set(size_t column, F f) const {
    for (size_t block = 0; block * kBlockBits < sizes_[column]; ++block) {
      for (uint64_t bits = blocks_[block].columns[column].word(); bits != 0; bits &= bits - 1) {
        f(block * kBlockBits + static_cast<size_t>(__builtin_ctzll(bits)));
      }
    }
  }
  // The position of the set bit of `column` that has `k` set bits before it (k < rank(size)):
  // a binary search over the blocks, over a few only once index_select(column) has run.
  size_t select(size_t column, uint32_t k) const {
    size_t low = 0;  // the last block whose count of earlier bits is at most k
    size_t high = blocks_.size();
    const std::vector<uint32_t>& samples = select_samples_[column];
    if (!samples.empty()) {
      const size_t sample = k / kSelectSample;
      low = samples[sample];
      if (sample + 1 < samples.size()) high = samples[sample + 1] + size_t{1};
    }
    while (high - low > 1) {
      const size_t middle = low + (high - low) / 2;
      (blocks_[middle].columns[column].rank <= k ? low : high) = middle;
    }
    uint64_t bits = blocks_[low].columns[column].word();
    for (uint32_t skip = k - blocks_[low].columns[column].rank; skip > 0; --skip) bits &= bits - 1;
    return low * kBlockBits + static_cast<size_t>(__builtin_ctzll(bits));
  }
  // Keeps the block of every kSelectSample-th set bit of `column`, which must be complete: 4
  // bytes per kSelectSample set bits, after which select() searches a block or two.
  void index_select(size_t column) {
    std::vector<uint32_t>& samples = select_samples_[column];
    samples.clear();
    uint32_t next = 0;  // the sample's k
    for (size_t block = 0; block < blocks_.size(); ++block) {
      const Column& bits = blocks_[block].columns[column];
      for (; next < bits.rank + popcount(bits.word()); next += kSelectSample) {
        samples.push_back(static_cast<uint32_t>(block));
      }
    }
    samples.shrink_to_fit();
  }
  static constexpr uint32_t kSelectSample = 64;
  size_t memory_usage() const {
    size_t bytes = blocks_.capacity() * sizeof(Block);
    for (const std::vector<uint32_t>& samples : select_samples_) {
      bytes += samples.capacity() * sizeof(uint32_t);
    }
    return bytes;
  }

 private:
  static constexpr size_t kBlockBits = 64;
  // The positions of i's block before i, as a mask (none when i starts a block).
  static uint64_t below(size_t i) { return (uint64_t{1} << (i % kBlockBits)) - 1; }
  struct Column {
    uint32_t rank = 0;  // set bits in all earlier blocks
    // The block's bits, as two halves so that a Column takes 12 bytes, not 16.
    uint32_t bits[2] = {0, 0};
    uint64_t word() const { return uint64_t{bits[1]} << 32 | bits[0]; }  // one load
  };
  struct Block {
    std::array<Column, kColumns> columns;
  };

  // Opens `column`'s next block once `full` (its last) is complete, with the count of set bits
  // before it. One block is kept past the last full one, so that rank(size) needs no special
  // case.
  void start_block(size_t column, const Column& full) {
    const uint32_t rank = full.rank + popcount(full.word());
    const size_t next = sizes_[column] / kBlockBits;
    if (next == blocks_.size()) blocks_.emplace_back();
    blocks_[next].columns[column].rank = rank;
  }

  std::vector<Block> blocks_;
  std::array<size_t, kColumns> sizes_{};
  std::array<std::vector<uint32_t>, kColumns> select_samples_;  // see index_select
};

}  // namespace onoma::automaton
