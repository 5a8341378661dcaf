"""Gazetteer (immutable, shared by any number of threads) and GazetteerBuilder."""

from __future__ import annotations

import json
import os
import sys
import threading
from collections.abc import Iterable, Iterator, Mapping
from typing import TYPE_CHECKING, Any, Union

from . import _onoma, _options
from ._errors import OnomaError
from ._onoma import Entity, Match

if TYPE_CHECKING:
    if sys.version_info >= (3, 11):
        from typing import Unpack
    else:
        from typing_extensions import Unpack

    from ._options import Boundary, Folding, Format, Index, Policy

__all__ = ["Gazetteer", "GazetteerBuilder"]

#: What the scans accept: a str (offsets are str indices) or a bytes-like object holding
#: UTF-8 (offsets are byte offsets; the buffer is not copied).
Text = Union[str, bytes, bytearray, memoryview]
StrPath = Union[str, bytes, "os.PathLike[str]", "os.PathLike[bytes]"]

_DEFAULT_GAZETTEER = os.path.join(os.path.dirname(__file__), "data", "gazetteer.jsonl")
_ENTITIES_SOURCE = "<entities>"


class Gazetteer:
    """A compiled, immutable set of entities to find in text.

    Create one with :meth:`from_file`, :meth:`from_entities`, :meth:`default`
    or :class:`GazetteerBuilder`. A gazetteer is safe to share between threads:
    every method may be called from any number of threads at once, and the
    scans release the GIL on long texts (:meth:`find`, :meth:`finditer`) and
    always in :meth:`find_batch`.

    ``len(g)`` is the number of entities, ``iter(g)`` yields them as
    :class:`onoma.Entity` in gazetteer order, ``id in g`` tells whether an
    entity has that id. Gazetteers pickle (and so travel to
    ``multiprocessing`` workers).
    """

    __slots__ = ("_handle", "__weakref__")
    _handle: _onoma.GazetteerHandle

    def __init__(self) -> None:
        raise TypeError(
            "create a Gazetteer with Gazetteer.from_file(), Gazetteer.from_entities(), "
            "Gazetteer.default() or GazetteerBuilder().build()"
        )

    @classmethod
    def _wrap(cls, handle: _onoma.GazetteerHandle) -> Gazetteer:
        g = object.__new__(cls)
        g._handle = handle
        return g

    # -- construction ------------------------------------------------------------------

    @classmethod
    def from_file(
        cls,
        path: StrPath,
        format: Format | None = None,
        index: Index = "bytes",
        **folding: Unpack[Folding],
    ) -> Gazetteer:
        """Loads a gazetteer file.

        ``format`` is ``"jsonl"``, ``"tsv"``, ``"spacy"``, or ``None``/``"auto"``
        to go by the file: ``.tsv``/``.tab`` is TSV, anything else JSON Lines, or
        spaCy patterns when the first record has ``"pattern"`` and no ``"name"``.
        Folding keyword arguments: see :class:`onoma.Folding`. Any defect
        rejects the whole file with :class:`OnomaError` naming file, line and
        reason; a file that cannot be read raises :class:`OnomaIOError` (also an
        ``OSError``). The GIL is released while the file loads.

        ``index="words"`` builds the word index, for gazetteers of millions of
        aliases: less memory (10 million multi-word aliases in under 1 GB),
        slower scans, ``boundary="word"`` only, and a symbol that folds to
        letters (™ → tm) is a word of its own, so an alias "AcmeTM" is not
        found in "Acme™" as it is with ``index="bytes"``.
        """
        handle = _onoma.GazetteerHandle.load(
            os.fsencode(path),
            _options.file_format(format),
            _options.fold_bits(**folding),
            _options.index(index),
        )
        return cls._wrap(handle)

    @classmethod
    def from_entities(
        cls,
        entities: Iterable[Mapping[str, Any]],
        index: Index = "bytes",
        **folding: Unpack[Folding],
    ) -> Gazetteer:
        """Builds a gazetteer from dicts with the fields of the JSON Lines format.

        ``{"id": ..., "label": ..., "name": ..., "aliases": [...], "meta": {...}}``:
        ``id``, ``label`` and ``name`` are required; an alias is a str or a dict
        ``{"text": ..., "case_sensitive": bool}``; ``meta`` is any JSON-able dict.
        All or nothing: a defect raises :class:`OnomaError` whose ``line`` is the
        1-based position of the entity in ``entities``. ``index``: see
        :meth:`from_file`.
        """
        builder = GazetteerBuilder(index, **folding)
        builder.add_entities(entities)
        return builder.build()

    _defaults: dict[int, Gazetteer] = {}
    _defaults_lock = threading.Lock()

    @classmethod
    def default(cls, **folding: Unpack[Folding]) -> Gazetteer:
        """The gazetteer bundled with onoma: countries (with native names),
        capitals, international organizations and people in the news.

        Loaded once per folding and then shared (a gazetteer is immutable).
        """
        bits = _options.fold_bits(**folding)
        with Gazetteer._defaults_lock:
            g = Gazetteer._defaults.get(bits)
            if g is None:
                g = Gazetteer.from_file(_DEFAULT_GAZETTEER, "jsonl", **folding)
                Gazetteer._defaults[bits] = g
        return g if cls is Gazetteer else cls._wrap(g._handle)

    # -- scanning ------------------------------------------------------------------------

    def find(self, text: Text, policy: Policy = "longest", boundary: Boundary = "word") -> list[Match]:
        """The matches in ``text``, in order, as a list of :class:`onoma.Match`.

        For a ``str``, ``start``/``end`` are indices into it (``text[m.start:m.end]``
        is the surface); for bytes-like input (UTF-8, scanned in place, not copied)
        they are byte offsets. ``byte_start``/``byte_end`` are always bytes.
        ``policy``: ``"longest"`` (leftmost-longest, non-overlapping) or ``"all"``
        (every match, overlapping, by start then end). ``boundary``: ``"word"``
        (an alias starting or ending with a letter or digit is not found inside
        a word) or ``"none"`` (substring matching). Any str or bytes is accepted:
        invalid UTF-8 bytes and lone surrogates read as U+FFFD, offsets stay exact.
        """
        return self._handle.find(
            text, _options.policy(policy), self._scan_boundary(boundary), _onoma.OFFSETS_BYTES
        )

    def finditer(
        self, text: Text, policy: Policy = "longest", boundary: Boundary = "word"
    ) -> Iterator[Match]:
        """An iterator over the matches :meth:`find` returns, equal to them and in order.

        The text is scanned lazily, a page at a time: memory stays bounded however
        many matches there are (even ``policy="all"`` over a long text), and the
        first matches come without scanning the rest. Arguments and offsets are
        those of :meth:`find`; a wrong type or option raises at once. The GIL is
        released while a page of a long text is scanned; a thread that advances
        the same iterator meanwhile gets ``ValueError`` (as with a generator).

        The iterator holds ``text`` until its last match has been taken (or it is
        dropped). A bytes-like ``text`` is scanned in place, not copied, and its
        buffer stays exported meanwhile, so a ``bytearray`` cannot be resized
        (``BufferError``); its contents must not change while iterating either,
        or the later matches are unspecified.
        """
        return self._handle.finditer(
            text, _options.policy(policy), self._scan_boundary(boundary), _onoma.OFFSETS_BYTES
        )

    def find_batch(
        self,
        texts: Iterable[Text],
        policy: Policy = "longest",
        boundary: Boundary = "word",
        threads: int | None = None,
    ) -> list[list[Match]]:
        """The matches of each text, as :meth:`find` gives them, in the order of ``texts``.

        The texts are scanned without the GIL by ``threads`` threads (default: the
        CPUs this process may use) that share this gazetteer; other Python threads
        run meanwhile. Texts may mix str and bytes-like objects.
        """
        if not isinstance(texts, (list, tuple)):
            texts = tuple(texts)
        return self._handle.find_batch(
            texts,
            _options.policy(policy),
            self._scan_boundary(boundary),
            _options.thread_count(threads),
        )

    # -- inspection ----------------------------------------------------------------------

    def __len__(self) -> int:
        """The number of entities."""
        return self._handle.entity_count

    def __iter__(self) -> Iterator[Entity]:
        """The entities, in gazetteer order."""
        handle = self._handle
        return (handle.entity(i) for i in range(handle.entity_count))

    def __contains__(self, id: object) -> bool:
        """Whether an entity has this id."""
        return self._handle.find_entity(id) is not None

    def entity(self, id: str) -> Entity:
        """The entity with this id; ``KeyError`` if there is none."""
        index = self._handle.find_entity(id)
        if index is None:
            raise KeyError(id)
        return self._handle.entity(index)

    def get(self, id: str, default: Any = None) -> Entity | Any:
        """The entity with this id, or ``default``."""
        index = self._handle.find_entity(id)
        return default if index is None else self._handle.entity(index)

    @property
    def labels(self) -> tuple[str, ...]:
        """The labels, in order of first appearance."""
        return self._handle.labels

    @property
    def alias_count(self) -> int:
        """The number of aliases, entity names included."""
        return self._handle.alias_count

    @property
    def fold(self) -> dict[str, bool]:
        """The folding parts this gazetteer was built with, by name (see :class:`onoma.Folding`)."""
        return _options.fold_parts(self._handle.fold)

    def _scan_boundary(self, boundary: object) -> int:
        value = _options.boundary(boundary)
        if value != _onoma.BOUNDARY_WORD and self._handle.index == _onoma.INDEX_WORDS:
            raise ValueError(
                'a gazetteer built with index="words" finds whole words only: boundary="word"'
            )
        return value

    @property
    def index(self) -> Index:
        """``"bytes"`` or ``"words"``: what it was built with (see :meth:`from_file`)."""
        return _options.index_name(self._handle.index)  # type: ignore[return-value]

    @property
    def memory_usage(self) -> int:
        """Bytes of memory the compiled gazetteer holds."""
        return self._handle.memory_usage

    def __repr__(self) -> str:
        return (
            f"<onoma.Gazetteer: {len(self)} entities, {self.alias_count} aliases, "
            f"labels {list(self.labels)}>"
        )

    # -- copying and pickling ------------------------------------------------------------

    def __reduce__(self) -> tuple[Any, ...]:
        # Until the library can serialize a compiled gazetteer, a pickle holds its entities
        # (as the C API reports them) and unpickling builds them again.
        return (_restore, (type(self), self._handle.state()))

    def __copy__(self) -> Gazetteer:
        return self  # immutable

    def __deepcopy__(self, memo: dict[int, Any]) -> Gazetteer:
        return self


def _restore(cls: type[Gazetteer], state: tuple[Any, ...]) -> Gazetteer:
    return cls._wrap(_onoma.GazetteerHandle.restore(state))


class GazetteerBuilder:
    """Collects entities from files and Python data, then compiles a :class:`Gazetteer`.

    ``GazetteerBuilder(index="bytes", **folding)`` takes the index (see
    :meth:`Gazetteer.from_file`) and the folding keyword arguments of
    :class:`onoma.Folding`. Every ``add_*`` call is all or nothing. An id seen
    again merges into the entity with that id when the label agrees (its name
    becomes an alias). The builder stays usable after :meth:`build`. Calls from
    several threads are serialized.
    """

    __slots__ = ("_handle",)

    def __init__(self, index: Index = "bytes", **folding: Unpack[Folding]) -> None:
        self._handle = _onoma.BuilderHandle(_options.fold_bits(**folding), _options.index(index))

    def add_file(self, path: StrPath, format: Format | None = None) -> None:
        """Adds every entity of a gazetteer file (see :meth:`Gazetteer.from_file`)."""
        self._handle.add_file(os.fsencode(path), _options.file_format(format))

    def add_entities(self, entities: Iterable[Mapping[str, Any]]) -> None:
        """Adds dicts with the fields of the JSON Lines format (see
        :meth:`Gazetteer.from_entities`); an error's ``line`` is the 1-based
        position of the entity."""
        lines = []
        for position, entity in enumerate(entities, 1):
            lines.append(_entity_line(entity, position))
        data = "\n".join(lines).encode("utf-8", "surrogatepass")
        self._handle.add_buffer(data, _onoma.FORMAT_JSONL, _ENTITIES_SOURCE)

    def add_entity(
        self,
        id: str,
        label: str,
        name: str,
        aliases: Iterable[str | Mapping[str, Any]] = (),
        meta: Mapping[str, Any] | None = None,
    ) -> None:
        """Adds one entity; ``aliases`` and ``meta`` as in :meth:`Gazetteer.from_entities`."""
        entity: dict[str, Any] = {"id": id, "label": label, "name": name}
        aliases = list(aliases)
        if aliases:
            entity["aliases"] = aliases
        if meta is not None:
            entity["meta"] = meta
        data = _entity_line(entity, 0).encode("utf-8", "surrogatepass")
        try:
            self._handle.add_buffer(data, _onoma.FORMAT_JSONL, None)
        except OnomaError as e:  # one entity: no line to speak of
            raise type(e)(e.reason, reason=e.reason, status=e.status) from None

    def add_alias(self, id: str, alias: str, case_sensitive: bool | None = None) -> None:
        """Adds an alias to the entity ``id`` (added before). ``case_sensitive``:
        True or False to say so, None for the default rule (an alias such as "US"
        or "U.S." is case-sensitive, others are not)."""
        if case_sensitive is None:
            flags = 0
        elif case_sensitive is True:
            flags = _onoma.ALIAS_CASE_SENSITIVE
        elif case_sensitive is False:
            flags = _onoma.ALIAS_CASE_INSENSITIVE
        else:
            raise TypeError(f"case_sensitive must be True, False or None, not {case_sensitive!r}")
        self._handle.add_alias(id, alias, flags)

    def build(self) -> Gazetteer:
        """Compiles what was added into a new immutable :class:`Gazetteer` (without the GIL)."""
        return Gazetteer._wrap(self._handle.build())


def _entity_line(entity: object, position: int) -> str:
    """One JSON Lines record for an entity dict; the library checks the fields."""

    def reject(reason: str) -> OnomaError:
        where = f"{_ENTITIES_SOURCE}:{position}: " if position else ""
        return OnomaError(where + reason, reason=reason, file=_ENTITIES_SOURCE if position else "",
                          line=position)

    if not isinstance(entity, Mapping):
        raise reject(f"an entity must be a dict, not {type(entity).__name__}")
    try:
        return json.dumps(dict(entity), ensure_ascii=False, allow_nan=False)
    except (TypeError, ValueError) as e:
        raise reject(f"entity is not JSON data: {e}") from None

