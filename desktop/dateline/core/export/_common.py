"""Helpers every exporter shares: grades, audit summaries, source look-ups, progress, safe links."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Sequence
from typing import TypeVar

from .. import timevalue
from ..calendar_words import MONTH_NAMES
from ..model import AuditEntry, DocumentRecord, EventRecord, ExportBundle, SourceRecord

Progress = Callable[[int, int], object]
"""Called as ``progress(done, total)``; it may raise ``Cancelled`` to stop an export."""

T = TypeVar("T")


def each(items: Sequence[T], progress: Progress | None) -> Iterator[T]:
    """Yield items, reporting progress after each one (and 0 of n before the first)."""
    total = len(items)
    if progress is not None:
        progress(0, total)
    for i, item in enumerate(items, 1):
        yield item
        if progress is not None:
            progress(i, total)


def documents_by_id(bundle: ExportBundle) -> dict[int, DocumentRecord]:
    return {d.id: d for d in bundle.documents}


def document_title(source: SourceRecord, docs: dict[int, DocumentRecord]) -> str:
    if source.document_title:
        return source.document_title
    doc = docs.get(source.document_id)
    if doc is None:
        return f"document {source.document_id}"
    return doc.title or doc.path or f"document {doc.id}"


def document_url(source: SourceRecord, docs: dict[int, DocumentRecord]) -> str:
    doc = docs.get(source.document_id)
    return doc.url if doc is not None else ""


def safe_url(url: str) -> str:
    """Only web links leave the exporter: a ``javascript:`` or ``file:`` URL from an imported page
    must never become a clickable link in a briefing or a TimelineJS slide."""
    u = (url or "").strip()
    return u if u.lower().startswith(("http://", "https://")) else ""


def source_titles(event: EventRecord, docs: dict[int, DocumentRecord]) -> list[str]:
    """Distinct titles of the articles an event comes from, in source order."""
    seen: dict[str, None] = {}
    for s in event.sources:
        seen.setdefault(document_title(s, docs), None)
    return list(seen)


def quoted(text: str) -> str:
    """A quote in curly quotes, unless the sentence already opens with its own quotation mark."""
    t = text.strip()
    return t if t[:1] in ("“", '"', "‘", "«") else f"“{t}”"


def date_label(event: EventRecord) -> str:
    return timevalue.label(event.value, event.end)


def event_span(event: EventRecord) -> tuple[dt.date | None, dt.date | None]:
    """Inclusive days an event covers, from its value (the truth; earliest/latest are derived)."""
    return timevalue.span(event.value, event.end)


def is_placed(event: EventRecord) -> bool:
    """Whether a date-based format can put the event on its axis."""
    return timevalue.is_resolved(event.value)


def audit_by_event(audit: Iterable[AuditEntry]) -> dict[int, list[AuditEntry]]:
    """Each event's audit rows, gathered once (scanning the log per event is quadratic)."""
    out: dict[int, list[AuditEntry]] = {}
    for a in audit:
        if a.entity == "event":
            out.setdefault(a.entity_id, []).append(a)
    return out


def audit_summary(rows: Sequence[AuditEntry]) -> dict[str, object]:
    return {
        "changes": len(rows),
        "last_change": max((a.at for a in rows), default=None),
        "by": sorted({a.who for a in rows if a.who}),
    }


def generated_at(bundle: ExportBundle) -> str:
    """The bundle's generation time, or now (UTC) when the caller left it empty."""
    if bundle.generated_at:
        return bundle.generated_at
    return dt.datetime.now(dt.UTC).replace(microsecond=0).isoformat().replace("+00:00", "Z")


def generated_label(bundle: ExportBundle) -> str:
    """The generation time as a reader writes it: "23 November 2026, 10:00 UTC"."""
    moment = parse_iso_utc(generated_at(bundle)) or dt.datetime.now(dt.UTC)
    month = MONTH_NAMES[moment.month]
    return f"{moment.day} {month} {moment.year}, {moment:%H:%M} UTC"


# A cell starting with one of these is run as a formula by Excel and LibreOffice (CSV injection);
# an apostrophe in front makes the spreadsheet show the text as typed. Every CSV-like export writes
# its text cells through ``spreadsheet_cell``.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_cell(text: str) -> str:
    return "'" + text if text.startswith(FORMULA_START) else text


def parse_iso_utc(text: str) -> dt.datetime | None:
    try:
        d = dt.datetime.fromisoformat(text.replace("Z", "+00:00"))
    except (ValueError, AttributeError):
        return None
    return d.replace(tzinfo=dt.UTC) if d.tzinfo is None else d.astimezone(dt.UTC)
