// onoma._onoma.Entity (one entity of a gazetteer, read lazily through the C API) and
// onoma._onoma.Alias (one alias with its case rule).
#pragma once

#include <nanobind/nanobind.h>
#include <onoma/onoma.h>

namespace onoma_python {

struct Entity {
  const onoma_gazetteer* gazetteer;
  nanobind::object owner;  // the GazetteerHandle
  uint32_t index;
};

struct Alias {
  nanobind::object text;
  bool case_sensitive;  // after the default rule
  uint32_t flags;       // ONOMA_ALIAS_* as given
};

nanobind::object make_entity(nanobind::handle owner, const onoma_gazetteer* gazetteer,
                             uint32_t index);

void bind_entity(nanobind::module_& m);

}  // namespace onoma_python
