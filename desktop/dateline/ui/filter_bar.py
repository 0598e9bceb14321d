"""The filter bar above the event table: text search (debounced), status, tag, date range, document,
and the review order. It only builds an ``EventFilter``; the window runs it in SQL."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from PySide6.QtCore import Qt, QTimer, Signal, Slot
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QLabel, QLineEdit, QWidget

from ..core import timevalue
from ..core.model import DocumentRecord
from ..core.store import EventFilter
from ..core.store.search import search_problem
from . import theme

STATUS_CHOICES = (
    ("Any status", ()),
    ("Proposed", ("proposed",)),
    ("Reviewed", ("accepted", "edited", "rejected")),
    ("Accepted", ("accepted", "edited")),
    ("Rejected", ("rejected",)),
)
ORDER_CHOICES = (
    ("Date", "date"),
    ("Document order", "document"),
    ("Most doubtful first", "doubt"),
)
DEBOUNCE_MS = 250
SEARCH_HELP = 'Words or their beginnings, all of them; "words in a row"; OR, NOT in capitals'


class FilterBar(QWidget):
    filter_changed = Signal(object)  # EventFilter
    order_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._emitted: EventFilter | None = None
        self.search = QLineEdit(self)
        self.search.setObjectName("search")
        self.search.setPlaceholderText("Search titles, notes and quotes (Ctrl+F)")
        self.search.setClearButtonEnabled(True)
        self.search.setToolTip(SEARCH_HELP)
        self.search.setMinimumWidth(self.fontMetrics().horizontalAdvance("Search titles, notes"))
        self.status = QComboBox(self)
        for label, _ in STATUS_CHOICES:
            self.status.addItem(label)
        self.tag = QComboBox(self)
        self.tag.addItem("Any tag", "")
        self.document = QComboBox(self)
        self.document.addItem("All documents", None)
        self.document.setSizeAdjustPolicy(
            QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon
        )
        self.document.setMinimumContentsLength(10)
        self.date_from = QLineEdit(self)
        self.date_to = QLineEdit(self)
        for edit, text in ((self.date_from, "from"), (self.date_to, "to")):
            edit.setPlaceholderText(text)
            edit.setToolTip("A date, month or year: 2024-10-16, 2024-10, 2024, 2024-H1")
            chars = edit.fontMetrics().horizontalAdvance("2024-10-16__")
            edit.setMaximumWidth(chars + edit.fontMetrics().height())
        self.order = QComboBox(self)
        for label, key in ORDER_CHOICES:
            self.order.addItem(label, key)
        self.order.setToolTip("Review order")

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.apply_now)

        lay = QHBoxLayout(self)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.search, 3)
        lay.addWidget(self.status)
        lay.addWidget(self.tag)
        lay.addWidget(self.document, 1)
        lay.addWidget(self.date_from)
        lay.addWidget(QLabel("–", self))
        lay.addWidget(self.date_to)
        lay.addSpacing(self.fontMetrics().horizontalAdvance("  "))
        order_label = QLabel("&Order:", self)
        order_label.setBuddy(self.order)
        lay.addWidget(order_label)
        lay.addWidget(self.order)

        self.search.textChanged.connect(self._schedule)
        self.date_from.textChanged.connect(self._schedule)
        self.date_to.textChanged.connect(self._schedule)
        self.search.returnPressed.connect(self.apply_now)
        self.status.currentIndexChanged.connect(self.apply_now)
        self.tag.currentIndexChanged.connect(self.apply_now)
        self.document.currentIndexChanged.connect(self.apply_now)
        self.order.currentIndexChanged.connect(self._order_picked)

    # ---- filling ----
    def set_tags(self, tags: Sequence[str]) -> None:
        current = self.tag.currentData()
        self.tag.blockSignals(True)
        self.tag.clear()
        self.tag.addItem("Any tag", "")
        for t in tags:
            self.tag.addItem(t, t)
        i = self.tag.findData(current)
        self.tag.setCurrentIndex(max(0, i))
        self.tag.blockSignals(False)

    def set_documents(self, docs: Sequence[DocumentRecord]) -> None:
        current = self.document.currentData()
        self.document.blockSignals(True)
        self.document.clear()
        self.document.addItem("All documents", None)
        for d in docs:
            self.document.addItem(d.title or d.path or f"Document {d.id}", d.id)
        i = self.document.findData(current)
        self.document.setCurrentIndex(max(0, i))
        self.document.blockSignals(False)

    def set_document(self, document_id: int | None) -> None:
        i = self.document.findData(document_id)
        self.document.setCurrentIndex(max(0, i))

    def set_order(self, order: str) -> None:
        i = self.order.findData(order)
        if i >= 0:
            self.order.setCurrentIndex(i)

    def current_order(self) -> str:
        return str(self.order.currentData() or "date")

    def focus_search(self) -> None:
        self.search.setFocus(Qt.FocusReason.ShortcutFocusReason)
        self.search.selectAll()

    def stop(self) -> None:
        """Stop the debounce timer (window closing)."""
        self._timer.stop()

    # ---- the filter ----
    def current_filter(self) -> EventFilter:
        _, statuses = STATUS_CHOICES[max(0, self.status.currentIndex())]
        tag = self.tag.currentData() or ""
        text = self.search.text().strip()
        problem = search_problem(text)
        _mark(self.search, problem, SEARCH_HELP)
        return EventFilter(
            text="" if problem else text,
            statuses=tuple(statuses),
            tags=(tag,) if tag else (),
            date_from=self._date(self.date_from, first=True),
            date_to=self._date(self.date_to, first=False),
            document_id=self.document.currentData(),
        )

    def _date(self, edit: QLineEdit, *, first: bool) -> dt.date | None:
        text = edit.text().strip()
        if not text:
            edit.setStyleSheet("")
            return None
        a, b, _ = timevalue.interval(text)
        if a is None:
            color = theme.error_color(edit.palette()).name()
            edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {color}; }}")
            edit.setToolTip(f"'{text}' is not a date: use 2024-10-16, 2024-10 or 2024")
            return None
        edit.setStyleSheet("")
        return a if first else b

    @Slot()
    def _schedule(self) -> None:
        self._timer.start()

    @Slot()
    def apply_now(self) -> None:
        self._timer.stop()
        flt = self.current_filter()
        if flt != self._emitted:
            self._emitted = flt
            self.filter_changed.emit(flt)

    @Slot()
    def _order_picked(self) -> None:
        self.order_changed.emit(self.current_order())


def _mark(edit: QLineEdit, problem: str | None, tip: str) -> None:
    """A red border and the problem as tooltip on a field whose text is left out, or ``tip``."""
    if problem:
        color = theme.error_color(edit.palette()).name()
        edit.setStyleSheet(f"QLineEdit {{ border: 1px solid {color}; }}")
        edit.setToolTip(problem)
    else:
        edit.setStyleSheet("")
        edit.setToolTip(tip)
