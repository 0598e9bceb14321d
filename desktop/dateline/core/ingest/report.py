"""What an import or a re-extraction tells the analyst afterwards."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

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

    def summary(self) -> str:
        """ "2 imported, 1 duplicate, 1 failed" (plus cancelled / not processed when relevant)."""
        parts = [f"{len(self.imported)} imported"]
        n = len(self.duplicates)
        parts.append(f"{n} duplicate" + ("" if n == 1 else "s"))
        parts.append(f"{len(self.failed)} failed")
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
        )


@dataclass(frozen=True)
class ReextractReport:
    documents: int
    events_added: int
    events_redated: int
    events_flagged: int
    extractor_version: str
    cancelled: bool = False

    def summary(self) -> str:
        return (
            f"Re-extracted {self.documents} documents with {self.extractor_version}: "
            f"{self.events_added} new events, {self.events_redated} re-dated, "
            f"{self.events_flagged} reviewed events flagged"
            + (" (cancelled)" if self.cancelled else "")
        )
