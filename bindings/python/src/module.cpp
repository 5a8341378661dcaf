// onoma._onoma: the low-level extension under the onoma package. It includes only the public
// C header <onoma/onoma.h> and links libonoma; onoma/__init__.py builds the API on top.
#include <nanobind/nanobind.h>
#include <onoma/onoma.h>

#include "entity.h"
#include "gazetteer_handle.h"
#include "match.h"
#include "match_pager.h"
#include "text_input.h"

namespace nb = nanobind;
using namespace onoma_python;

NB_MODULE(_onoma, m) {
  m.doc() = "Low-level binding of the onoma C API; use the onoma package instead.";

  m.attr("HEADER_VERSION_NUMBER") = ONOMA_VERSION_NUMBER;
  m.def("version_number", &onoma_version_number,
        "The version of the libonoma actually loaded, as MAJOR * 10000 + MINOR * 100 + PATCH.");
  m.def("version_string", &onoma_version_string, "The loaded libonoma's version, 'X.Y.Z'.");
  m.def("unicode_version", &onoma_unicode_version,
        "The Unicode version of the character data that folding uses.");

  m.attr("FOLD_CANONICAL") = ONOMA_FOLD_CANONICAL;
  m.attr("FOLD_COMPATIBILITY") = ONOMA_FOLD_COMPATIBILITY;
  m.attr("FOLD_CASE") = ONOMA_FOLD_CASE;
  m.attr("FOLD_MARKS") = ONOMA_FOLD_MARKS;
  m.attr("FOLD_PUNCTUATION") = ONOMA_FOLD_PUNCTUATION;
  m.attr("FOLD_WHITE_SPACE") = ONOMA_FOLD_WHITE_SPACE;
  m.attr("FOLD_IGNORABLES") = ONOMA_FOLD_IGNORABLES;
  m.attr("FOLD_DEFAULT") = ONOMA_FOLD_DEFAULT;
  m.attr("FOLD_EXACT") = ONOMA_FOLD_EXACT;
  m.attr("INDEX_BYTES") = ONOMA_INDEX_BYTES;
  m.attr("INDEX_WORDS") = ONOMA_INDEX_WORDS;
  m.attr("FORMAT_AUTO") = ONOMA_FORMAT_AUTO;
  m.attr("FORMAT_JSONL") = ONOMA_FORMAT_JSONL;
  m.attr("FORMAT_TSV") = ONOMA_FORMAT_TSV;
  m.attr("FORMAT_SPACY") = ONOMA_FORMAT_SPACY;
  m.attr("ALIAS_CASE_SENSITIVE") = ONOMA_ALIAS_CASE_SENSITIVE;
  m.attr("ALIAS_CASE_INSENSITIVE") = ONOMA_ALIAS_CASE_INSENSITIVE;
  m.attr("POLICY_LONGEST") = ONOMA_POLICY_LONGEST;
  m.attr("POLICY_ALL") = ONOMA_POLICY_ALL;
  m.attr("BOUNDARY_WORD") = ONOMA_BOUNDARY_WORD;
  m.attr("BOUNDARY_NONE") = ONOMA_BOUNDARY_NONE;
  m.attr("OFFSETS_BYTES") = ONOMA_OFFSETS_BYTES;
  m.attr("OFFSETS_CODE_POINTS") = ONOMA_OFFSETS_CODE_POINTS;
  m.attr("OFFSETS_UTF16") = ONOMA_OFFSETS_UTF16;

  m.def(
      "decode_utf8",
      [](nb::bytes data) {
        PyObject* s = decode_utf8_bytewise(data.c_str(), data.size());
        if (s == nullptr) throw nb::python_error();
        return nb::steal<nb::str>(s);
      },
      nb::arg("data"),
      "Decodes UTF-8 as the library reads it: each invalid byte becomes one U+FFFD.");

  bind_match(m);
  bind_match_pager(m);
  bind_entity(m);
  bind_gazetteer_handle(m);
  bind_builder_handle(m);
}
