"""A real ``dateline import`` killed (SIGKILL) at random moments: the project is never damaged, it holds
exactly the files committed before the kill, in order, and importing again finishes the job to the
same store an uninterrupted import makes.

The kill moments are random but seeded; the seed is printed in every failure message and
``DATELINE_KILL_SEED=<seed>`` replays a run.
"""

from __future__ import annotations

import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from support.articles import generated_articles
from support.digest import differing_tables, store_digest
from support.processes import env

ARTICLES = 100
KILLS = 10


def _import(folder: Path, db: Path) -> subprocess.Popen[str]:
    return subprocess.Popen(
        [sys.executable, "-m", "dateline", "import", str(folder), "--db", str(db)],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env(),
    )


def _wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    while not path.exists() and proc.poll() is None:
        time.sleep(0.002)


def _documents(db: Path) -> list[str]:
    conn = sqlite3.connect(db)
    try:
        return [r[0] for r in conn.execute("SELECT path FROM documents ORDER BY id")]
    finally:
        conn.close()


def _check(db: Path) -> list[str]:
    """integrity_check and the search index's own check, then the committed documents' paths."""
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
        conn.execute("INSERT INTO documents_fts(documents_fts) VALUES ('integrity-check')")
    finally:
        conn.close()
    return _documents(db)


def _lines(out: str, head: str) -> list[str]:
    return [
        line.split(" ", 1)[1].strip().rsplit(" (", 1)[0]
        for line in out.splitlines()
        if line.startswith(head)
    ]


@pytest.mark.slow
def test_an_import_killed_at_random_moments_resumes_to_the_same_store(tmp_path):
    seed = int(os.environ.get("DATELINE_KILL_SEED") or random.SystemRandom().randrange(10**9))
    print(f"kill seed {seed} (DATELINE_KILL_SEED={seed} replays this run)")
    rnd = random.Random(seed)
    folder = generated_articles(tmp_path / "articles", ARTICLES)

    reference = tmp_path / "reference.db"
    proc = _import(folder, reference)
    _wait_for(reference, proc)
    opened = time.monotonic()
    _, err = proc.communicate(timeout=300)
    finished = time.monotonic()
    assert proc.returncode == 0, err
    batch = _documents(reference)
    assert len(batch) == ARTICLES
    window = finished - opened  # from the project's creation to the end of the import
    want = store_digest(reference)

    kills, trial = [], 0
    while len(kills) < KILLS:
        trial += 1
        assert trial <= 3 * KILLS, f"seed {seed}: the imports kept finishing before the kill"
        db = tmp_path / f"trial{trial}" / "project.db"
        db.parent.mkdir()
        delay = rnd.uniform(0.0, window)
        proc = _import(folder, db)
        _wait_for(db, proc)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        proc.communicate(timeout=60)
        if proc.returncode != -signal.SIGKILL:
            continue  # it had finished: not a kill
        where = f"seed {seed}, trial {trial}, killed {delay:.3f} s after the file appeared"
        if not db.exists():
            kills.append(0)
            continue
        committed = _check(db)
        assert committed == batch[: len(committed)], f"{where}: not a prefix of the batch"
        kills.append(len(committed))

        again = subprocess.run(
            [sys.executable, "-m", "dateline", "import", str(folder), "--db", str(db)],
            capture_output=True,
            text=True,
            env=env(),
            timeout=300,
        )
        assert again.returncode == 0, f"{where}: {again.stderr}"
        assert _lines(again.stdout, "duplicate") == committed, f"{where}: skipped other files"
        assert _lines(again.stdout, "imported") == batch[len(committed) :], where
        _check(db)
        assert store_digest(db) == want, f"{where}: differs in {differing_tables(db, reference)}"
    print(f"{len(kills)} kills in {trial} trials; documents committed at each kill: {kills}")
