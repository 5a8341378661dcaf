"""pyahocorasick (C extension). Aliases and text lowercased (lower_same_length, timed).
Raw: iter_long (leftmost-longest, non-overlapping). Same answer: iter (all
overlapping matches) filtered in Python. Load: pickle.loads of the pickled automaton."""

from __future__ import annotations

import pickle

from . import lower_same_length

import ahocorasick


class PyAhoCorasick:
    name = "pyahocorasick"
    package = "pyahocorasick"
    byte_offsets = True
    note = "lowercased aliases + text; iter_long"

    def build(self, aliases):
        a = ahocorasick.Automaton()
        for alias in aliases:
            low = alias.lower()
            a.add_word(low, len(low))
        a.make_automaton()
        self._a = a

    def serialize(self):
        return pickle.dumps(self._a)

    def restore(self, blob):
        self._a = pickle.loads(blob)

    def scan(self, text):
        return [(end + 1 - n, end + 1) for end, n in self._a.iter_long(lower_same_length(text))]

    def scan_all(self, text):
        return [(end + 1 - n, end + 1) for end, n in self._a.iter(lower_same_length(text))]
