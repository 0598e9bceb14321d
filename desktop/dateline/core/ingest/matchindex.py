"""An in-memory index of the stored proposed events, for matching new proposals during an import.

Matching a proposal asks: which proposed events have a span containing or contained in its own, and
share a term, event noun or (for statements) speaker with it? Asked of SQL once per proposal, that
was most of the import time on a large store. Here the proposed events are loaded once per calendar
year touched (lazily) and indexed by key, then span, so a proposal walks only the spans its own keys
occur on. The index also counts how many of the year's events carry each key, which gives the term
weights (``weights``) and the blocking rule below.

The candidate set is ``merging.score``'s necessary conditions over every overlapping proposed event,
with one blocking rule on top: a term or event noun carried by more than ``COMMON_SHARE`` of a year's
proposed events (and at least ``COMMON_MIN`` of them) is too common to propose a match on its own; a
candidate must share a rarer key. On a large store such words ("Brussels", "signed") otherwise pull
in thousands of unrelated events, crowd the true report out of the ``_CANDIDATE_LIMIT`` most recent,
and merge happenings that share nothing distinctive. Speakers are never too common: a statement
matches only the same speaker on the same day.

Validity: the index is used only inside an import's transaction (``Ingest``); ``integrate.fold_in``
refreshes every event it writes. Between files it is kept only if nothing else wrote to the database
(this connection's change counter and SQLite's data_version are where the last import left them);
a rolled-back file drops it.
"""

from __future__ import annotations

import datetime as dt
import math
import sqlite3
from collections.abc import Iterable
from typing import Any

from ..model import Status
from ..store.light import light_events
from ..store.queries import overlapping_ids_sql

Span = tuple[int, int]
MAX_YEARS = 12  # a proposal spanning more years than this is matched by SQL instead
COMMON_SHARE = 0.02
COMMON_MIN = 100


def _keys(prof: Any) -> list[str]:
    if prof.speech:
        return ["@" + s for s in prof.speakers]
    return [*prof.terms, *("#" + n for n in prof.event_nouns)]


def stamp(conn: sqlite3.Connection) -> tuple[int, int]:
    return conn.total_changes, int(conn.execute("PRAGMA data_version").fetchone()[0])


class _Year:
    __slots__ = ("by", "events", "keys", "top")

    def __init__(self) -> None:
        self.events = 0  # indexed events whose span touches the year
        self.keys: dict[str, int] = {}  # key -> how many of them carry it
        self.top = 1  # at least the largest of those counts (it is not lowered when events leave)
        # key -> span -> ids: a proposal walks only the spans its own (uncommon) keys occur on
        self.by: dict[str, dict[Span, set[int]]] = {}


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
        self._load_records(light_events(conn, ids))

    def _load_records(self, records: Iterable[Any]) -> None:
        from ..merging import profile_of_record

        for rec in records:
            if rec.status != Status.PROPOSED:
                continue
            prof = profile_of_record(rec)
            span = prof.span()
            if span is not None:
                self.profiles[rec.id] = (prof, span)

    def _enter(self, year: _Year, eid: int) -> None:
        prof, span = self.profiles[eid]
        year.events += 1
        for k in _keys(prof):
            year.by.setdefault(k, {}).setdefault(span, set()).add(eid)
            c = year.keys[k] = year.keys.get(k, 0) + 1
            if c > year.top:
                year.top = c

    def _leave(self, eid: int) -> None:
        found = self.profiles.pop(eid, None)
        if found is None:
            return
        prof, span = found
        for y in _years_of(span):
            year = self.years.get(y)
            if year is None:
                continue
            year.events -= 1
            for k in _keys(prof):
                ids = year.by.get(k, {}).get(span)
                if ids is not None:
                    ids.discard(eid)
                year.keys[k] = year.keys.get(k, 1) - 1

    def refresh(
        self, conn: sqlite3.Connection, ids: Iterable[int], records: Iterable[Any] = ()
    ) -> None:
        """Re-read events this transaction wrote (added, given sources, re-dated).

        ``records`` are events the caller has just written and holds exactly as ``light_events``
        would read them back; the rest of ``ids`` is read from the database.
        """
        known = list(records)
        read = list(ids)
        ids = [*read, *(r.id for r in known)]
        for eid in ids:
            self._leave(eid)
        self._load(conn, read)
        self._load_records(known)
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
        all_keys = _keys(mine)
        out: set[int] = set()
        a0, a1 = span
        speech = mine.speech
        for y in years:
            year = self._year(conn, y)
            for k in _blocking_keys(year, all_keys):
                for s, ids in year.by.get(k, {}).items():
                    if ids and (
                        s == span
                        if speech
                        else (a0 <= s[0] and s[1] <= a1) or (s[0] <= a0 and a1 <= s[1])
                    ):
                        out |= ids
        return out

    def weights(self, mine: Any, span: Span, terms: Iterable[str]) -> dict[str, float]:
        """Inverse document frequencies of ``terms`` among the proposed events of ``span``'s years.

        ``eventtext.idf_weights``' formula with the year's events as the collection and the proposal
        counted in it. Weighting by the few candidates alone would make every word they share look
        rare: two reports that have one name, a verb and a city in common would score as one.
        """
        years = [self.years[y] for y in _years_of(span) if y in self.years]
        n = 1 + sum(y.events for y in years)
        own = mine.terms
        log = math.log
        if len(years) == 1:
            get = years[0].keys.get
        else:

            def get(t: str, default: int) -> int:
                return sum(y.keys.get(t, default) for y in years)

        # The proposal's own terms count it once more; the others at least once.
        out = {t: log(1.0 + n / (get(t, 0) or 1)) for t in set(terms) - own}
        out.update({t: log(1.0 + n / (1 + get(t, 0))) for t in own})
        return out

    def least_weight(self, span: Span) -> float:
        """A lower bound of every weight ``weights`` gives a term of ``span``'s years that is not
        the proposal's own: no such term is carried by more events than the years' ``top``."""
        years = [self.years[y] for y in _years_of(span) if y in self.years]
        n = 1 + sum(y.events for y in years)
        return math.log(1.0 + n / max(1, sum(y.top for y in years)))

    def profile(self, eid: int) -> tuple[Any, Span]:
        return self.profiles[eid]


def _blocking_keys(year: _Year, keys: list[str]) -> list[str]:
    """``keys`` without those too common in ``year`` to propose a match on their own."""
    limit = max(COMMON_MIN, COMMON_SHARE * year.events)
    counts = year.keys
    return [k for k in keys if k[0] == "@" or counts.get(k, 0) <= limit]


def _years_of(span: Span) -> range:
    a = dt.date.fromordinal(span[0]).year
    b = dt.date.fromordinal(span[1]).year
    return range(a, b + 1)
