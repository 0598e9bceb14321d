"""The horizontal time scale of the timeline: time <-> pixels, zoom and pan.

Time is a float count of days on the proleptic Gregorian ordinal (``date.toordinal()``): day ``N``
covers ``[N, N + 1)`` and a datetime adds its time of day as a fraction. Doubles keep sub-second
precision at these magnitudes, and ordinals make ``date`` conversion exact and cheap.
"""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass

DAYS_PER_YEAR = 365.2425
MIN_SPAN_DAYS = 0.25  # six hours: finer than that, the hour ticks have nothing left to say
# two centuries: news mentions the founding of a company or a country; wider says nothing more
MAX_SPAN_DAYS = 200 * DAYS_PER_YEAR
_MIN_T = float(dt.date(1, 1, 1).toordinal())
_MAX_T = float(dt.date(9999, 12, 31).toordinal() + 1)


def to_time(value: dt.date | dt.datetime | float) -> float:
    """A date, datetime or already-numeric time as float days on the ordinal scale."""
    if isinstance(value, dt.datetime):
        midnight = value.replace(hour=0, minute=0, second=0, microsecond=0)
        return value.toordinal() + (value - midnight).total_seconds() / 86400.0
    if isinstance(value, dt.date):
        return float(value.toordinal())
    return float(value)


def to_date(t: float) -> dt.date:
    """The calendar day containing time ``t`` (clamped to the representable years)."""
    return dt.date.fromordinal(math.floor(min(max(t, _MIN_T), _MAX_T - 1)))


def to_datetime(t: float) -> dt.datetime:
    day = to_date(t)
    frac = t - day.toordinal()
    return dt.datetime.combine(day, dt.time()) + dt.timedelta(seconds=round(frac * 86400.0))


@dataclass(slots=True)
class TimeScale:
    """Maps time to x in device-independent pixels for a view ``width`` pixels wide.

    Mutable on purpose: the view owns one and zooms or pans it on every wheel tick.
    """

    t0: float  # time at x == 0
    pixels_per_day: float
    width: float

    @classmethod
    def fitting(cls, a: float, b: float, width: float, margin: float = 0.0) -> TimeScale:
        """A scale showing ``[a, b)`` across ``width`` pixels, padded by ``margin`` of the span."""
        s = cls(a, 1.0, max(width, 1.0))
        s.set_range(a, b, margin)
        return s

    # ---- mapping ----
    def x(self, t: float) -> float:
        return (t - self.t0) * self.pixels_per_day

    def t(self, x: float) -> float:
        return self.t0 + x / self.pixels_per_day

    @property
    def t1(self) -> float:
        return self.t0 + self.width / self.pixels_per_day

    @property
    def span(self) -> float:
        return self.width / self.pixels_per_day

    def visible(self) -> tuple[float, float]:
        return self.t0, self.t1

    # ---- changing the view ----
    def set_width(self, width: float) -> None:
        """Resize keeping the left edge and the zoom, unless the span would leave its limits."""
        self.width = max(width, 1.0)
        self._clamp()

    def set_range(self, a: float, b: float, margin: float = 0.0) -> None:
        if b < a:
            a, b = b, a
        pad = (b - a) * margin
        a, b = a - pad, b + pad
        span = min(max(b - a, MIN_SPAN_DAYS), MAX_SPAN_DAYS)
        mid = (a + b) / 2.0
        self.pixels_per_day = self.width / span
        self.t0 = mid - span / 2.0
        self._clamp()

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out keeping the time under ``anchor_x`` where it is."""
        if factor <= 0 or not math.isfinite(factor):
            return
        ax = self.width / 2.0 if anchor_x is None else anchor_x
        anchor_t = self.t(ax)
        ppd = self.pixels_per_day * factor
        ppd = min(max(ppd, self.width / MAX_SPAN_DAYS), self.width / MIN_SPAN_DAYS)
        self.pixels_per_day = ppd
        self.t0 = anchor_t - ax / ppd
        self._clamp()

    def pan(self, dx_pixels: float) -> None:
        """Move the content ``dx_pixels`` to the right (so earlier times come into view)."""
        self.t0 -= dx_pixels / self.pixels_per_day
        self._clamp()

    def centre_on(self, t: float) -> None:
        self.t0 = t - self.span / 2.0
        self._clamp()

    def _clamp(self) -> None:
        lo_ppd, hi_ppd = self.width / MAX_SPAN_DAYS, self.width / MIN_SPAN_DAYS
        self.pixels_per_day = min(max(self.pixels_per_day, lo_ppd), hi_ppd)
        span = self.span
        self.t0 = min(max(self.t0, _MIN_T), _MAX_T - span)
