"""The window and the command line on one project: whatever the other process does when it closes, every
write the window shows as done is stored.

The defect these guard against: any plain ``open()``/``close()`` of the database file inside the window's
process (Qt's file dialogs read each listed file to guess its type) drops that process's POSIX locks on
it. The next ``dateline`` command to close then believed it was the last connection, checkpointed and
removed the write-ahead log, and every later write in the window failed while the table showed it done.
"""

from __future__ import annotations

import sqlite3

from dateline.core.commands import SetNote
from dateline.core.ingest import import_paths
from dateline.core.store import Store
from support.processes import run_cli, stored_events


def _drop_this_process_locks(db) -> None:
    # What a file dialog's type sniffing did: open and close the file in this process.
    with open(db, "rb") as fh:
        fh.read(64)


def test_a_command_closing_never_removes_the_log_under_an_open_project(tmp_path, seeds_dir):
    db = tmp_path / "project.db"
    store = Store.open(db)
    import_paths(store, [seeds_dir])
    ids = store.event_ids()
    _drop_this_process_locks(db)

    run_cli("stats", db=db)  # any command: it opens, reads and closes

    assert (tmp_path / "project.db-wal").exists()
    for n, eid in enumerate(ids):
        store.apply(SetNote(eid, f"checked {n}"))
    assert store.conn.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    store.close()

    back = stored_events(db)
    assert [back[eid]["notes"] for eid in ids] == [f"checked {n}" for n in range(len(ids))]


def test_writes_between_commands_all_land(tmp_path, seeds_dir):
    """The window writes, a command runs, the window writes again, many times over."""
    db = tmp_path / "project.db"
    store = Store.open(db)
    import_paths(store, [seeds_dir])
    eid = store.event_ids()[0]
    for n in range(6):
        _drop_this_process_locks(db)
        store.apply(SetNote(eid, f"round {n}"))
        run_cli("note", str(eid), f"cli round {n}", db=db)
        store.apply(SetNote(eid, f"window round {n}"))
    store.close()
    assert stored_events(db)[eid]["notes"] == "window round 5"
    with sqlite3.connect(db) as conn:
        notes = [
            r[0]
            for r in conn.execute(
                "SELECT after FROM audit WHERE entity = 'event' AND entity_id = ? "
                "AND action = 'note' ORDER BY id",
                (eid,),
            )
        ]
    assert len(notes) == 18, (
        "every note, the window's and the command line's, is in the audit trail"
    )


def test_the_last_close_leaves_a_complete_database_file(tmp_path, seeds_dir):
    """The log stays, but what it held is in the database file once nobody has the project open."""
    db = tmp_path / "project.db"
    with Store.open(db) as store:
        import_paths(store, [seeds_dir])
        n = len(store.event_ids())
    copy = tmp_path / "copy.db"
    copy.write_bytes(db.read_bytes())  # the file alone, as a user would e-mail it
    with sqlite3.connect(copy) as conn:
        assert conn.execute("SELECT count(*) FROM events").fetchone()[0] == n
