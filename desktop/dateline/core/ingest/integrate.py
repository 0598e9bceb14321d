"""Machine results into the store: timexes, proposed events and their sources.

Shared by import, re-anchoring (SetPublished) and re-extraction. The rules that keep analyst work safe:
a mention already stored (same document, overlapping timex span) is never added twice; new sources are
attached only to events still "proposed"; an analyst-reviewed event is never re-dated, only flagged
"anchor-changed" with the new reading left on its source.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

from .. import engine
from ..conflicts import DATE_CONFLICT, readings_conflict, split_value
from ..happening import profile as profiles
from ..happening.profile import Profile
from ..model import ProposedEvent, SourceRecord, SourceRef, Status, Timex
from ..span import Span
from ..store.held import HeldRows
from ..store.records import iso
from ..store.tx import Tx
from ..timevalue import interval, span
from .matching import MatchContext, match_stored
from .rows import event_row, light_event, light_source, source_row

if TYPE_CHECKING:
    from .matchindex import MatchIndex

ANCHOR_CHANGED = "anchor-changed"


def extractor_version() -> str:
    from ..temporal import EXTRACTOR_VERSION

    return str(EXTRACTOR_VERSION)


@dataclass
class Integrated:
    added: list[int] = field(default_factory=list)
    attached: set[int] = field(default_factory=set)
    redated: set[int] = field(default_factory=set)
    flagged: set[int] = field(default_factory=set)
    skipped: int = 0
    removed: list[int] = field(default_factory=list)  # untouched events replaced by a new reading

    def merge(self, other: Integrated) -> None:
        self.added += other.added
        self.attached |= other.attached
        self.redated |= other.redated
        self.flagged |= other.flagged
        self.skipped += other.skipped
        self.removed += other.removed


# Audit actions the machine takes on its own: an event with no other row in its history was never
# touched by the analyst.
MACHINE_ACTIONS = (
    "import",
    "reextract",
    "set-published",
    "undo set-published",
    "redo set-published",
)


def untouched_events(tx: Tx, document_id: int) -> list[int]:
    """The document's events as the machine left them: still proposed, reported by this document
    alone, never edited, tagged, annotated, graded, merged, split or judged by the analyst.

    Re-anchoring replaces them with the new reading's, as an import with the new publication date
    would have stored them; every other event keeps its id and only its sources follow.
    """
    marks = ",".join("?" * len(MACHINE_ACTIONS))
    rows = tx.conn.execute(
        "SELECT e.id FROM events e "
        "WHERE e.id IN (SELECT event_id FROM sources WHERE document_id = ?) "
        "AND e.status = 'proposed' AND e.origin = 'machine' AND e.merged_from = '[]' "
        "AND e.description = '' AND e.notes = '' AND e.location = '' AND e.actors = '' "
        "AND e.reliability IS NULL AND e.credibility IS NULL "
        "AND NOT EXISTS (SELECT 1 FROM event_tags t WHERE t.event_id = e.id) "
        "AND NOT EXISTS (SELECT 1 FROM sources s WHERE s.event_id = e.id "
        "    AND (s.document_id != ? OR s.origin != 'machine')) "
        "AND NOT EXISTS (SELECT 1 FROM audit a WHERE a.entity = 'event' AND a.entity_id = e.id "
        f"    AND a.action NOT IN ({marks})) "
        "ORDER BY e.id",
        (document_id, document_id, *MACHINE_ACTIONS),
    )
    return [r[0] for r in rows]


@dataclass
class _Known:
    source_id: int
    event_id: int
    start: int
    end: int
    status: str


def _known_sources(tx: Tx, document_id: int) -> list[_Known]:
    rows = tx.conn.execute(
        "SELECT s.id, s.event_id, s.timex_start, s.timex_end, e.status FROM sources s "
        "JOIN events e ON e.id = s.event_id WHERE s.document_id = ? AND s.timex_start IS NOT NULL",
        (document_id,),
    )
    return [_Known(*r) for r in rows]


def fold_in(
    tx: Tx,
    ingest: MatchContext,
    document_id: int,
    proposals: Sequence[ProposedEvent],
    *,
    index: MatchIndex | None = None,
    new: bool = False,
    copied: Callable[[ProposedEvent], tuple[int, str] | None] | None = None,
    given: Sequence[profiles.Matchable] | None = None,
) -> Integrated:
    """Store the proposals of one document (``engine.analyse``) without duplicating anything stored.

    ``index``: match against the import's in-memory index (kept up to date here) rather than SQL.
    ``new``: the document was inserted by this transaction, so it has no sources yet.
    ``copied``: the document copies a stored one (``copies``); a proposal the original reports
    already joins the original's event, whatever its status, before any other matching.
    ``given``: the proposals' ``profile.matchables``, worked out before the document had its id (the
    proposals' sources may still name the article as read, which nothing here reads then).
    New events and their sources are written a few statements at a time (``store.held``), what
    is held written before anything here reads the tables.
    """
    out = Integrated()
    version = extractor_version()
    known = [] if new else _known_sources(tx, document_id)
    held = HeldRows(tx)
    # what this call inserted, to index without reading it back
    written: dict[int, tuple[dict[str, Any], list[SourceRecord]]] = {}
    ready: dict[int, Profile] = {}  # and the profiles of those that are their proposal's own
    for i, p in enumerate(proposals):
        refs = p.sources  # all of this document: it was analysed alone
        new_refs: list[SourceRef] = []
        covering: dict[int, str] = {}
        for r in refs:
            hits = [k for k in known if k.start < r.end and r.start < k.end]
            covering.update((k.event_id, k.status) for k in hits)
            if not hits:
                new_refs.append(r)
        if not new_refs:
            out.skipped += 1
            held.flush()
            _retitle_covering(tx, covering, p)
            continue
        mine, whole = (
            _matchable(p, given[i] if given else None, document_id)
            if not covering
            else (None, False)
        )
        target, joined = _target(
            tx, ingest, p, covering, out.added, index, copied, mine, held.flush
        )
        if target is None:
            row = event_row(p, document_id, version)
            target = held.event(row)
            out.added.append(target)
            written[target] = (row, [])
            if mine is not None and len(new_refs) == len(refs) and whole:
                ready[target] = mine
        else:
            out.attached.add(target)
        for r in new_refs:
            source = source_row(r, document_id, version, joined)
            sid = held.source(target, source)
            known.append(_Known(sid, target, r.start, r.end, Status.PROPOSED.value))
            if target in written:
                written[target][1].append(light_source(sid, target, source, r.terms))
        if target in out.attached:
            held.flush()
            _refine_date(tx, target)
            _retitle(tx, target, p)
            if index is not None:
                index.refresh(tx.conn, [target])
    held.flush()
    if out.added:
        tx.index_pending_events(min(out.added))  # this call added every event from there on
        if index is not None:
            _index_added(tx, index, out, written, ready)
    return out


def _index_added(
    tx: Tx,
    index: MatchIndex,
    out: Integrated,
    written: Mapping[int, tuple[dict[str, Any], list[SourceRecord]]],
    ready: Mapping[int, Profile],
) -> None:
    """Events added by ``fold_in`` are excluded from the document's later matches: they are indexed
    at its end, as written (those a later proposal of the document gave more sources, read back)."""
    fresh = [e for e in out.added if e not in out.attached]
    index.refresh(
        tx.conn,
        [e for e in out.added if e in out.attached],
        [light_event(e, *written[e]) for e in fresh if e not in ready],
        {e: ready[e] for e in fresh if e in ready},
    )


def _matchable(
    p: ProposedEvent, given: profiles.Matchable | None, document_id: int
) -> profiles.Matchable:
    if given is not None:
        return given[0].in_document(str(document_id)), given[1]
    mine = profiles.of_proposal(p)
    return mine, profiles.as_stored(p, mine)


def fold_in_new(
    tx: Tx,
    ingest: MatchContext,
    document_id: int,
    parts: Sequence[Sequence[ProposedEvent]],
    given: Sequence[Sequence[profiles.Matchable]],
    index: MatchIndex,
    copied: Callable[[ProposedEvent], tuple[int, str] | None] | None,
    step: Callable[[str], None],
) -> Integrated:
    """The proposals of a document this transaction inserted, read in ``parts`` (``pieces``), each
    folded in; ``given``, when a worker read it, each part's ``profile.matchables`` (its proposals
    then name the article as read, not the document)."""
    out = Integrated()
    for n, part in enumerate(parts):
        if len(parts) > 1:
            step(f"storing part {n + 1} of {len(parts)}")
        mine = given[n] if given else None
        proposals = part if mine else engine.for_document(part, str(document_id))
        out.merge(
            fold_in(
                tx, ingest, document_id, proposals, index=index, new=True, copied=copied, given=mine
            )
        )
    return out


def _target(
    tx: Tx,
    ingest: MatchContext,
    p: ProposedEvent,
    covering: Mapping[int, str],
    added: Sequence[int],
    index: MatchIndex | None,
    copied: Callable[[ProposedEvent], tuple[int, str] | None] | None,
    mine: Profile | None = None,
    flush: Callable[[], None] = lambda: None,
) -> tuple[int | None, str]:
    """The stored event a proposal joins (None: a new one), and why it joined; ``flush`` is called
    before the tables are read.

    An open event already covering one of its mentions takes it; a proposal covered only by
    reviewed events, none; otherwise the original's event for a copy, else the best stored match.
    """
    open_cover = sorted(e for e, s in covering.items() if s == Status.PROPOSED)
    if open_cover:
        return open_cover[0], ""
    if covering:
        return None, ""
    copy = copied(p) if copied is not None else None
    if copy is not None:
        return copy
    if mine is None or index is None or not index.in_memory(mine):
        flush()
    match = match_stored(ingest, p, exclude=added, index=index, mine=mine)
    if match is None:
        return None, ""
    flush()
    texts = [r.sentence for r in p.sources] + _quotes(tx, match[0])
    return match[0], match[1].explain(texts)


def _quotes(tx: Tx, event_id: int) -> list[str]:
    """The quotes of a stored event's sources, where an explanation finds the words it shares."""
    rows = tx.conn.execute("SELECT quote FROM sources WHERE event_id = ?", (event_id,))
    return [r[0] for r in rows]


def _finer_and_compatible(value: str, than: str) -> bool:
    """``value`` is a strictly more precise reading of the date ``than`` is (one contains the other)."""
    a, b = Span.of(value), Span.of(than)
    return a is not None and b is not None and a.compatible(b) and a.width < b.width


def _refine_date(tx: Tx, event_id: int) -> bool:
    """Re-date a proposed event from its sources: the most precise of the compatible readings the
    text states (an inferred reading counts only when no source states one)."""
    row = tx.event_row(event_id)
    if row["status"] != Status.PROPOSED:
        return False
    rows = tx.conn.execute(
        "SELECT value, basis FROM sources WHERE event_id = ? ORDER BY id", (event_id,)
    ).fetchall()
    values = [r[0] for r in rows]
    stated = [r[0] for r in rows if not r[1]] or values
    readings = [split_value(v) for v in stated if interval(split_value(v)[0])[0] is not None]
    conflict = readings_conflict(stated)
    if not readings:
        best: tuple[str, str | None] = (
            split_value(values[0]) if values else (row["value"], row["end_value"])
        )
    else:
        best = readings[0]
        for r in readings[1:]:
            if r[1] is None and best[1] is None and _finer_and_compatible(r[0], best[0]):
                best = r
    a, b = span(best[0], best[1])
    fields = {
        "value": best[0],
        "end_value": best[1],
        "granularity": str(interval(best[0])[2]),
        "earliest": iso(a),
        "latest": iso(b),
    }
    flags = set(json.loads(row["flags"]))
    flags = flags | {DATE_CONFLICT} if conflict else flags - {DATE_CONFLICT}
    if flags != set(json.loads(row["flags"])):
        fields["flags"] = json.dumps(sorted(flags))
    if all(row[k] == v for k, v in fields.items()):
        return False
    tx.update_event(event_id, **fields)
    return True


def _retitle_covering(tx: Tx, covering: Mapping[int, str], p: ProposedEvent) -> None:
    """A proposal all of whose sources are stored already, in one proposed event (the document
    read again): the event takes the new reading's title when it says more."""
    if len(covering) == 1 and Status.PROPOSED in covering.values():
        _retitle(tx, next(iter(covering)), p)


def _retitle(tx: Tx, event_id: int, p: ProposedEvent) -> None:
    """Give a proposed event the new report's title when it says more.

    Without this the title came from whichever article was imported first. The order is
    ``title_quality``'s (statements, then a title without a flaw, then a readable length) without
    its date criterion, since both titles now stand for the event's one refined date; then the
    longer title, then a fixed order, so the title does not depend on which article came first.
    An empty title never replaces one. Reviewed events keep theirs: an analyst may have read or
    chosen it.
    """
    from ..proposals import title_quality

    row = tx.event_row(event_id)
    if row["status"] != Status.PROPOSED or row["title"] == p.title or not p.title.strip():
        return

    def key(title: str) -> tuple[object, ...]:
        return (*title_quality(title, None, True)[:3], -len(title.split()), title)

    if key(p.title) < key(row["title"]):
        tx.update_event(event_id, title=p.title)


def _reading(timexes: Sequence[Timex], start: int, end: int) -> Timex | tuple[Timex, Timex] | None:
    inside = [t for t in timexes if t.start < end and start < t.end]
    if not inside:
        return None
    exact = [t for t in inside if (t.start, t.end) == (start, end)]
    if exact:
        return exact[0]
    if len(inside) > 1:
        return inside[0], inside[-1]
    return inside[0]


def refresh_sources(
    tx: Tx, document_id: int, timexes: Sequence[Timex], version: str, out: Integrated
) -> None:
    """Give every machine source of the document the reading of the new timexes at its span.

    Proposed events are re-dated from their sources; reviewed ones keep the analyst's date and get the
    "anchor-changed" flag when the new reading differs from it.
    """
    rows = tx.conn.execute(
        "SELECT s.id, s.event_id, s.timex_start, s.timex_end, s.value, e.status, e.value AS ev, "
        "e.end_value AS ee FROM sources s JOIN events e ON e.id = s.event_id "
        "WHERE s.document_id = ? AND s.timex_start IS NOT NULL",
        (document_id,),
    ).fetchall()
    redate: set[int] = set()
    for s in rows:
        found = _reading(timexes, s["timex_start"], s["timex_end"])
        if found is None:
            continue
        if isinstance(found, tuple):
            new, rule = f"{found[0].value}/{found[1].value}", found[0].rule
        else:
            new, rule = found.value, found.rule
        if "/" in s["value"] and "/" not in new:
            continue  # the engine no longer sees a range here; keep the range reading
        if new == s["value"]:
            continue
        tx.update_source(s["id"], value=new, rule=rule, extractor_version=version)
        if s["status"] == Status.PROPOSED:
            redate.add(s["event_id"])
        elif s["status"] in (Status.ACCEPTED, Status.EDITED):
            current = s["ev"] if not s["ee"] else f"{s['ev']}/{s['ee']}"
            if new != current:
                out.flagged.add(s["event_id"])
    for eid in redate:
        if _refine_date(tx, eid):
            out.redated.add(eid)
    for eid in out.flagged:
        flags = set(json.loads(tx.event_row(eid)["flags"]))
        if ANCHOR_CHANGED not in flags:
            tx.update_event(eid, flags=sorted(flags | {ANCHOR_CHANGED}))
