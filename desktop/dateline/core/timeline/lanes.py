"""Lanes: which groups each item belongs to (by tag, document, source reliability, or none).

Rows within a lane depend on the zoom (labels need pixels, not days), so they are stacked per frame
by ``stack.stack_rows``; a lane here is just its items, sorted by start, and their interval index.

By tag, an event tagged "NATO" and "Ukraine" is placed in both lanes: an analyst reading the
Ukraine lane expects every Ukraine event there, whichever tag was typed first. The copies are the
same ``TimelineItem`` object (same id), so selection, hover and clicks need no mapping back; only
``TimelineLayout.placements`` has to know about them. Document lanes keep one place per event:
there, an event with several documents is a kind of its own ("Several documents").
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field

from .extent import Extent, focus_extent
from .index import IntervalIndex
from .items import TimelineItem
from .ranking import ImportanceIndex

LANE_MODES = ("none", "tag", "document", "reliability")


@dataclass(slots=True)
class Lane:
    key: str
    title: str
    items: list[TimelineItem]  # sorted by start
    index: IntervalIndex = field(repr=False)
    _ranking: ImportanceIndex | None = field(default=None, repr=False)

    def ranking(self) -> ImportanceIndex:
        """The lane's items in importance order; built on the first frame that labels the lane."""
        if self._ranking is None:
            self._ranking = ImportanceIndex(self.items, self.index)
        return self._ranking


@dataclass(slots=True)
class TimelineLayout:
    mode: str
    lanes: list[Lane]
    extent: tuple[float, float] | None  # earliest start, latest end; None when nothing is dated
    where: dict[int, tuple[int, int]]  # event id -> (lane, position in lane) of its first copy
    undated: int = 0
    # event id -> every (lane, position), only for events placed in more than one lane
    copies: dict[int, list[tuple[int, int]]] = field(default_factory=dict)
    _bounds: tuple[list[float], list[float]] | None = field(default=None, repr=False)
    _focus: tuple[Extent | None] | None = field(default=None, repr=False)

    def _spans(self) -> tuple[list[float], list[float]]:
        """Starts and ends of the placed events, each event once."""
        if self.copies:  # lanes by tag: an event tagged twice is counted once
            items = self.items()
        else:
            items = [it for lane in self.lanes for it in lane.items]
        return [it.start for it in items], [it.end for it in items]

    def bounds(self) -> tuple[list[float], list[float]]:
        """Starts and ends of the placed events (each once), both sorted."""
        if self._bounds is None:
            if len(self.lanes) == 1:
                index = self.lanes[0].index
                self._bounds = (index.sorted_starts, index.sorted_ends)
            else:
                starts, ends = self._spans()
                self._bounds = (sorted(starts), sorted(ends))
        return self._bounds

    def outside(self, t0: float, t1: float) -> tuple[int, int]:
        """Events (each once) wholly before ``t0`` and wholly after ``t1``: the view's edge counts."""
        starts, ends = self.bounds()
        return bisect_right(ends, t0), len(starts) - bisect_left(starts, t1)

    def focus(self) -> Extent | None:
        """Where the events are (``extent.focus_extent``): the range a view opens on."""
        if self._focus is None:
            self._focus = (focus_extent(*self._spans()),)
        return self._focus[0]

    @property
    def item_count(self) -> int:
        """Placements in all lanes: an event in two tag lanes counts twice."""
        return sum(len(lane.items) for lane in self.lanes)

    @property
    def event_count(self) -> int:
        """Distinct events placed."""
        return len(self.where)

    def placements(self, event_id: int) -> list[tuple[int, int]]:
        """Every (lane, position in lane) of an event, in lane order; [] when it is not placed."""
        more = self.copies.get(event_id)
        if more is not None:
            return list(more)
        first = self.where.get(event_id)
        return [first] if first is not None else []

    def items(self) -> list[TimelineItem]:
        """Every placed event once (its first copy), in lane order."""
        out: list[TimelineItem] = []
        for k, lane in enumerate(self.lanes):
            out += [it for pos, it in enumerate(lane.items) if self.where[it.id] == (k, pos)]
        return out

    def item(self, event_id: int) -> TimelineItem | None:
        where = self.where.get(event_id)
        return self.lanes[where[0]].items[where[1]] if where is not None else None


def lane_of(item: TimelineItem, mode: str, document_titles: Mapping[int, str]) -> tuple[tuple, str]:
    """(sort key, title) of the lane an item belongs to in ``mode``."""
    if mode == "tag":
        return ((1, "") if not item.tag else (0, item.tag.casefold())), item.tag or "Untagged"
    if mode == "document":
        if not item.documents:
            return (3, 0), "No source"
        if len(item.documents) > 1:
            return (2, 0), "Several documents"  # corroborated events: worth a lane of their own
        doc = item.documents[0]
        return (1, doc), document_titles.get(doc) or f"Document {doc}"
    if mode == "reliability":
        if not item.reliability:
            return (1, ""), "Unrated"
        return (0, item.reliability), f"Reliability {item.reliability}"
    if mode == "none":
        return (0,), ""
    raise ValueError(f"unknown lane mode {mode!r}; expected one of {', '.join(LANE_MODES)}")


def tag_lanes(item: TimelineItem) -> list[tuple[tuple, str]]:
    """(sort key, title) of every tag lane of an item: one per tag, tags differing only in case
    sharing a lane (as in ``lane_of``)."""
    seen: dict[tuple, str] = {}
    for tag in item.tags or (item.tag,):
        if tag:
            seen.setdefault((0, tag.casefold()), tag)
    return list(seen.items()) if seen else [((1, ""), "Untagged")]


def lanes_of(
    item: TimelineItem, mode: str, document_titles: Mapping[int, str]
) -> list[tuple[tuple, str]]:
    """(sort key, title) of every lane an item is placed in: several by tag, else one."""
    if mode == "tag":
        return tag_lanes(item)
    return [lane_of(item, mode, document_titles)]


def build_layout(
    items: Iterable[TimelineItem],
    mode: str = "none",
    document_titles: Mapping[int, str] | None = None,
    undated: int = 0,
) -> TimelineLayout:
    titles = document_titles or {}
    groups: dict[tuple, tuple[str, list[TimelineItem]]] = {}
    if mode == "tag":
        for it in items:
            if len(it.tags) > 1:
                for key, title in tag_lanes(it):
                    groups.setdefault(key, (title, []))[1].append(it)
            else:  # the common case, kept cheap: one tag or none
                key, title = lane_of(it, mode, titles)
                groups.setdefault(key, (title, []))[1].append(it)
    else:
        for it in items:
            key, title = lane_of(it, mode, titles)
            groups.setdefault(key, (title, []))[1].append(it)
    lanes: list[Lane] = []
    where: dict[int, tuple[int, int]] = {}
    copies: dict[int, list[tuple[int, int]]] = {}
    lo, hi = float("inf"), float("-inf")
    for key in sorted(groups):
        title, members = groups[key]
        members.sort(key=lambda it: (it.start, -it.end, it.id))
        starts = [it.start for it in members]
        ends = [it.end for it in members]
        lo, hi = min(lo, starts[0]), max(hi, max(ends))
        n = len(lanes)
        for pos, it in enumerate(members):
            first = where.setdefault(it.id, (n, pos))
            if first[0] != n:  # placed in an earlier lane too
                copies.setdefault(it.id, [first]).append((n, pos))
        lanes.append(Lane(repr(key), title, members, IntervalIndex(starts, ends)))
    extent = (lo, hi) if lanes else None
    return TimelineLayout(mode, lanes, extent, where, undated, copies)


def allocate_rows(needed: Sequence[int], capacity: int) -> list[int]:
    """Rows shown per lane when not all of them fit: every lane one row, then fair shares.

    A lane needing less than its share leaves the rest to the others (water-filling). When there
    are fewer rows than lanes, the first lanes get them.
    """
    if sum(needed) <= capacity:
        return list(needed)
    out = [0] * len(needed)
    left = capacity
    for i, n in enumerate(needed):
        if n > 0 and left > 0:
            out[i], left = 1, left - 1
    while left > 0:
        hungry = [i for i, n in enumerate(needed) if out[i] < n]
        if not hungry:
            break
        share = left // len(hungry)
        if share == 0:
            for i in hungry[:left]:
                out[i] += 1
            break
        for i in hungry:
            give = min(share, needed[i] - out[i])
            out[i] += give
            left -= give
    return out
