"""New events and sources held back and written a few statements at a time (``store.held``) are
stored exactly as writing each at once stores them: the same rows under the same ids."""

from __future__ import annotations

import random

import pytest

from dateline.core.store import Store
from dateline.core.store.bulk import ROWS
from dateline.core.store.held import HeldRows

NOW = "2024-10-16T10:00:00.000000+00:00"


def _event(n: int) -> dict[str, object]:
    return {
        "title": f"Event {n}",
        "value": "2024-10-16",
        "granularity": "day",
        "earliest": "2024-10-16",
        "latest": "2024-10-16",
        "confidence": 0.5 + n / 1000,
        "origin": "machine",
        "machine_key": f"1:{n}",
        "search_pending": 1,
    }


def _source(n: int) -> dict[str, object]:
    return {
        "document_id": 1,
        "sentence_start": n,
        "sentence_end": n + 10,
        "timex_start": n + 1,
        "timex_end": n + 5,
        "quote": f"It happened on Wednesday, number {n}.",
        "timex_text": "Wednesday",
        "value": "2024-10-16",
    }


def _rows(store: Store) -> list[tuple[object, ...]]:
    out = []
    for table in ("events", "sources"):
        out += [(table, *r) for r in store.conn.execute(f"SELECT * FROM {table} ORDER BY id")]
    out += [
        tuple(r) for r in store.conn.execute("SELECT name, seq FROM sqlite_sequence ORDER BY name")
    ]
    return out


def _project(path, stored_events: int) -> Store:
    """A project holding one document, ``stored_events`` events with a source each, and a gap in
    the ids: the newest event and its source were deleted (AUTOINCREMENT does not give them again)."""
    store = Store.open(path)
    with store.transaction() as tx:
        tx.insert_document({"content_hash": "h", "title": "T", "text": "x" * 200})
        for n in range(stored_events + 1):
            eid = tx.insert_event({**_event(n), "search_pending": 0})
            tx.insert_source(eid, _source(n))
        tx.delete_event(eid)
    return store


def _plan(seed: int) -> list[tuple[str, int]]:
    """New events and sources, now and then a source for an event stored before."""
    rnd = random.Random(seed)
    plan: list[tuple[str, int]] = []
    new = 0
    for _ in range(rnd.randint(1, 3 * ROWS)):
        if new and rnd.random() < 0.6:
            plan.append(("source", rnd.randrange(new)))  # the k-th new event
        elif rnd.random() < 0.1:
            plan.append(("stored", rnd.randint(1, 3)))
        else:
            plan.append(("event", new))
            new += 1
    return plan


def _write(store: Store, plan: list[tuple[str, int]], held: bool) -> list[int]:
    ids: list[int] = []
    new: list[int] = []
    with store.transaction() as tx:
        tx.now = NOW
        rows = HeldRows(tx) if held else None
        for n, (what, k) in enumerate(plan):
            if what == "event":
                row = _event(100 + n)
                new.append(rows.event(row) if rows else tx.insert_event(row))
                ids.append(new[-1])
            else:
                eid = new[k] if what == "source" else k
                row = _source(100 + n)
                ids.append(rows.source(eid, row) if rows else tx.insert_source(eid, row))
        if rows:
            rows.flush()
        tx.conn.execute("UPDATE events SET created_at = '', updated_at = ''")
    return ids


@pytest.mark.parametrize("seed", range(12))
def test_held_rows_are_stored_as_rows_written_one_by_one(tmp_path, seed):
    plan = _plan(seed)
    with _project(tmp_path / "a.db", 3) as one, _project(tmp_path / "b.db", 3) as held:
        assert _write(held, plan, held=True) == _write(one, plan, held=False)
        assert _rows(held) == _rows(one)


def test_a_held_event_takes_the_id_sqlite_would_give_after_the_newest_was_deleted(tmp_path):
    with _project(tmp_path / "p.db", 2) as store:
        newest = store.conn.execute("SELECT max(id) FROM events").fetchone()[0]
        with store.transaction() as tx:
            rows = HeldRows(tx)
            eid = rows.event(_event(7))
            rows.source(eid, _source(7))
            rows.flush()
        assert eid == newest + 2  # the deleted event's id is not given again
        stored = store.conn.execute("SELECT title FROM events WHERE id = ?", (eid,)).fetchone()
        assert tuple(stored) == ("Event 7",)
        last = store.conn.execute("SELECT event_id FROM sources ORDER BY id DESC").fetchone()
        assert tuple(last) == (eid,)


def test_a_source_for_a_stored_event_writes_what_is_held_first(tmp_path):
    with _project(tmp_path / "p.db", 2) as store, store.transaction() as tx:
        rows = HeldRows(tx)
        eid = rows.event(_event(7))
        first = rows.source(eid, _source(7))
        second = rows.source(1, _source(8))  # the event stored first
        written = store.conn.execute(
            "SELECT id, event_id FROM sources WHERE id >= ? ORDER BY id", (first,)
        )
        assert [tuple(r) for r in written] == [(first, eid), (second, 1)]


def test_many_rows_go_in_order_and_a_duplicate_is_ignored_alone():
    import sqlite3

    from dateline.core.store.bulk import insert_rows

    conn = sqlite3.connect(":memory:", isolation_level=None)
    conn.execute("CREATE TABLE t (id INTEGER PRIMARY KEY, k INTEGER UNIQUE, v TEXT)")
    rows = [{"k": n % 60, "v": f"row {n}"} for n in range(70)]  # rows 60-69 repeat keys 0-9
    insert_rows(conn, "t", rows, "INSERT OR IGNORE")
    stored = conn.execute("SELECT id, k, v FROM t ORDER BY id").fetchall()
    assert stored == [(n + 1, n, f"row {n}") for n in range(60)]
    insert_rows(conn, "t", [{"k": 100, "v": "a"}, {"v": "no key"}, {"k": 101, "v": "b"}])
    assert conn.execute("SELECT k, v FROM t WHERE id > 60 ORDER BY id").fetchall() == [
        (100, "a"),
        (None, "no key"),
        (101, "b"),
    ]
