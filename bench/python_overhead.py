"""Per-call overhead of the Python package on short texts (bench/python_overhead.md).

Generates TEXTS synthetic texts of about 200 bytes each (names and aliases of the bundled
gazetteer mixed with filler words: no downloads), then times

- Gazetteer.find_batch(texts, threads=1) and threads=2: the median of REPEAT runs, as
  texts per second of wall-clock time and per CPU-second of the process;
- one Gazetteer.find(text) call per text, from a Python loop;
- find_batch over the same texts as UTF-8 bytes.

Each run gets new str objects, so the UTF-8 form CPython caches inside a str is made inside
the timed region, as for texts just read. Run it with the package installed:

    python bench/python_overhead.py [--texts 100000] [--repeat 5]
"""

from __future__ import annotations

import argparse
import os
import platform
import random
import statistics
import sys
import time

import onoma

FILLER = (
    "the of and in to a said on for with at by from was were has have will would after "
    "before during talks meeting summit officials minister week today report agreed visit "
    "trade security leaders press statement joint new government president city country"
).split()


def make_texts(g: onoma.Gazetteer, count: int, size: int, seed: int) -> list[bytes]:
    """`count` texts of about `size` UTF-8 bytes: about one word in eight is an alias."""
    rng = random.Random(seed)
    aliases = [a.text for e in g for a in e.alias_details]
    texts = []
    for _ in range(count):
        words, length = [], 0
        while length < size:
            word = rng.choice(aliases) if rng.random() < 0.125 else rng.choice(FILLER)
            words.append(word)
            length += len(word.encode()) + 1
        texts.append(" ".join(words).encode()[:size])
    return texts


def fresh_strs(texts: list[bytes]) -> list[str]:
    # errors="ignore": the cut at `size` bytes may split the last character.
    return [t.decode("utf-8", "ignore") for t in texts]


def timed(run, make_input, repeat: int) -> tuple[float, float, object]:
    """Median wall-clock and CPU seconds of `repeat` runs of run(make_input())."""
    walls, cpus, result = [], [], None
    for _ in range(repeat):
        data = make_input()
        result = None  # free the previous result outside the timed region
        cpu, wall = time.process_time(), time.perf_counter()
        result = run(data)
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus), result


def cpu_model() -> str:
    try:
        with open("/proc/cpuinfo", encoding="utf-8") as f:
            for line in f:
                if line.startswith("model name"):
                    return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--texts", type=int, default=100_000)
    parser.add_argument("--size", type=int, default=200, help="bytes per text")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()

    g = onoma.Gazetteer.default()
    texts = make_texts(g, args.texts, args.size, seed=1)
    sample = fresh_strs(texts)
    matches = sum(len(m) for m in g.find_batch(sample))
    non_ascii = sum(not t.isascii() for t in sample)

    print(f"onoma {onoma.__version__}, Python {platform.python_version()} "
          f"({sys.executable}), {platform.machine()}")
    print(f"CPU: {cpu_model()}, {os.cpu_count()} logical CPUs, "
          f"load average {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print(f"{len(texts):,} texts, {sum(map(len, texts)) / len(texts):.0f} bytes each on average, "
          f"{non_ascii / len(texts):.0%} with non-ASCII characters, "
          f"{matches / len(texts):.2f} matches per text; median of {args.repeat} runs")
    print()
    print("| call | texts/s (wall) | texts per CPU-second |")
    print("|---|---:|---:|")

    def row(label: str, wall: float, cpu: float) -> None:
        print(f"| {label} | {len(texts) / wall:,.0f} | {len(texts) / cpu:,.0f} |")

    for threads in (1, 2):
        wall, cpu, _ = timed(lambda d: g.find_batch(d, threads=threads),
                             lambda: fresh_strs(texts), args.repeat)
        row(f"`find_batch(strs, threads={threads})`", wall, cpu)
    wall, cpu, _ = timed(lambda d: g.find_batch(d, threads=1), lambda: texts, args.repeat)
    row("`find_batch(bytes, threads=1)`", wall, cpu)
    wall, cpu, _ = timed(lambda d: [g.find(t) for t in d], lambda: fresh_strs(texts), args.repeat)
    row("`[find(s) for s in strs]`", wall, cpu)


if __name__ == "__main__":
    main()
