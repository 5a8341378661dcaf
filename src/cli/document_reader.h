// Reads the documents `onoma extract` scans. The scan needs the whole text at once (offsets are
// into the document), so each document is read whole into memory.
#pragma once

#include <string>

namespace onoma::cli {

// Reads the file `name`, or standard input when `name` is "-", into *text. On failure returns
// false and sets *reason to the system's description, e.g. "No such file or directory".
bool read_document(const std::string& name, std::string* text, std::string* reason);

}  // namespace onoma::cli
