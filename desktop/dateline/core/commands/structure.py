"""Commands that change which sources make up which event: merge, split, create, add/remove source."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..conflicts import conflict_flags
from ..errors import NotFound, ValidationError
from ..highlight import snap_to_words
from ..model import Status
from ..span import Span
from ..store.records import terms_json
from ..store.tx import Tx, event_image
from ..timevalue import interval
from .base import Command, check_span, check_status, date_fields, plural, sentence_around

if TYPE_CHECKING:
    from ..store import Store

# Columns a split puts back on the target from the image taken at merge time.
_RESTORED = (
    "title", "value", "end_value", "granularity", "earliest", "latest", "status", "confidence",
    "origin", "description", "notes", "location", "actors", "reliability", "credibility", "flags",
)  # fmt: skip
_DATE = ("value", "end_value", "granularity", "earliest", "latest")


def _best_date(rows: list[Any]) -> tuple[Any, bool]:
    """The row whose date is most precise among compatible ones, and whether any conflicted."""
    best = rows[0]
    conflict = False
    for r in rows[1:]:
        best_span, span = Span.of(best["value"]), Span.of(r["value"])
        if best_span is None:
            best = r
        elif span is None:
            continue
        elif not best_span.compatible(span):
            conflict = True
        elif span.width < best_span.width:
            best = r
    return best, conflict


def _timex_in(tx: Tx, document_id: int, start: int, end: int) -> Any | None:
    """The first timex overlapping [start, end), preferring resolved ones."""
    rows = tx.conn.execute(
        'SELECT * FROM timexes WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start',
        (document_id, end, start),
    ).fetchall()
    resolved = [r for r in rows if r["earliest"] is not None or r["reviewed_value"]]
    return (resolved or rows or [None])[0]


def _nearest_timex(tx: Tx, document_id: int, within: tuple[int, int], start: int, end: int) -> Any:
    """The resolved timex of the sentence ``within`` closest to [start, end), or None."""
    rows = tx.conn.execute(
        'SELECT * FROM timexes WHERE document_id = ? AND start < ? AND "end" > ? ORDER BY start',
        (document_id, within[1], within[0]),
    ).fetchall()
    resolved = [r for r in rows if r["earliest"] is not None or r["reviewed_value"]]
    return min(resolved, key=lambda r: max(r["start"] - end, start - r["end"], 0), default=None)


def _source_from_span(
    tx: Tx, document_id: int, start: int, end: int, *, from_selection: bool = False
) -> tuple[dict[str, Any], str, tuple[int, int]]:
    """The source a span makes, the span's text and where it lies. ``from_selection`` (an analyst's selection): the span grows to whole
    words, and a span holding no date takes the date of its sentence."""
    row = tx.conn.execute("SELECT text FROM documents WHERE id = ?", (document_id,)).fetchone()
    if row is None:
        raise NotFound(f"There is no document {document_id}.")
    text = row[0]
    check_span(text, start, end)
    if from_selection:
        start, end = snap_to_words(text, start, end)
    s0, s1 = sentence_around(text, start, end)
    s0, s1 = min(s0, start), max(s1, end)
    t = _timex_in(tx, document_id, start, end)
    if t is None and from_selection:
        t = _nearest_timex(tx, document_id, (s0, s1), start, end)
    value = (t["reviewed_value"] or t["value"]) if t is not None else ""
    at = (t["start"], t["end"]) if t is not None else (start, end)
    source = {
        "document_id": document_id,
        "sentence_start": s0,
        "sentence_end": s1,
        "timex_start": t["start"] if t is not None else None,
        "timex_end": t["end"] if t is not None else None,
        "quote": text[s0:s1],
        "timex_text": t["text"] if t is not None else "",
        "value": value,
        "rule": "analyst",
        "confidence": 1.0,
        "origin": "analyst",
        "match_terms": _match_terms(tx, document_id, text, s0, s1, at),
    }
    return source, text[start:end], (start, end)


def _match_terms(tx: Tx, document_id: int, text: str, s0: int, s1: int, at: tuple[int, int]) -> str:
    """Match terms for an analyst-made source: a machine source's at the same mention when there is
    one (computed with the article's context, so "he said" keeps its speaker), else the sentence's."""
    from ..eventtext import analyse

    row = tx.conn.execute(
        "SELECT match_terms FROM sources WHERE document_id = ? AND timex_start = ? AND timex_end = ? "
        "AND match_terms != '[]' LIMIT 1",
        (document_id, *at),
    ).fetchone()
    if row is not None:
        return str(row[0])
    frame = analyse(text[s0:s1], max(at[0] - s0, 0), max(at[1] - s0, 0))
    terms = set(frame.terms)
    if frame.speech and frame.speaker:
        terms.add("@" + frame.speaker.lower())
    if frame.event_noun:
        terms.add("#" + frame.event_noun)
    return terms_json(sorted(terms))


@dataclass
class MergeEvents(Command):
    event_ids: tuple[int, ...]
    ACTION: ClassVar[str] = "merge"

    def label(self) -> str:
        return f"Merge {plural(len(self.event_ids), 'event')}"

    def prepare(self, store: Store) -> None:
        if len(dict.fromkeys(self.event_ids)) < 2:
            raise ValidationError(
                "Choose at least two different events to merge.", field="event_ids"
            )

    def run(self, tx: Tx, store: Store) -> str:
        ids = list(dict.fromkeys(self.event_ids))
        target, others = ids[0], ids[1:]
        rows = [tx.event_row(i) for i in ids]
        images = {i: event_image(tx.conn, i) for i in ids}
        record = {"target": images[target], "others": [images[i] for i in others]}
        best, _ = _best_date(rows)
        t = rows[0]
        values: dict[str, Any] = {k: best[k] for k in _DATE}
        values["confidence"] = max(r["confidence"] for r in rows)
        for name in ("description", "location", "actors", "reliability", "credibility"):
            if not t[name]:
                values[name] = next((r[name] for r in rows if r[name]), t[name])
        notes = [r["notes"] for r in rows if r["notes"]]
        values["notes"] = "\n\n".join(dict.fromkeys(notes))
        flags = set(json.loads(t["flags"]))
        for r in rows[1:]:
            flags |= set(json.loads(r["flags"]))
        values["flags"] = sorted(flags)
        if any(r["status"] in ("accepted", "edited") for r in rows) and t["status"] != "rejected":
            values["status"] = Status.EDITED.value
        values["merged_from"] = json.dumps([*json.loads(t["merged_from"]), record])
        tags = {tag for img in images.values() if img for tag in img["tags"]}
        for other in others:
            image = images[other]
            assert image is not None  # every merged event was read above (tx.event_row)
            for s in image["sources"]:
                tx.move_source(s["id"], target)
        tx.set_tags(target, sorted(tags))
        tx.update_event(target, **values)
        for other in others:
            tx.delete_event(other)
        # The merged event's sources decide: flagged when their readings disagree, not otherwise.
        tx.update_event(target, **conflict_flags(tx, target))
        return f"Merged {plural(len(ids), 'event')} into event {target}"


@dataclass
class SplitEvent(Command):
    event_id: int
    source_ids: tuple[int, ...] | None = None  # None: undo the last merge into this event
    ACTION: ClassVar[str] = "split"
    created_ids: tuple[int, ...] = field(default=(), init=False, compare=False)

    def label(self) -> str:
        return f"Split event {self.event_id}"

    def run(self, tx: Tx, store: Store) -> str:
        row = tx.event_row(self.event_id)
        if self.source_ids is None:
            return self._unmerge(tx, row)
        own = {
            r[0]
            for r in tx.conn.execute("SELECT id FROM sources WHERE event_id = ?", (self.event_id,))
        }
        chosen = list(dict.fromkeys(self.source_ids))
        if not chosen or not set(chosen) <= own:
            raise ValidationError(
                f"Choose sources of event {self.event_id} to split off.", field="source_ids"
            )
        if set(chosen) == own:
            raise ValidationError("An event must keep at least one source.", field="source_ids")
        srcs = [tx.source_row(s) for s in chosen]
        dated = [s for s in srcs if interval(s["value"])[0] is not None]
        fields = date_fields(dated[0]["value"]) if dated else {
            "value": srcs[0]["value"], "end_value": None, "granularity": "unknown",
            "earliest": None, "latest": None,
        }  # fmt: skip
        new_id = tx.insert_event(
            {
                "title": row["title"],
                **fields,
                "status": Status.PROPOSED.value,
                "confidence": row["confidence"],
                "origin": "analyst",
                "reliability": row["reliability"],
                "credibility": row["credibility"],
            }
        )
        for sid in chosen:
            tx.move_source(sid, new_id)
        for eid in (self.event_id, new_id):
            tx.update_event(eid, **conflict_flags(tx, eid))
        self.created_ids = (new_id,)
        return f"Split {plural(len(chosen), 'source')} of event {self.event_id} into event {new_id}"

    def _unmerge(self, tx: Tx, row: Any) -> str:
        history = json.loads(row["merged_from"])
        if not history:
            raise ValidationError(
                f"Event {self.event_id} was not made by a merge; choose the sources to split off.",
                field="source_ids",
            )
        record = history.pop()
        old = record["target"]
        values = {k: old["row"][k] for k in _RESTORED}
        values["merged_from"] = json.dumps(history)
        created = []
        for img in record["others"]:
            tx.insert_event(img["row"], img["tags"])
            created.append(img["row"]["id"])
        tx.update_event(self.event_id, **values)
        tx.set_tags(self.event_id, old["tags"])
        for img in record["others"]:
            for s in img["sources"]:
                exists = tx.conn.execute(
                    "SELECT event_id FROM sources WHERE id = ?", (s["id"],)
                ).fetchone()
                if exists is not None and exists[0] == self.event_id:
                    tx.move_source(s["id"], img["row"]["id"])
        for img in (old, *record["others"]):
            _settle(tx, img)
        self.created_ids = tuple(created)
        return f"Split event {self.event_id} back into {plural(len(created) + 1, 'event')}"


def _settle(tx: Tx, img: dict[str, Any]) -> None:
    """After an unmerge: fix the date-conflict flag of each part from its own sources.

    The events merged away come back with their old rows, versions included (nobody saw those ids
    in between). The merge target keeps a new version: it was seen merged at the version after its
    old one, and handing its old number back would let a profile cached per (id, version) while it
    was merged pass for it after the next edit.
    """
    eid = img["row"]["id"]
    flags = conflict_flags(tx, eid)
    if not flags:
        return
    tx.update_event(eid, **flags)
    if tx.before.events.get(eid, 0) is None:
        # Re-inserted under its old id but not as it was: a new version, so no cache mistakes it.
        tx.update_event(eid, version=img["row"]["version"] + 1, updated_at=tx.now)


@dataclass
class CreateEvent(Command):
    document_id: int
    start: int
    end: int
    title: str | None = None
    value: str | None = None  # the date, when the span holds none (or the analyst knows better)
    status: str = Status.ACCEPTED.value  # the window starts it as proposed, like every other event
    ACTION: ClassVar[str] = "create"
    created_id: int | None = field(default=None, init=False, compare=False)

    def label(self) -> str:
        return f"Create event from document {self.document_id}"

    def prepare(self, store: Store) -> None:
        check_status(self.status)
        if self.value:
            date_fields(self.value)

    def run(self, tx: Tx, store: Store) -> str:
        source, span_text, span = _source_from_span(
            tx, self.document_id, self.start, self.end, from_selection=True
        )
        if span[0] == span[1]:
            raise ValidationError("An event needs a title: select some words.", field="title")
        if self.title is None and source["timex_start"] is not None and _only_dates(tx, self, span):
            span_text = _title_of_date(source) or span_text  # a bare date says when, not what
        value = self.value or source["value"]
        if value and interval(value)[0] is not None:
            fields = date_fields(value)
        else:
            fields = {"value": value or "", "end_value": None, "granularity": "unknown",
                      "earliest": None, "latest": None}  # fmt: skip
        title = " ".join((self.title or span_text).split())[:200]
        if not any(ch.isalnum() for ch in title):
            raise ValidationError("An event needs a title: select some words.", field="title")
        eid = tx.insert_event(
            {
                "title": title,
                **fields,
                "status": check_status(self.status).value,
                "confidence": 1.0,
                "origin": "analyst",
            }
        )
        tx.insert_source(eid, source)
        self.created_id = eid
        return f"Created event {eid}"


_DATE_GLUE = {"and", "to", "through", "until", "from", "between", "on", "in", "at", "the", "of"}


def _only_dates(tx: Tx, cmd: CreateEvent, span: tuple[int, int]) -> bool:
    """Every word of the span is part of a date, or joins two ("Thursday and Friday")."""
    rows = tx.conn.execute(
        'SELECT start, "end" FROM timexes WHERE document_id = ? AND start < ? AND "end" > ?',
        (cmd.document_id, span[1], span[0]),
    ).fetchall()
    text = tx.conn.execute("SELECT text FROM documents WHERE id = ?", (cmd.document_id,)).fetchone()
    for m in re.finditer(r"\w+", text[0][span[0] : span[1]]):
        at = span[0] + m.start()
        dated = any(r["start"] <= at < r["end"] for r in rows)
        if not dated and m.group().lower() not in _DATE_GLUE:
            return False
    return True


def _title_of_date(source: dict[str, Any]) -> str:
    """The engine's title for the happening a date in this sentence dates."""
    from ..eventtext import analyse

    s0 = source["sentence_start"]
    return analyse(source["quote"], source["timex_start"] - s0, source["timex_end"] - s0).title


@dataclass
class AddSource(Command):
    event_id: int
    document_id: int
    start: int
    end: int
    ACTION: ClassVar[str] = "add-source"
    created_id: int | None = field(default=None, init=False, compare=False)

    def label(self) -> str:
        return f"Add a source to event {self.event_id}"

    def run(self, tx: Tx, store: Store) -> str:
        tx.event_row(self.event_id)
        source, _, _ = _source_from_span(tx, self.document_id, self.start, self.end)
        self.created_id = tx.insert_source(self.event_id, source)
        return f"Added a source to event {self.event_id}"


@dataclass
class RemoveSource(Command):
    source_id: int
    ACTION: ClassVar[str] = "remove-source"

    def label(self) -> str:
        return f"Remove source {self.source_id}"

    def run(self, tx: Tx, store: Store) -> str:
        event_id = tx.source_row(self.source_id)["event_id"]
        tx.delete_source(self.source_id)
        return f"Removed a source from event {event_id}"
