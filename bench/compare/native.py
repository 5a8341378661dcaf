"""Runs the native programs of native/ (built by run.sh into build-bench-native): the memchr
baseline, the Hyperscan and ICU-pipeline peers, callgrind on onoma's scan, and onoma against
each native peer in one process. Each program prints JSON lines; this turns them into the rows
compare.py reports."""

from __future__ import annotations

import array
import json
import os
import subprocess
import sys

MB = 1_000_000

# table name -> program; both take ALIASES SPANS_DIR RUNS BUDGET TEXT...
PEERS = {"Hyperscan": "hyperscan_bench", "ICU pipeline": "icu_pipeline_bench"}


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def _json_lines(cmd):
    out = subprocess.run(cmd, stdout=subprocess.PIPE, text=True, check=True).stdout
    return [json.loads(line) for line in out.splitlines() if line.startswith("{")]


def read_spans(path):
    a = array.array("Q")
    with open(path, "rb") as f:
        a.frombytes(f.read())
    return list(zip(a[0::2], a[1::2]))


def memchr(native_dir, texts, runs):
    """{text name: MB/s of glibc memchr over it}."""
    lines = _json_lines([os.path.join(native_dir, "memchr_bench"), str(runs), *texts])
    return {x["text"]: x["mbs"] for x in lines}


def run_peer(native_dir, peer, aliases_path, workdir, gazetteer, texts, runs, budget, ref_path):
    """One native peer on one gazetteer and its texts; the same shape as worker.py's output.
    Agreement: onoma's byte-offset spans (ref_path(text, "bytes")) found among the peer's
    same-answer spans."""
    spans_dir = os.path.join(workdir, f"native.{gazetteer}")
    os.makedirs(spans_dir, exist_ok=True)
    lines = _json_lines([os.path.join(native_dir, PEERS[peer]), aliases_path, spans_dir, str(runs),
                         str(budget), *texts])
    build = lines[0]
    out = dict(peer=peer, build=build["build"], peak=build["peak"], resident=build["resident"],
               native=build, rows=[])
    if "load" in build:
        out.update(load=build["load"], load_kind="restore")
    else:
        out.update(load=build["build"], load_kind="build")
    log(f"  {peer}: build {build['build']:.2f}s, peak {build['peak']/2**20:.0f} MiB, "
        f"resident {build['resident']/2**20:.0f} MiB, skipped {build['skipped']}")
    program = PEERS[peer]
    for row, path in zip(lines[1:], texts):
        reference = set(read_spans(ref_path(path, "bytes")))
        same = set(read_spans(os.path.join(spans_dir, f"{program.replace('_bench', '')}.{row['text']}.spans")))
        row.update(peer=peer, agree=len(reference & same) / len(reference) if reference else float("nan"))
        out["rows"].append(row)
        log(f"  {peer} × {row['text']}: {row['mbs']:.2f} MB/s, {row['matches']:,} matches; same answer "
            f"{row['same_mbs']:.2f} MB/s; agreement {row['agree']:.3f}")
    return out


def callgrind(native_dir, jsonl, text_path, workdir):
    """Instructions of one onoma scan of text_path (callgrind_scan.c: the load and a warm-up
    scan run uninstrumented), per input byte."""
    out_file = os.path.join(workdir, f"callgrind.{os.path.basename(jsonl)}.out")
    run = subprocess.run(
        ["valgrind", "--tool=callgrind", "--instr-atstart=no", f"--callgrind-out-file={out_file}",
         os.path.join(native_dir, "callgrind_scan"), jsonl, text_path],
        stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, check=True)
    result = json.loads(run.stdout.strip().splitlines()[-1])
    with open(out_file) as f:  # "totals:" = events while instrumentation was on
        totals = next(line for line in f if line.startswith("totals:"))
    result["instructions"] = int(totals.split()[1])
    result["per_byte"] = result["instructions"] / result["bytes"]
    return result


def interleaved(native_dir, peer, jsonl, aliases_path, text_paths, rounds):
    """onoma's C API scan and a native peer's raw scan (PEERS' name) timed in turn in one
    process (interleaved_bench.cpp), one row per text: both medians and the median of the
    rounds' ratios."""
    program = PEERS[peer].replace("_bench", "")
    return _json_lines([os.path.join(native_dir, "interleaved_bench"), program, jsonl, aliases_path,
                        str(rounds), *text_paths])


def versions(native_dir):
    """Versions that only the native side knows: Hyperscan, ICU, valgrind, the compiler."""
    out = {}
    cache = os.path.join(native_dir, "CMakeCache.txt")
    try:
        with open(cache) as f:
            for line in f:
                if line.startswith("CMAKE_CXX_COMPILER:"):
                    cxx = line.split("=", 1)[1].strip()
                    out["C++ compiler"] = subprocess.run([cxx, "--version"], stdout=subprocess.PIPE,
                                                         text=True).stdout.splitlines()[0]
    except OSError:
        pass
    out["valgrind"] = subprocess.run(["valgrind", "--version"], stdout=subprocess.PIPE, text=True).stdout.strip()
    return out
