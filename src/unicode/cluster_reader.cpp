#include "unicode/cluster_reader.h"

#include <algorithm>

#include "unicode/utf8.h"

namespace onoma::unicode {
namespace {

constexpr char kReplacementUtf8[] = "\xEF\xBF\xBD";

const unsigned char* bytes(const char* p) { return reinterpret_cast<const unsigned char*>(p); }

}  // namespace

void ClusterReader::append_folded(const char* folded, size_t length, Cluster& cluster) {
  if (length == 0) return;
  if (cluster.folded_length == 0) {
    cluster.folded = folded;
    cluster.folded_length = length;
    return;
  }
  if (cluster.folded != buffer_.data()) buffer_.assign(cluster.folded, cluster.folded_length);
  buffer_.append(folded, length);
  cluster.folded = buffer_.data();
  cluster.folded_length = buffer_.size();
}

// Kept combining marks are put in canonical order (stable sort by class within each run of
// non-zero classes), so that marks typed in any order fold alike, as NFD requires. The classes
// are those of the decomposed original (FoldTable::order_classes), not of the folded code
// points: case folding turns U+0345 (class 240) into ι (class 0), and sorting after folding
// would let that ι split a run that NFD sorts across it ("α" U+0345 U+0301 against ᾴ U+1FB4).
void ClusterReader::reorder_marks(const char* text, Cluster& cluster) {
  code_points_.clear();
  order_classes_.clear();
  const unsigned char* end = bytes(text) + cluster.end;
  for (const unsigned char* p = bytes(text) + cluster.begin; p < end;) {
    const DecodedCodePoint d = decode_utf8(p, end);
    p += d.length;
    const FoldEntry& e = table_.entry(d.code_point);
    if (e.has(FoldEntry::kIdentity)) {
      code_points_.push_back(d.valid ? d.code_point : kReplacementCharacter);
      order_classes_.push_back(e.combining_class);
      continue;
    }
    const unsigned char* f = bytes(table_.folded_bytes(e));
    const unsigned char* f_end = f + e.length;
    const uint8_t* classes = e.has(FoldEntry::kOrderClasses) ? table_.order_classes(e) : nullptr;
    while (f < f_end) {
      const DecodedCodePoint folded = decode_utf8(f, f_end);
      f += folded.length;
      code_points_.push_back(folded.code_point);
      order_classes_.push_back(classes != nullptr ? *classes++
                                                  : table_.entry(folded.code_point).combining_class);
    }
  }
  order_.resize(code_points_.size());
  for (size_t i = 0; i < order_.size(); ++i) order_[i] = i;
  bool changed = false;
  for (size_t i = 0; i < order_.size();) {
    if (order_classes_[i] == 0) { ++i; continue; }
    size_t run_end = i;
    while (run_end < order_.size() && order_classes_[run_end] != 0) ++run_end;
    auto by_class = [&](size_t a, size_t b) { return order_classes_[a] < order_classes_[b]; };
    if (!std::is_sorted(order_.begin() + i, order_.begin() + run_end, by_class)) {
      std::stable_sort(order_.begin() + i, order_.begin() + run_end, by_class);
      changed = true;
    }
    i = run_end;
  }
  if (!changed) return;
  buffer_.clear();
  for (size_t i : order_) append_utf8(buffer_, code_points_[i]);
  cluster.folded = buffer_.data();
  cluster.folded_length = buffer_.size();
}

// The general way, for what read_simple leaves: the cluster decoded code point by code point,
// its folded parts gathered and its kept marks put in canonical order.
Cluster ClusterReader::read_composed(const char* text, size_t length, size_t pos) {
  const unsigned char* end = bytes(text) + length;
  Cluster cluster;
  cluster.begin = pos;
  const DecodedCodePoint first = decode_utf8(bytes(text) + pos, end);
  const FoldEntry& base = table_.entry(first.code_point);
  cluster.word = base.has(FoldEntry::kWord);
  cluster.folded_starts_word = base.has(FoldEntry::kFoldStartsWord);
  cluster.white_space = base.has(FoldEntry::kWhiteSpace);
  pos += first.length;

  if (cluster.white_space && table_.collapses_white_space()) {
    // The whole run of white space, with the combining marks it carries and whatever folds
    // away inside it, is one space (is_white_space_under in code_point_fold.h).
    while (pos < length) {
      const DecodedCodePoint d = decode_utf8(bytes(text) + pos, end);
      const FoldEntry& e = table_.entry(d.code_point);
      if (!e.has(FoldEntry::kWhiteSpace) && !e.has(FoldEntry::kMark) && !e.folds_away()) break;
      pos += d.length;
    }
    cluster.end = pos;
    cluster.folded = " ";
    cluster.folded_length = 1;
    return cluster;
  }

  int parts = 0;
  auto add = [&](const DecodedCodePoint& d, const FoldEntry& e, size_t at) {
    if (e.has(FoldEntry::kIdentity)) {
      append_folded(d.valid ? text + at : kReplacementUtf8, d.valid ? d.length : 3, cluster);
    } else {
      append_folded(table_.folded_bytes(e), e.length, cluster);
    }
    if (!e.folds_away()) ++parts;
  };
  add(first, base, cluster.begin);
  while (pos < length) {
    const DecodedCodePoint d = decode_utf8(bytes(text) + pos, end);
    const FoldEntry& e = table_.entry(d.code_point);
    if (e.has(FoldEntry::kWhiteSpace) || !(e.has(FoldEntry::kMark) || e.folds_away())) break;
    add(d, e, pos);
    pos += d.length;
  }
  cluster.end = pos;
  if (parts > 1 && table_.reorders_marks()) reorder_marks(text, cluster);
  return cluster;
}

std::string fold_string(const FoldTable& table, const char* text, size_t length) {
  ClusterReader reader(table);
  std::string folded;
  size_t pos = 0;
  bool pending_space = false;
  const bool trim = table.collapses_white_space();
  const unsigned char* b = bytes(text);
  while (pos < length) {
    // Most bytes of an alias are ASCII characters followed by ASCII that does not fold away:
    // each is a cluster of its own (ASCII has no marks), folded here without a Cluster. This
    // path and read() made a fifth of the 900k-alias build.
    if (b[pos] < 0x80) {
      const FoldEntry& e = table.entry(b[pos]);
      const size_t next = pos + 1;
      if (!e.has(FoldEntry::kWhiteSpace) && !e.folds_away() &&
          !joins_cluster_before(table, b, length, next)) {
        if (pending_space) folded.push_back(' ');
        pending_space = false;
        if (e.has(FoldEntry::kIdentity)) {
          folded.push_back(text[pos]);
        } else {
          folded.append(table.folded_bytes(e), e.length);
        }
        pos = next;
        continue;
      }
    }
    const Cluster c = reader.read(text, length, pos);
    pos = c.end;
    if (trim && c.white_space) {
      pending_space = !folded.empty();
      continue;
    }
    if (pending_space && c.folded_length > 0) folded.push_back(' ');
    if (c.folded_length > 0) pending_space = false;
    folded.append(c.folded, c.folded_length);
  }
  return folded;
}

std::pair<size_t, size_t> folded_extent(const FoldTable& table, const char* text,
                                        size_t length) {
  ClusterReader reader(table);
  const bool trim = table.collapses_white_space();
  size_t begin = length;
  size_t end = length;
  for (size_t pos = 0; pos < length;) {
    const Cluster c = reader.read(text, length, pos);
    pos = c.end;
    if (c.folded_length == 0 || (trim && c.white_space)) continue;
    if (begin == length) begin = c.begin;
    end = c.end;
  }
  return {begin, end};
}

void fold_span(ClusterReader& reader, const char* text, size_t begin, size_t end,
               std::string& out) {
  out.clear();
  for (size_t pos = begin; pos < end;) {
    const Cluster c = reader.read(text, end, pos);
    out.append(c.folded, c.folded_length);
    pos = c.end;
  }
}

}  // namespace onoma::unicode
