// How the onoma command tells about problems: one line on standard error, and an exit status
// that says whether the output is complete.
#pragma once

#include <string_view>

#include "output_buffer.h"

namespace onoma::cli {

// Writes "onoma: <message>" and a line break on standard error.
void print_error(std::string_view message);

// Flushes `out` and returns `status`, or kExitIncomplete when some write failed. A closed pipe
// (EPIPE) is the reader's choice, not a fault, so it ends the output without a message; any
// other write error (a full disk) is reported.
int finish_output(OutputBuffer& out, int status);

}  // namespace onoma::cli
