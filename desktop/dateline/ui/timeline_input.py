"""What the timeline does with the mouse, wheel, keys and touch: an event filter on the view.

Wheel and pinch zoom about the pointer; a drag pans; arrow keys pan a tenth of the width (a whole
width with Shift); + and - zoom about the centre; Home fits the current filter, Shift+Home shows
every date. A click picks the event under it (its mark or its label) or opens the list behind a
count; a double click activates an event.
"""

from __future__ import annotations

from typing import Protocol, cast

from PySide6.QtCore import QEvent, QObject, QPoint, QPointF, QRectF, Qt, SignalInstance
from PySide6.QtGui import (
    QCursor,
    QHelpEvent,
    QKeyEvent,
    QMouseEvent,
    QNativeGestureEvent,
    QPixmap,
    QWheelEvent,
)
from PySide6.QtWidgets import QGestureEvent, QPinchGesture

from .timeline_style import Chip

ZOOM_STEP = 1.25  # one keypress of + or -
WHEEL_ZOOM_PER_NOTCH = 1.2  # one notch (120/8 degrees) of a mouse wheel
PAN_STEP = 0.1  # arrow keys pan a tenth of the width; with Shift, a whole width
DRAG_THRESHOLD = 4  # pixels a press may move and still count as a click


class Navigable(Protocol):
    """What the input drives: the timeline view (``timeline_view.TimelineView``), known here only by
    what it offers, so that the view can own its input without the two modules importing each other."""

    @property
    def event_activated(self) -> SignalInstance: ...

    def zoom(self, factor: float, anchor_x: float | None = None) -> None: ...
    def pan(self, dx_pixels: float) -> None: ...
    def fit_to_filter(self) -> None: ...
    def fit_all(self) -> None: ...
    def event_at(self, x: float, y: float) -> int | None: ...
    def chip_at(self, x: float, y: float) -> tuple[QRectF, Chip] | None: ...
    def pick(self, event_id: int) -> None: ...
    def open_chip(self, rect: QRectF, chip: Chip) -> object: ...
    def show_tooltip(self, e: QHelpEvent) -> None: ...

    # the QWidget it is
    def width(self, /) -> int: ...
    def setCursor(self, cursor: QCursor | Qt.CursorShape | QPixmap, /) -> None: ...
    def unsetCursor(self, /) -> None: ...
    def mapFromGlobal(self, pos: QPoint, /) -> QPoint: ...
    def installEventFilter(self, filter: QObject, /) -> None: ...


class TimelineInput(QObject):
    """Installed on the view it is a child of. It keeps no Python reference to the view: a cycle
    between the two wrappers would leave a closed view to the garbage collector, which may run
    in a worker thread and must never delete a widget there."""

    def __init__(self, view: Navigable) -> None:
        assert isinstance(view, QObject), "the view owns its input: it must be a QObject"
        super().__init__(view)
        self._press: QPointF | None = None
        self._dragged = False
        view.installEventFilter(self)

    @property
    def view(self) -> Navigable:
        # the parent is the view given to __init__, and a view is never re-parented away from it
        return cast(Navigable, self.parent())

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is not self.parent():
            return False
        t = e.type()
        if t == QEvent.Type.Wheel:
            self._wheel(cast(QWheelEvent, e))
            return True
        if t == QEvent.Type.KeyPress:
            return self._key(cast(QKeyEvent, e))
        if t == QEvent.Type.MouseButtonPress:
            return self._pressed(cast(QMouseEvent, e))
        if t == QEvent.Type.MouseMove:
            return self._moved(cast(QMouseEvent, e))
        if t == QEvent.Type.MouseButtonRelease:
            return self._released(cast(QMouseEvent, e))
        if t == QEvent.Type.MouseButtonDblClick:
            return self._double(cast(QMouseEvent, e))
        if t == QEvent.Type.ToolTip:
            self.view.show_tooltip(cast(QHelpEvent, e))
            return True
        if t == QEvent.Type.Gesture:
            return self._gesture(cast(QGestureEvent, e))
        if t == QEvent.Type.NativeGesture:
            return self._native_gesture(cast(QNativeGestureEvent, e))
        return False

    def _native_gesture(self, e: QNativeGestureEvent) -> bool:
        if e.gestureType() != Qt.NativeGestureType.ZoomNativeGesture:
            return False
        self.view.zoom(1.0 + e.value(), e.position().x())
        e.accept()
        return True

    def _wheel(self, e: QWheelEvent) -> None:
        v = self.view
        d = e.angleDelta()
        if d.y():
            v.zoom(WHEEL_ZOOM_PER_NOTCH ** (d.y() / 120.0), e.position().x())
        elif d.x():
            v.pan(d.x() / 120.0 * PAN_STEP * v.width())
        e.accept()

    def _key(self, e: QKeyEvent) -> bool:
        v = self.view
        key = e.key()
        shift = bool(e.modifiers() & Qt.KeyboardModifier.ShiftModifier)
        step = v.width() * (1.0 if shift else PAN_STEP)
        if key in (Qt.Key.Key_Plus, Qt.Key.Key_Equal):
            v.zoom(ZOOM_STEP)
        elif key in (Qt.Key.Key_Minus, Qt.Key.Key_Underscore):
            v.zoom(1 / ZOOM_STEP)
        elif key == Qt.Key.Key_Left:
            v.pan(step)
        elif key == Qt.Key.Key_Right:
            v.pan(-step)
        elif key == Qt.Key.Key_Home:
            if shift:
                v.fit_all()
            else:
                v.fit_to_filter()
        else:
            return False
        e.accept()
        return True

    def _pressed(self, e: QMouseEvent) -> bool:
        if e.button() != Qt.MouseButton.LeftButton:
            return False
        self._press = e.position()
        self._dragged = False
        e.accept()
        return True

    def _moved(self, e: QMouseEvent) -> bool:
        if self._press is not None and e.buttons() & Qt.MouseButton.LeftButton:
            dx = e.position().x() - self._press.x()
            if self._dragged or abs(dx) >= DRAG_THRESHOLD:
                if not self._dragged:
                    self.view.setCursor(Qt.CursorShape.ClosedHandCursor)
                self._dragged = True
                self._press = e.position()
                self.view.pan(dx)
            e.accept()
            return True
        return False

    def _released(self, e: QMouseEvent) -> bool:
        if e.button() != Qt.MouseButton.LeftButton or self._press is None:
            return False
        v = self.view
        self._press = None
        if self._dragged:
            v.unsetCursor()
            self._dragged = False
            return True
        pos = e.position()
        hit = v.event_at(pos.x(), pos.y())
        if hit is not None:
            v.pick(hit)
            return True
        chip = v.chip_at(pos.x(), pos.y())
        if chip is not None:  # a count lists the events it stands for
            v.open_chip(*chip)
        return True

    def _double(self, e: QMouseEvent) -> bool:
        pos = e.position()
        hit = self.view.event_at(pos.x(), pos.y())
        if hit is not None:
            self.view.event_activated.emit(hit)
        e.accept()
        return True

    def _gesture(self, e: QGestureEvent) -> bool:
        pinch = cast(QPinchGesture | None, e.gesture(Qt.GestureType.PinchGesture))
        if pinch is None:
            return False
        factor = pinch.scaleFactor()
        centre = self.view.mapFromGlobal(pinch.centerPoint().toPoint())
        if factor > 0:
            self.view.zoom(factor, centre.x())
        e.accept()
        return True
