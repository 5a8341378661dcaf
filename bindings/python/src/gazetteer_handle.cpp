#include "gazetteer_handle.h"

#include <cstring>
#include <memory>
#include <new>
#include <string>

#include "entity.h"
#include "errors.h"
#include "match_pager.h"
#include "scan.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

struct BuilderFree {
  void operator()(onoma_builder* b) const { onoma_builder_free(b); }
};

nb::object optional_string(const char* data, size_t size) {
  return data == nullptr ? nb::none() : library_string(data, size);
}

// Pickle support until the library can serialize a compiled gazetteer: the state is
// everything the C API reports about each entity, and restoring adds it all back through the
// builder in the same order, which yields the same entities, aliases and numbering.
// Version 2 added the index after the folding; version 1 states (byte index) still restore.
constexpr int kStateVersion = 2;

nb::tuple state(const GazetteerHandle& self) {
  const onoma_gazetteer* g = self.gazetteer;
  const size_t count = onoma_gazetteer_entity_count(g);
  nb::list entities;
  for (uint32_t e = 0; e < count; ++e) {
    size_t id_size = 0, label_size = 0, name_size = 0, meta_size = 0;
    const char* id = onoma_entity_id(g, e, &id_size);
    const char* label = onoma_entity_label(g, e, &label_size);
    const char* name = onoma_entity_name(g, e, &name_size);
    const char* meta = onoma_entity_meta(g, e, &meta_size);
    const uint32_t first = onoma_entity_first_alias(g, e);
    const uint32_t alias_count = onoma_entity_alias_count(g, e);
    nb::list aliases;
    for (uint32_t a = first + 1; a < first + alias_count; ++a) {
      size_t size = 0;
      const char* text = onoma_alias_text(g, a, &size);
      aliases.append(nb::make_tuple(library_string(text, size), onoma_alias_flags(g, a)));
    }
    entities.append(nb::make_tuple(library_string(id, id_size), library_string(label, label_size),
                                   library_string(name, name_size),
                                   optional_string(meta, meta_size), nb::tuple(aliases)));
  }
  return nb::make_tuple(kStateVersion, onoma_gazetteer_fold(g), onoma_gazetteer_index(g),
                        nb::tuple(entities));
}

nb::object restore(nb::tuple st) {
  const bool version_1 = st.size() == 3 && nb::cast<int>(st[0]) == 1;
  if (!version_1 && (st.size() != 4 || nb::cast<int>(st[0]) != kStateVersion)) {
    throw nb::value_error("unsupported onoma gazetteer pickle (made by another version?)");
  }
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.fold = nb::cast<uint32_t>(st[1]);
  if (!version_1) options.index = nb::cast<uint32_t>(st[2]);
  onoma_builder* raw = nullptr;
  check(onoma_builder_new(&options, &raw));
  std::unique_ptr<onoma_builder, BuilderFree> builder(raw);
  for (nb::handle entity : nb::cast<nb::tuple>(st[version_1 ? 2 : 3])) {
    nb::tuple fields = nb::cast<nb::tuple>(entity);
    const std::string id = builder_text(fields[0], "id");
    const std::string label = builder_text(fields[1], "label");
    const std::string name = builder_text(fields[2], "name");
    const std::string meta = fields[3].is_none() ? std::string() : builder_text(fields[3], "meta");
    onoma_error* error = nullptr;
    check(onoma_builder_add_entity(builder.get(), id.data(), id.size(), label.data(),
                                   label.size(), name.data(), name.size(),
                                   meta.empty() ? nullptr : meta.data(), meta.size(), &error),
          error);
    for (nb::handle alias : nb::cast<nb::tuple>(fields[4])) {
      nb::tuple pair = nb::cast<nb::tuple>(alias);
      const std::string text = builder_text(pair[0], "alias");
      check(onoma_builder_add_alias(builder.get(), id.data(), id.size(), text.data(),
                                    text.size(), nb::cast<uint32_t>(pair[1]), &error),
            error);
    }
  }
  onoma_gazetteer* g = nullptr;
  onoma_error* error = nullptr;
  onoma_status status;
  {
    nb::gil_scoped_release release;
    status = onoma_builder_build(builder.get(), &g, &error);
  }
  check(status, error);
  return wrap_gazetteer(g);
}

nb::object load(nb::bytes path, int format, uint32_t fold, uint32_t index) {
  const std::string file = path_argument(path);
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.fold = fold;
  options.index = index;
  onoma_gazetteer* g = nullptr;
  onoma_error* error = nullptr;
  onoma_status status;
  {
    nb::gil_scoped_release release;
    status = onoma_gazetteer_load(file.c_str(), format, &options, &g, &error);
  }
  check(status, error);
  return wrap_gazetteer(g);
}

nb::tuple labels(const GazetteerHandle& self) {
  const size_t count = onoma_gazetteer_label_count(self.gazetteer);
  nb::list result;
  for (size_t i = 0; i < count; ++i) {
    size_t size = 0;
    const char* label = onoma_gazetteer_label(self.gazetteer, i, &size);
    result.append(library_string(label, size));
  }
  return nb::tuple(result);
}

nb::object find_entity(const GazetteerHandle& self, nb::handle id) {
  if (!PyUnicode_Check(id.ptr())) return nb::none();
  Py_ssize_t size = 0;
  const char* utf8 = PyUnicode_AsUTF8AndSize(id.ptr(), &size);
  if (utf8 == nullptr) {  // lone surrogates: no entity can have this id
    PyErr_Clear();
    return nb::none();
  }
  uint32_t entity = 0;
  const onoma_status status =
      onoma_gazetteer_find_entity(self.gazetteer, utf8, static_cast<size_t>(size), &entity);
  if (status == ONOMA_ERROR_NOT_FOUND) return nb::none();
  check(status);
  return nb::int_(entity);
}

}  // namespace

nb::object wrap_gazetteer(onoma_gazetteer* gazetteer) {
  std::unique_ptr<onoma_gazetteer, void (*)(onoma_gazetteer*)> owned(gazetteer,
                                                                     onoma_gazetteer_free);
  nb::object o = nb::inst_alloc(nb::type<GazetteerHandle>());
  new (nb::inst_ptr<GazetteerHandle>(o)) GazetteerHandle(owned.release());
  nb::inst_mark_ready(o);
  return o;
}

nb::object library_string(const char* data, size_t size) {
  if (data == nullptr) throw nb::index_error("no such entity or alias");
  PyObject* s = PyUnicode_DecodeUTF8(data, static_cast<Py_ssize_t>(size), "replace");
  if (s == nullptr) throw nb::python_error();
  return nb::steal(s);
}

std::string builder_text(nb::handle text, const char* what) {
  if (!PyUnicode_Check(text.ptr())) {
    PyErr_Format(PyExc_TypeError, "%s must be str, not %.100s", what, Py_TYPE(text.ptr())->tp_name);
    throw nb::python_error();
  }
  PyObject* encoded = PyUnicode_AsEncodedString(text.ptr(), "utf-8", "surrogatepass");
  if (encoded == nullptr) throw nb::python_error();
  std::string result(PyBytes_AS_STRING(encoded), static_cast<size_t>(PyBytes_GET_SIZE(encoded)));
  Py_DECREF(encoded);
  return result;
}

const char* path_argument(const nb::bytes& path) {
  if (std::strlen(path.c_str()) != path.size()) throw nb::value_error("embedded null byte in path");
  return path.c_str();
}

void bind_gazetteer_handle(nb::module_& m) {
  nb::class_<GazetteerHandle>(m, "GazetteerHandle",
                              "An immutable compiled gazetteer (onoma_gazetteer). Low-level: "
                              "use onoma.Gazetteer.")
      .def_static("load", &load, nb::arg("path"), nb::arg("format"), nb::arg("fold"),
                  nb::arg("index"),
                  "Loads a gazetteer file (path as bytes) with ONOMA_FORMAT_*, ONOMA_FOLD_* "
                  "bits and ONOMA_INDEX_*; the GIL is released while it loads.")
      .def_static("restore", &restore, nb::arg("state"),
                  "Rebuilds a gazetteer from the tuple state() returned.")
      .def("state", &state,
           "A tuple of plain Python values from which restore() rebuilds this gazetteer.")
      .def_prop_ro(
          "entity_count",
          [](const GazetteerHandle& self) { return onoma_gazetteer_entity_count(self.gazetteer); },
          "Number of entities.")
      .def_prop_ro(
          "alias_count",
          [](const GazetteerHandle& self) { return onoma_gazetteer_alias_count(self.gazetteer); },
          "Number of aliases, names included.")
      .def_prop_ro("labels", &labels, "The labels, in order of first appearance.")
      .def_prop_ro(
          "fold", [](const GazetteerHandle& self) { return onoma_gazetteer_fold(self.gazetteer); },
          "The ONOMA_FOLD_* bits the gazetteer was built with.")
      .def_prop_ro(
          "index", [](const GazetteerHandle& self) { return onoma_gazetteer_index(self.gazetteer); },
          "The ONOMA_INDEX_* value the gazetteer was built with.")
      .def_prop_ro(
          "memory_usage",
          [](const GazetteerHandle& self) { return onoma_gazetteer_memory_usage(self.gazetteer); },
          "Bytes of memory the gazetteer holds.")
      .def("find_entity", &find_entity, nb::arg("id"),
           "The number of the entity with this id, or None.")
      .def(
          "entity",
          [](nb::handle self, uint32_t index) {
            const onoma_gazetteer* g = nb::inst_ptr<GazetteerHandle>(self)->gazetteer;
            if (index >= onoma_gazetteer_entity_count(g)) throw nb::index_error("entity index out of range");
            return make_entity(self, g, index);
          },
          nb::arg("index"), "The entity with this number, as an onoma.Entity.")
      .def("find", &find, nb::arg("text"), nb::arg("policy"), nb::arg("boundary"),
           nb::arg("offsets"), "Matches of one str or buffer, as a list of Match.")
      .def("finditer", &finditer, nb::arg("text"), nb::arg("policy"), nb::arg("boundary"),
           nb::arg("offsets"),
           "The matches find() gives, as a MatchIterator that scans the text a page at a time "
           "(onoma_scan_page), so memory stays bounded however many matches there are.")
      .def("find_batch", &find_batch, nb::arg("texts"), nb::arg("policy"), nb::arg("boundary"),
           nb::arg("threads"),
           "Matches of many texts, scanned by several threads without the GIL, as a list of "
           "lists of Match.");
}

}  // namespace onoma_python
