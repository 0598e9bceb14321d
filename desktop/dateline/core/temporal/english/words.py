"""What English time words mean: month and weekday names, numbers, ordinals, units, seasons, holidays.

Every table here is general English vocabulary, not strings taken from any corpus. ``WORDS`` is what the
handlers look words up in; the regex fragments the patterns are written with are in ``fragments``.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable

from ...calendar_words import MONTHS, WEEKDAY_NAMES
from ..anchoring import easter, nth_weekday
from ..bundle import Words
from ..values import UNITS

# Whole weekday names only, Monday = 0 as date.weekday(): an abbreviation is read by its first letters
# (``dates._weekday_of``), and "sun" or "wed" alone are words, not days.
WEEKDAY_NUM: dict[str, int] = {d.lower(): i for i, d in enumerate(WEEKDAY_NAMES)}

NUMBER_WORDS: dict[str, int] = {
    "a": 1,
    "an": 1,
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "thirteen": 13,
    "fourteen": 14,
    "fifteen": 15,
    "sixteen": 16,
    "seventeen": 17,
    "eighteen": 18,
    "nineteen": 19,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "sixty": 60,
    "seventy": 70,
    "eighty": 80,
    "ninety": 90,
    "hundred": 100,
    "dozen": 12,
    "a dozen": 12,
    "a couple of": 2,
    "couple of": 2,
    "half a": 0,  # handled as a half unit by the normalizer
    "a half": 0,
}

ORDINALS: dict[str, int] = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
    "thirteenth": 13,
    "fourteenth": 14,
    "fifteenth": 15,
    "sixteenth": 16,
    "seventeenth": 17,
    "eighteenth": 18,
    "nineteenth": 19,
    "twentieth": 20,
    "twenty-first": 21,
    "last": 4,
    "final": 4,
}

DECADE_WORDS: dict[str, int] = {
    "twenties": 2,
    "thirties": 3,
    "forties": 4,
    "fifties": 5,
    "sixties": 6,
    "seventies": 7,
    "eighties": 8,
    "nineties": 9,
}

SEASONS = {"spring": "SP", "summer": "SU", "fall": "FA", "autumn": "FA", "winter": "WI"}
PARTS_OF_DAY = {
    "morning": "MO",
    "afternoon": "AF",
    "evening": "EV",
    "night": "NI",
    "overnight": "NI",
    "tonight": "NI",
}

APPROX_MOD = {
    "about": "APPROX",
    "around": "APPROX",
    "approximately": "APPROX",
    "roughly": "APPROX",
    "some": "APPROX",
    "close to": "APPROX",
    "nearly": "LESS_THAN",
    "almost": "LESS_THAN",
    "less than": "LESS_THAN",
    "fewer than": "LESS_THAN",
    "just under": "LESS_THAN",
    "under": "LESS_THAN",
    "barely": "LESS_THAN",
    "more than": "MORE_THAN",
    "over": "MORE_THAN",
    "just over": "MORE_THAN",
    "well over": "MORE_THAN",
    "upwards of": "MORE_THAN",
    "at least": "EQUAL_OR_MORE",
    "at most": "EQUAL_OR_LESS",
    "up to": "EQUAL_OR_LESS",
    "no more than": "EQUAL_OR_LESS",
}
# position words before a period: (TIMEX3 mod, which part of the period)
POSITION_MOD = {
    "early": "START",
    "beginning": "START",
    "start": "START",
    "turn": "START",
    "late": "END",
    "end": "END",
    "close": "END",
    "mid": "MID",
    "middle": "MID",
}


def _fixed(month: int, day: int) -> Callable[[int], dt.date]:
    return lambda year: dt.date(year, month, day)


def _thanksgiving(year: int) -> dt.date:
    return nth_weekday(year, 11, 3, 4)


def _good_friday(year: int) -> dt.date:
    return easter(year) - dt.timedelta(days=2)


def _election_day(year: int) -> dt.date:
    # the U.S. one: the Tuesday after the first Monday of November
    return nth_weekday(year, 11, 0, 1) + dt.timedelta(days=1)


HOLIDAYS = {
    "new year's day": _fixed(1, 1),
    "new year's eve": _fixed(12, 31),
    "new year's": _fixed(1, 1),
    "christmas day": _fixed(12, 25),
    "christmas eve": _fixed(12, 24),
    "christmas": _fixed(12, 25),
    "boxing day": _fixed(12, 26),
    "independence day": _fixed(7, 4),
    "fourth of july": _fixed(7, 4),
    "valentine's day": _fixed(2, 14),
    "halloween": _fixed(10, 31),
    "veterans day": _fixed(11, 11),
    "armistice day": _fixed(11, 11),
    "bastille day": _fixed(7, 14),
    "thanksgiving": _thanksgiving,
    "thanksgiving day": _thanksgiving,
    "easter monday": lambda year: easter(year) + dt.timedelta(days=1),
    "easter": easter,
    "easter sunday": easter,
    "good friday": _good_friday,
    "labor day": lambda year: nth_weekday(year, 9, 0, 1),
    "memorial day": lambda year: nth_weekday(year, 5, 0, -1),
    # the U.S. Monday holidays on which markets and offices close
    "columbus day": lambda year: nth_weekday(year, 10, 0, 2),
    "presidents day": lambda year: nth_weekday(year, 2, 0, 3),
    "presidents' day": lambda year: nth_weekday(year, 2, 0, 3),
    "washington's birthday": lambda year: nth_weekday(year, 2, 0, 3),
    "martin luther king day": lambda year: nth_weekday(year, 1, 0, 3),
    "martin luther king jr. day": lambda year: nth_weekday(year, 1, 0, 3),
    "martin luther king jr day": lambda year: nth_weekday(year, 1, 0, 3),
    "mlk day": lambda year: nth_weekday(year, 1, 0, 3),
    "election day": _election_day,
    "black friday": lambda year: _thanksgiving(year) + dt.timedelta(days=1),
    "cyber monday": lambda year: _thanksgiving(year) + dt.timedelta(days=4),
}
# events known by their day's name, with their date ("" when the name does not give one)
EVENTS = {
    "black monday": "",
    "black tuesday": "",
    "black wednesday": "",
    "black thursday": "",
    "bloody sunday": "",
    "bloody friday": "",
    "blue monday": "",
    "super tuesday": "",
    "september 11": "2001-09-11",
    "sept 11": "2001-09-11",
    "9/11": "2001-09-11",
}

DAY_OFFSET = {"today": 0, "tonight": 0, "yesterday": -1, "tomorrow": 1}
# the period a relative word points at, counted in periods from the one holding the publication date
REL_OFFSET = {
    "this": 0,
    "current": 0,
    "the current": 0,
    "the": 0,
    "the whole": 0,
    "the entire": 0,
    "the full": 0,
    "next": 1,
    "coming": 1,
    "the coming": 1,
    "the next": 1,
    "the upcoming": 1,
    "last": -1,
    "past": -1,
    "previous": -1,
    "the past": -1,
    "the last": -1,
    "the previous": -1,
    "the prior": -1,
    "the preceding": -1,
    "the latest": -1,
    "the most recent": -1,
}
FREQUENCY = {
    "daily": "P1D",
    "nightly": "P1D",
    "weekly": "P1W",
    "biweekly": "P2W",
    "fortnightly": "P2W",
    "monthly": "P1M",
    "quarterly": "P3M",
    "annually": "P1Y",
    "yearly": "P1Y",
    "semiannually": "P6M",
    "hourly": "PT1H",
}
PRESENT_REFS = frozenset(
    {
        "now",
        "right now",
        "nowadays",
        "currently",
        "current",
        "presently",
        "at present",
        "the present",
        "the present day",
        "these days",
    }
)
FUTURE_REFS = frozenset(
    {"future", "the future", "soon", "the near term", "the short term", "a later date"}
)

_WS = re.compile(r"[\s-]+")


def _norm(s: str | None) -> str:
    return _WS.sub(" ", (s or "").strip().lower())


def parse_number(s: str | None) -> float | None:
    """A written or digit number; None for vague quantities ("several", "a few")."""
    w = _norm(s)
    if not w:
        return None
    if w.endswith(" and a half"):  # "two and a half", "3 and a half"
        head = parse_number(w[: -len(" and a half")])
        return head + 0.5 if head is not None else None
    if w[0].isdigit() and not (w.endswith("1/2") or w.endswith("½")):
        try:
            return float(w)
        except ValueError:
            return None
    if w in ("half a", "a half"):
        return 0.5
    if w.endswith(" 1/2") or w.endswith("½"):
        head = parse_number(w.replace(" 1/2", "").replace("½", ""))
        return head + 0.5 if head is not None else None
    if w in NUMBER_WORDS:
        return float(NUMBER_WORDS[w])
    parts = w.split(" ")
    if parts[0] == "a" and len(parts) == 2 and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[1]])
    if len(parts) == 2 and parts[0] in NUMBER_WORDS and parts[1] in NUMBER_WORDS:
        return float(NUMBER_WORDS[parts[0]] + NUMBER_WORDS[parts[1]])
    return None


def spelled_year(s: str | None) -> int | None:
    """ "nineteen ninety-four" -> 1994, "two thousand and one" -> 2001; None when it is not one."""
    w = _norm(s).replace(" and ", " ")
    if w.startswith("two thousand"):
        rest = w[len("two thousand") :].strip()
        n = parse_number(rest) if rest else 0.0
        return None if n is None else 2000 + int(n)
    if w.startswith("nineteen "):
        n = parse_number(w[len("nineteen ") :].replace("oh ", ""))
        return 1900 + int(n) if n is not None and 0 < n < 100 else None
    return None


def unit_key(unit: str | None) -> str:
    """'Years' -> 'year', 'centuries' -> 'century': the key of ``values.UNITS``."""
    u = _norm(unit)
    if u == "centuries":
        return "century"
    if u.endswith("s") and u[:-1] in UNITS:
        return u[:-1]
    return u


WORDS = Words(
    month_num=MONTHS,
    weekday_num=WEEKDAY_NUM,
    ordinals=ORDINALS,
    decade_words=DECADE_WORDS,
    seasons=SEASONS,
    parts_of_day=PARTS_OF_DAY,
    holidays=HOLIDAYS,
    events=EVENTS,
    approx_mod=APPROX_MOD,
    position_mod=POSITION_MOD,
    day_offset=DAY_OFFSET,
    rel_offset=REL_OFFSET,
    frequency=FREQUENCY,
    present_refs=PRESENT_REFS,
    future_refs=FUTURE_REFS,
    number=parse_number,
    unit=unit_key,
    spelled_year=spelled_year,
)
