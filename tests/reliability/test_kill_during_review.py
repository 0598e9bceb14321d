"""A scripted review (accepts, rejects, edits, merges, splits, undo and redo) killed (SIGKILL) at random
moments, restarted and killed again: the project is never damaged and its audit trail always tells
exactly how the events came to be what they are (``support.audit_replay``).

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

from dateline.core.commands import MergeEvents, SetNote, SetStatus
from support import audit_replay
from support.processes import env
from support.store import seeded_store

LOOP = Path(__file__).resolve().parents[1] / "support" / "review_loop.py"
KILLS = 10


def _integrity(db: Path) -> None:
    conn = sqlite3.connect(db)
    try:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        assert conn.execute("PRAGMA foreign_key_check").fetchall() == []
        conn.execute("INSERT INTO events_fts(events_fts) VALUES ('integrity-check')")
    finally:
        conn.close()


@pytest.mark.slow
def test_a_review_killed_at_random_moments_keeps_its_audit_trail_true(tmp_path, seeds_dir):
    seed = int(os.environ.get("DATELINE_KILL_SEED") or random.SystemRandom().randrange(10**9))
    print(f"kill seed {seed} (DATELINE_KILL_SEED={seed} replays this run)")
    rnd = random.Random(seed)
    seeded_store(tmp_path, seeds_dir).close()
    db = tmp_path / "project.db"
    since, start = audit_replay.views(db)
    steps = []
    for trial in range(KILLS):
        proc = subprocess.Popen(
            [sys.executable, str(LOOP), str(db), str(rnd.randrange(10**9))],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            env=env(),
        )
        assert proc.stdout is not None
        first = proc.stdout.readline()  # the review is under way
        assert first, proc.communicate()[1]
        delay = rnd.uniform(0.0, 0.6)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
        out, _ = proc.communicate(timeout=60)
        assert proc.returncode == -signal.SIGKILL
        steps.append(1 + out.count("\n"))
        where = f"seed {seed}, trial {trial}, killed {delay:.3f} s into the review"
        _integrity(db)
        problems = audit_replay.check(db, since, start)
        assert problems == [], f"{where}: {problems[:5]}"
    print(f"{KILLS} kills; steps committed or refused before each: {steps}")


def test_the_check_sees_a_change_the_audit_does_not_tell(tmp_path, seeds_dir):
    """The replay is not vacuous: a write without its audit row, or an audit row whose write is gone,
    is reported."""
    store = seeded_store(tmp_path, seeds_dir)
    db = tmp_path / "project.db"
    since, start = audit_replay.views(db)
    first, second, third = store.event_ids()[:3]
    store.apply(SetNote(first, "audited"))
    store.apply(SetStatus((second,), "accepted"))
    store.apply(MergeEvents((first, third)))
    assert audit_replay.check(db, since, start) == []

    store.conn.execute("UPDATE events SET notes = 'not audited' WHERE id = ?", (second,))
    assert audit_replay.check(db, since, start) == [f"event {second}: the audit gives other notes"]
    store.conn.execute("UPDATE events SET notes = '' WHERE id = ?", (second,))
    store.conn.execute("DELETE FROM event_tags")  # none were there: nothing to see
    assert audit_replay.check(db, since, start) == []
    store.conn.execute("UPDATE events SET status = 'proposed' WHERE id = ?", (second,))
    problems = audit_replay.check(db, since, start)
    assert problems == [f"event {second}: the audit gives other status"]
    store.close()
