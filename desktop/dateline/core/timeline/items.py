"""Timeline items: the few facts about an event the timeline draws, as small tuples.

A view of 100,000 events keeps 100,000 of these (not the EventRecords' sources and notes), built once
per data change; everything zoom-dependent is computed per frame from them.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum
from functools import lru_cache
from typing import NamedTuple

from .. import timevalue
from ..model import EventRecord, Granularity
from .importance import importance

UNCERTAIN_FLAGS = frozenset({"date-conflict", "approximate", "uncertain", "needs-anchor"})
LOW_CONFIDENCE = 0.5

# part-of-day values (TIMEX3 "T" + MO/MI/AF/EV/NI/DT) as (start hour, end hour)
_PART_OF_DAY = {"MO": (6, 12), "MI": (12, 13), "AF": (12, 18), "EV": (18, 22), "NI": (21, 24),
                "DT": (9, 17)}  # fmt: skip


class ItemKind(StrEnum):
    """How an item is drawn. The precision rule of the timeline lives here and in ``item_kind``."""

    POINT = "point"  # a day or finer: a dot
    RANGE = "range"  # an explicit interval (value..end): a solid bar
    COARSE = "coarse"  # a week, month, season, quarter, half, year, decade: a lighter bar


class TimelineItem(NamedTuple):
    id: int
    start: float  # days on the ordinal scale (see ``scale.to_time``), inclusive
    end: float  # exclusive: a day item covers [ordinal, ordinal + 1)
    kind: ItemKind
    granularity: Granularity
    status: str
    title: str
    uncertain: bool
    value: str
    end_value: str | None
    sources: int
    tag: str  # first tag, "" when untagged
    documents: tuple[int, ...]  # distinct source documents
    reliability: str  # A-F, "" when unrated
    tags: tuple[str, ...] = ()  # every tag: lanes by tag place the item once in each
    independent: int = 0  # independent documents reporting it (``corroboration``)
    confidence: float = 1.0
    score: float = 0.0  # ``importance.importance``: which events a crowded timeline labels first

    def label(self) -> str:
        """The human date label ("Thu 17 - Fri 18 Oct 2024", "H1 2024")."""
        if timevalue.is_resolved(self.value):
            return timevalue.label(self.value, self.end_value)
        a = dt.date.fromordinal(int(self.start))
        b = dt.date.fromordinal(max(int(self.start), int(self.end - 1e-9)))
        shown = timevalue.label(a.isoformat(), b.isoformat() if b != a else None)
        return f"{self.value or 'undated'} (about {shown})"


def _time_of_day(value: str) -> tuple[float, float] | None:
    """Fractions of the day a value's time part covers, or None for a whole day."""
    if "T" not in value:
        return None
    part = value.split("T", 1)[1]
    if part[:2] in _PART_OF_DAY:
        h0, h1 = _PART_OF_DAY[part[:2]]
        return h0 / 24.0, h1 / 24.0
    try:
        hour = int(part[:2])
    except ValueError:
        return None
    if len(part) >= 5 and part[2] == ":":
        try:
            minute = int(part[3:5])
        except ValueError:
            minute = 0
        a = hour / 24.0 + minute / 1440.0
        return a, a + 1 / 1440.0
    return hour / 24.0, (hour + 1) / 24.0


def item_kind(granularity: Granularity, value: str, end: str | None, days: float) -> ItemKind:
    if end and end != value:
        return ItemKind.RANGE
    if granularity in (Granularity.DAY, Granularity.HOUR, Granularity.MINUTE):
        return ItemKind.POINT
    if granularity is Granularity.UNKNOWN and days <= 1.0:
        return ItemKind.POINT
    return ItemKind.COARSE


@lru_cache(maxsize=1 << 16)
def _placement(value: str, end: str | None) -> tuple[float, float, Granularity, ItemKind] | None:
    """Where a resolved value (or value..end) sits: cached, as a database repeats its dates a lot."""
    a, b = timevalue.span(value, end)
    if a is None:
        return None
    if b is None or b < a:
        b = a
    start = float(a.toordinal())
    stop = float(b.toordinal() + 1)
    tod = _time_of_day(value)
    if tod is not None:
        end_tod = _time_of_day(end) if end else None
        start = a.toordinal() + tod[0]
        stop = (b.toordinal() + end_tod[1]) if end_tod else (a.toordinal() + tod[1])
        stop = max(stop, start + 1 / 1440.0)
    granularity = timevalue.granularity_of(value)
    return start, stop, granularity, item_kind(granularity, value, end, stop - start)


def item_from_event(ev: EventRecord) -> TimelineItem | None:
    """The timeline item of an event, or None when it has no place on a calendar.

    An unresolved value still placed by the store (``earliest``..``latest``) is drawn over those
    days with an uncertain edge.
    """
    placed = _placement(ev.value, ev.end)
    resolved = placed is not None
    if placed is None:
        a, b = ev.earliest, ev.latest
        if a is None:
            return None
        if b is None or b < a:
            b = a
        start, stop = float(a.toordinal()), float(b.toordinal() + 1)
        granularity = Granularity.UNKNOWN
        kind = item_kind(granularity, ev.value, None, stop - start)
    else:
        start, stop, granularity, kind = placed
    uncertain = (
        not resolved
        or ev.confidence < LOW_CONFIDENCE
        or (bool(ev.flags) and not UNCERTAIN_FLAGS.isdisjoint(ev.flags))
    )
    sources = ev.sources
    if not sources:
        docs: tuple[int, ...] = ()
        independent = 0
    elif len(sources) == 1:
        docs = (sources[0].document_id,)
        independent = 1
    else:
        docs = tuple(sorted({s.document_id for s in sources}))
        # as ``corroboration.independent_documents`` counts, a copy with its original (a test checks)
        independent = len({s.copy_of or s.document_id for s in sources})
    status = str(ev.status)
    score = importance(
        status, independent, ev.confidence, granularity, kind is ItemKind.RANGE, ev.id
    )
    # positional: this runs once per event of the database
    return TimelineItem(
        ev.id, start, stop, kind, granularity, status, ev.title, uncertain, ev.value,
        ev.end, len(sources), ev.tags[0] if ev.tags else "", docs, ev.reliability or "", ev.tags,
        independent, ev.confidence, score,
    )  # fmt: skip


def build_items(events: Iterable[EventRecord]) -> tuple[list[TimelineItem], list[int]]:
    """Items of the dated events, and the ids of the events that cannot be placed."""
    items: list[TimelineItem] = []
    undated: list[int] = []
    for ev in events:
        it = item_from_event(ev)
        if it is None:
            undated.append(ev.id)
        else:
            items.append(it)
    return items, undated
