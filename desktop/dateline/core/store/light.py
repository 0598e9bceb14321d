"""What matching and merge suggestions read of events, straight from SQL: dates, title, status and
sources with their stored match terms (nothing re-analysed), and the pairs the analyst dismissed."""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from ..model import EventRecord, Granularity, SourceRecord, Status
from .records import chunks, day, json_list, placeholders

LIVE = (Status.PROPOSED.value, Status.ACCEPTED.value, Status.EDITED.value)


def light_events(conn: sqlite3.Connection, ids: Sequence[int] | None) -> list[EventRecord]:
    """What matching reads of events (dates, title, sources with match terms); None = every live one."""
    rows: list[tuple[Any, ...]] = []
    sources: dict[int, list[SourceRecord]] = {}
    parts: list[Sequence[int] | None] = [None] if ids is None else list(chunks(list(ids)))
    for part in parts:
        if part is None:
            where, params = "e.status != 'rejected' AND e.earliest IS NOT NULL", []
        else:
            where, params = f"e.id IN ({placeholders(len(part))})", list(part)
        rows.extend(
            conn.execute(
                "SELECT e.id, e.title, e.value, e.end_value, e.earliest, e.latest, e.status "
                f"FROM events e WHERE {where}",
                params,
            )
        )
        for r in conn.execute(
            "SELECT s.id, s.event_id, s.document_id, s.sentence_start, s.sentence_end, s.timex_start, "
            "s.timex_end, s.quote, s.value, s.match_terms, s.basis FROM sources s JOIN events e "
            f"ON e.id = s.event_id WHERE {where}",
            params,
        ):
            sources.setdefault(r[1], []).append(
                SourceRecord(
                    id=r[0],
                    event_id=r[1],
                    document_id=r[2],
                    sentence_start=r[3],
                    sentence_end=r[4],
                    timex_start=r[5],
                    timex_end=r[6],
                    quote=r[7],
                    value=r[8],
                    match_terms=json_list(r[9]),
                    basis=r[10],
                )
            )
    return [light_record(r, sources.get(r[0], ())) for r in rows]


def light_record(row: Sequence[Any], sources: Sequence[SourceRecord]) -> EventRecord:
    """An event as ``light_events`` reads it: (id, title, value, end, earliest, latest, status)."""
    return EventRecord(
        id=row[0],
        title=row[1],
        value=row[2],
        end=row[3],
        granularity=Granularity.UNKNOWN,
        earliest=day(row[4]),
        latest=day(row[5]),
        status=Status(row[6]),
        confidence=0.0,
        sources=tuple(sources),
    )


def dismissed_pairs(conn: sqlite3.Connection, event_id: int | None = None) -> set[tuple[int, int]]:
    if event_id is None:
        rows = conn.execute("SELECT event_a, event_b FROM merge_dismissals")
    else:
        rows = conn.execute(
            "SELECT event_a, event_b FROM merge_dismissals WHERE event_a = ? "
            "UNION ALL SELECT event_a, event_b FROM merge_dismissals WHERE event_b = ?",
            (event_id, event_id),
        )
    return {(r[0], r[1]) for r in rows}
