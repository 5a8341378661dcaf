// The Python-side owner of an onoma_gazetteer: onoma._onoma.GazetteerHandle. Matches and
// entities keep a reference to it, so the gazetteer lives as long as anything points into it.
#pragma once

#include <nanobind/nanobind.h>
#include <onoma/onoma.h>

#include <string>

namespace onoma_python {

struct GazetteerHandle {
  explicit GazetteerHandle(onoma_gazetteer* g) : gazetteer(g) {}
  GazetteerHandle(const GazetteerHandle&) = delete;
  GazetteerHandle& operator=(const GazetteerHandle&) = delete;
  ~GazetteerHandle() { onoma_gazetteer_free(gazetteer); }

  onoma_gazetteer* gazetteer;
};

// Wraps a new gazetteer (taking ownership; freed if wrapping fails) in a GazetteerHandle.
nanobind::object wrap_gazetteer(onoma_gazetteer* gazetteer);

// A Python str from a NUL-terminated or sized UTF-8 string the library returned.
nanobind::object library_string(const char* data, size_t size);

// The UTF-8 bytes of a str for the library's builder: lone surrogates pass through as
// invalid UTF-8, so the library rejects them with its usual message.
std::string builder_text(nanobind::handle text, const char* what);

// Raises ValueError when a path given as bytes holds a NUL.
const char* path_argument(const nanobind::bytes& path);

void bind_gazetteer_handle(nanobind::module_& m);
void bind_builder_handle(nanobind::module_& m);

}  // namespace onoma_python
