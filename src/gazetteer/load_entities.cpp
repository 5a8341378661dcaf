#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <cstring>
#include <string>

#include "gazetteer/input_error.h"
#include "gazetteer/json_reader.h"
#include "gazetteer/line_reader.h"
#include "gazetteer/loaders.h"

namespace onoma::gazetteer {
namespace {

// Extensions are compared without regard to ASCII case: "PLACES.TSV" is a TSV file too.
bool has_extension(const std::string& file, std::string_view extension) {
  if (file.size() < extension.size()) return false;
  const size_t offset = file.size() - extension.size();
  for (size_t i = 0; i < extension.size(); ++i) {
    if (std::tolower(static_cast<unsigned char>(file[offset + i])) != extension[i]) return false;
  }
  return true;
}

bool first_record_is_spacy_pattern(LineReader& lines) {
  std::string_view line;
  if (!lines.peek_record(&line)) return false;
  json::Value value;
  json::ParseError error;
  // A malformed first line is reported by the JSON Lines reader itself.
  if (!json::parse(line, &value, &error)) return false;
  return value.find("pattern") != nullptr && value.find("name") == nullptr;
}

FileFormat detect_format(const std::string& file, LineReader& lines) {
  if (has_extension(file, ".tsv") || has_extension(file, ".tab")) return FileFormat::kTsv;
  return first_record_is_spacy_pattern(lines) ? FileFormat::kSpacy : FileFormat::kJsonl;
}

void read_lines(LineReader& lines, FileFormat format, const std::string& file,
                EntityVisitor visit) {
  if (format == FileFormat::kAuto) format = detect_format(file, lines);
  switch (format) {
    case FileFormat::kTsv:
      return read_tsv(lines, file, visit);
    case FileFormat::kSpacy:
      return read_spacy_patterns(lines, file, visit);
    case FileFormat::kJsonl:
    case FileFormat::kAuto:
      break;
  }
  read_jsonl(lines, file, visit);
}

[[noreturn]] void io_failure(const char* what, int error_number, const std::string& path) {
  throw InputError(InputError::Kind::kIo, std::string(what) + ": " + std::strerror(error_number),
                   path);
}

}  // namespace

// POSIX rather than iostreams: a stream opens a directory "successfully" and reads nothing,
// which would turn a wrong path into an empty gazetteer instead of an error.
void read_file_entities(const std::string& path, FileFormat format, EntityVisitor visit) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) io_failure("cannot open", errno, path);
  struct FdCloser {
    int fd;
    ~FdCloser() { ::close(fd); }
  } closer{fd};
  struct stat info;
  if (::fstat(fd, &info) != 0) io_failure("cannot read", errno, path);
  if (S_ISDIR(info.st_mode)) io_failure("cannot read", EISDIR, path);
  LineReader lines(fd, path);
  read_lines(lines, format, path, visit);
}

FileFormat detect_format(const std::string& file, std::string_view content) {
  LineReader lines(content);
  return detect_format(file, lines);
}

void read_entities(std::string_view content, FileFormat format, const std::string& file,
                   EntityVisitor visit) {
  LineReader lines(content);
  read_lines(lines, format, file, visit);
}

std::vector<EntitySpec> parse_entities(std::string_view content, FileFormat format,
                                       const std::string& file) {
  std::vector<EntitySpec> entities;
  read_entities(content, format, file, [&](const EntitySpec& spec) { entities.push_back(spec); });
  return entities;
}

}  // namespace onoma::gazetteer
