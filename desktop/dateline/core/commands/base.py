"""The command protocol: user edits as data that apply and revert themselves exactly.

A command's first ``apply`` runs its ``run`` inside one transaction; the store keeps the before- and
after-images of every row it touched on the command. ``revert`` puts the before-images back and a
later ``apply`` (redo) puts the after-images back, each checking that nobody changed those rows in
between (ConflictError otherwise). Audit rows are written for all three.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import ConflictError, ValidationError
from ..model import CREDIBILITY_GRADES, RELIABILITY_GRADES, Granularity, Status
from ..store.change import Change
from ..store.records import iso
from ..store.tx import Snapshot, Tx
from ..timevalue import interval, span, value_at

if TYPE_CHECKING:
    from ..store import Store

__all__ = ["Change", "Command"]


@dataclass
class Command:
    ACTION: ClassVar[str] = "edit"  # what the audit trail calls this kind of edit (``action``)
    # (event id, version the editor saw): a mismatch means someone else changed it -> ConflictError.
    versions: tuple[tuple[int, int], ...] = field(default=(), kw_only=True)
    _snapshots: tuple[Snapshot, Snapshot] | None = field(
        default=None, init=False, repr=False, compare=False
    )

    # ---- the public face ----
    @property
    def action(self) -> str:
        """What the audit trail calls this edit: "merge", "tag"; ``SetStatus`` says "accept"."""
        return self.ACTION

    def apply(self, store: Store) -> Change:
        return store.apply(self)

    def revert(self, store: Store) -> Change:
        return store.revert(self)

    def label(self) -> str:
        """Short text for an undo menu: "Accept 3 events"."""
        return self.action.capitalize()

    def undo_message(self) -> str:
        return f"Undid: {self.label()}"

    # ---- called by the store ----
    def prepare(self, store: Store) -> None:
        """Checks that need no transaction (values, grades). Raise ValidationError."""

    def execute(self, tx: Tx, store: Store) -> str:
        for event_id, version in self.versions:
            row = tx.event_row(event_id)
            if row["version"] != version:
                raise ConflictError(
                    f"Event {event_id} was changed elsewhere since you opened it; reload and try again."
                )
        return self.run(tx, store)

    def run(self, tx: Tx, store: Store) -> str:
        raise NotImplementedError


def plural(n: int, word: str) -> str:
    return f"{n} {word}" if n == 1 else f"{n} {word}s"


def check_status(status: str) -> Status:
    try:
        return Status(status)
    except ValueError:
        raise ValidationError(
            f"Unknown status {status!r}; use proposed, accepted, rejected or edited.",
            field="status",
        ) from None


def check_reliability(value: object) -> str | None:
    if value in (None, ""):
        return None
    grade = str(value).strip().upper()
    if grade not in RELIABILITY_GRADES:
        raise ValidationError(
            f"Source reliability must be a letter from A to F, not {value!r}.", field="reliability"
        )
    return grade


def check_credibility(value: object) -> int | None:
    if value in (None, ""):
        return None
    try:
        grade = int(str(value).strip())
    except ValueError:
        grade = 0
    if grade not in CREDIBILITY_GRADES:
        raise ValidationError(
            f"Information credibility must be a number from 1 to 6, not {value!r}.",
            field="credibility",
        )
    return grade


def check_tags(tags: object) -> tuple[str, ...]:
    """Tags as the analyst (or a script) gave them: one text or a list of them; None for none."""
    if isinstance(tags, str):
        tags = (tags,)
    if not tags:
        tags = ()
    if not isinstance(tags, Iterable):
        raise ValidationError(f"Tags are a list of words, not {tags!r}.", field="tags")
    out: list[str] = []
    for t in tags:
        tag = " ".join(str(t).split())
        if not tag:
            raise ValidationError("A tag cannot be empty.", field="tags")
        if len(tag) > 100:
            raise ValidationError("A tag is at most 100 characters long.", field="tags")
        if tag not in out:
            out.append(tag)
    return tuple(out)


def date_fields(value: str, end: str | None = None, precision: str | None = None) -> dict[str, Any]:
    """Validated columns for an analyst-set date: value, end_value, granularity, earliest, latest."""
    value = (value or "").strip()
    first, _, gran = interval(value)
    if first is None:
        raise ValidationError(
            f"{value!r} is not a date Dateline understands (try 2024-10-16, 2024-10, 2024-H1 or 2024).",
            field="value",
        )
    if precision:
        try:
            g = Granularity(precision)
            value = value_at(first, g)
        except ValueError:
            raise ValidationError(
                f"Unknown precision {precision!r}; use day, week, month, quarter, half, year...",
                field="precision",
            ) from None
        first, _, gran = interval(value)
    end = (end or "").strip() or None
    if end is not None:
        e0, e1, _ = interval(end)
        if e0 is None or e1 is None:
            raise ValidationError(f"{end!r} is not a date Dateline understands.", field="end")
        if first is not None and e1 < first:
            raise ValidationError("The end date is before the start date.", field="end")
        if end == value:
            end = None
    a, b = span(value, end)
    return {
        "value": value,
        "end_value": end,
        "granularity": gran.value,
        "earliest": iso(a),
        "latest": iso(b),
    }


def sentence_around(text: str, start: int, end: int) -> tuple[int, int]:
    """The sentence(s) holding [start, end), as the engine splits them: the quote an analyst-made
    source keeps."""
    from ..sentences import split_sentences

    left, right = start, end
    for s in split_sentences(text):
        if s.end <= start:
            continue
        if s.start >= end:
            break
        left, right = min(left, s.start), max(right, s.end)
    return left, right


def check_span(text: str, start: int, end: int) -> None:
    if not (0 <= start < end <= len(text)):
        raise ValidationError(
            f"The span {start}-{end} is outside the document (length {len(text)}).", field="span"
        )


def today() -> dt.date:
    return dt.datetime.now(dt.UTC).date()
