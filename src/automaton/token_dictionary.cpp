#include "automaton/token_dictionary.h"

#include <absl/hash/hash.h>

#include <algorithm>
#include <stdexcept>

namespace onoma::automaton {

uint32_t TokenDictionary::add(std::string_view token) {
  if (const uint32_t number = find(token); number != kUnknown) return number;
  if (bytes_.size() + token.size() > UINT32_MAX || starts_.size() == UINT32_MAX) {
    throw std::length_error("too many tokens for the word index");
  }
  // At most half full, so that a search ends after a few slots.
  if (2 * starts_.size() > slots_.size()) grow();
  const auto number = static_cast<uint32_t>(starts_.size());
  slots_[slot_of(token)] = number;
  if (const int ascii = ascii_index(token); ascii >= 0) ascii_[ascii] = number;
  starts_.push_back(static_cast<uint32_t>(bytes_.size()));
  bytes_.append(token);
  if (token.size() > longest_) longest_ = token.size();
  return number;
}

// The slot that holds `token`, or the free slot where it would go (linear probing).
size_t TokenDictionary::slot_of(std::string_view token) const {
  const size_t mask = slots_.size() - 1;
  for (size_t slot = absl::Hash<std::string_view>{}(token) & mask;; slot = (slot + 1) & mask) {
    const uint32_t number = slots_[slot];
    if (number == kUnknown || this->token(number) == token) return slot;
  }
}

void TokenDictionary::grow() {
  std::vector<uint32_t> slots(slots_.empty() ? 64 : 2 * slots_.size(), kUnknown);
  slots_.swap(slots);
  // In number order, as they were added: cut_back relies on it.
  for (uint32_t number = 1; number < starts_.size(); ++number) {
    slots_[slot_of(token(number))] = number;
  }
}

void TokenDictionary::cut_back(uint32_t count) {
  if (count == 0) count = 1;
  // Newest first. With linear probing, a token's search never passes a slot that was free
  // when the token was placed, so freeing the slots of the tokens added after it, in reverse
  // order, leaves every search for it as it was.
  while (starts_.size() > count) {
    const auto number = static_cast<uint32_t>(starts_.size() - 1);
    const std::string_view gone = token(number);
    slots_[slot_of(gone)] = kUnknown;
    if (const int ascii = ascii_index(gone); ascii >= 0) ascii_[ascii] = kUnknown;
    bytes_.resize(starts_.back());
    starts_.pop_back();
  }
  longest_ = 0;
  for (uint32_t number = 1; number < starts_.size(); ++number) {
    longest_ = std::max(longest_, token(number).size());
  }
}

uint32_t TokenDictionary::first_number(std::string_view codes) {
  uint32_t number = static_cast<unsigned char>(codes[0]) & 0x7F;
  unsigned shift = 7;
  for (size_t i = 1; i < codes.size() && static_cast<unsigned char>(codes[i]) < 0x80; ++i) {
    number |= uint32_t{static_cast<unsigned char>(codes[i])} << shift;
    shift += 7;
  }
  return number;
}

void TokenDictionary::shrink_to_fit() {
  bytes_.shrink_to_fit();
  starts_.shrink_to_fit();
}

size_t TokenDictionary::memory_usage() const {
  return bytes_.capacity() + starts_.capacity() * sizeof(uint32_t) +
         slots_.capacity() * sizeof(uint32_t);
}

}  // namespace onoma::automaton
