#include "entity.h"

#include <new>
#include <string>

#include <nanobind/stl/string.h>

#include "gazetteer_handle.h"
#include "match.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

nb::object field(const Entity& e, const char* (*get)(const onoma_gazetteer*, uint32_t, size_t*)) {
  size_t size = 0;
  const char* data = get(e.gazetteer, e.index, &size);
  return library_string(data, size);
}

nb::object alias_text(const onoma_gazetteer* g, uint32_t alias) {
  size_t size = 0;
  const char* data = onoma_alias_text(g, alias, &size);
  return library_string(data, size);
}

// The alias's case_sensitive flag as written: True, False, or None (the default rule).
nb::object case_flag(uint32_t flags) {
  if (flags & ONOMA_ALIAS_CASE_SENSITIVE) return nb::bool_(true);
  if (flags & ONOMA_ALIAS_CASE_INSENSITIVE) return nb::bool_(false);
  return nb::none();
}

// Every alias but the first, which is the name.
nb::tuple aliases(const Entity& e) {
  const uint32_t first = onoma_entity_first_alias(e.gazetteer, e.index);
  const uint32_t count = onoma_entity_alias_count(e.gazetteer, e.index);
  PyObject* t = PyTuple_New(count == 0 ? 0 : count - 1);
  if (t == nullptr) throw nb::python_error();
  nb::tuple result = nb::steal<nb::tuple>(t);
  for (uint32_t i = 1; i < count; ++i) {
    PyTuple_SET_ITEM(t, i - 1, alias_text(e.gazetteer, first + i).release().ptr());
  }
  return result;
}

nb::tuple alias_details(const Entity& e) {
  const uint32_t first = onoma_entity_first_alias(e.gazetteer, e.index);
  const uint32_t count = onoma_entity_alias_count(e.gazetteer, e.index);
  nb::list result;
  for (uint32_t i = 0; i < count; ++i) {
    const uint32_t a = first + i;
    result.append(Alias{alias_text(e.gazetteer, a), onoma_alias_is_case_sensitive(e.gazetteer, a) != 0,
                        onoma_alias_flags(e.gazetteer, a)});
  }
  return nb::tuple(result);
}

nb::dict to_dict(const Entity& e) {
  nb::dict d;
  d["id"] = field(e, onoma_entity_id);
  d["label"] = field(e, onoma_entity_label);
  d["name"] = field(e, onoma_entity_name);
  const uint32_t first = onoma_entity_first_alias(e.gazetteer, e.index);
  const uint32_t count = onoma_entity_alias_count(e.gazetteer, e.index);
  nb::list list;
  for (uint32_t i = 1; i < count; ++i) {
    const uint32_t flags = onoma_alias_flags(e.gazetteer, first + i);
    nb::object text = alias_text(e.gazetteer, first + i);
    if (flags & (ONOMA_ALIAS_CASE_SENSITIVE | ONOMA_ALIAS_CASE_INSENSITIVE)) {
      nb::dict alias;
      alias["text"] = text;
      alias["case_sensitive"] = case_flag(flags);
      list.append(alias);
    } else {
      list.append(text);
    }
  }
  d["aliases"] = list;
  if (onoma_entity_meta(e.gazetteer, e.index, nullptr) != nullptr) {
    d["meta"] = parse_meta(e.gazetteer, e.index);
  }
  return d;
}

}  // namespace

nb::object make_entity(nb::handle owner, const onoma_gazetteer* gazetteer, uint32_t index) {
  return nb::cast(Entity{gazetteer, nb::borrow(owner), index});
}

void bind_entity(nb::module_& m) {
  nb::class_<Alias>(m, "Alias", "One alias of an entity, with its case rule. Read-only.")
      .def_ro("text", &Alias::text, "The alias as written in the gazetteer.")
      .def_ro("case_sensitive", &Alias::case_sensitive,
              "Whether the alias matches only with its own case, after the default rule (an "
              "alias such as 'US' or 'U.S.' is case-sensitive unless it says otherwise).")
      .def_prop_ro(
          "case_sensitive_flag", [](const Alias& a) { return case_flag(a.flags); },
          "The alias's case_sensitive field as given: True, False, or None when not given.")
      .def("__repr__",
           [](const Alias& a) {
             return "Alias(" + nb::cast<std::string>(nb::repr(a.text)) +
                    (a.case_sensitive ? ", case_sensitive=True)" : ", case_sensitive=False)");
           })
      .def("__eq__",
           [](const Alias& a, nb::handle other) -> nb::object {
             if (!nb::isinstance<Alias>(other)) return nb::borrow(Py_NotImplemented);
             const Alias& b = nb::cast<const Alias&>(other);
             return nb::bool_(a.text.equal(b.text) && a.case_sensitive == b.case_sensitive &&
                              a.flags == b.flags);
           })
      .def("__hash__", [](const Alias& a) {
        return nb::hash(nb::make_tuple(a.text, a.case_sensitive, a.flags));
      });

  nb::class_<Entity>(m, "Entity",
                     "One entity of a gazetteer: id, label, canonical name, aliases and "
                     "metadata. Read-only; it keeps its gazetteer alive.")
      .def_ro("index", &Entity::index, "The entity's number in its gazetteer (0-based).")
      .def_prop_ro(
          "id", [](const Entity& e) { return field(e, onoma_entity_id); }, "The entity's id.")
      .def_prop_ro(
          "label", [](const Entity& e) { return field(e, onoma_entity_label); },
          "The entity's label, e.g. 'GPE'.")
      .def_prop_ro(
          "name", [](const Entity& e) { return field(e, onoma_entity_name); },
          "The canonical name (also matched).")
      .def_prop_ro("aliases", &aliases,
                   "The aliases besides the name, in gazetteer order, as a tuple of str "
                   "(duplicates that fold alike are kept once).")
      .def_prop_ro("alias_details", &alias_details,
                   "Every alias including the name (first), as onoma.Alias objects with their "
                   "case rule.")
      .def_prop_ro(
          "meta", [](const Entity& e) { return parse_meta(e.gazetteer, e.index); },
          "The metadata as a new dict (parsed from its JSON; empty when there is none).")
      .def("to_dict", &to_dict,
           "The entity in the JSON Lines form (id, label, name, aliases, meta): "
           "Gazetteer.from_entities(e.to_dict() for e in g) rebuilds the gazetteer.")
      .def("__repr__",
           [](const Entity& e) {
             return "Entity(id=" + nb::cast<std::string>(nb::repr(field(e, onoma_entity_id))) +
                    ", label=" + nb::cast<std::string>(nb::repr(field(e, onoma_entity_label))) +
                    ", name=" + nb::cast<std::string>(nb::repr(field(e, onoma_entity_name))) + ")";
           })
      .def(
          "__eq__",
          [](const Entity& a, nb::handle other) -> nb::object {
            if (!nb::isinstance<Entity>(other)) return nb::borrow(Py_NotImplemented);
            const Entity& b = nb::cast<const Entity&>(other);
            return nb::bool_(a.gazetteer == b.gazetteer && a.index == b.index);
          },
          "Entities are equal when they are the same entity of the same gazetteer.")
      .def("__hash__", [](const Entity& e) {
        return nb::hash(nb::make_tuple(reinterpret_cast<uintptr_t>(e.gazetteer), e.index));
      });
}

}  // namespace onoma_python
