// `onoma info`, `--version` and `--help`.
#include <fstream>
#include <string>

#include "cli_fixture.h"

namespace onoma::cli_test {
namespace {

using testing::ContainsRegex;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::MatchesRegex;
using testing::StartsWith;

class InfoTest : public CliTest {};

TEST_F(InfoTest, CountsEntitiesAliasesAndTheEntitiesOfEachLabel) {
  const RunResult result = run_onoma({"info", gazetteer_});
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.err, IsEmpty());
  EXPECT_THAT(result.out, StartsWith("gazetteer: " + gazetteer_ + "\n" +
                                     "entities: " + std::to_string(kTestEntities) + "\n" +
                                     "aliases: " + std::to_string(kTestAliases) + "\n" +
                                     "labels: 3\n"
                                     "label GPE: 7\n"
                                     "label PERSON: 1\n"
                                     "label ORG: 1\n"));
  EXPECT_THAT(result.out, ContainsRegex("\nmemory: [0-9]+ bytes \\([0-9]+\\.[0-9] [KMG]iB\\)\n"));
  EXPECT_THAT(result.out, HasSubstr("\nfold: canonical, compatibility, case, marks, punctuation, "
                                    "white-space, ignorables\n"));
  EXPECT_THAT(result.out, HasSubstr("\nversion: " ONOMA_VERSION "\n"));
}

TEST_F(InfoTest, ShowsTheFoldOption) {
  EXPECT_THAT(run_onoma({"info", "--fold", "exact", gazetteer_}).out,
              HasSubstr("\nfold: none (exact)\n"));
}

TEST_F(InfoTest, ShowsTheIndex) {
  EXPECT_THAT(run_onoma({"info", gazetteer_}).out, HasSubstr("\nindex: bytes\n"));
  EXPECT_THAT(run_onoma({"info", "--index", "words", gazetteer_}).out,
              HasSubstr("\nindex: words\n"));
}

TEST_F(InfoTest, CountsTheBundledGazetteerByDefault) {
  std::ifstream data(ONOMA_SOURCE_DIR "/data/gazetteer.jsonl");
  int entities = 0;
  for (std::string line; std::getline(data, line);) entities += line.empty() ? 0 : 1;
  const RunResult result = run_onoma({"info"});
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.out, HasSubstr("/share/onoma/gazetteer.jsonl\nentities: " +
                                    std::to_string(entities) + "\n"));
}

TEST(VersionTest, PrintsTheLibraryAndUnicodeVersions) {
  const RunResult result = run_onoma({"--version"});
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.out, MatchesRegex("onoma " ONOMA_VERSION " \\(Unicode [0-9]+\\.[0-9]+\\)\n"));
}

TEST(HelpTest, EveryWayOfAskingPrintsTheUsage) {
  for (const char* command : {"--help", "-h", "help"}) {
    const RunResult result = run_onoma({command});
    EXPECT_EQ(result.status, 0) << command;
    EXPECT_THAT(result.out, StartsWith("usage: onoma extract")) << command;
    EXPECT_THAT(result.err, IsEmpty());
  }
  EXPECT_THAT(run_onoma({"extract", "--help"}).out, StartsWith("usage: onoma extract"));
  EXPECT_THAT(run_onoma({"info", "--help"}).out, StartsWith("usage: onoma extract"));
}

}  // namespace
}  // namespace onoma::cli_test
