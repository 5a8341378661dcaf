// Readers for the gazetteer file formats. Each turns a whole file into entity specs or throws
// InputError naming the file and line; none of them folds or checks what the builder checks.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/entity_spec.h"
#include "gazetteer/file_format.h"

namespace onoma::gazetteer {

// `file` is only used in error messages.
std::vector<EntitySpec> parse_jsonl(std::string_view content, const std::string& file);
std::vector<EntitySpec> parse_tsv(std::string_view content, const std::string& file);
std::vector<EntitySpec> parse_spacy_patterns(std::string_view content, const std::string& file);

// kAuto resolved from the file name and, for JSON Lines, the first record.
FileFormat detect_format(const std::string& file, std::string_view content);

std::vector<EntitySpec> parse_entities(std::string_view content, FileFormat format,
                                       const std::string& file);
// Reads the file at `path` (InputError of kind kIo when it cannot) and parses it.
std::vector<EntitySpec> load_entities(const std::string& path, FileFormat format);

}  // namespace onoma::gazetteer
