"""The engine's cost per MB on long texts: is it linear in the length of an article?

    .venv/bin/python benchmarks/long_texts.py [--sizes 0.1,0.25,0.5,1,2,4,8] [--budget 300]

One article of each size (a headline, then the paragraphs of generated news articles one after the
other, about ten dates per KB: ``support.articles.long_article``), published on a fixed date. For each
size it times, on one core (CPU time of this process, so other jobs on the machine count less):

- ``find_timexes`` over the whole text;
- the timexes and proposals as an import reads them (``ingest.pieces.read``: the whole text below
  ``pieces.LONG`` characters, pieces above it), both together;
- ``propose_events`` over the whole text in one call (``engine.analyse`` given the timexes), as long
  as the growth measured so far says it ends within ``--budget`` seconds; larger sizes are left out
  and the time they would take is printed instead.

The first two are the best of ``--rounds`` runs (CPU time of this process), the third one run.

Prints seconds per MB for each size, and for each measure the ratio of the largest to the smallest
figure from 0.1 MB on: "flat" when it is within 1.5x. A figure taken while other jobs share the machine
varies; the ratio within one run is the figure to read.
"""

from __future__ import annotations

import argparse
import datetime as dt
import gc
import sys
import time

import _repo  # noqa: F401  (puts the test-support package on the path)
from dateline.core import engine
from dateline.core.ingest import pieces
from dateline.core.model import Article
from support.articles import long_article

FLAT = 1.5


def _timed(fn, rounds: int = 1):  # -> (seconds, result): the best of ``rounds`` runs
    best, result = float("inf"), None
    for _ in range(rounds):
        gc.collect()
        started = time.process_time()
        result = fn()
        best = min(best, time.process_time() - started)
    return best, result


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--sizes", default="0.1,0.25,0.5,1,2,4,8", help="MB, comma-separated")
    ap.add_argument("--budget", type=float, default=300.0, help="seconds for one whole-text run")
    ap.add_argument("--rounds", type=int, default=3, help="runs of each measure (best kept)")
    args = ap.parse_args(argv)
    sizes = [float(s) for s in args.sizes.split(",")]
    published = dt.date(2020, 6, 1)
    engine.analyse(Article("warm", long_article(3000), published=published))  # lexicons loaded

    print(
        f"python {sys.version.split()[0]}; pieces of {pieces.PIECE:,} characters above {pieces.LONG:,}"
    )
    print(
        f"{'MB':>5} {'timexes':>8} {'find_timexes':>13} {'import (pieces)':>19} {'propose_events whole':>21}"
    )
    rows: dict[str, dict[float, float]] = {"find_timexes": {}, "import": {}, "whole": {}}
    last_whole: tuple[float, float] | None = None  # (MB, seconds)
    skipped = False
    for mb in sizes:
        text = long_article(int(mb * 1_000_000))
        article = Article("long", text, published=published)
        size = len(text.encode("utf-8")) / 1e6
        t_find, timexes = _timed(lambda a=article: engine.find_timexes(a), args.rounds)
        t_import, _ = _timed(lambda a=article: pieces.read(a), args.rounds)
        rows["find_timexes"][mb] = t_find / size
        rows["import"][mb] = t_import / size
        predicted = _predict(last_whole, size)
        if not skipped and predicted <= args.budget:
            t_whole, _ = _timed(lambda a=article, t=timexes: engine.analyse(a, t))
            rows["whole"][mb] = t_whole / size
            last_whole = (size, t_whole)
            whole = f"{t_whole / size:8.2f} s/MB"
        else:
            skipped = True
            whole = f"(~{predicted:,.0f} s: left out)"
        print(
            f"{mb:>5} {len(timexes):>8} {t_find / size:>9.2f} s/MB {t_import / size:>14.2f} s/MB "
            f"{whole:>21}",
            flush=True,
        )
    print()
    for name, label in (
        ("find_timexes", "find_timexes"),
        ("import", "timexes + proposals as an import reads them (pieces)"),
        ("whole", "propose_events on the whole text"),
    ):
        figures = rows[name]
        if len(figures) < 2:
            print(f"{label}: too few sizes measured")
            continue
        ratio = max(figures.values()) / min(figures.values())
        span = f"{min(figures)}-{max(figures)} MB"
        verdict = "flat" if ratio <= FLAT else "NOT flat"
        print(f"{label}: seconds per MB vary {ratio:.2f}x over {span} ({verdict} within {FLAT}x)")
    return 0


def _predict(last: tuple[float, float] | None, size: float) -> float:
    """Seconds a whole-text run of ``size`` MB would take if cost grew with the square of the
    length from the last one measured (what it was measured to do)."""
    if last is None:
        return 0.0
    mb, seconds = last
    return seconds * (size / mb) ** 2


if __name__ == "__main__":
    raise SystemExit(main())
