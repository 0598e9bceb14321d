"""A disk that fills up during an import or an edit: each file that cannot be stored is reported with a
sentence, the batch goes on, nothing already stored is lost, and once there is room again the same
import finishes the job.

The full disk is SQLite's own: ``PRAGMA max_page_count`` caps the file, and a write past the cap fails
with SQLITE_FULL exactly as a write to a full disk does (same error code, same rollback).
"""

from __future__ import annotations

import pytest

from dateline.core.commands import SetNote
from dateline.core.errors import StoreError
from dateline.core.ingest import import_paths
from support.articles import generated_articles
from support.store import seeded_store, state


def _fill_up(store, headroom: int = 4) -> None:
    pages = store.conn.execute("PRAGMA page_count").fetchone()[0]
    store.conn.execute(f"PRAGMA max_page_count = {pages + headroom}")


def _make_room(store) -> None:
    store.conn.execute("PRAGMA max_page_count = 1073741823")


@pytest.fixture
def store(tmp_path, seeds_dir):
    s = seeded_store(tmp_path, seeds_dir)
    yield s
    s.close()


def test_an_import_onto_a_full_disk_reports_each_file_and_loses_nothing(store, tmp_path):
    folder = generated_articles(tmp_path / "articles", 40)
    files = sorted(str(p) for p in folder.glob("*.txt"))
    before = state(store)
    _fill_up(store)

    report = import_paths(store, [folder])

    full = f"The database {store.path} cannot be written: the disk is full or failing."
    assert report.failed, "the disk filled up"
    assert sorted([p for p, _ in report.imported] + [p for p, _ in report.failed]) == files
    # a file whose batch was undone as the batch committed says so
    reasons = {reason.removeprefix("not stored: ") for _, reason in report.failed}
    assert reasons == {full}, "one clear sentence per file"
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    now = state(store)
    old_ids = {e.id for e in before["events"]}
    assert [e for e in now["events"] if e.id in old_ids] == before["events"], "nothing lost"
    assert now["documents"][: len(before["documents"])] == before["documents"]
    stored = {d.path for d in store.documents()}
    assert stored >= {p for p, _ in report.imported}
    assert not stored & {p for p, _ in report.failed}, "a failed file left nothing half-stored"

    _make_room(store)
    again = import_paths(store, [folder])
    assert sorted(again.duplicates) == sorted(p for p, _ in report.imported)
    assert sorted(p for p, _ in again.imported) == sorted(p for p, _ in report.failed)
    assert not again.failed
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"


def test_an_edit_on_a_full_disk_is_refused_whole_and_works_once_there_is_room(store):
    eid = store.event_ids()[0]
    long_note = "A note long enough to need new pages. " * 2000
    audit = len(store.history())
    _fill_up(store, headroom=0)
    with pytest.raises(StoreError) as err:
        store.apply(SetNote(eid, long_note))
    assert "disk is full" in err.value.message
    assert store.event(eid).notes == "" and len(store.history()) == audit, "nothing half-written"
    _make_room(store)
    store.apply(SetNote(eid, long_note))
    assert store.event(eid).notes == long_note
