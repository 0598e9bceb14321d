"""Corroboration and conflicts among the sources of one event.

Credibility follows the Admiralty (NATO) scale: 1 confirmed by other sources, 2 probably true,
3 possibly true, 4 doubtful, 5 improbable, 6 cannot be judged. Dateline only *suggests* a grade from
the number of independent documents; the analyst sets it.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from . import timevalue
from .model import EventRecord, SourceRecord
from .span import disagreeing

CREDIBILITY_LABELS = {
    1: "Confirmed by other sources",
    2: "Probably true",
    3: "Possibly true",
    4: "Doubtful",
    5: "Improbable",
    6: "Truth cannot be judged",
}
RELIABILITY_LABELS = {
    "A": "Completely reliable",
    "B": "Usually reliable",
    "C": "Fairly reliable",
    "D": "Not usually reliable",
    "E": "Unreliable",
    "F": "Reliability cannot be judged",
}


def independent_documents(event: EventRecord) -> int:
    """How many independent articles report the event: sources in one article count once, and so
    do a document and its copies (the same article saved twice, a wire story republished
    elsewhere: ``SourceRecord.copy_of``)."""
    return len({s.copy_of or s.document_id for s in event.sources})


def copies_reporting(event: EventRecord) -> int:
    """How many of the documents reporting the event copy another one (not independent)."""
    return len({s.document_id for s in event.sources if s.copy_of is not None})


def corroboration_text(event: EventRecord) -> str:
    """ "3 sources in 2 independent documents (and 1 copy)", as the window says it."""
    n, docs, copied = len(event.sources), independent_documents(event), copies_reporting(event)
    text = (
        f"{n} source{'s' if n != 1 else ''} in {docs} independent "
        f"document{'s' if docs != 1 else ''}"
    )
    if copied:
        text += f" (and {copied} {'copy' if copied == 1 else 'copies'})"
    return text


def grade(event: EventRecord) -> str:
    """The Admiralty grade as analysts write it ("B2"); '?' for the half not graded; '' if neither."""
    if not event.reliability and event.credibility is None:
        return ""
    rel = event.reliability or "?"
    cred = "?" if event.credibility is None else str(event.credibility)
    return f"{rel}{cred}"


def suggested_credibility(event: EventRecord) -> int:
    """A suggestion only: three or more independent reports -> 1, two -> 2, one -> 3, none -> 6."""
    n = independent_documents(event)
    if n >= 3:
        return 1
    if n == 2:
        return 2
    if n == 1:
        return 3
    return 6


@dataclass(frozen=True, slots=True)
class Reading:
    """One source's reading of the event's date."""

    source: SourceRecord
    value: str
    end: str | None


def readings(event: EventRecord) -> list[Reading]:
    out = []
    for s in event.sources:
        value = s.value or ""
        end = None
        if "/" in value:
            value, end = value.split("/", 1)
        if value:
            out.append(Reading(s, value, end))
    return out


def conflicting_readings(event: EventRecord) -> list[Reading]:
    """The readings that contradict another reading of the same event ([] when all agree).

    "Wednesday" (16 Oct) and "October" agree: one contains the other. "16 Oct" and "17 Oct" conflict.
    """
    rs = readings(event)
    return [rs[i] for i in disagreeing([r.source.value for r in rs])]


def has_conflict(event: EventRecord) -> bool:
    return bool(conflicting_readings(event))


def reading_range(rs: Sequence[Reading]) -> tuple[str, str | None]:
    """The value/end pair spanning every reading: "keep a range" when sources disagree."""
    spans = [(a, b) for a, b in (timevalue.span(r.value, r.end) for r in rs) if a and b]
    if not spans:
        return (rs[0].value, rs[0].end) if rs else ("", None)
    first = min(spans, key=lambda s: s[0])[0]
    last = max(spans, key=lambda s: s[1])[1]
    a, b = first.isoformat(), last.isoformat()
    return (a, None) if a == b else (a, b)
