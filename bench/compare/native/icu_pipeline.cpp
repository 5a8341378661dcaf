#include "icu_pipeline.h"

#include <hs.h>

#include <unordered_set>
#include <utility>

#include "bench_common.h"

namespace bench {

IcuPipeline::IcuPipeline(const std::vector<std::string>& aliases)
    : database_(fold_distinct(aliases), HS_FLAG_SOM_LEFTMOST) {}

std::vector<std::string> IcuPipeline::fold_distinct(const std::vector<std::string>& aliases) {
  const double start = now();
  std::vector<std::string> folded;
  std::unordered_set<std::string> seen;
  for (const std::string& alias : aliases) {
    std::string f;
    folder_.fold(alias, f, nullptr);
    if (seen.insert(f).second) folded.push_back(std::move(f));
  }
  fold_aliases_seconds_ = now() - start;
  folded_aliases_ = folded.size();
  return folded;
}

void IcuPipeline::fold(std::string_view text) {
  folded_text_.clear();
  map_.start.clear();
  map_.end.clear();
  folder_.fold(text, folded_text_, &map_);
}

std::size_t IcuPipeline::match(std::vector<Span>& out) {
  found_.clear();
  database_.collect(folded_text_, found_);
  for (const auto& [fs, fe] : found_) out.emplace_back(map_.start[fs], map_.end[fe - 1]);
  return found_.size();
}

}  // namespace bench
