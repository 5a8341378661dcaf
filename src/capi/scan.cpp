// onoma_scratch_*, onoma_scan_options_init, onoma_scan and onoma_scan_into.
#include "capi/handles.h"

using onoma::capi::guarded;
using onoma::capi::require;
using onoma::scan::Boundary;
using onoma::scan::Policy;
using onoma::scan::ScanOptions;
using onoma::unicode::OffsetUnit;

static_assert(ONOMA_POLICY_LONGEST == static_cast<int>(Policy::kLongest));
static_assert(ONOMA_POLICY_ALL == static_cast<int>(Policy::kAll));
static_assert(ONOMA_BOUNDARY_WORD == static_cast<int>(Boundary::kWord));
static_assert(ONOMA_BOUNDARY_NONE == static_cast<int>(Boundary::kNone));
static_assert(ONOMA_OFFSETS_BYTES == static_cast<int>(OffsetUnit::kBytes));
static_assert(ONOMA_OFFSETS_CODE_POINTS == static_cast<int>(OffsetUnit::kCodePoints));
static_assert(ONOMA_OFFSETS_UTF16 == static_cast<int>(OffsetUnit::kUtf16));

namespace {

ScanOptions scan_options_argument(const onoma_scan_options* options) {
  ScanOptions result;
  if (options == nullptr) return result;
  require(options->size >= offsetof(onoma_scan_options, offsets) + sizeof(int),
          "onoma_scan_options.size is too small (call onoma_scan_options_init)");
  require(options->policy == ONOMA_POLICY_LONGEST || options->policy == ONOMA_POLICY_ALL,
          "unknown policy");
  require(options->boundary == ONOMA_BOUNDARY_WORD || options->boundary == ONOMA_BOUNDARY_NONE,
          "unknown boundary");
  require(options->offsets >= ONOMA_OFFSETS_BYTES && options->offsets <= ONOMA_OFFSETS_UTF16,
          "unknown offsets unit");
  result.policy = static_cast<Policy>(options->policy);
  result.boundary = static_cast<Boundary>(options->boundary);
  result.unit = static_cast<OffsetUnit>(options->offsets);
  return result;
}

onoma_match to_c(const onoma::scan::Match& m) {
  return onoma_match{m.start, m.end, m.unit_start, m.unit_end, m.entity, m.alias,
                     m.ambiguous ? ONOMA_MATCH_AMBIGUOUS : 0u, 0u};
}

template <typename Sink>
onoma_status run_scan(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                      const onoma_scan_options* options, const char* text, size_t length,
                      const onoma::scan::ScanStart& start, Sink&& sink) {
  require(gazetteer != nullptr, "gazetteer is NULL");
  require(scratch != nullptr, "scratch is NULL");
  require(text != nullptr || length == 0, "text is NULL");
  const ScanOptions scan_options = scan_options_argument(options);
  require(gazetteer->gazetteer->key_index() == onoma::gazetteer::KeyIndex::kBytes ||
              scan_options.boundary == Boundary::kWord,
          onoma::scan::kWordIndexNeedsWordBoundaries);
  const bool finished = onoma::scan::scan(*gazetteer->gazetteer, scan_options,
                                          std::string_view(text == nullptr ? "" : text, length),
                                          start, scratch->scratch, sink);
  return finished ? ONOMA_OK : ONOMA_STOPPED;
}

template <typename Sink>
onoma_status run_scan(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                      const onoma_scan_options* options, const char* text, size_t length,
                      Sink&& sink) {
  return run_scan(gazetteer, scratch, options, text, length, onoma::scan::ScanStart{}, sink);
}

}  // namespace

extern "C" {

onoma_status onoma_scratch_new(onoma_scratch** out) {
  return guarded(nullptr, [&] {
    require(out != nullptr, "out is NULL");
    *out = new onoma_scratch{};
    return ONOMA_OK;
  });
}

void onoma_scratch_free(onoma_scratch* scratch) { delete scratch; }

void onoma_scan_options_init(onoma_scan_options* options) {
  if (options == nullptr) return;
  *options = onoma_scan_options{};
  options->size = sizeof(onoma_scan_options);
  options->policy = ONOMA_POLICY_LONGEST;
  options->boundary = ONOMA_BOUNDARY_WORD;
  options->offsets = ONOMA_OFFSETS_BYTES;
}

onoma_status onoma_scan(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                        const onoma_scan_options* options, const char* text, size_t length,
                        onoma_match_callback callback, void* user_data) {
  return guarded(nullptr, [&] {
    require(callback != nullptr, "callback is NULL");
    return run_scan(gazetteer, scratch, options, text, length,
                    [&](const onoma::scan::Match& m) {
                      const onoma_match match = to_c(m);
                      return callback(&match, user_data) == 0;
                    });
  });
}

onoma_status onoma_scan_into(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                             const onoma_scan_options* options, const char* text, size_t length,
                             onoma_match* matches, size_t capacity, size_t* count) {
  return guarded(nullptr, [&] {
    require(count != nullptr, "count is NULL");
    require(matches != nullptr || capacity == 0, "matches is NULL");
    size_t total = 0;
    const onoma_status status =
        run_scan(gazetteer, scratch, options, text, length, [&](const onoma::scan::Match& m) {
          if (total < capacity) matches[total] = to_c(m);
          ++total;
          return true;
        });
    *count = total;
    if (status != ONOMA_OK) return status;
    return total > capacity ? ONOMA_ERROR_BUFFER_TOO_SMALL : ONOMA_OK;
  });
}

void onoma_scan_cursor_init(onoma_scan_cursor* cursor) {
  if (cursor != nullptr) *cursor = onoma_scan_cursor{};
}

// A page resumes the scan at the first match it has not returned: a scan that begins at a
// match's start, with the context the scanner reports for it, finds exactly the matches of a
// whole scan from that one on (scan::ScanStart).
onoma_status onoma_scan_page(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                             const onoma_scan_options* options, const char* text, size_t length,
                             onoma_scan_cursor* cursor, onoma_match* matches, size_t capacity,
                             size_t* count) {
  return guarded(nullptr, [&] {
    require(cursor != nullptr, "cursor is NULL");
    require(count != nullptr, "count is NULL");
    require(matches != nullptr && capacity > 0, "no room for matches (capacity 0 or NULL)");
    require(cursor->offset <= length, "the cursor lies past the end of the text");
    *count = 0;
    if (cursor->flags & ONOMA_CURSOR_DONE) return ONOMA_OK;
    const onoma::scan::ScanStart start{cursor->offset, cursor->unit_offset,
                                       (cursor->flags & ONOMA_CURSOR_AFTER_WORD) != 0};
    uint64_t to_skip = cursor->skip;
    size_t written = 0;
    uint64_t same_start = cursor->skip;  // matches at the last written start, on all pages
    const onoma_status status =
        run_scan(gazetteer, scratch, options, text, length, start, [&](const onoma::scan::Match& m) {
          if (to_skip > 0 && m.start == cursor->offset) {
            --to_skip;
            return true;
          }
          if (written == capacity) {
            // The first match that does not fit: the next page starts with it.
            const uint64_t skip = m.start == matches[written - 1].start ? same_start : 0;
            *cursor = onoma_scan_cursor{m.start, m.unit_start, skip,
                                        m.after_word ? ONOMA_CURSOR_AFTER_WORD : 0u, 0u};
            return false;
          }
          const bool continues_run =
              written > 0 ? m.start == matches[written - 1].start : m.start == cursor->offset;
          same_start = continues_run ? same_start + 1 : 1;
          matches[written++] = to_c(m);
          return true;
        });
    *count = written;
    if (status == ONOMA_OK) {
      cursor->offset = length;
      cursor->skip = 0;
      cursor->flags = ONOMA_CURSOR_DONE;
      return ONOMA_OK;
    }
    return status == ONOMA_STOPPED ? ONOMA_OK : status;
  });
}

}  // extern "C"
