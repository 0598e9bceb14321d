"""Lanes by tag: an event with several tags is placed once in each of its tag lanes."""

from __future__ import annotations

import datetime as dt

from store_helpers import seeded_store

from dateline.core import timevalue
from dateline.core.commands import AddTags
from dateline.core.model import EventRecord, SourceRecord, Status
from dateline.core.store import EventFilter
from dateline.core.timeline import build_items, build_layout


def event(i: int, value: str, *, tags=(), docs=(1,)) -> EventRecord:
    a, b = timevalue.span(value, None)
    srcs = tuple(SourceRecord(10 * i + k, i, d, 0, 1, 0, 1, "q") for k, d in enumerate(docs))
    return EventRecord(
        i, f"event {i}", value, None, timevalue.granularity_of(value), a, b, Status.PROPOSED, 0.9,
        tags=tags, sources=srcs,
    )  # fmt: skip


EVENTS = [
    event(1, "2024-07", tags=("NATO",)),
    event(2, "2024-10-16", tags=("NATO", "Ukraine")),  # the summit pledge: both stories
    event(3, "2024-10-17", tags=("Ukraine",)),
    event(4, "2024-10-18"),
    event(5, "2024-11", tags=("Aid", "nato", "NATO")),  # case variants share one lane
]


def lanes(layout) -> list[tuple[str, list[int]]]:
    return [(lane.title, [it.id for it in lane.items]) for lane in layout.lanes]


def test_an_event_with_two_tags_is_placed_in_both_tag_lanes():
    items, _ = build_items(EVENTS)
    layout = build_layout(items, "tag")
    assert lanes(layout) == [
        ("Aid", [5]),
        ("NATO", [1, 2, 5]),
        ("Ukraine", [2, 3]),
        ("Untagged", [4]),
    ]
    # the two copies of event 2 are the same item, found in lane order
    assert layout.placements(2) == [(1, 1), (2, 0)]
    copies = [layout.lanes[lane].items[pos] for lane, pos in layout.placements(2)]
    assert copies[0] is copies[1] and copies[0].id == 2
    assert layout.where[2] == (1, 1) and layout.item(2) is copies[0]
    assert layout.placements(5) == [(0, 0), (1, 2)]  # "nato" and "NATO": one NATO copy only
    assert layout.placements(3) == [(2, 1)] and layout.placements(99) == []
    assert layout.event_count == 5 and layout.item_count == 7
    assert layout.extent == (items[0].start, max(it.end for it in items))


def test_each_tag_lane_index_culls_its_own_copy():
    items, _ = build_items(EVENTS)
    layout = build_layout(items, "tag")
    day = dt.date(2024, 10, 16).toordinal()
    found = {
        lane.title: sorted(lane.items[i].id for i in lane.index.query(day, day + 1))
        for lane in layout.lanes
    }
    assert found == {"Aid": [], "NATO": [2], "Ukraine": [2], "Untagged": []}
    assert [lane.index.count(day, day + 1) for lane in layout.lanes] == [0, 1, 1, 0]


def test_other_lane_modes_keep_one_place_per_event():
    items, _ = build_items(EVENTS)
    for mode in ("none", "document", "reliability"):
        layout = build_layout(items, mode)
        assert layout.item_count == layout.event_count == 5, mode
        assert all(len(layout.placements(it.id)) == 1 for it in items), mode
    assert build_layout(items, "none").copies == {}


def test_a_tag_filter_still_finds_the_event_and_its_lanes(tmp_path, seeds_dir):
    store = seeded_store(tmp_path, seeds_dir)
    try:
        ids = store.event_ids()
        store.apply(AddTags((ids[0],), ("NATO", "Ukraine")))
        store.apply(AddTags((ids[1],), ("Ukraine",)))
        store.apply(AddTags((ids[2],), ("NATO",)))
        shown = store.events(store.event_ids(EventFilter(tags=("Ukraine",))))
        assert sorted(e.id for e in shown) == sorted(ids[:2])
        items, _ = build_items(shown)
        layout = build_layout(items, "tag")
        by_lane = dict(lanes(layout))
        # filtered to Ukraine, the NATO lane holds only the event that is Ukraine too
        assert set(by_lane) == {"NATO", "Ukraine"}
        assert by_lane["NATO"] == [ids[0]]
        assert sorted(by_lane["Ukraine"]) == sorted(ids[:2])
        both = store.events(store.event_ids(EventFilter(tags=("NATO", "Ukraine"))))
        layout = build_layout(build_items(both)[0], "tag")
        assert lanes(layout) == [("NATO", [ids[0]]), ("Ukraine", [ids[0]])]
    finally:
        store.close()
