// The folding of one code point, computed with ICU. This is the definition of onoma's folding
// (DESIGN.md §2); the fold tables the scanner uses are filled from it once per process.
#pragma once

#include <cstdint>
#include <string>

namespace onoma::unicode {

// General facts about a code point, independent of the fold options.
struct CodePointClass {
  bool word;        // letter, mark, number or connector punctuation
  bool mark;        // general category M*: attaches to the character before it
  bool white_space; // Unicode White_Space
  bool ignorable;   // Default_Ignorable_Code_Point
  uint8_t combining_class;
};

CodePointClass classify_code_point(char32_t cp);

// The folded form of `cp` under `options` (FoldFlag bits). Empty when the code point folds
// away (ignorables, removed marks). White space folds to U+0020 when white-space folding is on;
// collapsing runs is the caller's business, as it depends on the neighbours.
std::u32string fold_code_point(char32_t cp, uint32_t options);

// The Unicode version of the data folding is built from, e.g. "15.0".
std::string unicode_version();

}  // namespace onoma::unicode
