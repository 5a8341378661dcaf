"""Peer adapters for bench/compare/compare.py (each one run by worker.py in a fresh process).

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
    build_all()            optional: what scan_all needs besides build (not in "build s")
    serialize() -> bytes   optional, with restore(blob): the peer's own saved form, whose
                           restore is its "load s" (without them, load = read + build)
"""

from __future__ import annotations

import unicodedata


def lower_same_length(text: str) -> str:
    """str.lower() that keeps every index: U+0130 (İ) is the only character whose
    lowercase is two code points (i + U+0307), which would shift all later offsets."""
    return text.replace("\u0130", "i").lower()


def is_word(ch: str) -> bool:
    """onoma's word character (DESIGN.md §2): letter, mark, number or connector punctuation
    (the rule native/same_answer.cpp applies with ICU)."""
    if ch.isalnum() or ch == "_":
        return True
    return ch >= "\x80" and unicodedata.category(ch) in ("Mn", "Mc", "Me", "Pc")


def filter_same_answer(text: str, spans) -> list[tuple[int, int]]:
    """Keep the spans on word boundaries — a span that starts (ends) with a word character
    must not follow (precede) one — then the leftmost-longest non-overlapping ones: an
    approximation of onoma's answer (policy=longest, boundary=word) from a plain substring
    matcher's output."""
    n = len(text)
    ok = [
        (s, e)
        for s, e in spans
        if not (s > 0 and is_word(text[s - 1]) and is_word(text[s]))
        and not (e < n and is_word(text[e]) and is_word(text[e - 1]))
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
    from .daachorse_peer import Daachorse
    from .pyahocorasick_peer import PyAhoCorasick
    from .flashtext_peer import FlashText
    from .spacy_peer import SpacyPhraseMatcher

    return [AhoCorasickRs, Daachorse, PyAhoCorasick, FlashText, SpacyPhraseMatcher]
