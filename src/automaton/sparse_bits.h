// A column of bits whose set bits may be very rare: a bit per block of 64 positions says
// whether any of them is set, and only such blocks keep their 64 bits. Where set bits are
// dense it costs about what a column of RankedBitColumns does (1.5 bits per bit); where they
// are rare, next to nothing: of the 10M synthetic aliases' 203 million tail nodes, 4,227 have
// an output link, which a plain column would spend 38 MB on.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

#include "automaton/ranked_bit_columns.h"

namespace onoma::automaton {

class SparseBits {
 public:
  // Built by appending, then finish() once after the last bit.
  void push_back(bool bit) {
    pending_ |= uint64_t{bit} << (size_ % kBlockBits);
    ++size_;
    if (size_ % kBlockBits == 0) close_block();
  }
  void finish() {
    if (size_ % kBlockBits != 0) close_block();
    words_.shrink_to_fit();
  }

  size_t size() const { return size_; }
  bool test(size_t i) const {
    const size_t block = i / kBlockBits;
    return occupied_.test(0, block) && ((words_[occupied_.rank(0, block)] >> (i % kBlockBits)) & 1);
  }
  size_t memory_usage() const {
    return occupied_.memory_usage() + words_.capacity() * sizeof(uint64_t);
  }

 private:
  static constexpr size_t kBlockBits = 64;

  void close_block() {
    occupied_.push_back(0, pending_ != 0);
    if (pending_ != 0) words_.push_back(pending_);
    pending_ = 0;
  }

  RankedBitColumns<1> occupied_;  // per block: some bit of it is set
  std::vector<uint64_t> words_;   // per occupied block: its bits
  uint64_t pending_ = 0;          // the bits of the block being appended
  size_t size_ = 0;
};

}  // namespace onoma::automaton
