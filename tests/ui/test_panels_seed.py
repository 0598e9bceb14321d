"""Realistic panel data built from the seed articles and their gold annotation.

The panels take records, not a database: these builders make DocumentRecord, TimexRecord,
EventRecord and AuditEntry values exactly as the store would return them for the seeds. Other panel
tests import them (``from test_panels_seed import ...``); the tests below check the data itself.
"""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from dateline.core import timevalue
from dateline.core.model import (
    AuditEntry,
    DocumentRecord,
    EventRecord,
    SourceRecord,
    Status,
    TimexRecord,
)
from dateline.core.sentences import split_sentences

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
PUBLISHED = dt.date(2024, 10, 16)
_RULES = {
    "Wednesday": "weekday-past",
    "Thursday": "weekday-future",
    "Friday": "weekday-future",
    "next month": "relative-month",
    "earlier this year": "relative-year",
    "today": "deictic-today",
    "now": "deictic-now",
    "July": "month-name",
}


def _gold() -> dict:
    return json.loads((SEEDS / "gold-timeline.json").read_text(encoding="utf-8"))


def documents() -> dict[int, DocumentRecord]:
    manifest = json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["articles"]
    docs = {}
    for i, (name, meta) in enumerate(sorted(manifest.items()), start=1):
        docs[i] = DocumentRecord(
            id=i,
            content_hash=name.split("_", 1)[1].removesuffix(".txt"),
            title=meta["title"],
            text=(SEEDS / name).read_text(encoding="utf-8"),
            published=dt.date.fromisoformat(meta["published"]),
            published_source="analyst" if i == 1 else "metadata",
            source="" if i == 1 else "POLITICO Europe",
            path=str(SEEDS / name),
            imported_at="2026-11-23T10:30:00Z",
        )
    return docs


def _doc_id(name: str) -> int:
    return 1 if name.startswith("000_") else 2


def _nth(text: str, needle: str, nth: int) -> int:
    pos = -1
    for _ in range(nth):
        pos = text.index(needle, pos + 1)
    return pos


def timexes() -> list[TimexRecord]:
    docs = documents()
    out = []
    for i, m in enumerate(_gold()["mentions"], start=1):
        doc = docs[_doc_id(m["doc"])]
        start = _nth(doc.text, m["text"], m["nth"])
        has_year = any(ch.isdigit() for ch in m["text"])
        value = m["value"]
        a, b, g = timevalue.interval(value)
        out.append(
            TimexRecord(
                id=i,
                document_id=doc.id,
                start=start,
                end=start + len(m["text"]),
                text=m["text"],
                type="DATE",
                value=value,
                granularity=str(g),
                anchor="absolute" if has_year else "published",
                rule=_RULES.get(m["text"], "year-phrase" if has_year else "relative"),
                confidence=0.9,
                earliest=a,
                latest=b,
            )
        )
    return out


def sentence_of(doc: DocumentRecord, offset: int) -> tuple[int, int]:
    for s in split_sentences(doc.text):
        if s.start <= offset < s.end:
            return s.start, s.end
    raise ValueError(offset)


def events() -> list[EventRecord]:
    """The gold events with their sources; the press conference is accepted, others vary."""
    docs = documents()
    tx = timexes()
    statuses = {
        "rutte-press-conference": Status.ACCEPTED,
        "defence-ministerial": Status.EDITED,
        "victory-plan-parliament": Status.ACCEPTED,
        "h1-commitments": Status.PROPOSED,
    }
    out = []
    for eid, ev in enumerate(_gold()["events"], start=1):
        sources = []
        for sid, (name, phrase) in enumerate(ev["sources"], start=1):
            doc = docs[_doc_id(name)]
            at = doc.text.index(phrase)
            s0, s1 = sentence_of(doc, at)
            inside = [t for t in tx if t.document_id == doc.id and s0 <= t.start < s1]
            # The timex nearest the phrase is the one that dated this source.
            t = min(inside, key=lambda t: abs(t.start - at)) if inside else None
            sources.append(
                SourceRecord(
                    id=eid * 10 + sid,
                    event_id=eid,
                    document_id=doc.id,
                    sentence_start=s0,
                    sentence_end=s1,
                    timex_start=t.start if t else None,
                    timex_end=t.end if t else None,
                    quote=doc.text[s0:s1],
                    timex_text=t.text if t else "",
                    value=t.value if t else "",
                    rule=t.rule if t else "",
                    extractor_version="dateline-temporal 0.3.0",
                    document_title=doc.title,
                )
            )
        a, b = timevalue.span(ev["value"], ev.get("end"))
        out.append(
            EventRecord(
                id=eid,
                title=ev["label"],
                value=ev["value"],
                end=ev.get("end"),
                granularity=timevalue.granularity_of(ev["value"]),
                earliest=a,
                latest=b,
                status=statuses.get(ev["id"], Status.PROPOSED),
                confidence=0.82,
                tags=("nato", "aid") if "aid" in ev["label"].lower() else ("nato",),
                sources=tuple(sources),
                created_at="2026-11-23T10:30:05Z",
            )
        )
    return out


def event(slug: str) -> EventRecord:
    ids = [e["id"] for e in _gold()["events"]]
    return events()[ids.index(slug)]


def history(ev: EventRecord) -> list[AuditEntry]:
    return [
        AuditEntry(
            1,
            "2026-11-23T10:30:05Z",
            "dateline",
            "create",
            "event",
            ev.id,
            {},
            {"status": "proposed", "title": ev.title},
        ),
        AuditEntry(
            2,
            "2026-11-23T10:41:12Z",
            "alice",
            "accept",
            "event",
            ev.id,
            {"status": "proposed"},
            {"status": "accepted"},
        ),
        AuditEntry(
            3,
            "2026-11-23T10:42:30Z",
            "alice",
            "edit",
            "event",
            ev.id,
            {"date": ["2024-10-17", None], "tags": ["nato"]},
            {"date": ["2024-10-17", "2024-10-18"], "tags": ["nato", "ministerial"]},
        ),
        AuditEntry(
            4,
            "2026-11-23T10:43:02Z",
            "alice",
            "note",
            "event",
            ev.id,
            {"notes": ""},
            {"notes": "First time with Indo-Pacific partners."},
        ),
    ]


def status_by_span(doc_id: int) -> dict[tuple[int, int], str]:
    out: dict[tuple[int, int], str] = {}
    for e in events():
        for s in e.sources:
            if s.document_id == doc_id and s.timex_start is not None:
                out[(s.timex_start, s.timex_end)] = str(e.status)
    return out


# ---- the data is what the panels' tests assume it is ----


def test_every_timex_span_is_its_text():
    docs = documents()
    for t in timexes():
        assert docs[t.document_id].text[t.start : t.end] == t.text


def test_press_conference_has_sources_in_both_documents():
    ev = event("rutte-press-conference")
    assert {s.document_id for s in ev.sources} == {1, 2}
    assert all(s.timex_text == "Wednesday" for s in ev.sources)
    assert status_by_span(2)  # the second article has highlighted dates
