"""The documents list: every article with its publication date (flagged when missing or guessed,
one click to set it) and how many of its events are proposed and accepted."""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Mapping, Sequence
from types import EllipsisType

from PySide6.QtCore import (
    QAbstractTableModel,
    QDate,
    QEvent,
    QItemSelectionModel,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    QSortFilterProxyModel,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QFont,
    QFontMetrics,
    QIcon,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QCheckBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListView,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core import timevalue
from ..core.model import DocumentRecord
from . import theme

DOC_ID_ROLE = Qt.ItemDataRole.UserRole + 1
SORT_ROLE = Qt.ItemDataRole.UserRole + 2
AnyIndex = QModelIndex | QPersistentModelIndex

_SOURCES = {
    "metadata": "from the page's metadata",
    "analyst": "set by the analyst",
    "manifest": "from the import manifest",
    "argument": "given on the command line",
}


def needs_date(doc: DocumentRecord) -> bool:
    """Missing or guessed: relative dates in it ("Wednesday") may be resolved wrongly or not at all."""
    return doc.published is None or doc.published_source == "unknown"


class DocumentListModel(QAbstractTableModel):
    """Rows of documents: title, publication date, proposed and accepted event counts."""

    TITLE, PUBLISHED, PROPOSED, ACCEPTED = range(4)
    # Short headers: the panel is a narrow side column; tooltips spell them out.
    HEADERS = ("Title", "Published", "Prop.", "Acc.")

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._docs: list[DocumentRecord] = []
        self._counts: Mapping[int, Mapping[str, int]] = {}
        self._palette = QPalette()
        self._warning_icon = None

    def set_documents(
        self, docs: Sequence[DocumentRecord], counts: Mapping[int, Mapping[str, int]]
    ) -> None:
        self.beginResetModel()
        self._docs = list(docs)
        self._counts = counts
        self.endResetModel()

    def set_palette(self, palette: QPalette, warning_icon: object) -> None:
        self._palette = palette
        self._warning_icon = warning_icon
        if self._docs:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self._docs) - 1, 3))

    def document(self, row: int) -> DocumentRecord:
        return self._docs[row]

    def row_of(self, doc_id: int) -> int:
        for i, d in enumerate(self._docs):
            if d.id == doc_id:
                return i
        return -1

    def rowCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: AnyIndex = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> object:
        if orientation != Qt.Orientation.Horizontal or not 0 <= section < len(self.HEADERS):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        if role == Qt.ItemDataRole.ToolTipRole:
            return (
                "Title of the article",
                "Publication date, the anchor of relative dates like 'Wednesday'",
                "Proposed: events found by the extractor, not reviewed yet",
                "Accepted: events accepted (or accepted after an edit)",
            )[section]
        return None

    def _count(self, doc: DocumentRecord, key: str) -> int:
        counts = self._counts.get(doc.id, {})
        if key == "accepted":
            return int(counts.get("accepted", 0)) + int(counts.get("edited", 0))
        return int(counts.get(key, 0))

    def data(self, index: AnyIndex, role: int = Qt.ItemDataRole.DisplayRole) -> object:
        if not index.isValid() or not 0 <= index.row() < len(self._docs):
            return None
        doc = self._docs[index.row()]
        col = index.column()
        if role == DOC_ID_ROLE:
            return doc.id
        if col == self.TITLE:
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return doc.title or "(untitled)"
            if role == Qt.ItemDataRole.AccessibleTextRole:
                # The list shows one column: its spoken text carries the whole row.
                published = self._published_data(doc, Qt.ItemDataRole.AccessibleTextRole)
                return (
                    f"{doc.title or '(untitled)'}, {published}, "
                    f"{self._count(doc, 'proposed')} proposed, "
                    f"{self._count(doc, 'accepted')} accepted"
                )
            if role == Qt.ItemDataRole.ToolTipRole:
                extra = " · ".join(x for x in (doc.source, doc.author, doc.path) if x)
                return f"<b>{html.escape(doc.title)}</b>" + (
                    f"<br>{html.escape(extra)}" if extra else ""
                )
        elif col == self.PUBLISHED:
            return self._published_data(doc, role)
        else:
            n = self._count(doc, "proposed" if col == self.PROPOSED else "accepted")
            if role in (Qt.ItemDataRole.DisplayRole, SORT_ROLE):
                return n
            if role == Qt.ItemDataRole.TextAlignmentRole:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            if role == Qt.ItemDataRole.ToolTipRole:
                what = "awaiting review" if col == self.PROPOSED else "accepted"
                return f"{n} event{'s' if n != 1 else ''} {what}"
            if role == Qt.ItemDataRole.ForegroundRole and col == self.PROPOSED and n:
                return theme.status_color("proposed", self._palette)
        if role == Qt.ItemDataRole.AccessibleTextRole:
            return str(self.data(index, Qt.ItemDataRole.DisplayRole))
        return None

    def _published_data(self, doc: DocumentRecord, role: int) -> object:
        if role == Qt.ItemDataRole.DisplayRole:
            if doc.published is None:
                return "No date"
            label = timevalue.label(doc.published.isoformat(), weekday=False)
            return f"{label} (guessed)" if doc.published_source == "unknown" else label
        if role == SORT_ROLE:
            return doc.published.toordinal() if doc.published else -1
        if role == Qt.ItemDataRole.DecorationRole and needs_date(doc):
            return self._warning_icon
        if role == Qt.ItemDataRole.ForegroundRole and needs_date(doc):
            return theme.warning_color(self._palette)
        if role == Qt.ItemDataRole.ToolTipRole:
            if doc.published is None:
                return (
                    "No publication date: relative dates such as 'Wednesday' cannot be resolved."
                    "<br><i>Click to set it.</i>"
                )
            label = timevalue.label(doc.published.isoformat())
            if doc.published_source == "unknown":
                return (
                    f"Publication date guessed as {label}.<br><i>Click to confirm or change it.</i>"
                )
            how = _SOURCES.get(doc.published_source, doc.published_source)
            return f"Published {label} ({how}).<br><i>Click to change it.</i>"
        if role == Qt.ItemDataRole.AccessibleTextRole:
            if doc.published is None:
                return "no publication date"
            text = f"published {self._published_data(doc, Qt.ItemDataRole.DisplayRole)}"
            return f"{text}, needs checking" if needs_date(doc) else text
        return None


class _DocumentFilter(QSortFilterProxyModel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterKeyColumn(DocumentListModel.TITLE)


TITLE_LINES = 2  # long headlines wrap once, then elide: most read whole in a side panel


def title_lines(fm: QFontMetrics, text: str, width: int) -> list[str]:
    """``text`` broken at spaces into at most TITLE_LINES lines of ``width``, the last elided."""
    lines: list[str] = []
    rest = " ".join(text.split())
    while rest and len(lines) < TITLE_LINES - 1 and fm.horizontalAdvance(rest) > width:
        words, line = rest.split(" "), ""
        for w in words:
            trial = f"{line} {w}" if line else w
            if fm.horizontalAdvance(trial) > width and line:
                break
            line = trial
        lines.append(line)
        rest = rest[len(line) :].strip()
    if rest:
        lines.append(fm.elidedText(rest, Qt.TextElideMode.ElideRight, width))
    return lines


class DocumentDelegate(QStyledItemDelegate):
    """Three lines per document, to fit a narrow side panel: the title (wrapped once), then the date
    (with a warning mark when missing or guessed) and the event counts. A click on the date asks
    to set it."""

    date_clicked = Signal(int)

    def _pad(self, option: QStyleOptionViewItem) -> int:
        return max(2, option.fontMetrics.averageCharWidth() // 2 + 1)

    def sizeHint(self, option: QStyleOptionViewItem, index: QModelIndex) -> QSize:
        fm = option.fontMetrics
        pad = self._pad(option)
        return QSize(fm.averageCharWidth() * 24, fm.lineSpacing() * (TITLE_LINES + 1) + pad * 3)

    def date_rect(self, option: QStyleOptionViewItem, index: QModelIndex) -> QRect:
        fm = option.fontMetrics
        pad = self._pad(option)
        text = str(index.siblingAtColumn(DocumentListModel.PUBLISHED).data() or "")
        icon = fm.height() + pad if self._needs_date(index) else 0
        top = option.rect.top() + pad * 2 + fm.lineSpacing() * TITLE_LINES
        return QRect(
            option.rect.left() + pad * 2, top, icon + fm.horizontalAdvance(text), fm.lineSpacing()
        )

    @staticmethod
    def _needs_date(index: QModelIndex) -> bool:
        return (
            index.siblingAtColumn(DocumentListModel.PUBLISHED).data(Qt.ItemDataRole.DecorationRole)
            is not None
        )

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: QModelIndex) -> None:
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)

        fm = option.fontMetrics
        pad = self._pad(option)
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        palette = option.palette
        text_colour = palette.color(
            QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        )
        inner = option.rect.adjusted(pad * 2, pad, -pad * 2, -pad)
        painter.save()
        font = QFont(option.font)
        painter.setFont(font)
        painter.setPen(text_colour)
        for i, line in enumerate(title_lines(fm, str(index.data() or ""), inner.width())):
            painter.drawText(
                QRect(
                    inner.left(),
                    inner.top() + i * fm.lineSpacing(),
                    inner.width(),
                    fm.lineSpacing(),
                ),
                int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
                line,
            )
        date_rect = self.date_rect(option, index)
        x = date_rect.left()
        if self._needs_date(index):
            icon = index.siblingAtColumn(DocumentListModel.PUBLISHED).data(
                Qt.ItemDataRole.DecorationRole
            )
            if isinstance(icon, QIcon):
                size = fm.height()
                icon.paint(
                    painter, QRect(x, date_rect.top() + (fm.lineSpacing() - size) // 2, size, size)
                )
            x += fm.height() + pad
            colour = text_colour if selected else theme.warning_color(palette)
        else:
            colour = text_colour if selected else theme.muted_color(palette)
        painter.setPen(colour)
        date_text = str(index.siblingAtColumn(DocumentListModel.PUBLISHED).data() or "")
        painter.drawText(
            QRect(x, date_rect.top(), date_rect.right() - x + 1, fm.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            date_text,
        )
        proposed = int(index.siblingAtColumn(DocumentListModel.PROPOSED).data() or 0)
        accepted = int(index.siblingAtColumn(DocumentListModel.ACCEPTED).data() or 0)
        room = inner.right() - date_rect.right() - pad * 2
        # The longest wording that fits: "5 proposed · 2 accepted", "5 prop. · 2 acc.", "5 · 2".
        for left, right in (
            (f"{proposed} proposed", f" · {accepted} accepted"),
            (f"{proposed} prop.", f" · {accepted} acc."),
            (f"{proposed}", f" · {accepted}"),
        ):
            if fm.horizontalAdvance(left + right) <= room:
                break
        else:
            left = right = ""
        muted = text_colour if selected else theme.muted_color(palette)
        right_w = fm.horizontalAdvance(right)
        line = QRect(inner.right() - right_w + 1, date_rect.top(), right_w, fm.lineSpacing())
        painter.setPen(muted)
        painter.drawText(
            line, int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter), right
        )
        painter.setPen(
            theme.status_color("proposed", palette) if proposed and not selected else muted
        )
        left_w = fm.horizontalAdvance(left)
        painter.drawText(
            QRect(line.left() - left_w, date_rect.top(), left_w, fm.lineSpacing()),
            int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter),
            left,
        )
        painter.restore()

    def editorEvent(self, event, model, option, index) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.date_rect(option, index).contains(event.position().toPoint())
        ):
            self.date_clicked.emit(int(index.data(DOC_ID_ROLE)))
        return super().editorEvent(event, model, option, index)

    def helpEvent(self, event, view, option, index) -> bool:
        # Over the date, explain it; elsewhere, the full title.
        if event.type() == QEvent.Type.ToolTip and self.date_rect(option, index).contains(
            event.pos()
        ):
            QToolTip.showText(
                event.globalPos(),
                str(
                    index.siblingAtColumn(DocumentListModel.PUBLISHED).data(
                        Qt.ItemDataRole.ToolTipRole
                    )
                ),
                view,
            )
            return True
        return super().helpEvent(event, view, option, index)


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
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
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

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if event.type() in (event.Type.PaletteChange, event.Type.StyleChange) and hasattr(
            self, "model"
        ):
            self._apply_palette()
            self._show_summary()


class PublishedDateDialog(QDialog):
    """Asks for a document's publication date; "unknown" clears it."""

    def __init__(self, doc: DocumentRecord, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Publication Date")
        intro = QLabel(
            f"<b>{html.escape(doc.title or '(untitled)')}</b><br>"
            "Relative dates in this article, such as &ldquo;Wednesday&rdquo; or &ldquo;next "
            "month&rdquo;, are resolved against its publication date. Changing it re-anchors them.",
            self,
        )
        intro.setWordWrap(True)
        self.date_edit = QDateEdit(self)
        self.date_edit.setCalendarPopup(True)
        self.date_edit.setDisplayFormat("ddd d MMM yyyy")
        self.date_edit.setAccessibleName("Publication date")
        start = doc.published or dt.date.today()
        self.date_edit.setDate(QDate(start.year, start.month, start.day))
        self.unknown_check = QCheckBox("&Unknown (no publication date)", self)
        self.unknown_check.setChecked(doc.published is None)
        self.unknown_check.toggled.connect(self.date_edit.setDisabled)
        self.date_edit.setDisabled(doc.published is None)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form = QFormLayout()
        label = QLabel("&Published", self)
        label.setBuddy(self.date_edit)
        form.addRow(label, self.date_edit)
        form.addRow("", self.unknown_check)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.setMinimumWidth(self.fontMetrics().averageCharWidth() * 60)

    def chosen_date(self) -> dt.date | None:
        if self.unknown_check.isChecked():
            return None
        q = self.date_edit.date()
        return dt.date(q.year(), q.month(), q.day())


def ask_published_date(
    parent: QWidget | None, doc: DocumentRecord
) -> dt.date | EllipsisType | None:
    """The date the analyst chose, None to clear it, or ``...`` when they cancelled."""
    dialog = PublishedDateDialog(doc, parent)
    try:
        if dialog.exec() != QDialog.DialogCode.Accepted:
            return ...
        return dialog.chosen_date()
    finally:
        dialog.deleteLater()
