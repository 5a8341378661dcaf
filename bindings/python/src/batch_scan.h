// The scanning half of find_batch: texts in chunks, claimed in turn by any number of threads,
// each chunk's matches kept apart so that the calling thread can turn the finished ones into
// Python objects while other chunks are still being scanned. Nothing here touches Python, so
// all of it runs without the GIL.
#pragma once

#include <onoma/onoma.h>

#include <atomic>
#include <cstddef>
#include <thread>
#include <vector>

#include "text_input.h"

namespace onoma_python {

// Appends the matches of `size` bytes at `data` to `out`. Never throws: running out of memory
// stops the scan and returns ONOMA_ERROR_NO_MEMORY.
onoma_status scan_into_vector(const onoma_gazetteer* g, onoma_scratch* scratch,
                              const onoma_scan_options& options, const char* data, size_t size,
                              std::vector<onoma_match>& out) noexcept;

class BatchScan {
 public:
  // Texts a thread takes at a time: large enough to make the shared counter and the GIL
  // hand-over per chunk cheap, small enough to even out texts of different lengths.
  static constexpr size_t kChunkTexts = 64;

  // Where the matches of one text sit in its chunk's `matches`.
  struct Span {
    size_t begin;
    size_t count;
  };

  struct Chunk {
    size_t first_text = 0;
    size_t end_text = 0;
    std::vector<onoma_match> matches;
    std::vector<Span> spans;  // one per text, from first_text on
    std::atomic<bool> done{false};

    // Frees the matches once they have been turned into Python objects.
    void release();
  };

  // `inputs` and the options must outlive the scan. str texts are scanned with
  // `str_options`, buffers with `buffer_options`.
  BatchScan(const onoma_gazetteer* g, const std::vector<TextInput>& inputs,
            const onoma_scan_options& str_options, const onoma_scan_options& buffer_options);

  size_t chunks() const { return chunks_.size(); }
  Chunk& chunk(size_t i) { return chunks_[i]; }
  // Whether chunk `i` has been scanned in full; its matches may then be read.
  bool ready(size_t i) const { return chunks_[i].done.load(std::memory_order_acquire); }

  // Claims the next chunk and scans it. False when none was left, after a failure, or after
  // stop(). Any number of threads may call it at once, each with its own scratch.
  bool scan_next_chunk(onoma_scratch* scratch) noexcept;
  // Makes every later scan_next_chunk return false.
  void stop() noexcept { stopped_.store(true, std::memory_order_relaxed); }
  // ONOMA_OK, or the first error a scan returned.
  onoma_status failure() const noexcept { return static_cast<onoma_status>(failure_.load()); }
  // Records an error from outside a scan (a worker without a scratch), and stops.
  void fail(onoma_status status) noexcept;

 private:
  const onoma_gazetteer* gazetteer_;
  const std::vector<TextInput>& inputs_;
  const onoma_scan_options& str_options_;
  const onoma_scan_options& buffer_options_;
  std::vector<Chunk> chunks_;
  std::atomic<size_t> next_chunk_{0};
  std::atomic<int> failure_{ONOMA_OK};
  std::atomic<bool> stopped_{false};
};

// The threads besides the calling one that scan a BatchScan: `threads` - 1 of them, fewer if
// there are fewer chunks or the system gives no more threads. The destructor stops the scan
// and joins them, so that no thread outlives the data it reads when an exception leaves the
// caller.
class WorkerPool {
 public:
  WorkerPool(BatchScan& batch, size_t threads);
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;
  ~WorkerPool();

  // Waits until every worker has run out of chunks.
  void join();

 private:
  BatchScan& batch_;
  std::vector<std::thread> threads_;
};

}  // namespace onoma_python
