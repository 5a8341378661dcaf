// Strings appended one after the other, addressed by 32-bit offsets, kept in blocks of 4 MiB (a
// longer string gets a block of its own). Growing never copies what is there, where one
// std::string doubling its buffer held the old copy beside the new for a moment; and a build
// that has copied the strings before some offset gives their blocks back at once
// (release_before), which the 10M synthetic aliases' build needs to pool 310 MB of alias texts
// without holding them twice.
//
// Blocks are mapped from the system, not allocated with malloc: once a large buffer has been
// freed, glibc serves blocks of this size from its heap, where freeing them gave nothing back
// (measured: the 10M aliases' build kept 200 MB that it had released).
#pragma once

#include <sys/mman.h>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <limits>
#include <memory>
#include <new>
#include <string_view>
#include <vector>

#include "gazetteer/input_error.h"

namespace onoma::gazetteer {

// A string in a TextArena.
struct ArenaText {
  uint32_t offset = 0;
  uint32_t length = 0;
};

class TextArena {
 public:
  static constexpr unsigned kBlockBits = 22;
  static constexpr size_t kBlockBytes = size_t{1} << kBlockBits;

  ArenaText add(std::string_view s) {
    if (s.empty()) return {static_cast<uint32_t>(size_), 0};
    size_t start = size_;
    // A string that would cross into the next block starts it (a long one, longer than a
    // block, takes several slots; the string after it starts a block of its own).
    if (start % kBlockBytes + s.size() > kBlockBytes) start = round_up(start);
    if (start + s.size() > std::numeric_limits<uint32_t>::max()) {
      throw InputError(InputError::Kind::kInvalidInput, "gazetteer text exceeds 4 GiB");
    }
    const size_t slot = start >> kBlockBits;
    if (start % kBlockBytes == 0) {
      // Slots a long string covers past its first stay empty.
      const size_t slots = (s.size() + kBlockBytes - 1) >> kBlockBits;
      blocks_.resize(slot + slots);
      blocks_[slot] = map_block(slots * kBlockBytes);
    }
    std::memcpy(blocks_[slot].get() + start % kBlockBytes, s.data(), s.size());
    size_ = s.size() > kBlockBytes ? round_up(start + s.size()) : start + s.size();
    return {static_cast<uint32_t>(start), static_cast<uint32_t>(s.size())};
  }

  std::string_view view(ArenaText text) const {
    if (text.length == 0) return {};
    return {blocks_[text.offset >> kBlockBits].get() + text.offset % kBlockBytes, text.length};
  }

  // Where the next string goes: what cut_back() takes to undo later additions.
  size_t size() const { return size_; }
  void cut_back(size_t size) {
    blocks_.resize(round_up(size) >> kBlockBits);
    size_ = size;
    released_ = std::min(released_, blocks_.size());
  }

  // Gives back the blocks that hold only strings before `offset`, which must be where a string
  // still needed begins, or size(). Their strings must not be viewed again.
  void release_before(size_t offset) {
    for (size_t slot = released_; slot < (offset >> kBlockBits); ++slot) blocks_[slot].reset();
    released_ = std::max(released_, offset >> kBlockBits);
  }
  // The blocks allocated and not given back.
  size_t blocks_held() const {
    size_t held = 0;
    for (const auto& block : blocks_) held += block != nullptr;
    return held;
  }
  void release() {
    std::vector<Block>().swap(blocks_);
    size_ = 0;
    released_ = 0;
  }

 private:
  struct Unmap {
    size_t size;
    void operator()(char* block) const { ::munmap(block, size); }
  };
  using Block = std::unique_ptr<char, Unmap>;

  static Block map_block(size_t size) {
    void* block = ::mmap(nullptr, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (block == MAP_FAILED) throw std::bad_alloc();
    return Block(static_cast<char*>(block), Unmap{size});
  }
  static size_t round_up(size_t offset) {
    return (offset + kBlockBytes - 1) & ~(kBlockBytes - 1);
  }

  std::vector<Block> blocks_;  // one slot per kBlockBytes of offsets
  size_t size_ = 0;
  size_t released_ = 0;  // slots before this one are given back
};

}  // namespace onoma::gazetteer
