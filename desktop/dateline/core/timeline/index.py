"""Culling and level of detail: which items meet a time range, and how many per pixel column.

``query`` bisects on start times. A plain start-sorted list would have to scan back by the longest
duration of all (one decade-long item would make every query scan ten years of points), so items are
split into duration classes, each scanned back only by its own longest duration: O(log n + k).
``count`` and the density bins need no scan at all: an interval ``[s, e)`` meets ``[a, b)`` exactly
when ``s < b`` and ``e > a``, and as ``e > s`` the ones with ``e <= a`` are a subset of those with
``s < b``, so the count is ``#(s < b) - #(e <= a)``: two bisections, whatever the zoom.
"""

from __future__ import annotations

import math
from bisect import bisect_left, bisect_right
from collections.abc import Sequence
from functools import lru_cache
from itertools import accumulate, repeat
from operator import sub
from typing import Literal

# upper bounds (days) of the duration classes: day, week, month, quarter, half, year, decade, longer
DAILY_MIN_ITEMS = 2000  # below this, two bisections per column are cheap enough
DAILY_MAX_DAYS = 200_000  # about 550 years of per-day counts at most per lane
_CLASS_BOUNDS = (1.0, 7.0, 31.0, 92.0, 184.0, 366.0, 3653.0, float("inf"))


class IntervalIndex:
    """Static index over half-open intervals ``[starts[i], ends[i])``; answers with positions ``i``."""

    __slots__ = ("_all_ends", "_all_starts", "_classes", "_daily", "n")

    def __init__(self, starts: Sequence[float], ends: Sequence[float]) -> None:
        self.n = len(starts)
        buckets: list[list[int]] = [[] for _ in _CLASS_BOUNDS]
        for i, (s, e) in enumerate(zip(starts, ends, strict=True)):
            d = e - s
            c = 0
            while d > _CLASS_BOUNDS[c]:
                c += 1
            buckets[c].append(i)
        # per class: (upper bound, longest, starts, ends, positions, ends sorted)
        self._classes: list[
            tuple[float, float, list[float], list[float], list[int], list[float]]
        ] = []
        for bound, members in zip(_CLASS_BOUNDS, buckets, strict=True):
            if not members:
                continue
            members.sort(key=starts.__getitem__)
            cs = [starts[i] for i in members]
            ce = [ends[i] for i in members]
            longest = max(e - s for s, e in zip(cs, ce, strict=True))
            self._classes.append((bound, longest, cs, ce, members, sorted(ce)))
        self._all_starts = sorted(starts)
        self._all_ends = sorted(ends)
        # built on demand: False until then, None when the lane is too small or too long for it
        self._daily: tuple[int, list[int], list[int]] | Literal[False] | None = False

    @property
    def sorted_starts(self) -> list[float]:
        """Every start, sorted (shared: do not modify)."""
        return self._all_starts

    @property
    def sorted_ends(self) -> list[float]:
        """Every end, sorted (shared: do not modify)."""
        return self._all_ends

    def query(
        self, a: float, b: float, longer_than: float | None = None, long: bool = False
    ) -> list[int]:
        """Positions of the intervals meeting ``[a, b)``, in no particular order.

        With ``longer_than``, only the duration classes that hold nothing longer than it (or, with
        ``long``, only the other classes): see ``count_split``.
        """
        out: list[int] = []
        for bound, longest, cs, ce, members, _ in self._classes:
            if longer_than is not None and (bound > longer_than) != long:
                continue
            lo = bisect_left(cs, a - longest)
            hi = bisect_left(cs, b, lo)
            out.extend(members[j] for j in range(lo, hi) if ce[j] > a)
        return out

    def count(self, a: float, b: float) -> int:
        """How many intervals meet ``[a, b)``, in O(log n)."""
        return bisect_left(self._all_starts, b) - bisect_right(self._all_ends, a)

    def count_split(self, a: float, b: float, longer_than: float) -> tuple[int, int]:
        """(short, long): intervals meeting ``[a, b)`` in duration classes that hold nothing longer
        than ``longer_than``, and in the others. Zoomed in, the long ones (years and decades around a
        week) cover the whole view; the view counts them apart so they cannot crowd out the days.
        """
        short = long = 0
        for bound, _, cs, _, _, ends in self._classes:
            n = bisect_left(cs, b) - bisect_right(ends, a)
            if bound > longer_than:
                long += n
            else:
                short += n
        return short, long

    @staticmethod
    def duration_cap(longer_than: float) -> float:
        """The longest duration kept by ``query(..., longer_than)``: an item is kept exactly when
        its duration is at most this (the bound of the last duration class within the limit)."""
        kept = [b for b in _CLASS_BOUNDS if b <= longer_than]
        return kept[-1] if kept else -1.0

    def start_counts(self, edges: Sequence[float], longer_than: float | None = None) -> list[int]:
        """For each slice ``[edges[k], edges[k + 1])``, the intervals meeting ``[edges[0], edges[-1])``
        whose start, clipped to ``edges[0]``, falls in it: each counted once, so the counts sum to
        the intervals meeting the whole range. With ``longer_than``, as in ``query``.
        """
        out = [0] * (len(edges) - 1)
        if len(edges) < 2:
            return out
        for bound, _, cs, _, _, ends in self._classes:
            if longer_than is not None and bound > longer_than:
                continue
            at = [bisect_left(cs, e) for e in edges]
            out[0] += at[0] - bisect_right(ends, edges[0])  # started earlier, still on
            for k in range(len(out)):
                out[k] += at[k + 1] - at[k]
        return out

    def coverage(self, a: float, b: float, columns: int) -> list[int]:
        """For each of ``columns`` equal slices of ``[a, b)``, how many intervals meet it.

        Exact. When a column spans a day or more, ``coverage_by_day`` is the cheaper estimate.
        """
        width = (b - a) / columns
        lefts = [a + c * width for c in range(columns + 1)]
        # map() keeps the per-column loop in C
        began = map(bisect_left, repeat(self._all_starts), lefts[1:])
        ended = map(bisect_right, repeat(self._all_ends), lefts[:-1])
        return list(map(sub, began, ended))

    def coverage_by_day(self, a: float, b: float, columns: int) -> list[int]:
        """``coverage`` with column edges rounded to whole days, read from per-day prefix counts.

        The level-of-detail picture of a zoomed-out lane: a list lookup per column instead of two
        bisections. Falls back to the exact ``coverage`` for small or very long lanes.
        """
        daily = self._daily_counts()
        if daily is None or (b - a) / columns < 1.0:
            return self.coverage(a, b, columns)
        lo, began, ended = daily
        last = len(began) - 1
        days = list(map(sub, _column_days(a, b, columns), repeat(lo)))
        # clamp to the lane's extent: the days are sorted, so only the two ends need it
        cut = bisect_left(days, 0)
        days[:cut] = [0] * cut
        cut = bisect_right(days, last)
        days[cut:] = [last] * (len(days) - cut)
        return list(map(sub, map(began.__getitem__, days[1:]), map(ended.__getitem__, days[:-1])))

    def _daily_counts(self) -> tuple[int, list[int], list[int]] | None:
        """(first day, #(start < day), #(end <= day)) per day of the lane's extent, or None."""
        if self._daily is False:
            self._daily = None
            if self.n >= DAILY_MIN_ITEMS:
                lo = math.floor(self._all_starts[0])
                hi = math.ceil(self._all_ends[-1]) + 1
                if hi - lo <= DAILY_MAX_DAYS:
                    starts = [0] * (hi - lo + 1)
                    for s in self._all_starts:
                        starts[math.floor(s) - lo + 1] += 1  # counts for every day after it
                    ends = [0] * (hi - lo + 1)
                    for e in self._all_ends:
                        ends[math.ceil(e) - lo] += 1
                    self._daily = (lo, list(accumulate(starts)), list(accumulate(ends)))
        return self._daily

    def start_bins(self, a: float, b: float, columns: int) -> list[int]:
        """Each interval meeting ``[a, b)`` counted once, in the column of its clipped start.

        The bins sum to ``count(a, b)``: the level-of-detail picture loses no item.
        """
        width = (b - a) / columns
        starts = self._all_starts
        before = bisect_left(starts, a) - bisect_right(
            self._all_ends, a
        )  # started earlier, still on
        edges = [bisect_left(starts, a + c * width) for c in range(1, columns)]
        edges.append(bisect_left(starts, b))
        out = []
        prev = bisect_left(starts, a)
        for c, e in enumerate(edges):
            out.append(e - prev + (before if c == 0 else 0))
            prev = e
        return out


@lru_cache(maxsize=8)
def _column_days(a: float, b: float, columns: int) -> tuple[int, ...]:
    """Column edges rounded to whole days; shared by every lane painted in one frame."""
    width = (b - a) / columns
    return tuple(round(a + c * width) for c in range(columns + 1))
