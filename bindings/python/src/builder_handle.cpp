// onoma._onoma.BuilderHandle: onoma_builder_*, for building a gazetteer from several files or
// from Python data. Low-level: onoma.GazetteerBuilder is the public face.
#include <nanobind/nanobind.h>
#include <nanobind/stl/optional.h>
#include <nanobind/stl/string.h>

#include <mutex>
#include <optional>
#include <string>

#include "errors.h"
#include "gazetteer_handle.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

struct BuilderHandle {
  BuilderHandle(uint32_t fold, uint32_t index) {
    onoma_gazetteer_options options;
    onoma_gazetteer_options_init(&options);
    options.fold = fold;
    options.index = index;
    check(onoma_builder_new(&options, &builder));
  }
  BuilderHandle(const BuilderHandle&) = delete;
  BuilderHandle& operator=(const BuilderHandle&) = delete;
  ~BuilderHandle() { onoma_builder_free(builder); }

  // Runs one builder call without the GIL. The builder is not thread-safe, so calls from
  // several Python threads are serialized — after the GIL is released, never while holding it.
  template <typename Call>
  onoma_status run(Call&& call) {
    nb::gil_scoped_release release;
    std::lock_guard<std::mutex> lock(mutex);
    return call();
  }

  onoma_builder* builder = nullptr;
  std::mutex mutex;
};

void add_entity(BuilderHandle& self, nb::handle id, nb::handle label, nb::handle name,
                nb::handle meta) {
  const std::string id_text = builder_text(id, "id");
  const std::string label_text = builder_text(label, "label");
  const std::string name_text = builder_text(name, "name");
  const std::string meta_text = meta.is_none() ? std::string() : builder_text(meta, "meta");
  onoma_error* error = nullptr;
  const onoma_status status = self.run([&] {
    return onoma_builder_add_entity(self.builder, id_text.data(), id_text.size(),
                                    label_text.data(), label_text.size(), name_text.data(),
                                    name_text.size(), meta_text.empty() ? nullptr : meta_text.data(),
                                    meta_text.size(), &error);
  });
  check(status, error);
}

void add_alias(BuilderHandle& self, nb::handle id, nb::handle alias, uint32_t flags) {
  const std::string id_text = builder_text(id, "id");
  const std::string alias_text = builder_text(alias, "alias");
  onoma_error* error = nullptr;
  const onoma_status status = self.run([&] {
    return onoma_builder_add_alias(self.builder, id_text.data(), id_text.size(),
                                   alias_text.data(), alias_text.size(), flags, &error);
  });
  check(status, error);
}

void add_file(BuilderHandle& self, nb::bytes path, int format) {
  const std::string file = path_argument(path);
  onoma_error* error = nullptr;
  const onoma_status status = self.run(
      [&] { return onoma_builder_add_file(self.builder, file.c_str(), format, &error); });
  check(status, error);
}

void add_buffer(BuilderHandle& self, nb::bytes data, int format,
                std::optional<std::string> name) {
  onoma_error* error = nullptr;
  // `data` is immutable and referenced by the caller while the GIL is released.
  const onoma_status status = self.run([&] {
    return onoma_builder_add_buffer(self.builder, data.c_str(), data.size(), format,
                                    name ? name->c_str() : nullptr, &error);
  });
  check(status, error);
}

nb::object build(BuilderHandle& self) {
  onoma_gazetteer* g = nullptr;
  onoma_error* error = nullptr;
  const onoma_status status =
      self.run([&] { return onoma_builder_build(self.builder, &g, &error); });
  check(status, error);
  return wrap_gazetteer(g);
}

}  // namespace

void bind_builder_handle(nb::module_& m) {
  nb::class_<BuilderHandle>(m, "BuilderHandle",
                            "A gazetteer under construction (onoma_builder). Low-level: use "
                            "onoma.GazetteerBuilder.")
      .def(nb::init<uint32_t, uint32_t>(), nb::arg("fold"), nb::arg("index"),
           "A new empty builder with ONOMA_FOLD_* bits and an ONOMA_INDEX_* value.")
      .def("add_entity", &add_entity, nb::arg("id"), nb::arg("label"), nb::arg("name"),
           nb::arg("meta").none(), "onoma_builder_add_entity; meta is JSON text or None.")
      .def("add_alias", &add_alias, nb::arg("id"), nb::arg("alias"), nb::arg("flags"),
           "onoma_builder_add_alias with ONOMA_ALIAS_* flags.")
      .def("add_file", &add_file, nb::arg("path"), nb::arg("format"),
           "onoma_builder_add_file (path as bytes); the GIL is released.")
      .def("add_buffer", &add_buffer, nb::arg("data"), nb::arg("format"),
           nb::arg("name").none(), "onoma_builder_add_buffer; the GIL is released.")
      .def("build", &build, "onoma_builder_build: a new GazetteerHandle; the GIL is released.");
}

}  // namespace onoma_python
