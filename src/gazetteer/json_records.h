// What the JSON Lines readers share: one JSON object per non-blank line, and typed access to
// its fields with errors that name the file, the line and the field.
#pragma once

#include <cstdint>
#include <functional>
#include <initializer_list>
#include <string>
#include <string_view>

#include "gazetteer/json_reader.h"

namespace onoma::gazetteer {

struct JsonRecord {
  const json::Value& object;
  const std::string& file;
  uint64_t line;

  [[noreturn]] void reject(const std::string& reason) const;
  // Rejects members other than `allowed` (typos such as "nmae" would otherwise pass silently).
  void allow_only(std::initializer_list<std::string_view> allowed) const;
  // The string member `key`; rejects a missing member when `required`, and a non-string.
  const std::string* string_field(std::string_view key, bool required) const;
};

class LineReader;

// Calls `visit` for each non-blank line that `lines` gives, parsed as a JSON object.
void for_each_json_record(LineReader& lines, const std::string& file,
                          const std::function<void(const JsonRecord&)>& visit);

}  // namespace onoma::gazetteer
