"""Where an item and its label go at the current zoom, and which labelled items share a row.

A label is the event's title in full (up to ``Geometry.label_max`` pixels, elided past that), to the
right of a dot or a short bar, inside a solid bar wide enough to hold it, above the start of the thin
bar of a period (a week, month, year...). A label that would run off the right edge goes to the left of its mark; one that has
room on neither side is elided to the room it has, or, below ``label_min``, not drawn at all: a
label cut to a few letters reads as noise, so that item is counted instead.

Rows are filled most important first (``place_rows``): each item takes the highest row where its
mark and label keep ``gap`` pixels clear of everything else in the row. Only labelled items get a
row; the others are counted per calendar period under the rows (``frame``). First fit has a useful
property: the items that land in the first ``r`` rows are the same whatever the number of rows
offered beyond ``r``, so a lane is placed once and then cut to the rows it is given.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from .items import ItemKind, TimelineItem
from .scale import TimeScale

Measure = Callable[[str], float]


@dataclass(frozen=True, slots=True)
class Geometry:
    """Sizes in device-independent pixels; the UI passes its font's (``ui.timeline_style``)."""

    width: float
    point_radius: float = 4.5
    min_bar: float = 3.0  # a bar narrower than this is widened, so it stays visible and clickable
    label_max: float = 320.0  # longer titles are elided (the tooltip has them whole)
    label_min: float = 72.0  # a label with less room than this is not drawn
    label_pad: float = 5.0  # from a mark to its label
    gap: float = 14.0  # clear space between two things in a row
    solid_label_min: float = 200.0  # a solid bar this wide (or as wide as its label) holds it
    bucket_min: float = 64.0  # narrowest calendar period that carries a count


@dataclass(slots=True)
class Mark:
    """One item as drawn this frame: its mark, its label and its row."""

    item: TimelineItem
    x0: float  # the mark (a dot is its circle's bounding box)
    x1: float
    span0: float  # the item's real interval (a dot's whole day)
    span1: float
    label_x: float = 0.0
    label_w: float = 0.0  # 0: no label
    elided: bool = False
    inside: bool = False  # label drawn inside a solid bar (contrasting colour)
    over: bool = False  # label drawn above a period's bar, from its start
    row: int = -1

    @property
    def left(self) -> float:
        return min(self.x0, self.label_x) if self.label_w else self.x0

    @property
    def right(self) -> float:
        return max(self.x1, self.label_x + self.label_w) if self.label_w else self.x1


def mark_of(it: TimelineItem, scale: TimeScale, measure: Measure, geo: Geometry) -> Mark | None:
    """The item's mark and label at this zoom; None when no readable label fits the view."""
    s0, s1 = scale.x(it.start), scale.x(it.end)
    full = measure(it.title or it.label())
    want = min(full, geo.label_max)
    width = geo.width
    over = False
    if it.kind is ItemKind.POINT:
        cx = (s0 + s1) / 2
        m = Mark(it, cx - geo.point_radius, cx + geo.point_radius, s0, s1)
        first = m.x1 + geo.label_pad
    else:
        x0, x1 = s0, s1
        if x1 - x0 < geo.min_bar:
            mid = (x0 + x1) / 2
            x0, x1 = mid - geo.min_bar / 2, mid + geo.min_bar / 2
        m = Mark(it, x0, x1, s0, s1)
        shown = min(x1, width) - max(x0, 0.0)
        first = m.x1 + geo.label_pad
        if it.kind is ItemKind.RANGE and it.status != "rejected":
            room = shown - 2 * geo.label_pad
            if room >= min(want, geo.solid_label_min) and room >= geo.label_min:
                return _labelled(m, max(x0, 0.0) + geo.label_pad, full, room, geo, inside=True)
        elif it.kind is ItemKind.COARSE and shown > geo.label_pad:
            first, over = max(x0, 0.0) + geo.label_pad, True  # above the bar, from its start
    if first + want <= width:
        return _labelled(m, first, full, want, geo, over=over)
    left = m.x0 - geo.label_pad - want
    if left >= 0 and m.x0 <= width:  # no room on the right: the label goes before the mark
        return _labelled(m, left, full, want, geo)
    room_first, room_left = width - 2 - first, m.x0 - geo.label_pad
    if room_first >= room_left:
        return _labelled(m, first, full, room_first, geo, over=over)
    return _labelled(m, 0.0, full, room_left, geo)


def _labelled(
    m: Mark,
    x: float,
    full: float,
    room: float,
    geo: Geometry,
    inside: bool = False,
    over: bool = False,
) -> Mark | None:
    """Give ``m`` a label at ``x`` at most ``room`` wide (and ``label_max``), or None if too cut."""
    w = min(full, room, geo.label_max)
    if w < min(full, geo.label_min):
        return None
    m.label_x, m.label_w, m.elided = x, w, w < full - 0.5
    m.inside, m.over = inside, over
    return m


def place_rows(marks: Sequence[Mark], rows: int, gap: float, patience: int | None = None) -> int:
    """First fit, in the given (importance) order: set each mark's row, -1 when no row has room.

    Returns the number of rows used. Marks in one row keep ``gap`` pixels clear between them.
    With ``patience``, placing stops after that many marks in a row found no room: the rows are
    full where the remaining candidates are, and each would cost a look at every row.
    """
    lefts: list[list[float]] = [[] for _ in range(rows)]
    rights: list[list[float]] = [[] for _ in range(rows)]
    used = 0
    misses = 0
    for m in marks:
        m.row = -1
    for m in marks:
        if patience is not None and misses >= patience:
            break
        a, b = m.left, m.right
        misses += 1
        for r in range(rows):
            ls, rs = lefts[r], rights[r]
            k = bisect_left(ls, a)
            if k > 0 and rs[k - 1] + gap > a:
                continue
            if k < len(ls) and b + gap > ls[k]:
                continue
            ls.insert(k, a)
            rs.insert(k, b)
            m.row = r
            used = max(used, r + 1)
            misses = 0
            break
    return used
