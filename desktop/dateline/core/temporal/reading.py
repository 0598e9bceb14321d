"""What a rule normalizer sees (the match, ``Hit``, and ``Context``) and produces (``Reading``), plus
shared helpers.

Handlers never look at today's date: with no publication date, relative expressions keep an X-filled value
and say they need an anchor.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field

from ..model import Anchor, Granularity, TimexType
from .bundle import Lexicon, Words
from .values import norm

Groups = dict[str, str | None]


@dataclass(frozen=True, slots=True)
class Hit:
    """One rule match in a text, with its named groups."""

    rule: str
    start: int
    end: int
    groups: Groups
    match: re.Match[str]


@dataclass(slots=True)
class Reading:
    start: int
    end: int
    type: TimexType
    value: str
    anchor: Anchor
    confidence: float
    mod: str = ""
    anchor_start: int | None = None
    needs_anchor: bool = False
    alternatives: tuple[str, ...] = ()
    role: str = ""  # "start"/"end"/"member" inside one match ("July 9-11")


@dataclass(slots=True)
class Mention:
    start: int
    end: int
    value: str
    granularity: Granularity
    rule: str = ""
    derived: bool = False  # itself counted from a mention: never a base for "a year earlier" chains
    # an amount ("the nine months"): a period that can interrupt a comparison, never a base to count from
    duration: bool = False
    # the publication date moved by an amount ("a year ago"): no base for "a year earlier"
    shifted: bool = False


@dataclass(slots=True)
class Context:
    text: str
    published: dt.date | None
    lang: Lexicon  # the bundle the text is read with: its words and cue words
    tense: str = ""
    mentions: list[Mention] = field(default_factory=list)

    def last_mention(
        self,
        before: int,
        finest: Granularity | None = None,
        *,
        skip_shifted: bool = False,
        derived: bool = False,
    ) -> Mention | None:
        """The latest earlier mention at ``finest`` or finer; ``derived``: one counted from
        another mention may be it too (a narrative's "two days later ... the next day")."""
        order = list(Granularity)
        for m in reversed(self.mentions):
            if (
                (m.derived and not derived)
                or m.duration
                or m.start >= before
                or before - m.start > 3000
                or (skip_shifted and m.shifted)
            ):
                continue
            if finest is None or order.index(m.granularity) <= order.index(finest):
                return m
        return None

    def first_period(self, before: int, granularity: Granularity) -> Mention | None:
        """The first stated (not derived) mention of exactly this granularity: the period a report is about."""
        for m in self.mentions:
            if m.start >= before:
                return None
            if not (m.derived or m.duration) and m.granularity is granularity:
                return m
        return None

    def nearest_period(self, before: int, within: int) -> Mention | None:
        """The latest earlier period, durations and derived ones included ("for the nine months, ..."),
        publication shifts left out."""
        for m in reversed(self.mentions):
            if m.start >= before:
                continue
            if before - m.start > within:
                return None
            if not m.shifted:
                return m
        return None


def without_particle(hit: Hit, ctx: Context, *, amount: bool = False) -> Hit:
    """``hit`` without its ``approx`` word when that is a verb's particle: "who took over two months
    ago" took over two months ago, not more than two months ago. With ``amount`` (an amount of time,
    no "ago"), also when "over" is the preposition "during": "cut jobs over three years" (TimeBank:
    "used over [three years]"), but "for over a week", "to last over a week" are more than one."""
    approx = hit.groups.get("approx")
    if not approx or norm(approx) != "over":
        return hit
    before = ctx.text[max(0, hit.start - 30) : hit.start].split()
    last = before[-1].lower() if before else ""
    words = ctx.lang.cues.words
    if amount and last in words["over_amount"]:
        return hit  # "took over two weeks": an amount of more than two weeks
    if last not in words["over_particle"] and not amount:
        return hit
    return Hit(hit.rule, hit.match.start("n"), hit.end, {**hit.groups, "approx": None}, hit.match)


def position_mod(word: str | None, words: Words) -> str:
    """The TIMEX3 mod of a position word before a period: "early" -> START, "the end of" -> END."""
    w = norm(word)
    for key, mod in words.position_mod.items():
        if w.startswith(key) or f" {key}" in f" {w}":
            return mod
    return ""


def relative_reading(
    hit: Hit,
    ctx: Context,
    value: str | None,
    unresolved: str,
    conf: float,
    *,
    type: TimexType = TimexType.DATE,
    mod: str = "",
    alternatives: tuple[str, ...] = (),
) -> Reading:
    """A reading relative to the publication date, or an unresolved one when there is none."""
    if ctx.published is None or value is None:
        return Reading(
            hit.start,
            hit.end,
            type,
            unresolved,
            Anchor.NONE,
            conf * 0.6,
            mod=mod,
            needs_anchor=True,
        )
    return Reading(
        hit.start, hit.end, type, value, Anchor.PUBLISHED, conf, mod=mod, alternatives=alternatives
    )


def absolute_reading(
    hit: Hit, value: str, conf: float = 0.95, *, type: TimexType = TimexType.DATE, mod: str = ""
) -> Reading:
    return Reading(hit.start, hit.end, type, value, Anchor.ABSOLUTE, conf, mod=mod)


def nearest_year(published: dt.date, month: int, day: int, tense: str) -> int:
    """The year putting month/day nearest to publication; the clause tense tips readings half a year away.

    News reports mention dates close to the day they are published, in both directions ("Dec. 7" in late
    October is this December); a past or future clause weighs against readings on the other side.
    """
    best, best_score = published.year, None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = dt.date(y, month, min(day, 28) if month == 2 and day == 29 else day)
        except ValueError:
            continue
        delta = (d - published).days
        score = abs(delta)
        if (tense == "past" and delta > 0) or (tense == "future" and delta < 0):
            score += 240
        elif tense in ("", "present") and delta > 0:
            score += 45  # news looks back more often than ahead
        if best_score is None or score < best_score:
            best, best_score = y, score
    return best


def valid_day(y: int, m: int, d: int) -> bool:
    try:
        dt.date(y, m, d)
    except ValueError:
        return False
    return True
