#include "gazetteer/line_reader.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <utility>

#include "gazetteer/input_error.h"

namespace onoma::gazetteer {

namespace {
constexpr std::string_view kByteOrderMark = "\xEF\xBB\xBF";
}  // namespace

LineReader::LineReader(std::string_view content) : rest_(content), at_end_(true) {
  skip_byte_order_mark();
}

LineReader::LineReader(int fd, std::string path, size_t block_bytes)
    : fd_(fd), path_(std::move(path)), block_bytes_(block_bytes == 0 ? 1 : block_bytes) {
  // A byte-order mark may come in more than one read.
  while (rest_.size() < kByteOrderMark.size() && read_more()) {
  }
  skip_byte_order_mark();
}

void LineReader::skip_byte_order_mark() {
  if (rest_.substr(0, kByteOrderMark.size()) == kByteOrderMark) {
    rest_.remove_prefix(kByteOrderMark.size());
  }
}

// Moves what is unconsumed to the front of the buffer and appends up to a block after it.
bool LineReader::read_more() {
  if (at_end_) return false;
  const size_t kept = rest_.size();
  if (kept > 0 && rest_.data() != buffer_.data()) {
    std::memmove(buffer_.data(), rest_.data(), kept);
  }
  buffer_.resize(kept + block_bytes_);
  while (true) {
    const ssize_t n = ::read(fd_, buffer_.data() + kept, block_bytes_);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      throw InputError(InputError::Kind::kIo, std::string("cannot read: ") + std::strerror(errno),
                       path_);
    }
    buffer_.resize(kept + static_cast<size_t>(n));
    rest_ = std::string_view(buffer_.data(), buffer_.size());
    at_end_ = n == 0;
    return !at_end_;
  }
}

// The first newline at or after `from` in rest_, reading more of a file until there is one;
// npos when the content ends first.
size_t LineReader::find_newline(size_t from) {
  size_t newline = rest_.find('\n', from);
  while (newline == std::string_view::npos) {
    const size_t searched = rest_.size();
    if (!read_more()) break;
    newline = rest_.find('\n', searched);
  }
  return newline;
}

bool LineReader::next(std::string_view* line) {
  const size_t newline = find_newline(0);
  if (rest_.empty()) return false;
  *line = rest_.substr(0, newline);
  rest_.remove_prefix(newline == std::string_view::npos ? rest_.size() : newline + 1);
  if (!line->empty() && line->back() == '\r') line->remove_suffix(1);
  ++number_;
  return true;
}

bool LineReader::peek_record(std::string_view* line) {
  size_t start = 0;  // of the line looked at, within rest_ (read_more keeps rest_ whole)
  while (start < rest_.size() || (start == rest_.size() && read_more())) {
    const size_t newline = find_newline(start);
    std::string_view candidate = rest_.substr(start, newline == std::string_view::npos
                                                         ? std::string_view::npos
                                                         : newline - start);
    if (!candidate.empty() && candidate.back() == '\r') candidate.remove_suffix(1);
    if (!is_blank(candidate)) {
      *line = candidate;
      return true;
    }
    if (newline == std::string_view::npos) break;
    start = newline + 1;
  }
  return false;
}

}  // namespace onoma::gazetteer
