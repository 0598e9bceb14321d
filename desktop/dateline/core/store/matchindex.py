"""An in-memory index of the stored proposed events, for matching new proposals during an import.

Matching a proposal asks: which proposed events have a span containing or contained in its own, and
share a term, event noun or (for statements) speaker with it? Asked of SQL once per proposal, that
was most of the import time on a large store. Here the proposed events are loaded once per calendar
year touched (lazily) and indexed by (key, span), so a proposal looks up only the few spans compatible
with its own. The candidate set is exactly ``merging.score``'s necessary conditions over every
overlapping proposed event (no recency cut-off).

Validity: the index is used only inside ``importing.import_file``'s transaction; ``ingest.integrate``
refreshes every event it writes. Between files it is kept only if nothing else wrote to the database
(this connection's change counter and SQLite's data_version are where the last import left them);
a rolled-back file drops it.
"""

from __future__ import annotations

import datetime as dt
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..model import Status
from .queries import overlapping_ids_sql
from .suggest import light_events

Span = tuple[int, int]
MAX_YEARS = 12  # a proposal spanning more years than this is matched by SQL instead


def _keys(prof: Any) -> list[str]:
    if prof.speech:
        return ["@" + s for s in prof.speakers]
    return [*prof.terms, *("#" + n for n in prof.event_nouns)]


def stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])


class _Year:
    __slots__ = ("by", "compatible", "spans")

    def __init__(self) -> None:
        self.spans: dict[Span, int] = {}  # span -> how many indexed events have it
        self.by: dict[tuple[str, Span], set[int]] = {}
        # (span, speech) -> the spans of this year a proposal of that span can match; reset when
        # a span appears (a few hundred per year, so it settles early in an import)
        self.compatible: dict[tuple[Span, bool], list[Span]] = {}


class MatchIndex:
    def __init__(self) -> None:
        self.profiles: dict[int, tuple[Any, Span]] = {}
        self.years: dict[int, _Year] = {}
        self.stamp: tuple[int, int] | None = None

    # ---- loading ----
    def _year(self, conn: sqlite3.Connection, year: int) -> _Year:
        got = self.years.get(year)
        if got is not None:
            return got
        got = self.years[year] = _Year()
        sql, params = overlapping_ids_sql(
            dt.date(year, 1, 1), dt.date(year, 12, 31), (Status.PROPOSED.value,)
        )
        ids = [r[0] for r in conn.execute(sql, params)]
        self._load(conn, [i for i in ids if i not in self.profiles])
        for eid in ids:
            if eid in self.profiles:
                self._enter(got, eid)
        return got

    def _load(self, conn: sqlite3.Connection, ids: list[int]) -> None:
        from ..merging import profile_of_record

        for rec in light_events(conn, ids):
            if rec.status != Status.PROPOSED:
                continue
            prof = profile_of_record(rec)
            span = prof.span()
            if span is not None:
                self.profiles[rec.id] = (prof, span)

    def _enter(self, year: _Year, eid: int) -> None:
        prof, span = self.profiles[eid]
        if span not in year.spans:
            year.compatible.clear()
        year.spans[span] = year.spans.get(span, 0) + 1
        for k in _keys(prof):
            year.by.setdefault((k, span), set()).add(eid)

    def _leave(self, eid: int) -> None:
        found = self.profiles.pop(eid, None)
        if found is None:
            return
        prof, span = found
        for y in _years_of(span):
            year = self.years.get(y)
            if year is None:
                continue
            for k in _keys(prof):
                ids = year.by.get((k, span))
                if ids is not None:
                    ids.discard(eid)
            n = year.spans.get(span, 0) - 1
            if n > 0:
                year.spans[span] = n
            else:
                year.spans.pop(span, None)

    def refresh(self, conn: sqlite3.Connection, ids: Iterable[int]) -> None:
        """Re-read events this transaction wrote (added, given sources, re-dated)."""
        ids = list(ids)
        for eid in ids:
            self._leave(eid)
        self._load(conn, ids)
        for eid in ids:
            if eid in self.profiles:
                for y in _years_of(self.profiles[eid][1]):
                    if y in self.years:
                        self._enter(self.years[y], eid)

    # ---- asking ----
    def candidates(self, conn: sqlite3.Connection, mine: Any, span: Span) -> set[int] | None:
        """Ids of proposed events that could score with ``mine``; None = too wide, ask SQL."""
        years = _years_of(span)
        if len(years) > MAX_YEARS:
            return None
        keys = _keys(mine)
        out: set[int] = set()
        a0, a1 = span
        for y in years:
            year = self._year(conn, y)
            spans = year.compatible.get((span, mine.speech))
            if spans is None:
                spans = year.compatible[(span, mine.speech)] = [
                    s
                    for s in year.spans
                    if (s == span if mine.speech else
                        (a0 <= s[0] and s[1] <= a1) or (s[0] <= a0 and a1 <= s[1]))
                ]  # fmt: skip
            for s in spans:
                for k in keys:
                    ids = year.by.get((k, s))
                    if ids:
                        out |= ids
        return out

    def profile(self, eid: int) -> tuple[Any, Span]:
        return self.profiles[eid]


def _years_of(span: Span) -> range:
    a = dt.date.fromordinal(span[0]).year
    b = dt.date.fromordinal(span[1]).year
    return range(a, b + 1)
