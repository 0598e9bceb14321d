"""Timeline layout maths without Qt: scale, ticks, items, lanes, stacking, labels, culling, LOD."""

from __future__ import annotations

import datetime as dt
import itertools
import random

import pytest

from dateline.core import timevalue
from dateline.core.model import EventRecord, SourceRecord, Status
from dateline.core.timeline import (
    MAX_SPAN_DAYS,
    MIN_SPAN_DAYS,
    IntervalIndex,
    ItemKind,
    TimeScale,
    allocate_rows,
    build_items,
    build_layout,
    compute_ticks,
    estimate_width,
    to_date,
    to_time,
)


def event(
    i: int, value: str, end: str | None = None, *, docs=(1,), tags=(), rel=None, conf=0.9, flags=()
) -> EventRecord:
    a, b = timevalue.span(value, end)
    srcs = tuple(SourceRecord(10 * i + k, i, d, 0, 1, 0, 1, "q") for k, d in enumerate(docs))
    return EventRecord(
        i, f"event {i}", value, end, timevalue.granularity_of(value), a, b, Status.PROPOSED, conf,
        tags=tags, reliability=rel, flags=flags, sources=srcs,
    )  # fmt: skip


def seed_events() -> list[EventRecord]:
    """The analyst's timeline of the two seed articles (gold-timeline.json)."""
    return [
        event(1, "2024-07", docs=(1, 2), tags=("NATO",), rel="B"),
        event(2, "2024-10-16", docs=(1, 2), tags=("NATO",), rel="B"),
        event(3, "2024-10-16", docs=(1, 2), tags=("Ukraine",)),
        event(4, "2024-10-17", docs=(2,), tags=("Ukraine",), rel="C"),
        event(5, "2024-10-17", "2024-10-18", docs=(2,), tags=("NATO",), rel="C"),
        event(6, "2024-H1", docs=(1, 2), tags=("NATO",), rel="B"),
        event(7, "2024-11", docs=(1, 2), tags=("NATO",), rel="B"),
        event(8, "PRESENT_REF", docs=(1,)),
    ]


# ---- scale ----
def test_scale_maps_dates_and_datetimes_both_ways():
    s = TimeScale.fitting(to_time(dt.date(2024, 10, 1)), to_time(dt.date(2024, 11, 1)), 620)
    assert s.x(to_time(dt.date(2024, 10, 1))) == pytest.approx(0)
    assert s.x(to_time(dt.date(2024, 11, 1))) == pytest.approx(620)
    noon = to_time(dt.datetime(2024, 10, 16, 12))
    assert noon == pytest.approx(dt.date(2024, 10, 16).toordinal() + 0.5)
    assert to_date(s.t(s.x(noon))) == dt.date(2024, 10, 16)


def test_zoom_keeps_the_anchor_still_and_is_clamped():
    s = TimeScale.fitting(to_time(dt.date(2024, 1, 1)), to_time(dt.date(2025, 1, 1)), 1000)
    before = s.t(250)
    s.zoom(3.0, anchor_x=250)
    assert s.t(250) == pytest.approx(before)
    assert s.span == pytest.approx(366 / 3)
    for _ in range(100):
        s.zoom(2.0, 100)
    assert s.span == pytest.approx(MIN_SPAN_DAYS)  # six hours
    for _ in range(100):
        s.zoom(0.5)
    assert s.span == pytest.approx(MAX_SPAN_DAYS)  # two centuries


def test_pan_moves_the_range_by_pixels():
    s = TimeScale.fitting(0 + 738000, 738100, 1000)  # 10 px per day
    s.pan(-50)  # drag left: later dates come in
    assert s.visible() == pytest.approx((738005, 738105))


# ---- ticks ----
WIDTHS = (320, 1100, 2400)
SPANS = (MAX_SPAN_DAYS, 3650, 800, 365, 90, 31, 7, 2, 1, MIN_SPAN_DAYS)


@pytest.mark.parametrize("width", WIDTHS)
@pytest.mark.parametrize("span", SPANS)
def test_tick_labels_never_overlap(width, span):
    s = TimeScale(to_time(dt.date(2024, 2, 27)) + 0.3, width / span, width)
    ticks = compute_ticks(s)
    for row in (ticks.minor, ticks.major):
        labelled = [t for t in row if t.label]
        for a, b in itertools.pairwise(labelled):
            assert a.label_x + a.label_w < b.label_x, (a, b)
        for t in labelled:
            assert t.label_w == estimate_width(t.label)
            assert t.label_x >= 0 and t.label_x + t.label_w <= width  # never cut by an edge
    assert any(t.label for t in ticks.minor), "every zoom level labels its ticks"


@pytest.mark.parametrize(
    ("days", "unit", "first_labels"),
    [
        (365 * 30, "year", None),
        (366, "month", ["January", "February"]),
        (31, "day", ["1", "2", "3"]),
        (7, "day", ["Tue 1", "Wed 2"]),
        (1, "hour", ["00:00", "03:00", "06:00"]),
    ],
)
def test_ticks_adapt_to_the_zoom(days, unit, first_labels):
    s = TimeScale.fitting(to_time(dt.date(2024, 10, 1)), to_time(dt.date(2024, 10, 1)) + days, 1100)
    if days == 366:
        s.set_range(to_time(dt.date(2024, 1, 1)), to_time(dt.date(2024, 1, 1)) + days)
    ticks = compute_ticks(s)
    assert ticks.unit == unit
    if first_labels:
        assert [t.label for t in ticks.minor[: len(first_labels)]] == first_labels


def test_major_labels_give_the_context_and_pin_the_left_edge():
    s = TimeScale.fitting(to_time(dt.date(2024, 10, 10)), to_time(dt.date(2024, 11, 20)), 1100)
    ticks = compute_ticks(s)
    labels = [t.label for t in ticks.major if t.label]
    assert labels == ["Oct 2024", "Nov 2024"]
    assert ticks.major[0].label_x > 0  # October began off screen; its label is pinned at the edge
    hours = TimeScale.fitting(
        to_time(dt.datetime(2024, 10, 16, 8)), to_time(dt.datetime(2024, 10, 16, 14)), 1100
    )
    assert [t.label for t in compute_ticks(hours).major] == ["Wed 16 Oct 2024"]
    assert "10:00" in [t.label for t in compute_ticks(hours).minor]


# ---- items: the precision rule ----
def test_items_follow_the_precision_rule_on_the_seeds():
    items, undated = build_items(seed_events())
    by_id = {it.id: it for it in items}
    assert undated == [8]  # PRESENT_REF has no place on a calendar
    assert by_id[1].kind is ItemKind.COARSE  # the July summit: a month bar
    assert (to_date(by_id[1].start), to_date(by_id[1].end)) == (
        dt.date(2024, 7, 1),
        dt.date(2024, 8, 1),
    )
    assert by_id[5].kind is ItemKind.RANGE  # the ministerial: a solid two-day bar
    assert by_id[5].end - by_id[5].start == 2
    assert by_id[6].kind is ItemKind.COARSE and by_id[6].end - by_id[6].start == 182  # H1 2024
    assert by_id[7].kind is ItemKind.COARSE and to_date(by_id[7].start) == dt.date(2024, 11, 1)
    assert by_id[2].kind is ItemKind.POINT and by_id[2].end - by_id[2].start == 1
    assert by_id[5].label() == "Thu 17 - Fri 18 Oct 2024"
    assert by_id[1].sources == 2 and by_id[1].documents == (1, 2)


def test_uncertain_items():
    low = event(1, "2024-10-16", conf=0.3)
    conflict = event(2, "2024-10", flags=("date-conflict",))
    fallback = EventRecord(3, "x", "2024-10-XX", None, timevalue.granularity_of("2024-10-XX"),
                           dt.date(2024, 10, 1), dt.date(2024, 10, 31), Status.PROPOSED, 0.9)  # fmt: skip
    hour = event(4, "2024-10-16T10:00")
    sure = event(5, "2024-10-16")
    items, _ = build_items([low, conflict, fallback, hour, sure])
    flags = {it.id: it.uncertain for it in items}
    assert flags == {1: True, 2: True, 3: True, 4: False, 5: False}
    by_id = {it.id: it for it in items}
    assert by_id[3].kind is ItemKind.COARSE  # placed over the days the store gave it
    assert by_id[4].start == pytest.approx(dt.date(2024, 10, 16).toordinal() + 10 / 24)
    assert "Oct 2024" in by_id[3].label()


# ---- lanes ----
def test_lanes_group_by_each_mode():
    items, undated = build_items(seed_events())
    titles = {1: "Euronews", 2: "Politico"}

    def lanes(mode):
        return [
            (lane.title, sorted(it.id for it in lane.items))
            for lane in build_layout(items, mode, titles).lanes
        ]

    assert lanes("none") == [("", [1, 2, 3, 4, 5, 6, 7])]
    assert lanes("tag") == [("NATO", [1, 2, 5, 6, 7]), ("Ukraine", [3, 4])]
    assert lanes("document") == [("Politico", [4, 5]), ("Several documents", [1, 2, 3, 6, 7])]
    assert lanes("reliability") == [
        ("Reliability B", [1, 2, 6, 7]),
        ("Reliability C", [4, 5]),
        ("Unrated", [3]),
    ]
    layout = build_layout(items, "tag", titles, len(undated))
    assert layout.undated == 1 and layout.item_count == 7
    assert layout.where[4] == (1, 1)
    with pytest.raises(ValueError, match="lane mode"):
        build_layout(items, "colour")


def test_allocate_rows_shares_fairly():
    assert allocate_rows([2, 3], 10) == [2, 3]
    assert allocate_rows([1, 20, 20], 11) == [1, 5, 5]
    assert allocate_rows([3, 3, 3], 2) == [1, 1, 0]
    assert sum(allocate_rows([7, 1, 30, 4], 17)) == 17


# ---- culling and level of detail ----
def _random_intervals(n: int, seed: int = 1) -> tuple[list[float], list[float]]:
    rng = random.Random(seed)
    starts, ends = [], []
    for _ in range(n):
        s = rng.uniform(0, 10_000)
        d = rng.choice([1, 1, 1, 7, 30, 91, 182, 365, 3650, rng.uniform(1, 40)])
        starts.append(s)
        ends.append(s + d)
    return starts, ends


@pytest.mark.parametrize(
    ("a", "b"), [(0, 10_000), (5000, 5001), (-500, 3), (4200.5, 4300), (9990, 20_000)]
)
def test_culling_returns_exactly_the_intersecting_items(a, b):
    starts, ends = _random_intervals(5000)
    index = IntervalIndex(starts, ends)
    expected = sorted(i for i in range(len(starts)) if starts[i] < b and ends[i] > a)
    assert sorted(index.query(a, b)) == expected
    assert index.count(a, b) == len(expected)


@pytest.mark.parametrize(("a", "b", "cols"), [(0, 10_000, 700), (5000, 5040, 37), (-50, 20, 9)])
def test_density_bins_count_everything(a, b, cols):
    starts, ends = _random_intervals(3000, seed=3)
    index = IntervalIndex(starts, ends)
    bins = index.start_bins(a, b, cols)
    assert len(bins) == cols and sum(bins) == index.count(a, b)
    cover = index.coverage(a, b, cols)
    w = (b - a) / cols
    for c in (0, cols // 2, cols - 1):
        ca, cb = a + c * w, a + (c + 1) * w
        assert cover[c] == sum(1 for s, e in zip(starts, ends, strict=True) if s < cb and e > ca)


def test_daily_coverage_matches_the_exact_one_on_whole_days():
    starts, ends = _random_intervals(4000, seed=4)
    starts = [float(round(s)) for s in starts]  # day and longer items start at midnight
    ends = [s + max(round(e - s), 1) for s, e in zip(starts, ends, strict=True)]
    index = IntervalIndex(starts, ends)
    for a, b, cols in ((0, 10_000, 1000), (-300, 12_000, 123), (2000, 2700, 700)):
        assert index.coverage_by_day(a, b, cols) == index.coverage(a, b, cols)
    assert index.coverage_by_day(5000, 5010, 100) == index.coverage(5000, 5010, 100)  # < a day


def test_long_items_are_counted_apart_when_zoomed_in():
    starts, ends = _random_intervals(3000, seed=5)
    index = IntervalIndex(starts, ends)
    for a, b in ((5000, 5007), (100, 500), (0, 10_000)):
        short, long = index.count_split(a, b, longer_than=b - a)
        assert short + long == index.count(a, b)
        got_short = index.query(a, b, longer_than=b - a)
        got_long = index.query(a, b, longer_than=b - a, long=True)
        assert len(got_short) == short and len(got_long) == long
        assert sorted(got_short + got_long) == sorted(index.query(a, b))
        assert all(ends[i] - starts[i] <= b - a for i in got_short)


def test_empty_index():
    index = IntervalIndex([], [])
    assert index.query(0, 10) == [] and index.count(0, 10) == 0
    assert index.start_bins(0, 10, 4) == [0, 0, 0, 0]
    layout = build_layout([])
    assert layout.lanes == [] and layout.extent is None
