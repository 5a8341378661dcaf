#include "arguments.h"

#include <cstddef>
#include <optional>

#include "errors.h"

namespace onoma::cli {
namespace {

// Walks a command line the GNU way: an option's value is attached ("--policy=all") or is the
// next argument ("--policy all"); "--" ends the options, so that a document may be named
// "--odd"; "-" alone is an operand (standard input).
class ArgumentReader {
 public:
  explicit ArgumentReader(const std::vector<std::string>& arguments) : arguments_(arguments) {}

  // Moves to the next argument; false when none is left.
  bool next() {
    if (!options_ended_ && next_ < arguments_.size() && arguments_[next_] == "--") {
      options_ended_ = true;
      ++next_;
    }
    if (next_ == arguments_.size()) return false;
    current_ = arguments_[next_++];
    attached_value_.reset();
    is_option_ = !options_ended_ && current_.size() > 1 && current_[0] == '-';
    if (is_option_) {
      const size_t equals = current_.find('=');
      if (equals != std::string::npos) {
        attached_value_ = current_.substr(equals + 1);
        current_.resize(equals);
      }
    }
    return true;
  }

  bool is_option() const { return is_option_; }

  // The option's name (without any "=value"), or the operand.
  const std::string& current() const { return current_; }

  // The value of the current option, consuming the next argument when it was not attached.
  std::string value() {
    if (attached_value_) return *attached_value_;
    if (next_ == arguments_.size()) throw UsageError("option '" + current_ + "' needs a value");
    return arguments_[next_++];
  }

  // For options that are flags: "--help=yes" is a mistake, not a flag.
  void expect_no_value() const {
    if (attached_value_) throw UsageError("option '" + current_ + "' takes no value");
  }

 private:
  const std::vector<std::string>& arguments_;
  size_t next_ = 0;
  bool options_ended_ = false;
  bool is_option_ = false;
  std::string current_;
  std::optional<std::string> attached_value_;
};

struct Choice {
  const char* name;
  int value;
};

constexpr Choice kFormats[] = {{"auto", ONOMA_FORMAT_AUTO},
                               {"jsonl", ONOMA_FORMAT_JSONL},
                               {"tsv", ONOMA_FORMAT_TSV},
                               {"spacy", ONOMA_FORMAT_SPACY}};
constexpr Choice kFolds[] = {{"default", ONOMA_FOLD_DEFAULT}, {"exact", ONOMA_FOLD_EXACT}};
constexpr Choice kIndexes[] = {{"bytes", ONOMA_INDEX_BYTES}, {"words", ONOMA_INDEX_WORDS}};
constexpr Choice kPolicies[] = {{"longest", ONOMA_POLICY_LONGEST}, {"all", ONOMA_POLICY_ALL}};
constexpr Choice kBoundaries[] = {{"word", ONOMA_BOUNDARY_WORD}, {"none", ONOMA_BOUNDARY_NONE}};
constexpr Choice kOffsets[] = {{"bytes", ONOMA_OFFSETS_BYTES},
                               {"chars", ONOMA_OFFSETS_CODE_POINTS},
                               {"utf16", ONOMA_OFFSETS_UTF16}};

// The value of `option` among `choices`; the error lists what would have been accepted.
template <size_t N>
int choose(const std::string& option, const std::string& value, const Choice (&choices)[N]) {
  for (const Choice& choice : choices) {
    if (value == choice.name) return choice.value;
  }
  std::string expected;
  for (size_t i = 0; i < N; ++i) {
    if (i > 0) expected += i + 1 == N ? " or " : ", ";
    expected += choices[i].name;
  }
  throw UsageError("unknown " + option + " '" + value + "' (expected " + expected + ")");
}

UsageError unknown_option(const std::string& name) {
  return UsageError("unknown option '" + name + "'");
}

// Handles the options both commands share; false when `reader` is at some other option.
bool read_gazetteer_option(ArgumentReader& reader, GazetteerArguments* gazetteer) {
  const std::string& name = reader.current();
  if (name == "--gazetteer-format") {
    gazetteer->format = choose(name, reader.value(), kFormats);
  } else if (name == "--fold") {
    gazetteer->fold = static_cast<uint32_t>(choose(name, reader.value(), kFolds));
  } else if (name == "--index") {
    gazetteer->index = static_cast<uint32_t>(choose(name, reader.value(), kIndexes));
  } else {
    return false;
  }
  return true;
}

// The same for the options of the scan itself (extract only).
bool read_scan_option(ArgumentReader& reader, onoma_scan_options* scan) {
  const std::string& name = reader.current();
  if (name == "--policy") {
    scan->policy = choose(name, reader.value(), kPolicies);
  } else if (name == "--boundary") {
    scan->boundary = choose(name, reader.value(), kBoundaries);
  } else if (name == "--offsets") {
    scan->offsets = choose(name, reader.value(), kOffsets);
  } else {
    return false;
  }
  return true;
}

bool is_help(const std::string& name) { return name == "--help" || name == "-h"; }

}  // namespace

ExtractArguments parse_extract_arguments(const std::vector<std::string>& arguments) {
  ExtractArguments result;
  onoma_scan_options_init(&result.scan);
  ArgumentReader reader(arguments);
  while (reader.next()) {
    const std::string& name = reader.current();
    if (!reader.is_option()) {
      result.documents.push_back(name);
    } else if (is_help(name)) {
      reader.expect_no_value();
      result.help = true;
    } else if (name == "--gazetteer") {
      result.gazetteer.files.push_back(reader.value());
    } else if (!read_gazetteer_option(reader, &result.gazetteer) &&
               !read_scan_option(reader, &result.scan)) {
      throw unknown_option(name);
    }
  }
  if (result.gazetteer.index == ONOMA_INDEX_WORDS && result.scan.boundary != ONOMA_BOUNDARY_WORD) {
    throw UsageError("--index words finds whole words only: it cannot go with --boundary none");
  }
  return result;
}

InfoArguments parse_info_arguments(const std::vector<std::string>& arguments) {
  InfoArguments result;
  ArgumentReader reader(arguments);
  while (reader.next()) {
    const std::string& name = reader.current();
    if (!reader.is_option()) {
      result.gazetteer.files.push_back(name);
    } else if (is_help(name)) {
      reader.expect_no_value();
      result.help = true;
    } else if (!read_gazetteer_option(reader, &result.gazetteer)) {
      throw unknown_option(name);
    }
  }
  return result;
}

}  // namespace onoma::cli
