"""The PNG chart beside RESULTS.md: MB/s per peer, log scale, one panel per text ×
gazetteer; raw speed as a bar, the same-answer speed as a lighter bar below it, the memchr
baseline as a dashed line. `python chart.py last_run.json OUT.png` redraws it."""

from __future__ import annotations

import json
import sys

import matplotlib

matplotlib.use("Agg")  # files only, no display
import matplotlib.pyplot as plt  # noqa: E402
from matplotlib.lines import Line2D  # noqa: E402
from matplotlib.patches import Patch  # noqa: E402

from report import cells  # noqa: E402

ONOMA, PEER, MEMCHR = "#1f6fb4", "#9a9a9a", "#b22222"
LEGEND = [Patch(color=ONOMA, label="onoma"), Patch(color=PEER, label="peer, raw"),
          Patch(color=PEER, alpha=0.45, label="peer, same answer"),
          Line2D([], [], color=MEMCHR, linestyle="--", label="memchr")]


def draw(results, path):
    texts = list(results["texts"])
    gazetteers = list(results["gazetteers"])
    fig, axes = plt.subplots(len(texts), len(gazetteers), squeeze=False,
                             figsize=(5.2 * len(gazetteers), 4.2 * len(texts)))
    for ax in axes.flat:
        ax.set_visible(False)
    for text, gaz, rows in cells(results):
        ax = axes[texts.index(text)][gazetteers.index(gaz)]
        ax.set_visible(True)
        rows = [r for r in rows if "error" not in r]
        labels = [r["peer"].replace("(paragraphs, ", "(").replace("threads=", "t=") for r in rows]
        ys = range(len(rows))
        colors = [ONOMA if r["peer"].startswith("onoma") else PEER for r in rows]
        ax.barh([y - 0.18 for y in ys], [r["mbs"] for r in rows], height=0.36, color=colors)
        same = [(y, r["same_mbs"]) for y, r in zip(ys, rows) if r.get("same_mbs")]
        if same:
            ax.barh([y + 0.18 for y, _ in same], [v for _, v in same], height=0.36, color=PEER, alpha=0.45)
        memchr = results["texts"][text]["memchr"]
        ax.axvline(memchr, color=MEMCHR, linestyle="--", linewidth=1)
        ax.set_xscale("log")
        ax.set_yticks(list(ys), labels, fontsize=7)
        ax.invert_yaxis()
        ax.set_title(f"{text} ({results['texts'][text]['mb']:.1f} MB) × {gaz}; memchr {memchr:,.0f} MB/s",
                     fontsize=9)
        ax.set_xlabel("MB/s (log)", fontsize=8)
        ax.tick_params(axis="x", labelsize=7)
    fig.legend(handles=LEGEND, loc="upper center", ncol=4, fontsize=8, bbox_to_anchor=(0.5, 0.995))
    fig.suptitle("MB/s of original input, one thread unless t=2", fontsize=10, y=0.965)
    fig.tight_layout(rect=(0, 0, 1, 0.95))
    fig.savefig(path, dpi=90)
    plt.close(fig)


if __name__ == "__main__":
    with open(sys.argv[1]) as f:
        draw(json.load(f), sys.argv[2])
