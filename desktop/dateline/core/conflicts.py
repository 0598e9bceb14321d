"""When the readings of one event's sources disagree, and the flag that says so."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

from .store.tx import Tx
from .timevalue import span

DATE_CONFLICT = "date-conflict"


def readings_conflict(values: Sequence[str]) -> bool:
    """Whether sources' readings ("2024-10-16", "2024-10", "2024-10-17/2024-10-18") disagree.

    ``corroboration.has_conflict`` semantics: two readings agree when one's span contains the other's;
    an unresolved reading contradicts nothing.
    """
    spans = []
    for v in values:
        a, b = span(*split_value(v)) if v else (None, None)
        if a is not None and b is not None:
            spans.append((a, b))
    for i, (a0, a1) in enumerate(spans):
        for b0, b1 in spans[i + 1 :]:
            if not ((a0 <= b0 and b1 <= a1) or (b0 <= a0 and a1 <= b1)):
                return True
    return False


def conflict_flags(tx: Tx, event_id: int) -> dict[str, Any]:
    """``{"flags": ...}`` when the event's date-conflict flag must change to match its sources, else {}."""
    row = tx.event_row(event_id)
    values = [
        r[0] for r in tx.conn.execute("SELECT value FROM sources WHERE event_id = ?", (event_id,))
    ]
    flags = set(json.loads(row["flags"]))
    want = flags | {DATE_CONFLICT} if readings_conflict(values) else flags - {DATE_CONFLICT}
    return {"flags": sorted(want)} if want != flags else {}


def split_value(value: str) -> tuple[str, str | None]:
    if "/" in value:
        a, b = value.split("/", 1)
        return a, b
    return value, None
