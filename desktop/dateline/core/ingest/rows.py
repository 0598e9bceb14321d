"""The rows an import writes for what the engine read: timexes, proposed events and their sources,
and the light records of new events its matching index takes as written (``integrate.fold_in``)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from ..model import ProposedEvent, SourceRecord, SourceRef, Status, Timex
from ..store.records import iso, terms_json

TIMEX_COLUMNS = (
    "start",
    "end",
    "text",
    "type",
    "value",
    "granularity",
    "earliest",
    "latest",
    "anchor",
    "rule",
    "confidence",
    "mod",
    "reviewed_value",
    "extractor_version",
    "explanation",
    "alternatives",
)


def timex_values(
    timexes: Sequence[Timex], version: str, reviewed: Mapping[tuple[int, int], str] | None = None
) -> tuple[tuple[Any, ...], ...]:
    """The timexes' rows as values in ``TIMEX_COLUMNS`` order, without their document: an import
    writes a new document's as they are (``Tx.insert_timex_values``), with no mapping per row."""
    reviewed = reviewed or {}
    return tuple(
        (
            t.start,
            t.end,
            t.text,
            str(t.type),
            t.value,
            str(t.granularity),
            iso(t.earliest),
            iso(t.latest),
            str(t.anchor),
            t.rule,
            t.confidence,
            t.mod,
            reviewed.get((t.start, t.end)),
            version,
            t.explanation,
            terms_json(t.alternatives),
        )
        for t in timexes
    )


def timex_rows(
    timexes: Sequence[Timex], version: str, reviewed: Mapping[tuple[int, int], str] | None = None
) -> list[dict[str, Any]]:
    return [
        dict(zip(TIMEX_COLUMNS, v, strict=True)) for v in timex_values(timexes, version, reviewed)
    ]


def source_row(ref: SourceRef, document_id: int, version: str, joined: str = "") -> dict[str, Any]:
    return {
        "document_id": document_id,
        "sentence_start": ref.sentence_start,
        "sentence_end": ref.sentence_end,
        "timex_start": ref.start,
        "timex_end": ref.end,
        "quote": ref.sentence,
        "timex_text": ref.text,
        "value": ref.value,
        "rule": ref.rule,
        "confidence": ref.confidence,
        "origin": "machine",
        "extractor_version": version,
        "match_terms": terms_json(ref.terms),
        "basis": ref.basis,
        "joined": joined or ref.joined,
    }


def event_row(p: ProposedEvent, document_id: int, version: str) -> dict[str, Any]:
    return {
        "title": p.title,
        "value": p.value,
        "end_value": p.end,
        "granularity": str(p.granularity),
        "earliest": iso(p.earliest),
        "latest": iso(p.latest),
        "status": Status.PROPOSED.value,
        "confidence": p.confidence,
        "origin": "machine",
        "machine_key": f"{document_id}:{p.id}",
        "extractor_version": version,
        "search_pending": 1,  # indexed once its sources are in: see schema m007
    }


def light_source(
    source_id: int, event_id: int, row: Mapping[str, Any], terms: Sequence[str]
) -> SourceRecord:
    """The source ``suggest.light_events`` would read back for ``row``, just inserted with the
    match terms ``terms``."""
    return SourceRecord(
        id=source_id,
        event_id=event_id,
        document_id=row["document_id"],
        sentence_start=row["sentence_start"],
        sentence_end=row["sentence_end"],
        timex_start=row["timex_start"],
        timex_end=row["timex_end"],
        quote=row["quote"],
        value=row["value"],
        match_terms=tuple(terms),
        basis=row["basis"],
    )


def light_event(event_id: int, row: Mapping[str, Any], sources: Sequence[SourceRecord]) -> Any:
    from ..store.light import light_record

    fields = (row["title"], row["value"], row["end_value"], row["earliest"], row["latest"])
    return light_record((event_id, *fields, row["status"]), sources)
