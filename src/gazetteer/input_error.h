// Why a gazetteer could not be built: the one exception type of the gazetteer layer. It names
// the file and line where known, so a user can go straight to the defect. The C API turns it
// into a status and an onoma_error.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

namespace onoma::gazetteer {

class InputError : public std::runtime_error {
 public:
  enum class Kind { kInvalidInput, kIo };

  InputError(Kind kind, std::string reason, std::string file = {}, uint64_t line = 0)
      : std::runtime_error(describe(reason, file, line)),
        kind_(kind),
        reason_(std::move(reason)),
        file_(std::move(file)),
        line_(line) {}

  Kind kind() const { return kind_; }
  const std::string& reason() const { return reason_; }
  const std::string& file() const { return file_; }
  uint64_t line() const { return line_; }  // 1-based; 0 when not from a file line

 private:
  static std::string describe(const std::string& reason, const std::string& file, uint64_t line) {
    if (file.empty()) return line == 0 ? reason : "line " + std::to_string(line) + ": " + reason;
    return file + (line == 0 ? "" : ":" + std::to_string(line)) + ": " + reason;
  }

  Kind kind_;
  std::string reason_;
  std::string file_;
  uint64_t line_;
};

}  // namespace onoma::gazetteer
