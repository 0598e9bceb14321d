"""The Set Publication Date dialog (F2): one date for one or several documents, typed the way people
write dates and read back live, exactly as it will be stored.

It opens on the date the documents already have, or on the one their text suggests (a date line
under the headline, else the first date written out in full), never on today.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from types import EllipsisType

from PySide6.QtCore import Slot
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ..core import timevalue
from ..core.model import DocumentRecord
from ..core.typed_dates import Guess, parse_day
from . import theme

SHOWN_TITLES = 4  # documents named in the dialog; more are counted


def typed_form(day: dt.date) -> str:
    """How the dialog writes a date it proposes: a form no convention can misread."""
    return timevalue.label(day.isoformat())


class PublishedDateDialog(QDialog):
    """Asks for the publication date of ``docs``; "unknown" clears it."""

    def __init__(
        self,
        docs: DocumentRecord | Sequence[DocumentRecord],
        parent: QWidget | None = None,
        *,
        guesses: Mapping[int, Guess] | None = None,
        day_first: bool = True,
    ) -> None:
        super().__init__(parent)
        self.docs = [docs] if isinstance(docs, DocumentRecord) else list(docs)
        guesses = guesses or {}
        self.setWindowTitle("Publication Date")
        intro = QLabel(self._intro(), self)
        intro.setWordWrap(True)

        self.date_edit = QLineEdit(self)
        self.date_edit.setAccessibleName("Publication date")
        self.date_edit.setPlaceholderText("e.g. 27 Mar 2008, March 27, 2008 or 2008-03-27")
        self.convention = QComboBox(self)
        self.convention.setAccessibleName("How numeric dates are read")
        self.convention.addItem("Day first, as in 27/03/2008", True)
        self.convention.addItem("Month first, as in 03/27/2008", False)
        self.convention.setCurrentIndex(0 if day_first else 1)
        self.convention.setToolTip("How a date written only with numbers is read")
        self.reading = QLabel(self)
        self.reading.setAccessibleName("The date as it will be stored")
        self.reading.setWordWrap(True)
        self.found = QLabel(self)
        self.found.setWordWrap(True)
        self.found.setAccessibleName("Where the proposed date comes from")
        self.unknown_check = QCheckBox("&Unknown (no publication date)", self)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        self._layout(intro)
        self._fill(guesses)
        self.date_edit.textChanged.connect(self._update)
        self.convention.currentIndexChanged.connect(self._update)
        self.unknown_check.toggled.connect(self._update)
        self._update()
        self.date_edit.setFocus()
        self.date_edit.selectAll()

    def _intro(self) -> str:
        n = len(self.docs)
        titles = [html.escape(d.title or "(untitled)") for d in self.docs[:SHOWN_TITLES]]
        if n > SHOWN_TITLES:
            titles.append(f"and {n - SHOWN_TITLES} more")
        head = f"<b>{titles[0]}</b>" if n == 1 else f"<b>{n} documents</b>: " + "; ".join(titles)
        return (
            f"{head}<br>Relative dates such as &ldquo;Wednesday&rdquo; or &ldquo;next month&rdquo; "
            "are resolved against the publication date. Changing it re-anchors them"
            + (", in every document listed, as one undoable step." if n > 1 else ".")
        )

    def _layout(self, intro: QLabel) -> None:
        date_row = QHBoxLayout()
        date_row.addWidget(self.date_edit, 1)
        date_row.addWidget(self.reading, 1)
        form = QFormLayout()
        label = QLabel("&Published", self)
        label.setBuddy(self.date_edit)
        form.addRow(label, date_row)
        numbers = QLabel("&Numbers", self)
        numbers.setBuddy(self.convention)
        form.addRow(numbers, self.convention)
        form.addRow("", self.found)
        form.addRow("", self.unknown_check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(self.fontMetrics().horizontalAdvance("M") * 44)

    def _fill(self, guesses: Mapping[int, Guess]) -> None:
        """The documents' common date, else the date their texts agree on, else nothing."""
        dates = {d.published for d in self.docs}
        muted = theme.muted_color(self.palette()).name()
        found = ""
        if len(dates) == 1 and None not in dates:
            day = next(iter(dates))
            assert day is not None
            self.date_edit.setText(typed_form(day))
            if all(d.published_source == "unknown" for d in self.docs):
                found = "Guessed at import: check it against the article."
        else:
            suggested = {g.day for d in self.docs if (g := guesses.get(d.id)) is not None}
            if len(suggested) == 1:
                day = next(iter(suggested))
                self.date_edit.setText(typed_form(day))
                whys = {guesses[d.id].why for d in self.docs if d.id in guesses}
                found = "Found in the text: " + (
                    next(iter(whys)) if len(whys) == 1 else "the same date in each document"
                )
            elif len(suggested) > 1:
                found = "The texts suggest different dates: type the one to set for all."
            else:
                found = "No date found in the text."
        self.found.setText(f"<span style='color:{muted}'>{html.escape(found)}</span>")
        self.found.setVisible(bool(found))
        self.unknown_check.setChecked(all(d.published is None for d in self.docs) and not found)

    def day_first(self) -> bool:
        return bool(self.convention.currentData())

    @Slot()
    def _update(self) -> None:
        unknown = self.unknown_check.isChecked()
        self.date_edit.setEnabled(not unknown)
        self.convention.setEnabled(not unknown)
        ok_button = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        if unknown:
            self.reading.setText("")
            ok_button.setEnabled(True)
            return
        typed = parse_day(self.date_edit.text(), day_first=self.day_first())
        palette = self.palette()
        if typed.ok:
            self.reading.setText(f"&rarr; <b>{html.escape(typed.label())}</b>")
        else:
            colour = theme.error_color(palette).name()
            self.reading.setText(
                f"<span style='color:{colour}'>{html.escape(typed.problem)}</span>"
            )
        ok_button.setEnabled(typed.ok)

    def chosen_date(self) -> dt.date | None:
        """The date shown next to the field (None: unknown, or nothing readable typed)."""
        if self.unknown_check.isChecked():
            return None
        return parse_day(self.date_edit.text(), day_first=self.day_first()).day

    def accept(self) -> None:
        if self.unknown_check.isChecked() or self.chosen_date() is not None:
            super().accept()


def ask_published_date(
    parent: QWidget | None,
    docs: DocumentRecord | Sequence[DocumentRecord],
    *,
    guesses: Mapping[int, Guess] | None = None,
    day_first: bool = True,
) -> dt.date | EllipsisType | None:
    """The date the analyst chose, None to clear it, or ``...`` when they cancelled."""
    dialog = PublishedDateDialog(docs, parent, guesses=guesses, day_first=day_first)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ...
        return dialog.chosen_date()
    finally:
        dialog.deleteLater()
