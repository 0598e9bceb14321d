"""The project file handed on as it is: its id, its read-only views, and search that stays exact
through every kind of edit (the index reads the events table, so Datasette finds it)."""

from __future__ import annotations

import sqlite3

import pytest
from store_helpers import by_title, seeded_store

from dateline.core.commands import DeleteEvent, EditEvent, MergeEvents, SetNote, SplitEvent
from dateline.core.store import EventFilter, Store
from dateline.core.store.schema import project_id


def _search(store: Store, words: str) -> list[int]:
    return sorted(store.event_ids(EventFilter(text=words)))


WORDS = (
    "Rutte",
    "Zelenskyy",
    "billion",
    "Wiesbaden",
    "parliament",
    "Korean",
    "summit",
    "delighted",
)


def _assert_index_exact(store: Store) -> None:
    """What incremental upkeep left in the index is what rebuilding it from the tables gives."""
    conn = store.conn
    stale = conn.execute(
        "SELECT e.id FROM events e WHERE e.quotes != coalesce("
        "(SELECT group_concat(s.quote, ' ') FROM sources s WHERE s.event_id = e.id), '')"
    ).fetchall()
    assert stale == []
    conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
    before = {w: _search(store, w) for w in WORDS}
    assert any(before.values())
    with store.transaction():
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('rebuild')")
    assert {w: _search(store, w) for w in WORDS} == before


def test_each_project_has_its_own_lasting_id(tmp_path):
    with Store.open(tmp_path / "a.db") as a, Store.open(tmp_path / "b.db") as b:
        first, other = project_id(a.db), project_id(b.db)
    assert first and other and first != other
    with Store.open(tmp_path / "a.db") as again:
        assert project_id(again.db) == first


def test_views_list_events_and_their_sources_with_articles(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    conn = store.conn
    n_events = conn.execute("SELECT count(*) FROM events").fetchone()[0]
    rows = conn.execute("SELECT * FROM timeline_events").fetchall()
    assert len(rows) == n_events
    first = dict(rows[0])
    assert {"id", "value", "status", "title", "tags", "sources", "documents", "notes"} <= set(first)
    assert first["earliest"] == min(r["earliest"] for r in rows if r["earliest"])
    sources = conn.execute("SELECT * FROM timeline_sources").fetchall()
    assert len(sources) == conn.execute("SELECT count(*) FROM sources").fetchone()[0]
    titles = {d.title for d in store.documents()}
    assert {dict(s)["document_title"] for s in sources} == titles
    assert all(dict(s)["quote"] and dict(s)["event_title"] for s in sources)
    with pytest.raises(sqlite3.OperationalError):
        conn.execute("DELETE FROM timeline_events")
    store.close()


def test_search_stays_exact_through_edits_merges_splits_deletes_and_undo(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    _assert_index_exact(store)
    press = by_title(store, "victory plan")
    others = [i for i in store.event_ids() if i != press]
    done = [
        store_apply(store, EditEvent(press, {"title": "Zelenskyy unveils plan in Kyiv"})),
        store_apply(store, SetNote(press, "Wiesbaden hub mentioned too")),
        store_apply(store, MergeEvents((press, others[0]))),
    ]
    _assert_index_exact(store)
    assert press in _search(store, "unveils") and press in _search(store, "Wiesbaden")
    sources = store.event(press).sources
    done.append(store_apply(store, SplitEvent(press, (sources[-1].id,))))
    done.append(store_apply(store, DeleteEvent((others[1],))))
    _assert_index_exact(store)
    for cmd in reversed(done):
        store.revert(cmd)
        _assert_index_exact(store)
    assert press not in _search(store, "unveils")
    store.close()


def store_apply(store: Store, cmd):
    store.apply(cmd)
    return cmd
