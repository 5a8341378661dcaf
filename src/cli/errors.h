// The two ways a command can fail before it does any work. Both end the program with status 2;
// main prints them, so the code that detects a problem never writes to the terminal itself.
#pragma once

#include <stdexcept>

namespace onoma::cli {

// The command line is wrong: main adds a pointer to --help.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// The command line is fine but the command cannot run (no usable gazetteer).
class FatalError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

}  // namespace onoma::cli
