"""The timeline view: events on a zoomable time axis, in lanes, with culling and level of detail.

Why a QWidget with ``paintEvent`` rather than a QGraphicsView (which issue 5 names): a scene would
hold one QGraphicsItem per event (100,000 of them, plus a BSP tree duplicating the core index) or
one item per lane that repaints itself whole; and the scene's transform scales pen widths and text
along with time, while what must change with zoom here is not geometry but choice: which ticks,
which labels fit, which lanes collapse into density. So every frame is computed from the core index
(``dateline.core.timeline``) in O(log n + visible), and one paint function serves the screen, PNG,
SVG and the HTML export alike.

Signals: ``event_selected(int)`` when the user clicks an event (never when ``select_event`` is
called, so selection can be synced both ways without loops); ``event_activated(int)`` on double
click; ``visible_range_changed()`` after any zoom or pan; ``lane_mode_changed(str)`` when the user
picks a lane grouping from the context menu (not when ``set_lane_mode`` is called).
"""

from __future__ import annotations

import datetime as dt
import heapq
import html
import math
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from PySide6.QtCore import (
    QBuffer,
    QEvent,
    QIODevice,
    QPointF,
    QRect,
    QRectF,
    QSize,
    Qt,
    Signal,
    Slot,
)
from PySide6.QtGui import (
    QAction,
    QImage,
    QKeyEvent,
    QKeySequence,
    QMouseEvent,
    QPainter,
    QWheelEvent,
)
from PySide6.QtSvg import QSvgGenerator
from PySide6.QtWidgets import QMenu, QSizePolicy, QToolTip, QWidget

from dateline.core.model import DocumentRecord, EventRecord
from dateline.core.timeline import (
    LANE_MODES,
    TimelineItem,
    TimelineLayout,
    TimeScale,
    build_items,
    build_layout,
    to_date,
    to_time,
)

from .timeline_paint import Frame, Scene, Style, paint_timeline
from .timeline_style import LABEL_ROOM

LANE_MODE_NAMES = {"none": "Nothing (one lane)", "tag": "Tag", "document": "Document",
                   "reliability": "Source reliability"}  # fmt: skip
ZOOM_STEP = 1.25  # one keypress of + or -
WHEEL_ZOOM_PER_NOTCH = 1.2  # one notch (120/8 degrees) of a mouse wheel
PAN_STEP = 0.1  # arrow keys pan a tenth of the width; with Shift, a whole width
HIT_SLOP = 3  # pixels around a mark that still hit it
DRAG_THRESHOLD = 4  # pixels a press may move and still count as a click


class TimelineView(QWidget):
    event_selected = Signal(int)
    event_activated = Signal(int)
    visible_range_changed = Signal()
    lane_mode_changed = Signal(str)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
        self.setMouseTracking(True)
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Expanding)
        self.setMinimumSize(240, 140)
        self.grabGesture(Qt.GestureType.PinchGesture)
        self._items: list[TimelineItem] = []
        self._undated = 0
        self._titles: dict[int, str] = {}
        self._mode = "none"
        self._layout: TimelineLayout = build_layout([])
        self._scale = TimeScale.fitting(
            to_time(dt.date.today()) - 180, to_time(dt.date.today()) + 180, self.width()
        )
        self._published: list[tuple[dt.date, int]] = []
        self._selected: int | None = None
        self._frame = Frame()
        self._press: QPointF | None = None
        self._dragged = False

    # ---- data ----
    def set_events(
        self, events: Sequence[EventRecord], documents: Sequence[DocumentRecord] = ()
    ) -> None:
        """Show ``events``; ``documents`` give lane titles and the publication-date lines.

        Keeps the visible range and the selection, except on the first data, which is fitted.
        For a big store, build the items on a worker with ``core.timeline.build_items`` and call
        ``set_items`` instead: 100,000 events take about a third of a second to convert.
        """
        items, undated = build_items(events)
        self.set_items(items, len(undated), documents)

    def set_items(
        self,
        items: list[TimelineItem],
        undated: int = 0,
        documents: Sequence[DocumentRecord] = (),
    ) -> None:
        """``set_events`` with the items already built (``core.timeline.build_items``)."""
        first = not self._items
        self._items, self._undated = items, undated
        self._titles = {d.id: d.title or d.source or f"Document {d.id}" for d in documents}
        self._published = sorted(Counter(d.published for d in documents if d.published).items())
        self._relayout()
        if first:
            self.fit_all()
        else:
            self.update()

    def set_lane_mode(self, mode: str) -> None:
        """Group lanes by "none", "tag", "document" or "reliability"."""
        if mode not in LANE_MODES:
            raise ValueError(f"unknown lane mode {mode!r}; expected one of {', '.join(LANE_MODES)}")
        if mode != self._mode:
            self._mode = mode
            self._relayout()
            self.update()

    def lane_mode(self) -> str:
        return self._mode

    def contextMenuEvent(self, event) -> None:
        menu = QMenu(self)
        fit = menu.addAction("Fit all events")
        fit.setShortcut(QKeySequence(Qt.Key.Key_Home))
        fit.triggered.connect(self.fit_all)
        menu.addSeparator()
        lanes = menu.addMenu("Lanes by")
        for mode, text in LANE_MODE_NAMES.items():
            act = lanes.addAction(text)
            act.setCheckable(True)
            act.setChecked(mode == self._mode)
            act.setData(mode)
        lanes.triggered.connect(self._lane_mode_picked)
        menu.exec(event.globalPos())
        menu.deleteLater()

    @Slot(QAction)
    def _lane_mode_picked(self, action: QAction) -> None:
        mode = str(action.data())
        if mode != self._mode:
            self.set_lane_mode(mode)
            self.lane_mode_changed.emit(mode)

    def lane_titles(self) -> list[str]:
        return [lane.title for lane in self._layout.lanes]

    def _relayout(self) -> None:
        self._layout = build_layout(self._items, self._mode, self._titles, self._undated)

    # ---- selection ----
    @Slot(int)
    def select_event(self, event_id: int | None) -> None:
        """Highlight an event (None or -1 clears) and bring it into view; emits nothing."""
        if event_id is not None and event_id < 0:
            event_id = None
        self._selected = event_id
        # every copy of an event (one per tag lane) is at the same time: one scroll shows them all
        it = self._layout.item(event_id) if event_id is not None else None
        if it is not None:
            t0, t1 = self._scale.visible()
            if it.end - it.start > self._scale.span:
                self._set_range(it.start, it.end, margin=0.1)
            elif it.start < t0 or it.end > t1:
                self._scale.centre_on((it.start + it.end) / 2)
                self.visible_range_changed.emit()
        self.update()

    def selected_event(self) -> int | None:
        return self._selected

    # ---- range, zoom, pan ----
    def visible_range(self) -> tuple[dt.date, dt.date]:
        """First and last day (inclusive) at least partly visible."""
        t0, t1 = self._scale.visible()
        return to_date(t0), to_date(math.nextafter(t1, -math.inf))

    def visible_times(self) -> tuple[float, float]:
        """The visible range as float days on the ordinal scale (``core.timeline.to_time``)."""
        return self._scale.visible()

    def set_visible_range(self, a: dt.date | dt.datetime, b: dt.date | dt.datetime) -> None:
        """Show from ``a`` to ``b``; a ``date`` end is inclusive (its whole day is shown)."""
        tb = to_time(b) + (1.0 if not isinstance(b, dt.datetime) else 0.0)
        self._set_range(to_time(a), tb)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out about ``anchor_x`` (widget x; default the centre)."""
        self._scale.zoom(factor, anchor_x)
        self._changed()

    def pan(self, dx_pixels: float) -> None:
        """Move the content right by ``dx_pixels`` (negative: later dates come into view)."""
        self._scale.pan(dx_pixels)
        self._changed()

    def fit_all(self) -> None:
        ext = self._layout.extent
        if ext is None:
            return
        # more room on the right: labels run to the right of their marks
        pad = (ext[1] - ext[0]) * 0.03
        a, b = ext[0] - pad, ext[1] + 4 * pad
        self._set_range(a, max(b, self._label_room_end(a, b)))

    def _label_room_end(self, a: float, b: float) -> float:
        """The range end at which the labels of the latest marks are not cut by the right edge:
        a mark at ``start`` with a label ``w`` pixels wide needs (start - a) / span <= 1 - w / W."""
        width = max(1.0, float(self.width()))
        fm = self.fontMetrics()
        need = b
        latest = heapq.nlargest(  # only the marks near the right edge matter
            50, (it for lane in self._layout.lanes for it in lane.items), key=lambda it: it.end
        )
        for it in latest:
            label = min(float(fm.horizontalAdvance(it.title) + fm.height()), LABEL_ROOM)
            room = 1.0 - label / width
            if room > 0.3 and it.end > a:
                need = max(need, a + (it.start - a) / room)
        return min(need, b + (b - a) * 0.1)  # never zoom far out just for one long title

    def _set_range(self, a: float, b: float, margin: float = 0.0) -> None:
        self._scale.set_width(self.width())
        self._scale.set_range(a, b, margin)
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.visible_range_changed.emit()

    # ---- painting ----
    def scene(self) -> Scene:
        return Scene(self._layout, self._scale, self._selected, self._published)

    def paintEvent(self, event) -> None:
        p = QPainter(self)
        try:
            style = Style.of(self.font(), self.palette(), self)
            self._frame = paint_timeline(p, self.width(), self.height(), self.scene(), style)
            if self.hasFocus():
                p.setPen(self.palette().highlight().color())
                p.drawRect(QRect(0, 0, self.width() - 1, self.height() - 1))
        finally:
            p.end()

    def resizeEvent(self, event) -> None:
        # the same period stays in view: moving a splitter should not scroll the timeline, and
        # events set before the first layout (at a provisional width) stay fitted
        t0, t1 = self._scale.visible()
        self._scale.width = max(self.width(), 1)
        self._scale.set_range(t0, t1)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(900, 320)

    # ---- input ----
    def wheelEvent(self, event: QWheelEvent) -> None:
        d = event.angleDelta()
        if d.y():
            self.zoom(WHEEL_ZOOM_PER_NOTCH ** (d.y() / 120.0), event.position().x())
        elif d.x():
            self.pan(d.x() / 120.0 * PAN_STEP * self.width())
        event.accept()

    def keyPressEvent(self, event: QKeyEvent) -> None:
        key = event.key()
        page = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = self.width() * (1.0 if page else PAN_STEP)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            self.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            self.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            self.pan(step)
        elif key == Qt.Key.Key_Right:
            self.pan(-step)
        elif key == Qt.Key.Key_Home:
            self.fit_all()
        else:
            super().keyPressEvent(event)
            return
        event.accept()

    def mousePressEvent(self, event: QMouseEvent) -> None:
        if event.button() == Qt.MouseButton.LeftButton:
            self._press = event.position()
            self._dragged = False
            event.accept()
            return
        super().mousePressEvent(event)

    def mouseMoveEvent(self, event: QMouseEvent) -> None:
        if self._press is not None and event.buttons() & Qt.MouseButton.LeftButton:
            dx = event.position().x() - self._press.x()
            if self._dragged or abs(dx) >= DRAG_THRESHOLD:
                if not self._dragged:
                    self.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragged = True
                self._press = event.position()
                self.pan(dx)
        event.accept()

    def mouseReleaseEvent(self, event: QMouseEvent) -> None:
        if event.button() != Qt.MouseButton.LeftButton or self._press is None:
            super().mouseReleaseEvent(event)
            return
        self._press = None
        if self._dragged:
            self.unsetCursor()
            self._dragged = False
            return
        pos = event.position()
        hit = self.event_at(pos.x(), pos.y())
        if hit is not None:
            self._selected = hit
            self.update()
            self.event_selected.emit(hit)
            return
        cluster = self._cluster_at(pos.x(), pos.y())
        if cluster is not None:  # a "+N" badge opens up its events
            self._set_range(cluster[0], cluster[1], margin=0.25)

    def mouseDoubleClickEvent(self, event: QMouseEvent) -> None:
        pos = event.position()
        hit = self.event_at(pos.x(), pos.y())
        if hit is not None:
            self.event_activated.emit(hit)
        event.accept()

    def event(self, e: QEvent) -> bool:
        t = e.type()
        if t == QEvent.Type.ToolTip:
            self._show_tooltip(e)
            return True
        if t == QEvent.Type.Gesture:
            pinch = e.gesture(Qt.GestureType.PinchGesture)
            if pinch is not None:
                factor = pinch.scaleFactor()
                centre = self.mapFromGlobal(pinch.centerPoint().toPoint())
                if factor > 0:
                    self.zoom(factor, centre.x())
                e.accept()
                return True
        if (
            t == QEvent.Type.NativeGesture
            and e.gestureType() == Qt.NativeGestureType.ZoomNativeGesture
        ):
            self.zoom(1.0 + e.value(), e.position().x())
            e.accept()
            return True
        return super().event(e)

    # ---- hit testing ----
    def event_at(self, x: float, y: float) -> int | None:
        """Id of the event drawn under widget point (x, y) in the last paint, if any."""
        best: tuple[float, int] | None = None
        pad = HIT_SLOP
        for x0, y0, x1, y1, ev_id in self._frame.marks:
            if x0 - pad <= x <= x1 + pad and y0 - pad <= y <= y1 + pad:
                dist = abs((x0 + x1) / 2 - x) if x1 - x0 < 20 else 1e6 + (x1 - x0)
                if best is None or dist < best[0]:
                    best = (dist, ev_id)  # points and short bars win over the long bars
        return best[1] if best else None

    def event_rect(self, event_id: int) -> QRectF | None:
        """Where the event was drawn in the last paint (None when hidden, off screen or in density).

        Its first copy, top to bottom, when it is in several lanes: see ``event_rects``.
        """
        for x0, y0, x1, y1, ev_id in self._frame.marks:
            if ev_id == event_id:
                return QRectF(x0, y0, x1 - x0, y1 - y0)
        return None

    def event_rects(self, event_id: int) -> list[QRectF]:
        """Where every copy of the event was drawn in the last paint (one per tag lane), top first."""
        return [
            QRectF(x0, y0, x1 - x0, y1 - y0)
            for x0, y0, x1, y1, ev_id in self._frame.marks
            if ev_id == event_id
        ]

    def _cluster_at(self, x: float, y: float) -> tuple[float, float] | None:
        for rect, t0, t1 in self._frame.clusters:
            if rect.contains(QPointF(x, y)):
                return t0, t1
        return None

    def _show_tooltip(self, e) -> None:
        pos = e.pos()
        ev_id = self.event_at(pos.x(), pos.y())
        it = self._layout.item(ev_id) if ev_id is not None else None
        if it is None:
            if self._cluster_at(pos.x(), pos.y()):
                QToolTip.showText(e.globalPos(), "Click to zoom into these events", self)
            else:
                QToolTip.hideText()
                e.ignore()
            return
        QToolTip.showText(e.globalPos(), tooltip_html(it), self)

    # ---- export ----
    def render_image(
        self, width: int | None = None, height: int | None = None, scale: float = 1.0
    ) -> QImage:
        w, h = width or self.width(), height or self.height()
        img = QImage(round(w * scale), round(h * scale), QImage.Format.Format_ARGB32_Premultiplied)
        img.setDevicePixelRatio(scale)
        img.fill(self.palette().base().color())
        p = QPainter(img)
        try:
            self._paint_to(p, w, h)
        finally:
            p.end()
        return img

    def _paint_to(self, p: QPainter, w: int, h: int) -> None:
        saved = (self._scale.t0, self._scale.pixels_per_day, self._scale.width)
        if w != self._scale.width:  # same time range on a different width
            t0, t1 = self._scale.visible()
            self._scale.width = w
            self._scale.set_range(t0, t1)
        try:
            style = Style.of(self.font(), self.palette(), p.device())
            paint_timeline(p, w, h, self.scene(), style)
        finally:
            self._scale.t0, self._scale.pixels_per_day, self._scale.width = saved

    def export_png(self, path: str | Path, scale: float | None = None) -> None:
        """Save the current timeline as PNG, at the screen's pixel ratio unless ``scale`` is given."""
        img = self.render_image(scale=scale or self.devicePixelRatioF())
        if not img.save(str(path), "PNG"):
            raise OSError(f"could not write {path}")

    def svg_bytes(self, title: str = "Dateline timeline") -> bytes:
        buf = QBuffer()
        buf.open(QIODevice.OpenModeFlag.WriteOnly)
        gen = QSvgGenerator()
        gen.setOutputDevice(buf)
        w, h = self.width(), self.height()
        gen.setSize(QSize(w, h))
        gen.setViewBox(QRect(0, 0, w, h))
        gen.setResolution(round(self.logicalDpiX()))  # so that text keeps its on-screen size
        gen.setTitle(title)
        gen.setDescription("Timeline exported by Dateline")
        p = QPainter(gen)
        try:
            self._paint_to(p, w, h)
        finally:
            p.end()
        buf.close()
        return bytes(buf.data().data())

    def export_svg(self, path: str | Path, title: str = "Dateline timeline") -> None:
        Path(path).write_bytes(self.svg_bytes(title))

    def export_html(self, path: str | Path, title: str = "Dateline timeline") -> None:
        """A self-contained page: the current timeline as inline SVG, no external resources."""
        svg = self.svg_bytes(title).decode("utf-8")
        svg = svg[svg.index("<svg") :]  # drop the XML declaration: not allowed inside HTML
        a, b = self.visible_range()
        page = HTML_PAGE.format(
            title=html.escape(title),
            range=html.escape(f"{a.isoformat()} to {b.isoformat()}"),
            count=len(self._items),
            svg=svg,
        )
        Path(path).write_text(page, encoding="utf-8")


def tooltip_html(it: TimelineItem) -> str:
    sources = f"{it.sources} source" + ("" if it.sources == 1 else "s")
    extra = " · date uncertain" if it.uncertain else ""
    tags = it.tags or ((it.tag,) if it.tag else ())
    # an event in several tag lanes: the tooltip says which other lanes hold it too
    tagged = f"<br>Tags: {html.escape(', '.join(tags))}" if tags else ""
    return (
        f"<b>{html.escape(it.title)}</b><br>{html.escape(it.label())}"
        f"<br>{sources} · {html.escape(it.status)}{extra}{tagged}"
    )


HTML_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>{title}</title>
<style>
body {{ font-family: system-ui, sans-serif; margin: 1.5rem; color: #222; background: #fff; }}
figure {{ margin: 0; overflow-x: auto; }}
svg {{ max-width: 100%; height: auto; }}
p {{ color: #555; }}
</style>
</head>
<body>
<h1>{title}</h1>
<p>{count} dated events; showing {range}.</p>
<figure>
{svg}
</figure>
</body>
</html>
"""
