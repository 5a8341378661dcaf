// The number of set bits of a 64-bit word. Without the POPCNT instruction (not in baseline
// x86-64), GCC's builtin is a library call several times slower than these few inline
// operations.
#pragma once

#include <cstdint>

namespace onoma::automaton {

inline uint32_t popcount(uint64_t bits) {
#if defined(__POPCNT__)
  return static_cast<uint32_t>(__builtin_popcountll(bits));
#else
  bits = bits - ((bits >> 1) & 0x5555555555555555ULL);
  bits = (bits & 0x3333333333333333ULL) + ((bits >> 2) & 0x3333333333333333ULL);
  return static_cast<uint32_t>((((bits + (bits >> 4)) & 0x0F0F0F0F0F0F0F0FULL) *
                                0x0101010101010101ULL) >> 56);
#endif
}

}  // namespace onoma::automaton
