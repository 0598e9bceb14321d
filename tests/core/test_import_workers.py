"""Large imports read and analyse their files in worker processes (``ingest.prepare``).

What a user would notice: the store holds exactly what a one-process import stores, in the same order,
whether the worker or the store itself prepared a file; a worker that dies costs nothing but time;
Cancel stops the import while it waits on a worker.
"""

from __future__ import annotations

import os
import shutil
import sqlite3
from pathlib import Path

import pytest

from dateline.core.ingest import prepare
from dateline.core.ingest.service import Ingest
from dateline.core.readers import iter_article_files
from dateline.core.store import Store
from support import workers as stand_ins
from support.articles import generated_articles

_SKIP = {"created_at", "updated_at", "imported_at"}


def _rows(db: Path) -> dict[str, list[tuple[object, ...]]]:
    conn = sqlite3.connect(db)
    out = {}
    for table in ("documents", "events", "sources", "timexes", "document_fingerprints"):
        cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})") if r[1] not in _SKIP]
        quoted = ", ".join(f'"{c}"' for c in cols)
        out[table] = conn.execute(f"SELECT {quoted} FROM {table} ORDER BY 1").fetchall()
    conn.close()
    return out


def _found(db: Path) -> dict[str, tuple[list[int], list[int]]]:
    """What searching documents and events for each word of the documents' titles finds, after
    checking that both search indexes hold what their tables hold and nothing waits to be indexed."""
    conn = sqlite3.connect(db)
    for table in ("documents", "events"):
        conn.execute(f"INSERT INTO {table}_fts({table}_fts) VALUES ('integrity-check')")
        assert conn.execute(f"SELECT count(*) FROM {table} WHERE search_pending").fetchone() == (0,)
    words = {w.lower() for (t,) in conn.execute("SELECT title FROM documents") for w in t.split()}
    match = "SELECT rowid FROM {0} WHERE {0} MATCH ? ORDER BY 1"
    out = {
        w: tuple(
            [r[0] for r in conn.execute(match.format(t), (w,))]
            for t in ("documents_fts", "events_fts")
        )
        for w in sorted(words)
        if w.isalpha()
    }
    conn.close()
    return out


def _import(folder: Path, db: Path, workers: int, task=None, **kw):
    with Store.open(db) as store:
        ingest = Ingest(store)
        ingest.workers = workers
        if task is not None:
            ingest.prepare_task = task
        return ingest.import_paths([folder], **kw)


def _batch(tmp_path: Path, n: int = 40) -> Path:
    """Generated articles, a re-saved copy of one, a binary file and an empty one."""
    folder = generated_articles(tmp_path / "batch", n)
    first = sorted(folder.glob("*.txt"))[0]
    shutil.copy(first, folder / "b_copy.txt")
    (folder / "c_binary.txt").write_bytes(bytes(range(256)) * 8)
    (folder / "d_empty.txt").write_text("", encoding="utf-8")
    return folder


def _same_reports(a, b) -> None:
    for field in ("imported", "duplicates", "failed", "copies", "undated", "warnings"):
        assert getattr(a, field) == getattr(b, field), field
    assert (a.events_proposed, a.sources_attached) == (b.events_proposed, b.sources_attached)


@pytest.mark.slow
def test_an_import_with_a_worker_stores_exactly_what_one_process_stores(tmp_path):
    folder = _batch(tmp_path)
    alone = _import(folder, tmp_path / "alone.db", 0)
    pooled = _import(folder, tmp_path / "pooled.db", 1)
    _same_reports(alone, pooled)
    assert len(alone.imported) == 40 and alone.duplicates and len(alone.failed) == 2
    assert _rows(tmp_path / "alone.db") == _rows(tmp_path / "pooled.db")
    # a batch writes its articles' search rows as it commits: they find the same
    found = _found(tmp_path / "alone.db")
    assert found == _found(tmp_path / "pooled.db") and all(d for d, _ in found.values())


@pytest.mark.slow
def test_when_the_worker_is_behind_the_store_prepares_files_itself_and_stores_the_same(
    tmp_path, monkeypatch
):
    folder = _batch(tmp_path, 60)
    log = tmp_path / "worker.log"
    monkeypatch.setenv(stand_ins.LOG, str(log))
    alone = _import(folder, tmp_path / "alone.db", 0)
    pooled = _import(folder, tmp_path / "pooled.db", 1, stand_ins.sluggish)
    _same_reports(alone, pooled)
    assert _rows(tmp_path / "alone.db") == _rows(tmp_path / "pooled.db")
    by_worker = set(log.read_text(encoding="utf-8").split())
    files = {str(p) for p in iter_article_files([folder])}
    assert by_worker and by_worker < files  # both prepared some of the files


@pytest.mark.slow
def test_while_a_worker_starts_the_store_prepares_the_files_after_those_it_was_given(
    tmp_path, monkeypatch
):
    folder = _batch(tmp_path, 60)
    log = tmp_path / "worker.log"
    monkeypatch.setenv(stand_ins.LOG, str(log))
    alone = _import(folder, tmp_path / "alone.db", 0)
    pooled = _import(folder, tmp_path / "pooled.db", 1, stand_ins.late)
    _same_reports(alone, pooled)
    assert _rows(tmp_path / "alone.db") == _rows(tmp_path / "pooled.db")
    files = {str(p) for p in iter_article_files([folder])}
    by_store = files - set(log.read_text(encoding="utf-8").split())
    # it did not stop at the chunks held back from the worker and wait
    held_back = (prepare.AHEAD_PER_WORKER - prepare.SENT_PER_WORKER) * prepare.CHUNK
    assert len(by_store) > held_back


@pytest.mark.slow
def test_an_error_that_undoes_a_batch_reports_its_articles_as_not_stored(tmp_path, monkeypatch):
    """Worker-prepared articles are stored in batches (``ingest.batch``); an error that makes SQLite
    undo the whole transaction (a full disk, here a trigger raising ROLLBACK) must not leave the
    report saying the batch's earlier articles are stored."""
    from dateline.core.ingest import batch

    monkeypatch.setattr(batch, "BATCH_S", 3600.0)  # no batch ends for its age
    folder = generated_articles(tmp_path / "batch", 40)
    bad = sorted(folder.glob("*.txt"))[20]
    bad.write_text(bad.read_text(encoding="utf-8").replace("\n\n", "\n\nZZUNDO. ", 1), "utf-8")
    with Store.open(tmp_path / "db.db") as store:
        store.conn.execute(
            "CREATE TEMP TRIGGER undo BEFORE INSERT ON main.documents "
            "WHEN new.text LIKE '%ZZUNDO%' BEGIN SELECT RAISE(ROLLBACK, 'the disk is full'); END"
        )
        ingest = Ingest(store)
        ingest.workers = 1
        report = ingest.import_paths([folder])
        stored = set(store.document_ids())
    failed = dict(report.failed)
    assert "the disk is full" in failed[str(bad)]
    lost = [p for p, why in failed.items() if why.startswith("not stored")]
    # the batch began after the last article that needed stored events read for matching
    assert lost and all(str(bad) in failed[p] and p < str(bad) for p in lost)
    assert {d for _, d in report.imported} == stored
    assert len(report.imported) + len(report.failed) == 40


@pytest.mark.slow
def test_a_worker_that_dies_leaves_its_files_to_the_import(tmp_path):
    folder = _batch(tmp_path, 30)
    article = sorted(folder.glob("*.txt"))[5]
    shutil.copy(article, folder / f"{stand_ins.CRASH}.txt")  # reported as a duplicate
    os.remove(article)
    alone = _import(folder, tmp_path / "alone.db", 0)
    pooled = _import(folder, tmp_path / "pooled.db", 1, stand_ins.dying)
    _same_reports(alone, pooled)
    assert any(path.endswith(f"{stand_ins.CRASH}.txt") for path, _ in pooled.imported)
    assert _rows(tmp_path / "alone.db") == _rows(tmp_path / "pooled.db")


@pytest.mark.slow
def test_cancel_stops_an_import_waiting_on_a_worker(tmp_path, monkeypatch):
    folder = generated_articles(tmp_path / "batch", 20)
    names = sorted(p.name for p in folder.glob("*.txt"))
    slow = folder / f"{names[10][:-4]}_{stand_ins.SLOW}.txt"
    (folder / names[10]).rename(slow)
    mark = tmp_path / "worker-started-on-the-slow-file"
    monkeypatch.setenv(stand_ins.SLOW_MARK, str(mark))
    # Cancel is pressed while the worker is busy with the slow file (a minute)
    report = _import(folder, tmp_path / "db.db", 1, stand_ins.slow, cancel=mark.exists)
    assert report.cancelled
    assert str(slow) in report.not_processed
    assert len(report.imported) + len(report.not_processed) == 20
    with Store.open(tmp_path / "db.db") as store:
        assert len(store.document_ids()) == len(report.imported)  # each one committed


def test_small_batches_and_the_setting_keep_the_import_in_one_process(monkeypatch):
    monkeypatch.delenv(prepare.WORKERS_ENV, raising=False)
    assert prepare.worker_count(prepare.POOL_MIN_FILES - 1) == 0
    monkeypatch.setenv(prepare.WORKERS_ENV, "0")
    assert prepare.worker_count(10_000) == 0
    monkeypatch.setenv(prepare.WORKERS_ENV, "2")
    assert prepare.worker_count(10_000) == 2 and prepare.worker_count(1) == 0


def test_a_file_a_worker_would_not_read_whole_is_left_to_the_import(tmp_path):
    big = tmp_path / "big.txt"
    big.write_text("The summit opened on Monday.\n" * 10_000, encoding="utf-8")
    bad = tmp_path / "bad.txt"
    bad.write_bytes(bytes(range(256)) * 8)
    assert prepare.prepare_file(str(big), None) is None  # read here, with its progress steps
    assert prepare.prepare_file(str(bad), None) is None  # read here, which says why it failed
    good = generated_articles(tmp_path / "good", 1)
    ready = prepare.prepare_file(str(next(good.glob("*.txt"))), None)
    assert ready is not None and ready.articles[0].reading.proposals


def test_what_a_worker_hands_back_loads_as_it_was(seeds_dir):
    """Prepared files cross between processes pickled as their constructors' arguments: every
    field, defaults and nested events, sources and timexes included, comes back equal."""
    import pickle

    paths = tuple(str(p) for p in sorted(seeds_dir.glob("*.txt")))
    prepared = prepare.prepare_files(paths, None)
    assert all(p is not None and p.articles for p in prepared)
    back = pickle.loads(pickle.dumps(prepared))
    assert back == prepared
    events = [e for p in back if p for a in p.articles for e in a.reading.proposals]
    assert events and all(type(e.sources) is tuple and e.sources for e in events)


def test_the_profiles_a_worker_works_out_are_those_of_the_stored_document(seeds_dir):
    """A worker reads an article before it has a document id; the profiles it hands over for
    matching, once given the id, are what the store would work out from the stored reports."""
    from dateline.core import engine
    from dateline.core.happening import profile

    paths = tuple(str(p) for p in sorted(seeds_dir.glob("*.txt")))
    for prepared in prepare.prepare_files(paths, None):
        assert prepared is not None
        for article in prepared.articles:
            for part, given in zip(article.reading.parts, article.matchables, strict=True):
                stored = engine.for_document(part, "7")
                assert [(m.in_document("7"), alike) for m, alike in given] == [
                    (profile.of_proposal(p), profile.as_stored(p, profile.of_proposal(p)))
                    for p in stored
                ]
                assert any(alike for _, alike in given)


def test_a_worker_loads_the_engine_and_not_the_store():
    """A worker process imports ``prepare`` and what it runs; the store (and sqlite-utils, a fifth of
    a worker's start) stays out, so the worker is ready sooner."""
    import subprocess
    import sys

    code = (
        "import sys; from dateline.core.ingest import prepare; "
        "print(sorted(m for m in ('sqlite_utils', 'dateline.core.store', 'dateline.core.ingest.service')"
        " if m in sys.modules))"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert out.strip() == "[]"


def test_a_writer_waiting_for_the_lock_makes_an_import_end_its_batch(tmp_path):
    """An import storing worker-prepared articles holds the write lock across a batch; a writer that
    waits for it (the window, the command line) says so, and the import's next look sees it, ends
    the batch and leaves the lock free: the waiting write is made and stored."""
    import threading
    import time

    from dateline.core.ingest.batch import Writes
    from dateline.core.ingest.report import Tally
    from dateline.core.store.connection import waiting_file

    db = tmp_path / "db.db"
    Store.open(db).close()
    with Store.open(db) as importing, Store.open(db) as window:
        writes = Writes(importing)
        assert not writes.someone_waits() and not waiting_file(db).exists()
        tally = Tally()
        writes.before_article(tally, batched=True)  # a batch begins: the lock is the import's
        assert writes.batch.open

        def edit() -> None:
            with window.transaction() as tx:
                tx.conn.execute("INSERT INTO project (key, value) VALUES ('note', 'made')")

        editing = threading.Thread(target=edit)
        editing.start()
        deadline = time.monotonic() + 4  # the edit gives up after the busy timeout (5 s)
        while not waiting_file(db).exists():
            assert time.monotonic() < deadline, "the waiting writer never said so"
            time.sleep(0.001)
        # the next articles: each ends the batch first while the writer says it waits, and makes
        # way; on a busy machine the writer's thread may miss one opening, not every one
        while editing.is_alive() and time.monotonic() < deadline + 4:
            writes.before_article(tally, batched=True)
            editing.join(0.005)
        editing.join()
        writes.end_batch(tally)
        row = importing.conn.execute("SELECT value FROM project WHERE key = 'note'").fetchone()
        assert row is not None and row[0] == "made"
