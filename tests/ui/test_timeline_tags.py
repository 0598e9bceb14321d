"""Lanes by tag in the timeline: an event tagged twice shows in both lanes, and either copy selects it."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QEvent, QRectF, Qt
from PySide6.QtGui import QHelpEvent, QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QToolTip

from dateline.core import commands as cmds
from dateline.core import timevalue
from dateline.core.model import EventRecord, SourceRecord, Status
from dateline.core.store import Store
from dateline.ui.timeline_view import TimelineView

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def event(i: int, value: str, end: str | None = None, tags=()) -> EventRecord:
    a, b = timevalue.span(value, end)
    src = (SourceRecord(10 * i, i, 1, 0, 1, 0, 1, "q"),)
    return EventRecord(
        i, f"event {i}", value, end, timevalue.granularity_of(value), a, b, Status.PROPOSED, 0.9,
        tags=tags, sources=src,
    )  # fmt: skip


EVENTS = [
    event(1, "2024-10-14", tags=("NATO",)),
    event(2, "2024-10-16", tags=("NATO", "Ukraine")),
    event(3, "2024-10-18", tags=("Ukraine",)),
    event(4, "2024-10-20"),
]


@pytest.fixture
def view(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(900, 420)
    v.show()
    qtbot.waitExposed(v)
    v.set_events(EVENTS)
    v.set_lane_mode("tag")
    v.set_visible_range(dt.date(2024, 10, 10), dt.date(2024, 10, 24))
    v.grab()  # paints now
    return v


def crop(img: QImage, r: QRectF) -> QImage:
    return img.copy(r.adjusted(-6, -4, 6, 4).toRect())


def test_an_event_with_two_tags_is_drawn_in_both_lanes(view):
    assert view.lane_titles() == ["NATO", "Ukraine", "Untagged"]
    first, second = view.event_rects(2)
    assert first.center().x() == pytest.approx(second.center().x())  # same day
    assert second.center().y() > first.center().y()  # NATO lane above the Ukraine lane
    assert view.event_rect(2) == first
    assert [len(view.event_rects(i)) for i in (1, 3, 4)] == [1, 1, 1]
    view.set_lane_mode("none")
    view.grab()
    assert len(view.event_rects(2)) == 1


def test_clicking_the_second_copy_selects_the_event_and_highlights_both(view, qtbot):
    first, second = view.event_rects(2)
    plain = view.grab().toImage()
    with qtbot.waitSignal(view.event_selected, timeout=1000) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=second.center().toPoint())
    assert sig.args == [2] and view.selected_event() == 2
    lit = view.grab().toImage()
    assert crop(lit, first) != crop(plain, first)  # the copy not clicked lights up too
    assert crop(lit, second) != crop(plain, second)
    assert crop(lit, view.event_rect(3)) == crop(plain, view.event_rect(3))
    with qtbot.waitSignal(view.event_activated, timeout=1000) as sig:
        qtbot.mouseDClick(view, Qt.MouseButton.LeftButton, pos=first.center().toPoint())
    assert sig.args == [2]


def test_hovering_either_copy_names_both_tags(view):
    for rect in view.event_rects(2):
        pos = rect.center().toPoint()
        QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
        assert "event 2" in QToolTip.text() and "Tags: NATO, Ukraine" in QToolTip.text()
        QToolTip.hideText()


def test_select_event_scrolls_to_the_copies_without_emitting(view, qtbot):
    view.set_visible_range(dt.date(2024, 1, 1), dt.date(2024, 1, 31))
    view.grab()
    assert view.event_rects(2) == []
    with qtbot.assertNotEmitted(view.event_selected):
        view.select_event(2)
    view.grab()
    rects = view.event_rects(2)
    assert len(rects) == 2 and all(0 <= r.center().x() <= view.width() for r in rects)


@pytest.fixture
def tagged_db(seeded_db):
    """The seeds with the Wiesbaden hub (November 2024) tagged NATO and Ukraine."""
    with Store.open(seeded_db) as s:
        hub = next(e for e in s.events(s.event_ids()) if e.value == "2024-11")
        s.apply(cmds.AddTags((hub.id,), ("NATO", "Ukraine")))
    return seeded_db, hub.id


def test_clicking_the_copy_in_the_second_lane_selects_the_event_in_the_table(qtbot, tagged_db):
    from dateline.ui.main_window import MainWindow

    path, hub = tagged_db
    win = MainWindow(path, offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.resize(1500, 1000)
    win.show()
    qtbot.waitUntil(
        lambda: win.ready and bool(win.documents) and win.runner.is_idle(), timeout=10000
    )
    try:
        win.timeline.set_lane_mode("tag")
        QTest.keyClick(win.table, K.Key_2, CTRL)  # View > Timeline
        assert win.views.currentWidget() is win.timeline
        qtbot.waitUntil(lambda: len(win.timeline.event_rects(hub)) == 2, timeout=5000)
        assert win.timeline.lane_titles()[:2] == ["NATO", "Ukraine"]
        assert win.current_event_id() != hub
        second = win.timeline.event_rects(hub)[1]
        qtbot.mouseClick(win.timeline, Qt.MouseButton.LeftButton, pos=second.center().toPoint())
        assert win.current_event_id() == hub
        assert win.model.event_id(win.table.currentIndex().row()) == hub
        assert win.editor.event_record().id == hub
        assert win.timeline.selected_event() == hub
        # and back: a table selection highlights the event in the timeline (both copies)
        row = next(r for r in range(win.model.rowCount()) if win.model.event_id(r) != hub)
        win.select_row(row)
        assert win.timeline.selected_event() == win.model.event_id(row)
        win.select_row(win.model.row_of(hub))
        assert win.timeline.selected_event() == hub
        qtbot.waitUntil(lambda: win.runner.is_idle(), timeout=5000)
    finally:
        win.close()
