#include "unicode/word_tokens.h"

namespace onoma::unicode {

void for_each_word_token(ClusterReader& reader, const char* text, size_t begin, size_t end,
                         absl::FunctionRef<void(std::string_view)> token) {
  std::string pending;  // the last word piece read, which the next cluster may go on
  bool cluster_before_is_word = false;
  for (size_t pos = begin; pos < end;) {
    const Cluster cluster = reader.read(text, end, pos);
    bool first = true;
    for_each_folded_piece(reader.table(), cluster.folded, cluster.folded_length,
                          [&](size_t piece_begin, size_t piece_end, bool word) {
                            const std::string_view piece(cluster.folded + piece_begin,
                                                         piece_end - piece_begin);
                            const bool joins =
                                first && !pending.empty() &&
                                pieces_join(cluster_before_is_word, true, cluster.word, word);
                            first = false;
                            if (!joins && !pending.empty()) {
                              token(pending);
                              pending.clear();
                            }
                            if (word) {
                              pending.append(piece);
                            } else {
                              token(piece);
                            }
                          });
    if (cluster.folded_length != 0) cluster_before_is_word = cluster.word;
    pos = cluster.end;
  }
  if (!pending.empty()) token(pending);
}

}  // namespace onoma::unicode
