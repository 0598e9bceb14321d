"""Merge suggestions for the selected event, in plain view: under "Same happening as this event?", one
row per suggestion, "Wed 16 Oct 2024 Rutte's press conference · 2 sources  [Merge (M)] [Not the same]"
and, under it, why it is suggested ("same speaker Rutte; same day ..."). A plain view: its buttons are
requests the main window turns into core commands."""

from __future__ import annotations

import functools
from collections.abc import Sequence

from PySide6.QtCore import QSize, Qt, Signal, SignalInstance, Slot
from PySide6.QtGui import QFont, QFontMetrics, QPainter, QPaintEvent
from PySide6.QtWidgets import (
    QFrame,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSizePolicy,
    QVBoxLayout,
    QWidget,
)

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
        self._header = QLabel("Same happening as this event?", self)
        self._header.setObjectName("merge_suggestion_header")
        self._layout.addWidget(self._header)
        self.hide()

    def event_id(self) -> int | None:
        return self._event_id

    @staticmethod
    def shown() -> int:
        """How many suggestions the bar shows at most."""
        return MAX_SHOWN

    def suggestions(self) -> list[int]:
        """The ids suggested for the shown event, best first."""
        return [e.id for e in self._others]

    def set_suggestions(
        self,
        event_id: int | None,
        others: Sequence[EventRecord],
        reasons: Sequence[str] = (),
    ) -> None:
        """``reasons``: for each of ``others``, what makes it a suggestion (shown under its title)."""
        self._event_id = event_id
        self._others = list(others)[:MAX_SHOWN] if event_id is not None else []
        for row in self._rows:
            row.deleteLater()
        self._rows = []
        for i, other in enumerate(self._others):
            row = self._row(other, reasons[i] if i < len(reasons) else "", first=i == 0)
            self._layout.addWidget(row)
            self._rows.append(row)
        self.setVisible(bool(self._others))

    def _row(self, other: EventRecord, reason: str, *, first: bool) -> QWidget:
        row = QWidget(self)
        lay = QHBoxLayout(row)
        lay.setContentsMargins(0, 0, 0, 0)
        n = len(other.sources)
        # Two lines that never wrap: what the other event is, and why it is suggested; each cut
        # with "…" to the width there is, the whole of both in the tooltip.
        text = QWidget(row)
        lines = QVBoxLayout(text)
        lines.setContentsMargins(0, 0, 0, 0)
        lines.setSpacing(0)
        label = ElidedLabel(
            timevalue.label(other.value, other.end),
            f" {other.title} · {n} source{'s' if n != 1 else ''}",
            text,
        )
        label.setObjectName("merge_suggestion_text")
        why = ElidedLabel("", reason, text, muted=True)
        why.setObjectName("merge_suggestion_reason")
        why.setVisible(bool(reason))
        lines.addWidget(label)
        lines.addWidget(why)
        text.setToolTip(f"Event {other.id}: {other.title}" + (f"\nWhy: {reason}" if reason else ""))
        merge = QPushButton("Merge (M)" if first else "Merge", row)
        merge.setObjectName("merge_suggestion_merge")
        merge.setToolTip("Merge the two events: every source is kept, undo with Ctrl+Z or Split")
        dismiss = QPushButton("Not the same", row)
        dismiss.setObjectName("merge_suggestion_dismiss")
        dismiss.setToolTip("Stop suggesting this pair (undoable)")
        merge.clicked.connect(functools.partial(self._request, self.merge_requested, other.id))
        dismiss.clicked.connect(functools.partial(self._request, self.dismiss_requested, other.id))
        lay.addWidget(text, 1)
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
    def _request(self, signal: SignalInstance, other: int, *_: object) -> None:
        if self._event_id is not None:
            signal.emit(self._event_id, other)


class ElidedLabel(QWidget):
    """One line: a bold lead ("Wed 16 Oct 2024") then text, cut with "…" to fit."""

    def __init__(self, lead: str, rest: str, parent: QWidget | None = None, muted: bool = False):
        super().__init__(parent)
        self._lead, self._rest, self._muted = lead, rest, muted
        self.setSizePolicy(QSizePolicy.Policy.Ignored, QSizePolicy.Policy.Fixed)
        self.setAccessibleName(lead + rest)

    def text(self) -> str:
        return self._lead + self._rest

    def sizeHint(self) -> QSize:
        fm = self.fontMetrics()
        return QSize(fm.horizontalAdvance(self.text()), fm.height())

    def minimumSizeHint(self) -> QSize:
        return QSize(0, self.fontMetrics().height())

    def paintEvent(self, event: QPaintEvent) -> None:
        painter = QPainter(self)
        x, width = 0, self.width()
        if self._lead:
            bold = QFont(self.font())
            bold.setBold(True)
            painter.setFont(bold)
            lead = QFontMetrics(bold).elidedText(self._lead, Qt.TextElideMode.ElideRight, width)
            painter.drawText(self.rect(), Qt.AlignmentFlag.AlignVCenter, lead)
            x = QFontMetrics(bold).horizontalAdvance(lead)
            painter.setFont(self.font())
        if self._muted:
            painter.setPen(theme.muted_color(self.palette()))
        rest = self.fontMetrics().elidedText(self._rest, Qt.TextElideMode.ElideRight, width - x)
        painter.drawText(self.rect().adjusted(x, 0, 0, 0), Qt.AlignmentFlag.AlignVCenter, rest)
