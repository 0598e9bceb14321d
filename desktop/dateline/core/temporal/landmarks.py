"""Points of the calendar known by a phrase: "the turn of the century", "this time last year", "the long
weekend", "the new year". ("The Memorial Day weekend" is read with the holidays, in ``dates``.)"""

from __future__ import annotations

import re

from .bundle import Lexicon
from .reading import Context, Groups, Hit, Reading, relative_reading
from .relative import _weekend
from .rules import Filter, Rule
from .values import norm

# The rules start at their rarest word ("turn", "time", "long", "new"), so that the scan does not
# stop at every "the"; the determiner before it is taken into the span here.
_LEAD = re.compile(r"\b(the\s+same|the|this|last|next|that)\s+$", re.I)


def _determiner(hit: Hit, ctx: Context) -> tuple[int, str]:
    """Where the determiner just before the match starts, and what it is ("" for none)."""
    lead = _LEAD.search(ctx.text, max(0, hit.start - 10), hit.start)
    return (lead.start(), norm(lead.group(1))) if lead else (hit.start, "")


def _lead(hit: Hit, ctx: Context, r: Reading) -> Reading:
    """``r`` widened over the determiner just before the match."""
    r.start = _determiner(hit, ctx)[0]
    return r


def _turn(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the turn of the century": the years about the century's change nearest the writer ("around
    2000" in the 2000s and the 1990s alike)."""
    size = 1000 if norm(hit.groups["what"]) == "millennium" else 100
    year = None
    if ctx.published is not None:
        year = f"{(ctx.published.year + size // 2) // size * size:04d}"
    return [_lead(hit, ctx, relative_reading(hit, ctx, year, "XXXX", 0.7, mod="APPROX"))]


def _this_time(hit: Hit, ctx: Context) -> list[Reading]:
    """ "this time last year", "this time a year ago": the publication's month, a year off."""
    step = 1 if norm(hit.groups["rel"]) == "next" else -1
    p = ctx.published
    value = f"{p.year + step:04d}-{p.month:02d}" if p is not None else None
    return [_lead(hit, ctx, relative_reading(hit, ctx, value, "XXXX-XX", 0.7))]


def _long_weekend(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the long weekend" is read as "the weekend" is."""
    if ctx.published is None:
        return [_lead(hit, ctx, relative_reading(hit, ctx, None, "XXXX-WXX-WE", 0.6))]
    rel = _determiner(hit, ctx)[1]
    return [_lead(hit, ctx, _weekend(hit, ctx, ctx.published, rel, ""))]


def _new_year(hit: Hit, ctx: Context) -> list[Reading]:
    """ "in the new year": the year about to begin, told of late in a year (else the one begun)."""
    p = ctx.published
    year = f"{p.year + (p.month >= 7):04d}" if p is not None else None
    return [_lead(hit, ctx, relative_reading(hit, ctx, year, "XXXX", 0.7))]


def _after(words: str) -> Filter:
    """A filter keeping a match right after one of ``words`` ("the|this"): the rule starts at its
    rarer second word, and a rejected match leaves the words after it to the other rules."""
    before = re.compile(rf"\b(?:{words})\s+$", re.I)

    def keep(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
        return before.search(text, max(0, start - 12), start) is not None

    return keep


RULES = (
    Rule("turn_of", 35, r"turn\s+of\s+the\s+(?P<what>century|millennium)(?!\w)", _turn),
    Rule(
        "this_time",
        36,
        r"time\s+(?:(?P<rel>last|next)\s+year|a\s+year\s+(?:ago|earlier))(?!\w)",
        _this_time,
        keep=_after(r"this|the\s+same"),
    ),
    Rule(
        "long_weekend",
        37,
        r"long\s+(?:holiday\s+)?weekend(?!\w)",
        _long_weekend,
        keep=_after("the|this|last|next|that"),
        tense=True,
    ),
    Rule(
        "new_year",
        38,
        r"new\s+year(?![\w'’-])(?!\s+(?:holiday|celebration|eve|day|resolution)s?\b)",
        _new_year,
        keep=_after("the"),
    ),
)
