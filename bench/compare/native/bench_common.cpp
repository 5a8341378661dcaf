#include "bench_common.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <malloc.h>
#include <sstream>

namespace bench {

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    std::fprintf(stderr, "cannot read %s\n", path.c_str());
    std::exit(2);
  }
  std::ostringstream s;
  s << in.rdbuf();
  return std::move(s).str();
}

Arguments parse_arguments(int argc, char** argv) {
  if (argc < 6) {
    std::fprintf(stderr, "usage: %s ALIASES SPANS_DIR RUNS BUDGET TEXT...\n", argv[0]);
    std::exit(2);
  }
  return {argv[1], argv[2], std::atoi(argv[3]), std::atof(argv[4]), {argv + 5, argv + argc}};
}

Text read_text(const std::string& path) {
  Text text{path.substr(path.find_last_of('/') + 1), read_file(path), 0};
  text.mb = static_cast<double>(text.bytes.size()) / 1e6;
  return text;
}

std::vector<std::string> read_lines(const std::string& path) {
  std::string all = read_file(path);
  std::vector<std::string> lines;
  std::size_t pos = 0;
  while (pos < all.size()) {
    std::size_t nl = all.find('\n', pos);
    if (nl == std::string::npos) nl = all.size();
    lines.emplace_back(all, pos, nl - pos);
    pos = nl + 1;
  }
  return lines;
}

double median(std::vector<double> v) {
  if (v.empty()) return 0;
  std::sort(v.begin(), v.end());
  std::size_t n = v.size();
  return n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

static std::size_t status_kib(const char* field) {
  FILE* f = std::fopen("/proc/self/status", "r");
  if (!f) return 0;
  char line[256];
  std::size_t kib = 0, len = std::strlen(field);
  while (std::fgets(line, sizeof line, f)) {
    if (std::strncmp(line, field, len) == 0) {
      kib = std::strtoull(line + len, nullptr, 10);
      break;
    }
  }
  std::fclose(f);
  return kib * 1024;
}

std::size_t peak_rss() { return status_kib("VmHWM:"); }
std::size_t memory_baseline() {
  std::size_t resident = resident_rss();
  if (FILE* f = std::fopen("/proc/self/clear_refs", "w")) {
    std::fputs("5", f);
    std::fclose(f);
  }
  return resident;
}

std::size_t resident_rss() {
  malloc_trim(0);
  return status_kib("VmRSS:");
}

void write_spans(const std::string& path,
                 const std::vector<std::pair<std::uint64_t, std::uint64_t>>& spans) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) {
    std::fprintf(stderr, "cannot write %s\n", path.c_str());
    std::exit(2);
  }
  for (const auto& [s, e] : spans) {  // x86-64 is little-endian: the pairs as they are
    std::uint64_t pair[2] = {s, e};
    std::fwrite(pair, sizeof pair, 1, f);
  }
  std::fclose(f);
}

void JsonLine::key(const char* k) {
  body_ += body_.empty() ? "{\"" : ", \"";
  body_ += k;
  body_ += "\": ";
}

JsonLine& JsonLine::str(const char* k, const std::string& value) {
  key(k);
  body_ += '"';
  for (char c : value) {
    if (c == '"' || c == '\\') body_ += '\\';
    if (static_cast<unsigned char>(c) < 0x20) continue;  // names and paths only: none expected
    body_ += c;
  }
  body_ += '"';
  return *this;
}

JsonLine& JsonLine::num(const char* k, double value) {
  key(k);
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.9g", value);
  body_ += buf;
  return *this;
}

JsonLine& JsonLine::integer(const char* k, long long value) {
  key(k);
  body_ += std::to_string(value);
  return *this;
}

void JsonLine::emit() {
  std::printf("%s}\n", body_.c_str());
  std::fflush(stdout);
  body_.clear();
}

}  // namespace bench
