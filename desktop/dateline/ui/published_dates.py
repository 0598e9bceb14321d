"""Setting publication dates from the window: the documents chosen, the dialog opened on the date their
text suggests, and one undoable step that sets the date of them all (each re-anchored by the core's
``SetPublished``)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QWidget

from ..core import commands as cmds
from ..core.model import DocumentRecord
from ..core.store import Store
from ..core.typed_dates import Guess, guess_published
from .published_dialog import PublishedDateDialog
from .settings import Settings
from .undo import EditSession


class PublicationDates(QObject):
    """F2: ask for one publication date and set it on the chosen documents."""

    message_posted = Signal(str, int)  # status-bar text, milliseconds

    def __init__(
        self,
        session: EditSession,
        store: Store,
        settings: Settings,
        dialog_parent: QWidget,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.session = session
        self.store = store
        self.settings = settings
        self.dialog_parent = dialog_parent

    def guesses(self, docs: Sequence[DocumentRecord]) -> dict[int, Guess]:
        """What each document's text suggests (its timexes are a small indexed read)."""
        out: dict[int, Guess] = {}
        for d in docs:
            found = [(t.start, t.text, t.value, t.anchor) for t in self.store.timexes(d.id)]
            if (guess := guess_published(d.text, found)) is not None:
                out[d.id] = guess
        return out

    def edit(self, docs: Sequence[DocumentRecord]) -> None:
        """Ask (a modal dialog: the date is needed before anything else) and set it."""
        docs = list(docs)
        if not docs:
            self.message_posted.emit("Select a document first.", 4000)
            return
        if self.session.readonly:
            self.message_posted.emit("This project is open read-only: dates cannot be set.", 5000)
            return
        dialog = PublishedDateDialog(
            docs,
            self.dialog_parent,
            guesses=self.guesses(docs),
            day_first=self.settings.day_first(),
        )
        try:
            if dialog.exec() != PublishedDateDialog.DialogCode.Accepted:
                return
            self.settings.set_day_first(dialog.day_first())
            self.set_date(docs, dialog.chosen_date())
        finally:
            dialog.deleteLater()

    def set_date(self, docs: Sequence[DocumentRecord], day: dt.date | None) -> None:
        """One step for every document whose date or its confirmation changes."""
        changing = [
            d
            for d in docs
            if d.published != day or (day is not None and d.published_source == "unknown")
        ]
        if not changing:
            self.message_posted.emit("The publication date is already set to that.", 4000)
            return
        cores: list[cmds.Command] = [cmds.SetPublished(d.id, day) for d in changing]
        n = len(cores)
        label = "Set the publication date of " + (
            f"{n} documents" if n > 1 else f"document {changing[0].id}"
        )
        self.session.push_many(cores, label if n > 1 else "")
