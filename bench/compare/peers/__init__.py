"""Peer adapters for bench/compare/compare.py.

Every adapter is a class with the same interface:

    name: str              label in the tables
    package: str           PyPI distribution whose version is reported
    byte_offsets: bool     True for plain substring matchers (Aho-Corasick): their
                           "same answer" is computed by filter_same_answer()
    build(aliases)         compile the alias list (list[str])
    scan(text)             native matches of text (str) as a list of (start, end)
                           str indices, end exclusive: what the peer gives by itself
    scan_all(text)         byte-offset peers only: every (overlapping) match, the input
                           of filter_same_answer()
"""

from __future__ import annotations


def lower_same_length(text: str) -> str:
    """str.lower() that keeps every index: U+0130 (İ) is the only character whose
    lowercase is two code points (i + U+0307), which would shift all later offsets."""
    return text.replace("\u0130", "i").lower()


def filter_same_answer(text: str, spans) -> list[tuple[int, int]]:
    """Keep the spans whose neighbours are not alphanumeric (word boundaries), then
    the leftmost-longest non-overlapping ones: an approximation of onoma's answer
    (policy=longest, boundary=word) from a plain substring matcher's output."""
    n = len(text)
    ok = [
        (s, e)
        for s, e in spans
        if (s == 0 or not text[s - 1].isalnum()) and (e == n or not text[e].isalnum())
    ]
    ok.sort(key=lambda se: (se[0], -se[1]))
    out = []
    last = 0
    for s, e in ok:
        if s >= last:
            out.append((s, e))
            last = e
    return out


def all_peers():
    from .ahocorasick_rs_peer import AhoCorasickRs
    from .pyahocorasick_peer import PyAhoCorasick
    from .flashtext_peer import FlashText
    from .spacy_peer import SpacyPhraseMatcher

    return [AhoCorasickRs, PyAhoCorasick, FlashText, SpacyPhraseMatcher]
