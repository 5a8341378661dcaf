// The tokens of a gazetteer built with the word index, numbered, and the bytes that stand for
// each number in the trie's keys.
//
// With the word index a key is not its folded bytes but the codes of its tokens (the words and
// other characters that unicode::for_each_token_piece cuts it into), so the trie has a node per
// token rather than per byte: the 10M synthetic aliases' byte trie had 219 million nodes.
// A code begins with a byte of 0x80 and more and goes on with bytes below 0x80, as UTF-8 does,
// so that no code begins inside another: the automaton's failure links never lead into the
// middle of a code, and a text's codes are read one after the other without a length.
// Number 0 (code 0x80) is no token: the scanner feeds it for a word that no key contains.
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace onoma::automaton {

class TokenDictionary {
 public:
  static constexpr uint32_t kUnknown = 0;
  // The longest code: a number of 32 bits takes 7 bits per byte.
  static constexpr size_t kMaxCodeLength = 5;

  // The number of `token`, numbering it next if it is new (1, 2, ...).
  uint32_t add(std::string_view token);
  // The number of `token`, or kUnknown.
  uint32_t find(std::string_view token) const {
    if (const int ascii = ascii_index(token); ascii >= 0) return ascii_[ascii];
    return slots_.empty() ? kUnknown : slots_[slot_of(token)];
  }
  // Forgets the tokens numbered `count` and above (an all-or-nothing call of the builder that
  // failed). They are the last ones added, which is what lets the table drop them in place.
  void cut_back(uint32_t count);

  // Tokens numbered so far, plus one (the next number).
  uint32_t next_number() const { return static_cast<uint32_t>(starts_.size()); }
  std::string_view token(uint32_t number) const {
    return std::string_view(bytes_).substr(starts_[number], end_of(number) - starts_[number]);
  }
  // The length of the longest token: a word of the text that is longer is no token.
  size_t longest() const { return longest_; }

  // Writes the code of `number` to `out`; returns its length.
  static size_t write_code(uint32_t number, char (&out)[kMaxCodeLength]) {
    size_t length = 0;
    out[length++] = static_cast<char>(0x80 | (number & 0x7F));
    for (number >>= 7; number != 0; number >>= 7) out[length++] = static_cast<char>(number & 0x7F);
    return length;
  }
  // Appends the code of `number` to `out`.
  static void append_code(uint32_t number, std::string& out) {
    char code[kMaxCodeLength];
    out.append(code, write_code(number, code));
  }
  // The number whose code begins `codes`.
  static uint32_t first_number(std::string_view codes);

  // Gives back the spare capacity of a dictionary that is complete.
  void shrink_to_fit();
  size_t memory_usage() const;

 private:
  size_t end_of(uint32_t number) const {
    return number + 1 < starts_.size() ? starts_[number + 1] : bytes_.size();
  }
  size_t slot_of(std::string_view token) const;
  // Where ascii_ keeps the number of `token` when it is one ASCII character, else -1.
  static int ascii_index(std::string_view token) {
    if (token.size() != 1 || static_cast<unsigned char>(token[0]) >= 0x80) return -1;
    return token[0];
  }
  void grow();

  std::string bytes_;                  // the tokens one after the other, in number order
  std::vector<uint32_t> starts_{0};    // where token n begins (number 0: the empty token)
  std::vector<uint32_t> slots_;        // open addressing by hash: a number, or kUnknown (free)
  // The numbers of the tokens of one ASCII character (space, punctuation, a one-letter word),
  // found without a hash: about half the tokens of a text.
  std::array<uint32_t, 128> ascii_{};
  size_t longest_ = 0;
  // Mixed into every hash: where this dictionary was made, which address-space layout
  // randomization makes different from one run to the next. Kept with the slots it placed.
  uint64_t seed_ = reinterpret_cast<uintptr_t>(this);
};

}  // namespace onoma::automaton
