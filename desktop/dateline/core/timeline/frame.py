"""One frame of the timeline, planned without a widget: per lane, which items are labelled in which
row, and how many others each calendar period holds.

At every zoom the analyst sees readable labels for the most important events in view
(``importance``) and a count for the rest, per period ("+12" under Mar 2008), so that nothing in
view is silently left out: for each lane, labelled + counted + ``spanning`` = items in view (a test
checks it). Items longer than the view (the years and decades around a zoomed-in week) are not
stacked when there are more than ``LONG_SHOWN`` of them: they would fill the rows with bars that all
say "this whole view"; they are counted apart.

Cost per frame is bounded whatever the store holds: each lane ranks at most ``limit`` candidates
(``ranking.ImportanceIndex.top``), enough to fill the rows it can have; period counts come from
bisections of the interval index.
"""

from __future__ import annotations

import math
from bisect import bisect_right
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import NamedTuple

from .buckets import Bucket, calendar_buckets
from .index import IntervalIndex
from .lanes import TimelineLayout, allocate_rows
from .marks import Geometry, Mark, Measure, mark_of, place_rows
from .scale import TimeScale

LONG_SHOWN = 6  # up to this many items longer than the view are stacked; more are counted apart
HUNGRY = 1 << 20  # the demand of a lane with more in view than it could ever label
SLOT = 150.0  # pixels a labelled item takes in a row, about: sizes the candidate list
PATIENCE = 48  # candidates in a row finding no room end the placing (``place_rows``)


@dataclass(frozen=True, slots=True)
class Budget:
    """The room a frame has for lanes, in pixels."""

    height: float
    row_height: float
    header_height: float = 0.0  # per lane shown (lane titles when lanes are grouped)


@dataclass(slots=True)
class LanePlan:
    lane: int
    visible: int  # items meeting the view
    marks: list[Mark] = field(default_factory=list)  # labelled, each with its row
    rows: int = 0  # label rows
    strip: int = 0  # rows under the labels: the counts (and a row for ``spanning``)
    buckets: list[Bucket] = field(default_factory=list)
    counts: list[int] = field(default_factory=list)  # per bucket: in view, not labelled
    spanning: int = 0  # items longer than the view, counted apart (not stacked)
    long_apart: bool = False
    demand: int = 0  # rows it would need to label everything in view

    @property
    def shown(self) -> int:
        return self.rows + self.strip

    @property
    def counted(self) -> int:
        return sum(self.counts)

    def labelled_ids(self) -> set[int]:
        return {m.item.id for m in self.marks}


class FramePlan(NamedTuple):
    lanes: list[LanePlan]
    lanes_left_out: int  # lanes with events in view that got no room (too many lanes)


def plan_frame(
    layout: TimelineLayout,
    scale: TimeScale,
    measure: Measure,
    budget: Budget,
    geo: Geometry,
    selected: int | None = None,
) -> FramePlan:
    """The plan of every lane with something in view that fits ``budget``, top to bottom."""
    t0, t1 = scale.visible()
    span = scale.span
    plans: list[LanePlan] = []
    for k, lane in enumerate(layout.lanes):
        short, long = lane.index.count_split(t0, t1, span)
        if short + long:
            plans.append(LanePlan(k, short + long, long_apart=long > LONG_SHOWN))
            if long > LONG_SHOWN:
                plans[-1].spanning = long
    if not plans:
        return FramePlan([], 0)
    rh, head = budget.row_height, budget.header_height
    in_view = len(plans)
    # every lane shown takes its title and a row at least: the ones after that do not fit
    plans = plans[: max(int(budget.height // (head + rh)), 1)]
    capacity = max(int((budget.height - head * len(plans)) // rh), 0)
    per_row = max(1, math.ceil(geo.width / SLOT))
    most = capacity * geo.width / (geo.label_min + geo.gap)  # labels the rows could ever hold
    placed: list[tuple[list[Mark], int] | None] = []
    for plan in plans:
        plan.demand = HUNGRY  # "as many rows as it can get"
        found = None
        if plan.visible - plan.spanning <= most:  # might all fit: place to know what it needs
            marks = _candidates(layout, plan, scale, measure, geo, capacity, per_row, selected)
            used = place_rows(marks, capacity, geo.gap, PATIENCE)
            found = (marks, capacity)
            if sum(1 for m in marks if m.row >= 0) == plan.visible - plan.spanning:
                plan.demand = used
        plan.demand += 1 if plan.spanning else 0
        placed.append(found)
    # a lane that cannot label everything needs a row of labels and a row of counts
    least = [min(p.demand, 2) for p in plans]
    keep, y = 0, 0.0
    while keep < len(plans) and (keep == 0 or y + head + least[keep] * rh <= budget.height):
        y += head + least[keep] * rh
        keep += 1
    plans, placed, least = plans[:keep], placed[:keep], least[:keep]
    capacity = max(int((budget.height - head * keep) // rh), 0)
    extra = allocate_rows([p.demand - m for p, m in zip(plans, least, strict=True)],
                          max(capacity - sum(least), 0))  # fmt: skip
    buckets = calendar_buckets(scale, geo.bucket_min)
    out: list[LanePlan] = []
    for plan, found, n in zip(plans, placed, map(sum, zip(least, extra, strict=True)), strict=True):
        n = min(n, capacity - sum(p.shown for p in out))
        if n <= 0:
            continue
        if n >= plan.demand:  # everything labelled
            plan.strip = 1 if plan.spanning else 0
        else:
            plan.strip = min(n, 2 if plan.spanning and n >= 3 else 1)
        plan.rows = n - plan.strip
        if found is None or found[1] < plan.rows:
            # first fit: placing in fewer rows gives the same first rows, so this is only needed
            # for lanes that were not placed yet (or in fewer rows than they now have)
            marks = _candidates(layout, plan, scale, measure, geo, plan.rows, per_row, selected)
            place_rows(marks, plan.rows, geo.gap, PATIENCE)
        else:
            marks = found[0]
        plan.marks = [m for m in marks if 0 <= m.row < plan.rows]
        _count(layout.lanes[plan.lane].index, plan, buckets, span)
        out.append(plan)
    return FramePlan(out, in_view - len(out))


def _candidates(
    layout: TimelineLayout,
    plan: LanePlan,
    scale: TimeScale,
    measure: Measure,
    geo: Geometry,
    rows: int,
    per_row: int,
    selected: int | None,
) -> list[Mark]:
    """The lane's marks worth placing, most important first (the selected event before all)."""
    lane = layout.lanes[plan.lane]
    t0, t1 = scale.visible()
    longer = scale.span if plan.long_apart else None
    limit = rows * per_row + 8
    positions = lane.ranking().top(t0, t1, limit, longer_than=longer) if rows else []
    if selected is not None:
        where = [pos for k, pos in layout.placements(selected) if k == plan.lane]
        for pos in where:
            it = lane.items[pos]
            if it.start < t1 and it.end > t0:
                positions = [pos, *(p for p in positions if p != pos)]
    marks = []
    for pos in positions:
        m = mark_of(lane.items[pos], scale, measure, geo)
        if m is not None:
            marks.append(m)
    return marks


def _count(index: IntervalIndex, plan: LanePlan, buckets: Sequence[Bucket], span: float) -> None:
    """Per bucket, the items in view that are not labelled (nor counted apart as spanning)."""
    edges = [b.start for b in buckets] + [buckets[-1].end]
    longer = span if plan.long_apart else None
    counts = index.start_counts(edges, longer_than=longer)
    cap = index.duration_cap(span) if plan.long_apart else math.inf
    starts = edges[:-1]
    for m in plan.marks:
        it = m.item
        if it.end - it.start > cap:  # a long item labelled (the selected one): not in the counts
            plan.spanning -= 1
            continue
        k = max(bisect_right(starts, max(it.start, edges[0])) - 1, 0)
        counts[k] -= 1
    plan.buckets, plan.counts = list(buckets), counts


def hidden_positions(layout: TimelineLayout, plan: LanePlan, bucket: Bucket | None) -> list[int]:
    """Positions (in the plan's lane) of the items a count stands for: those of ``bucket`` that are
    not labelled, or with ``bucket`` None the items counted apart as spanning the view. Time order.
    """
    lane = layout.lanes[plan.lane]
    labelled = plan.labelled_ids()
    if not plan.buckets:
        return []
    t0, t1 = plan.buckets[0].start, plan.buckets[-1].end
    if bucket is None:
        found = lane.index.query(t0, t1, longer_than=t1 - t0, long=True)
    else:
        longer = (t1 - t0) if plan.long_apart else None
        found = lane.index.query(bucket.start, bucket.end, longer_than=longer)
        first = bucket.start <= t0
        found = [p for p in found if first or lane.items[p].start >= bucket.start]
    return sorted(p for p in found if lane.items[p].id not in labelled)
