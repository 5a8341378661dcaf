#include <cerrno>
#include <cstring>
#include <fstream>
#include <sstream>

#include "gazetteer/input_error.h"
#include "gazetteer/json_reader.h"
#include "gazetteer/line_reader.h"
#include "gazetteer/loaders.h"

namespace onoma::gazetteer {
namespace {

bool ends_with(const std::string& s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool first_record_is_spacy_pattern(std::string_view content) {
  LineReader lines(content);
  std::string_view line;
  while (lines.next(&line)) {
    if (LineReader::is_blank(line)) continue;
    json::Value value;
    json::ParseError error;
    // A malformed first line is reported by the JSON Lines reader itself.
    if (!json::parse(line, &value, &error)) return false;
    return value.find("pattern") != nullptr && value.find("name") == nullptr;
  }
  return false;
}

}  // namespace

FileFormat detect_format(const std::string& file, std::string_view content) {
  if (ends_with(file, ".tsv") || ends_with(file, ".tab")) return FileFormat::kTsv;
  return first_record_is_spacy_pattern(content) ? FileFormat::kSpacy : FileFormat::kJsonl;
}

std::vector<EntitySpec> parse_entities(std::string_view content, FileFormat format,
                                       const std::string& file) {
  if (format == FileFormat::kAuto) format = detect_format(file, content);
  switch (format) {
    case FileFormat::kTsv:
      return parse_tsv(content, file);
    case FileFormat::kSpacy:
      return parse_spacy_patterns(content, file);
    case FileFormat::kJsonl:
    case FileFormat::kAuto:
      break;
  }
  return parse_jsonl(content, file);
}

std::vector<EntitySpec> load_entities(const std::string& path, FileFormat format) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    throw InputError(InputError::Kind::kIo, std::string("cannot open: ") + std::strerror(errno),
                     path);
  }
  std::ostringstream content;
  content << in.rdbuf();
  if (in.bad()) {
    throw InputError(InputError::Kind::kIo, std::string("cannot read: ") + std::strerror(errno),
                     path);
  }
  return parse_entities(content.str(), format, path);
}

}  // namespace onoma::gazetteer
