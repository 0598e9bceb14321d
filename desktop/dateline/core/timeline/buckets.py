"""Calendar periods that carry the counts of the events a view has no room to label.

"+12" under March 2008 says more than "+12" under an arbitrary run of pixels, and a period stays put
while the view pans (pixel clusters would regroup on every frame). The period is the finest calendar
unit (hours, day, week, month, quarter, year, several years, decade...) at least ``min_width``
pixels wide at the current zoom, so that a count always fits in its period.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..calendar_words import DAY_ABBR, MONTH_ABBR
from .scale import TimeScale
from .ticks import _LEVELS, _boundaries, _time


@dataclass(frozen=True, slots=True)
class Bucket:
    start: float  # clipped to the view
    end: float
    label: str  # the whole period, for the list of its events: "Mar 2008", "Q1 2008", "2000s"


def _day(d: dt.datetime) -> str:
    return f"{DAY_ABBR[d.weekday()]} {d.day} {MONTH_ABBR[d.month]} {d.year}"


def period_label(unit: str, step: int, d: dt.datetime) -> str:
    if unit == "hour":
        h1 = d.hour + step
        return f"{_day(d)}, {d.hour:02d}:00-{h1:02d}:00"
    if unit == "day":
        return _day(d)
    if unit == "week":
        return f"week of {_day(d)}"
    if unit == "month":
        return f"{MONTH_ABBR[d.month]} {d.year}"
    if unit == "quarter":
        return f"Q{(d.month - 1) // 3 + 1} {d.year}"
    if unit == "decade":
        return f"{d.year}s"
    return str(d.year) if step == 1 else f"{d.year}-{d.year + step - 1}"


def calendar_buckets(scale: TimeScale, min_width: float) -> list[Bucket]:
    """The view cut into calendar periods, each at least ``min_width`` pixels wide (a period cut
    short by an edge of the view is joined to the next one)."""
    t0, t1 = scale.visible()
    ppd = scale.pixels_per_day
    level = next((lv for lv in _LEVELS if lv.nominal_days * ppd >= min_width), _LEVELS[-1])
    stamps = list(_boundaries(level.unit, level.step, t0, t1))
    out: list[Bucket] = []
    for k, d in enumerate(stamps):
        a = _time(d)
        b = _time(stamps[k + 1]) if k + 1 < len(stamps) else t1
        a, b = max(a, t0), min(b, t1)
        if b > a:
            out.append(Bucket(a, b, period_label(level.unit, level.step, d)))
    if not out:  # past the calendar's end: the whole view as one period
        out.append(Bucket(t0, t1, ""))
    # a period the view's edge cuts to a sliver has no room for its count: it joins its neighbour
    if len(out) > 1 and (out[0].end - out[0].start) * ppd < min_width:
        out[:2] = [Bucket(out[0].start, out[1].end, f"{out[0].label} - {out[1].label}")]
    if len(out) > 1 and (out[-1].end - out[-1].start) * ppd < min_width:
        out[-2:] = [Bucket(out[-2].start, out[-1].end, f"{out[-2].label} - {out[-1].label}")]
    return out
