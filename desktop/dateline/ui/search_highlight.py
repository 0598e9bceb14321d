"""The words of the current search, marked where they appear: behind the event titles in the table
(a delegate for the title column) and in the article (see ``ArticleView.set_search_words``)."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtCore import QModelIndex, QPersistentModelIndex, QRect, Qt
from PySide6.QtGui import QPainter, QPalette
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
)

from ..core.search_words import Span, word_spans
from . import theme

AnyIndex = QModelIndex | QPersistentModelIndex


class SearchDelegate(QStyledItemDelegate):
    """Paints a cell's text with the search words marked; a plain cell when there is no search."""

    def __init__(self, view: QAbstractItemView) -> None:
        super().__init__(view)
        self._view = view
        self._words: tuple[str, ...] = ()

    def set_words(self, words: Iterable[str]) -> None:
        words = tuple(words)
        if words != self._words:
            self._words = words
            self._view.viewport().update()

    def words(self) -> tuple[str, ...]:
        return self._words

    def marked(self, text: str) -> list[Span]:
        """Where the search words are in ``text`` (what is painted marked)."""
        return word_spans(text, self._words) if self._words else []

    def paint(self, painter: QPainter, option: QStyleOptionViewItem, index: AnyIndex) -> None:
        text = str(index.data(Qt.ItemDataRole.DisplayRole) or "")
        spans = self.marked(text)
        if not spans:
            super().paint(painter, option, index)
            return
        opt = QStyleOptionViewItem(option)
        self.initStyleOption(opt, index)
        opt.text = ""
        widget = opt.widget
        style = widget.style() if widget is not None else QApplication.style()
        style.drawControl(QStyle.ControlElement.CE_ItemViewItem, opt, painter, widget)
        area = style.subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, widget)
        margin = style.pixelMetric(QStyle.PixelMetric.PM_FocusFrameHMargin, None, widget) + 1
        area = area.adjusted(margin, 0, -margin, 0)
        fm = opt.fontMetrics
        shown = fm.elidedText(text, Qt.TextElideMode.ElideRight, area.width())
        visible = len(shown) if shown == text else max(0, len(shown) - 1)  # the "…" hides the rest
        selected = bool(opt.state & QStyle.StateFlag.State_Selected)
        palette = opt.palette
        painter.save()
        fill = theme.search_fill(palette)
        marks: list[QRect] = []
        for a, b in spans:
            if a >= visible:
                break
            left = area.left() + fm.horizontalAdvance(text[:a])
            width = fm.horizontalAdvance(text[a : min(b, visible)])
            marks.append(QRect(left, area.top() + 2, width, area.height() - 4))
            painter.fillRect(marks[-1], fill)
        align = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        role = QPalette.ColorRole.HighlightedText if selected else QPalette.ColorRole.Text
        painter.setPen(palette.color(role))
        painter.drawText(area, align, shown)
        if selected:  # on the marker, the text colour that reads on it
            painter.setPen(palette.color(QPalette.ColorRole.Text))
            for rect in marks:
                painter.setClipRect(rect)
                painter.drawText(area, align, shown)
        painter.restore()
