// Helpers shared by the scanning tests: build a gazetteer from a few entities and collect what
// scan::scan reports, with entity ids (or the matched original bytes) in place of numbers, so
// that a failing expectation prints something a reader can check against the text.
#pragma once

#include <cstdint>
#include <memory>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/entity_spec.h"
#include "gazetteer/gazetteer.h"
#include "scan/scanner.h"
#include "unicode/fold_options.h"

namespace onoma::test_support {

// An entity with label "THING" whose name and aliases use the default case rule.
gazetteer::EntitySpec entity(std::string id, std::string name,
                             std::vector<std::string> aliases = {});

gazetteer::AliasSpec case_sensitive(std::string text);
gazetteer::AliasSpec case_insensitive(std::string text);

std::unique_ptr<gazetteer::Gazetteer> build(
    const std::vector<gazetteer::EntitySpec>& entities,
    uint32_t fold_options = unicode::kFoldDefault,
    gazetteer::KeyIndex index = gazetteer::KeyIndex::kBytes);

struct Found {
  uint64_t start;
  uint64_t end;
  std::string entity;  // the entity's id
  bool ambiguous;

  bool operator==(const Found& other) const {
    return start == other.start && end == other.end && entity == other.entity &&
           ambiguous == other.ambiguous;
  }
};
std::ostream& operator<<(std::ostream& out, const Found& found);

// Every match of a scan, in the order the sink received them.
std::vector<Found> find(const gazetteer::Gazetteer& gazetteer, std::string_view text,
                        scan::ScanOptions options = {});

// The original bytes of every match: text.substr(start, end - start).
std::vector<std::string> matched_text(const gazetteer::Gazetteer& gazetteer,
                                      std::string_view text, scan::ScanOptions options = {});

scan::ScanOptions all_matches();
scan::ScanOptions substrings();

}  // namespace onoma::test_support
