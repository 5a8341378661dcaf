// The native format: one entity per line,
//   {"id": "joly", "label": "PERSON", "name": "Mélanie Joly",
//    "aliases": ["Joly", {"text": "MJ", "case_sensitive": true}], "meta": {...}}
#include "gazetteer/json_records.h"
#include "gazetteer/loaders.h"

namespace onoma::gazetteer {
namespace {

AliasSpec read_alias(const JsonRecord& record, const json::Value& value) {
  if (value.kind == json::Kind::kString) return AliasSpec{value.text, 0};
  if (value.kind != json::Kind::kObject) {
    record.reject("each alias must be a string or an object with \"text\"");
  }
  const JsonRecord alias{value, record.file, record.line};
  alias.allow_only({"text", "case_sensitive"});
  AliasSpec spec{*alias.string_field("text", true), 0};
  if (const json::Value* case_sensitive = value.find("case_sensitive")) {
    if (case_sensitive->kind != json::Kind::kBool) {
      record.reject("\"case_sensitive\" must be true or false");
    }
    spec.flags = case_sensitive->boolean ? kAliasCaseSensitive : kAliasCaseInsensitive;
  }
  return spec;
}

}  // namespace

void read_jsonl(LineReader& lines, const std::string& file, EntityVisitor visit) {
  EntitySpec spec;  // one for all records, so that its buffers are reused
  for_each_json_record(lines, file, [&](const JsonRecord& record) {
    record.allow_only({"id", "label", "name", "aliases", "meta"});
    spec.aliases.clear();
    spec.meta.clear();
    spec.line = record.line;
    spec.id = *record.string_field("id", true);
    spec.label = *record.string_field("label", true);
    spec.name = *record.string_field("name", true);
    if (const json::Value* aliases = record.object.find("aliases")) {
      if (aliases->kind != json::Kind::kArray) record.reject("\"aliases\" must be an array");
      for (const json::Value& alias : aliases->items) spec.aliases.push_back(read_alias(record, alias));
    }
    if (const json::Value* meta = record.object.find("meta")) {
      if (meta->kind != json::Kind::kObject) record.reject("\"meta\" must be a JSON object");
      spec.meta = meta->raw;
    }
    visit(spec);
  });
}

}  // namespace onoma::gazetteer
