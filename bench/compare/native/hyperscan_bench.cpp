// Hyperscan, literal API: hs_compile_lit_multi with HS_FLAG_CASELESS (ASCII case) and
// HS_FLAG_SOM_LEFTMOST on every distinct alias string, block mode, one thread.
//
//   hyperscan_bench ALIASES SPANS_DIR RUNS BUDGET TEXT...
//
// Prints one JSON line for the build, then one per text: raw (count every match, what
// Hyperscan gives by itself) and same answer (collect the matches, then bench::same_answer,
// timed together). The same-answer spans go to SPANS_DIR/hyperscan.TEXTNAME.spans.
#include <hs.h>

#include <cstdio>
#include <cstdlib>
#include <string>

#include "bench_common.h"
#include "literal_database.h"
#include "same_answer.h"

int main(int argc, char** argv) {
  const bench::Arguments args = bench::parse_arguments(argc, argv);
  const int runs = args.runs;
  const double budget = args.budget;
  std::vector<std::string> aliases = bench::read_lines(args.aliases);
  const std::size_t baseline = bench::memory_baseline();
  double t = bench::now();
  bench::LiteralDatabase db(aliases, bench::kCaselessWithStart);
  const double build = bench::now() - t;
  const std::size_t peak = bench::peak_rss() - baseline;
  const std::size_t resident = bench::resident_rss() - baseline;

  // Load time: how a Hyperscan program skips the compile, restoring a serialized database.
  const std::string serialized = db.serialize();
  t = bench::now();
  hs_database_t* restored = nullptr;
  if (hs_deserialize_database(serialized.data(), serialized.size(), &restored) != HS_SUCCESS) {
    std::fprintf(stderr, "hs_deserialize_database failed\n");
    return 2;
  }
  bench::LiteralDatabase loaded(restored);
  const double load = bench::now() - t;

  bench::JsonLine()
      .str("kind", "build")
      .integer("aliases", static_cast<long long>(aliases.size()))
      .integer("skipped", static_cast<long long>(db.skipped()))
      .num("build", build)
      .num("load", load)
      .integer("peak", static_cast<long long>(peak))
      .integer("resident", static_cast<long long>(resident))
      .integer("database", static_cast<long long>(db.database_size()))
      .integer("scratch", static_cast<long long>(db.scratch_size()))
      .str("version", hs_version())
      .emit();

  std::vector<bench::Span> spans, answer;
  for (const std::string& path : args.texts) {
    const bench::Text input = bench::read_text(path);
    const std::string& name = input.name;
    const std::string& text = input.bytes;
    const double mb = input.mb;

    std::uint64_t matches = 0;
    int raw_runs = 0, same_runs = 0;
    const double raw = bench::median_time(runs, budget, [&] { matches = db.count(text); },
                                          &raw_runs);
    std::vector<double> filter_times;
    const double same = bench::median_time(runs, budget, [&] {
      spans.clear();
      db.collect(text, spans);
      double f = bench::now();
      answer = bench::same_answer(text, spans);
      filter_times.push_back(bench::now() - f);
    }, &same_runs);
    bench::write_spans(args.spans_dir + "/hyperscan." + name + ".spans", answer);

    bench::JsonLine()
        .str("kind", "scan")
        .str("text", name)
        .num("mbs", mb / raw)
        .integer("matches", static_cast<long long>(matches))
        .integer("runs", raw_runs)
        .num("same_mbs", mb / same)
        .integer("same_matches", static_cast<long long>(answer.size()))
        .num("filter_share", bench::median(filter_times) / same)
        .emit();
  }
  return 0;
}
