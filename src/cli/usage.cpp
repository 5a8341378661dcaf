#include "usage.h"

#include <onoma/onoma.h>

namespace onoma::cli {

std::string_view usage_text() {
  return R"(usage: onoma extract [OPTION]... [FILE]...
       onoma info [--gazetteer-format FORMAT] [--fold MODE] [--index INDEX] [GAZETTEER]...
       onoma --version
       onoma --help

Finds the mentions of known entities in text.

commands:
  extract  scan each FILE (standard input when there is none, or for '-') and write one
           JSON line per match: doc, start, end, text, id, label, name, alias, and
           "ambiguous": true when several entities share the span
  info     describe a gazetteer (default: the bundled one): entities, aliases, labels,
           memory, folding, versions

options:
  --gazetteer FILE            gazetteer file; repeat to combine several
                              (default: the bundled gazetteer)
  --gazetteer-format FORMAT   auto (default: by extension and content), jsonl, tsv, spacy
  --fold MODE                 default (case, accents, width, punctuation, spacing)
                              or exact (byte for byte)
  --index INDEX               bytes (default) or words: for gazetteers of millions of
                              aliases, less memory and slower scans; --boundary word only
  --policy POLICY             longest (default: leftmost-longest, no overlaps) or all
  --boundary MODE             word (default: whole words) or none (substrings)
  --offsets UNIT              unit of start and end: bytes (default), chars (code points)
                              or utf16

exit status:
  0  success
  1  a document could not be read (the others are still processed), or standard output
     could not be written; a closed pipe ('onoma extract ... | head') ends the output
     quietly with this status
  2  usage error, or the gazetteer could not be loaded
)";
}

std::string version_line() {
  return std::string("onoma ") + onoma_version_string() + " (Unicode " + onoma_unicode_version() +
         ")\n";
}

}  // namespace onoma::cli
