"""The flag that says an event's sources disagree on its date (decided by ``span.disagreeing``)."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .span import disagreeing
from .store.tx import Tx

DATE_CONFLICT = "date-conflict"


def readings_conflict(values: Sequence[str]) -> bool:
    """Whether sources' readings ("2024-10-16", "2024-10", "2024-10-17/2024-10-18") disagree: two
    agree when one's span contains the other's; an unresolved reading contradicts nothing."""
    return bool(disagreeing(values))


def conflict_flags(tx: Tx, event_id: int) -> dict[str, Any]:
    """``{"flags": ...}`` when the event's date-conflict flag must change to match its sources, else {}."""
    row = tx.event_row(event_id)
    rows = tx.conn.execute(
        "SELECT value, basis FROM sources WHERE event_id = ?", (event_id,)
    ).fetchall()
    # A reading inferred from when the news came out does not contradict one the text states.
    values = [r[0] for r in rows if not r[1]] or [r[0] for r in rows]
    flags = set(json.loads(row["flags"]))
    want = flags | {DATE_CONFLICT} if readings_conflict(values) else flags - {DATE_CONFLICT}
    return {"flags": sorted(want)} if want != flags else {}


def split_value(value: str) -> tuple[str, str | None]:
    if "/" in value:
        a, b = value.split("/", 1)
        return a, b
    return value, None
