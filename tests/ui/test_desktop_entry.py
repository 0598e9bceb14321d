"""The window names its desktop entry (resources/desktop/org.dateline.Dateline.desktop), which gives it
its icon and name in docks and task switchers."""

from __future__ import annotations

APP_ID = "org.dateline.Dateline"


def test_the_window_names_its_desktop_entry(qtbot, tmp_path, seeds_dir):
    from PySide6.QtGui import QGuiApplication

    from dateline import app
    from dateline.core.ingest import import_paths
    from dateline.core.store import Store

    db = tmp_path / "p.db"
    with Store.open(db) as store:
        import_paths(store, [seeds_dir])
    assert app.main(["--db", str(db), "--screenshot", str(tmp_path / "w.png")]) == 0
    assert QGuiApplication.desktopFileName() == APP_ID
