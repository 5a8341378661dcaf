// Splits text into the units that matching works on, and folds them. A cluster is a character
// together with the combining marks and folded-away characters (ignorables, removed marks)
// that follow it, or — when white space is folded — a whole run of white space (spacing
// accents included, and the combining marks that follow white space). Matches start
// and end only on cluster boundaries, which is what keeps them off the middle of a UTF-8
// sequence, of an expanded character (alias "s" never matches half of "ß") and of a base
// letter with its accents.
#pragma once

#include <cstddef>
#include <string>
#include <utility>
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
  bool read_simple(const char* text, size_t length, size_t pos, Cluster& cluster);
  void append_folded(const char* bytes, size_t length, Cluster& cluster);
  void reorder_marks(const char* text, Cluster& cluster);

  const FoldTable& table_;
  std::string buffer_;  // folded bytes of a cluster made of several folded parts
  // Scratch for mark reordering: the folded code points, their order classes, their order.
  std::vector<char32_t> code_points_;
  std::vector<uint8_t> order_classes_;
  std::vector<size_t> order_;
};

// The folded form of a whole string (an alias), with white space at both ends dropped when
// white space is folded.
std::string fold_string(const FoldTable& table, const char* text, size_t length);

// The byte range of `text` that fold_string keeps: from the first to the last cluster that
// folds to something other than trimmed white space. A match of the alias spans exactly such
// a range of the text, which is why case checks compare spans with fold_span.
std::pair<size_t, size_t> folded_extent(const FoldTable& table, const char* text, size_t length);

// The clusters of text[begin, end) folded by `reader` and concatenated as they are (nothing
// trimmed), written to `out`. The scanner checks a case-sensitive match this way, and the
// builder folds the alias's folded_extent this way, so both sides agree by construction.
void fold_span(ClusterReader& reader, const char* text, size_t begin, size_t end,
               std::string& out);

}  // namespace onoma::unicode
