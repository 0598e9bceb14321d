"""Where an event comes from: its sources (quote in context, the date and how it was resolved) and
its audit trail, field by field. Activating a source asks the main window to open that span.

The models and the rich text of a source live in :mod:`.provenance_models`."""

from __future__ import annotations

import functools
import html
from collections.abc import Iterable, Mapping, Sequence

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QPoint,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAbstractTextDocumentLayout,
    QKeyEvent,
    QPainter,
    QPalette,
    QResizeEvent,
    QTextDocument,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHeaderView,
    QLabel,
    QListView,
    QMenu,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.corroboration import copies_reporting, independent_documents
from ..core.history import last_acceptance, when_label
from ..core.model import AuditEntry, DocumentRecord, EventRecord, SourceRecord, TimexRecord
from . import theme
from .provenance_models import (
    HTML_ROLE,
    SOURCE_ROLE,
    HistoryModel,
    SourceListModel,
    source_explanation,
    source_html,
)


class _HtmlDelegate(QStyledItemDelegate):
    """Paints HTML_ROLE rich text, wrapped to the view's width."""

    def _document(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex, width: float
    ) -> QTextDocument:
        doc = QTextDocument()
        doc.setDefaultFont(option.font)
        doc.setDocumentMargin(option.fontMetrics.averageCharWidth())
        doc.setHtml(str(index.data(HTML_ROLE) or ""))
        doc.setTextWidth(max(width, option.fontMetrics.averageCharWidth() * 20))
        return doc

    def _width(self, option: QStyleOptionViewItem) -> float:
        view = self.parent()
        if isinstance(view, QAbstractItemView):
            return view.viewport().width() - 2 * (
                view.spacing() if isinstance(view, QListView) else 0
            )
        return option.rect.width()

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
        palette = option.palette
        selected = bool(option.state & QStyle.StateFlag.State_Selected)
        painter.save()
        # A soft fill and an accent bar instead of the solid selection colour: the quote's own
        # colours (muted context, marked date) must stay readable on a selected source.
        if selected:
            painter.fillRect(
                option.rect,
                theme.mix(
                    palette.color(QPalette.ColorRole.Base),
                    palette.color(QPalette.ColorRole.Highlight),
                    0.3 if theme.is_dark(palette) else 0.14,
                ),
            )
            bar = option.rect.adjusted(0, 0, 0, 0)
            bar.setWidth(max(2, option.fontMetrics.averageCharWidth() // 2))
            painter.fillRect(bar, palette.color(QPalette.ColorRole.Highlight))
        painter.setPen(palette.color(QPalette.ColorRole.Mid))
        painter.drawLine(option.rect.bottomLeft(), option.rect.bottomRight())
        painter.restore()
        doc = self._document(option, index, option.rect.width())
        ctx = QAbstractTextDocumentLayout.PaintContext()
        ctx.palette.setColor(QPalette.ColorRole.Text, palette.color(QPalette.ColorRole.Text))
        painter.save()
        painter.translate(option.rect.topLeft())
        painter.setClipRect(QRectF(0, 0, option.rect.width(), option.rect.height()))
        doc.documentLayout().draw(painter, ctx)
        painter.restore()

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        doc = self._document(option, index, self._width(option))
        return QSize(int(doc.idealWidth()), int(doc.size().height()) + 1)


class _SourceList(QListView):
    """Enter opens the current source, like a click (and unlike the style-dependent 'activated')."""

    entered_source = Signal(QModelIndex)

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter) and self.currentIndex().isValid():
            self.entered_source.emit(self.currentIndex())
            event.accept()
            return
        super().keyPressEvent(event)

    def resizeEvent(self, event: QResizeEvent) -> None:
        super().resizeEvent(event)
        # Row heights depend on the width (wrapped text): re-measure after a resize.
        self.scheduleDelayedItemsLayout()


class ProvenancePanel(QWidget):
    """Sources and History of one event. A plain view: activating a source is a request."""

    source_activated = Signal(int, int, int, int, int)  # doc, sentence start/end, timex start/end
    source_redate_requested = Signal(int)  # source id: the analyst reads its date differently

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self._event: EventRecord | None = None
        self._documents: Mapping[int, DocumentRecord] = {}
        self._history: Sequence[AuditEntry] = ()
        self._timexes: tuple[TimexRecord, ...] = ()
        self._readonly = False

        self.summary_label = QLabel(self)
        self.summary_label.setWordWrap(True)
        self.summary_label.setAccessibleName("Provenance summary")

        self.source_model = SourceListModel(self)
        self.sources_view = _SourceList(self)
        self.sources_view.setModel(self.source_model)
        self.sources_view.setItemDelegate(_HtmlDelegate(self.sources_view))
        self.sources_view.setWordWrap(True)
        self.sources_view.setUniformItemSizes(False)
        self.sources_view.setResizeMode(QListView.ResizeMode.Adjust)
        self.sources_view.setVerticalScrollMode(QAbstractItemView.ScrollMode.ScrollPerPixel)
        self.sources_view.setSpacing(max(1, self.fontMetrics().height() // 5))
        self.sources_view.setAlternatingRowColors(False)
        self.sources_view.setAccessibleName("Sources of the event")
        self.sources_view.setToolTip("Click a source, or press Enter, to open the article there")
        self.sources_view.clicked.connect(self._activate)
        self.sources_view.entered_source.connect(self._activate)

        self.history_model = HistoryModel(self)
        self.history_view = QTableView(self)
        self.history_view.setModel(self.history_model)
        self.history_view.setAccessibleName("History of the event")
        self.history_view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.history_view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.history_view.verticalHeader().setVisible(False)
        fm = self.fontMetrics()
        self.history_view.verticalHeader().setDefaultSectionSize(
            fm.lineSpacing() + fm.height() // 2
        )
        self.history_view.setWordWrap(False)
        self.history_view.setAlternatingRowColors(True)
        header = self.history_view.horizontalHeader()
        for col in range(4):
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        header.setStretchLastSection(True)

        self.sources_view.setContextMenuPolicy(Qt.ContextMenuPolicy.CustomContextMenu)
        self.sources_view.customContextMenuRequested.connect(self._show_context_menu)
        self.redate_link = QLabel(self)
        self.redate_link.setObjectName("redate_link")
        self.redate_link.setText(
            "<a href='open'>Open in the article</a> · <a href='redate'>Re-date this source…</a>"
        )
        self.redate_link.setToolTip("Acts on the selected source")
        self.redate_link.linkActivated.connect(self._link_activated)
        pad = self.fontMetrics().averageCharWidth()
        self.redate_link.setContentsMargins(pad, pad // 3, pad, pad // 3)
        sources_page = QWidget(self)
        sp = QVBoxLayout(sources_page)
        sp.setContentsMargins(0, 0, 0, 0)
        sp.setSpacing(0)
        sp.addWidget(self.sources_view, 1)
        sp.addWidget(self.redate_link)

        self.tabs = QTabWidget(self)
        self.tabs.addTab(sources_page, "Sources")
        self.tabs.addTab(self.history_view, "History")
        self.tabs.setAccessibleName("Provenance")

        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.summary_label)
        layout.addWidget(self.tabs, 1)
        self.setFocusProxy(self.sources_view)
        self.set_event(None, {}, ())

    def set_event(
        self,
        ev: EventRecord | None,
        documents: Mapping[int, DocumentRecord],
        history: Sequence[AuditEntry],
        timexes: Iterable[TimexRecord] = (),
    ) -> None:
        """Show ``ev``. ``timexes`` (optional: the stored timexes of its documents) tell how each
        source's date was anchored; without them the anchor is read from the date's text."""
        self._timexes = tuple(timexes)
        self._event, self._documents, self._history = ev, documents, history
        self.source_model.set_event(ev, documents, self.palette(), self._timexes)
        self.history_model.set_history(history if ev else ())
        n_sources = self.source_model.rowCount()
        n_history = self.history_model.rowCount()
        self.tabs.setTabText(0, f"Sources ({n_sources})" if ev else "Sources")
        self.tabs.setTabText(1, f"History ({n_history})" if ev else "History")
        self._show_summary()
        self.redate_link.setVisible(bool(n_sources))
        if n_sources:
            self.sources_view.setCurrentIndex(self.source_model.index(0, 0))

    def set_read_only(self, readonly: bool) -> None:
        """A read-only project: sources open in the article, none can be re-dated."""
        self._readonly = readonly
        links = "<a href='open'>Open in the article</a>"
        if not readonly:
            links += " · <a href='redate'>Re-date this source…</a>"
        self.redate_link.setText(links)

    def shown_event(self) -> EventRecord | None:
        return self._event

    def current_source(self) -> SourceRecord | None:
        index = self.sources_view.currentIndex()
        return self.source_model.source(index.row()) if index.isValid() else None

    def context_menu(self, index: QModelIndex) -> QMenu:
        """Open / re-date the source under ``index``."""
        menu = QMenu(self)
        if index.isValid():
            self.sources_view.setCurrentIndex(index)
            menu.addAction("&Open in the Article", functools.partial(self._activate, index))
            if not self._readonly:
                menu.addAction("&Re-date this Source…", self.request_redate)
        return menu

    @Slot(QPoint)
    def _show_context_menu(self, pos: QPoint) -> None:
        menu = self.context_menu(self.sources_view.indexAt(pos))
        if not menu.isEmpty():
            menu.exec(self.sources_view.viewport().mapToGlobal(pos))
        menu.deleteLater()

    @Slot()
    def request_redate(self) -> None:
        src = self.current_source()
        if src is not None:
            self.source_redate_requested.emit(src.id)

    @Slot(str)
    def _link_activated(self, link: str) -> None:
        if link == "redate":
            self.request_redate()
        elif link == "open":
            self._activate(self.sources_view.currentIndex())

    def independent_documents(self) -> int:
        """How many independent documents report the event (its corroboration: a copy of an
        article counts with it, ``core.corroboration``)."""
        return independent_documents(self._event) if self._event else 0

    def _show_summary(self) -> None:
        pad = self.fontMetrics().averageCharWidth()
        self.summary_label.setContentsMargins(pad, pad // 2, pad, pad // 2)
        ev = self._event
        if ev is None:
            self.summary_label.setText("Select an event to see where it comes from.")
            return
        muted = theme.muted_color(self.palette()).name()
        n, docs = len(ev.sources), self.independent_documents()
        text = (
            f"<b>{n} source{'s' if n != 1 else ''}</b> in <b>{docs} independent "
            f"document{'s' if docs != 1 else ''}</b>"
        )
        copied = copies_reporting(ev)
        if copied:
            text += f" (and {copied} {'copy' if copied == 1 else 'copies'})"
        accepted = last_acceptance(self._history)
        if accepted is not None:
            text += (
                f" <span style='color:{muted}'>· accepted by {html.escape(accepted.who)} "
                f"on {html.escape(when_label(accepted.at))}</span>"
            )
        elif str(ev.status) == "proposed":
            text += f" <span style='color:{muted}'>· not reviewed yet</span>"
        self.summary_label.setText(text)

    @Slot(QModelIndex)
    def _activate(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        src = self.source_model.source(index.row())
        self.source_activated.emit(
            src.document_id,
            src.sentence_start,
            src.sentence_end,
            -1 if src.timex_start is None else src.timex_start,
            -1 if src.timex_end is None else src.timex_end,
        )

    def changeEvent(self, event: QEvent) -> None:
        super().changeEvent(event)
        if event.type() == event.Type.PaletteChange and hasattr(self, "source_model"):
            self.set_event(self._event, self._documents, self._history, self._timexes)


__all__ = [
    "HTML_ROLE",
    "SOURCE_ROLE",
    "HistoryModel",
    "ProvenancePanel",
    "SourceListModel",
    "source_explanation",
    "source_html",
]
