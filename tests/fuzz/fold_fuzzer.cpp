// fuzz_fold: folds arbitrary bytes under one of several fold option sets (byte 0 chooses; the
// rest is the text) and checks:
//  - folding never fails and its output is valid UTF-8;
//  - exact folding changes nothing but ill-formed bytes, each of which becomes U+FFFD;
//  - for every code point of the text, the precomputed fold table says what the definition
//    (fold_code_point, classify_code_point: ICU) says;
//  - with canonical decomposition, NFC and NFD forms of the text fold alike;
//  - folding is idempotent: fold(fold(x)) == fold(x).
#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "unicode/cluster_reader.h"
#include "unicode/code_point_fold.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"

namespace {

using namespace onoma;
using namespace onoma::unicode;

constexpr uint32_t kFoldChoices[] = {
    kFoldDefault,
    kFoldExact,
    kFoldCanonical,
    kFoldCompatibility,
    kFoldCase,
    kFoldMarks,
    kFoldPunctuation,
    kFoldWhiteSpace,
    kFoldIgnorables,
    kFoldDefault & ~kFoldCanonical,
    kFoldDefault & ~kFoldCompatibility,
    kFoldDefault & ~kFoldCase,
    kFoldDefault & ~kFoldMarks,
    kFoldDefault & ~kFoldPunctuation,
    kFoldDefault & ~kFoldWhiteSpace,
    kFoldDefault & ~kFoldIgnorables,
};
constexpr size_t kChoices = sizeof(kFoldChoices) / sizeof(kFoldChoices[0]);
// Code points per input compared with the ICU definition (each costs ICU calls).
constexpr size_t kDefinitionChecks = 32;

std::string fold(const FoldTable& table, std::string_view text) {
  return fold_string(table, text.data(), text.size());
}

std::string utf8_of(const std::u32string& code_points) {
  std::string out;
  for (const char32_t cp : code_points) append_utf8(out, cp);
  return out;
}

void check_table_against_definition(const FoldTable& table, std::string_view text) {
  const auto* p = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = p + text.size();
  for (size_t checked = 0; p < end && checked < kDefinitionChecks; ++checked) {
    const DecodedCodePoint d = decode_utf8(p, end);
    p += d.length;
    if (!d.valid) continue;
    const FoldEntry& entry = table.entry(d.code_point);
    const std::vector<FoldedCodePoint> defined_with_classes =
        fold_code_point_with_classes(d.code_point, table.options());
    std::u32string defined;
    for (const FoldedCodePoint& f : defined_with_classes) defined.push_back(f.code_point);
    std::string from_table;
    if (entry.has(FoldEntry::kIdentity)) {
      append_utf8(from_table, d.code_point);
    } else {
      from_table.assign(table.folded_bytes(entry), entry.length);
    }
    char where[48];
    std::snprintf(where, sizeof(where), "U+%04X, fold options 0x%02X",
                  static_cast<unsigned>(d.code_point), static_cast<unsigned>(table.options()));
    ONOMA_FUZZ_CHECK(from_table == utf8_of(defined),
                     std::string(where) + ": table folds to " + fuzz::printable(from_table) +
                         ", definition to " + fuzz::printable(utf8_of(defined)));
    // The order classes: from the pool where the entry says so, else each folded code
    // point's own combining class.
    bool classes_agree = true;
    for (size_t i = 0; i < defined_with_classes.size(); ++i) {
      const uint8_t from_table_class =
          entry.has(FoldEntry::kOrderClasses)
              ? table.order_classes(entry)[i]
              : table.entry(defined_with_classes[i].code_point).combining_class;
      classes_agree = classes_agree && from_table_class == defined_with_classes[i].order_class;
    }
    ONOMA_FUZZ_CHECK(classes_agree, std::string(where) + ": order classes disagree");
    const CodePointClass cls = classify_code_point(d.code_point, table.options());
    ONOMA_FUZZ_CHECK(entry.has(FoldEntry::kWord) == cls.word &&
                         entry.has(FoldEntry::kMark) == cls.mark &&
                         entry.has(FoldEntry::kWhiteSpace) == cls.white_space &&
                         entry.combining_class == cls.combining_class,
                     std::string(where) + ": table and definition classify it differently");
    const bool starts_word = !defined.empty() && classify_code_point(defined[0], kFoldExact).word;
    ONOMA_FUZZ_CHECK(entry.has(FoldEntry::kFoldStartsWord) == starts_word,
                     std::string(where) + ": kFoldStartsWord disagrees with the folded form");
  }
}

std::string normalized(const icu::Normalizer2* normalizer, std::string_view text) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::UnicodeString s = icu::UnicodeString::fromUTF8(
      icu::StringPiece(text.data(), static_cast<int32_t>(text.size())));
  const icu::UnicodeString result = normalizer->normalize(s, status);
  ONOMA_FUZZ_CHECK(U_SUCCESS(status), "ICU normalization failed");
  std::string out;
  result.toUTF8String(out);
  return out;
}

void check_canonical_equivalence(const FoldTable& table, std::string_view text,
                                 const std::string& folded) {
  if (!decomposes(table.options()) || !fuzz::is_well_formed_utf8(text)) return;
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
  const icu::Normalizer2* nfd = icu::Normalizer2::getNFDInstance(status);
  ONOMA_FUZZ_CHECK(U_SUCCESS(status), "ICU normalizers unavailable");
  for (const std::string& other : {normalized(nfd, text), normalized(nfc, text)}) {
    const std::string other_folded = fold(table, other);
    ONOMA_FUZZ_CHECK(other_folded == folded,
                     "canonically equivalent texts fold differently: " + fuzz::printable(text) +
                         " → " + fuzz::printable(folded) + ", " + fuzz::printable(other) +
                         " → " + fuzz::printable(other_folded));
  }
}

void check_idempotence(const FoldTable& table, const std::string& folded) {
  const std::string twice = fold(table, folded);
  ONOMA_FUZZ_CHECK(twice == folded,
                   "folding again changes " + fuzz::printable(folded) + " into " +
                       fuzz::printable(twice));
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  for (const uint32_t options : kFoldChoices) FoldTable::for_options(options);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::set_current_input(data, size);
  if (size == 0) return 0;
  const FoldTable& table = FoldTable::for_options(kFoldChoices[data[0] % kChoices]);
  const std::string_view text(reinterpret_cast<const char*>(data) + 1, size - 1);

  const std::string folded = fold(table, text);
  ONOMA_FUZZ_CHECK(fuzz::is_well_formed_utf8(folded),
                   "folded text is not valid UTF-8: " + fuzz::printable(folded));
  if (table.options() == kFoldExact) {
    ONOMA_FUZZ_CHECK(folded == fuzz::with_replacement_characters(text),
                     "exact folding changed the text into " + fuzz::printable(folded));
  }
  check_table_against_definition(table, text);
  check_canonical_equivalence(table, text, folded);
  check_idempotence(table, folded);
  return 0;
}
