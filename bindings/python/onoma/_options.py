"""Keyword options shared by the API and the command line: folding, policy, boundary, format."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any, Literal, TypedDict

from . import _onoma

__all__ = ["Folding", "fold_bits", "fold_parts", "policy", "boundary", "file_format",
           "index", "index_name", "thread_count"]

Policy = Literal["longest", "all"]
Boundary = Literal["word", "none"]
Format = Literal["auto", "jsonl", "tsv", "spacy"]
Index = Literal["bytes", "words"]
FoldBase = Literal["default", "exact"]


class Folding(TypedDict, total=False):
    """Folding options, as keyword arguments of the functions that build a gazetteer.

    ``fold`` is the starting point: ``"default"`` (every part on) or ``"exact"``
    (every part off). Each part named below then turns one part on (True) or off
    (False): ``Gazetteer.from_file(path, case=False)`` folds everything but case;
    ``from_file(path, fold="exact", case=True)`` folds only case.
    """

    fold: FoldBase
    canonical: bool       #: NFD: precomposed and decomposed accents agree
    compatibility: bool   #: NFKD: ligatures, full-width forms, superscripts
    case: bool            #: full case folding: ß = ss, İ = i̇, Σ = σ = ς
    marks: bool           #: diacritics removed; ø→o, ł→l, æ→ae, ı→i ...
    punctuation: bool     #: dashes → '-', typographic quotes → ' and "
    white_space: bool     #: every run of white space → one space
    ignorables: bool      #: soft hyphen, ZWSP, ZWJ, word joiner, BOM dropped


_PARTS = {
    "canonical": _onoma.FOLD_CANONICAL,
    "compatibility": _onoma.FOLD_COMPATIBILITY,
    "case": _onoma.FOLD_CASE,
    "marks": _onoma.FOLD_MARKS,
    "punctuation": _onoma.FOLD_PUNCTUATION,
    "white_space": _onoma.FOLD_WHITE_SPACE,
    "ignorables": _onoma.FOLD_IGNORABLES,
}
_BASES = {"default": _onoma.FOLD_DEFAULT, "exact": _onoma.FOLD_EXACT}
_POLICIES = {"longest": _onoma.POLICY_LONGEST, "all": _onoma.POLICY_ALL}
_BOUNDARIES = {"word": _onoma.BOUNDARY_WORD, "none": _onoma.BOUNDARY_NONE}
_INDEXES = {"bytes": _onoma.INDEX_BYTES, "words": _onoma.INDEX_WORDS}
_FORMATS = {
    None: _onoma.FORMAT_AUTO,
    "auto": _onoma.FORMAT_AUTO,
    "jsonl": _onoma.FORMAT_JSONL,
    "tsv": _onoma.FORMAT_TSV,
    "spacy": _onoma.FORMAT_SPACY,
}


def _choice(table: Mapping[Any, int], value: object, what: str) -> int:
    try:
        return table[value]
    except (KeyError, TypeError):
        names = ", ".join(repr(k) for k in table if k is not None)
        raise ValueError(f"{what} must be one of {names}, not {value!r}") from None


def fold_bits(fold: str = "default", **parts: bool) -> int:
    """The ONOMA_FOLD_* bits for folding keyword arguments (see :class:`Folding`)."""
    bits = _choice(_BASES, fold, "fold")
    for name, on in parts.items():
        bit = _PARTS.get(name)
        if bit is None:
            known = ", ".join(["fold", *_PARTS])
            raise TypeError(f"unknown folding option {name!r} (known: {known})")
        if not isinstance(on, bool):
            raise TypeError(f"folding option {name!r} must be True or False, not {on!r}")
        bits = bits | bit if on else bits & ~bit
    return bits


def fold_parts(bits: int) -> dict[str, bool]:
    """The folding parts that ``bits`` turns on, by name."""
    return {name: bool(bits & bit) for name, bit in _PARTS.items()}


def policy(value: object) -> int:
    return _choice(_POLICIES, value, "policy")


def boundary(value: object) -> int:
    return _choice(_BOUNDARIES, value, "boundary")


def file_format(value: object) -> int:
    return _choice(_FORMATS, value, "format")


def index(value: object) -> int:
    """ONOMA_INDEX_* for ``"bytes"`` (every scan) or ``"words"`` (gazetteers of millions of
    aliases: less memory, word boundaries only)."""
    return _choice(_INDEXES, value, "index")


def index_name(value: int) -> str:
    return next(name for name, number in _INDEXES.items() if number == value)


def thread_count(threads: object) -> int:
    """``threads`` checked, or the CPUs this process may use when it is None."""
    if threads is None:
        try:
            return max(1, len(os.sched_getaffinity(0)))
        except (AttributeError, OSError):
            return os.cpu_count() or 1
    if isinstance(threads, bool) or not isinstance(threads, int):
        raise TypeError(f"threads must be an int or None, not {threads!r}")
    if threads < 1:
        raise ValueError(f"threads must be at least 1, not {threads}")
    return threads
