"""Low-level binding of the onoma C API (onoma.h); use the onoma package instead."""

from typing import Any, Iterator, Sequence, Union

_Text = Union[str, bytes, bytearray, memoryview]

HEADER_VERSION_NUMBER: int
"""ONOMA_VERSION_NUMBER of the header the extension was compiled with."""

FOLD_CANONICAL: int
FOLD_COMPATIBILITY: int
FOLD_CASE: int
FOLD_MARKS: int
FOLD_PUNCTUATION: int
FOLD_WHITE_SPACE: int
FOLD_IGNORABLES: int
FOLD_DEFAULT: int
FOLD_EXACT: int
INDEX_BYTES: int
INDEX_WORDS: int
FORMAT_AUTO: int
FORMAT_JSONL: int
FORMAT_TSV: int
FORMAT_SPACY: int
ALIAS_CASE_SENSITIVE: int
ALIAS_CASE_INSENSITIVE: int
POLICY_LONGEST: int
POLICY_ALL: int
BOUNDARY_WORD: int
BOUNDARY_NONE: int
OFFSETS_BYTES: int
OFFSETS_CODE_POINTS: int
OFFSETS_UTF16: int

def version_number() -> int:
    """The version of the libonoma actually loaded, as MAJOR * 10000 + MINOR * 100 + PATCH."""

def version_string() -> str:
    """The loaded libonoma's version, 'X.Y.Z'."""

def unicode_version() -> str:
    """The Unicode version of the character data that folding uses."""

def decode_utf8(data: bytes) -> str:
    """Decodes UTF-8 as the library reads it: each invalid byte becomes one U+FFFD."""

class Match:
    """One mention of an entity in a text: where it is, what it says, and which entity and
    alias it matched. Created by the scans; read-only."""

    @property
    def start(self) -> int:
        """Start of the match: an index into the str scanned (so text[start:end] is the
        surface), or a byte offset for bytes-like input."""
    @property
    def end(self) -> int:
        """End of the match (exclusive), in the same unit as start."""
    @property
    def byte_start(self) -> int:
        """Start of the match in bytes: into the UTF-8 form of a str, or into the buffer."""
    @property
    def byte_end(self) -> int:
        """End of the match in bytes (exclusive)."""
    @property
    def text(self) -> str:
        """The surface: the matched part of the original text, as a str. For bytes-like
        input, invalid UTF-8 bytes read as U+FFFD, one per byte."""
    @property
    def id(self) -> str:
        """The id of the entity matched."""
    @property
    def label(self) -> str:
        """The label of the entity matched, e.g. 'GPE' or 'PERSON'."""
    @property
    def name(self) -> str:
        """The canonical name of the entity matched."""
    @property
    def alias(self) -> str:
        """The alias that matched, as written in the gazetteer (the name is an alias too)."""
    @property
    def meta(self) -> dict[str, Any]:
        """The entity's metadata as a dict (parsed from its JSON on first access; empty when
        the entity has none). The same dict is returned on every access of this match."""
    @property
    def ambiguous(self) -> bool:
        """True when other entities share exactly this span; each of them gets its own
        match."""
    @property
    def entity(self) -> Entity:
        """The matched entity as an onoma.Entity."""
    @property
    def span(self) -> tuple[int, int]:
        """(start, end), as re.Match.span() gives."""
    def to_dict(self) -> dict[str, Any]:
        """The match as a plain dict (every field but meta and entity), e.g. for json.dumps."""
    def __eq__(self, other: object) -> bool:
        """Matches are equal when they come from the same gazetteer with the same offsets,
        entity, alias and ambiguity."""
    def __hash__(self) -> int: ...

class MatchIterator(Iterator[Match]):
    """An iterator over the matches of one text, as Gazetteer.finditer() returns it: the
    text is scanned a page of matches at a time, so memory stays bounded however many
    matches it holds. It keeps the text (and the buffer of bytes-like input) until the last
    match has been taken."""

    def __iter__(self) -> MatchIterator: ...
    def __next__(self) -> Match: ...

class Alias:
    """One alias of an entity, with its case rule. Read-only."""

    @property
    def text(self) -> str:
        """The alias as written in the gazetteer."""
    @property
    def case_sensitive(self) -> bool:
        """Whether the alias matches only with its own case, after the default rule (an
        alias such as 'US' or 'U.S.' is case-sensitive unless it says otherwise)."""
    @property
    def case_sensitive_flag(self) -> bool | None:
        """The alias's case_sensitive field as given: True, False, or None when not given."""
    def __eq__(self, other: object) -> bool: ...
    def __hash__(self) -> int: ...

class Entity:
    """One entity of a gazetteer: id, label, canonical name, aliases and metadata.
    Read-only; it keeps its gazetteer alive."""

    @property
    def index(self) -> int:
        """The entity's number in its gazetteer (0-based)."""
    @property
    def id(self) -> str:
        """The entity's id."""
    @property
    def label(self) -> str:
        """The entity's label, e.g. 'GPE'."""
    @property
    def name(self) -> str:
        """The canonical name (also matched)."""
    @property
    def aliases(self) -> tuple[str, ...]:
        """The aliases besides the name, in gazetteer order, as a tuple of str (duplicates
        that fold alike are kept once)."""
    @property
    def alias_details(self) -> tuple[Alias, ...]:
        """Every alias including the name (first), as onoma.Alias objects with their case
        rule."""
    @property
    def meta(self) -> dict[str, Any]:
        """The metadata as a new dict (parsed from its JSON; empty when there is none)."""
    def to_dict(self) -> dict[str, Any]:
        """The entity in the JSON Lines form (id, label, name, aliases, meta):
        Gazetteer.from_entities(e.to_dict() for e in g) rebuilds the gazetteer."""
    def __eq__(self, other: object) -> bool:
        """Entities are equal when they are the same entity of the same gazetteer."""
    def __hash__(self) -> int: ...

class GazetteerHandle:
    """An immutable compiled gazetteer (onoma_gazetteer). Low-level: use onoma.Gazetteer."""

    @staticmethod
    def load(path: bytes, format: int, fold: int, index: int) -> GazetteerHandle:
        """Loads a gazetteer file (path as bytes) with ONOMA_FORMAT_*, ONOMA_FOLD_* bits and
        ONOMA_INDEX_*; the GIL is released while it loads."""
    @staticmethod
    def restore(state: tuple[Any, ...]) -> GazetteerHandle:
        """Rebuilds a gazetteer from the tuple state() returned."""
    def state(self) -> tuple[Any, ...]:
        """A tuple of plain Python values from which restore() rebuilds this gazetteer."""
    @property
    def entity_count(self) -> int:
        """Number of entities."""
    @property
    def alias_count(self) -> int:
        """Number of aliases, names included."""
    @property
    def labels(self) -> tuple[str, ...]:
        """The labels, in order of first appearance."""
    @property
    def fold(self) -> int:
        """The ONOMA_FOLD_* bits the gazetteer was built with."""
    @property
    def index(self) -> int:
        """The ONOMA_INDEX_* value the gazetteer was built with."""
    @property
    def memory_usage(self) -> int:
        """Bytes of memory the gazetteer holds."""
    def find_entity(self, id: object) -> int | None:
        """The number of the entity with this id, or None."""
    def entity(self, index: int) -> Entity:
        """The entity with this number, as an onoma.Entity."""
    def find(self, text: _Text, policy: int, boundary: int, offsets: int) -> list[Match]:
        """Matches of one str or buffer, as a list of Match."""
    def finditer(self, text: _Text, policy: int, boundary: int, offsets: int) -> MatchIterator:
        """The matches find() gives, as a MatchIterator that scans the text a page at a time
        (onoma_scan_page), so memory stays bounded however many matches there are."""
    def find_batch(
        self, texts: Sequence[_Text], policy: int, boundary: int, threads: int
    ) -> list[list[Match]]:
        """Matches of many texts, scanned by several threads without the GIL, as a list of
        lists of Match."""

class BuilderHandle:
    """A gazetteer under construction (onoma_builder). Low-level: use onoma.GazetteerBuilder."""

    def __init__(self, fold: int, index: int) -> None:
        """A new empty builder with ONOMA_FOLD_* bits and an ONOMA_INDEX_* value."""
    def add_entity(self, id: str, label: str, name: str, meta: str | None) -> None:
        """onoma_builder_add_entity; meta is JSON text or None."""
    def add_alias(self, id: str, alias: str, flags: int) -> None:
        """onoma_builder_add_alias with ONOMA_ALIAS_* flags."""
    def add_file(self, path: bytes, format: int) -> None:
        """onoma_builder_add_file (path as bytes); the GIL is released."""
    def add_buffer(self, data: bytes, format: int, name: str | None) -> None:
        """onoma_builder_add_buffer; the GIL is released."""
    def build(self) -> GazetteerHandle:
        """onoma_builder_build: a new GazetteerHandle; the GIL is released."""
