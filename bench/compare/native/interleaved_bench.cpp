// onoma and Hyperscan timed in turn in one process, on the same text: the ratio of the issue's
// "10× Hyperscan" target without the drift of a shared machine between two programs run
// minutes apart (what the per-peer rows of RESULTS.md are).
//
//   interleaved_bench GAZETTEER.jsonl ALIASES ROUNDS TEXT
//
// onoma: the C API's scan with default options (folding, word boundaries, leftmost-longest),
// counting matches in the callback. Hyperscan: its raw count, as hyperscan_bench measures it
// (HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST on every distinct alias string). Each round times
// one scan of each, in alternating order; prints one JSON line with both medians and the
// median of the rounds' ratios.
#include <hs.h>
#include <onoma/onoma.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_common.h"
#include "literal_database.h"

namespace {

int count_match(const onoma_match*, void* user_data) {
  ++*static_cast<std::uint64_t*>(user_data);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 5) {
    std::fprintf(stderr, "usage: %s GAZETTEER.jsonl ALIASES ROUNDS TEXT\n", argv[0]);
    return 2;
  }
  const int rounds = std::atoi(argv[3]);
  const bench::Text input = bench::read_text(argv[4]);
  const std::string& text = input.bytes;

  onoma_gazetteer* gazetteer = nullptr;
  onoma_scratch* scratch = nullptr;
  onoma_error* error = nullptr;
  if (onoma_gazetteer_load(argv[1], ONOMA_FORMAT_AUTO, nullptr, &gazetteer, &error) != ONOMA_OK ||
      onoma_scratch_new(&scratch) != ONOMA_OK) {
    std::fprintf(stderr, "cannot load %s: %s\n", argv[1], error ? error->message : "no memory");
    onoma_error_free(error);
    return 2;
  }
  const bench::LiteralDatabase db(bench::read_lines(argv[2]),
                                  HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST);

  std::uint64_t onoma_matches = 0, hyperscan_matches = 0;
  auto time_onoma = [&] {
    onoma_matches = 0;
    const double t = bench::now();
    if (onoma_scan(gazetteer, scratch, nullptr, text.data(), text.size(), count_match,
                   &onoma_matches) != ONOMA_OK) {
      std::fprintf(stderr, "onoma_scan failed\n");
      std::exit(1);
    }
    return bench::now() - t;
  };
  auto time_hyperscan = [&] {
    const double t = bench::now();
    hyperscan_matches = db.count(text);
    return bench::now() - t;
  };
  time_onoma();  // warm-up: the gazetteer's pages and the scratch
  time_hyperscan();
  std::vector<double> onoma_times, hyperscan_times, ratios;
  for (int round = 0; round < rounds; ++round) {
    double o, h;
    if (round % 2 == 0) {
      o = time_onoma();
      h = time_hyperscan();
    } else {
      h = time_hyperscan();
      o = time_onoma();
    }
    onoma_times.push_back(o);
    hyperscan_times.push_back(h);
    ratios.push_back(h / o);
  }
  bench::JsonLine()
      .str("text", input.name)
      .integer("rounds", rounds)
      .num("onoma_mbs", input.mb / bench::median(onoma_times))
      .num("hyperscan_mbs", input.mb / bench::median(hyperscan_times))
      .num("ratio", bench::median(ratios))
      .integer("onoma_matches", static_cast<long long>(onoma_matches))
      .integer("hyperscan_matches", static_cast<long long>(hyperscan_matches))
      .emit();
  onoma_scratch_free(scratch);
  onoma_gazetteer_free(gazetteer);
  return 0;
}
