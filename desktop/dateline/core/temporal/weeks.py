"""Weeks and weekdays counted within a month or a year ("the last week of March", "the first week of
the year", "the third Tuesday of May", "the first weekend of June") or from another day ("a week from
Monday", "the following Tuesday").

A week belongs to the month holding its Thursday, as ISO weeks belong to years: "the first week of March"
is the ISO week holding March 4, "the last week of March" the one holding March 28 (of a 31-day month).
The month's year is read as a bare month's is: the nearest, the clause tense tipping the balance.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from ..model import Anchor, Granularity, TimexType
from .anchoring import month_year, nth_weekday, weekday_date
from .bundle import Lexicon
from .english.fragments import MONTH, WEEKDAY, YEAR
from .reading import Context, Groups, Hit, Reading, absolute_reading, nearest_year, relative_reading
from .rules import Rule
from .values import norm

_COUNT = {"first": 1, "1st": 1, "second": 2, "2nd": 2, "third": 3, "3rd": 3, "fourth": 4, "4th": 4}
_LAST = ("last", "final")


def _year_month(hit: Hit, ctx: Context) -> tuple[int | None, int | None, bool]:
    """(year, month or None for a whole year, stated outright) of the period the count is within."""
    g = hit.groups
    p = ctx.published
    if g["mon"]:
        mon = ctx.lang.words.month_num[norm(g["mon"]).rstrip(".")]
        if g["year"]:
            return int(g["year"]), mon, True
        if p is None:
            return None, mon, False
        rel = norm(g["mrel"])
        y = month_year(p, mon, ctx.tense, rel) if rel else nearest_year(p, mon, 15, ctx.tense)
        return y, mon, False
    if g["y"]:
        return int(g["y"]), None, True
    if p is None:
        return None, None, False
    step = {"last": -1, "next": 1}.get(norm(g["rel"]), 0)
    if not g["rel"] and ctx.tense == "future" and _passed(hit, ctx, p):
        step = 1  # "will resume in the first week of the year", said in October: next year's
    if norm(g["unit"]) == "month":
        month = p.month + step
        return p.year + (month - 1) // 12, (month - 1) % 12 + 1, False
    return p.year + step, None, False


def _passed(hit: Hit, ctx: Context, published: dt.date) -> bool:
    """Has the week or day counted within this month or year ("the first week of the year") ended?"""
    g = hit.groups
    n = -1 if norm(g["ord"]) in _LAST else _COUNT[norm(g["ord"])]
    month = published.month if norm(g["unit"]) == "month" else None
    wd = ctx.lang.words.weekday_num.get(norm(g["kind"]))
    if wd is not None and month is not None:
        return nth_weekday(published.year, month, wd, n) < published
    return _nth_week(published.year, month, n) + dt.timedelta(days=3) < published


def _nth_week(year: int, month: int | None, n: int) -> dt.date:
    """The Thursday of the n-th (-1: last) week of a month or year."""
    if month is None:
        start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    else:
        start = dt.date(year, month, 1)
        end = dt.date(year, month, calendar.monthrange(year, month)[1])
    if n > 0:
        first = start + dt.timedelta(days=(3 - start.weekday()) % 7)
        return first + dt.timedelta(weeks=n - 1)
    return end - dt.timedelta(days=(end.weekday() - 3) % 7)


_THE_BEFORE = re.compile(r"\bthe\s+$", re.I)


def _with_the(hit: Hit, ctx: Context, readings: list[Reading]) -> list[Reading]:
    """The readings widened over a "the" just before the match: the rules start at their rarer
    second word, so that the scan does not stop at every "the"."""
    lead = _THE_BEFORE.search(ctx.text, max(0, hit.start - 6), hit.start)
    for r in readings if lead else ():
        r.start = lead.start() if lead else r.start
    return readings


def _counted(hit: Hit, ctx: Context) -> list[Reading]:
    return _with_the(hit, ctx, _counted_in(hit, ctx))


def _counted_in(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    o = norm(g["ord"])
    n = -1 if o in _LAST else _COUNT[o]
    year, month, stated = _year_month(hit, ctx)
    kind = norm(g["kind"])
    wd = ctx.lang.words.weekday_num.get(kind)
    if year is None:
        unresolved = f"XXXX-{month:02d}" if month else "XXXX"
        return [relative_reading(hit, ctx, None, unresolved, 0.7)]
    if wd is not None and month is not None:
        d = nth_weekday(year, month, wd, n)
        if d.month != month:
            return []  # "the fifth Monday" of a month with four
        value = d.isoformat()
    else:
        iy, iw, _ = _nth_week(year, month, n).isocalendar()
        value = f"{iy:04d}-W{iw:02d}" + ("-WE" if kind == "weekend" else "")
    if stated:
        return [absolute_reading(hit, value, 0.9, type=TimexType.DATE)]
    return [relative_reading(hit, ctx, value, "", 0.8)]


def _keep_counted(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    # a weekday is counted within a month ("the third Tuesday of May"), not within a year
    return norm(g["kind"]).startswith("week") or bool(g["mon"] or norm(g["unit"]) == "month")


def _following(hit: Hit, ctx: Context) -> list[Reading]:
    return _with_the(hit, ctx, _following_day(hit, ctx))


def _following_day(hit: Hit, ctx: Context) -> list[Reading]:
    """ "the following Tuesday": the first such weekday after the day just told of; with none told,
    the clause tense reads it from publication."""
    wd = ctx.lang.words.weekday_num[norm(hit.groups["wd"])]
    last = ctx.last_mention(hit.start, Granularity.DAY, derived=True)
    if last is not None and last.value[:4].isdigit():
        told = dt.date.fromisoformat(last.value[:10])
        d = told + dt.timedelta(days=(wd - told.weekday()) % 7 or 7)
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.DATE,
                d.isoformat(),
                Anchor.MENTION,
                0.75,
                anchor_start=last.start,
            )
        ]
    if ctx.published is None:
        return [relative_reading(hit, ctx, None, f"XXXX-WXX-{wd + 1}", 0.6)]
    d = weekday_date(ctx.published, wd, ctx.tense or "future", "next")
    return [relative_reading(hit, ctx, d.isoformat(), "", 0.6)]


def _from_day(hit: Hit, ctx: Context) -> list[Reading]:
    """ "a week from Monday", "two weeks from today": that many days or weeks after the day named."""
    g = hit.groups
    words = ctx.lang.words
    n = words.number(norm(g["n"]))
    if n is None or n != int(n) or ctx.published is None:
        return [relative_reading(hit, ctx, None, "XXXX-XX-XX", 0.6)]
    base = norm(g["base"])
    if base in ("today", "tomorrow"):
        day = ctx.published + dt.timedelta(days=base == "tomorrow")
    else:
        rel = norm(g["rel"])
        day = weekday_date(ctx.published, words.weekday_num[base], "future", rel)
    days = int(n) * (7 if norm(g["unit"]).startswith("week") else 1)
    return [relative_reading(hit, ctx, (day + dt.timedelta(days=days)).isoformat(), "", 0.8)]


RULES = (
    Rule(
        "counted_in_period",
        25,  # before "week_of" and "month_year": the count is the expression
        # "the last week" is read by other rules from "the": so is this, for "last" and "final"
        # (a first letter checked alone first: the master pattern tries this rule at every start)
        rf"(?=[tfsl1-4])(?:the\s+(?=last|final))?(?P<ord>first|second|third|fourth|1st|2nd|3rd|4th|last|final)\s+"
        rf"(?P<kind>week(?:end)?|{WEEKDAY})\s+(?:of|in)\s+"
        rf"(?:(?:(?P<mrel>this|last|next)\s+)?(?P<mon>{MONTH})(?:,?\s+(?P<year>{YEAR}))?(?!\w)"
        rf"|(?P<y>{YEAR})|(?:(?P<rel>this|last|next)\s+|the\s+)(?P<unit>month|year)(?!\w))",
        _counted,
        keep=_keep_counted,
        tense=True,
    ),
    Rule(
        "following_weekday",
        205,  # before "weekday": the article and "following" are the expression's
        rf"(?=[fn])(?<=\bthe\s)(?:following|next)\s+(?P<wd>{WEEKDAY})(?!\s+(?:morning|afternoon|evening|night)\b)",
        _following,
        tense=True,
    ),
    Rule(
        "from_day",
        140,  # before "ago" and "duration": the amount is counted from the day, one expression
        # ("closed for a week from Monday" is an amount of time starting that day)
        r"(?<!\bfor\s)(?<!\blast\s)(?<!\blasts\s)(?<!\bof\s)"
        r"(?P<n>an?|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2}(?!\d))\s+"
        r"(?P<unit>days?|weeks?)\s+from\s+"
        rf"(?:(?:(?P<rel>next|this)\s+)?(?P<base>{WEEKDAY}|today|tomorrow))(?!\w)",
        _from_day,
        tense=True,
    ),
)
