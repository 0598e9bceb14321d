"""Turning grammar hits into TIMEX3 readings: one handler per rule, chosen by the rule's name.

The handlers live by family: ``dates`` (calendar dates and names), ``periods`` (years and longer),
``relative`` (relative to publication or an earlier mention), ``daytime`` (clock times, parts of day) and ``amounts`` (durations, sets, references).
"""

from __future__ import annotations

from collections.abc import Callable

from .amounts import AMOUNT_HANDLERS
from .dates import (
    _holiday,
    _iso,
    _month,
    _month_day,
    _month_year,
    _numeric,
    _week_of,
    _weekday,
)
from .daytime import DAYTIME_HANDLERS
from .grammar import Hit
from .periods import (
    _century,
    _decade,
    _fiscal_year,
    _half_year,
    _quarter,
    _season,
    _spelled_year,
    _year,
    _year_adj,
    _year_end,
    _year_range,
)
from .reading import TENSE_RULES, Context, Mention, Reading
from .relative import RELATIVE_HANDLERS

__all__ = ["TENSE_RULES", "Context", "Mention", "Reading", "normalize"]

HANDLERS: dict[str, Callable[[Hit, Context], list[Reading]]] = {
    "iso_date": _iso,
    "numeric_date": _numeric,
    "month_day": _month_day,
    "day_month": _month_day,
    "month_year": _month_year,
    "month": _month,
    "weekday": _weekday,
    "holiday": _holiday,
    "week_of": _week_of,
    "year": _year,
    "year_range": _year_range,
    "fiscal_year": _fiscal_year,
    "spelled_year": _spelled_year,
    "decade": _decade,
    "century": _century,
    "quarter": _quarter,
    "half_year": _half_year,
    "year_adj": _year_adj,
    "year_end": _year_end,
    "season": _season,
}


HANDLERS.update(RELATIVE_HANDLERS)
HANDLERS.update(DAYTIME_HANDLERS)
HANDLERS.update(AMOUNT_HANDLERS)


def normalize(hit: Hit, ctx: Context) -> list[Reading]:
    return HANDLERS[hit.rule](hit, ctx)
