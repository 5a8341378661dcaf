#include "gazetteer_test_support.h"

#include <utility>

#include "gazetteer/gazetteer_builder.h"

namespace onoma::test_support {

gazetteer::EntitySpec entity(std::string id, std::string name, std::vector<std::string> aliases) {
  gazetteer::EntitySpec spec;
  spec.id = std::move(id);
  spec.label = "THING";
  spec.name = std::move(name);
  for (std::string& alias : aliases) spec.aliases.push_back({std::move(alias), 0});
  return spec;
}

gazetteer::AliasSpec case_sensitive(std::string text) {
  return {std::move(text), gazetteer::kAliasCaseSensitive};
}

gazetteer::AliasSpec case_insensitive(std::string text) {
  return {std::move(text), gazetteer::kAliasCaseInsensitive};
}

std::unique_ptr<gazetteer::Gazetteer> build(const std::vector<gazetteer::EntitySpec>& entities,
                                            uint32_t fold_options, gazetteer::KeyIndex index) {
  gazetteer::GazetteerBuilder builder(fold_options, index);
  for (const gazetteer::EntitySpec& spec : entities) builder.add_entity(spec);
  return builder.build();
}

std::ostream& operator<<(std::ostream& out, const Found& found) {
  return out << found.entity << " [" << found.start << ", " << found.end << ")"
             << (found.ambiguous ? " ambiguous" : "");
}

std::vector<Found> find(const gazetteer::Gazetteer& gazetteer, std::string_view text,
                        scan::ScanOptions options) {
  std::vector<Found> found;
  scan::Scratch scratch;
  scan::scan(gazetteer, options, text, scratch, [&](const scan::Match& m) {
    const gazetteer::EntityRecord& e = gazetteer.entity(m.entity);
    found.push_back({m.start, m.end, std::string(gazetteer.text(e.id)), m.ambiguous});
    return true;
  });
  return found;
}

std::vector<std::string> matched_text(const gazetteer::Gazetteer& gazetteer,
                                      std::string_view text, scan::ScanOptions options) {
  std::vector<std::string> spans;
  for (const Found& f : find(gazetteer, text, options)) {
    spans.emplace_back(text.substr(f.start, f.end - f.start));
  }
  return spans;
}

scan::ScanOptions all_matches() {
  scan::ScanOptions options;
  options.policy = scan::Policy::kAll;
  return options;
}

scan::ScanOptions substrings() {
  scan::ScanOptions options;
  options.boundary = scan::Boundary::kNone;
  return options;
}

}  // namespace onoma::test_support
