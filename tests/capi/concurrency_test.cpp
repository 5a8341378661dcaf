// Eight threads released at the same instant use the library side by side (ThreadSanitizer
// watches them in tools/sanitizers.sh), and each must get exactly what one thread alone gets
// afterwards. ctest runs each test in a process of its own, so what the library sets up lazily
// (fold tables, the Unicode version string) is first set up inside the threads, concurrently.
#include <algorithm>
#include <future>
#include <string>
#include <thread>
#include <vector>

#include "capi_test_support.h"

namespace {

constexpr size_t kThreads = 8;

// Runs body(t) on kThreads threads that all start once every one of them exists.
template <typename Body>
void run_together(Body body) {
  std::promise<void> start;
  const std::shared_future<void> go = start.get_future().share();
  std::vector<std::thread> threads;
  for (size_t t = 0; t < kThreads; ++t) {
    threads.emplace_back([&body, go, t] {
      go.wait();
      body(t);
    });
  }
  start.set_value();
  for (std::thread& thread : threads) thread.join();
}

// Texts made of the gazetteer's own aliases, written in other ways (upper case, no-break
// spaces, a line break inside), between filler that holds near-misses and invalid UTF-8.
std::vector<std::string> texts_from(const onoma_gazetteer* gazetteer) {
  const char* const filler[] = {" and ",       " one of us ", "\xC2\xA0",     ", the ",
                                " BUS-USA ",   "\xFF\xFE",    " \xE2\x80\x94 ", "\xE2\x80\x99s "};
  std::vector<std::string> texts(6);
  const size_t aliases = onoma_gazetteer_alias_count(gazetteer);
  for (uint32_t a = 0; a < aliases; ++a) {
    size_t length = 0;
    const char* text = onoma_alias_text(gazetteer, a, &length);
    std::string alias(text, length);
    switch (a % 3) {
      case 0: break;
      case 1:
        for (char& c : alias) c = (c >= 'a' && c <= 'z') ? static_cast<char>(c - 'a' + 'A') : c;
        break;
      default:
        if (const size_t space = alias.find(' '); space != std::string::npos) {
          alias.replace(space, 1, a % 2 ? "\n" : "\xC2\xA0");
        }
    }
    texts[a % texts.size()] += alias + filler[a % (sizeof(filler) / sizeof(filler[0]))];
  }
  return texts;
}

const onoma_scan_options kOptionSets[] = {
    capi_test::scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_WORD, ONOMA_OFFSETS_BYTES),
    capi_test::scan_options(ONOMA_POLICY_ALL, ONOMA_BOUNDARY_WORD, ONOMA_OFFSETS_CODE_POINTS),
    capi_test::scan_options(ONOMA_POLICY_LONGEST, ONOMA_BOUNDARY_NONE, ONOMA_OFFSETS_UTF16),
    capi_test::scan_options(ONOMA_POLICY_ALL, ONOMA_BOUNDARY_NONE, ONOMA_OFFSETS_BYTES),
};
constexpr size_t kOptionSetCount = sizeof(kOptionSets) / sizeof(kOptionSets[0]);

// A match with what the accessors return for it (so that the entity and alias tables are read
// concurrently too) and its offsets in bytes and in the chosen unit.
std::string describe(const onoma_gazetteer* gazetteer, const onoma_match& m) {
  size_t length = 0;
  const char* label = onoma_entity_label(gazetteer, m.entity, &length);
  std::string out = capi_test::entity_id(gazetteer, m.entity) + '/' + std::string(label, length);
  const char* alias = onoma_alias_text(gazetteer, m.alias, &length);
  out += '/' + std::string(alias, length) + '@' + std::to_string(m.start) + '-' +
         std::to_string(m.end) + ':' + std::to_string(m.unit_start) + '-' +
         std::to_string(m.unit_end) + (m.flags & ONOMA_MATCH_AMBIGUOUS ? "* " : " ");
  return out;
}

// One scan through the callback interface, described.
std::string scan_with_callback(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                               const std::string& text, const onoma_scan_options& options) {
  struct Sink {
    const onoma_gazetteer* gazetteer;
    std::string out;
  } sink{gazetteer, {}};
  const onoma_status status = onoma_scan(
      gazetteer, scratch, &options, text.data(), text.size(),
      [](const onoma_match* m, void* user_data) {
        Sink& s = *static_cast<Sink*>(user_data);
        s.out += describe(s.gazetteer, *m);
        return 0;
      },
      &sink);
  return status == ONOMA_OK ? sink.out : "status " + std::to_string(status);
}

// The same scan into a caller buffer (sized by a first call), described the same way.
std::string scan_into_buffer(const onoma_gazetteer* gazetteer, onoma_scratch* scratch,
                             const std::string& text, const onoma_scan_options& options) {
  size_t count = 0;
  onoma_status status = onoma_scan_into(gazetteer, scratch, &options, text.data(), text.size(),
                                        nullptr, 0, &count);
  if (status != ONOMA_OK && status != ONOMA_ERROR_BUFFER_TOO_SMALL) {
    return "status " + std::to_string(status);
  }
  std::vector<onoma_match> matches(count);
  status = onoma_scan_into(gazetteer, scratch, &options, text.data(), text.size(),
                           matches.data(), matches.size(), &count);
  if (status != ONOMA_OK) return "status " + std::to_string(status);
  std::string out;
  for (const onoma_match& m : matches) out += describe(gazetteer, m);
  return out;
}

// The bundled gazetteer (513 entities, many scripts) is shared by eight threads, each with its
// own scratch, that run the first scans in the process, side by side, through both output
// styles and every policy, boundary and offset unit, several rounds over.
TEST(Concurrency, EightThreadsShareOneGazetteerEachWithItsOwnScratch) {
  onoma_gazetteer* loaded = nullptr;
  onoma_error* error = nullptr;
  ASSERT_EQ(onoma_gazetteer_load(ONOMA_TEST_BUNDLED_GAZETTEER, ONOMA_FORMAT_AUTO, nullptr,
                                 &loaded, &error),
            ONOMA_OK)
      << (error ? error->message : "");
  const capi_test::Gazetteer gazetteer(loaded);
  const std::vector<std::string> texts = texts_from(gazetteer.get());

  constexpr size_t kRounds = 3;
  // seen[t][round][option set][text], callback and buffer results one after the other.
  std::vector<std::vector<std::vector<std::string>>> seen(
      kThreads, std::vector<std::vector<std::string>>(kRounds * kOptionSetCount));
  std::vector<std::string> versions(kThreads);
  run_together([&](size_t t) {
    versions[t] = std::string(onoma_unicode_version()) + ' ' + onoma_status_string(ONOMA_OK);
    onoma_scratch* scratch = nullptr;
    if (onoma_scratch_new(&scratch) != ONOMA_OK) return;
    for (size_t round = 0; round < kRounds; ++round) {
      for (size_t i = 0; i < kOptionSetCount; ++i) {
        // Threads start on different option sets, so that different scans run side by side.
        const size_t set = (i + t) % kOptionSetCount;
        std::vector<std::string>& out = seen[t][round * kOptionSetCount + set];
        for (const std::string& text : texts) {
          out.push_back(scan_with_callback(gazetteer.get(), scratch, text, kOptionSets[set]));
          out.push_back(scan_into_buffer(gazetteer.get(), scratch, text, kOptionSets[set]));
        }
      }
    }
    onoma_scratch_free(scratch);
  });

  const capi_test::Scratch scratch = capi_test::new_scratch();
  std::vector<std::vector<std::string>> expected(kOptionSetCount);
  size_t longest_word_matches = 0;
  for (size_t set = 0; set < kOptionSetCount; ++set) {
    for (const std::string& text : texts) {
      const std::string described =
          scan_with_callback(gazetteer.get(), scratch.get(), text, kOptionSets[set]);
      EXPECT_EQ(scan_into_buffer(gazetteer.get(), scratch.get(), text, kOptionSets[set]),
                described);
      expected[set].push_back(described);
      expected[set].push_back(described);
      if (set == 0) {
        longest_word_matches +=
            static_cast<size_t>(std::count(described.begin(), described.end(), '@'));
      }
    }
  }
  // The texts are made of aliases: most of them must be found.
  EXPECT_GT(longest_word_matches, onoma_gazetteer_alias_count(gazetteer.get()) / 2);

  const std::string version =
      std::string(onoma_unicode_version()) + ' ' + onoma_status_string(ONOMA_OK);
  for (size_t t = 0; t < kThreads; ++t) {
    EXPECT_EQ(versions[t], version) << "thread " << t;
    for (size_t round = 0; round < kRounds; ++round) {
      for (size_t set = 0; set < kOptionSetCount; ++set) {
        EXPECT_EQ(seen[t][round * kOptionSetCount + set], expected[set])
            << "thread " << t << ", round " << round << ", option set " << set;
      }
    }
  }
}

// Eight threads build gazetteers with the same folding at the same instant, so that they all
// ask for its fold tables (and, for the case-sensitive aliases, the case-keeping tables) before
// anyone has built them; each then scans with the gazetteer it built.
TEST(Concurrency, EightThreadsFirstUseTheSameFoldTables) {
  const std::vector<capi_test::EntitySpec> entities = {
      {"joly", "PERSON", "Mélanie Joly", {{"Joly"}, {"MJ", ONOMA_ALIAS_CASE_SENSITIVE}}},
      {"us", "GPE", "United States", {{"US"}, {"U.S."}}},
      {"strasse", "LOC", "Straße"},
      {"tokyo", "GPE", "Tokyo", {{"東京"}}},
  };
  const std::string text =
      "Me\xCC\x81lanie\xC2\xA0Joly \xE2\x80\x94 MÉLANIE JOLY, Ｊｏｌｙ, MJ and mj in the U.S.; "
      "one of us on the STRASSE to 東京.";
  // Not the default folding: nothing in the process has used these tables before.
  onoma_gazetteer_options options;
  onoma_gazetteer_options_init(&options);
  options.fold = ONOMA_FOLD_DEFAULT & ~ONOMA_FOLD_PUNCTUATION;
  const onoma_scan_options all = capi_test::scan_options(ONOMA_POLICY_ALL);

  std::vector<std::string> seen(kThreads);
  run_together([&](size_t t) {
    const capi_test::Gazetteer gazetteer = capi_test::build(entities, &options);
    seen[t] = capi_test::describe_scan(gazetteer.get(), text, &all);
  });

  const capi_test::Gazetteer gazetteer = capi_test::build(entities, &options);
  const std::string expected = capi_test::describe_scan(gazetteer.get(), text, &all);
  EXPECT_EQ(expected,
            "joly@0-15 joly@11-15 joly@20-33 joly@29-33 joly@35-47 joly@49-51 us@66-70 "
            "strasse@89-96 tokyo@100-106");
  for (size_t t = 0; t < kThreads; ++t) EXPECT_EQ(seen[t], expected) << "thread " << t;
}

}  // namespace
