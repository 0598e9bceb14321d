"""Normalizers for years and longer periods: years, fiscal years, decades, centuries, quarters, halves,
seasons."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Granularity
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
from .values import norm, parse_number


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
    if ordinal and not (g["qy0"] or g["qrel0"] or g["qrel"]) and "-" in hit.match.group(0):
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


def _year_adj(hit: Hit, ctx: Context) -> list[Reading]:
    """A bare "year-earlier" / "year-ago" (as in "year-ago results") is last year; with a period noun
    ("the year-ago quarter") the quarter rule reads it."""
    v = f"{ctx.published.year - 1:04d}" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX", 0.6)]


def _year_end(hit: Hit, ctx: Context) -> list[Reading]:
    v = f"{ctx.published.year:04d}" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX", 0.7, mod="END")]


def _season(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    code = SEASONS[norm(g["s"])]
    mod = position_mod(g["mod"]) or position_mod(g["rel"])
    y = g["y1"] or g["y2"]
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
