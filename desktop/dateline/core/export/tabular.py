"""CSV (one row per event, for spreadsheets) and JSON (the engine's shape plus the analyst's work)."""

from __future__ import annotations

import csv
import io
import json

from ..model import AuditEntry, EventRecord, ExportBundle, SourceRecord, TimexRecord
from ._common import (
    Progress,
    audit_by_event,
    audit_summary,
    date_label,
    documents_by_id,
    each,
    generated_at,
    source_titles,
)

CSV_COLUMNS = (
    "id",
    "date",
    "value",
    "end",
    "granularity",
    "earliest",
    "latest",
    "title",
    "status",
    "confidence",
    "tags",
    "notes",
    "location",
    "actors",
    "reliability",
    "credibility",
    "sources",
    "first_quote",
    "documents",
)

# A cell starting with one of these is run as a formula by Excel and LibreOffice (CSV injection);
# an apostrophe in front makes the spreadsheet show the text as typed.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def _cell(text: str) -> str:
    return "'" + text if text.startswith(_FORMULA_START) else text


def _iso(d: object) -> str:
    return d.isoformat() if d is not None else ""  # type: ignore[attr-defined]


def render_csv(bundle: ExportBundle, progress: Progress | None = None) -> str:
    docs = documents_by_id(bundle)
    buf = io.StringIO()
    w = csv.writer(buf, lineterminator="\r\n")
    w.writerow(CSV_COLUMNS)
    for e in each(bundle.events, progress):
        w.writerow(
            [
                e.id,
                date_label(e),
                e.value,
                e.end or "",
                str(e.granularity),
                _iso(e.earliest),
                _iso(e.latest),
                _cell(e.title),
                str(e.status),
                f"{e.confidence:.2f}",
                _cell(";".join(e.tags)),
                _cell(e.notes),
                _cell(e.location),
                _cell(e.actors),
                e.reliability or "",
                "" if e.credibility is None else e.credibility,
                len(e.sources),
                _cell(e.sources[0].quote if e.sources else ""),
                _cell(";".join(source_titles(e, docs))),
            ]
        )
    return buf.getvalue()


def _source_json(s: SourceRecord) -> dict[str, object]:
    return {
        # the engine's keys: the timex span and text, and the sentence it sits in
        "document": s.document_id,
        "start": s.timex_start,
        "end": s.timex_end,
        "text": s.timex_text,
        "sentence": s.quote,
        "rule": s.rule,
        # provenance the store adds
        "sentence_start": s.sentence_start,
        "sentence_end": s.sentence_end,
        "value": s.value,
        "origin": s.origin,
        "extractor_version": s.extractor_version,
        "document_title": s.document_title,
    }


def _event_json(e: EventRecord, audit: dict[int, list[AuditEntry]]) -> dict[str, object]:
    return {
        "id": e.id,
        "title": e.title,
        "value": e.value,
        "end": e.end,
        "granularity": str(e.granularity),
        "earliest": _iso(e.earliest) or None,
        "latest": _iso(e.latest) or None,
        "confidence": e.confidence,
        "status": str(e.status),
        "origin": e.origin,
        "description": e.description,
        "tags": list(e.tags),
        "notes": e.notes,
        "location": e.location,
        "actors": e.actors,
        "reliability": e.reliability,
        "credibility": e.credibility,
        "flags": list(e.flags),
        "version": e.version,
        "created_at": e.created_at,
        "updated_at": e.updated_at,
        "sources": [_source_json(s) for s in e.sources],
        "audit": audit_summary(audit.get(e.id, [])),
    }


def _timex_json(t: TimexRecord) -> dict[str, object]:
    return {
        "document": t.document_id,
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


def render_json(bundle: ExportBundle, progress: Progress | None = None) -> str:
    audit = audit_by_event(bundle.audit)
    data = {
        "title": bundle.title,
        "generated_at": generated_at(bundle),
        "documents": [
            {
                "id": d.id,
                "path": d.path,
                "title": d.title,
                "published": d.published.isoformat() if d.published else None,
                "published_source": d.published_source,
                "source": d.source,
                "url": d.url,
                "author": d.author,
            }
            for d in bundle.documents
        ],
        "events": [_event_json(e, audit) for e in each(bundle.events, progress)],
        "timexes": [_timex_json(t) for t in bundle.timexes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
