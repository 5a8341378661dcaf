// onoma._onoma.MatchIterator: the matches of one text, made a page at a time with
// onoma_scan_page, so that memory stays bounded however many matches the text holds.
//
// The iterator holds the GazetteerHandle, the text (a str, whose UTF-8 form it scans, or the
// buffer of a bytes-like object, held through the buffer protocol and scanned in place), a
// scratch of its own, a cursor and a page of matches. It yields Match objects equal to those
// find() returns for the same text and options, and lets go of the text, its buffer and the
// scratch as soon as the last match is taken. Like Match, a plain CPython type: next() is
// called once per match.
#pragma once

#include <nanobind/nanobind.h>

namespace onoma_python {

// A new MatchIterator over the matches of `text` (str or buffer). `offsets` applies to
// buffers only, as for find(). Raises at once for a text of another type or bad options; the
// text is scanned only as the iterator is advanced.
nanobind::object finditer(nanobind::handle self, nanobind::handle text, int policy,
                          int boundary, int offsets);

// Creates the MatchIterator type and adds it to the module.
void bind_match_pager(nanobind::module_& m);

}  // namespace onoma_python
