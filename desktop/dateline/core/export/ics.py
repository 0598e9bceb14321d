"""iCalendar (.ics): one all-day VEVENT per placed event.

DTEND is non-inclusive (RFC 5545 3.6.1): the day after the last day covered, so "2024-07" runs from
1 July to 1 August and "17-18 Oct" from the 17th to the 19th. UIDs depend only on the project key and
the event id, so re-importing an export updates the calendar instead of duplicating it; SEQUENCE
follows the event's version so clients take the newer copy. Unresolved events have no day to sit on:
they are left out and counted in X-DATELINE-SKIPPED.
"""

from __future__ import annotations

import datetime as dt
import hashlib

from icalendar import Calendar, Event, vText

from ..corroboration import grade
from ..model import DocumentRecord, EventRecord, ExportBundle, Status
from ._common import (
    Progress,
    date_label,
    document_title,
    document_url,
    documents_by_id,
    each,
    event_span,
    generated_at,
    parse_iso_utc,
    quoted,
    safe_url,
)

_STATUS = {
    Status.ACCEPTED: "CONFIRMED",
    Status.EDITED: "CONFIRMED",
    Status.PROPOSED: "TENTATIVE",
    Status.REJECTED: "CANCELLED",
}


def event_uid(event_id: int, project_key: str = "") -> str:
    """Stable per event and project: two projects' event 12 must not overwrite each other."""
    if not project_key:
        return f"event-{event_id}@dateline"
    digest = hashlib.sha256(project_key.encode("utf-8")).hexdigest()[:12]
    return f"event-{event_id}-{digest}@dateline"


def _description(e: EventRecord, docs: dict[int, DocumentRecord]) -> str:
    lines = [f"Date: {date_label(e)}", f"Status: {e.status}"]
    if g := grade(e):
        lines.append(f"Grade: {g}")
    if e.actors:
        lines.append(f"Actors: {e.actors}")
    if e.notes:
        lines += ["", e.notes]
    if e.sources:
        lines += ["", "Sources:"]
        for s in e.sources:
            url = safe_url(document_url(s, docs))
            cite = document_title(s, docs) + (f" <{url}>" if url else "")
            lines.append(f"{quoted(s.quote)} — {cite}")
    return "\n".join(lines)


def render_ics(bundle: ExportBundle, progress: Progress | None = None) -> str:
    docs = documents_by_id(bundle)
    stamp = parse_iso_utc(generated_at(bundle)) or dt.datetime.now(dt.UTC)
    cal = Calendar()
    cal.add("prodid", "-//Dateline//Timeline export//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    cal.add("x-wr-calname", vText(bundle.title))  # vText escapes "," and ";" (RFC 5545 3.3.11)
    skipped = 0
    for e in each(bundle.events, progress):
        first, last = event_span(e)
        if first is None or last is None:
            skipped += 1
            continue
        ev = Event()
        ev.add("uid", event_uid(e.id, bundle.project_key))
        ev.add("dtstamp", stamp)
        ev.add("dtstart", first)
        ev.add("dtend", last + dt.timedelta(days=1))
        ev.add("summary", e.title)
        ev.add("description", _description(e, docs))
        ev.add("status", _STATUS.get(e.status, "TENTATIVE"))
        ev.add("transp", "TRANSPARENT")  # a news event does not make the analyst busy
        ev.add("sequence", max(e.version - 1, 0))
        if e.tags:
            ev.add("categories", list(e.tags))
        if e.location:
            ev.add("location", e.location)
        urls = [u for s in e.sources if (u := safe_url(document_url(s, docs)))]
        if urls:
            ev.add("url", urls[0])
        cal.add_component(ev)
    cal.add("x-dateline-skipped", str(skipped))
    return cal.to_ical().decode("utf-8")
