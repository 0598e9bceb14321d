"""Small value builders shared by the rule normalizers: numbers, durations, relative period values."""

from __future__ import annotations

import datetime as dt
import re

from ..model import Granularity
from ..timevalue import value_at
from .anchoring import UNIT_GRANULARITY, shift
from .lexicon import NUMBER_WORDS, UNITS

_WS = re.compile(r"[\s-]+")


def norm(s: str | None) -> str:
    return _WS.sub(" ", (s or "").strip().lower())


def parse_number(s: str | None) -> float | None:
    """A written or digit number; None for vague quantities ("several", "a few")."""
    w = norm(s)
    if not w:
        return None
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
    w = norm(s).replace(" and ", " ")
    if w.startswith("two thousand"):
        rest = w[len("two thousand") :].strip()
        n = parse_number(rest) if rest else 0.0
        return None if n is None else 2000 + int(n)
    if w.startswith("nineteen "):
        n = parse_number(w[len("nineteen ") :].replace("oh ", ""))
        return 1900 + int(n) if n is not None and 0 < n < 100 else None
    return None


def unit_key(unit: str | None) -> str:
    """'Years' -> 'year', 'centuries' -> 'century'."""
    u = norm(unit)
    if u == "centuries":
        return "century"
    if u.endswith("s") and u[:-1] in UNITS:
        return u[:-1]
    return u


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
