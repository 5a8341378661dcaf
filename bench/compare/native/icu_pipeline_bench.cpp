// The ICU pipeline, "what a user must do today to get onoma's folding": fold aliases and
// text with ICU (bench::IcuFolder: NFKC_Casefold, marks removed, offset map), match the
// folded text with the best native matcher here (a Hyperscan literal database with
// HS_FLAG_SOM_LEFTMOST, case-sensitive since both sides are folded already; taking the
// start from the literal's length without SOM was no faster on 200k aliases), map every match
// back to the original.
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
#include <unordered_set>

#include "bench_common.h"
#include "icu_fold.h"
#include "literal_database.h"
#include "same_answer.h"

int main(int argc, char** argv) {
  const bench::Arguments args = bench::parse_arguments(argc, argv);
  const int runs = args.runs;
  const double budget = args.budget;
  std::vector<std::string> aliases = bench::read_lines(args.aliases);
  const bench::IcuFolder folder;
  const std::size_t baseline = bench::memory_baseline();
  double t = bench::now();
  std::vector<std::string> folded;  // distinct folded aliases: "Paris" and "PARIS" fold alike
  {
    std::unordered_set<std::string> seen;
    for (const std::string& alias : aliases) {
      std::string f;
      folder.fold(alias, f, nullptr);
      if (seen.insert(f).second) folded.push_back(std::move(f));
    }
  }
  const double fold_aliases = bench::now() - t;
  bench::LiteralDatabase db(folded, HS_FLAG_SOM_LEFTMOST);
  const double build = bench::now() - t;
  const std::size_t folded_count = folded.size();
  std::vector<std::string>().swap(folded);  // the database does not need them
  const std::size_t peak = bench::peak_rss() - baseline;
  const std::size_t resident = bench::resident_rss() - baseline;

  UVersionInfo icu;
  u_getVersion(icu);
  char icu_version[U_MAX_VERSION_STRING_LENGTH];
  u_versionToString(icu, icu_version);
  bench::JsonLine()
      .str("kind", "build")
      .integer("aliases", static_cast<long long>(aliases.size()))
      .integer("folded_aliases", static_cast<long long>(folded_count))
      .integer("skipped", static_cast<long long>(db.skipped()))
      .num("build", build)
      .num("fold_aliases", fold_aliases)
      .integer("peak", static_cast<long long>(peak))
      .integer("resident", static_cast<long long>(resident))
      .integer("database", static_cast<long long>(db.database_size()))
      .str("version", std::string("ICU ") + icu_version + ", Hyperscan " + hs_version())
      .emit();

  for (const std::string& path : args.texts) {
    const bench::Text input = bench::read_text(path);
    const std::string& name = input.name;
    const std::string& text = input.bytes;
    const double mb = input.mb;

    std::string folded_text;
    bench::OffsetMap map;
    std::vector<bench::Span> found, original, answer;
    std::vector<double> raw_times, fold_times, same_times;
    for (int r = 0; r < runs; ++r) {
      double t0 = bench::now();
      folded_text.clear();
      map.start.clear();
      map.end.clear();
      folder.fold(text, folded_text, &map);
      double t1 = bench::now();
      found.clear();
      db.collect(folded_text, found);
      original.clear();
      for (const auto& [fs, fe] : found) original.emplace_back(map.start[fs], map.end[fe - 1]);
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
        .integer("matches", static_cast<long long>(found.size()))
        .integer("runs", static_cast<long long>(raw_times.size()))
        .num("same_mbs", mb / bench::median(same_times))
        .integer("same_matches", static_cast<long long>(answer.size()))
        .num("fold_share", bench::median(fold_times) / raw)
        .integer("folded_bytes", static_cast<long long>(folded_text.size()))
        .emit();
  }
  return 0;
}
