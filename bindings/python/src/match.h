// onoma._onoma.Match: one match, created in C++ for every onoma_match of a scan.
//
// A plain CPython type rather than a nanobind class: a scan of short texts makes a few Match
// objects per text, and nanobind's per-instance bookkeeping (a global pointer-to-instance
// map) cost more than everything else the binding does (bench/python_overhead.md). A Match
// stores numbers only (offsets, entity, alias, flags) plus references to the gazetteer and to
// the scanned object; its strings (text, id, label, name, alias) are made when read, and
// meta is parsed when first read.
#pragma once

#include <Python.h>
#include <nanobind/nanobind.h>
#include <onoma/onoma.h>

namespace onoma_python {

// Creates Match objects for the matches of one gazetteer (the GIL must be held).
class MatchFactory {
 public:
  // `owner` is the GazetteerHandle that owns `gazetteer`; each Match keeps it alive.
  MatchFactory(nanobind::handle owner, const onoma_gazetteer* gazetteer)
      : owner_(owner.ptr()), gazetteer_(gazetteer) {}
  // A new reference to a Match for `m` found in `source`, or NULL with an exception set.
  PyObject* make(const onoma_match& m, PyObject* source, bool source_is_str) const;

 private:
  PyObject* owner_;
  const onoma_gazetteer* gazetteer_;
};

// Creates the Match type and adds it to the module.
void bind_match(nanobind::module_& m);

// json.loads of an entity's meta, or a new empty dict when it has none.
nanobind::object parse_meta(const onoma_gazetteer* gazetteer, uint32_t entity);

}  // namespace onoma_python
