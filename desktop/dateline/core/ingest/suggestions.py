"""Merge suggestions: pairs of stored events that may be one happening, for the analyst to confirm.

A pair is suggested when ``happening.same`` finds evidence for it (SUGGEST or MERGE) and nothing rules
it out. The same comparison runs whether the whole store is swept or one event's neighbours are read, so
the list and the event agree. Profiles are built from light records read straight from SQL (the
sources' stored match terms), so nothing is re-analysed. Rejected events and pairs the analyst
dismissed are left out. Pairs are (a, b, score) with a < b, best first.
"""

from __future__ import annotations

import datetime as dt
import heapq
import sqlite3
import weakref
from collections.abc import Sequence
from typing import TYPE_CHECKING

from ..happening import profile as profiles
from ..happening.profile import Profile
from ..happening.same import LATE_REPORT_DAYS, Verdict, compare
from ..model import EventRecord, Status
from ..store.light import LIVE, dismissed_pairs, light_events
from ..store.queries import overlapping_ids_sql

if TYPE_CHECKING:
    from ..store import Store

Pair = tuple[int, int, float]


def _pair(a: int, b: int, pa: Profile, pb: Profile) -> Pair | None:
    ev = compare(pa, pb)
    if ev.verdict < Verdict.SUGGEST:
        return None
    return (min(a, b), max(a, b), round(ev.score, 3))


def sweep(events: Sequence[EventRecord]) -> list[Pair]:
    """Every suggested pair among ``events`` (rejected ones left out), best first.

    A sweep over date intervals visits each event against those whose dates it overlaps, and within
    those only the ones sharing a key (``Profile.keys``): the pairs ``compare`` can suggest.
    """
    live = [e for e in events if e.status != Status.REJECTED and e.earliest and e.latest]
    found = {e.id: profiles.of_record(e) for e in live}
    # A report dated only by its publication day may tell of a day a little before it: it is
    # swept from that earlier day on (``same.dates_agree``).
    late = dt.timedelta(days=LATE_REPORT_DAYS)
    first: dict[int, dt.date] = {}
    for e in live:
        assert e.earliest is not None  # ``live`` holds dated events only
        first[e.id] = e.earliest - late if found[e.id].soft else e.earliest
    live.sort(key=lambda e: (first[e.id], e.latest, e.id))
    by_key: dict[str, set[int]] = {}
    active: list[tuple[object, int, int]] = []  # (latest, order, id): soonest to end first
    out: list[Pair] = []
    for n, e in enumerate(live):
        while active and active[0][0] < first[e.id]:  # type: ignore[operator]
            gone = heapq.heappop(active)[2]
            for k in found[gone].match_keys():
                by_key[k].discard(gone)
        mine = found[e.id]
        near: set[int] = set()
        for k in mine.match_keys():
            near |= by_key.get(k, set())
        for other in sorted(near):
            pair = _pair(other, e.id, found[other], mine)
            if pair is not None:
                out.append(pair)
        for k in mine.match_keys():
            by_key.setdefault(k, set()).add(e.id)
        heapq.heappush(active, (e.latest, n, e.id))
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out


def all_suggestions(conn: sqlite3.Connection) -> list[Pair]:
    """Every suggested pair in the store, best first, dismissed pairs left out."""
    dismissed = dismissed_pairs(conn)
    return [p for p in sweep(light_events(conn, None)) if (p[0], p[1]) not in dismissed]


_PROFILE_CACHE = 200_000  # profiles kept per store; beyond this the cache starts afresh


def suggestions_for_event(
    conn: sqlite3.Connection, event_id: int, limit: int, cache: dict[tuple[int, int], Profile]
) -> list[Pair]:
    """The pairs involving ``event_id``: it against the live events whose dates overlap its own.

    Profiles are cached per (id, version) in ``cache``, so looking through events one after another
    re-reads only what changed.
    """
    row = conn.execute(
        "SELECT earliest, latest, status, version FROM events WHERE id = ?", (event_id,)
    ).fetchone()
    if row is None or row[2] == Status.REJECTED or not row[0] or not row[1]:
        return []
    late = dt.timedelta(days=LATE_REPORT_DAYS)  # reports of a few days before or after
    earliest, latest = dt.date.fromisoformat(row[0]), dt.date.fromisoformat(row[1])
    sql, params = overlapping_ids_sql(earliest - late, latest + late, LIVE)
    keys = {(r[0], r[1]) for r in conn.execute(sql, params)} | {(event_id, row[3])}
    missing = [k[0] for k in keys if k not in cache]
    if len(cache) + len(missing) > _PROFILE_CACHE:
        cache.clear()
        missing = [k[0] for k in keys]
    versions = dict(keys)
    for rec in light_events(conn, missing):
        cache[(rec.id, versions[rec.id])] = profiles.of_record(rec)
    found = {k[0]: cache[k] for k in keys if k in cache}
    mine = found.get(event_id)
    if mine is None:
        return []
    my_keys = mine.match_keys()
    dismissed = dismissed_pairs(conn, event_id)
    out = []
    for eid, prof in found.items():
        if eid == event_id or my_keys.isdisjoint(prof.match_keys()):
            continue
        pair = _pair(eid, event_id, prof, mine)
        if pair is not None and (pair[0], pair[1]) not in dismissed:
            out.append(pair)
    out.sort(key=lambda t: (-t[2], t[0], t[1]))
    return out[: max(int(limit), 0)]


class MergeSuggestions:
    """The merge suggestions of one open store, cached until the database changes.

    ``for_store`` keeps one per store, so looking through events one after another, or asking the
    count again, re-reads only what changed.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._all: tuple[tuple[int, int], list[Pair]] | None = None
        self._profiles: dict[tuple[int, int], Profile] = {}

    def for_event(self, event_id: int, limit: int = 50) -> list[Pair]:
        """The pairs involving ``event_id``, best first."""
        with self.store.reading():
            return suggestions_for_event(self.store.conn, event_id, limit, self._profiles)

    def reason(self, a: int, b: int) -> str:
        """Why ``a`` and ``b`` are suggested as one happening, in the words of their reports
        ("same actor Nato; both commit; shared allies, military; dates agree"); "" when they are not."""
        with self.store.reading():
            records = {r.id: r for r in light_events(self.store.conn, [a, b])}
        if a not in records or b not in records:
            return ""
        ev = compare(profiles.of_record(records[a]), profiles.of_record(records[b]))
        if ev.verdict < Verdict.SUGGEST:
            return ""
        quotes = [s.quote for r in (records[a], records[b]) for s in r.sources]
        return ev.explain(quotes)

    def all(self, limit: int | None = None) -> list[Pair]:
        """Every suggested pair (a < b, best first); rejected events and dismissed pairs left out."""
        pairs = self._every()
        return pairs if limit is None else pairs[: max(int(limit), 0)]

    def count(self) -> int:
        return len(self._every())

    def _every(self) -> list[Pair]:
        # This connection's change counter plus SQLite's data_version (bumped by other connections'
        # commits) say for certain whether anything changed since the last count, in O(1).
        conn = self.store.conn
        with self.store.reading():
            key = (conn.total_changes, conn.execute("PRAGMA data_version").fetchone()[0])
            if self._all is None or self._all[0] != key:
                self._all = (key, all_suggestions(conn))
        return self._all[1]


_BY_STORE: weakref.WeakKeyDictionary[Store, MergeSuggestions] = weakref.WeakKeyDictionary()


def for_store(store: Store) -> MergeSuggestions:
    found = _BY_STORE.get(store)
    if found is None:
        found = _BY_STORE[store] = MergeSuggestions(store)
    return found
