"""Calendar arithmetic for relative expressions: weekdays by tense, months by tense, unit shifts.

Everything takes the anchor date explicitly; nothing here looks at today's date.
"""

from __future__ import annotations

import calendar
import datetime as dt

from ..model import Granularity
from ..timevalue import interval, value_at


def add_months(d: dt.date, n: int) -> dt.date:
    y, m = divmod(d.month - 1 + n, 12)
    year = d.year + y
    if year < 1 or year > 9999:
        raise ValueError("year out of range")
    month = m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


def shift(d: dt.date, unit: str, n: int) -> dt.date:
    """``d`` moved by ``n`` units (negative = back). Raises ValueError / OverflowError off the calendar."""
    if unit == "D":
        return d + dt.timedelta(days=n)
    if unit in ("W", "WE"):
        return d + dt.timedelta(weeks=n)
    if unit == "M":
        return add_months(d, n)
    if unit == "Q":
        return add_months(d, 3 * n)
    if unit == "H":
        return add_months(d, 6 * n)
    if unit == "Y":
        return add_months(d, 12 * n)
    if unit == "DE":
        return add_months(d, 120 * n)
    if unit == "CE":
        return add_months(d, 1200 * n)
    raise ValueError(unit)


UNIT_GRANULARITY = {
    "D": Granularity.DAY,
    "W": Granularity.WEEK,
    "WE": Granularity.WEEK,
    "M": Granularity.MONTH,
    "Q": Granularity.QUARTER,
    "H": Granularity.HALF,
    "Y": Granularity.YEAR,
    "DE": Granularity.DECADE,
    "CE": Granularity.CENTURY,
}
_ORDER = list(Granularity)


def coarser(a: Granularity, b: Granularity) -> Granularity:
    return a if _ORDER.index(a) >= _ORDER.index(b) else b


def weekday_date(published: dt.date, weekday: int, tense: str, rel: str) -> dt.date:
    """The day a weekday name refers to, seen from the publication date.

    ``last``/``past``/``previous`` -> strictly before; ``next``/``coming`` -> strictly after; ``this`` ->
    in the publication week; otherwise by tense: past -> on/before, future -> on/after, no clue -> on/before
    unless the day is tomorrow (news mostly reports what happened, but "Thursday" seen from Wednesday with
    no verb is usually the coming day).
    """
    back = (published.weekday() - weekday) % 7
    fwd = (weekday - published.weekday()) % 7
    if rel in ("last", "past", "previous"):
        return published - dt.timedelta(days=back or 7)
    if rel in ("next", "coming"):
        return published + dt.timedelta(days=fwd or 7)
    if rel == "this":
        return published + dt.timedelta(days=weekday - published.weekday())
    if tense == "future":
        return published + dt.timedelta(days=fwd)
    if tense == "past":
        return published - dt.timedelta(days=back)
    if fwd == 1:
        return published + dt.timedelta(days=1)
    return published - dt.timedelta(days=back)


def month_year(published: dt.date, month: int, tense: str, rel: str) -> int:
    """The year of a bare month name: by ``rel`` first, then tense, else the publication year."""
    y = published.year
    if rel in ("last", "past"):
        return y if month < published.month else y - 1
    if rel in ("next", "coming"):
        return y if month > published.month else y + 1
    if rel == "this":
        return y
    if tense == "past":
        return y if month <= published.month else y - 1
    if tense == "future":
        return y if month >= published.month else y + 1
    return y


def shift_value(value: str, unit: str, n: int) -> str | None:
    """A resolved TIMEX3 value moved by n units, kept at its own precision."""
    a, _, g = interval(value)
    if a is None:
        return None
    # shifting never makes a value more precise than its anchor: "a year earlier" than a quarter is a quarter
    gran = Granularity.DAY if g in (Granularity.HOUR, Granularity.MINUTE) else g
    try:
        return value_at(shift(a, unit, n), gran)
    except (ValueError, OverflowError):
        return None


def easter(year: int) -> dt.date:
    """Gregorian Easter Sunday (anonymous Gregorian algorithm)."""
    a = year % 19
    b, c = divmod(year, 100)
    d, e = divmod(b, 4)
    f = (b + 8) // 25
    g = (b - f + 1) // 3
    h = (19 * a + b - d - g + 15) % 30
    i, k = divmod(c, 4)
    l = (32 + 2 * e + 2 * i - h - k) % 7  # noqa: E741 - the algorithm's own name
    m = (a + 11 * h + 22 * l) // 451
    month, day = divmod(h + l - 7 * m + 114, 31)
    return dt.date(year, month, day + 1)


def nth_weekday(year: int, month: int, weekday: int, n: int) -> dt.date:
    """The n-th (1-based; -1 = last) given weekday of a month."""
    if n > 0:
        first = dt.date(year, month, 1)
        return first + dt.timedelta(days=(weekday - first.weekday()) % 7 + 7 * (n - 1))
    last = dt.date(year, month, calendar.monthrange(year, month)[1])
    return last - dt.timedelta(days=(last.weekday() - weekday) % 7)
