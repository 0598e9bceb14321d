"""Date expressions of one sentence that date one happening: one report, not two.

"The launch took place on Tuesday at 18:00 UTC", "at 12:30 EST (16:30 UTC)", "on Sunday (7/8/07)": a
clause tells one happening, so the dates in it that can be one date are that happening's date told
twice (a day and its time, a time in two zones, a weekday and its calendar date). They make one
report, dated by the finest of them. Only a day (or a week) and what falls in it, close together,
are joined: dates that cannot be one date ("tripled in 2004, doubled in 2005") stay apart, and so do
two mentions of one year or month ("the target for 2024, a goal set earlier this year": a clause
may hold more than one happening where the reading of clauses misses a boundary) and two clock
times of one day, unless one restates the other in brackets.
"""

from __future__ import annotations

import re
from collections.abc import Hashable, Sequence
from dataclasses import dataclass

from ..model import GRANULARITY_ORDER
from ..span import Span
from ..timevalue import granularity_of

_OPENS_BRACKET = re.compile(r"\s*\(\s*")
NEAR = 60  # characters between two dates of one happening at most
WEEK = 6  # the widest date (days beyond the first) that a finer one joins


@dataclass(frozen=True, slots=True)
class DateOf:
    """A date expression and the happening it dates (``key``: the clause; None when unknown)."""

    key: Hashable | None
    start: int  # offsets in the article
    end: int
    value: str
    end_value: str | None = None
    said: bool = False  # the date of a statement: the day its words were said, wherever it stands
    clock: bool = False  # a time of day alone ("at 12:30 EST"): the engine gave it a day itself


def together(dates: Sequence[DateOf], text: str) -> list[list[int]]:
    """``dates`` (by index) grouped by the happening they date, the date to keep first: the finest,
    else the first in the text. Groups come in the order of their first date."""
    parent = list(range(len(dates)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    by_key: dict[Hashable, list[int]] = {}
    for i, d in enumerate(dates):
        if d.key is not None:
            by_key.setdefault(d.key, []).append(i)  # only one clause's dates are compared
    for members in by_key.values():
        for n, i in enumerate(members):
            a = dates[i]
            for j in members[n + 1 :]:
                b = dates[j]
                near = _near(a, b) or (a.said and b.said)
                same = one_date(a, b) or _on_day(a, b) or _on_day(b, a)
                if restates(a, b, text) or (same and near):
                    parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(dates)):
        groups.setdefault(root(i), []).append(i)
    out = []
    for members in groups.values():
        best = min(members, key=lambda k: (_precision(dates[k]), dates[k].start))
        out.append([best, *(k for k in members if k != best)])
    return sorted(out, key=lambda g: min(dates[k].start for k in g))


def restates(a: DateOf, b: DateOf, text: str) -> bool:
    """``b`` follows ``a`` in brackets: the same date in other words ("12:30 EST (16:30 UTC)")."""
    first, second = (a, b) if a.start <= b.start else (b, a)
    return bool(_OPENS_BRACKET.fullmatch(text, first.end, second.start)) and text[
        second.end :
    ].lstrip().startswith(")")


def one_date(a: DateOf, b: DateOf) -> bool:
    """The two can be one day told at two precisions ("Tuesday" and "18:00 on Tuesday")."""
    if a.end_value or b.end_value:
        return False
    sa, sb = Span.of(a.value), Span.of(b.value)
    if sa is None or sb is None or not sa.compatible(sb) or max(sa.width, sb.width) > WEEK:
        return False
    return not ("T" in a.value and "T" in b.value and a.value != b.value)


def _on_day(clock: DateOf, day: DateOf) -> bool:
    """A time of day and the day the clause gives it ("at 12:30 ... on Sunday")."""
    span = Span.of(day.value)
    return (
        clock.clock
        and not day.clock
        and "T" not in day.value
        and span is not None
        and not span.width
    )


def value_of(dates: Sequence[DateOf], group: Sequence[int]) -> str:
    """The date of the report ``group`` makes: the kept date's, a time of day put on the day the
    clause gives ("at 12:30 EST (16:30 UTC) on Sunday" -> Sunday 12:30)."""
    kept = dates[group[0]]
    day = next((dates[k] for k in group[1:] if _on_day(kept, dates[k])), None)
    if day is None or "T" not in kept.value:
        return kept.value
    return day.value[:10] + kept.value[kept.value.index("T") :]


_CLOCK = re.compile(
    r"\d{1,2}(?:[:.]\d{2})?\s*(?:[ap]\.?\s?m\.?)?(?:\s*(?:[A-Z]{2,4}|local\s+time))?",
    re.IGNORECASE,
)


def clock_time(text: str) -> bool:
    """ "12:30 EST", "6 p.m. local time": a time of day that says no day."""
    return bool(_CLOCK.fullmatch(text.strip()))


def _near(a: DateOf, b: DateOf) -> bool:
    return max(a.start, b.start) - min(a.end, b.end) <= NEAR


def _precision(d: DateOf) -> tuple[int, int]:
    span = Span.of(d.value, d.end_value)
    width = span.width if span is not None else 10**9
    return width, GRANULARITY_ORDER.index(granularity_of(d.value))


_BETWEEN_PARTS = re.compile(r"(?:\s|,|\band\b|\bor\b)*")


def joined(text: str, parts: Sequence[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of one coordinated date as one stretch of ``text`` where only "and", "or" or a
    comma stands between them ("in March and June")."""
    out: list[tuple[int, int]] = []
    for a, b in sorted(parts):
        if out and _BETWEEN_PARTS.fullmatch(text, out[-1][1], a):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return out
