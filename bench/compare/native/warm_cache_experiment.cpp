// An experiment, not a peer: how fast onoma's scan would run if its reads never missed the
// caches.
//
//   warm_cache_experiment GAZETTEER TEXT CHUNK[,CHUNK...] [ROUNDS]
//
// bench/PROFILE.md ("Every cache miss hidden: a bound for the Hyperscan target") asks how much
// of the scan's time is spent waiting on memory. This cuts TEXT into chunks of CHUNK bytes
// (each carried on to the next space) and scans every chunk twice in a row with onoma_scan
// (default options). The second scan of a chunk finds in the caches what the first one read:
// with chunks of 16 or 32 KiB, callgrind's cache model (a 1 MiB last level, this machine's L2)
// counts almost no misses in it. It also branches as the first did, so the predictor has seen
// its branches once, which favours it further: the second scan is a bound from above for any
// way of hiding the misses (prefetching, interleaved walks). Times are thread CPU time; for
// each chunk size it prints the median MB/s of first and second scans over ROUNDS rounds
// (default 9) and the median of the rounds' ratios, then the MB/s of one scan of the whole
// text. Chunk sizes are alternated within each round, so all of them see the same load.
#include <onoma/onoma.h>

#include <time.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "bench_common.h"

namespace {

using bench::median;
using bench::read_file;

double thread_seconds() {
  timespec t;
  clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t);
  return static_cast<double>(t.tv_sec) + static_cast<double>(t.tv_nsec) * 1e-9;
}

int count_match(const onoma_match*, void* count) {
  ++*static_cast<size_t*>(count);
  return 0;
}

double scan_seconds(const onoma_gazetteer* gazetteer, onoma_scratch* scratch, const char* text,
                    size_t length) {
  size_t matches = 0;
  const double start = thread_seconds();
  if (onoma_scan(gazetteer, scratch, nullptr, text, length, count_match, &matches) != ONOMA_OK) {
    std::fprintf(stderr, "onoma_scan failed\n");
    std::exit(1);
  }
  return thread_seconds() - start;
}

std::vector<size_t> parse_sizes(const char* list) {
  std::vector<size_t> sizes;
  for (const char* p = list; *p != '\0';) {
    char* end = nullptr;
    sizes.push_back(std::strtoul(p, &end, 10));
    if (end == p || sizes.back() == 0) {
      std::fprintf(stderr, "bad chunk size list: %s\n", list);
      std::exit(2);
    }
    p = *end == ',' ? end + 1 : end;
  }
  return sizes;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4 || argc > 5) {
    std::fprintf(stderr, "usage: %s GAZETTEER TEXT CHUNK[,CHUNK...] [ROUNDS]\n", argv[0]);
    return 2;
  }
  const std::string text = read_file(argv[2]);
  const std::vector<size_t> chunk_sizes = parse_sizes(argv[3]);
  const int rounds = argc == 5 ? std::atoi(argv[4]) : 9;
  onoma_gazetteer* gazetteer = nullptr;
  onoma_scratch* scratch = nullptr;
  if (onoma_gazetteer_load(argv[1], ONOMA_FORMAT_AUTO, nullptr, &gazetteer, nullptr) !=
          ONOMA_OK ||
      onoma_scratch_new(&scratch) != ONOMA_OK) {
    std::fprintf(stderr, "cannot load %s\n", argv[1]);
    return 1;
  }
  const double megabytes = static_cast<double>(text.size()) / 1e6;
  struct Series {
    std::vector<double> first, second, ratio;
  };
  std::vector<Series> series(chunk_sizes.size());
  std::vector<double> whole;
  for (int round = 0; round < rounds; ++round) {
    for (size_t k = 0; k < chunk_sizes.size(); ++k) {
      double first = 0;
      double second = 0;
      for (size_t begin = 0; begin < text.size();) {
        size_t end = std::min(text.size(), begin + chunk_sizes[k]);
        while (end < text.size() && text[end] != ' ') ++end;
        first += scan_seconds(gazetteer, scratch, text.data() + begin, end - begin);
        second += scan_seconds(gazetteer, scratch, text.data() + begin, end - begin);
        begin = end;
      }
      series[k].first.push_back(megabytes / first);
      series[k].second.push_back(megabytes / second);
      series[k].ratio.push_back(first / second);
    }
    whole.push_back(megabytes / scan_seconds(gazetteer, scratch, text.data(), text.size()));
  }
  for (size_t k = 0; k < chunk_sizes.size(); ++k) {
    std::printf("chunks of %zu bytes: first scan %.1f MB/s, second %.1f MB/s, ratio %.2f\n",
                chunk_sizes[k], median(series[k].first), median(series[k].second),
                median(series[k].ratio));
  }
  std::printf("whole text: %.1f MB/s (medians of %d rounds)\n", median(whole), rounds);
  onoma_scratch_free(scratch);
  onoma_gazetteer_free(gazetteer);
  return 0;
}
