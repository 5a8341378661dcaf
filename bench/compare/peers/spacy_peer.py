"""spaCy PhraseMatcher(attr="LOWER") on a blank English pipeline (no model). The
patterns are made with nlp.tokenizer; the scan tokenizes each paragraph (split on
blank lines, inside the timed scan) and converts token spans to str indices."""

from __future__ import annotations

import spacy
from spacy.matcher import PhraseMatcher


class SpacyPhraseMatcher:
    name = "spaCy PhraseMatcher"
    package = "spacy"
    byte_offsets = False
    note = "blank('en'), attr=LOWER, tokenization included"

    def build(self, aliases):
        self._nlp = nlp = spacy.blank("en")
        self._m = PhraseMatcher(nlp.vocab, attr="LOWER")
        self._m.add("ALIAS", list(nlp.tokenizer.pipe(aliases, batch_size=10000)))

    def scan(self, text):
        tok, m = self._nlp.tokenizer, self._m
        out = []
        base = 0
        for para in text.split("\n\n"):
            doc = tok(para)
            for _, s, e in m(doc):
                span = doc[s:e]
                out.append((base + span.start_char, base + span.end_char))
            base += len(para) + 2
        return out
