"""Adaptive axis ticks: the finest calendar unit whose labels fit without touching.

Two rows: minor ticks carry the unit's own labels ("Oct", "Wed 16", "10:00"); major ticks mark the
enclosing unit ("2024", "Oct 2024", "Wed 16 Oct 2024") and the period under the left edge keeps a
pinned label so the reader always knows which year or month they are in.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from ..calendar_words import DAY_ABBR, MONTH_ABBR, MONTH_NAMES
from .scale import TimeScale, to_date

Measure = Callable[[str], float]

LABEL_PAD = 3.0  # gap between a tick line and its label's left edge
LABEL_GAP = 8.0  # minimum clear space between two labels in one row
# A level is chosen only when a tick interval has room for half a label more than its label: a
# finer level that only just fits ("00:00 12:00 00:00") says less than a roomy coarser one.
COMFORT = 1.5


def estimate_width(text: str) -> float:
    """A font-free stand-in for text width, used by core tests and the CLI."""
    return 7.0 * len(text)


@dataclass(frozen=True, slots=True)
class Tick:
    t: float
    x: float
    label: str = ""
    label_x: float = 0.0
    label_w: float = 0.0


@dataclass(frozen=True, slots=True)
class TickSet:
    unit: str  # "hour", "day", "week", "month", "quarter", "year", "decade"
    step: int  # hours for "hour", months for "month"/"quarter", years for "year"/"decade", else 1
    minor: tuple[Tick, ...]
    major: tuple[Tick, ...]


@dataclass(frozen=True, slots=True)
class _Level:
    unit: str
    step: int
    nominal_days: float  # shortest possible distance between two ticks
    formats: tuple[Callable[[dt.datetime], str], ...]  # longest first
    major: str  # unit of the enclosing period, "" for none


def _hour(d: dt.datetime) -> str:
    return f"{d.hour:02d}:00"


def _weekday_day(d: dt.datetime) -> str:
    return f"{DAY_ABBR[d.weekday()]} {d.day}"


def _day(d: dt.datetime) -> str:
    return str(d.day)


def _day_month(d: dt.datetime) -> str:
    return f"{d.day} {MONTH_ABBR[d.month]}"


def _month_long(d: dt.datetime) -> str:
    return MONTH_NAMES[d.month]


def _month(d: dt.datetime) -> str:
    return MONTH_ABBR[d.month]


def _quarter(d: dt.datetime) -> str:
    return f"Q{(d.month - 1) // 3 + 1}"


def _year(d: dt.datetime) -> str:
    return str(d.year)


def _decade(d: dt.datetime) -> str:
    return f"{d.year}s"


_LEVELS: tuple[_Level, ...] = (
    _Level("hour", 1, 1 / 24, (_hour,), "day"),
    _Level("hour", 3, 3 / 24, (_hour,), "day"),
    _Level("hour", 6, 6 / 24, (_hour,), "day"),
    _Level("day", 1, 1.0, (_weekday_day, _day), "month"),
    _Level("week", 1, 7.0, (_day_month, _day), "month"),
    _Level("month", 1, 28.0, (_month_long, _month), "year"),
    _Level("quarter", 3, 90.0, (_quarter,), "year"),
    _Level("year", 1, 365.0, (_year,), "decade"),
    _Level("year", 2, 730.0, (_year,), "decade"),
    _Level("year", 5, 1826.0, (_year,), "decade"),
    _Level("decade", 10, 3652.0, (_decade,), ""),
    _Level("year", 20, 7305.0, (_year,), ""),
    _Level("year", 50, 18262.0, (_year,), ""),
    _Level("year", 100, 36524.0, (_year,), ""),
)

_MAJOR_FORMAT: dict[str, Callable[[dt.datetime], str]] = {
    "day": lambda d: f"{DAY_ABBR[d.weekday()]} {d.day} {MONTH_ABBR[d.month]} {d.year}",
    "month": lambda d: f"{MONTH_ABBR[d.month]} {d.year}",
    "year": _year,
    "decade": _decade,
}


def _time(d: dt.datetime) -> float:
    return d.toordinal() + d.hour / 24.0


def _boundaries(unit: str, step: int, t0: float, t1: float) -> Iterator[dt.datetime]:
    """Tick datetimes of a unit from the last boundary at or before ``t0`` to ``t1``."""
    day = to_date(t0)
    if unit == "hour":
        start_h = math.floor((t0 - day.toordinal()) * 24.0 / step) * step
        d = dt.datetime.combine(day, dt.time()) + dt.timedelta(hours=start_h)
        while _time(d) < t1:
            yield d
            d += dt.timedelta(hours=step)
    elif unit == "day":
        d = dt.datetime.combine(day, dt.time())
        while d.toordinal() < t1:
            yield d
            d += dt.timedelta(days=1)
    elif unit == "week":
        d = dt.datetime.combine(day - dt.timedelta(days=day.weekday()), dt.time())
        while d.toordinal() < t1:
            yield d
            d += dt.timedelta(days=7)
    elif unit in ("month", "quarter"):
        m = day.year * 12 + day.month - 1
        m -= m % step
        while True:
            y, mo = divmod(m, 12)
            if y > 9999:
                return
            d = dt.datetime(y, mo + 1, 1)
            if d.toordinal() >= t1:
                return
            yield d
            m += step
    else:  # year, decade and multiples of years
        y = max(1, day.year - day.year % step)
        while y <= 9999:
            d = dt.datetime(y, 1, 1)
            if d.toordinal() >= t1:
                return
            yield d
            y = (y // step + 1) * step


def _major_unit_of(unit: str) -> tuple[str, int]:
    return {
        "day": ("day", 1),
        "month": ("month", 1),
        "year": ("year", 1),
        "decade": ("decade", 10),
    }[unit]


def _fits(xs: list[float], widths: list[float]) -> bool:
    return all(xs[i + 1] - xs[i] >= widths[i] + LABEL_PAD + LABEL_GAP for i in range(len(xs) - 1))


def compute_ticks(scale: TimeScale, measure: Measure = estimate_width) -> TickSet:
    """Ticks for the visible range, at the finest level whose labels never overlap."""
    t0, t1 = scale.visible()
    ppd = scale.pixels_per_day
    chosen: tuple[_Level, list[dt.datetime], list[str], list[float]] | None = None
    for level in _LEVELS:
        shortest = min(measure(f(dt.datetime(2024, 10, 16, 10))) for f in level.formats)
        if level.nominal_days * ppd < COMFORT * shortest + LABEL_PAD + LABEL_GAP:
            continue
        stamps = list(_boundaries(level.unit, level.step, t0, t1))
        xs = [scale.x(_time(d)) for d in stamps]
        for fmt in level.formats:
            labels = [fmt(d) for d in stamps]
            widths = [measure(s) for s in labels]
            if _fits(xs, widths):
                chosen = (level, stamps, labels, widths)
                break
        if chosen:
            break
    if chosen is None:  # narrower than any label: ticks stay, labels go
        level = _LEVELS[-1]
        stamps = list(_boundaries(level.unit, level.step, t0, t1))
        chosen = (level, stamps, [""] * len(stamps), [0.0] * len(stamps))
    level, stamps, labels, widths = chosen
    minor: list[Tick] = []
    for d, s, w in zip(stamps, labels, widths, strict=True):
        t = _time(d)
        x = scale.x(t)
        # a label cut by either edge is noise: the pinned major label gives the context
        whole = x >= -0.5 and x + LABEL_PAD + w <= scale.width
        minor.append(Tick(t, x, s, x + LABEL_PAD, w) if whole and s else Tick(t, x))
    major = _major_ticks(scale, level.major, measure) if level.major else ()
    return TickSet(level.unit, level.step, tuple(minor), major)


def _major_ticks(scale: TimeScale, unit: str, measure: Measure) -> tuple[Tick, ...]:
    u, step = _major_unit_of(unit)
    fmt = _MAJOR_FORMAT[u]
    t0, t1 = scale.visible()
    ticks: list[Tick] = []
    for d in _boundaries(u, step, t0, t1):
        t = _time(d)
        x = scale.x(t)
        label = fmt(d)
        # the period under the left edge keeps its label pinned at the edge
        w = measure(label)
        lx = max(x, 0.0) + LABEL_PAD
        ticks.append(Tick(t, x, label, lx, w) if lx + w <= scale.width else Tick(t, x))
    if len(ticks) >= 2 and ticks[0].x < 0 and _touch(ticks[0], ticks[1]):
        ticks[0] = Tick(ticks[0].t, ticks[0].x)  # the pinned label yields to the real boundary
    out: list[Tick] = []
    last: Tick | None = None
    for tk in ticks:
        if tk.label and last is not None and _touch(last, tk):
            tk = Tick(tk.t, tk.x)
        if tk.label:
            last = tk
        out.append(tk)
    return tuple(out)


def _touch(a: Tick, b: Tick) -> bool:
    return a.label_x + a.label_w + LABEL_GAP > b.label_x
