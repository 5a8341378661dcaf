// Turns onoma_status and onoma_error into Python exceptions: OnomaError (a ValueError) with
// .status, .reason, .file and .line; OnomaIOError (also an OSError) for files that cannot be
// read; MemoryError for ONOMA_ERROR_NO_MEMORY. The exception classes are defined in Python
// (onoma/_errors.py) so that they pickle and read like any other Python exception.
#pragma once

#include <onoma/onoma.h>

namespace onoma_python {

// Raises the Python exception for a failed call (status < 0) and frees `error` (may be NULL).
[[noreturn]] void raise_error(onoma_status status, onoma_error* error);

// Does nothing for ONOMA_OK and positive statuses; raises otherwise.
inline void check(onoma_status status, onoma_error* error = nullptr) {
  if (status < 0) raise_error(status, error);
}

}  // namespace onoma_python
