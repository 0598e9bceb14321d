"""The list behind a "+N": the events a count stands for, one click from selecting each; and the
tooltip of an event.

A popup (it closes on a click outside or Escape), titled with what it lists ("12 more events in Mar
2008"), the events in time order with their date and status, and a button that zooms the timeline to
them. Very long lists stop at ``SHOWN`` rows and say how many more there are.
"""

from __future__ import annotations

import datetime as dt
import html
from collections.abc import Sequence

from PySide6.QtCore import QPoint, Qt, Signal, Slot
from PySide6.QtGui import QColor, QIcon, QKeyEvent, QPainter, QPixmap
from PySide6.QtWidgets import (
    QFrame,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from dateline.core import timevalue
from dateline.core.timeline import TimelineItem, TimelineLayout, hidden_positions, to_date

from . import theme
from .timeline_style import Chip

SHOWN = 500


def _dot(colour: QColor, size: int = 10) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setPen(Qt.PenStyle.NoPen)
    p.setBrush(colour)
    p.drawEllipse(1, 1, size - 2, size - 2)
    p.end()
    return QIcon(pix)


class TimelineListPopup(QFrame):
    event_chosen = Signal(int)
    zoom_requested = Signal()

    def __init__(
        self, title: str, items: Sequence[TimelineItem], parent: QWidget | None = None
    ) -> None:
        super().__init__(parent, Qt.WindowType.Popup)
        self.setObjectName("timeline_list_popup")
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self._done = False
        box = QVBoxLayout(self)
        m = self.fontMetrics().horizontalAdvance("n")
        box.setContentsMargins(m, m, m, m)
        header = QLabel(f"<b>{title}</b>", self)
        header.setTextFormat(Qt.TextFormat.RichText)
        box.addWidget(header)
        self.list = QListWidget(self)
        self.list.setObjectName("timeline_list")
        self.list.setUniformItemSizes(True)
        self.list.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.list.setTextElideMode(Qt.TextElideMode.ElideRight)
        icons: dict[str, QIcon] = {}
        for it in items[:SHOWN]:
            row = QListWidgetItem(f"{it.label()}  \u2014  {it.title or '(untitled)'}")
            row.setData(Qt.ItemDataRole.UserRole, it.id)
            row.setToolTip(f"{it.title}\n{it.label()} \u00b7 {it.status}")
            if it.status not in icons:
                icons[it.status] = _dot(theme.status_color(it.status, self.palette()))
            row.setIcon(icons[it.status])  # the status in the timeline's colours
            self.list.addItem(row)
        self.list.itemActivated.connect(self._chosen)
        self.list.itemClicked.connect(self._chosen)
        box.addWidget(self.list)
        if len(items) > SHOWN:
            more = QLabel(f"and {len(items) - SHOWN:,} more: zoom in to see them", self)
            box.addWidget(more)
        self.zoom_button = QPushButton("Zoom to these", self)
        self.zoom_button.clicked.connect(self._zoom)
        box.addWidget(self.zoom_button, 0, Qt.AlignmentFlag.AlignRight)
        rows = min(max(len(items), 1), 14)
        fm = self.fontMetrics()
        self.list.setMinimumSize(fm.horizontalAdvance("n") * 70, rows * (fm.height() + 6) + 8)
        if items:
            self.list.setCurrentRow(0)

    def ids(self) -> list[int]:
        return [
            int(self.list.item(k).data(Qt.ItemDataRole.UserRole)) for k in range(self.list.count())
        ]

    def show_at(self, pos: QPoint) -> None:
        """Show with the top left at ``pos`` (global), kept on the screen."""
        self.adjustSize()
        screen = self.screen().availableGeometry() if self.screen() else None
        x, y = pos.x(), pos.y()
        if screen is not None:
            x = min(max(x, screen.left()), screen.right() - self.width())
            if y + self.height() > screen.bottom():
                y = max(screen.top(), y - self.height())
        self.move(x, y)
        self.show()
        self.list.setFocus()

    @Slot(QListWidgetItem)
    def _chosen(self, row: QListWidgetItem) -> None:
        if self._done:  # a click can also activate: one choice
            return
        self._done = True
        event_id = int(row.data(Qt.ItemDataRole.UserRole))
        self.close()
        self.event_chosen.emit(event_id)

    @Slot()
    def _zoom(self) -> None:
        self.close()
        self.zoom_requested.emit()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        if event.key() == Qt.Key.Key_Escape:
            self.close()
            return
        super().keyPressEvent(event)


def day_text(d: dt.date) -> str:
    return timevalue.label(d.isoformat())


def chip_contents(
    layout: TimelineLayout, visible: tuple[float, float], chip: Chip
) -> tuple[str, list[TimelineItem]]:
    """What a count stands for, seen over ``visible`` (float days): a title and its events in time
    order."""
    t0, t1 = visible
    plural = "" if chip.count == 1 else "s"
    if chip.kind in ("before", "after"):
        if chip.kind == "before":
            items = [it for it in layout.items() if it.end <= t0]
            title = f"{chip.count:,} event{plural} before {day_text(to_date(t0))}"
        else:
            items = [it for it in layout.items() if it.start >= t1]
            title = f"{chip.count:,} event{plural} after {day_text(to_date(t1 - 1e-9))}"
        return title, sorted(items, key=lambda it: (it.start, it.id))
    assert chip.plan is not None
    lane = layout.lanes[chip.plan.lane]
    items = [lane.items[p] for p in hidden_positions(layout, chip.plan, chip.bucket)]
    where = f" in {lane.title}" if layout.mode != "none" else ""
    if chip.bucket is None:
        title = f"{chip.count:,} event{plural} longer than this view{where}"
    else:
        title = f"{chip.count:,} more event{plural} in {chip.bucket.label}{where}"
    return title, items


def tooltip_html(it: TimelineItem) -> str:
    sources = f"{it.sources} source" + ("" if it.sources == 1 else "s")
    if it.independent > 1:
        sources += f" in {it.independent} documents"
    extra = " · date uncertain" if it.uncertain else ""
    tags = it.tags or ((it.tag,) if it.tag else ())
    # an event in several tag lanes: the tooltip says which other lanes hold it too
    tagged = f"<br>Tags: {html.escape(', '.join(tags))}" if tags else ""
    return (
        f"<b>{html.escape(it.title)}</b><br>{html.escape(it.label())}"
        f"<br>{sources} · {html.escape(it.status)}{extra}{tagged}"
    )
