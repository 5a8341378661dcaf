"""Property-based tests (hypothesis): the invariants of the matching contract (DESIGN.md §2)
on arbitrary str and bytes — offsets, UTF-8 boundaries, str/bytes agreement, order and
policies, surfaces that fold to their alias, find_batch = find.

The texts are arbitrary code points and bytes, and mixtures of the conftest gazetteer's
names (NFC, NFD, other cases, with soft hyphens, marks or no-break spaces put in) with
emoji and invalid UTF-8.
"""

from __future__ import annotations

import os
import unicodedata

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import onoma
from conftest import ENTITIES

# With CI set: the same examples on every run (derandomize, which also turns the example
# database off). Otherwise random examples, and failures are replayed first on the next run
# from .hypothesis/ (which ignores itself in git). Either way a failure prints the minimal
# example and a @reproduce_failure blob. ONOMA_PROPERTY_EXAMPLES raises the number of
# examples for a longer hunt.
PROPERTY = settings(
    max_examples=int(os.environ.get("ONOMA_PROPERTY_EXAMPLES", "200")),
    deadline=None,
    derandomize=bool(os.environ.get("CI")),
    print_blob=True,
    suppress_health_check=[HealthCheck.too_slow],
)

POLICIES = st.sampled_from(["longest", "all"])
BOUNDARIES = st.sampled_from(["word", "none"])

# -- text strategies -----------------------------------------------------------------------

NAMES = sorted({e["name"] for e in ENTITIES}
               | {a if isinstance(a, str) else a["text"]
                  for e in ENTITIES for a in e.get("aliases", ())})

SPACES = ["\u00a0", "\n", "\u2009", "  ", "\r\n"]
IGNORABLES = ["\u00ad", "\u200b", "\u200d", "\u2060", "\ufeff"]
MARKS = ["\u0301", "\u0308", "\u0327", "\u0307", "\u20dd"]
EMOJI = ["😀", "👩\u200d👩\u200d👧", "🇯🇵", "✓\ufe0f", "\U0001f9ea"]
PUNCTUATION = [" ", " ", ".", ",", "’s", "-", "—", "(", ")", "_", "2", "x"]

VARIANTS = [
    lambda s: s,
    lambda s: unicodedata.normalize("NFC", s),
    lambda s: unicodedata.normalize("NFD", s),
    str.upper,
    str.lower,
    str.title,
    str.casefold,
]


@st.composite
def names(draw) -> str:
    """A gazetteer name in some form: another normalization or case, its spaces replaced,
    an ignorable or a mark put inside."""
    name = draw(st.sampled_from(VARIANTS))(draw(st.sampled_from(NAMES)))
    if " " in name and draw(st.booleans()):
        name = name.replace(" ", draw(st.sampled_from(SPACES)))
    if draw(st.booleans()):
        cut = draw(st.integers(0, len(name)))
        name = name[:cut] + draw(st.sampled_from(IGNORABLES + MARKS)) + name[cut:]
    return name


def mixed(characters: st.SearchStrategy[str]) -> st.SearchStrategy[str]:
    pieces = st.one_of(
        names(),
        names(),
        st.sampled_from(SPACES + IGNORABLES + MARKS + EMOJI + PUNCTUATION),
        characters,
    )
    return st.lists(pieces, max_size=25).map("".join)


# Every code point but surrogates (what UTF-8 can encode), and every code point.
SCALARS = st.characters(codec="utf-8")
CODE_POINTS = st.characters()

#: str that UTF-8 can encode: arbitrary, or names mixed with the rest.
TEXTS = st.one_of(st.text(), mixed(SCALARS))
#: any str, lone surrogates included (the library reads them as U+FFFD).
ANY_TEXTS = st.one_of(TEXTS, st.text(CODE_POINTS), mixed(CODE_POINTS))

INVALID_BYTES = st.one_of(
    st.sampled_from([0x80, 0xBF, 0xC0, 0xC1, 0xC3, 0xE2, 0xED, 0xF0, 0xF4, 0xF5, 0xFF]),
    st.integers(0x80, 0xFF),
)


@st.composite
def spliced(draw) -> bytes:
    """The UTF-8 form of a text with invalid bytes put in anywhere, sequences' middles too."""
    data = bytearray(draw(TEXTS).encode())
    for _ in range(draw(st.integers(0, 4))):
        data.insert(draw(st.integers(0, len(data))), draw(INVALID_BYTES))
    return bytes(data)


DATA = st.one_of(st.binary(), spliced(), spliced())
INPUTS = st.one_of(ANY_TEXTS, DATA)

# -- helpers -------------------------------------------------------------------------------


def char_boundaries(data: bytes) -> set[int]:
    """The offsets between characters as the library reads UTF-8: a valid sequence is one
    character, each invalid byte is one (surrogateescape decodes exactly so)."""
    offsets, at = {0}, 0
    for ch in data.decode("utf-8", "surrogateescape"):
        at += 1 if "\udc80" <= ch <= "\udcff" else len(ch.encode())
        offsets.add(at)
    assert at == len(data)
    return offsets


def utf8(text: str) -> bytes:
    return text.encode("utf-8", "surrogatepass")


def key(m: onoma.Match) -> tuple:
    return (m.start, m.end, m.byte_start, m.byte_end, m.id, m.alias, m.ambiguous, m.text)


def check_order_and_ambiguity(matches: list[onoma.Match], policy: str) -> None:
    spans = [(m.start, m.end) for m in matches]
    assert spans == sorted(spans)
    by_span: dict[tuple[int, int], list[onoma.Match]] = {}
    for m in matches:
        by_span.setdefault((m.start, m.end), []).append(m)
    for span, shared in by_span.items():
        ids = {m.id for m in shared}
        # One match per entity for a span; several entities there: each is flagged.
        if policy == "longest":
            assert len(ids) == len(shared), span
        assert all(m.ambiguous == (len(ids) > 1) for m in shared), span
    if policy == "longest":
        distinct = sorted(by_span)
        for (_, end), (start, _) in zip(distinct, distinct[1:]):
            assert end <= start, distinct


# -- properties ----------------------------------------------------------------------------


@PROPERTY
@given(text=ANY_TEXTS, policy=POLICIES, boundary=BOUNDARIES)
def test_str_offsets_are_code_points_within_the_text(g, text, policy, boundary):
    encoded = utf8(text)
    for m in g.find(text, policy=policy, boundary=boundary):
        assert 0 <= m.start < m.end <= len(text)
        assert text[m.start:m.end] == m.text
        assert (m.byte_start, m.byte_end) == (len(utf8(text[:m.start])), len(utf8(text[:m.end])))
        assert encoded[m.byte_start:m.byte_end] == utf8(m.text)


@PROPERTY
@given(data=DATA, policy=POLICIES, boundary=BOUNDARIES)
def test_bytes_offsets_lie_on_character_boundaries(g, data, policy, boundary):
    boundaries = char_boundaries(data)
    assert len(onoma._onoma.decode_utf8(data)) == len(boundaries) - 1
    for m in g.find(data, policy=policy, boundary=boundary):
        assert 0 <= m.start < m.end <= len(data)
        assert (m.start, m.end) == (m.byte_start, m.byte_end)
        assert m.start in boundaries and m.end in boundaries, (m.start, m.end)
        assert m.text == onoma._onoma.decode_utf8(data[m.start:m.end])


@PROPERTY
@given(text=TEXTS, policy=POLICIES, boundary=BOUNDARIES)
def test_str_and_its_utf8_give_the_same_matches(g, text, policy, boundary):
    def in_bytes(m: onoma.Match) -> tuple:
        return (len(text[:m.start].encode()), len(text[:m.end].encode())) + key(m)[2:]

    by_str = [in_bytes(m) for m in g.find(text, policy=policy, boundary=boundary)]
    by_bytes = [key(m) for m in g.find(text.encode(), policy=policy, boundary=boundary)]
    assert by_str == by_bytes


@PROPERTY
@given(text=INPUTS, boundary=BOUNDARIES)
def test_order_overlap_and_longest_within_all(g, text, boundary):
    longest = g.find(text, boundary=boundary)
    every = g.find(text, policy="all", boundary=boundary)
    check_order_and_ambiguity(longest, "longest")
    check_order_and_ambiguity(every, "all")
    every_keys = {key(m) for m in every}
    for m in longest:
        assert key(m) in every_keys, key(m)


@PROPERTY
@given(text=TEXTS, policy=POLICIES, boundary=BOUNDARIES)
def test_the_surface_folds_to_what_the_alias_folds_to(g, text, policy, boundary):
    # A gazetteer whose only alias is the surface finds it again at the same place: the
    # surface and the alias fold alike, and the span is a whole one.
    for m in g.find(text, policy=policy, boundary=boundary)[:4]:
        surface = onoma.Gazetteer.from_entities([{"id": "s", "label": "S", "name": m.text}])
        again = {(n.start, n.end) for n in surface.find(text, policy="all", boundary=boundary)}
        assert (m.start, m.end) in again, (m.text, m.alias)


@PROPERTY
@given(text=INPUTS, policy=POLICIES, boundary=BOUNDARIES)
def test_a_surface_in_a_neutral_context_finds_the_same_entity(g, text, policy, boundary):
    space = " " if isinstance(text, str) else b" "
    for m in g.find(text, policy=policy, boundary=boundary):
        surface = text[m.start:m.end]
        alone = g.find(space + surface + space, policy=policy, boundary=boundary)
        assert (1, 1 + len(surface), m.id) in {(n.start, n.end, n.id) for n in alone}, (
            surface, m.id, m.alias)


@PROPERTY
@given(texts=st.lists(INPUTS, max_size=8), policy=POLICIES, boundary=BOUNDARIES,
       threads=st.integers(1, 3))
def test_find_batch_is_find_for_each_text(g, texts, policy, boundary, threads):
    batch = g.find_batch(texts, policy=policy, boundary=boundary, threads=threads)
    assert [[key(m) for m in ms] for ms in batch] == [
        [key(m) for m in g.find(t, policy=policy, boundary=boundary)] for t in texts]
