"""Small value builders shared by the handlers: durations and relative period values, by unit key."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Granularity
from ..timevalue import value_at
from .anchoring import UNIT_GRANULARITY, shift

_WS = re.compile(r"[\s-]+")

# A unit's key (what a language bundle's ``unit`` reader returns) -> (TIMEX3 duration letter, is a time
# unit (PT...), multiplier)
UNITS: dict[str, tuple[str, bool, int]] = {
    "second": ("S", True, 1),
    "sec": ("S", True, 1),
    "minute": ("M", True, 1),
    "min": ("M", True, 1),
    "hour": ("H", True, 1),
    "hr": ("H", True, 1),
    "day": ("D", False, 1),
    "night": ("D", False, 1),
    "week": ("W", False, 1),
    "weekend": ("WE", False, 1),
    "fortnight": ("W", False, 2),
    "month": ("M", False, 1),
    "quarter": ("Q", False, 1),
    "season": ("M", False, 3),
    "year": ("Y", False, 1),
    "yr": ("Y", False, 1),
    "decade": ("DE", False, 1),
    "century": ("CE", False, 1),
    "centurie": ("CE", False, 1),
    "millennium": ("Y", False, 1000),
}


def norm(s: str | None) -> str:
    return _WS.sub(" ", (s or "").strip().lower())


def duration_value(n: float | None, unit: str) -> str:
    """TIMEX3 duration: P2Y, PT5H, P10Y for a decade, PXY when the count is vague."""
    letter, is_time, mult = UNITS.get(unit, ("X", False, 1))
    if letter == "DE":
        letter, mult = "Y", 10
    elif letter == "CE":
        letter, mult = "Y", 100
    if n is None:
        return ("PTX" if is_time else "PX") + letter
    total = n * mult
    whole = int(total)
    frac = total - whole
    if frac:
        # "2 1/2 years" -> P2Y6M, "5 1/2 hours" -> PT5H30M, "a minute and a half" -> PT1M30S
        down = {
            "Y": ("M", 12, False),
            "M": ("D", 30, False),
            "W": ("D", 7, False),
            "D": ("H", 24, True),
            "H": ("M", 60, True),
            "S": ("S", 1, True),
        }
        if is_time and letter == "M":
            down["M"] = ("S", 60, True)
        if letter in down:
            letter2, k, time2 = down[letter]
            rest = round(frac * k)
            head = f"{whole}{letter}" if whole else ""
            if time2 and not is_time:
                return f"P{head}T{rest}{letter2}"
            return f"{'PT' if is_time else 'P'}{head}{rest}{letter2}"
    return f"{'PT' if is_time else 'P'}{whole}{letter}"


def unit_letter(unit: str) -> str:
    letter, is_time, _ = UNITS.get(unit, ("D", False, 1))
    if is_time:
        return "D"
    return letter


def period_value(anchor: dt.date, unit: str, offset: int) -> str | None:
    """The period of kind ``unit`` that is ``offset`` periods from the one containing ``anchor``."""
    letter = unit_letter(unit)
    gran = UNIT_GRANULARITY.get(letter, Granularity.DAY)
    try:
        d = shift(anchor, letter, offset)
    except (ValueError, OverflowError):
        return None
    if letter == "WE":
        iy, iw, _ = d.isocalendar()
        return f"{iy:04d}-W{iw:02d}-WE"
    return value_at(d, gran)


def unresolved_period(unit: str) -> str:
    """The placeholder for a relative period with nothing to anchor it to."""
    letter = unit_letter(unit)
    return {
        "D": "XXXX-XX-XX",
        "W": "XXXX-WXX",
        "WE": "XXXX-WXX-WE",
        "M": "XXXX-XX",
        "Q": "XXXX-QX",
        "H": "XXXX-HX",
        "Y": "XXXX",
        "DE": "XXX",
        "CE": "XX",
    }.get(letter, "XXXX-XX-XX")
