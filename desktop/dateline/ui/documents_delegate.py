"""How the documents panel draws a document: the title wrapped once, then the publication date (with
a warning mark when missing or guessed) and the event counts; a click on the date asks to set it."""

from __future__ import annotations

from PySide6.QtCore import (
    QAbstractItemModel,
    QEvent,
    QModelIndex,
    QPersistentModelIndex,
    QRect,
    QSize,
    Qt,
    Signal,
)
from PySide6.QtGui import (
    QColor,
    QFont,
    QFontMetrics,
    QHelpEvent,
    QIcon,
    QMouseEvent,
    QPainter,
    QPalette,
)
from PySide6.QtWidgets import (
    QAbstractItemView,
    QApplication,
    QStyle,
    QStyledItemDelegate,
    QStyleOptionViewItem,
    QToolTip,
)

from . import theme
from .documents_model import DOC_ID_ROLE, DocumentListModel

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

    def sizeHint(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QSize:
        fm = option.fontMetrics
        pad = self._pad(option)
        return QSize(fm.averageCharWidth() * 24, fm.lineSpacing() * (TITLE_LINES + 1) + pad * 3)

    def date_rect(
        self, option: QStyleOptionViewItem, index: QModelIndex | QPersistentModelIndex
    ) -> QRect:
        fm = option.fontMetrics
        pad = self._pad(option)
        text = str(index.sibling(index.row(), DocumentListModel.PUBLISHED).data() or "")
        icon = fm.height() + pad if self._needs_date(index) else 0
        top = option.rect.top() + pad * 2 + fm.lineSpacing() * TITLE_LINES
        return QRect(
            option.rect.left() + pad * 2, top, icon + fm.horizontalAdvance(text), fm.lineSpacing()
        )

    @staticmethod
    def _needs_date(index: QModelIndex | QPersistentModelIndex) -> bool:
        return (
            index.sibling(index.row(), DocumentListModel.PUBLISHED).data(
                Qt.ItemDataRole.DecorationRole
            )
            is not None
        )

    def paint(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> None:
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
            icon = index.sibling(index.row(), DocumentListModel.PUBLISHED).data(
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
        date_text = str(index.sibling(index.row(), DocumentListModel.PUBLISHED).data() or "")
        painter.drawText(
            QRect(x, date_rect.top(), date_rect.right() - x + 1, fm.lineSpacing()),
            int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter),
            date_text,
        )
        self._paint_counts(painter, option, index, date_rect, inner, text_colour, selected)
        painter.restore()

    def _paint_counts(
        self,
        painter: QPainter,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
        date_rect: QRect,
        inner: QRect,
        text_colour: QColor,
        selected: bool,
    ) -> None:
        """The event counts at the right of the date line, in the longest wording that fits."""
        fm = option.fontMetrics
        pad = self._pad(option)
        palette = option.palette
        proposed = int(index.sibling(index.row(), DocumentListModel.PROPOSED).data() or 0)
        accepted = int(index.sibling(index.row(), DocumentListModel.ACCEPTED).data() or 0)
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

    def editorEvent(
        self,
        event: QEvent,
        model: QAbstractItemModel,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        if (
            event.type() == QEvent.Type.MouseButtonRelease
            and isinstance(event, QMouseEvent)
            and event.button() == Qt.MouseButton.LeftButton
            and self.date_rect(option, index).contains(event.position().toPoint())
        ):
            self.date_clicked.emit(int(index.data(DOC_ID_ROLE)))
        return super().editorEvent(event, model, option, index)

    def helpEvent(
        self,
        event: QHelpEvent,
        view: QAbstractItemView,
        option: QStyleOptionViewItem,
        index: QModelIndex | QPersistentModelIndex,
    ) -> bool:
        # Over the date, explain it; elsewhere, the full title.
        if event.type() == QEvent.Type.ToolTip and self.date_rect(option, index).contains(
            event.pos()
        ):
            QToolTip.showText(
                event.globalPos(),
                str(
                    index.sibling(index.row(), DocumentListModel.PUBLISHED).data(
                        Qt.ItemDataRole.ToolTipRole
                    )
                ),
                view,
            )
            return True
        return super().helpEvent(event, view, option, index)
