// onoma's folding against the Unicode Character Database's test data: every line of
// NormalizationTest.txt (the NFD and NFKD columns) and every C and F mapping of
// CaseFolding.txt, through the same fold tables and cluster reader the scanner uses.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "unicode/cluster_reader.h"
#include "unicode/code_point_fold.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"

namespace onoma::unicode {
namespace {

// "0044 0307" → the UTF-8 of U+0044 U+0307.
std::string utf8_of_hex_sequence(const std::string& hex) {
  std::istringstream in(hex);
  std::string out;
  std::string token;
  while (in >> token) append_utf8(out, static_cast<char32_t>(std::stoul(token, nullptr, 16)));
  return out;
}

std::vector<std::string> split(const std::string& line, char separator) {
  std::vector<std::string> fields;
  std::istringstream in(line);
  std::string field;
  while (std::getline(in, field, separator)) fields.push_back(field);
  return fields;
}

std::string fold(uint32_t options, const std::string& s) {
  return fold_string(FoldTable::for_options(options), s.data(), s.size());
}

// "# NormalizationTest-15.0.0.txt" → "15.0"
std::string version_in_header(const std::string& path) {
  std::ifstream in(path);
  std::string first_line;
  std::getline(in, first_line);
  const size_t dash = first_line.find('-');
  const size_t second_dot = first_line.find('.', first_line.find('.', dash) + 1);
  if (dash == std::string::npos || second_dot == std::string::npos) return first_line;
  return first_line.substr(dash + 1, second_dot - dash - 1);
}

TEST(UnicodeConformance, ReportedVersionIsTheVersionOfTheTestData) {
  EXPECT_EQ(unicode_version(), version_in_header(ONOMA_NORMALIZATION_TEST));
  EXPECT_EQ(unicode_version(), version_in_header(ONOMA_CASE_FOLDING));
}

// NormalizationTest.txt: c1;c2;c3;c4;c5 with c3 = NFD(c1..c3), c5 = NFD(c4, c5) and
// c5 = NFKD(c1..c5).
TEST(UnicodeConformance, NormalizationTestDecompositionColumns) {
  std::ifstream in(ONOMA_NORMALIZATION_TEST);
  ASSERT_TRUE(in) << ONOMA_NORMALIZATION_TEST;
  std::string line;
  size_t checked = 0;
  size_t failures = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#' || line[0] == '@') continue;
    const std::vector<std::string> hex = split(line.substr(0, line.find('#')), ';');
    ASSERT_GE(hex.size(), 5u) << line;
    std::string c[5];
    for (int i = 0; i < 5; ++i) c[i] = utf8_of_hex_sequence(hex[i]);
    const bool ok = fold(kFoldCompatibility, c[0]) == c[4] &&
                    fold(kFoldCompatibility, c[1]) == c[4] &&
                    fold(kFoldCompatibility, c[2]) == c[4] &&
                    fold(kFoldCompatibility, c[3]) == c[4] &&
                    fold(kFoldCompatibility, c[4]) == c[4] && fold(kFoldCanonical, c[0]) == c[2] &&
                    fold(kFoldCanonical, c[1]) == c[2] && fold(kFoldCanonical, c[2]) == c[2] &&
                    fold(kFoldCanonical, c[3]) == c[4] && fold(kFoldCanonical, c[4]) == c[4];
    if (!ok && ++failures <= 10) ADD_FAILURE() << "NormalizationTest line: " << line;
    ++checked;
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(checked, 19000u);  // the whole file was read (Unicode 15.0 has 19,000+ cases)
}

// CaseFolding.txt: "<code>; <status>; <mapping>; # <name>", statuses C and F make full folding.
TEST(UnicodeConformance, CaseFoldingFullMappings) {
  std::ifstream in(ONOMA_CASE_FOLDING);
  ASSERT_TRUE(in) << ONOMA_CASE_FOLDING;
  std::string line;
  size_t checked = 0;
  size_t failures = 0;
  while (std::getline(in, line)) {
    if (line.empty() || line[0] == '#') continue;
    const std::vector<std::string> fields = split(line, ';');
    ASSERT_GE(fields.size(), 3u) << line;
    const std::string status = fields[1].substr(fields[1].find_first_not_of(' '));
    if (status != "C" && status != "F") continue;
    const std::string source = utf8_of_hex_sequence(fields[0]);
    const std::string expected = utf8_of_hex_sequence(fields[2]);
    if (fold(kFoldCase, source) != expected && ++failures <= 10) {
      ADD_FAILURE() << "CaseFolding line: " << line;
    }
    ++checked;
  }
  EXPECT_EQ(failures, 0u);
  EXPECT_GT(checked, 1400u);  // the whole file was read
}

}  // namespace
}  // namespace onoma::unicode
