"""Helpers for the store, command and import tests: a seeded database and a full-state snapshot."""

from __future__ import annotations

import sys
from pathlib import Path

from dateline.core.ingest import import_paths
from dateline.core.store import Store

BENCHMARKS = Path(__file__).resolve().parents[2] / "benchmarks"


def generated_articles(folder: Path, n: int) -> Path:
    """``folder`` filled with the benchmark's ``n`` generated news-like articles and their manifest."""
    sys.path.insert(0, str(BENCHMARKS))
    try:
        from store_speed import generated_folder
    finally:
        sys.path.remove(str(BENCHMARKS))
    folder.mkdir(parents=True, exist_ok=True)
    generated_folder(folder, n)
    return folder


def seeded_store(tmp_path: Path, seeds_dir: Path) -> Store:
    store = Store.open(tmp_path / "project.db", who="tester")
    report = import_paths(store, [seeds_dir])
    assert len(report.imported) == 2, report
    return store


def state(store: Store) -> dict[str, object]:
    """Everything a user could see: every event with sources, documents, timexes, tags, search."""
    ids = store.conn.execute("SELECT id FROM events ORDER BY id").fetchall()
    events = store.events([r[0] for r in ids])
    docs = store.documents()
    return {
        "events": events,
        "documents": docs,
        "timexes": {d.id: store.timexes(d.id, reviewed=False) for d in docs},
        "tags": store.tags(),
        "fts": store.conn.execute(
            "SELECT rowid, title, description, notes, quotes FROM events_fts ORDER BY rowid"
        ).fetchall(),
    }


def by_title(store: Store, words: str) -> int:
    """The id of the one event whose title contains ``words`` (case-insensitive) and whose date the
    text states (events dated only by inference, such as the article's news of the day, aside)."""
    hits = [
        e.id
        for e in store.events(store.event_ids())
        if words.lower() in e.title.lower() and any(not s.basis for s in e.sources)
    ]
    assert len(hits) == 1, (words, hits)
    return hits[0]


def by_value(store: Store, value: str) -> list[int]:
    return [e.id for e in store.events(store.event_ids()) if e.value == value]
