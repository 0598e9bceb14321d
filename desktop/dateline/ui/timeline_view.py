"""The timeline view: events on a zoomable time axis, in lanes, labelled by importance, the rest counted.

Why a QWidget with ``paintEvent`` rather than a QGraphicsView: a scene would hold one QGraphicsItem
per event (100,000 of them, plus a BSP tree duplicating the core index) or one item per lane that
repaints itself whole; and the scene's transform scales pen widths and text along with time, while
what must change with zoom here is not geometry but choice: which ticks, which events get a label,
what is counted. So every frame is planned by core (``dateline.core.timeline.plan_frame``) from the
items in view, and one paint function serves the screen, PNG, SVG and HTML (``timeline_export``).

The view opens on where the events are (``TimelineLayout.focus``) and follows new data (a new
filter) until the user zooms or pans; "Fit to Filter" (Home) goes back to that, "Show All Dates"
(Shift+Home) takes in the outliers too. A "+N" count lists the events it stands for in a popup;
choosing one selects it.

Signals: ``event_selected(int)`` when the user picks an event (a click, or a choice in a count's
list; never when ``select_event`` is called, so selection can be synced both ways without loops);
``event_activated(int)`` on double click; ``visible_range_changed()`` after any zoom or pan;
``lane_mode_changed(str)`` when the user picks a lane grouping from the context menu;
``image_exported(str)`` after the export action wrote a file.
"""

from __future__ import annotations

import datetime as dt
import math
from collections import Counter
from collections.abc import Callable, Sequence
from pathlib import Path

from PySide6.QtCore import QEvent, QPointF, QRect, QRectF, QSize, QStandardPaths, Qt, Signal, Slot
from PySide6.QtGui import (
    QAction,
    QContextMenuEvent,
    QHelpEvent,
    QHideEvent,
    QKeySequence,
    QPainter,
    QPaintEvent,
    QResizeEvent,
    QShowEvent,
)
from PySide6.QtWidgets import QFileDialog, QMenu, QSizePolicy, QToolTip, QWidget

from dateline.core.errors import DatelineError
from dateline.core.model import DocumentRecord, EventRecord
from dateline.core.timeline import (
    LANE_MODES,
    TimelineItem,
    TimelineLayout,
    TimeScale,
    build_items,
    build_layout,
    padded,
    to_date,
    to_time,
)

from .errors import show_error
from .timeline_export import save_timeline
from .timeline_input import TimelineInput
from .timeline_paint import lanes_top, paint_timeline, published_text
from .timeline_popup import TimelineListPopup, chip_contents, tooltip_html
from .timeline_style import Chip, Frame, Scene, Style, axis_height

LANE_MODE_NAMES = {"none": "Nothing (one lane)", "tag": "Tag", "document": "Document",
                   "reliability": "Source reliability"}  # fmt: skip
HIT_SLOP = 3  # pixels around a mark that still hit it


class TimelineView(QWidget):
    event_selected = Signal(int)
    event_activated = Signal(int)
    visible_range_changed = Signal()
    lane_mode_changed = Signal(str)
    image_exported = Signal(str)

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
        today = to_time(dt.date.today())
        self._scale = TimeScale.fitting(today - 180, today + 180, self.width())
        self._published: list[tuple[dt.date, int]] = []
        self._selected: int | None = None
        self._frame = Frame()
        self._moved = False  # the user zoomed or panned: new data keeps their range
        self._popup: TimelineListPopup | None = None
        self._popup_range: tuple[float, float] | None = None
        self._style_cache: tuple[tuple[float, int], Style] | None = None
        self._make_actions()
        self.input = TimelineInput(self)  # wheel, keys, drag, clicks, gestures, tooltips

    def _make_actions(self) -> None:
        def action(
            text: str, tip: str, slot: Callable[[], object], key: QKeySequence | None = None
        ) -> QAction:
            a = QAction(text, self)
            a.setToolTip(tip)
            a.setStatusTip(tip)
            if key is not None:
                a.setShortcut(key)
                a.setShortcutContext(Qt.ShortcutContext.WidgetShortcut)
            a.triggered.connect(slot)
            a.setEnabled(False)  # until the view is shown
            self.addAction(a)
            return a

        self.fit_action = action(
            "&Fit to Filter", "Show the events of the current filter, where most of them are",
            self.fit_to_filter, QKeySequence(Qt.Key.Key_Home),
        )  # fmt: skip
        self.show_all_action = action(
            "Show &All Dates", "Zoom out to every dated event, the earliest and latest included",
            self.fit_all, QKeySequence("Shift+Home"),
        )  # fmt: skip
        self.export_action = action(
            "Export Visible Timeline as &Image\u2026",
            "Save the timeline as shown, as a PNG or SVG picture", self.export_image_dialog,
        )  # fmt: skip

    def timeline_actions(self) -> list[QAction]:
        """The view's own commands, for a window to put in its menus; enabled while it is shown."""
        return [self.fit_action, self.show_all_action, self.export_action]

    def showEvent(self, event: QShowEvent) -> None:
        for a in self.timeline_actions():
            a.setEnabled(True)
        super().showEvent(event)

    def hideEvent(self, event: QHideEvent) -> None:
        for a in self.timeline_actions():  # a menu must not fit or export a timeline not shown
            a.setEnabled(False)
        super().hideEvent(event)

    # ---- data ----
    def set_events(
        self, events: Sequence[EventRecord], documents: Sequence[DocumentRecord] = ()
    ) -> None:
        """Show ``events``; ``documents`` give lane titles and the publication-date marks.

        Fits the view to the events, unless the user has zoomed or panned since the last fit. For a
        big store, build the items on a worker with ``core.timeline.build_items`` and call
        ``set_items`` instead: 100,000 events take about half a second to convert.
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
        self._items, self._undated = items, undated
        self._titles = {d.id: d.title or d.source or f"Document {d.id}" for d in documents}
        self._published = sorted(Counter(d.published for d in documents if d.published).items())
        self._relayout()
        if self._moved:
            self.update()
        else:
            self.fit_to_filter()

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

    def lane_titles(self) -> list[str]:
        return [lane.title for lane in self._layout.lanes]

    def _relayout(self) -> None:
        self._layout = build_layout(self._items, self._mode, self._titles, self._undated)

    def contextMenuEvent(self, event: QContextMenuEvent) -> None:
        menu = QMenu(self)
        menu.addActions([self.fit_action, self.show_all_action])
        menu.addSeparator()
        lanes = menu.addMenu("Lanes by")
        for mode, text in LANE_MODE_NAMES.items():
            act = lanes.addAction(text)
            act.setCheckable(True)
            act.setChecked(mode == self._mode)
            act.setData(mode)
        lanes.triggered.connect(self._lane_mode_picked)
        menu.addSeparator()
        menu.addAction(self.export_action)
        menu.exec(event.globalPos())
        menu.deleteLater()

    @Slot(QAction)
    def _lane_mode_picked(self, action: QAction) -> None:
        mode = str(action.data())
        if mode != self._mode:
            self.set_lane_mode(mode)
            self.lane_mode_changed.emit(mode)

    # ---- selection ----
    @Slot(int)
    def select_event(self, event_id: int | None) -> None:
        """Highlight an event (None or -1 clears); emits nothing.

        The selected event is always labelled, however crowded its part of the view. A new
        selection made while the view is shown is scrolled into view. One made while it is hidden
        is not: the window picks its first row whenever a filter changes, and the view, shown
        again, opens on where the filter's events are rather than on that row (often the
        earliest outlier); the event is then drawn if it is there, counted at the edge if not.
        """
        if event_id is not None and event_id < 0:
            event_id = None
        changed = event_id != self._selected
        self._selected = event_id
        # every copy of an event (one per tag lane) is at the same time: one scroll shows them all
        it = self._layout.item(event_id) if event_id is not None else None
        if it is not None and changed and self.isVisible():
            t0, t1 = self._scale.visible()
            if it.end - it.start > self._scale.span:
                self._set_range(it.start, it.end, margin=0.1)
            elif it.start < t0 or it.end > t1:
                self._scale.centre_on((it.start + it.end) / 2)
                self.visible_range_changed.emit()
        self.update()

    def selected_event(self) -> int | None:
        return self._selected

    def pick(self, event_id: int) -> None:
        """The user picked an event: select it and tell the window."""
        self.select_event(event_id)
        self.event_selected.emit(event_id)

    # ---- range ----
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
        self._moved = True
        self._set_range(to_time(a), tb)

    def zoom(self, factor: float, anchor_x: float | None = None) -> None:
        """Zoom in (``factor`` > 1) or out about ``anchor_x`` (widget x; default the centre)."""
        self._moved = True
        self._scale.zoom(factor, anchor_x)
        self._changed()

    def pan(self, dx_pixels: float) -> None:
        """Move the content right by ``dx_pixels`` (negative: later dates come into view)."""
        self._moved = True
        self._scale.pan(dx_pixels)
        self._changed()

    def fit_to_filter(self) -> None:
        """Show where the events given (the current filter's) are; outliers are counted at the
        edges. New data is fitted the same way until the user zooms or pans."""
        focus = self._layout.focus()
        self._moved = False
        if focus is not None:
            self._set_range(*padded(focus.start, focus.end))

    def fit_all(self) -> None:
        """Show every dated event, outliers included."""
        ext = self._layout.extent
        if ext is not None:
            self._moved = True
            self._set_range(*padded(*ext))

    def _set_range(self, a: float, b: float, margin: float = 0.0) -> None:
        self._scale.set_width(self.width())
        self._scale.set_range(a, b, margin)
        self._changed()

    def _changed(self) -> None:
        self.update()
        self.visible_range_changed.emit()

    # ---- painting ----
    def _style(self) -> Style:
        """The paint style, kept between frames: it caches text widths, elisions and pens."""
        key = (self.devicePixelRatioF(), self.logicalDpiX())
        if self._style_cache is None or self._style_cache[0] != key:
            self._style_cache = (key, Style.of(self.font(), self.palette(), self))
        return self._style_cache[1]

    def changeEvent(self, event: QEvent) -> None:
        if event.type() in (
            QEvent.Type.FontChange, QEvent.Type.PaletteChange, QEvent.Type.StyleChange
        ):  # fmt: skip
            self._style_cache = None
        super().changeEvent(event)

    def scene(self) -> Scene:
        return Scene(self._layout, self._scale, self._selected, self._published)

    def paintEvent(self, event: QPaintEvent) -> None:
        p = QPainter(self)
        try:
            style = self._style()
            self._frame = paint_timeline(p, self.width(), self.height(), self.scene(), style)
            if self.hasFocus():
                p.setPen(self.palette().highlight().color())
                p.drawRect(QRect(0, 0, self.width() - 1, self.height() - 1))
        finally:
            p.end()

    def resizeEvent(self, event: QResizeEvent) -> None:
        # the same period stays in view: moving a splitter should not scroll the timeline, and
        # events set before the first layout (at a provisional width) stay fitted
        t0, t1 = self._scale.visible()
        self._scale.width = max(self.width(), 1)
        self._scale.set_range(t0, t1)
        super().resizeEvent(event)

    def sizeHint(self) -> QSize:
        return QSize(900, 320)

    # ---- hit testing ----
    def event_at(self, x: float, y: float) -> int | None:
        """Id of the event drawn (mark or label) under widget point (x, y) in the last paint."""
        best: tuple[float, int] | None = None
        pad = HIT_SLOP
        for x0, y0, x1, y1, ev_id in self._frame.marks:
            if x0 - pad <= x <= x1 + pad and y0 - pad <= y <= y1 + pad:
                dist = abs((x0 + x1) / 2 - x) if x1 - x0 < 20 else 1e6 + (x1 - x0)
                if best is None or dist < best[0]:
                    best = (dist, ev_id)  # points and short bars win over the long bars
        if best is not None:
            return best[1]
        for x0, y0, x1, y1, ev_id in self._frame.labels:
            if x0 <= x <= x1 and y0 <= y <= y1:
                return ev_id
        return None

    def event_rect(self, event_id: int) -> QRectF | None:
        """Where the event's mark was drawn in the last paint (None when not drawn: off screen,
        or only counted). Its first copy, top to bottom, when it is in several lanes."""
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

    def labelled_events(self) -> list[int]:
        """Ids of the events drawn with their label in the last paint, top lane first."""
        return [ev_id for *_, ev_id in self._frame.labels]

    def count_chips(self) -> list[tuple[QRectF, Chip]]:
        """The clickable counts of the last paint: per period, spanning, before and after."""
        return list(self._frame.chips)

    def chip_at(self, x: float, y: float) -> tuple[QRectF, Chip] | None:
        for rect, chip in self._frame.chips:
            if rect.contains(QPointF(x, y)):
                return rect, chip
        return None

    def show_tooltip(self, e: QHelpEvent) -> None:
        pos = e.pos()
        ev_id = self.event_at(pos.x(), pos.y())
        it = self._layout.item(ev_id) if ev_id is not None else None
        if it is not None:
            QToolTip.showText(e.globalPos(), tooltip_html(it), self)
            return
        hit = self.chip_at(pos.x(), pos.y())
        if hit is not None:
            title, _ = chip_contents(self._layout, self._scale.visible(), hit[1])
            QToolTip.showText(e.globalPos(), f"{title}: click to list them", self)
            return
        near = [(abs(x - pos.x()), d, n) for x, d, n in self._frame.published]
        band = axis_height(self._style()) - 2 <= pos.y() <= lanes_top(self._style()) + 2
        if near and band and min(near)[0] <= 5:
            _, day, n = min(near)
            QToolTip.showText(e.globalPos(), published_text(day, n), self)
            return
        QToolTip.hideText()
        e.ignore()

    # ---- counts ----
    def open_chip(self, rect: QRectF, chip: Chip) -> TimelineListPopup:
        """List the events behind a count in a popup under it; choosing one selects it."""
        if self._popup is not None:
            self._popup.close()
        title, items = chip_contents(self._layout, self._scale.visible(), chip)
        if items:
            self._popup_range = (min(it.start for it in items), max(it.end for it in items))
        popup = TimelineListPopup(title, items, self)
        popup.event_chosen.connect(self.pick)
        popup.zoom_requested.connect(self._zoom_to_popup)
        popup.destroyed.connect(self._popup_gone)
        self._popup = popup
        popup.show_at(self.mapToGlobal(rect.bottomLeft().toPoint()))
        return popup

    def list_popup(self) -> TimelineListPopup | None:
        return self._popup

    @Slot()
    def _popup_gone(self) -> None:
        self._popup = None

    @Slot()
    def _zoom_to_popup(self) -> None:
        if self._popup_range is not None:
            self._moved = True
            self._set_range(*padded(*self._popup_range))

    # ---- export ----
    def export_image(
        self, path: str | Path, title: str = "Dateline timeline", scale: float | None = None
    ) -> Path:
        """Save the visible timeline to ``path`` as PNG (at the screen's pixel ratio unless
        ``scale`` is given), SVG or a self-contained HTML page, by its suffix."""
        return save_timeline(
            self.scene(), path, self.width(), self.height(), self.font(), self.palette(),
            scale=scale or self.devicePixelRatioF(), title=title,
        )  # fmt: skip

    def export_image_dialog(self) -> QFileDialog:
        """Ask where to save the visible timeline (PNG or SVG), then save it."""
        folder = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.PicturesLocation)
        a, _ = self.visible_range()
        start = str(Path(folder or Path.home()) / f"timeline-{a.isoformat()}.png")
        dlg = QFileDialog(
            self, "Export Visible Timeline", start, "PNG image (*.png);;SVG image (*.svg)"
        )
        dlg.setObjectName("timeline_export_dialog")
        dlg.setAcceptMode(QFileDialog.AcceptMode.AcceptSave)
        dlg.setDefaultSuffix("png")
        dlg.filterSelected.connect(self._export_filter_picked)
        dlg.fileSelected.connect(self._export_to)
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.open()
        return dlg

    @Slot(str)
    def _export_filter_picked(self, name: str) -> None:
        dlg = self.sender()
        if isinstance(dlg, QFileDialog):
            dlg.setDefaultSuffix("svg" if "svg" in name.lower() else "png")

    @Slot(str)
    def _export_to(self, path: str) -> None:
        try:
            written = self.export_image(path)
        except DatelineError as exc:
            show_error(self, exc)
            return
        self.image_exported.emit(str(written))
