"""A date's span: the first and last calendar day it covers, and how two spans relate.

The one place that says when two readings of a date agree. "Wednesday 16 Oct" and "October" are
*compatible* (one contains the other: they can be one happening's date, told at two precisions); "16 Oct"
and "17 Oct" are not, though "16-17 Oct" *overlaps* both.
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from dataclasses import dataclass

from . import timevalue
from .model import pickled_as_arguments


@pickled_as_arguments
@dataclass(frozen=True, slots=True, order=True)
class Span:
    first: int  # proleptic ordinals (``date.toordinal``) of the first and last day, inclusive
    last: int

    @staticmethod
    def of(value: str, end: str | None = None) -> Span | None:
        """The span of a TIMEX3 value (with an optional end value); None when unresolved."""
        return _span_of(value or "", end or None)

    @staticmethod
    def of_reading(reading: str) -> Span | None:
        """The span of a source's reading, "2024-10-16" or a range "2024-10-17/2024-10-18"."""
        value, _, end = (reading or "").partition("/")
        return _span_of(value, end or None)

    @staticmethod
    def days(first: dt.date, last: dt.date) -> Span:
        return Span(first.toordinal(), last.toordinal())

    @property
    def width(self) -> int:
        """Days covered beyond the first (0 for a single day)."""
        return self.last - self.first

    @property
    def start(self) -> dt.date:
        return dt.date.fromordinal(self.first)

    @property
    def end(self) -> dt.date:
        return dt.date.fromordinal(self.last)

    def contains(self, other: Span) -> bool:
        return self.first <= other.first and other.last <= self.last

    def compatible(self, other: Span) -> bool:
        """One contains the other: both can be readings of one happening's date."""
        return (self.first <= other.first and other.last <= self.last) or (
            other.first <= self.first and self.last <= other.last
        )

    def overlaps(self, other: Span) -> bool:
        return self.first <= other.last and other.first <= self.last

    def finer(self, other: Span) -> Span:
        return self if self.width <= other.width else other


@functools.lru_cache(maxsize=16384)
def _span_of(value: str, end: str | None) -> Span | None:
    a, b = timevalue.span(value, end)
    return Span(a.toordinal(), b.toordinal()) if a is not None and b is not None else None


def disagreeing(readings: Sequence[str]) -> list[int]:
    """The positions of the readings ("2024-10-16", "2024-10", "2024-10-17/2024-10-18") that cannot be
    one date with some other of them; [] when all agree. Two agree when one's span contains the
    other's; an unresolved reading contradicts nothing."""
    spans = [Span.of_reading(r) for r in readings]
    return [
        i
        for i, a in enumerate(spans)
        if a is not None and any(b is not None and not a.compatible(b) for b in spans)
    ]
