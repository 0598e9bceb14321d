"""TIMEX3 values as calendar intervals, precisions and human labels.

One place that knows what "2024-H1" or "199" covers, used by the engine, the store, the exporters and
the views alike.
"""

from __future__ import annotations

import calendar
import datetime as dt
import functools
import re

from .calendar_words import DAY_ABBR, MONTH_ABBR, MONTH_NAMES, WEEKDAY_NAMES
from .model import Granularity

_SEASON_MONTHS = {"SP": (3, 5), "SU": (6, 8), "FA": (9, 11), "WI": (12, 2)}
_SEASON_NAMES = {"SP": "Spring", "SU": "Summer", "FA": "Autumn", "WI": "Winter"}
_PART_OF_DAY = {"MO", "MI", "AF", "EV", "NI", "DT"}
_REFS = {"PRESENT_REF", "PAST_REF", "FUTURE_REF"}

_RE_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}|MO|MI|AF|EV|NI|DT)(?::(\d{2}))?.*)?$")
_RE_MONTH = re.compile(r"^(\d{4})-(\d{2})$")
_RE_YEAR = re.compile(r"^(\d{4})$")
_RE_DECADE = re.compile(r"^(\d{3})X?$")
_RE_CENTURY = re.compile(r"^(\d{2})(?:XX)?$")
_RE_HALF = re.compile(r"^(\d{4})-H([12])$")
_RE_QUARTER = re.compile(r"^(\d{4})-Q([1-4])$")
_RE_WEEK = re.compile(r"^(\d{4})-W(\d{2})$")
_RE_WEEKEND = re.compile(r"^(\d{4})-W(\d{2})-WE$")
_RE_SEASON = re.compile(r"^(\d{4})-(SP|SU|FA|WI)$")


def _month_end(year: int, month: int) -> dt.date:
    return dt.date(year, month, calendar.monthrange(year, month)[1])


@functools.lru_cache(maxsize=8192)
def interval(value: str) -> tuple[dt.date | None, dt.date | None, Granularity]:
    """The inclusive days a value covers and its precision; (None, None, UNKNOWN) when unresolved.

    Never raises: an impossible value ("2024-02-30") is unresolved, not an exception.
    """
    v = (value or "").strip()
    try:
        if m := _RE_DAY.match(v):
            d = dt.date(int(m[1]), int(m[2]), int(m[3]))
            if m[4] is None:
                return d, d, Granularity.DAY
            if m[5] is not None:
                return d, d, Granularity.MINUTE
            return d, d, Granularity.HOUR
        if m := _RE_MONTH.match(v):
            y, mo = int(m[1]), int(m[2])
            return dt.date(y, mo, 1), _month_end(y, mo), Granularity.MONTH
        if m := _RE_YEAR.match(v):
            y = int(m[1])
            if y < 1:
                raise ValueError(v)
            return dt.date(y, 1, 1), dt.date(y, 12, 31), Granularity.YEAR
        if m := _RE_HALF.match(v):
            y, h = int(m[1]), int(m[2])
            return (
                (dt.date(y, 1, 1), dt.date(y, 6, 30), Granularity.HALF)
                if h == 1
                else (dt.date(y, 7, 1), dt.date(y, 12, 31), Granularity.HALF)
            )
        if m := _RE_QUARTER.match(v):
            y, q = int(m[1]), int(m[2])
            first = 3 * (q - 1) + 1
            return dt.date(y, first, 1), _month_end(y, first + 2), Granularity.QUARTER
        if m := _RE_WEEK.match(v):
            y, w = int(m[1]), int(m[2])
            monday = dt.date.fromisocalendar(y, w, 1)
            return monday, monday + dt.timedelta(days=6), Granularity.WEEK
        if m := _RE_WEEKEND.match(v):
            # a weekend is the Saturday and Sunday of its ISO week, at week precision (the precision
            # chooser has no finer step that holds two days)
            saturday = dt.date.fromisocalendar(int(m[1]), int(m[2]), 6)
            return saturday, saturday + dt.timedelta(days=1), Granularity.WEEK
        if m := _RE_SEASON.match(v):
            y, s = int(m[1]), m[2]
            a, b = _SEASON_MONTHS[s]
            if s == "WI":
                return dt.date(y, 12, 1), _month_end(y + 1, 2), Granularity.SEASON
            return dt.date(y, a, 1), _month_end(y, b), Granularity.SEASON
        if m := _RE_DECADE.match(v):
            d0 = int(m[1]) * 10
            if d0 < 1:
                raise ValueError(v)
            return dt.date(d0, 1, 1), dt.date(d0 + 9, 12, 31), Granularity.DECADE
        if m := _RE_CENTURY.match(v):
            c0 = int(m[1]) * 100
            if c0 < 1:
                raise ValueError(v)
            return dt.date(c0, 1, 1), dt.date(c0 + 99, 12, 31), Granularity.CENTURY
    except ValueError:
        pass
    return None, None, Granularity.UNKNOWN


def span(value: str, end: str | None = None) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive days covered by ``value`` up to ``end`` (a ranged event), or by ``value`` alone."""
    a, b, _ = interval(value)
    if end:
        _, b2, _ = interval(end)
        if b2 is not None:
            b = b2
    return a, b


def is_resolved(value: str) -> bool:
    return interval(value)[0] is not None


def granularity_of(value: str) -> Granularity:
    return interval(value)[2]


def value_at(day: dt.date, granularity: Granularity | str) -> str:
    """The TIMEX3 value of ``day`` at a precision: the precision chooser's "make it a month"."""
    g = Granularity(granularity)
    y = day.year
    if g in (Granularity.DAY, Granularity.HOUR, Granularity.MINUTE):
        return day.isoformat()
    if g is Granularity.WEEK:
        iy, iw, _ = day.isocalendar()
        return f"{iy:04d}-W{iw:02d}"
    if g is Granularity.MONTH:
        return f"{y:04d}-{day.month:02d}"
    if g is Granularity.SEASON:
        m = day.month
        if m == 12:
            return f"{y:04d}-WI"
        if m <= 2:
            return f"{y - 1:04d}-WI"
        return f"{y:04d}-" + ("SP" if m <= 5 else "SU" if m <= 8 else "FA")
    if g is Granularity.QUARTER:
        return f"{y:04d}-Q{(day.month - 1) // 3 + 1}"
    if g is Granularity.HALF:
        return f"{y:04d}-H{1 if day.month <= 6 else 2}"
    if g is Granularity.YEAR:
        return f"{y:04d}"
    if g is Granularity.DECADE:
        return f"{y // 10:03d}"
    if g is Granularity.CENTURY:
        return f"{y // 100:02d}"
    raise ValueError(f"no value for precision {g}")


def _day_label(d: dt.date, weekday: bool) -> str:
    s = f"{d.day} {MONTH_ABBR[d.month]} {d.year}"
    return f"{DAY_ABBR[d.weekday()]} {s}" if weekday else s


def label(value: str, end: str | None = None, weekday: bool = True) -> str:
    """A short English label at the value's own precision: "Jul 2024", "H1 2024",
    "Thu 17 - Fri 18 Oct 2024", "1990s", "Wed 16 Oct 2024 10:00", "Wed 28 Feb 2007, afternoon",
    "weekend of 18-19 Jan 2010", "3 years"; a value with an unknown part says what is unknown
    ("October, year unknown"). Never the raw TIMEX3 notation for anything the engine produces."""
    if end and end != value:
        return _range_label(value, end, weekday)
    v = (value or "").strip()
    a, b, g = interval(v)
    if a is None or b is None:
        return _unresolved_label(v)
    if g is Granularity.DAY:
        return _day_label(a, weekday)
    if g in (Granularity.HOUR, Granularity.MINUTE):
        return _time_label(_day_label(a, weekday), v.split("T", 1)[1])
    if g is Granularity.MONTH:
        return f"{MONTH_ABBR[a.month]} {a.year}"
    if g is Granularity.WEEK and v.endswith("-WE"):
        return f"weekend of {_days_label(a, b, weekday=False)}"
    if g is Granularity.WEEK:
        return f"Week {v[6:8].lstrip('0')} {v[:4]}"
    if g is Granularity.SEASON:
        return f"{_SEASON_NAMES[v[5:7]]} {v[:4]}"
    if g in (Granularity.QUARTER, Granularity.HALF):
        return f"{v[5:7]} {v[:4]}"
    if g is Granularity.YEAR:
        return v
    if g is Granularity.DECADE:
        return f"{a.year}s"
    c = a.year // 100 + 1  # a century
    suffix = "th" if 10 <= c % 100 <= 20 else {1: "st", 2: "nd", 3: "rd"}.get(c % 10, "th")
    return f"{c}{suffix} century"


def _range_label(value: str, end: str, weekday: bool) -> str:
    a, _, ga = interval(value)
    b, _, gb = interval(end)
    if a and b and ga is Granularity.DAY and gb is Granularity.DAY:
        return _days_label(a, b, weekday)
    return f"{label(value, None, weekday)} - {label(end, None, weekday)}"


def _days_label(a: dt.date, b: dt.date, weekday: bool) -> str:
    """Two days, saying the month and year once where they are shared: "Thu 17 - Fri 18 Oct 2024"."""
    if (a.year, a.month) == (b.year, b.month):
        left = f"{DAY_ABBR[a.weekday()]} {a.day}" if weekday else f"{a.day}"
        sep = " - " if weekday else "-"
        return f"{left}{sep}{_day_label(b, weekday)}"
    if a.year == b.year:
        left = _day_label(a, weekday).rsplit(" ", 1)[0]
        return f"{left} - {_day_label(b, weekday)}"
    return f"{_day_label(a, weekday)} - {_day_label(b, weekday)}"


_PARTS_OF_DAY = {
    "MO": "morning",
    "MI": "midday",
    "AF": "afternoon",
    "EV": "evening",
    "NI": "night",
    "DT": "daytime",
}


def _time_label(day: str, time: str) -> str:
    """A day with its time: "Wed 16 Oct 2024 10:00", "Wed 16 Oct 2024, afternoon"."""
    if time in _PARTS_OF_DAY:
        return f"{day}, {_PARTS_OF_DAY[time]}"
    if time in ("24", "24:00"):
        return f"{day}, midnight"
    if re.fullmatch(r"\d{2}", time):
        time += ":00"
    return f"{day} {time}"


_UNITS = {
    "Y": "year",
    "M": "month",
    "W": "week",
    "WE": "weekend",
    "D": "day",
    "Q": "quarter",
    "H": "hour",
    "S": "second",
    "DE": "decade",
    "CE": "century",
}
_DURATION = re.compile(r"P(?:(\d+(?:\.\d+)?|X)(WE|DE|CE|[YMWDQH]))*(?:T(?:(\d+|X)([HMS]))+)?")
_DURATION_PART = re.compile(r"(\d+(?:\.\d+)?|X)(WE|DE|CE|[YMWDQHS])")


def _duration_label(v: str) -> str:
    """ "P2Y6M" -> "2 years 6 months", "PT5H30M" -> "5 hours 30 minutes", "PXY" -> "years"."""
    date_part, _, time_part = v[1:].partition("T")
    words = []
    for part, is_time in ((date_part, False), (time_part, True)):
        for n, unit in _DURATION_PART.findall(part):
            name = "minute" if is_time and unit == "M" else _UNITS[unit]
            plural = "centuries" if name == "century" else f"{name}s"
            if n == "X":
                words.append(plural)
            else:
                words.append(f"{n} {name if n == '1' else plural}")
    return " ".join(words)


_REF_LABELS = {"PRESENT_REF": "now", "PAST_REF": "in the past", "FUTURE_REF": "in the future"}


def _unresolved_label(v: str) -> str:
    """A value with an unknown part, in words: "XXXX-10" -> "October, year unknown", "XXXX-WXX-3TNI" ->
    "a Wednesday night, date unknown"."""
    if v in _REF_LABELS:
        return _REF_LABELS[v]
    if not v:
        return "undated"
    if len(v) > 1 and _DURATION.fullmatch(v):
        return _duration_label(v)
    head, _, time = v.partition("T")
    parts = _unresolved_date(head)
    if parts is None:
        return v  # not a value the engine writes
    known, missing = parts
    if time in _PARTS_OF_DAY:
        pod = _PARTS_OF_DAY[time]
        known = f"{known}, {pod}" if known[:1].isdigit() else f"{known or 'a'} {pod}"
    elif time:
        clock = "midnight" if time.startswith("24") else time
        known = f"{known} {clock}" if known else clock
    return f"{known}, {missing} unknown" if known else f"{missing} unknown"


def _unresolved_date(v: str) -> tuple[str, str] | None:
    """(what is known, what is not) of a date value with X placeholders; None for anything else."""
    if m := re.fullmatch(r"XXXX(?:-(\d{2})(?:-(\d{2}))?)?", v):
        if not m[1]:
            return "", "year"
        if not 1 <= int(m[1]) <= 12:
            return None
        name = MONTH_NAMES[int(m[1])]
        return (f"{int(m[2])} {name}" if m[2] else name), "year"
    if m := re.fullmatch(r"XXXX-WXX(?:-([1-7]|WE))?", v):
        if m[1] == "WE":
            return "a weekend", "date"
        return (f"a {WEEKDAY_NAMES[int(m[1]) - 1]}" if m[1] else ""), ("date" if m[1] else "week")
    if m := re.fullmatch(r"XXXX-(Q[1-4]|H[12]|SP|SU|FA|WI)", v):
        return _SEASON_NAMES.get(m[1], m[1]), "year"
    return {
        "XXXX-XX": ("", "month"),
        "XXXX-XX-XX": ("", "date"),
        "XXXX-QX": ("", "quarter"),
        "XXXX-HX": ("", "half-year"),
        "XXX": ("", "decade"),
        "XX": ("", "century"),
    }.get(v)


def sort_key(value: str, end: str | None = None) -> tuple[int, int, int, str]:
    """Chronological order; coarser values sort before the finer values they contain; unresolved last."""
    a, b = span(value, end)
    if a is None or b is None:
        return (1, 0, 0, value)
    return (0, a.toordinal(), -b.toordinal(), value)
