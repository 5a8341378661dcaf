#include "document_reader.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <new>

namespace onoma::cli {
namespace {

constexpr size_t kReadChunk = size_t{1} << 16;

// Reads `fd` to its end. Returns 0, or the errno of the failure. A directory opens fine and
// fails here, with EISDIR.
int read_all(int fd, std::string* text) {
  struct stat status;
  // A regular file's size avoids regrowing the string; pipes and terminals report 0.
  if (::fstat(fd, &status) == 0 && S_ISREG(status.st_mode) && status.st_size > 0) {
    text->reserve(static_cast<size_t>(status.st_size) + 1);
  }
  size_t length = 0;
  for (;;) {
    // Grow into whatever capacity the string already has before asking for more.
    if (length == text->size()) text->resize(std::max(text->capacity(), length + kReadChunk));
    const ssize_t n = ::read(fd, text->data() + length, text->size() - length);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EINTR) continue;
      return errno;
    }
    length += static_cast<size_t>(n);
  }
  text->resize(length);
  return 0;
}

}  // namespace

bool read_document(const std::string& name, std::string* text, std::string* reason) {
  text->clear();
  const bool is_stdin = name == "-";
  const int fd = is_stdin ? STDIN_FILENO : ::open(name.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    *reason = std::strerror(errno);
    return false;
  }
  int error = 0;
  try {
    error = read_all(fd, text);
  } catch (const std::bad_alloc&) {
    error = ENOMEM;
  }
  if (!is_stdin) ::close(fd);
  if (error != 0) {
    text->clear();
    *reason = std::strerror(error);
    return false;
  }
  return true;
}

}  // namespace onoma::cli
