// How the word index cuts folded text into tokens, the same way for an alias and for the text
// it is looked for in (automaton/token_dictionary.h).
//
// A cluster's folded bytes are pieces: a run of word characters, or one other character. Each
// piece is a token, except that the last piece of a cluster and the first of the next one make
// one token when both are word characters and both clusters are word characters as written.
// That last condition keeps "France™" two tokens, "france" and "tm", where the scanner over
// bytes finds "France" as well: a character that is no word character as written (™, №, ⓐ)
// bounds a word even where it folds to letters. The cut is the same on both sides only where
// they write such characters alike: an alias "AcmeTM" is one token, "acmetm", and is not found
// in "Acme™" (two tokens) with the word index, as it is without.
#pragma once

#include <absl/functional/function_ref.h>

#include <cstddef>
#include <string>
#include <string_view>

#include "unicode/cluster_reader.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"

namespace onoma::unicode {

// Calls piece(begin, end, word) for each piece of `folded`, in order.
template <class Piece>
void for_each_folded_piece(const FoldTable& table, const char* folded, size_t length,
                           Piece piece) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(folded);
  size_t run_begin = 0;
  bool in_run = false;
  for (size_t at = 0; at < length;) {
    const DecodedCodePoint d = decode_utf8(bytes + at, bytes + length);
    const bool word = table.entry(d.code_point).has(FoldEntry::kWord);
    if (word) {
      if (!in_run) run_begin = at;
      in_run = true;
    } else {
      if (in_run) piece(run_begin, at, true);
      in_run = false;
      piece(at, at + d.length, false);
    }
    at += d.length;
  }
  if (in_run) piece(run_begin, length, true);
}

// Whether the first piece of a cluster goes on the token that the last piece of the cluster
// before it began.
inline bool pieces_join(bool cluster_before_is_word, bool piece_before_is_word,
                        bool cluster_is_word, bool piece_is_word) {
  return cluster_before_is_word && piece_before_is_word && cluster_is_word && piece_is_word;
}

// Calls token(bytes) for each token of text[begin, end), folded cluster by cluster by
// `reader` (as fold_span folds it).
void for_each_word_token(ClusterReader& reader, const char* text, size_t begin, size_t end,
                         absl::FunctionRef<void(std::string_view)> token);

}  // namespace onoma::unicode
