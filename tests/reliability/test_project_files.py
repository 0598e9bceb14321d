"""Files that are not a Dateline project this version can write: each is refused (or opened read-only)
with one sentence, and nothing on disk is created or changed.

The defects these guard against: a truncated (0-byte) project file opened as a new, empty project
without a word; a project written by a newer Dateline was opened; a read-only project failed on the
first edit instead of opening read-only.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import os
import sqlite3
import stat
from pathlib import Path

import pytest

from dateline.core.commands import SetNote
from dateline.core.errors import StoreError
from dateline.core.store import Store
from support.processes import run_cli
from support.store import seeded_store


def snapshot(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file in ``folder`` (recursively) with its mode and a hash of its bytes."""
    out = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file():
            out[str(p.relative_to(folder))] = (
                stat.S_IMODE(p.stat().st_mode),
                hashlib.sha256(p.read_bytes()).hexdigest(),
            )
    return out


def refused(path: Path, *words: str) -> str:
    """Store.open and a command both refuse ``path`` with one sentence holding ``words``; nothing in
    its folder changes. Returns the sentence."""
    before = snapshot(path.parent)
    with pytest.raises(StoreError) as err:
        Store.open(path)
    message = err.value.message
    assert str(path) in message and all(w in message for w in words), message
    rest = message.replace(str(path), "PATH")
    assert rest.endswith(".") and ". " not in rest and "\n" not in rest, "one sentence"
    assert snapshot(path.parent) == before, "opening a file it refuses changes nothing"
    for command in (("stats",), ("note", "1", "x")):  # a read and a write
        proc = run_cli(*command, db=path, check=False)
        assert proc.returncode == StoreError.exit_code, proc
        assert proc.stdout == ""
        assert proc.stderr == f"dateline: {message}\n", "the command line says the same sentence"
    assert snapshot(path.parent) == before, "nor does a command"
    return message


@pytest.fixture
def project(tmp_path, seeds_dir) -> Path:
    folder = tmp_path / "projects"
    folder.mkdir()
    store = seeded_store(folder, seeds_dir)
    store.close()
    return folder / "project.db"


def test_an_empty_file_is_refused_and_left_as_it_is(tmp_path):
    folder = tmp_path / "projects"
    folder.mkdir()
    empty = folder / "timeline.db"
    empty.write_bytes(b"")
    message = refused(empty, "empty (0 bytes)", "backup")
    assert empty.stat().st_size == 0
    assert list(folder.iterdir()) == [empty], message


def test_a_project_from_a_newer_dateline_is_refused(project):
    with sqlite3.connect(project) as conn:
        conn.execute(
            "INSERT INTO _sqlite_migrations (migration_set, name, applied_at) VALUES (?, ?, ?)",
            ("dateline", "m999_from_the_future", dt.datetime.now(dt.UTC).isoformat()),
        )
    conn.close()
    refused(project, "newer version of Dateline", "m999_from_the_future")
    assert not list(project.parent.glob("*.bak-*")), "no upgrade backup either"


def test_another_sqlite_database_is_refused_and_not_converted(tmp_path):
    folder = tmp_path / "projects"
    folder.mkdir()
    other = folder / "contacts.db"
    conn = sqlite3.connect(other)
    conn.execute("CREATE TABLE contacts (name TEXT, phone TEXT)")
    conn.execute("INSERT INTO contacts VALUES ('Ada', '555-0100')")
    conn.commit()
    conn.close()
    assert sqlite3.connect(other).execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    refused(other, "not a Dateline project")
    with sqlite3.connect(other) as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
        assert conn.execute("SELECT * FROM contacts").fetchall() == [("Ada", "555-0100")]
    conn.close()


def test_a_file_that_is_not_sqlite_is_refused(tmp_path):
    folder = tmp_path / "projects"
    folder.mkdir()
    notes = folder / "notes.db"
    notes.write_text("Meeting notes, not a database.\n" * 50, encoding="utf-8")
    refused(notes, "not a Dateline database")


def test_a_folder_is_refused(tmp_path):
    folder = tmp_path / "projects"
    (folder / "project.db").mkdir(parents=True)
    refused(folder / "project.db", "is a folder")


def _reads_but_refuses_edits(path: Path) -> None:
    with Store.open(path) as store:
        assert store.readonly
        ids = store.event_ids()
        assert len(ids) > 3 and store.event(ids[0]).sources
        assert store.stats()["documents"] == 2
        with pytest.raises(StoreError) as err:
            store.apply(SetNote(ids[0], "lost?"))
        assert err.value.message == f"The database {path} is open read-only."
    assert run_cli("stats", db=path).stdout.startswith("path")
    proc = run_cli("note", str(ids[0]), "lost?", db=path, check=False)
    assert proc.returncode == StoreError.exit_code
    assert proc.stderr == f"dateline: The database {path} is open read-only.\n"


def _writable_again(path: Path) -> None:
    with Store.open(path) as store:
        assert not store.readonly
        eid = store.event_ids()[0]
        store.apply(SetNote(eid, "written"))
        assert store.event(eid).notes == "written"


def test_a_read_only_project_file_opens_read_only(project):
    before = snapshot(project.parent)
    project.chmod(0o444)
    try:
        _reads_but_refuses_edits(project)
        after = snapshot(project.parent)
        assert after[project.name][1] == before[project.name][1], "the project is unchanged"
    finally:
        project.chmod(0o644)
    _writable_again(project)


def test_a_project_in_a_read_only_folder_opens_read_only(project):
    before = snapshot(project.parent)
    folder = project.parent
    folder.chmod(0o555)
    try:
        _reads_but_refuses_edits(project)
        after = snapshot(folder)
        assert after.keys() == before.keys(), "nothing created beside it"
        # The shared-memory index (-shm) is where readers mark what they read: not the project.
        for name in (project.name, f"{project.name}-wal"):
            assert after.get(name) == before.get(name), f"{name} is unchanged"
    finally:
        folder.chmod(0o755)
    _writable_again(project)


def test_a_read_only_project_whose_log_is_still_there_opens_with_its_last_writes(project):
    """The window crashed (its log not folded back) and the folder was then made read-only."""
    store = Store.open(project)
    eid = store.event_ids()[0]
    store.apply(SetNote(eid, "only in the log"))
    copy = project.parent.parent / "copy"
    copy.mkdir()
    for suffix in ("", "-wal", "-shm"):
        src = Path(f"{project}{suffix}")
        if src.exists():
            (copy / f"{project.name}{suffix}").write_bytes(src.read_bytes())
    store.close()
    assert os.path.exists(copy / "project.db-wal")
    copy.chmod(0o555)
    try:
        with Store.open(copy / "project.db") as ro:
            assert ro.readonly
            assert ro.event(eid).notes == "only in the log"
    finally:
        copy.chmod(0o755)
