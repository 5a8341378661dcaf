// What every native bench program shares: reading the inputs, wall-clock medians, the
// process's memory figures, and one JSON object per line on stdout for compare.py.
#pragma once

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace bench {

// Whole file as bytes; exits with a message when it cannot be read.
std::string read_file(const std::string& path);

// One string per line (the NAME.aliases.txt format); empty lines are kept so that the
// matchers decide what they refuse and count it.
std::vector<std::string> read_lines(const std::string& path);

// The command line of the matcher programs: ALIASES SPANS_DIR RUNS BUDGET TEXT...; exits
// with the usage when it is short.
struct Arguments {
  std::string aliases;    // NAME.aliases.txt
  std::string spans_dir;  // where write_spans puts each text's same-answer spans
  int runs;               // median of at most this many scans
  double budget;          // seconds: fewer runs once one took longer
  std::vector<std::string> texts;
};
Arguments parse_arguments(int argc, char** argv);

// One text to scan: its file name (no folder), bytes and size in MB.
struct Text {
  std::string name;
  std::string bytes;
  double mb;
};
Text read_text(const std::string& path);

inline double now() {
  return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch())
      .count();
}

double median(std::vector<double> v);

// Median wall time of `runs` calls of fn(), fewer once a call took longer than `budget`
// seconds (the rule compare.py applies to the Python peers).
template <class F>
double median_time(int runs, double budget, F&& fn, int* done = nullptr) {
  std::vector<double> times;
  for (int i = 0; i < runs; ++i) {
    double t = now();
    fn();
    times.push_back(now() - t);
    if (times.back() > budget) break;
  }
  if (done) *done = static_cast<int>(times.size());
  return median(times);
}

// Memory of a build, in bytes: call memory_baseline() just before it, then peak_rss() and
// resident_rss() after it and subtract the baseline. memory_baseline() resets the kernel's
// high-water mark (VmHWM, "5" to /proc/self/clear_refs), so reading the inputs before does
// not count. Both resident figures first hand freed heap back to the system (glibc
// malloc_trim): a build's freed temporaries are not resident. worker.py does the same.
std::size_t memory_baseline();
std::size_t peak_rss();
std::size_t resident_rss();

// Writes (start, end) pairs as little-endian uint64 pairs, the format compare.py reads to
// compute the agreement with onoma's spans.
void write_spans(const std::string& path,
                 const std::vector<std::pair<std::uint64_t, std::uint64_t>>& spans);

// A flat JSON object printed as one line: add fields, then emit().
class JsonLine {
 public:
  JsonLine& str(const char* key, const std::string& value);
  JsonLine& num(const char* key, double value);
  JsonLine& integer(const char* key, long long value);
  void emit();

 private:
  std::string body_;
  void key(const char* k);
};

}  // namespace bench
