"""Peer comparison: onoma against Aho-Corasick (Rust, daachorse, C), FlashText, spaCy's
PhraseMatcher, Hyperscan and the ICU-normalize-then-match pipeline, on the texts and
gazetteers of bench/data, with the memchr baseline and callgrind instructions per byte for
onoma. Writes bench/RESULTS.md and bench/results.png. Run through run.sh, which installs
the peers and builds the native programs.

    python bench/compare/compare.py --native-dir DIR [--full] [--mb 4]
        [--texts en.txt,accented.txt,accented_nfd.txt]
        [--gazetteers small,large_realistic,large] [--accented-gazetteers small,large_realistic]

Every peer runs in a fresh process per gazetteer (worker.py, or a native program): it builds
once, is measured for memory and load time, then scans every text of that gazetteer."""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import subprocess
import sys
import tempfile
import time
from importlib.metadata import version

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("ONOMA_BENCH_DATA", os.path.join(ROOT, "bench", "data"))

import native  # noqa: E402
from peers import all_peers  # noqa: E402
from report import TARGET_GAZETTEER  # noqa: E402
from worker import ref_path  # noqa: E402

MB = 1_000_000
ENGLISH = "en.txt"
PYPI = ("onoma", "ahocorasick-rs", "daachorse", "pyahocorasick", "flashtext", "spacy", "matplotlib")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def cut_text(name, limit, path):
    """Writes the first `limit` bytes of bench/data/name (all of it when None), ending on a
    paragraph boundary, to `path`: every peer reads these same bytes."""
    with open(os.path.join(DATA, name), "rb") as f:
        data = f.read() if limit is None else f.read(limit)
    if limit is not None:
        cut = data.rfind(b"\n\n")
        data = data[: cut + 1] if cut > 0 else data
    with open(path, "wb") as f:
        f.write(data)
    return len(data)


def run_worker(peer, gazetteer, workdir, texts, args, extra=()):
    cmd = [sys.executable, os.path.join(HERE, "worker.py"), peer, gazetteer, workdir, *texts,
           "--runs", str(args.runs), "--budget", str(args.budget), *extra]
    run = subprocess.run(cmd, stdout=subprocess.PIPE, text=True)
    if run.returncode != 0:  # killed (out of memory) or failed: reported, the run goes on
        return dict(peer=peer, error=f"worker exit status {run.returncode}", rows=[])
    return json.loads(run.stdout.strip().splitlines()[-1])


def bench_gazetteer(gazetteer, texts, workdir, args):
    """Every peer on one gazetteer: {"aliases", "peers": [worker-shaped dicts]}."""
    aliases_path = os.path.join(DATA, gazetteer + ".aliases.txt")
    with open(aliases_path, encoding="utf-8") as f:
        aliases = sum(1 for line in f if line.rstrip("\n"))
    log(f"== {gazetteer}: {aliases:,} distinct strings; texts {', '.join(map(os.path.basename, texts))}")
    peers = [run_worker("onoma", gazetteer, workdir, texts, args)]
    if gazetteer == "huge":  # onoma only: the peers would need tens of GB here
        # And onoma a second time with the word index, made for gazetteers of this size.
        peers.append(run_worker("onoma", gazetteer, workdir, texts, args, ["--index", "words"]))
        return dict(aliases=aliases, peers=peers)
    for cls in all_peers():
        if gazetteer != "small" and cls.name in args.skip_large:
            continue
        peers.append(run_worker(cls.name, gazetteer, workdir, texts, args))
    for peer in native.PEERS:
        if gazetteer != "small" and peer in args.skip_large:
            continue
        peers.append(native.run_peer(
            args.native_dir, peer, aliases_path, workdir, gazetteer, texts, args.native_runs, args.budget,
            lambda path, kind: ref_path(workdir, gazetteer, path, kind)))
    return dict(aliases=aliases, peers=peers)


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "?"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--native-dir", required=True, help="build directory of bench/compare/native")
    ap.add_argument("--full", action="store_true", help="whole texts instead of the first --mb MB")
    ap.add_argument("--mb", type=float, default=4, help="MB of each text (default 4)")
    ap.add_argument("--texts", default="en.txt,accented.txt,accented_nfd.txt")
    ap.add_argument("--gazetteers", default="small,large_realistic,large",
                    help="for en.txt; 'huge' adds onoma alone on the 10M-alias gazetteer, with each index")
    ap.add_argument("--accented-gazetteers", default="small,large_realistic",
                    help="for the other texts (those also in --gazetteers)")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--native-runs", type=int, default=5)
    ap.add_argument("--budget", type=float, default=30, help="stop repeating a run longer than this (s)")
    ap.add_argument("--skip-large", default="", help="comma-separated peer names to skip on large gazetteers")
    ap.add_argument("--callgrind-mb", type=float, default=1, help="MB of en.txt for callgrind (0: skip)")
    ap.add_argument("--callgrind-gazetteers", default="small,large_realistic")
    ap.add_argument("--interleaved-rounds", type=int, default=9,
                    help="rounds of onoma and a native peer in turn in one process, on the cells "
                         "of the issue's targets (0: skip)")
    ap.add_argument("--out", default=os.path.join(ROOT, "bench", "RESULTS.md"))
    ap.add_argument("--chart", default=os.path.join(ROOT, "bench", "results.png"))
    args = ap.parse_args()
    args.skip_large = set(filter(None, args.skip_large.split(",")))
    start = time.perf_counter()
    workdir = tempfile.mkdtemp(prefix="onoma-bench-")
    try:
        limit = None if args.full else int(args.mb * MB)
        texts = {}
        for name in args.texts.split(","):
            path = os.path.join(workdir, name)
            texts[name] = dict(path=path, mb=cut_text(name, limit, path) / MB)
        memchr = native.memchr(args.native_dir, [t["path"] for t in texts.values()], 9)
        for name, t in texts.items():
            t["memchr"] = memchr[name]
            log(f"{name}: {t['mb']:.1f} MB; memchr {t['memchr']:.0f} MB/s")

        accented = set(args.accented_gazetteers.split(","))
        gazetteers = {}
        for gaz in args.gazetteers.split(","):
            for_gaz = [t["path"] for name, t in texts.items() if name == ENGLISH or gaz in accented]
            if for_gaz:
                gazetteers[gaz] = bench_gazetteer(gaz, for_gaz, workdir, args)

        callgrind = []
        if args.callgrind_mb > 0:
            path = os.path.join(workdir, "callgrind", ENGLISH)
            os.makedirs(os.path.dirname(path))
            cut_text(ENGLISH, int(args.callgrind_mb * MB), path)
            for gaz in args.callgrind_gazetteers.split(","):
                r = native.callgrind(args.native_dir, os.path.join(DATA, gaz + ".jsonl"), path, workdir)
                r.update(gazetteer=gaz, text=ENGLISH)
                callgrind.append(r)
                log(f"callgrind {gaz} × {ENGLISH} ({r['bytes']/MB:.1f} MB): {r['per_byte']:.1f} instructions/byte")

        interleaved = []
        if args.interleaved_rounds > 0:
            # The cells of the targets on native peers: Hyperscan on English × the
            # 900k-alias gazetteer, the ICU pipeline on the accented texts.
            cells = [("Hyperscan", TARGET_GAZETTEER, [n for n in texts if n == ENGLISH])]
            cells += [("ICU pipeline", gaz, [n for n in texts if n != ENGLISH]) for gaz in gazetteers
                      if gaz in accented]
            for peer, gaz, names in cells:
                if gaz not in gazetteers or not names or (gaz != "small" and peer in args.skip_large):
                    continue
                for row in native.interleaved(
                        args.native_dir, peer, os.path.join(DATA, gaz + ".jsonl"),
                        os.path.join(DATA, gaz + ".aliases.txt"), [texts[n]["path"] for n in names],
                        args.interleaved_rounds):
                    row.update(peer=peer, gazetteer=gaz)
                    interleaved.append(row)
                    log(f"in turn, {peer} × {gaz} × {row['text']}: onoma {row['onoma_mbs']:.1f}, "
                        f"{peer} {row['peer_mbs']:.2f} MB/s, ratio {row['ratio']:.2f}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    import onoma

    versions = {p: version(p) for p in PYPI}
    machine = {
        "nproc": os.cpu_count(),
        "CPU": cpu_model(),
        "Python": platform.python_version(),
        "OS": platform.platform(),
        "PyPI packages": ", ".join(f"{p} {v}" for p, v in versions.items()),
        "onoma library": f"libonoma {onoma.library_version()} (Unicode {onoma.unicode_version()}), "
                         "built from this checkout by `pip install` (Release)",
        **native.versions(args.native_dir),
        "load average at the end": " ".join(f"{x:.2f}" for x in os.getloadavg()),
    }
    for gaz in gazetteers.values():
        for p in gaz["peers"]:
            if "native" in p:
                machine.setdefault(f"{p['peer']} (native)", p["native"]["version"])
    elapsed = time.perf_counter() - start
    results = dict(args=vars(args) | {"skip_large": sorted(args.skip_large)}, texts=texts,
                   gazetteers=gazetteers, callgrind=callgrind, interleaved=interleaved, machine=machine,
                   elapsed=elapsed,
                   finished=time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()))
    with open(os.path.join(HERE, "last_run.json"), "w") as f:
        json.dump(results, f, indent=1)

    import chart
    import report

    chart.draw(results, args.chart)
    report.write(results, args.out, os.path.relpath(args.chart, os.path.dirname(args.out)))
    log(f"wrote {args.out} and {args.chart} in {elapsed/60:.1f} min")


if __name__ == "__main__":
    main()
