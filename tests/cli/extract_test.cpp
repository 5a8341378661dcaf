// `onoma extract`: the JSON lines it writes and how the options change them.
#include <string>
#include <vector>

#include "cli_fixture.h"

namespace onoma::cli_test {
namespace {

using testing::ElementsAre;
using testing::HasSubstr;
using testing::IsEmpty;
using testing::StartsWith;

class ExtractTest : public CliTest {};

TEST_F(ExtractTest, WritesOneJsonLinePerMatchWithTheOriginalSurface) {
  const std::string document =
      directory_.write("news.txt", "Minister Mélanie\nJoly visited Montréal.");
  const RunResult result = extract({document});
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.err, IsEmpty());
  EXPECT_EQ(result.out,
            R"({"doc": ")" + document +
                R"(", "start": 9, "end": 22, "text": "Mélanie\nJoly", "id": "melanie-joly", "label": "PERSON", "name": "Mélanie Joly", "alias": "Mélanie Joly"})"
                "\n"
                R"({"doc": ")" + document +
                R"(", "start": 31, "end": 40, "text": "Montréal", "id": "montreal", "label": "GPE", "name": "Montréal", "alias": "Montréal"})"
                "\n");
}

TEST_F(ExtractTest, ReportsASharedSpanOncePerEntityFlaggedAmbiguous) {
  const RunResult result = extract({}, "in GEORGIA");
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(
      lines_of(result.out),
      testing::UnorderedElementsAre(
          R"({"doc": "-", "start": 3, "end": 10, "text": "GEORGIA", "id": "georgia-country", "label": "GPE", "name": "Georgia", "alias": "Georgia", "ambiguous": true})",
          R"({"doc": "-", "start": 3, "end": 10, "text": "GEORGIA", "id": "georgia-state", "label": "GPE", "name": "Georgia", "alias": "Georgia", "ambiguous": true})"));
}

TEST_F(ExtractTest, ReadsStandardInputWithoutFilesAndForDash) {
  const std::string document = directory_.write("a.txt", "Joly");
  EXPECT_THAT(extract({}, "US").out, StartsWith(R"({"doc": "-", "start": 0, "end": 2, "text": "US")"));
  const RunResult mixed = extract({document, "-"}, "York");
  EXPECT_EQ(mixed.status, 0);
  EXPECT_THAT(string_values(mixed.out, "doc"), ElementsAre(document, "-"));
  EXPECT_THAT(string_values(mixed.out, "id"), ElementsAre("melanie-joly", "york"));
}

// "😀" is 4 bytes, 1 code point and 2 UTF-16 units; "é" is 2 bytes, 1 and 1.
TEST_F(ExtractTest, OffsetsCountBytesCodePointsOrUtf16Units) {
  const std::string text = "😀 é US";
  EXPECT_THAT(extract({"--offsets", "bytes"}, text).out,
              HasSubstr(R"("start": 8, "end": 10, "text": "US")"));
  EXPECT_THAT(extract({"--offsets", "chars"}, text).out,
              HasSubstr(R"("start": 4, "end": 6, "text": "US")"));
  EXPECT_THAT(extract({"--offsets=utf16"}, text).out,
              HasSubstr(R"("start": 5, "end": 7, "text": "US")"));
}

TEST_F(ExtractTest, PolicyAllAddsTheOverlappingMatchesThatLongestDrops) {
  const std::string text = "New York City";
  EXPECT_THAT(string_values(extract({}, text).out, "id"), ElementsAre("new-york-city"));
  EXPECT_THAT(string_values(extract({"--policy", "longest"}, text).out, "id"),
              ElementsAre("new-york-city"));
  const std::string all = extract({"--policy", "all"}, text).out;
  EXPECT_THAT(string_values(all, "id"), ElementsAre("new-york", "new-york-city", "york"));
  EXPECT_THAT(string_values(all, "text"), ElementsAre("New York", "New York City", "York"));
}

TEST_F(ExtractTest, BoundaryNoneMatchesInsideWords) {
  EXPECT_THAT(extract({}, "USA").out, IsEmpty());
  EXPECT_EQ(extract({"--boundary", "none"}, "USA").out,
            R"({"doc": "-", "start": 0, "end": 2, "text": "US", "id": "usa", "label": "GPE", "name": "United States", "alias": "US"})"
            "\n");
}

TEST_F(ExtractTest, FoldExactMatchesOnlyTheSpellingAsWritten) {
  const std::string text = "MONTREAL, Montreal, Montréal";
  EXPECT_THAT(string_values(extract({}, text).out, "text"),
              ElementsAre("MONTREAL", "Montreal", "Montréal"));
  EXPECT_THAT(string_values(extract({"--fold", "exact"}, text).out, "text"),
              ElementsAre("Montréal"));
}

TEST_F(ExtractTest, IndexWordsFindsWhatIndexBytesFinds) {
  const std::string text = "New York City, MONTREAL and Me\u0301lanie\nJoly; one of us; the US";
  const RunResult words = extract({"--index", "words"}, text);
  EXPECT_EQ(words.status, 0);
  EXPECT_EQ(words.out, extract({}, text).out);
  EXPECT_THAT(string_values(words.out, "id"),
              ElementsAre("new-york-city", "montreal", "melanie-joly", "usa"));
  const RunResult none = extract({"--index", "words", "--boundary", "none"}, text);
  EXPECT_EQ(none.status, 2);
  EXPECT_THAT(none.err, HasSubstr("--boundary none"));
}

TEST_F(ExtractTest, RepeatedGazetteersBuildOneGazetteer) {
  const std::string tsv = directory_.write("extra.tsv", "ottawa\tGPE\tOttawa\n");
  const RunResult result = extract({"--gazetteer", tsv}, "Ottawa and Montréal");
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(string_values(result.out, "id"), ElementsAre("ottawa", "montreal"));
}

// The format applies to every --gazetteer file, so these runs use the TSV file alone.
TEST_F(ExtractTest, GazetteerFormatOverridesTheExtension) {
  const std::string tsv = directory_.write("extra.txt", "ottawa\tGPE\tOttawa\n");
  RunOptions input;
  input.input = "Ottawa";
  EXPECT_EQ(run_onoma({"extract", "--gazetteer", tsv}, input).status, 2);  // read as JSON Lines
  const RunResult result =
      run_onoma({"extract", "--gazetteer", tsv, "--gazetteer-format", "tsv"}, input);
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(string_values(result.out, "id"), ElementsAre("ottawa"));
}

// A document name is whatever the file system allows: control characters, quotes, bytes that
// are not UTF-8. The line must still be valid JSON.
TEST_F(ExtractTest, EscapesDocumentNamesIntoValidJson) {
  const std::string document = directory_.write("odd\t\xff\"\x01name.txt", "US");
  const RunResult result = extract({document});
  EXPECT_EQ(result.status, 0);
  EXPECT_THAT(result.out, StartsWith(R"({"doc": ")" + directory_.path() +
                                     R"(/odd\t\ufffd\"\u0001name.txt", "start": 0)"));
}

}  // namespace
}  // namespace onoma::cli_test
