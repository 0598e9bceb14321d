"""SQL scripts run statement by statement inside the caller's transaction (``executescript`` would
commit it): how the migrations run."""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database


def run(db: Database, script: str) -> None:
    """Run the statements of ``script`` one after another."""
    for statement in statements(script):
        db.execute(statement)


def statements(script: str) -> list[str]:
    """The statements of ``script``: a line ends one where SQLite says it is complete (so a
    ``CREATE TRIGGER ... END;`` block stays whole)."""
    out: list[str] = []
    buf = ""
    for line in script.splitlines(keepends=True):
        buf += line
        if sqlite3.complete_statement(buf):
            out.append(buf.strip())
            buf = ""
    if buf.strip():
        out.append(buf.strip())
    return out
