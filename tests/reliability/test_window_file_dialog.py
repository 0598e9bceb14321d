"""The real window, its own file dialog on the project's folder, then a command on the same project: the
window's later edits are all stored."""

from __future__ import annotations

import os

import pytest

from support.processes import run_cli, stored_events

pytest.importorskip("pytestqt")


def test_browsing_the_project_folder_then_a_command_keeps_every_window_edit(
    qtbot, tmp_path, seeds_dir
):
    from PySide6.QtWidgets import QFileDialog, QFileSystemModel

    from dateline.core.commands import SetNote
    from dateline.ui import file_dialogs
    from dateline.ui.main_window import MainWindow

    db = tmp_path / "project.db"
    for article in sorted(seeds_dir.glob("*.txt")):
        (tmp_path / article.name).write_bytes(article.read_bytes())
    win = MainWindow(db, offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready and win.runner.is_idle(), timeout=10000)
    task = win.jobs.start_import([seeds_dir])
    qtbot.waitUntil(
        lambda: task is not None and win.jobs.last_import_report is not None, timeout=30000
    )
    qtbot.waitUntil(lambda: win.runner.is_idle() and bool(win.model.ids()), timeout=10000)

    # File > Import on the folder that holds the project, as an analyst keeps them together.
    dialog = file_dialogs._dialog(
        win, "Import articles", str(tmp_path), "All files (*)", QFileDialog.FileMode.ExistingFiles
    )
    dialog.show()
    model = dialog.findChild(QFileSystemModel)
    qtbot.waitUntil(lambda: model.rowCount(model.index(str(tmp_path))) >= 3, timeout=10000)
    qtbot.wait(300)  # icons and types of the listed files are filled in the background
    dialog.reject()

    run_cli("stats", db=db)
    assert os.path.exists(f"{db}-wal")

    ids = win.model.ids()
    for n, eid in enumerate(ids):
        win.session.push(SetNote(eid, f"checked {n}"))
    qtbot.waitUntil(lambda: win.runner.is_idle() and win.session.is_idle(), timeout=20000)
    win.close()

    back = stored_events(db)
    assert [back[eid]["notes"] for eid in ids] == [f"checked {n}" for n in range(len(ids))]
