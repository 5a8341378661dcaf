#include "gazetteer/json_records.h"

#include <algorithm>

#include "gazetteer/input_error.h"
#include "gazetteer/line_reader.h"

namespace onoma::gazetteer {

void JsonRecord::reject(const std::string& reason) const {
  throw InputError(InputError::Kind::kInvalidInput, reason, file, line);
}

void JsonRecord::allow_only(std::initializer_list<std::string_view> allowed) const {
  for (const auto& member : object.members) {
    if (std::find(allowed.begin(), allowed.end(), member.first) == allowed.end()) {
      reject("unknown field \"" + member.first + "\"");
    }
  }
}

const std::string* JsonRecord::string_field(std::string_view key, bool required) const {
  const json::Value* value = object.find(key);
  if (value == nullptr) {
    if (required) reject("missing field \"" + std::string(key) + "\"");
    return nullptr;
  }
  if (value->kind != json::Kind::kString) {
    reject("field \"" + std::string(key) + "\" must be a string");
  }
  return &value->text;
}

void for_each_json_record(LineReader& lines, const std::string& file,
                          const std::function<void(const JsonRecord&)>& visit) {
  std::string_view line;
  while (lines.next(&line)) {
    if (LineReader::is_blank(line)) continue;
    json::Value value;
    json::ParseError error;
    if (!json::parse(line, &value, &error)) {
      throw InputError(InputError::Kind::kInvalidInput,
                       "malformed JSON at column " + std::to_string(error.offset + 1) + ": " +
                           error.reason,
                       file, lines.line_number());
    }
    if (value.kind != json::Kind::kObject) {
      throw InputError(InputError::Kind::kInvalidInput, "expected a JSON object", file,
                       lines.line_number());
    }
    visit(JsonRecord{value, file, lines.line_number()});
  }
}

}  // namespace onoma::gazetteer
