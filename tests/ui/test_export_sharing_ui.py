"""Exporting from the window: notes are shared only when ticked, and every event the format cannot
place is named in a box the analyst can read while working on."""

from __future__ import annotations

import json

from PySide6.QtWidgets import QMessageBox

from dateline.core import commands as cmds
from dateline.core.export.sharing import NOTES_RULE
from dateline.ui.export_dialog import ExportChoice, ExportDialog


def settle(qtbot, win):
    qtbot.waitUntil(
        lambda: win.runner.is_idle() and win.session.is_idle() and not win.events.loading
    )


def test_the_dialog_keeps_notes_private_unless_ticked(qtbot, tmp_path):
    dlg = ExportDialog(lambda subset: 3, initial_path=str(tmp_path / "t.json"))
    qtbot.addWidget(dlg)
    assert not dlg.notes_check.isChecked()
    assert dlg.choice().include_notes is False
    assert "notes stay private" in dlg.note_label.text()
    assert dlg.notes_check.toolTip() == NOTES_RULE
    dlg.notes_check.setChecked(True)
    assert dlg.choice().include_notes is True
    assert "private" not in dlg.note_label.text()


def _export(qtbot, win, choice):
    win.jobs.last_export = []
    win.jobs.start_export(choice)
    qtbot.waitUntil(lambda: bool(win.jobs.last_export), timeout=20000)
    settle(qtbot, win)


def test_notes_leave_the_window_only_when_shared(qtbot, main_window, tmp_path):
    win = main_window
    first = win.model.ids()[0]
    win.session.push(cmds.SetNote(first, "Call the ministry press office"))
    settle(qtbot, win)
    private, shared = tmp_path / "private.json", tmp_path / "shared.json"
    _export(qtbot, win, ExportChoice("json", "all", str(private)))
    _export(qtbot, win, ExportChoice("json", "all", str(shared), include_notes=True))
    assert "ministry press office" not in private.read_text(encoding="utf-8")
    notes = [e["notes"] for e in json.loads(shared.read_text(encoding="utf-8"))["events"]]
    assert "Call the ministry press office" in notes
    assert "(with notes)" in win.statusBar().currentMessage()


def test_events_left_out_of_a_format_are_named(qtbot, main_window, tmp_path):
    win = main_window
    article = tmp_path / "undated.txt"
    article.write_text(
        "Minister visits port\n\nThe minister said on Wednesday that the port would reopen.\n",
        encoding="utf-8",
    )
    win.jobs.last_import_report = None
    win.jobs.start_import([article])
    qtbot.waitUntil(lambda: win.jobs.last_import_report is not None, timeout=20000)
    settle(qtbot, win)
    undated = [e.id for e in win.store.events(win.store.event_ids()) if not e.earliest]
    assert undated
    _export(qtbot, win, ExportChoice("ics", "all", str(tmp_path / "t.ics")))
    box = win.findChild(QMessageBox, "export_left_out")
    assert box is not None and box.isVisible()
    assert not box.isModal()
    assert f"Left out {len(undated)} event" in box.informativeText()
    for eid in undated:
        assert f"#{eid} " in box.detailedText()
    box.close()
