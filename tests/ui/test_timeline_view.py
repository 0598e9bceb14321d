"""The timeline widget, driven as a user would: keys, wheel, drag, clicks, and exports."""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from html.parser import HTMLParser

import pytest
from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QHelpEvent, QImage, QNativeGestureEvent, QPointingDevice, QWheelEvent
from PySide6.QtWidgets import QApplication, QToolTip

from dateline.core import timevalue
from dateline.core.model import DocumentRecord, EventRecord, SourceRecord, Status
from dateline.core.timeline import build_items
from dateline.ui.timeline_popup import tooltip_html
from dateline.ui.timeline_view import TimelineView

DOCS = (
    DocumentRecord(
        1, "h1", "NATO on track to deliver €40 billion", "", dt.date(2024, 10, 16), "analyst"
    ),
    DocumentRecord(
        2, "h2", "NATO pledges money — not membership", "", dt.date(2024, 10, 16), "manifest"
    ),
)
TITLES = {
    1: "NATO leaders' summit in Washington sets the EUR 40 billion aid target",
    2: "Rutte's press conference: aid target on track",
    3: "Zelenskyy presents his victory plan to Ukraine's parliament",
    4: "Zelenskyy visits Brussels",
    5: "NATO defence ministers' meeting",
    6: "Allies commit EUR 20.9 billion in military assistance",
    7: "NATO military aid hub in Wiesbaden becomes operational",
}


def event(i: int, value: str, end: str | None = None, status=Status.PROPOSED, docs=(1, 2), tags=()):
    a, b = timevalue.span(value, end)
    srcs = tuple(SourceRecord(10 * i + k, i, d, 0, 1, 0, 1, "q") for k, d in enumerate(docs))
    return EventRecord(
        i, TITLES.get(i, f"event {i}"), value, end, timevalue.granularity_of(value), a, b, status,
        0.9, tags=tags, sources=srcs,
    )  # fmt: skip


SEEDS = [
    event(1, "2024-07", status=Status.ACCEPTED, tags=("NATO",)),
    event(2, "2024-10-16", status=Status.ACCEPTED, tags=("NATO",)),
    event(3, "2024-10-16", status=Status.EDITED, tags=("Ukraine",)),
    event(4, "2024-10-17", docs=(2,), tags=("Ukraine",)),
    event(5, "2024-10-17", "2024-10-18", docs=(2,), tags=("NATO",)),
    event(6, "2024-H1", status=Status.ACCEPTED, tags=("NATO",)),
    event(7, "2024-11", tags=("NATO",)),
]


@pytest.fixture
def view(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1100, 360)
    v.show()
    qtbot.waitExposed(v)
    v.set_events(SEEDS, DOCS)
    v.grab()  # paints now
    return v


def span_days(v: TimelineView) -> float:
    t0, t1 = v.visible_times()
    return t1 - t0


def test_fit_all_shows_every_seed_event(view):
    a, b = view.visible_range()
    assert a <= dt.date(2024, 1, 1) and b >= dt.date(2024, 11, 30)
    # 11 months of events, plus a little room on the right for the latest marks' labels
    assert (b - a).days < 430
    for ev in SEEDS:
        assert view.event_rect(ev.id) is not None, f"event {ev.id} is not drawn"


def test_seed_precisions_are_drawn_to_scale(view):
    view.set_visible_range(dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    view.grab()  # paints now
    ppd = view.width() / span_days(view)
    ministerial = view.event_rect(5)
    assert ministerial.width() == pytest.approx(2 * ppd, abs=0.5)  # a two-day bar
    point = view.event_rect(2)
    assert point.width() < 15  # a day is a point
    assert view.event_rect(4).center().x() > point.center().x()  # Thursday after Wednesday


def test_keys_zoom_and_pan(view, qtbot):
    view.set_visible_range(dt.date(2024, 10, 1), dt.date(2024, 10, 30))
    t0, t1 = view.visible_times()
    qtbot.keyClick(view, Qt.Key.Key_Plus)
    assert span_days(view) == pytest.approx((t1 - t0) / 1.25)
    assert sum(view.visible_times()) / 2 == pytest.approx((t0 + t1) / 2)  # about the centre
    qtbot.keyClick(view, Qt.Key.Key_Minus)
    assert view.visible_times() == pytest.approx((t0, t1))
    qtbot.keyClick(view, Qt.Key.Key_Right)
    assert view.visible_times()[0] == pytest.approx(t0 + 3.0)  # a tenth of 30 days, later
    qtbot.keyClick(view, Qt.Key.Key_Left)
    qtbot.keyClick(view, Qt.Key.Key_Left, Qt.KeyboardModifier.ShiftModifier)
    assert view.visible_times()[0] == pytest.approx(t0 - 30.0)  # a whole page earlier
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.visible_range()[0] <= dt.date(2024, 1, 1)


def wheel(view: TimelineView, x: float, notches: int) -> None:
    pos = QPointF(x, 150)
    ev = QWheelEvent(
        pos, view.mapToGlobal(pos), QPoint(0, 0), QPoint(0, 120 * notches), Qt.MouseButton.NoButton,
        Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )  # fmt: skip
    QApplication.sendEvent(view, ev)


def test_wheel_zooms_about_the_cursor(view):
    view.set_visible_range(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    t0, t1 = view.visible_times()
    x = 800
    under_cursor = t0 + (t1 - t0) * x / view.width()
    wheel(view, x, 2)
    a, b = view.visible_times()
    assert b - a == pytest.approx((t1 - t0) / 1.2**2)
    assert a + (b - a) * x / view.width() == pytest.approx(under_cursor)
    wheel(view, x, -2)
    assert view.visible_times() == pytest.approx((t0, t1))


def test_resizing_keeps_the_period_in_view(view):
    view.set_visible_range(dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    before = view.visible_range()
    view.resize(700, 300)
    assert view.visible_range() == before
    view.grab()
    t0, t1 = view.visible_times()
    mid = dt.date(2024, 10, 18).toordinal()  # the middle of the 17-18 Oct ministerial
    assert view.event_rect(5).center().x() == pytest.approx((mid - t0) / (t1 - t0) * 700, abs=1)


def test_pinch_zooms_about_the_fingers(view):
    view.set_visible_range(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    t0, t1 = view.visible_times()
    at = QPointF(300, 100)
    under = t0 + (t1 - t0) * 300 / view.width()
    pinch = QNativeGestureEvent(
        Qt.NativeGestureType.ZoomNativeGesture, QPointingDevice.primaryPointingDevice(), 2, at, at,
        view.mapToGlobal(at), 0.5, QPointF(0, 0),
    )  # fmt: skip
    QApplication.sendEvent(view, pinch)
    a, b = view.visible_times()
    assert b - a == pytest.approx((t1 - t0) / 1.5)
    assert a + (b - a) * 300 / view.width() == pytest.approx(under)


def test_zoom_is_clamped_between_six_hours_and_two_centuries(view):
    for _ in range(60):
        view.zoom(2.0)
    assert span_days(view) == pytest.approx(0.25)
    for _ in range(60):
        view.zoom(0.5)
    assert span_days(view) == pytest.approx(200 * 365.2425)


def test_drag_pans(view, qtbot):
    t0, _ = view.visible_times()
    ppd = view.width() / span_days(view)
    qtbot.mousePress(view, Qt.MouseButton.LeftButton, pos=QPoint(600, 300))
    qtbot.mouseMove(view, QPoint(500, 300))
    qtbot.mouseRelease(view, Qt.MouseButton.LeftButton, pos=QPoint(500, 300))
    assert view.visible_times()[0] == pytest.approx(t0 + 100 / ppd)  # dragged left: later dates


def test_clicking_an_event_emits_its_id(view, qtbot):
    view.set_visible_range(dt.date(2024, 10, 10), dt.date(2024, 10, 24))
    view.grab()  # paints now
    centre = view.event_rect(5).center().toPoint()
    with qtbot.waitSignal(view.event_selected, timeout=1000) as sig:
        qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=centre)
    assert sig.args == [5]
    assert view.selected_event() == 5
    with qtbot.waitSignal(view.event_activated, timeout=1000) as sig:
        qtbot.mouseDClick(
            view, Qt.MouseButton.LeftButton, pos=view.event_rect(4).center().toPoint()
        )
    assert sig.args == [4]


def test_select_event_highlights_without_emitting_and_scrolls_into_view(view, qtbot):
    view.set_visible_range(dt.date(2024, 1, 1), dt.date(2024, 2, 1))
    view.grab()  # paints now
    assert view.event_rect(7) is None  # November is off screen
    with qtbot.assertNotEmitted(view.event_selected):
        view.select_event(7)
    view.grab()  # paints now
    assert view.selected_event() == 7
    rect = view.event_rect(7)
    assert rect is not None and 0 <= rect.center().x() <= view.width()
    highlighted = view.grab().toImage()
    view.select_event(None)
    plain = view.grab().toImage()
    assert highlighted != plain  # the highlight is visible


def test_tooltip_tells_title_date_and_sources():
    items, _ = build_items(SEEDS)
    ministerial = next(it for it in items if it.id == 5)
    text = tooltip_html(ministerial)
    assert "NATO defence ministers" in text
    assert "Thu 17 - Fri 18 Oct 2024" in text and "1 source" in text
    summit = next(it for it in items if it.id == 1)
    assert "Jul 2024" in tooltip_html(summit) and "2 sources" in tooltip_html(summit)


def test_hovering_an_event_shows_its_tooltip(view):
    view.set_visible_range(dt.date(2024, 10, 10), dt.date(2024, 10, 24))
    view.grab()
    pos = view.event_rect(5).center().toPoint()
    QApplication.sendEvent(view, QHelpEvent(QEvent.Type.ToolTip, pos, view.mapToGlobal(pos)))
    assert "NATO defence ministers" in QToolTip.text()
    assert "Thu 17 - Fri 18 Oct 2024" in QToolTip.text()
    QToolTip.hideText()


def test_lane_modes(view):
    view.set_lane_mode("tag")
    assert view.lane_titles() == ["NATO", "Ukraine"]
    view.set_lane_mode("document")
    assert view.lane_titles() == ["NATO pledges money — not membership", "Several documents"]
    with pytest.raises(ValueError, match="lane mode"):
        view.set_lane_mode("colour")


def test_many_events_label_a_few_and_count_the_rest_then_all_when_zoomed(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(400, 300)
    v.show()
    qtbot.waitExposed(v)
    start = dt.date(2000, 1, 1)
    evs = [event(i, (start + dt.timedelta(days=i % 7000)).isoformat()) for i in range(1, 3001)]
    v.set_events(evs)
    v.grab()  # paints now
    labelled = set(v.labelled_events())
    counted = sum(chip.count for _, chip in v.count_chips() if chip.kind == "bucket")
    assert 0 < len(labelled) < 40  # 3000 events on 400 pixels: a few readable labels
    assert len(labelled) + counted == 3000  # and a count for every other one
    v.set_visible_range(dt.date(2000, 1, 1), dt.date(2000, 1, 10))
    v.grab()  # paints now
    assert v.event_rect(1) is not None
    assert not [c for _, c in v.count_chips() if c.kind == "bucket"]  # room for all ten


def test_days_stay_visible_under_many_long_events(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(900, 300)
    v.show()
    qtbot.waitExposed(v)
    years = [event(100 + i, "2010") for i in range(200)]  # all cover every day of 2010
    days = [event(1, "2010-03-02"), event(2, "2010-03-04")]
    v.set_events(years + days)
    v.set_visible_range(dt.date(2010, 3, 1), dt.date(2010, 3, 7))
    v.grab()
    assert v.event_rect(1) is not None and v.event_rect(2) is not None
    assert all(v.event_rect(e.id) is None for e in years)  # counted in the lane's summary row


def test_exports_are_parseable(view, tmp_path):
    view.set_visible_range(dt.date(2024, 10, 1), dt.date(2024, 10, 31))
    png, svg, page = tmp_path / "t.png", tmp_path / "t.svg", tmp_path / "t.html"
    view.export_image(png)
    img = QImage(str(png))
    assert not img.isNull() and img.width() >= 1100
    view.export_image(svg)
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert "Oct 2024" in texts and "NATO defence ministers" in texts
    view.export_image(page, title="Seeds <timeline>")
    text = page.read_text(encoding="utf-8")

    class Refs(HTMLParser):
        def __init__(self):
            super().__init__()
            self.tags, self.refs = [], []

        def handle_starttag(self, tag, attrs):
            self.tags.append(tag)
            self.refs += [v for k, v in attrs if k in ("src", "href", "xlink:href") and v]

    parser = Refs()
    parser.feed(text)
    assert "svg" in parser.tags and "Seeds &lt;timeline&gt;" in text
    assert not [r for r in parser.refs if not r.startswith(("#", "data:"))], "external resources"


def test_empty_view_paints(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(500, 200)
    v.set_events([])
    v.fit_all()
    assert not v.grab().isNull()
    v.select_event(42)  # unknown ids are ignored
    assert v.selected_event() == 42
