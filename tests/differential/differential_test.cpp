// The engine (GazetteerBuilder + scan::scan) against the reference matcher, on pseudo-random
// gazetteers and texts made to hit the hard parts of the contract: names spelled in every
// way folding must absorb (case, NFC/NFD, width, ligatures, ß, İ, spacing, ignorables) and
// near misses, glued to punctuation, digits, emoji and invalid UTF-8. Every configuration
// (boundary × policy × folding) runs thousands of cases from fixed seeds; a disagreement is
// shrunk to a small case and printed with its seed, so it can be replayed alone with
// ONOMA_DIFFERENTIAL_SEED=<seed> (and ONOMA_DIFFERENTIAL_CASES=<n> changes the count).
#include <gtest/gtest.h>
#include <unicode/locid.h>
#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <cctype>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <functional>
#include <iterator>
#include <memory>
#include <random>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "gazetteer/entity_spec.h"
#include "gazetteer/gazetteer_builder.h"
#include "gazetteer/input_error.h"
#include "reference_matcher.h"
#include "scan/scanner.h"
#include "unicode/cluster_reader.h"
#include "unicode/fold_options.h"
#include "unicode/fold_table.h"
#include "unicode/utf8.h"

namespace onoma::differential {
namespace {

// ---------------------------------------------------------------------------------------
// Cases and configurations

struct Configuration {
  std::string name;
  uint32_t fold_options;
  Boundary boundary;
  Policy policy;
  uint32_t first_seed;  // cases use seeds first_seed, first_seed + 1, ...
  gazetteer::KeyIndex key_index = gazetteer::KeyIndex::kBytes;
};

// What gtest shows for a parameter.
void PrintTo(const Configuration& config, std::ostream* out) { *out << config.name; }

struct Case {
  std::vector<gazetteer::EntitySpec> entities;
  std::string text;
  unicode::OffsetUnit unit = unicode::OffsetUnit::kBytes;
};

std::vector<ReferenceEntity> reference_entities(const Case& c) {
  std::vector<ReferenceEntity> entities;
  for (const gazetteer::EntitySpec& spec : c.entities) {
    ReferenceEntity entity{{spec.name, 0}};
    for (const gazetteer::AliasSpec& alias : spec.aliases) entity.push_back({alias.text, alias.flags});
    entities.push_back(std::move(entity));
  }
  return entities;
}

// ---------------------------------------------------------------------------------------
// Readable dumps

// `s` as a C++ string literal, so that a reproducer can be pasted into a test: printable ASCII
// as is, other characters as \u/\U escapes, invalid bytes as \x escapes.
std::string literal(std::string_view s) {
  std::string out = "\"";
  const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
  const auto* end = begin + s.size();
  bool after_hex_escape = false;
  for (const unsigned char* p = begin; p < end;) {
    const unicode::DecodedCodePoint d = unicode::decode_utf8(p, end);
    char buffer[16];
    if (!d.valid || d.code_point < 0x20 || d.code_point == 0x7F) {
      std::snprintf(buffer, sizeof buffer, "\\x%02X", p[0]);
      out += buffer;
      after_hex_escape = true;
      p += 1;
      continue;
    }
    const char32_t cp = d.code_point;
    p += d.length;
    if (cp < 0x80) {
      if (after_hex_escape && std::isxdigit(static_cast<int>(cp))) out += "\" \"";
      if (cp == '"' || cp == '\\') out += '\\';
      out += static_cast<char>(cp);
    } else if (cp < 0x10000) {
      std::snprintf(buffer, sizeof buffer, "\\u%04X", static_cast<unsigned>(cp));
      out += buffer;
    } else {
      std::snprintf(buffer, sizeof buffer, "\\U%08X", static_cast<unsigned>(cp));
      out += buffer;
    }
    after_hex_escape = false;
  }
  return out + "\"";
}

std::string flags_name(uint32_t flags) {
  if (flags & gazetteer::kAliasCaseSensitive) return " [case-sensitive]";
  if (flags & gazetteer::kAliasCaseInsensitive) return " [case-insensitive]";
  return "";
}

const char* unit_name(unicode::OffsetUnit unit) {
  switch (unit) {
    case unicode::OffsetUnit::kBytes: return "bytes";
    case unicode::OffsetUnit::kCodePoints: return "code points";
    case unicode::OffsetUnit::kUtf16: return "UTF-16";
  }
  return "?";
}

std::string describe_case(const Case& c, const Configuration& config) {
  std::ostringstream out;
  out << "configuration " << config.name << " (fold options " << config.fold_options
      << ", offsets in " << unit_name(c.unit) << ")\n";
  out << "text (" << c.text.size() << " bytes): " << literal(c.text) << "\n";
  out << "entities (aliases numbered by the reference in order, name first):\n";
  for (size_t i = 0; i < c.entities.size(); ++i) {
    out << "  " << i << ": " << literal(c.entities[i].name);
    for (const gazetteer::AliasSpec& alias : c.entities[i].aliases) {
      out << ", " << literal(alias.text) << flags_name(alias.flags);
    }
    out << "\n";
  }
  return out.str();
}

std::string describe_matches(const std::vector<ReferenceMatch>& matches, std::string_view text) {
  if (matches.empty()) return "  (none)\n";
  std::ostringstream out;
  for (const ReferenceMatch& m : matches) {
    out << "  " << m;
    if (m.start <= m.end && m.end <= text.size()) {
      out << " " << literal(text.substr(m.start, m.end - m.start));
    }
    out << "\n";
  }
  return out.str();
}

// ---------------------------------------------------------------------------------------
// Running both matchers

struct EngineResult {
  bool built = false;
  std::string build_error;
  std::vector<ReferenceMatch> matches;
  std::vector<std::string> violations;  // broken invariants
};

// Code-point boundaries of `text` (each invalid byte is one code point), and the offset of
// each boundary in `unit`, counted plainly.
std::vector<int64_t> unit_offsets(std::string_view text, unicode::OffsetUnit unit) {
  std::vector<int64_t> offset_at(text.size() + 1, -1);
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  int64_t count = 0;
  for (const unsigned char* p = begin; p < end;) {
    offset_at[static_cast<size_t>(p - begin)] = count;
    const unicode::DecodedCodePoint d = unicode::decode_utf8(p, end);
    switch (unit) {
      case unicode::OffsetUnit::kBytes: count += d.length; break;
      case unicode::OffsetUnit::kCodePoints: count += 1; break;
      case unicode::OffsetUnit::kUtf16: count += d.code_point > 0xFFFF ? 2 : 1; break;
    }
    p += d.length;
  }
  offset_at[text.size()] = count;
  return offset_at;
}

EngineResult run_engine(const Case& c, const Configuration& config) {
  EngineResult result;
  std::unique_ptr<gazetteer::Gazetteer> g;
  try {
    gazetteer::GazetteerBuilder builder(config.fold_options, config.key_index);
    for (const gazetteer::EntitySpec& spec : c.entities) builder.add_entity(spec);
    g = builder.build();
  } catch (const gazetteer::InputError& e) {
    result.build_error = e.what();
    return result;
  }
  result.built = true;
  scan::ScanOptions options;
  options.boundary = config.boundary == Boundary::kWord ? scan::Boundary::kWord : scan::Boundary::kNone;
  options.policy = config.policy == Policy::kAll ? scan::Policy::kAll : scan::Policy::kLongest;
  options.unit = c.unit;
  const std::vector<int64_t> offset_at = unit_offsets(c.text, c.unit);
  scan::Scratch scratch;
  scan::scan(*g, options, c.text, scratch, [&](const scan::Match& m) {
    result.matches.push_back({m.start, m.end, m.entity, m.alias, m.ambiguous});
    std::ostringstream problem;
    if (!(m.start < m.end && m.end <= c.text.size())) {
      problem << "span [" << m.start << ", " << m.end << ") outside the text";
    } else if (offset_at[m.start] < 0 || offset_at[m.end] < 0) {
      problem << "span [" << m.start << ", " << m.end << ") cuts a UTF-8 sequence";
    } else if (m.unit_start != static_cast<uint64_t>(offset_at[m.start]) ||
               m.unit_end != static_cast<uint64_t>(offset_at[m.end])) {
      problem << "span [" << m.start << ", " << m.end << ") reported as [" << m.unit_start << ", "
              << m.unit_end << ") " << unit_name(c.unit) << ", expected [" << offset_at[m.start]
              << ", " << offset_at[m.end] << ")";
    } else if (m.entity >= g->entity_count() || m.alias < g->entity(m.entity).first_alias ||
               m.alias >= g->entity(m.entity).first_alias + g->entity(m.entity).alias_count) {
      problem << "alias " << m.alias << " is not one of entity " << m.entity << "'s";
    }
    if (!problem.str().empty()) result.violations.push_back(problem.str());
    return true;
  });
  return result;
}

// How much a run exercised, so that a generator gone blind cannot pass unnoticed.
struct Coverage {
  size_t cases_with_matches = 0;
  size_t matches = 0;
  size_t ambiguous_matches = 0;
  size_t outside_contract = 0;  // word index cases left out (outside_word_index_contract)
};

// Whether `s` has a cluster that is no word character as written but whose folded form
// begins or ends with a word character that a word character of the next or the cluster
// before meets ("™" folds to "tm", as in "Acme™"; "(" with U+0345 after it to "(ι", as in
// "(ι1"). The word index cuts words there (unicode/word_tokens.h), where the reference, which
// compares folded bytes, does not: an alias "AcmeTM" matches "Acme™" over bytes only.
bool has_cluster_folding_to_word_edge(std::string_view s, uint32_t fold_options) {
  const unicode::FoldTable& table = unicode::FoldTable::for_options(fold_options);
  unicode::ClusterReader reader(table);
  auto entry_at = [&](const std::string& folded, size_t at) -> const unicode::FoldEntry& {
    const auto* p = reinterpret_cast<const unsigned char*>(folded.data()) + at;
    return table.entry(unicode::decode_utf8(p, p + folded.size() - at).code_point);
  };
  auto word_at = [&](const std::string& folded, size_t at) {
    return entry_at(folded, at).has(unicode::FoldEntry::kWord);
  };
  auto last_at = [](const std::string& folded) {
    size_t last = folded.size() - 1;
    while (last > 0 && (static_cast<unsigned char>(folded[last]) & 0xC0) == 0x80) --last;
    return last;
  };
  // A combining mark ends a cluster only after the character it belongs to, on either side,
  // unless the cluster has none: marks at the start of a string, after an ignorable.
  auto ends_with_letter = [&](const std::string& folded) {
    const bool base = !entry_at(folded, 0).has(unicode::FoldEntry::kMark);
    const unicode::FoldEntry& last = entry_at(folded, last_at(folded));
    return last.has(unicode::FoldEntry::kWord) && (!base || !last.has(unicode::FoldEntry::kMark));
  };
  struct Read {
    bool word;
    std::string folded;
  };
  std::vector<Read> clusters;
  for (size_t pos = 0; pos < s.size();) {
    const unicode::Cluster cluster = reader.read(s.data(), s.size(), pos);
    if (cluster.folded_length > 0) {
      clusters.push_back({cluster.word, std::string(cluster.folded, cluster.folded_length)});
    }
    pos = cluster.end;
  }
  for (size_t i = 0; i < clusters.size(); ++i) {
    if (clusters[i].word) continue;
    const std::string& folded = clusters[i].folded;
    if (i > 0 && word_at(folded, 0) && word_at(clusters[i - 1].folded, last_at(clusters[i - 1].folded))) {
      return true;
    }
    if (i + 1 < clusters.size() && ends_with_letter(folded) &&
        word_at(clusters[i + 1].folded, 0)) {
      return true;
    }
  }
  return false;
}

// Whether the case is one where the word index and the reference differ by design.
bool outside_word_index_contract(const Case& c, const Configuration& config) {
  if (config.key_index != gazetteer::KeyIndex::kWords) return false;
  if (has_cluster_folding_to_word_edge(c.text, config.fold_options)) return true;
  for (const gazetteer::EntitySpec& spec : c.entities) {
    if (has_cluster_folding_to_word_edge(spec.name, config.fold_options)) return true;
    for (const gazetteer::AliasSpec& alias : spec.aliases) {
      if (has_cluster_folding_to_word_edge(alias.text, config.fold_options)) return true;
    }
  }
  return false;
}

// Empty when the engine agrees with the reference and keeps its invariants; otherwise what
// differs. (Empty too for a case outside the word index's contract: see
// has_cluster_folding_to_word_edge.)
std::string disagreement(const Case& c, const Configuration& config, Coverage* coverage = nullptr) {
  if (outside_word_index_contract(c, config)) {
    if (coverage != nullptr) coverage->outside_contract += 1;
    return {};
  }
  const ReferenceMatcher reference(reference_entities(c), config.fold_options);
  const EngineResult engine = run_engine(c, config);
  std::ostringstream out;
  if (engine.built != reference.valid()) {
    out << (engine.built ? "the engine built a gazetteer with an alias that folds to nothing\n"
                         : "the engine refused the gazetteer: " + engine.build_error + "\n");
    return out.str();
  }
  if (!engine.built) return {};
  const std::vector<ReferenceMatch> expected =
      reference.find(c.text, config.boundary, config.policy);
  if (coverage != nullptr && !expected.empty()) {
    coverage->cases_with_matches += 1;
    coverage->matches += expected.size();
    for (const ReferenceMatch& m : expected) coverage->ambiguous_matches += m.ambiguous;
  }
  if (expected == engine.matches && engine.violations.empty()) return {};
  for (const std::string& v : engine.violations) out << "invariant broken: " << v << "\n";
  if (expected != engine.matches) {
    out << "reference:\n" << describe_matches(expected, c.text);
    out << "engine:\n" << describe_matches(engine.matches, c.text);
  }
  return out.str();
}

// Greedily removes entities, aliases and pieces of text while the disagreement stays.
Case shrink(Case c, const Configuration& config) {
  auto fails = [&](const Case& candidate) { return !disagreement(candidate, config).empty(); };
  bool progress = true;
  while (progress) {
    progress = false;
    for (size_t i = 0; i < c.entities.size() && c.entities.size() > 1; ++i) {
      Case smaller = c;
      smaller.entities.erase(smaller.entities.begin() + static_cast<std::ptrdiff_t>(i));
      if (fails(smaller)) { c = std::move(smaller); progress = true; --i; }
    }
    for (size_t e = 0; e < c.entities.size(); ++e) {
      for (size_t i = 0; i < c.entities[e].aliases.size(); ++i) {
        Case smaller = c;
        auto& aliases = smaller.entities[e].aliases;
        aliases.erase(aliases.begin() + static_cast<std::ptrdiff_t>(i));
        if (fails(smaller)) { c = std::move(smaller); progress = true; --i; }
      }
      // The first alias in place of the name, when it carries no flags the name would lose.
      if (!c.entities[e].aliases.empty() && c.entities[e].aliases.front().flags == 0) {
        Case smaller = c;
        auto& entity = smaller.entities[e];
        entity.name = entity.aliases.front().text;
        entity.aliases.erase(entity.aliases.begin());
        if (fails(smaller)) { c = std::move(smaller); progress = true; }
      }
    }
    for (size_t chunk = c.text.size(); chunk >= 1; chunk /= 2) {
      for (size_t at = 0; at + chunk <= c.text.size();) {
        Case smaller = c;
        smaller.text.erase(at, chunk);
        if (fails(smaller)) { c = std::move(smaller); progress = true; } else { at += 1; }
      }
    }
  }
  return c;
}

// ---------------------------------------------------------------------------------------
// Generation

class Generator {
 public:
  explicit Generator(uint32_t seed) : rng_(seed) {}

  Case make_case() {
    Case c;
    const size_t entity_count = 1 + pick(12);
    for (size_t i = 0; i < entity_count; ++i) c.entities.push_back(make_entity(i));
    std::vector<std::string> spellings;
    for (const auto& e : c.entities) {
      spellings.push_back(e.name);
      for (const auto& a : e.aliases) spellings.push_back(a.text);
    }
    const size_t target = pick(201);
    while (c.text.size() < target) {
      if (chance(55)) {
        const std::string& base = chance(90) ? spellings[pick(spellings.size())] : from(names());
        c.text += variant(base);
      } else {
        c.text += from(noise());
      }
      switch (pick(10)) {
        case 0: case 1: case 2: case 3: c.text += " "; break;
        case 4: case 5: case 6: break;  // glued to what follows
        default: c.text += from(noise()); break;
      }
    }
    static constexpr unicode::OffsetUnit kUnits[] = {
        unicode::OffsetUnit::kBytes, unicode::OffsetUnit::kCodePoints, unicode::OffsetUnit::kUtf16};
    c.unit = kUnits[pick(3)];
    return c;
  }

 private:
  static const std::vector<std::string>& names() {
    static const std::vector<std::string> kNames = {
        "Paris", "New York", "York", "New", "US", "U.S.", "U.S", "USA", "UN", "AP", "G7",
        "COVID-19", "CARICOM", "Caricom", "Joly", "M\u00E9lanie Joly", "Nice", "Of", "us",
        "Jos\u00E9", "Jose", "Z\u00FCrich", "Zu\u0308rich", "M\u00F6tley Cr\u00FCe",
        "\u00D8rsted", "\u0141\u00F3d\u017A", "\u0110okovi\u0107", "\u00C6sir", "\u0152uvre",
        "\u00C5ngstr\u00F6m", "SP\u00D6", "SPO\u0308", "\u0130stanbul", "Istanbul",
        "Stra\u00DFe", "Strasse", "STRASSE", "Gro\u00DF", "\u1E9E", "\uFB01nance", "Finance",
        "\u03A3\u03BF\u03C6\u03AF\u03B1", "\u039F\u0394\u03A5\u03A3\u03A3\u0395\u03A5\u03A3",
        "\u01C5emal", "Jean-Luc", "O\u2019Brien", "O'Brien", "C++", "C#", ".NET", "#1",
        "@home", "\U0001F1FA\U0001F1F8", "\U0001F469\u200D\U0001F4BB", "\uFF35.\uFF33.",
        "\u6771\u4EAC", "\u0E01\u0E38\u0E07", "Caf\u00E9 de Flore", "T\u014Dky\u014D", "s",
        "ss", "i", "fi", "a", "\u00E9", "-", "x\u0359\u0363", "New\u00A0York", " Paris ",
        "a\uFFFDb", "I.B.M.", "\u00C9TA", "NY", "G\u00F6del", "fl\u00FB", "\u0130I",
        // spacing accents (NFKD: U+00B4 → U+0020 U+0301) are white space
        "Joly\u00B4s", "\u00B4AP", "UN\u00A8", "\u02DA#", "l\u00B4a",
        // U+0345 among other marks: canonical order before case folding makes it ι
        "\u03B1\u0345\u0301", "\u1FB4", "\u1FAD", "q\u0659\u0345\u0656",
        // Hangul (NFD splits syllables into conjoining letters), Greek with iota subscript,
        // full-width acronym, compatibility expansions, a name starting with a mark
        "\uD55C\uAD6D", "\uD558", "\u1FBC\u0398", "\u03B1\u0345", "\uFF27\uFF17", "TEL",
        "\uFDFA", "\u0635\u0644\u0649 \u0627\u0644\u0644\u0647", "No", "\u0363x",
    };
    return kNames;
  }

  static const std::vector<std::string>& noise() {
    static const std::vector<std::string> kNoise = {
        " ", " ", " ", ", ", ". ", "(", ")", "'s", "\u2019s", "-", "\u2014", "_", "2024", "7",
        "a", "xyz", "ing", "s", "A", "S",
        // emoji, with ZWJ, skin tone, flag and tag sequences, variation selector
        "\U0001F600", "\U0001F469\u200D\U0001F4BB", "\U0001F1FA\U0001F1F8",
        "\U0001F44D\U0001F3FD",
        "\U0001F3F4\U000E0067\U000E0062\U000E0073\U000E0063\U000E0074\U000E007F",
        "\u2764\uFE0F",
        // invalid UTF-8: a byte that never starts anything, truncated sequences, a lone
        // continuation byte, an encoded surrogate, an overlong form, beyond U+10FFFF
        "\xFF", "\xC3", "\xE2\x82", "\x80", "\xF0\x9F\x98", "\xED\xA0\x80", "\xC0\xAF",
        "\xF4\x90\x80\x80",
        // marks with nothing to attach to, spacing accents, other scripts
        "\u0301", "\u00B7", "\u00A8", "\u00B4", "\u03C2", "\u03A3", "\u6771\u4EAC",
        "\u0E01", "\u0627\u0644", "\u0903", "\u0E38", "\u0359", "\u0363",
        // white space and ignorables on their own
        "\u00A0", "\n", "\r\n", "\t", "\u2009", "\u202F", "\u3000", "\u2028", "\u0085",
        "\u00AD", "\u200B", "\u200D", "\u2060", "\uFEFF", "\u034F", "\u3164", "\u2065",
        "\U000E0001",
        // characters that expand or change under folding
        "\uFB01", "\uFB02", "\u00DF", "\u0130", "\u0131", "\uFF21", "\uFF10", "\u00B2",
        "\u2460", "\u01C4", "\u0345", "\u1FB3", "\u1FBC", "\u2121", "\u00BD", "\u3231",
        "\u2116", "\uFDFA", "\uD55C", "\u1112", "\u1161", "\u11AB", std::string("\0x", 2),
        "\u037A", "\u0385", "\u02DD", "\u1FB4", "\u0656", "\u0659", "\u0F73", "\u0F74",
        "\u0E33", "\uFF9E",
    };
    return kNoise;
  }

  size_t pick(size_t n) { return static_cast<size_t>(rng_() % n); }
  bool chance(unsigned percent) { return rng_() % 100 < percent; }
  const std::string& from(const std::vector<std::string>& v) { return v[pick(v.size())]; }

  gazetteer::EntitySpec make_entity(size_t index) {
    gazetteer::EntitySpec spec;
    spec.id = "e" + std::to_string(index);
    spec.label = "THING";
    spec.name = chance(80) ? from(names()) : variant(from(names()), /*valid_only=*/true);
    const size_t alias_count = pick(4);
    for (size_t i = 0; i < alias_count; ++i) {
      gazetteer::AliasSpec alias;
      alias.text = chance(70) ? from(names()) : variant(from(names()), /*valid_only=*/true);
      switch (pick(10)) {
        case 0: alias.flags = gazetteer::kAliasCaseSensitive; break;
        case 1: alias.flags = gazetteer::kAliasCaseInsensitive; break;
        default: break;
      }
      spec.aliases.push_back(std::move(alias));
    }
    return spec;
  }

  // A spelling of `name` that folding should (or, for near misses, should not) equate with it.
  std::string variant(const std::string& name, bool valid_only = false) {
    std::u32string s = to_u32(name);
    const size_t steps = pick(4);
    for (size_t i = 0; i < steps; ++i) transform(s);
    std::string out = to_utf8(s);
    if (!valid_only && chance(4)) {  // an invalid byte inside the name
      static const char* const kInvalid[] = {"\xFF", "\xC3", "\x80", "\xE2\x82"};
      out.insert(code_point_boundary(out), kInvalid[pick(4)]);
    }
    return out;
  }

  size_t code_point_boundary(const std::string& s) {
    std::vector<size_t> boundaries{0};
    for (size_t i = 1; i <= s.size(); ++i) {
      if (i == s.size() || (static_cast<unsigned char>(s[i]) & 0xC0) != 0x80) boundaries.push_back(i);
    }
    return boundaries[pick(boundaries.size())];
  }

  void replace_all(std::u32string& s, const std::u32string& from, const std::u32string& to) {
    for (size_t at = s.find(from); at != std::u32string::npos; at = s.find(from, at + to.size())) {
      s.replace(at, from.size(), to);
    }
  }

  void replace_one(std::u32string& s, const std::u32string& from, const std::u32string& to) {
    std::vector<size_t> at;
    for (size_t p = s.find(from); p != std::u32string::npos; p = s.find(from, p + 1)) at.push_back(p);
    if (!at.empty()) s.replace(at[pick(at.size())], from.size(), to);
  }

  void transform(std::u32string& s) {
    switch (pick(18)) {
      case 0: s = icu_transform(s, [](icu::UnicodeString& u) { u.toUpper(icu::Locale::getRoot()); }); break;
      case 1: s = icu_transform(s, [](icu::UnicodeString& u) { u.toLower(icu::Locale::getRoot()); }); break;
      case 2: s = normalize(s, false); break;
      case 3: s = normalize(s, true); break;
      case 16: s = normalize(s, chance(50), /*compatibility=*/true); break;
      case 4:  // full width
        for (char32_t& c : s) {
          if (c >= 0x21 && c <= 0x7E && chance(70)) c += 0xFEE0;
          else if (c == U' ' && chance(50)) c = 0x3000;
        }
        break;
      case 5: {  // white space
        static const std::u32string kSpaces[] = {U"\u00A0", U"\n", U"\r\n", U"\t", U"\u2009", U"  ",
                                                 U" \u00AD ", U"\u202F", U"\u2028", U"\u0085",
                                                 U" \u200B", U"\u3000"};
        replace_one(s, U" ", kSpaces[pick(std::size(kSpaces))]);
        break;
      }
      case 6: {  // an ignorable anywhere
        static const char32_t kIgnorables[] = {0x00AD, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF,
                                               0x034F, 0x3164, 0x2065, 0xE0001, 0x180E};
        s.insert(s.begin() + static_cast<std::ptrdiff_t>(pick(s.size() + 1)),
                 kIgnorables[pick(std::size(kIgnorables))]);
        break;
      }
      case 7: {  // sharp s
        static const std::u32string kSharp[] = {U"\u00DF", U"\u1E9E", U"ss", U"SS", U"sS"};
        replace_one(s, U"ss", kSharp[pick(5)]);
        replace_one(s, U"\u00DF", kSharp[pick(5)]);
        replace_one(s, U"SS", kSharp[pick(5)]);
        break;
      }
      case 8: {  // dotted and dotless i
        static const std::u32string kI[] = {U"\u0130", U"i\u0307", U"I", U"i", U"\u0131", U"I\u0307"};
        replace_one(s, U"i", kI[pick(6)]);
        replace_one(s, U"I", kI[pick(6)]);
        replace_one(s, U"\u0130", kI[pick(6)]);
        break;
      }
      case 9:  // ligatures
        replace_all(s, U"ffi", U"\uFB03");
        replace_one(s, U"fi", U"\uFB01");
        replace_one(s, U"fl", U"\uFB02");
        replace_one(s, U"ff", U"\uFB00");
        replace_one(s, U"st", U"\uFB06");
        break;
      case 10:  // typographic punctuation
        replace_one(s, U"'", U"\u2019");
        replace_one(s, U"\u2019", U"'");
        replace_one(s, U"-", chance(50) ? U"\u2013" : U"\u2212");
        break;
      case 11: {  // an added mark: a near miss only without mark folding
        static const char32_t kMarks[] = {0x0301, 0x0308, 0x0323, 0x0327, 0x0359, 0x0363, 0x0E38,
                                          0x0345};
        if (!s.empty()) {
          s.insert(s.begin() + static_cast<std::ptrdiff_t>(1 + pick(s.size())), kMarks[pick(std::size(kMarks))]);
        }
        break;
      }
      case 12:  // marks in another order: canonically equivalent
        for (size_t i = 0; i + 1 < s.size(); ++i) {
          if (u_getCombiningClass(static_cast<UChar32>(s[i])) != 0 &&
              u_getCombiningClass(static_cast<UChar32>(s[i + 1])) != 0 && chance(50)) {
            std::swap(s[i], s[i + 1]);
          }
        }
        break;
      case 13:  // Latin letters read as accented
        replace_one(s, U"o", U"\u00F8");
        replace_one(s, U"l", U"\u0142");
        replace_one(s, U"ae", U"\u00E6");
        replace_one(s, U"oe", U"\u0153");
        replace_one(s, U"d", U"\u0111");
        break;
      case 14:  // near miss: one code point less
        if (s.size() > 1) s.erase(s.begin() + static_cast<std::ptrdiff_t>(pick(s.size())));
        break;
      case 15:  // near miss: one letter changed, or its case
        if (!s.empty()) {
          char32_t& c = s[pick(s.size())];
          c = chance(50) ? static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)))
                         : static_cast<char32_t>('a' + pick(26));
        }
        break;
      default: {  // marks added with NFD, e.g. an accent on a plain letter
        static const char32_t kMarks[] = {0x0301, 0x0308};
        for (size_t i = 0; i < s.size(); ++i) {
          if (s[i] < 0x80 && std::isalpha(static_cast<int>(s[i])) && chance(15)) {
            s.insert(s.begin() + static_cast<std::ptrdiff_t>(i + 1), kMarks[pick(2)]);
            ++i;
          }
        }
        break;
      }
    }
  }

  static std::u32string to_u32(const std::string& s) {
    std::u32string out;
    const auto* p = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = p + s.size();
    while (p < end) {
      const unicode::DecodedCodePoint d = unicode::decode_utf8(p, end);
      out.push_back(d.code_point);
      p += d.length;
    }
    return out;
  }

  static std::string to_utf8(const std::u32string& s) {
    std::string out;
    for (char32_t c : s) unicode::append_utf8(out, c);
    return out;
  }

  static std::u32string icu_transform(const std::u32string& s,
                                      const std::function<void(icu::UnicodeString&)>& f) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(to_utf8(s));
    f(u);
    std::string out;
    u.toUTF8String(out);
    return to_u32(out);
  }

  static std::u32string normalize(const std::u32string& s, bool compose, bool compatibility = false) {
    return icu_transform(s, [=](icu::UnicodeString& u) {
      UErrorCode status = U_ZERO_ERROR;
      const icu::Normalizer2* n =
          compatibility ? (compose ? icu::Normalizer2::getNFKCInstance(status)
                                   : icu::Normalizer2::getNFKDInstance(status))
                        : (compose ? icu::Normalizer2::getNFCInstance(status)
                                   : icu::Normalizer2::getNFDInstance(status));
      if (U_SUCCESS(status)) u = n->normalize(u, status);
    });
  }

  std::mt19937 rng_;
};

// ---------------------------------------------------------------------------------------
// The randomized comparison

size_t cases_per_configuration() {
  if (const char* n = std::getenv("ONOMA_DIFFERENTIAL_CASES")) return std::strtoul(n, nullptr, 10);
  return 5000;
}

class Differential : public ::testing::TestWithParam<Configuration> {};

TEST_P(Differential, EngineAgreesWithReference) {
  const Configuration& config = GetParam();
  std::vector<uint32_t> seeds;
  if (const char* only = std::getenv("ONOMA_DIFFERENTIAL_SEED")) {
    seeds.push_back(static_cast<uint32_t>(std::strtoul(only, nullptr, 10)));
  } else {
    for (size_t i = 0; i < cases_per_configuration(); ++i) seeds.push_back(config.first_seed + static_cast<uint32_t>(i));
  }
  size_t failures = 0;
  Coverage coverage;
  for (const uint32_t seed : seeds) {
    const Case c = Generator(seed).make_case();
    const std::string problem = disagreement(c, config, &coverage);
    if (problem.empty()) continue;
    if (++failures > 3) continue;  // the first few tell the story
    const Case small = shrink(c, config);
    ADD_FAILURE() << "seed " << seed << "\n"
                  << describe_case(c, config) << problem << "\nshrunk:\n"
                  << describe_case(small, config) << disagreement(small, config);
  }
  EXPECT_EQ(failures, 0u) << "of " << seeds.size() << " cases";
  std::printf("%zu cases, %zu with matches; %zu matches, %zu of them ambiguous; %zu left out\n",
              seeds.size(), coverage.cases_with_matches, coverage.matches,
              coverage.ambiguous_matches, coverage.outside_contract);
  if (seeds.size() >= 100) {  // a generator gone blind would pass every comparison
    EXPECT_GT(coverage.cases_with_matches, seeds.size() / 2);
    EXPECT_LT(coverage.outside_contract, seeds.size() / 3);
  }
}

std::vector<Configuration> all_configurations() {
  std::vector<Configuration> configs;
  for (const auto& [fold_name, fold] : {std::pair{"default", unicode::kFoldDefault},
                                        std::pair{"exact", unicode::kFoldExact}}) {
    for (const auto& [boundary_name, boundary] : {std::pair{"word", Boundary::kWord},
                                                  std::pair{"none", Boundary::kNone}}) {
      for (const auto& [policy_name, policy] : {std::pair{"longest", Policy::kLongest},
                                                std::pair{"all", Policy::kAll}}) {
        const auto first_seed = static_cast<uint32_t>(configs.size() + 1) * 1000000;
        configs.push_back({std::string(fold_name) + "_" + boundary_name + "_" + policy_name,
                           fold, boundary, policy, first_seed});
      }
    }
  }
  // The word index serves word boundaries only (gazetteer::KeyIndex).
  for (size_t i = 0, count = configs.size(); i < count; ++i) {
    if (configs[i].boundary != Boundary::kWord) continue;
    Configuration words = configs[i];
    words.name += "_word_index";
    words.first_seed += 500000;
    words.key_index = gazetteer::KeyIndex::kWords;
    configs.push_back(words);
  }
  return configs;
}

INSTANTIATE_TEST_SUITE_P(AllConfigurations, Differential, ::testing::ValuesIn(all_configurations()),
                         [](const ::testing::TestParamInfo<Configuration>& param_info) {
                           return param_info.param.name;
                         });

// ---------------------------------------------------------------------------------------
// Disagreements the comparison found, shrunk: the engine's matches under default folding,
// word boundaries and the longest policy are written out, and every configuration must still
// agree with the reference.

gazetteer::EntitySpec entity(std::string name, std::vector<gazetteer::AliasSpec> aliases = {}) {
  static int next_id = 0;
  gazetteer::EntitySpec spec;
  spec.id = "e" + std::to_string(next_id++);
  spec.label = "THING";
  spec.name = std::move(name);
  spec.aliases = std::move(aliases);
  return spec;
}

void expect_found(const std::vector<gazetteer::EntitySpec>& entities, const std::string& text,
                  const std::vector<ReferenceMatch>& expected) {
  const Case c{entities, text, unicode::OffsetUnit::kBytes};
  for (const Configuration& config : all_configurations()) {
    EXPECT_EQ(disagreement(c, config), "") << describe_case(c, config);
  }
  const Configuration defaults{"default_word_longest", unicode::kFoldDefault, Boundary::kWord,
                               Policy::kLongest, 0};
  EXPECT_EQ(run_engine(c, defaults).matches, expected) << describe_case(c, defaults);
}

// U+2065, U+FFF0..U+FFF8 and most of U+E0000..U+E0FFF are unassigned but Default_Ignorable:
// fold_code_point drops them, and the fold table kept them as they were.
TEST(DifferentialRegression, UnassignedDefaultIgnorablesFoldAway) {
  expect_found({entity("a\u2065")}, "a", {{0, 1, 0, 0, false}});
  // After a space, the ignorable joins the run of white space, not the name.
  expect_found({entity("Joly")}, "Jo\uFFF0ly \U000E0080Joly", {{0, 7, 0, 0, false}, {12, 16, 0, 0, false}});
  // The ignorable belongs to the letter before it: "ǅemal" is glued to "s".
  expect_found({entity("\u01C5emal")}, "s\u2065\u01C5emal", {});
}

// A spacing accent (U+00B4 = U+0020 U+0301) is white space: it used to fold to a space that
// the alias kept at its end, and the case check folded the matching span as a whole string and
// dropped that space. Now the space is trimmed like any other (tests/unit/fold_test.cpp,
// "SpacingAccentsAreWhiteSpace").
TEST(DifferentialRegression, CaseSensitiveAliasEndingInAFoldedSpace) {
  const gazetteer::AliasSpec acute_ap{"\u00B4AP", gazetteer::kAliasCaseSensitive};
  expect_found({entity("x", {acute_ap})}, " AP", {{1, 3, 0, 1, false}});
  expect_found({entity("x", {acute_ap})}, "\u3000AP", {{3, 5, 0, 1, false}});
  expect_found({entity("x", {acute_ap})}, "\u00B4AP", {{2, 4, 0, 1, false}});
  expect_found({entity("x", {acute_ap})}, " ap", {});
  const gazetteer::AliasSpec un_diaeresis{"UN\u00A8", gazetteer::kAliasCaseSensitive};
  expect_found({entity("x", {un_diaeresis})}, "UN ", {{0, 2, 0, 1, false}});
  expect_found({entity("x", {un_diaeresis})}, "\uFF35\uFF2E\u00A0", {{0, 6, 0, 1, false}});
}

// U+0345 is the one code point that folds to something with case folding (ι) and away without
// it. The case key used to be folded and trimmed on its own, so it lost its end ("Paris"
// instead of "Paris " for the key "paris ι") and "Paris\u2028\u0345" failed its case check.
// Now the key's extent is folded as the scanner folds a matched span. (A mark after white
// space now belongs to the white space, so these aliases end with "Paris"; at the start of a
// text U+0345 is still a cluster of its own.)
TEST(DifferentialRegression, CaseSensitiveAliasEndingInYpogegrammeniAfterASpace) {
  const gazetteer::AliasSpec alias{"Paris \u0345", gazetteer::kAliasCaseSensitive};
  expect_found({entity("x", {alias})}, "Paris\u2028\u0345", {{0, 5, 0, 1, false}});
  expect_found({entity("x", {alias})}, "Paris \u0345", {{0, 5, 0, 1, false}});
  const gazetteer::AliasSpec leading{"\u0345Paris", gazetteer::kAliasCaseSensitive};
  expect_found({entity("x", {leading})}, "\u0345Paris", {{0, 7, 0, 1, false}});
  expect_found({entity("x", {leading})}, "\u0345PARIS", {});
}

}  // namespace
}  // namespace onoma::differential
