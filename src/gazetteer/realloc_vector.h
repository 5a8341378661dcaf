// A vector of trivially copyable elements that grows with realloc. Once a block is past glibc's
// mmap threshold (32 MiB at most), realloc grows it by remapping its pages rather than copying
// them into a second block, so growing never holds two copies. std::vector's doubling does: the
// 10M synthetic aliases' drafts (343 MiB) peaked 115 MiB above what the parse ended with.
// Elsewhere realloc copies, as std::vector would.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>
#include <type_traits>
#include <utility>

namespace onoma::gazetteer {

template <class T>
class ReallocVector {
  static_assert(std::is_trivially_copyable_v<T>, "realloc moves the elements' bytes");
  static_assert(std::is_trivially_destructible_v<T>, "elements are freed without destruction");

 public:
  ReallocVector() = default;
  ReallocVector(const ReallocVector&) = delete;
  ReallocVector& operator=(const ReallocVector&) = delete;
  ~ReallocVector() { std::free(data_); }

  size_t size() const { return size_; }
  T& operator[](size_t i) { return data_[i]; }
  const T& operator[](size_t i) const { return data_[i]; }
  const T* begin() const { return data_; }
  const T* end() const { return data_ + size_; }

  void push_back(const T& value) {
    if (size_ == capacity_) grow();
    new (data_ + size_) T(value);
    ++size_;
  }
  // Drops the elements from `size` on (a builder's failed call cuts its drafts back); keeps
  // the memory.
  void truncate(size_t size) {
    if (size < size_) size_ = size;
  }
  void swap(ReallocVector& other) noexcept {
    std::swap(data_, other.data_);
    std::swap(size_, other.size_);
    std::swap(capacity_, other.capacity_);
  }

 private:
  void grow() {
    constexpr size_t kFirstCapacity = 16;
    if (capacity_ > SIZE_MAX / 2 / sizeof(T)) throw std::bad_alloc();
    const size_t capacity = capacity_ == 0 ? kFirstCapacity : capacity_ * 2;
    void* grown = std::realloc(data_, capacity * sizeof(T));
    if (grown == nullptr) throw std::bad_alloc();
    data_ = static_cast<T*>(grown);
    capacity_ = capacity;
  }

  T* data_ = nullptr;
  size_t size_ = 0;
  size_t capacity_ = 0;
};

}  // namespace onoma::gazetteer
