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

// Whether the byte at `at` may belong to the cluster of the ASCII or two-byte character before
// it: any byte beyond ASCII may begin a mark; an ASCII byte joins only if it folds away.
inline bool joins_cluster_before(const FoldTable& table, const unsigned char* b, size_t length,
                                 size_t at) {
  return at < length && (b[at] >= 0x80 || table.entry(b[at]).folds_away());
}

class ClusterReader {
 public:
  explicit ClusterReader(const FoldTable& table) : table_(table) {}

  // The cluster that begins at byte `pos` of `text` (pos < length). The folded bytes stay
  // valid until the next call. Inline for the common case (read_simple), which the scanner
  // takes for most bytes that a walk reads: a call and a returned struct cost as much again.
  Cluster read(const char* text, size_t length, size_t pos) {
    Cluster cluster;
    if (read_simple(text, length, pos, cluster)) return cluster;
    return read_composed(text, length, pos);
  }

  const FoldTable& table() const { return table_; }

 private:
  // The common cases without the general way: an ASCII or two-byte character (Latin, Greek,
  // Cyrillic...) followed by an ASCII character that does not join it (ASCII has no marks; some
  // option sets fold ASCII away), and ASCII runs of white space. Fills `cluster` and returns
  // true, or returns false to let read() take the general way (read_composed).
  bool read_simple(const char* text, size_t length, size_t pos, Cluster& cluster) const {
    const auto* b = reinterpret_cast<const unsigned char*>(text);
    auto joins = [&](size_t at) { return joins_cluster_before(table_, b, length, at); };
    char32_t code_point = b[pos];
    size_t end = pos + 1;
    if (code_point >= 0x80) {
      if (code_point < 0xC2 || code_point > 0xDF || end == length || (b[end] & 0xC0) != 0x80) {
        return false;
      }
      code_point = ((code_point & 0x1F) << 6) | (b[end] & 0x3F);
      ++end;
    }
    const FoldEntry& e = table_.entry(code_point);
    const bool white_space = e.has(FoldEntry::kWhiteSpace);
    if (white_space && table_.collapses_white_space()) {
      if (end - pos > 1) return false;
      while (end < length && b[end] < 0x80 && table_.entry(b[end]).has(FoldEntry::kWhiteSpace)) {
        ++end;
      }
      if (joins(end)) return false;
      cluster.folded = " ";
      cluster.folded_length = 1;
    } else {
      if (joins(end)) return false;
      const bool identity = e.has(FoldEntry::kIdentity);
      cluster.folded = identity ? text + pos : table_.folded_bytes(e);
      cluster.folded_length = identity ? end - pos : e.length;
    }
    cluster.begin = pos;
    cluster.end = end;
    cluster.word = e.has(FoldEntry::kWord);
    cluster.folded_starts_word = e.has(FoldEntry::kFoldStartsWord);
    cluster.white_space = white_space;
    return true;
  }
  // Any other cluster (see the .cpp).
  Cluster read_composed(const char* text, size_t length, size_t pos);
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
