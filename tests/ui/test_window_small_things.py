"""What an analyst meets in the first hour, on the real MainWindow: the title bar, F1, the Undo
button, one error per failure, the article header after a date is set, search marks, a cancelled
import, and a read-only project."""

from __future__ import annotations

import datetime as dt
import shutil

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QToolButton

from dateline.core import commands as cmds
from dateline.core.store import EventFilter, Store
from dateline.ui import errors, theme
from dateline.ui.main_window import MainWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def settle(qtbot, win):
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading,
        timeout=10000,
    )


def test_no_unsaved_marker_when_everything_is_saved(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_A)
    settle(qtbot, win)
    assert "*" not in win.windowTitle() and "[*]" not in win.windowTitle()
    assert win.windowTitle() == f"{win.db_path.name} — Dateline"


def test_f1_lists_create_set_date_and_apply(qtbot, main_window):
    sheet = main_window.chrome.show_shortcuts()
    rows = {}
    for g in range(sheet.tree.topLevelItemCount()):
        group = sheet.tree.topLevelItem(g)
        for c in range(group.childCount()):
            rows[group.child(c).text(0)] = group.child(c).text(1)
    sheet.close()
    assert rows["Create Event from Selection"] == "C"
    assert rows["Set Publication Date…"] == "F2"
    assert rows["Apply Event Changes"].startswith("Ctrl+Return")
    assert rows["Revert Event Changes"] == "Esc"
    assert "Next Date in Article" in rows


def test_a_long_undo_text_does_not_push_the_toolbar(qtbot, main_window):
    win = main_window
    toolbar = win.actions_.toolbar
    before = toolbar.sizeHint().width()
    doc = sorted(win.documents)[0]
    win.session.push(cmds.SetPublished(doc, dt.date(2024, 10, 23)))
    settle(qtbot, win)
    undo = win.actions_.undo
    full = "Undo Set publication date of document 1 to 2024-10-23"
    assert undo.text().replace("&", "") == full, "the menu keeps the whole text"
    assert full in undo.toolTip(), "the tooltip holds it too"
    assert undo.iconText() != full and undo.iconText().endswith("…")
    assert toolbar.sizeHint().width() - before < toolbar.fontMetrics().horizontalAdvance("M") * 10
    button = next(b for b in toolbar.findChildren(QToolButton) if b.defaultAction() is undo)
    assert button.sizeHint().width() < toolbar.fontMetrics().horizontalAdvance("M") * 18


def test_one_ctrl_z_after_a_write_error_shows_one_dialog(qtbot, main_window):
    win = main_window
    eid = win.current_event_id()
    # One editor Apply of three fields: three commands in one undo step.
    win.review.apply_editor_changes(
        eid, {"title": "Edited here", "notes": "mine", "status": "accepted"}
    )
    settle(qtbot, win)
    with Store.open(win.db_path) as other:  # someone else changes the event meanwhile
        other.apply(cmds.SetNote(eid, "theirs"))
    shown = len(errors.SHOWN)
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    assert len(errors.SHOWN) == shown + 1, errors.SHOWN[shown:]
    assert len([b for b in errors._OPEN if b.isVisible()]) == 1
    assert "was changed since" in errors.SHOWN[-1][0]


def test_the_article_header_stops_warning_once_a_date_is_set(qtbot, main_window):
    win = main_window
    doc = sorted(win.documents)[0]
    win.session.push(cmds.SetPublished(doc, None))
    settle(qtbot, win)
    win.article_sync.show(win.documents[doc])
    qtbot.waitUntil(lambda: "No publication date" in win.article.meta_label.text())
    win.dates.set_date([win.documents[doc]], dt.date(2024, 10, 16))
    settle(qtbot, win)
    qtbot.waitUntil(lambda: win.documents[doc].published == dt.date(2024, 10, 16))
    qtbot.waitUntil(lambda: "Published" in win.article.meta_label.text())
    assert "No publication date" not in win.article.meta_label.text()
    assert "set by the analyst" in win.article.meta_label.text()


def test_search_marks_its_words_in_the_table_and_the_article(qtbot, main_window):
    win = main_window
    win.filter_bar.search.setText("Rutte")
    win.filter_bar.apply_now()
    settle(qtbot, win)
    assert win.model.rowCount() > 0
    assert win.title_delegate.words() == ("rutte",)
    row = next(r for r in range(win.model.rowCount()) if "Rutte" in win.model.record(r).title)
    win.select_row(row)
    win.table.viewport().repaint()
    image = win.table.viewport().grab().toImage()
    fill = theme.search_fill(win.table.palette()).rgb()
    marked = sum(
        1
        for x in range(0, image.width(), 2)
        for y in range(0, image.height(), 2)
        if image.pixel(x, y) == fill
    )
    assert marked > 20, "the word is marked in the titles"
    qtbot.waitUntil(lambda: bool(win.article.search_spans()))
    text = win.article._doc.text
    assert {text[a:b].lower() for a, b in win.article.search_spans()} == {"rutte"}
    win.filter_bar.search.clear()
    win.filter_bar.apply_now()
    settle(qtbot, win)
    assert win.article.search_spans() == [] and win.title_delegate.words() == ()


def test_a_cancelled_import_leaves_the_window_showing_what_was_stored(
    qtbot, main_window, seeds_dir, tmp_path
):
    win = main_window
    folder = tmp_path / "more"
    folder.mkdir()
    for i, src in enumerate(sorted(seeds_dir.glob("*.txt"))):
        text = src.read_text(encoding="utf-8")
        (folder / f"copy-{i}.txt").write_text(text + f"\nRevised edition {i}.\n", encoding="utf-8")
    task = win.jobs.start_import([folder])

    def cancel_at_the_end(done: int, total: int, _text: str) -> None:
        if done == total:  # the import's last word: the cancel lands after every commit
            task.cancel()

    task.signals.progressed.connect(cancel_at_the_end, Qt.ConnectionType.DirectConnection)
    settle(qtbot, win)
    qtbot.waitUntil(lambda: win.jobs.job is None)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        stored_docs = {d.id for d in s.documents()}
        stored_events = s.count_events(EventFilter())
    assert len(stored_docs) == 4, "both copies were committed before the cancel"
    qtbot.waitUntil(lambda: set(win.documents) == stored_docs)
    assert win.model.rowCount() == stored_events
    assert not win.cancel_button.isVisible()


def test_a_read_only_project_opens_read_only(qtbot, seeded_db, tmp_path):
    path = tmp_path / "read-only.db"
    shutil.copy(seeded_db, path)
    win = MainWindow(path, offer_seeds=False, restore_state=False, readonly=True)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready and bool(win.documents) and win.runner.is_idle())
    try:
        assert win.readonly and "read-only" in win.windowTitle()
        assert win.mode_label.isVisible() and win.mode_label.text() == "Read-only"
        for name in ("accept", "reject", "merge", "import_files", "set_published", "undo"):
            assert not win.actions_.by_name[name].isEnabled(), name
        assert not win.editor.apply_button.isVisible()
        assert win.editor.title_edit.isReadOnly()
        shown = len(errors.SHOWN)
        before = win.model.record(win.table.currentIndex().row())
        win.table.setFocus()
        QTest.keyClick(win.table, K.Key_A)  # disabled: nothing happens, nothing fails
        assert win.review.session.push(cmds.SetNote(before.id, "x")) is None
        settle(qtbot, win)
        assert len(errors.SHOWN) == shown, "no failure on the first edit"
        assert "read-only" in win.statusBar().currentMessage()
        assert win.jobs.start_import([str(tmp_path)]) is None
        with Store.open(path) as s:
            assert s.event(before.id).status == before.status and s.event(before.id).notes == ""
    finally:
        win.close()
