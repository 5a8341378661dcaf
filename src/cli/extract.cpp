// `onoma extract`: reads each document whole, scans it, and writes one JSON line per match.
#include <unistd.h>

#include <string>
#include <string_view>
#include <vector>

#include "commands.h"
#include "diagnostics.h"
#include "document_reader.h"
#include "errors.h"
#include "exit_status.h"
#include "gazetteer_loader.h"
#include "json_writer.h"
#include "output_buffer.h"

namespace onoma::cli {
namespace {

// What the match callback needs while one document is scanned.
struct DocumentScan {
  const onoma_gazetteer* gazetteer;
  OutputBuffer* out;
  std::string_view name;
  std::string_view text;
  std::string line;  // reused, so that matches do not allocate
};

using StringField = const char* (*)(const onoma_gazetteer*, uint32_t, size_t*);

std::string_view string_field(StringField get, const onoma_gazetteer* gazetteer, uint32_t index) {
  size_t length = 0;
  const char* data = get(gazetteer, index, &length);
  return data == nullptr ? std::string_view() : std::string_view(data, length);
}

int write_match(const onoma_match* match, void* user_data) {
  DocumentScan& scan = *static_cast<DocumentScan*>(user_data);
  const onoma_gazetteer* gazetteer = scan.gazetteer;
  scan.line.clear();
  JsonObjectWriter json(scan.line);
  json.string_member("doc", scan.name);
  // unit_start/unit_end are in the unit of --offsets; for bytes they equal start/end.
  json.number_member("start", match->unit_start);
  json.number_member("end", match->unit_end);
  json.string_member("text", scan.text.substr(match->start, match->end - match->start));
  json.string_member("id", string_field(onoma_entity_id, gazetteer, match->entity));
  json.string_member("label", string_field(onoma_entity_label, gazetteer, match->entity));
  json.string_member("name", string_field(onoma_entity_name, gazetteer, match->entity));
  json.string_member("alias", string_field(onoma_alias_text, gazetteer, match->alias));
  if ((match->flags & ONOMA_MATCH_AMBIGUOUS) != 0) json.boolean_member("ambiguous", true);
  json.finish_line();
  // Once standard output is gone there is no point in scanning on.
  return scan.out->append(scan.line) ? 0 : 1;
}

// Reports a document that gave no results. Standard output is flushed first, so that on a
// terminal the message appears after the matches of the documents before it.
void report_document(OutputBuffer& out, const std::string& name, std::string_view reason) {
  out.flush();
  print_error(name + ": " + std::string(reason));
}

ScratchHandle new_scratch() {
  onoma_scratch* scratch = nullptr;
  const onoma_status status = onoma_scratch_new(&scratch);
  if (status != ONOMA_OK) throw FatalError(onoma_status_string(status));
  return ScratchHandle(scratch);
}

}  // namespace

int run_extract(const ExtractArguments& arguments) {
  const GazetteerArguments& source = arguments.gazetteer;
  const GazetteerHandle gazetteer =
      build_gazetteer(gazetteer_files(source), source.format, source.fold, source.index);
  const ScratchHandle scratch = new_scratch();
  const std::vector<std::string> documents =
      arguments.documents.empty() ? std::vector<std::string>{"-"} : arguments.documents;

  OutputBuffer out(STDOUT_FILENO);
  DocumentScan scan{gazetteer.get(), &out, {}, {}, {}};
  std::string text;
  std::string reason;
  int status = kExitSuccess;
  for (const std::string& name : documents) {
    if (out.failed()) break;
    if (!read_document(name, &text, &reason)) {
      report_document(out, name, reason);
      status = kExitIncomplete;
      continue;
    }
    scan.name = name;
    scan.text = text;
    const onoma_status scanned = onoma_scan(gazetteer.get(), scratch.get(), &arguments.scan,
                                            text.data(), text.size(), write_match, &scan);
    if (scanned < 0) {
      report_document(out, name, onoma_status_string(scanned));
      status = kExitIncomplete;
    }
  }
  return finish_output(out, status);
}

}  // namespace onoma::cli
