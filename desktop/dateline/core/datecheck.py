"""Checking and normalising the dates an analyst types, with a reason a person can act on.

``check_value`` accepts TIMEX3 values at any precision ("2024-10-16", "2024-10", "2024-Q4",
"2024-H2", "2024", "202") and a few written forms ("16 Oct 2024", "October 2024", "Q4 2024",
"1990s"), and says *why* anything else is not a date rather than just refusing it.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re

from . import timevalue
from .calendar_words import MONTH_NAMES
from .calendar_words import MONTHS as _MONTHS

_EXAMPLES = "write 2024-10-16, 2024-10, 2024-Q4, 2024-H2, 2024 or 202 (the 2020s)"


_RE_ISO_DAY = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_RE_ISO_MONTH = re.compile(r"^(\d{4})-(\d{1,2})$")
_RE_QUARTER = re.compile(r"^(\d{4})-?Q(\d)$|^Q(\d)\s+(\d{4})$")
_RE_HALF = re.compile(r"^(\d{4})-?H(\d)$|^H(\d)\s+(\d{4})$")
_RE_WEEK = re.compile(r"^(\d{4})-?W(\d{1,2})$")
_RE_DECADE_WORDS = re.compile(r"^(\d{3})0s$")
_RE_DAY_MONTH_YEAR = re.compile(r"^(\d{1,2})\s+([A-Za-z]+)\.?,?\s+(\d{4})$")
_RE_MONTH_DAY_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$")
_RE_MONTH_YEAR = re.compile(r"^([A-Za-z]+)\.?\s+(\d{4})$")


def _day(year: int, month: int, day: int) -> tuple[str, str]:
    if year < 1:
        return "", "There is no year 0."
    if not 1 <= month <= 12:
        return "", f"There is no month {month}: months run from 01 to 12."
    last = calendar.monthrange(year, month)[1]
    if not 1 <= day <= last:
        return "", f"{MONTH_NAMES[month]} {year} has only {last} days."
    return f"{year:04d}-{month:02d}-{day:02d}", ""


def _month_number(word: str) -> int | None:
    return _MONTHS.get(word.lower())


def check_value(text: str) -> tuple[str, str]:
    """``(value, "")`` for a usable date, normalised to TIMEX3; ``("", reason)`` otherwise."""
    t = " ".join((text or "").split())
    if not t:
        return "", "Enter a date, e.g. 2024-10-16."
    up = t.upper()
    if timevalue.is_resolved(up) and not _RE_ISO_DAY.match(up) and not _RE_ISO_MONTH.match(up):
        return up, ""
    if m := _RE_ISO_DAY.match(t):
        return _day(int(m[1]), int(m[2]), int(m[3]))
    if m := _RE_ISO_MONTH.match(t):
        year, month = int(m[1]), int(m[2])
        if not 1 <= month <= 12:
            return "", f"There is no month {month}: months run from 01 to 12."
        return (f"{year:04d}-{month:02d}", "") if year >= 1 else ("", "There is no year 0.")
    if m := _RE_QUARTER.match(up):
        qyear, q = (m[1], m[2]) if m[1] else (m[4], m[3])
        if not 1 <= int(q) <= 4:
            return "", "Quarters run from Q1 to Q4."
        return f"{qyear}-Q{q}", ""
    if m := _RE_HALF.match(up):
        hyear, h = (m[1], m[2]) if m[1] else (m[4], m[3])
        if h not in ("1", "2"):
            return "", "A half year is H1 (Jan-Jun) or H2 (Jul-Dec)."
        return f"{hyear}-H{h}", ""
    if m := _RE_WEEK.match(up):
        year, week = int(m[1]), int(m[2])
        weeks = dt.date(max(year, 1), 12, 28).isocalendar()[1]
        if not 1 <= week <= weeks:
            return "", f"{year} has only {weeks} ISO weeks."
        return f"{year:04d}-W{week:02d}", ""
    if m := _RE_DECADE_WORDS.match(t):
        return m[1], ""
    if m := _RE_DAY_MONTH_YEAR.match(t):
        named = _month_number(m[2])
        if named is not None:
            return _day(int(m[3]), named, int(m[1]))
    if m := _RE_MONTH_DAY_YEAR.match(t):
        named = _month_number(m[1])
        if named is not None:
            return _day(int(m[3]), named, int(m[2]))
    if m := _RE_MONTH_YEAR.match(t):
        named = _month_number(m[1])
        if named is not None:
            return f"{int(m[2]):04d}-{named:02d}", ""
    return "", f"Not a date: {_EXAMPLES}."


def check_range(value: str, end: str | None) -> str:
    """Why ``end`` cannot close an event starting at ``value``; "" when the range is fine."""
    if not end:
        return ""
    a, _, _ = timevalue.interval(value)
    _, b, _ = timevalue.interval(end)
    if a is None or b is None:
        return ""
    if b < a:
        return f"The end ({timevalue.label(end)}) is before the start ({timevalue.label(value)})."
    return ""
