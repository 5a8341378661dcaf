// Standard output with a large buffer of its own. JSON Lines output is many short writes, and
// stdio would buffer a pipe in 4 KiB pieces; writing with write(2) also tells exactly which
// error ended the output (EPIPE: the reader went away, as in `onoma extract ... | head`).
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace onoma::cli {

class OutputBuffer {
 public:
  explicit OutputBuffer(int fd, size_t capacity = size_t{1} << 18);
  OutputBuffer(const OutputBuffer&) = delete;
  OutputBuffer& operator=(const OutputBuffer&) = delete;

  // Queues `data`, writing the buffer out when it is full. Returns false once a write has
  // failed; from then on everything is dropped.
  bool append(std::string_view data);

  // Writes out what is queued; false if this or an earlier write failed.
  bool flush();

  bool failed() const { return error_ != 0; }
  // The errno of the failed write, or 0.
  int error() const { return error_; }

 private:
  int fd_;
  size_t capacity_;
  std::string buffer_;
  int error_ = 0;
};

}  // namespace onoma::cli
