// Unsigned integers packed end to end at a fixed bit width, chosen for the largest value the
// array will hold: the node numbers of a trie of 4 million nodes take 23 bits, not 32. A read
// is one unaligned 8-byte load, a shift and a mask; two neighbours (a range's begin and end)
// come from the same load. Built by appending, or by resize() and then set() in any order.
// Values are 32-bit (PackedArray) or up to 57 bits wide (PackedArray64: one load still holds a
// value after an offset of up to 7 bits).
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <utility>
#include <vector>

namespace onoma::automaton {

template <class Value>
class BasicPackedArray {
 public:
  static constexpr unsigned kMaxWidth = sizeof(Value) == 4 ? 32 : 57;

  BasicPackedArray() : BasicPackedArray(0) {}
  // An empty array for values up to `max_value` (of at most kMaxWidth bits).
  explicit BasicPackedArray(Value max_value) : width_(bits_for(max_value)), bytes_(kSlack, 0) {
    mask_ = width_ == 0 ? 0 : ~uint64_t{0} >> (64 - width_);
  }

  void reserve(size_t count) { bytes_.reserve(byte_size(count)); }
  // `value` must not exceed the array's max_value.
  void push_back(Value value) {
    const size_t bit = size_ * width_;
    ++size_;
    // Zero bytes up to the whole capacity at once: a resize per value cost the 900k-alias
    // build 5% of its instructions. Bytes past the last value stay zero, as push_back needs.
    const size_t needed = byte_size(size_);
    if (needed > bytes_.size()) bytes_.resize(std::max(needed, bytes_.capacity()), 0);
    store(bit / 8, load(bit / 8) | uint64_t{value} << (bit % 8));
  }
  // Grows to `count` values; the new ones are 0.
  void resize(size_t count) {
    bytes_.resize(std::max(bytes_.size(), byte_size(count)), 0);
    size_ = std::max(size_, count);
  }
  // Replaces value i (i < size()); `value` must not exceed the array's max_value.
  void set(size_t i, Value value) {
    const size_t bit = i * width_;
    const uint64_t word = load(bit / 8) & ~(mask_ << (bit % 8));
    store(bit / 8, word | uint64_t{value} << (bit % 8));
  }
  void shrink_to_fit() {
    bytes_.resize(byte_size(size_));
    bytes_.shrink_to_fit();
  }

  size_t size() const { return size_; }
  Value operator[](size_t i) const {
    const size_t bit = i * width_;
    return static_cast<Value>((load(bit / 8) >> (bit % 8)) & mask_);
  }
  // Values i and i + 1 (i + 1 < size()).
  std::pair<Value, Value> pair(size_t i) const {
    // Both fit in one load, after an offset of up to 7 bits, when they take 28 bits or less.
    if (width_ > 28) return {(*this)[i], (*this)[i + 1]};
    const size_t bit = i * width_;
    const uint64_t word = load(bit / 8) >> (bit % 8);
    return {static_cast<Value>(word & mask_), static_cast<Value>((word >> width_) & mask_)};
  }
  size_t memory_usage() const { return bytes_.capacity(); }

 private:
  // Every read loads 8 bytes from where its value begins: keep that many past the last one.
  static constexpr size_t kSlack = 8;

  static unsigned bits_for(Value max_value) {
    unsigned bits = 0;
    while (bits < sizeof(Value) * 8 && (max_value >> bits) != 0) ++bits;
    if (bits > kMaxWidth) throw std::length_error("packed array values too wide");
    return bits;
  }
  size_t byte_size(size_t count) const { return (count * width_ + 7) / 8 + kSlack; }
  // The bytes are little-endian whatever the machine.
  uint64_t load(size_t byte) const {
    uint64_t word;
    std::memcpy(&word, bytes_.data() + byte, sizeof(word));
    return from_little_endian(word);
  }
  void store(size_t byte, uint64_t word) {
    word = from_little_endian(word);
    std::memcpy(bytes_.data() + byte, &word, sizeof(word));
  }
  static uint64_t from_little_endian(uint64_t word) {
#if defined(__BYTE_ORDER__) && __BYTE_ORDER__ == __ORDER_BIG_ENDIAN__
    return __builtin_bswap64(word);
#else
    return word;
#endif
  }

  unsigned width_;
  uint64_t mask_;
  std::vector<uint8_t> bytes_;
  size_t size_ = 0;
};

using PackedArray = BasicPackedArray<uint32_t>;
using PackedArray64 = BasicPackedArray<uint64_t>;

}  // namespace onoma::automaton
