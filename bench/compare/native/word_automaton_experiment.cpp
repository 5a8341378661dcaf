// An experiment, not a peer: what a scan engine over words instead of bytes would cost.
//
//   word_automaton_experiment ALIASES TEXT GAZETTEER [ROUNDS]
//
// bench/PROFILE.md ("An automaton over words, measured") asks whether a different first stage
// could lift onoma's scan of English text × the 900k-alias gazetteer to the speeds that the
// issue's targets ask for. This builds the simplest such engine from ALIASES (one per line):
// every key cut into tokens (a word of ASCII letters, digits and bytes beyond ASCII, folded
// to ASCII lower case; a run of white space; any other byte), a dictionary of the keys' words
// (open addressing, 16-byte slots holding a word's first 8 bytes) and an Aho-Corasick
// automaton over token numbers (a hash map of edges, a failure and an output link per state).
// It knows no Unicode folding, no boundary or case rule and no offsets: it only counts the
// keys that end at each token, so its speeds are bounds from above for such an engine.
//
// It then scans TEXT in four stages, each alternated with onoma_scan of the same bytes
// (GAZETTEER, default options) in every round, and prints the median MB/s of each and the
// median of the rounds' ratios (before them, the sizes: distinct words, tokens, states):
//   words      read the words: fold and hash each (what every design pays per word); its
//              count is the number of words, the next two's the words found;
//   lookup     and find each in the dictionary, one after the other;
//   batched    the same 32 words at a time: hashes first, their slots prefetched, then found;
//   automaton  the whole engine, one token at a time.
// ALIASES and GAZETTEER are NAME.aliases.txt and NAME.jsonl of bench/data (bench/DATA.md).
#include <onoma/onoma.h>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <string>
#include <type_traits>
#include <vector>

#include "bench_common.h"

namespace {

bool is_word_byte(unsigned char c) { return (c | 0x20u) - 'a' < 26u || c - '0' < 10u || c >= 0x80; }
bool is_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }
unsigned char fold(unsigned char c) { return c - 'A' < 26u ? c | 0x20 : c; }

uint64_t hash_word(const unsigned char* word, size_t length) {
  uint64_t hash = 0x9E3779B97F4A7C15ULL ^ length;
  for (size_t i = 0; i < length; i += 8) {
    uint64_t bytes = 0;
    std::memcpy(&bytes, word + i, std::min<size_t>(8, length - i));
    hash = (hash ^ bytes) * 0xBF58476D1CE4E5B9ULL;
    hash ^= hash >> 29;
  }
  return hash;
}

// Calls on_word(word, length) for each word of `text` (folded into a buffer; longer words are
// cut at 64 bytes) and on_other(token) for each other token: 0 for a run of white space,
// 1 + the byte for any other byte.
template <class OnWord, class OnOther>
void tokenize(const unsigned char* text, size_t size, OnWord on_word, OnOther on_other) {
  unsigned char folded[64];
  size_t i = 0;
  while (i < size) {
    if (is_word_byte(text[i])) {
      size_t length = 0;
      for (; i < size && is_word_byte(text[i]); ++i) {
        if (length < sizeof(folded)) folded[length++] = fold(text[i]);
      }
      on_word(folded, length);
    } else if (is_space(text[i])) {
      while (i < size && is_space(text[i])) ++i;
      on_other(0u);
    } else {
      on_other(1u + text[i++]);
    }
  }
}
// The same for the words only.
template <class OnWord>
void for_each_word(const unsigned char* text, size_t size, OnWord on_word) {
  tokenize(text, size, on_word, [](uint32_t) {});
}
constexpr uint32_t kFirstWordToken = 257;
constexpr uint32_t kNone = UINT32_MAX;

class WordDictionary {
 public:
  void reserve(size_t words) {
    size_t slots = 1;
    while (slots < words * 5 / 4) slots <<= 1;
    slots_.assign(slots, Slot{});
    mask_ = slots - 1;
  }
  uint32_t size() const { return static_cast<uint32_t>(offsets_.size()); }
  uint32_t add(const unsigned char* word, size_t length) {
    const uint64_t hash = hash_word(word, length);
    const uint32_t found = find(word, length, hash);
    if (found != kNone) return found;
    if (size_t{size()} * 5 / 4 >= slots_.size()) grow();
    offsets_.push_back(pool_.size());
    pool_.append(reinterpret_cast<const char*>(word), length);
    insert(size() - 1, hash);
    return size() - 1;
  }
  const void* slot_address(uint64_t hash) const { return &slots_[hash & mask_]; }
  uint32_t find(const unsigned char* word, size_t length, uint64_t hash) const {
    const uint64_t head = head_of(word, length);
    for (uint64_t i = hash & mask_;; i = (i + 1) & mask_) {
      const Slot& slot = slots_[i];
      if (slot.id_plus_one == 0) return kNone;
      if (slot.head == head && slot.length == length &&
          (length <= 8 || std::memcmp(pool_.data() + offsets_[slot.id_plus_one - 1] + 8,
                                      word + 8, length - 8) == 0)) {
        return slot.id_plus_one - 1;
      }
    }
  }
  size_t memory_usage() const {
    return slots_.size() * sizeof(Slot) + offsets_.size() * 8 + pool_.size();
  }

 private:
  struct Slot {
    uint64_t head = 0;  // the word's first 8 bytes, zero-padded
    uint32_t id_plus_one = 0;
    uint32_t length = 0;
  };
  static uint64_t head_of(const unsigned char* word, size_t length) {
    uint64_t head = 0;
    std::memcpy(&head, word, std::min<size_t>(8, length));
    return head;
  }
  void insert(uint32_t id, uint64_t hash) {
    const auto* word = reinterpret_cast<const unsigned char*>(pool_.data() + offsets_[id]);
    const uint32_t length = static_cast<uint32_t>(
        (id + 1 < size() ? offsets_[id + 1] : pool_.size()) - offsets_[id]);
    uint64_t i = hash & mask_;
    while (slots_[i].id_plus_one != 0) i = (i + 1) & mask_;
    slots_[i] = Slot{head_of(word, length), id + 1, length};
  }
  void grow() {
    reserve(slots_.size());  // twice the slots: reserve sizes for 4/5 of its argument
    for (uint32_t id = 0; id < size(); ++id) {
      const auto* word = reinterpret_cast<const unsigned char*>(pool_.data() + offsets_[id]);
      const size_t end = id + 1 < size() ? offsets_[id + 1] : pool_.size();
      insert(id, hash_word(word, end - offsets_[id]));
    }
  }

  std::vector<Slot> slots_;
  uint64_t mask_ = 0;
  std::vector<uint64_t> offsets_;
  std::string pool_;
};

// Aho-Corasick over token numbers; the edges in one open-addressing map of (state, token).
class TokenAutomaton {
 public:
  void build(const std::vector<std::vector<uint32_t>>& keys, size_t tokens) {
    size_t slots = 1;
    while (slots < tokens * 2) slots <<= 1;
    edge_keys_.assign(slots, kEmpty);
    edge_targets_.assign(slots, 0);
    mask_ = slots - 1;
    std::vector<std::vector<std::pair<uint32_t, uint32_t>>> children(1);
    terminal_.assign(1, 0);
    for (const auto& key : keys) {
      uint32_t state = 0;
      for (uint32_t token : key) {
        uint32_t next = step(state, token);
        if (next == kNone) {
          next = static_cast<uint32_t>(terminal_.size());
          terminal_.push_back(0);
          children.emplace_back();
          children[state].emplace_back(token, next);
          put(state, token, next);
        }
        state = next;
      }
      terminal_[state] = 1;
    }
    failure_.assign(terminal_.size(), 0);
    output_.assign(terminal_.size(), kNone);
    std::vector<uint32_t> queue;
    for (auto [token, child] : children[0]) queue.push_back(child);
    for (size_t i = 0; i < queue.size(); ++i) {
      const uint32_t state = queue[i];
      for (auto [token, child] : children[state]) {
        uint32_t suffix = failure_[state], next;
        while ((next = step(suffix, token)) == kNone && suffix != 0) suffix = failure_[suffix];
        failure_[child] = next == kNone ? 0 : next;
        output_[child] = terminal_[failure_[child]] ? failure_[child] : output_[failure_[child]];
        queue.push_back(child);
      }
    }
  }
  size_t states() const { return terminal_.size(); }
  // The next state after `token`, adding to `ends` the keys that end there.
  uint32_t feed(uint32_t state, uint32_t token, size_t* ends) const {
    uint32_t next;
    while ((next = step(state, token)) == kNone && state != 0) state = failure_[state];
    state = next == kNone ? 0 : next;
    *ends += terminal_[state];
    for (uint32_t o = output_[state]; o != kNone; o = output_[o]) ++*ends;
    return state;
  }
  size_t memory_usage() const {
    return edge_keys_.size() * 12 + terminal_.size() * (1 + 4 + 4);
  }

 private:
  static constexpr uint64_t kEmpty = ~uint64_t{0};
  static uint64_t slot_of(uint64_t key) {
    key *= 0x9E3779B97F4A7C15ULL;
    return key ^ (key >> 32);
  }
  uint32_t step(uint32_t state, uint32_t token) const {
    const uint64_t key = uint64_t{state} << 32 | token;
    for (uint64_t i = slot_of(key) & mask_;; i = (i + 1) & mask_) {
      if (edge_keys_[i] == key) return edge_targets_[i];
      if (edge_keys_[i] == kEmpty) return kNone;
    }
  }
  void put(uint32_t state, uint32_t token, uint32_t target) {
    const uint64_t key = uint64_t{state} << 32 | token;
    uint64_t i = slot_of(key) & mask_;
    while (edge_keys_[i] != kEmpty) i = (i + 1) & mask_;
    edge_keys_[i] = key;
    edge_targets_[i] = target;
  }

  std::vector<uint64_t> edge_keys_;
  std::vector<uint32_t> edge_targets_;
  uint64_t mask_ = 0;
  std::vector<uint8_t> terminal_;
  std::vector<uint32_t> failure_, output_;
};

int count_match(const onoma_match*, void* count) {
  ++*static_cast<size_t*>(count);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 4) {
    std::fprintf(stderr, "usage: %s ALIASES TEXT GAZETTEER [ROUNDS]\n", argv[0]);
    return 2;
  }
  const int rounds = argc > 4 ? std::atoi(argv[4]) : 5;
  const std::vector<std::string> aliases = bench::read_lines(argv[1]);
  const std::string text_bytes = bench::read_file(argv[2]);
  const auto* text = reinterpret_cast<const unsigned char*>(text_bytes.data());
  const size_t size = text_bytes.size();

  double start = bench::now();
  WordDictionary dictionary;
  dictionary.reserve(1024);  // grows by doubling: 40 to 80% of its slots are taken
  std::vector<std::vector<uint32_t>> keys;
  keys.reserve(aliases.size());
  size_t tokens = 0;
  for (const std::string& alias : aliases) {
    std::vector<uint32_t> key;
    tokenize(
        reinterpret_cast<const unsigned char*>(alias.data()), alias.size(),
        [&](const unsigned char* word, size_t length) {
          key.push_back(kFirstWordToken + dictionary.add(word, length));
        },
        [&](uint32_t token) { key.push_back(token); });
    tokens += key.size();
    keys.push_back(std::move(key));
  }
  TokenAutomaton automaton;
  automaton.build(keys, tokens);
  keys = {};
  std::printf("keys %zu, distinct words %u, tokens %zu, states %zu, built in %.2f s, "
              "dictionary %.1f MB, automaton %.1f MB (as laid out here)\n",
              aliases.size(), dictionary.size(), tokens, automaton.states(),
              bench::now() - start, dictionary.memory_usage() / 1e6,
              automaton.memory_usage() / 1e6);

  onoma_gazetteer* gazetteer = nullptr;
  onoma_scratch* scratch = nullptr;
  if (onoma_gazetteer_load(argv[3], ONOMA_FORMAT_AUTO, nullptr, &gazetteer, nullptr) ||
      onoma_scratch_new(&scratch)) {
    std::fprintf(stderr, "cannot load %s\n", argv[3]);
    return 2;
  }

  // Each stage returns a count, printed so that no work is optimized away.
  volatile uint64_t hashes_seen = 0;  // so that the hashes of the first stage are computed
  auto words = [&] {
    size_t count = 0;
    uint64_t mixed = 0;
    for_each_word(text, size, [&](const unsigned char* w, size_t n) {
      mixed ^= hash_word(w, n);
      ++count;
    });
    hashes_seen = mixed;
    return count;
  };
  auto lookup = [&] {
    size_t found = 0;
    for_each_word(text, size, [&](const unsigned char* w, size_t n) {
      found += dictionary.find(w, n, hash_word(w, n)) != kNone;
    });
    return found;
  };
  auto batched = [&] {
    constexpr int kBatch = 32;
    unsigned char batch[kBatch][64];
    uint64_t hashes[kBatch];
    size_t lengths[kBatch];
    int pending = 0;
    size_t found = 0;
    auto flush = [&] {
      for (int i = 0; i < pending; ++i) {
        found += dictionary.find(batch[i], lengths[i], hashes[i]) != kNone;
      }
      pending = 0;
    };
    for_each_word(text, size, [&](const unsigned char* w, size_t n) {
      std::memcpy(batch[pending], w, n);
      lengths[pending] = n;
      hashes[pending] = hash_word(w, n);
      __builtin_prefetch(dictionary.slot_address(hashes[pending]));
      if (++pending == kBatch) flush();
    });
    flush();
    return found;
  };
  auto whole = [&] {
    size_t ends = 0;
    uint32_t state = 0;
    tokenize(
        text, size,
        [&](const unsigned char* w, size_t n) {
          const uint32_t id = dictionary.find(w, n, hash_word(w, n));
          state = id == kNone ? 0 : automaton.feed(state, kFirstWordToken + id, &ends);
        },
        [&](uint32_t token) { state = automaton.feed(state, token, &ends); });
    return ends;
  };

  struct Stage {
    const char* name;
    size_t (*run)(void*);
    void* fn;
  };
  auto stage = [](const char* name, auto& fn) {
    using F = std::remove_reference_t<decltype(fn)>;
    return Stage{name, [](void* f) { return (*static_cast<F*>(f))(); }, &fn};
  };
  const Stage stages[] = {stage("words", words), stage("lookup", lookup),
                          stage("batched", batched), stage("automaton", whole)};
  for (const Stage& s : stages) {
    std::vector<double> mine, onoma, ratios;
    size_t count = 0, matches = 0;
    for (int round = 0; round < rounds; ++round) {
      double t = bench::now();
      count = s.run(s.fn);
      mine.push_back(bench::now() - t);
      matches = 0;
      t = bench::now();
      onoma_scan(gazetteer, scratch, nullptr, text_bytes.data(), size, count_match, &matches);
      onoma.push_back(bench::now() - t);
      ratios.push_back(onoma.back() / mine.back());
    }
    std::printf("%-9s %8.1f MB/s (count %zu)  onoma in turn %6.1f MB/s (%zu matches)  "
                "stage/onoma %.2f\n",
                s.name, size / bench::median(mine) / 1e6, count, size / bench::median(onoma) / 1e6,
                matches, bench::median(ratios));
  }
  onoma_scratch_free(scratch);
  onoma_gazetteer_free(gazetteer);
  return 0;
}
