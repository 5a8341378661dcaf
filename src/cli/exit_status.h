// The exit statuses of the onoma command, as the usage text documents them.
#pragma once

namespace onoma::cli {

constexpr int kExitSuccess = 0;
// Some document could not be read, or standard output could not be written.
constexpr int kExitIncomplete = 1;
// Bad command line or unusable gazetteer: nothing was done.
constexpr int kExitUsage = 2;

}  // namespace onoma::cli
