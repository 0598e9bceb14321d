"""Merge suggestions read from the store: pairs of events that look like one happening.

The rules are ``core.merging``'s (compatible dates plus key terms, or one speaker on one day), run over
light records built straight from SQL: profiles come from the sources' stored match terms, so nothing is
re-analysed. Rejected events and pairs the analyst dismissed are left out. Pairs are (a, b, score) with
a < b, best first.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Sequence
from typing import Any

from ..model import EventRecord, Granularity, SourceRecord, Status
from .queries import overlapping_ids_sql
from .records import chunks, day, json_list, placeholders

Pair = tuple[int, int, float]
LIVE = (Status.PROPOSED.value, Status.ACCEPTED.value, Status.EDITED.value)


def light_events(conn: sqlite3.Connection, ids: Sequence[int] | None) -> list[EventRecord]:
    """What matching reads of events (dates, title, sources with match terms); None = every live one."""
    rows: list[tuple[object, ...]] = []
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
            "s.timex_end, s.quote, s.value, s.match_terms FROM sources s JOIN events e "
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
                )
            )
    return [light_record(r, sources.get(r[0], ())) for r in rows]  # type: ignore[arg-type]


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


def all_suggestions(conn: sqlite3.Connection) -> list[Pair]:
    """Every suggested pair in the store, best first (the sweep of ``merging.merge_suggestions``)."""
    from ..merging import merge_suggestions

    dismissed = dismissed_pairs(conn)
    out = []
    for a, b, sc in merge_suggestions(light_events(conn, None)):
        pair = (min(a, b), max(a, b))
        if pair not in dismissed:
            out.append((*pair, sc))
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


_PROFILE_CACHE = 200_000  # profiles kept per store; beyond this the cache starts afresh


def suggestions_for_event(
    conn: sqlite3.Connection, event_id: int, limit: int, cache: dict[tuple[int, int], Any]
) -> list[Pair]:
    """The pairs involving ``event_id``, scored against the events overlapping its interval.

    Term weights come from that neighbourhood, as ``merging.merge_suggestions`` would weigh them over a
    store holding only those events. Profiles are cached per (id, version) in ``cache``, so looking
    through events one after another re-reads only what changed.
    """
    from ..eventtext import idf_weights
    from ..merging import profile_of_record, score

    row = conn.execute(
        "SELECT earliest, latest, status, version FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    if row is None or row[2] == Status.REJECTED or not row[0] or not row[1]:
        return []
    sql, params = overlapping_ids_sql(day(row[0]), day(row[1]), LIVE)  # type: ignore[arg-type]
    keys = {(r[0], r[1]) for r in conn.execute(sql, params)} | {(event_id, row[3])}
    missing = [k[0] for k in keys if k not in cache]
    if len(cache) + len(missing) > _PROFILE_CACHE:
        cache.clear()
        missing = [k[0] for k in keys]
    versions = dict(keys)
    for rec in light_events(conn, missing):
        prof = profile_of_record(rec)
        cache[(rec.id, versions[rec.id])] = (prof, prof.keys())
    found = [(k[0], *cache[k]) for k in keys if k in cache]
    weights = idf_weights(p.terms for _, p, _ in found)
    mine, my_keys = next((p, ks) for i, p, ks in found if i == event_id)
    dismissed = dismissed_pairs(conn, event_id)
    out = []
    for eid, prof, ks in found:
        if eid == event_id or my_keys.isdisjoint(ks):
            continue  # nothing shared: score is 0
        pair = (min(eid, event_id), max(eid, event_id))
        if pair in dismissed:
            continue
        sc = score(mine, prof, weights)
        if sc > 0:
            out.append((*pair, round(sc, 3)))
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out[: max(int(limit), 0)]
