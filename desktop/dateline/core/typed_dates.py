"""Dates between the analyst and the store: a publication date typed the way people write it, read
back exactly as it will be stored; the text a date field shows for any stored value; a source's
reading compared with its event's date as spans of days, not as strings.

``parse_day`` is strict on purpose: what it cannot read for certain it refuses with a reason, so a
field never stores something other than what it shows ("Thu 27 Mar 2008" is the 27th of March or
nothing, never the 27th of December).
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from . import timevalue
from .calendar_words import MONTH_NAMES, WEEKDAY_NAMES
from .calendar_words import MONTHS as _MONTHS
from .calendar_words import WEEKDAYS as _WEEKDAYS
from .model import Granularity

_WEEKDAY = r"(?:(?P<weekday>[A-Za-z]+)\.?,?\s+)?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_MONTH = r"(?P<month>[A-Za-z]+)\.?"
_YEAR = r"(?P<year>\d+)"
# Whatever follows a date written by a machine (a time, a zone) is not part of the day.
_TIME = r"(?:[T\s]\d{1,2}:\d{2}.*)?"
_WORDED = (
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}{_TIME}$", re.IGNORECASE),
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TIME}$", re.IGNORECASE),
    re.compile(rf"^{_WEEKDAY}{_DAY}-{_MONTH}-{_YEAR}$", re.IGNORECASE),
)
_ISO = re.compile(rf"^{_WEEKDAY}(?P<year>\d{{4}})([-/.])(?P<mnum>\d{{1,2}})\3{_DAY}{_TIME}$")
_ISO_BASIC = re.compile(r"^(?P<year>\d{4})(?P<mnum>\d{2})(?P<day>\d{2})$")
_NUMERIC = re.compile(rf"^{_WEEKDAY}(\d{{1,2}})([-/.])(\d{{1,2}})\3(\d+){_TIME}$")
_MONTH_ONLY = re.compile(r"^(?:[A-Za-z]+\.?\s+\d{4}|\d{4}-\d{1,2})$")


@dataclass(frozen=True, slots=True)
class TypedDay:
    """What a typed text names: a day, or why it names none."""

    day: dt.date | None
    problem: str = ""

    @property
    def ok(self) -> bool:
        return self.day is not None

    def label(self) -> str:
        """The day as the field's live reading shows it ("Thu 27 Mar 2008"), or ""."""
        return timevalue.label(self.day.isoformat()) if self.day else ""


def convention_example(*, day_first: bool) -> str:
    return "27/03/2008 (day first)" if day_first else "03/27/2008 (month first)"


def parse_day(text: str, *, day_first: bool = True) -> TypedDay:
    """The calendar day ``text`` names, in any form people type: "Thu 27 Mar 2008", "2008-03-27",
    "27 Mar 2008", "March 27, 2008", "27th of March 2008", "27/03/2008" (``day_first``) or
    "03/27/2008" (not ``day_first``). Refuses with a reason: impossible days, a weekday that does not
    match, two-digit years, numbers that only fit the other day/month order, months without a day."""
    t = " ".join((text or "").split())
    if not t:
        return TypedDay(None, "Type a date, e.g. 27 Mar 2008 or 2008-03-27.")
    if m := _ISO.match(t) or _ISO_BASIC.match(t):
        return _checked(m.groupdict().get("weekday"), m["year"], int(m["mnum"]), m["day"])
    for pattern in _WORDED:
        if m := pattern.match(t):
            month = _MONTHS.get(m["month"].lower())
            if month is None:
                return TypedDay(None, f"'{m['month']}' is not a month.")
            return _checked(m["weekday"], m["year"], month, m["day"])
    if m := _NUMERIC.match(t):
        return _numeric(m["weekday"], int(m[2]), int(m[4]), m[5], day_first=day_first)
    if _MONTH_ONLY.match(t):
        return TypedDay(None, "A publication date is a day: add the day, e.g. 27 Mar 2008.")
    return TypedDay(
        None,
        "Not a date this field reads: write 27 Mar 2008, March 27, 2008, 2008-03-27 or "
        f"{convention_example(day_first=day_first)}.",
    )


def _numeric(
    weekday: str | None, first: int, second: int, year: str, *, day_first: bool
) -> TypedDay:
    day, month = (first, second) if day_first else (second, first)
    if month > 12 and day <= 12:
        order = "day first" if day_first else "month first"
        return TypedDay(
            None,
            f"{month} is not a month: numeric dates are read {order}, "
            f"as in {convention_example(day_first=day_first)}.",
        )
    return _checked(weekday, year, month, str(day))


def _checked(weekday: str | None, year_text: str, month: int, day_text: str) -> TypedDay:
    if len(year_text) != 4:
        return TypedDay(None, "Write the year in full, e.g. 2008.")
    year, day = int(year_text), int(day_text)
    if year < 1:
        return TypedDay(None, "There is no year 0.")
    if not 1 <= month <= 12:
        return TypedDay(None, f"There is no month {month}: months run from 1 to 12.")
    try:
        date = dt.date(year, month, day)
    except ValueError:
        name = MONTH_NAMES[month]
        return TypedDay(None, f"{name} {year} has no day {day}.")
    if weekday:
        wanted = _WEEKDAYS.get(weekday.lower())
        if wanted is None:
            return TypedDay(None, f"'{weekday}' is not a day of the week.")
        if wanted != date.weekday():
            return TypedDay(
                None,
                f"{timevalue.label(date.isoformat(), weekday=False)} is a "
                f"{WEEKDAY_NAMES[date.weekday()]}, not a {WEEKDAY_NAMES[wanted]}.",
            )
    return TypedDay(date)


def date_line(text: str, *, lines: int = 6) -> tuple[dt.date, str] | None:
    """A line near the top of an article that is a date and nothing else ("March 01, 2008" under
    the headline), as (day, the line). Only a full, certain day counts: a numeric date is read only
    when no day/month order could misread it."""
    seen = 0
    for raw in text.splitlines():
        line = " ".join(raw.split())
        if not line:
            continue
        seen += 1
        if seen > lines:
            break
        first = parse_day(line, day_first=True)
        if not first.ok:
            continue
        if _NUMERIC.match(line) and parse_day(line, day_first=False).day not in (None, first.day):
            continue  # "05/06/2008": either order reads a day
        assert first.day is not None
        return first.day, line
    return None


@dataclass(frozen=True, slots=True)
class Guess:
    """A publication date suggested from an article's own text, with where it was found."""

    day: dt.date
    why: str


def guess_published(text: str, found: Iterable[tuple[int, str, str, str]] = ()) -> Guess | None:
    """The publication date an article's text suggests, or None (never today's date).

    ``found`` holds the engine's dates as (offset, text, value, anchor). A date line near the top
    wins; else the first date written out in full to the day."""
    if (hit := date_line(text)) is not None:
        return Guess(hit[0], f"the date line \u201c{hit[1]}\u201d")
    for _offset, said, value, anchor in sorted(found):
        a, _, g = timevalue.interval(value)
        if a is not None and g is Granularity.DAY and anchor == "absolute":
            return Guess(a, f"the first full date in the text, \u201c{said}\u201d")
    return None


# ---- the text of a date field ----


def field_text(value: str) -> str:
    """What the date field of an editor shows for a stored value, in a form ``check_value`` reads
    back to that same value: "1990s" for the decade "199", "" for a value no calendar can place
    ("XXXX-XX", "PRESENT_REF": the field is empty and says the date is unknown)."""
    v = (value or "").strip()
    a, _, g = timevalue.interval(v)
    if a is None:
        return ""
    if g is Granularity.DECADE:
        return f"{a.year}s"
    return v


def is_unknown(value: str) -> bool:
    """No calendar day can be given for ``value`` (it shows as an empty field)."""
    return not timevalue.is_resolved(value)


# ---- a source's reading against its event's date ----


def split_reading(value: str) -> tuple[str, str | None]:
    """A source's stored reading as (value, end): a ranged reading is stored "2007-08/2007-09"."""
    start, sep, end = (value or "").partition("/")
    return start, (end or None) if sep else None


def reading_label(value: str) -> str:
    """A source's reading as a person reads it: "Aug 2007 - Sep 2007", never "2007-08/2007-09"."""
    start, end = split_reading(value)
    return timevalue.label(start, end)


def reading_agrees(reading: str, value: str, end: str | None) -> bool:
    """The days of a source's reading and of the event's date (value to end) can describe one
    happening: one span contains the other. Unresolved dates contradict nothing."""
    a0, a1 = timevalue.span(*split_reading(reading))
    b0, b1 = timevalue.span(value, end)
    if a0 is None or a1 is None or b0 is None or b1 is None:
        return True
    return (a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)
