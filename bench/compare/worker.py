"""One peer (or onoma) on one gazetteer, in a fresh process so that its memory is its own:
build, memory, load, then every text. Run by compare.py; prints one JSON object.

    python worker.py PEER GAZETTEER WORKDIR TEXT... [--runs 3] [--budget 30]

PEER is "onoma" or the name of an adapter in peers/. onoma writes its spans to WORKDIR
(ref.GAZETTEER.TEXT.str: pickled str-index spans; .bytes: uint64 byte-offset pairs, the
format of the native programs), for the agreement of the peers that run after it."""

from __future__ import annotations

import argparse
import array
import ctypes
import gc
import json
import os
import pickle
import statistics
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
ROOT = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("ONOMA_BENCH_DATA", os.path.join(ROOT, "bench", "data"))
MB = 1_000_000

_libc = ctypes.CDLL("libc.so.6")


def log(*a):
    print(*a, file=sys.stderr, flush=True)


def _status(field):
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field):
                return int(line.split()[1]) * 1024
    return 0


def resident():
    """VmRSS after handing freed heap back to the system (malloc_trim), like
    native/bench_common.cpp, so that freed build temporaries do not count."""
    gc.collect()
    _libc.malloc_trim(0)
    return _status("VmRSS:")


def private():
    """RssAnon: the process's own resident memory, without the pages of shared libraries and
    data files (ICU's) that VmRSS also counts once they are touched. Read right after
    resident() or memory_baseline(), which trim the heap first."""
    return _status("RssAnon:")


def memory_baseline():
    """Resident bytes now, and the kernel's high-water mark reset to it ("5" to
    /proc/self/clear_refs): VmHWM afterwards is the build's own peak."""
    now = resident()
    with open("/proc/self/clear_refs", "w") as f:
        f.write("5")
    return now


def peak():
    return _status("VmHWM:")


def timed(fn, runs, budget):
    """Median wall time of up to `runs` calls of fn; stops early once a call took more
    than `budget` seconds (slow pure-Python peers). Returns (seconds, result, n)."""
    times, result = [], None
    for _ in range(runs):
        result = None  # frees the previous call's result here, not inside the timed call
        t = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - t)
        if times[-1] > budget:
            break
    return statistics.median(times), result, len(times)


# find_batch with one and with two threads, in turn: the ratio of each round's pair, so that a
# change in the machine's load between two blocks of runs does not decide the two-thread
# target (the native targets are measured the same way: native/interleaved_bench.cpp). One
# round's ratio can land anywhere from 1.3 to 2.9 on a shared 2-core machine (a burst of
# another job slows one of the pair), so the median needs many rounds to settle.
THREAD_ROUNDS = 21


def threads_in_turn(g, paragraphs, rounds):
    """Alternates find_batch(threads=1) and (threads=2), in either order by round. Returns the
    median seconds of each ({threads: s}), the last result and the median of the rounds'
    threads=1 / threads=2 time ratios (the two-thread speed-up)."""
    times, ratios, result = {1: [], 2: []}, [], None
    for round_ in range(rounds):
        pair = {}
        for threads in ((1, 2) if round_ % 2 == 0 else (2, 1)):
            result = None  # as in timed(): freeing the last result is not part of the call
            t = time.perf_counter()
            result = g.find_batch(paragraphs, threads=threads)
            pair[threads] = time.perf_counter() - t
            times[threads].append(pair[threads])
        ratios.append(pair[1] / pair[2])
    return ({k: statistics.median(v) for k, v in times.items()}, result, statistics.median(ratios))


def distinct_spans(matches):
    """onoma reports one Match per entity on an ambiguous span; peers report spans."""
    return sorted({(m.start, m.end) for m in matches})


def agreement(reference, spans):
    """Fraction of onoma's spans that the peer reports too."""
    ref = set(reference)
    return len(ref & set(spans)) / len(ref) if ref else float("nan")


def ref_path(workdir, gazetteer, text_path, kind):
    return os.path.join(workdir, f"ref.{gazetteer}.{os.path.basename(text_path)}.{kind}")


def run_onoma(gazetteer, workdir, texts, args):
    """onoma with the index args.index; with the word index its peer and rows are named
    "onoma (word index)" and its spans are not written (the byte index's are the reference)."""
    import onoma

    words = args.index == "words"
    peer_name = "onoma (word index)" if words else "onoma"
    key_prefix = "w" if words else ""
    jsonl = os.path.join(DATA, gazetteer + ".jsonl")
    base = memory_baseline()
    private_base = private()
    t = time.perf_counter()
    g = onoma.Gazetteer.from_file(jsonl, index=args.index)
    build = time.perf_counter() - t
    built_peak = peak()
    built_resident = resident()
    out = dict(peer=peer_name, index=args.index, build=build, load=build, peak=built_peak - base,
               resident=built_resident - base, private=private() - private_base,
               memory_usage=g.memory_usage, onoma_aliases=g.alias_count, rows=[])
    log(f"  {peer_name}: build {build:.2f}s, peak {out['peak']/2**20:.0f} MiB, memory_usage "
        f"{g.memory_usage/2**20:.1f} MiB")
    for path in texts:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        paragraphs = text.split("\n\n")
        mb = len(data) / MB
        name = os.path.basename(path)
        sec, res, n = timed(lambda: g.find(text), args.runs, args.budget)
        spans = distinct_spans(res)
        if not words:
            with open(ref_path(workdir, gazetteer, path, "str"), "wb") as f:
                pickle.dump(spans, f)
        out["rows"].append(dict(text=name, peer=f"{peer_name} find(str)", mbs=mb / sec,
                                matches=len(spans), runs=n))
        sec, res, n = timed(lambda: g.find(data), args.runs, args.budget)
        spans = distinct_spans(res)
        if not words:
            with open(ref_path(workdir, gazetteer, path, "bytes"), "wb") as f:
                array.array("Q", [x for span in spans for x in span]).tofile(f)
        out["rows"].append(dict(text=name, peer=f"{peer_name} find(bytes)", key=key_prefix + "bytes",
                                mbs=mb / sec, matches=len(spans), runs=n))
        seconds, res, ratio = threads_in_turn(g, paragraphs, max(args.runs, THREAD_ROUNDS))
        for threads in (1, 2):
            out["rows"].append(dict(text=name, peer=f"{peer_name} find_batch(paragraphs, threads={threads})",
                                    key=f"{key_prefix}t{threads}", mbs=mb / seconds[threads],
                                    matches=sum(len(distinct_spans(r)) for r in res),
                                    runs=max(args.runs, THREAD_ROUNDS)))
        out["rows"][-1]["two_threads"] = ratio
        del res
        log(f"  {peer_name} × {name}: "
            + ", ".join(f"{r['peer'][len(peer_name) + 1:]} {r['mbs']:.1f}" for r in out["rows"][-4:])
            + f" MB/s; {out['rows'][-3]['matches']:,} spans")
    return out


def run_peer(cls, gazetteer, workdir, texts, args):
    t = time.perf_counter()
    with open(os.path.join(DATA, gazetteer + ".aliases.txt"), encoding="utf-8") as f:
        aliases = [line.rstrip("\n") for line in f if line.rstrip("\n")]
    read = time.perf_counter() - t
    p = cls()
    base = memory_baseline()
    t = time.perf_counter()
    p.build(aliases)
    build = time.perf_counter() - t
    out = dict(peer=cls.name, build=build, peak=peak() - base, resident=resident() - base, rows=[])
    if hasattr(p, "serialize"):
        blob = p.serialize()
        t = time.perf_counter()
        p.restore(blob)
        out["load"] = time.perf_counter() - t
        out["load_kind"] = "restore"
        del blob
    else:
        out["load"] = read + build
        out["load_kind"] = "read + build"
    log(f"  {cls.name}: build {build:.2f}s, load {out['load']:.2f}s ({out['load_kind']}), "
        f"peak {out['peak']/2**20:.0f} MiB, resident {out['resident']/2**20:.0f} MiB")
    del aliases
    if cls.byte_offsets and hasattr(p, "build_all"):
        p.build_all()  # not part of "build s"
    from peers import filter_same_answer

    for path in texts:
        with open(path, "rb") as f:
            data = f.read()
        text = data.decode("utf-8")
        mb = len(data) / MB
        name = os.path.basename(path)
        with open(ref_path(workdir, gazetteer, path, "str"), "rb") as f:
            reference = pickle.load(f)
        sec, spans, n = timed(lambda: p.scan(text), args.runs, args.budget)
        row = dict(text=name, peer=cls.name, mbs=mb / sec, matches=len(spans), runs=n)
        if cls.byte_offsets:
            same_sec, same, _ = timed(lambda: filter_same_answer(text, p.scan_all(text)), args.runs, args.budget)
            row.update(same_mbs=mb / same_sec, same_matches=len(same), agree=agreement(reference, same))
        else:  # word-level peers: their own answer is already word-bounded
            row.update(agree=agreement(reference, spans))
        out["rows"].append(row)
        log(f"  {cls.name} × {name}: {row['mbs']:.2f} MB/s, {len(spans):,} matches; same answer "
            f"{row.get('same_mbs') or 0:.2f} MB/s; agreement {row['agree']:.3f}")
        del spans
        gc.collect()
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("peer")
    ap.add_argument("gazetteer")
    ap.add_argument("workdir")
    ap.add_argument("texts", nargs="+")
    ap.add_argument("--runs", type=int, default=3)
    ap.add_argument("--budget", type=float, default=30)
    ap.add_argument("--index", choices=("bytes", "words"), default="bytes",
                    help="onoma only: the gazetteer's index")
    args = ap.parse_args()
    if args.peer == "onoma":
        out = run_onoma(args.gazetteer, args.workdir, args.texts, args)
    else:
        from peers import all_peers

        cls = next(c for c in all_peers() if c.name == args.peer)
        try:
            out = run_peer(cls, args.gazetteer, args.workdir, args.texts, args)
        except MemoryError as e:
            out = dict(peer=cls.name, error=f"MemoryError {e}", rows=[])
    print(json.dumps(out))


if __name__ == "__main__":
    main()
