"""The documents list: every article with its publication date (flagged when missing or guessed,
one click to set it) and how many of its events are proposed and accepted."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from PySide6.QtCore import (
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QRect,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QKeySequence,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyleOptionViewItem,
    QVBoxLayout,
    QWidget,
)

from ..core.model import DocumentRecord
from . import theme
from .documents_delegate import DocumentDelegate
from .documents_model import DOC_ID_ROLE, SORT_ROLE, DocumentListModel, needs_date


class _DocumentFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(DocumentListModel.TITLE)


class DocumentsPanel(QWidget):
    """The list of documents. A plain view: selecting and asking to set a date are signals."""

    document_selected = Signal(int)
    published_edit_requested = Signal(int)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._syncing = False
        self.model = DocumentListModel(self)
        self.proxy = _DocumentFilter(self)
        self.proxy.setSourceModel(self.model)

        self.filter_edit = QLineEdit(self)
        self.filter_edit.setPlaceholderText("Filter documents…")
        self.filter_edit.setClearButtonEnabled(True)
        self.filter_edit.setAccessibleName("Filter documents by title")
        self.filter_edit.textChanged.connect(self.proxy.setFilterFixedString)

        self.view = QListView(self)
        self.view.setModel(self.proxy)
        self.view.setModelColumn(DocumentListModel.TITLE)
        self.delegate = DocumentDelegate(self.view)
        self.view.setItemDelegate(self.delegate)
        self.view.setAccessibleName("Documents")
        # Several documents can share one publication date (F2 sets it for all of them at once).
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.setUniformItemSizes(True)
        self.view.setAlternatingRowColors(True)
        self.view.setMouseTracking(True)
        self.view.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.delegate.date_clicked.connect(self._date_clicked)
        self.view.selectionModel().currentRowChanged.connect(self._current_changed)

        self.sort_actions = QActionGroup(self)
        for text, column in (
            ("Sort by &Import Order", -1),
            ("Sort by &Title", DocumentListModel.TITLE),
            ("Sort by Publication &Date", DocumentListModel.PUBLISHED),
            ("Sort by Proposed &Events", DocumentListModel.PROPOSED),
        ):
            action = QAction(text, self.sort_actions)
            action.setCheckable(True)
            action.setData(column)
            action.setChecked(column == -1)
        self.sort_actions.triggered.connect(self._sort_chosen)

        self.set_date_action = QAction("Set &Publication Date…", self)
        self.set_date_action.setShortcut(QKeySequence(Qt.Key.Key_F2))
        self.set_date_action.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
        self.set_date_action.setToolTip(
            "Set the publication date of the selected document; its relative dates are re-anchored (F2)"
        )
        self.set_date_action.triggered.connect(self._request_date_edit)
        self.view.addAction(self.set_date_action)
        separator = QAction(self)
        separator.setSeparator(True)
        self.view.addAction(separator)
        self.view.addActions(self.sort_actions.actions())
        self.view.setContextMenuPolicy(Qt.ContextMenuPolicy.ActionsContextMenu)
        self.addAction(self.set_date_action)

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Documents summary")
        pad = self.fontMetrics().averageCharWidth() // 2
        self.summary_label.setContentsMargins(pad, pad, pad, pad)

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.filter_edit)
        layout.addWidget(self.view, 1)
        layout.addWidget(self.summary_label)
        self.setFocusProxy(self.view)
        QWidget.setTabOrder(self.filter_edit, self.view)
        self._apply_palette()
        self._show_summary()

    def set_documents(
        self, docs: Sequence[DocumentRecord], counts: Mapping[int, Mapping[str, int]]
    ) -> None:
        current = self.current_document_id()
        self._syncing = True
        try:
            self.model.set_documents(docs, counts)
            if current is not None:
                self.select_document(current)
        finally:
            self._syncing = False
        self._show_summary()

    def current_document_id(self) -> int | None:
        index = self.view.currentIndex()
        return int(index.data(DOC_ID_ROLE)) if index.isValid() else None

    def selected_document_ids(self) -> list[int]:
        """The selected documents in the order shown (the current one when none is selected)."""
        rows = sorted(self.view.selectionModel().selectedRows(), key=lambda i: i.row())
        ids = [int(i.data(DOC_ID_ROLE)) for i in rows]
        if not ids and (current := self.current_document_id()) is not None:
            ids = [current]
        return ids

    def document(self, doc_id: int) -> DocumentRecord | None:
        row = self.model.row_of(doc_id)
        return self.model.document(row) if row >= 0 else None

    def use_date_action(self, action: QAction) -> None:
        """Offer the window's Set Publication Date action (F2 everywhere) instead of the panel's
        own, so one key is never bound twice."""
        self.view.removeAction(self.set_date_action)
        self.removeAction(self.set_date_action)
        if self.view.actions():
            self.view.insertAction(self.view.actions()[0], action)
        else:
            self.view.addAction(action)
        self.set_date_action = action

    def select_document(self, doc_id: int | None) -> None:
        """Show ``doc_id`` as current without emitting ``document_selected`` (it came from outside)."""
        was = self._syncing
        self._syncing = True
        try:
            row = self.model.row_of(doc_id) if doc_id is not None else -1
            if row < 0:
                self.view.selectionModel().clear()
                return
            index = self.proxy.mapFromSource(self.model.index(row, DocumentListModel.TITLE))
            if not index.isValid():  # filtered out: show it rather than lie about the selection
                self.filter_edit.clear()
                index = self.proxy.mapFromSource(self.model.index(row, DocumentListModel.TITLE))
            self.view.selectionModel().setCurrentIndex(
                index,
                QItemSelectionModel.SelectionFlag.ClearAndSelect
                | QItemSelectionModel.SelectionFlag.Rows,
            )
            self.view.scrollTo(index)
        finally:
            self._syncing = was

    def _show_summary(self) -> None:
        docs = [self.model.document(r) for r in range(self.model.rowCount())]
        n = len(docs)
        missing = sum(needs_date(d) for d in docs)
        text = f"{n} document{'s' if n != 1 else ''}"
        if missing:
            colour = theme.warning_color(self.palette()).name()
            text += (
                f" · <span style='color:{colour}'>&#9888; {missing} need"
                f"{'s' if missing == 1 else ''} a publication date</span>"
            )
        self.summary_label.setText(text)

    def _apply_palette(self) -> None:
        icon = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        self.model.set_palette(self.palette(), icon)

    def published_rect(self, doc_id: int) -> QRect:
        """Where a document's date (and its warning mark) is drawn, in viewport coordinates."""
        row = self.model.row_of(doc_id)
        index = self.proxy.mapFromSource(self.model.index(row, DocumentListModel.TITLE))
        option = QStyleOptionViewItem()
        option.initFrom(self.view)
        option.rect = self.view.visualRect(index)
        return self.delegate.date_rect(option, index)

    @Slot(int)
    def _date_clicked(self, doc_id: int) -> None:
        self.published_edit_requested.emit(doc_id)

    @Slot(QAction)
    def _sort_chosen(self, action: QAction) -> None:
        self.proxy.sort(int(action.data()), Qt.SortOrder.AscendingOrder)

    @Slot(QModelIndex, QModelIndex)
    def _current_changed(self, current: QModelIndex, _previous: QModelIndex) -> None:
        self.set_date_action.setEnabled(current.isValid())
        if current.isValid() and not self._syncing:
            self.document_selected.emit(int(current.data(DOC_ID_ROLE)))

    @Slot()
    def _request_date_edit(self) -> None:
        doc_id = self.current_document_id()
        if doc_id is not None:
            self.published_edit_requested.emit(doc_id)

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.PaletteChange, event.Type.StyleChange) and hasattr(
            self, "model"
        ):
            self._apply_palette()
            self._show_summary()
