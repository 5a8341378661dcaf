"""``python -m onoma``: the command line, with the arguments, output and exit statuses of the
C ``onoma`` command.

``extract`` writes one JSON line per match (doc, start, end, text, id, label, name, alias, and
``"ambiguous": true`` when several entities share the span), byte for byte as ``onoma
extract`` does; ``info`` describes a gazetteer with the same "key: value" lines as ``onoma
info``. Exit status: 0 success; 1 a document could not be read (the others are still
processed) or standard output went away; 2 usage error or unusable gazetteer.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from typing import TYPE_CHECKING, Any, BinaryIO

from . import _onoma, _options
from ._errors import OnomaError
from ._gazetteer import _DEFAULT_GAZETTEER, Gazetteer, GazetteerBuilder

if TYPE_CHECKING:
    from ._options import FoldBase, Format, Index

EXIT_SUCCESS = 0
EXIT_INCOMPLETE = 1
EXIT_USAGE = 2

_OFFSETS = {
    "bytes": _onoma.OFFSETS_BYTES,
    "chars": _onoma.OFFSETS_CODE_POINTS,
    "utf16": _onoma.OFFSETS_UTF16,
}
_STDIN = "-"
# What an invalid UTF-8 byte becomes when read with "surrogateescape"; the C command writes
# each such byte as the JSON escape \ufffd.
_INVALID_BYTE = re.compile("[\udc80-\udcff]")


class _Failure(Exception):
    """A message for standard error and an exit status."""

    def __init__(self, message: str, status: int) -> None:
        super().__init__(message)
        self.status = status


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="python -m onoma",
        description="Finds the mentions of known entities in text.",
    )
    parser.add_argument("--version", action="version",
                        version=f"onoma {_onoma.version_string()} (Unicode {_onoma.unicode_version()})")
    commands = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    def gazetteer_options(p: argparse.ArgumentParser) -> None:
        p.add_argument("--gazetteer-format", choices=["auto", "jsonl", "tsv", "spacy"],
                       default="auto", metavar="FORMAT",
                       help="auto (default: by extension and content), jsonl, tsv, spacy")
        p.add_argument("--fold", choices=["default", "exact"], default="default", metavar="MODE",
                       help="default (case, accents, width, punctuation, spacing) or exact")
        p.add_argument("--index", choices=["bytes", "words"], default="bytes", metavar="INDEX",
                       help="bytes (default) or words: for gazetteers of millions of aliases, "
                       "less memory and slower scans; --boundary word only")

    extract = commands.add_parser(
        "extract",
        help="write one JSON line per match in each FILE",
        description="Scans each FILE (standard input when there is none, or for '-') and "
        "writes one JSON line per match.",
    )
    extract.add_argument("--gazetteer", action="append", default=[], metavar="FILE",
                         help="gazetteer file; repeat to combine several (default: the "
                         "bundled gazetteer)")
    gazetteer_options(extract)
    extract.add_argument("--policy", choices=["longest", "all"], default="longest",
                         help="longest (default: leftmost-longest, no overlaps) or all")
    extract.add_argument("--boundary", choices=["word", "none"], default="word",
                         help="word (default: whole words) or none (substrings)")
    extract.add_argument("--offsets", choices=list(_OFFSETS), default="bytes",
                         help="unit of start and end: bytes (default), chars (code points) "
                         "or utf16")
    extract.add_argument("documents", nargs="*", metavar="FILE")

    info = commands.add_parser("info", help="describe a gazetteer (default: the bundled one)")
    gazetteer_options(info)
    info.add_argument("gazetteers", nargs="*", metavar="GAZETTEER")
    return parser


def _gazetteer(files: list[str], file_format: Format, fold: FoldBase, index: Index) -> Gazetteer:
    try:
        if not files and index == "bytes":
            return Gazetteer.default(fold=fold)
        builder = GazetteerBuilder(index, fold=fold)
        files = files or [_DEFAULT_GAZETTEER]
        for path in files:
            builder.add_file(path, file_format)
        return builder.build()
    except OnomaError as e:
        raise _Failure(str(e), EXIT_USAGE) from None


def _error(message: str) -> None:
    """``onoma: message`` on standard error, file names in it byte for byte as given."""
    sys.stderr.flush()
    sys.stderr.buffer.write(f"onoma: {message}\n".encode("utf-8", "surrogateescape"))
    sys.stderr.flush()


def _json_line(record: dict[str, Any]) -> str:
    """The JSON of the C command: its separators, non-ASCII as is, invalid bytes as \\ufffd."""
    return _INVALID_BYTE.sub(r"\\ufffd", json.dumps(record, ensure_ascii=False))


def _read(name: str) -> bytes:
    if name == _STDIN:
        return sys.stdin.buffer.read()
    with open(name, "rb") as f:
        return f.read()


def _write_matches(out: BinaryIO, g: Gazetteer, doc: str, data: bytes, args: argparse.Namespace) -> None:
    matches = g._handle.find(
        data, _options.policy(args.policy), _options.boundary(args.boundary),
        _OFFSETS[args.offsets],
    )
    lines = []
    for m in matches:
        record: dict[str, Any] = {
            "doc": doc,
            "start": m.start,
            "end": m.end,
            "text": data[m.byte_start:m.byte_end].decode("utf-8", "surrogateescape"),
            "id": m.id,
            "label": m.label,
            "name": m.name,
            "alias": m.alias,
        }
        if m.ambiguous:
            record["ambiguous"] = True
        lines.append(_json_line(record))
    if lines:
        lines.append("")
        out.write("\n".join(lines).encode("utf-8"))


def _extract(args: argparse.Namespace) -> int:
    if args.index == "words" and args.boundary != "word":
        raise _Failure("--index words finds whole words only: it cannot go with --boundary none",
                       EXIT_USAGE)
    g = _gazetteer(args.gazetteer, args.gazetteer_format, args.fold, args.index)
    out = sys.stdout.buffer
    status = EXIT_SUCCESS
    for name in args.documents or [_STDIN]:
        try:
            data = _read(name)
        except OSError as e:
            out.flush()  # the matches of the documents before come first
            _error(f"{name}: {e.strerror or e}")
            status = EXIT_INCOMPLETE
            continue
        _write_matches(out, g, name, data, args)
    out.flush()
    return status


def _memory_figure(size: int) -> str:
    figure = f"{size} bytes"
    scaled, unit = float(size), None
    for next_unit in ("KiB", "MiB", "GiB", "TiB"):
        if scaled < 1024:
            break
        scaled /= 1024
        unit = next_unit
    return figure if unit is None else f"{figure} ({scaled:.1f} {unit})"


def _info(args: argparse.Namespace) -> int:
    g = _gazetteer(args.gazetteers, args.gazetteer_format, args.fold, args.index)
    per_label = dict.fromkeys(g.labels, 0)
    for entity in g:
        per_label[entity.label] += 1
    fold = ", ".join(name.replace("_", "-") for name, on in g.fold.items() if on)
    lines = [f"gazetteer: {path}" for path in (args.gazetteers or [_DEFAULT_GAZETTEER])]
    lines += [
        f"entities: {len(g)}",
        f"aliases: {g.alias_count}",
        f"labels: {len(per_label)}",
        *(f"label {label}: {count}" for label, count in per_label.items()),
        f"memory: {_memory_figure(g.memory_usage)}",
        f"fold: {fold or 'none (exact)'}",
        f"index: {g.index}",
        f"unicode: {_onoma.unicode_version()}",
        f"version: {_onoma.version_string()}",
    ]
    out = sys.stdout.buffer
    out.write(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    out.flush()
    return EXIT_SUCCESS


def main(argv: list[str] | None = None) -> int:
    """Runs the command line with ``argv`` (default: ``sys.argv[1:]``); returns the exit status."""
    args = _parser().parse_args(argv)
    try:
        return _extract(args) if args.command == "extract" else _info(args)
    except _Failure as e:
        _error(str(e))
        return e.status
    except BrokenPipeError:
        # The reader went away (`... | head`): end quietly with status 1, as the C command
        # does, without Python's "Exception ignored" message at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return EXIT_INCOMPLETE
