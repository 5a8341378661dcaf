// The commands of the onoma tool. Each returns the exit status; a missing or malformed
// gazetteer throws FatalError before anything is written.
#pragma once

#include "arguments.h"

namespace onoma::cli {

// `onoma extract`: JSON Lines, one per match, for each document.
int run_extract(const ExtractArguments& arguments);

// `onoma info`: counts, labels, memory, folding and versions of a gazetteer.
int run_info(const InfoArguments& arguments);

}  // namespace onoma::cli
