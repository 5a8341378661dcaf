#include "unicode/fold_table.h"

#include <unicode/uchar.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <mutex>
#include <stdexcept>

#include "unicode/code_point_fold.h"
#include "unicode/fold_options.h"
#include "unicode/utf8.h"

namespace onoma::unicode {
namespace {

constexpr char32_t kCodePointLimit = 0x110000;

// Unassigned, private-use and surrogate code points never change and are not words, except
// the unassigned ones reserved as default-ignorable (U+2065, U+FFF0..U+FFF8, most of
// U+E0000..U+E0FFF), which ignorable folding drops. Knowing them from ICU's category ranges,
// instead of folding each, keeps the one-time build short: they are three quarters of the
// code space.
std::vector<bool> code_points_with_nothing_to_fold() {
  std::vector<bool> nothing(kCodePointLimit, false);
  u_enumCharTypes(
      [](const void* context, UChar32 start, UChar32 limit, UCharCategory type) -> UBool {
        if (type == U_UNASSIGNED || type == U_PRIVATE_USE_CHAR || type == U_SURROGATE) {
          auto& flags = *static_cast<std::vector<bool>*>(const_cast<void*>(context));
          for (UChar32 cp = start; cp < limit; ++cp) {
            flags[cp] = !u_hasBinaryProperty(cp, UCHAR_DEFAULT_IGNORABLE_CODE_POINT);
          }
        }
        return true;
      },
      &nothing);
  return nothing;
}

}  // namespace

FoldTable::FoldTable(uint32_t options)
    : options_(options),
      collapse_white_space_((options & kFoldWhiteSpace) != 0),
      // Mark removal keeps the marks that are not diacritics, so they need ordering as well.
      reorder_marks_(decomposes(options)) {
  block_of_.resize(kCodePointLimit >> kBlockBits);
  std::map<std::string, uint16_t> block_index;  // block contents → index, to share blocks
  std::map<std::string, uint32_t> pool_offset;  // folded UTF-8 → offset, to share expansions
  std::array<FoldEntry, kBlockSize> block{};
  const std::vector<bool> nothing_to_fold = code_points_with_nothing_to_fold();
  for (char32_t base = 0; base < kCodePointLimit; base += kBlockSize) {
    for (char32_t i = 0; i < kBlockSize; ++i) {
      const char32_t cp = base + i;
      FoldEntry& e = block[i];
      e = FoldEntry{0, 0, FoldEntry::kIdentity, 0, 0};
      if (nothing_to_fold[cp]) continue;
      const CodePointFold definition = fold_and_classify(cp, options);
      const CodePointClass& cls = definition.cls;
      e.combining_class = cls.combining_class;
      if (cls.word) e.flags |= FoldEntry::kWord;
      if (cls.mark) e.flags |= FoldEntry::kMark;
      if (cls.white_space) e.flags |= FoldEntry::kWhiteSpace;
      const std::vector<FoldedCodePoint>& folded = definition.folded;
      if (!folded.empty() && (U_GET_GC_MASK(folded[0].code_point) &
                              (U_GC_L_MASK | U_GC_M_MASK | U_GC_N_MASK | U_GC_PC_MASK))) {
        e.flags |= FoldEntry::kFoldStartsWord;
      }
      if (folded.size() == 1 && folded[0].code_point == cp) continue;
      e.flags &= static_cast<uint8_t>(~FoldEntry::kIdentity);
      std::string utf8;
      std::string classes;
      bool own_classes = true;
      for (const FoldedCodePoint& f : folded) {
        append_utf8(utf8, f.code_point);
        classes.push_back(static_cast<char>(f.order_class));
        own_classes = own_classes && f.order_class == u_getCombiningClass(f.code_point);
      }
      if (utf8.size() > 255) throw std::length_error("fold expansion too long");
      // The pool key holds the classes too, so entries that share bytes share classes.
      std::string stored = utf8;
      if (!own_classes) {
        e.flags |= FoldEntry::kOrderClasses;
        stored += classes;
      }
      auto [it, inserted] = pool_offset.emplace(
          std::string(own_classes ? "0" : "1") + stored, static_cast<uint32_t>(pool_.size()));
      if (inserted) pool_ += stored;
      e.offset = it->second;
      e.length = static_cast<uint8_t>(utf8.size());
    }
    std::string key(reinterpret_cast<const char*>(block.data()), sizeof(block));
    auto [it, inserted] = block_index.emplace(key, static_cast<uint16_t>(block_index.size()));
    if (inserted) entries_.insert(entries_.end(), block.begin(), block.end());
    block_of_[base >> kBlockBits] = it->second;
  }
}

const FoldTable& FoldTable::for_options(uint32_t options) {
  static std::array<std::once_flag, kFoldAll + 1> once;
  static std::array<std::unique_ptr<FoldTable>, kFoldAll + 1> tables;
  if (options > kFoldAll) throw std::invalid_argument("unknown fold option bits");
  std::call_once(once[options], [&] { tables[options] = std::make_unique<FoldTable>(options); });
  return *tables[options];
}

size_t FoldTable::memory_usage() const {
  return block_of_.size() * sizeof(uint16_t) + entries_.size() * sizeof(FoldEntry) +
         pool_.size();
}

}  // namespace onoma::unicode
