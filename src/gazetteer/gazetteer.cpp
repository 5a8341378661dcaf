#include "gazetteer/gazetteer.h"

#include <utility>

#include "unicode/fold_options.h"

namespace onoma::gazetteer {

Gazetteer::Gazetteer(Contents contents)
    : c_(std::move(contents)), fold_table_(&unicode::FoldTable::for_options(c_.fold_options)) {
  if (c_.case_keys.size() > 0) {
    case_keeping_fold_table_ =
        &unicode::FoldTable::for_options(c_.fold_options & ~unicode::kFoldCase);
  }
  entity_by_id_ = SortedStringIndex<Gazetteer, &Gazetteer::entity_id>(
      *this, static_cast<uint32_t>(entity_count()));
  plan_ascii_steps();
  if (c_.key_index == KeyIndex::kBytes) {
    start_filter_ = automaton::StartFilter::build(c_.trie, *fold_table_);
  }
}

bool Gazetteer::some_key_starts_with(unsigned char byte) const {
  if (c_.key_index == KeyIndex::kWords) return c_.key_first_bytes[byte];
  return c_.trie.step(automaton::Trie::kRoot, byte) != automaton::Trie::kDead;
}

// Mirrors how ClusterReader folds a lone ASCII character and when the scanner may begin a
// walk there, so that the scanner can step over ASCII where no match can begin without
// reading clusters.
void Gazetteer::plan_ascii_steps() {
  using unicode::FoldEntry;
  for (unsigned char byte = 0; byte < 128; ++byte) {
    if (fold_table_->entry(byte).folds_away()) {
      ascii_steps_.fill(0);
      return;
    }
  }
  for (unsigned char byte = 0; byte < 128; ++byte) {
    const FoldEntry& entry = fold_table_->entry(byte);
    unsigned char first_folded = byte;
    if (entry.has(FoldEntry::kWhiteSpace) && fold_table_->collapses_white_space()) {
      first_folded = ' ';
    } else if (!entry.has(FoldEntry::kIdentity)) {
      first_folded = static_cast<unsigned char>(fold_table_->folded_bytes(entry)[0]);
    }
    const bool starts_key = some_key_starts_with(first_folded);
    const uint8_t after = entry.has(FoldEntry::kWord) ? kAsciiAfterWord : 0;
    const bool folds_to_one_word_byte =
        (entry.has(FoldEntry::kIdentity) || entry.length == 1) && first_folded < 0x80 &&
        fold_table_->entry(first_folded).has(FoldEntry::kWord);
    if (entry.has(FoldEntry::kWord) && folds_to_one_word_byte) {
      ascii_word_folds_[byte] = first_folded;
    }
    for (const bool word_boundaries : {true, false}) {
      for (const bool after_word : {false, true}) {
        // As Scanner::run decides may_start for a cluster.
        const bool may_start =
            starts_key && (!word_boundaries || !after_word || !entry.has(FoldEntry::kFoldStartsWord));
        ascii_steps_[(word_boundaries ? 0 : 256) | (after_word ? 128 : 0) | byte] =
            after | (may_start ? 0 : kAsciiSkip);
      }
    }
  }
}

size_t Gazetteer::memory_usage() const {
  return sizeof(*this) + c_.pool.capacity() + c_.alias_texts.memory_usage() +
         c_.alias_bits.memory_usage() + c_.case_keys.memory_usage() +
         c_.entity_ids.memory_usage() + c_.entity_metas.memory_usage() +
         c_.entity_labels.memory_usage() + c_.first_aliases.memory_usage() +
         c_.labels.memory_usage() +
         c_.trie.memory_usage() + c_.tokens.memory_usage() +
         c_.first_tokens.capacity() * sizeof(uint64_t) + start_filter_.memory_usage() +
         entity_by_id_.memory_usage();
}

}  // namespace onoma::gazetteer
