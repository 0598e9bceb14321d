"""Comparison periods of results reports: "a year earlier", "year-ago", "the same period last year".

A report names the period it is about ("the third quarter"); its comparisons point at the same period a
year before, which is rarely the year before the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Anchor, Granularity, TimexType
from ..timevalue import interval, value_at
from .anchoring import shift
from .english.fragments import YEAR
from .filters import prev_word
from .reading import Context, Hit, Mention, Reading, relative_reading
from .rules import Rule
from .values import norm

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


_OF = re.compile(r"\s+of\s+")


def months_told(ctx: Context, before: int) -> tuple[Mention, int | None] | None:
    """The months a report is about ("for the nine months", "in the first six months of 2008") when
    they are the nearest period before ``before``, with the year they are said to belong to."""
    near = ctx.nearest_period(before, QUARTER_REACH)
    if near is None:
        return None
    if near.duration and near.value.endswith("M"):
        return near, None
    if near.granularity is not Granularity.YEAR or not near.value[:4].isdigit():
        return None
    # "the first six months of the year": the months, in the year named after them
    i = ctx.mentions.index(near)
    months = ctx.mentions[i - 1] if i > 0 else None
    if (
        months is not None
        and months.duration
        and months.value.endswith("M")
        and _OF.fullmatch(ctx.text, months.end, near.start)
    ):
        return months, int(near.value[:4])
    return None


def compared_before(ctx: Context, start: int) -> bool:
    """Is the period at ``start`` what a figure is compared with ("up from the same quarter",
    "compared with the same period")? Then "same" means a year before."""
    return prev_word(ctx.text, start) in ctx.lang.cues.words["compared_by"]


def comparable_quarter(hit: Hit, ctx: Context, mod: str = "") -> Reading | None:
    """ "a year ago", "a year earlier", "year-earlier" right after a period is named: in a results report the
    comparable period, the same quarter a year before (as HeidelTime and TimeBank read it); after "the nine
    months" the year before. None when the nearest period is neither (a plain year reading then applies)."""
    months = months_told(ctx, hit.start)
    if months is not None and (months[1] or ctx.published):
        # "for the nine months, ... a year earlier": the same months of last year, named by the year
        return months_year_before(hit, ctx, months[1], mod)
    last = ctx.nearest_period(hit.start, QUARTER_REACH)
    if last is None:
        return None
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


def months_year_before(hit: Hit, ctx: Context, year: int | None, mod: str = "") -> Reading:
    """The year before the one some months are told of (the publication year's when none is
    named), as TimeBank reads "a year earlier" after "the first nine months"."""
    if year is not None:
        return Reading(
            hit.start, hit.end, TimexType.DATE, f"{year - 1:04d}", Anchor.MENTION, 0.6, mod=mod
        )
    assert ctx.published is not None
    v = f"{ctx.published.year - 1:04d}"
    return Reading(hit.start, hit.end, TimexType.DATE, v, Anchor.PUBLISHED, 0.6, mod=mod)


def _year_adj(hit: Hit, ctx: Context) -> list[Reading]:
    """A bare "year-earlier" / "year-ago" (as in "year-ago results") is last year, or the quarter a year
    before the one just named; with a period noun ("the year-ago quarter") the quarter rule reads it."""
    r = comparable_quarter(hit, ctx)
    if r is not None:
        return [r]
    v = f"{ctx.published.year - 1:04d}" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX", 0.6)]


_SAME_UNITS = {
    "period": Granularity.QUARTER,
    "quarter": Granularity.QUARTER,
    "month": Granularity.MONTH,
    "week": Granularity.WEEK,
    "half": Granularity.HALF,
    "season": Granularity.SEASON,
}

_UNKNOWN = {
    Granularity.QUARTER: "XXXX-QX",
    Granularity.MONTH: "XXXX-XX",
    Granularity.WEEK: "XXXX-WXX",
    Granularity.HALF: "XXXX-HX",
    Granularity.SEASON: "XXXX",
}


# periods other than quarters that "the same period" and "the year-earlier period" can mean
_TOLD_KINDS = (Granularity.HALF, Granularity.MONTH, Granularity.SEASON)


def period_kind(hit: Hit, ctx: Context) -> Granularity:
    """What "period" means at ``hit``: the kind of the period just told of ("first-half profit rose
    from the same period last year" is a half, "sales in June ... the same period" a month), and a
    quarter, the usual reporting period, when none is near."""
    near = ctx.nearest_period(hit.start, QUARTER_REACH)
    if near is not None and not near.duration and near.granularity in _TOLD_KINDS:
        return near.granularity
    return Granularity.QUARTER


def comparable_period(hit: Hit, ctx: Context, gran: Granularity, years: int) -> Reading | None:
    """The period of kind ``gran`` just told of, ``years`` years on (None when there is none)."""
    last = ctx.last_mention(hit.start, gran, derived=True)
    if last is None or last.granularity is not gran:
        return None
    a = interval(last.value)[0]
    if a is None:
        return None
    try:
        v = value_at(shift(a, "Y", years), gran)
    except (ValueError, OverflowError):
        return None
    return Reading(
        hit.start, hit.end, TimexType.DATE, v, Anchor.MENTION, 0.7, anchor_start=last.start
    )


def _period_told(hit: Hit, ctx: Context, gran: Granularity) -> tuple[str | None, int | None]:
    """The period of kind ``gran`` the text is about at ``hit``, and the mention it comes from (None:
    the publication date's own, or the reporting quarter just ended)."""
    if gran is Granularity.QUARTER:
        named = ctx.first_period(hit.start, Granularity.QUARTER)
        if named is not None:
            return named.value, named.start
        if ctx.published is None:
            return None, None
        p = ctx.published
        return value_at(shift(dt.date(p.year, p.month, 1), "M", -3), gran), None
    last = ctx.last_mention(hit.start, gran)
    if last is not None and (a := interval(last.value)[0]) is not None:
        return value_at(a, gran), last.start
    if ctx.published is None:
        return None, None
    return value_at(ctx.published, gran), None


def _same_period(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the same period last year", "the same month a year earlier": the period the text is about,
    a year before (or after, or in the year named)."""
    g = hit.groups
    unit = norm(g["unit"])
    gran = period_kind(hit, ctx) if unit == "period" else _SAME_UNITS[unit]
    if gran is Granularity.QUARTER and not g["y"] and not g["next"]:
        # after "for the nine months" or a quarter: the comparison period of a results report
        r = comparable_quarter(hit, ctx)
        if r is not None:
            return [r]
    base, anchor = _period_told(hit, ctx, gran)
    a = interval(base)[0] if base else None
    unknown = _UNKNOWN[gran]
    if base is None or a is None:
        return [relative_reading(hit, ctx, None, unknown, 0.5)]
    year = int(g["y"]) if g["y"] else int(base[:4]) + (1 if g["next"] else -1)
    try:
        if gran is Granularity.WEEK:  # the week of the same number: the calendar moves under weeks
            week = min(int(base[6:8]), dt.date(year, 12, 28).isocalendar()[1])
            value = f"{year:04d}-W{week:02d}"
        else:
            value = value_at(shift(a, "Y", year - int(base[:4])), gran)
    except (ValueError, OverflowError):
        return []
    if anchor is None:
        return [relative_reading(hit, ctx, value, unknown, 0.7)]
    return [
        Reading(hit.start, hit.end, TimexType.DATE, value, Anchor.MENTION, 0.7, anchor_start=anchor)
    ]


def _comparable_half(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the year-earlier half", "the comparable half": the half just told of, a year before; without
    one, the half just ended, a year before."""
    same = norm(hit.groups["rel"]) == "same"
    back = -1 if not same or compared_before(ctx, hit.start) else 0
    told = comparable_period(hit, ctx, Granularity.HALF, back)
    if told is not None:
        return [told]
    if back == 0:
        return []  # "in the same half" with no half told of
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, "XXXX-HX", 0.5)]
    p = ctx.published
    ended = shift(dt.date(p.year, 1 if p.month <= 6 else 7, 1), "M", -6)
    v = value_at(shift(ended, "Y", -1), Granularity.HALF)
    return [relative_reading(hit, ctx, v, "XXXX-HX", 0.6)]


RULES = (
    Rule(
        "same_period",
        65,
        r"(?:the\s+)?same\s+(?P<unit>period|quarter|month|week|half|season)(?:\s+of)?\s+"
        r"(?:(?:the\s+)?(?:last|previous|prior|preceding)\s+year|a\s+year\s+(?:earlier|ago|before)"
        rf"|(?:the\s+)?(?P<next>next|following)\s+year|(?P<y>{YEAR}))(?!\w)",
        _same_period,
    ),
    Rule(
        "comparable_half",
        75,  # before "year_adj": "the year-earlier half" is a half
        r"(?:the\s+)?(?P<rel>year[-\s](?:earlier|ago)|comparable|same|prior[-\s]year)\s+half(?![\w-])"
        r"(?!\s+(?:of|a|an|the|hour|point|percent|dozen|million|billion)\b)",
        _comparable_half,
    ),
    Rule("year_adj", 80, r"year[-\s](?:earlier|ago)(?!\w)", _year_adj, shifts_publication=True),
)
