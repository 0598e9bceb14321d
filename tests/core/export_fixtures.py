"""Export bundles for the exporter tests, built by hand to mirror the seed timeline after review.

The documents are the two seed articles with their real text; every source quotes the real sentence at
its real offsets; timexes follow seeds/gold-timeline.json. On top of the seven gold events there is one
unresolved event, so each format shows what it does with a date it cannot place.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

from dateline.core import timevalue
from dateline.core.model import (
    AuditEntry,
    DocumentRecord,
    EventRecord,
    ExportBundle,
    Granularity,
    SourceRecord,
    Status,
    TimexRecord,
)

SEEDS = Path(__file__).resolve().parents[2] / "seeds"
DOC_A = "000_4469d01aed9a9573.txt"  # the opinion-style article without a title line
DOC_B = "001_be753c90a74e32cd.txt"  # the Brussels news report
DOC_IDS = {DOC_A: 1, DOC_B: 2}
URL_B = "https://www.example.org/news/nato-pledges-money-not-membership?ref=a&b=1"
GENERATED_AT = "2026-11-23T10:00:00Z"


def _manifest() -> dict:
    return json.loads((SEEDS / "manifest.json").read_text(encoding="utf-8"))["articles"]


def documents() -> tuple[DocumentRecord, ...]:
    manifest = _manifest()
    docs = []
    for name, doc_id in DOC_IDS.items():
        meta = manifest[name]
        docs.append(
            DocumentRecord(
                id=doc_id,
                content_hash=f"hash-{doc_id}",
                title=meta["title"],
                text=(SEEDS / name).read_text(encoding="utf-8"),
                published=dt.date.fromisoformat(meta["published"]),
                published_source="manifest",
                source="" if name == DOC_A else "Example News",
                url="" if name == DOC_A else URL_B,
                path=str(SEEDS / name),
                imported_at="2026-11-23T09:00:00Z",
            )
        )
    return tuple(docs)


def sentence_around(text: str, phrase: str) -> tuple[int, int]:
    """The sentence holding ``phrase``: from the previous sentence end or line start to the next."""
    i = text.index(phrase)
    starts = [m.end() for m in re.finditer(r"(?:[.!?][”\"]?\s+)|\n", text[:i])]
    start = starts[-1] if starts else 0
    m = re.search(r"[.!?][”\"]?(?=\s)|\n", text[i + len(phrase) :])
    end = i + len(phrase) + (m.end() if m else len(text) - i - len(phrase))
    return start, end


# (document, phrase in the sentence, timex text inside the phrase, value of this reading)
_SOURCES: dict[str, list[tuple[str, str, str, str]]] = {
    "h1-commitments": [
        (DOC_B, "during the first half of 2024", "first half of 2024", "2024-H1"),
        (DOC_A, "during the first half of 2024", "first half of 2024", "2024-H1"),
    ],
    "washington-summit": [
        (DOC_B, "summit in July", "July", "2024-07"),
        (DOC_A, "summit in Washington", "earlier this year", "2024"),
    ],
    "rutte-press-conference": [
        (DOC_B, "Rutte said Wednesday", "Wednesday", "2024-10-16"),
        (DOC_B, "press conference on Wednesday", "Wednesday", "2024-10-16"),
        (DOC_A, "press conference on Wednesday", "Wednesday", "2024-10-16"),
        (DOC_A, "Rutte said on Wednesday", "Wednesday", "2024-10-16"),
    ],
    "victory-plan-parliament": [
        (DOC_B, "presented Wednesday to Ukraine", "Wednesday", "2024-10-16"),
        (DOC_A, "parliament on Wednesday", "Wednesday", "2024-10-16"),
    ],
    "defence-ministerial": [
        (DOC_B, "on Thursday and Friday", "Thursday and Friday", "2024-10-17"),
    ],
    "zelenskyy-brussels-visit": [
        (DOC_B, "visit to Brussels Thursday", "Thursday", "2024-10-17"),
    ],
    "wiesbaden-hub": [
        (DOC_B, "operational next month", "next month", "2024-11"),
        (DOC_A, "operational next month", "next month", "2024-11"),
    ],
    "north-korean-troops": [
        (DOC_B, "North Korean troops have been dispatched", "", ""),
    ],
}

# id, gold id, title, value, end, status, tags, notes, grade, location, actors
_EVENTS = [
    (1, "h1-commitments", "Allies commit EUR 20.9 billion in military assistance", "2024-H1", None,
     Status.ACCEPTED, ("aid", "funding"), "Both articles quote the same figure.", ("B", 2), "", "NATO allies"),
    (2, "washington-summit", "NATO leaders' summit in Washington sets the EUR 40 billion aid target",
     "2024-07", None, Status.ACCEPTED, ("summit", "aid"), "Month only: the summit dates are not in the text.",
     ("B", 2), "Washington", "NATO leaders"),
    (3, "rutte-press-conference", "Rutte's press conference: aid target on track, EUR 20.9 billion committed in H1",
     "2024-10-16", None, Status.ACCEPTED, ("aid",), "", ("A", 2), "Brussels", "Mark Rutte"),
    (4, "victory-plan-parliament", "Zelenskyy presents his victory plan to Ukraine's parliament",
     "2024-10-16", None, Status.EDITED, ("ukraine", "membership"), "Title edited.\nKyiv, not Brussels.",
     ("B", 3), "Kyiv", "Volodymyr Zelenskyy"),
    (5, "defence-ministerial", "NATO defence ministers' meeting, with Japan, South Korea, Australia and New Zealand for the first time",
     "2024-10-17", "2024-10-18", Status.ACCEPTED, ("defence",), "", ("B", 2), "Brussels", "NATO defence ministers"),
    (6, "zelenskyy-brussels-visit", "Zelenskyy visits Brussels to meet EU leaders and NATO defence ministers",
     "2024-10-17", None, Status.PROPOSED, (), "", (None, None), "Brussels", ""),
    (7, "wiesbaden-hub", "NATO military aid hub in Wiesbaden becomes operational", "2024-11", None,
     Status.ACCEPTED, ("aid", "logistics"), "", ("C", 3), "Wiesbaden, Germany", ""),
    (8, "north-korean-troops", "Reports of North Korean troops dispatched to the war", "PAST_REF", None,
     Status.PROPOSED, ("unconfirmed",), "Rutte: no confirmed information.", ("F", 6), "", ""),
]  # fmt: skip

GOLD_IDS = {row[0]: row[1] for row in _EVENTS}
UNRESOLVED_ID = 8


def _sources(
    event_id: int, gold_id: str, docs: dict[int, DocumentRecord]
) -> tuple[SourceRecord, ...]:
    out = []
    for n, (name, phrase, timex, value) in enumerate(_SOURCES[gold_id], 1):
        doc = docs[DOC_IDS[name]]
        s0, s1 = sentence_around(doc.text, phrase)
        t0 = t1 = None
        if timex:
            t0 = doc.text.index(timex, s0)
            t1 = t0 + len(timex)
            assert t1 <= s1, (gold_id, timex)
        out.append(
            SourceRecord(
                id=event_id * 10 + n,
                event_id=event_id,
                document_id=doc.id,
                sentence_start=s0,
                sentence_end=s1,
                timex_start=t0,
                timex_end=t1,
                quote=doc.text[s0:s1],
                timex_text=timex,
                value=value,
                rule="weekday-tense" if "day" in timex else "grammar",
                extractor_version="0.1.0",
                document_title=doc.title,
            )
        )
    return tuple(out)


def events(docs: tuple[DocumentRecord, ...]) -> tuple[EventRecord, ...]:
    by_id = {d.id: d for d in docs}
    out = []
    for eid, gold_id, title, value, end, status, tags, notes, (rel, cred), loc, actors in _EVENTS:
        first, last = timevalue.span(value, end)
        out.append(
            EventRecord(
                id=eid,
                title=title,
                value=value,
                end=end,
                granularity=timevalue.granularity_of(value),
                earliest=first,
                latest=last,
                status=status,
                confidence=0.9 if first else 0.3,
                tags=tags,
                notes=notes,
                location=loc,
                actors=actors,
                reliability=rel,
                credibility=cred,
                version=2 if status is not Status.PROPOSED else 1,
                created_at="2026-11-23T09:00:00Z",
                updated_at="2026-11-23T09:30:00Z",
                sources=_sources(eid, gold_id, by_id),
            )
        )
    out.sort(key=lambda e: timevalue.sort_key(e.value, e.end))
    return tuple(out)


# gold mentions (required ones) as reviewed timexes: (document, text, nth, value, anchor)
_TIMEXES = [
    (DOC_A, "2024", 1, "2024", "absolute"),
    (DOC_A, "earlier this year", 1, "2024", "published"),
    (DOC_A, "Wednesday", 1, "2024-10-16", "published"),
    (DOC_A, "first half of 2024", 1, "2024-H1", "absolute"),
    (DOC_A, "next month", 1, "2024-11", "published"),
    (DOC_A, "Wednesday", 2, "2024-10-16", "published"),
    (DOC_A, "Wednesday", 3, "2024-10-16", "published"),
    (DOC_B, "Wednesday", 1, "2024-10-16", "published"),
    (DOC_B, "Thursday", 1, "2024-10-17", "published"),
    (DOC_B, "Wednesday", 2, "2024-10-16", "published"),
    (DOC_B, "Wednesday", 3, "2024-10-16", "published"),
    (DOC_B, "July", 1, "2024-07", "published"),
    (DOC_B, "today", 1, "2024-10-16", "published"),
    (DOC_B, "first half of 2024", 1, "2024-H1", "absolute"),
    (DOC_B, "next month", 1, "2024-11", "published"),
    (DOC_B, "Thursday", 2, "2024-10-17", "published"),
    (DOC_B, "Friday", 1, "2024-10-18", "published"),
]


def _nth(text: str, needle: str, nth: int) -> int:
    i = -1
    for _ in range(nth):
        i = text.index(needle, i + 1)
    return i


def timexes(docs: tuple[DocumentRecord, ...]) -> tuple[TimexRecord, ...]:
    by_name = {name: next(d for d in docs if d.id == i) for name, i in DOC_IDS.items()}
    out = []
    for n, (name, text, nth, value, anchor) in enumerate(_TIMEXES, 1):
        doc = by_name[name]
        start = _nth(doc.text, text, nth)
        first, last, g = timevalue.interval(value)
        out.append(
            TimexRecord(
                id=n,
                document_id=doc.id,
                start=start,
                end=start + len(text),
                text=text,
                type="DATE",
                value=value,
                granularity=str(g),
                anchor=anchor,
                rule="grammar",
                earliest=first,
                latest=last,
            )
        )
    return tuple(out)


def audit() -> tuple[AuditEntry, ...]:
    return (
        AuditEntry(1, "2026-11-23T09:10:00Z", "alice", "accept", "event", 3, {"status": "proposed"},
                   {"status": "accepted"}),
        AuditEntry(2, "2026-11-23T09:20:00Z", "bob", "edit", "event", 4, {"title": "Victory plan"},
                   {"title": "Zelenskyy presents his victory plan to Ukraine's parliament"}),
        AuditEntry(3, "2026-11-23T09:25:00Z", "alice", "note", "event", 4, {"notes": ""},
                   {"notes": "Title edited.\nKyiv, not Brussels."}),
        AuditEntry(4, "2026-11-23T09:30:00Z", "alice", "accept", "event", 4, {"status": "proposed"},
                   {"status": "edited"}),
        AuditEntry(5, "2026-11-23T09:31:00Z", "alice", "set-published", "document", 1, {"published": None},
                   {"published": "2024-10-16"}),
    )  # fmt: skip


def seed_bundle(**changes: object) -> ExportBundle:
    """The reviewed seed timeline: eight events (seven gold, one unresolved), in date order."""
    docs = documents()
    fields: dict[str, object] = {
        "documents": docs,
        "events": events(docs),
        "timexes": timexes(docs),
        "audit": audit(),
        "title": "NATO and Ukraine, October 2024",
        "generated_at": GENERATED_AT,
        "project_key": "/home/analyst/projects/nato.dateline",
    }
    fields.update(changes)
    return ExportBundle(**fields)  # type: ignore[arg-type]


HOSTILE_TITLE = '<script>alert("x")</script> & =SUM(A1) [^1] *bold*'
HOSTILE_NOTES = "Line one <b>not bold</b> & more\n# not a heading\n- not a list"
HOSTILE_QUOTE = 'He said "<img src=x onerror=alert(1)>" & [link](http://evil) ]]> done.'


def hostile_bundle() -> ExportBundle:
    """Data that would break a careless exporter: markup, formulas, footnote syntax, bad links."""
    text = f"Intro. {HOSTILE_QUOTE} On Monday it ended.\r\nA second line\twith a tab."
    doc = DocumentRecord(
        id=9,
        content_hash="h9",
        title="Bad <title> & co",
        text=text,
        published=dt.date(2024, 3, 4),
        published_source="metadata",
        url="javascript:alert(1)",
    )
    q0 = text.index(HOSTILE_QUOTE)
    src = SourceRecord(
        id=91,
        event_id=90,
        document_id=9,
        sentence_start=q0,
        sentence_end=q0 + len(HOSTILE_QUOTE),
        timex_start=None,
        timex_end=None,
        quote=HOSTILE_QUOTE,
        document_title=doc.title,
    )
    ev = EventRecord(
        id=90,
        title=HOSTILE_TITLE,
        value="2024-03-04",
        end=None,
        granularity=Granularity.DAY,
        earliest=dt.date(2024, 3, 4),
        latest=dt.date(2024, 3, 4),
        status=Status.ACCEPTED,
        confidence=1.0,
        tags=("tag with space", "<x>"),
        notes=HOSTILE_NOTES,
        location="=cmd|' /C calc'!A0",
        sources=(src,),
    )
    monday = text.index("Monday")
    tx = TimexRecord(
        9, 9, monday, monday + 6, "Monday", "DATE", "2024-03-04", "day", "published", "g"
    )
    return ExportBundle(
        documents=(doc,),
        events=(ev,),
        timexes=(tx,),
        title="Hostile <data> & co",
        generated_at=GENERATED_AT,
    )


def bundle_from_extraction(result) -> ExportBundle:
    """An export bundle straight from the real engine's output (``extraction.extract_files``), every
    event still proposed: what a store holds right after importing, without going through one."""
    doc_ids = {d.article.id: i for i, d in enumerate(result.documents, 1)}
    docs = tuple(
        DocumentRecord(
            id=doc_ids[d.article.id],
            content_hash=f"h{doc_ids[d.article.id]}",
            title=d.article.title,
            text=d.article.text,
            published=d.article.published,
            published_source=d.article.published_source,
            path=d.article.path,
        )
        for d in result.documents
    )
    titles = {d.id: d.title for d in docs}
    events = []
    for n, p in enumerate(result.events, 1):
        sources = tuple(
            SourceRecord(
                id=n * 100 + k,
                event_id=n,
                document_id=doc_ids[s.document],
                sentence_start=s.sentence_start,
                sentence_end=s.sentence_end,
                timex_start=s.start,
                timex_end=s.end,
                quote=s.sentence,
                timex_text=s.text,
                value=s.value,
                rule=s.rule,
                document_title=titles[doc_ids[s.document]],
            )
            for k, s in enumerate(p.sources)
        )
        events.append(
            EventRecord(
                id=n,
                title=p.title,
                value=p.value,
                end=p.end,
                granularity=p.granularity,
                earliest=p.earliest,
                latest=p.latest,
                status=Status.PROPOSED,
                confidence=p.confidence,
                tags=p.key_terms[:2],
                sources=sources,
            )
        )
    timexes = tuple(
        TimexRecord(
            id=k,
            document_id=doc_ids[d.article.id],
            start=t.start,
            end=t.end,
            text=t.text,
            type=str(t.type),
            value=t.value,
            granularity=str(t.granularity),
            anchor=str(t.anchor),
            rule=t.rule,
            confidence=t.confidence,
            earliest=t.earliest,
            latest=t.latest,
            anchor_start=t.anchor_start,
        )
        for d in result.documents
        for k, t in enumerate(d.timexes, 1)
    )
    return ExportBundle(
        documents=docs,
        events=tuple(events),
        timexes=timexes,
        title="Seeds, straight from the engine",
        generated_at=GENERATED_AT,
        project_key="engine-test",
    )
