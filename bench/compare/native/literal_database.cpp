#include "literal_database.h"

#include <cstdio>
#include <cstdlib>

namespace bench {

[[noreturn]] static void fail(const char* what, hs_error_t e) {
  std::fprintf(stderr, "hyperscan: %s failed (%d)\n", what, e);
  std::exit(2);
}

LiteralDatabase::LiteralDatabase(const std::vector<std::string>& literals, unsigned flags) {
  std::vector<const char*> expressions;
  std::vector<std::size_t> lengths;
  std::vector<unsigned> ids;
  for (std::size_t i = 0; i < literals.size(); ++i) {
    if (literals[i].empty()) {
      ++skipped_;
      continue;
    }
    expressions.push_back(literals[i].data());
    lengths.push_back(literals[i].size());
    ids.push_back(static_cast<unsigned>(i));
  }
  for (;;) {
    std::vector<unsigned> all_flags(expressions.size(), flags);
    hs_compile_error_t* error = nullptr;
    hs_error_t e = hs_compile_lit_multi(expressions.data(), all_flags.data(), ids.data(),
                                        lengths.data(), static_cast<unsigned>(expressions.size()),
                                        HS_MODE_BLOCK, nullptr, &database_, &error);
    if (e == HS_SUCCESS) break;
    int bad = error ? error->expression : -1;
    std::fprintf(stderr, "hyperscan: literal %d refused: %s\n", bad,
                 error ? error->message : "?");
    hs_free_compile_error(error);
    if (bad < 0) fail("hs_compile_lit_multi", e);  // not about one literal: give up
    expressions.erase(expressions.begin() + bad);
    lengths.erase(lengths.begin() + bad);
    ids.erase(ids.begin() + bad);
    ++skipped_;
  }
  make_scratch();
}

LiteralDatabase::LiteralDatabase(hs_database_t* database) : database_(database) {
  make_scratch();
}

LiteralDatabase::~LiteralDatabase() {
  hs_free_scratch(scratch_);
  hs_free_database(database_);
}

void LiteralDatabase::make_scratch() {
  hs_error_t e = hs_alloc_scratch(database_, &scratch_);
  if (e != HS_SUCCESS) fail("hs_alloc_scratch", e);
}

std::size_t LiteralDatabase::database_size() const {
  std::size_t size = 0;
  hs_database_size(database_, &size);
  return size;
}

std::size_t LiteralDatabase::scratch_size() const {
  std::size_t size = 0;
  hs_scratch_size(scratch_, &size);
  return size;
}

std::string LiteralDatabase::serialize() const {
  char* bytes = nullptr;
  std::size_t length = 0;
  hs_error_t e = hs_serialize_database(database_, &bytes, &length);
  if (e != HS_SUCCESS) fail("hs_serialize_database", e);
  std::string out(bytes, length);
  std::free(bytes);  // hs_serialize_database allocates with the misc allocator: malloc
  return out;
}

std::uint64_t LiteralDatabase::count(std::string_view text) const {
  std::uint64_t n = 0;
  auto on_match = [](unsigned, unsigned long long, unsigned long long, unsigned,
                     void* context) -> int {
    ++*static_cast<std::uint64_t*>(context);
    return 0;
  };
  hs_error_t e = hs_scan(database_, text.data(), static_cast<unsigned>(text.size()), 0,
                         scratch_, on_match, &n);
  if (e != HS_SUCCESS) fail("hs_scan", e);
  return n;
}

void LiteralDatabase::collect(std::string_view text, std::vector<Span>& out) const {
  auto on_match = [](unsigned, unsigned long long from, unsigned long long to, unsigned,
                     void* context) -> int {
    static_cast<std::vector<Span>*>(context)->emplace_back(from, to);
    return 0;
  };
  hs_error_t e = hs_scan(database_, text.data(), static_cast<unsigned>(text.size()), 0,
                         scratch_, on_match, &out);
  if (e != HS_SUCCESS) fail("hs_scan", e);
}

}  // namespace bench
