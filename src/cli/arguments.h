// The command lines of `onoma extract` and `onoma info`, parsed into plain values. Parsing
// never prints anything: a bad command line throws UsageError.
#pragma once

#include <onoma/onoma.h>

#include <cstdint>
#include <string>
#include <vector>

namespace onoma::cli {

// Which gazetteer files to build, and how; both commands take these.
struct GazetteerArguments {
  std::vector<std::string> files;  // empty: the bundled gazetteer
  int format = ONOMA_FORMAT_AUTO;
  uint32_t fold = ONOMA_FOLD_DEFAULT;
  uint32_t index = ONOMA_INDEX_BYTES;
};

struct ExtractArguments {
  bool help = false;
  GazetteerArguments gazetteer;
  onoma_scan_options scan{};           // initialized with onoma_scan_options_init
  std::vector<std::string> documents;  // empty: standard input
};

struct InfoArguments {
  bool help = false;
  GazetteerArguments gazetteer;
};

// `arguments` are those after the command name.
ExtractArguments parse_extract_arguments(const std::vector<std::string>& arguments);
InfoArguments parse_info_arguments(const std::vector<std::string>& arguments);

}  // namespace onoma::cli
