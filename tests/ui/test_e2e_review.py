"""An analyst's whole session on the real MainWindow, driven with the keyboard only.

First start on an empty database -> Enter on the offer loads the sample articles (an import task) ->
A/X through every proposal (the seven gold events accepted, the rest rejected) -> D, precision and
end of the defence ministerial -> T tag -> N note -> Ctrl+Z x3, Ctrl+Shift+Z x3 -> Ctrl+E export
TimelineJS. Then a fresh Store on the file and the exported JSON must say what the keys did.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QMessageBox

from dateline.core.model import EventRecord
from dateline.core.store import Store
from dateline.ui.main_window import MainWindow

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier
SHIFT = Qt.KeyboardModifier.ShiftModifier


def gold_id(ev: EventRecord, gold: dict) -> str | None:
    """The gold event this proposal is: same date, and one of its sentences names a gold source."""
    for g in gold["events"]:
        if g["value"] != ev.value or g.get("end") != ev.end:
            continue
        phrases = [p for _doc, p in g["sources"]]
        if any(p in s.quote for s in ev.sources for p in phrases):
            return g["id"]
    return None


def key(widget, k, mod=Qt.KeyboardModifier.NoModifier):
    QTest.keyClick(widget, k, mod)


def settle(qtbot, win: MainWindow) -> None:
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading,
        timeout=20000,
    )


def current(win: MainWindow) -> EventRecord:
    ev = win.model.record(win.table.currentIndex().row())
    assert ev is not None
    return ev


@pytest.fixture
def window(qtbot, tmp_path):
    win = MainWindow(tmp_path / "review.db")
    qtbot.addWidget(win)
    win.show()
    yield win
    win.close()


def test_review_session_by_keyboard(qtbot, window, gold, tmp_path):
    win = window
    db = win.db_path

    # ---- first start: the empty database offers the sample articles; Enter says yes ----
    qtbot.waitUntil(lambda: win.findChild(QMessageBox, "seed_offer") is not None, timeout=10000)
    offer = win.findChild(QMessageBox, "seed_offer")
    qtbot.waitUntil(offer.isVisible)
    key(offer, K.Key_Return)
    qtbot.waitUntil(lambda: win.jobs.last_import_report is not None, timeout=30000)
    settle(qtbot, win)
    assert win.jobs.last_import_report.failed == ()
    n = win.model.rowCount()
    assert n >= 7

    # ---- review every proposal: A for the gold events, X for the rest ----
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    win.table.setFocus()
    key(win.table, K.Key_Home, CTRL)
    expected: dict[int, str] = {}
    for _ in range(n):
        ev = current(win)
        if ev.id in expected:
            break
        g = gold_id(ev, gold)
        expected[ev.id] = "accepted" if g else "rejected"
        key(win.table, K.Key_A if g else K.Key_X)
    settle(qtbot, win)
    assert len(expected) == n, str((expected, win.model.ids()))
    by_gold = {
        gold_id(e, gold) for e in win.store.events(list(expected)) if expected[e.id] == "accepted"
    }
    assert by_gold == {g["id"] for g in gold["events"]}, "all seven gold events were accepted"

    # ---- the defence ministerial: Month precision, no end (D, Tab, M, Tab, clear, Ctrl+Enter) ----
    ministerial = next(
        e for e in win.store.events(list(expected)) if gold_id(e, gold) == "defence-ministerial"
    )
    key(win.table, K.Key_Home, CTRL)
    for _ in range(n):
        if current(win).id == ministerial.id:
            break
        key(win.table, K.Key_J)
    assert current(win).id == ministerial.id
    key(win.table, K.Key_D)
    focused = QApplication.focusWidget()
    assert isinstance(focused, QLineEdit) and focused.text() == "2024-10-17"
    key(focused, K.Key_Tab)
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    key(combo, K.Key_M)  # keyboard search: "Month"
    key(combo, K.Key_Tab)
    end_edit = QApplication.focusWidget()
    assert isinstance(end_edit, QLineEdit)
    key(end_edit, K.Key_A, CTRL)
    key(end_edit, K.Key_Delete)
    key(end_edit, K.Key_Return, CTRL)
    settle(qtbot, win)

    # ---- a tag (T) and a note (N), each applied with Ctrl+Enter ----
    key(win.table, K.Key_T)
    QTest.keyClicks(QApplication.focusWidget(), "ministerial")
    key(QApplication.focusWidget(), K.Key_Return, CTRL)
    settle(qtbot, win)
    key(win.table, K.Key_N)
    QTest.keyClicks(QApplication.focusWidget(), "First with Japan, South Korea, Australia and NZ")
    key(QApplication.focusWidget(), K.Key_Return, CTRL)
    settle(qtbot, win)

    def ministerial_now() -> EventRecord:
        with Store.open(db) as s:
            return s.event(ministerial.id)

    done = ministerial_now()
    assert (done.value, done.end) == ("2024-10", None)
    assert done.tags == ("ministerial",)
    assert done.notes == "First with Japan, South Korea, Australia and NZ"

    # ---- undo three steps, then redo them ----
    assert win.isWindowModified()
    for _ in range(3):
        key(win.table, K.Key_Z, CTRL)
    settle(qtbot, win)
    undone = ministerial_now()
    assert (undone.value, undone.end, undone.tags, undone.notes) == (
        "2024-10-17",
        "2024-10-18",
        (),
        "",
    )
    assert win.model.record(win.model.row_of(ministerial.id)).value == "2024-10-17"
    for _ in range(3):
        key(win.table, K.Key_Z, CTRL | SHIFT)
    settle(qtbot, win)
    redone = ministerial_now()
    assert (redone.value, redone.end, redone.tags, redone.notes) == (
        done.value,
        done.end,
        done.tags,
        done.notes,
    )
    assert win.model.record(win.model.row_of(ministerial.id)).tags == ("ministerial",)

    # ---- export TimelineJS (Ctrl+E, choose the format, type the path, Enter) ----
    out = tmp_path / "timeline.json"
    export_timelinejs(qtbot, win, out)
    settle(qtbot, win)
    assert win.jobs.last_export and Path(win.jobs.last_export[0]) == out

    # ---- what the database says ----
    with Store.open(db) as s:
        final = {e.id: e for e in s.events(s.event_ids())}
    decided = {
        eid: ("accepted" if str(e.status) in ("accepted", "edited") else str(e.status))
        for eid, e in final.items()
    }
    assert decided == expected
    assert final[ministerial.id].tags == ("ministerial",)

    # ---- what the export says ----
    data = json.loads(out.read_text(encoding="utf-8"))
    slides = data["events"]
    assert len(slides) == 7
    headlines = " ".join(json.dumps(s) for s in slides)
    assert "First with Japan" in headlines or "ministerial" in headlines
    oct_meeting = [
        s
        for s in slides
        if s["start_date"].get("month") in (10, "10")
        and "day" not in s["start_date"]
        and not s.get("end_date")
    ]
    assert len(oct_meeting) == 1, "the ministerial is exported as October 2024, without an end"


def export_timelinejs(qtbot, win: MainWindow, out: Path) -> None:
    key(win.table, K.Key_E, CTRL)
    qtbot.waitUntil(lambda: win.findChild(object, "export_dialog") is not None)
    dlg = win.jobs.export_dialog
    qtbot.waitUntil(dlg.isVisible)
    qtbot.waitUntil(dlg.isActiveWindow)
    drive_export_dialog(qtbot, dlg, "timelinejs", out)
    qtbot.waitUntil(lambda: not dlg.isVisible() or win.jobs.last_export, timeout=20000)
    qtbot.waitUntil(lambda: bool(win.jobs.last_export), timeout=20000)


def drive_export_dialog(qtbot, dlg, fmt: str, out: Path) -> None:
    ALT = Qt.KeyboardModifier.AltModifier
    key(dlg, K.Key_O, ALT)  # F&ormat
    combo = QApplication.focusWidget()
    assert isinstance(combo, QComboBox)
    QTest.keyClicks(combo, "TimelineJS")
    assert combo.currentData() == fmt
    key(dlg, K.Key_A, ALT)  # &Accepted events
    key(dlg, K.Key_S, ALT)  # &Save to
    path = QApplication.focusWidget()
    assert isinstance(path, QLineEdit)
    key(path, K.Key_A, CTRL)
    QTest.keyClicks(path, str(out))
    key(path, K.Key_Return)
