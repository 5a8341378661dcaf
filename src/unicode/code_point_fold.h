// The folding of one code point, computed with ICU. This is the definition of onoma's folding
// (DESIGN.md §2); the fold tables the scanner uses are filled from it once per process.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace onoma::unicode {

// Facts about a code point. All but mark and white_space are independent of the fold options.
struct CodePointClass {
  bool word;        // letter, mark, number or connector punctuation
  // Attaches to the character before it: general category M*, or a character whose folded
  // form begins with a combining mark (U+0E33 THAI SARA AM → U+0E4D U+0E32 under NFKD;
  // U+FF9E ﾞ → U+3099 when marks are kept). Otherwise its folded form, folded again, would
  // attach that mark to the character before and fold differently.
  bool mark;
  bool white_space; // see is_white_space_under
  bool ignorable;   // Default_Ignorable_Code_Point
  uint8_t combining_class;
};

CodePointClass classify_code_point(char32_t cp, uint32_t options);

// The white-space rule (DESIGN.md §2). A code point is white space when it is Unicode
// White_Space, or — when white space is folded — when its decomposition under `options` is a
// white-space character carrying nothing but combining marks: the spacing accents
// (´ U+00B4, ¨ U+00A8, ˘˙˚˛˜˝ U+02D8–U+02DD, ᾽ U+1FBD, ͺ U+037A, ゛ U+309B, ...), which
// Unicode decomposes to U+0020 + a combining mark. Such a code point folds to one space, joins
// the white-space run around it and is trimmed at the ends of an alias, so "l´a" folds like
// "l a", the alias "´AP" has the key "ap", and folding is idempotent (without the rule "´#"
// folds to " #", which folds again to "#"). The cluster reader completes the rule: combining
// marks that follow white space belong to its run (a space carrying a mark is how Unicode
// spells a spacing accent), so "¨" + U+0301 folds like its canonical equivalent U+0385 ΅.
bool is_white_space_under(char32_t cp, uint32_t options);

// The folded form of `cp` under `options` (FoldFlag bits). Empty when the code point folds
// away (ignorables, removed marks). White space (is_white_space_under) folds to U+0020 when
// white-space folding is on; collapsing runs is the caller's business, as it depends on the
// neighbours.
std::u32string fold_code_point(char32_t cp, uint32_t options);

// fold_code_point, each folded code point with the class it is put in canonical order by: the
// canonical combining class of the character of the decomposition it comes from, before case
// folding. Marks are ordered by these classes, so canonical reordering happens on the
// decomposed original, as in NFD, and case folding cannot move a mark: U+0345 (class 240)
// folds to U+03B9 ι (class 0) but is still ordered as class 240, so "α" + U+0345 + U+0301
// and its NFC form ᾴ U+1FB4 fold alike.
struct FoldedCodePoint {
  char32_t code_point;
  uint8_t order_class;
};
std::vector<FoldedCodePoint> fold_code_point_with_classes(char32_t cp, uint32_t options);

// classify_code_point and fold_code_point_with_classes at once (what the fold table needs).
struct CodePointFold {
  CodePointClass cls;
  std::vector<FoldedCodePoint> folded;
};
CodePointFold fold_and_classify(char32_t cp, uint32_t options);

// The Unicode version of the data folding is built from, e.g. "15.0".
std::string unicode_version();

}  // namespace onoma::unicode
