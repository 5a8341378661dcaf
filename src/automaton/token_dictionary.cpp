#include "automaton/token_dictionary.h"

#include <algorithm>
#include <cstring>
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

namespace {

// The bytes of a token of 1 to 8 bytes as one number: each byte is read (some twice, by
// overlapping reads), so tokens of one length read alike only when they are equal.
uint64_t short_token_bits(const char* bytes, size_t length) {
  if (length >= 4) {
    uint32_t first;
    uint32_t last;
    std::memcpy(&first, bytes, 4);
    std::memcpy(&last, bytes + length - 4, 4);
    return uint64_t{first} << 32 | last;
  }
  const auto byte = [&](size_t i) { return uint64_t{static_cast<unsigned char>(bytes[i])}; };
  return byte(0) << 16 | byte(length / 2) << 8 | byte(length - 1);
}

// A hash of a token for open addressing. The scanner looks up every word of a text, and most
// words are short: read 8 bytes at a time, with fixed-size reads only. (absl::Hash went
// through libstdc++'s _Hash_bytes here; with this, lookups cost a quarter fewer instructions,
// 2% of a word-index scan of English text.) A text cannot add tokens; a gazetteer can, and
// `seed`, unknown to its author, keeps it from choosing tokens that crowd one stretch of the
// table (which would make the build quadratic), as absl::Hash's seed did.
uint64_t token_hash(std::string_view token, uint64_t seed) {
  const char* bytes = token.data();
  size_t length = token.size();
  uint64_t hash = seed ^ (0x9E3779B97F4A7C15ULL * (length + 1));
  for (; length > 8; bytes += 8, length -= 8) {
    uint64_t block;
    std::memcpy(&block, bytes, 8);
    hash = (hash ^ block) * 0xBF58476D1CE4E5B9ULL;
    hash ^= hash >> 31;
  }
  if (length > 0) hash = (hash ^ short_token_bits(bytes, length)) * 0x94D049BB133111EBULL;
  // The slot is taken from the low bits: mix the high ones down.
  hash ^= hash >> 29;
  hash *= 0xBF58476D1CE4E5B9ULL;
  return hash ^ (hash >> 32);
}

}  // namespace

// The slot that holds `token`, or the free slot where it would go (linear probing).
size_t TokenDictionary::slot_of(std::string_view token) const {
  const size_t mask = slots_.size() - 1;
  for (size_t slot = token_hash(token, seed_) & mask;; slot = (slot + 1) & mask) {
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
