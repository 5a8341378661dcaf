// What most CLI tests share: a temp directory holding the test gazetteer, and shortcuts to run
// `onoma extract` with it and to read fields back from its output.
#pragma once

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "process.h"
#include "temp_directory.h"
#include "test_gazetteer.h"

namespace onoma::cli_test {

class CliTest : public testing::Test {
 protected:
  // `onoma extract --gazetteer <test gazetteer> arguments...`, `input` on standard input.
  RunResult extract(const std::vector<std::string>& arguments, const std::string& input = "") {
    std::vector<std::string> command = {"extract", "--gazetteer", gazetteer_};
    command.insert(command.end(), arguments.begin(), arguments.end());
    RunOptions options;
    options.input = input;
    return run_onoma(command, options);
  }

  TempDirectory directory_;
  const std::string gazetteer_ = directory_.write("gazetteer.jsonl", kTestGazetteer);
};

// The values of the string member `key` of each output line, in order (values without quotes
// or escapes, as ids are).
inline std::vector<std::string> string_values(const std::string& output, const std::string& key) {
  std::vector<std::string> values;
  const std::string marker = "\"" + key + "\": \"";
  for (const std::string& line : lines_of(output)) {
    const size_t start = line.find(marker);
    if (start == std::string::npos) continue;
    const size_t value = start + marker.size();
    values.push_back(line.substr(value, line.find('"', value) - value));
  }
  return values;
}

}  // namespace onoma::cli_test
