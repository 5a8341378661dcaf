// How `onoma` fails: unreadable documents, bad gazetteers, bad command lines, closed output.
#include <filesystem>
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace onoma::cli_test {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::StartsWith;

class ErrorsTest : public CliTest {};

TEST_F(ErrorsTest, UnreadableDocumentsAreReportedAndTheOthersStillProcessed) {
  const std::string first = directory_.write("first.txt", "US");
  const std::string missing = directory_.path() + "/missing.txt";
  const std::string folder = directory_.path();
  const std::string last = directory_.write("last.txt", "Montréal");
  const RunResult result = extract({first, missing, folder, last});
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(string_values(result.out, "doc"), ElementsAre(first, last));
  EXPECT_THAT(string_values(result.out, "id"), ElementsAre("usa", "montreal"));
  EXPECT_EQ(result.err, "onoma: " + missing + ": No such file or directory\n" +
                            "onoma: " + folder + ": Is a directory\n");
}

TEST_F(ErrorsTest, MalformedGazetteerIsRejectedWithFileAndLine) {
  const std::string bad = directory_.write("bad.jsonl",
                                           R"({"id": "a", "label": "X", "name": "A"})"
                                           "\n"
                                           R"({"id": "b", "label": "X")"
                                           "\n");
  const RunResult result = run_onoma({"extract", "--gazetteer", bad});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.out, IsEmpty());
  EXPECT_THAT(result.err, StartsWith("onoma: " + bad + ":2: "));
  EXPECT_EQ(lines_of(result.err).size(), 1u);
}

TEST_F(ErrorsTest, MalformedGazetteerAmongGoodOnesRejectsTheWhole) {
  const std::string bad = directory_.write("bad.tsv", "ottawa\tGPE\n");
  const RunResult result = extract({"--gazetteer", bad}, "Montréal");
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.out, IsEmpty());
  EXPECT_THAT(result.err, StartsWith("onoma: " + bad + ":1: "));
}

TEST_F(ErrorsTest, MissingGazetteerFileIsNamed) {
  const std::string missing = directory_.path() + "/none.jsonl";
  const RunResult result = run_onoma({"extract", "--gazetteer", missing});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.err, StartsWith("onoma: " + missing + ": "));
  EXPECT_THAT(result.err, HasSubstr("No such file or directory"));
}

TEST_F(ErrorsTest, UsageErrorsGiveOneReasonAndAPointerToHelp) {
  const std::vector<std::vector<std::string>> command_lines = {
      {"extract", "--bogus"},        {"extract", "--policy"},
      {"extract", "--policy", "widest"}, {"extract", "--offsets=lines"},
      {"extract", "--help=yes"},     {"info", "--policy", "all"},
      {"frob"},                      {"--frob"}};
  for (const std::vector<std::string>& command_line : command_lines) {
    SCOPED_TRACE(command_line[0] + " " + (command_line.size() > 1 ? command_line[1] : ""));
    const RunResult result = run_onoma(command_line);
    EXPECT_EQ(result.status, 2);
    EXPECT_THAT(result.out, IsEmpty());
    const std::vector<std::string> lines = lines_of(result.err);
    ASSERT_EQ(lines.size(), 2u) << result.err;
    EXPECT_THAT(lines[0], StartsWith("onoma: "));
    EXPECT_EQ(lines[1], "try 'onoma --help'");
  }
  EXPECT_EQ(run_onoma({"extract", "--policy", "widest"}).err,
            "onoma: unknown --policy 'widest' (expected longest or all)\ntry 'onoma --help'\n");
}

TEST_F(ErrorsTest, NoArgumentsPrintsTheUsageOnStandardError) {
  const RunResult result = run_onoma({});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.out, IsEmpty());
  EXPECT_THAT(result.err, StartsWith("usage: onoma extract"));
}

// `onoma extract big.txt | head -1`: the reader goes away while onoma still has lines to write.
// It must neither hang nor die of SIGPIPE nor complain: it stops, with status 1.
TEST_F(ErrorsTest, ClosedStandardOutputEndsTheOutputQuietly) {
  std::string text;
  for (int i = 0; i < 100000; ++i) text += "US, UN. ";
  const std::string document = directory_.write("big.txt", text);
  RunOptions head;
  head.stdout_limit = 1;
  const RunResult result =
      run_onoma({"extract", "--gazetteer", gazetteer_, document, document}, head);
  EXPECT_EQ(result.status, 1);
  EXPECT_THAT(result.err, IsEmpty());
}

TEST_F(ErrorsTest, FailedWriteIsReported) {
  if (!std::filesystem::exists("/dev/full")) GTEST_SKIP() << "no /dev/full";
  RunOptions full;
  full.stdout_file = "/dev/full";
  full.input = "US";
  const RunResult result = run_onoma({"extract", "--gazetteer", gazetteer_}, full);
  EXPECT_EQ(result.status, 1);
  EXPECT_EQ(result.err, "onoma: write error: No space left on device\n");
}

}  // namespace
}  // namespace onoma::cli_test
