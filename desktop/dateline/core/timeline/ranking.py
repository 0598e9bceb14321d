"""The most important items of a lane within a time range, fast at any zoom.

A frame labels at most a few hundred items, chosen by importance (``importance``) among those in
view. Up to ``SORT_LIMIT`` visible items, the interval index returns them and they are sorted by
rank. Past that (zoomed out over a big lane) sorting every visible item each frame would cost tens
of milliseconds, so the lane is cut into tiles of ``TILE`` consecutive items (by start), each
holding its positions in importance order: the tiles the view overlaps are merged lazily, most
important first, and the merge stops after ``limit`` visible items. As the view holds at least
``SORT_LIMIT`` items, the tiles merged are mostly in view and few items are skipped.
"""

from __future__ import annotations

import heapq
from bisect import bisect_left
from collections.abc import Iterable, Iterator, Sequence
from itertools import islice

from .importance import importance_order
from .index import IntervalIndex
from .items import TimelineItem

SORT_LIMIT = 3000
TILE = 1024


def _within(positions: Sequence[int], lo: int, hi: int) -> Iterator[int]:
    return (p for p in positions if lo <= p < hi)


class ImportanceIndex:
    """Importance order of one lane's items (sorted by start, as ``Lane.items`` are)."""

    __slots__ = ("_items", "_starts", "_tiles", "index", "order", "rank")

    def __init__(self, items: Sequence[TimelineItem], index: IntervalIndex) -> None:
        self._items = items
        self.index = index
        self.order, self.rank = importance_order([it.score for it in items])
        self._starts: list[float] | None = None
        self._tiles: list[list[int]] | None = None

    def top(
        self,
        t0: float,
        t1: float,
        limit: int,
        longer_than: float | None = None,
    ) -> list[int]:
        """Positions of the ``limit`` most important items meeting ``[t0, t1)``, most important first.

        With ``longer_than``, items in duration classes longer than it are left out (see
        ``IntervalIndex.count_split``): the view counts those apart.
        """
        if limit <= 0:
            return []
        if longer_than is None:
            visible = self.index.count(t0, t1)
        else:
            visible = self.index.count_split(t0, t1, longer_than)[0]
        if visible <= SORT_LIMIT:
            found = self.index.query(t0, t1, longer_than=longer_than)
            if len(found) > limit:
                return heapq.nsmallest(limit, found, key=self.rank.__getitem__)
            found.sort(key=self.rank.__getitem__)
            return found
        return list(islice(self._merged(t0, t1, longer_than), limit))

    def _merged(self, t0: float, t1: float, longer_than: float | None) -> Iterator[int]:
        if self._tiles is None:
            self._starts = [it.start for it in self._items]
            tiles: list[list[int]] = [[] for _ in range((len(self._items) + TILE - 1) // TILE)]
            for pos in self.order:  # each tile's list comes out in importance order
                tiles[pos // TILE].append(pos)
            self._tiles = tiles
        starts = self._starts
        assert starts is not None
        lo, hi = bisect_left(starts, t0), bisect_left(starts, t1)
        items = self._items
        cap = self.index.duration_cap(longer_than) if longer_than is not None else None
        # started before the view and still on: a handful, found by the interval index
        before = self.index.query(t0, t0, longer_than=longer_than)
        before.sort(key=self.rank.__getitem__)
        lists: list[Iterable[int]] = [before]
        if hi > lo:
            first, last = lo // TILE, (hi - 1) // TILE
            for k in range(first, last + 1):
                tile = self._tiles[k]
                if k in (first, last):  # edge tiles hold items out of view too: filtered lazily
                    lists.append(_within(tile, lo, hi))
                else:
                    lists.append(tile)
        if cap is None:
            yield from heapq.merge(*lists, key=self.rank.__getitem__)
            return
        for pos in heapq.merge(*lists, key=self.rank.__getitem__):
            it = items[pos]
            if pos < lo or it.end - it.start <= cap:  # ``before`` is filtered by the index
                yield pos
