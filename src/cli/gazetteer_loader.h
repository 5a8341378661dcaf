// Builds the gazetteer a command works with, from the files and options on its command line.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "arguments.h"
#include "handles.h"

namespace onoma::cli {

// The files to build from: those given, or the bundled gazetteer (FatalError if it is missing).
std::vector<std::string> gazetteer_files(const GazetteerArguments& arguments);

// Builds one gazetteer from all `files` (one builder, so entities of different files that share
// an id merge as they would within a file). Throws FatalError with the library's message,
// "file:line: reason", when a file is unreadable or malformed.
GazetteerHandle build_gazetteer(const std::vector<std::string>& files, int format, uint32_t fold,
                                uint32_t index);

}  // namespace onoma::cli
