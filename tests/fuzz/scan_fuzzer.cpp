// fuzz_scan: a small gazetteer and a text, both from the input, scanned with both policies;
// scan_checks.h lists the invariants checked on every match.
//
// Input layout (tests/fuzz/README.md):
//   byte 0        options: bits 0-2 fold options (kFoldChoices), bit 3 boundary none,
//                 bits 4-5 offset unit (0 bytes, 1 code points, 2 UTF-16, 3 code points)
//   up to NUL     gazetteer, one alias per line: ALIAS or ALIAS<TAB>FLAGS, where FLAGS has
//                 'c' case-sensitive, 'i' case-insensitive, 'x' an unknown flag bit, '+' the
//                 alias belongs to the entity of the line before (else it starts a new one)
//   after NUL     the text
// Aliases the builder rejects (they fold to nothing, contradictory flags...) are left out.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "gazetteer/gazetteer_builder.h"
#include "gazetteer/input_error.h"
#include "scan_checks.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"

namespace {

using namespace onoma;
using unicode::FoldTable;

constexpr uint32_t kFoldChoices[8] = {
    unicode::kFoldDefault,
    unicode::kFoldExact,
    unicode::kFoldDefault & ~unicode::kFoldCase,
    unicode::kFoldDefault & ~unicode::kFoldWhiteSpace,
    unicode::kFoldDefault & ~unicode::kFoldMarks,
    unicode::kFoldDefault & ~(unicode::kFoldCompatibility | unicode::kFoldIgnorables),
    unicode::kFoldCase,
    unicode::kFoldCanonical | unicode::kFoldCase | unicode::kFoldWhiteSpace,
};
constexpr size_t kMaxLines = 64;

struct AliasLine {
  std::string_view text;
  uint32_t flags = 0;
  bool same_entity = false;
};

AliasLine parse_line(std::string_view line) {
  AliasLine parsed{line};
  const size_t tab = line.rfind('\t');
  if (tab == std::string_view::npos) return parsed;
  parsed.text = line.substr(0, tab);
  for (const char flag : line.substr(tab + 1)) {
    if (flag == 'c') parsed.flags |= gazetteer::kAliasCaseSensitive;
    if (flag == 'i') parsed.flags |= gazetteer::kAliasCaseInsensitive;
    if (flag == 'x') parsed.flags |= 0x80u;
    if (flag == '+') parsed.same_entity = true;
  }
  return parsed;
}

void add_line(gazetteer::GazetteerBuilder& builder, const AliasLine& line, int& entities) {
  const gazetteer::AliasSpec alias{std::string(line.text), line.flags};
  try {
    if (line.same_entity && entities > 0) {
      builder.add_alias("e" + std::to_string(entities - 1), alias);
      return;
    }
    gazetteer::EntitySpec entity;
    entity.id = "e" + std::to_string(entities);
    entity.label = entities % 2 == 0 ? "A" : "B";
    entity.name = alias.text;
    if (alias.flags != 0) entity.aliases.push_back(alias);
    builder.add_entity(entity);
    ++entities;
  } catch (const gazetteer::InputError&) {
    // The builder refused this alias and, all-or-nothing, kept nothing of the call.
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  // Build the fold tables up front, so that the first inputs are not slow.
  for (const uint32_t fold : kFoldChoices) {
    FoldTable::for_options(fold);
    FoldTable::for_options(fold & ~unicode::kFoldCase);
  }
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::set_current_input(data, size);
  if (size == 0) return 0;
  const uint8_t options = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t separator = rest.find('\0');
  const std::string_view lines = rest.substr(0, separator);
  const std::string_view text =
      separator == std::string_view::npos ? std::string_view() : rest.substr(separator + 1);

  gazetteer::GazetteerBuilder builder(kFoldChoices[options & 7]);
  int entities = 0;
  size_t count = 0;
  for (size_t pos = 0; pos <= lines.size() && count < kMaxLines; ++count) {
    const size_t newline = std::min(lines.find('\n', pos), lines.size());
    add_line(builder, parse_line(lines.substr(pos, newline - pos)), entities);
    pos = newline + 1;
  }
  ONOMA_FUZZ_CHECK(builder.entity_count() == static_cast<size_t>(entities),
                   "the builder kept an entity it refused");
  const auto gazetteer = builder.build();
  const auto boundary = (options & 8) ? scan::Boundary::kNone : scan::Boundary::kWord;
  constexpr unicode::OffsetUnit kUnits[4] = {
      unicode::OffsetUnit::kBytes, unicode::OffsetUnit::kCodePoints, unicode::OffsetUnit::kUtf16,
      unicode::OffsetUnit::kCodePoints};
  fuzz::check_scan(*gazetteer, text, boundary, kUnits[(options >> 4) & 3]);
  return 0;
}
