"""Normalizers for calendar dates: "16 October 2024", "Aug. 7", "July", "Wednesday", "Christmas"."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping

from ..model import Anchor, Granularity, TimexType
from .anchoring import month_year, weekday_date
from .bundle import Lexicon
from .english.fragments import (
    DAY,
    EVENT_NAME,
    HOLIDAY,
    MODP,
    MONTH,
    MONTH_FULL,
    PART_OF_DAY,
    SPELLED_YEAR,
    WD,
    WEEKDAY,
    YEAR,
)
from .filters import next_word, prev_word
from .reading import (
    Context,
    Groups,
    Hit,
    Reading,
    absolute_reading,
    nearest_year,
    position_mod,
    relative_reading,
    valid_day,
)
from .rules import Rule
from .values import norm


def _month_day(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    words = ctx.lang.words
    mon = words.month_num[norm(g["mon"]).rstrip(".")]
    day = int("".join(c for c in g["day"] or "" if c.isdigit()))
    day2 = int("".join(c for c in g.get("day2") or "" if c.isdigit()) or 0)
    wd = _weekday_of(g.get("wd"), words.weekday_num)
    readings: list[Reading] = []
    m = hit.match
    first_end = m.end("day") if day2 else hit.end
    if g["year"]:
        y = int(g["year"])
        if not valid_day(y, mon, day):
            return []
        r = absolute_reading(hit, f"{y:04d}-{mon:02d}-{day:02d}")
        r.end = first_end
        readings.append(r)
    else:
        year: int | None = None
        told = _year_of_that_year(hit, ctx)
        if told is not None:
            year = told[0]  # "unveiled in January 2005 and first flew on April 27 that year"
        elif ctx.published is not None:
            year = nearest_year(ctx.published, mon, day, ctx.tense)
            if wd is not None:
                for y in (year, year + 1, year - 1):
                    if valid_day(y, mon, day) and dt.date(y, mon, day).weekday() == wd:
                        year = y
                        break
        if year is not None and not valid_day(year, mon, day):
            return []
        if not (1 <= day <= 31):
            return []
        value = f"{year:04d}-{mon:02d}-{day:02d}" if year is not None else None
        r = relative_reading(hit, ctx, value, f"XXXX-{mon:02d}-{day:02d}", 0.85)
        r.end = first_end
        if told is not None:
            r.anchor, r.anchor_start = Anchor.MENTION, told[1]
        readings.append(r)
    if day2 and day2 > day:
        first = readings[0]
        v2 = first.value[:8] + f"{day2:02d}"
        if first.value[:4].isdigit() and not valid_day(int(first.value[:4]), mon, day2):
            return readings
        coord = norm(g.get("rsep")) in ("and", "or")
        second = Reading(
            m.start("day2"),
            m.end("day2"),
            TimexType.DATE,
            v2,
            first.anchor,
            first.confidence,
            needs_anchor=first.needs_anchor,
            role="member" if coord else "end",
        )
        if g["year"]:
            # the year closes the whole range: "July 9-11, 2024" -> the second part ends after the year
            second.end = hit.end
        first.role = "member" if coord else "start"
        readings.append(second)
    return readings


def _event_name(hit: Hit, ctx: Context) -> list[Reading]:
    """ "Black Monday", "the September 11 attacks": a day named for an event is that event's date, or
    no date at all when the name does not say which (never this week's Monday)."""
    key = re.sub(r"(\d)(?:st|nd|rd|th)\b", r"\1", norm(hit.match.group(0)).replace(".", ""))
    value = ctx.lang.words.events.get(key, "")
    return [absolute_reading(hit, value, 0.8)] if value else []


def _weekday_of(word: str | None, weekday_num: Mapping[str, int]) -> int | None:
    """The weekday of a name or an abbreviation ("Thurs."), None without one."""
    if not word:
        return None
    head = norm(word).rstrip(".")[:3]
    wd = weekday_num.get(head + "day")
    if wd is None:
        wd = next((n for k, n in weekday_num.items() if k.startswith(head)), None)
    return wd


def _iso(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    y, m, d = int(g["y"] or 0), int(g["m"] or 0), int(g["d"] or 0)
    if not valid_day(y, m, d):
        return []
    if g["hh"]:
        return [
            absolute_reading(
                hit, f"{y:04d}-{m:02d}-{d:02d}T{g['hh']}:{g['mi']}", type=TimexType.TIME
            )
        ]
    return [absolute_reading(hit, f"{y:04d}-{m:02d}-{d:02d}")]


def _numeric(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    a, b, c = int(g["a"] or 0), int(g["b"] or 0), g["c"] or ""
    y = int(c) if len(c) == 4 else (2000 + int(c) if int(c) < 50 else 1900 + int(c))
    if g["sep"] == "/":
        mo, d = (a, b) if a <= 12 else (b, a)
        if valid_day(y, mo, d):
            return [absolute_reading(hit, f"{y:04d}-{mo:02d}-{d:02d}", 0.8)]
        return []
    # dotted dates are day-first in most of the world, but let dateparser decide with its own heuristics
    from .fallback import parse_date

    day = parse_date(ctx.text[hit.start : hit.end], ctx.published, ctx.tense)
    if day is None:
        return []
    return [absolute_reading(hit, day.isoformat(), 0.7)]


def _month_year(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    words = ctx.lang.words
    mon = words.month_num[norm(g["mon"]).rstrip(".")]
    mod = position_mod(g["mod"], words)
    year = g["year"] or words.spelled_year(g.get("years"))
    if year:
        return [absolute_reading(hit, f"{int(year):04d}-{mon:02d}", mod=mod)]
    rel = norm(g["rel"])
    off = {"last": -1, "next": 1}.get(rel, 0)
    value = f"{ctx.published.year + off:04d}-{mon:02d}" if ctx.published else None
    return [relative_reading(hit, ctx, value, f"XXXX-{mon:02d}", 0.9, mod=mod)]


def _month(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    mon = ctx.lang.words.month_num[norm(g["mon"]).rstrip(".")]
    mod = position_mod(g["mod"], ctx.lang.words)
    rel = norm(g["rel"])
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, f"XXXX-{mon:02d}", 0.8, mod=mod)]
    told = _year_told(hit, ctx) if not rel and ctx.tense == "past" else None
    if told is not None:
        # "cut its dividend in March 2009, forcing funds to sell in April": that year's April
        y, m0, at = told
        y += 1 if m0 is not None and mon < m0 else 0
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DATE,
                f"{y:04d}-{mon:02d}",
                Anchor.MENTION,
                0.8,
                anchor_start=at,
                mod=mod,
            )
        ]
    if rel:
        y = month_year(ctx.published, mon, ctx.tense, rel)
    elif ctx.lang.cues.since_before.search(ctx.text, max(0, hit.start - 16), hit.start):
        y = month_year(ctx.published, mon, "past", "")  # "up 60% since March": this March at latest
    else:
        y = nearest_year(ctx.published, mon, 15, ctx.tense)
    alts = tuple(
        f"{yy:04d}-{mon:02d}" for yy in (y - 1, y + 1) if abs(yy - ctx.published.year) <= 1
    )
    return [relative_reading(hit, ctx, f"{y:04d}-{mon:02d}", "", 0.8, mod=mod, alternatives=alts)]


# The words before a month that tell when something in the account happened ("in April").
_NARRATING = frozenset({"in", "by", "until", "till", "through", "during"})
_SENTENCE_END = re.compile(r"[.!?][\"”’)']*\s")  # any full stop: an abbreviation too


_THAT_YEAR_AFTER = re.compile(r",?\s+(?:of\s+)?(?:that|the\s+same)\s+(?:same\s+)?year\b", re.I)


def _year_of_that_year(hit: Hit, ctx: Context) -> tuple[int, int] | None:
    """(year, where it stands) of "April 27 that year": the year told just before."""
    if not _THAT_YEAR_AFTER.match(ctx.text, hit.end):
        return None
    last = ctx.last_mention(hit.start, Granularity.YEAR)
    if last is None or not last.value[:4].isdigit() or hit.start - last.end > 300:
        return None
    return int(last.value[:4]), last.start


def _year_told(hit: Hit, ctx: Context) -> tuple[int, int | None, int] | None:
    """(year, month or None, where it stands) of a date given earlier in the sentence of ``hit``
    with a year of its own ("in March 2009, ... in April"): a bare month in a past clause after it
    continues that account. None when the sentence gives none, or gives the publication year."""
    if prev_word(ctx.text, hit.start) not in _NARRATING:
        return None  # "as of February, the store accounts for": a point the present counts from
    last = ctx.last_mention(hit.start, Granularity.YEAR)
    if last is None or hit.start - last.end > 150 or not last.value[:4].isdigit():
        return None
    if prev_word(ctx.text, last.start) in ("since", "from"):
        return None  # "since its launch in 2003": where a span starts, not the account's year
    if _SENTENCE_END.search(ctx.text, last.end, hit.start) or ctx.published is None:
        return None
    year = int(last.value[:4])
    if year == ctx.published.year:
        return None
    month = last.value[5:7]
    return year, int(month) if len(last.value) >= 7 and month.isdigit() else None, last.start


def _weekday(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    words = ctx.lang.words
    wd = words.weekday_num[norm(g["wd"])]
    pod = words.parts_of_day.get(norm(g["pod"]), "")
    mod = position_mod(g["mod"], words)
    # a part of a day is a time, as the TimeML guidelines type it ("Friday morning", like "this
    # morning"), though TimeBank's annotators often typed it DATE
    typ = TimexType.TIME if pod else TimexType.DATE
    suffix = f"T{pod}" if pod else ""
    if ctx.published is None:
        return [
            relative_reading(hit, ctx, None, f"XXXX-WXX-{wd + 1}{suffix}", 0.8, mod=mod, type=typ)
        ]
    rel = norm(g["rel"])
    tense = ctx.tense
    if not rel and ctx.text.startswith(("'s", "’s"), hit.end) and tense != "past":
        tense = "past"  # "Wednesday's ruling": a day whose event is already reported on
    if not rel and _names_deadline(ctx, hit):
        tense = "future"
    d = weekday_date(ctx.published, wd, tense, rel)
    if rel == "previous" and ctx.text[max(0, hit.start - 4) : hit.start].lower() == "the ":
        # "the previous Friday" counts back from the day last mentioned, not from publication
        last = ctx.last_mention(hit.start, Granularity.DAY)
        if last is not None:
            p0 = dt.date.fromisoformat(last.value[:10])
            d = p0 - dt.timedelta(days=(p0.weekday() - wd) % 7 or 7)
            return [
                Reading(
                    hit.start,
                    hit.end,
                    TimexType.DATE,
                    d.isoformat(),
                    Anchor.MENTION,
                    0.75,
                    anchor_start=last.start,
                    mod=mod,
                )
            ]
    prev = ctx.mentions[-1] if ctx.mentions else None
    if (
        prev is not None
        and prev.rule == "weekday"
        and ctx.lang.cues.range_gap.fullmatch(ctx.text, prev.end, hit.start)
    ):
        # "from Monday to Wednesday": the end of a weekday range follows its start
        p0 = dt.date.fromisoformat(prev.value[:10])
        d = p0 + dt.timedelta(days=(wd - p0.weekday()) % 7 or 7)
    alts = tuple(
        x.isoformat()
        for x in (
            weekday_date(ctx.published, wd, "past", ""),
            weekday_date(ctx.published, wd, "future", ""),
        )
        if x != d
    )
    conf = 0.9 if ctx.tense or g["rel"] or d == ctx.published else 0.7
    r = relative_reading(
        hit, ctx, d.isoformat() + suffix, "", conf, mod=mod, type=typ, alternatives=alts[:1]
    )
    lead = ctx.lang.cues.day_before.search(ctx.text, max(0, hit.start - 20), hit.start)
    if lead and not suffix:
        # "the day before last Tuesday's hearing": one day off the weekday, one expression
        r.start = lead.start()
        r.value = (
            d + dt.timedelta(days=-1 if lead.group(1).lower() == "before" else 1)
        ).isoformat()
    return [r]


_DEADLINE_BEFORE = re.compile(r"\b(\w+)\s+(?:is|will\s+be|falls\s+on|of|on)\s+$", re.I)
_CLAUSE_START = re.compile(r"[.;!?]\s|,")


def _names_deadline(ctx: Context, hit: Hit) -> bool:
    """Is the weekday a deadline still ahead: "the deadline is Friday", "set a Friday deadline",
    "ahead of Thursday's deadline", with no "missed" or "passed" in its clause? (A deadline in a
    clause of no tense, "completed by the Tuesday deadline", may be behind the writer.)"""
    words = ctx.lang.cues.words
    after = next_word(ctx.text, hit.end + (2 if ctx.text.startswith(("'s", "’s"), hit.end) else 0))
    before = _DEADLINE_BEFORE.search(ctx.text, max(0, hit.start - 30), hit.start)
    if after not in words["deadline_nouns"] and (
        before is None or before.group(1).lower() not in words["deadline_nouns"]
    ):
        return False
    lo = max(0, hit.start - 80)
    cuts = list(_CLAUSE_START.finditer(ctx.text, lo, hit.start))
    clause = ctx.text[cuts[-1].end() if cuts else lo : hit.start].lower().split()
    later = ctx.text[hit.end : hit.end + 40].lower().split()
    near = [w.strip(".,;") for w in clause + later[:4]]
    if any(w in words["deadline_gone"] for w in near):
        return False
    return ctx.tense == "present" or any(w in words["deadline_ahead"] for w in near)


def iso_week(value: str) -> str:
    """The ISO week (TIMEX3 ``YYYY-Www``) holding a full ``YYYY-MM-DD`` value; other values unchanged."""
    if len(value) != 10 or not value[:4].isdigit():
        return value
    iy, iw, _ = dt.date.fromisoformat(value).isocalendar()
    return f"{iy:04d}-W{iw:02d}"


def _week_of(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the week of March 6": the (ISO) week holding that day; "the weekend of October 11": its
    weekend."""
    day = _month_day(
        Hit("month_day", hit.start, hit.end, {**hit.groups, "wd": None}, hit.match), ctx
    )
    if not day:
        return []
    r = day[0]
    r.start, r.end = hit.start, hit.end
    r.value = iso_week(r.value) if r.value[:4].isdigit() else "XXXX-WXX"
    if hit.groups.get("we"):
        r.value += "-WE"
    return [r]


def _holiday(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    name = norm(g["h"]).replace("’", "'")
    on = ctx.lang.words.holidays[name]

    week = bool(g.get("wk"))  # "Easter week": the week holding the holiday
    if g["year"]:
        return [absolute_reading(hit, on(int(g["year"])).isoformat())]
    if ctx.published is None:
        unresolved = "XXXX-WXX-WE" if g.get("wkend") else "XXXX-WXX" if week else "XXXX-XX-XX"
        return [relative_reading(hit, ctx, None, unresolved, 0.8)]
    p = ctx.published
    rel = norm(g["rel"])
    this = on(p.year)
    if rel == "last":
        d = this if this <= p else on(p.year - 1)
    elif rel == "next":
        d = this if this >= p else on(p.year + 1)
    elif rel == "this":
        d = this
    else:
        # like a month and day: the nearest occurrence, the clause tense tipping the balance
        d = on(nearest_year(p, this.month, this.day, ctx.tense))
        if d.year != p.year:
            d = on(d.year)  # a movable feast falls on its own day in that year
    v = d.isoformat()
    if g.get("wkend"):
        return [_holiday_weekend(hit, ctx, d)]
    return [relative_reading(hit, ctx, iso_week(v) if week else v, "", 0.85)]


def _holiday_weekend(hit: Hit, ctx: Context, day: dt.date) -> Reading:
    """ "the Memorial Day weekend": the weekend next to the holiday, before a Monday one, around a
    Thursday to Sunday one; the article before the name is the expression's."""
    if day.weekday() < 3:
        day -= dt.timedelta(days=day.weekday() + 1)
    iy, iw, _ = day.isocalendar()
    r = relative_reading(hit, ctx, f"{iy:04d}-W{iw:02d}-WE", "", 0.75)
    if ctx.text[max(0, hit.start - 4) : hit.start].lower() == "the ":
        r.start -= 4
    return r


def _keep_month(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    may_context = lang.cues.words["may_context"]
    mon = (g["mon"] or "").lower()
    if mon == "may" and not g["mod"] and not g["rel"]:
        return prev_word(text, start) in may_context
    if mon in ("march", "august") and not g["mod"] and not g["rel"]:
        # "March" / "August" open sentences as verbs or adjectives too; want a date-like neighbour
        nxt = next_word(text, end)
        prev = prev_word(text, start)
        return prev in may_context or nxt in ("and", "or", "to", "through")
    return True


RULES = (
    Rule(
        "iso_date",
        10,
        r"(?<![\d.,/-])(?P<y>1\d{3}|20\d{2})-(?P<m>0[1-9]|1[0-2])-(?P<d>0[1-9]|[12]\d|3[01])(?:T(?P<hh>[01]\d|2[0-3]):(?P<mi>[0-5]\d))?(?!\d)",
        _iso,
    ),
    Rule(
        "numeric_date",
        20,
        r"(?<![\d.,/$])(?P<a>\d{1,2})(?P<sep>[/.])(?P<b>\d{1,2})(?P=sep)(?P<c>\d{4}|\d{2})(?![\d/]|\.\d)",
        _numeric,
    ),
    Rule(
        "week_of",
        30,
        rf"(?:the\s+)?week(?P<we>end)?\s+of\s+(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?",
        _week_of,
        tense=True,
    ),
    Rule("event_name", 45, EVENT_NAME, _event_name),
    Rule(
        "month_day",
        50,
        rf"(?:(?P<wd>{WD}),?\s+)?(?P<mon>{MONTH})\s+(?P<day>{DAY})"
        rf"(?:(?P<rsep>\s*[-–]\s*|\s+(?:to|through|until|and|or)\s+)(?P<day2>{DAY})(?!\s+{MONTH}))?"
        rf"(?:,?\s+(?P<year>{YEAR}))?",
        _month_day,
        tense=True,
    ),
    Rule(
        "day_month",
        60,
        rf"(?:(?P<wd>{WD}),?\s+)?(?:the\s+)?(?P<day>{DAY})(?:\s+of)?\s+(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?",
        _month_day,
        tense=True,
    ),
    Rule(
        "month_year",
        200,
        rf"(?P<mod>{MODP})?(?P<mon>{MONTH})(?:\s+of)?(?:,?\s+(?P<year>{YEAR})|\s+(?P<years>{SPELLED_YEAR})"
        rf"|\s+(?:of\s+)?(?P<rel>this|last|next)\s+year(?!\w))",
        _month_year,
    ),
    Rule(
        "month",
        210,
        rf"(?P<mod>{MODP})?(?:(?P<rel>last|next|this|past|coming)\s+)?(?P<mon>{MONTH_FULL}|(?-i:Sept\.))",
        _month,
        keep=_keep_month,
        tense=True,
    ),
    Rule(
        "weekday",
        220,
        rf"(?:(?P<mod>early|late)\s+)?(?:(?P<rel>last|next|this|coming|past|previous)\s+)?(?P<wd>{WEEKDAY})"
        rf"(?:\s+(?P<pod>{PART_OF_DAY}))?",
        _weekday,
        tense=True,
    ),
    Rule(
        "holiday",
        240,
        rf"(?:(?P<rel>last|next|this)\s+)?(?P<h>{HOLIDAY})"
        rf"(?:(?P<wk>\s+week)|(?P<wkend>(?:\s+holiday)?\s+weekend)|,?\s+(?P<year>{YEAR}))?(?!\w)",
        _holiday,
        tense=True,
    ),
)
