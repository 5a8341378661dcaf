// onoma and a native peer timed in turn in one process, on the same text: the ratios of the
// issue's targets without the drift of a shared machine between two programs run minutes
// apart (what the per-peer rows of RESULTS.md are).
//
//   interleaved_bench PEER GAZETTEER.jsonl ALIASES ROUNDS TEXT...
//
// onoma: the C API's scan with default options (folding, word boundaries, leftmost-longest),
// counting matches in the callback. PEER: `hyperscan`, its raw count as hyperscan_bench
// measures it (bench::kCaselessWithStart on every distinct alias string), or
// `icu_pipeline`, its raw answer as icu_pipeline_bench measures it (fold, match, map back).
// Each round times one scan of each, in alternating order; prints one JSON line per text
// with both medians and the median of the rounds' ratios.
#include <hs.h>
#include <onoma/onoma.h>

#include <cstdio>
#include <cstdlib>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "bench_common.h"
#include "icu_pipeline.h"
#include "literal_database.h"

namespace {

int count_match(const onoma_match*, void* user_data) {
  ++*static_cast<std::uint64_t*>(user_data);
  return 0;
}

// The peer's scan of a text, returning its number of matches.
using PeerScan = std::function<std::uint64_t(std::string_view)>;

PeerScan make_peer(const std::string& name, const std::vector<std::string>& aliases) {
  if (name == "hyperscan") {
    auto db = std::make_shared<bench::LiteralDatabase>(aliases, bench::kCaselessWithStart);
    return [db](std::string_view text) { return db->count(text); };
  }
  if (name == "icu_pipeline") {
    auto pipeline = std::make_shared<bench::IcuPipeline>(aliases);
    auto spans = std::make_shared<std::vector<bench::Span>>();
    return [pipeline, spans](std::string_view text) {
      spans->clear();
      pipeline->fold(text);
      return static_cast<std::uint64_t>(pipeline->match(*spans));
    };
  }
  std::fprintf(stderr, "unknown peer %s (hyperscan or icu_pipeline)\n", name.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s PEER GAZETTEER.jsonl ALIASES ROUNDS TEXT...\n", argv[0]);
    return 2;
  }
  const std::string peer_name = argv[1];
  const int rounds = std::atoi(argv[4]);

  onoma_gazetteer* gazetteer = nullptr;
  onoma_scratch* scratch = nullptr;
  onoma_error* error = nullptr;
  if (onoma_gazetteer_load(argv[2], ONOMA_FORMAT_AUTO, nullptr, &gazetteer, &error) != ONOMA_OK ||
      onoma_scratch_new(&scratch) != ONOMA_OK) {
    std::fprintf(stderr, "cannot load %s: %s\n", argv[2], error ? error->message : "no memory");
    onoma_error_free(error);
    return 2;
  }
  const PeerScan peer = make_peer(peer_name, bench::read_lines(argv[3]));

  for (int i = 5; i < argc; ++i) {
    const bench::Text input = bench::read_text(argv[i]);
    const std::string& text = input.bytes;
    std::uint64_t onoma_matches = 0, peer_matches = 0;
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
    auto time_peer = [&] {
      const double t = bench::now();
      peer_matches = peer(text);
      return bench::now() - t;
    };
    time_onoma();  // warm-up: the gazetteer's pages, the scratch, the peer's buffers
    time_peer();
    std::vector<double> onoma_times, peer_times, ratios;
    for (int round = 0; round < rounds; ++round) {
      double o, p;
      if (round % 2 == 0) {
        o = time_onoma();
        p = time_peer();
      } else {
        p = time_peer();
        o = time_onoma();
      }
      onoma_times.push_back(o);
      peer_times.push_back(p);
      ratios.push_back(p / o);
    }
    bench::JsonLine()
        .str("peer", peer_name)
        .str("text", input.name)
        .integer("rounds", rounds)
        .num("onoma_mbs", input.mb / bench::median(onoma_times))
        .num("peer_mbs", input.mb / bench::median(peer_times))
        .num("ratio", bench::median(ratios))
        .integer("onoma_matches", static_cast<long long>(onoma_matches))
        .integer("peer_matches", static_cast<long long>(peer_matches))
        .emit();
  }
  onoma_scratch_free(scratch);
  onoma_gazetteer_free(gazetteer);
  return 0;
}
