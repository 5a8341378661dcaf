#include "errors.h"

#include <nanobind/nanobind.h>

#include <memory>
#include <string>

namespace nb = nanobind;

namespace onoma_python {
namespace {

struct ErrorFree {
  void operator()(onoma_error* e) const { onoma_error_free(e); }
};

// Messages name files (bytes to the C library) and may quote a truncated alias, so their
// UTF-8 may be invalid: decode as os.fsdecode does, so that no byte is lost.
nb::object text(const char* s) {
  if (s == nullptr) s = "";
  PyObject* o = PyUnicode_DecodeUTF8(s, static_cast<Py_ssize_t>(std::char_traits<char>::length(s)),
                                     "surrogateescape");
  if (o == nullptr) throw nb::python_error();
  return nb::steal(o);
}

// File names are bytes to the C library; decode them as os.fsdecode does.
nb::object file_name(const char* s) {
  if (s == nullptr) s = "";
  PyObject* o = PyUnicode_DecodeFSDefault(s);
  if (o == nullptr) throw nb::python_error();
  return nb::steal(o);
}

const char* status_name(onoma_status status) {
  switch (status) {
    case ONOMA_ERROR_INVALID_ARGUMENT: return "invalid_argument";
    case ONOMA_ERROR_NO_MEMORY: return "no_memory";
    case ONOMA_ERROR_IO: return "io";
    case ONOMA_ERROR_INVALID_INPUT: return "invalid_input";
    case ONOMA_ERROR_NOT_FOUND: return "not_found";
    case ONOMA_ERROR_BUFFER_TOO_SMALL: return "buffer_too_small";
    case ONOMA_ERROR_INTERNAL: return "internal";
    default: return "unknown";
  }
}

}  // namespace

void raise_error(onoma_status status, onoma_error* raw_error) {
  std::unique_ptr<onoma_error, ErrorFree> error(raw_error);
  if (status == ONOMA_ERROR_NO_MEMORY) throw std::bad_alloc();
  nb::object reason = error ? text(error->reason) : text(onoma_status_string(status));
  nb::object message = error ? text(error->message) : reason;
  nb::object file = error ? file_name(error->file) : file_name("");
  const unsigned long long line = error ? error->line : 0;
  nb::object errors = nb::module_::import_("onoma._errors");
  nb::object type = errors.attr(status == ONOMA_ERROR_IO ? "OnomaIOError" : "OnomaError");
  nb::object exception = type(message, nb::arg("reason") = reason, nb::arg("file") = file,
                              nb::arg("line") = line, nb::arg("status") = status_name(status));
  PyErr_SetObject(type.ptr(), exception.ptr());
  throw nb::python_error();
}

}  // namespace onoma_python
