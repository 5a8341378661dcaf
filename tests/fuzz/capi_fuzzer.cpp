// fuzz_capi: the same path as a C program takes, through <onoma/onoma.h> only: a gazetteer
// from a buffer (onoma_builder_add_buffer), a build, the inspection calls, and scans with
// onoma_scan_into and onoma_scan. Checked: the documented status codes and nothing else; a
// rejected buffer comes with a complete onoma_error and leaves the builder empty; strings
// are NUL-terminated; onoma_scan_into reports the count it needed and, with room, the same
// matches as a callback that stops half-way had seen up to there; span_checks.h on every scan.
//
// Input layout (tests/fuzz/README.md):
//   byte 0      bits 0-1 format (ONOMA_FORMAT_*), bit 2 exact folding, bit 3 policy all,
//               bit 4 boundary none, bits 5-6 offsets (3 = code points), bit 7 buffer named
//               "fuzz.tsv" instead of "fuzz.jsonl" (what ONOMA_FORMAT_AUTO looks at)
//   up to NUL   the gazetteer buffer
//   after NUL   the text
#include <onoma/onoma.h>

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

#include "fuzz_support.h"
#include "span_checks.h"

namespace {

using onoma::fuzz::printable;

std::string status_name(onoma_status status) {
  return std::to_string(static_cast<int>(status)) + " (" + onoma_status_string(status) + ")";
}

void check_string(const char* s, size_t length, const char* what) {
  ONOMA_FUZZ_CHECK(s != nullptr, std::string(what) + " is NULL");
  // The builder refuses U+0000 in ids, labels and names, so strlen finds the length.
  ONOMA_FUZZ_CHECK(s[length] == '\0', std::string(what) + " is not NUL-terminated at its length");
  ONOMA_FUZZ_CHECK(std::strlen(s) == length, std::string(what) + " holds a NUL before its end");
  ONOMA_FUZZ_CHECK(onoma::fuzz::is_well_formed_utf8(std::string_view(s, length)),
                   std::string(what) + " is not valid UTF-8: " +
                       printable(std::string_view(s, length)));
}

void check_error(const onoma_error* error, onoma_status status, const char* name) {
  ONOMA_FUZZ_CHECK(error != nullptr, "no onoma_error for status " + status_name(status));
  ONOMA_FUZZ_CHECK(error->status == status, "onoma_error has another status");
  ONOMA_FUZZ_CHECK(error->message && error->reason && error->file, "onoma_error field is NULL");
  check_string(error->message, std::strlen(error->message), "error message");
  check_string(error->reason, std::strlen(error->reason), "error reason");
  ONOMA_FUZZ_CHECK(std::string_view(error->file) == name,
                   "error names file " + printable(error->file));
  ONOMA_FUZZ_CHECK(error->line >= 1, std::string("error without a line: ") + error->message);
}

void check_gazetteer(const onoma_gazetteer* g) {
  const size_t entities = onoma_gazetteer_entity_count(g);
  for (uint32_t e = 0; e < entities; ++e) {
    size_t length = 0;
    const char* id = onoma_entity_id(g, e, &length);
    check_string(id, length, "entity id");
    uint32_t found = UINT32_MAX;
    ONOMA_FUZZ_CHECK(onoma_gazetteer_find_entity(g, id, length, &found) == ONOMA_OK && found == e,
                     "entity not found by its id " + printable(std::string_view(id, length)));
    const char* label = onoma_entity_label(g, e, &length);
    check_string(label, length, "entity label");
    const char* name = onoma_entity_name(g, e, &length);
    check_string(name, length, "entity name");
    if (const char* meta = onoma_entity_meta(g, e, &length)) {
      check_string(meta, length, "entity meta");
      ONOMA_FUZZ_CHECK(length >= 2 && meta[0] == '{' && meta[length - 1] == '}',
                       "meta is not an object: " + printable(std::string_view(meta, length)));
    }
    const uint32_t first = onoma_entity_first_alias(g, e);
    const uint32_t count = onoma_entity_alias_count(g, e);
    ONOMA_FUZZ_CHECK(count >= 1 && first + count <= onoma_gazetteer_alias_count(g),
                     "entity alias range out of bounds");
    for (uint32_t a = first; a < first + count; ++a) {
      check_string(onoma_alias_text(g, a, &length), length, "alias text");
      ONOMA_FUZZ_CHECK(onoma_alias_entity(g, a) == e, "alias does not point back at its entity");
    }
  }
  ONOMA_FUZZ_CHECK(onoma_entity_id(g, static_cast<uint32_t>(entities), nullptr) == nullptr,
                   "entity past the end has an id");
}

struct Collected {
  std::vector<onoma_match> matches;
  size_t stop_after;
};

int collect(const onoma_match* match, void* user_data) {
  auto* collected = static_cast<Collected*>(user_data);
  collected->matches.push_back(*match);
  return collected->matches.size() > collected->stop_after ? 1 : 0;
}

bool same(const onoma_match& a, const onoma_match& b) {
  return a.start == b.start && a.end == b.end && a.unit_start == b.unit_start &&
         a.unit_end == b.unit_end && a.entity == b.entity && a.alias == b.alias &&
         a.flags == b.flags && a.reserved == b.reserved;
}

void check_scans(const onoma_gazetteer* g, const onoma_scan_options& options,
                 std::string_view text) {
  onoma_scratch* scratch = nullptr;
  ONOMA_FUZZ_CHECK(onoma_scratch_new(&scratch) == ONOMA_OK, "onoma_scratch_new failed");

  size_t needed = 0;
  onoma_status status =
      onoma_scan_into(g, scratch, &options, text.data(), text.size(), nullptr, 0, &needed);
  ONOMA_FUZZ_CHECK(status == (needed == 0 ? ONOMA_OK : ONOMA_ERROR_BUFFER_TOO_SMALL),
                   "scan_into without room: " + status_name(status));
  std::vector<onoma_match> matches(needed);
  size_t count = 0;
  status = onoma_scan_into(g, scratch, &options, text.data(), text.size(), matches.data(),
                           matches.size(), &count);
  ONOMA_FUZZ_CHECK(status == ONOMA_OK && count == needed,
                   "scan_into with room: " + status_name(status) + ", " + std::to_string(count) +
                       " matches after " + std::to_string(needed));

  std::vector<onoma::fuzz::Span> spans;
  for (const onoma_match& m : matches) {
    ONOMA_FUZZ_CHECK(m.alias < onoma_gazetteer_alias_count(g) &&
                         onoma_alias_entity(g, m.alias) == m.entity,
                     "match entity is not its alias's entity");
    ONOMA_FUZZ_CHECK((m.flags & ~ONOMA_MATCH_AMBIGUOUS) == 0 && m.reserved == 0,
                     "unknown match flags or reserved field set");
    spans.push_back({m.start, m.end, m.unit_start, m.unit_end, m.entity, m.alias,
                     (m.flags & ONOMA_MATCH_AMBIGUOUS) != 0});
  }
  constexpr onoma::fuzz::Units kUnits[] = {onoma::fuzz::Units::kBytes,
                                           onoma::fuzz::Units::kCodePoints,
                                           onoma::fuzz::Units::kUtf16};
  onoma::fuzz::check_spans(text, spans, options.policy == ONOMA_POLICY_LONGEST,
                           kUnits[options.offsets]);

  Collected collected{{}, needed / 2};
  status = onoma_scan(g, scratch, &options, text.data(), text.size(), collect, &collected);
  const size_t expected_calls = needed == 0 ? 0 : needed / 2 + 1;
  ONOMA_FUZZ_CHECK(status == (needed == 0 ? ONOMA_OK : ONOMA_STOPPED) &&
                       collected.matches.size() == expected_calls,
                   "onoma_scan asked to stop after " + std::to_string(expected_calls) +
                       " calls: " + status_name(status) + " after " +
                       std::to_string(collected.matches.size()));
  for (size_t i = 0; i < collected.matches.size(); ++i) {
    ONOMA_FUZZ_CHECK(same(collected.matches[i], matches[i]),
                     "onoma_scan and onoma_scan_into disagree at match " + std::to_string(i));
  }
  onoma_scratch_free(scratch);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  onoma::fuzz::set_current_input(data, size);
  if (size == 0) return 0;
  const uint8_t bits = data[0];
  const std::string_view rest(reinterpret_cast<const char*>(data) + 1, size - 1);
  const size_t separator = rest.find('\0');
  const std::string_view buffer = rest.substr(0, separator);
  const std::string_view text =
      separator == std::string_view::npos ? std::string_view() : rest.substr(separator + 1);
  const char* name = (bits & 0x80) ? "fuzz.tsv" : "fuzz.jsonl";

  onoma_gazetteer_options gazetteer_options;
  onoma_gazetteer_options_init(&gazetteer_options);
  gazetteer_options.fold = (bits & 4) ? ONOMA_FOLD_EXACT : ONOMA_FOLD_DEFAULT;
  onoma_builder* builder = nullptr;
  ONOMA_FUZZ_CHECK(onoma_builder_new(&gazetteer_options, &builder) == ONOMA_OK,
                   "onoma_builder_new failed");
  onoma_error* error = nullptr;
  const onoma_status added = onoma_builder_add_buffer(builder, buffer.data(), buffer.size(),
                                                      bits & 3, name, &error);
  if (added == ONOMA_OK) {
    ONOMA_FUZZ_CHECK(error == nullptr, "onoma_error set on success");
  } else {
    ONOMA_FUZZ_CHECK(added == ONOMA_ERROR_INVALID_INPUT,
                     "onoma_builder_add_buffer: " + status_name(added));
    check_error(error, added, name);
    onoma_error_free(error);
  }
  onoma_gazetteer* gazetteer = nullptr;
  const onoma_status built = onoma_builder_build(builder, &gazetteer, nullptr);
  ONOMA_FUZZ_CHECK(built == ONOMA_OK, "onoma_builder_build: " + status_name(built));
  ONOMA_FUZZ_CHECK(added == ONOMA_OK || onoma_gazetteer_entity_count(gazetteer) == 0,
                   "a rejected buffer left entities in the builder");
  check_gazetteer(gazetteer);

  onoma_scan_options options;
  onoma_scan_options_init(&options);
  options.policy = (bits & 8) ? ONOMA_POLICY_ALL : ONOMA_POLICY_LONGEST;
  options.boundary = (bits & 16) ? ONOMA_BOUNDARY_NONE : ONOMA_BOUNDARY_WORD;
  options.offsets = ((bits >> 5) & 3) == 3 ? ONOMA_OFFSETS_CODE_POINTS : (bits >> 5) & 3;
  check_scans(gazetteer, options, text);

  onoma_gazetteer_free(gazetteer);
  onoma_builder_free(builder);
  return 0;
}
