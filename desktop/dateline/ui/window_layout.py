"""The main window's widgets and their arrangement: documents | table-or-timeline over article |
provenance over editor. Sizes come from font metrics so the layout holds at any scale factor.

``build_parts`` makes the widgets and lays them out in the window; it wires nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from PySide6.QtCore import Qt
from PySide6.QtGui import QFontMetrics
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QMainWindow,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.model import EventRecord
from .article_view import ArticleView
from .documents_panel import DocumentsPanel
from .event_editor import EventEditor
from .event_table import DATE, STATUS, TITLE, EventTableModel, StatusDelegate
from .filter_bar import FilterBar
from .merge_bar import MergeSuggestionBar
from .provenance_panel import ProvenancePanel
from .review import TagBar
from .search_highlight import SearchDelegate
from .timeline_view import TimelineView

Fetch = Callable[[Sequence[int]], Sequence[EventRecord]]


@dataclass
class WindowParts:
    """Every widget of the main window that something reads or wires."""

    documents_panel: DocumentsPanel
    filter_bar: FilterBar
    model: EventTableModel
    table: QTableView
    title_delegate: SearchDelegate
    tag_bar: TagBar
    timeline: TimelineView
    views: QTabWidget
    article: ArticleView
    editor: EventEditor
    provenance: ProvenancePanel
    merge_bar: MergeSuggestionBar
    centre_split: QSplitter
    right_split: QSplitter
    main_split: QSplitter
    counts_label: QLabel
    mode_label: QLabel
    progress: QProgressBar
    cancel_button: QPushButton


def _event_table(window: QMainWindow, model: EventTableModel) -> tuple[QTableView, SearchDelegate]:
    table = QTableView(window)
    table.setObjectName("event_table")
    table.setModel(model)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setAlternatingRowColors(True)
    table.setWordWrap(False)
    table.setShowGrid(False)
    table.verticalHeader().hide()
    fm = table.fontMetrics()
    table.verticalHeader().setDefaultSectionSize(int(fm.height() * 1.6))
    table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
    header = table.horizontalHeader()
    header.setStretchLastSection(False)
    header.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
    header.setSectionResizeMode(TITLE, QHeaderView.ResizeMode.Stretch)
    widths = {
        DATE: "Thu 17 - Fri 18 Oct 2024_",
        STATUS: "• Accepted_",
        3: "Confidence",
        4: "Sources",
        5: "ministerial_",
        6: "Grade",
    }
    for col, sample in widths.items():
        header.resizeSection(col, fm.horizontalAdvance(sample) + fm.height())
    header.setMinimumSectionSize(fm.horizontalAdvance("Grade") + fm.height() // 2)
    table.setItemDelegateForColumn(STATUS, StatusDelegate(table))
    title_delegate = SearchDelegate(table)
    table.setItemDelegateForColumn(TITLE, title_delegate)
    table.setSortingEnabled(False)  # the store sorts; the header asks it (EventList)
    header.setSortIndicatorShown(True)
    header.setSectionsClickable(True)
    header.setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
    table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
    return table, title_delegate


def _column(window: QMainWindow, top: QWidget, main: QWidget, *, margins: int = 0) -> QWidget:
    """``top`` over ``main`` (which takes the height), or ``main`` over ``top`` for a bar below."""
    page = QWidget(window)
    lay = QVBoxLayout(page)
    lay.setContentsMargins(margins, margins, margins, 0)
    lay.addWidget(top)
    lay.addWidget(main, 1)
    return page


def _splitter(
    window: QMainWindow, name: str, orientation: Qt.Orientation, widgets: Sequence[QWidget]
) -> QSplitter:
    split = QSplitter(orientation, window)
    split.setObjectName(name)
    for w in widgets:
        split.addWidget(w)
    return split


def build_parts(window: QMainWindow, fetch: Fetch) -> WindowParts:
    """The window's widgets, laid out in ``window``; ``fetch`` reads table rows (GUI thread)."""
    model = EventTableModel(fetch, window)
    table, title_delegate = _event_table(window, model)
    fm = table.fontMetrics()
    tag_bar = TagBar(window)
    tag_bar.hide()
    timeline = TimelineView(window)
    views = QTabWidget(window)
    views.setObjectName("views")
    views.setDocumentMode(True)
    table_page = QWidget(window)
    table_lay = QVBoxLayout(table_page)
    table_lay.setContentsMargins(0, 0, 0, 0)
    table_lay.addWidget(table, 1)
    table_lay.addWidget(tag_bar)
    views.addTab(table_page, "Events")
    views.addTab(timeline, "Timeline")
    filter_bar = FilterBar(window)
    documents_panel = DocumentsPanel(window)
    article = ArticleView(window)
    editor = EventEditor(window)
    provenance = ProvenancePanel(window)
    merge_bar = MergeSuggestionBar(window)

    V, H = Qt.Orientation.Vertical, Qt.Orientation.Horizontal
    centre_top = _column(window, filter_bar, views, margins=fm.horizontalAdvance(" "))
    centre_split = _splitter(window, "centre_split", V, (centre_top, article))
    centre_split.setStretchFactor(0, 3)
    centre_split.setStretchFactor(1, 2)
    right_top = _column(window, merge_bar, provenance)
    right_split = _splitter(window, "right_split", V, (right_top, editor))
    right_split.setStretchFactor(0, 4)
    right_split.setStretchFactor(1, 5)
    main_split = _splitter(window, "main_split", H, (documents_panel, centre_split, right_split))
    for i, stretch in enumerate((2, 6, 3)):
        main_split.setStretchFactor(i, stretch)
    main_split.setChildrenCollapsible(False)
    window.setCentralWidget(main_split)
    _size(window, fm, main_split, centre_split, right_split)

    counts_label, mode_label, progress, cancel_button = _status_bar(window, fm)
    return WindowParts(
        documents_panel, filter_bar, model, table, title_delegate, tag_bar, timeline, views,
        article, editor, provenance, merge_bar, centre_split, right_split, main_split,
        counts_label, mode_label, progress, cancel_button,
    )  # fmt: skip


def _size(
    window: QMainWindow, fm: QFontMetrics, main: QSplitter, centre: QSplitter, right: QSplitter
) -> None:
    em, lines = fm.horizontalAdvance("M"), fm.height()
    main.setSizes([em * 24, em * 74, em * 44])
    window.resize(em * 142, lines * 56)
    centre.setSizes([lines * 30, lines * 24])
    right.setSizes([lines * 24, lines * 30])


def _status_bar(
    window: QMainWindow, fm: QFontMetrics
) -> tuple[QLabel, QLabel, QProgressBar, QPushButton]:
    bar = window.statusBar()
    counts_label = QLabel(window)
    mode_label = QLabel(window)  # "Read-only" for a project that cannot be written
    mode_label.setObjectName("mode_label")
    mode_label.hide()
    progress = QProgressBar(window)
    progress.setMaximumWidth(fm.horizontalAdvance("M") * 16)
    progress.setTextVisible(True)
    progress.hide()
    cancel_button = QPushButton("Cancel", window)
    cancel_button.setObjectName("cancel_task")
    cancel_button.hide()
    bar.addPermanentWidget(progress)
    bar.addPermanentWidget(cancel_button)
    bar.addPermanentWidget(mode_label)
    bar.addPermanentWidget(counts_label)
    return counts_label, mode_label, progress, cancel_button
