"""TimelineJS3 JSON (https://timeline.knightlab.com/docs/json-format.html).

A date object carries only the parts the value knows: "2024-07" has no day, and TimelineJS then shows
it as a month. Halves, quarters, seasons, weeks and decades have no native form, so they start at their
first month (or day) and end on their last day, with ``display_date`` saying what they are
("H1 2024"). Date parts are strings, as in Knight Lab's own examples. Unresolved events cannot be
placed on the time axis and are left out of the file; ``dateline.core.export.skipped_events`` names
them, and the CLI and the export dialog report them.
"""

from __future__ import annotations

import html
import json
import re

from .. import timevalue
from ..corroboration import grade
from ..model import DocumentRecord, EventRecord, ExportBundle, Granularity
from ._common import (
    Progress,
    date_label,
    document_title,
    document_url,
    documents_by_id,
    each,
    generated_label,
    quoted,
    safe_url,
)

_COARSE = {
    Granularity.WEEK,
    Granularity.SEASON,
    Granularity.QUARTER,
    Granularity.HALF,
    Granularity.DECADE,
    Granularity.CENTURY,
}
_TIME = re.compile(r"T(\d{2})(?::(\d{2}))?")
_UNCERTAIN_FLAGS = {"date-conflict", "anchor-changed"}


def _date_parts(value: str, *, last: bool = False) -> dict[str, str] | None:
    """The known parts of a value's first (or, with ``last``, final) moment."""
    a, b, g = timevalue.interval(value)
    if a is None or b is None:
        return None
    d = b if last else a
    # An end names its last day in full: TimelineJS reads a month-only end as the 1st of that month,
    # so "H1 2024" would end on 1 June (and a year-only end on 1 January).
    if not last and g in (Granularity.YEAR, Granularity.DECADE, Granularity.CENTURY):
        return {"year": str(d.year)}
    if not last and g in (
        Granularity.MONTH,
        Granularity.SEASON,
        Granularity.QUARTER,
        Granularity.HALF,
    ):
        return {"year": str(d.year), "month": str(d.month)}
    parts = {"year": str(d.year), "month": str(d.month), "day": str(d.day)}
    if g in (Granularity.HOUR, Granularity.MINUTE) and (m := _TIME.search(value)):
        parts["hour"] = str(int(m[1]))
        if m[2] is not None:
            parts["minute"] = str(int(m[2]))
    return parts


def _slide_text(e: EventRecord, docs: dict[int, DocumentRecord]) -> str:
    """HTML for the slide body: everything from the data is escaped; links only to web pages."""
    out: list[str] = []
    meta = [f"Status: {e.status}"]
    if g := grade(e):
        meta.append(f"Grade: {g}")
    if e.tags:
        meta.append("Tags: " + ", ".join(e.tags))
    out.append("<p>" + html.escape(" · ".join(meta)) + "</p>")
    if e.notes:
        out.append("<p>" + html.escape(e.notes).replace("\n", "<br>") + "</p>")
    for s in e.sources:
        title = html.escape(document_title(s, docs))
        url = safe_url(document_url(s, docs))
        cite = f'<a href="{html.escape(url)}">{title}</a>' if url else title
        out.append(f"<blockquote>{html.escape(quoted(s.quote))}<br>— {cite}</blockquote>")
    return "".join(out)


def slide(e: EventRecord, docs: dict[int, DocumentRecord]) -> dict[str, object] | None:
    start = _date_parts(e.value)
    if start is None:
        return None
    g = timevalue.granularity_of(e.value)
    result: dict[str, object] = {"start_date": start}
    end_value = e.end if e.end and timevalue.is_resolved(e.end) else None
    if end_value and end_value != e.value:
        result["end_date"] = _date_parts(end_value, last=True)
    elif g in _COARSE:
        result["end_date"] = _date_parts(e.value, last=True)
    label = date_label(e)
    if set(e.flags) & _UNCERTAIN_FLAGS:
        result["display_date"] = f"{label} (uncertain)"
    elif g in _COARSE or "end_date" in result:
        result["display_date"] = label
    result["text"] = {"headline": html.escape(e.title), "text": _slide_text(e, docs)}
    result["group"] = e.tags[0] if e.tags else ""
    result["unique_id"] = f"event-{e.id}"
    return result


def render_timelinejs(bundle: ExportBundle, progress: Progress | None = None) -> str:
    docs = documents_by_id(bundle)
    events = [s for e in each(bundle.events, progress) if (s := slide(e, docs)) is not None]
    intro = (
        f"{len(events)} events from {len(bundle.documents)} articles."
        f" Generated {generated_label(bundle)}."
    )
    data = {
        "title": {"text": {"headline": html.escape(bundle.title), "text": html.escape(intro)}},
        "events": events,
    }
    return json.dumps(data, ensure_ascii=False, indent=2) + "\n"
