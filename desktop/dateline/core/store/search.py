"""Turning what a user types into a safe FTS5 query, and document search."""

from __future__ import annotations

import re
import sqlite3
from dataclasses import dataclass

_TOKEN = re.compile(r"\w+", re.UNICODE)


def fts_query(text: str) -> str:
    """Every word must appear; the last one may be a prefix (search as you type).

    Words are quoted so FTS5 operators and punctuation in user input ("NATO-led", "AND", quotes)
    never raise a syntax error.
    """
    words = _TOKEN.findall(text or "")
    if not words:
        return ""
    quoted = [f'"{w}"' for w in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class DocumentHit:
    document_id: int
    title: str
    snippet: str


def search_documents(conn: sqlite3.Connection, text: str, limit: int = 100) -> list[DocumentHit]:
    query = fts_query(text)
    if not query:
        return []
    rows = conn.execute(
        "SELECT rowid, title, snippet(documents_fts, 1, '[', ']', '…', 12) AS snip "
        "FROM documents_fts WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?",
        (query, limit),
    ).fetchall()
    return [DocumentHit(r[0], r[1], r[2]) for r in rows]
