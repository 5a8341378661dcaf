// A Hyperscan literal database (hs_compile_lit_multi, block mode) with its scratch: the
// matcher of the Hyperscan rows and of the ICU pipeline.
#pragma once

#include <hs.h>

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "same_answer.h"

namespace bench {

// The Hyperscan peer: ASCII case folded, each match's start tracked (hyperscan_bench and
// interleaved_bench).
constexpr unsigned kCaselessWithStart = HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST;

class LiteralDatabase {
 public:
  // Compiles `literals` with HS_FLAG_* `flags` (ids = positions in `literals`). Literals
  // Hyperscan refuses are skipped and counted: the empty ones before compiling, any other
  // named by a compile error (then the rest is compiled again). Exits on other errors.
  LiteralDatabase(const std::vector<std::string>& literals, unsigned flags);
  // Takes a database restored by hs_deserialize_database.
  explicit LiteralDatabase(hs_database_t* database);
  ~LiteralDatabase();
  LiteralDatabase(const LiteralDatabase&) = delete;
  LiteralDatabase& operator=(const LiteralDatabase&) = delete;

  std::size_t skipped() const { return skipped_; }
  std::size_t database_size() const;
  std::size_t scratch_size() const;
  std::string serialize() const;

  // Number of matches in `text` (every literal at every end offset: Hyperscan reports all
  // overlapping matches).
  std::uint64_t count(std::string_view text) const;
  // The same matches as (start, end), start from HS_FLAG_SOM_LEFTMOST; appended to `out`.
  void collect(std::string_view text, std::vector<Span>& out) const;

 private:
  hs_database_t* database_ = nullptr;
  hs_scratch_t* scratch_ = nullptr;
  std::size_t skipped_ = 0;
  void make_scratch();
};

}  // namespace bench
