// Readers for the gazetteer file formats. Each hands the entity specs of a file's content to a
// visitor one at a time, as it reads them, or throws InputError naming the file and line; none
// of them folds or checks what the builder checks.
#pragma once

#include <absl/functional/function_ref.h>

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/entity_spec.h"
#include "gazetteer/file_format.h"

namespace onoma::gazetteer {

// Called with each entity as it is read; the spec lives only during the call.
using EntityVisitor = absl::FunctionRef<void(const EntitySpec&)>;

class LineReader;

// `file` is only used in error messages.
void read_jsonl(LineReader& lines, const std::string& file, EntityVisitor visit);
void read_tsv(LineReader& lines, const std::string& file, EntityVisitor visit);
void read_spacy_patterns(LineReader& lines, const std::string& file, EntityVisitor visit);

// kAuto resolved from the file name and, for JSON Lines, the first record.
FileFormat detect_format(const std::string& file, std::string_view content);

void read_entities(std::string_view content, FileFormat format, const std::string& file,
                   EntityVisitor visit);
// The same for the file at `path`, read a block at a time as its records are handed out
// (InputError of kind kIo when it cannot be read).
void read_file_entities(const std::string& path, FileFormat format, EntityVisitor visit);
// Every entity of `content`, collected.
std::vector<EntitySpec> parse_entities(std::string_view content, FileFormat format,
                                       const std::string& file);

}  // namespace onoma::gazetteer
