// A fresh directory for the files one test writes, removed with everything in it afterwards.
#pragma once

#include <string>
#include <string_view>

namespace onoma::cli_test {

class TempDirectory {
 public:
  TempDirectory();
  ~TempDirectory();
  TempDirectory(const TempDirectory&) = delete;
  TempDirectory& operator=(const TempDirectory&) = delete;

  const std::string& path() const { return path_; }

  // Writes `content` to the file `name` (parent folders are created); returns its path.
  std::string write(const std::string& name, std::string_view content) const;

 private:
  std::string path_;
};

}  // namespace onoma::cli_test
