"""Reading the timeline at any scale, without Qt: importance, label placement, counts per period,
the range a view opens on, and the fast top-k query behind it."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from dateline.core import timevalue
from dateline.core.model import EventRecord, Granularity, SourceRecord, Status
from dateline.core.timeline import (
    Budget,
    Geometry,
    ImportanceIndex,
    IntervalIndex,
    ItemKind,
    TimelineItem,
    TimeScale,
    build_items,
    build_layout,
    calendar_buckets,
    estimate_width,
    focus_extent,
    hidden_positions,
    mark_of,
    padded,
    place_rows,
    plan_frame,
    to_time,
)
from dateline.core.timeline import ranking as ranking_mod

W = 1000.0
GEO = Geometry(W)
BUDGET = Budget(height=300, row_height=25)


def event(
    i: int, value: str, *, status=Status.PROPOSED, docs=(1,), conf=0.8, title=None
) -> EventRecord:
    a, b = timevalue.span(value, None)
    srcs = tuple(SourceRecord(10 * i + k, i, d, 0, 1, 0, 1, "q") for k, d in enumerate(docs))
    return EventRecord(
        i, title if title is not None else f"event number {i} happened", value, None,
        timevalue.granularity_of(value), a, b, status, conf, sources=srcs,
    )  # fmt: skip


def layout_of(events, mode="none"):
    items, undated = build_items(events)
    return build_layout(items, mode, {}, len(undated))


def scale_for(a: dt.date, b: dt.date, width: float = W) -> TimeScale:
    return TimeScale.fitting(to_time(a), to_time(b) + 1, width)


def random_events(n: int, seed: int, years: int = 10) -> list[EventRecord]:
    rng = random.Random(seed)
    grains = ["day"] * 6 + ["month", "year", "week", "quarter"]
    out = []
    for i in range(1, n + 1):
        day = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(365 * years))
        g = rng.choice(grains)
        value = day.isoformat() if g == "day" else timevalue.value_at(day, timevalue.Granularity(g))
        status = rng.choice([Status.PROPOSED] * 4 + [Status.ACCEPTED, Status.REJECTED])
        docs = tuple(range(1, rng.choice([1, 1, 1, 2, 3]) + 1))
        title = "x" * rng.randint(4, 60)
        out.append(event(i, value, status=status, docs=docs, conf=rng.random(), title=title))
    return out


# ---- importance ----
def test_importance_puts_reviewed_then_corroborated_then_precise_first():
    evs = [
        event(1, "2008-03-06", status=Status.PROPOSED, docs=(1, 2, 3, 4, 5)),
        event(2, "2008-03-06", status=Status.ACCEPTED),
        event(3, "2008-03-06", status=Status.REJECTED, docs=(1, 2, 3)),
        event(4, "2008-03-06", status=Status.PROPOSED, docs=(1, 2)),
        event(5, "2008-03", status=Status.PROPOSED, docs=(1, 2)),
        event(6, "2008", status=Status.PROPOSED, docs=(1, 2), conf=0.95),
        event(7, "2008-03-06", status=Status.EDITED),
    ]
    items, _ = build_items(evs)
    order = [it.id for it in sorted(items, key=lambda it: -it.score)]
    assert set(order[:2]) == {2, 7}  # reviewed first, whatever the others' sources
    assert order[2:] == [1, 4, 5, 6, 3]  # then sources, then precision; rejected last


def test_equal_events_are_ordered_the_same_way_every_time():
    evs = [event(i, "2008-03-06") for i in range(1, 50)]
    a = [it.score for it in build_items(evs)[0]]
    b = [it.score for it in build_items(list(reversed(evs)))[0]][::-1]
    assert a == b and len(set(a)) == len(a)  # a total order, fixed per event


# ---- marks and rows ----
def test_a_label_near_the_right_edge_goes_to_the_left_of_its_mark():
    evs = [event(1, "2008-12-30", title="Steve Jobs has died at the age of 56")]
    layout = layout_of(evs)
    scale = scale_for(dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    m = mark_of(layout.lanes[0].items[0], scale, estimate_width, GEO)
    assert m is not None and m.label_w == estimate_width(evs[0].title)
    assert m.label_x + m.label_w < m.x0 and m.label_x >= 0 and not m.elided


def test_a_long_title_is_elided_to_the_label_room_and_a_crushed_one_is_not_drawn():
    long = event(1, "2008-06-01", title="word " * 40)
    layout = layout_of([long])
    scale = scale_for(dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    m = mark_of(layout.lanes[0].items[0], scale, estimate_width, GEO)
    assert m.elided and m.label_w == GEO.label_max
    narrow = Geometry(60)  # less room either side than the shortest readable label
    tight = scale_for(dt.date(2008, 5, 31), dt.date(2008, 6, 1), 60)
    assert mark_of(layout.lanes[0].items[0], tight, estimate_width, narrow) is None


@pytest.mark.parametrize("seed", range(4))
def test_rows_never_hold_two_things_closer_than_the_gap(seed):
    evs = random_events(400, seed)
    layout = layout_of(evs)
    scale = scale_for(dt.date(2012, 1, 1), dt.date(2013, 12, 31))
    ranking = layout.lanes[0].ranking()
    t0, t1 = scale.visible()
    marks = [
        mark_of(layout.lanes[0].items[p], scale, estimate_width, GEO)
        for p in ranking.top(t0, t1, 500)
    ]
    marks = [m for m in marks if m is not None]
    used = place_rows(marks, 8, GEO.gap)
    assert used <= 8
    for r in range(used):
        row = sorted((m for m in marks if m.row == r), key=lambda m: m.left)
        for a, b in itertools.pairwise(row):
            assert a.right + GEO.gap <= b.left + 1e-9
    # first fit: the same marks in fewer rows keep their rows, the rest are dropped
    rows = [m.row for m in marks]
    place_rows(marks, 3, GEO.gap)
    assert [m.row for m in marks] == [r if r < 3 else -1 for r in rows]


# ---- the frame ----
def check_frame(layout, scale, budget=BUDGET, selected=None):
    plan = plan_frame(layout, scale, estimate_width, budget, GEO, selected)
    rows_used = 0.0
    for lp in plan.lanes:
        # nothing in view is silently left out
        assert len(lp.marks) + lp.counted + lp.spanning == lp.visible
        assert all(c >= 0 for c in lp.counts)
        for m in lp.marks:
            assert 0 <= m.row < lp.rows
            assert m.label_x >= -1e-9 and m.label_x + m.label_w <= W + 1e-9
        rows_used += lp.shown * budget.row_height + budget.header_height
    assert rows_used <= budget.height + 1e-9
    return plan


@pytest.mark.parametrize("seed", range(3))
@pytest.mark.parametrize(
    ("a", "b"),
    [((2010, 1, 1), (2019, 12, 31)), ((2014, 3, 1), (2014, 3, 31)), ((2014, 3, 3), (2014, 3, 4))],
)
def test_every_event_in_view_is_labelled_or_counted(seed, a, b):
    layout = layout_of(random_events(1500, seed))
    check_frame(layout, scale_for(dt.date(*a), dt.date(*b)))


def test_lanes_share_the_height_and_each_keeps_its_counts():
    items, _ = build_items(random_events(600, 9))
    items = [it._replace(tags=(f"tag{it.id % 5}",), tag=f"tag{it.id % 5}") for it in items]
    layout = build_layout(items, "tag")
    plan = check_frame(layout, scale_for(dt.date(2010, 1, 1), dt.date(2019, 12, 31)),
                       Budget(400, 25, 20))  # fmt: skip
    assert len(plan.lanes) == 5 and plan.lanes_left_out == 0
    tight = check_frame(layout, scale_for(dt.date(2010, 1, 1), dt.date(2019, 12, 31)),
                        Budget(140, 25, 20))  # fmt: skip
    assert tight.lanes_left_out == 5 - len(tight.lanes) > 0


def test_in_a_crowd_the_most_important_event_gets_the_label():
    crowd = [event(i, "2008-03-06") for i in range(2, 40)]
    star = event(1, "2008-03-06", status=Status.ACCEPTED, docs=(1, 2))
    layout = layout_of([*crowd, star])
    scale = scale_for(dt.date(2008, 1, 1), dt.date(2008, 6, 30))
    plan = check_frame(layout, scale, Budget(50, 25))  # one label row and the counts
    (lp,) = plan.lanes
    assert lp.rows == 1 and lp.strip == 1
    assert [m.item.id for m in lp.marks] == [1]
    assert lp.counted == 38
    # the selected event is labelled whatever its importance
    plan = check_frame(layout, scale, Budget(50, 25), selected=17)
    assert [m.item.id for m in plan.lanes[0].marks] == [17]


def test_counts_stand_for_the_events_not_labelled_in_their_period():
    layout = layout_of(random_events(800, 4))
    scale = scale_for(dt.date(2011, 1, 1), dt.date(2014, 12, 31))
    (lp,) = check_frame(layout, scale).lanes
    lane = layout.lanes[0]
    labelled = lp.labelled_ids()
    seen = set()
    for bucket, n in zip(lp.buckets, lp.counts, strict=True):
        hidden = hidden_positions(layout, lp, bucket)
        assert len(hidden) == n
        ids = {lane.items[p].id for p in hidden}
        assert not ids & labelled and not ids & seen
        seen |= ids
    t0, t1 = scale.visible()
    in_view = {it.id for it in lane.items if it.start < t1 and it.end > t0}
    assert seen | labelled == in_view


def test_when_everything_fits_there_is_no_counts_row():
    layout = layout_of([event(i, f"2008-0{i}-15") for i in range(1, 6)])
    (lp,) = check_frame(layout, scale_for(dt.date(2008, 1, 1), dt.date(2008, 6, 30))).lanes
    assert lp.strip == 0 and lp.counted == 0 and len(lp.marks) == 5


def test_many_events_longer_than_the_view_are_counted_apart():
    years = [event(100 + i, "2010") for i in range(20)]
    days = [event(1, "2010-03-02"), event(2, "2010-03-04")]
    layout = layout_of(years + days)
    (lp,) = check_frame(layout, scale_for(dt.date(2010, 3, 1), dt.date(2010, 3, 7))).lanes
    assert {m.item.id for m in lp.marks} == {1, 2} and lp.spanning == 20 and lp.strip >= 1
    assert len(hidden_positions(layout, lp, None)) == 20


# ---- periods ----
@pytest.mark.parametrize("days", [0.5, 3, 40, 400, 4000, 15000])
def test_periods_tile_the_view_and_leave_room_for_a_count(days):
    scale = TimeScale.fitting(
        to_time(dt.date(2005, 5, 17)), to_time(dt.date(2005, 5, 17)) + days, W
    )
    buckets = calendar_buckets(scale, 60)
    t0, t1 = scale.visible()
    assert buckets[0].start == t0 and buckets[-1].end == t1
    for a, b in itertools.pairwise(buckets):
        assert a.end == b.start
    if len(buckets) > 1:  # a single period is the whole view, however narrow
        assert all((b.end - b.start) * scale.pixels_per_day >= 60 - 1e-6 for b in buckets)
    assert all(b.label for b in buckets)


def test_period_labels_name_the_period():
    scale = scale_for(dt.date(2008, 1, 1), dt.date(2008, 12, 31))
    labels = [b.label for b in calendar_buckets(scale, 60)]
    assert labels[:3] == ["Jan 2008", "Feb 2008", "Mar 2008"]
    scale.pan(-20 * scale.pixels_per_day)  # a sliver of January left at the edge joins February
    assert [b.label for b in calendar_buckets(scale, 60)][:2] == ["Jan 2008 - Feb 2008", "Mar 2008"]
    decade = scale_for(dt.date(1960, 1, 1), dt.date(2009, 12, 31))
    assert [b.label for b in calendar_buckets(decade, 60)][:2] == ["1960-1964", "1965-1969"]


# ---- the range a view opens on ----
def test_the_view_opens_where_the_events_are_and_counts_the_outliers():
    # like the 30 real articles: the news is 2004-2011, a few background facts go back to 1955
    rng = random.Random(3)
    starts = [to_time(dt.date(2004, 6, 1)) + rng.uniform(0, 7.5 * 365) for _ in range(110)]
    starts += [to_time(dt.date(y, 1, 1)) for y in (1955, 1968, 1976, 1984, 1991, 1996, 2000)]
    ext = focus_extent(starts, [s + 1 for s in starts])
    assert ext is not None and ext.trimmed
    assert dt.date.fromordinal(int(ext.start)).year == 2004
    assert dt.date.fromordinal(int(ext.end)).year == 2011
    assert ext.before == 7 and ext.after == 0
    assert ext.whole[0] == to_time(dt.date(1955, 1, 1))


def test_spread_or_few_events_open_on_the_whole_extent():
    spread = [float(to_time(dt.date(2000, 1, 1)) + 30 * k) for k in range(200)]
    ext = focus_extent(spread, [s + 1 for s in spread])
    assert not ext.trimmed and (ext.start, ext.end) == ext.whole
    few = [to_time(dt.date(1955, 2, 24)), *[to_time(dt.date(2010, 1, d)) for d in range(1, 6)]]
    assert not focus_extent(few, [s + 1 for s in few]).trimmed
    assert focus_extent([], []) is None


def test_padding_keeps_the_ends_in_view_and_a_lone_day_gets_its_week():
    a, b = padded(100.0, 200.0)
    assert a < 100 and b > 200
    a, b = padded(100.0, 101.0)
    assert b - a == pytest.approx(7.0) and a < 100 < 101 < b


# ---- the top-k query behind it ----
def bare_item(i: int, start: float, end: float, score: float) -> TimelineItem:
    return TimelineItem(
        id=i, start=start, end=end, kind=ItemKind.POINT, granularity=Granularity.DAY,
        status="proposed", title="t", uncertain=False, value="", end_value=None, sources=1,
        tag="", documents=(1,), reliability="", score=score,
    )  # fmt: skip


def _brute(items, rank, t0, t1, limit, cap=None):
    found = [p for p, it in enumerate(items) if it.start < t1 and it.end > t0]
    if cap is not None:
        found = [p for p in found if items[p].end - items[p].start <= cap]
    return sorted(found, key=rank.__getitem__)[:limit]


@pytest.mark.parametrize(("a", "b"), [(0, 20_000), (3000, 9000), (5000, 5003), (-50, 40)])
@pytest.mark.parametrize("longer", [None, 10.0])
def test_top_items_match_sorting_everything_on_both_paths(monkeypatch, a, b, longer):
    rng = random.Random(8)
    starts = sorted(rng.uniform(0, 10_000) for _ in range(6000))
    ends = [s + rng.choice([0.5, 1, 1, 7, 31, 366, 3000]) for s in starts]
    items = [
        bare_item(i, s, e, rng.random()) for i, (s, e) in enumerate(zip(starts, ends, strict=True))
    ]
    index = IntervalIndex(starts, ends)
    cap = index.duration_cap(longer) if longer is not None else None
    for sort_limit in (10**9, 0):  # every visible item sorted; the tiles merged
        monkeypatch.setattr(ranking_mod, "SORT_LIMIT", sort_limit)
        ranking = ImportanceIndex(items, index)
        got = ranking.top(a, b, 50, longer_than=longer)
        assert got == _brute(items, ranking.rank, a, b, 50, cap)


def test_start_counts_count_each_interval_once():
    rng = random.Random(2)
    starts = [rng.uniform(0, 1000) for _ in range(2000)]
    ends = [s + rng.choice([1, 10, 100, 900]) for s in starts]
    index = IntervalIndex(starts, ends)
    edges = [100.0, 150.0, 400.0, 401.0, 800.0]
    counts = index.start_counts(edges)
    assert sum(counts) == index.count(100, 800)
    assert counts[1] == sum(1 for s in starts if 150 <= s < 400)
    assert counts[0] == sum(1 for s, e in zip(starts, ends, strict=True) if s < 150 and e > 100)


def test_items_count_independent_documents_as_corroboration_does():
    from dateline.core.corroboration import independent_documents

    evs = [
        event(i, "2008-03-06", docs=docs) for i, docs in enumerate([(1,), (1, 2), (3, 3, 4), ()])
    ]
    for ev, it in zip(evs, build_items(evs)[0], strict=True):
        assert it.independent == independent_documents(ev)
