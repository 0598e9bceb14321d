"""CSV (one row per event, for spreadsheets) and JSON (the engine's shape plus the analyst's work)."""

from __future__ import annotations

import csv
import datetime as dt
import io
import json

from ..model import ExportBundle
from ._common import (
    Progress,
    audit_by_event,
    date_label,
    documents_by_id,
    each,
    generated_at,
    source_titles,
)
from ._common import (
    spreadsheet_cell as _cell,
)
from .records import document_json, event_json, timex_json

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


def _iso(d: dt.date | None) -> str:
    return d.isoformat() if d is not None else ""


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


def render_json(bundle: ExportBundle, progress: Progress | None = None) -> str:
    audit = audit_by_event(bundle.audit)
    data = {
        "title": bundle.title,
        "generated_at": generated_at(bundle),
        "documents": [document_json(d) for d in bundle.documents],
        "events": [event_json(e, audit.get(e.id, [])) for e in each(bundle.events, progress)],
        "timexes": [timex_json(t) for t in bundle.timexes],
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
