"""Export a project's timeline: what the CLI and the export dialog run.

The rules for what leaves the project: analyst notes are private unless the analyst asks to share
them (``include_notes``); identifiers in the file derive from the project's id, so two projects'
calendars never overwrite each other; and an event a format cannot place (no resolved date) is named
in the result, never dropped without a word.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from ..model import EventRecord, ExportBundle
from ..store.schema import project_id
from . import FORMATS, Progress, skipped_events, write_export

if TYPE_CHECKING:
    from ..store import EventFilter, Store

NOTES_RULE = "Notes are private: an export includes them only when you choose to share notes."


@dataclass(frozen=True, slots=True)
class ExportResult:
    fmt: str
    files: tuple[Path, ...]
    events: int  # events in the selection
    left_out: tuple[EventRecord, ...]  # of those, the ones this format could not place
    notes_included: bool

    @property
    def written(self) -> int:
        return self.events - len(self.left_out)

    def summary(self) -> str:
        where = (
            self.files[0] if len(self.files) == 1 else (self.files[0].parent if self.files else "")
        )
        text = f"Exported {_n(self.written, 'event')} as {FORMATS[self.fmt].name} to {where}"
        return text + (" (with notes)." if self.notes_included else ".")

    def left_out_lines(self) -> list[str]:
        """One line per left-out event: its id, date as stored and title."""
        return [f"#{e.id} {_date(e)}: {e.title}" for e in self.left_out]

    def left_out_summary(self) -> str:
        if not self.left_out:
            return ""
        return (
            f"Left out {_n(len(self.left_out), 'event')} without a resolved date, which "
            f"{FORMATS[self.fmt].name} cannot place: "
            + ", ".join(f"#{e.id}" for e in self.left_out)
            + "."
        )


def _n(count: int, word: str) -> str:
    return f"{count} {word}{'' if count == 1 else 's'}"


def _date(e: EventRecord) -> str:
    return f"'{e.value}'" if e.value else "no date"


def without_notes(bundle: ExportBundle) -> ExportBundle:
    return dataclasses.replace(
        bundle, events=tuple(dataclasses.replace(e, notes="") for e in bundle.events)
    )


def export_project(
    store: Store,
    fmt: str,
    out: str | Path,
    flt: EventFilter | None = None,
    statuses: Sequence[str] = ("accepted", "edited"),
    *,
    title: str = "Dateline timeline",
    include_notes: bool = False,
    progress: Progress | None = None,
) -> ExportResult:
    bundle = store.export_bundle(flt, tuple(statuses), title=title)
    bundle = dataclasses.replace(bundle, project_key=project_id(store.db))
    if not include_notes:
        bundle = without_notes(bundle)
    files = write_export(bundle, fmt, Path(out), progress=progress)
    return ExportResult(
        fmt=fmt,
        files=tuple(files),
        events=len(bundle.events),
        left_out=skipped_events(bundle, fmt),
        notes_included=include_notes,
    )


__all__ = ["NOTES_RULE", "ExportResult", "export_project", "without_notes"]
