"""Publication dates as metadata writes them. Strict: a wrong date is worse than none."""

from __future__ import annotations

import datetime as dt
import re

from dateline.core.calendar_words import MONTHS as _MONTHS

_MONTH = r"(?P<month>[A-Za-z]{3,9})\.?"
_DAY = r"(?P<day>\d{1,2})(?:st|nd|rd|th)?"
_YEAR = r"(?P<year>\d{4})"
_WEEKDAY = r"(?:[A-Za-z]{3,9}\.?,?\s+)?"
# Whatever follows the date (a time, a zone) is irrelevant: the date as written is the local date.
_TAIL = r"(?:(?:[T\s,]|$).*)?$"

_PATTERNS = (
    re.compile(rf"^{_YEAR}-(?P<mnum>\d{{1,2}})-(?P<day>\d{{1,2}}){_TAIL}"),  # ISO 8601
    re.compile(rf"^{_YEAR}(?P<mnum>\d{{2}})(?P<day>\d{{2}})(?:T.*)?$"),  # ISO basic 20241016
    re.compile(rf"^{_YEAR}[/.](?P<mnum>\d{{1,2}})[/.](?P<day>\d{{1,2}}){_TAIL}"),  # 2024/10/16
    re.compile(rf"^{_WEEKDAY}{_DAY}\s+{_MONTH},?\s+{_YEAR}{_TAIL}"),  # RFC 2822, 16 Oct 2024
    re.compile(rf"^{_WEEKDAY}{_MONTH}\s+{_DAY},?\s+{_YEAR}{_TAIL}"),  # October 16, 2024
    re.compile(rf"^{_DAY}[-\s]{_MONTH}[-\s]{_YEAR}{_TAIL}"),  # 16-Oct-2024
)
_NUMERIC_DMY = re.compile(r"^(\d{1,2})[/.](\d{1,2})[/.](\d{4})(?:[T\s,].*)?$")


def parse_date(text: str) -> dt.date | None:
    """The calendar day a metadata string names, or None if it names no real day.

    Reads ISO 8601 (with or without time and zone), RFC 2822, "October 16, 2024", "16 Oct 2024",
    "2024/10/16" and unambiguous "16/10/2024". Impossible days ("2024-02-30"), bare years or months,
    and ambiguous numeric forms ("05/06/2024") give None.
    """
    return parse_date_detail(text)[0]


def parse_date_detail(text: str) -> tuple[dt.date | None, str]:
    """(date, "") or (None, why): "not a real date" or "not a date"."""
    text = " ".join(str(text).split())
    if not text:
        return None, "not a date"
    for pattern in _PATTERNS:
        match = pattern.match(text)
        if not match:
            continue
        groups = match.groupdict()
        if groups.get("month"):
            month = _MONTHS.get(groups["month"].lower())
            if month is None:
                continue
        else:
            month = int(groups["mnum"])
        return _make(int(groups["year"]), month, int(groups["day"]))
    match = _NUMERIC_DMY.match(text)
    if match:
        first, second, year = (int(g) for g in match.groups())
        if first > 12 >= second:
            return _make(year, second, first)
        if second > 12 >= first:
            return _make(year, first, second)
        if first == second:
            return _make(year, first, first)
        return None, "ambiguous (day/month order unknown)"
    return None, "not a date"


def _make(year: int, month: int, day: int) -> tuple[dt.date | None, str]:
    try:
        return dt.date(year, month, day), ""
    except ValueError:
        return None, "not a real date"


def date_from_timestamp(value: float) -> dt.date | None:
    """Unix seconds (or milliseconds, as JavaScript writes them) -> UTC day."""
    if value > 1e11:
        value /= 1000
    try:
        return dt.datetime.fromtimestamp(value, tz=dt.UTC).date()
    except (OverflowError, OSError, ValueError):
        return None


def metadata_date(raw: object, warnings: list[str], *, where: str = "metadata") -> dt.date | None:
    """Parse a metadata value; an unusable one becomes a warning, never a failure."""
    if raw is None or raw == "":
        return None
    if isinstance(raw, bool):
        value = None
        problem = "not a date"
    elif isinstance(raw, int | float):
        value = date_from_timestamp(float(raw))
        problem = "not a date"
    else:
        value, problem = parse_date_detail(str(raw))
    if value is None:
        shown = str(raw)[:60]
        warnings.append(f"publication date '{shown}' in the {where} ignored: {problem}")
    return value
