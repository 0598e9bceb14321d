"""The one JSON shape of stored records, shared by the JSON export and ``dateline events --format json``.

It is the temporal engine's shape (documents, events with their sources, timexes) plus what the store
and the analyst add: status, tags, notes, grades, provenance and, in exports, an audit summary. Both
outputs build every record here, so a field added for one appears in the other.

``text_ids`` writes document ids as strings: the CLI has always done so, matching ``dateline extract``
(whose documents are named, not numbered); the export writes them as the store's integers.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from .. import timevalue
from ..corroboration import grade
from ..model import AuditEntry, DocumentRecord, EventRecord, SourceRecord, TimexRecord
from ._common import audit_summary


def _iso(d: dt.date | None) -> str | None:
    return d.isoformat() if d is not None else None


def _doc_id(document_id: int, text_ids: bool) -> int | str:
    return str(document_id) if text_ids else document_id


def document_json(d: DocumentRecord, *, text_ids: bool = False) -> dict[str, object]:
    return {
        "id": _doc_id(d.id, text_ids),
        "path": d.path,
        "title": d.title,
        "published": _iso(d.published),
        "published_source": d.published_source,
        "source": d.source,
        "url": d.url,
        "author": d.author,
    }


def source_json(s: SourceRecord, *, text_ids: bool = False) -> dict[str, object]:
    return {
        # the engine's keys: the timex span and text, and the sentence it sits in
        "document": _doc_id(s.document_id, text_ids),
        "start": s.timex_start,
        "end": s.timex_end,
        "text": s.timex_text,
        "sentence": s.quote,
        "rule": s.rule,
        # what the store adds
        "id": s.id,
        "sentence_start": s.sentence_start,
        "sentence_end": s.sentence_end,
        "value": s.value,
        "origin": s.origin,
        "extractor_version": s.extractor_version,
        "document_title": s.document_title,
    }


def event_json(
    e: EventRecord,
    audit: Sequence[AuditEntry] | None = None,
    *,
    text_ids: bool = False,
) -> dict[str, object]:
    """An event with its sources; ``audit`` (the event's audit rows) adds an ``audit`` summary."""
    out: dict[str, object] = {
        # the engine's keys
        "id": e.id,
        "title": e.title,
        "value": e.value,
        "end": e.end,
        "granularity": str(e.granularity),
        "earliest": _iso(e.earliest),
        "latest": _iso(e.latest),
        "label": timevalue.label(e.value, e.end),
        "confidence": e.confidence,
        # the review
        "status": str(e.status),
        "origin": e.origin,
        "description": e.description,
        "tags": list(e.tags),
        "notes": e.notes,
        "location": e.location,
        "actors": e.actors,
        "reliability": e.reliability,
        "credibility": e.credibility,
        "grade": grade(e),
        "flags": list(e.flags),
        "version": e.version,
        "created_at": e.created_at,
        "updated_at": e.updated_at,
        "sources": [source_json(s, text_ids=text_ids) for s in e.sources],
    }
    if audit is not None:
        out["audit"] = audit_summary(audit)
    return out


def timex_json(t: TimexRecord, *, text_ids: bool = False) -> dict[str, object]:
    return {
        "document": _doc_id(t.document_id, text_ids),
        "start": t.start,
        "end": t.end,
        "text": t.text,
        "type": t.type,
        "value": t.value,
        "anchor": t.anchor,
        "rule": t.rule,
        "granularity": t.granularity,
        "confidence": t.confidence,
    }
