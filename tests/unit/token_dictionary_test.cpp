#include "automaton/token_dictionary.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

namespace onoma::automaton {
namespace {

TEST(TokenDictionary, NumbersTokensInTheOrderFirstAdded) {
  TokenDictionary tokens;
  EXPECT_EQ(tokens.find("paris"), TokenDictionary::kUnknown);
  EXPECT_EQ(tokens.add("paris"), 1u);
  EXPECT_EQ(tokens.add(" "), 2u);
  EXPECT_EQ(tokens.add("paris"), 1u);
  EXPECT_EQ(tokens.add("york"), 3u);
  EXPECT_EQ(tokens.find("york"), 3u);
  EXPECT_EQ(tokens.find("yor"), TokenDictionary::kUnknown);
  EXPECT_EQ(tokens.token(3), "york");
  EXPECT_EQ(tokens.next_number(), 4u);
  EXPECT_EQ(tokens.longest(), 5u);
}

TEST(TokenDictionary, TellsApartTokensThatDifferInOneByteAtAnyLength) {
  // Tokens are hashed from 8-byte blocks and overlapping reads of what is left (1 to 3, 4 to
  // 8 bytes): each length and each position of the byte that differs goes another way.
  TokenDictionary tokens;
  std::vector<std::string> added;
  for (size_t length = 1; length <= 20; ++length) {
    for (size_t at = 0; at < length; ++at) {
      std::string token(length, 'a');
      token[at] = 'b';
      added.push_back(token);
      EXPECT_EQ(tokens.add(token), added.size()) << token;
    }
  }
  for (size_t i = 0; i < added.size(); ++i) EXPECT_EQ(tokens.find(added[i]), i + 1) << added[i];
  for (size_t length = 1; length <= 20; ++length) {
    const std::string plain(length, 'a');
    EXPECT_EQ(tokens.find(plain), TokenDictionary::kUnknown) << plain;
    std::string twice = plain;
    twice[0] = twice[length - 1] = 'b';
    if (length > 1) EXPECT_EQ(tokens.find(twice), TokenDictionary::kUnknown) << twice;
  }
}

TEST(TokenDictionary, CodesBeginWithTheOnlyByteOfEightBitsAndGiveTheirNumberBack) {
  for (const uint32_t number : {0u, 1u, 127u, 128u, 16383u, 16384u, 2097151u, 2097152u,
                                4000000000u, UINT32_MAX}) {
    std::string code;
    TokenDictionary::append_code(number, code);
    const size_t expected_length = number < (1u << 7) ? 1 : number < (1u << 14) ? 2
                                 : number < (1u << 21) ? 3 : number < (1u << 28) ? 4 : 5;
    EXPECT_EQ(code.size(), expected_length) << number;
    EXPECT_GE(static_cast<unsigned char>(code[0]), 0x80) << number;
    for (size_t i = 1; i < code.size(); ++i) EXPECT_LT(static_cast<unsigned char>(code[i]), 0x80);
    // Followed by another code, as in a key: the number of the first only.
    std::string two = code;
    TokenDictionary::append_code(5, two);
    EXPECT_EQ(TokenDictionary::first_number(two), number);
  }
}

TEST(TokenDictionary, CutBackForgetsTheLastTokensAndKeepsFindingTheOthers) {
  TokenDictionary tokens;
  std::vector<std::string> words;
  for (int i = 0; i < 5000; ++i) words.push_back("w" + std::to_string(i * 7919 % 100003));
  size_t longest_kept = 0;
  for (size_t i = 0; i < 3000; ++i) {
    tokens.add(words[i]);
    longest_kept = std::max(longest_kept, words[i].size());
  }
  const uint32_t kept = tokens.next_number();
  // Longer than any before: cutting back must also forget how long tokens get.
  tokens.add(std::string(40, 'x'));
  for (size_t i = 3000; i < words.size(); ++i) tokens.add(words[i]);  // the table grows meanwhile
  ASSERT_EQ(tokens.longest(), 40u);
  tokens.cut_back(kept);
  EXPECT_EQ(tokens.next_number(), kept);
  EXPECT_EQ(tokens.longest(), longest_kept);
  for (size_t i = 0; i < 3000; ++i) ASSERT_EQ(tokens.find(words[i]), i + 1) << words[i];
  for (size_t i = 3000; i < words.size(); ++i) {
    ASSERT_EQ(tokens.find(words[i]), TokenDictionary::kUnknown) << words[i];
  }
  EXPECT_EQ(tokens.find(std::string(40, 'x')), TokenDictionary::kUnknown);
  EXPECT_EQ(tokens.add(words[4000]), kept);
}

}  // namespace
}  // namespace onoma::automaton
