"""Merge suggestions for the selected event, in plain view: "Same happening? Wed 16 Oct 2024 Rutte's
press conference · 2 sources  [Merge (M)] [Not the same]". A plain view: its buttons are requests the
main window turns into core commands."""

from __future__ import annotations

import functools
import html
from collections.abc import Sequence

from PySide6.QtCore import Qt, Signal, Slot
from PySide6.QtWidgets import QFrame, QHBoxLayout, QLabel, QPushButton, QVBoxLayout, QWidget

from ..core import timevalue
from ..core.model import EventRecord
from . import theme

MAX_SHOWN = 3  # the top suggestions; more are rare and only one is merged by M


class MergeSuggestionBar(QFrame):
    """The suggestions of one event; hidden when it has none."""

    merge_requested = Signal(int, int)  # shown event, other event
    dismiss_requested = Signal(int, int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("merge_bar")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAccessibleName("Merge suggestions")
        self._event_id: int | None = None
        self._others: list[EventRecord] = []
        self._rows: list[QWidget] = []
        self._readonly = False
        self._layout = QVBoxLayout(self)
        pad = self.fontMetrics().averageCharWidth()
        self._layout.setContentsMargins(pad, pad // 2, pad, pad // 2)
        self._layout.setSpacing(pad // 2)
        self.hide()

    def event_id(self) -> int | None:
        return self._event_id

    def suggestions(self) -> list[int]:
        """The ids suggested for the shown event, best first."""
        return [e.id for e in self._others]

    def set_suggestions(self, event_id: int | None, others: Sequence[EventRecord]) -> None:
        self._event_id = event_id
        self._others = list(others)[:MAX_SHOWN] if event_id is not None else []
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for i, other in enumerate(self._others):
            row = self._row(other, first=i == 0)
            self._layout.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(self._others))

    def _row(self, other: EventRecord, *, first: bool) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        muted = theme.muted_color(self.palette()).name()
        n = len(other.sources)
        label = QLabel(row)
        label.setObjectName("merge_suggestion_text")
        label.setWordWrap(True)
        label.setTextFormat(Qt.TextFormat.RichText)
        label.setText(
            f"Same happening? <b>{html.escape(timevalue.label(other.value, other.end))}</b> "
            f"{html.escape(other.title)} "
            f"<span style='color:{muted}'>· {n} source{'s' if n != 1 else ''}</span>"
        )
        label.setToolTip(f"Event {other.id}: {other.title}")
        merge = QPushButton("Merge (M)" if first else "Merge", row)
        merge.setObjectName("merge_suggestion_merge")
        merge.setToolTip("Merge the two events: every source is kept, undo with Ctrl+Z or Split")
        dismiss = QPushButton("Not the same", row)
        dismiss.setObjectName("merge_suggestion_dismiss")
        dismiss.setToolTip("Stop suggesting this pair (undoable)")
        merge.clicked.connect(functools.partial(self._request, self.merge_requested, other.id))
        dismiss.clicked.connect(functools.partial(self._request, self.dismiss_requested, other.id))
        lay.addWidget(label, 1)
        lay.addWidget(merge, 0, Qt.AlignmentFlag.AlignTop)
        lay.addWidget(dismiss, 0, Qt.AlignmentFlag.AlignTop)
        merge.setVisible(not self._readonly)
        dismiss.setVisible(not self._readonly)
        return row

    def set_read_only(self, readonly: bool) -> None:
        """A read-only project: the suggestions still show, nothing can be merged or dismissed."""
        self._readonly = readonly
        for row in self._rows:
            for button in row.findChildren(QPushButton):
                button.setVisible(not readonly)

    @Slot()
    def _request(self, signal: Signal, other: int, *_: object) -> None:
        if self._event_id is not None:
            signal.emit(self._event_id, other)  # type: ignore[attr-defined]
