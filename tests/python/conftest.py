"""Shared fixtures of the Python package tests (run against the installed onoma package)."""

from __future__ import annotations

from pathlib import Path

import pytest

import onoma

REPO = Path(__file__).resolve().parents[2]

# Entities for the matching-contract tests: small, so each expectation is easy to read.
ENTITIES = [
    {"id": "istanbul", "label": "GPE", "name": "Istanbul"},
    {"id": "strasse", "label": "LOC", "name": "Strasse"},
    {"id": "united-states", "label": "GPE", "name": "United States",
     "aliases": ["US", "U.S.", "USA"]},
    {"id": "un", "label": "ORG", "name": "United Nations", "aliases": ["UN"]},
    {"id": "g7", "label": "ORG", "name": "Group of Seven", "aliases": ["G7"]},
    {"id": "ap", "label": "ORG", "name": "Associated Press", "aliases": ["AP"]},
    {"id": "covid", "label": "DISEASE", "name": "COVID-19"},
    {"id": "caricom", "label": "ORG", "name": "CARICOM"},
    {"id": "joly", "label": "PERSON", "name": "Mélanie Joly", "aliases": ["Joly"],
     "meta": {"wikidata": "Q3335000", "roles": ["minister"]}},
    {"id": "fiat", "label": "ORG", "name": "Fiat"},
    {"id": "tokyo", "label": "GPE", "name": "Tokyo", "aliases": ["東京"]},
    {"id": "luxembourg", "label": "GPE", "name": "Luxembourg"},
    {"id": "luxembourg-city", "label": "GPE", "name": "Luxembourg City",
     "aliases": ["Luxembourg"]},
    {"id": "new-york", "label": "GPE", "name": "New York"},
    {"id": "york", "label": "GPE", "name": "York"},
    {"id": "lodz", "label": "GPE", "name": "Łódź"},
    {"id": "cote-divoire", "label": "GPE", "name": "Côte d'Ivoire"},
    {"id": "smile", "label": "EMOJI", "name": "😀 smile"},
    {"id": "oresund", "label": "LOC", "name": "Øresund"},
    {"id": "aeroe", "label": "LOC", "name": "Ærø"},
    {"id": "sigma", "label": "WORD", "name": "ΣΟΦΙΑ"},
    {"id": "h2o", "label": "THING", "name": "H2O"},
    {"id": "nba", "label": "ORG", "name": "NBA", "aliases": [{"text": "nba", "case_sensitive": True}]},
    {"id": "who", "label": "ORG", "name": "World Health Organization",
     "aliases": [{"text": "WHO", "case_sensitive": True}]},
    {"id": "it", "label": "ORG", "name": "Information Technology",
     "aliases": [{"text": "IT", "case_sensitive": False}]},
]


@pytest.fixture(scope="session")
def g() -> onoma.Gazetteer:
    return onoma.Gazetteer.from_entities(ENTITIES)


@pytest.fixture(scope="session")
def default() -> onoma.Gazetteer:
    return onoma.Gazetteer.default()


def found(g: onoma.Gazetteer, text, **options) -> list[tuple]:
    """(surface, id) of each match, checking on the way that the offsets give the surface."""
    result = []
    for m in g.find(text, **options):
        if isinstance(text, str):
            assert text[m.start:m.end] == m.text
            assert text.encode("utf-8", "surrogatepass")[m.byte_start:m.byte_end].decode(
                "utf-8", "surrogatepass") == m.text
        else:
            assert (m.start, m.end) == (m.byte_start, m.byte_end)
        result.append((m.text, m.id))
    return result
