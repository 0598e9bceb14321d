"""What the timeline does with the mouse, wheel, keys and touch: an event filter on the view.

Wheel and pinch zoom about the pointer; a drag pans; arrow keys pan a tenth of the width (a whole
width with Shift); + and - zoom about the centre; Home fits the current filter, Shift+Home shows
every date. A click picks the event under it (its mark or its label) or opens the list behind a
count; a double click activates an event.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEvent, QObject, QPointF, Qt
from PySide6.QtGui import QKeyEvent, QMouseEvent, QWheelEvent

if TYPE_CHECKING:
    from .timeline_view import TimelineView

ZOOM_STEP = 1.25  # one keypress of + or -
WHEEL_ZOOM_PER_NOTCH = 1.2  # one notch (120/8 degrees) of a mouse wheel
PAN_STEP = 0.1  # arrow keys pan a tenth of the width; with Shift, a whole width
DRAG_THRESHOLD = 4  # pixels a press may move and still count as a click


class TimelineInput(QObject):
    """Installed on the view it is a child of. It keeps no Python reference to the view: a cycle
    between the two wrappers would leave a closed view to the garbage collector, which may run
    in a worker thread and must never delete a widget there."""

    def __init__(self, view: TimelineView) -> None:
        super().__init__(view)
        self._press: QPointF | None = None
        self._dragged = False
        view.installEventFilter(self)

    @property
    def view(self) -> TimelineView:
        return self.parent()  # type: ignore[return-value]

    def eventFilter(self, obj: QObject, e: QEvent) -> bool:
        if obj is not self.parent():
            return False
        t = e.type()
        if t == QEvent.Type.Wheel:
            self._wheel(e)  # type: ignore[arg-type]
            return True
        if t == QEvent.Type.KeyPress:
            return self._key(e)  # type: ignore[arg-type]
        if t == QEvent.Type.MouseButtonPress:
            return self._pressed(e)  # type: ignore[arg-type]
        if t == QEvent.Type.MouseMove:
            return self._moved(e)  # type: ignore[arg-type]
        if t == QEvent.Type.MouseButtonRelease:
            return self._released(e)  # type: ignore[arg-type]
        if t == QEvent.Type.MouseButtonDblClick:
            return self._double(e)  # type: ignore[arg-type]
        if t == QEvent.Type.ToolTip:
            self.view._show_tooltip(e)
            return True
        if t == QEvent.Type.Gesture:
            return self._gesture(e)
        if (
            t == QEvent.Type.NativeGesture
            and e.gestureType() == Qt.NativeGestureType.ZoomNativeGesture  # type: ignore[attr-defined]
        ):
            self.view.zoom(1.0 + e.value(), e.position().x())  # type: ignore[attr-defined]
            e.accept()
            return True
        return False

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
            v._pick(hit)
            return True
        chip = v._chip_at(pos.x(), pos.y())
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

    def _gesture(self, e: QEvent) -> bool:
        pinch = e.gesture(Qt.GestureType.PinchGesture)  # type: ignore[attr-defined]
        if pinch is None:
            return False
        factor = pinch.scaleFactor()
        centre = self.view.mapFromGlobal(pinch.centerPoint().toPoint())
        if factor > 0:
            self.view.zoom(factor, centre.x())
        e.accept()
        return True
