"""The matching contract (DESIGN.md §2) through Python: folding, case, boundaries, policies,
ambiguity — with str offsets checked against the surface each time (see conftest.found)."""

from __future__ import annotations

import pytest

import onoma
from conftest import ENTITIES, found


@pytest.mark.parametrize(
    "text, surface, entity",
    [
        # compatibility decomposition
        ("ﬁat", "ﬁat", "fiat"),
        ("Ｆｉａｔ", "Ｆｉａｔ", "fiat"),
        ("H²O", "H²O", "h2o"),
        # full case folding
        ("STRASSE", "STRASSE", "strasse"),
        ("Straße", "Straße", "strasse"),
        ("σοφια", "σοφια", "sigma"),
        ("ΣΟΦΊΑ", "ΣΟΦΊΑ", "sigma"),
        ("İSTANBUL", "İSTANBUL", "istanbul"),
        ("İstanbul", "İstanbul", "istanbul"),
        ("istanbul", "istanbul", "istanbul"),
        # marks and Latin letters read as accented
        ("Melanie Joly", "Melanie Joly", "joly"),
        ("Me\u0301lanie Joly", "Me\u0301lanie Joly", "joly"),
        ("MÉLANIE JOLY", "MÉLANIE JOLY", "joly"),
        ("Lodz", "Lodz", "lodz"),
        ("ŁÓDŹ", "ŁÓDŹ", "lodz"),
        ("L\u0301o\u0301dz\u0301", "L\u0301o\u0301dz\u0301", "lodz"),
        ("Oresund", "Oresund", "oresund"),
        ("Aero", "Aero", "aeroe"),
        # punctuation
        ("Cote d’Ivoire", "Cote d’Ivoire", "cote-divoire"),
        ("Covid\u201119", "Covid\u201119", "covid"),
        ("COVID\u221219", "COVID\u221219", "covid"),
        # white space
        ("Mélanie\u00a0Joly", "Mélanie\u00a0Joly", "joly"),
        ("Mélanie\n  Joly", "Mélanie\n  Joly", "joly"),
        ("Mélanie\u2009Joly", "Mélanie\u2009Joly", "joly"),
        # default-ignorables
        ("Jo\u00adly", "Jo\u00adly", "joly"),
        ("Jo\u200bly", "Jo\u200bly", "joly"),
        ("\ufeffJoly", "Joly", "joly"),
        ("Jo\u2060ly", "Jo\u2060ly", "joly"),
    ],
)
def test_default_folding(g, text, surface, entity):
    assert found(g, f"« {text} »") == [(surface, entity)]


def test_exact_folding_turns_everything_off():
    exact = onoma.Gazetteer.from_entities(ENTITIES, fold="exact")
    assert exact.fold == dict.fromkeys(exact.fold, False)
    assert found(exact, "Mélanie Joly") == [("Mélanie Joly", "joly")]
    for variant in ("Melanie Joly", "MÉLANIE JOLY", "Me\u0301lanie Joly", "Mélanie\u00a0Joly"):
        assert [m.id for m in exact.find(variant) if m.alias != "Joly"] == []


def test_folding_parts_are_options():
    no_case = onoma.Gazetteer.from_entities(ENTITIES, case=False)
    assert no_case.fold["case"] is False and no_case.fold["marks"] is True
    assert found(no_case, "Melanie Joly") == [("Melanie Joly", "joly")]
    assert found(no_case, "MELANIE JOLY") == []
    only_case = onoma.Gazetteer.from_entities(ENTITIES, fold="exact", case=True)
    assert found(only_case, "MÉLANIE JOLY") == [("MÉLANIE JOLY", "joly")]
    assert found(only_case, "MELANIE JOLY") == [("JOLY", "joly")]  # the alias "Joly"
    with pytest.raises(TypeError, match="unknown folding option"):
        onoma.Gazetteer.from_entities(ENTITIES, accents=False)
    with pytest.raises(ValueError, match="fold"):
        onoma.Gazetteer.from_entities(ENTITIES, fold="loose")


def test_expanded_characters_are_never_split(g):
    assert found(g, "Straße") == [("Straße", "strasse")]
    s = onoma.Gazetteer.from_entities([{"id": "s", "label": "X", "name": "s"}])
    assert found(s, "ß", boundary="none") == []
    assert found(s, "ßs", boundary="none") == [("s", "s")]


def test_trailing_marks_and_ignorables_come_along(g):
    assert found(g, "Joly\u0301 ") == [("Joly\u0301", "joly")]
    assert found(g, "Joly\u00ad.") == [("Joly\u00ad", "joly")]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("the US said", [("US", "united-states")]),
        ("one of us", []),
        ("the U.S. said", [("U.S.", "united-states")]),
        ("the u.s. said", []),
        ("the UN said", [("UN", "un")]),
        ("un peu", []),
        ("the G7 met", [("G7", "g7")]),
        ("the g7 met", []),
        ("AP reports", [("AP", "ap")]),
        ("ap reports", []),
        ("Covid-19 cases", [("Covid-19", "covid")]),
        ("Caricom states", [("Caricom", "caricom")]),
        # per-alias flags override the rule in both directions
        ("the nba and the NBA", [("nba", "nba"), ("NBA", "nba")]),
        ("the Nba", []),
        ("WHO said", [("WHO", "who")]),
        ("who said", []),
        ("the it crowd", [("it", "it")]),
        # a case-sensitive alias still folds everything else
        ("ＵＳ officials", [("ＵＳ", "united-states")]),
    ],
)
def test_case_rule(g, text, expected):
    assert found(g, text) == expected


def test_alias_case_details(g):
    details = {a.text: a for a in g.entity("united-states").alias_details}
    assert details["US"].case_sensitive and details["US"].case_sensitive_flag is None
    assert not details["United States"].case_sensitive
    who = {a.text: a for a in g.entity("who").alias_details}["WHO"]
    assert who.case_sensitive and who.case_sensitive_flag is True
    it = {a.text: a for a in g.entity("it").alias_details}["IT"]
    assert not it.case_sensitive and it.case_sensitive_flag is False


@pytest.mark.parametrize(
    "text, expected",
    [
        ("USA", [("USA", "united-states")]),
        ("BUS", []),
        ("USB", []),
        ("the U.S. economy", [("U.S.", "united-states")]),
        ("Joly’s book", [("Joly", "joly")]),
        ("Jolyne", []),
        ("_Joly", []),
        ("Joly2", []),
        ("(Joly)", [("Joly", "joly")]),
        ("東京都", []),  # 東京 ends with a letter, and 都 is one too: use boundary="none"
    ],
)
def test_word_boundaries(g, text, expected):
    assert found(g, text) == expected


def test_no_boundary_is_substring_matching(g):
    assert found(g, "BUS", boundary="none") == [("US", "united-states")]
    assert found(g, "東京都", boundary="none") == [("東京", "tokyo")]
    assert found(g, "Jolyne", boundary="none") == [("Joly", "joly")]


def test_policies(g):
    text = "in New York today"
    assert found(g, text) == [("New York", "new-york")]
    assert found(g, text, policy="all") == [("New York", "new-york"), ("York", "york")]
    text = "Luxembourg City"
    assert found(g, text) == [("Luxembourg City", "luxembourg-city")]
    assert [(m.start, m.end, m.id) for m in g.find(text, policy="all")] == [
        (0, 10, "luxembourg"), (0, 10, "luxembourg-city"), (0, 15, "luxembourg-city")]
    with pytest.raises(ValueError, match="policy"):
        g.find(text, policy="first")
    with pytest.raises(ValueError, match="boundary"):
        g.find(text, boundary="line")


def test_ambiguity_gives_one_match_per_entity(g):
    matches = g.find("to Luxembourg.")
    assert [(m.text, m.id, m.ambiguous) for m in matches] == [
        ("Luxembourg", "luxembourg", True), ("Luxembourg", "luxembourg-city", True)]
    assert all((m.start, m.end) == (3, 13) for m in matches)
    assert not g.find("in Tokyo")[0].ambiguous


def test_match_fields(g):
    text = "💬 MÉLANIE\u00a0JOLY arrives"
    [m] = g.find(text)
    assert (m.start, m.end) == (2, 14)
    assert m.span == (2, 14)
    assert (m.byte_start, m.byte_end) == (5, len(text[:14].encode()))
    assert m.text == "MÉLANIE\u00a0JOLY"
    assert (m.id, m.label, m.name, m.alias) == ("joly", "PERSON", "Mélanie Joly", "Mélanie Joly")
    assert m.meta == {"wikidata": "Q3335000", "roles": ["minister"]}
    assert m.meta is m.meta  # parsed once
    assert m.ambiguous is False
    assert m.entity == g.entity("joly")
    assert m.to_dict() == {"start": 2, "end": 14, "byte_start": 5, "byte_end": m.byte_end,
                           "text": m.text, "id": "joly", "label": "PERSON",
                           "name": "Mélanie Joly", "alias": "Mélanie Joly", "ambiguous": False}
    assert "MÉLANIE" in repr(m) and "joly" in repr(m)
    assert g.find("Tokyo")[0].meta == {}
    assert g.find(text) == g.find(text)
    assert len({*g.find(text), *g.find(text)}) == 1
    with pytest.raises(AttributeError):
        m.start = 3


def test_finditer(g):
    text = "Joly in Tokyo and New York"
    it = g.finditer(text)
    assert iter(it) is it
    assert list(it) == g.find(text)


def test_bytes_input_gives_byte_offsets(g):
    text = "Mélanie Joly in 東京"
    data = text.encode()
    for source in (data, bytearray(data), memoryview(data)):
        matches = g.find(source)
        assert [(m.start, m.end, m.text, m.id) for m in matches] == [
            (0, 13, "Mélanie Joly", "joly"), (17, 23, "東京", "tokyo")]
        assert all((m.start, m.end) == (m.byte_start, m.byte_end) for m in matches)
        assert [m.text for m in matches] == [data[m.start:m.end].decode() for m in matches]


def test_default_gazetteer(default):
    assert len(default) > 100
    assert {"GPE", "ORG", "PERSON"} <= set(default.labels)
    text = "MELANIE JOLY met U.S. officials; one of us was late."
    assert [(m.text, m.id) for m in default.find(text)] == [
        ("MELANIE JOLY", "melanie-joly"), ("U.S.", "united-states")]
    assert onoma.Gazetteer.default() is default
