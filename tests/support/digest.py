"""A content digest of a project file: what two stores must share to be "the same project".

Every row of every table a user's timeline comes from (documents, timexes, events, sources, tags,
dismissed merges, the audit trail, the event search rows, the schema steps and the id counters), in id
order, minus the columns that say *when* something happened: ``documents.imported_at``,
``events.created_at``/``updated_at``, ``audit.at``, ``merge_dismissals.at`` and
``_sqlite_migrations.applied_at``. Two imports of the same files an hour apart differ only there.

Ids are kept. An import that was killed rolls its last transaction back, and SQLite's id counters
(``sqlite_sequence``) are rolled back with it, so an interrupted and resumed import must give every row
the id an uninterrupted one gives; anything else would change what the audit trail refers to.
"""

from __future__ import annotations

import hashlib
import sqlite3
from pathlib import Path

# table -> (ORDER BY, columns left out)
TABLES: dict[str, tuple[str, frozenset[str]]] = {
    "documents": ("id", frozenset({"imported_at"})),
    "timexes": ("id", frozenset()),
    "events": ("id", frozenset({"created_at", "updated_at"})),
    "sources": ("id", frozenset()),
    "event_tags": ("event_id, tag", frozenset()),
    "merge_dismissals": ("event_a, event_b", frozenset({"at"})),
    "audit": ("id", frozenset({"at"})),
    "sqlite_sequence": ("name", frozenset()),
    "_sqlite_migrations": ("id", frozenset({"applied_at"})),
}
FTS = "SELECT rowid, title, description, notes, quotes FROM events_fts ORDER BY rowid"


def table_digests(db: Path) -> dict[str, str]:
    """A sha256 per table (and one for the event search rows), read by a fresh connection."""
    conn = sqlite3.connect(f"{Path(db).resolve().as_uri()}?mode=ro", uri=True)
    try:
        out: dict[str, str] = {}
        for table, (order, left_out) in TABLES.items():
            cols = [r[1] for r in conn.execute(f"PRAGMA table_info({table})")]
            kept = ", ".join(f'"{c}"' for c in cols if c not in left_out)
            out[table] = _hash(conn.execute(f"SELECT {kept} FROM {table} ORDER BY {order}"))
        out["events_fts"] = _hash(conn.execute(FTS))
        return out
    finally:
        conn.close()


def store_digest(db: Path) -> str:
    """One sha256 over ``table_digests``."""
    return hashlib.sha256(repr(sorted(table_digests(db).items())).encode()).hexdigest()


def differing_tables(a: Path, b: Path) -> list[str]:
    da, db_ = table_digests(a), table_digests(b)
    return [t for t in da if da[t] != db_.get(t)]


def _hash(rows: sqlite3.Cursor) -> str:
    h = hashlib.sha256()
    n = 0
    for row in rows:
        h.update(repr(tuple(row)).encode())
        n += 1
    return f"{n}:{h.hexdigest()}"
