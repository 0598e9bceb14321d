"""Undo as behaviour: do, undo, redo, and check the database and the table each time."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtTest import QTest

from dateline.core import commands as cmds
from dateline.core.store import Store
from dateline.ui import errors

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def settle(qtbot, win):
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading
    )


def statuses(win, ids):
    with Store.open(win.db_path) as s:
        return [str(e.status) for e in s.events(ids)]


def test_bulk_accept_is_one_undo_step(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Home, CTRL)
    QTest.keyClick(win.table, K.Key_Down, SHIFT)
    QTest.keyClick(win.table, K.Key_Down, SHIFT)
    ids = win.selected_event_ids()
    assert len(ids) == 3
    QTest.keyClick(win.table, K.Key_A)
    settle(qtbot, win)
    assert win.session.stack.count() == 1
    assert statuses(win, ids) == ["accepted"] * 3
    assert [win.model.record(win.model.row_of(i)).status for i in ids] == ["accepted"] * 3
    assert win.isWindowModified()

    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    assert statuses(win, ids) == ["proposed"] * 3
    assert [win.model.record(win.model.row_of(i)).status for i in ids] == ["proposed"] * 3
    assert not win.isWindowModified(), "back at the clean state"

    QTest.keyClick(win.table, K.Key_Z, CTRL | SHIFT)
    settle(qtbot, win)
    assert statuses(win, ids) == ["accepted"] * 3


def test_bulk_tag_is_one_undo_step(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Home, CTRL)
    QTest.keyClick(win.table, K.Key_Down, SHIFT)
    ids = win.selected_event_ids()
    QTest.keyClick(win.table, K.Key_T)
    assert win.tag_bar.isVisible()
    QTest.keyClicks(win.tag_bar.edit, "nato, aid")
    QTest.keyClick(win.tag_bar.edit, K.Key_Return)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert [set(e.tags) for e in s.events(ids)] == [{"nato", "aid"}] * 2
    assert win.session.stack.count() == 1
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert [e.tags for e in s.events(ids)] == [(), ()]


def test_editor_apply_of_several_fields_is_one_undo_step(qtbot, main_window):
    win = main_window
    eid = win.current_event_id()
    before = win.store.event(eid)
    win.review.apply_editor_changes(eid, {"title": "Renamed", "date": ("2024-10", None)})
    settle(qtbot, win)
    after = win.store.event(eid)
    assert (after.title, after.value) == ("Renamed", "2024-10")
    assert win.session.stack.count() == 1
    win.session.stack.undo()
    settle(qtbot, win)
    again = win.store.event(eid)
    assert (again.title, again.value) == (before.title, before.value)


def test_a_failed_write_is_explained_and_leaves_no_step(qtbot, main_window):
    win = main_window
    shown = len(errors.SHOWN)
    win.session.push(cmds.SetDate(win.current_event_id(), "not a date"))
    settle(qtbot, win)
    assert win.session.stack.count() == 0
    assert len(errors.SHOWN) == shown + 1
    assert "not a date" in errors.SHOWN[-1][0]
    assert "not a date" in win.statusBar().currentMessage()


def test_typing_in_the_editor_survives_the_previous_write(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Home, CTRL)
    QTest.keyClick(win.table, K.Key_A)  # accept row 0; the selection moves on at once
    QTest.keyClick(win.table, K.Key_E)
    QTest.keyClicks(win.editor.title_edit, "Draft title")
    settle(qtbot, win)  # the accept of row 0 lands now
    assert win.editor.title_edit.text() == "Draft title"
    assert win.editor.changes() == {"title": "Draft title"}


def test_undo_reaches_the_store_after_garbage_collection(qtbot, main_window):
    import gc

    win = main_window
    ids = win.model.ids()[:4]
    for eid in ids:
        win.session.push(cmds.SetStatus((eid,), "rejected"))
    win.session.push_many([cmds.SetNote(ids[0], "n"), cmds.AddTags((ids[0],), ("t",))], "Edit")
    settle(qtbot, win)
    gc.collect()
    for _ in range(5):
        win.session.stack.undo()
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        evs = s.events(ids)
    assert [str(e.status) for e in evs] == ["proposed"] * 4
    assert (evs[0].notes, evs[0].tags) == ("", ())


def test_undo_returns_to_the_event_it_restores(qtbot, main_window):
    win = main_window
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_Home, CTRL)
    first = win.current_event_id()
    QTest.keyClick(win.table, K.Key_X)
    QTest.keyClick(win.table, K.Key_A)
    settle(qtbot, win)
    assert win.current_event_id() != first
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    assert win.current_event_id() == first
    assert statuses(win, [first]) == ["proposed"]


def test_closing_right_after_an_edit_keeps_it(qtbot, main_window):
    win = main_window
    ids = win.model.ids()[:2]
    win.session.push(cmds.SetStatus(tuple(ids), "accepted"))
    win.session.push(cmds.SetNote(ids[0], "written just before closing"))
    win.close()  # no waiting: the queued writes must still land
    with Store.open(win.db_path) as s:
        evs = s.events(ids)
    assert [str(e.status) for e in evs] == ["accepted", "accepted"]
    assert evs[0].notes == "written just before closing"


def test_a_multi_field_edit_with_a_bad_part_leaves_nothing_half_done(qtbot, main_window):
    win = main_window
    eid = win.current_event_id()
    before = win.store.event(eid)
    win.review.apply_editor_changes(eid, {"title": "Half", "date": ("2024-13-45", None)})
    settle(qtbot, win)
    after = win.store.event(eid)
    assert (after.title, after.value) == (before.title, before.value)
    assert win.session.stack.count() == 0
