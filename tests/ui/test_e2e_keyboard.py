"""End to end with the keyboard on the real MainWindow: one publication date for two documents (F2),
Enter and Escape in the editor, and an event created from a sloppy selection (C)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest

from dateline.core.store import Store
from dateline.core.typed_dates import field_text
from dateline.ui.published_dialog import PublishedDateDialog

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def settle(qtbot, win):
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading,
        timeout=10000,
    )


def stored_docs(win):
    with Store.open(win.db_path) as s:
        return {d.id: d for d in s.documents()}


def test_f2_sets_one_typed_date_on_two_documents_as_one_step(qtbot, main_window):
    win = main_window
    before = stored_docs(win)
    seen: dict[str, str] = {}

    def answer():
        dialog = win.findChild(PublishedDateDialog)
        if dialog is None or not dialog.isVisible():
            QTimer.singleShot(20, answer)
            return
        seen["intro"] = dialog.findChildren(type(dialog.reading))[0].text()
        dialog.date_edit.selectAll()
        QTest.keyClicks(dialog.date_edit, "Thu 24 Oct 2024")
        seen["reading"] = dialog.reading.text()
        QTest.keyClick(dialog.date_edit, K.Key_Return)  # Enter: the dialog's OK
        if dialog.isVisible():  # never leave a modal loop running
            dialog.reject()

    panel = win.documents_panel
    panel.view.setFocus()
    QTest.keyClick(panel.view, K.Key_A, CTRL)  # both documents
    assert len(panel.selected_document_ids()) == 2
    QTimer.singleShot(0, answer)
    QTest.keyClick(panel.view, K.Key_F2)
    settle(qtbot, win)
    assert "2 documents" in seen["intro"]
    assert "Thu 24 Oct 2024" in seen["reading"], "the field's reading is shown as typed"
    after = stored_docs(win)
    assert {d.published for d in after.values()} == {dt.date(2024, 10, 24)}
    assert {d.published_source for d in after.values()} == {"analyst"}
    assert win.session.stack.count() == 1, "two documents, one undoable step"

    win.activateWindow()  # offscreen, the window is not re-activated when the dialog closes
    qtbot.waitUntil(win.isActiveWindow)
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    assert {i: d.published for i, d in stored_docs(win).items()} == {
        i: d.published for i, d in before.items()
    }


def test_enter_applies_a_title_and_escape_returns_to_the_list(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Home, CTRL)
    first = win.current_event_id()
    QTest.keyClick(win.table, K.Key_E)
    assert win.editor.title_edit.hasFocus()
    QTest.keyClicks(win.editor.title_edit, "Ministers meet in Brussels")
    QTest.keyClick(win.editor.title_edit, K.Key_Return)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert s.event(first).title == "Ministers meet in Brussels"
    assert win.table.hasFocus(), "Enter hands the keyboard back to the list"

    # D, a half-typed date, Escape: nothing stored, and J J J move instead of typing "jjj".
    QTest.keyClick(win.table, K.Key_D)
    assert win.editor.value_edit.hasFocus()
    QTest.keyClicks(win.editor.value_edit, "2004-10")
    QTest.keyClick(win.editor.value_edit, K.Key_Escape)
    assert win.table.hasFocus()
    for _ in range(3):
        QTest.keyClick(win.table, K.Key_J)
    settle(qtbot, win)
    assert win.table.currentIndex().row() == 3
    shown = win.editor.event_record()
    assert shown is not None and shown.id == win.current_event_id()
    assert win.editor.value_edit.text() == field_text(shown.value)
    assert "j" not in win.editor.value_edit.text()
    assert win.session.stack.count() == 1, "only the title edit was stored"


def test_c_makes_a_proposed_whole_word_event_dated_by_its_sentence(qtbot, main_window):
    win = main_window
    doc = next(d for d in win.documents.values() if "ministers’ meeting on Thursday" in d.text)
    win.article_sync.show(doc)
    qtbot.waitUntil(lambda: win.article.current_document_id() == doc.id)
    n = win.model.rowCount()
    start = doc.text.index("apan, South Korea")  # a drag that starts inside "Japan"
    end = doc.text.index("New Zealand") + len("New Zeal")
    editor = win.article.editor
    cursor = editor.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(end, QTextCursor.MoveMode.KeepAnchor)
    editor.setTextCursor(cursor)
    editor.setFocus()
    QTest.keyClick(editor, K.Key_C)
    settle(qtbot, win)
    assert win.model.rowCount() == n + 1
    created = win.model.record(win.table.currentIndex().row())
    assert created.title == "Japan, South Korea, Australia and New Zealand"
    assert str(created.status) == "proposed", "like every other event, until reviewed"
    assert created.value == "2024-10-17", "dated by the sentence's 'Thursday'"
    assert editor.toPlainText() == doc.text, "C typed nothing into the article"
