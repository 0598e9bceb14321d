"""What an import or a re-extraction tells the analyst afterwards."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .integrate import Integrated

ProgressFn = Callable[[int, int, str], None]  # (done, total, current path); raise Cancelled to stop


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[tuple[str, int], ...] = ()  # (path, document id)
    duplicates: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (path, reason)
    cancelled: bool = False
    not_processed: tuple[str, ...] = ()  # files left when cancelled
    events_proposed: int = 0
    sources_attached: int = 0  # new sources given to events already stored (same happening)
    undated: tuple[str, ...] = ()  # imported without a publication date: relative dates wait
    warnings: tuple[tuple[str, str], ...] = ()  # (path, warning) from the readers
    # Imported articles that copy one already stored (``copies``): (path, document id, original
    # document id, original's path). They are linked, never counted as independent reports.
    copies: tuple[tuple[str, int, int, str], ...] = ()
    # A file the cancel stopped inside: (path, articles imported from it, articles in it).
    partly: tuple[tuple[str, int, int], ...] = ()

    def summary(self) -> str:
        """ "2 imported, 1 duplicate, 1 failed" (plus copies, undated, cancelled when there are)."""
        parts = [f"{len(self.imported)} imported"]
        n = len(self.duplicates)
        parts.append(f"{n} duplicate" + ("" if n == 1 else "s"))
        parts.append(f"{len(self.failed)} failed")
        if self.copies:
            n = len(self.copies)
            parts.append(f"{n} cop{'y' if n == 1 else 'ies'} of articles already imported")
        if self.undated:
            parts.append(f"{len(self.undated)} without publication date")
        if self.cancelled:
            parts.append(f"cancelled with {len(self.not_processed)} not processed")
        return ", ".join(parts)

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not self.imported and not self.duplicates


@dataclass
class Tally:
    """An import's report as it builds up, file by file."""

    imported: list[tuple[str, int]] = field(default_factory=list)
    duplicates: list[str] = field(default_factory=list)
    failed: list[tuple[str, str]] = field(default_factory=list)
    undated: list[str] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    copies: list[tuple[str, int, int, str]] = field(default_factory=list)
    partly: list[tuple[str, int, int]] = field(default_factory=list)
    events: int = 0
    attached: int = 0

    def report(self, *, cancelled: bool = False, not_processed: Sequence[str] = ()) -> ImportReport:
        return ImportReport(
            imported=tuple(self.imported),
            duplicates=tuple(self.duplicates),
            failed=tuple(self.failed),
            cancelled=cancelled,
            not_processed=tuple(not_processed),
            events_proposed=self.events,
            sources_attached=self.attached,
            undated=tuple(self.undated),
            warnings=tuple(self.warnings),
            copies=tuple(self.copies),
            partly=tuple(self.partly),
        )


@dataclass(frozen=True)
class ReextractReport:
    documents: int
    events_added: int
    events_redated: int
    events_flagged: int
    extractor_version: str
    cancelled: bool = False
    events_changed: int = 0  # given sources or a title by the new reading, not re-dated
    events_removed: int = 0

    def summary(self) -> str:
        parts = [
            f"{self.events_added} new events",
            f"{self.events_redated} re-dated",
            f"{self.events_flagged} reviewed events flagged",
        ]
        if self.events_changed:
            parts.append(f"{self.events_changed} given new sources or titles")
        if self.events_removed:
            parts.append(f"{self.events_removed} replaced")
        return (
            f"Re-extracted {self.documents} documents with {self.extractor_version}: "
            + ", ".join(parts)
            + (" (cancelled)" if self.cancelled else "")
        )


@dataclass
class ReextractCounts:
    """What a re-extraction changed, counted from the store's before and after images (so it says
    what really changed, not what the engine proposed)."""

    added: int = 0
    redated: int = 0
    flagged: int = 0
    changed: int = 0
    removed: int = 0

    def add(self, result: Integrated, changed: dict[str, set[int]]) -> None:
        self.added += len(changed["added"])
        self.removed += len(changed["removed"])
        updated = changed["updated"]
        redated = result.redated & updated
        flagged = result.flagged & updated
        self.redated += len(redated)
        self.flagged += len(flagged)
        self.changed += len(updated - redated - flagged)

    def report(self, documents: int, version: str, *, cancelled: bool = False) -> ReextractReport:
        return ReextractReport(
            documents,
            self.added,
            self.redated,
            self.flagged,
            version,
            cancelled=cancelled,
            events_changed=self.changed,
            events_removed=self.removed,
        )
