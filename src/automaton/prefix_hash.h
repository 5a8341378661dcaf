// The hash under which the start filter files a folded byte string: 8 bytes at a time, so that
// text read 8 bytes at a time (StartFilter::check) and keys read a byte at a time, node by node
// (StartFilter::build), hash alike.
#pragma once

#include <cstdint>

namespace onoma::automaton {

class PrefixHash {
 public:
  PrefixHash() = default;
  // The hash of a string whose complete chunks hash to `full`, followed by `length` % 8 bytes
  // in `partial` (as finish takes them): how a string read 8 bytes at a time goes on a byte
  // at a time.
  PrefixHash(uint64_t full, uint64_t partial, uint32_t length)
      : full_(full), partial_(partial), length_(length) {}

  void add(unsigned char byte) {
    partial_ |= uint64_t{byte} << (8 * (length_ & 7));
    if ((++length_ & 7) == 0) {
      full_ = absorb(full_, partial_);
      partial_ = 0;
    }
  }
  // Adds `count` (at most 8) bytes at once, little-endian in `bytes`, the rest zero.
  void append(uint64_t bytes, uint32_t count) {
    const uint32_t used = length_ & 7;
    partial_ |= bytes << (8 * used);
    if (used + count >= 8) {
      full_ = absorb(full_, partial_);
      partial_ = used == 0 ? 0 : bytes >> (64 - 8 * used);
    }
    length_ += count;
  }
  bool wants_more() const { return true; }  // as a sink of StartFilter::read_word
  uint64_t value() const { return finish(full_, partial_, length_); }
  uint32_t length() const { return length_; }

  // The hash after the complete chunks `full` (absorbed in order from 0) and the first
  // `length` % 8 bytes of the next chunk, `partial` (little-endian, the rest zero).
  static uint64_t absorb(uint64_t hash, uint64_t chunk) {
    hash = (hash ^ chunk) * 0x9fb21c651e98df25ULL;
    return hash ^ (hash >> 29);
  }
  static uint64_t finish(uint64_t full, uint64_t partial, uint32_t length) {
    return ((full ^ partial) * 0xbf58476d1ce4e5b9ULL) ^ length;
  }

 private:
  uint64_t full_ = 0;
  uint64_t partial_ = 0;
  uint32_t length_ = 0;
};

}  // namespace onoma::automaton
