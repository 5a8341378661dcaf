#include "scan.h"

#include <vector>

#include "batch_scan.h"
#include "errors.h"
#include "gazetteer_handle.h"
#include "match.h"
#include "text_input.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

// One scratch per thread that calls find(), kept for the thread's lifetime.
onoma_scratch* thread_scratch() {
  thread_local Scratch scratch;
  if (!scratch) {
    onoma_scratch* s = nullptr;
    check(onoma_scratch_new(&s));
    scratch.reset(s);
  }
  return scratch.get();
}

nb::list to_list(const MatchFactory& factory, const onoma_match* matches, size_t count,
                 PyObject* source, bool is_str) {
  PyObject* list = PyList_New(static_cast<Py_ssize_t>(count));
  if (list == nullptr) throw nb::python_error();
  nb::list result = nb::steal<nb::list>(list);
  for (size_t i = 0; i < count; ++i) {
    PyObject* match = factory.make(matches[i], source, is_str);
    if (match == nullptr) throw nb::python_error();
    PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i), match);
  }
  return result;
}

}  // namespace

onoma_scan_options scan_options(int policy, int boundary, int offsets) {
  onoma_scan_options options;
  onoma_scan_options_init(&options);
  options.policy = policy;
  options.boundary = boundary;
  options.offsets = offsets;
  return options;
}

nb::list find(nb::handle self, nb::handle text, int policy, int boundary, int offsets) {
  const onoma_gazetteer* g = nb::inst_ptr<GazetteerHandle>(self)->gazetteer;
  const TextInput input(text.ptr(), "text");
  const onoma_scan_options options =
      scan_options(policy, boundary, input.is_str() ? ONOMA_OFFSETS_CODE_POINTS : offsets);
  onoma_scratch* scratch = thread_scratch();
  std::vector<onoma_match> matches;
  onoma_status status;
  if (input.size() >= kReleaseGilFrom) {
    nb::gil_scoped_release release;
    status = scan_into_vector(g, scratch, options, input.data(), input.size(), matches);
  } else {
    status = scan_into_vector(g, scratch, options, input.data(), input.size(), matches);
  }
  check(status);
  return to_list(MatchFactory(self, g), matches.data(), matches.size(), text.ptr(),
                 input.is_str());
}

nb::list find_batch(nb::handle self, nb::handle texts, int policy, int boundary,
                    size_t threads) {
  const onoma_gazetteer* g = nb::inst_ptr<GazetteerHandle>(self)->gazetteer;
  // A tuple of our own: another thread could change a list while the GIL is released.
  PyObject* tuple = PySequence_Tuple(texts.ptr());
  if (tuple == nullptr) throw nb::python_error();
  nb::object tuple_owner = nb::steal(tuple);
  const size_t count = static_cast<size_t>(PyTuple_GET_SIZE(tuple));
  PyObject** items = PySequence_Fast_ITEMS(tuple);

  // Non-ASCII strs are encoded by the threads that scan them, not here with the GIL.
  std::vector<TextInput> inputs;
  inputs.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    inputs.emplace_back(items[i], "each text", TextInput::Encode::kWhenScanned);
  }

  const onoma_scan_options str_options =
      scan_options(policy, boundary, ONOMA_OFFSETS_CODE_POINTS);
  const onoma_scan_options buffer_options = scan_options(policy, boundary, ONOMA_OFFSETS_BYTES);
  // Validates the options once, with the GIL, so that workers only fail on memory.
  std::vector<onoma_match> none;
  check(scan_into_vector(g, thread_scratch(), str_options, "", 0, none));

  PyObject* list = PyList_New(static_cast<Py_ssize_t>(count));
  if (list == nullptr) throw nb::python_error();
  nb::list result = nb::steal<nb::list>(list);

  BatchScan batch(g, inputs, str_options, buffer_options);
  const MatchFactory factory(self, g);
  // Fills the result list with the texts of every scanned chunk from `converted` on, in order.
  size_t converted = 0;
  auto convert_ready = [&] {
    for (; converted < batch.chunks() && batch.ready(converted); ++converted) {
      BatchScan::Chunk& chunk = batch.chunk(converted);
      for (size_t i = chunk.first_text; i < chunk.end_text; ++i) {
        const BatchScan::Span& span = chunk.spans[i - chunk.first_text];
        PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i),
                        to_list(factory, chunk.matches.data() + span.begin, span.count, items[i],
                                inputs[i].is_str())
                            .release()
                            .ptr());
      }
      chunk.release();
    }
  };

  // The calling thread scans chunks too, and between two of its chunks it turns those done
  // (by any thread) into Python objects, which needs the GIL. So the Python work overlaps
  // the other threads' scans instead of following them all.
  {
    WorkerPool pool(batch, threads);
    onoma_scratch* own_scratch = thread_scratch();
    for (;;) {
      bool scanned;
      {
        nb::gil_scoped_release release;
        scanned = batch.scan_next_chunk(own_scratch);
      }
      check(batch.failure());
      convert_ready();
      if (!scanned) break;
    }
    {
      nb::gil_scoped_release release;
      pool.join();
    }
  }
  check(batch.failure());
  convert_ready();
  return result;
}

}  // namespace onoma_python
