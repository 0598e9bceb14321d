"""Points of the calendar known by a phrase: "the turn of the century", "this time last year", "the long
weekend", "the Memorial Day weekend"."""

from __future__ import annotations

import datetime as dt

from .english.fragments import HOLIDAY
from .reading import Context, Hit, Reading, nearest_year, relative_reading
from .relative import _weekend
from .rules import Rule
from .values import norm


def _turn(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the turn of the century": the years about the century's change nearest the writer ("around
    2000" in the 2000s and the 1990s alike)."""
    size = 1000 if norm(hit.groups["what"]) == "millennium" else 100
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, "XXXX", 0.5, mod="APPROX")]
    year = (ctx.published.year + size // 2) // size * size
    return [relative_reading(hit, ctx, f"{year:04d}", "", 0.7, mod="APPROX")]


def _this_time(hit: Hit, ctx: Context) -> list[Reading]:
    """ "this time last year", "this time a year ago": the publication's month, a year off."""
    g = hit.groups
    step = 1 if norm(g["rel"]) == "next" else -1
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, "XXXX-XX", 0.6)]
    p = ctx.published
    return [relative_reading(hit, ctx, f"{p.year + step:04d}-{p.month:02d}", "", 0.7)]


def _holiday_weekend(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the long weekend" is read as "the weekend"; "the Memorial Day weekend" is the weekend next to
    the holiday: before a Monday one, around a Thursday to Sunday one."""
    g = hit.groups
    if not g["h"]:
        if ctx.published is None:
            return [relative_reading(hit, ctx, None, "XXXX-WXX-WE", 0.6)]
        return [_weekend(hit, ctx, ctx.published, norm(g["rel"]), "")]
    on = ctx.lang.words.holidays[norm(g["h"]).replace("’", "'")]
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, "XXXX-WXX-WE", 0.6)]
    day = on(ctx.published.year)
    day = on(nearest_year(ctx.published, day.month, day.day, ctx.tense))
    if day.weekday() < 3:
        day -= dt.timedelta(days=day.weekday() + 1)  # a Monday holiday: the weekend before it
    iy, iw, _ = day.isocalendar()
    return [relative_reading(hit, ctx, f"{iy:04d}-W{iw:02d}-WE", "", 0.75)]


def _new_year(hit: Hit, ctx: Context) -> list[Reading]:
    """ "in the new year": the year about to begin, told of late in a year (else the one begun)."""
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, "XXXX", 0.5)]
    year = ctx.published.year + (ctx.published.month >= 7)
    return [relative_reading(hit, ctx, f"{year:04d}", "", 0.7)]


RULES = (
    Rule(
        "turn_of",
        35,
        r"the\s+turn\s+of\s+the\s+(?P<what>century|millennium)(?!\w)",
        _turn,
    ),
    Rule(
        "this_time",
        36,
        r"(?:this|the\s+same)\s+time\s+(?:(?P<rel>last|next)\s+year|a\s+year\s+(?P<ago>ago|earlier))(?!\w)",
        _this_time,
    ),
    Rule(
        "holiday_weekend",
        37,  # before "holiday" and "rel_unit": the weekend is the expression
        rf"(?P<rel>this|last|next|the|that)\s+(?:(?:long|holiday|long\s+holiday)\s+weekend"
        rf"|(?P<h>{HOLIDAY})(?:\s+holiday)?\s+weekend)(?!\w)",
        _holiday_weekend,
        tense=True,
    ),
    Rule(
        "new_year",
        38,
        r"the\s+new\s+year(?![\w'’-])(?!\s+(?:holiday|celebration|eve|day|resolution)s?\b)",
        _new_year,
    ),
)
