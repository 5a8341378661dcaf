"""daachorse (Python binding of the Rust daachorse crate: a double-array Aho-Corasick).

CharwiseDoubleArrayAhoCorasick, which takes str and reports str indices like the other
peers. Aliases and text lowercased in Python (lower_same_length, timed), deduplicated after
lowercasing. Raw: MATCH_KIND_LEFTMOST_LONGEST. Same answer: a second, MATCH_KIND_STANDARD
automaton whose overlapping matches are filtered in Python (its build is not in "build s").
Load: deserialize() of serialize()."""

from __future__ import annotations

from . import lower_same_length

import daachorse


class Daachorse:
    name = "daachorse"
    package = "daachorse"
    byte_offsets = True
    note = "lowercased aliases + text; charwise, LEFTMOST_LONGEST"

    def build(self, aliases):
        self._lowered = list(dict.fromkeys(a.lower() for a in aliases))
        self._ll = daachorse.CharwiseDoubleArrayAhoCorasick(
            self._lowered, match_kind=daachorse.MATCH_KIND_LEFTMOST_LONGEST)

    def build_all(self):
        self._std = daachorse.CharwiseDoubleArrayAhoCorasick(
            self._lowered, match_kind=daachorse.MATCH_KIND_STANDARD)

    def serialize(self):
        return self._ll.serialize()

    def restore(self, blob):
        self._ll = daachorse.CharwiseDoubleArrayAhoCorasick.deserialize(blob)

    def scan(self, text):
        return [(s, e) for s, e, _ in self._ll.find(lower_same_length(text))]

    def scan_all(self, text):
        return [(s, e) for s, e, _ in self._std.find_overlapping(lower_same_length(text))]
