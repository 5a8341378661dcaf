// The scan loop through the C API: throughput on the bundled examples (news-like text in five
// languages, NFC and NFD) for each policy and boundary mode, the cost of each match on text
// made of nothing but mentions, and the per-call overhead on short texts (what find_batch
// pays per text).
#include <benchmark/benchmark.h>

#include <cstdio>
#include <cstdlib>
#include <dirent.h>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include <onoma/onoma.h>

namespace {

// The bundled gazetteer (data/gazetteer.jsonl) with default folding; aborts if it cannot load.

const onoma_gazetteer* bundled_gazetteer() {
  static onoma_gazetteer* gazetteer = [] {
    onoma_gazetteer* g = nullptr;
    onoma_error* error = nullptr;
    if (onoma_gazetteer_load(ONOMA_BENCH_GAZETTEER, ONOMA_FORMAT_AUTO, nullptr, &g, &error) !=
        ONOMA_OK) {
      std::fprintf(stderr, "cannot load %s: %s\n", ONOMA_BENCH_GAZETTEER,
                   error != nullptr ? error->message : "?");
      std::abort();
    }
    return g;
  }();
  return gazetteer;
}

// Every example text (examples/*.txt) concatenated, repeated to at least `min_bytes`.
const std::string& example_text(size_t min_bytes) {
  static std::string once = [] {
    std::vector<std::string> names;
    if (DIR* dir = opendir(ONOMA_BENCH_EXAMPLES)) {
      while (const dirent* entry = readdir(dir)) {
        const std::string name = entry->d_name;
        if (name.size() > 4 && name.compare(name.size() - 4, 4, ".txt") == 0) names.push_back(name);
      }
      closedir(dir);
    }
    std::string all;
    for (const std::string& name : names) {
      std::ifstream in(std::string(ONOMA_BENCH_EXAMPLES) + "/" + name, std::ios::binary);
      std::ostringstream content;
      content << in.rdbuf();
      all += content.str() + "\n\n";
    }
    if (all.empty()) std::abort();
    return all;
  }();
  static std::string text;
  while (text.size() < min_bytes) text += once;
  return text;
}


struct Counter {
  size_t matches = 0;
};

int count_match(const onoma_match*, void* user_data) {
  ++static_cast<Counter*>(user_data)->matches;
  return 0;
}

// Scans `text` once per iteration with `options` (NULL for the defaults), counts its bytes as
// processed, and returns the matches of one scan.
size_t scan_each_iteration(benchmark::State& state, const onoma_gazetteer* gazetteer,
                           const onoma_scan_options* options, const std::string& text) {
  onoma_scratch* scratch = nullptr;
  if (onoma_scratch_new(&scratch) != ONOMA_OK) std::abort();
  Counter counter;
  for (auto _ : state) {
    counter.matches = 0;
    onoma_scan(gazetteer, scratch, options, text.data(), text.size(), count_match, &counter);
    benchmark::DoNotOptimize(counter.matches);
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * text.size()));
  onoma_scratch_free(scratch);
  return counter.matches;
}

// args: policy, boundary
void BM_ScanExamples(benchmark::State& state) {
  const onoma_gazetteer* gazetteer = bundled_gazetteer();
  onoma_scan_options options;
  onoma_scan_options_init(&options);
  options.policy = static_cast<int>(state.range(0));
  options.boundary = static_cast<int>(state.range(1));
  const size_t matches =
      scan_each_iteration(state, gazetteer, &options, example_text(size_t{8} << 20));
  state.counters["matches"] = static_cast<double>(matches);
}
BENCHMARK(BM_ScanExamples)
    ->ArgNames({"policy", "boundary"})
    ->Args({ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD})
    ->Args({ONOMA_POLICY_ALL, ONOMA_BOUNDARY_WORD})
    ->Args({ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_NONE})
    ->Unit(benchmark::kMillisecond);

// The same text in UTF-16 offsets (what Java/JavaScript callers ask for).
void BM_ScanExamplesUtf16Offsets(benchmark::State& state) {
  const onoma_gazetteer* gazetteer = bundled_gazetteer();
  onoma_scan_options options;
  onoma_scan_options_init(&options);
  options.offsets = ONOMA_OFFSETS_UTF16;
  scan_each_iteration(state, gazetteer, &options, example_text(size_t{8} << 20));
}
BENCHMARK(BM_ScanExamplesUtf16Offsets)->Unit(benchmark::kMillisecond);

// Text made of one mention after another, so that the cost of a match (the walk to the end of
// its word, the boundary and case checks, the span, the callback) dominates: items/s is
// matches per second. Arg: 0 = "Joly " (a one-word alias), 1 = "Mélanie Joly " (two words, the
// first beyond ASCII), 2 = "U.S. officials " (a case-sensitive alias with dots).
void BM_ScanDenseMatches(benchmark::State& state) {
  static const char* const kMentions[] = {"Joly ", "M\xC3\xA9lanie Joly ", "U.S. officials "};
  const onoma_gazetteer* gazetteer = bundled_gazetteer();
  std::string text;
  while (text.size() < (size_t{1} << 20)) text += kMentions[state.range(0)];
  const size_t matches = scan_each_iteration(state, gazetteer, nullptr, text);
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * matches));
}
BENCHMARK(BM_ScanDenseMatches)->Arg(0)->Arg(1)->Arg(2)->Unit(benchmark::kMillisecond);

// Text that keeps a walk deep in a long alias: 1 MiB of "abc " against the aliases "abc" and
// "abc abc ... abc end" (arg: its length in KiB). Every word matches "abc" and moves the walk
// one word further down the long alias, whose output link is asked for at each word. The
// time per byte must not grow with the alias: when finding a tail node's link searched back
// to the tail's first node, 1 MiB of text took 1.4 s with a 1 MiB alias.
void BM_ScanDeepInALongAlias(benchmark::State& state) {
  const size_t alias_bytes = static_cast<size_t>(state.range(0)) << 10;
  std::string long_alias;
  while (long_alias.size() < alias_bytes) long_alias += "abc ";
  long_alias += "end";
  onoma_builder* builder = nullptr;
  onoma_gazetteer* gazetteer = nullptr;
  if (onoma_builder_new(nullptr, &builder) != ONOMA_OK ||
      onoma_builder_add_entity(builder, "long", 4, "X", 1, long_alias.data(), long_alias.size(),
                               nullptr, 0, nullptr) != ONOMA_OK ||
      onoma_builder_add_entity(builder, "abc", 3, "X", 1, "abc", 3, nullptr, 0, nullptr) !=
          ONOMA_OK ||
      onoma_builder_build(builder, &gazetteer, nullptr) != ONOMA_OK) {
    std::abort();
  }
  onoma_builder_free(builder);
  std::string text;
  while (text.size() < (size_t{1} << 20)) text += "abc ";
  scan_each_iteration(state, gazetteer, nullptr, text);
  state.SetComplexityN(state.range(0));
  onoma_gazetteer_free(gazetteer);
}
BENCHMARK(BM_ScanDeepInALongAlias)
    ->RangeMultiplier(4)
    ->Range(16, 1024)
    ->Complexity()
    ->Unit(benchmark::kMillisecond);

// One short text per call: the fixed cost of a scan (arg: text length in bytes).
void BM_ScanShortText(benchmark::State& state) {
  const onoma_gazetteer* gazetteer = bundled_gazetteer();
  scan_each_iteration(state, gazetteer, nullptr, example_text(1 << 16).substr(0, state.range(0)));
  state.SetItemsProcessed(state.iterations());
}
BENCHMARK(BM_ScanShortText)->Arg(0)->Arg(200)->Arg(2000);

// Bytes where nothing can begin: the fast path's ceiling (arg: 0 = NULs, 1 = letters).
void BM_ScanNothing(benchmark::State& state) {
  const onoma_gazetteer* gazetteer = bundled_gazetteer();
  const std::string text(size_t{16} << 20, state.range(0) == 0 ? '\0' : 'q');
  scan_each_iteration(state, gazetteer, nullptr, text);
}
BENCHMARK(BM_ScanNothing)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond);

}  // namespace
