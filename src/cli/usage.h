// What `onoma --help` and `onoma --version` print.
#pragma once

#include <string>
#include <string_view>

namespace onoma::cli {

std::string_view usage_text();

// "onoma 0.1.0 (Unicode 15.0)" and a line break, from the library actually linked.
std::string version_line();

}  // namespace onoma::cli
