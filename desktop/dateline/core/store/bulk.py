"""Many rows of a table in a few statements: one multi-row INSERT writes them as writing each in turn
would (in order, under the same ids), for a fraction of the work.

Each statement SQLite runs costs a set-up and a halt, and in a transaction a statement that may write
several rows and may abort (a table with triggers or CHECK constraints) opens a statement journal
and asks the search indexes to sync; ``executemany`` runs the statement once a row. An article's
timexes, fingerprint keys, events and sources are written this way (``held``, ``tx``).
"""

from __future__ import annotations

import sqlite3
from collections.abc import Mapping, Sequence
from typing import Any

from .records import placeholders

ROWS = 32  # rows per INSERT at most: 32 rows of an event's 15 columns stay under 999 variables


def next_ids(conn: sqlite3.Connection) -> tuple[int, int]:
    """The ids SQLite gives the next event and the next source (AUTOINCREMENT: one more than the
    largest ever given, or than the largest there is)."""
    row = conn.execute(
        "SELECT max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'events'), 0), "
        "coalesce((SELECT max(id) FROM events), 0)), "
        "max(coalesce((SELECT seq FROM sqlite_sequence WHERE name = 'sources'), 0), "
        "coalesce((SELECT max(id) FROM sources), 0))"
    ).fetchone()
    return int(row[0]) + 1, int(row[1]) + 1


_SQL: dict[tuple[str, str, tuple[str, ...], int], str] = {}


def _statement(verb: str, table: str, columns: tuple[str, ...], n: int) -> str:
    key = (verb, table, columns, n)
    sql = _SQL.get(key)
    if sql is None:
        one = f"({placeholders(len(columns))})"
        names = ", ".join(f'"{c}"' for c in columns)
        sql = f"{verb} INTO {table} ({names}) VALUES {', '.join([one] * n)}"
        if len(_SQL) < 256:  # a few column sets, six sizes
            _SQL[key] = sql
    return sql


def insert_rows(
    conn: sqlite3.Connection, table: str, rows: Sequence[Mapping[str, Any]], verb: str = "INSERT"
) -> None:
    """Insert ``rows`` in order, ``ROWS`` or fewer with the same columns an INSERT (``verb``:
    "INSERT OR IGNORE" ignores each row that would break a uniqueness constraint, as it would
    alone); the statements have a few fixed shapes (a power of two rows), each prepared once."""
    done = 0
    while done < len(rows):
        cols = tuple(rows[done])
        run = done + 1  # rows with these columns from ``done`` on
        while run < len(rows) and tuple(rows[run]) == cols:
            run += 1
        n = min(ROWS, 1 << ((run - done).bit_length() - 1))
        part = rows[done : done + n]
        conn.execute(_statement(verb, table, cols, n), [v for r in part for v in r.values()])
        done += n


def insert_values(
    conn: sqlite3.Connection,
    table: str,
    columns: tuple[str, ...],
    values: Sequence[Sequence[Any]],
    verb: str = "INSERT",
) -> None:
    """``insert_rows`` of rows given as their values in ``columns`` order: the same statements,
    without a mapping built for each row."""
    done = 0
    while done < len(values):
        n = min(ROWS, 1 << ((len(values) - done).bit_length() - 1))
        part = values[done : done + n]
        conn.execute(_statement(verb, table, columns, n), [v for r in part for v in r])
        done += n
