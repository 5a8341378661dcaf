// A hash index from strings to the numbers that stand for them, when the strings are kept
// elsewhere: the set holds only the numbers (4 bytes each, plus the table's slack), and hashes
// and compares each as the string that its owner gives for it. The owner must stay where it
// is while the index lives, and a number's string must not change while it is in the index.
#pragma once

#include <absl/container/flat_hash_set.h>
#include <absl/hash/hash.h>

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace onoma::gazetteer {

template <typename Owner, std::string_view (Owner::*kName)(uint32_t) const>
class StringIndex {
 public:
  explicit StringIndex(const Owner* owner) : set_(0, Hash{owner}, Eq{owner}) {}

  std::optional<uint32_t> find(std::string_view name) const {
    const auto it = set_.find(name);
    if (it == set_.end()) return std::nullopt;
    return *it;
  }
  // `number`'s string must not be in the index yet.
  void insert(uint32_t number) { set_.insert(number); }
  void erase(uint32_t number) { set_.erase(number); }
  void reserve(size_t count) { set_.reserve(count); }
  size_t memory_usage() const { return set_.capacity() * (sizeof(uint32_t) + 1); }

 private:
  struct Hash {
    using is_transparent = void;
    const Owner* owner;
    size_t operator()(std::string_view name) const { return absl::Hash<std::string_view>{}(name); }
    size_t operator()(uint32_t number) const { return (*this)((owner->*kName)(number)); }
  };
  struct Eq {
    using is_transparent = void;
    const Owner* owner;
    bool operator()(uint32_t a, uint32_t b) const {
      return (owner->*kName)(a) == (owner->*kName)(b);
    }
    bool operator()(std::string_view a, uint32_t b) const { return a == (owner->*kName)(b); }
    bool operator()(uint32_t a, std::string_view b) const { return (owner->*kName)(a) == b; }
  };

  absl::flat_hash_set<uint32_t, Hash, Eq> set_;
};

}  // namespace onoma::gazetteer
