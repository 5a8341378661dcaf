// spaCy EntityRuler patterns: {"label": "GPE", "pattern": "Ottawa", "id": "ottawa"} per line.
// Rows that share an id form one entity (its first pattern is the name); a row without an id
// is an entity whose id is its pattern. Token patterns (lists) need spaCy's tokenizer and
// attribute matching, which a gazetteer cannot honour, so they are rejected, not skipped.
#include "gazetteer/json_records.h"
#include "gazetteer/loaders.h"

namespace onoma::gazetteer {

void read_spacy_patterns(LineReader& lines, const std::string& file, EntityVisitor visit) {
  EntitySpec spec;  // one for all rows, so that its buffers are reused
  for_each_json_record(lines, file, [&](const JsonRecord& record) {
    record.allow_only({"label", "pattern", "id"});
    const json::Value* pattern = record.object.find("pattern");
    if (pattern != nullptr && pattern->kind == json::Kind::kArray) {
      record.reject("token patterns (lists) are not supported; use string patterns");
    }
    spec.line = record.line;
    spec.label = *record.string_field("label", true);
    spec.name = *record.string_field("pattern", true);
    const std::string* id = record.string_field("id", false);
    spec.id = id != nullptr ? *id : spec.name;
    visit(spec);
  });
}

}  // namespace onoma::gazetteer
