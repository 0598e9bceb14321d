"""Use cases shared by the CLI and the GUI: each is one call over the store, commands and engine."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from pathlib import Path

from .commands import (
    AddTags,
    Change,
    Command,
    DismissMerge,
    EditEvent,
    MergeEvents,
    RemoveTags,
    SetDate,
    SetNote,
    SetPublished,
    SetSourceValue,
    SetStatus,
    SplitEvent,
)
from .errors import InputError
from .ingest import ImportReport, Ingest, ProgressFn, ReextractReport
from .ingest import suggestions as merge_pairs
from .model import DocumentRecord, EventRecord
from .store import EventFilter, Store

__all__ = [
    "ReextractReport",
    "apply_all",
    "dismiss_merge",
    "edit_event",
    "events_json",
    "export_events",
    "import_and_extract",
    "merge_suggestions",
    "parse_day",
    "reextract",
    "set_published",
    "set_source_value",
    "set_status",
    "suggestion_count",
    "suggestion_reason",
    "suggestions_for",
    "tag_events",
]


def parse_day(text: str, what: str = "date") -> dt.date:
    """A YYYY-MM-DD argument, or InputError naming it."""
    try:
        return dt.date.fromisoformat(text.strip())
    except (ValueError, AttributeError):
        raise InputError(f"'{text}' is not a valid {what} (expected YYYY-MM-DD).") from None


def import_and_extract(
    store: Store,
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    return Ingest(store).import_paths(paths, published=published, progress=progress, cancel=cancel)


def reextract(
    store: Store,
    document_ids: Sequence[int] | None = None,
    *,
    only_outdated: bool = False,
    progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ReextractReport:
    """Run the current engine again over stored documents (``Ingest.reextract``)."""
    return Ingest(store).reextract(
        document_ids, only_outdated=only_outdated, progress=progress, cancel=cancel
    )


# ---- review helpers: build a command, apply it, return the command (for an undo stack) and change ----


def apply_all(store: Store, cmd: Command) -> tuple[Command, Change]:
    return cmd, store.apply(cmd)


def set_status(store: Store, event_ids: Sequence[int], status: str) -> tuple[Command, Change]:
    return apply_all(store, SetStatus(tuple(event_ids), status))


def edit_event(store: Store, event_id: int, changes: dict[str, object]) -> tuple[Command, Change]:
    """Edit fields; a date given as value/end/precision goes through SetDate's validation."""
    changes = {k: v for k, v in changes.items() if v is not None}
    if not changes:
        raise InputError("Nothing to change: give at least one field.")
    date_keys = {"value", "end", "precision"} & set(changes)
    if date_keys and set(changes) == date_keys:
        current = store.event(event_id)
        # A new start date replaces a range unless a new end comes with it; a precision change alone
        # keeps the range.
        if changes.get("end"):
            end: str | None = str(changes["end"])
        elif "value" in changes:
            end = None
        else:
            end = current.end
        cmd: Command = SetDate(
            event_id,
            str(changes.get("value") or current.value),
            end,
            str(changes["precision"]) if changes.get("precision") else None,
        )
        return apply_all(store, cmd)
    return apply_all(store, EditEvent(event_id, changes))


def tag_events(
    store: Store, event_ids: Sequence[int], add: Sequence[str] = (), remove: Sequence[str] = ()
) -> list[Change]:
    if not add and not remove:
        raise InputError("Give a tag to add (--add) or remove (--remove).")
    out = []
    if add:
        out.append(store.apply(AddTags(tuple(event_ids), tuple(add))))
    if remove:
        out.append(store.apply(RemoveTags(tuple(event_ids), tuple(remove))))
    return out


def note(store: Store, event_id: int, text: str) -> Change:
    return store.apply(SetNote(event_id, text))


def merge(store: Store, event_ids: Sequence[int]) -> Change:
    return store.apply(MergeEvents(tuple(event_ids)))


def split(store: Store, event_id: int, source_ids: Sequence[int] | None = None) -> Change:
    return store.apply(SplitEvent(event_id, tuple(source_ids) if source_ids else None))


def set_published(store: Store, document_id: int, published: dt.date | None) -> Change:
    return store.apply(SetPublished(document_id, published))


def merge_suggestions(store: Store, flt: EventFilter | None = None) -> list[tuple[int, int, float]]:
    """Every suggested pair (a < b, best first, dismissed pairs left out); with a filter, the pairs
    whose two events both pass it."""
    pairs = merge_pairs.for_store(store).all()
    if flt is None:
        return pairs
    wanted = set(store.event_ids(flt))
    return [p for p in pairs if p[0] in wanted and p[1] in wanted]


def suggestions_for(store: Store, event_id: int, limit: int = 50) -> list[tuple[int, int, float]]:
    """The suggested pairs involving ``event_id``, best first."""
    return merge_pairs.for_store(store).for_event(event_id, limit)


def suggestion_reason(store: Store, event_a: int, event_b: int) -> str:
    """What makes two events a merge suggestion, in one line ("same actor Nato; both commit; ...")."""
    return merge_pairs.for_store(store).reason(event_a, event_b)


def suggestion_count(store: Store) -> int:
    """How many pairs are suggested in the whole store; cached until the database changes."""
    return merge_pairs.for_store(store).count()


def dismiss_merge(store: Store, event_a: int, event_b: int) -> Change:
    return store.apply(DismissMerge(event_a, event_b))


def set_source_value(store: Store, source_id: int, value: str, end: str | None = None) -> Change:
    return store.apply(SetSourceValue(source_id, value, end))


# ---- views shared by the CLI and exporters ----


def document_json(d: DocumentRecord) -> dict[str, object]:
    # Imported here, not at the top: the export package pulls in icalendar and every format, which
    # each CLI start would otherwise pay for (about 30 ms).
    from .export.records import document_json as build

    return build(d, text_ids=True)


def event_json(e: EventRecord) -> dict[str, object]:
    """The export's event JSON (one builder, ``core.export.records``) without the audit summary."""
    from .export.records import event_json as build

    return build(e, text_ids=True)


def events_json(
    store: Store, flt: EventFilter | None = None, order: str = "date"
) -> dict[str, object]:
    events = store.events(store.event_ids(flt, order))
    doc_ids = {s.document_id for e in events for s in e.sources}
    docs = [d for d in store.documents() if d.id in doc_ids or flt is None]
    return {
        "documents": [document_json(d) for d in docs],
        "events": [event_json(e) for e in events],
    }


def export_events(
    store: Store,
    fmt: str,
    out: str | Path,
    flt: EventFilter | None = None,
    statuses: tuple[str, ...] = ("accepted", "edited"),
    title: str = "Dateline timeline",
    progress: Callable[..., object] | None = None,
) -> list[Path]:
    """The files written; ``export.sharing.export_project`` also says what was left out."""
    from .export import FORMATS
    from .export.sharing import export_project

    if fmt not in FORMATS:
        raise InputError(f"Unknown export format {fmt!r}; choose one of {', '.join(FORMATS)}.")
    result = export_project(store, fmt, out, flt, statuses, title=title, progress=progress)
    return list(result.files)
