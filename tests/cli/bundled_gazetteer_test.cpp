// The gazetteer that ships with onoma: found without --gazetteer, in the build tree as in an
// install, and good enough for the bundled examples.
#include <filesystem>
#include <fstream>
#include <string>

#include "cli_fixture.h"

namespace onoma::cli_test {
namespace {

namespace fs = std::filesystem;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::Not;

TEST(BundledGazetteerTest, FindsTheNamesOfTheAllianceSummitExample) {
  const std::string example = ONOMA_SOURCE_DIR "/examples/en_alliance_summit.txt";
  const RunResult result = run_onoma({"extract", example});
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.err, IsEmpty());
  // The line the README shows.
  EXPECT_THAT(result.out,
              HasSubstr(R"({"doc": ")" + example +
                        R"(", "start": 269, "end": 282, "text": "Mélanie\nJoly", "id": "melanie-joly", "label": "PERSON", "name": "Mélanie Joly", "alias": "Mélanie Joly"})"
                        "\n"));
  EXPECT_THAT(result.out, HasSubstr(R"("text": "U.S.", "id": "united-states")"));
  // "one of us", "let us", "who asked": ordinary words, not the acronyms.
  EXPECT_THAT(result.out, Not(HasSubstr(R"("text": "us")")));
  EXPECT_THAT(result.out, Not(HasSubstr(R"("text": "who")")));
}

class RelocatedCommandTest : public testing::Test {
 protected:
  // A copy of the command in <temp>/bin, as if the install tree had been moved there.
  void SetUp() override {
    fs::create_directories(root_ / "bin");
    fs::copy_file(ONOMA_CLI, command_);
  }

  TempDirectory directory_;
  const fs::path root_ = fs::canonical(directory_.path());
  const std::string command_ = (root_ / "bin" / "onoma").string();
};

TEST_F(RelocatedCommandTest, UsesTheGazetteerBesideIt) {
  directory_.write("share/onoma/gazetteer.jsonl", kTestGazetteer);
  const RunResult info = run_program(command_, {"info"});
  EXPECT_EQ(info.status, 0);
  EXPECT_THAT(info.out, HasSubstr("gazetteer: " + (root_ / "share/onoma/gazetteer.jsonl").string()));
  RunOptions input;
  input.input = "Montréal";
  EXPECT_THAT(run_program(command_, {"extract"}, input).out, HasSubstr(R"("id": "montreal")"));
}

TEST_F(RelocatedCommandTest, MissingBundledGazetteerNamesWhereItLooked) {
  if (fs::exists(ONOMA_INSTALLED_GAZETTEER)) GTEST_SKIP() << "onoma is installed on this system";
  const RunResult result = run_program(command_, {"extract"});
  EXPECT_EQ(result.status, 2);
  EXPECT_THAT(result.out, IsEmpty());
  EXPECT_EQ(result.err, "onoma: the bundled gazetteer is missing: neither " +
                            (root_ / "share/onoma/gazetteer.jsonl").string() + " nor " +
                            ONOMA_INSTALLED_GAZETTEER +
                            " exists; name a gazetteer with --gazetteer FILE\n");
}

}  // namespace
}  // namespace onoma::cli_test
