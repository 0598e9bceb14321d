"""What one write changed, so views refresh only the touched rows."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Change:
    updated: frozenset[int] = frozenset()  # event ids whose row changed
    added: frozenset[int] = frozenset()
    removed: frozenset[int] = frozenset()
    documents: frozenset[int] = frozenset()  # documents whose metadata/counts changed
    message: str = ""  # one line for the status bar: "Accepted 3 events"

    @classmethod
    def from_sets(cls, changed: dict[str, set[int]], message: str) -> Change:
        return cls(
            updated=frozenset(changed.get("updated", ())),
            added=frozenset(changed.get("added", ())),
            removed=frozenset(changed.get("removed", ())),
            documents=frozenset(changed.get("documents", ())),
            message=message,
        )

    @property
    def events(self) -> frozenset[int]:
        """Every event id the change touched."""
        return self.updated | self.added | self.removed
