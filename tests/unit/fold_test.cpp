// fold_string, the definition of "written differently but the same" (DESIGN.md §2): each part
// of the default folding, each fold option on its own, and the canonical order of kept marks.
#include <gtest/gtest.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <string>
#include <string_view>

#include "unicode/cluster_reader.h"
#include "unicode/code_point_fold.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"

namespace onoma::unicode {
namespace {

using namespace std::string_view_literals;

std::string fold(std::string_view text, uint32_t options = kFoldDefault) {
  return fold_string(FoldTable::for_options(options), text.data(), text.size());
}

TEST(FoldDefault, AppliesCompatibilityDecomposition) {
  EXPECT_EQ(fold("\uFB01nance"), "finance");    // ﬁ ligature
  EXPECT_EQ(fold("\uFF35\uFF2E"), "un");        // full-width ＵＮ
  EXPECT_EQ(fold("km\u00B2"), "km2");           // superscript two
  EXPECT_EQ(fold("\u2460"), "1");               // circled digit one
  EXPECT_EQ(fold("\u3000"), "");                // ideographic space is white space
}

TEST(FoldDefault, AppliesFullCaseFolding) {
  EXPECT_EQ(fold("Hauptstra\u00DFe"), "hauptstrasse");  // ß
  EXPECT_EQ(fold("HAUPTSTRA\u1E9EE"), "hauptstrasse");  // capital ẞ
  EXPECT_EQ(fold("\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3"),  // ΟΔΥΣΣΕΥΣ
            fold("\u03BF\u03B4\u03C5\u03C3\u03C3\u03B5\u03C5\u03C2"));  // οδυσσευς, final ς
  EXPECT_EQ(fold("\u03C2"), "\u03C3");
  EXPECT_EQ(fold("\u03A3"), "\u03C3");
  EXPECT_EQ(fold("\u0130stanbul"), "istanbul");  // İ: i + U+0307, and the mark goes
  EXPECT_EQ(fold("ISTANBUL"), "istanbul");
}

TEST(FoldDefault, RemovesCombiningMarks) {
  EXPECT_EQ(fold("M\u00E9lanie"), "melanie");    // precomposed é
  EXPECT_EQ(fold("Me\u0301lanie"), "melanie");   // e + combining acute (NFD)
  EXPECT_EQ(fold("Ha\u00EFti"), "haiti");        // ï
  EXPECT_EQ(fold("Vi\u1EC7t"), "viet");          // ệ: two marks
  EXPECT_EQ(fold("Chi\u0219in\u0103u"), "chisinau");
}

TEST(FoldDefault, MapsLatinLettersWithoutDecomposition) {
  EXPECT_EQ(fold("\u00F8\u00D8"), "oo");             // ø Ø
  EXPECT_EQ(fold("\u0142\u0141"), "ll");             // ł Ł
  EXPECT_EQ(fold("\u0111\u0110"), "dd");             // đ Đ
  EXPECT_EQ(fold("\u00E6\u00C6"), "aeae");           // æ Æ
  EXPECT_EQ(fold("\u0153\u0152"), "oeoe");           // œ Œ
  EXPECT_EQ(fold("\u0131"), "i");                    // dotless ı
  EXPECT_EQ(fold("\u00FE\u00DE"), "thth");           // þ Þ
  EXPECT_EQ(fold("\u0141\u00F3d\u017A"), "lodz");    // Łódź
  EXPECT_EQ(fold("K\u00F8benhavn"), "kobenhavn");
}

TEST(FoldDefault, MapsDashesToHyphenMinus) {
  for (std::string_view dash : {"\u2010", "\u2011", "\u2012", "\u2013", "\u2014", "\u2015",
                                "\u2212"}) {
    EXPECT_EQ(fold(std::string("a") + std::string(dash) + "b"), "a-b") << dash;
  }
}

TEST(FoldDefault, MapsTypographicQuotes) {
  EXPECT_EQ(fold("Joly\u2019s"), "joly's");
  EXPECT_EQ(fold("\u2018x\u2019"), "'x'");
  EXPECT_EQ(fold("\u201Cx\u201D"), "\"x\"");
  EXPECT_EQ(fold("\u00ABx\u00BB"), "\"x\"");
}

TEST(FoldDefault, CollapsesWhiteSpaceRunsAndTrimsEnds) {
  EXPECT_EQ(fold("M\u00E9lanie\u00A0Joly"), "melanie joly");    // no-break space
  EXPECT_EQ(fold("M\u00E9lanie\u2009Joly"), "melanie joly");    // thin space
  EXPECT_EQ(fold("M\u00E9lanie\u202FJoly"), "melanie joly");    // narrow no-break space
  EXPECT_EQ(fold("M\u00E9lanie\r\nJoly"), "melanie joly");
  EXPECT_EQ(fold("M\u00E9lanie\t\t Joly"), "melanie joly");
  EXPECT_EQ(fold("M\u00E9lanie \u00A0\r\n\u2028\t Joly"), "melanie joly");
  EXPECT_EQ(fold("  \u00A0Joly \n"), "joly");
  EXPECT_EQ(fold(" \t\r\n "), "");
}

TEST(FoldDefault, DropsDefaultIgnorables) {
  EXPECT_EQ(fold("Stol\u00ADtenberg"), "stoltenberg");  // soft hyphen
  EXPECT_EQ(fold("Jo\u200Bly"), "joly");                 // zero-width space
  EXPECT_EQ(fold("Jo\u200Dly"), "joly");                 // zero-width joiner
  EXPECT_EQ(fold("Jo\u2060ly"), "joly");                 // word joiner
  EXPECT_EQ(fold("\uFEFFJoly"), "joly");                 // byte-order mark
  EXPECT_EQ(fold("\u00AD"), "");
  EXPECT_EQ(fold("\u00AD \u200B"), "");
  EXPECT_EQ(fold("a \u00AD b"), "a b");  // an ignorable between spaces leaves one space
}

TEST(FoldDefault, InvalidBytesBecomeReplacementCharacters) {
  EXPECT_EQ(fold("a\xFF" "b"), "a\uFFFDb");
  EXPECT_EQ(fold("\xC3"), "\uFFFD");
  EXPECT_EQ(fold("\xE2\x82" "x"), "\uFFFD\uFFFDx");  // a truncated € is two bad bytes
  EXPECT_EQ(fold("\xED\xA0\x80"), "\uFFFD\uFFFD\uFFFD");  // an encoded surrogate
  EXPECT_EQ(fold("a\xFF" "b", kFoldExact), "a\uFFFDb");
}

TEST(FoldDefault, NulIsAnOrdinaryCharacter) {
  EXPECT_EQ(fold("A\0B"sv), "a\0b"sv);
}

TEST(FoldOptions, ExactLeavesValidTextUnchanged) {
  for (std::string_view text :
       {"M\u00E9lanie\u00A0JOLY", "Me\u0301lanie  \r\n", "\uFB01 \uFF35 \u00B2 \u00DF \u2013 \u2019",
        "Stol\u00ADtenberg\u200B", "  padded  "}) {
    EXPECT_EQ(fold(text, kFoldExact), text);
  }
}

TEST(FoldOptions, CaseFoldingAlone) {
  EXPECT_EQ(fold("M\u00C9LANIE", kFoldCase), "m\u00E9lanie");  // É → é, accent kept
  EXPECT_EQ(fold("STRA\u00DFE", kFoldCase), "strasse");
  EXPECT_EQ(fold("\u03A3", kFoldCase), "\u03C3");
  EXPECT_EQ(fold("\u0130", kFoldCase), "i\u0307");  // İ keeps its dot without mark removal
  EXPECT_EQ(fold("\uFF35", kFoldCase), "\uFF55");   // full-width stays full-width
  EXPECT_EQ(fold("A\u00A0\u00ADB\u2019", kFoldCase), "a\u00A0\u00ADb\u2019");
}

TEST(FoldOptions, CompatibilityDecompositionAlone) {
  EXPECT_EQ(fold("\uFB01", kFoldCompatibility), "fi");
  EXPECT_EQ(fold("\uFF35", kFoldCompatibility), "U");  // case kept
  EXPECT_EQ(fold("\u00B2", kFoldCompatibility), "2");
  EXPECT_EQ(fold("\u00E9", kFoldCompatibility), "e\u0301");  // decomposed, mark kept
  EXPECT_EQ(fold("\u00DF", kFoldCompatibility), "\u00DF");
}

TEST(FoldOptions, CanonicalDecompositionAlone) {
  EXPECT_EQ(fold("\u00E9", kFoldCanonical), "e\u0301");
  EXPECT_EQ(fold("e\u0301", kFoldCanonical), "e\u0301");
  EXPECT_EQ(fold("\uFB01", kFoldCanonical), "\uFB01");  // a compatibility mapping only
  EXPECT_EQ(fold("\u00C9", kFoldCanonical), "E\u0301");
}

TEST(FoldOptions, MarkRemovalAlone) {
  EXPECT_EQ(fold("M\u00C9LANIE", kFoldMarks), "MELANIE");
  EXPECT_EQ(fold("Me\u0301lanie", kFoldMarks), "Melanie");
  EXPECT_EQ(fold("\u00D8\u00F8\u0141", kFoldMarks), "OoL");  // capitals stay capitals
  EXPECT_EQ(fold("\uFB01", kFoldMarks), "\uFB01");
  EXPECT_EQ(fold("\u2013", kFoldMarks), "\u2013");
}

TEST(FoldOptions, PunctuationAlone) {
  EXPECT_EQ(fold("A\u2013B\u2019s \u00ABC\u00BB", kFoldPunctuation), "A-B's \"C\"");
  EXPECT_EQ(fold("\u00E9", kFoldPunctuation), "\u00E9");
}

TEST(FoldOptions, WhiteSpaceAlone) {
  EXPECT_EQ(fold("  A\u00A0\u2009\r\nB  ", kFoldWhiteSpace), "A B");
  EXPECT_EQ(fold("A\u00ADB", kFoldWhiteSpace), "A\u00ADB");
}

TEST(FoldOptions, IgnorablesAlone) {
  EXPECT_EQ(fold("Jo\u00ADly\u200B\uFEFF", kFoldIgnorables), "Joly");
  EXPECT_EQ(fold("J\u00D3LY  X", kFoldIgnorables), "J\u00D3LY  X");
}

// When marks are kept, their order must not matter: NFD puts marks of different combining
// classes in one canonical order, and folding must agree with it for text typed either way.
TEST(FoldOptions, KeptMarksAreInCanonicalOrder) {
  const std::string dot_below_circumflex = "e\u0323\u0302";  // classes 220, 230
  for (uint32_t options : {kFoldDefault & ~kFoldMarks, uint32_t{kFoldCanonical},
                           uint32_t{kFoldCompatibility}}) {
    SCOPED_TRACE(testing::Message() << "options " << options);
    EXPECT_EQ(fold("e\u0302\u0323", options), dot_below_circumflex);
    EXPECT_EQ(fold("e\u0323\u0302", options), dot_below_circumflex);
    EXPECT_EQ(fold("\u1EC7", options), dot_below_circumflex);        // ệ
    EXPECT_EQ(fold("\u00EA\u0323", options), dot_below_circumflex);  // ê + dot below
    EXPECT_EQ(fold("Vi\u00EA\u0323t", options), fold("Vi\u1EC7t", options));
  }
}

// Mark removal drops only diacritics; other marks stay, and two of them on one letter must be
// put in canonical order too, or canonically equivalent text would fold apart by default.
TEST(FoldDefault, MarksThatStayAreInCanonicalOrder) {
  // Arabic hamza above (class 230) and below (class 220), and Latin dot above right (232)
  // with asterisk below (220): none of them is a diacritic.
  EXPECT_EQ(fold("\u0627\u0654\u0655"), fold("\u0627\u0655\u0654"));
  EXPECT_EQ(fold("\u0627\u0654\u0655"), "\u0627\u0655\u0654");
  EXPECT_EQ(fold("O\u0358\u0359"), fold("o\u0359\u0358"));
  EXPECT_EQ(fold("\u0623\u0655"), fold("\u0627\u0655\u0654"));  // أ = alef + hamza above
}

TEST(FoldOptions, MarksOfEqualClassKeepTheirOrder) {
  // Acute and grave are both class 230: swapping them makes a different string.
  EXPECT_NE(fold("a\u0301\u0300", kFoldCanonical), fold("a\u0300\u0301", kFoldCanonical));
}

// The white-space rule (code_point_fold.h, is_white_space_under): with white-space folding, a
// spacing accent — a character whose decomposition is white space carrying only combining
// marks (NFKD: ´ U+00B4 → U+0020 U+0301) — is white space. It folds to one space, joins the
// run around it and is trimmed at the ends, like the marks that follow any white space. It
// used to fold to a space that was neither collapsed nor trimmed: fold("˚#") was " #", which
// folds again to "#", and the alias "´AP" had the key " ap".
constexpr std::string_view kSpacingAccents[] = {
    "\u00B4", "\u00A8", "\u00AF", "\u00B8", "\u02D8", "\u02D9", "\u02DA", "\u02DB", "\u02DC",
    "\u02DD", "\u0384", "\u0385", "\u1FBD", "\u1FBF", "\u1FC0", "\u1FC1", "\u1FED", "\u1FFE",
    "\u2017", "\u203E", "\u309B", "\uFE70", "\uFFE3", "\u037A", "\uFC63"};

TEST(FoldDefault, SpacingAccentsAreWhiteSpace) {
  EXPECT_EQ(fold("\u02DA#"), "#");
  EXPECT_EQ(fold("\u00B4AP"), "ap");  // the key of the alias "´AP"
  EXPECT_EQ(fold("UN\u00A8"), "un");
  EXPECT_EQ(fold("\u037AAP"), "ap");  // ͺ: U+0020 U+0345, not " ιap"
  // Inside a name it still separates words, as white space: "l´a" and "l a" are one text.
  EXPECT_EQ(fold("l\u00B4a"), "l a");
  EXPECT_EQ(fold("l\u00B4a"), fold("l a"));
  EXPECT_EQ(fold("l \u00B4 \u00A8\u00A0a"), "l a");
  for (const std::string_view accent : kSpacingAccents) {
    SCOPED_TRACE(testing::Message() << "accent " << accent);
    const auto* bytes = reinterpret_cast<const unsigned char*>(accent.data());
    const char32_t cp = decode_utf8(bytes, bytes + accent.size()).code_point;
    EXPECT_TRUE(classify_code_point(cp, kFoldDefault).white_space);
    EXPECT_TRUE(FoldTable::for_options(kFoldDefault).entry(cp).has(FoldEntry::kWhiteSpace));
    for (const uint32_t options : {kFoldDefault, kFoldDefault & ~kFoldMarks,
                                   kFoldDefault & ~kFoldCase, uint32_t{kFoldCompatibility | kFoldWhiteSpace}}) {
      SCOPED_TRACE(testing::Message() << "options " << options);
      for (const std::string text : {std::string(accent) + "#", "#" + std::string(accent),
                                     "a " + std::string(accent) + "b", std::string(accent)}) {
        const std::string once = fold(text, options);
        EXPECT_EQ(fold(once, options), once) << text;
        EXPECT_TRUE(once.empty() || (once.front() != ' ' && once.back() != ' ')) << text;
      }
      EXPECT_EQ(fold("l" + std::string(accent) + "a", options), fold("l a", options));
    }
  }
}

// Without white-space folding nothing collapses, and a spacing accent is what it decomposes to.
TEST(FoldOptions, SpacingAccentsWithoutWhiteSpaceFolding) {
  EXPECT_FALSE(classify_code_point(U'\u00B4', kFoldDefault & ~kFoldWhiteSpace).white_space);
  EXPECT_FALSE(classify_code_point(U'\u00B4', kFoldExact).white_space);
  EXPECT_EQ(fold("l\u00B4a", kFoldDefault & ~kFoldWhiteSpace), "l a");
  EXPECT_EQ(fold("l\u00B4a", kFoldExact), "l\u00B4a");
}

// Combining marks after white space belong to its run (a space carrying a mark is how Unicode
// spells a spacing accent), so "¨" + U+0301 folds like its canonical equivalent ΅ U+0385 even
// when marks are kept.
TEST(FoldOptions, MarksAfterWhiteSpaceBelongToIt) {
  for (const uint32_t options : {kFoldDefault, kFoldDefault & ~kFoldMarks}) {
    SCOPED_TRACE(testing::Message() << "options " << options);
    EXPECT_EQ(fold("a\u00A8\u0301b", options), fold("a\u0385b", options));
    EXPECT_EQ(fold("a\u0385b", options), "a b");
    EXPECT_EQ(fold("a \u0656b", options), "a b");
    EXPECT_EQ(fold(" \u0301", options), "");
  }
}

// Marks are put in canonical order by the classes of the decomposed original, before case
// folding: U+0345 (class 240) folds to ι (class 0) and used to split the run of marks that NFD
// sorts across it, so canonically equivalent texts folded apart.
TEST(FoldOptions, YpogegrammeniIsOrderedBeforeCaseFolding) {
  const uint32_t keeping_marks = kFoldDefault & ~kFoldMarks;
  // ᾴ U+1FB4 = α U+0301 U+0345 (NFD); typed with the marks the other way round.
  EXPECT_EQ(fold("\u03B1\u0345\u0301", keeping_marks), "\u03B1\u0301\u03B9");
  EXPECT_EQ(fold("\u1FB4", keeping_marks), "\u03B1\u0301\u03B9");
  EXPECT_EQ(fold("\u03B1\u0301\u0345", keeping_marks), "\u03B1\u0301\u03B9");
  // ᾭ U+1FAD = Ω U+0314 U+0301 U+0345; a mark of class 220 after it sorts before all three.
  EXPECT_EQ(fold("\u1FAD\u0316", keeping_marks), "\u03C9\u0316\u0314\u0301\u03B9");
  EXPECT_EQ(fold("\u03A9\u0316\u0314\u0301\u0345", keeping_marks),
            "\u03C9\u0316\u0314\u0301\u03B9");
  // By default too, with marks that are not diacritics (U+0656 class 220, U+0659 class 230).
  EXPECT_EQ(fold("q\u0659\u0345\u0656"), "q\u0656\u0659\u03B9");
  EXPECT_EQ(fold("q\u0656\u0659\u0345"), "q\u0656\u0659\u03B9");  // its NFD form
  EXPECT_EQ(fold("\u1FAD\u0656"), "\u03C9\u0656\u03B9");
  EXPECT_EQ(fold("\u03A9\u0656\u0314\u0301\u0345"), "\u03C9\u0656\u03B9");  // NFD
  // Folding again changes nothing: ι comes last in its run, as class 240 is the highest.
  for (const std::string_view text : {"q\u0659\u0345\u0656", "\u1FAD\u0656", "\u03B1\u0345\u0301"}) {
    EXPECT_EQ(fold(fold(text)), fold(text));
    EXPECT_EQ(fold(fold(text, keeping_marks), keeping_marks), fold(text, keeping_marks));
  }
}

// A character whose decomposition is several marks (U+0F73 = U+0F71 U+0F72, class 0 itself)
// is ordered by the classes of those marks, as NFD orders it, not by its own class.
TEST(FoldOptions, MarksAreOrderedAfterDecomposition) {
  const std::string nfd = "\u0F40\u0F71\u0F72\u0F74";
  EXPECT_EQ(fold("\u0F40\u0F74\u0F73", kFoldCanonical), nfd);
  EXPECT_EQ(fold(nfd, kFoldCanonical), nfd);
}

// A character whose folded form begins with a combining mark attaches like a mark
// (code_point_fold.h, CodePointClass::mark): folded again, that mark would attach anyway.
TEST(FoldOptions, CharactersFoldingToALeadingMarkAttachLikeMarks) {
  EXPECT_TRUE(classify_code_point(U'\u0E33', kFoldDefault).mark);     // ำ → U+0E4D U+0E32
  EXPECT_FALSE(classify_code_point(U'\u0E33', kFoldCanonical).mark);  // not decomposed
  EXPECT_EQ(fold("a \u0E33"), "a");  // after white space it joins the run, as marks do
  EXPECT_EQ(fold("\u0E04\u0E33"), "\u0E04\u0E4D\u0E32");
  // ﾞ U+FF9E → U+3099 (class 8) is ordered with the marks around it, as NFKD orders it.
  EXPECT_EQ(fold("e\u0316\uFF9E\u0301", kFoldCompatibility), "e\u3099\u0316\u0301");
  EXPECT_EQ(fold("e\u3099\u0316\u0301", kFoldCompatibility), "e\u3099\u0316\u0301");
}

// Every assigned code point, in a few surroundings that test what joins what (white space,
// marks of lower and higher classes, U+0345), folds idempotently and as its NFC and NFD forms.
TEST(FoldOptions, EveryCodePointFoldsIdempotentlyAndCanonically) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  ASSERT_TRUE(U_SUCCESS(status));
  auto normalized = [](const icu::Normalizer2* n, const std::string& text) {
    UErrorCode error = U_ZERO_ERROR;
    std::string out;
    n->normalize(icu::UnicodeString::fromUTF8(text), error).toUTF8String(out);
    return out;
  };
  const std::string_view surroundings[] = {"a %", "e\u0316%\u0301", "\u03B1%\u0345\u0301"};
  for (const uint32_t options : {kFoldDefault, kFoldDefault & ~kFoldMarks,
                                 kFoldDefault & ~kFoldCase, uint32_t{kFoldCompatibility}}) {
    const FoldTable& table = FoldTable::for_options(options);
    int failures = 0;
    for (char32_t cp = 1; cp < 0x110000 && failures < 5; ++cp) {
      const int8_t type = u_charType(static_cast<UChar32>(cp));
      if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) continue;
      std::string c;
      append_utf8(c, cp);
      for (const std::string_view surrounding : surroundings) {
        std::string text(surrounding);
        text.replace(text.find('%'), 1, c);
        const std::string once = fold_string(table, text.data(), text.size());
        const std::string twice = fold_string(table, once.data(), once.size());
        const std::string from_nfc = fold(normalized(nfc, text), options);
        const std::string from_nfd = fold(normalized(nfd, text), options);
        if (once == twice && once == from_nfc && once == from_nfd) continue;
        ++failures;
        ADD_FAILURE() << "options " << options << ", U+" << std::hex << static_cast<uint32_t>(cp)
                      << " in \"" << surrounding << "\": " << once << " / again " << twice
                      << " / NFC " << from_nfc << " / NFD " << from_nfd;
      }
    }
  }
}

}  // namespace
}  // namespace onoma::unicode
