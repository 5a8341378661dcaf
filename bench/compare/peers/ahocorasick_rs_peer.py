"""ahocorasick-rs (Python binding of the Rust aho-corasick crate).

The binding (1.0.x) has no ascii_case_insensitive option, so aliases and text are
lowercased in Python (lower_same_length, inside the timed scan). Raw: MatchKind
LeftmostLongest, non-overlapping. Same answer: a second, Standard automaton whose
overlapping matches are filtered in Python (its build is not in "build s")."""

from __future__ import annotations

from . import lower_same_length

import ahocorasick_rs as ac


class AhoCorasickRs:
    name = "ahocorasick-rs"
    package = "ahocorasick-rs"
    byte_offsets = True
    note = "lowercased aliases + text (no ascii_case_insensitive in the binding); LeftmostLongest"

    def build(self, aliases):
        lowered = [a.lower() for a in aliases]
        self._ll = ac.AhoCorasick(lowered, matchkind=ac.MatchKind.LeftmostLongest)
        self._lowered = lowered

    def build_all(self):
        self._std = ac.AhoCorasick(self._lowered, matchkind=ac.MatchKind.Standard)

    def scan(self, text):
        return [(s, e) for _, s, e in self._ll.find_matches_as_indexes(lower_same_length(text))]

    def scan_all(self, text):
        if not hasattr(self, "_std"):
            self.build_all()
        return [(s, e) for _, s, e in self._std.find_matches_as_indexes(lower_same_length(text), overlapping=True)]
