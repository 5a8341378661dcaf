// The default case rule's test (DESIGN.md §2): aliases such as "US", "UN", "U.S." or "G7"
// are ordinary words when written in lower case, so they only match as written.
#pragma once

#include <string_view>

namespace onoma::unicode {

// True when `alias` consists only of capital letters, digits and full stops, with one to four
// letters; combining marks count with the letter they follow, so NFC and NFD agree. Decodes
// UTF-8; any other character (or invalid UTF-8) makes it false.
bool is_short_capitalized_alias(std::string_view alias);

}  // namespace onoma::unicode
