"""Throughput of ``find_timexes`` against ``dateparser.search.search_dates`` on the same texts.

Both run over every document of the TimeBank + AQUAINT corpus (text of <TEXT>, DCT as the publication date /
RELATIVE_BASE), on one core, in one process. Start-up (importing the module and the first call, which compiles
patterns and loads language data) is timed separately and excluded from the throughput figures.
Throughput is the best of ``--rounds`` passes for dateline and one pass for dateparser (it is slow).

Run: ``python benchmarks/extract_speed.py [--rounds N] [--limit N] [--corpus DIR]``
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import _tbaq


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--corpus", type=Path, default=_tbaq.DEFAULT_CORPUS)
    ap.add_argument("--limit", type=int, default=None)
    ap.add_argument("--rounds", type=int, default=3)
    args = ap.parse_args(argv)
    docs = _tbaq.load(args.corpus, args.limit)
    if not docs:
        print(f"no .tml documents under {args.corpus}", file=sys.stderr)
        return 2
    texts = [(d.text, d.dct) for d in docs]
    mb = sum(len(t.encode("utf-8")) for t, _ in texts) / 1e6

    t0 = time.perf_counter()
    from dateline.core.temporal import find_timexes

    t1 = time.perf_counter()
    find_timexes(texts[0][0], texts[0][1])
    t2 = time.perf_counter()
    best = float("inf")
    found = 0
    for _ in range(max(1, args.rounds)):
        start = time.perf_counter()
        found = sum(len(find_timexes(t, d)) for t, d in texts)
        best = min(best, time.perf_counter() - start)

    t3 = time.perf_counter()
    from dateparser.search import search_dates

    t4 = time.perf_counter()

    def run_dp(text: str, dct: dt.date | None) -> int:
        settings: dict[str, object] = {}
        if dct is not None:
            settings["RELATIVE_BASE"] = dt.datetime(dct.year, dct.month, dct.day)
        try:
            return len(search_dates(text, languages=["en"], settings=settings) or [])
        except Exception:  # scored as it behaves: a crash on a document finds nothing there
            return 0

    run_dp(texts[0][0], texts[0][1])
    t5 = time.perf_counter()
    start = time.perf_counter()
    dp_found = sum(run_dp(t, d) for t, d in texts)
    dp_time = time.perf_counter() - start

    n = len(texts)
    print(f"corpus: {n} documents, {mb:.3f} MB of text")
    print(
        f"dateline find_timexes:   {mb / best:7.2f} MB/s  {n / best:9.1f} documents/s  ({best:.3f} s, {found} timexes)"
    )
    print(
        f"dateparser search_dates: {mb / dp_time:7.2f} MB/s  {n / dp_time:9.1f} documents/s  ({dp_time:.3f} s, {dp_found} dates)"
    )
    print(f"ratio: find_timexes is {dp_time / best:.1f}x faster")
    print(
        f"start-up: dateline import {1000 * (t1 - t0):.0f} ms + first call {1000 * (t2 - t1):.0f} ms; "
        f"dateparser import {1000 * (t4 - t3):.0f} ms + first call {1000 * (t5 - t4):.0f} ms"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
