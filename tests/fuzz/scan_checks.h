// Checks of the scanner against a gazetteer built through the internals: everything
// span_checks.h checks, plus what needs the gazetteer (DESIGN.md §2):
//  - a match starts and ends on cluster boundaries (never inside one expanded character, and
//    it takes along the marks and ignorables that follow its last letter);
//  - the matched text, folded cluster by cluster, is exactly the alias folded, and so is the
//    matched text folded as a whole string;
//  - a case-sensitive alias matches only text that, folded without case folding cluster by
//    cluster, is the part of the alias its key covers (folded_extent) folded the same way;
//  - with word boundaries, an alias that starts (ends) with a word character has no word
//    character just before (after) it;
//  - `longest` is exactly the leftmost-longest selection from `all`, and every match found
//    with word boundaries is found without them.
#pragma once

#include <string_view>

#include "gazetteer/gazetteer.h"
#include "scan/scanner.h"

namespace onoma::fuzz {

// Scans `text` with both policies (and, with word boundaries, once more without) and checks
// the matches; aborts with a message on the first broken invariant.
void check_scan(const gazetteer::Gazetteer& gazetteer, std::string_view text,
                scan::Boundary boundary, unicode::OffsetUnit unit);

}  // namespace onoma::fuzz
