"""Stacking marks into rows so that no two marks in a row overlap and labels get room.

Interval-graph colouring on the drawn extents at the current zoom: sweep marks left to right and
put each in the lowest row that is free at its start. For intervals that greedy is optimal (the rows
used equal the most extents alive at one x). An extent is the mark plus room for its label (capped),
so a label normally has space before the next mark of its row; when ``max_rows`` runs out, a mark
still takes the row whose last *mark* ended earliest (its predecessor's label will then be elided or
collapsed into a "+N" by ``labels.pack_labels``), and only when even the mark has no room is it left
out (``-1``) for the lane's overflow count.
"""

from __future__ import annotations

import heapq
from collections.abc import Sequence
from typing import NamedTuple


class StackRequest(NamedTuple):
    x0: float  # left of the mark
    x1: float  # right of the mark
    label_end: float  # right of the label room it would like (<= x1 when it wants none)
    tier: int = 0  # tiers take rows in turn: all of tier 0 (precise) above all of tier 1 (coarse)


def stack_rows(
    requests: Sequence[StackRequest], max_rows: int | None = None, gap: float = 4.0
) -> tuple[list[int], int]:
    """Row of each request (-1 when it does not fit in ``max_rows``) and the number of rows used.

    Each tier is stacked below the rows of the tiers before it, so that long coarse bars cannot
    take the top rows from the days when rows run out.
    """
    rows = [-1] * len(requests)
    used = 0
    for tier in sorted({r[3] for r in requests}):
        members = [i for i, r in enumerate(requests) if r[3] == tier]
        budget = None if max_rows is None else max_rows - used
        if budget is not None and budget <= 0:
            break
        tier_rows, n = _stack([requests[i] for i in members], budget, gap)
        for i, r in zip(members, tier_rows, strict=True):
            rows[i] = r + used if r >= 0 else -1
        used += n
    return rows, used


def _stack(
    requests: Sequence[StackRequest], max_rows: int | None, gap: float
) -> tuple[list[int], int]:
    order = sorted(range(len(requests)), key=lambda i: (requests[i][0], -requests[i][1]))
    rows = [-1] * len(requests)
    ends: list[float] = []  # per row: right of the last mark's label room
    mark_ends: list[float] = []  # per row: right of the last mark
    busy: list[tuple[float, int]] = []  # (end, row), lazily deleted: stale when end != ends[row]
    free: list[int] = []
    for i in order:
        x0, x1, label_end, _ = requests[i]
        while busy and busy[0][0] + gap <= x0:
            end, r = heapq.heappop(busy)
            if end == ends[r]:
                heapq.heappush(free, r)
        fresh = True
        if free:
            r = heapq.heappop(free)
        elif max_rows is None or len(ends) < max_rows:
            r = len(ends)
            ends.append(float("-inf"))
            mark_ends.append(float("-inf"))
        else:
            r = min(range(len(mark_ends)), key=mark_ends.__getitem__, default=-1)
            if r < 0 or mark_ends[r] + gap > x0:
                continue
            fresh = False
        rows[i] = r
        old = ends[r]
        mark_ends[r] = max(mark_ends[r], x1)
        ends[r] = max(ends[r], x1, label_end)
        if fresh or ends[r] != old:  # one live heap entry per row, or a row could be freed twice
            heapq.heappush(busy, (ends[r], r))
    return rows, len(ends)
