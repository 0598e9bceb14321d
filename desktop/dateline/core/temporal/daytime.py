"""Normalizers for times of day: clock times ("10:35 a.m. Friday", "noon"), parts of day ("this morning",
"mid-afternoon yesterday").

A clock time without a day takes the day just talked about, else the publication date.
"""

from __future__ import annotations

import datetime as dt
import re

from ..model import Anchor, Granularity, TimexType
from .bundle import Lexicon
from .english.fragments import CLOCK, DAY, DAYWORD, MONTH, PART_OF_DAY, TZ, WEEKDAY, YEAR
from .filters import next_word
from .reading import Context, Groups, Hit, Reading, position_mod, relative_reading
from .relative import day_word_date
from .rules import Rule
from .values import norm

_SENTENCE_END = re.compile(r"[.!?][\"'”’)]*\s+[A-Z“\"]|\n")
_NEAR = 300  # characters: a clock time this close after a day mention is on that day


def _on_last_day(
    hit: Hit,
    ctx: Context,
    time: str,
    confidence: float,
    *,
    within: int | None = None,
    mod: str = "",
) -> list[Reading]:
    """``time`` ("MO", "22:00") on the day mentioned last before ``hit`` (at most ``within``
    characters back), or [] when there is none."""
    last = ctx.last_mention(hit.start, Granularity.DAY)
    if last is None or (within is not None and hit.start - last.start >= within):
        return []
    value = f"{last.value[:10]}T{time}"
    return [
        Reading(
            hit.start,
            hit.end,
            TimexType.TIME,
            value,
            Anchor.MENTION,
            confidence,
            mod=mod,
            anchor_start=last.start,
        )
    ]


def _part_of_day(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    base = norm(g["base"])
    pod = ctx.lang.words.parts_of_day[norm(g["pod"])]
    if base == "that":
        found = _on_last_day(hit, ctx, pod, 0.7)
        if found:
            return found
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.TIME,
                f"XXXX-XX-XXT{pod}",
                Anchor.NONE,
                0.4,
                needs_anchor=True,
            )
        ]
    off = {"yesterday": -1, "tomorrow": 1, "last": -1}.get(base, 0)
    v = (ctx.published + dt.timedelta(days=off)).isoformat() + f"T{pod}" if ctx.published else None
    return [
        relative_reading(
            hit,
            ctx,
            v,
            f"XXXX-XX-XXT{pod}",
            0.9,
            type=TimexType.TIME,
            mod=position_mod(g["mod"], ctx.lang.words),
        )
    ]


_CLOCK = re.compile(r"(\d{1,2})(?:[:.]([0-5]\d))?\s*(?:([ap])(?=\.?m))?", re.I)


def _time(hit: Hit, ctx: Context) -> list[Reading]:
    g = hit.groups
    clock = norm(g["clock"])
    if clock in ("noon", "midday"):
        hh, mm = 12, 0
    elif clock == "midnight":
        hh, mm = 24, 0
    else:
        m = _CLOCK.match(clock)
        if m is None:
            return []
        hh, mm = int(m[1]), int(m[2] or 0)
        if m[3]:
            if hh > 12 or hh == 0:
                return []
            hh = hh % 12 + (12 if m[3].lower() == "p" else 0)
        elif re.search(r"afternoon|evening|night", clock):
            hh = hh % 12 + 12  # "8 in the evening", "10 at night"
        elif "morning" in clock:
            hh %= 12
        elif hh > 23:
            return []
    day_word = g["dayw0"] or g["dayw"]
    if g["mon"]:
        from .dates import _month_day

        sub = _month_day(
            Hit("month_day", hit.start, hit.end, {**g, "wd": None, "day2": None}, hit.match), ctx
        )
        if not sub:
            return []
        day_word = None
    clock_txt = f"{hh:02d}:{mm:02d}" if mm or clock not in ("midnight",) else "24"
    if g["mon"]:
        v0 = sub[0].value
        if v0[:4].isdigit():
            return [
                Reading(hit.start, hit.end, TimexType.TIME, f"{v0}T{clock_txt}", sub[0].anchor, 0.9)
            ]
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.TIME,
                f"{v0}T{clock_txt}",
                Anchor.NONE,
                0.5,
                needs_anchor=True,
            )
        ]
    if not day_word:
        # "at 10:35 a.m. (0735 GMT) Friday": the day after a parenthesised conversion is still this one's
        # "at 4 in the morning (4 a.m. EDT Thursday)": the conversion names the day
        cues = ctx.lang.cues
        after = cues.day_after_parens.match(ctx.text, hit.end) or cues.day_in_parens.match(
            ctx.text, hit.end
        )
        day_word = after.group(1) if after else None
    if day_word:
        d, placeholder = day_word_date(day_word, ctx, hit.start)
        conf = 0.9
    else:
        # "at 10 p.m." after "Friday night" or "Oct. 23": the clock time of the day just talked about
        found = _on_last_day(hit, ctx, clock_txt, 0.6, within=_NEAR)
        if found:
            return found
        d, placeholder = (ctx.published, "XXXX-XX-XX") if ctx.published else (None, "XXXX-XX-XX")
        conf = 0.6
    v = f"{d.isoformat()}T{clock_txt}" if d else None
    return [relative_reading(hit, ctx, v, f"{placeholder}T{clock_txt}", conf, type=TimexType.TIME)]


def _mid_day_part(hit: Hit, ctx: Context) -> list[Reading]:
    """ "mid-afternoon yesterday", "by mid afternoon": the middle of that part of the day just talked about."""
    g = hit.groups
    pod = ctx.lang.words.parts_of_day[norm(g["pod"])]
    if g["w"]:
        d, placeholder = day_word_date(g["w"], ctx, hit.start)
        v = f"{d.isoformat()}T{pod}" if d else None
        return [
            relative_reading(
                hit, ctx, v, f"{placeholder}T{pod}", 0.85, type=TimexType.TIME, mod="MID"
            )
        ]
    found = _on_last_day(hit, ctx, pod, 0.6, within=_NEAR, mod="MID")
    if found:
        return found
    v = f"{ctx.published.isoformat()}T{pod}" if ctx.published else None
    return [relative_reading(hit, ctx, v, f"XXXX-XX-XXT{pod}", 0.7, type=TimexType.TIME, mod="MID")]


def _overnight(hit: Hit, ctx: Context) -> list[Reading]:
    """ "Asian markets fell overnight": the night before the day told of (the day just mentioned, else
    the publication day), as TimeBank reads it; in a future clause the coming night."""
    if ctx.tense == "future":
        v = f"{ctx.published.isoformat()}TNI" if ctx.published else None
        return [relative_reading(hit, ctx, v, "XXXX-XX-XXTNI", 0.7, type=TimexType.TIME)]
    last = ctx.last_mention(hit.start, Granularity.DAY)
    # the day told of in the same sentence, or the story's day of the days before publication:
    # "The bombings, on Aug. 7, killed 247 people. ... the sites struck overnight" is the night
    # before an Aug. 20 report; "shares closed lower Friday ... overnight losses" Thursday night
    if (
        last is not None
        and hit.start - last.start < _NEAR
        and last.value[:4].isdigit()
        and (_same_sentence(ctx, last.end, hit.start) or _recent(ctx, last.value))
    ):
        day = dt.date.fromisoformat(last.value[:10]) - dt.timedelta(days=1)
        return [
            Reading(
                hit.start,
                hit.end,
                TimexType.TIME,
                f"{day.isoformat()}TNI",
                Anchor.MENTION,
                0.7,
                anchor_start=last.start,
            )
        ]
    v = (ctx.published - dt.timedelta(days=1)).isoformat() + "TNI" if ctx.published else None
    return [relative_reading(hit, ctx, v, "XXXX-XX-XXTNI", 0.75, type=TimexType.TIME)]


def _same_sentence(ctx: Context, a: int, b: int) -> bool:
    return not _SENTENCE_END.search(ctx.text, a, b)


def _recent(ctx: Context, value: str) -> bool:
    """A day of the week before publication: the day a news story tells of."""
    if ctx.published is None:
        return False
    try:
        day = dt.date.fromisoformat(value[:10])
    except ValueError:
        return False
    return 0 <= (ctx.published - day).days <= 7


def _keep_overnight(text: str, start: int, end: int, g: Groups, lang: Lexicon) -> bool:
    return next_word(text, end) not in lang.cues.words["overnight_kinds"]


RULES = (
    Rule(
        "time",
        40,
        rf"(?:(?P<dayw0>{DAYWORD}),?\s+(?:at\s+)?)?(?P<clock>{CLOCK}){TZ}?"
        rf"(?:,?\s+(?:on\s+)?(?:(?P<dayw>{DAYWORD})|(?P<mon>{MONTH})\s+(?P<day>{DAY})(?:,?\s+(?P<year>{YEAR}))?))?",
        _time,
        tense=True,
        title=True,
    ),
    Rule(
        "mid_day_part",
        180,
        rf"mid[-\s]?(?P<pod>morning|afternoon|evening)(?:,?\s+(?:on\s+)?(?P<w>today|yesterday|tomorrow|{WEEKDAY}))?(?!\w)",
        _mid_day_part,
        tense=True,
    ),
    Rule(
        "part_of_day",
        190,
        rf"(?:(?P<mod>early|late)\s+)?(?P<base>this|yesterday|tomorrow|last|that)\s+(?P<pod>{PART_OF_DAY})(?!\w)",
        _part_of_day,
        tense=True,
    ),
    Rule(
        "overnight",
        195,
        r"overnight(?![\w-])",
        _overnight,
        keep=_keep_overnight,
        tense=True,
    ),
)
