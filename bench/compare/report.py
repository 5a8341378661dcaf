"""Writes bench/RESULTS.md from the results compare.py collected (also saved as
bench/compare/last_run.json, so the report can be rewritten without measuring again:
`python report.py last_run.json`). Every figure comes from those results."""

from __future__ import annotations

import json
import math
import os
import sys
import time

from worker import THREAD_ROUNDS

MB = 1_000_000
MIB = 2**20
ENGLISH = "en.txt"
TARGET_GAZETTEER = "large_realistic"  # "the 900k-alias gazetteer" of the issue
REFERENCE = "onoma find(bytes)"  # the onoma row the ratios use: one thread, byte offsets


def cells(results):
    """(text, gazetteer, rows) in run order; each row is a per-text measurement merged with
    its peer's build, load and memory figures."""
    for gaz, g in results["gazetteers"].items():
        for text in results["texts"]:
            rows = []
            for p in g["peers"]:
                if "error" in p:
                    rows.append(dict(peer=p["peer"], error=p["error"]))
                    continue
                for r in p["rows"]:
                    if r["text"] == text:
                        rows.append({**{k: v for k, v in p.items() if k != "rows"}, **r})
            if rows:
                yield text, gaz, rows


def onoma_ref(rows):
    return next(r for r in rows if r["peer"] == REFERENCE)


def _f(x, spec, missing="—"):
    return missing if x is None or (isinstance(x, float) and math.isnan(x)) else format(x, spec)


def _in_turn(results, peer, gaz, text):
    """The row of interleaved_bench for this cell, if it ran."""
    return next((t for t in results.get("interleaved") or []
                 if (t["peer"], t["gazetteer"], t["text"]) == (peer, gaz, text)), None)


def _ratio(x):
    """1.5×, 12.0×; below 1, two significant digits (0.046×) rather than 0.0×."""
    return f"{x:.1f}×" if x >= 1 else f"{x:.2g}×"


def _table(w, rows, aliases):
    ref = onoma_ref(rows)["mbs"]
    w("| peer | build s | load s | peak MB | resident MB | bytes/alias | MB/s raw | matches raw | runs "
      "| MB/s same-answer | matches same-answer | agreement | onoma/peer raw | onoma/peer same-answer |")
    w("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        if "error" in r:
            w(f"| {r['peer']} | {r['error']} |" + " |" * 12)
            continue
        onoma = r["peer"].startswith("onoma")
        load = _f(r.get("load"), ".2f") + (" (restore)" if r.get("load_kind") == "restore" else "")
        ratio = "" if onoma else _ratio(ref / r["mbs"])
        ratio_same = "" if onoma or not r.get("same_mbs") else _ratio(ref / r["same_mbs"])
        w(f"| {r['peer']} | {r['build']:.2f} | {load} | {r['peak']/MB:.0f} | {r['resident']/MB:.0f} "
          f"| {r['resident']/aliases:.0f} | {r['mbs']:.2f} | {r['matches']:,} | {r['runs']} "
          f"| {'(same)' if onoma else _f(r.get('same_mbs'), '.2f')} "
          f"| {'(same)' if onoma else _f(r.get('same_matches'), ',')} "
          f"| {'—' if onoma else _f(r.get('agree'), '.3f')} "
          f"| {ratio} | {ratio_same} |")


def _two_threads(rows):
    """onoma find_batch speed-up with threads=2 over threads=1: the median of rounds measured in
    turn (worker.threads_in_turn), else (older results) the ratio of the two rows' medians."""
    two = next(r for r in rows if r.get("key") == "t2")
    if "two_threads" in two:
        return two["two_threads"]
    return two["mbs"] / next(r for r in rows if r.get("key") == "t1")["mbs"]


def _peer(rows, name):
    return next((r for r in rows if r["peer"] == name and "error" not in r), None)


def _cell(results, text, gaz):
    return next((rows for t, g, rows in cells(results) if t == text and g == gaz), None)


def _targets(w, results):
    w("## Issue targets\n")
    en = _cell(results, ENGLISH, TARGET_GAZETTEER)
    if en is None:
        w(f"{ENGLISH} × {TARGET_GAZETTEER} was not measured: no verdict.\n")
        return
    one = onoma_ref(en)["mbs"]
    aliases = results["gazetteers"][TARGET_GAZETTEER]["aliases"]
    w(f"On {ENGLISH} × {TARGET_GAZETTEER} (the 900k-alias gazetteer: {aliases:,} distinct strings), one "
      f"thread, onoma `find(bytes)` = {one:.1f} MB/s. Ratios against each peer's raw speed (its own, simpler "
      "answer) as the issue sets them; the same-answer ratio is given in brackets.\n")
    w("| target | measured | met? |")
    w("|---|---:|---|")

    def yes(ok):
        return "yes" if ok else "**no**"

    def ratio_row(label, text, gaz, peer, want):
        rows = _cell(results, text, gaz)
        x = _peer(rows, peer) if rows else None
        if x is None:
            w(f"| {label} | not measured | — |")
            return
        r = onoma_ref(rows)["mbs"] / x["mbs"]
        extra = f" ({_ratio(onoma_ref(rows)['mbs'] / x['same_mbs'])} same-answer)" if x.get("same_mbs") else ""
        met = r >= want
        turn = _in_turn(results, peer, gaz, text)
        if turn:
            # Met only when the ratio measured in turn agrees: see the notes.
            extra += (f"; in turn in one process {_ratio(turn['ratio'])} (C API "
                      f"{turn['onoma_mbs']:.1f} vs {turn['peer_mbs']:.2f} MB/s)")
            met = met and turn["ratio"] >= want
        w(f"| {label} | {_ratio(r)}{extra} | {yes(met)} |")

    for peer, want in (("ahocorasick-rs", 3), ("Hyperscan", 10), ("pyahocorasick", 50), ("flashtext", 100),
                       ("spaCy PhraseMatcher", 300)):
        ratio_row(f"English, 900k aliases: ≥ {want}× {peer}", ENGLISH, TARGET_GAZETTEER, peer, want)
    for text in results["texts"]:
        if text == ENGLISH:
            continue
        for gaz in results["gazetteers"]:
            if _cell(results, text, gaz):
                ratio_row(f"{text} × {gaz}: ≥ 3× the ICU pipeline", text, gaz, "ICU pipeline", 3)
    build = onoma_ref(en)["build"]
    hs = _peer(en, "Hyperscan")
    hs_note = f" (Hyperscan: {hs['build']:.1f} s)" if hs else ""
    w(f"| build of the 900k-alias gazetteer ≤ 3 s | {build:.2f} s{hs_note} | {yes(build <= 3)} |")
    g = next(p for p in results["gazetteers"][TARGET_GAZETTEER]["peers"] if p["peer"] == "onoma")
    bpa = g["memory_usage"] / g["onoma_aliases"]
    private = (f", of which private: {g['private'] / g['onoma_aliases']:.0f}"
               if "private" in g else "")
    w(f"| ≤ 48 bytes per alias resident (`memory_usage` / onoma aliases) | {bpa:.0f} "
      f"(resident RSS: {g['resident'] / g['onoma_aliases']:.0f}{private}) | {yes(bpa <= 48)} |")
    huge = results["gazetteers"].get("huge")
    if huge and "error" not in huge["peers"][-1]:
        # The last run is the word index where the run has it (compare.py), made for this size.
        h = huge["peers"][-1]
        how = " with the word index" if h.get("index") == "words" else ""
        other = ""
        if len(huge["peers"]) > 1 and "error" not in huge["peers"][0]:
            other = f" ({huge['peers'][0]['peak']/2**30:.2f} GiB with the byte index)"
        w(f"| 10M-alias gazetteer builds and runs in under 1 GB | peak RSS {h['peak']/2**30:.2f} GiB over "
          f"the interpreter{how}{other}, build {h['build']:.0f} s | {yes(h['peak'] < 2**30)} |")
    elif huge:
        w(f"| 10M-alias gazetteer builds and runs in under 1 GB | {huge['peers'][0]['error']} | **no** |")
    else:
        w("| 10M-alias gazetteer builds and runs in under 1 GB | not measured in this run "
          "(add `huge` to `--gazetteers`) | — |")
    two = _two_threads(en)
    w(f"| two threads ≥ 1.8× one (`find_batch`, in turn) | {two:.2f}× | {yes(two >= 1.8)} |")
    mc = results["texts"][ENGLISH]["memchr"]
    w(f"| onoma ≥ 1/20 of memchr on English text | 1/{mc / one:.0f} ({one:.1f} vs {mc:.0f} MB/s) "
      f"| {yes(one * 20 >= mc)} |")
    w("")


def write(results, path, chart_link):
    args = results["args"]
    L = []
    w = L.append
    w("# Peer comparison\n")
    when = results["finished"]
    w(f"Made by `bash bench/compare/run.sh`{' --full' if args['full'] else ''} "
      f"(`bench/compare/compare.py`), {when}, total run time {results['elapsed']/60:.1f} min. "
      f"Chart: [{chart_link}]({chart_link}) (MB/s per peer, log scale).\n")
    w(f"![MB/s per peer]({chart_link})\n")
    w("## Machine and versions\n")
    for k, v in results["machine"].items():
        w(f"- {k}: {v}")
    w("")
    w("## How it is measured\n")
    sizes = ", ".join(f"`{n}` {t['mb']:.1f} MB" for n, t in results["texts"].items())
    gaz_for = "; ".join(
        f"`{g}` on {', '.join(t for t, gg, _ in cells(results) if gg == g)}" for g in results["gazetteers"])
    part = "all of each" if args["full"] else f"the first {args['mb']:g} MB of each, cut at a paragraph boundary"
    w(f"- Texts (bench/DATA.md): {part}: "
      f"{sizes}. Gazetteers: {gaz_for}. MB/s = MB of the original UTF-8 input per second of wall time, "
      f"median of {args['runs']} runs ({args['native_runs']} for the native programs; fewer when one run "
      f"takes more than {args['budget']:.0f} s: column *runs*). A Python call's time ends when it returns; "
      "freeing the result of the call before it is not in it. Ratios: onoma and the peer on the same bytes "
      "in the same run.")
    w("- Every peer runs in a fresh process per gazetteer (`worker.py` for the Python ones, the programs of "
      "`native/` for the others): it builds once, is measured, then scans each text. Python peers scan a "
      "`str` (decoded beforehand); native ones the bytes.")
    w("- *build s*: from the strings in memory to a ready matcher (peers: `NAME.aliases.txt`, every distinct "
      "string; onoma: `Gazetteer.from_file(NAME.jsonl)`, which parses the JSON Lines too, default folding, "
      "policy longest, boundary word). *load s*: from a file to a ready matcher as a program starts: the "
      "peer's saved form where it has one, marked *(restore)* (pickle for pyahocorasick, "
      "`serialize`/`deserialize` for daachorse, `hs_serialize_database`/`hs_deserialize_database` for "
      "Hyperscan); otherwise reading the alias file + build (FlashText: unpickling is slower than building; "
      "onoma has no compiled file format yet: its load is `from_file`).")
    w("- *peak MB*: the process's high-water mark during the build minus its resident memory just before "
      "(the mark is reset then: `5` to `/proc/self/clear_refs`), so the interpreter, imports and the alias "
      "list read beforehand do not count. *resident MB*: resident memory after the build minus before, both "
      "after `malloc_trim(0)` so freed build temporaries do not count; it includes the pages of shared "
      "libraries and of ICU's data that the build touches for the first time, which onoma's *private* "
      "figure in the targets' table (RssAnon) leaves out. *bytes/alias*: resident / distinct strings of the "
      "gazetteer.")
    w("- *matches raw*: what the peer gives by itself. ahocorasick-rs: MatchKind LeftmostLongest on lowercased "
      "aliases and text (the binding has no ascii_case_insensitive; lowercasing is timed); daachorse: "
      "`CharwiseDoubleArrayAhoCorasick`, MATCH_KIND_LEFTMOST_LONGEST, lowercased the same way; pyahocorasick: "
      "`iter_long` on lowercased aliases and text; FlashText: case-insensitive, its own word boundaries and "
      "longest match; spaCy: `spacy.blank('en')`, PhraseMatcher(attr='LOWER'), paragraphs tokenized by "
      "`nlp.tokenizer` inside the timed scan, all (overlapping) phrase matches; Hyperscan: "
      "`hs_compile_lit_multi` with `HS_FLAG_CASELESS | HS_FLAG_SOM_LEFTMOST` (ASCII case), block mode, "
      "every match of every literal counted (all overlapping matches).")
    w("- *ICU pipeline* (\"what a user must do today to get onoma's folding\", `native/icu_fold.cpp`): the "
      "text is folded with ICU's `nfkc_cf` data (that of `getNFKCCasefoldInstance`) in decompose mode, "
      "i.e. NFD(NFKC_Casefold), and combining marks (Mn, Me) are dropped, normalization segment by "
      "segment (split where `hasBoundaryBefore`; ASCII not followed by non-ASCII takes a lowercase fast "
      "path) with a map from each folded byte to its segment in the original; the aliases are folded the "
      "same way and deduplicated; a Hyperscan literal database (case-sensitive: both sides are folded) "
      "scans the folded text and every match is mapped back. Raw = fold + scan + map back, timed together "
      "(the fold's share is given below each table).")
    w("- *MB/s same-answer* (substring matchers): all overlapping matches (ahocorasick-rs and daachorse: a "
      "second, Standard automaton; pyahocorasick: `iter`; Hyperscan and the ICU pipeline: every match), "
      "filtered to word boundaries and then leftmost-longest non-overlapping, the filtering timed. Word "
      "boundary, onoma's rule: a match that starts (ends) with a word character — letter, mark, number, "
      "connector punctuation — must not follow (precede) one (Python: `str.isalnum` + `unicodedata`; native: "
      "ICU general category).")
    w("- *agreement*: fraction of onoma's spans that the peer also reports (same-answer spans for the "
      "substring matchers, raw spans for FlashText and spaCy; str indices for the Python peers, byte offsets "
      "for the native ones). Information only: the semantics differ (onoma folds accents, punctuation and "
      "white space, treats short all-capital aliases case-sensitively, merges aliases that fold alike).")
    w("- onoma rows: `find(str)`, `find(bytes)` on the whole text; `find_batch` over its paragraphs (split on "
      f"blank lines beforehand) with threads=1 and 2, in turn ({THREAD_ROUNDS} rounds, alternating which goes first); the "
      "two-thread speed-up is the median of the rounds' ratios. onoma's *matches* are distinct spans (one Match per "
      f"entity on an ambiguous span). The ratios use onoma `{REFERENCE[6:]}` (one thread) over the peer's MB/s. "
      "A str's rows include writing its UTF-8 form, which onoma does on every call (it keeps no copy in the "
      "str), and turning byte offsets into str indices.")
    w("- memchr: glibc `memchr` over the same buffer for a byte value absent from it (reads every byte), "
      "median of 9 runs.")
    if results["callgrind"]:
        w("- callgrind: `valgrind --tool=callgrind --instr-atstart=no` on `native/callgrind_scan.c`, a C "
          "program against the libonoma the Python rows use: it loads the gazetteer and scans the text once "
          "uninstrumented, then switches instrumentation on around a second `onoma_scan` only "
          "(`CALLGRIND_START/STOP_INSTRUMENTATION`), so the count is the scan's alone: no load-only run to "
          "subtract. Default options; a callback counts the matches.")
    w("")

    w("## memchr baseline\n")
    w("| text | MB | memchr MB/s |")
    w("|---|---:|---:|")
    for name, t in results["texts"].items():
        w(f"| {name} | {t['mb']:.1f} | {t['memchr']:.0f} |")
    w("")

    for text, gaz, rows in cells(results):
        g = results["gazetteers"][gaz]
        o = next(p for p in g["peers"] if p["peer"] == "onoma")
        w(f"## {text} ({results['texts'][text]['mb']:.1f} MB) × {gaz} ({g['aliases']:,} distinct strings, "
          f"{o.get('onoma_aliases', 0):,} onoma aliases)\n")
        _table(w, rows, g["aliases"])
        w("")
        ref = onoma_ref(rows)["mbs"]
        notes = [f"onoma `memory_usage` {o['memory_usage']/MIB:.1f} MiB = "
                 f"{o['memory_usage']/o['onoma_aliases']:.0f} bytes per onoma alias",
                 f"memchr / onoma find(bytes): {results['texts'][text]['memchr']/ref:.0f}"]
        words = next((p for p in g["peers"] if p.get("index") == "words" and "error" not in p), None)
        if words:
            notes.insert(1, f"with the word index {words['memory_usage']/MIB:.1f} MiB = "
                            f"{words['memory_usage']/words['onoma_aliases']:.0f} bytes per alias")
        hs, icu = _peer(rows, "Hyperscan"), _peer(rows, "ICU pipeline")
        if hs:
            n = hs["native"]
            notes.append(f"Hyperscan database {n['database']/MIB:.1f} MiB + scratch {n['scratch']/1024:.0f} KiB "
                         f"({(n['database'] + n['scratch'])/n['aliases']:.0f} bytes per alias), "
                         f"{n['skipped']} literals refused; filtering = {hs['filter_share']:.0%} of its "
                         "same-answer time")
        if icu:
            notes.append(f"ICU pipeline: fold = {icu['fold_share']:.0%} of its raw time, folded text "
                         f"{icu['folded_bytes']/MB:.1f} MB, {icu['native']['folded_aliases']:,} distinct folded "
                         f"aliases, alias fold {icu['native']['fold_aliases']:.2f} s of its build")
        w("; ".join(notes) + ".\n")

    if results["callgrind"]:
        w("## callgrind: onoma's scan instructions per input byte\n")
        w("A count of executed instructions, not a time: it does not move with the machine's load.\n")
        w("| text | gazetteer | bytes | matches | scan instructions | instructions/byte |")
        w("|---|---|---:|---:|---:|---:|")
        for c in results["callgrind"]:
            w(f"| {c['text']} (first {c['bytes']/MB:.1f} MB) | {c['gazetteer']} | {c['bytes']:,} | "
              f"{c['matches']:,} | {c['instructions']:,} | {c['per_byte']:.1f} |")
        w("")

    _targets(w, results)
    _notes(w, results)
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(L))


def _notes(w, results):
    w("## Notes\n")
    accented = []
    for text, gaz, rows in cells(results):
        hs, icu = _peer(rows, "Hyperscan"), _peer(rows, "ICU pipeline")
        if gaz != TARGET_GAZETTEER or not (hs and icu):
            continue
        if text == ENGLISH:
            w(f"- Agreement on {text} × {gaz}: Hyperscan same answer {hs['agree']:.3f}, ICU pipeline "
              f"{icu['agree']:.3f}. `large_realistic` drops the aliases that fold onto a common word "
              "(bench/DATA.md), so what onoma alone finds here are the few mentions spelt other than "
              "their alias beyond ASCII case (Brontë, Niña, René, Émile).")
        else:
            accented.append(f"{text} {hs['agree']:.3f} / {icu['agree']:.3f}")
    if accented:
        w(f"- On the accented texts × {TARGET_GAZETTEER} the byte-level peers agree less: French words and "
          "phrases written with accents fold onto GeoNames aliases written without them (à la, où la, "
          "situé, nommé, centré), which onoma and the ICU pipeline find and the others cannot. Agreement, "
          "Hyperscan same answer / ICU pipeline: " + "; ".join(accented) + ".")
    w("- The ICU pipeline folds like onoma only in part: no dash, quote or white-space folding, none of the "
      "Latin letters without a decomposition (ø, ł, đ, æ...), and no case-sensitive rule for short "
      "all-capital aliases (\"US\" matches \"us\"). Its map is exact per normalization segment: a match "
      "inside one expanded character takes the whole character.")
    w("- Hyperscan reports, per end offset, every literal that ends there; with `HS_FLAG_SOM_LEFTMOST` it also "
      "tracks where each started. Its *matches raw* are therefore all overlapping substring hits, and its "
      "raw speed on a large gazetteer is bounded by that stream of matches.")
    w("- The Python peers' lowercasing replaces U+0130 (İ) first, the only character whose lowercase is two "
      "code points; without it, every offset after the first İ would shift.")
    w("- The peak of onoma's build (column *peak MB*) includes the loader's transient memory; the bytes/alias "
      "target is judged on `memory_usage`.")
    spread = ", ".join(f"{text} × {gaz} {_two_threads(rows):.2f}" for text, gaz, rows in cells(results))
    w("- Noise: the machine is shared by other jobs (load average above). Wall-clock figures (builds, find_batch threads=1 vs 2, memchr) can "
      "move by tens of percent between runs; the callgrind counts do not. The two-thread figure needs a "
      f"free second core: the speed-up measured in turn in this run was {spread}; where another job held a "
      "core, it says more about the machine's load than about onoma.")
    turns = results.get("interleaved") or []
    if turns:
        w("- Each peer's row is timed in its own process, minutes after onoma's, so a change in the machine's "
          "speed between the two moves the ratio. The targets on native peers are therefore also measured in "
          "one process (`native/interleaved_bench.cpp`): onoma's C API scan (default options) and the peer's "
          "raw scan of the same bytes, in turn, the median of the rounds' ratios. A target counts as met only "
          "when both ratios reach it:")
        for t in turns:
            w(f"  - {t['peer']} × {t['gazetteer']} × {t['text']}, {t['rounds']} rounds: onoma "
              f"{t['onoma_mbs']:.1f} MB/s ({t['onoma_matches']:,} matches), {t['peer']} {t['peer_mbs']:.2f} MB/s "
              f"({t['peer_matches']:,} matches), ratio {t['ratio']:.2f}.")
    w("")
    w("## Not covered yet\n")
    w("- The 10M-alias gazetteer (`huge`) is not in the default run: `--gazetteers small,large_realistic,large,huge` "
      "measures onoma alone on it, with the byte and the word index (the peers would need tens of GB).")
    w("- Rust aho-corasick and daachorse are measured through their Python bindings (as users of the Python "
      "package would use them), so their times include building Python tuples; Hyperscan and the ICU "
      "pipeline are native C++.")
    w("")


if __name__ == "__main__":
    here = os.path.dirname(os.path.abspath(__file__))
    root = os.path.dirname(os.path.dirname(here))
    source = sys.argv[1] if len(sys.argv) > 1 else os.path.join(here, "last_run.json")
    with open(source) as f:
        res = json.load(f)
    res.setdefault("finished", time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(os.path.getmtime(source))))
    write(res, os.path.join(root, "bench", "RESULTS.md"), "results.png")
