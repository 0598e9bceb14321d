"""The main window's widgets and their arrangement: documents | table-or-timeline over article |
provenance over editor. Sizes come from font metrics so the layout holds at any scale factor."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from .article_sync import ArticleSync
from .article_view import ArticleView
from .documents_panel import DocumentsPanel
from .event_editor import EventEditor
from .event_table import DATE, STATUS, TITLE, EventTableModel, StatusDelegate
from .filter_bar import FilterBar
from .merge_bar import MergeSuggestionBar
from .provenance_panel import ProvenancePanel
from .review import TagBar
from .timeline_view import TimelineView

if TYPE_CHECKING:
    from .main_window import MainWindow


class LayoutMixin:
    def _build(self: MainWindow) -> None:
        self.documents_panel = DocumentsPanel(self)
        self.filter_bar = FilterBar(self)
        self.filter_bar.set_order(self.order)
        self.model = EventTableModel(self.store.events, self)
        self.table = QTableView(self)
        self.table.setObjectName("event_table")
        self.table.setModel(self.model)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.setAlternatingRowColors(True)
        self.table.setWordWrap(False)
        self.table.setShowGrid(False)
        self.table.verticalHeader().hide()
        fm = self.table.fontMetrics()
        self.table.verticalHeader().setDefaultSectionSize(int(fm.height() * 1.6))
        self.table.verticalHeader().setSectionResizeMode(QHeaderView.ResizeMode.Fixed)
        header = self.table.horizontalHeader()
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
        self.table.setItemDelegateForColumn(STATUS, StatusDelegate(self.table))
        self.table.setSortingEnabled(
            False
        )  # the store sorts; the header asks it (see _sort_indicator_changed)
        header.setSortIndicatorShown(True)
        header.setSectionsClickable(True)
        header.setSortIndicator(DATE, Qt.SortOrder.AscendingOrder)
        self.table.setFocusPolicy(Qt.FocusPolicy.StrongFocus)

        self.tag_bar = TagBar(self)
        self.tag_bar.hide()
        self.timeline = TimelineView(self)
        self.views = QTabWidget(self)
        self.views.setObjectName("views")
        self.views.setDocumentMode(True)
        table_page = QWidget(self)
        tl = QVBoxLayout(table_page)
        tl.setContentsMargins(0, 0, 0, 0)
        tl.addWidget(self.table)
        tl.addWidget(self.tag_bar)
        self.views.addTab(table_page, "Events")
        self.views.addTab(self.timeline, "Timeline")

        centre_top = QWidget(self)
        cl = QVBoxLayout(centre_top)
        m = fm.horizontalAdvance(" ")
        cl.setContentsMargins(m, m, m, 0)
        cl.addWidget(self.filter_bar)
        cl.addWidget(self.views)

        self.article = ArticleView(self)
        self.article_sync = ArticleSync(self.article, self.runner, self)
        self.editor = EventEditor(self)
        self.provenance = ProvenancePanel(self)

        self.centre_split = QSplitter(Qt.Orientation.Vertical, self)
        self.centre_split.setObjectName("centre_split")
        self.centre_split.addWidget(centre_top)
        self.centre_split.addWidget(self.article)
        self.centre_split.setStretchFactor(0, 3)
        self.centre_split.setStretchFactor(1, 2)

        self.right_split = QSplitter(Qt.Orientation.Vertical, self)
        self.right_split.setObjectName("right_split")
        self.merge_bar = MergeSuggestionBar(self)
        right_top = QWidget(self)
        rl = QVBoxLayout(right_top)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(self.merge_bar)
        rl.addWidget(self.provenance, 1)
        self.right_split.addWidget(right_top)
        self.right_split.addWidget(self.editor)
        self.right_split.setStretchFactor(0, 4)
        self.right_split.setStretchFactor(1, 5)

        self.main_split = QSplitter(Qt.Orientation.Horizontal, self)
        self.main_split.setObjectName("main_split")
        self.main_split.addWidget(self.documents_panel)
        self.main_split.addWidget(self.centre_split)
        self.main_split.addWidget(self.right_split)
        self.main_split.setStretchFactor(0, 2)
        self.main_split.setStretchFactor(1, 6)
        self.main_split.setStretchFactor(2, 3)
        self.main_split.setChildrenCollapsible(False)
        em = fm.horizontalAdvance("M")
        self.main_split.setSizes([em * 24, em * 74, em * 44])
        self.setCentralWidget(self.main_split)
        self.resize(em * 142, fm.height() * 56)
        lines = fm.height()
        self.centre_split.setSizes([lines * 30, lines * 24])
        self.right_split.setSizes([lines * 24, lines * 30])

        bar = self.statusBar()
        self.counts_label = QLabel(self)
        self.progress = QProgressBar(self)
        self.progress.setMaximumWidth(em * 16)
        self.progress.setTextVisible(True)
        self.progress.hide()
        self.cancel_button = QPushButton("Cancel", self)
        self.cancel_button.setObjectName("cancel_task")
        self.cancel_button.hide()
        bar.addPermanentWidget(self.progress)
        bar.addPermanentWidget(self.cancel_button)
        bar.addPermanentWidget(self.counts_label)
