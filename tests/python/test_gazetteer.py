"""Building, loading, inspecting, copying and pickling gazetteers; errors with file, line and
reason."""

from __future__ import annotations

import copy
import json
import pickle

import pytest

import onoma
from conftest import ENTITIES, REPO


def write(path, text: str):
    path.write_text(text, encoding="utf-8")
    return path


def test_from_file_formats(tmp_path):
    jsonl = write(tmp_path / "g.jsonl", "\n".join(json.dumps(e, ensure_ascii=False) for e in ENTITIES))
    tsv = write(tmp_path / "g.tsv", "id\tlabel\tname\taliases\n# comment\n"
                "joly\tPERSON\tMélanie Joly\tJoly|MJ\nottawa\tGPE\tOttawa\n")
    spacy = write(tmp_path / "patterns.jsonl",
                  '{"label": "GPE", "pattern": "Ottawa", "id": "ottawa"}\n'
                  '{"label": "GPE", "pattern": "Bytown", "id": "ottawa"}\n'
                  '{"label": "ORG", "pattern": "NATO"}\n')
    g = onoma.Gazetteer.from_file(jsonl)
    assert len(g) == len(ENTITIES)
    assert onoma.Gazetteer.from_file(str(jsonl), "jsonl").labels == g.labels
    assert onoma.Gazetteer.from_file(bytes(jsonl), format="auto").alias_count == g.alias_count
    t = onoma.Gazetteer.from_file(tsv)
    assert [e.id for e in t] == ["joly", "ottawa"]
    assert t.entity("joly").aliases == ("Joly", "MJ")
    assert [m.id for m in t.find("MJ and MELANIE JOLY in OTTAWA")] == ["joly", "joly", "ottawa"]
    s = onoma.Gazetteer.from_file(spacy)
    assert [(e.id, e.label, e.name, e.aliases) for e in s] == [
        ("ottawa", "GPE", "Ottawa", ("Bytown",)), ("NATO", "ORG", "NATO", ())]
    # Format given explicitly: the TSV file read as JSON Lines fails on its first line.
    with pytest.raises(onoma.OnomaError) as e:
        onoma.Gazetteer.from_file(tsv, format="jsonl")
    assert e.value.line == 1
    with pytest.raises(ValueError, match="format"):
        onoma.Gazetteer.from_file(tsv, format="csv")


def test_bad_gazetteer_file_names_file_line_and_reason(tmp_path):
    path = write(tmp_path / "bad.jsonl",
                 '{"id": "a", "label": "X", "name": "A"}\n'
                 '\n'
                 '{"id": "b", "label": "X", "name": "B", "colour": "red"}\n')
    with pytest.raises(onoma.OnomaError) as e:
        onoma.Gazetteer.from_file(path)
    err = e.value
    assert isinstance(err, ValueError)
    assert not isinstance(err, OSError)
    assert (err.file, err.line, err.status) == (str(path), 3, "invalid_input")
    assert "colour" in err.reason
    assert str(err) == f"{path}:3: {err.reason}"
    assert pickle.loads(pickle.dumps(err)).line == 3


@pytest.mark.parametrize(
    "line, reason",
    [
        ('{"id": "a", "label": "X"', "JSON"),
        ('{"id": "a", "label": "X"}', "name"),
        ('{"id": "a", "label": "X", "name": "A", "aliases": "A"}', "aliases"),
        ('{"id": "a", "label": "X", "name": "A", "meta": []}', "meta"),
        ('{"id": "a", "label": "X", "name": "A", "aliases": [{"text": "B", "case_sensitive": 1}]}',
         "case_sensitive"),
        ('{"id": "a", "label": "X", "name": "\u00ad"}', "folds to nothing"),
        ('{"id": "a", "label": "Y", "name": "A2"}', "label"),
    ],
)
def test_every_defect_is_reported_at_its_line(tmp_path, line, reason):
    path = write(tmp_path / "g.jsonl", '{"id": "a", "label": "X", "name": "A"}\n' + line + "\n")
    with pytest.raises(onoma.OnomaError) as e:
        onoma.Gazetteer.from_file(path)
    assert e.value.line == 2
    assert reason in e.value.reason


def test_invalid_utf8_in_a_gazetteer_file(tmp_path):
    path = tmp_path / "g.jsonl"
    path.write_bytes(b'{"id": "a", "label": "X", "name": "A\xff"}\n')
    with pytest.raises(onoma.OnomaError) as e:
        onoma.Gazetteer.from_file(path)
    assert e.value.line == 1 and "UTF-8" in e.value.reason


def test_unreadable_file_is_an_io_error(tmp_path):
    missing = tmp_path / "missing.jsonl"
    with pytest.raises(onoma.OnomaIOError) as e:
        onoma.Gazetteer.from_file(missing)
    err = e.value
    assert isinstance(err, onoma.OnomaError) and isinstance(err, OSError)
    assert err.file == err.filename == str(missing)
    assert err.status == "io" and err.line == 0
    assert "No such file" in str(err)
    with pytest.raises(OSError):
        onoma.Gazetteer.from_file(tmp_path)  # a directory
    with pytest.raises(ValueError, match="null"):
        onoma.Gazetteer.from_file("a\0b")


def test_from_entities_errors_name_the_position():
    good = {"id": "a", "label": "X", "name": "A"}
    cases = [
        ({"id": "b", "label": "X"}, "name"),
        ({"id": "b", "label": "X", "name": "B", "extra": 1}, "extra"),
        ({"id": "b", "label": "X", "name": ""}, "name"),
        ({"id": "a", "label": "Y", "name": "A"}, "label"),
        ({"id": "b", "label": "X", "name": "B", "meta": {"s": {1, 2}}}, "JSON"),
        ({"id": "b", "label": "X", "name": "B", "meta": {"x": float("nan")}}, "JSON"),
        ({"id": "b", "label": "X", "name": "B\udc80"}, "UTF-8"),
        ("b", "dict"),
    ]
    for bad, reason in cases:
        with pytest.raises(onoma.OnomaError) as e:
            onoma.Gazetteer.from_entities([good, good, bad, good])
        assert (e.value.file, e.value.line) == ("<entities>", 3), bad
        assert reason in e.value.reason, (bad, e.value.reason)
        assert str(e.value).startswith("<entities>:3: ")


def test_from_entities_accepts_any_iterable_and_the_jsonl_fields():
    def entities():
        yield {"id": "x", "label": "L", "name": "Ex", "aliases": ("Ecks", {"text": "XX", "case_sensitive": False})}
        yield {"id": "x", "label": "L", "name": "Ix"}  # same id: merges
    g = onoma.Gazetteer.from_entities(entities())
    [x] = list(g)
    assert x.aliases == ("Ecks", "XX", "Ix")
    assert [m.text for m in g.find("ex, ix, xx")] == ["ex", "ix", "xx"]
    assert len(onoma.Gazetteer.from_entities([])) == 0


def test_inspection(g):
    assert len(g) == len(ENTITIES)
    assert g.labels == ("GPE", "LOC", "ORG", "DISEASE", "PERSON", "EMOJI", "WORD", "THING")
    assert g.alias_count == sum(1 + len(e.get("aliases", [])) for e in ENTITIES)
    assert g.memory_usage > 0
    assert g.fold == {"canonical": True, "compatibility": True, "case": True, "marks": True,
                      "punctuation": True, "white_space": True, "ignorables": True}
    assert [e.id for e in g] == [e["id"] for e in ENTITIES]
    joly = g.entity("joly")
    assert (joly.id, joly.label, joly.name, joly.aliases) == ("joly", "PERSON", "Mélanie Joly", ("Joly",))
    assert joly.meta == {"wikidata": "Q3335000", "roles": ["minister"]}
    assert joly.index == 8 and list(g)[8] == joly
    assert joly.to_dict() == ENTITIES[8]
    assert "joly" in g and "nobody" not in g and 42 not in g and "\udc80" not in g
    with pytest.raises(KeyError):
        g.entity("nobody")
    assert g.get("nobody") is None and g.get("joly") == joly
    assert "25 entities" in repr(g)
    assert "Mélanie Joly" in repr(joly)


def test_entities_round_trip_through_to_dict(g):
    again = onoma.Gazetteer.from_entities(e.to_dict() for e in g)
    assert [e.to_dict() for e in again] == [e.to_dict() for e in g]
    text = "MÉLANIE JOLY, the WHO and the US in Luxembourg"
    assert [(m.span, m.id) for m in again.find(text)] == [(m.span, m.id) for m in g.find(text)]


def test_builder(tmp_path):
    path = write(tmp_path / "g.tsv", "ottawa\tGPE\tOttawa\n")
    b = onoma.GazetteerBuilder(marks=False)
    b.add_file(path)
    b.add_entities(ENTITIES[:3])
    b.add_entity("nato", "ORG", "North Atlantic Treaty Organization", aliases=["NATO", {"text": "otan", "case_sensitive": True}],
                 meta={"founded": 1949})
    b.add_alias("ottawa", "Bytown")
    b.add_alias("nato", "Alliance", case_sensitive=True)
    with pytest.raises(onoma.OnomaError) as e:
        b.add_alias("nobody", "X")
    assert "nobody" in e.value.reason and e.value.line == 0
    with pytest.raises(onoma.OnomaError) as e:
        b.add_entity("nato", "GPE", "NATO")
    assert str(e.value) == e.value.reason and e.value.line == 0
    with pytest.raises(TypeError):
        b.add_alias("nato", "NATO", case_sensitive="yes")
    g = b.build()
    assert [e.id for e in g] == ["ottawa", "istanbul", "strasse", "united-states", "nato"]
    assert g.fold["marks"] is False
    assert g.entity("nato").meta == {"founded": 1949}
    assert [m.id for m in g.find("Bytown, NATO, the Alliance, the alliance, OTAN, otan")] == [
        "ottawa", "nato", "nato", "nato"]
    b.add_alias("ottawa", "Ottawa City")
    assert len(b.build().entity("ottawa").aliases) == 2  # the builder stays usable
    assert len(g.entity("ottawa").aliases) == 1          # built gazetteers do not change


def test_pickle_and_copy_round_trip(g, tmp_path):
    exact = onoma.Gazetteer.from_entities(ENTITIES, fold="exact", punctuation=True)
    text = "Mélanie Joly, MÉLANIE JOLY, Côte d’Ivoire, the WHO and the US in Luxembourg"
    for original in (g, exact, onoma.Gazetteer.default()):
        clone = pickle.loads(pickle.dumps(original))
        assert type(clone) is onoma.Gazetteer
        assert clone.fold == original.fold
        assert len(clone) == len(original) and clone.alias_count == original.alias_count
        assert clone.labels == original.labels
        assert [e.to_dict() for e in clone] == [e.to_dict() for e in original]
        assert [[(a.text, a.case_sensitive, a.case_sensitive_flag) for a in e.alias_details] for e in clone] == [
            [(a.text, a.case_sensitive, a.case_sensitive_flag) for a in e.alias_details] for e in original]
        assert [(m.span, m.id, m.alias, m.ambiguous) for m in clone.find(text)] == [
            (m.span, m.id, m.alias, m.ambiguous) for m in original.find(text)]
    assert copy.copy(g) is g and copy.deepcopy(g) is g


def test_word_index_finds_what_the_byte_index_finds(tmp_path):
    words = onoma.Gazetteer.from_entities(ENTITIES, index="words")
    assert words.index == "words" and onoma.Gazetteer.from_entities(ENTITIES).index == "bytes"
    text = "Mélanie Joly, MÉLANIE\nJOLY, Côte d’Ivoire, the WHO and the US in Luxembourg"
    expected = [(m.span, m.id, m.alias) for m in onoma.Gazetteer.from_entities(ENTITIES).find(text)]
    assert expected and [(m.span, m.id, m.alias) for m in words.find(text)] == expected
    path = write(tmp_path / "g.jsonl", "\n".join(json.dumps(e) for e in ENTITIES) + "\n")
    loaded = onoma.Gazetteer.from_file(path, index="words")
    assert loaded.index == "words"
    assert [(m.span, m.id, m.alias) for m in loaded.find(text)] == expected
    clone = pickle.loads(pickle.dumps(words))
    assert clone.index == "words"
    assert [(m.span, m.id, m.alias) for m in clone.find(text)] == expected
    for scan in (words.find, words.finditer, lambda t, boundary: words.find_batch([t], boundary=boundary)):
        with pytest.raises(ValueError, match="whole words only"):
            scan(text, boundary="none")
    with pytest.raises(ValueError):
        onoma.GazetteerBuilder(index="trie")


def test_metadata_is_kept_verbatim_through_pickle():
    b = onoma.GazetteerBuilder()
    b.add_entity("a", "X", "Alpha", meta={"nested": {"list": [1, 2.5, None, True, "ü"]}})
    g = b.build()
    assert pickle.loads(pickle.dumps(g)).entity("a").meta == {"nested": {"list": [1, 2.5, None, True, "ü"]}}


def test_gazetteer_cannot_be_made_directly():
    with pytest.raises(TypeError, match="from_file"):
        onoma.Gazetteer()


def test_default_gazetteer_ships_in_the_package():
    from pathlib import Path

    data = Path(onoma.__file__).parent / "data" / "gazetteer.jsonl"
    assert data.read_bytes() == (REPO / "data" / "gazetteer.jsonl").read_bytes()
    exact = onoma.Gazetteer.default(fold="exact")
    assert exact is not onoma.Gazetteer.default() and not any(exact.fold.values())
