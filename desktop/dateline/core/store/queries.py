"""Event filters and orders as SQL, so 100,000 events are filtered and sorted by SQLite, not Python."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..errors import ValidationError
from ..model import Status
from .search import fts_query, search_problem


@dataclass(frozen=True)
class EventFilter:
    text: str = ""  # words searched in titles, descriptions, notes and quotes (see store.search)
    statuses: tuple[str, ...] = ()  # () = any
    tags: tuple[str, ...] = ()  # event has ALL of these tags
    date_from: dt.date | None = None  # event interval overlaps [date_from, date_to]
    date_to: dt.date | None = None
    document_id: int | None = None  # event has a source in this document
    flagged: bool | None = None  # has any flag (anchor-changed, date-conflict)


_DATE_ORDER = "coalesce(e.earliest, '~') {d}, e.latest {r}, e.id {d}"
_ORDERS: dict[str, str] = {
    "date": _DATE_ORDER,
    "document": (
        "(SELECT min(s.document_id) FROM sources s WHERE s.event_id = e.id) IS NULL {d}, "
        "(SELECT min(s.document_id * 1000000000 + s.sentence_start) FROM sources s "
        "WHERE s.event_id = e.id) {d}, e.id {d}"
    ),
    "doubt": (
        "(e.flags != '[]') {r}, (e.earliest IS NULL) {r}, e.confidence {d}, "
        "coalesce(e.earliest, '~') {d}, e.id {d}"
    ),
    "title": "e.title COLLATE NOCASE {d}, e.id {d}",
    "status": "e.status {d}, " + _DATE_ORDER,
    "confidence": "e.confidence {d}, e.id {d}",
    "sources": "(SELECT count(*) FROM sources s WHERE s.event_id = e.id) {d}, e.id {d}",
}
ORDERS: tuple[str, ...] = tuple(_ORDERS)


def order_sql(order: str) -> str:
    reverse = order.startswith("-")
    key = order.lstrip("-") or "date"
    if key not in _ORDERS:
        raise ValidationError(
            f"Unknown order {key!r}; choose one of {', '.join(ORDERS)}.", field="order"
        )
    d, r = ("DESC", "ASC") if reverse else ("ASC", "DESC")
    return _ORDERS[key].format(d=d, r=r)


def where_sql(flt: EventFilter | None) -> tuple[str, list[object]]:
    """A WHERE clause over ``events e`` (or "1" for no filter) and its parameters."""
    if flt is None:
        return "1", []
    parts: list[str] = []
    params: list[object] = []
    if flt.statuses:
        for s in flt.statuses:
            if s not in Status.__members__.values():
                raise ValidationError(
                    f"Unknown status {s!r}; use proposed, accepted, rejected or edited.",
                    field="status",
                )
        parts.append(f"e.status IN ({','.join('?' * len(flt.statuses))})")
        params.extend(flt.statuses)
    if flt.tags:
        tags = sorted(set(flt.tags))
        parts.append(
            f"e.id IN (SELECT event_id FROM event_tags WHERE tag IN ({','.join('?' * len(tags))}) "
            f"GROUP BY event_id HAVING count(*) = {len(tags)})"
        )
        params.extend(tags)
    if flt.date_from is not None:
        parts.append("e.latest >= ?")
        params.append(flt.date_from.isoformat())
    if flt.date_to is not None:
        # Written as the date index's expression so SQLite range-scans it (NULL = '~' never passes).
        parts.append("coalesce(e.earliest, '~') <= ?")
        params.append(flt.date_to.isoformat())
    if flt.document_id is not None:
        parts.append("e.id IN (SELECT event_id FROM sources WHERE document_id = ?)")
        params.append(flt.document_id)
    if flt.flagged is not None:
        parts.append("e.flags != '[]'" if flt.flagged else "e.flags = '[]'")
    if flt.text.strip():
        problem = search_problem(flt.text)
        if problem:  # refused: listing every event would look like a search that found them all
            raise ValidationError(problem, field="search")
        parts.append("e.id IN (SELECT rowid FROM events_fts WHERE events_fts MATCH ?)")
        params.append(fts_query(flt.text))
    return (" AND ".join(parts) or "1"), params


def overlapping_ids_sql(
    earliest: dt.date, latest: dt.date, statuses: tuple[str, ...], limit: int = 0
) -> tuple[str, list[object]]:
    """SELECT id, version of events whose interval overlaps [earliest, latest], index-friendly.

    "earliest <= b AND latest >= a" alone makes SQLite walk half the table. Split by span class
    (ix_events_span), an event of class k starts at most SPAN_LIMITS[k] days before ``earliest``:
    each class is a short range scan. The longest class has no bound but holds few events.
    """
    from .schema import SPAN_CLASS, SPAN_LIMITS

    a, b = earliest.isoformat(), latest.isoformat()
    marks = ",".join("?" * len(statuses))
    parts: list[str] = []
    params: list[object] = []
    # With a limit, each class keeps the events nearest the end of the window: the index's own
    # order, so a year-long window of 10,000 day events is not sorted just to keep 100.
    tail = f" ORDER BY earliest DESC LIMIT {int(limit)}" if limit else ""
    for k in range(len(SPAN_LIMITS) + 1):
        low = (
            (earliest - dt.timedelta(days=SPAN_LIMITS[k])).isoformat()
            if k < len(SPAN_LIMITS)
            else "0000-00-00"
        )
        parts.append(
            f"SELECT * FROM (SELECT id, version FROM events WHERE status IN ({marks}) "
            f"AND {SPAN_CLASS} = {k} AND earliest BETWEEN ? AND ? AND latest >= ?{tail})"
        )
        params.extend([*statuses, low, b, a])
    return " UNION ALL ".join(parts), params
