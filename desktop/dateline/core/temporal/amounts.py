"""Normalizers for amounts of time and vague times: durations, sets (frequencies), PRESENT/PAST/FUTURE_REF."""

from __future__ import annotations

import re
from collections.abc import Callable

from ..model import Anchor, TimexType
from .grammar import Hit
from .lexicon import APPROX_MOD, WEEKDAY_NUM
from .reading import Context, Reading
from .values import duration_value, norm, parse_number, unit_key

_SET_CONTEXT = re.compile(
    r"(?:\d|[$€£¥%]|\b(?:times|once|twice|percent|million|billion|cents?)\b)[^.;!?\n]{0,40}$", re.I
)


def _is_rate(ctx: Context, start: int) -> bool:
    return bool(_SET_CONTEXT.search(ctx.text, max(0, start - 45), start))


_LEAD_THE = re.compile(r"the\s+", re.I)
_SOMEDAY_BEFORE = re.compile(
    r"\b(?:will|would|could|might|may|can|shall|should|must|to|i|you|he|she|we|they|it)\s+$", re.I
)
_WORD_AFTER = re.compile(
    r"\s+(?!(?:a|an|the|of|and|or|per|each|every|later|earlier|before|after|ago|in|on|at|to|for|from)\b)"
    r"[a-z]+\b"
)


def _duration(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    n_text = norm(g["n"])
    n = parse_number(n_text)
    if n is not None and g["half"]:
        n += 0.5
    unit = unit_key(g["unit"])
    mod = APPROX_MOD.get(norm(g["approx"]), "")
    if n_text in ("a", "an") and not g["dir"] and not g["approx"] and _is_rate(ctx, hit.start):
        return [
            Reading(
                hit.start, hit.end, TimexType.SET, duration_value(1, unit), Anchor.ABSOLUTE, 0.8
            )
        ]
    if n_text == "one" and unit == "day" and not g["dir"] and not g["approx"]:
        before = _SOMEDAY_BEFORE.search(ctx.text, max(0, hit.start - 12), hit.start)
        if before and _WORD_AFTER.match(ctx.text, hit.end):
            # "Islam will one day be ...", "the hope he one day follows": someday, not 24 hours
            anchor = Anchor.PUBLISHED if ctx.published else Anchor.NONE
            return [Reading(hit.start, hit.end, TimexType.DATE, "FUTURE_REF", anchor, 0.6)]
    start = hit.start
    lead = _LEAD_THE.match(ctx.text, start, hit.end)
    if lead and not g["dir"] and "-" in ctx.text[hit.match.start("n") : hit.end]:
        # "the 14-day strike": the determiner belongs to the noun, the timex is the adjective
        start = lead.end()
    value = duration_value(n, unit)
    return [Reading(start, hit.end, TimexType.DURATION, value, Anchor.ABSOLUTE, 0.85, mod=mod)]


def _vague_plural(hit: Hit, ctx: Context) -> list[Reading]:
    """ "recent years", "for years": a duration of unknown length (PXY), as TimeML annotates them."""
    unit = unit_key(hit.groups["unit"])
    return [
        Reading(
            hit.start, hit.end, TimexType.DURATION, duration_value(None, unit), Anchor.ABSOLUTE, 0.6
        )
    ]


_ADVERB_SET = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "semiannually": "P6M",
    "hourly": "PT1H",
}


def _set(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    if g["mon"]:
        from .lexicon import MONTH_NUM

        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.SET,
                f"XXXX-{MONTH_NUM[norm(g['mon'])]:02d}",
                Anchor.ABSOLUTE,
                0.8,
            )
        ]
    if g["adv"]:
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.SET,
                _ADVERB_SET[norm(g["adv"])],
                Anchor.ABSOLUTE,
                0.85,
            )
        ]
    unit = unit_key(g["unit"] or g["unit2"])
    n = parse_number(g["n"]) if g["n"] else 1.0
    if g["every"] and "other" in norm(ctx.text[hit.start : hit.end]):
        n = (n or 1) * 2
    return [
        Reading(hit.start, hit.end, TimexType.SET, duration_value(n, unit), Anchor.ABSOLUTE, 0.85)
    ]


def _weekday_set(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    name = norm(g["wd1"] or (g["wd2"] or "")[:-1])
    return [
        Reading(
            hit.start,
            hit.end,
            TimexType.SET,
            f"XXXX-WXX-{WEEKDAY_NUM[name] + 1}",
            Anchor.ABSOLUTE,
            0.8,
        )
    ]


_PRESENT = {
    "now",
    "right now",
    "nowadays",
    "currently",
    "current",
    "presently",
    "at present",
    "the present",
    "the present day",
    "these days",
}
_FUTURE = {"future", "the future", "soon", "the near term", "the short term", "a later date"}


def _ref(hit: Hit, ctx: Context) -> list[Reading]:
    r = norm(hit.groups["r"])
    if r == "then current":
        v = "PAST_REF"  # "the then current price": what was current at the time told of
    elif r in _PRESENT:
        v = "PRESENT_REF"
    elif r in _FUTURE or r.endswith("future"):
        v = "FUTURE_REF"
    else:
        v = "PAST_REF"
    anchor = Anchor.PUBLISHED if ctx.published else Anchor.NONE
    return [
        Reading(
            hit.start, hit.end, TimexType.DATE, v, anchor, 0.7, needs_anchor=ctx.published is None
        )
    ]


AMOUNT_HANDLERS: dict[str, Callable[[Hit, Context], list[Reading]]] = {
    "duration": _duration,
    "vague_plural": _vague_plural,
    "set": _set,
    "weekday_set": _weekday_set,
    "ref": _ref,
}
