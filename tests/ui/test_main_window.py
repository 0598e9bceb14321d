"""The main window around the review: filters, order, panels, help, state, first start, screenshot."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QImage
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from dateline.core import commands as cmds
from dateline.core.store import Store
from dateline.ui.event_table import DATE, STATUS
from dateline.ui.main_window import MainWindow
from dateline.ui.settings import Settings

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def settle(qtbot, win):
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading
    )


def test_search_filters_in_sql_after_a_pause(qtbot, main_window):
    win = main_window
    total = win.model.rowCount()
    QTest.keyClick(win.table, K.Key_F, CTRL)
    assert QApplication.focusWidget() is win.filter_bar.search
    QTest.keyClicks(win.filter_bar.search, "Wiesbaden")
    with qtbot.waitSignal(win.ids_loaded, timeout=5000):
        pass
    assert 0 < win.model.rowCount() < total
    assert all(
        "Wiesbaden"
        in (win.model.record(r).title + " ".join(s.quote for s in win.model.record(r).sources))
        for r in range(win.model.rowCount())
    )
    win.filter_bar.search.clear()
    qtbot.waitUntil(lambda: win.model.rowCount() == total)


def test_status_filter_and_review_order(qtbot, main_window):
    win = main_window
    first = win.model.event_id(0)
    win.session.push(cmds.SetStatus((first,), "accepted"))
    settle(qtbot, win)
    win.filter_bar.status.setCurrentIndex(1)  # Proposed
    qtbot.waitUntil(lambda: first not in win.model.ids())
    assert all(win.model.index(r, STATUS).data() == "Proposed" for r in range(win.model.rowCount()))
    win.filter_bar.status.setCurrentIndex(0)
    settle(qtbot, win)
    win.actions_.order_doubt.trigger()
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert win.model.ids() == s.event_ids(win.events.filter, "doubt")
    assert win.filter_bar.current_order() == "doubt"


def test_j_k_move_and_enter_opens_the_source(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Home, CTRL)
    QTest.keyClick(win.table, K.Key_J)
    QTest.keyClick(win.table, K.Key_J)
    assert win.table.currentIndex().row() == 2
    QTest.keyClick(win.table, K.Key_K)
    assert win.table.currentIndex().row() == 1
    ev = win.model.record(1)
    QTest.keyClick(win.table, K.Key_Return)
    qtbot.waitUntil(lambda: win.article.current_document_id() == ev.sources[0].document_id)
    assert win.editor.event_record().id == ev.id


def test_merge_with_next_similar_after_a_split(qtbot, main_window):
    win = main_window
    with Store.open(win.db_path) as s:
        big = next(e for e in s.events(s.event_ids()) if e.value == "2024-H1")
    assert len(big.sources) == 2
    win.session.push(cmds.SplitEvent(big.id, (big.sources[-1].id,)))
    settle(qtbot, win)
    n = win.model.rowCount()
    win.select_event(big.id)
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_M)
    settle(qtbot, win)
    assert win.model.rowCount() == n - 1
    with Store.open(win.db_path) as s:
        assert len(s.event(big.id).sources) == len(big.sources)


def test_f1_and_question_mark_list_every_shortcut(qtbot, main_window):
    win = main_window
    for key_, text in ((K.Key_F1, ""), (K.Key_Question, "?")):
        win.activateWindow()
        qtbot.waitUntil(win.isActiveWindow)
        QTest.keyClick(win.table, key_, Qt.KeyboardModifier.NoModifier)
        sheet = win.findChild(QDialog, "shortcut_sheet")
        assert sheet is not None and sheet.isVisible(), text
        sheet.close()
        qtbot.waitUntil(lambda: win.findChild(QDialog, "shortcut_sheet") is None)


def test_delete_in_a_combo_box_does_not_delete_an_event(qtbot, main_window):
    win = main_window
    n = win.model.rowCount()
    win.editor.status_combo.setFocus()
    QTest.keyClick(win.editor.status_combo, K.Key_Delete)
    QTest.keyClick(win.editor.status_combo, K.Key_A)
    settle(qtbot, win)
    assert win.model.rowCount() == n
    assert win.session.stack.count() == 0


def test_state_persists_between_sessions(qtbot, seeded_db):
    settings = Settings()
    win = MainWindow(seeded_db, settings, offer_seeds=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready)
    sizes = [s * 2 for s in win.main_split.sizes()]
    sizes[1] = 5 * sizes[0]
    win.main_split.setSizes(sizes)
    wanted = win.main_split.sizes()
    win.actions_.order_document.trigger()
    win.close()
    assert settings.last_db() == seeded_db.resolve()
    assert settings.recent_dbs()[0] == seeded_db.resolve()

    again = MainWindow(seeded_db, Settings(), offer_seeds=False)
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.ready)
    assert again.main_split.sizes() == wanted
    assert again.events.order == "document"
    again.close()


def test_settings_upgrade_from_version_1(qtbot):
    s = Settings()
    s.qsettings.clear()
    s.qsettings.setValue("version", 1)
    s.qsettings.setValue("database", "/data/old.db")
    s = Settings(s.qsettings)
    assert str(s.last_db()) == "/data/old.db"
    assert int(s.qsettings.value("version")) == 2


def test_empty_database_offers_the_samples_once(qtbot, tmp_path):
    win = MainWindow(tmp_path / "empty.db")
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "seed_offer") is not None)
    box = win.findChild(QMessageBox, "seed_offer")
    QTest.keyClick(box, K.Key_Escape)
    qtbot.waitUntil(lambda: not box.isVisible())
    assert win.documents == {}
    win.close()
    again = MainWindow(tmp_path / "empty.db")
    qtbot.addWidget(again)
    again.show()
    qtbot.waitUntil(lambda: again.ready)
    qtbot.wait(50)
    assert again.findChild(QMessageBox, "seed_offer") is None
    again.close()


def test_screenshot_command_writes_the_window(qtbot, seeded_db, tmp_path, monkeypatch):
    import sys

    from dateline.app import main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)  # main() installs its own

    png = tmp_path / "shot.png"
    with Store.open(seeded_db) as s:
        eid = s.event_ids()[3]
    assert main(["--db", str(seeded_db), "--screenshot", str(png), "--select-event", str(eid)]) == 0
    img = QImage(str(png))
    assert img.width() > 600 and img.height() > 400


def test_dates_read_at_their_precision_in_the_window(qtbot, main_window):
    labels = {main_window.model.index(r, DATE).data() for r in range(main_window.model.rowCount())}
    assert {"H1 2024", "Jul 2024", "Thu 17 - Fri 18 Oct 2024"} <= labels


def test_header_sort_runs_in_sql(qtbot, main_window):
    from dateline.ui.event_table import TITLE

    win = main_window
    win.table.horizontalHeader().setSortIndicator(TITLE, Qt.SortOrder.DescendingOrder)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert win.model.ids() == s.event_ids(win.events.filter, "-title")
    assert win.events.order == "-title"


def test_open_database_switches_windows_and_remembers_recent(qtbot, main_window, tmp_path):
    other = tmp_path / "other.db"
    new = main_window.open_database(other)  # deletes itself on close
    qtbot.waitUntil(lambda: new.ready)
    assert not main_window.isVisible()
    assert new.db_path == other
    assert main_window.settings.recent_dbs()[:2] == [other.resolve(), main_window.db_path.resolve()]
    from dateline.ui.window_chrome import OPEN_WINDOWS

    new.close()
    qtbot.waitUntil(lambda: new not in OPEN_WINDOWS)


def test_date_range_and_document_filters(qtbot, main_window):
    win = main_window
    QTest.keyClicks(win.filter_bar.date_from, "2024-10")
    QTest.keyClicks(win.filter_bar.date_to, "2024-10")
    win.filter_bar.apply_now()
    settle(qtbot, win)
    labels = {win.model.index(r, DATE).data() for r in range(win.model.rowCount())}
    assert "Wed 16 Oct 2024" in labels and "2024" in labels  # a year overlaps its October
    assert not labels & {"Jul 2024", "Nov 2024", "H1 2024", "2025"}
    doc_id = sorted(win.documents)[0]
    win.filter_bar.set_document(doc_id)
    settle(qtbot, win)
    assert all(
        any(s.document_id == doc_id for s in win.model.record(r).sources)
        for r in range(win.model.rowCount())
    )


def test_create_event_from_a_selected_span_is_undoable(qtbot, main_window):
    win = main_window
    doc = next(d for d in win.documents.values() if "Thursday and Friday" in d.text)
    start = doc.text.index("Thursday and Friday")
    n = win.model.rowCount()
    win.article.create_event_requested.emit(doc.id, start, start + len("Thursday and Friday"))
    settle(qtbot, win)
    assert win.model.rowCount() == n + 1
    created = win.model.record(win.table.currentIndex().row())
    assert created.origin == "analyst" and created.value == "2024-10-17"
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    assert win.model.rowCount() == n


def test_screenshot_of_one_panel_and_a_filtered_timeline(qtbot, seeded_db, tmp_path, monkeypatch):
    import sys

    from dateline.app import main

    monkeypatch.setattr(sys, "excepthook", sys.excepthook)
    prov, line = tmp_path / "provenance.png", tmp_path / "timeline.png"
    size = ["--size", "1400x900"]
    assert (
        main(["--db", str(seeded_db), "--screenshot", str(prov), "--panel", "provenance", *size])
        == 0
    )
    args = ["--view", "timeline", "--panel", "timeline", "--status", "proposed"]
    args += ["--range", "2024-01-01:2024-12-31"]
    assert main(["--db", str(seeded_db), "--screenshot", str(line), *args, *size]) == 0
    p, t = QImage(str(prov)), QImage(str(line))
    assert 200 < p.width() < 1400 and p.height() > 400  # the right-hand column, full height
    assert t.width() > 900  # the timeline gets the window's width
