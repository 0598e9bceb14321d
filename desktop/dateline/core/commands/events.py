"""Commands on events' own fields: status, text fields, grades, date, tags, notes, delete."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, ClassVar

from ..errors import ValidationError
from ..model import Status
from ..store.tx import Tx
from .base import (
    Command,
    check_credibility,
    check_reliability,
    check_status,
    check_tags,
    date_fields,
    plural,
)

if TYPE_CHECKING:
    from ..store import Store

_VERB = {"accepted": "Accept", "rejected": "Reject", "proposed": "Reset", "edited": "Mark edited"}
_DONE = {
    "accepted": "Accepted",
    "rejected": "Rejected",
    "proposed": "Reset",
    "edited": "Marked edited",
}
_TEXT_FIELDS = ("title", "description", "notes", "location", "actors")
# Editing what the event says makes it the analyst's; grades, notes and tags annotate it.
_CONTENT_FIELDS = {"title", "description", "location", "actors", "value", "end", "precision"}
EDITABLE = (
    *_TEXT_FIELDS,
    "reliability",
    "credibility",
    "tags",
    "flags",
    "value",
    "end",
    "precision",
)


def _mark_edited(tx: Tx, event_id: int) -> dict[str, Any]:
    status = tx.event_row(event_id)["status"]
    return {"status": Status.EDITED.value} if status in ("proposed", "accepted") else {}


def _without_flag(tx: Tx, event_id: int, *drop: str) -> dict[str, Any]:
    flags = json.loads(tx.event_row(event_id)["flags"])
    return {"flags": [f for f in flags if f not in drop]} if set(drop) & set(flags) else {}


# Setting the date by hand settles what these flags asked the analyst to check.
_DATE_FLAGS = ("anchor-changed", "date-conflict")


@dataclass
class SetStatus(Command):
    event_ids: tuple[int, ...]
    status: str

    @property
    def action(self) -> str:
        return {"accepted": "accept", "rejected": "reject"}.get(self.status, "set-status")

    def label(self) -> str:
        return f"{_VERB.get(self.status, 'Set status of')} {plural(len(self.event_ids), 'event')}"

    def prepare(self, store: Store) -> None:
        check_status(self.status)
        if not self.event_ids:
            raise ValidationError("No events were chosen.", field="event_ids")

    def run(self, tx: Tx, store: Store) -> str:
        n = 0
        for eid in dict.fromkeys(self.event_ids):
            values: dict[str, Any] = {}
            if tx.event_row(eid)["status"] != self.status:
                values["status"] = self.status
            if self.status in (Status.ACCEPTED, Status.EDITED):
                # Accepting a flagged event is the analyst's "checked, the date stands".
                values.update(_without_flag(tx, eid, "anchor-changed"))
            if values:
                tx.update_event(eid, **values)
                n += 1
        return f"{_DONE.get(self.status, 'Updated')} {plural(n, 'event')}"


@dataclass
class EditEvent(Command):
    event_id: int
    changes: dict[str, object]
    ACTION: ClassVar[str] = "edit"

    def label(self) -> str:
        return f"Edit {', '.join(sorted(self.changes))} of event {self.event_id}"

    def prepare(self, store: Store) -> None:
        unknown = set(self.changes) - set(EDITABLE)
        if unknown:
            name = sorted(unknown)[0]
            raise ValidationError(f"Field {name!r} cannot be edited.", field=name)
        for name in _TEXT_FIELDS:
            if name in self.changes and not isinstance(self.changes[name], str):
                raise ValidationError(f"{name.capitalize()} must be text.", field=name)
        if "title" in self.changes and not str(self.changes["title"]).strip():
            raise ValidationError("An event needs a title.", field="title")
        if "reliability" in self.changes:
            check_reliability(self.changes["reliability"])
        if "credibility" in self.changes:
            check_credibility(self.changes["credibility"])
        if "tags" in self.changes:
            check_tags(self.changes["tags"])
        if "flags" in self.changes:
            check_tags(self.changes["flags"])  # same rules: short non-empty strings
        # Validated again in run() against the stored value when only end/precision is given.
        if "value" in self.changes:
            date_fields(str(self.changes["value"]), self._opt("end"), self._opt("precision"))

    def _opt(self, name: str) -> str | None:
        v = self.changes.get(name)
        return None if v in (None, "") else str(v)

    def run(self, tx: Tx, store: Store) -> str:
        row = tx.event_row(self.event_id)
        values: dict[str, Any] = {}
        for name in _TEXT_FIELDS:
            if name in self.changes:
                values[name] = (
                    str(self.changes[name]).strip() if name == "title" else self.changes[name]
                )
        if "flags" in self.changes:
            values["flags"] = sorted(check_tags(self.changes["flags"]))
        if "reliability" in self.changes:
            values["reliability"] = check_reliability(self.changes["reliability"])
        if "credibility" in self.changes:
            values["credibility"] = check_credibility(self.changes["credibility"])
        if {"value", "end", "precision"} & set(self.changes):
            value = str(self.changes.get("value") or row["value"])
            end = self._opt("end") if "end" in self.changes else row["end_value"]
            values.update(date_fields(value, end, self._opt("precision")))
            values.update(_without_flag(tx, self.event_id, *_DATE_FLAGS))
        changed = {k for k, v in values.items() if row[k] != v}
        if "tags" in self.changes:
            tx.set_tags(self.event_id, check_tags(self.changes["tags"]))
        if _CONTENT_FIELDS & ({"value", "end", "precision"} & set(self.changes) | changed):
            values.update(_mark_edited(tx, self.event_id))
        tx.update_event(self.event_id, **values)
        return f"Edited event {self.event_id}"


@dataclass
class SetDate(Command):
    event_id: int
    value: str
    end: str | None = None
    precision: str | None = None  # re-express value at this precision ("make it a month")
    ACTION: ClassVar[str] = "set-date"

    def label(self) -> str:
        return f"Set date of event {self.event_id}"

    def prepare(self, store: Store) -> None:
        date_fields(self.value, self.end, self.precision)

    def run(self, tx: Tx, store: Store) -> str:
        values = date_fields(self.value, self.end, self.precision)
        values.update(_without_flag(tx, self.event_id, *_DATE_FLAGS))
        values.update(_mark_edited(tx, self.event_id))
        tx.update_event(self.event_id, **values)
        return f"Set the date of event {self.event_id} to {values['value']}"


@dataclass
class AddTags(Command):
    event_ids: tuple[int, ...]
    tags: tuple[str, ...]
    ACTION: ClassVar[str] = "tag"

    def label(self) -> str:
        return f"Tag {plural(len(self.event_ids), 'event')} {', '.join(self.tags)}"

    def prepare(self, store: Store) -> None:
        if not check_tags(self.tags):
            raise ValidationError("No tag was given.", field="tags")

    def run(self, tx: Tx, store: Store) -> str:
        tags = check_tags(self.tags)
        for eid in dict.fromkeys(self.event_ids):
            tx.event_row(eid)
            current = {
                r[0]
                for r in tx.conn.execute("SELECT tag FROM event_tags WHERE event_id = ?", (eid,))
            }
            if not set(tags) <= current:
                tx.set_tags(eid, sorted(current | set(tags)))
        return f"Tagged {plural(len(self.event_ids), 'event')} {', '.join(tags)}"


@dataclass
class RemoveTags(Command):
    event_ids: tuple[int, ...]
    tags: tuple[str, ...]
    ACTION: ClassVar[str] = "untag"

    def label(self) -> str:
        return f"Remove tag {', '.join(self.tags)} from {plural(len(self.event_ids), 'event')}"

    def run(self, tx: Tx, store: Store) -> str:
        tags = set(check_tags(self.tags))
        for eid in dict.fromkeys(self.event_ids):
            tx.event_row(eid)
            current = {
                r[0]
                for r in tx.conn.execute("SELECT tag FROM event_tags WHERE event_id = ?", (eid,))
            }
            if current & tags:
                tx.set_tags(eid, sorted(current - tags))
        return f"Removed tag {', '.join(sorted(tags))}"


@dataclass
class SetNote(Command):
    event_id: int
    notes: str
    ACTION: ClassVar[str] = "note"

    def label(self) -> str:
        return f"Note on event {self.event_id}"

    def run(self, tx: Tx, store: Store) -> str:
        if tx.event_row(self.event_id)["notes"] != self.notes:
            tx.update_event(self.event_id, notes=self.notes)
        return f"Saved the note of event {self.event_id}"


@dataclass
class DeleteEvent(Command):
    event_ids: tuple[int, ...]
    ACTION: ClassVar[str] = "delete"

    def label(self) -> str:
        return f"Delete {plural(len(self.event_ids), 'event')}"

    def run(self, tx: Tx, store: Store) -> str:
        for eid in dict.fromkeys(self.event_ids):
            tx.delete_event(eid)
        return f"Deleted {plural(len(self.event_ids), 'event')}"
