// Splits text into the units that matching works on, and folds them. A cluster is a character
// together with the combining marks and folded-away characters (ignorables, removed marks)
// that follow it, or — when white space is folded — a whole run of white space. Matches start
// and end only on cluster boundaries, which is what keeps them off the middle of a UTF-8
// sequence, of an expanded character (alias "s" never matches half of "ß") and of a base
// letter with its accents.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "unicode/fold_table.h"

namespace onoma::unicode {

struct Cluster {
  size_t begin = 0;           // original byte range [begin, end)
  size_t end = 0;
  const char* folded = nullptr;
  size_t folded_length = 0;   // 0: the cluster folds away entirely
  bool word = false;          // the first character is a word character
  bool folded_starts_word = false;
  bool white_space = false;
};

class ClusterReader {
 public:
  explicit ClusterReader(const FoldTable& table) : table_(table) {}

  // The cluster that begins at byte `pos` of `text` (pos < length). The folded bytes stay
  // valid until the next call.
  Cluster read(const char* text, size_t length, size_t pos);

  const FoldTable& table() const { return table_; }

 private:
  void append_folded(const char* bytes, size_t length, Cluster& cluster);
  void reorder_marks(Cluster& cluster);

  const FoldTable& table_;
  std::string buffer_;  // folded bytes of a cluster made of several folded parts
  std::vector<char32_t> code_points_;  // scratch for mark reordering
};

// The folded form of a whole string (an alias, or a span of text to verify), with white space
// at both ends dropped when white space is folded. Written to `out` (replacing its contents)
// with `reader`'s table, so that a caller checking many spans reuses both.
void fold_into(ClusterReader& reader, const char* text, size_t length, std::string& out);
std::string fold_string(const FoldTable& table, const char* text, size_t length);

}  // namespace onoma::unicode
