// Versions, status strings and onoma_error.
#include <cstdlib>
#include <cstring>
#include <string>

#include "capi/handles.h"
#include "unicode/code_point_fold.h"

namespace onoma::capi {
namespace {

char* copy_string(const char* s) {
  const size_t length = std::strlen(s);
  char* copy = static_cast<char*>(std::malloc(length + 1));
  if (copy != nullptr) std::memcpy(copy, s, length + 1);
  return copy;
}

}  // namespace

// Plain malloc'd C memory, so that onoma_error_free needs no C++ and cannot throw.
void report(onoma_error** error, onoma_status status, const char* reason, const char* file,
            uint64_t line) {
  if (error == nullptr) return;
  *error = nullptr;
  auto* e = static_cast<onoma_error*>(std::calloc(1, sizeof(onoma_error)));
  if (e == nullptr) return;
  e->status = status;
  e->line = line;
  std::string message;
  try {
    // "file:line: reason", "file: reason", "line N: reason" or the reason alone, as
    // InputError describes itself: a bare "N:" would not say what the number is.
    if (file[0] != '\0') {
      message = std::string(file) + (line != 0 ? ":" + std::to_string(line) : "") + ": ";
    } else if (line != 0) {
      message = "line " + std::to_string(line) + ": ";
    }
    message += reason;
  } catch (...) {
    message.clear();
  }
  e->message = copy_string(message.empty() ? reason : message.c_str());
  e->reason = copy_string(reason);
  e->file = copy_string(file);
  if (e->message == nullptr || e->reason == nullptr || e->file == nullptr) {
    onoma_error_free(e);
    return;
  }
  *error = e;
}

}  // namespace onoma::capi

extern "C" {

unsigned onoma_version_number(void) { return ONOMA_VERSION_NUMBER; }

const char* onoma_version_string(void) {
#define ONOMA_STRINGIFY_(x) #x
#define ONOMA_STRINGIFY(x) ONOMA_STRINGIFY_(x)
  return ONOMA_STRINGIFY(ONOMA_VERSION_MAJOR) "." ONOMA_STRINGIFY(
      ONOMA_VERSION_MINOR) "." ONOMA_STRINGIFY(ONOMA_VERSION_PATCH);
#undef ONOMA_STRINGIFY
#undef ONOMA_STRINGIFY_
}

const char* onoma_unicode_version(void) {
  // Computed once; ICU's answer cannot fail, but the barrier rule holds all the same.
  static const std::string version = [] {
    try {
      return onoma::unicode::unicode_version();
    } catch (...) {
      return std::string("unknown");
    }
  }();
  return version.c_str();
}

const char* onoma_status_string(onoma_status status) {
  switch (status) {
    case ONOMA_OK: return "ok";
    case ONOMA_STOPPED: return "stopped by the callback";
    case ONOMA_ERROR_INVALID_ARGUMENT: return "invalid argument";
    case ONOMA_ERROR_NO_MEMORY: return "out of memory";
    case ONOMA_ERROR_IO: return "input/output error";
    case ONOMA_ERROR_INVALID_INPUT: return "invalid gazetteer input";
    case ONOMA_ERROR_NOT_FOUND: return "not found";
    case ONOMA_ERROR_BUFFER_TOO_SMALL: return "buffer too small";
    case ONOMA_ERROR_INTERNAL: return "internal error";
  }
  return "unknown status";
}

void onoma_error_free(onoma_error* error) {
  if (error == nullptr) return;
  std::free(const_cast<char*>(error->message));
  std::free(const_cast<char*>(error->reason));
  std::free(const_cast<char*>(error->file));
  std::free(error);
}

}  // extern "C"
