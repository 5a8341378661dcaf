// id<TAB>label<TAB>name[<TAB>alias|alias|...] per line; lines starting with '#' are comments;
// a first line "id<TAB>label<TAB>name..." is a header. TSV has no per-alias flags: the default
// case rule applies (use JSON Lines for flags).
#include <vector>

#include "gazetteer/input_error.h"
#include "gazetteer/line_reader.h"
#include "gazetteer/loaders.h"

namespace onoma::gazetteer {
namespace {

std::vector<std::string_view> split(std::string_view line, char separator) {
  std::vector<std::string_view> fields;
  size_t start = 0;
  while (true) {
    const size_t end = line.find(separator, start);
    fields.push_back(line.substr(start, end == std::string_view::npos ? end : end - start));
    if (end == std::string_view::npos) return fields;
    start = end + 1;
  }
}

bool is_header(const std::vector<std::string_view>& fields) {
  return fields.size() >= 3 && fields[0] == "id" && fields[1] == "label" && fields[2] == "name";
}

}  // namespace

void read_tsv(LineReader& lines, const std::string& file, EntityVisitor visit) {
  EntitySpec spec;  // one for all lines, so that its buffers are reused
  std::string_view line;
  bool seen_record = false;
  while (lines.next(&line)) {
    if (LineReader::is_blank(line) || line.front() == '#') continue;
    const std::vector<std::string_view> fields = split(line, '\t');
    if (!seen_record && is_header(fields)) {
      seen_record = true;
      continue;
    }
    seen_record = true;
    if (fields.size() < 3 || fields.size() > 4) {
      throw InputError(InputError::Kind::kInvalidInput,
                       "expected 3 or 4 tab-separated fields (id, label, name, aliases), found " +
                           std::to_string(fields.size()),
                       file, lines.line_number());
    }
    spec.line = lines.line_number();
    spec.id = fields[0];
    spec.label = fields[1];
    spec.name = fields[2];
    spec.aliases.clear();
    if (fields.size() == 4) {
      for (std::string_view alias : split(fields[3], '|')) {
        if (!alias.empty()) spec.aliases.push_back(AliasSpec{std::string(alias), 0});
      }
    }
    visit(spec);
  }
}

}  // namespace onoma::gazetteer
