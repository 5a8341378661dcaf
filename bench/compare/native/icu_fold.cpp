#include "icu_fold.h"

#include <unicode/uchar.h>
#include <unicode/utf8.h>

#include <cstdio>
#include <cstdlib>

namespace bench {

IcuFolder::IcuFolder() {
  UErrorCode error = U_ZERO_ERROR;
  normalizer_ = icu::Normalizer2::getInstance(nullptr, "nfkc_cf", UNORM2_DECOMPOSE, error);
  if (U_FAILURE(error)) {
    std::fprintf(stderr, "ICU nfkc_cf: %s\n", u_errorName(error));
    std::exit(2);
  }
}

static bool is_combining_mark(UChar32 c) {
  int8_t type = u_charType(c);
  return type == U_NON_SPACING_MARK || type == U_ENCLOSING_MARK;
}

void IcuFolder::fold(std::string_view text, std::string& out, OffsetMap* map) const {
  const auto* s = reinterpret_cast<const uint8_t*>(text.data());
  const int32_t n = static_cast<int32_t>(text.size());
  int32_t i = 0;
  while (i < n) {
    // Fast path, as ICU's own quick checks do: an ASCII character not followed by a
    // non-ASCII one (which could be a combining mark joining it) is its own segment, and
    // NFKC_Casefold maps it to its lowercase. Whole runs at once, written in place.
    int32_t run = i;
    while (run < n && s[run] < 0x80) ++run;
    if (run < n && run > i) --run;  // the last one may take marks: the segment path
    if (run > i) {
      const std::size_t at = out.size(), count = static_cast<std::size_t>(run - i);
      out.resize(at + count);
      char* o = &out[at];
      for (int32_t k = i; k < run; ++k) {
        const uint8_t b = s[k];
        *o++ = static_cast<char>(b >= 'A' && b <= 'Z' ? b + 32 : b);
      }
      if (map) {
        map->start.resize(at + count);
        map->end.resize(at + count);
        uint32_t* st = &map->start[at];
        uint32_t* en = &map->end[at];
        for (int32_t k = i; k < run; ++k) {
          *st++ = static_cast<uint32_t>(k);
          *en++ = static_cast<uint32_t>(k + 1);
        }
      }
      i = run;
      continue;
    }
    // One normalization segment: this code point and those up to the next one that has a
    // normalization boundary before it. Segments normalize independently, so each folded
    // byte has one origin.
    const int32_t begin = i;
    UChar32 c;
    U8_NEXT(s, i, n, c);
    while (i < n && s[i] >= 0x80) {
      int32_t next = i;
      U8_NEXT(s, next, n, c);
      if (c < 0 || normalizer_->hasBoundaryBefore(c)) break;
      i = next;
    }
    segment_ = icu::UnicodeString::fromUTF8(
        icu::StringPiece(text.data() + begin, static_cast<int32_t>(i - begin)));
    UErrorCode error = U_ZERO_ERROR;
    normalizer_->normalize(segment_, folded_, error);
    for (int32_t k = 0; k < folded_.length();) {
      UChar32 cp = folded_.char32At(k);
      k += U16_LENGTH(cp);
      if (is_combining_mark(cp)) continue;
      char buf[4];
      int32_t len = 0;
      U8_APPEND_UNSAFE(buf, len, cp);
      out.append(buf, static_cast<std::size_t>(len));
    }
    if (map) {
      map->start.resize(out.size(), static_cast<uint32_t>(begin));
      map->end.resize(out.size(), static_cast<uint32_t>(i));
    }
  }
}

}  // namespace bench
