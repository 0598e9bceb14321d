"""Big files: how soon an import says where it is inside a 5 MB file, and how soon Cancel stops it.

    .venv/bin/python benchmarks/big_files.py [--mb 5] [--cancels 0.25,0.5,0.75]

Two files of ``--mb`` MB are generated: one long article (a report with no date line, made of the
paragraphs of generated news articles: ``support.articles.long_article``) and an obvious dump of
generated articles, each with its headline and date line (``support.articles.article_dump``).
For each file, as the window runs an import (on a thread of its own, full collections held off):

1. a whole import into an empty project: the time to the first progress report from inside the file,
   the longest gap between two reports (the longest time without a chance to stop), the total time;
2. imports cancelled at fractions (``--cancels``) of that total time, and, for the long article,
   just as its storing begins: the cancel latency, from the flag being set (as the Cancel button sets
   it) to the import returning, and a check that the project holds exactly the articles the report
   says were imported (integrity check included).

The machine is shared with other jobs: the figures are indicative, the gaps and latencies are what to
read against the one-second target.
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path

import _repo  # noqa: F401  (puts the test-support package on the path)
from dateline.core.ingest import ImportReport, Ingest
from dateline.core.ingest.collector import full_collections_held
from dateline.core.store import Store
from support.articles import article_dump, long_article


class Run:
    """One import on a worker thread, with every progress report timed."""

    def __init__(self, path: Path, db: Path) -> None:
        self.path, self.db = path, db
        self.flag = threading.Event()
        self.reports: list[tuple[float, str]] = []
        self.report: ImportReport | None = None
        self.cancel_on = ""
        self.flagged_at = 0.0

    def _progress(self, done: int, total: int, text: str) -> None:
        now = time.perf_counter()
        self.reports.append((now, text))
        if self.cancel_on and self.cancel_on in text and not self.flag.is_set():
            self.flagged_at = now
            self.flag.set()

    def _body(self) -> None:
        with Store.open(self.db) as store, full_collections_held():
            self.report = Ingest(store).import_paths(
                [self.path], progress=self._progress, cancel=self.flag.is_set
            )

    def go(self, cancel_after: float | None = None) -> float:
        """Run to the end (or cancel ``cancel_after`` seconds in); seconds from start to return."""
        worker = threading.Thread(target=self._body)
        self.started = time.perf_counter()
        worker.start()
        if cancel_after is not None:
            worker.join(cancel_after)
            if worker.is_alive() and not self.flag.is_set():
                self.flagged_at = time.perf_counter()
                self.flag.set()
        worker.join()
        self.ended = time.perf_counter()
        return self.ended - self.started

    def first_inside(self) -> float:
        inside = [t for t, text in self.reports if text.startswith(f"{self.path}: ")]
        return (inside[0] - self.started) if inside else float("nan")

    def longest_gap(self) -> float:
        times = [self.started] + [t for t, _ in self.reports] + [self.ended]
        return max(b - a for a, b in itertools.pairwise(times))

    def check(self) -> str:
        assert self.report is not None
        with Store.open(self.db) as store:
            ok = store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            docs = len(store.documents())
            events = store.count_events()
        whole = ok and docs == len(self.report.imported)
        return f"{docs} documents, {events} events stored; {'consistent' if whole else 'NOT CONSISTENT'}"


def measure(name: str, path: Path, tmp: Path, fractions: list[float], storing: bool) -> None:
    print(f"\n== {name}: {path.stat().st_size / 1e6:.1f} MB", flush=True)
    full = Run(path, tmp / f"{name}-full.db")
    total = full.go()
    assert full.report is not None
    print(f"  whole import: {total:.1f} s; {full.report.summary()}; {full.check()}")
    print(
        f"  first progress report from inside the file after {full.first_inside():.2f} s; "
        f"{len(full.reports)} reports; longest gap between two {full.longest_gap():.2f} s"
    )
    latencies = []
    cases: list[tuple[str, float | None, str]] = [
        (f"at {f:.0%} of the import ({f * total:.1f} s)", f * total, "") for f in fractions
    ]
    if storing:
        cases.append(("as its storing begins", None, "storing part 1"))
    for n, (label, after, on) in enumerate(cases):
        run = Run(path, tmp / f"{name}-cancel{n}.db")
        run.cancel_on = on
        run.go(after)
        assert run.report is not None
        latency = run.ended - run.flagged_at
        latencies.append(latency)
        left = len(run.report.not_processed)
        partly = "; ".join(f"{d} of {t} articles kept" for _, d, t in run.report.partly)
        print(
            f"  cancel {label}: stopped {latency * 1000:.0f} ms after the flag; "
            f"cancelled={run.report.cancelled}, {len(run.report.imported)} imported, "
            f"{left} file(s) left{', ' + partly if partly else ''}; {run.check()}",
            flush=True,
        )
    print(
        f"  cancel latency: median {statistics.median(latencies) * 1000:.0f} ms, "
        f"max {max(latencies) * 1000:.0f} ms (target about 1000 ms)"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawTextHelpFormatter)
    ap.add_argument("--mb", type=float, default=5.0)
    ap.add_argument("--cancels", default="0.25,0.5,0.75", help="fractions of the whole import")
    args = ap.parse_args(argv)
    fractions = [float(f) for f in args.cancels.split(",") if f]
    size = int(args.mb * 1_000_000)
    print(f"python {sys.version.split()[0]}; files of {args.mb} MB")
    with tempfile.TemporaryDirectory(prefix="dateline-big-") as tmp_name:
        tmp = Path(tmp_name)
        report = tmp / "report.txt"
        report.write_text(long_article(size), encoding="utf-8")
        dump_text, articles = article_dump(size)
        dump = tmp / "dump.txt"
        dump.write_text(dump_text, encoding="utf-8")
        measure("one long article", report, tmp, fractions, storing=True)
        measure(f"a dump of {articles} articles", dump, tmp, fractions, storing=False)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
