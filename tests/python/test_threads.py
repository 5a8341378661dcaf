"""One gazetteer shared by many threads; the GIL is released while texts are scanned."""

from __future__ import annotations

import random
import threading
import time

import onoma


def _corpus(g: onoma.Gazetteer, count: int, seed: int = 7) -> list[str]:
    rng = random.Random(seed)
    names = [a.text for e in g for a in e.alias_details]
    filler = ["the", "of", "us", "met", "in", "é", "😀", "\u00a0", "İ", "ß", "\n", "—", "’s"]
    return [
        " ".join(rng.choice(names) if rng.random() < 0.2 else rng.choice(filler)
                 for _ in range(rng.randrange(1, 60)))
        for _ in range(count)
    ]


def _key(matches) -> list[tuple]:
    return [(m.start, m.end, m.byte_start, m.byte_end, m.id, m.alias, m.ambiguous, m.text)
            for m in matches]


def test_many_python_threads_get_the_single_thread_results(default):
    texts = _corpus(default, 400)
    expected = [_key(default.find(t)) for t in texts]
    expected_all = [_key(default.find(t, policy="all")) for t in texts]
    failures = []

    def worker(n: int) -> None:
        try:
            for round_ in range(3):
                order = list(range(len(texts)))
                random.Random(n * 10 + round_).shuffle(order)
                for i in order:
                    if _key(default.find(texts[i])) != expected[i]:
                        failures.append((n, i))
                    if i % 7 == n % 7 and _key(default.find(texts[i].encode(), policy="all")) != [
                        (m.byte_start, m.byte_end) + k[2:] for m, k in zip(
                            default.find(texts[i], policy="all"), expected_all[i])]:
                        failures.append((n, i, "bytes"))
                batch = default.find_batch(texts, threads=2)
                if [_key(ms) for ms in batch] != expected:
                    failures.append((n, "batch"))
        except Exception as e:  # noqa: BLE001 - reported below
            failures.append((n, repr(e)))

    threads = [threading.Thread(target=worker, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert failures == []


def test_find_batch_threads_agree(default):
    texts = _corpus(default, 3000)
    texts += [t.encode() for t in texts[:500]]
    one = [_key(ms) for ms in default.find_batch(texts, threads=1)]
    assert [_key(default.find(t)) for t in texts] == one
    for threads in (2, 3, 16, None):
        assert [_key(ms) for ms in default.find_batch(texts, threads=threads)] == one
    assert [_key(ms) for ms in default.find_batch(iter(texts), threads=2)] == one
    assert [_key(ms) for ms in default.find_batch(tuple(texts), policy="all")] == [
        _key(default.find(t, policy="all")) for t in texts]


def test_find_batch_rejects_bad_thread_counts(default):
    import pytest

    for bad, error in ((0, ValueError), (-1, ValueError), (1.5, TypeError), (True, TypeError)):
        with pytest.raises(error):
            default.find_batch(["x"], threads=bad)


def _large_batch(g: onoma.Gazetteer, seconds: float) -> list[str]:
    """Texts without matches whose scan takes about `seconds` with one thread."""
    chunk = "the quick brown fox jumps over a lazy dog, " * 2000  # ~86 kB, no entity
    texts = [chunk] * 16
    while True:
        start = time.perf_counter()
        g.find_batch(texts, threads=1)
        elapsed = time.perf_counter() - start
        if elapsed >= seconds or len(texts) >= 1 << 14:
            return texts
        texts = texts * max(2, int(seconds / max(elapsed, 1e-3)))


def test_find_batch_releases_the_gil(default):
    texts = _large_batch(default, 0.6)
    events = {}

    def scan() -> None:
        default.find_batch(texts, threads=1)
        events["scan_done"] = time.perf_counter()

    def other_python_work() -> None:
        time.sleep(0.05)  # let the scan get into the library
        total = 0
        for i in range(200_000):  # pure Python: needs the GIL throughout
            total += i
        events["other_done"] = time.perf_counter()

    scanner = threading.Thread(target=scan)
    other = threading.Thread(target=other_python_work)
    scanner.start()
    other.start()
    scanner.join()
    other.join()
    # With the GIL held by the scan, the other thread could not finish before it.
    assert events["other_done"] < events["scan_done"]


def test_find_on_a_long_text_releases_the_gil(default):
    text = "".join(_large_batch(default, 0.4))
    events = {}

    def scan() -> None:
        default.find(text)
        events["scan_done"] = time.perf_counter()

    def other_python_work() -> None:
        time.sleep(0.05)
        total = 0
        for i in range(200_000):
            total += i
        events["other_done"] = time.perf_counter()

    threads = [threading.Thread(target=scan), threading.Thread(target=other_python_work)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert events["other_done"] < events["scan_done"]


def test_builders_and_loads_from_several_threads(tmp_path):
    import json

    path = tmp_path / "g.jsonl"
    path.write_text("\n".join(json.dumps({"id": f"e{i}", "label": "X", "name": f"Entity {i}"})
                              for i in range(2000)), encoding="utf-8")
    builder = onoma.GazetteerBuilder()
    results, errors = [], []

    def work(n: int) -> None:
        try:
            results.append(len(onoma.Gazetteer.from_file(path)))
            builder.add_entity(f"t{n}", "T", f"Thread {n}")
            builder.add_alias(f"t{n}", f"T{n}x")
        except Exception as e:  # noqa: BLE001
            errors.append(e)

    threads = [threading.Thread(target=work, args=(n,)) for n in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert errors == [] and results == [2000] * 8
    assert sorted(e.id for e in builder.build()) == sorted(f"t{n}" for n in range(8))
