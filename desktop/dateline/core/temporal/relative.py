"""Normalizers for expressions relative to the publication date or to an earlier mention.

"yesterday", "two weeks ago", "the next day", "last year", "10 a.m. Wednesday", durations and sets.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Anchor, Granularity, TimexType
from ..timevalue import interval, value_at
from .anchoring import UNIT_GRANULARITY, shift, shift_value, weekday_date
from .bundle import Lexicon
from .comparisons import comparable_quarter
from .english.fragments import APPROX, MODP, NUMBER, REL, SEASON, UNIT_ANY, UNIT_SING
from .filters import in_name, next_word, prev_word
from .periods import _season
from .reading import Context, Groups, Hit, Reading, position_mod, relative_reading, without_particle
from .rules import Rule
from .tense import clause_tense
from .values import (
    UNITS,
    duration_value,
    norm,
    period_value,
    unit_letter,
    unresolved_period,
)

_MINUS = {"ago", "earlier", "before"}


def day_word_date(word: str, ctx: Context, start: int) -> tuple[dt.date | None, str]:
    """The date a day word ("Tuesday", "today") points at, and its unresolved placeholder."""
    w = norm(word)
    day_offset = ctx.lang.words.day_offset
    if w in day_offset:
        if ctx.published is None:
            return None, "XXXX-XX-XX"
        return ctx.published + dt.timedelta(days=day_offset[w]), ""
    wd = ctx.lang.words.weekday_num.get(w)
    if wd is None:
        return None, "XXXX-XX-XX"
    if ctx.published is None:
        return None, f"XXXX-WXX-{wd + 1}"
    return weekday_date(ctx.published, wd, ctx.tense, ""), ""


def _named_day(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    w = norm(g["w"])
    extra = {"before": -1, "after": 1}.get(norm(g["x"]), 0)
    mod = position_mod(g["mod"], ctx.lang.words)
    if w == "tonight":
        v = (
            (ctx.published + dt.timedelta(days=extra)).isoformat() + "TNI"
            if ctx.published
            else None
        )
        return [relative_reading(hit, ctx, v, "XXXX-XX-XXTNI", 0.9, type=TimexType.TIME, mod=mod)]
    v = (
        (ctx.published + dt.timedelta(days=ctx.lang.words.day_offset[w] + extra)).isoformat()
        if ctx.published
        else None
    )
    return [relative_reading(hit, ctx, v, "XXXX-XX-XX", 0.95, mod=mod)]


_TOLD = ("earlier", "later", "before", "after")
# a fraction of a unit counted in a finer one, when it comes out whole
_FINER = {
    "year": ("month", 12),
    "yr": ("month", 12),
    "week": ("day", 7),
    "fortnight": ("day", 14),
}  # counted from the time the story is at


def _vague_shift(hit: Hit, ctx: Context, unit: str, direction: str, mod: str) -> Reading:
    """ "a few days later", "some years ago": a shift by an amount the text does not give."""
    if direction in _TOLD:
        # "a few days later" in a story told in the past is not the writer's future: an unknown
        # distance from the event just told, which TimeML writes as the vague amount (PXD)
        value = duration_value(None, unit)
        return Reading(hit.start, hit.end, TimexType.DURATION, value, Anchor.ABSOLUTE, 0.6, mod=mod)
    ref = "PAST_REF" if direction in _MINUS else "FUTURE_REF"
    anchor = Anchor.PUBLISHED if ctx.published else Anchor.NONE
    return Reading(hit.start, hit.end, TimexType.DATE, ref, anchor, 0.6, mod=mod)


def _ago(hit: Hit, ctx: Context) -> list[Reading]:
    hit = without_particle(hit, ctx)
    g = hit.groups
    words = ctx.lang.words
    n = words.number(g["n"])
    unit = words.unit(g["unit"])
    direction = norm(g["dir"])
    mod = words.approx_mod.get(norm(g["approx"]), "")
    if n is not None and g["half"]:
        n += 0.5  # "a year and a half ago"
        if direction in _TOLD:
            # "a minute and a half later": the amount is the expression, counted from an event
            value = duration_value(n, unit)
            end = hit.match.end("half")
            return [
                Reading(hit.start, end, TimexType.DURATION, value, Anchor.ABSOLUTE, 0.7, mod=mod)
            ]
    if (
        n is not None
        and n != int(n)
        and unit in _FINER
        and n * _FINER[unit][1] == int(n * _FINER[unit][1])
    ):
        n, unit = n * _FINER[unit][1], _FINER[unit][0]  # "two and a half years ago": 30 months ago
    if n is None or n != int(n):
        return [_vague_shift(hit, ctx, unit, direction, mod)]
    k = int(n) * (-1 if direction in _MINUS else 1)
    if UNITS.get(unit, ("", False, 1))[1]:
        return [_clock_shift(hit, ctx, UNITS[unit][0], k, direction in _TOLD, mod)]
    letter = unit_letter(unit)
    if g["tail"]:
        tail = norm(g["tail"])
        gran = Granularity.DAY if tail == "today" else _TAIL[tail.split()[-1]]
        v = value_at(shift(ctx.published, letter, k), gran) if ctx.published else None
        return [relative_reading(hit, ctx, v, unresolved_period(unit), 0.8, mod=mod)]
    if letter == "Y" and k == -1:
        # "a year ago" in a results report compares with the same quarter of the previous year
        r = comparable_quarter(hit, ctx, mod)
        if r is not None:
            return [r]
    if direction in _TOLD:
        # counted from a date the text states, never from another shift of the publication date: in
        # "... from a year ago. Sales were X compared with Y a year earlier" both name the same period
        last = ctx.last_mention(hit.start, skip_shifted=True)
        v = shift_value(last.value, letter, k) if last is not None else None
        if last is not None and v:
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


_CLOCK = re.compile(r"\d{4}-\d\d-\d\dT\d\d:\d\d")
_SECONDS = {"H": 3600, "M": 60, "S": 1}


def _clock_shift(hit: Hit, ctx: Context, letter: str, k: int, told: bool, mod: str) -> Reading:
    """ "an hour later", "30 minutes ago": hours or minutes from a clock time told of (a time), else
    from the day told of or the publication day, moved only by the whole days in the amount."""
    seconds = _SECONDS[letter] * k
    days = dt.timedelta(days=int(abs(seconds) // 86400) * (1 if k > 0 else -1))
    last = ctx.last_mention(hit.start, skip_shifted=True) if told else None
    clock = _CLOCK.match(last.value) if last is not None else None
    if last is not None and clock is not None:
        at = dt.datetime.fromisoformat(clock.group(0)) + dt.timedelta(seconds=seconds)
        value = at.strftime("%Y-%m-%dT%H:%M")
        return Reading(hit.start, hit.end, TimexType.TIME, value, Anchor.MENTION, 0.7, mod=mod,
                       anchor_start=last.start)  # fmt: skip
    if last is not None and last.granularity in _DAY_OR_FINER and last.value[:4].isdigit():
        day = dt.date.fromisoformat(last.value[:10]) + days
        return Reading(hit.start, hit.end, TimexType.DATE, day.isoformat(), Anchor.MENTION, 0.6,
                       mod=mod, anchor_start=last.start)  # fmt: skip
    v = (ctx.published + days).isoformat() if ctx.published is not None else None
    return relative_reading(hit, ctx, v, "XXXX-XX-XX", 0.7, mod=mod)


_TAIL = {"month": Granularity.MONTH, "week": Granularity.WEEK}
_DAY_OR_FINER = (Granularity.DAY, Granularity.HOUR, Granularity.MINUTE)


def _mention_day(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    txt = norm(ctx.text[hit.start : hit.end])
    off = 0
    if any(w in txt for w in ("next", "following", "after")):
        off = 1
    elif any(w in txt for w in ("previous", "prior", "preceding", "before")):
        off = -1
    unit = norm(g["unit"])
    pod = ctx.lang.words.parts_of_day.get(unit, "")
    typ = TimexType.TIME if pod else TimexType.DATE
    # the day last told of: not one before a coarser date in between ("last October when he was
    # shot ... that same day" names a day of October, not the Thursday told of before)
    last = ctx.last_mention(hit.start, derived=True)
    if last is not None and last.derived and last.granularity not in _DAY_OR_FINER:
        last = ctx.last_mention(hit.start)  # "the following week. The same day": the day before
    if last is not None and last.granularity not in _DAY_OR_FINER:
        if off == 0 and not pod and last.granularity in (Granularity.WEEK, Granularity.MONTH):
            # "last October when he was shot ... that same day": a day of that month
            return [Reading(hit.start, hit.end, typ, last.value, Anchor.MENTION, 0.6,
                            anchor_start=last.start)]  # fmt: skip
        last = None
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


_FROM_MENTION = {
    "that",
    "same",
    "the same",
    "the following",
    "the previous",
    "the prior",
    "the preceding",
    # "in 2005 the firm lost money for the entire year": the whole of the period just told of
    "the whole",
    "the entire",
}
# how far back (characters) "the entire year" still means the year just told of; "the full year" is
# a results report's own (fiscal) year, read from publication
_WHOLE_REACH = 250
_POSTPOSED = {"previous": -1, "prior": -1, "before": -1, "earlier": -1, "after": 1, "later": 1}


# with no mention to count from, "the following year" is counted from publication
_MENTION_FALLBACK = {"the following": 1, "the previous": -1, "the prior": -1, "the preceding": -1}


def _unit_from_mention(
    hit: Hit, ctx: Context, letter: str, mod: str, off: int, reach: int | None
) -> Reading | None:
    """ "that year", "the following week": the period of the mention just before (at most ``reach``
    characters back), or ``off`` periods from it."""
    gran = UNIT_GRANULARITY.get(letter, Granularity.DAY)
    last = ctx.last_mention(hit.start, gran)
    if last is None or (reach is not None and hit.start - last.start > reach):
        return None
    v = shift_value(last.value, letter, off)
    if not v:
        return None
    a = interval(v)[0]
    v2 = value_at(a, gran) if a and letter != "WE" else v
    return Reading(
        hit.start,
        hit.end,
        TimexType.DATE,
        v2,
        Anchor.MENTION,
        0.7,
        mod=mod,
        anchor_start=last.start,
    )


def _weekend(hit: Hit, ctx: Context, published: dt.date, rel: str, mod: str) -> Reading:
    """A weekend is read like its Saturday: in a past clause, the one just gone; "this weekend"
    otherwise is the one of the publication week."""
    tense = ctx.tense or clause_tense(ctx.text, hit.start, hit.end, ctx.lang.cues)
    if rel in ("last", "past"):
        pick = rel
    elif rel == "this" and tense != "past":
        pick = "this"
    else:
        pick = ""
    sat = weekday_date(published, 5, tense, pick)
    iy, iw, _ = sat.isocalendar()
    return relative_reading(hit, ctx, f"{iy:04d}-W{iw:02d}-WE", "XXXX-WXX-WE", 0.75, mod=mod)


_FULL = frozenset({"the full", "the whole", "the entire"})


def _year_just_ended(hit: Hit, ctx: Context) -> bool:
    """ "Sales for the full year fell" in a January report: the year just ended, whose results
    come out in the first quarter of the next; later in the year, this year so far."""
    assert ctx.published is not None
    if ctx.published.month > 3:
        return False
    return clause_tense(ctx.text, hit.start, hit.end, ctx.lang.cues) == "past"


def _rel_unit(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    words = ctx.lang.words
    rel = norm(g["rel"])
    unit = words.unit(g["unit"])
    mod = position_mod(g["mod"], words)
    if unit in words.seasons:
        h2 = Hit(
            "season",
            hit.start,
            hit.end,
            {"s": unit, "mod": g["mod"], "rel": rel, "y1": None, "y2": None},
            hit.match,
        )
        return _season(h2, ctx)
    letter = unit_letter(unit)
    ended = rel == "the" and ctx.lang.cues.period_ended.match(ctx.text, hit.end) is not None
    # "the past decade" is the ten years up to now, not the calendar decade before this one
    span = letter in ("DE", "CE") and words.rel_offset.get(rel) == -1
    if ended or span or letter == "S" or unit in ("hour", "minute", "second"):
        # "the year ended March 31": a reporting period, one year long, not the publication year;
        # "this hour": an amount
        value = duration_value(1, unit)
        conf = 0.7 if ended or span else 0.6
        return [Reading(hit.start, hit.end, TimexType.DURATION, value, Anchor.ABSOLUTE, conf)]
    post = _POSTPOSED.get(norm(g["post"]), 0) if rel == "the" else 0
    whole = rel in ("the whole", "the entire")
    if (rel in _FROM_MENTION and not (whole and letter == "WE")) or post:
        off = post or _MENTION_FALLBACK.get(rel, 0)
        reach = _WHOLE_REACH if whole else None
        r = _unit_from_mention(hit, ctx, letter, mod, off, reach)
        if r is not None:
            return [r]
    told = ctx.last_mention(hit.start) if rel == "the" and not g["fiscal"] else None
    if (
        told is not None
        and told.granularity is UNIT_GRANULARITY.get(letter)
        and hit.start - told.start < 200
        and prev_word(ctx.text, hit.start) == "for"
    ):
        # "the index ended April up 1.5 percent for the month": the month just told of, when nothing
        # else was told of since
        r = _unit_from_mention(hit, ctx, letter, mod, 0, None)
        if r is not None:
            return [r]
    weekend_rel = ("this", "the", "the whole", "that", "past", "last", "the past")
    if letter == "WE" and ctx.published and rel in weekend_rel:
        return [_weekend(hit, ctx, ctx.published, rel, mod)]
    off = post or (
        words.rel_offset.get(rel, 0) if rel not in _FROM_MENTION else _MENTION_FALLBACK.get(rel, 0)
    )
    if letter == "Y" and rel in _FULL and ctx.published and _year_just_ended(hit, ctx):
        off = -1
    v = period_value(ctx.published, unit, off) if ctx.published else None
    conf = 0.9 if rel in ("this", "next", "last") else 0.7
    return [relative_reading(hit, ctx, v, unresolved_period(unit), conf, mod=mod)]


def _keep_named_day(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    # "today" is written in lower case inside a sentence: a capitalised one there is (part of) a name
    # ("This is VOA Today.", "the Today programme")
    return not in_name(text, start, end)


def _keep_mention_day(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    bare_the = re.match(r"the\s+(?:day|morning|night|evening|afternoon)", text[start:end], re.I)
    return not (bare_the and not g["dir"])


def _keep_rel_unit(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    rel = re.sub(r"\s+", " ", (g["rel"] or "").lower())
    unit = (g["unit"] or "").lower()
    if rel == "the":
        if unit == "decade" and g["mod"]:
            return (
                True  # "by the end of the decade": this decade's end; a bare "the decade" is vaguer
            )
        return unit in ("year", "month", "week", "weekend", "quarter") and next_word(
            text, end
        ) not in ("of", "before", "after", "when", "that", "in")
    if rel in ("that", "same"):
        return unit in (
            "day",
            "year",
            "month",
            "week",
            "night",
            "morning",
            "evening",
            "afternoon",
            "time",
        )
    return not (unit in ("fall", "spring", "summer", "winter", "autumn") and rel in ("the",))


RULES = (
    Rule(
        "ago",
        150,
        rf"(?:(?P<approx>{APPROX})\s+)?(?P<n>{NUMBER})(?:\s+(?:more|full))?[\s-]+(?P<unit>{UNIT_ANY})(?P<half>\s+and\s+a\s+half)?\s+(?P<dir>ago|(?:earlier|later)(?!\s+than\b)|(?:before|after)(?=\s*[,.;:!?)]|\s*$)|from\s+now|hence)(?!\w)"
        # "two years ago this month": the month (week, day) a number of years back
        r"(?:(?:(?<=years\sago)|(?<=year\sago))\s+(?P<tail>this\s+(?:month|week)|today)(?!\w))?",
        _ago,
        shifts_publication=True,
    ),
    Rule(
        "mention_day",
        160,
        r"(?:the\s+(?:next|following|previous|same|prior|preceding)|that(?:\s+same)?|the)\s+(?P<unit>day|morning|night|evening|afternoon)(?:\s+(?P<dir>before|after)(?=\s*[,.;:!?)]|\s*$))?(?!\w)",
        _mention_day,
        keep=_keep_mention_day,
    ),
    Rule(
        "named_day",
        170,
        r"(?:(?P<mod>early|late|earlier|later)\s+)?(?:the\s+day\s+(?P<x>before|after)\s+)?(?P<w>today|yesterday|tomorrow|tonight)(?!\w)",
        _named_day,
        keep=_keep_named_day,
        title=True,
    ),
    Rule(
        "rel_unit",
        270,
        rf"(?P<mod>{MODP})?(?P<rel>{REL})\s+(?:(?P<fiscal>fiscal|calendar)\s+)?(?P<unit>{UNIT_SING}|{SEASON})(?!\w)(?!-)"
        # "the year previous", "the month after": counted from the period just told of. "before"
        # and "after" only at a clause's end ("the day after the vote" is the vote's); the others
        # are never prepositions ("prior to" aside), so "the year previous they fell" reads too
        r"(?:\s+(?P<post>(?:before|after)(?=\s*[,.;:!?)]|\s*$)"
        r"|(?:previous|earlier|later)(?!\w)|prior(?!\w)(?!\s+to\b)))?",
        _rel_unit,
        keep=_keep_rel_unit,
        title=True,
    ),
)
