#include "scan.h"

#include <algorithm>
#include <atomic>
#include <memory>
#include <thread>
#include <vector>

#include "errors.h"
#include "gazetteer_handle.h"
#include "match.h"
#include "text_input.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

// Texts a find_batch worker takes at a time: large enough to make the shared counter cheap,
// small enough to even out texts of different lengths.
constexpr size_t kBatchChunk = 64;

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

// The match callback appends to a vector. No exception may cross the C library, so running
// out of memory stops the scan and is reported afterwards.
struct Collector {
  std::vector<onoma_match>* out;
  bool out_of_memory;
};

int collect(const onoma_match* match, void* user_data) {
  Collector& collector = *static_cast<Collector*>(user_data);
  try {
    collector.out->push_back(*match);
    return 0;
  } catch (...) {
    collector.out_of_memory = true;
    return 1;
  }
}

// Appends the matches of `text` to `out`. Never throws, so it can run on a worker thread or
// without the GIL.
onoma_status scan_into_vector(const onoma_gazetteer* g, onoma_scratch* scratch,
                              const onoma_scan_options& options, const TextInput& text,
                              std::vector<onoma_match>& out) noexcept {
  Collector collector{&out, false};
  const onoma_status status =
      onoma_scan(g, scratch, &options, text.data(), text.size(), collect, &collector);
  return collector.out_of_memory ? ONOMA_ERROR_NO_MEMORY : status;
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
    status = scan_into_vector(g, scratch, options, input, matches);
  } else {
    status = scan_into_vector(g, scratch, options, input, matches);
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

  std::vector<TextInput> inputs;
  inputs.reserve(count);
  for (size_t i = 0; i < count; ++i) inputs.emplace_back(items[i], "each text");

  const onoma_scan_options str_options =
      scan_options(policy, boundary, ONOMA_OFFSETS_CODE_POINTS);
  const onoma_scan_options buffer_options = scan_options(policy, boundary, ONOMA_OFFSETS_BYTES);
  // Validates the options once, with the GIL, so that workers only fail on memory.
  Collector none{nullptr, false};
  check(onoma_scan(g, thread_scratch(), &str_options, "", 0, collect, &none));

  const size_t chunks = (count + kBatchChunk - 1) / kBatchChunk;
  const size_t workers = std::max<size_t>(1, std::min(threads, chunks));

  struct Span {
    size_t worker;
    size_t begin;
    size_t count;
  };
  std::vector<Span> spans(count);
  std::vector<std::vector<onoma_match>> results(workers);
  std::atomic<size_t> next_chunk{0};
  std::atomic<int> failure{ONOMA_OK};

  auto work = [&](size_t worker, onoma_scratch* scratch) {
    std::vector<onoma_match>& out = results[worker];
    for (size_t chunk; (chunk = next_chunk.fetch_add(1)) < chunks;) {
      if (failure.load(std::memory_order_relaxed) != ONOMA_OK) return;
      const size_t end = std::min(count, (chunk + 1) * kBatchChunk);
      for (size_t i = chunk * kBatchChunk; i < end; ++i) {
        const size_t begin = out.size();
        const onoma_status status = scan_into_vector(
            g, scratch, inputs[i].is_str() ? str_options : buffer_options, inputs[i], out);
        if (status < 0) {
          failure.store(status);
          return;
        }
        spans[i] = Span{worker, begin, out.size() - begin};
      }
    }
  };

  onoma_scratch* own_scratch = thread_scratch();
  {
    nb::gil_scoped_release release;
    std::vector<std::thread> pool;
    for (size_t w = 1; w < workers; ++w) {
      try {
        pool.emplace_back([&, w] {
          onoma_scratch* s = nullptr;
          const onoma_status status = onoma_scratch_new(&s);
          if (status < 0) {
            failure.store(status);
            return;
          }
          Scratch scratch(s);
          work(w, scratch.get());
        });
      } catch (...) {
        break;  // no more threads to be had: the others share the work
      }
    }
    work(0, own_scratch);
    for (std::thread& t : pool) t.join();
  }
  check(static_cast<onoma_status>(failure.load()));

  const MatchFactory factory(self, g);
  PyObject* list = PyList_New(static_cast<Py_ssize_t>(count));
  if (list == nullptr) throw nb::python_error();
  nb::list result = nb::steal<nb::list>(list);
  for (size_t i = 0; i < count; ++i) {
    const Span& span = spans[i];
    PyList_SET_ITEM(list, static_cast<Py_ssize_t>(i),
                    to_list(factory, results[span.worker].data() + span.begin, span.count,
                            items[i], inputs[i].is_str())
                        .release()
                        .ptr());
  }
  return result;
}

}  // namespace onoma_python
