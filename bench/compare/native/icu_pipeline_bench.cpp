// The ICU pipeline (icu_pipeline.h) as a peer of the comparison.
//
//   icu_pipeline_bench ALIASES SPANS_DIR RUNS BUDGET TEXT...
//
// Prints one JSON line for the build (fold the aliases + compile), then one per text: raw =
// fold + scan + map back, timed together (and the share of the fold); same answer = raw +
// bench::same_answer on the original text. Same-answer spans go to
// SPANS_DIR/icu_pipeline.TEXTNAME.spans.
#include <hs.h>
#include <unicode/uversion.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_common.h"
#include "icu_pipeline.h"
#include "same_answer.h"

int main(int argc, char** argv) {
  const bench::Arguments args = bench::parse_arguments(argc, argv);
  const int runs = args.runs;
  const double budget = args.budget;
  std::vector<std::string> aliases = bench::read_lines(args.aliases);
  const std::size_t baseline = bench::memory_baseline();
  double t = bench::now();
  bench::IcuPipeline pipeline(aliases);
  const double build = bench::now() - t;
  const std::size_t peak = bench::peak_rss() - baseline;
  const std::size_t resident = bench::resident_rss() - baseline;

  UVersionInfo icu;
  u_getVersion(icu);
  char icu_version[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_version);
  bench::JsonLine()
      .str("kind", "build")
      .integer("aliases", static_cast<long long>(aliases.size()))
      .integer("folded_aliases", static_cast<long long>(pipeline.folded_aliases()))
      .integer("skipped", static_cast<long long>(pipeline.database().skipped()))
      .num("build", build)
      .num("fold_aliases", pipeline.fold_aliases_seconds())
      .integer("peak", static_cast<long long>(peak))
      .integer("resident", static_cast<long long>(resident))
      .integer("database", static_cast<long long>(pipeline.database().database_size()))
      .str("version", std::string("ICU ") + icu_version + ", Hyperscan " + hs_version())
      .emit();

  for (const std::string& path : args.texts) {
    const bench::Text input = bench::read_text(path);
    const std::string& name = input.name;
    const std::string& text = input.bytes;
    const double mb = input.mb;

    std::vector<bench::Span> original, answer;
    std::size_t found = 0;
    std::vector<double> raw_times, fold_times, same_times;
    for (int r = 0; r < runs; ++r) {
      double t0 = bench::now();
      pipeline.fold(text);
      double t1 = bench::now();
      original.clear();
      found = pipeline.match(original);
      double t2 = bench::now();
      answer = bench::same_answer(text, original);
      double t3 = bench::now();
      fold_times.push_back(t1 - t0);
      raw_times.push_back(t2 - t0);
      same_times.push_back(t3 - t0);
      if (t3 - t0 > budget) break;
    }
    bench::write_spans(args.spans_dir + "/icu_pipeline." + name + ".spans", answer);

    const double raw = bench::median(raw_times);
    bench::JsonLine()
        .str("kind", "scan")
        .str("text", name)
        .num("mbs", mb / raw)
        .integer("matches", static_cast<long long>(found))
        .integer("runs", static_cast<long long>(raw_times.size()))
        .num("same_mbs", mb / bench::median(same_times))
        .integer("same_matches", static_cast<long long>(answer.size()))
        .num("fold_share", bench::median(fold_times) / raw)
        .integer("folded_bytes", static_cast<long long>(pipeline.folded_bytes()))
        .emit();
  }
  return 0;
}
