// The builder through the C API: synthetic multi-word aliases (arg: count), which measures
// folding, deduplication and the compilation of the trie with its Aho-Corasick links.
#include <benchmark/benchmark.h>

#include <random>
#include <string>
#include <vector>

#include <onoma/onoma.h>

namespace {

// Deterministic pseudo-words: a fixed seed, so every run builds the same gazetteer.
std::vector<std::string> synthetic_aliases(size_t count) {
  static const char* const kSyllables[] = {"ka", "ri", "mo", "lé", "tsu", "an", "ber", "go",
                                           "ña", "vi", "stra", "ül", "pe", "dor", "ix", "sen"};
  std::mt19937 rng(20261123);
  std::uniform_int_distribution<int> syllable(0, 15), syllables(2, 4), words(1, 3);
  std::vector<std::string> aliases;
  aliases.reserve(count);
  for (size_t i = 0; i < count; ++i) {
    std::string alias;
    for (int w = words(rng); w > 0; --w) {
      if (!alias.empty()) alias += ' ';
      for (int s = syllables(rng); s > 0; --s) alias += kSyllables[syllable(rng)];
    }
    alias[0] = static_cast<char>(alias[0] - 'a' + 'A');
    aliases.push_back(alias);
  }
  return aliases;
}

void BM_BuildSyntheticGazetteer(benchmark::State& state) {
  const std::vector<std::string> aliases = synthetic_aliases(static_cast<size_t>(state.range(0)));
  size_t memory = 0;
  for (auto _ : state) {
    onoma_builder* builder = nullptr;
    onoma_builder_new(nullptr, &builder);
    for (size_t i = 0; i < aliases.size(); ++i) {
      const std::string id = "e" + std::to_string(i);
      onoma_builder_add_entity(builder, id.data(), id.size(), "MISC", 4, aliases[i].data(),
                               aliases[i].size(), nullptr, 0, nullptr);
    }
    onoma_gazetteer* gazetteer = nullptr;
    onoma_builder_build(builder, &gazetteer, nullptr);
    memory = onoma_gazetteer_memory_usage(gazetteer);
    onoma_gazetteer_free(gazetteer);
    onoma_builder_free(builder);
  }
  state.SetItemsProcessed(static_cast<int64_t>(state.iterations() * aliases.size()));
  state.counters["bytes_per_alias"] = static_cast<double>(memory) / aliases.size();
}
BENCHMARK(BM_BuildSyntheticGazetteer)->Arg(10000)->Arg(100000)->Unit(benchmark::kMillisecond);

}  // namespace
