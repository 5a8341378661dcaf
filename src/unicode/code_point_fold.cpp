#include "unicode/code_point_fold.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iterator>
#include <stdexcept>
#include <vector>

#include "unicode/fold_options.h"

namespace onoma::unicode {
namespace {

// Latin letters that readers take for accented forms but that have no canonical decomposition,
// so mark removal alone would leave them (after CLDR's Latin-ASCII transform). Sorted by code
// point. Capitals are listed too, for folding without case folding.
struct LatinLetterFold {
  char32_t letter;
  const char* ascii;
};
constexpr LatinLetterFold kLatinLetterFolds[] = {
    {0x00C6, "AE"}, {0x00D0, "D"},  {0x00D8, "O"},  {0x00DE, "TH"}, {0x00DF, "ss"},
    {0x00E6, "ae"}, {0x00F0, "d"},  {0x00F8, "o"},  {0x00FE, "th"}, {0x0110, "D"},
    {0x0111, "d"},  {0x0126, "H"},  {0x0127, "h"},  {0x0131, "i"},  {0x0138, "q"},
    {0x0141, "L"},  {0x0142, "l"},  {0x014A, "N"},  {0x014B, "n"},  {0x0152, "OE"},
    {0x0153, "oe"}, {0x0166, "T"},  {0x0167, "t"},  {0x0180, "b"},  {0x0181, "B"},
    {0x0187, "C"},  {0x0188, "c"},  {0x0189, "D"},  {0x018A, "D"},  {0x018B, "D"},
    {0x018C, "d"},  {0x0191, "F"},  {0x0192, "f"},  {0x0193, "G"},  {0x0197, "I"},
    {0x0198, "K"},  {0x0199, "k"},  {0x019A, "l"},  {0x019D, "N"},  {0x019E, "n"},
    {0x01A4, "P"},  {0x01A5, "p"},  {0x01AB, "t"},  {0x01AC, "T"},  {0x01AD, "t"},
    {0x01AE, "T"},  {0x01B3, "Y"},  {0x01B4, "y"},  {0x01B5, "Z"},  {0x01B6, "z"},
    {0x01E4, "G"},  {0x01E5, "g"},  {0x0221, "d"},  {0x0224, "Z"},  {0x0225, "z"},
    {0x0234, "l"},  {0x0235, "n"},  {0x0236, "t"},  {0x0237, "j"},  {0x023A, "A"},
    {0x023B, "C"},  {0x023C, "c"},  {0x023D, "L"},  {0x023E, "T"},  {0x023F, "s"},
    {0x0240, "z"},  {0x0243, "B"},  {0x0244, "U"},  {0x0246, "E"},  {0x0247, "e"},
    {0x0248, "J"},  {0x0249, "j"},  {0x024A, "Q"},  {0x024B, "q"},  {0x024C, "R"},
    {0x024D, "r"},  {0x024E, "Y"},  {0x024F, "y"},  {0x0253, "b"},  {0x0255, "c"},
    {0x0256, "d"},  {0x0257, "d"},  {0x0260, "g"},  {0x0261, "g"},  {0x0266, "h"},
    {0x0268, "i"},  {0x026B, "l"},  {0x026C, "l"},  {0x026D, "l"},  {0x0272, "n"},
    {0x0273, "n"},  {0x027D, "r"},  {0x027E, "r"},  {0x0282, "s"},  {0x0288, "t"},
    {0x0289, "u"},  {0x028B, "v"},  {0x0290, "z"},  {0x0291, "z"},  {0x029D, "j"},
    {0x02A0, "q"},  {0x1E9E, "SS"}, {0x2C60, "L"},  {0x2C61, "l"},  {0x2C62, "L"},
    {0x2C63, "P"},  {0x2C64, "R"},  {0x2C65, "a"},  {0x2C66, "t"},  {0x2C67, "H"},
    {0x2C68, "h"},  {0x2C69, "K"},  {0x2C6A, "k"},  {0x2C6B, "Z"},  {0x2C6C, "z"},
    {0x2C6E, "M"},  {0x2C71, "v"},  {0x2C72, "W"},  {0x2C73, "w"},  {0x2C74, "v"},
    {0x2C78, "e"},  {0x2C7A, "o"},  {0x2C7E, "S"},  {0x2C7F, "Z"},  {0xA740, "K"},
    {0xA741, "k"},  {0xA742, "K"},  {0xA743, "k"},  {0xA744, "K"},  {0xA745, "k"},
    {0xA746, "L"},  {0xA747, "l"},  {0xA748, "L"},  {0xA749, "l"},  {0xA750, "P"},
    {0xA751, "p"},  {0xA752, "P"},  {0xA753, "p"},  {0xA754, "P"},  {0xA755, "p"},
    {0xA756, "Q"},  {0xA757, "q"},  {0xA758, "Q"},  {0xA759, "q"},  {0xA75E, "V"},
    {0xA75F, "v"},
};

const char* latin_letter_fold(char32_t cp) {
  const auto* end = std::end(kLatinLetterFolds);
  const auto* it = std::lower_bound(
      std::begin(kLatinLetterFolds), end, cp,
      [](const LatinLetterFold& entry, char32_t value) { return entry.letter < value; });
  return it != end && it->letter == cp ? it->ascii : nullptr;
}

bool is_single_quote(char32_t cp) {
  switch (cp) {
    case 0x2018: case 0x2019: case 0x201A: case 0x201B:  // ‘ ’ ‚ ‛
    case 0x2032: case 0x2035:                            // ′ ‵
    case 0x2039: case 0x203A:                            // ‹ ›
    case 0xFF07:                                         // ＇
      return true;
    default:
      return false;
  }
}

bool is_double_quote(char32_t cp) {
  switch (cp) {
    case 0x00AB: case 0x00BB:                            // « »
    case 0x201C: case 0x201D: case 0x201E: case 0x201F:  // “ ” „ ‟
    case 0x2033: case 0x2036:                            // ″ ‶
    case 0x301D: case 0x301E: case 0x301F:               // 〝 〞 〟
    case 0xFF02:                                         // ＂
      return true;
    default:
      return false;
  }
}

bool is_dash(char32_t cp) {
  return u_charType(cp) == U_DASH_PUNCTUATION || cp == 0x2212 /* minus sign */;
}

bool is_removable_mark(char32_t cp) {
  return (U_GET_GC_MASK(cp) & U_GC_M_MASK) != 0 && u_hasBinaryProperty(cp, UCHAR_DIACRITIC);
}

const icu::Normalizer2* decomposer(uint32_t options) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = nullptr;
  if (options & kFoldCompatibility) {
    normalizer = icu::Normalizer2::getNFKDInstance(status);
  } else if (options & (kFoldCanonical | kFoldMarks)) {
    // Mark removal needs the marks split off even when decomposition is not asked for.
    normalizer = icu::Normalizer2::getNFDInstance(status);
  }
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalizer unavailable");
  return normalizer;
}

icu::UnicodeString decompose(const icu::Normalizer2* normalizer, const icu::UnicodeString& s) {
  if (normalizer == nullptr) return s;
  UErrorCode status = U_ZERO_ERROR;
  icu::UnicodeString result = normalizer->normalize(s, status);
  if (U_FAILURE(status)) throw std::runtime_error("ICU normalization failed");
  return result;
}

void append_ascii(std::vector<FoldedCodePoint>& out, const char* ascii, uint8_t order_class) {
  for (; *ascii != '\0'; ++ascii) out.push_back({static_cast<char32_t>(*ascii), order_class});
}

bool is_white_space_property(char32_t cp) {
  return u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE);
}

// Mark removal, Latin letters and punctuation, applied to one code point of the decomposed
// and case-folded form. What it produces is ordered as `order_class`.
void map_code_point(char32_t cp, uint32_t options, uint8_t order_class,
                    std::vector<FoldedCodePoint>& out) {
  if (options & kFoldMarks) {
    if (is_removable_mark(cp)) return;
    if (const char* ascii = latin_letter_fold(cp)) {
      append_ascii(out, ascii, order_class);
      return;
    }
  }
  if (options & kFoldPunctuation) {
    if (is_dash(cp)) return out.push_back({U'-', order_class});
    if (is_single_quote(cp)) return out.push_back({U'\'', order_class});
    if (is_double_quote(cp)) return out.push_back({U'"', order_class});
  }
  if ((options & kFoldWhiteSpace) && is_white_space_property(cp)) {
    return out.push_back({U' ', order_class});  // decompositions can hold white space (U+FDFA)
  }
  out.push_back({cp, order_class});
}

uint8_t combining_class_of(char32_t cp) {
  return u_getCombiningClass(static_cast<UChar32>(cp));
}

// A white-space character followed by nothing but combining marks, in the decomposition of a
// code point that is not White_Space itself: a spacing accent (see is_white_space_under).
bool decomposes_to_white_space_with_marks(char32_t cp, uint32_t options) {
  const icu::Normalizer2* normalizer = decomposer(options);
  if (normalizer == nullptr || normalizer->isInert(static_cast<UChar32>(cp))) return false;
  const icu::UnicodeString s = decompose(normalizer, icu::UnicodeString(static_cast<UChar32>(cp)));
  if (s.length() == 0 || !is_white_space_property(static_cast<char32_t>(s.char32At(0)))) {
    return false;
  }
  for (int32_t i = U16_LENGTH(s.char32At(0)); i < s.length();) {
    const UChar32 c = s.char32At(i);
    if ((U_GET_GC_MASK(c) & U_GC_M_MASK) == 0) return false;
    i += U16_LENGTH(c);
  }
  return true;
}

}  // namespace

bool is_white_space_under(char32_t cp, uint32_t options) {
  if (is_white_space_property(cp)) return true;
  return (options & kFoldWhiteSpace) != 0 && decomposes_to_white_space_with_marks(cp, options);
}

namespace {

std::vector<FoldedCodePoint> fold_with_classes(char32_t cp, uint32_t options, bool white_space) {
  if ((options & kFoldIgnorables) && u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT)) {
    return {};
  }
  if ((options & kFoldWhiteSpace) && white_space) return {{U' ', 0}};
  const icu::Normalizer2* normalizer = decomposer(options);
  std::vector<FoldedCodePoint> out;
  // Most code points neither decompose nor change case: skip the string round trip, which
  // keeps the one-time table build short. Changes_When_Casefolded is defined on the NFD form,
  // so it only vouches for code points that decomposition leaves alone; without decomposition,
  // full case folding still splits precomposed letters such as U+1F50 (ὐ → ὐ).
  const bool case_unchanged =
      (options & kFoldCase) == 0 ||
      (normalizer != nullptr && !u_hasBinaryProperty(cp, UCHAR_CHANGES_WHEN_CASEFOLDED));
  if ((normalizer == nullptr || normalizer->isInert(static_cast<UChar32>(cp))) && case_unchanged) {
    map_code_point(cp, options, combining_class_of(cp), out);
    return out;
  }
  // Each character of the decomposition is folded on its own and keeps its combining class
  // for ordering (see fold_code_point_with_classes in the header).
  const icu::UnicodeString decomposed =
      decompose(normalizer, icu::UnicodeString(static_cast<UChar32>(cp)));
  for (int32_t i = 0; i < decomposed.length();) {
    const UChar32 piece = decomposed.char32At(i);
    i += U16_LENGTH(piece);
    const uint8_t order_class = combining_class_of(static_cast<char32_t>(piece));
    icu::UnicodeString s(piece);
    if (options & kFoldCase) {
      // Case folding can produce characters that decompose further (e.g. U+1E9E ẞ → ss is
      // fine, but İ → i + U+0307 needs its mark split off again), so decompose once more.
      s.foldCase(U_FOLD_CASE_DEFAULT);
      s = decompose(normalizer, s);
    }
    for (int32_t j = 0; j < s.length();) {
      const char32_t c = static_cast<char32_t>(s.char32At(j));
      j += U16_LENGTH(c);
      map_code_point(c, options, order_class, out);
    }
  }
  return out;
}

}  // namespace

CodePointFold fold_and_classify(char32_t cp, uint32_t options) {
  CodePointFold result;
  const uint32_t category = U_GET_GC_MASK(cp);
  CodePointClass& cls = result.cls;
  cls.word = (category & (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK)) != 0;
  cls.white_space = is_white_space_under(cp, options);
  cls.ignorable = u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
  cls.combining_class = combining_class_of(cp);
  result.folded = fold_with_classes(cp, options, cls.white_space);
  cls.mark = (category & U_GC_M_MASK) != 0 ||
             (!result.folded.empty() && (U_GET_GC_MASK(result.folded[0].code_point) & U_GC_M_MASK) != 0);
  return result;
}

CodePointClass classify_code_point(char32_t cp, uint32_t options) {
  return fold_and_classify(cp, options).cls;
}

std::vector<FoldedCodePoint> fold_code_point_with_classes(char32_t cp, uint32_t options) {
  return fold_with_classes(cp, options, is_white_space_under(cp, options));
}

std::u32string fold_code_point(char32_t cp, uint32_t options) {
  std::u32string out;
  for (const FoldedCodePoint& f : fold_code_point_with_classes(cp, options)) {
    out.push_back(f.code_point);
  }
  return out;
}

std::string unicode_version() {
  UVersionInfo version;
  u_getUnicodeVersion(version);
  return std::to_string(version[0]) + "." + std::to_string(version[1]);
}

}  // namespace onoma::unicode
