"""Fixtures for GUI tests: isolated QSettings, and a check that no background task outlives its test."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSettings, QThreadPool


@pytest.fixture(autouse=True)
def _isolated_qsettings(tmp_path_factory):
    # Qt resolves its config path once per process; point it at this test's own directory.
    path = tmp_path_factory.mktemp("qsettings")
    QSettings.setDefaultFormat(QSettings.Format.IniFormat)
    QSettings.setPath(QSettings.Format.IniFormat, QSettings.Scope.UserScope, str(path))
    yield path


@pytest.fixture(autouse=True)
def _qt_garbage_on_the_gui_thread():
    """Collect the reference cycles a test left (a closed window's widgets) now, on the GUI thread.

    pytest-qt only ``deleteLater``s closed widgets, which waits for an event loop; meanwhile the
    next test's first background task could run the garbage collector and delete a window from a
    worker thread, which crashes the process (an intermittent segfault of the suite).
    """
    yield
    import gc

    gc.collect()


@pytest.fixture(autouse=True)
def _no_running_tasks(request):
    """Fail a test that leaves a task queued or running on any TaskRunner or the global pool."""
    yield
    from dateline.ui import errors, tasks

    errors.close_all()
    leaked = []
    for runner in tasks.live_runners():
        if not runner.is_idle():
            leaked.append(f"{runner.pending()} task(s) on {runner!r}")
            runner.shutdown(5000)
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from dateline.ui.main_window import MainWindow

    for widget in QApplication.topLevelWidgets():
        if isinstance(widget, MainWindow) and not widget.isVisible():
            running = [
                f"{type(t.parent()).__name__}/{t.parent().objectName()}:{t.interval()}ms"
                for t in widget.findChildren(QTimer)
                if t.isActive()
            ]
            if running:
                leaked.append(f"timers still running in a closed window: {running}")
    if QThreadPool.globalInstance().activeThreadCount():
        leaked.append("global QThreadPool busy")
        QThreadPool.globalInstance().waitForDone(5000)
    assert not leaked, "test left background work running: " + "; ".join(leaked)


@pytest.fixture
def seeded_db(tmp_path, seeds_dir):
    """A database holding the two sample articles, imported by the core importer."""
    from dateline.core import ingest as importing
    from dateline.core.store import Store

    path = tmp_path / "seeded.db"
    with Store.open(path) as store:
        report = importing.import_paths(store, sorted(seeds_dir.glob("*.txt")))
        assert not report.failed
    return path


@pytest.fixture
def main_window(qtbot, seeded_db):
    """The real MainWindow on the seeded database, with its ids and documents loaded."""
    from dateline.ui.main_window import MainWindow

    win = MainWindow(seeded_db, offer_seeds=False, restore_state=False)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitUntil(
        lambda: win.ready and bool(win.documents) and win.runner.is_idle(), timeout=10000
    )
    yield win
    win.close()
