"""Gazetteer.finditer: lazy, a page of matches at a time (onoma_scan_page), and yet exactly
the matches find() returns."""

from __future__ import annotations

import collections
import gc
import itertools
import os
import sys
import threading
import tracemalloc
import unicodedata

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onoma

POLICIES = ("longest", "all")
BOUNDARIES = ("word", "none")

# Names of the conftest gazetteer in several scripts and forms: accents, NFD, emoji, CJK,
# Greek, case rules, a name inside a longer one.
_SENTENCE = (
    "Mélanie Joly met the UN in 東京 and New York; 😀 smile, Łódź, Côte d'Ivoire, ΣΟΦΙΑ, "
    "Ærø and Øresund. The US and the U.S.A. (USA), nba and NBA, WHO and who, IT and it. "
)
_NFD = unicodedata.normalize("NFD", "Mélanie Joly in Łódź and Côte d'Ivoire, Ærø. ")


def _texts() -> dict[str, str]:
    return {
        "empty": "",
        "none-found": "nothing to see here " * 5,
        "short": _SENTENCE + _NFD,
        # Over 256 matches (several pages) and over 4096 bytes (pages scanned without the GIL).
        "long": (_SENTENCE + _NFD + "Luxembourg City\u00a0Luxembourg G7 COVID-19 H2O ") * 40,
        # A lone surrogate reads as U+FFFD; the offsets stay str indices.
        "surrogate": "Joly\ud800Tokyo \udfff Joly " * 3,
    }


TEXTS = _texts()


def _key(matches) -> list[tuple]:
    return [(m.start, m.end, m.byte_start, m.byte_end, m.id, m.alias, m.ambiguous, m.text)
            for m in matches]


def _as(kind: str, text: str):
    if kind == "str":
        return text
    data = text.encode("utf-8", "surrogatepass")
    return {"bytes": bytes, "bytearray": bytearray, "memoryview": memoryview}[kind](data)


@pytest.mark.parametrize("kind", ["str", "bytes", "bytearray", "memoryview"])
@pytest.mark.parametrize("name", sorted(TEXTS))
def test_finditer_equals_find(g, kind, name):
    if kind != "str" and name == "surrogate":
        return  # no UTF-8 form (the bytes-like cases cover invalid UTF-8 below)
    text = _as(kind, TEXTS[name])
    for policy in POLICIES:
        for boundary in BOUNDARIES:
            expected = g.find(text, policy=policy, boundary=boundary)
            it = g.finditer(text, policy=policy, boundary=boundary)
            assert type(it).__name__ == "MatchIterator" and iter(it) is it
            got = list(it)
            assert got == expected, (policy, boundary)
            assert _key(got) == _key(expected), (policy, boundary)
            if isinstance(text, str):
                assert all(text[m.start:m.end] == m.text for m in got)
            if name == "long" and policy == "all":
                assert len(got) > 3 * 256  # several pages
    assert next(it, None) is None  # exhausted for good


def test_finditer_invalid_utf8_bytes(g):
    data = b"Joly \xff\xfe Tokyo \xe6\x9d\xb1 " * 400 + "東京".encode()
    for policy in POLICIES:
        assert _key(g.finditer(data, policy=policy)) == _key(g.find(data, policy=policy))


def test_finditer_checks_its_arguments_at_once(g):
    with pytest.raises(TypeError):
        g.finditer(12)
    with pytest.raises(TypeError):
        g.finditer(["Joly"])
    with pytest.raises(ValueError):
        g.finditer("Joly", policy="most")
    with pytest.raises(ValueError):
        g.finditer("Joly", boundary="line")
    with pytest.raises(TypeError):
        type(g.finditer("Joly"))()


def _nested(depth: int = 6) -> onoma.Gazetteer:
    """Aliases "a", "a a", ... `depth` words deep: policy "all" finds `depth` matches at
    nearly every word of "a a a ..."."""
    builder = onoma.GazetteerBuilder()
    for k in range(1, depth + 1):
        builder.add_entity(f"a{k}", "A", " ".join(["a"] * k))
    return builder.build()


_NESTED = _nested()


@pytest.fixture(scope="module")
def nested() -> onoma.Gazetteer:
    return _NESTED


def test_large_output_is_paged(nested):
    words = 200_000
    text = "a " * words
    expected_count = 6 * words - (1 + 2 + 3 + 4 + 5)  # the last 5 words start fewer matches

    # Taking ten scans one page, not the 1.2 million matches (bounded memory is tested below;
    # nothing here is timed, which the sanitizer runs and a busy machine would make flaky).
    first = list(itertools.islice(nested.finditer(text, policy="all"), 10))
    assert [(m.start, m.end, m.id) for m in first[:7]] == [
        (0, 1, "a1"), (0, 3, "a2"), (0, 5, "a3"), (0, 7, "a4"), (0, 9, "a5"), (0, 11, "a6"),
        (2, 3, "a1")]

    count = sum(1 for _ in nested.finditer(text, policy="all"))
    assert count == expected_count
    found = nested.find(text, policy="all")
    assert len(found) == count
    assert first == found[:10]
    del found

    longest = nested.find(text)
    assert list(nested.finditer(text)) == longest
    assert len(longest) == -(-words // 6)


# Texts over the nested gazetteer: runs of "a " (several pages in "all") and then words
# and separators of all kinds (multi-byte, NFD, emoji, invalid UTF-8 in bytes for "\xff"), so
# that pages end at all kinds of places.
_WORDS = st.sampled_from(["a", "a", "A", "\u00e1", "a\u0301", "aa", "b", "\U0001F600", "\xff"])
_SEPARATORS = st.sampled_from([" ", " ", "  ", "", "-", "\u00a0", "\n"])


@settings(max_examples=60, deadline=None, derandomize=bool(os.environ.get("CI")),
          suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, 300), st.lists(st.tuples(_WORDS, _SEPARATORS), max_size=400),
       st.sampled_from(POLICIES), st.sampled_from(BOUNDARIES), st.booleans())
def test_finditer_equals_find_property(run, pieces, policy, boundary, as_bytes):
    text = "a " * run + "".join(word + separator for word, separator in pieces)
    if as_bytes:
        text = text.encode().replace("\xff".encode(), b"\xff")
    got = list(_NESTED.finditer(text, policy=policy, boundary=boundary))
    assert _key(got) == _key(_NESTED.find(text, policy=policy, boundary=boundary))


def test_memory_stays_bounded(nested):
    # The Match objects are dropped as they come: with a scan held at once, the 1.2 million
    # of them (or the 240,000 taken) would be alive together at the peak.
    text = "a " * 200_000
    tracemalloc.start()
    try:
        it = nested.finditer(text, policy="all")
        collections.deque(itertools.islice(it, 240_000), maxlen=0)
        _, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 1_000_000, peak
    assert sum(1 for _ in it) == 6 * 200_000 - 15 - 240_000


def test_text_outlives_the_caller_variable(g):
    text = "".join(["Mélanie Joly in 東京, ", "😀 smile ", "Łódź "]) * 300  # a new str
    expected = _key(g.find(text, policy="all"))
    it = g.finditer(text, policy="all")
    first = next(it)
    del text
    gc.collect()
    assert _key([first, *it]) == expected

    for data in (bytearray("Mélanie Joly in 東京 ".encode() * 300),
                 b"".join([b"Tokyo ", "Łódź Joly ".encode()]) * 300):  # a new bytes object
        expected = _key(g.find(data))
        it = g.finditer(data)
        del data
        gc.collect()
        assert _key(it) == expected


def test_iterators_are_independent(g, nested):
    one = (_SENTENCE + _NFD) * 30
    two = ("a " * 3000).encode()
    expected_one = _key(g.find(one, policy="all"))
    expected_two = _key(nested.find(two, policy="all"))
    expected_three = _key(g.find(one, boundary="none"))
    its = [g.finditer(one, policy="all"), nested.finditer(two, policy="all"),
           g.finditer(one, boundary="none")]
    got: list[list] = [[], [], []]
    # Uneven strides, so the pages of each end at different times.
    for step in itertools.count():
        advanced = False
        for i, it in enumerate(its):
            for m in itertools.islice(it, 1 + (step * (i + 3)) % 7):
                got[i].append(m)
                advanced = True
        if not advanced:
            break
    assert _key(got[0]) == expected_one
    assert _key(got[1]) == expected_two
    assert _key(got[2]) == expected_three


def test_bytearray_cannot_be_resized_while_iterated(g):
    data = bytearray("Joly in Tokyo. ".encode() * 1000)
    it = g.finditer(data)
    with pytest.raises(BufferError):  # held from the start, before the first next()
        data.extend(b"x")
    assert next(it).text == "Joly"
    with pytest.raises(BufferError):
        data.extend(b"x")
    with pytest.raises(BufferError):
        del data[:5]
    with pytest.raises(BufferError):
        data.clear()
    rest = list(it)
    assert len(rest) == 2 * 1000 - 1
    data.extend(b" Joly")  # let go once exhausted
    assert [m.text for m in rest[:1]] == ["Tokyo"]

    it = g.finditer(data)
    next(it)
    del it  # or once dropped
    data.extend(b" Joly")

    view = memoryview(data)
    it = g.finditer(view)
    with pytest.raises(BufferError):
        view.release()
    with pytest.raises(BufferError):
        data.extend(b"x")
    assert len(list(it)) == 2 * 1000 + 2
    view.release()


def test_references_are_let_go(g):
    text = "".join(["Joly ", "Tokyo "]) * 50
    before = sys.getrefcount(text)
    it = g.finditer(text)
    assert sys.getrefcount(text) == before + 1
    matches = list(it)
    assert sys.getrefcount(text) == before + len(matches)  # each Match refers to its text
    del matches
    assert sys.getrefcount(text) == before
    del it

    data = b"".join([b"Joly ", b"Tokyo "]) * 50
    before = sys.getrefcount(data)
    it = g.finditer(data)
    assert sys.getrefcount(data) > before  # held while iterated
    matches = list(it)
    assert sys.getrefcount(data) == before + len(matches)
    del matches
    assert sys.getrefcount(data) == before
    assert g.find_batch([data, data], threads=2)[1][0].text == "Joly"
    assert sys.getrefcount(data) == before


def test_one_iterator_shared_by_threads(g):
    # Matches far apart, so that most of the time goes to pages scanned without the GIL. A
    # second thread asking meanwhile gets ValueError; no match is lost or repeated.
    text = ("x" * 2000 + " Joly ") * 3000
    expected = _key(g.find(text))
    it = g.finditer(text)
    results: list[list] = [[], []]
    errors: list[BaseException] = []
    busy = [0]

    def worker(n: int) -> None:
        while True:
            try:
                m = next(it)
            except StopIteration:
                return
            except ValueError:
                busy[0] += 1
                continue
            except BaseException as e:  # noqa: BLE001 - reported below
                errors.append(e)
                return
            results[n].append(m)

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == []
    got = sorted(_key(results[0] + results[1]))
    assert got == expected
