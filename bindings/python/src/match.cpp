#include "match.h"

#include <nanobind/stl/string.h>
#include <structmember.h>

#include <algorithm>
#include <cstddef>
#include <new>
#include <string>

#include "entity.h"
#include "gazetteer_handle.h"
#include "text_input.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

struct MatchObject {
  PyObject_HEAD
  uint64_t start;  // str indices for str input, else bytes (or the unit the scan asked for)
  uint64_t end;
  uint64_t byte_start;
  uint64_t byte_end;
  uint32_t entity;
  uint32_t alias;
  uint32_t flags;
  int source_is_str;
  const onoma_gazetteer* gazetteer;
  PyObject* owner;   // the GazetteerHandle that owns `gazetteer`
  PyObject* source;  // the str or buffer scanned
  PyObject* meta;    // NULL until first read
};

PyTypeObject* match_type = nullptr;

MatchObject* as_match(PyObject* self) { return reinterpret_cast<MatchObject*>(self); }

// Runs a getter or method body, turning C++ exceptions into a Python exception and NULL.
template <typename Body>
PyObject* guarded(Body&& body) noexcept {
  try {
    return body().release().ptr();
  } catch (nb::python_error& e) {
    e.restore();
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
  }
  return nullptr;
}

nb::object surface(const MatchObject& m) {
  if (m.source_is_str) {
    PyObject* s = PyUnicode_Substring(m.source, static_cast<Py_ssize_t>(m.start),
                                      static_cast<Py_ssize_t>(m.end));
    if (s == nullptr) throw nb::python_error();
    return nb::steal(s);
  }
  // A mutable buffer may have changed since the scan (as with re on a bytearray): read what
  // is there now, within bounds.
  Py_buffer view;
  if (PyObject_GetBuffer(m.source, &view, PyBUF_SIMPLE) != 0) throw nb::python_error();
  const auto size = static_cast<uint64_t>(view.len);
  const uint64_t begin = std::min(m.byte_start, size);
  const uint64_t end = std::min(std::max(m.byte_end, begin), size);
  PyObject* s = decode_utf8_bytewise(static_cast<const char*>(view.buf) + begin, end - begin);
  PyBuffer_Release(&view);
  if (s == nullptr) throw nb::python_error();
  return nb::steal(s);
}

using EntityField = const char* (*)(const onoma_gazetteer*, uint32_t, size_t*);

nb::object entity_field(const MatchObject& m, EntityField field) {
  size_t size = 0;
  const char* data = field(m.gazetteer, m.entity, &size);
  return library_string(data, size);
}

nb::object alias_text(const MatchObject& m) {
  size_t size = 0;
  const char* data = onoma_alias_text(m.gazetteer, m.alias, &size);
  return library_string(data, size);
}

bool ambiguous(const MatchObject& m) { return (m.flags & ONOMA_MATCH_AMBIGUOUS) != 0; }

PyObject* get_text(PyObject* self, void*) {
  return guarded([&] { return surface(*as_match(self)); });
}
PyObject* get_id(PyObject* self, void*) {
  return guarded([&] { return entity_field(*as_match(self), onoma_entity_id); });
}
PyObject* get_label(PyObject* self, void*) {
  return guarded([&] { return entity_field(*as_match(self), onoma_entity_label); });
}
PyObject* get_name(PyObject* self, void*) {
  return guarded([&] { return entity_field(*as_match(self), onoma_entity_name); });
}
PyObject* get_alias(PyObject* self, void*) {
  return guarded([&] { return alias_text(*as_match(self)); });
}
PyObject* get_meta(PyObject* self, void*) {
  return guarded([&] {
    MatchObject& m = *as_match(self);
    if (m.meta == nullptr) m.meta = parse_meta(m.gazetteer, m.entity).release().ptr();
    return nb::borrow(m.meta);
  });
}
PyObject* get_ambiguous(PyObject* self, void*) { return PyBool_FromLong(ambiguous(*as_match(self))); }
PyObject* get_entity(PyObject* self, void*) {
  return guarded([&] {
    const MatchObject& m = *as_match(self);
    return make_entity(m.owner, m.gazetteer, m.entity);
  });
}
PyObject* get_span(PyObject* self, void*) {
  return guarded([&] { return nb::object(nb::make_tuple(as_match(self)->start, as_match(self)->end)); });
}

PyObject* to_dict(PyObject* self, PyObject*) {
  return guarded([&] {
    const MatchObject& m = *as_match(self);
    nb::dict d;
    d["start"] = m.start;
    d["end"] = m.end;
    d["byte_start"] = m.byte_start;
    d["byte_end"] = m.byte_end;
    d["text"] = surface(m);
    d["id"] = entity_field(m, onoma_entity_id);
    d["label"] = entity_field(m, onoma_entity_label);
    d["name"] = entity_field(m, onoma_entity_name);
    d["alias"] = alias_text(m);
    d["ambiguous"] = ambiguous(m);
    return nb::object(d);
  });
}

std::string quoted(const nb::object& s) { return nb::cast<std::string>(nb::repr(s)); }

PyObject* repr(PyObject* self) {
  return guarded([&] {
    const MatchObject& m = *as_match(self);
    std::string r = "Match(start=" + std::to_string(m.start) + ", end=" + std::to_string(m.end) +
                    ", text=" + quoted(surface(m)) +
                    ", id=" + quoted(entity_field(m, onoma_entity_id)) +
                    ", label=" + quoted(entity_field(m, onoma_entity_label));
    if (ambiguous(m)) r += ", ambiguous=True";
    r += ")";
    return nb::object(nb::str(r.data(), r.size()));
  });
}

PyObject* richcompare(PyObject* self, PyObject* other, int op) {
  if (Py_TYPE(other) != match_type || (op != Py_EQ && op != Py_NE)) Py_RETURN_NOTIMPLEMENTED;
  const MatchObject& a = *as_match(self);
  const MatchObject& b = *as_match(other);
  const bool equal = a.gazetteer == b.gazetteer && a.start == b.start && a.end == b.end &&
                     a.byte_start == b.byte_start && a.byte_end == b.byte_end &&
                     a.entity == b.entity && a.alias == b.alias && a.flags == b.flags;
  return PyBool_FromLong(equal == (op == Py_EQ));
}

Py_hash_t hash(PyObject* self) {
  const MatchObject& m = *as_match(self);
  size_t h = std::hash<const void*>()(m.gazetteer);
  for (uint64_t v : {m.start, m.end, m.byte_start, uint64_t{m.entity}, uint64_t{m.alias}}) {
    h = h * 1000003u ^ std::hash<uint64_t>()(v);
  }
  const auto result = static_cast<Py_hash_t>(h);
  return result == -1 ? -2 : result;
}

void dealloc(PyObject* self) {
  MatchObject* m = as_match(self);
  PyTypeObject* type = Py_TYPE(self);
  Py_XDECREF(m->owner);
  Py_XDECREF(m->source);
  Py_XDECREF(m->meta);
  PyObject_Free(self);
  Py_DECREF(type);
}

PyObject* no_new(PyTypeObject*, PyObject*, PyObject*) {
  PyErr_SetString(PyExc_TypeError, "Match objects are made by the scans, not directly");
  return nullptr;
}

#define ONOMA_MEMBER(name, doc) \
  { const_cast<char*>(#name), T_ULONGLONG, offsetof(MatchObject, name), READONLY, const_cast<char*>(doc) }

PyMemberDef members[] = {
    ONOMA_MEMBER(start,
                 "Start of the match: an index into the str scanned (so text[start:end] is the "
                 "surface), or a byte offset for bytes-like input."),
    ONOMA_MEMBER(end, "End of the match (exclusive), in the same unit as start."),
    ONOMA_MEMBER(byte_start,
                 "Start of the match in bytes: into the UTF-8 form of a str, or into the buffer."),
    ONOMA_MEMBER(byte_end, "End of the match in bytes (exclusive)."),
    {nullptr, 0, 0, 0, nullptr},
};

#undef ONOMA_MEMBER

PyGetSetDef properties[] = {
    {"text", get_text, nullptr,
     "The surface: the matched part of the original text, as a str. For bytes-like input, "
     "invalid UTF-8 bytes read as U+FFFD, one per byte.",
     nullptr},
    {"id", get_id, nullptr, "The id of the entity matched.", nullptr},
    {"label", get_label, nullptr, "The label of the entity matched, e.g. 'GPE' or 'PERSON'.",
     nullptr},
    {"name", get_name, nullptr, "The canonical name of the entity matched.", nullptr},
    {"alias", get_alias, nullptr,
     "The alias that matched, as written in the gazetteer (the name is an alias too).", nullptr},
    {"meta", get_meta, nullptr,
     "The entity's metadata as a dict (parsed from its JSON on first access; empty when the "
     "entity has none). The same dict is returned on every access of this match.",
     nullptr},
    {"ambiguous", get_ambiguous, nullptr,
     "True when other entities share exactly this span; each of them gets its own match.",
     nullptr},
    {"entity", get_entity, nullptr, "The matched entity as an onoma.Entity.", nullptr},
    {"span", get_span, nullptr, "(start, end), as re.Match.span() gives.", nullptr},
    {nullptr, nullptr, nullptr, nullptr, nullptr},
};

PyMethodDef methods[] = {
    {"to_dict", to_dict, METH_NOARGS,
     "to_dict() -> dict\n\nThe match as a plain dict (every field but meta and entity), e.g. "
     "for json.dumps."},
    {nullptr, nullptr, 0, nullptr},
};

PyType_Slot slots[] = {
    {Py_tp_doc, const_cast<char*>(
                    "One mention of an entity in a text: where it is, what it says, and which "
                    "entity and alias it matched. Created by the scans; read-only. Matches are "
                    "equal when they come from the same gazetteer with the same offsets, "
                    "entity, alias and ambiguity.")},
    {Py_tp_new, reinterpret_cast<void*>(no_new)},
    {Py_tp_dealloc, reinterpret_cast<void*>(dealloc)},
    {Py_tp_repr, reinterpret_cast<void*>(repr)},
    {Py_tp_richcompare, reinterpret_cast<void*>(richcompare)},
    {Py_tp_hash, reinterpret_cast<void*>(hash)},
    {Py_tp_members, members},
    {Py_tp_getset, properties},
    {Py_tp_methods, methods},
    {0, nullptr},
};

PyType_Spec spec = {"onoma._onoma.Match", sizeof(MatchObject), 0, Py_TPFLAGS_DEFAULT, slots};

}  // namespace

nb::object parse_meta(const onoma_gazetteer* gazetteer, uint32_t entity) {
  size_t size = 0;
  const char* data = onoma_entity_meta(gazetteer, entity, &size);
  if (data == nullptr) return nb::dict();
  // Leaked on purpose: a static nb::object would be released after the interpreter is gone.
  static nb::handle loads = nb::object(nb::module_::import_("json").attr("loads")).release();
  return loads(library_string(data, size));
}

PyObject* MatchFactory::make(const onoma_match& m, PyObject* source, bool source_is_str) const {
  MatchObject* o = PyObject_New(MatchObject, match_type);
  if (o == nullptr) return nullptr;
  o->start = m.unit_start;
  o->end = m.unit_end;
  o->byte_start = m.start;
  o->byte_end = m.end;
  o->entity = m.entity;
  o->alias = m.alias;
  o->flags = m.flags;
  o->source_is_str = source_is_str;
  o->gazetteer = gazetteer_;
  Py_INCREF(owner_);
  o->owner = owner_;
  Py_INCREF(source);
  o->source = source;
  o->meta = nullptr;
  return reinterpret_cast<PyObject*>(o);
}

void bind_match(nb::module_& m) {
  PyObject* type = PyType_FromSpec(&spec);
  if (type == nullptr) throw nb::python_error();
  match_type = reinterpret_cast<PyTypeObject*>(type);  // kept for the process's lifetime
  m.attr("Match") = nb::borrow(type);
}

}  // namespace onoma_python
