"""`python -m onoma`: the same output as the C `onoma` command for the same arguments."""

from __future__ import annotations

import json
import os
import subprocess
import sys

import pytest

from conftest import REPO

EXAMPLES = sorted(str(p.relative_to(REPO)) for p in (REPO / "examples").glob("*.txt"))
OPTION_SETS = [
    [],
    ["--offsets", "chars"],
    ["--offsets=utf16"],
    ["--policy", "all", "--boundary", "none"],
    ["--fold", "exact"],
    ["--index", "words", "--policy", "all"],
]


def python_cli(*args: str | bytes, stdin: bytes = b"") -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "onoma", *args], cwd=REPO, input=stdin,
                          capture_output=True, check=False)


def c_cli() -> str:
    path = os.environ.get("ONOMA_CLI")
    if not path:
        pytest.skip("ONOMA_CLI is not set: no C onoma command to compare with "
                    "(tools/test.sh sets it to build-test/bin/onoma)")
    if not os.access(path, os.X_OK):
        pytest.skip(f"ONOMA_CLI={path} is not an executable file")
    return path


def test_extract_writes_json_lines():
    result = python_cli("extract", *EXAMPLES)
    assert result.returncode == 0, result.stderr
    assert result.stderr == b""
    lines = result.stdout.decode("utf-8").splitlines()
    records = [json.loads(line) for line in lines]
    assert len(records) > 50
    assert {r["doc"] for r in records} == set(EXAMPLES)
    for line, r in zip(lines, records):
        assert list(r)[:8] == ["doc", "start", "end", "text", "id", "label", "name", "alias"]
        assert list(r)[8:] in ([], ["ambiguous"])
        assert r.get("ambiguous", True) is True
        assert line == json.dumps(r, ensure_ascii=False)
        data = (REPO / r["doc"]).read_bytes()
        assert data[r["start"]:r["end"]].decode() == r["text"]
    joly = [r for r in records if r["id"] == "melanie-joly"]
    assert "Mélanie\nJoly" in {r["text"] for r in joly}
    assert any(r.get("ambiguous") for r in records)


def test_extract_offsets_units():
    doc = "examples/en_world_briefs.txt"
    data = (REPO / doc).read_bytes()
    by_unit = {unit: [json.loads(line) for line in python_cli("extract", "--offsets", unit, doc)
                      .stdout.decode().splitlines()]
               for unit in ("bytes", "chars", "utf16")}
    assert len(by_unit["bytes"]) > 5
    for b, c, u in zip(by_unit["bytes"], by_unit["chars"], by_unit["utf16"]):
        before, match = data[:b["start"]].decode(), data[b["start"]:b["end"]].decode()
        assert (c["start"], c["end"]) == (len(before), len(before) + len(match))
        utf16 = len(before.encode("utf-16-le")) // 2
        assert (u["start"], u["end"]) == (utf16, utf16 + len(match.encode("utf-16-le")) // 2)
        assert b["text"] == c["text"] == u["text"] == match


def test_extract_reads_standard_input_and_reports_unreadable_documents(tmp_path):
    result = python_cli("extract", "-", "missing.txt", "examples", stdin=b"Joly and the US\xff")
    assert result.returncode == 1
    assert [json.loads(line)["text"] for line in result.stdout.decode().splitlines()] == ["Joly", "US"]
    assert json.loads(result.stdout.decode().splitlines()[0])["doc"] == "-"
    assert result.stderr.decode().splitlines() == [
        "onoma: missing.txt: No such file or directory",
        "onoma: examples: Is a directory",
    ]


def test_extract_with_gazetteers(tmp_path):
    tsv = tmp_path / "g.tsv"
    tsv.write_text("a\tX\tAlpha\nb\tX\tBeta\tBêta|B\n", encoding="utf-8")
    more = tmp_path / "more.tsv"
    more.write_text("c\tY\tGamma\n", encoding="utf-8")
    result = python_cli("extract", "--gazetteer", str(tsv), f"--gazetteer={more}", "-",
                        stdin="alpha, BETA and gamma".encode())
    assert result.returncode == 0
    assert [json.loads(line)["id"] for line in result.stdout.decode().splitlines()] == ["a", "b", "c"]

    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "a", "label": "X", "name": "A"}\n{"id": "b"}\n', encoding="utf-8")
    result = python_cli("extract", "--gazetteer", str(bad), "examples/en_shared_names.txt")
    assert result.returncode == 2
    assert result.stdout == b""
    assert result.stderr.decode().startswith(f"onoma: {bad}:2: ")
    result = python_cli("extract", "--policy", "first")
    assert result.returncode == 2


def test_info():
    result = python_cli("info")
    assert result.returncode == 0
    lines = result.stdout.decode().splitlines()
    assert lines[0].startswith("gazetteer: ") and lines[0].endswith("gazetteer.jsonl")
    assert "labels: 3" in lines and any(line.startswith("memory: ") for line in lines)
    assert "index: bytes" in lines
    assert "index: words" in python_cli("info", "--index", "words").stdout.decode().splitlines()


@pytest.mark.parametrize("options", OPTION_SETS, ids=lambda o: " ".join(o) or "defaults")
def test_extract_matches_the_c_command_byte_for_byte(options):
    c = subprocess.run([c_cli(), "extract", *options, *EXAMPLES], cwd=REPO, capture_output=True,
                       check=False)
    py = python_cli("extract", *options, *EXAMPLES)
    assert (py.returncode, py.stderr) == (c.returncode, c.stderr)
    assert py.stdout == c.stdout
    assert c.stdout.count(b"\n") > 50


def test_errors_match_the_c_command(tmp_path):
    bad = tmp_path / "bad.jsonl"
    bad.write_bytes(b'{"id": "a", "label": "X", "name": "A"}\n{"id": "b", "label": "X", "name": "\xff"}\n')
    odd = os.fsencode(tmp_path) + b"/odd\xe9.txt"  # not UTF-8: the JSON gets U+FFFD
    with open(odd, "wb") as f:
        f.write(b"\xffJoly\xc3 \xe2\x82US \xf0\x9f\x98\x80 " + "Mélanie Joly".encode())
    cases = [
        (["extract", "-", "nope.txt", "examples"], b"the U.S. and Joly\n"),
        (["extract", "--gazetteer", str(bad), "-"], b""),
        (["extract", odd], b""),
        (["extract", "--offsets", "chars", odd], b""),
        (["info", "--fold", "exact", str(tmp_path / "none.jsonl")], b""),
        (["info", "--index", "words", "data/gazetteer.jsonl"], b""),
    ]
    for args, stdin in cases:
        c = subprocess.run([c_cli(), *args], cwd=REPO, input=stdin, capture_output=True, check=False)
        py = python_cli(*args, stdin=stdin)
        assert (py.returncode, py.stdout, py.stderr) == (c.returncode, c.stdout, c.stderr), args
