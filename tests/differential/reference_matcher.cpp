#include "reference_matcher.h"

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <iomanip>

#include "gazetteer/entity_spec.h"
#include "unicode/code_point_fold.h"
#include "unicode/fold_options.h"
#include "unicode/utf8.h"

namespace onoma::differential {
namespace {

struct CodePoint {
  char32_t value;  // U+FFFD for an invalid byte
  size_t begin;    // original bytes [begin, end)
  size_t end;
};

// Every code point of `text`, each invalid byte being U+FFFD of length one.
std::vector<CodePoint> decode(std::string_view text) {
  std::vector<CodePoint> out;
  const auto* begin = reinterpret_cast<const unsigned char*>(text.data());
  const auto* end = begin + text.size();
  for (const unsigned char* p = begin; p < end;) {
    const unicode::DecodedCodePoint d = unicode::decode_utf8(p, end);
    const auto at = static_cast<size_t>(p - begin);
    out.push_back({d.code_point, at, at + d.length});
    p += d.length;
  }
  return out;
}

bool is_word(char32_t cp) { return unicode::classify_code_point(cp, unicode::kFoldExact).word; }
bool is_combining_mark(char32_t cp) {
  return unicode::classify_code_point(cp, unicode::kFoldExact).mark;
}
bool folds_to_nothing(char32_t cp, uint32_t options) {
  return unicode::fold_code_point(cp, options).empty();
}

// What attaches to the character before it: a combining mark, or a character that folds to
// something beginning with one (U+0E33 THAI SARA AM → U+0E4D U+0E32).
bool is_mark(char32_t cp, uint32_t options) {
  if (is_combining_mark(cp)) return true;
  const std::u32string folded = unicode::fold_code_point(cp, options);
  return !folded.empty() && is_combining_mark(folded.front());
}

// White space: Unicode White_Space, or — when white space is folded — a character that folds
// to nothing but white space (a spacing accent such as ´, which is U+0020 + a combining mark).
bool is_white_space(char32_t cp, uint32_t options) {
  if (u_hasBinaryProperty(static_cast<UChar32>(cp), UCHAR_WHITE_SPACE)) return true;
  if ((options & unicode::kFoldWhiteSpace) == 0) return false;
  const std::u32string folded = unicode::fold_code_point(cp, options);
  return !folded.empty() && std::all_of(folded.begin(), folded.end(), [](char32_t c) {
    return u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_WHITE_SPACE);
  });
}

// The decomposition of one code point under `options` (NFKD or NFD, as the folding does).
std::u32string decomposed(char32_t cp, uint32_t options) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Normalizer2* normalizer = (options & unicode::kFoldCompatibility)
                                           ? icu::Normalizer2::getNFKDInstance(status)
                                           : icu::Normalizer2::getNFDInstance(status);
  const icu::UnicodeString s = normalizer->normalize(icu::UnicodeString(static_cast<UChar32>(cp)), status);
  std::u32string out;
  for (int32_t i = 0; i < s.length(); i += U16_LENGTH(s.char32At(i))) {
    out.push_back(static_cast<char32_t>(s.char32At(i)));
  }
  return out;
}

// The unit of matching: a character with what belongs to it.
struct Unit {
  size_t begin;  // original bytes [begin, end)
  size_t end;
  char32_t first;                      // its first code point
  bool white_space;                    // a run of white space, folded as a whole
  std::u32string folded;               // under the gazetteer's folding
  std::u32string folded_keeping_case;  // under the same folding without case folding
};

// Folds the code points [from, to) of one unit. With decomposition, as NFD orders marks: the
// code points are decomposed, the parts that fold to nothing left out, the rest put in
// canonical order by their own combining classes (a stable sort within each run of non-zero
// classes) and only then folded one by one, so that case folding U+0345 (class 240) into ι
// does not move it.
std::u32string fold_code_points(const std::vector<CodePoint>& cps, size_t from, size_t to,
                                uint32_t options) {
  std::u32string out;
  if (!unicode::decomposes(options)) {
    for (size_t i = from; i < to; ++i) out += unicode::fold_code_point(cps[i].value, options);
    return out;
  }
  std::u32string parts;
  for (size_t i = from; i < to; ++i) {
    if (folds_to_nothing(cps[i].value, options)) continue;
    for (const char32_t part : decomposed(cps[i].value, options)) {
      if (!folds_to_nothing(part, options)) parts.push_back(part);
    }
  }
  auto combining_class = [](char32_t cp) { return u_getCombiningClass(static_cast<UChar32>(cp)); };
  for (size_t i = 0; i < parts.size();) {
    size_t run_end = i;
    while (run_end < parts.size() && combining_class(parts[run_end]) != 0) ++run_end;
    std::stable_sort(parts.begin() + i, parts.begin() + run_end,
                     [&](char32_t a, char32_t b) { return combining_class(a) < combining_class(b); });
    i = run_end == i ? i + 1 : run_end;
  }
  for (const char32_t part : parts) out += unicode::fold_code_point(part, options);
  return out;
}

// Splits text into units. A unit is a code point followed by the code points that belong to
// it: combining marks and code points that fold to nothing, but never white space. When white
// space is folded, a run of white space, with the combining marks it carries and whatever
// folds to nothing inside it, is one unit that folds to one space.
std::vector<Unit> split_into_units(std::string_view text, uint32_t options) {
  const std::vector<CodePoint> cps = decode(text);
  const bool collapse_white_space = (options & unicode::kFoldWhiteSpace) != 0;
  auto white_space = [&](char32_t cp) { return is_white_space(cp, options); };
  auto nothing = [&](char32_t cp) { return folds_to_nothing(cp, options); };
  const uint32_t keeping_case = options & ~unicode::kFoldCase;
  std::vector<Unit> units;
  for (size_t i = 0; i < cps.size();) {
    size_t j = i + 1;
    Unit unit{cps[i].begin, 0, cps[i].value, false, {}, {}};
    if (collapse_white_space && white_space(cps[i].value)) {
      while (j < cps.size() &&
             (white_space(cps[j].value) || is_mark(cps[j].value, options) ||
              nothing(cps[j].value))) {
        ++j;
      }
      unit.white_space = true;
      unit.folded = U" ";
      unit.folded_keeping_case = U" ";
    } else {
      while (j < cps.size() && !white_space(cps[j].value) &&
             (is_mark(cps[j].value, options) || nothing(cps[j].value))) {
        ++j;
      }
      unit.folded = fold_code_points(cps, i, j, options);
      unit.folded_keeping_case = fold_code_points(cps, i, j, keeping_case);
    }
    unit.end = cps[j - 1].end;
    units.push_back(std::move(unit));
    i = j;
  }
  return units;
}

// An alias folded: its units' folds, less the white space at both ends when white space is
// folded (units that fold to nothing do not count as ends).
struct FoldedAlias {
  std::u32string key;
  std::u32string case_key;
};

FoldedAlias fold_alias(std::string_view text, uint32_t options) {
  const std::vector<Unit> units = split_into_units(text, options);
  size_t first = 0;
  size_t last = units.size();
  if (options & unicode::kFoldWhiteSpace) {
    auto blank = [](const Unit& u) { return u.white_space || u.folded.empty(); };
    while (first < last && blank(units[first])) ++first;
    while (last > first && blank(units[last - 1])) --last;
  }
  FoldedAlias folded;
  for (size_t i = first; i < last; ++i) {
    folded.key += units[i].folded;
    folded.case_key += units[i].folded_keeping_case;
  }
  return folded;
}

}  // namespace

bool looks_like_acronym(std::string_view alias) {
  int letters = 0;
  for (const CodePoint& cp : decode(alias)) {
    if (cp.value == unicode::kReplacementCharacter && cp.end - cp.begin == 1) return false;
    const int8_t type = u_charType(static_cast<UChar32>(cp.value));
    if (type == U_UPPERCASE_LETTER || type == U_TITLECASE_LETTER) {
      ++letters;
    } else if (!is_combining_mark(cp.value) && type != U_DECIMAL_DIGIT_NUMBER && cp.value != U'.') {
      return false;
    }
  }
  return letters >= 1 && letters <= 4;
}

std::ostream& operator<<(std::ostream& out, const ReferenceMatch& match) {
  return out << "[" << match.start << ", " << match.end << ") entity " << match.entity
             << " alias " << match.alias << (match.ambiguous ? " ambiguous" : "");
}

ReferenceMatcher::ReferenceMatcher(const std::vector<ReferenceEntity>& entities,
                                   uint32_t fold_options)
    : fold_options_(fold_options) {
  uint32_t number = 0;
  for (uint32_t entity = 0; entity < entities.size(); ++entity) {
    const size_t first_of_entity = aliases_.size();
    for (const ReferenceAlias& spec : entities[entity]) {
      const FoldedAlias folded = fold_alias(spec.text, fold_options);
      if (folded.key.empty()) valid_ = false;
      Alias alias;
      alias.entity = entity;
      alias.number = number;
      alias.key = folded.key;
      const bool wants_case =
          (spec.flags & gazetteer::kAliasCaseSensitive) != 0 ||
          ((spec.flags & gazetteer::kAliasCaseInsensitive) == 0 && looks_like_acronym(spec.text));
      // Without case folding every alias keeps its case anyway.
      alias.case_sensitive = wants_case && (fold_options & unicode::kFoldCase) != 0;
      if (alias.case_sensitive) alias.case_key = folded.case_key;
      alias.word_start = !folded.key.empty() && is_word(folded.key.front());
      alias.word_end = !folded.key.empty() && is_word(folded.key.back());
      const bool repeats_earlier = std::any_of(
          aliases_.begin() + static_cast<std::ptrdiff_t>(first_of_entity), aliases_.end(),
          [&](const Alias& earlier) {
            return earlier.key == alias.key && earlier.case_sensitive == alias.case_sensitive &&
                   earlier.case_key == alias.case_key;
          });
      if (repeats_earlier) continue;
      by_key_[alias.key].push_back(aliases_.size());
      longest_key_ = std::max(longest_key_, alias.key.size());
      aliases_.push_back(std::move(alias));
      ++number;
    }
  }
}

std::vector<ReferenceMatch> ReferenceMatcher::find(std::string_view text, Boundary boundary,
                                                   Policy policy) const {
  const std::vector<Unit> units = split_into_units(text, fold_options_);
  const size_t n = units.size();
  auto unit_is_word = [&](size_t i) { return is_word(units[i].first); };

  // accepted[s][e - s - 1]: the aliases (one per entity, the lowest-numbered) that match the
  // units [s, e).
  std::vector<std::vector<std::vector<const Alias*>>> accepted(n);
  for (size_t s = 0; s < n; ++s) {
    // Units that fold to nothing in front of a name are not part of it (the engine's choice,
    // tests/unit/matching_test.cpp "TakesFollowingMarksAndIgnorablesAlong").
    if (units[s].folded.empty()) continue;
    std::u32string folded;
    std::u32string folded_keeping_case;
    for (size_t e = s + 1; e <= n; ++e) {
      folded += units[e - 1].folded;
      folded_keeping_case += units[e - 1].folded_keeping_case;
      if (folded.size() > longest_key_) break;
      accepted[s].resize(e - s);
      const auto found = by_key_.find(folded);
      if (found == by_key_.end()) continue;
      std::vector<const Alias*>& here = accepted[s][e - s - 1];
      for (const size_t index : found->second) {
        const Alias& alias = aliases_[index];
        const bool entity_taken = std::any_of(here.begin(), here.end(), [&](const Alias* a) {
          return a->entity == alias.entity;
        });
        if (entity_taken) continue;
        if (boundary == Boundary::kWord) {
          if (alias.word_start && s > 0 && unit_is_word(s - 1)) continue;
          if (alias.word_end && e < n && unit_is_word(e)) continue;
        }
        if (alias.case_sensitive && folded_keeping_case != alias.case_key) continue;
        here.push_back(&alias);
      }
    }
  }

  std::vector<ReferenceMatch> matches;
  auto report = [&](size_t s, size_t e) {
    const std::vector<const Alias*>& here = accepted[s][e - s - 1];
    for (const Alias* alias : here) {
      matches.push_back({units[s].begin, units[e - 1].end, alias->entity, alias->number,
                         here.size() > 1});
    }
  };
  // Entities come out in ascending order because aliases are numbered entity by entity and
  // each key's list is ascending.
  if (policy == Policy::kAll) {
    for (size_t s = 0; s < n; ++s) {
      for (size_t e = s + 1; e <= s + accepted[s].size(); ++e) report(s, e);
    }
    return matches;
  }
  for (size_t s = 0; s < n;) {
    size_t longest_end = 0;
    for (size_t e = s + 1; e <= s + accepted[s].size(); ++e) {
      if (!accepted[s][e - s - 1].empty()) longest_end = e;
    }
    if (longest_end == 0) {
      ++s;
      continue;
    }
    report(s, longest_end);
    s = longest_end;
  }
  return matches;
}

}  // namespace onoma::differential
