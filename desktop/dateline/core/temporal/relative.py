"""Normalizers for expressions relative to the publication date or to an earlier mention.

"yesterday", "two weeks ago", "the next day", "last year", "10 a.m. Wednesday", durations and sets.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ..model import Anchor, Granularity, TimexType
from ..timevalue import value_at
from .anchoring import UNIT_GRANULARITY, shift, shift_value, weekday_date
from .grammar import Hit
from .lexicon import APPROX_MOD, PARTS_OF_DAY, SEASONS, WEEKDAY_NUM
from .periods import PUBLICATION_SHIFTS, _season, comparable_quarter
from .reading import Context, Reading, position_mod, relative_reading
from .tense import clause_tense
from .values import (
    duration_value,
    norm,
    parse_number,
    period_value,
    unit_key,
    unit_letter,
    unresolved_period,
)

_DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
_MINUS = {"ago", "earlier", "before"}


def day_word_date(word: str, ctx: Context, start: int) -> tuple[dt.date | None, str]:
    """The date a day word ("Tuesday", "today") points at, and its unresolved placeholder."""
    w = norm(word)
    if w in _DAY_OFFSET:
        if ctx.published is None:
            return None, "XXXX-XX-XX"
        return ctx.published + dt.timedelta(days=_DAY_OFFSET[w]), ""
    wd = WEEKDAY_NUM.get(w)
    if wd is None:
        return None, "XXXX-XX-XX"
    if ctx.published is None:
        return None, f"XXXX-WXX-{wd + 1}"
    return weekday_date(ctx.published, wd, ctx.tense, ""), ""


def _named_day(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    w = norm(g["w"])
    extra = {"before": -1, "after": 1}.get(norm(g["x"]), 0)
    mod = position_mod(g["mod"])
    if w == "tonight":
        v = (
            (ctx.published + dt.timedelta(days=extra)).isoformat() + "TNI"
            if ctx.published
            else None
        )
        return [relative_reading(hit, ctx, v, "XXXX-XX-XXTNI", 0.9, type=TimexType.TIME, mod=mod)]
    v = (
        (ctx.published + dt.timedelta(days=_DAY_OFFSET[w] + extra)).isoformat()
        if ctx.published
        else None
    )
    return [relative_reading(hit, ctx, v, "XXXX-XX-XX", 0.95, mod=mod)]


def _ago(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    n = parse_number(g["n"])
    unit = unit_key(g["unit"])
    direction = norm(g["dir"])
    mod = APPROX_MOD.get(norm(g["approx"]), "")
    if direction == "since":
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DURATION,
                duration_value(n, unit),
                Anchor.ABSOLUTE,
                0.7,
                mod=mod,
            )
        ]
    if (n is None or n != int(n)) and direction in ("earlier", "later", "before", "after"):
        # "a few days later" in a story told in the past is not the writer's future: an unknown
        # distance from the event just told, which TimeML writes as the vague amount (PXD)
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DURATION,
                duration_value(None, unit),
                Anchor.ABSOLUTE,
                0.6,
                mod=mod,
            )
        ]
    if n is None or n != int(n):
        ref = "PAST_REF" if direction in _MINUS else "FUTURE_REF"
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DATE,
                ref,
                Anchor.PUBLISHED if ctx.published else Anchor.NONE,
                0.6,
                mod=mod,
            )
        ]
    k = int(n) * (-1 if direction in _MINUS else 1)
    letter = unit_letter(unit)
    if letter == "Y" and k == -1:
        # "a year ago" in a results report compares with the same quarter of the previous year
        r = comparable_quarter(hit, ctx, mod)
        if r is not None:
            return [r]
    if direction in ("earlier", "later", "before", "after"):
        # counted from a date the text states, never from another shift of the publication date: in
        # "... from a year ago. Sales were X compared with Y a year earlier" both name the same period
        last = ctx.last_mention(hit.start, skip_rules=PUBLICATION_SHIFTS)
        if last is not None:
            v = shift_value(last.value, letter, k)
            if v:
                return [
                    Reading(
                        hit.start,
                        hit.end,
                        TimexType.DATE,
                        v,
                        Anchor.MENTION,
                        0.7,
                        mod=mod,
                        anchor_start=last.start,
                    )
                ]
    v = None
    if ctx.published:
        try:
            gran = UNIT_GRANULARITY.get(letter, Granularity.DAY)
            if gran in (Granularity.DECADE, Granularity.CENTURY):
                gran = Granularity.YEAR  # "a decade ago" names a year, not the decade it falls in
            v = value_at(shift(ctx.published, letter, k), gran)
        except (ValueError, OverflowError):
            return []
    return [relative_reading(hit, ctx, v, unresolved_period(unit), 0.8, mod=mod)]


def _mention_day(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    txt = norm(ctx.text[hit.start : hit.end])
    off = 0
    if any(w in txt for w in ("next", "following", "after")):
        off = 1
    elif any(w in txt for w in ("previous", "prior", "preceding", "before")):
        off = -1
    unit = norm(g["unit"])
    pod = PARTS_OF_DAY.get(unit, "")
    typ = TimexType.TIME if pod else TimexType.DATE
    last = ctx.last_mention(hit.start, Granularity.DAY)
    if last is not None:
        v = shift_value(last.value[:10], "D", off)
        if v:
            return [
                Reading(
                    hit.start,
                    hit.end,
                    typ,
                    v + (f"T{pod}" if pod else ""),
                    Anchor.MENTION,
                    0.75,
                    anchor_start=last.start,
                )
            ]
    return [
        Reading(
            hit.start,
            hit.end,
            typ,
            "XXXX-XX-XX" + (f"T{pod}" if pod else ""),
            Anchor.NONE,
            0.4,
            needs_anchor=True,
        )
    ]


_REL_OFFSET = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "the": 0,
    "the whole": 0,
    "the entire": 0,
    "the full": 0,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "the next": 1,
    "the upcoming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "the past": -1,
    "the last": -1,
    "the previous": -1,
    "the prior": -1,
    "the preceding": -1,
    "the latest": -1,
    "the most recent": -1,
}
_FROM_MENTION = {
    "that",
    "same",
    "the same",
    "the following",
    "the previous",
    "the prior",
    "the preceding",
}


_PERIOD_ENDED = re.compile(r"\s+(?:ended|ending)\b", re.I)


def _rel_unit(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    rel = norm(g["rel"])
    unit = unit_key(g["unit"])
    mod = position_mod(g["mod"])
    if unit in SEASONS:
        h2 = Hit(
            "season",
            hit.start,
            hit.end,
            {"s": unit, "mod": g["mod"], "rel": rel, "y1": None, "y2": None},
            hit.match,
        )
        return _season(h2, ctx)
    letter = unit_letter(unit)
    if rel == "the" and _PERIOD_ENDED.match(ctx.text, hit.end):
        # "the year ended March 31": a reporting period, one year long, not the publication year
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DURATION,
                duration_value(1, unit),
                Anchor.ABSOLUTE,
                0.7,
            )
        ]
    if letter in ("S",) or unit in ("hour", "minute", "second"):
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DURATION,
                duration_value(1, unit),
                Anchor.ABSOLUTE,
                0.6,
            )
        ]
    off = _REL_OFFSET.get(rel, 0)
    if rel in _FROM_MENTION:
        off = {"the following": 1, "the previous": -1, "the prior": -1, "the preceding": -1}.get(
            rel, 0
        )
        last = ctx.last_mention(hit.start, UNIT_GRANULARITY.get(letter, Granularity.DAY))
        if last is not None:
            v = shift_value(last.value, letter, off)
            if v:
                gran = UNIT_GRANULARITY.get(letter, Granularity.DAY)
                from ..timevalue import interval

                a = interval(v)[0]
                v2 = value_at(a, gran) if a and letter != "WE" else v
                return [
                    Reading(
                        hit.start,
                        hit.end,
                        TimexType.DATE,
                        v2,
                        Anchor.MENTION,
                        0.7,
                        mod=mod,
                        anchor_start=last.start,
                    )
                ]
    if (
        letter == "WE"
        and ctx.published
        and rel in ("this", "the", "the whole", "that", "past", "last", "the past")
    ):
        # a weekend is read like its Saturday: past clause -> the one just gone
        sat = weekday_date(
            ctx.published,
            5,
            ctx.tense or clause_tense(ctx.text, hit.start, hit.end),
            rel if rel in ("last", "past") else "",
        )
        iy, iw, _ = sat.isocalendar()
        return [relative_reading(hit, ctx, f"{iy:04d}-W{iw:02d}-WE", "XXXX-WXX-WE", 0.75, mod=mod)]
    v = period_value(ctx.published, unit, off) if ctx.published else None
    conf = 0.9 if rel in ("this", "next", "last") else 0.7
    return [relative_reading(hit, ctx, v, unresolved_period(unit), conf, mod=mod)]


RELATIVE_HANDLERS: dict[str, Callable[[Hit, Context], list[Reading]]] = {
    "named_day": _named_day,
    "ago": _ago,
    "mention_day": _mention_day,
    "rel_unit": _rel_unit,
}
