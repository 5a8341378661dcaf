"""FlashText (pure Python): case-insensitive KeywordProcessor, word boundaries and
longest match built in; spans from extract_keywords(span_info=True). FlashText lowercases the text
itself, so U+0130 (lowercase: two code points) is replaced by "I" first to keep its
offsets right. No saved form for "load s": unpickling a KeywordProcessor (a tree of dicts)
takes longer than building it again, so its load is read + build."""

from __future__ import annotations

from flashtext import KeywordProcessor


class FlashText:
    name = "flashtext"
    package = "flashtext"
    byte_offsets = False
    note = "case_sensitive=False"

    def build(self, aliases):
        kp = KeywordProcessor(case_sensitive=False)
        for alias in aliases:
            kp.add_keyword(alias)
        self._kp = kp

    def scan(self, text):
        return [(s, e) for _, s, e in self._kp.extract_keywords(text.replace("\u0130", "I"), span_info=True)]
