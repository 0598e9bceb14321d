""" "Explain this date": one line saying how a timex was resolved, for tooltips and provenance.

"'Thursday' in a future-tense clause of an article published Wed 16 Oct 2024 -> Thu 17 Oct 2024"
"""

from __future__ import annotations

import datetime as dt
import re
from typing import Protocol

from . import timevalue

_HAS_YEAR = re.compile(r"\b\d{4}\b|\b\d{2}0s\b")

ANCHOR_LABELS = {
    "absolute": "written out in full",
    "published": "relative to the publication date",
    "mention": "relative to an earlier date in the text",
    "none": "relative, with nothing to anchor it",
}


class TimexLike(Protocol):
    """What ``explain`` reads: a TimexRecord, an engine Timex or a SourceRecord-like object."""

    @property
    def text(self) -> str: ...

    @property
    def value(self) -> str: ...


def anchor_of(text: str, anchor: str = "") -> str:
    """The anchor of a timex: the recorded one, else read from its text (a year makes it absolute)."""
    if anchor:
        return anchor
    return "absolute" if _HAS_YEAR.search(text) else "published"


def _published_label(published: dt.date) -> str:
    return timevalue.label(published.isoformat())


def _result(value: str) -> str:
    if timevalue.is_resolved(value) or value in ("PRESENT_REF", "PAST_REF", "FUTURE_REF"):
        return timevalue.label(value)
    return f"unresolved ({value})" if value else "unresolved"


def explain(
    timex: TimexLike,
    published: dt.date | None,
    *,
    anchor: str | None = None,
    tense: str | None = None,
    anchor_text: str = "",
    explanation: str = "",
) -> str:
    """How ``timex`` got its value, in one line.

    The engine's own ``explanation`` wins when there is one (on ``timex`` or given). Otherwise the
    line is built from the anchor (``timex.anchor`` unless given), the clause tense when known and
    the article's publication date. Without an anchor, a text naming a year reads as absolute and
    anything else as relative to the publication date, which is how the extractor resolves it.
    """
    own = explanation or str(getattr(timex, "explanation", "") or "")
    if own:
        return own
    text = f"'{timex.text}'"
    result = _result(timex.value)
    how = anchor_of(
        timex.text, str(anchor if anchor is not None else getattr(timex, "anchor", "") or "")
    )
    clause = str(tense if tense is not None else getattr(timex, "tense", "") or "")
    clause_part = f" in a {clause}-tense clause" if clause else ""

    if how == "absolute":
        return f"{text} is a full date -> {result}"
    if how == "mention":
        after = f" ('{anchor_text}')" if anchor_text else ""
        return f"{text}{clause_part}, counted from an earlier date in the text{after} -> {result}"
    if how == "published":
        if published is None:
            return f"{text}{clause_part} is relative, but the article has no publication date -> {result}"
        return (
            f"{text}{clause_part} of an article published {_published_label(published)} -> {result}"
        )
    return f"{text} is relative and has nothing to anchor it: set the article's publication date"
