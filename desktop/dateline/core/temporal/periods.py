"""Normalizers for years and longer periods: years, fiscal years, decades, centuries, quarters, halves,
seasons."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Anchor, Granularity, TimexType
from ..timevalue import interval, value_at
from .anchoring import shift
from .grammar import Hit
from .lexicon import (
    DECADE_WORDS,
    ORDINALS,
    SEASONS,
)
from .reading import (
    Context,
    Reading,
    absolute_reading,
    position_mod,
    relative_reading,
)
from .values import norm, parse_number, spelled_year

# rules whose readings are the publication date moved by an amount: not a base for "a year earlier"
PUBLICATION_SHIFTS = frozenset({"ago", "year_adj"})
# how far back (characters) a named quarter still sets the period of "a year ago" and "the quarter"
QUARTER_REACH = 400


def _spelled_year(hit: Hit, ctx: Context) -> list[Reading]:
    """ "nineteen ninety-four", "the year two thousand"."""
    g = hit.groups
    if g["mil"]:
        n = parse_number(g["rest2"]) if g["rest2"] else 0.0
        return [absolute_reading(hit, f"{2000 + int(n or 0):04d}", 0.85)]
    n = parse_number(norm(g["rest"]).replace("oh ", ""))
    if n is None:
        return []
    return [absolute_reading(hit, f"19{int(n):02d}", 0.85)]


def _year_range(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the 2024-25 season", "fiscal 1998-99": two years, the second written with two digits."""
    y = int(hit.groups["y"] or 0)
    y2 = (y // 100) * 100 + int(hit.groups["y2"] or 0)
    if y2 <= y:
        y2 += 100
    if y2 - y > 10:
        return []  # "1990-03" is not a range of years
    first = absolute_reading(hit, f"{y:04d}", 0.85)
    first.end = hit.match.end("y")
    first.role = "start"
    second = absolute_reading(hit, f"{y2:04d}", 0.85)
    second.start = hit.match.start("y2")
    second.role = "end"
    return [first, second]


def _year(hit: Hit, ctx: Context) -> list[Reading]:
    return [
        absolute_reading(
            hit, f"{int(hit.groups['y'] or 0):04d}", 0.9, mod=position_mod(hit.groups["mod"])
        )
    ]


def _fiscal_year(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    if g["y"]:
        y = int(g["y"])
    else:
        yy = int(g["y2"] or 0)
        y = 2000 + yy if yy < 50 else 1900 + yy
    return [absolute_reading(hit, f"{y:04d}", 0.9)]


def _decade(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    if g["d4"]:
        v = g["d4"][:3]
    elif g["d2"]:
        d = int(g["d2"][0])
        century = 20 if ctx.published and 2000 + 10 * d <= ctx.published.year else 19
        v = f"{century}{d}"
    else:
        v = f"19{DECADE_WORDS[norm(g['dw'])]}"
    return [absolute_reading(hit, v, 0.9, mod=position_mod(g["mod"]))]


def _century(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    n_text = norm(g["n"])
    n = ORDINALS.get(n_text.replace(" ", "-")) if not n_text[0].isdigit() else int(n_text[:-2])
    if not n:
        return []
    return [absolute_reading(hit, f"{n - 1:02d}", 0.9, mod=position_mod(g["mod"]))]


def _part_of_year(
    hit: Hit, ctx: Context, unit: str, ordinal: int | None, year: int | None, rel: str
) -> Reading:
    """Quarters and halves: "the third quarter", "first-half", "the latest quarter", "the first half of 2024"."""
    size = 3 if unit == "Q" else 6
    letter = "Q" if unit == "Q" else "H"
    if year is not None and ordinal:
        return absolute_reading(hit, f"{year:04d}-{letter}{ordinal}", 0.9)
    if unit == "Q" and not ordinal and rel in _ANAPHORIC_QUARTER and ctx.published is not None:
        span = hit.match.group(0).lower()
        near = ctx.nearest_period(hit.start, QUARTER_REACH, PUBLICATION_SHIFTS)
        if (
            span.endswith("period")
            and near is not None
            and near.duration
            and near.value.endswith("M")
        ):
            # "for the first nine months ... in the 1988 period": those months of that year
            y = year if year is not None else ctx.published.year
            y -= 1 if rel in _YEAR_AGO else 0
            return Reading(hit.start, hit.end, TimexType.DATE, f"{y:04d}", Anchor.PUBLISHED, 0.6)
        # "the quarter", "the latest period", "the 1988 period": the quarter the report has named
        named = _named_quarter(hit, ctx, year, -1 if rel in _YEAR_AGO else 0)
        if named is not None:
            return named
    if year is not None and ctx.published is not None:
        # "the 1988 quarter", "last year's quarter": the reporting period (the one just ended) of that year
        cur = (ctx.published.month - 1) // size + 1
        prev = cur - 1 or 12 // size
        return relative_reading(hit, ctx, f"{year:04d}-{letter}{prev}", "", 0.7)
    if ctx.published is None:
        v = f"XXXX-{letter}{ordinal}" if ordinal else f"XXXX-{letter}X"
        return relative_reading(hit, ctx, None, v, 0.8)
    p = ctx.published
    cur = (p.month - 1) // size + 1
    if ordinal:
        y = (
            year
            if year is not None
            else (p.year if (ordinal - 1) * size + 1 <= p.month else p.year - 1)
        )
        if rel in ("year-earlier", "year-ago", "year earlier", "year ago"):
            y -= 1
        return relative_reading(hit, ctx, f"{y:04d}-{letter}{ordinal}", "", 0.85)
    # no ordinal: a period relative to publication; "the quarter" in a report is the one just ended
    off = {"this": 0, "current": 0, "next": 1, "following": 1}.get(rel, -1)
    if rel in ("year-earlier", "year-ago", "year earlier", "year ago"):
        off = -1 - (12 // size)
    d = shift(dt.date(p.year, (cur - 1) * size + 1, 1), "M", off * size)
    return relative_reading(hit, ctx, f"{d.year:04d}-{letter}{(d.month - 1) // size + 1}", "", 0.75)


_YEAR_AGO = frozenset({"year-earlier", "year-ago", "year earlier", "year ago"})
_ANAPHORIC_QUARTER = _YEAR_AGO | {"", "latest", "most recent"}


def _named_quarter(hit: Hit, ctx: Context, year: int | None, years_back: int) -> Reading | None:
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


def _quarter(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    unit = "Q"
    ordinal = (
        ORDINALS.get(norm(g["ord"]))
        if g["ord"] and not g["ord"][0].isdigit()
        else (int(g["ord"][0]) if g["ord"] else None)
    )
    if ordinal and unit == "H":
        ordinal = min(ordinal, 2)
    year: int | None = None
    if g["qy0"] or g["qy"]:
        year = int(g["qy0"] or g["qy"] or 0)
    elif (g["qrel0"] or g["qrel2"] or g["qthe"]) and ctx.published:
        year = ctx.published.year + {"last": -1, "next": 1}.get(norm(g["qrel0"] or g["qrel2"]), 0)
    rel = norm(g["qrel"])
    r = _part_of_year(hit, ctx, unit, ordinal, year, rel)
    if (
        ordinal
        and not (g["qy0"] or g["qrel0"] or g["qrel"])
        and "-quarter" in hit.match.group(0).lower()
    ):
        # "the third-quarter results": the article belongs to the noun, the timex is the adjective
        lead = re.match(r"the\s+", hit.match.group(0), re.I)
        if lead:
            r.start += lead.end()
    return [r]


def _half_year(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    o = norm(g["ord"])
    ordinal = 1 if o in ("first", "1st") else 2
    year: int | None = None
    if g["hy"]:
        year = int(g["hy"])
    elif (g["hrel"] or g["hthe"]) and ctx.published:
        year = ctx.published.year + {"last": -1, "next": 1}.get(norm(g["hrel"]), 0)
    return [_part_of_year(hit, ctx, "H", ordinal, year, "")]


def comparable_quarter(hit: Hit, ctx: Context, mod: str = "") -> Reading | None:
    """ "a year ago", "a year earlier", "year-earlier" right after a period is named: in a results report the
    comparable period, the same quarter a year before (as HeidelTime and TimeBank read it); after "the nine
    months" the year before. None when the nearest period is neither (a plain year reading then applies)."""
    last = ctx.nearest_period(hit.start, QUARTER_REACH, PUBLICATION_SHIFTS)
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


def _year_end(hit: Hit, ctx: Context) -> list[Reading]:
    v = f"{ctx.published.year:04d}" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX", 0.7, mod="END")]


def _season(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    code = SEASONS[norm(g["s"])]
    mod = position_mod(g["mod"]) or position_mod(g["rel"])
    y = g["y1"] or g["y2"] or spelled_year(g.get("y2s"))
    if y:
        return [absolute_reading(hit, f"{int(y):04d}-{code}", 0.9, mod=mod)]
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, f"XXXX-{code}", 0.7, mod=mod)]
    p = ctx.published
    rel = norm(g["rel"])
    now_start = interval(value_at(p, Granularity.SEASON))[0] or p
    cands = [(interval(f"{y:04d}-{code}"), y) for y in (p.year - 1, p.year, p.year + 1)]
    year = p.year
    if rel in ("last", "past", "the past", "this past"):
        year = max(y for (s, _, _), y in cands if s and s < now_start)
    elif rel in ("next", "coming", "the coming"):
        year = min(y for (s, _, _), y in cands if s and s > now_start)
    elif rel == "this":
        year = next((y for (s, _, _), y in cands if s == now_start), p.year)
    elif ctx.tense == "past":
        year = max(y for (s, _, _), y in cands if s and s <= p)
    elif ctx.tense == "future":
        year = min(y for (_, e, _), y in cands if e and e >= p)
    return [relative_reading(hit, ctx, f"{year:04d}-{code}", "", 0.75, mod=mod)]
