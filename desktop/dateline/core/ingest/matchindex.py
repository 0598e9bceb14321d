"""An in-memory index of the stored proposed events, for matching new reports during an import.

Matching a report asks: which proposed events have dates that contain or lie within its own, and share
a key with it (``Profile.keys``: a speaker, an actor, a kind of happening, an event noun or a word)?
Asked of SQL once per report, that was most of the import time on a large store. Here the proposed
events are loaded once per calendar year touched (lazily) and indexed by key, then by span, so a report
walks only the spans its own keys occur on.

One blocking rule sits on top: a key carried by more than ``COMMON_SHARE`` of a year's proposed events
(and at least ``COMMON_MIN`` of them) is too common to propose a match on its own; a candidate must share
a rarer key. On a large store such words ("Brussels", "signed") otherwise pull in thousands of unrelated
events. Speakers are never too common: a statement matches only the same speaker on the same day.

Validity: ``integrate.fold_in`` refreshes every event an import writes. What anything else wrote (an
edit in the window or in another process, a re-extraction) is caught up with before the next article,
outside the write lock, and again, briefly, under it (``sync``): every write to an event is audited and
new events have higher ids, so only the events named by audit rows or created since the index last
looked are read again, never the whole index. A rolled-back article drops the index.
"""

from __future__ import annotations

import datetime as dt
import functools
import sqlite3
from collections.abc import Iterable, Mapping
from typing import Any

from ..happening import profile as profiles
from ..happening.profile import Profile
from ..happening.same import LATE_REPORT_DAYS
from ..model import Status
from ..span import Span
from ..store.light import light_events
from ..store.queries import overlapping_ids_sql

MAX_YEARS = 12  # a report spanning more years than this is matched by SQL instead
COMMON_SHARE = 0.02
COMMON_MIN = 100


def stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    """Changes by this connection, and SQLite's count of commits by others: equal stamps, nothing
    written in between."""
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])


def _marks(conn: sqlite3.Connection) -> tuple[int, int]:
    audit = conn.execute("SELECT max(id) FROM audit").fetchone()[0]
    event = conn.execute("SELECT max(id) FROM events").fetchone()[0]
    return int(audit or 0), int(event or 0)


class _Spans:
    """The spans one key occurs on in a year, and the events on each: single days by day (most
    spans are days, and a report asks for a handful of them), wider spans as they are."""

    __slots__ = ("days", "wide")

    def __init__(self) -> None:
        self.days: dict[int, set[int]] = {}  # day ordinal -> ids
        self.wide: dict[
            tuple[int, int], set[int]
        ] = {}  # (first, last) -> ids: an int pair hashes fast

    def ids(self, span: Span) -> set[int]:
        if span.first == span.last:
            return self.days.setdefault(span.first, set())
        return self.wide.setdefault((span.first, span.last), set())

    def find(self, span: Span) -> set[int] | None:
        if span.first == span.last:
            return self.days.get(span.first)
        return self.wide.get((span.first, span.last))


class _Year:
    __slots__ = ("by", "events", "keys")

    def __init__(self) -> None:
        self.events = 0  # indexed events whose span touches the year
        self.keys: dict[str, int] = {}  # key -> how many of them carry it
        # key -> its spans -> ids: a report walks only the spans its own (uncommon) keys occur on
        self.by: dict[str, _Spans] = {}


class MatchIndex:
    def __init__(self, conn: sqlite3.Connection) -> None:
        self.profiles: dict[int, Profile] = {}
        self.years: dict[int, _Year] = {}
        # What the index reflects: the connection's stamp, the last audit row and event it has seen.
        self.stamp = stamp(conn)
        self.audit_mark, self.event_mark = _marks(conn)

    # ---- keeping up with other writers ----
    def sync(self, conn: sqlite3.Connection) -> int:
        """Re-read the events written since the index last looked (by anyone but its own imports);
        how many. Costs two short range scans when something was written, nothing otherwise."""
        now = stamp(conn)  # read first: a commit after this read changes it again
        if now == self.stamp:
            return 0
        rows = conn.execute(
            "SELECT id, entity, entity_id FROM audit WHERE id > ?", (self.audit_mark,)
        ).fetchall()
        changed = {r[2] for r in rows if r[1] == "event"}
        created = [
            r[0] for r in conn.execute("SELECT id FROM events WHERE id > ?", (self.event_mark,))
        ]
        self.audit_mark = max([self.audit_mark, *(r[0] for r in rows)])
        self.event_mark = max([self.event_mark, *created])
        changed.update(created)
        self.refresh(conn, sorted(changed))
        self.stamp = now
        return len(changed)

    def seal(self, conn: sqlite3.Connection) -> None:
        """At the end of an import's transaction, which refreshed everything it wrote: the index
        is up to date with the database as that transaction leaves it (``_marks`` and ``stamp``
        in one statement: this runs for every article an import stores)."""
        audit, event, version = conn.execute(
            "SELECT (SELECT max(id) FROM audit), (SELECT max(id) FROM events), "
            "(SELECT data_version FROM pragma_data_version())"
        ).fetchone()
        self.audit_mark, self.event_mark = int(audit or 0), int(event or 0)
        self.stamp = conn.total_changes, int(version)

    def holds(self, spans: Iterable[tuple[dt.date, dt.date]]) -> bool:
        """Every year ``spans`` touch is loaded already: ``prepare`` would read nothing."""
        return all(
            last.year - first.year >= MAX_YEARS
            or all(y in self.years for y in range(first.year, last.year + 1))
            for first, last in spans
        )

    def prepare(self, conn: sqlite3.Connection, spans: Iterable[tuple[dt.date, dt.date]]) -> None:
        """Load the years ``spans`` touch now, before the write lock is taken."""
        for first, last in spans:
            if last.year - first.year < MAX_YEARS:
                for y in range(first.year, last.year + 1):
                    self._year(conn, y)

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
        self._load_records(light_events(conn, ids))

    def _load_records(self, records: Iterable[Any]) -> None:
        for rec in records:
            if rec.status != Status.PROPOSED:
                continue
            prof = profiles.of_record(rec)
            if prof.span is not None:
                self.profiles[rec.id] = prof

    def _enter(self, year: _Year, eid: int) -> None:
        prof = self.profiles[eid]
        span = prof.span
        assert span is not None
        year.events += 1
        by, counts = year.by, year.keys
        # ``_Spans.ids`` written out: this runs for every key of every event an import stores
        day = span.first == span.last
        where = span.first if day else (span.first, span.last)
        for k in prof.match_keys():
            spans = by.get(k)
            if spans is None:
                spans = by[k] = _Spans()
            table: dict[Any, set[int]] = spans.days if day else spans.wide
            ids = table.get(where)
            if ids is None:
                table[where] = {eid}
            else:
                ids.add(eid)
            counts[k] = counts.get(k, 0) + 1

    def _leave(self, eid: int) -> None:
        prof = self.profiles.pop(eid, None)
        if prof is None or prof.span is None:
            return
        for y in _years_of(prof.span):
            year = self.years.get(y)
            if year is None:
                continue
            year.events -= 1
            for k in prof.match_keys():
                spans = year.by.get(k)
                ids = spans.find(prof.span) if spans is not None else None
                if ids is not None:
                    ids.discard(eid)
                year.keys[k] = year.keys.get(k, 1) - 1

    def refresh(
        self,
        conn: sqlite3.Connection,
        ids: Iterable[int],
        records: Iterable[Any] = (),
        ready: Mapping[int, Profile] | None = None,
    ) -> None:
        """Re-read events this transaction wrote (added, given sources, re-dated).

        ``records`` are events the caller has just written and holds exactly as ``light_events``
        would read them back, ``ready`` the profiles of others it has just written (proposed, with
        a resolved date), exactly as ``profile.of_record`` would work them out; the rest of ``ids``
        is read from the database.
        """
        known = list(records)
        read = list(ids)
        given = dict(ready or {})
        all_ids = [*read, *(r.id for r in known), *given]
        for eid in all_ids:
            self._leave(eid)
        self._load(conn, read)
        self._load_records(known)
        self.profiles.update(given)
        for eid in all_ids:
            prof = self.profiles.get(eid)
            if prof is not None and prof.span is not None:
                for y in _years_of(prof.span):
                    if y in self.years:
                        self._enter(self.years[y], eid)

    # ---- asking ----
    def in_memory(self, mine: Profile) -> bool:
        """``candidates`` answers for ``mine`` without reading the database."""
        if mine.span is None:
            return True
        years = _years_of(mine.span)
        return len(years) <= MAX_YEARS and all(y in self.years for y in years)

    def candidates(self, conn: sqlite3.Connection, mine: Profile) -> set[int] | None:
        """Ids of proposed events that could be ``mine``'s happening; None = too wide, ask SQL."""
        span = mine.span
        if span is None:
            return set()
        years = _years_of(span)
        if len(years) > MAX_YEARS:
            return None
        keys = list(mine.match_keys())
        out: set[int] = set()
        # ``Span.compatible`` and a late report (``same.dates_agree`` has the last word) written
        # out: this loop runs for every key of every proposal an import stores, over every span
        # the key occurs on
        first, last = span.first, span.last
        late = mine.soft  # a stored span ending up to LATE_REPORT_DAYS before ``first`` joins too
        # a single day d is compatible when first <= d <= last, and is a late report's date when
        # first - LATE_REPORT_DAYS <= d < first
        day_from = first - LATE_REPORT_DAYS if late else first
        for y in years:
            year = self._year(conn, y)
            for k in _blocking_keys(year, keys):
                spans = year.by.get(k)
                if spans is None:
                    continue
                days = spans.days
                if last - day_from < len(days):
                    for d in range(day_from, last + 1):
                        ids = days.get(d)
                        if ids:
                            out |= ids
                else:
                    for d, ids in days.items():
                        if ids and day_from <= d <= last:
                            out |= ids
                for (s_first, s_last), ids in spans.wide.items():
                    if ids and (
                        (first <= s_first and s_last <= last)
                        or (s_first <= first and last <= s_last)
                        or (late and 0 < first - s_last <= LATE_REPORT_DAYS)
                    ):
                        out |= ids
        return out


def _blocking_keys(year: _Year, keys: list[str]) -> list[str]:
    """``keys`` without those too common in ``year`` to propose a match on their own."""
    limit = max(COMMON_MIN, COMMON_SHARE * year.events)
    counts = year.keys
    return [k for k in keys if k[0] == "@" or counts.get(k, 0) <= limit]


def _years_of(span: Span) -> range:
    return _years(span.first, span.last)


@functools.lru_cache(maxsize=4096)  # asked several times for every report an import stores
def _years(first: int, last: int) -> range:
    return range(dt.date.fromordinal(first).year, dt.date.fromordinal(last).year + 1)
