// Finds the gazetteer bundled with onoma. The build tree has the layout of an install
// (bin/onoma, share/onoma/gazetteer.jsonl), so one rule finds it in both, and in an installed
// tree that was moved elsewhere.
#pragma once

#include <string>

namespace onoma::cli {

// The path of the bundled gazetteer: <directory of the executable>/../share/onoma/
// gazetteer.jsonl, else the location configured at build time. Throws FatalError naming
// both places when neither holds the file.
std::string locate_default_gazetteer();

}  // namespace onoma::cli
