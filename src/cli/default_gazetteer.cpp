#include "default_gazetteer.h"

#include <sys/stat.h>

#include <cstdlib>
#include <memory>

#include "errors.h"

#ifndef ONOMA_INSTALLED_GAZETTEER
#error "ONOMA_INSTALLED_GAZETTEER must name the installed gazetteer (see src/cli/CMakeLists.txt)"
#endif

namespace onoma::cli {
namespace {

// The directory part of an absolute path ("/a/b" → "/a", "/a" → "/").
std::string parent_directory(const std::string& path) {
  const size_t slash = path.rfind('/');
  return slash == 0 || slash == std::string::npos ? "/" : path.substr(0, slash);
}

std::string join(const std::string& directory, const std::string& relative) {
  return directory == "/" ? "/" + relative : directory + "/" + relative;
}

// The gazetteer next to the running executable, or "" when the executable cannot be found.
// realpath() resolves symbolic links, so a link to bin/onoma (e.g. in ~/bin) still finds the
// data of the tree it belongs to.
std::string gazetteer_beside_executable() {
  const std::unique_ptr<char, decltype(&std::free)> executable(
      ::realpath("/proc/self/exe", nullptr), &std::free);
  if (!executable) return {};
  const std::string prefix = parent_directory(parent_directory(executable.get()));
  return join(prefix, "share/onoma/gazetteer.jsonl");
}

bool is_file(const std::string& path) {
  struct stat status;
  return !path.empty() && ::stat(path.c_str(), &status) == 0 && S_ISREG(status.st_mode);
}

}  // namespace

std::string locate_default_gazetteer() {
  const std::string beside = gazetteer_beside_executable();
  if (is_file(beside)) return beside;
  const std::string installed = ONOMA_INSTALLED_GAZETTEER;
  if (is_file(installed)) return installed;
  const std::string looked = beside.empty() ? installed + " does not exist"
                                            : "neither " + beside + " nor " + installed + " exists";
  throw FatalError("the bundled gazetteer is missing: " + looked +
                   "; name a gazetteer with --gazetteer FILE");
}

}  // namespace onoma::cli
