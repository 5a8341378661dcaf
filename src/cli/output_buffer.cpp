#include "output_buffer.h"

#include <unistd.h>

#include <cerrno>

namespace onoma::cli {

OutputBuffer::OutputBuffer(int fd, size_t capacity) : fd_(fd), capacity_(capacity) {
  buffer_.reserve(capacity_);
}

bool OutputBuffer::append(std::string_view data) {
  if (failed()) return false;
  if (buffer_.size() + data.size() > capacity_ && !flush()) return false;
  buffer_.append(data);
  return true;
}

bool OutputBuffer::flush() {
  if (failed()) return false;
  size_t written = 0;
  while (written < buffer_.size()) {
    const ssize_t n = ::write(fd_, buffer_.data() + written, buffer_.size() - written);
    if (n < 0) {
      if (errno == EINTR) continue;
      error_ = errno;
      buffer_.clear();
      return false;
    }
    written += static_cast<size_t>(n);
  }
  buffer_.clear();
  return true;
}

}  // namespace onoma::cli
