// "The same answer" as onoma's defaults (boundary word, policy longest), computed from a
// plain substring matcher's output: what a user of that matcher has to add.
#pragma once

#include <cstdint>
#include <string_view>
#include <utility>
#include <vector>

namespace bench {

using Span = std::pair<std::uint64_t, std::uint64_t>;  // byte offsets, end exclusive

// Word character: Unicode letter, mark, number or connector punctuation (onoma's rule,
// DESIGN.md §2), from ICU's general category of the code point decoded from UTF-8.
bool is_word_at(std::string_view text, std::uint64_t offset);      // character at offset
bool is_word_before(std::string_view text, std::uint64_t offset);  // character ending there

// Keeps the spans on word boundaries — a span that starts (ends) with a word character
// must not follow (precede) one — then the leftmost-longest non-overlapping ones, left to
// right. `spans` is reordered.
std::vector<Span> same_answer(std::string_view text, std::vector<Span>& spans);

}  // namespace bench
