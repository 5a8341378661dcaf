// `onoma info`: a short, stable "key: value" description of a gazetteer, one fact per line, so
// that scripts can grep it.
#include <unistd.h>

#include <cstdio>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "commands.h"
#include "diagnostics.h"
#include "exit_status.h"
#include "gazetteer_loader.h"
#include "output_buffer.h"

namespace onoma::cli {
namespace {

std::string_view label_text(const onoma_gazetteer* gazetteer, size_t index) {
  size_t length = 0;
  const char* label = onoma_gazetteer_label(gazetteer, index, &length);
  return std::string_view(label, length);
}

// Entities per label, indexed like onoma_gazetteer_label. The C API gives an entity's label
// as text only, so labels are matched by their text.
std::vector<size_t> entities_per_label(const onoma_gazetteer* gazetteer) {
  const size_t label_count = onoma_gazetteer_label_count(gazetteer);
  std::unordered_map<std::string_view, size_t> label_index;
  for (size_t i = 0; i < label_count; ++i) label_index.emplace(label_text(gazetteer, i), i);
  std::vector<size_t> counts(label_count, 0);
  const auto entity_count = static_cast<uint32_t>(onoma_gazetteer_entity_count(gazetteer));
  for (uint32_t entity = 0; entity < entity_count; ++entity) {
    size_t length = 0;
    const char* label = onoma_entity_label(gazetteer, entity, &length);
    ++counts[label_index.at(std::string_view(label, length))];
  }
  return counts;
}

// "1234567 bytes (1.2 MiB)": exact for scripts, readable for people.
std::string memory_figure(size_t bytes) {
  std::string figure = std::to_string(bytes) + " bytes";
  static constexpr const char* kUnits[] = {"KiB", "MiB", "GiB", "TiB"};
  double scaled = static_cast<double>(bytes);
  const char* unit = nullptr;
  for (const char* next : kUnits) {
    if (scaled < 1024) break;
    scaled /= 1024;
    unit = next;
  }
  if (unit != nullptr) {
    char human[32];
    std::snprintf(human, sizeof human, " (%.1f %s)", scaled, unit);
    figure += human;
  }
  return figure;
}

// The parts of folding in effect, by the names the documentation uses.
std::string fold_description(uint32_t fold) {
  struct Part {
    uint32_t bit;
    const char* name;
  };
  static constexpr Part kParts[] = {{ONOMA_FOLD_CANONICAL, "canonical"},
                                    {ONOMA_FOLD_COMPATIBILITY, "compatibility"},
                                    {ONOMA_FOLD_CASE, "case"},
                                    {ONOMA_FOLD_MARKS, "marks"},
                                    {ONOMA_FOLD_PUNCTUATION, "punctuation"},
                                    {ONOMA_FOLD_WHITE_SPACE, "white-space"},
                                    {ONOMA_FOLD_IGNORABLES, "ignorables"}};
  std::string description;
  for (const Part& part : kParts) {
    if ((fold & part.bit) == 0) continue;
    if (!description.empty()) description += ", ";
    description += part.name;
  }
  return description.empty() ? "none (exact)" : description;
}

}  // namespace

int run_info(const InfoArguments& arguments) {
  const GazetteerArguments& source = arguments.gazetteer;
  const std::vector<std::string> files = gazetteer_files(source);
  const GazetteerHandle handle = build_gazetteer(files, source.format, source.fold, source.index);
  const onoma_gazetteer* gazetteer = handle.get();

  std::string report;
  for (const std::string& file : files) report += "gazetteer: " + file + "\n";
  report += "entities: " + std::to_string(onoma_gazetteer_entity_count(gazetteer)) + "\n";
  report += "aliases: " + std::to_string(onoma_gazetteer_alias_count(gazetteer)) + "\n";
  const std::vector<size_t> counts = entities_per_label(gazetteer);
  report += "labels: " + std::to_string(counts.size()) + "\n";
  for (size_t i = 0; i < counts.size(); ++i) {
    report += "label ";
    report += label_text(gazetteer, i);
    report += ": " + std::to_string(counts[i]) + "\n";
  }
  report += "memory: " + memory_figure(onoma_gazetteer_memory_usage(gazetteer)) + "\n";
  report += "fold: " + fold_description(onoma_gazetteer_fold(gazetteer)) + "\n";
  report += std::string("index: ") +
            (onoma_gazetteer_index(gazetteer) == ONOMA_INDEX_WORDS ? "words" : "bytes") + "\n";
  report += std::string("unicode: ") + onoma_unicode_version() + "\n";
  report += std::string("version: ") + onoma_version_string() + "\n";

  OutputBuffer out(STDOUT_FILENO);
  out.append(report);
  return finish_output(out, kExitSuccess);
}

}  // namespace onoma::cli
