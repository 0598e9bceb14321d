"""The audit trail of an event read field by field, for the History tab and the provenance summary."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from . import timevalue
from .model import AuditEntry

_DATE_FIELDS = frozenset({"value", "end", "date"})
_HIDDEN_FIELDS = frozenset({"version", "updated_at", "created_at"})


@dataclass(frozen=True, slots=True)
class FieldChange:
    """One row of the History tab: on ``at`` ``who`` did ``action``, changing ``field``."""

    entry_id: int
    at: str
    who: str
    action: str
    field: str  # "" when the action changed no field (an import, a merge summary)
    before: str
    after: str


def show_value(value: object, field: str = "") -> str:
    """A stored field value as a person reads it: dates as labels, lists comma separated."""
    if value is None or value == "" or value == () or value == []:
        return "—"
    if field in _DATE_FIELDS:
        if isinstance(value, list | tuple) and len(value) == 2:
            start, end = value
            if start and timevalue.is_resolved(str(start)):
                return timevalue.label(str(start), str(end) if end else None)
        elif timevalue.is_resolved(str(value)):
            return f"{timevalue.label(str(value))}"
    if isinstance(value, list | tuple):
        return ", ".join(str(v) for v in value) or "—"
    if isinstance(value, bool):
        return "yes" if value else "no"
    return str(value)


def when_label(at: str) -> str:
    """ "2026-11-23T10:41:07Z" -> "2026-11-23 10:41"; anything unparsable unchanged."""
    if len(at) >= 16 and at[10] in "T ":
        return f"{at[:10]} {at[11:16]}"
    return at


def field_changes(entries: Iterable[AuditEntry]) -> list[FieldChange]:
    """Every field an audit entry changed, oldest entry first, fields in a stable order."""
    rows: list[FieldChange] = []
    for e in sorted(entries, key=lambda e: (e.at, e.id)):
        keys = [k for k in dict.fromkeys([*e.before, *e.after]) if k not in _HIDDEN_FIELDS]
        changed = [k for k in keys if e.before.get(k) != e.after.get(k)]
        if not changed:
            rows.append(FieldChange(e.id, e.at, e.who, e.action, "", "", ""))
            continue
        for k in changed:
            rows.append(
                FieldChange(
                    e.id,
                    e.at,
                    e.who,
                    e.action,
                    k,
                    show_value(e.before.get(k), k),
                    show_value(e.after.get(k), k),
                )
            )
    return rows


def last_acceptance(entries: Sequence[AuditEntry]) -> AuditEntry | None:
    """The entry that most recently made the event accepted (an accept, or a status edit to it)."""
    found: AuditEntry | None = None
    for e in sorted(entries, key=lambda e: (e.at, e.id)):
        if e.action == "accept" or e.after.get("status") == "accepted":
            found = e
        elif e.after.get("status") not in (None, "accepted"):
            found = None
    return found
