#include "match_pager.h"

#include <onoma/onoma.h>

#include <memory>
#include <new>

#include "errors.h"
#include "gazetteer_handle.h"
#include "match.h"
#include "scan.h"
#include "text_input.h"

namespace nb = nanobind;

namespace onoma_python {
namespace {

// Matches per page: a page costs about as much as the text it covers, and resuming costs no
// more than the longest alias's worth of text, so pages of this size keep the overhead small
// while the page takes 12 KB however many matches the text holds.
constexpr size_t kPageSize = 256;

// What the iterator needs until its last match has been taken. Created and destroyed with
// the GIL (TextInput holds a buffer view).
struct PagerState {
  PagerState(PyObject* text, const onoma_gazetteer* g, int policy, int boundary, int offsets)
      : input(text, "text"),
        options(scan_options(policy, boundary,
                             input.is_str() ? ONOMA_OFFSETS_CODE_POINTS : offsets)) {
    onoma_scratch* s = nullptr;
    check(onoma_scratch_new(&s));
    scratch.reset(s);
    // Checks the options now rather than at the first next().
    size_t none = 0;
    check(onoma_scan_into(g, scratch.get(), &options, "", 0, nullptr, 0, &none));
    onoma_scan_cursor_init(&cursor);
  }

  TextInput input;
  onoma_scan_options options;
  Scratch scratch;
  onoma_scan_cursor cursor;
  size_t next = 0;   // the page's next match to yield
  size_t count = 0;  // matches on the page
  onoma_match page[kPageSize];
};

struct PagerObject {
  PyObject_HEAD
  const onoma_gazetteer* gazetteer;
  PyObject* owner;    // the GazetteerHandle that owns `gazetteer`
  PyObject* source;   // the text scanned (each Match refers to it); NULL once exhausted
  PagerState* state;  // NULL once exhausted
  // Set while a page is scanned without the GIL: another thread must not touch the state.
  bool busy;
};

PyTypeObject* pager_type = nullptr;

PagerObject* as_pager(PyObject* self) { return reinterpret_cast<PagerObject*>(self); }

// Lets go of the text, its buffer (a bytearray can be resized again) and the scratch.
void finish(PagerObject& p) {
  delete p.state;
  p.state = nullptr;
  Py_CLEAR(p.source);
}

// Scans the next page into the state. Returns false with a Python exception set on failure.
bool next_page(PagerObject& p) {
  PagerState& s = *p.state;
  size_t count = 0;
  onoma_status status;
  auto scan_page = [&] {
    return onoma_scan_page(p.gazetteer, s.scratch.get(), &s.options, s.input.data(),
                           s.input.size(), &s.cursor, s.page, kPageSize, &count);
  };
  // As find() does, the GIL is let go when the rest of the text is long enough to be worth it.
  if (s.input.size() - s.cursor.offset >= kReleaseGilFrom) {
    p.busy = true;
    Py_BEGIN_ALLOW_THREADS
    status = scan_page();
    Py_END_ALLOW_THREADS
    p.busy = false;
  } else {
    status = scan_page();
  }
  try {
    check(status);
  } catch (nb::python_error& e) {
    e.restore();
    return false;
  } catch (const std::bad_alloc&) {
    PyErr_NoMemory();
    return false;
  } catch (const std::exception& e) {
    PyErr_SetString(PyExc_RuntimeError, e.what());
    return false;
  }
  if (count == 0 && !(s.cursor.flags & ONOMA_CURSOR_DONE)) {
    PyErr_SetString(PyExc_RuntimeError, "onoma_scan_page returned no match before the end");
    return false;
  }
  s.next = 0;
  s.count = count;
  return true;
}

PyObject* iternext(PyObject* self) {
  PagerObject& p = *as_pager(self);
  if (p.busy) {
    PyErr_SetString(PyExc_ValueError, "MatchIterator already executing (in another thread)");
    return nullptr;
  }
  if (p.state == nullptr) return nullptr;  // exhausted: StopIteration
  PagerState& s = *p.state;
  if (s.next == s.count) {
    if (!(s.cursor.flags & ONOMA_CURSOR_DONE) && !next_page(p)) return nullptr;
    if (s.next == s.count) {  // no match left
      finish(p);
      return nullptr;
    }
  }
  return MatchFactory(p.owner, p.gazetteer).make(s.page[s.next++], p.source, s.input.is_str());
}

void dealloc(PyObject* self) {
  PagerObject* p = as_pager(self);
  PyTypeObject* type = Py_TYPE(self);
  delete p->state;
  Py_XDECREF(p->source);
  Py_XDECREF(p->owner);
  PyObject_Free(self);
  Py_DECREF(type);
}

PyObject* no_new(PyTypeObject*, PyObject*, PyObject*) {
  PyErr_SetString(PyExc_TypeError,
                  "MatchIterator objects are made by Gazetteer.finditer(), not directly");
  return nullptr;
}

PyType_Slot slots[] = {
    {Py_tp_doc, const_cast<char*>(
                    "An iterator over the matches of one text, as Gazetteer.finditer() returns "
                    "it: the text is scanned a page of matches at a time, so memory stays "
                    "bounded however many matches it holds. It keeps the text (and the buffer "
                    "of bytes-like input) until the last match has been taken.")},
    {Py_tp_new, reinterpret_cast<void*>(no_new)},
    {Py_tp_dealloc, reinterpret_cast<void*>(dealloc)},
    {Py_tp_iter, reinterpret_cast<void*>(PyObject_SelfIter)},
    {Py_tp_iternext, reinterpret_cast<void*>(iternext)},
    {0, nullptr},
};

PyType_Spec spec = {"onoma._onoma.MatchIterator", sizeof(PagerObject), 0, Py_TPFLAGS_DEFAULT,
                    slots};

}  // namespace

nb::object finditer(nb::handle self, nb::handle text, int policy, int boundary, int offsets) {
  const onoma_gazetteer* g = nb::inst_ptr<GazetteerHandle>(self)->gazetteer;
  auto state = std::make_unique<PagerState>(text.ptr(), g, policy, boundary, offsets);
  PagerObject* p = PyObject_New(PagerObject, pager_type);
  if (p == nullptr) throw nb::python_error();
  p->gazetteer = g;
  p->owner = self.inc_ref().ptr();
  p->source = text.inc_ref().ptr();
  p->state = state.release();
  p->busy = false;
  return nb::steal(reinterpret_cast<PyObject*>(p));
}

void bind_match_pager(nb::module_& m) {
  PyObject* type = PyType_FromSpec(&spec);
  if (type == nullptr) throw nb::python_error();
  pager_type = reinterpret_cast<PyTypeObject*>(type);  // kept for the process's lifetime
  m.attr("MatchIterator") = nb::borrow(type);
}

}  // namespace onoma_python
