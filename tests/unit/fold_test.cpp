// fold_string, the definition of "written differently but the same" (DESIGN.md §2): each part
// of the default folding, each fold option on its own, and the canonical order of kept marks.
#include <gtest/gtest.h>

#include <string>
#include <string_view>

#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"

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

}  // namespace
}  // namespace onoma::unicode
