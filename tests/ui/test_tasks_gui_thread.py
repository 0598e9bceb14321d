"""The GUI thread never imports or extracts: a file dropped on the window is read, extracted and
stored on the writer thread, and a long import can be cancelled, keeping what was committed."""

from __future__ import annotations

import threading
import warnings

from PySide6.QtCore import QMimeData, QPointF, Qt, QUrl
from PySide6.QtGui import QDragEnterEvent, QDropEvent
from PySide6.QtWidgets import QApplication

import dateline.core.proposals as proposals
import dateline.core.temporal as temporal
from dateline.core.ingest import Ingest
from dateline.core.store import Store
from dateline.ui.main_window import MainWindow


def _drop(win, paths) -> None:
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(p)) for p in paths])
    pos = QPointF(win.width() / 2, win.height() / 2)
    with warnings.catch_warnings():  # Qt 6 keeps only this QPoint constructor; PySide flags it
        warnings.simplefilter("ignore", DeprecationWarning)
        enter = QDragEnterEvent(
            pos.toPoint(),
            Qt.DropAction.CopyAction,
            mime,
            Qt.MouseButton.LeftButton,
            Qt.KeyboardModifier.NoModifier,
        )
    QApplication.sendEvent(win, enter)
    assert enter.isAccepted()
    drop = QDropEvent(
        pos,
        Qt.DropAction.CopyAction,
        mime,
        Qt.MouseButton.LeftButton,
        Qt.KeyboardModifier.NoModifier,
    )
    QApplication.sendEvent(win, drop)


def test_dropped_files_are_imported_off_the_gui_thread(qtbot, tmp_path, seeds_dir, monkeypatch):
    calls: list[tuple[str, bool]] = []

    def spy(name, fn):
        def wrapper(*args, **kwargs):
            calls.append((name, threading.current_thread() is threading.main_thread()))
            return fn(*args, **kwargs)

        return wrapper

    monkeypatch.setattr(Ingest, "import_paths", spy("import", Ingest.import_paths))
    monkeypatch.setattr(temporal, "find_timexes", spy("find_timexes", temporal.find_timexes))
    monkeypatch.setattr(proposals, "propose_events", spy("propose", proposals.propose_events))

    win = MainWindow(tmp_path / "drop.db", offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready and win.runner.is_idle())
    _drop(win, sorted(seeds_dir.glob("*.txt")))
    qtbot.waitUntil(lambda: win.jobs.last_import_report is not None, timeout=30000)
    qtbot.waitUntil(lambda: win.runner.is_idle() and win.model.rowCount() > 0)

    names = {n for n, _ in calls}
    assert {"import", "find_timexes", "propose"} <= names
    assert not [n for n, on_gui in calls if on_gui], "import or extraction ran on the GUI thread"
    assert len(win.jobs.last_import_report.imported) == 2
    assert len(win.documents) == 2
    win.close()


def test_cancelled_import_keeps_the_committed_files(qtbot, tmp_path, seeds_dir):
    texts = [p.read_text(encoding="utf-8") for p in sorted(seeds_dir.glob("*.txt"))]
    folder = tmp_path / "many"
    folder.mkdir()
    for i in range(40):
        (folder / f"article_{i:02d}.txt").write_text(
            f"Report number {i}.\n\n" + texts[i % 2], encoding="utf-8"
        )
    win = MainWindow(tmp_path / "cancel.db", offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(lambda: win.ready and win.runner.is_idle())

    task = win.jobs.start_import([folder])
    assert win.cancel_button.isVisible()
    qtbot.waitUntil(lambda: win.progress.maximum() > 0 and win.progress.value() >= 1, timeout=20000)
    win.cancel_button.click()
    qtbot.waitUntil(lambda: win.jobs.last_import_report is not None, timeout=30000)
    qtbot.waitUntil(win.runner.is_idle)
    report = win.jobs.last_import_report
    assert task is not None
    assert report.cancelled
    assert report.not_processed, "some files were left when the user cancelled"
    assert len(report.imported) + len(report.not_processed) == 40
    assert not win.cancel_button.isVisible()
    with Store.open(win.db_path) as store:
        assert len(store.documents()) == len(report.imported)
    win.close()
