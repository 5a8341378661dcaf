// Gazetteer file formats. Values are those of the public ONOMA_FORMAT_* constants.
#pragma once

namespace onoma::gazetteer {

enum class FileFormat {
  kAuto = 0,   // by extension: .tsv/.tab → TSV; otherwise JSON Lines, where a first record with
               // "pattern" and no "name" means spaCy EntityRuler patterns
  kJsonl = 1,  // {"id", "label", "name", "aliases", "meta"} per line
  kTsv = 2,    // id<TAB>label<TAB>name<TAB>alias|alias|...
  kSpacy = 3,  // {"label", "pattern", "id"} per line, string patterns only
};

}  // namespace onoma::gazetteer
