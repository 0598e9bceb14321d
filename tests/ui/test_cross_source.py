"""Cross-source review in the real main window: selection sync between timeline, table, editor and
article; merge suggestions (M, Shift+M, Not the same, Ctrl+Z); merge then split; re-dating a source."""

from __future__ import annotations

import dataclasses

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QTextCursor
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QPushButton

from dateline.core import commands as cmds
from dateline.core import services
from dateline.core.store import Store
from dateline.ui.event_table import DATE
from dateline.ui.main_window import MainWindow
from dateline.ui.provenance_panel import HTML_ROLE
from dateline.ui.redate_dialog import RedateSourceDialog

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def settle(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading,
        timeout=10000,
    )


def all_events(path) -> dict[int, object]:
    with Store.open(path) as s:
        return {e.id: e for e in s.events(s.event_ids())}


def unversioned(ev):
    return dataclasses.replace(ev, version=0, updated_at="")


def by_value(path, value: str):
    return next(e for e in all_events(path).values() if e.value == value)


@pytest.fixture
def split_db(seeded_db):
    """The seeds with the H1 commitments split back into its two reports: a merge suggestion."""
    with Store.open(seeded_db) as s:
        big = next(e for e in s.events(s.event_ids()) if e.value == "2024-H1")
        assert len(big.sources) == 2
        s.apply(cmds.SplitEvent(big.id, (big.sources[-1].id,)))
    return seeded_db


@pytest.fixture
def split_window(qtbot, split_db):
    win = MainWindow(split_db, offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready and bool(win.documents), timeout=10000)
    settle(qtbot, win)
    yield win
    win.close()


def h1_pair(path) -> tuple[int, int]:
    ids = sorted(e.id for e in all_events(path).values() if e.value == "2024-H1")
    assert len(ids) == 2
    return ids[0], ids[1]


# ---- selection sync ----
def test_selection_syncs_between_timeline_table_editor_and_article(qtbot, main_window):
    win = main_window
    QTest.keyClick(win.table, K.Key_2, CTRL)  # View > Timeline
    assert win.views.currentWidget() is win.timeline
    events = all_events(win.db_path)

    def drawn():
        """An event the timeline shows on its own (not in a cluster), other than the selected."""
        return next(
            (
                e
                for e in events.values()
                if e.id != win.current_event_id() and win.timeline.event_rect(e.id) is not None
            ),
            None,
        )

    qtbot.waitUntil(lambda: drawn() is not None, timeout=5000)
    target = drawn()
    rect = win.timeline.event_rect(target.id)
    qtbot.mouseClick(win.timeline, Qt.MouseButton.LeftButton, pos=rect.center().toPoint())
    # timeline -> table, editor, provenance, article
    assert win.current_event_id() == target.id
    assert win.editor.event_record().id == target.id
    assert win.provenance.shown_event().id == target.id
    qtbot.waitUntil(
        lambda: win.article.current_document_id() in {s.document_id for s in target.sources},
        timeout=5000,
    )
    # table -> timeline
    QTest.keyClick(win.table, K.Key_1, CTRL)
    row = next(r for r in range(win.model.rowCount()) if win.model.event_id(r) != target.id)
    other = win.model.event_id(row)
    win.table.setFocus()
    win.select_row(row)
    QTest.keyClick(win.table, K.Key_2, CTRL)
    assert win.timeline.selected_event() == other
    assert win.editor.event_record().id == other


def test_clicking_a_date_in_the_article_selects_its_event(qtbot, main_window):
    win = main_window
    events = all_events(win.db_path)
    press = next(e for e in events.values() if e.value == "2024-10-16" and len(e.sources) >= 4)
    h1 = next(e for e in events.values() if e.value == "2024-H1")
    win.select_event(press.id)
    src = next(s for s in h1.sources if s.document_id in {p.document_id for p in press.sources})
    qtbot.waitUntil(lambda: win.article.current_document_id() == src.document_id, timeout=5000)
    qtbot.waitUntil(lambda: win.article.timex_at(src.timex_start) is not None, timeout=5000)
    editor = win.article.editor
    cursor = QTextCursor(editor.document())
    cursor.setPosition(win.article._u16.to_utf16(src.timex_start + 1))
    editor.setTextCursor(cursor)
    editor.ensureCursorVisible()
    pos = editor.cursorRect(cursor).center()
    qtbot.mouseClick(editor.viewport(), Qt.MouseButton.LeftButton, pos=pos)
    qtbot.waitUntil(lambda: win.current_event_id() == h1.id, timeout=5000)
    assert win.editor.event_record().id == h1.id
    assert win.provenance.shown_event().id == h1.id


def test_keys_zoom_and_pan_the_timeline_in_the_window(qtbot, main_window):
    win = main_window
    QTest.keyClick(win.table, K.Key_2, CTRL)
    qtbot.waitUntil(lambda: bool(win.events.timeline_event_count()), timeout=5000)
    win.timeline.setFocus()
    a0, b0 = win.timeline.visible_range()
    QTest.keyClick(win.timeline, K.Key_Plus)
    a1, b1 = win.timeline.visible_range()
    assert (b1 - a1) < (b0 - a0)
    QTest.keyClick(win.timeline, K.Key_Right)
    a2, b2 = win.timeline.visible_range()
    assert a2 > a1 and abs((b2 - a2).days - (b1 - a1).days) <= 1


# ---- merging ----
def test_m_merges_with_the_suggestion_and_split_restores_the_events_exactly(qtbot, split_window):
    win = split_window
    before = all_events(win.db_path)
    a, b = h1_pair(win.db_path)
    win.select_event(a)
    # the bar may still show the suggestions of the event selected before: wait for a's
    qtbot.waitUntil(lambda: win.merge_bar.suggestions()[:1] == [b], timeout=5000)
    assert win.merge_bar.isVisible()
    text = win.merge_bar.findChild(QPushButton, "merge_suggestion_merge").text()
    assert "(M)" in text
    qtbot.waitUntil(lambda: "merge suggestion" in win.counts_label.text(), timeout=5000)
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_M)
    settle(qtbot, win)
    merged = all_events(win.db_path)
    assert set(merged) == set(before) - {b}
    assert len(merged[a].sources) == 2
    assert not win.merge_bar.isVisible()
    win.select_event(a)
    win.actions_.split.trigger()
    settle(qtbot, win)
    after = all_events(win.db_path)
    assert set(after) == set(before)
    # every field, ids and sources included; only the row's edit counter and time move on
    assert {i: unversioned(e) for i, e in after.items()} == {
        i: unversioned(e) for i, e in before.items()
    }
    with Store.open(win.db_path) as s:
        actions = [h.action for h in s.history(a)]
    assert "merge" in actions and "split" in actions


def test_not_the_same_hides_the_suggestion_and_ctrl_z_brings_it_back(qtbot, split_window):
    win = split_window
    a, b = h1_pair(win.db_path)
    win.select_event(a)
    qtbot.waitUntil(lambda: win.merge_bar.suggestions() == [b], timeout=5000)
    qtbot.waitUntil(lambda: win.merge_review.suggestion_total >= 1, timeout=5000)
    total = win.merge_review.suggestion_total
    qtbot.mouseClick(
        win.merge_bar.findChild(QPushButton, "merge_suggestion_dismiss"), Qt.MouseButton.LeftButton
    )
    settle(qtbot, win)
    qtbot.waitUntil(lambda: not win.merge_bar.isVisible(), timeout=5000)
    qtbot.waitUntil(lambda: win.merge_review.suggestion_total == total - 1, timeout=5000)
    with Store.open(win.db_path) as s:
        assert all({a, b} != {x, y} for x, y, _ in services.merge_suggestions(s))
    # M now finds nothing to merge with
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_M)
    settle(qtbot, win)
    assert len(all_events(win.db_path)) == len(set(all_events(win.db_path)))
    assert b in all_events(win.db_path)
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    win.select_event(a)
    qtbot.waitUntil(lambda: win.merge_bar.suggestions() == [b], timeout=5000)
    qtbot.waitUntil(lambda: win.merge_review.suggestion_total == total, timeout=5000)


def test_shift_m_selects_the_next_event_having_a_suggestion(qtbot, split_window):
    win = split_window
    a, b = h1_pair(win.db_path)
    start = next(r for r in range(win.model.rowCount()) if win.model.event_id(r) not in (a, b))
    win.select_row(start)
    win.table.setFocus()
    QTest.keyClick(win.table, K.Key_M, SHIFT)
    qtbot.waitUntil(lambda: win.current_event_id() in (a, b), timeout=5000)


# ---- conflicts and provenance ----
def test_redating_one_source_flags_a_conflict_shown_side_by_side(qtbot, qtmodeltester, main_window):
    win = main_window
    press = next(
        e
        for e in all_events(win.db_path).values()
        if e.value == "2024-10-16"
        and len({s.document_id for s in e.sources}) == 2
        and len(e.sources) >= 4
    )
    win.select_event(press.id)
    assert "date-conflict" not in press.flags
    assert not win.editor.readings_row.isVisibleTo(win)
    view = win.provenance.sources_view
    view.setCurrentIndex(win.provenance.source_model.index(1, 0))
    src = win.provenance.current_source()
    menu = win.provenance.context_menu(win.provenance.source_model.index(1, 0))
    redate = next(a for a in menu.actions() if "Re-date" in a.text())
    redate.trigger()
    menu.deleteLater()
    dialog = win.findChild(RedateSourceDialog)
    assert dialog is not None and dialog.source.id == src.id
    qtbot.waitUntil(lambda: QApplication.activeWindow() is dialog, timeout=5000)
    dialog.value_edit.selectAll()
    QTest.keyClicks(dialog.value_edit, "31 Feb 2024")
    assert "only 29 days" in dialog.reading.text()
    dialog.value_edit.selectAll()
    QTest.keyClicks(dialog.value_edit, "17 Oct 2024")
    QTest.keyClick(dialog.value_edit, K.Key_Return)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        ev = s.event(press.id)
    assert "date-conflict" in ev.flags
    assert ev.value == press.value  # the event's own date is unchanged
    assert next(x for x in ev.sources if x.id == src.id).value == "2024-10-17"
    qtbot.waitUntil(lambda: win.editor.readings_row.isVisibleTo(win), timeout=5000)
    readings = win.editor.readings_row.text()
    assert "Wed 16 Oct 2024" in readings and "Thu 17 Oct 2024" in readings
    row = win.model.row_of(press.id)
    assert win.model.index(row, DATE).data(Qt.ItemDataRole.DecorationRole) is not None
    assert "disagree" in win.model.index(row, DATE).data(Qt.ItemDataRole.ToolTipRole)
    rich = win.provenance.source_model.index(1, 0).data(HTML_ROLE)
    assert "re-dated by the analyst" in rich
    qtmodeltester.check(win.model)  # the warning mark is a valid decoration
    qtmodeltester.check(win.provenance.source_model)
    # clicking a reading makes it the event's date at once, as one undoable step
    win.editor.readings_row.linkActivated.emit("1")  # Thu 17 Oct 2024
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert s.event(press.id).value == "2024-10-17"
    win.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is win, timeout=5000)
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert s.event(press.id).value == press.value
    # undo takes the conflict away
    QTest.keyClick(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    with Store.open(win.db_path) as s:
        assert "date-conflict" not in s.event(press.id).flags


def test_each_source_explains_its_date(qtbot, main_window):
    win = main_window
    press = next(
        e
        for e in all_events(win.db_path).values()
        if e.value == "2024-10-16" and len(e.sources) >= 4
    )
    win.select_event(press.id)

    def explained() -> bool:
        rich = str(win.provenance.source_model.index(0, 0).data(HTML_ROLE))
        return "Explain this date:" in rich and "Wed 16 Oct 2024" in rich

    qtbot.waitUntil(explained, timeout=5000)
    assert "2 independent documents" in win.provenance.summary_label.text()
