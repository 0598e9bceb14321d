"""A seeded project and full-state snapshots, for the store, command, import and reliability tests."""

from __future__ import annotations

from pathlib import Path

from dateline.core.ingest import import_paths
from dateline.core.store import Store


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
