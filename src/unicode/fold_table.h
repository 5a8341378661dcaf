// Precomputed folding of every code point for one set of fold options: what the scanner reads
// instead of calling ICU. Two-stage table (blocks of 128 code points, identical blocks shared)
// plus a pool of folded UTF-8. Built once per process per option set, then immutable and
// shared by all threads.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace onoma::unicode {

struct FoldEntry {
  enum Flag : uint8_t {
    kWord = 1 << 0,           // the code point is a word character (boundary rule)
    kMark = 1 << 1,           // general category M*: belongs to the preceding character
    kWhiteSpace = 1 << 2,     // white space under the options (is_white_space_under)
    kIdentity = 1 << 3,       // folds to itself: the folded bytes are the original bytes
    kFoldStartsWord = 1 << 4, // the folded form begins with a word character
    // Some folded code point is put in canonical order by another class than its own (it
    // comes from a mark that case folding turned into a letter: U+0345 → ι). The classes,
    // one byte per folded code point, follow the folded bytes in the pool.
    kOrderClasses = 1 << 5,
  };
  uint32_t offset;          // folded UTF-8 in the pool (unless kIdentity)
  uint8_t length;           // folded UTF-8 length in bytes (unless kIdentity); 0 = folds away
  uint8_t flags;
  uint8_t combining_class;  // canonical combining class, for reordering kept marks
  uint8_t reserved;         // zero; makes the layout explicit so blocks compare bytewise

  bool has(Flag flag) const { return (flags & flag) != 0; }
  bool folds_away() const { return length == 0 && !has(kIdentity); }
};

class FoldTable {
 public:
  // The table for `options` (FoldFlag bits), built on first use; thread-safe; never freed.
  static const FoldTable& for_options(uint32_t options);

  explicit FoldTable(uint32_t options);

  uint32_t options() const { return options_; }
  bool collapses_white_space() const { return collapse_white_space_; }
  bool reorders_marks() const { return reorder_marks_; }

  const FoldEntry& entry(char32_t cp) const {
    return entries_[(static_cast<size_t>(block_of_[cp >> kBlockBits]) << kBlockBits) |
                    (cp & (kBlockSize - 1))];
  }
  const char* folded_bytes(const FoldEntry& e) const { return pool_.data() + e.offset; }
  // With kOrderClasses: the order class of each folded code point (see
  // fold_code_point_with_classes); otherwise each folded code point's own combining class.
  const uint8_t* order_classes(const FoldEntry& e) const {
    return reinterpret_cast<const uint8_t*>(pool_.data()) + e.offset + e.length;
  }

  size_t memory_usage() const;

 private:
  static constexpr unsigned kBlockBits = 7;
  static constexpr size_t kBlockSize = size_t{1} << kBlockBits;

  uint32_t options_;
  bool collapse_white_space_;
  bool reorder_marks_;
  std::vector<uint16_t> block_of_;  // code point >> kBlockBits → block index
  std::vector<FoldEntry> entries_;  // blocks of kBlockSize entries
  std::string pool_;
};

}  // namespace onoma::unicode
