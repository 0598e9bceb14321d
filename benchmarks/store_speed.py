"""Store speed: import + extraction throughput, and listing/filtering 100,000 events.

    .venv/bin/python benchmarks/store_speed.py [--articles 10000] [--events 100000] [--tbaq PATH]

Prints figures, the targets (>= 200 articles/s end to end; a filter of 100,000 events <= 50 ms) and
baselines measured in the same run: for an import, the engine alone in one process, then the same
import with worker processes reading and analysing ahead of the store (``ingest.prepare``) against
the one-process import; for the filters, the same question answered by loading every row into Python,
and a LIKE scan for text, with the ratio.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import os
import random
import re
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import _repo  # noqa: F401  (puts the test-support package on the path)
from dateline.core import services
from dateline.core.ingest import prepare
from dateline.core.ingest.collector import full_collections_held
from dateline.core.ingest.service import Ingest
from dateline.core.store import EventFilter, Store
from support.articles import PLACES, generated_folder

# The corpus sits in the shared folder beside the repository (../shared/corpora/tbaq).
TBAQ = Path(__file__).resolve().parents[2] / "shared" / "corpora" / "tbaq"
TARGET_ARTICLES_PER_S = 200.0
TARGET_FILTER_MS = 50.0

_TEXT = re.compile(r"<TEXT>(.*?)</TEXT>", re.S)
_DCT = re.compile(
    r'functionInDocument="CREATION_TIME"[^>]*>|value="(\d{4}-\d{2}-\d{2})[^"]*"[^>]*functionInDocument="CREATION_TIME"'
)
_TAG = re.compile(r"<[^>]+>")


def tbaq_folder(src: Path, dest: Path) -> int:
    """Plain-text copies of the corpus articles plus a manifest of their creation dates."""
    manifest: dict[str, dict[str, str]] = {}
    n = 0
    for tml in sorted(src.rglob("*.tml")):
        raw = tml.read_text(encoding="utf-8", errors="replace")
        m = _TEXT.search(raw)
        if not m:
            continue
        text = _TAG.sub("", m.group(1)).strip()
        name = f"{tml.stem}.txt"
        (dest / name).write_text(text + "\n", encoding="utf-8")
        dct = re.search(r'<DCT><TIMEX3[^>]*value="(\d{4}-\d{2}-\d{2})', raw)
        if dct:
            manifest[name] = {"published": dct.group(1)}
        n += 1
    (dest / "manifest.json").write_text(json.dumps({"articles": manifest}), encoding="utf-8")
    return n


def engine_only(folder: Path) -> float:
    """Seconds to read, find timexes and propose events for every file, without the store."""
    from dateline.core.model import Article
    from dateline.core.proposals import propose_events
    from dateline.core.readers import iter_article_files, read_articles
    from dateline.core.temporal import find_timexes

    t0 = time.perf_counter()
    for path in iter_article_files([folder]):
        for art in read_articles(path):
            timexes = find_timexes(art.text, art.published)
            article = Article(id="1", text=art.text, title=art.title, published=art.published)
            propose_events([article], {"1": timexes})
    return time.perf_counter() - t0


def timed_import(folder: Path, db: Path, workers: int) -> tuple[float, int, int, int]:
    """Seconds to import ``folder`` into a new store at ``db`` with ``workers`` worker processes
    (0: one process), documents imported, events stored, files failed."""
    with Store.open(db) as store:
        ingest = Ingest(store)
        ingest.workers = workers
        t0 = time.perf_counter()
        with full_collections_held():  # as the import command does
            report = ingest.import_paths([folder])
        elapsed = time.perf_counter() - t0
        return elapsed, len(report.imported), store.count_events(), len(report.failed)


def bench_import(label: str, folder: Path, db: Path) -> None:
    size = sum(p.stat().st_size for p in folder.glob("*.txt"))
    elapsed, n, events, failed = timed_import(folder, db, 0)
    with Store.open(db) as store:
        bench_suggestions(store, f"{label}, after import")
    engine = engine_only(folder)
    rate = n / elapsed if elapsed else float("inf")
    print(f"\n== import + extraction: {label}")
    print(f"  {n} documents ({size / 1e6:.1f} MB); {events} events; {failed} failed")
    verdict = "meets" if rate >= TARGET_ARTICLES_PER_S else "MISSES"
    print(
        f"  one process: {elapsed:.1f} s, {rate:.0f} documents/s, {size / 1e6 / elapsed:.2f} MB/s  "
        f"(target >= {TARGET_ARTICLES_PER_S:.0f}/s: {verdict})"
    )
    print(
        f"    baseline, the engine alone in this process (read + find_timexes + propose_events, no "
        f"store): {engine:.1f} s = {n / engine:.0f} documents/s; so store, matching and audit: "
        f"{elapsed - engine:.1f} s ({(elapsed - engine) / max(n, 1) * 1000:.1f} ms/document)"
    )
    workers = max(1, prepare.worker_count(n))  # what an import of this size uses (at least one)
    pooled, n2, events2, _ = timed_import(folder, db.with_suffix(".pool.db"), workers)
    same = (
        "the same"
        if (n2, events2) == (n, events)
        else f"DIFFERENT ({n2} documents, {events2} events)"
    )
    prate = n2 / pooled if pooled else float("inf")
    verdict = "meets" if prate >= TARGET_ARTICLES_PER_S else "MISSES"
    print(
        f"  with {workers} worker process{'es' if workers > 1 else ''} reading and analysing ahead "
        f"of the store: {pooled:.1f} s, {prate:.0f} documents/s (target: {verdict}); "
        f"{prate / rate:.2f}x the one-process rate measured above; store {same}"
    )


def fill_events(store: Store, n: int, seed: int = 11) -> None:
    """n events with one source each, straight into the tables (triggers keep search in step)."""
    rnd = random.Random(seed)
    conn = store.conn
    with store.db.atomic():
        conn.execute(
            "INSERT INTO documents (content_hash, title, text, published) VALUES ('bench', 'Bench', ?, '2020-01-01')",
            ("Benchmark document. " * 50,),
        )
        doc = conn.execute("SELECT id FROM documents WHERE content_hash = 'bench'").fetchone()[0]
        statuses = ["proposed"] * 6 + ["accepted"] * 2 + ["rejected", "edited"]
        words = [
            "ceasefire",
            "budget",
            "sanctions",
            "aid",
            "summit",
            "election",
            "protest",
            "talks",
            "vote",
        ]
        rows = []
        for i in range(n):
            if rnd.random() < 0.03:
                a = b = None
                value, gran = "PAST_REF", "unknown"
            else:
                a = dt.date(1990, 1, 1) + dt.timedelta(days=rnd.randrange(12000))
                if rnd.random() < 0.7:
                    b, value, gran = a, a.isoformat(), "day"
                else:
                    a = a.replace(day=1)
                    b = (a + dt.timedelta(days=32)).replace(day=1) - dt.timedelta(days=1)
                    value, gran = a.strftime("%Y-%m"), "month"
            title = (
                f"{rnd.choice(words).capitalize()} {rnd.choice(words)} in {rnd.choice(PLACES)} #{i}"
            )
            rows.append((title, value, gran, a and a.isoformat(), b and b.isoformat(), rnd.choice(statuses),
                         round(rnd.random(), 3), '["anchor-changed"]' if rnd.random() < 0.01 else "[]"))  # fmt: skip
        conn.executemany(
            "INSERT INTO events (title, value, granularity, earliest, latest, status, confidence, flags) "
            "VALUES (?,?,?,?,?,?,?,?)",
            rows,
        )
        # Match terms as an import stores them: the title's words (minus the "#n" counter).
        conn.execute(
            "INSERT INTO sources (event_id, document_id, sentence_start, sentence_end, timex_start, "
            "timex_end, quote, value, match_terms) "
            "SELECT id, ?, id, id + 20, id, id + 9, title || ' was reported by the wire.', value, "
            "'[\"' || replace(lower(substr(title, 1, instr(title, ' #') - 1)), ' ', '\",\"') || '\"]' "
            "FROM events",
            (doc,),
        )
        conn.execute(
            "INSERT INTO event_tags (event_id, tag) SELECT id, CASE id % 3 WHEN 0 THEN 'nato' WHEN 1 THEN 'eu' "
            "ELSE 'un' END FROM events WHERE id % 5 = 0"
        )
    conn.execute("ANALYZE")


def timed(fn: Callable[[], object], repeat: int = 7) -> tuple[float, object]:
    times = []
    result: object = None
    for _ in range(repeat):
        t0 = time.perf_counter()
        result = fn()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), result


def python_side(store: Store, flt: EventFilter) -> list[int]:
    """The naive way: every row into Python, filter and sort there (text by substring)."""
    rows = store.conn.execute("SELECT id, title, status, earliest, latest FROM events").fetchall()
    tags: dict[int, set[str]] = {}
    if flt.tags:
        for eid, tag in store.conn.execute("SELECT event_id, tag FROM event_tags"):
            tags.setdefault(eid, set()).add(tag)
    out = []
    for r in rows:
        if flt.statuses and r["status"] not in flt.statuses:
            continue
        if flt.tags and not set(flt.tags) <= tags.get(r["id"], set()):
            continue
        if flt.date_from and (r["latest"] is None or r["latest"] < flt.date_from.isoformat()):
            continue
        if flt.date_to and (r["earliest"] is None or r["earliest"] > flt.date_to.isoformat()):
            continue
        if flt.text and flt.text.lower() not in r["title"].lower():
            continue
        out.append(r)
    out.sort(key=lambda r: r["id"])
    out.sort(key=lambda r: r["latest"] or "", reverse=True)
    out.sort(key=lambda r: r["earliest"] or "~")
    return [r["id"] for r in out]


def bench_filters(db: Path, n: int) -> None:
    with Store.open(db) as store:
        t0 = time.perf_counter()
        fill_events(store, n)
        print(f"\n== list/filter {n:,} events (generated in {time.perf_counter() - t0:.1f} s)")
        cases = [
            ("all, date order", EventFilter()),
            ("status=accepted", EventFilter(statuses=("accepted",))),
            ("status=proposed (60%)", EventFilter(statuses=("proposed",))),
            ("tag=nato", EventFilter(tags=("nato",))),
            ("year 2001", EventFilter(date_from=dt.date(2001, 1, 1), date_to=dt.date(2001, 12, 31))),
            ("text 'ceasefire'", EventFilter(text="ceasefire")),
            ("accepted+tag+range", EventFilter(statuses=("accepted",), tags=("eu",), date_from=dt.date(1995, 1, 1), date_to=dt.date(2005, 1, 1))),
            ("flagged", EventFilter(flagged=True)),
        ]  # fmt: skip
        worst = 0.0
        print(f"  {'filter':<24} {'rows':>7} {'SQL ms':>8} {'baseline ms':>12} {'ratio':>6}")
        for label, flt in cases:
            ms, ids = timed(lambda f=flt: store.event_ids(f))
            base_ms, base = timed(lambda f=flt: python_side(store, f), repeat=3)
            if not flt.text and not flt.flagged:
                assert ids == base, label  # the baseline answers the same question
            worst = max(worst, ms)
            print(f"  {label:<24} {len(ids):>7} {ms:>8.1f} {base_ms:>12.1f} {base_ms / ms:>5.1f}x")  # type: ignore[arg-type]
        like_ms, _ = timed(
            lambda: store.conn.execute(
                "SELECT id FROM events e WHERE title LIKE '%ceasefire%' OR EXISTS (SELECT 1 FROM sources s "
                "WHERE s.event_id = e.id AND s.quote LIKE '%ceasefire%') ORDER BY coalesce(earliest,'~')"
            ).fetchall(),
            repeat=3,
        )
        fts_ms, _ = timed(lambda: store.event_ids(EventFilter(text="ceasefire")))
        print(
            f"  text search: FTS5 {fts_ms:.1f} ms vs LIKE scan {like_ms:.1f} ms ({like_ms / fts_ms:.1f}x)"
        )
        page_ms, _ = timed(lambda: store.events(store.event_ids()[:200]))
        print(f"  list all ids + fetch first 200 rows with sources: {page_ms:.1f} ms")
        count_ms, _ = timed(lambda: store.count_events(EventFilter(statuses=("proposed",))))
        print(f"  count proposed: {count_ms:.1f} ms")
        verdict = "meets" if worst <= TARGET_FILTER_MS else "MISSES"
        print(f"  slowest filter {worst:.1f} ms (target <= {TARGET_FILTER_MS:.0f} ms: {verdict})")
        bench_suggestions(store, f"{n:,} events")


def bench_suggestions(store: Store, label: str) -> None:
    """Merge suggestions for one event (the editor's panel) and the store-wide count (status bar)."""
    rnd = random.Random(5)
    ids = store.event_ids(EventFilter(statuses=("proposed", "accepted", "edited")))
    sample = rnd.sample(ids, min(50, len(ids)))
    times = []
    found = 0
    for eid in sample:
        t0 = time.perf_counter()
        found += len(services.suggestions_for(store, eid))
        times.append((time.perf_counter() - t0) * 1000)
    times.sort()
    verdict = "meets" if times and times[len(times) // 2] <= TARGET_FILTER_MS else "MISSES"
    print(
        f"  merge suggestions for one event ({label}, {len(sample)} events): median "
        f"{statistics.median(times):.1f} ms, p90 {times[int(len(times) * 0.9)]:.1f} ms, "
        f"max {times[-1]:.1f} ms, {found} pairs (target < {TARGET_FILTER_MS:.0f} ms: {verdict})"
    )
    t0 = time.perf_counter()
    count = services.suggestion_count(store)
    cold = time.perf_counter() - t0
    warm, _ = timed(lambda: services.suggestion_count(store))
    print(
        f"  suggestion count ({label}): {count} pairs; first call {cold * 1000:.0f} ms, "
        f"then {warm:.3f} ms until the database changes"
    )


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--articles", type=int, default=10_000)
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument("--tbaq", type=Path, default=TBAQ)
    ap.add_argument("--skip-import", action="store_true")
    args = ap.parse_args(argv)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.1f}")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        if not args.skip_import:
            if args.tbaq.exists():
                folder = root / "tbaq"
                folder.mkdir()
                tbaq_folder(args.tbaq, folder)
                bench_import("TBAQ corpus texts (TimeBank + AQUAINT)", folder, root / "tbaq.db")
            else:
                print(f"(no corpus at {args.tbaq}: skipped)")
            folder = root / "generated"
            folder.mkdir()
            generated_folder(folder, args.articles)
            bench_import(f"generated corpus of {args.articles:,} articles", folder, root / "gen.db")
        bench_filters(root / "events.db", args.events)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
