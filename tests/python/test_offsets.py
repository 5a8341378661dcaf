"""Offsets into the str given (code points) and into bytes, on text chosen to break naive
offset arithmetic, and robustness: no str or bytes input crashes anything."""

from __future__ import annotations

import random

import pytest

import onoma
from conftest import found

TRICKY = (
    "👩‍👩‍👧 İstanbul'da 😀 smile, ﬁat & Straße. "
    "Me\u0301lanie\u00a0Joly (NFD) met ΣΟΦΙΑ in 東京 🇯🇵; "
    "ŁÓDŹ and ÆRØ, USA vs the US\u00ad, G7 ✓ \U0001f9ea H²O."
)


def test_str_offsets_on_tricky_text(g):
    matches = g.find(TRICKY)
    assert [(m.text, m.id) for m in matches] == [
        ("İstanbul", "istanbul"),
        ("😀 smile", "smile"),
        ("ﬁat", "fiat"),
        ("Straße", "strasse"),
        ("Me\u0301lanie\u00a0Joly", "joly"),
        ("ΣΟΦΙΑ", "sigma"),
        ("東京", "tokyo"),
        ("ŁÓDŹ", "lodz"),
        ("ÆRØ", "aeroe"),
        ("USA", "united-states"),
        ("US\u00ad", "united-states"),
        ("G7", "g7"),
        ("H²O", "h2o"),
    ]
    utf8 = TRICKY.encode()
    for m in matches:
        assert TRICKY[m.start:m.end] == m.text
        assert utf8[m.byte_start:m.byte_end].decode() == m.text
        assert m.byte_start == len(TRICKY[:m.start].encode())


def test_bytes_offsets_on_tricky_text(g):
    utf8 = TRICKY.encode()
    by_str = g.find(TRICKY)
    by_bytes = g.find(utf8)
    assert [(m.byte_start, m.byte_end, m.id) for m in by_str] == [
        (m.start, m.end, m.id) for m in by_bytes]
    assert [m.text for m in by_str] == [m.text for m in by_bytes]


def test_nfc_and_nfd_give_the_same_matches(g):
    import unicodedata

    nfc = unicodedata.normalize("NFC", TRICKY)
    nfd = unicodedata.normalize("NFD", TRICKY)
    assert [m.id for m in g.find(nfc)] == [m.id for m in g.find(nfd)]
    for m in g.find(nfd):
        assert nfd[m.start:m.end] == m.text


def test_dotted_capital_i_and_sharp_s_lengths(g):
    # İ folds to two code points (i + U+0307) and ß to two letters: offsets stay on the
    # original characters.
    text = "xİSTANBUL İstanbul STRAẞE Straße"
    assert found(g, text) == [("İstanbul", "istanbul"), ("STRAẞE", "strasse"),
                              ("Straße", "strasse")]


def test_invalid_utf8_bytes_read_as_replacement_characters(g):
    data = b"\xffJoly\xfe \xe2\x82 US \xed\xa0\x80Joly\xc0\x80"
    matches = g.find(data)
    assert [(m.start, m.end, m.text) for m in matches] == [
        (1, 5, "Joly"), (10, 12, "US"), (16, 20, "Joly")]
    junk = g.find(b"Joly\xff\xff", boundary="none")
    assert [m.text for m in junk] == ["Joly"]


def test_surface_of_bytes_with_invalid_utf8_uses_one_replacement_per_byte():
    g = onoma.Gazetteer.from_entities([{"id": "r", "label": "X", "name": "a\ufffd\ufffdb"}])
    [m] = g.find(b"a\xe2\x82b")
    assert (m.start, m.end) == (0, 4)
    assert m.text == "a\ufffd\ufffdb"


def test_lone_surrogates_read_as_replacement_characters(g):
    text = "\udc80Joly \ud800\udfff US\udcff"
    matches = g.find(text)
    assert [(m.start, m.end, m.text) for m in matches] == [(1, 5, "Joly"), (9, 11, "US")]
    assert [(m.byte_start, m.byte_end) for m in matches] == [(3, 7), (15, 17)]
    assert g.find_batch([text]) == [matches]


# A str is stored with one, two or four bytes per code point (PEP 393) and its UTF-8 form is
# written by the binding, runs of ASCII sixteen or eight bytes at a time: names and the
# characters beyond ASCII of each width at every offset from such a run's start, and the result
# against scanning the same text's UTF-8 as bytes.
@pytest.mark.parametrize("kind, beyond", [
    ("1 byte", ["é", "\u00a0", "Mélanie Joly", "Ærø", "ß"]),
    ("2 bytes", ["é", "’", "東京", "Łódź", "\ud800", "ΣΟΦΙΑ", "\udfff Joly"]),
    ("4 bytes", ["é", "’", "東京", "😀 smile", "\U0001f9ea", "\udc80", "Ærø"]),
])
def test_str_of_every_storage_width_scans_as_its_utf8(g, kind, beyond):
    rng = random.Random(kind)
    for offset in range(0, 40):
        pieces = ["x" * offset]
        for _ in range(12):
            pieces.append(rng.choice(beyond + [" Joly ", " US ", "x" * rng.randrange(0, 20), " "]))
        # Of the width named, whatever was drawn, and with a match at the end at least.
        text = "".join(pieces) + {"1 byte": " é", "2 bytes": " 東", "4 bytes": " 😀"}[kind]
        text += " Joly"
        # The library reads a lone surrogate as U+FFFD, three bytes as "surrogatepass" writes it.
        as_bytes = "".join("\ufffd" if "\ud800" <= c <= "\udfff" else c for c in text).encode()
        by_str = g.find(text)
        by_bytes = g.find(as_bytes)
        assert [(m.byte_start, m.byte_end, m.id) for m in by_str] == [
            (m.start, m.end, m.id) for m in by_bytes], text
        for m in by_str:
            assert text[m.start:m.end] == m.text
            assert m.byte_start == len(text[:m.start].encode("utf-8", "surrogatepass"))
        assert g.find_batch([text, text[offset:]])[0] == by_str


def test_batch_of_strs_scans_each_as_alone(g):
    # Each thread of the batch writes the UTF-8 of the strs it scans, one at a time, into a
    # buffer of its own: short texts of every width after a long one reuse what it grew to,
    # and the long one (3 bytes of capacity per code point here) makes it grow.
    rng = random.Random(7)
    pieces = ["Mélanie Joly", " US ", "東京", " naïve ", "x", "😀 smile", "\ud800", " "]
    texts = ["".join(rng.choice(pieces) for _ in range(rng.randrange(1, 60))) for _ in range(3000)]
    long_text = "Joly ’ " * 60_000
    texts[1500:1500] = [long_text, "Joly é"]
    batch = g.find_batch(texts, threads=2)
    assert len(batch) == len(texts)
    for text, matches in zip(texts, batch):
        assert matches == g.find(text)
    assert len(batch[1500]) == 60_000


def test_empty_and_whitespace_input(g):
    for text in ("", b"", " ", "\n\t", bytearray(), memoryview(b"")):
        assert g.find(text) == []
    assert g.find_batch([]) == []


def test_non_text_input_is_a_type_error(g):
    for bad in (None, 42, ["Joly"], object()):
        with pytest.raises(TypeError):
            g.find(bad)
        with pytest.raises(TypeError):
            g.find_batch(["Joly", bad])
    with pytest.raises(TypeError):
        g.find(memoryview(b"Joly Joly")[::2])  # not contiguous


def _random_text(rng: random.Random) -> str:
    pieces = ["Joly", "US", "u.s.", "Straße", "İ", "\u0301", "\u00ad", "\u200d", " ", "\n",
              "😀", "東京", "Σ", "ß", "\ud800", "\udc80", "\x00", "’", "-", "ﬁ", "Ｕ"]
    out = []
    for _ in range(rng.randrange(0, 40)):
        if rng.random() < 0.3:
            out.append(chr(rng.randrange(0, 0x110000)))
        else:
            out.append(rng.choice(pieces))
    return "".join(out)


@pytest.mark.parametrize("policy", ["longest", "all"])
@pytest.mark.parametrize("boundary", ["word", "none"])
def test_random_str_input_never_breaks_offsets(g, policy, boundary):
    rng = random.Random(f"{policy}{boundary}")
    texts = [_random_text(rng) for _ in range(1500)]
    batch = g.find_batch(texts, policy=policy, boundary=boundary, threads=2)
    for text, matches in zip(texts, batch):
        assert g.find(text, policy=policy, boundary=boundary) == matches
        encoded = text.encode("utf-8", "surrogatepass")
        for m in matches:
            assert 0 <= m.start < m.end <= len(text)
            assert text[m.start:m.end] == m.text
            assert encoded[m.byte_start:m.byte_end].decode("utf-8", "surrogatepass") == m.text


@pytest.mark.parametrize("boundary", ["word", "none"])
def test_random_bytes_input_never_breaks_offsets(g, boundary):
    rng = random.Random(boundary)
    words = [b"Joly", b"US", "Straße".encode(), "東京".encode(), b" ", b"\xcc\x81"]
    for _ in range(3000):
        data = b"".join(
            rng.choice(words) if rng.random() < 0.5 else bytes([rng.randrange(256)])
            for _ in range(rng.randrange(0, 30))
        )
        for m in g.find(data, policy="all", boundary=boundary):
            assert 0 <= m.start < m.end <= len(data)
            assert m.text == onoma._onoma.decode_utf8(data[m.start:m.end])
