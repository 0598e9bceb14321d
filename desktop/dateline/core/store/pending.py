"""Search rows written as a run of transactions commits, not article by article.

FTS5 holds the rows a transaction gives it in memory and writes them out as a new segment of its
index whenever a later statement of the transaction begins. An import batch (``Store.begin_run``:
worker-prepared articles, each a savepoint of one transaction) that wrote each article's search rows
with the article made a segment, and later merges, per article and per index. Inside a run,
documents and events are inserted marked ``search_pending`` (schema m007, m014) and their search
rows are written here, once, just before the run commits: one segment per index per batch.
"""

from __future__ import annotations

import sqlite3

from .schema import EVENT_QUOTES


def marks(conn: sqlite3.Connection) -> tuple[int, int]:
    """The last document and event ids before a run: what it inserts comes after them."""
    row = conn.execute(
        "SELECT (SELECT coalesce(max(id), 0) FROM documents), "
        "(SELECT coalesce(max(id), 0) FROM events)"
    ).fetchone()
    return int(row[0]), int(row[1])


def write(conn: sqlite3.Connection, since: tuple[int, int]) -> None:
    """Write the search rows of the documents and events inserted pending after ``since``
    (``marks``), in id order."""
    documents, events = since
    index_events(conn, events)
    conn.execute(
        "UPDATE documents SET search_pending = 0 WHERE id > ? AND search_pending != 0",
        (documents,),
    )


def index_events(conn: sqlite3.Connection, after: int) -> None:
    """Write the search rows of the events inserted pending after id ``after``, with their quotes
    gathered (schema m013): one statement, in id order."""
    conn.execute(
        f"UPDATE events SET quotes = {EVENT_QUOTES.format(ref='events.id')}, search_pending = 0"
        " WHERE id > ? AND search_pending != 0",
        (after,),
    )
