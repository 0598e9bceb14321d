"""dateparser as the last resort for forms our own normalizer has no rule for.

Imported lazily (it costs about a second at start-up) and cached per (text, anchor, preference), so it never
sits on the hot path. Detection never goes through dateparser.
"""

from __future__ import annotations

import datetime as dt
from functools import lru_cache
from typing import Any

_parser: Any = None


def _load() -> Any:
    global _parser
    if _parser is None:
        import dateparser

        _parser = dateparser
    return _parser


@lru_cache(maxsize=4096)
def _parse(text: str, published: dt.date | None, prefer: str) -> dt.date | None:
    settings: dict[str, object] = {
        "PREFER_DATES_FROM": prefer,
        "REQUIRE_PARTS": ["day", "month", "year"],
    }
    if published is not None:
        settings["RELATIVE_BASE"] = dt.datetime(published.year, published.month, published.day)
    try:
        result = _load().parse(text, languages=["en"], settings=settings)
    except (
        Exception
    ):  # dateparser raises assorted errors on odd input; a failed parse is just no reading
        return None
    return result.date() if result is not None else None


def parse_date(text: str, published: dt.date | None, tense: str) -> dt.date | None:
    """A full calendar date for ``text`` per dateparser, preferring past or future dates as the tense says."""
    prefer = {"past": "past", "future": "future"}.get(tense, "current_period")
    return _parse(text.strip(), published, prefer)
