"""Merge suggestions read from the store: pairs of events that look like one happening.

The rules are ``core.merging``'s (compatible dates plus key terms, or one speaker on one day), run over
light records built straight from SQL: profiles come from the sources' stored match terms, so nothing is
re-analysed. Rejected events and pairs the analyst dismissed are left out. Pairs are (a, b, score) with
a < b, best first.
"""

from __future__ import annotations

import sqlite3
import weakref
from typing import TYPE_CHECKING, Any

from ..model import Status
from ..store.light import LIVE, dismissed_pairs, light_events
from ..store.queries import overlapping_ids_sql
from ..store.records import day

if TYPE_CHECKING:
    from ..store import Store

Pair = tuple[int, int, float]


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


class MergeSuggestions:
    """The merge suggestions of one open store, cached until the database changes.

    ``for_store`` keeps one per store, so looking through events one after another, or asking the
    count again, re-reads only what changed.
    """

    def __init__(self, store: Store) -> None:
        self.store = store
        self._all: tuple[tuple[int, int], list[Pair]] | None = None
        self._profiles: dict[tuple[int, int], Any] = {}

    def for_event(self, event_id: int, limit: int = 50) -> list[Pair]:
        """The pairs involving ``event_id``, best first."""
        with self.store.reading():
            return suggestions_for_event(self.store.conn, event_id, limit, self._profiles)

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
