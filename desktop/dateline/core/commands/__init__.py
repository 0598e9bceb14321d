"""User edits as data: each command applies and reverts itself exactly, with an audit row.

Apply with ``store.apply(cmd)`` (or ``cmd.apply(store)``); undo with ``store.revert(cmd)``; apply again
to redo. A GUI undo stack holds the command objects.
"""

from __future__ import annotations

from ..store.change import Change
from .base import Command
from .documents import SetPublished
from .events import AddTags, DeleteEvent, EditEvent, RemoveTags, SetDate, SetNote, SetStatus
from .review import DismissMerge, SetSourceValue
from .structure import AddSource, CreateEvent, MergeEvents, RemoveSource, SplitEvent


def Accept(event_ids: tuple[int, ...] | list[int]) -> SetStatus:
    return SetStatus(tuple(event_ids), "accepted")


def Reject(event_ids: tuple[int, ...] | list[int]) -> SetStatus:
    return SetStatus(tuple(event_ids), "rejected")


__all__ = [
    "Accept",
    "AddSource",
    "AddTags",
    "Change",
    "Command",
    "CreateEvent",
    "DeleteEvent",
    "DismissMerge",
    "EditEvent",
    "MergeEvents",
    "Reject",
    "RemoveSource",
    "RemoveTags",
    "SetDate",
    "SetNote",
    "SetPublished",
    "SetSourceValue",
    "SetStatus",
    "SplitEvent",
]
