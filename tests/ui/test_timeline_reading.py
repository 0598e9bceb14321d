"""The timeline read as an analyst would: where it opens, the counts that expand into lists, fitting
to the filter, publication marks clear of the labels, and the picture export."""

from __future__ import annotations

import datetime as dt
import random
import xml.etree.ElementTree as ET

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QFont, QImage
from PySide6.QtWidgets import QApplication, QFileDialog

from dateline.core import timevalue
from dateline.core.errors import InputError
from dateline.core.model import DocumentRecord, EventRecord, SourceRecord, Status
from dateline.core.timeline import TimeScale, build_items, build_layout
from dateline.ui.timeline_export import save_timeline
from dateline.ui.timeline_paint import lanes_top
from dateline.ui.timeline_style import PUBLISHED_COLOUR, Scene, Style, footer_height
from dateline.ui.timeline_view import TimelineView


def event(i: int, value: str, status=Status.PROPOSED, docs=(1,), title=None) -> EventRecord:
    a, b = timevalue.span(value, None)
    srcs = tuple(SourceRecord(10 * i + k, i, d, 0, 1, 0, 1, "q") for k, d in enumerate(docs))
    return EventRecord(
        i, title or f"Apple event number {i}", value, None, timevalue.granularity_of(value), a, b,
        status, 0.85, sources=srcs,
    )  # fmt: skip


def news_like(seed: int = 1) -> list[EventRecord]:
    """Like the 30 real articles: 2004-2011 news with a few facts from decades before."""
    rng = random.Random(seed)
    out = []
    for i in range(1, 111):
        day = dt.date(2004, 3, 1) + dt.timedelta(days=rng.randrange(7 * 365))
        out.append(event(i, day.isoformat()))
    for k, year in enumerate((1955, 1968, 1976, 1984, 1991, 1996), start=200):
        out.append(event(k, str(year), title=f"Background fact from {year}"))
    return out


DOCS = [
    DocumentRecord(1, "h1", "Apple releases iPhone SDK", "", dt.date(2008, 3, 6), "front matter"),
    DocumentRecord(2, "h2", "Apple unveils iPhone 4", "", dt.date(2010, 6, 8), "front matter"),
]


@pytest.fixture
def view(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 420)
    v.show()
    qtbot.waitExposed(v)
    return v


def paint(v: TimelineView) -> QImage:
    return v.grab().toImage()


def test_default_zoom_shows_where_the_events_are_and_counts_the_rest(view):
    view.set_events(news_like(), DOCS)
    paint(view)
    a, b = view.visible_range()
    assert a.year in (2003, 2004) and b.year in (2011, 2012)  # not 1955-2011
    chips = {chip.kind: chip for _, chip in view.count_chips()}
    assert chips["before"].count == 6 and "after" not in chips
    assert len(view.labelled_events()) >= 40  # the bulk is readable at once
    # counts of what is not labelled: everything in view is labelled or counted
    in_view = 110
    counted = sum(c.count for _, c in view.count_chips() if c.kind == "bucket")
    assert len(set(view.labelled_events())) + counted == in_view


def test_new_data_is_fitted_until_the_user_moves(view):
    view.set_events(news_like(), DOCS)
    later = [e for e in news_like() if e.earliest and e.earliest.year >= 2010]
    view.set_events(later, DOCS)  # a filter: 2010 and later
    a, _ = view.visible_range()
    assert dt.date(2009, 11, 1) <= a <= dt.date(2010, 2, 1)
    view.zoom(2.0)
    moved = view.visible_times()
    view.set_events(news_like(), DOCS)  # the filter cleared: the user's range stays
    assert view.visible_times() == moved


def test_fit_to_filter_and_show_all_dates(view, qtbot):
    view.set_events(news_like(), DOCS)
    fitted = view.visible_times()
    view.set_visible_range(dt.date(2007, 1, 1), dt.date(2007, 1, 31))
    view.setFocus()
    qtbot.keyClick(view, Qt.Key.Key_Home)
    assert view.visible_times() == pytest.approx(fitted)
    view.show_all_action.trigger()
    assert view.visible_range()[0] <= dt.date(1955, 1, 1)
    view.fit_action.trigger()
    assert view.visible_times() == pytest.approx(fitted)
    assert {a.text() for a in view.timeline_actions()} >= {"&Fit to Filter", "Show &All Dates"}


def crowded() -> list[EventRecord]:
    """Fifty events on one day, one of them accepted: far more than a row can label."""
    evs = [event(i, "2008-03-06") for i in range(1, 50)]
    evs.append(event(50, "2008-03-06", status=Status.ACCEPTED, title="The accepted one"))
    evs += [event(60 + k, f"2008-0{k + 1}-15") for k in range(5)]
    return evs


def test_clicking_a_count_lists_its_events_and_choosing_one_selects_it(view, qtbot):
    view.resize(1200, 200)
    view.set_events(crowded(), DOCS)
    paint(view)
    assert 50 in view.labelled_events()  # the accepted one wins the label
    rect, chip = next((r, c) for r, c in view.count_chips() if c.kind == "bucket")
    assert chip.count > 10
    qtbot.mouseClick(view, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    popup = view.list_popup()
    assert popup is not None and popup.isVisible()
    listed = popup.ids()
    assert len(listed) == chip.count and 50 not in listed
    assert not set(listed) & set(view.labelled_events())
    target = listed[7]
    row = popup.list.item(7)
    with qtbot.waitSignal(view.event_selected, timeout=1000) as sig:
        qtbot.mouseClick(
            popup.list.viewport(), Qt.MouseButton.LeftButton,
            pos=popup.list.visualItemRect(row).center(),
        )  # fmt: skip
    assert sig.args == [target] and view.selected_event() == target
    qtbot.waitUntil(lambda: view.list_popup() is None, timeout=1000)
    paint(view)
    assert target in view.labelled_events()  # the chosen event is shown with its label


def test_a_count_zooms_to_its_events_on_request(view, qtbot):
    view.resize(1200, 200)
    view.set_events(crowded(), DOCS)
    paint(view)
    rect, chip = next((r, c) for r, c in view.count_chips() if c.kind == "bucket")
    popup = view.open_chip(rect, chip)
    popup.zoom_button.click()
    a, b = view.visible_range()
    assert a <= dt.date(2008, 3, 6) <= b and (b - a).days <= 14  # the bucket, padded


def test_the_earlier_count_lists_the_events_before_the_view(view, qtbot):
    view.set_events(news_like(), DOCS)
    paint(view)
    rect, chip = next((r, c) for r, c in view.count_chips() if c.kind == "before")
    popup = view.open_chip(rect, chip)
    assert popup.ids() == [200, 201, 202, 203, 204, 205]  # in time order
    popup.close()


def purple_rows(img: QImage, top: int, bottom: int) -> set[int]:
    """Rows from ``top`` to ``bottom`` holding the publication marks' colour."""
    colours = {QColor(c).rgb() & 0xFFFFFF for c in PUBLISHED_COLOUR}
    rows = set()
    for y in range(top, bottom):
        for x in range(0, img.width(), 2):
            if img.pixel(x, y) & 0xFFFFFF in colours:
                rows.add(y)
                break
    return rows


def test_publication_marks_never_cross_the_labels(view):
    view.set_events(news_like(), DOCS)
    img = paint(view)
    style = Style.of(view.font(), view.palette(), view)
    r = img.devicePixelRatio()
    top, bottom = round(lanes_top(style) * r), round((view.height() - footer_height(style)) * r)
    assert len(view.labelled_events()) > 40
    assert not purple_rows(img, top, bottom)  # no line runs down through the lanes' labels
    assert purple_rows(img, 0, top)  # the marks are there, between the axis and the lanes


def test_export_action_writes_png_and_svg(view, qtbot, tmp_path):
    view.set_events(news_like(), DOCS)
    paint(view)
    written = []
    view.image_exported.connect(written.append)
    for name in ("visible.png", "visible.svg"):
        view.export_action.trigger()
        (dlg,) = [d for d in view.findChildren(QFileDialog) if d.isVisible()]
        dlg.selectFile(str(tmp_path / name))
        dlg.accept()
        qtbot.waitUntil(lambda n=name: any(w.endswith(n) for w in written), timeout=2000)
    png, svg = tmp_path / "visible.png", tmp_path / "visible.svg"
    img = QImage(str(png))
    assert not img.isNull() and img.width() >= view.width()
    root = ET.parse(svg).getroot()
    assert root.tag.endswith("svg")
    texts = "".join(el.text or "" for el in root.iter() if el.tag.endswith("text"))
    assert "Apple event number" in texts and "2008" in texts


def test_pictures_are_made_without_a_widget(qtbot, tmp_path):
    items, _ = build_items(news_like())
    layout = build_layout(items)
    focus = layout.focus()
    scene = Scene(layout, TimeScale.fitting(focus.start, focus.end, 900))
    font, palette = QFont(), QApplication.palette()
    png = save_timeline(scene, tmp_path / "t.png", 900, 400, font, palette)
    svg = save_timeline(scene, tmp_path / "t.svg", 900, 400, font, palette, title="Apple")
    assert QImage(str(png)).size().width() == 900
    assert b"Apple event number" in svg.read_bytes()
    assert png.stat().st_size > 2000
    with pytest.raises(InputError, match=r"png, \.svg or \.html"):
        save_timeline(scene, tmp_path / "t.gif", 900, 400, font, palette)
    with pytest.raises(InputError, match="Could not write"):
        save_timeline(scene, tmp_path / "missing" / "t.svg", 900, 400, font, palette)


def test_the_window_offers_the_timeline_commands_while_the_timeline_is_shown(
    qtbot, seeded_db, tmp_path
):
    from PySide6.QtTest import QTest

    from dateline.ui.main_window import MainWindow

    win = MainWindow(seeded_db, offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.resize(1500, 1000)
    win.show()
    qtbot.waitUntil(
        lambda: win.ready and bool(win.documents) and win.runner.is_idle(), timeout=10000
    )
    try:
        view_menu = win.actions_.menus["V&iew"]
        assert win.timeline.fit_action in view_menu.actions()
        assert win.timeline.export_action in view_menu.actions()
        assert not win.timeline.export_action.isEnabled()  # the table is shown
        QTest.keyClick(win.table, Qt.Key.Key_2, Qt.KeyboardModifier.ControlModifier)
        qtbot.waitUntil(lambda: win.timeline.labelled_events() != [], timeout=5000)
        assert win.timeline.export_action.isEnabled()
        a, b = win.timeline.visible_range()  # opened on the seeds' events: H1 2024 to 2025
        assert a <= dt.date(2024, 1, 1) and b >= dt.date(2025, 12, 31) and (b - a).days < 800
        win.timeline.export_action.trigger()
        (dlg,) = [d for d in win.timeline.findChildren(QFileDialog) if d.isVisible()]
        dlg.selectFile(str(tmp_path / "seeds.svg"))
        dlg.accept()
        assert "NATO" in (tmp_path / "seeds.svg").read_text(encoding="utf-8")
        qtbot.waitUntil(lambda: win.runner.is_idle(), timeout=5000)
    finally:
        win.close()


def test_the_first_row_picked_by_the_window_does_not_pull_the_view_to_an_outlier(qtbot):
    v = TimelineView()
    qtbot.addWidget(v)
    v.resize(1200, 420)
    v.select_event(200)  # the earliest event (1955), picked while the timeline tab is hidden
    v.show()
    qtbot.waitExposed(v)
    v.set_events(news_like(), DOCS)
    assert v.visible_range()[0].year >= 2003  # the view opens on the news, not on 1955
    v.grab()
    assert ("before", 6) in {(c.kind, c.count) for _, c in v.count_chips()}
    v.select_event(201)  # picked while shown: brought into view
    assert v.visible_range()[0] <= dt.date(1968, 1, 1) <= v.visible_range()[1]


def test_a_dropped_view_is_freed_at_once_not_by_the_garbage_collector(qtbot):
    # the collector may run in a worker thread, and a widget deleted there crashes the process
    import gc
    import weakref

    v = TimelineView()
    v.resize(900, 300)
    v.show()
    v.set_events(crowded(), DOCS)
    v.grab()
    rect, chip = next((r, c) for r, c in v.count_chips() if c.kind == "bucket")
    v.open_chip(rect, chip).close()
    v.zoom(2.0)
    v.grab()
    v.close()
    gone = weakref.ref(v)
    gc.disable()
    try:
        del v, rect, chip
        assert gone() is None
    finally:
        gc.enable()
