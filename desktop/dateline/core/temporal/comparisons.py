"""Comparison periods of results reports: "a year earlier", "year-ago", "the same period last year".

A report names the period it is about ("the third quarter"); its comparisons point at the same period a
year before, which is rarely the year before the publication date.
"""

from __future__ import annotations

from ..model import Anchor, Granularity, TimexType
from ..timevalue import interval, value_at
from .anchoring import shift
from .reading import Context, Reading, relative_reading
from .rules import Hit, Rule

# how far back (characters) a named quarter still sets the period of "a year ago" and "the quarter"
QUARTER_REACH = 400


def named_quarter(hit: Hit, ctx: Context, year: int | None, years_back: int) -> Reading | None:
    """The quarter a results report is about is the first it names ("Sun earned ... in the fiscal first
    quarter"); later "the quarter" and "the 1988 period" refer back to it, whatever the calendar."""
    last = ctx.first_period(hit.start, Granularity.QUARTER)
    if last is None or not last.value[:4].isdigit():
        return None
    y = (year if year is not None else int(last.value[:4])) + years_back
    return Reading(
        hit.start,
        hit.end,
        TimexType.DATE,
        f"{y:04d}{last.value[4:]}",
        Anchor.MENTION,
        0.75,
        anchor_start=last.start,
    )


def comparable_quarter(hit: Hit, ctx: Context, mod: str = "") -> Reading | None:
    """ "a year ago", "a year earlier", "year-earlier" right after a period is named: in a results report the
    comparable period, the same quarter a year before (as HeidelTime and TimeBank read it); after "the nine
    months" the year before. None when the nearest period is neither (a plain year reading then applies)."""
    last = ctx.nearest_period(hit.start, QUARTER_REACH)
    if last is None:
        return None
    if last.duration and last.value.endswith("M") and ctx.published is not None:
        # "for the nine months, ... a year earlier": the same months of last year, named by the year
        return Reading(
            hit.start,
            hit.end,
            TimexType.DATE,
            f"{ctx.published.year - 1:04d}",
            Anchor.PUBLISHED,
            0.6,
            mod=mod,
        )
    if last.granularity is not Granularity.QUARTER:
        return None
    if last.derived:
        # "in the year-ago quarter. The year-ago results ...": that comparison period again
        return Reading(
            hit.start,
            hit.end,
            TimexType.DATE,
            last.value,
            Anchor.MENTION,
            0.7,
            mod=mod,
            anchor_start=last.start,
        )
    a = interval(last.value)[0]
    if a is None:
        return None
    try:
        v = value_at(shift(a, "Y", -1), Granularity.QUARTER)
    except (ValueError, OverflowError):
        return None
    return Reading(
        hit.start, hit.end, TimexType.DATE, v, Anchor.MENTION, 0.7, mod=mod, anchor_start=last.start
    )


def _year_adj(hit: Hit, ctx: Context) -> list[Reading]:
    """A bare "year-earlier" / "year-ago" (as in "year-ago results") is last year, or the quarter a year
    before the one just named; with a period noun ("the year-ago quarter") the quarter rule reads it."""
    r = comparable_quarter(hit, ctx)
    if r is not None:
        return [r]
    v = f"{ctx.published.year - 1:04d}" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX", 0.6)]


RULES = (
    Rule("year_adj", 80, r"year[-\s](?:earlier|ago)(?!\w)", _year_adj, shifts_publication=True),
)
