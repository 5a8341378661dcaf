#include "scan/scanner.h"

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <functional>
#include <optional>
#include <stdexcept>

#include "automaton/word_bytes.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_table.h"
#include "unicode/word_tokens.h"

namespace onoma::scan {
namespace {

using automaton::Trie;

// The ring holds one entry per folded byte position of the window that a live walk can reach
// back to (the longest key), saying whether a match may begin there and where its cluster is
// in the original text. That is all a key found by the automaton needs to become a span.
constexpr uint64_t kMayStart = 2;   // a cluster begins here and so may a match (boundary rule)
constexpr uint64_t kAfterWord = 4;  // the cluster before it is a word character
constexpr unsigned kOffsetShift = 3;   // the cluster's original byte offset sits above these

uint64_t ring_entry(size_t cluster_begin, bool may_start, bool after_word) {
  return (uint64_t{cluster_begin} << kOffsetShift) | (may_start ? kMayStart : 0) |
         (after_word ? kAfterWord : 0);
}

size_t ring_size_for(uint32_t max_depth) {
  size_t size = 64;
  while (size <= max_depth) size *= 2;
  return size;
}

}  // namespace

class Scanner {
 public:
  Scanner(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
          std::string_view text, const ScanStart& start, Scratch& scratch, MatchSink sink)
      : gazetteer_(gazetteer),
        trie_(gazetteer.trie()),
        options_(options),
        word_boundaries_(options.boundary == Boundary::kWord),
        text_(text),
        start_(start),
        scratch_(scratch),
        sink_(sink),
        start_filter_(word_boundaries_ && gazetteer.start_filter().enabled()
                          ? &gazetteer.start_filter()
                          : nullptr),
        sieve_(start_filter_ != nullptr && start_filter_->sieve().enabled()
                   ? &start_filter_->sieve()
                   : nullptr),
        tokens_(gazetteer.tokens()),
        reader_(gazetteer.fold_table()),
        unit_starts_(text.data(), options.unit, start.offset, start.unit_offset) {
    if (const unicode::FoldTable* table = gazetteer.case_keeping_fold_table()) {
      case_reader_.emplace(*table);
    }
    const size_t ring_size = ring_size_for(trie_.max_depth());
    if (scratch_.ring_.size() < ring_size) scratch_.ring_.assign(ring_size, 0);
    ring_mask_ = scratch_.ring_.size() - 1;
    // A scan that the sink stopped leaves spans waiting: free their slots.
    for (const uint64_t waiting : scratch_.waiting_starts_) free_slot(longest_at(waiting));
    if (scratch_.longest_at_.size() < scratch_.ring_.size()) {
      scratch_.longest_at_.resize(scratch_.ring_.size());
      for (Scratch::Span& slot : scratch_.longest_at_) free_slot(slot);
    }
    scratch_.candidates_.clear();
    scratch_.spans_.clear();
    scratch_.waiting_starts_.clear();
    scratch_.accepted_.clear();
    scratch_.live_accepted_ = 0;
    if (tokens_ != nullptr) {
      // Room for the longest token, and the first byte of one longer (start_word_token).
      std::string& room = scratch_.pending_token_;
      if (room.size() < tokens_->longest() + 1) room.resize(tokens_->longest() + 1);
      pending_bytes_ = room.data();
    }
  }

  bool run() { return tokens_ != nullptr ? run_over_tokens() : run_over_bytes(); }

 private:
  uint64_t& ring(uint64_t position) { return scratch_.ring_[position & ring_mask_]; }
  size_t skip_ascii(size_t pos, bool& after_word) const;
  size_t skip_sieved_words(size_t pos, bool& after_word) const;
  [[gnu::always_inline]] bool sieve_step(const unsigned char* window, size_t& pos,
                                         bool& after_word) const;
  size_t rejected_word_end(size_t pos);
  bool run_over_bytes();
  bool run_over_tokens();
  void feed(const char* bytes, size_t length, uint64_t entry);
  size_t walk_inside_word(size_t pos);
  Trie::State restart(unsigned char byte);
  bool ends_inside_word(const unicode::Cluster& cluster) const;
  void collect_candidates(size_t end);
  // The word index (tokens_): the token under way, and feeding tokens' codes.
  bool token_pending() const { return pending_length_ != 0; }
  bool continues_token(const unicode::Cluster& cluster) const;
  void feed_tokens(const unicode::Cluster& cluster, bool may_start, bool after_word);
  void start_word_token(std::string_view piece, uint64_t entry);
  bool token_has_room(size_t more);
  size_t extend_ascii_token(size_t pos);
  void finish_token(bool at_cluster_end);
  void feed_token(std::string_view token, uint64_t entry);
  void check_candidates(bool next_cluster_is_word);
  bool case_matches(const gazetteer::AliasRecord& alias, size_t start, size_t end);
  // Orders the span heap: its top is the span with the smallest start, then smallest end.
  static bool later_span(const Scratch::Span& a, const Scratch::Span& b) {
    return a.start_position != b.start_position ? a.start_position > b.start_position
                                                : a.end_position > b.end_position;
  }
  // Longest policy: the slot of the span waiting that starts at folded position `start`.
  Scratch::Span& longest_at(uint64_t start) { return scratch_.longest_at_[start & ring_mask_]; }
  static void free_slot(Scratch::Span& slot) { slot.start_position = UINT64_MAX; }
  bool spans_waiting() const {
    return options_.policy == Policy::kAll ? !scratch_.spans_.empty()
                                           : !scratch_.waiting_starts_.empty();
  }
  // The smallest start of the spans waiting (spans_waiting()).
  uint64_t first_waiting_start() const {
    return options_.policy == Policy::kAll ? scratch_.spans_.front().start_position
                                           : scratch_.waiting_starts_.front();
  }
  void add_span(const Scratch::Span& span);
  // The span waiting with the smallest start, then (policy all) the smallest end; with the
  // longest policy, the longest of that start.
  Scratch::Span take_first_span();
  void compact_accepted();
  // Where the earliest live walk began (the folded position reached when none is live).
  uint64_t horizon() const { return state_ == Trie::kDead ? position_ : position_ - state_depth_; }
  // Emits the spans that nothing read later can change (settle_spans); inline, because most
  // calls, one per cluster read, find none.
  bool settle() {
    return !spans_waiting() || first_waiting_start() >= horizon() || settle_spans();
  }
  bool settle_spans();
  bool emit(const Scratch::Span& span);
  void forget_walks_before(uint64_t position);

  const gazetteer::Gazetteer& gazetteer_;
  const Trie& trie_;
  const ScanOptions& options_;
  const bool word_boundaries_;
  std::string_view text_;
  const ScanStart& start_;
  Scratch& scratch_;
  MatchSink sink_;
  const automaton::StartFilter* start_filter_;  // null: not in word mode, or cannot judge
  const automaton::WordSieve* sieve_;            // null: no start filter, or not selective
  const automaton::TokenDictionary* tokens_;     // null: the trie's keys are folded bytes
  // The word start the filter last judged "maybe", so that it is not asked twice.
  size_t judged_position_ = SIZE_MAX;
  unicode::ClusterReader reader_;
  std::optional<unicode::ClusterReader> case_reader_;  // when some alias is case-sensitive
  unicode::OffsetCounter unit_starts_;
  size_t ring_mask_ = 0;

  // The automaton: `state_` is the node of the earliest live walk (kDead: none), and every
  // later live walk is on its failure chain. `position_` counts the folded bytes fed so far.
  Trie::State state_ = Trie::kDead;
  uint32_t state_depth_ = 0;  // trie_.depth(state_), kept here: reading it is a cache miss
  uint64_t position_ = 0;
  // Longest policy: where the last emitted match ended (no later match may start before).
  uint64_t floor_position_ = 0;

  // The word index: the pending token is a run of word characters that the next cluster may
  // go on, folded into pending_bytes_ (scratch_.pending_token_, sized once for the longest
  // token: a word costs no allocation or string call). Its length; its first code's ring
  // entry; where its last cluster ends; whether that cluster is a word character as written;
  // whether it grew longer than any token of the gazetteer (it is then kept no longer, and is
  // no token).
  char* pending_bytes_ = nullptr;
  size_t pending_length_ = 0;
  uint64_t pending_entry_ = 0;
  size_t pending_end_ = 0;
  bool pending_cluster_is_word_ = false;
  bool pending_too_long_ = false;
};

// Steps over ASCII bytes where no match can begin, while no walk is live. Each is a cluster
// of its own when the byte after it is ASCII too (the gazetteer plans no step otherwise).
size_t Scanner::skip_ascii(size_t pos, bool& after_word) const {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  const uint8_t* steps = gazetteer_.ascii_steps(word_boundaries_);
  const size_t last = text_.size() - 1;
  unsigned after = after_word ? 128 : 0;
  while (pos < last) {
    const unsigned byte = bytes[pos];
    if ((byte | bytes[pos + 1]) >= 0x80 || !(steps[after | byte] & gazetteer::kAsciiSkip)) break;
    // Whether a byte is a word character does not depend on the one before: reading it from
    // the plain entry keeps the loop free of a dependency from one byte to the next.
    after = (steps[byte] & gazetteer::kAsciiAfterWord) ? 128 : 0;
    ++pos;
  }
  after_word = after != 0;
  return pos;
}

// One look of the sieve at `window`: the text from `pos`, or a copy of the text's end (see
// skip_sieved_words). Steps `pos` (past the end of the text when the sieve steps over the
// NULs after it) and `after_word`; false when the scanner is to look at `pos` itself.
inline bool Scanner::sieve_step(const unsigned char* window, size_t& pos,
                                bool& after_word) const {
  const automaton::WordSieve::Skip skip = sieve_->skip(window);
  pos += skip.length();
  if (skip.held()) return false;  // the start filter judges that word
  if (skip.after_word()) {
    after_word = true;
    return false;
  }
  // A character that the sieve does not read cuts the next word: neither does the start
  // filter, and the general path takes the word.
  if (skip.beyond_ascii()) return false;
  if (skip.length() != 0) return true;
  // The sieve does not read the word whole (more than 15 bytes, or past its block): the start
  // filter may, when it folds to fewer (a decomposed word's marks fold away).
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  const size_t word_length = start_filter_->sieved_word_length(bytes + pos, bytes + text_.size());
  if (word_length == 0) return false;
  // Rejected: step over the word (its clusters end inside it or at its end: it is followed
  // by a known separator, or the text ends) and the separators after it.
  after_word = true;
  pos = skip_ascii(pos + word_length, after_word);
  return !after_word;
}

// At a word start where skip_ascii stopped: the words that the sieve rejects, a block at a
// time, with the plain separators between them, and the words too long for its block that it
// rejects once the start filter has read them. With a small gazetteer most of a text goes by
// here and nowhere else.
size_t Scanner::skip_sieved_words(size_t pos, bool& after_word) const {
  constexpr size_t kRead = automaton::WordSieve::kReadBytes;
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  if (text_.size() >= kRead) {
    const size_t last = text_.size() - kRead;
    while (pos <= last) {
      if (!sieve_step(bytes + pos, pos, after_word)) return pos;
    }
  }
  // The sieve reads kRead bytes. Near the end it reads a copy of the text's last bytes
  // followed by NULs: a plain separator, which the sieve takes as it takes the end of the text
  // (no key goes on past either, none contains a NUL), so that short texts are sieved too.
  unsigned char tail[kRead];
  while (pos < text_.size()) {
    std::memset(tail, 0, kRead);
    std::memcpy(tail, bytes + pos, text_.size() - pos);
    if (!sieve_step(tail, pos, after_word)) break;
  }
  return std::min(pos, text_.size());
}

// Where the word at `pos` ends, when the start filter proves that no key begins at `pos`, a
// position where a match may begin after a non-word character; else 0 (a word ends after it
// begins).
size_t Scanner::rejected_word_end(size_t pos) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  if (start_filter_ == nullptr || pos == judged_position_ || !start_filter_->judges(bytes[pos])) {
    return 0;
  }
  const automaton::StartFilter::Verdict verdict =
      start_filter_->check(bytes + pos, bytes + text_.size());
  if (verdict.may_start) {
    judged_position_ = pos;
    return 0;
  }
  return pos + verdict.word_length;
}

// Inside a word of ASCII, while a walk is live and nothing waits to be checked or emitted:
// each byte is a cluster of its own (ASCII follows it), no match begins there (word mode) and
// no key ends with it (a word character follows), so it is only recorded and fed, as feed()
// would, without reading its cluster. Stops before a byte where the walk would restart (and
// before the word's last byte, where keys may end): run() reads those.
size_t Scanner::walk_inside_word(size_t pos) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  const uint8_t* folds = gazetteer_.ascii_word_folds();
  const size_t last = text_.size() - 1;
  for (; pos < last && folds[bytes[pos + 1]] != 0; ++pos) {
    const unsigned char folded = folds[bytes[pos]];
    if (folded == 0) break;
    const Trie::State next = trie_.step(state_, folded);
    if (next == Trie::kDead) break;
    ring(position_++) = uint64_t{pos} << kOffsetShift | kAfterWord;
    state_ = next;
    ++state_depth_;
  }
  return pos;
}

// Records `length` bytes of keys' alphabet in the ring and feeds them to the automaton: a
// cluster's folded bytes, or a token's code. `entry` is the ring entry of the first (the
// others have none: no match begins or is reported inside a cluster). Each byte's entry is
// written just before the byte is fed, so the ring never holds a position ahead of the
// automaton and its size need only exceed the longest key.
void Scanner::feed(const char* bytes, size_t length, uint64_t entry) {
  if (state_ == Trie::kDead && !(entry & kMayStart)) return;  // no walk can reach back here
  if (state_ == Trie::kDead) {
    state_ = Trie::kRoot;
    state_depth_ = 0;
  }
  for (size_t i = 0; i < length; ++i, ++position_, entry = 0) {
    ring(position_) = entry;
    if (state_ == Trie::kDead) continue;
    const unsigned char byte = static_cast<unsigned char>(bytes[i]);
    const Trie::State next = trie_.step(state_, byte);
    if (next != Trie::kDead) {
      state_ = next;
      ++state_depth_;
    } else {
      state_ = restart(byte);
    }
  }
}

// The earliest live walk died at `byte`. The next live one is the earliest later start where a
// match may begin whose walk takes `byte`; its node is on the failure chain, at the depth its
// start implies. Each position and each failure step is visited once over the whole scan.
// Sets state_depth_ for the node it returns.
Trie::State Scanner::restart(unsigned char byte) {
  Trie::State node = state_;
  uint32_t node_depth = state_depth_;
  for (uint64_t start = position_ - state_depth_ + 1; start <= position_; ++start) {
    if (!(ring(start) & kMayStart)) continue;
    const uint64_t depth = position_ - start;
    if (depth == 0) {
      // A walk from the byte itself starts at the root, where the failure chain would end.
      // In word mode that is the common case (the separator after a word may begin a key):
      // going down the chain there cost a tail node's failure link, several hundred
      // instructions, for every walk that lived to the end of its word.
      node = Trie::kRoot;
      node_depth = 0;
    }
    while (node_depth > depth) {
      node = trie_.failure(node);
      node_depth = trie_.depth(node);
    }
    if (node_depth < depth) continue;  // the walk from `start` is already dead
    const Trie::State next = trie_.step(node, byte);
    if (next != Trie::kDead) {
      state_depth_ = node_depth + 1;
      return next;
    }
  }
  return Trie::kDead;
}

// Whether no key can end a match with this cluster because it is inside a word: a key ends
// with what the cluster folds to, and when that is a word character (alias word_end) a match
// needs a non-word character after it. Answers for ASCII only; false means "look".
bool Scanner::ends_inside_word(const unicode::Cluster& cluster) const {
  if (!word_boundaries_ || cluster.end >= text_.size() || cluster.folded_length == 0) return false;
  const auto next = static_cast<unsigned char>(text_[cluster.end]);
  const auto last = static_cast<unsigned char>(cluster.folded[cluster.folded_length - 1]);
  if ((next | last) >= 0x80) return false;
  const unicode::FoldTable& table = gazetteer_.fold_table();
  return table.entry(next).has(unicode::FoldEntry::kWord) &&
         table.entry(last).has(unicode::FoldEntry::kWord);
}

// Every key that ends here (at `end` in the original text) and began where a match may start:
// the live node and its output chain, which lists the keys that are suffixes of what the
// earliest live walk has read.
void Scanner::collect_candidates(size_t end) {
  auto add = [&](Trie::State node, uint32_t depth) {
    const uint64_t start_position = position_ - depth;
    const uint64_t entry = ring(start_position);
    if (!(entry & kMayStart)) return;
    scratch_.candidates_.push_back({start_position, position_, entry >> kOffsetShift, end, node,
                                    (entry & kAfterWord) != 0});
  };
  if (trie_.has_values(state_)) add(state_, state_depth_);
  for (Trie::State node = trie_.output(state_); node != Trie::kDead; node = trie_.output(node)) {
    add(node, trie_.depth(node));
  }
}

bool Scanner::case_matches(const gazetteer::AliasRecord& alias, size_t start, size_t end) {
  const std::string_view case_key = gazetteer_.text(alias.case_key);
  // Case-sensitive aliases are short capitals ("US", "IN"), and what the text has there is
  // mostly ASCII letters ("us", "in"), which folding for all but case leaves as they are:
  // compared as they are, each check costs a few instructions, not a fold of the span (220
  // per check, 4% of a scan of English text with GeoNames' aliases).
  const unicode::FoldTable& table = case_reader_->table();
  const auto* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  size_t at = start;
  while (at < end && automaton::is_ascii_letter_or_digit(bytes[at]) &&
         table.entry(bytes[at]).has(unicode::FoldEntry::kIdentity)) {
    ++at;
  }
  if (at == end) return text_.substr(start, end - start) == case_key;
  unicode::fold_span(*case_reader_, text_.data(), start, end, scratch_.case_check_);
  return scratch_.case_check_ == case_key;
}

// Turns the candidates that ended at the last cluster into spans, now that the cluster after
// them is known: boundaries, then case; one alias per entity.
void Scanner::check_candidates(bool next_cluster_is_word) {
  for (const Scratch::Candidate& candidate : scratch_.candidates_) {
    if (options_.policy == Policy::kLongest && candidate.start_position < floor_position_) {
      continue;
    }
    const uint32_t first_accepted = static_cast<uint32_t>(scratch_.accepted_.size());
    trie_.for_each_value(candidate.state, [&](uint32_t alias_number) {
      const gazetteer::AliasRecord& alias = gazetteer_.alias(alias_number);
      // Aliases are numbered entity by entity: one alias per entity is enough.
      if (scratch_.accepted_.size() > first_accepted &&
          scratch_.accepted_.back().entity == alias.entity) {
        return;
      }
      if (word_boundaries_ && alias.word_start && candidate.after_word) return;
      if (word_boundaries_ && alias.word_end && next_cluster_is_word) return;
      if (alias.case_sensitive && !case_matches(alias, candidate.start, candidate.end)) return;
      scratch_.accepted_.push_back({alias.entity, alias_number});
    });
    const uint32_t count = static_cast<uint32_t>(scratch_.accepted_.size()) - first_accepted;
    if (count == 0) continue;
    add_span({candidate.start_position, candidate.end_position, candidate.start, candidate.end,
              first_accepted, count, candidate.after_word});
  }
  scratch_.candidates_.clear();
}

bool Scanner::emit(const Scratch::Span& span) {
  const uint64_t unit_start = unit_starts_.convert(span.start);
  const uint64_t unit_end =
      unit_start + unicode::count_units(text_.data() + span.start, span.end - span.start,
                                        options_.unit);
  const bool ambiguous = span.accepted_count > 1;
  for (uint32_t i = 0; i < span.accepted_count; ++i) {
    const Scratch::Accepted& accepted = scratch_.accepted_[span.first_accepted + i];
    if (!sink_(Match{span.start, span.end, unit_start, unit_end, accepted.entity, accepted.alias,
                     ambiguous, span.after_word})) {
      return false;
    }
  }
  return true;
}

// A match that ended at `position` hides every walk that began before it (longest policy):
// drop them, so that keys nested in what was matched are not looked at again.
void Scanner::forget_walks_before(uint64_t position) {
  while (state_ != Trie::kDead && state_depth_ > position_ - position) {
    state_ = state_ == Trie::kRoot ? Trie::kDead : trie_.failure(state_);
    if (state_ != Trie::kDead) state_depth_ = trie_.depth(state_);
  }
  if (state_ == Trie::kRoot) state_ = Trie::kDead;
}

// With the longest policy a span replaces the one waiting at its start: spans of one start
// come in the order of their ends. (Keeping them all, text that repeats a word against the
// aliases "a", "a a", "a a a" ... up to 1,000 words held a million spans in the heap and took
// 125 s for 1 MiB.)
void Scanner::add_span(const Scratch::Span& span) {
  scratch_.live_accepted_ += span.accepted_count;
  if (options_.policy == Policy::kAll) {
    scratch_.spans_.push_back(span);
    std::push_heap(scratch_.spans_.begin(), scratch_.spans_.end(), later_span);
    return;
  }
  // No two spans waiting are a window apart: a span starts where a walk that was live when
  // the last settle() ran began, or later, and no further back than the longest key from
  // where it ends; so a slot holds one start at a time.
  Scratch::Span& slot = longest_at(span.start_position);
  if (slot.start_position == span.start_position) {
    scratch_.live_accepted_ -= slot.accepted_count;
  } else {
    if (slot.start_position != UINT64_MAX) throw std::logic_error("scan span slots overlap");
    std::vector<uint64_t>& starts = scratch_.waiting_starts_;
    starts.push_back(span.start_position);
    std::push_heap(starts.begin(), starts.end(), std::greater<uint64_t>());
  }
  slot = span;
}

Scratch::Span Scanner::take_first_span() {
  Scratch::Span span;
  if (options_.policy == Policy::kAll) {
    std::pop_heap(scratch_.spans_.begin(), scratch_.spans_.end(), later_span);
    span = scratch_.spans_.back();
    scratch_.spans_.pop_back();
  } else {
    std::vector<uint64_t>& starts = scratch_.waiting_starts_;
    std::pop_heap(starts.begin(), starts.end(), std::greater<uint64_t>());
    Scratch::Span& slot = longest_at(starts.back());
    starts.pop_back();
    span = slot;
    free_slot(slot);
  }
  scratch_.live_accepted_ -= span.accepted_count;
  return span;
}

// Taken spans leave their accepted aliases behind; when most of accepted_ is such garbage,
// copy out what live spans refer to, so memory stays bounded by the spans still waiting.
void Scanner::compact_accepted() {
  if (!spans_waiting()) {
    scratch_.accepted_.clear();
    return;
  }
  if (scratch_.accepted_.size() < 2 * scratch_.live_accepted_ + 1024) return;
  std::vector<Scratch::Accepted>& compacted = scratch_.compacted_;
  compacted.clear();
  const auto copy_out = [&](Scratch::Span& span) {
    const auto first = scratch_.accepted_.begin() + span.first_accepted;
    span.first_accepted = static_cast<uint32_t>(compacted.size());
    compacted.insert(compacted.end(), first, first + span.accepted_count);
  };
  if (options_.policy == Policy::kAll) {
    for (Scratch::Span& span : scratch_.spans_) copy_out(span);
  } else {
    for (const uint64_t start : scratch_.waiting_starts_) copy_out(longest_at(start));
  }
  scratch_.accepted_.swap(compacted);
}

// Emits, in order, the spans that start before the earliest live walk: nothing read later can
// add to them or change the policy's choice among them.
bool Scanner::settle_spans() {
  std::vector<Scratch::Span>& spans = scratch_.spans_;
  const uint64_t horizon = this->horizon();

  if (options_.policy == Policy::kAll) {
    while (!spans.empty() && spans.front().start_position < horizon) {
      if (!emit(take_first_span())) return false;
    }
  } else {
    // Leftmost-longest: the longest span of each start, unless an emitted match covers it.
    while (spans_waiting() && first_waiting_start() < horizon) {
      const Scratch::Span longest = take_first_span();
      if (longest.start_position < floor_position_) continue;
      if (!emit(longest)) return false;
      floor_position_ = longest.end_position;
    }
    forget_walks_before(floor_position_);
  }
  compact_accepted();
  return true;
}

bool Scanner::run_over_bytes() {
  size_t pos = start_.offset;
  bool after_word = start_.after_word;
  while (pos < text_.size()) {
    if (state_ == Trie::kDead && scratch_.candidates_.empty()) {
      pos = skip_ascii(pos, after_word);
      if (!after_word && sieve_ != nullptr) {
        pos = skip_sieved_words(pos, after_word);
        if (pos == text_.size()) break;  // the sieve stepped over the rest
      }
      if (!after_word) {
        if (const size_t word_end = rejected_word_end(pos)) {
          // No walk is live and none begins in this word: step over it. It is made of word
          // characters whose clusters end inside it or at its end (the filter read no other).
          pos = word_end;
          after_word = true;
          continue;
        }
      }
    } else if (after_word && word_boundaries_ && scratch_.candidates_.empty() &&
               !spans_waiting()) {
      pos = walk_inside_word(pos);
    }
    const unicode::Cluster cluster = reader_.read(text_.data(), text_.size(), pos);
    if (!scratch_.candidates_.empty()) check_candidates(cluster.word);
    if (!settle()) return false;
    // Inside a word, only an alias that starts with a non-word character could match; when
    // the folded cluster starts with a word character there is none to look for.
    const bool may_start = cluster.folded_length > 0 &&
                           (!word_boundaries_ || !after_word || !cluster.folded_starts_word) &&
                           (after_word || rejected_word_end(pos) == 0);
    if (cluster.folded_length > 0) {
      feed(cluster.folded, cluster.folded_length, ring_entry(cluster.begin, may_start, after_word));
    }
    if (state_ != Trie::kDead && !ends_inside_word(cluster)) collect_candidates(cluster.end);
    pos = cluster.end;
    after_word = cluster.word;
  }
  if (!scratch_.candidates_.empty()) check_candidates(false);
  state_ = Trie::kDead;
  return settle();
}

// The word index. Text is cut into tokens as the builder cut the aliases
// (unicode/word_tokens.h) and each token's code is fed to the automaton, whose keys are made
// of codes; everything else (the ring, candidates, the policy) is as over bytes, a position
// being a byte of a code. A run of word characters is a token only once the next cluster does
// not go on with it, so it waits as the pending token; its candidates are collected then, with
// the cluster after it known. Keys end where clusters end, as over bytes: a token that ends
// inside a cluster is fed, but no key ending there is looked for.
bool Scanner::run_over_tokens() {
  size_t pos = start_.offset;
  bool after_word = start_.after_word;
  while (pos < text_.size()) {
    if (state_ == Trie::kDead && scratch_.candidates_.empty() && !token_pending()) {
      pos = skip_ascii(pos, after_word);
    } else if (token_pending() && pending_cluster_is_word_) {
      pos = extend_ascii_token(pos);
    }
    const unicode::Cluster cluster = reader_.read(text_.data(), text_.size(), pos);
    if (token_pending() && !continues_token(cluster)) finish_token(true);
    if (!scratch_.candidates_.empty()) check_candidates(cluster.word);
    if (!settle()) return false;
    // As over bytes (run_over_bytes), without the start filter: the word index serves word
    // boundaries only.
    const bool may_start =
        cluster.folded_length > 0 && (!after_word || !cluster.folded_starts_word);
    if (cluster.folded_length > 0) feed_tokens(cluster, may_start, after_word);
    pos = cluster.end;
    after_word = cluster.word;
  }
  if (token_pending()) finish_token(true);
  if (!scratch_.candidates_.empty()) check_candidates(false);
  state_ = Trie::kDead;
  return settle();
}

// Whether the cluster's first piece goes on the pending token (a cluster that folds away
// leaves it as it is).
bool Scanner::continues_token(const unicode::Cluster& cluster) const {
  return cluster.folded_length == 0 ||
         unicode::pieces_join(pending_cluster_is_word_, true, cluster.word,
                              cluster.folded_starts_word);
}

void Scanner::feed_tokens(const unicode::Cluster& cluster, bool may_start, bool after_word) {
  const uint64_t entry = ring_entry(cluster.begin, may_start, after_word);
  unicode::for_each_folded_piece(
      gazetteer_.fold_table(), cluster.folded, cluster.folded_length,
      [&](size_t begin, size_t end, bool word) {
        const std::string_view piece(cluster.folded + begin, end - begin);
        // Only the first piece can go on the pending token: run_over_tokens() finished it
        // otherwise.
        if (begin == 0 && token_pending()) {
          if (token_has_room(piece.size())) {
            std::memcpy(pending_bytes_ + pending_length_, piece.data(), piece.size());
            pending_length_ += piece.size();
          }
          return;
        }
        if (token_pending()) finish_token(false);
        const uint64_t piece_entry = begin == 0 ? entry : 0;
        if (word) {
          start_word_token(piece, piece_entry);
        } else {
          feed_token(piece, piece_entry);
        }
      });
  pending_end_ = cluster.end;
  pending_cluster_is_word_ = cluster.word;
  // A cluster that ends with another character than a word's ends its last token here.
  if (!token_pending() && state_ != Trie::kDead) collect_candidates(cluster.end);
}

// Inside a word of ASCII whose token is pending, as walk_inside_word over bytes: each byte is a
// cluster of its own (ASCII follows it) that is a word character and folds to one, so it goes
// on the token without a cluster read. Stops before the word's last byte, which
// run_over_tokens reads (what follows it decides whether the token ends). No candidate waits
// here: those of the token before were checked at this word's first cluster.
size_t Scanner::extend_ascii_token(size_t pos) {
  const unsigned char* bytes = reinterpret_cast<const unsigned char*>(text_.data());
  const uint8_t* folds = gazetteer_.ascii_word_folds();
  const size_t last = text_.size() - 1;
  size_t end = pos;
  while (end < last && folds[bytes[end]] != 0 && folds[bytes[end + 1]] != 0) ++end;
  if (end == pos) return pos;
  if (token_has_room(end - pos)) {
    char* out = pending_bytes_ + pending_length_;
    for (size_t at = pos; at < end; ++at) *out++ = static_cast<char>(folds[bytes[at]]);
    pending_length_ += end - pos;
  }
  pending_end_ = end;
  return end;
}

// Whether `more` bytes fit on the pending token. One that grows longer than any token of the
// gazetteer is none of them: its bytes are kept no longer, so that a word of a megabyte costs
// no memory (it stays pending, and is fed as an unknown token).
bool Scanner::token_has_room(size_t more) {
  if (pending_length_ + more > tokens_->longest()) pending_too_long_ = true;
  return !pending_too_long_;
}

void Scanner::start_word_token(std::string_view piece, uint64_t entry) {
  pending_entry_ = entry;
  pending_too_long_ = false;
  pending_length_ = 0;  // token_has_room() measures from here
  // A byte of it even when too long (a piece that is too long is not empty), so that the
  // token stays pending.
  pending_length_ = token_has_room(piece.size()) ? piece.size() : 1;
  std::memcpy(pending_bytes_, piece.data(), pending_length_);
}

// Feeds the pending token; at a cluster end, collects the keys that end with it.
void Scanner::finish_token(bool at_cluster_end) {
  const std::string_view token(pending_bytes_, pending_length_);
  feed_token(pending_too_long_ ? std::string_view() : token, pending_entry_);
  pending_length_ = 0;
  pending_too_long_ = false;
  if (at_cluster_end && state_ != Trie::kDead) collect_candidates(pending_end_);
}

// Feeds the code of `token` (TokenDictionary::kUnknown's for one that no key has).
void Scanner::feed_token(std::string_view token, uint64_t entry) {
  using automaton::TokenDictionary;
  if (state_ == Trie::kDead && !(entry & kMayStart)) return;  // as feed() would
  const uint32_t number = token.empty() ? TokenDictionary::kUnknown : tokens_->find(token);
  // With no walk live, a token that begins no key starts none: the automaton would only step
  // down and back up its first code.
  if (state_ == Trie::kDead && !gazetteer_.token_begins_key(number)) return;
  char code[TokenDictionary::kMaxCodeLength];
  feed(code, TokenDictionary::write_code(number, code), entry);
}

bool scan(const gazetteer::Gazetteer& gazetteer, const ScanOptions& options,
          std::string_view text, const ScanStart& start, Scratch& scratch, MatchSink sink) {
  if (gazetteer.key_index() == gazetteer::KeyIndex::kWords && options.boundary != Boundary::kWord) {
    throw std::invalid_argument(kWordIndexNeedsWordBoundaries);
  }
  return Scanner(gazetteer, options, text, start, scratch, sink).run();
}

}  // namespace onoma::scan
