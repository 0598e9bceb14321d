"""Writes that never fail for no reason: new files opened at once, upgrades raced, edits during imports.

Write transactions take the write lock first (``BEGIN IMMEDIATE``) and wait for it up to the busy
timeout, so an edit made while another process imports waits its turn instead of failing at once.
"""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
import threading
import time
from dataclasses import replace

import pytest
from sqlite_utils import Database

from dateline.core import engine
from dateline.core.commands import SetNote, SetPublished
from dateline.core.ingest import Ingest, import_paths, pieces
from dateline.core.store import Store
from dateline.core.store.schema import SCHEMA_STEPS, migrations
from support.processes import run_cli, stored_events
from support.store import seeded_store


@pytest.mark.parametrize("round_", range(10))
def test_threads_opening_one_new_file_at_once_all_get_the_same_project(tmp_path, round_):
    path = tmp_path / "new.db"
    results: list[object] = []
    gate = threading.Barrier(6)

    def opener() -> None:
        gate.wait()
        try:
            with Store.open(path) as s:
                s.conn.execute("SELECT count(*) FROM events").fetchone()
                results.append(s.schema_steps())
        except Exception as exc:  # reported below: the thread must not die silently
            results.append(exc)

    threads = [threading.Thread(target=opener) for _ in range(6)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert results == [list(SCHEMA_STEPS)] * 6
    assert not list(tmp_path.glob(".new.db.new-*")), "no file built aside is left behind"


_UPGRADE = """
import sys
from dateline.core.store import Store
with Store.open(sys.argv[1]) as s:
    print(len(s.schema_steps()), s.conn.execute("SELECT count(*) FROM events").fetchone()[0])
"""


def test_processes_upgrading_an_old_project_at_once_apply_each_step_once(tmp_path):
    path = tmp_path / "old.db"
    db = Database(str(path))
    migrations.apply(db, stop_before=SCHEMA_STEPS[4])
    db.execute(
        "INSERT INTO events (id, title, value, granularity, status) "
        "VALUES (1, 'Kept', '2024', 'year', 'accepted')"
    )
    db.conn.commit()
    db.close()
    procs = [
        subprocess.Popen(
            [sys.executable, "-c", _UPGRADE, str(path)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        for _ in range(4)
    ]
    outs = [p.communicate(timeout=60) for p in procs]
    assert [p.returncode for p in procs] == [0] * 4, [e for _, e in outs]
    assert [o.split() for o, _ in outs] == [[str(len(SCHEMA_STEPS)), "1"]] * 4
    with Store.open(path) as s:
        names = [r[0] for r in s.conn.execute("SELECT name FROM _sqlite_migrations")]
    assert names == list(SCHEMA_STEPS), "each step applied exactly once"
    assert list(tmp_path.glob("old.db.bak-*")), "the file was backed up before the upgrade"


def test_a_command_writes_while_the_window_reads_then_the_window_writes(tmp_path, seeds_dir):
    db = tmp_path / "project.db"
    window = Store.open(db)
    import_paths(window, [seeds_dir])
    first, second = window.event_ids()[:2]
    window.conn.execute("BEGIN")  # the window is in the middle of a read (say, filling its table)
    window.conn.execute("SELECT count(*) FROM events").fetchone()

    run_cli("accept", str(first), db=db)

    window.conn.execute("COMMIT")
    window.apply(SetNote(second, "read, then written"))
    window.close()
    back = stored_events(db)
    assert back[first]["status"] == "accepted"
    assert back[second]["notes"] == "read, then written"


def _articles(folder, seeds_dir, n):
    """``n`` distinct articles made from the seeds (each with a line of its own, so none is a
    duplicate of another)."""
    folder.mkdir()
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    for i in range(n):
        body = texts[i % len(texts)]
        (folder / f"a{i:04}.txt").write_text(
            body + f"\nCorrespondents filed report number {i} on Tuesday.\n", encoding="utf-8"
        )
    (folder / "manifest.json").write_text(
        "{" + ",".join(f'"a{i:04}.txt": {{"published": "2024-10-16"}}' for i in range(n)) + "}",
        encoding="utf-8",
    )
    return folder


@pytest.mark.slow
def test_edits_during_an_import_in_another_process_wait_and_all_land(tmp_path, seeds_dir):
    db = tmp_path / "project.db"
    window = Store.open(db)
    import_paths(window, [seeds_dir])
    ids = window.event_ids()
    folder = _articles(tmp_path / "batch", seeds_dir, 160)
    # with a worker reading ahead, the import frees the lock only briefly between two articles
    log = (tmp_path / "import.out").open("w+", encoding="utf-8")  # a pipe would fill and block it
    importer = subprocess.Popen(
        [sys.executable, "-m", "dateline", "import", str(folder), "--db", str(db)],
        stdout=log,
        stderr=subprocess.PIPE,
        text=True,
        env={**os.environ, "DATELINE_IMPORT_WORKERS": "1"},
    )
    failures: list[str] = []
    done: dict[int, str] = {}
    n = 0
    started = time.monotonic()
    while importer.poll() is None or n < 20:
        eid = ids[n % len(ids)]
        note = f"edit {n}"
        try:
            window.apply(SetNote(eid, note))
            done[eid] = note
        except Exception as exc:  # counted: the point is that there are none
            failures.append(str(exc))
        n += 1
        if time.monotonic() - started > 120:
            break
        time.sleep(0.01)  # an edit every 10 ms: far faster than anyone types
    _, err = importer.communicate(timeout=120)
    window.close()
    assert importer.returncode == 0, err
    log.seek(0)
    assert "160 imported" in log.read()
    log.close()
    assert failures == []
    back = stored_events(db)
    assert {eid: back[eid]["notes"] for eid in done} == done, "no edit was lost"


def _engine_runs(store: Store, action) -> list[bool]:
    """For each time ``action`` runs the engine over a document, whether the project was locked for
    writing at that moment (this process in a write transaction)."""
    watched = {pieces.read.__code__, engine.analyse.__code__, engine.find_timexes.__code__}
    locked: list[bool] = []

    def profile(frame, event, arg) -> None:
        if event == "call" and frame.f_code in watched:
            locked.append(store.conn.in_transaction)

    sys.setprofile(profile)
    try:
        action()
    finally:
        sys.setprofile(None)
    return locked


def test_setting_a_publication_date_reads_the_article_before_locking_the_project(
    tmp_path, seeds_dir
):
    """Another process's edit waits while this one holds the write lock, and reading a long article
    takes seconds: the document is read with its new date first, then folded in under the lock."""
    store = seeded_store(tmp_path, seeds_dir)
    doc = store.documents()[0]
    locked = _engine_runs(store, lambda: store.apply(SetPublished(doc.id, dt.date(2024, 12, 11))))
    assert locked, "the document was read again with its new date"
    assert not any(locked), "the engine ran while the project was locked for writing"
    values = {t.text: t.value for t in store.timexes(doc.id)}
    assert values["next month"] == "2025-01"
    store.close()


def test_a_document_changed_after_it_was_read_ahead_is_read_again(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    doc = store.documents()[0]
    ingest = Ingest(store)
    # read with one date; another process sets a different one before the lock is taken
    stale = ingest.read_ahead(
        replace(doc, published=dt.date(2024, 11, 6), published_source="analyst").article()
    )
    with store.transaction() as tx:
        tx.update_document(doc.id, published="2024-12-11", published_source="analyst")
        ingest.reanchor(tx, doc.id, stale)
    values = {t.text: t.value for t in store.timexes(doc.id)}
    assert values["next month"] == "2025-01"  # read with the date stored, not the stale one
    store.close()
