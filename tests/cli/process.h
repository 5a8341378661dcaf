// Runs the onoma command as a user would and captures what it did.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

namespace onoma::cli_test {

struct RunResult {
  int status = -1;  // the exit status, or 128 + the signal that ended the process
  std::string out;
  std::string err;
};

struct RunOptions {
  std::string input;           // written to standard input, which is then closed
  std::string stdout_file;     // when set, standard output goes to this file, not a pipe
  size_t stdout_limit = 0;     // when set, the pipe is closed after this many bytes (`| head`)
};

// Runs `program` with `arguments` and waits for it. The child starts with the default SIGPIPE
// action, as from a shell, whatever this process does with the signal.
RunResult run_program(const std::string& program, const std::vector<std::string>& arguments,
                      const RunOptions& options = {});

// The same for the onoma command of this build.
RunResult run_onoma(const std::vector<std::string>& arguments, const RunOptions& options = {});

// The lines of `text`, without their line breaks.
std::vector<std::string> lines_of(const std::string& text);

}  // namespace onoma::cli_test
