#include "batch_scan.h"

#include <algorithm>
#include <string_view>

#include "scan.h"

namespace onoma_python {
namespace {

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

}  // namespace

onoma_status scan_into_vector(const onoma_gazetteer* g, onoma_scratch* scratch,
                              const onoma_scan_options& options, const char* data, size_t size,
                              std::vector<onoma_match>& out) noexcept {
  Collector collector{&out, false};
  const onoma_status status = onoma_scan(g, scratch, &options, data, size, collect, &collector);
  return collector.out_of_memory ? ONOMA_ERROR_NO_MEMORY : status;
}

void BatchScan::Chunk::release() {
  std::vector<onoma_match>().swap(matches);
  std::vector<Span>().swap(spans);
}

BatchScan::BatchScan(const onoma_gazetteer* g, const std::vector<TextInput>& inputs,
                     const onoma_scan_options& str_options,
                     const onoma_scan_options& buffer_options)
    : gazetteer_(g),
      inputs_(inputs),
      str_options_(str_options),
      buffer_options_(buffer_options),
      chunks_((inputs.size() + kChunkTexts - 1) / kChunkTexts) {
  for (size_t c = 0; c < chunks_.size(); ++c) {
    chunks_[c].first_text = c * kChunkTexts;
    chunks_[c].end_text = std::min(inputs.size(), (c + 1) * kChunkTexts);
  }
}

bool BatchScan::scan_next_chunk(onoma_scratch* scratch) noexcept {
  if (stopped_.load(std::memory_order_relaxed)) return false;
  const size_t c = next_chunk_.fetch_add(1);
  if (c >= chunks_.size()) return false;
  Chunk& chunk = chunks_[c];
  try {
    chunk.spans.reserve(chunk.end_text - chunk.first_text);
  } catch (...) {
    fail(ONOMA_ERROR_NO_MEMORY);
    return false;
  }
  std::vector<char> utf8;  // a non-ASCII str's UTF-8 form, one text at a time
  for (size_t i = chunk.first_text; i < chunk.end_text; ++i) {
    const TextInput& text = inputs_[i];
    std::string_view bytes;
    try {
      bytes = text.utf8(utf8);
    } catch (...) {
      fail(ONOMA_ERROR_NO_MEMORY);
      return false;
    }
    const size_t begin = chunk.matches.size();
    const onoma_status status =
        scan_into_vector(gazetteer_, scratch, text.is_str() ? str_options_ : buffer_options_,
                         bytes.data(), bytes.size(), chunk.matches);
    if (status < 0) {
      fail(status);
      return false;
    }
    chunk.spans.push_back(Span{begin, chunk.matches.size() - begin});  // reserved: no throw
  }
  chunk.done.store(true, std::memory_order_release);
  return true;
}

void BatchScan::fail(onoma_status status) noexcept {
  int expected = ONOMA_OK;
  failure_.compare_exchange_strong(expected, status);
  stop();
}

WorkerPool::WorkerPool(BatchScan& batch, size_t threads) : batch_(batch) {
  const size_t workers = std::min(threads, batch.chunks());
  for (size_t w = 1; w < workers; ++w) {
    try {
      threads_.emplace_back([&batch] {
        onoma_scratch* s = nullptr;
        const onoma_status status = onoma_scratch_new(&s);
        if (status < 0) {
          batch.fail(status);
          return;
        }
        const Scratch scratch(s);
        while (batch.scan_next_chunk(scratch.get())) {
        }
      });
    } catch (...) {
      break;  // no more threads to be had: the others share the work
    }
  }
}

WorkerPool::~WorkerPool() {
  batch_.stop();
  join();
}

void WorkerPool::join() {
  for (std::thread& t : threads_) {
    if (t.joinable()) t.join();
  }
}

}  // namespace onoma_python
