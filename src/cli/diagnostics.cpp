#include "diagnostics.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <string>

#include "exit_status.h"

namespace onoma::cli {

void print_error(std::string_view message) {
  std::string line = "onoma: ";
  line.append(message);
  line += '\n';
  std::fwrite(line.data(), 1, line.size(), stderr);
}

int finish_output(OutputBuffer& out, int status) {
  if (out.flush()) return status;
  if (out.error() != EPIPE) print_error(std::string("write error: ") + std::strerror(out.error()));
  return kExitIncomplete;
}

}  // namespace onoma::cli
