// The onoma command: dispatches to a command and turns failures into messages and exit
// statuses (see usage.cpp for the list).
#include <unistd.h>

#include <csignal>
#include <cstdio>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#include "arguments.h"
#include "commands.h"
#include "diagnostics.h"
#include "errors.h"
#include "exit_status.h"
#include "output_buffer.h"
#include "usage.h"

namespace onoma::cli {
namespace {

int print(std::string_view text) {
  OutputBuffer out(STDOUT_FILENO);
  out.append(text);
  return finish_output(out, kExitSuccess);
}

int run(const std::vector<std::string>& arguments) {
  if (arguments.empty()) {
    std::fwrite(usage_text().data(), 1, usage_text().size(), stderr);
    return kExitUsage;
  }
  const std::string& command = arguments.front();
  const std::vector<std::string> rest(arguments.begin() + 1, arguments.end());
  if (command == "--help" || command == "-h" || command == "help") return print(usage_text());
  if (command == "--version") return print(version_line());
  if (command == "extract") {
    const ExtractArguments parsed = parse_extract_arguments(rest);
    return parsed.help ? print(usage_text()) : run_extract(parsed);
  }
  if (command == "info") {
    const InfoArguments parsed = parse_info_arguments(rest);
    return parsed.help ? print(usage_text()) : run_info(parsed);
  }
  const bool is_option = command.size() > 1 && command[0] == '-';
  throw UsageError((is_option ? "unknown option '" : "unknown command '") + command + "'");
}

}  // namespace
}  // namespace onoma::cli

int main(int argc, char** argv) {
  using namespace onoma::cli;
  // A reader that goes away (`onoma extract ... | head`) would otherwise kill the process with
  // SIGPIPE in the middle of a write; ignored, it becomes EPIPE, which finish_output handles:
  // the output ends quietly with status 1.
  std::signal(SIGPIPE, SIG_IGN);
  try {
    return run(std::vector<std::string>(argv + 1, argv + argc));
  } catch (const UsageError& e) {
    print_error(e.what());
    std::fputs("try 'onoma --help'\n", stderr);
    return kExitUsage;
  } catch (const FatalError& e) {
    print_error(e.what());
    return kExitUsage;
  } catch (const std::bad_alloc&) {
    print_error("out of memory");
    return kExitUsage;
  }
}
