// The touch-every-byte limit: glibc memchr over the whole text for a byte value that does
// not occur in it, so it reads every byte and returns NULL.
//
//   memchr_bench RUNS TEXT...      one JSON line per text: MB/s, median of RUNS runs
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>

#include "bench_common.h"

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s RUNS TEXT...\n", argv[0]);
    return 2;
  }
  const int runs = std::atoi(argv[1]);
  for (int i = 2; i < argc; ++i) {
    const std::string path = argv[i];
    const std::string text = bench::read_file(path);
    std::size_t histogram[256] = {};
    for (unsigned char c : text) ++histogram[c];
    int absent = 0;
    while (absent < 256 && histogram[absent] != 0) ++absent;
    if (absent == 256) {
      std::fprintf(stderr, "%s holds every byte value: no byte to search for\n", path.c_str());
      return 2;
    }
    const void* volatile found = nullptr;  // keeps the call from being optimized away
    const double sec = bench::median_time(runs, 1e9, [&] {
      found = std::memchr(text.data(), absent, text.size());
    });
    if (found != nullptr) return 3;
    bench::JsonLine()
        .str("kind", "memchr")
        .str("text", path.substr(path.find_last_of('/') + 1))
        .integer("byte", absent)
        .num("mbs", static_cast<double>(text.size()) / 1e6 / sec)
        .emit();
  }
  return 0;
}
