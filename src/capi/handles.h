// What the opaque C handles hold, and the exception barrier every extern "C" body goes
// through: no C++ exception crosses the ABI; each becomes a status (and an onoma_error).
#pragma once

#include <memory>
#include <new>
#include <stdexcept>

#include "gazetteer/gazetteer.h"
#include "gazetteer/gazetteer_builder.h"
#include "gazetteer/input_error.h"
#include "onoma/onoma.h"
#include "scan/scanner.h"

struct onoma_builder {
  onoma::gazetteer::GazetteerBuilder builder;
};

struct onoma_gazetteer {
  std::unique_ptr<const onoma::gazetteer::Gazetteer> gazetteer;
};

struct onoma_scratch {
  onoma::scan::Scratch scratch;
};

namespace onoma::capi {

// Thrown inside the barrier for a bad argument; becomes ONOMA_ERROR_INVALID_ARGUMENT.
struct InvalidArgument : std::invalid_argument {
  using std::invalid_argument::invalid_argument;
};

// Sets *error (when error is not NULL) to a new onoma_error.
void report(onoma_error** error, onoma_status status, const char* reason, const char* file,
            uint64_t line);

template <typename Body>
onoma_status guarded(onoma_error** error, Body&& body) noexcept {
  try {
    return body();
  } catch (const gazetteer::InputError& e) {
    const onoma_status status = e.kind() == gazetteer::InputError::Kind::kIo
                                    ? ONOMA_ERROR_IO
                                    : ONOMA_ERROR_INVALID_INPUT;
    report(error, status, e.reason().c_str(), e.file().c_str(), e.line());
    return status;
  } catch (const InvalidArgument& e) {
    report(error, ONOMA_ERROR_INVALID_ARGUMENT, e.what(), "", 0);
    return ONOMA_ERROR_INVALID_ARGUMENT;
  } catch (const std::bad_alloc&) {
    report(error, ONOMA_ERROR_NO_MEMORY, "out of memory", "", 0);
    return ONOMA_ERROR_NO_MEMORY;
  } catch (const std::exception& e) {
    report(error, ONOMA_ERROR_INTERNAL, e.what(), "", 0);
    return ONOMA_ERROR_INTERNAL;
  } catch (...) {
    report(error, ONOMA_ERROR_INTERNAL, "unknown internal error", "", 0);
    return ONOMA_ERROR_INTERNAL;
  }
}

inline void require(bool condition, const char* what) {
  if (!condition) throw InvalidArgument(what);
}

}  // namespace onoma::capi
