// The scans: one text, or many texts over several threads that share the gazetteer.
#pragma once

#include <nanobind/nanobind.h>
#include <onoma/onoma.h>

#include <cstddef>
#include <memory>

namespace onoma_python {

struct ScratchFree {
  void operator()(onoma_scratch* s) const { onoma_scratch_free(s); }
};
using Scratch = std::unique_ptr<onoma_scratch, ScratchFree>;

// Below this many bytes a scan takes less time than handing the GIL over and back.
constexpr size_t kReleaseGilFrom = 4096;

// Scan options with these ONOMA_POLICY_*, ONOMA_BOUNDARY_* and ONOMA_OFFSETS_* values (not
// checked here: the library checks them when it scans).
onoma_scan_options scan_options(int policy, int boundary, int offsets);

// Matches of one text (str or buffer) as a list of Match. `offsets` (ONOMA_OFFSETS_*) applies
// to buffers only: a str is always scanned in code points, so offsets are str indices. The
// GIL is released while a long text is scanned.
nanobind::list find(nanobind::handle self, nanobind::handle text, int policy, int boundary,
                    int offsets);

// Matches of every text of a list or tuple, as a list of lists of Match. The texts are
// scanned without the GIL by `threads` threads (the calling one included), each with its own
// scratch, over the one shared gazetteer; between two of its own chunks the calling thread
// takes the GIL back to turn the finished chunks into Match objects (batch_scan.h).
nanobind::list find_batch(nanobind::handle self, nanobind::handle texts, int policy,
                          int boundary, size_t threads);

}  // namespace onoma_python
