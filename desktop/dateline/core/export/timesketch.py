"""Timesketch import files, CSV and JSONL (https://timesketch.org/guides/user/import-from-json-csv/).

Timesketch needs ``message``, ``datetime`` and ``timestamp_desc`` on every row; ``timestamp`` is
microseconds since the epoch. News dates carry no time zone, so a day is placed at 00:00 UTC and a
clock time ("2024-10-16T10:00") is read as UTC. A coarse value sits at its first day and says its
precision in ``timestamp_desc`` ("Event date (month)"), so nobody reads 1 July as the day it happened.
Unresolved events have no timestamp and are left out. In the CSV, ``tag`` is a JSON list (what
Timesketch's CSV reader parses as a list) and every text cell goes through the spreadsheet-formula
guard, as in the plain CSV.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
import json
import re

from .. import timevalue
from ..model import DocumentRecord, EventRecord, ExportBundle, Granularity
from ._common import (
    Progress,
    date_label,
    documents_by_id,
    each,
    source_titles,
    spreadsheet_cell,
)

COLUMNS = (
    "message",
    "datetime",
    "timestamp",
    "timestamp_desc",
    "tag",
    "title",
    "status",
    "source_documents",
    "quote",
    "event_id",
    "date_label",
    "value",
)
_EPOCH = dt.datetime(1970, 1, 1, tzinfo=dt.UTC)
_CLOCK = re.compile(r"T(\d{2})(?::(\d{2}))?")


def _moment(e: EventRecord) -> dt.datetime | None:
    first, _, g = timevalue.interval(e.value)
    if first is None:
        return None
    moment = dt.datetime(first.year, first.month, first.day, tzinfo=dt.UTC)
    if g in (Granularity.HOUR, Granularity.MINUTE) and (m := _CLOCK.search(e.value)):
        moment = moment.replace(hour=int(m[1]), minute=int(m[2] or 0))
    return moment


def _row(e: EventRecord, docs: dict[int, DocumentRecord]) -> dict[str, object] | None:
    moment = _moment(e)
    if moment is None:
        return None
    delta = moment - _EPOCH
    micros = (delta.days * 86_400 + delta.seconds) * 1_000_000 + delta.microseconds
    precision = str(timevalue.granularity_of(e.value))
    desc = f"Event date ({precision})" if not e.end else f"Event start ({precision})"
    return {
        "message": f"{date_label(e)}: {e.title}",
        "datetime": moment.isoformat(),
        "timestamp": micros,
        "timestamp_desc": desc,
        "tag": list(e.tags),
        "title": e.title,
        "status": str(e.status),
        "source_documents": source_titles(e, docs),
        "quote": e.sources[0].quote if e.sources else "",
        "event_id": e.id,
        "date_label": date_label(e),
        "value": e.value if not e.end else f"{e.value}/{e.end}",
    }


def rows(bundle: ExportBundle, progress: Progress | None = None) -> list[dict[str, object]]:
    docs = documents_by_id(bundle)
    return [r for e in each(bundle.events, progress) if (r := _row(e, docs)) is not None]


def _csv_cell(key: str, value: object) -> object:
    if key == "tag":
        # A JSON list, "[]" when untagged: Timesketch reads an empty cell as the tag "nan", and a
        # JSON list keeps a tag holding a comma whole.
        return json.dumps(value, ensure_ascii=False)
    if key == "source_documents" and isinstance(value, list):
        value = "; ".join(value)
    return spreadsheet_cell(value) if isinstance(value, str) else value


def render_timesketch_csv(bundle: ExportBundle, progress: Progress | None = None) -> str:
    buf = io.StringIO()
    # "\r\n" as in RFC 4180: the writer then quotes a cell holding a lone "\r", which with "\n"
    # alone it wrote bare, splitting the row in two for every reader.
    w = csv.DictWriter(buf, fieldnames=COLUMNS, lineterminator="\r\n")
    w.writeheader()
    for r in rows(bundle, progress):
        w.writerow({k: _csv_cell(k, v) for k, v in r.items()})
    return buf.getvalue()


def render_timesketch_jsonl(bundle: ExportBundle, progress: Progress | None = None) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows(bundle, progress))
