// fuzz_jsonl, fuzz_tsv, fuzz_spacy: the input is the content of a gazetteer file in the format
// ONOMA_FUZZ_FORMAT (a FileFormat value, set per target by CMake). Reading and building it
// either succeeds or throws InputError; any other outcome (a crash, a leak, undefined
// behaviour, another exception) is a bug. Beyond that:
//  - a rejected file leaves the builder empty (all or nothing), and its message is valid
//    UTF-8 and names the file and a line that exists;
//  - a built gazetteer is consistent: every entity found by its id, its name its first
//    alias, every alias pointing back at its entity;
//  - scanning the file's own content with it keeps the scanner's invariants (scan_checks.h).
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include "fuzz_support.h"
#include "gazetteer/gazetteer_builder.h"
#include "gazetteer/input_error.h"
#include "gazetteer/loaders.h"
#include "scan_checks.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"

namespace {

using namespace onoma;

constexpr auto kFormat = static_cast<gazetteer::FileFormat>(ONOMA_FUZZ_FORMAT);
const std::string kFile = "fuzz-input";

void check_rejection(const gazetteer::InputError& e, std::string_view content) {
  ONOMA_FUZZ_CHECK(e.kind() == gazetteer::InputError::Kind::kInvalidInput,
                   std::string("not an input error: ") + e.what());
  ONOMA_FUZZ_CHECK(!e.reason().empty(), "empty reason");
  ONOMA_FUZZ_CHECK(fuzz::is_well_formed_utf8(e.what()),
                   "message is not valid UTF-8: " + fuzz::printable(e.what()));
  ONOMA_FUZZ_CHECK(e.file() == kFile, "message names file " + fuzz::printable(e.file()));
  const auto lines = static_cast<uint64_t>(std::count(content.begin(), content.end(), '\n')) + 1;
  ONOMA_FUZZ_CHECK(e.line() >= 1 && e.line() <= lines,
                   "message names line " + std::to_string(e.line()) + " of " +
                       std::to_string(lines) + ": " + e.what());
}

void check_gazetteer(const gazetteer::Gazetteer& g, size_t entity_count) {
  ONOMA_FUZZ_CHECK(g.entity_count() == entity_count, "entity count changed in build");
  uint32_t next_alias = 0;
  for (uint32_t e = 0; e < g.entity_count(); ++e) {
    const gazetteer::EntityRecord& entity = g.entity(e);
    const auto found = g.find_entity(g.text(entity.id));
    ONOMA_FUZZ_CHECK(found && *found == e, "entity not found by its id");
    ONOMA_FUZZ_CHECK(entity.label < g.label_count(), "label out of range");
    ONOMA_FUZZ_CHECK(entity.first_alias == next_alias && entity.alias_count >= 1,
                     "aliases not numbered entity by entity");
    ONOMA_FUZZ_CHECK(g.text(entity.name) == g.text(g.alias_text(entity.first_alias)),
                     "name is not the first alias");
    for (uint32_t a = entity.first_alias; a < entity.first_alias + entity.alias_count; ++a) {
      ONOMA_FUZZ_CHECK(g.alias(a).entity == e, "alias does not point back at its entity");
    }
    next_alias += entity.alias_count;
  }
  ONOMA_FUZZ_CHECK(next_alias == g.alias_count(), "aliases outside every entity");
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  unicode::FoldTable::for_options(unicode::kFoldDefault);
  unicode::FoldTable::for_options(unicode::kFoldDefault & ~unicode::kFoldCase);
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  fuzz::set_current_input(data, size);
  const std::string_view content(reinterpret_cast<const char*>(data), size);
  gazetteer::GazetteerBuilder builder(unicode::kFoldDefault);
  try {
    builder.add_entities(gazetteer::parse_entities(content, kFormat, kFile), kFile);
  } catch (const gazetteer::InputError& e) {
    check_rejection(e, content);
    ONOMA_FUZZ_CHECK(builder.entity_count() == 0, "a rejected file left entities behind");
    return 0;
  }
  const auto gazetteer = builder.build();
  check_gazetteer(*gazetteer, builder.entity_count());
  fuzz::check_scan(*gazetteer, content, scan::Boundary::kWord, unicode::OffsetUnit::kBytes);
  return 0;
}
