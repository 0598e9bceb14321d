"""GUI entry point: ``dateline gui [--db PATH] [--screenshot PNG [--select-event N] [--view V] [--panel P]]``.

``dateline run`` reaches here too (through the launcher) and opens the default database, loading the
sample articles when it is empty.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .ui.main_window import MainWindow


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="dateline gui", description="Open the Dateline review window.")
    p.add_argument(
        "--db", type=Path, help="database file (default: the last one, else the user data dir)"
    )
    p.add_argument(
        "--seeds",
        action="store_true",
        help="load the sample articles if the database is empty (what `dateline run` does)",
    )
    p.add_argument(
        "--read-only",
        action="store_true",
        help="open the project read-only: review, import and edits are disabled",
    )
    p.add_argument(
        "--screenshot", type=Path, metavar="PNG", help="render the window offscreen to PNG and exit"
    )
    p.add_argument(
        "--select-event",
        type=int,
        metavar="N",
        help="with --screenshot: select event id N (default: the first row)",
    )
    p.add_argument(
        "--view",
        choices=("table", "timeline"),
        default=None,
        help="with --screenshot: which centre view to show",
    )
    p.add_argument(
        "--panel",
        choices=("window", "provenance", "timeline"),
        default="window",
        help="with --screenshot: render the whole window (default) or only that panel",
    )
    p.add_argument(
        "--status",
        choices=("accepted", "proposed", "rejected"),
        default=None,
        help="with --screenshot: show only the events of this status",
    )
    p.add_argument(
        "--range",
        metavar="FROM:TO",
        default=None,
        help="with --screenshot --view timeline: the days shown, e.g. 2024-06-15:2024-12-15",
    )
    p.add_argument(
        "--size",
        metavar="WxH",
        default=None,
        help="with --screenshot: window size in device-independent pixels",
    )
    return p


def main(argv: Sequence[str] | None = None) -> int:
    if getattr(sys, "frozen", False):  # a frozen bundle's import workers start here too
        import multiprocessing

        multiprocessing.freeze_support()
    args = build_parser().parse_args(list(sys.argv[1:] if argv is None else argv))
    if args.screenshot is not None:
        import os

        os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtCore import QCoreApplication, QTimer
    from PySide6.QtWidgets import QApplication

    from .core.errors import DatelineError
    from .core.store import default_db_path
    from .ui import errors
    from .ui.settings import Settings

    QCoreApplication.setOrganizationName("Dateline")
    QCoreApplication.setApplicationName("Dateline")
    app = QApplication.instance() or QApplication(["dateline"])
    # Links the window to resources/desktop/org.dateline.Dateline.desktop (its icon and name in
    # docks and task switchers, Wayland's app id).
    QApplication.setDesktopFileName("org.dateline.Dateline")
    errors.install_excepthook()
    settings = Settings()

    db = args.db
    if db is None and not args.seeds and args.screenshot is None:
        last = settings.last_db()
        db = last if last is not None and last.exists() else None
    db = Path(db) if db is not None else default_db_path()
    db.parent.mkdir(parents=True, exist_ok=True)

    from .ui.main_window import MainWindow

    try:
        window = MainWindow(
            db,
            settings,
            offer_seeds=args.screenshot is None and not args.seeds,
            restore_state=args.screenshot is None,
            readonly=args.read_only,
        )
    except DatelineError as exc:
        print(f"dateline: {exc.message}", file=sys.stderr)
        if args.screenshot is None:
            from PySide6.QtWidgets import QMessageBox

            box = QMessageBox(QMessageBox.Icon.Critical, "Dateline", exc.message)
            if exc.details:
                box.setDetailedText(exc.details)
            box.exec()  # nothing else is open yet: a modal box is the whole app
        return exc.exit_code

    if args.screenshot is not None:
        return _screenshot(window, args)

    import signal

    signal.signal(signal.SIGINT, signal.SIG_DFL)  # Ctrl+C in the terminal ends the app
    window.show()
    if args.seeds:
        window.documents_loaded.connect(lambda: _seed_if_empty(window))
    QTimer.singleShot(0, window.raise_)
    code = app.exec()
    return int(code)


def _seed_if_empty(window: MainWindow) -> None:
    if window.property("seeded"):
        return
    window.setProperty("seeded", True)
    if not window.documents:
        window.jobs.load_seeds()


def _screenshot(window: MainWindow, args: argparse.Namespace) -> int:
    """Wait for the data, select the event, render, save, exit 0 (1 if the PNG was not written)."""
    from PySide6.QtCore import QEventLoop, QTimer

    w = window
    if args.size:
        width, _, height = args.size.partition("x")
        w.resize(int(width), int(height))
    loop = QEventLoop()
    state = {"ids": False, "docs": False}

    def check() -> None:
        if state["ids"] and state["docs"]:
            loop.quit()

    def ids() -> None:
        state["ids"] = True
        check()

    def docs() -> None:
        state["docs"] = True
        check()

    if args.status is not None:  # before the first ids arrive: only the filtered ones count
        bar = w.filter_bar
        bar.status.setCurrentIndex(bar.status.findText(args.status.capitalize()))
    w.ids_loaded.connect(ids)
    w.documents_loaded.connect(docs)
    guard = QTimer()
    guard.setSingleShot(True)
    guard.timeout.connect(loop.quit)
    guard.start(30_000)
    w.show()
    loop.exec()
    if args.view == "timeline":
        w.events.show_timeline()
    if args.panel == "provenance":
        # the sources get the right-hand column's height; the editor keeps its minimum
        w.right_split.setSizes([w.height(), 1])
    elif args.panel == "timeline":
        # the timeline gets the window; the side panels keep their minimum
        w.main_split.setSizes([1, w.width(), 1])
        w.centre_split.setSizes([w.height(), 1])
    if args.select_event is not None:
        w.select_event(args.select_event)
        w.table.setFocus()
    # let the timeline's events arrive and layouts settle
    settle = QTimer()
    settle.setSingleShot(True)
    settle.timeout.connect(loop.quit)
    deadline = 0
    while not w.runner.is_idle() and deadline < 100:
        settle.start(50)
        loop.exec()
        deadline += 1
    settle.start(100)
    loop.exec()
    guard.stop()
    target = {"provenance": w.provenance, "timeline": w.timeline}.get(args.panel, w)
    if args.range and args.view == "timeline":
        import datetime as dt

        first, _, last = args.range.partition(":")
        w.timeline.set_visible_range(dt.date.fromisoformat(first), dt.date.fromisoformat(last))
        settle.start(50)
        loop.exec()
    image = target.grab()
    args.screenshot.parent.mkdir(parents=True, exist_ok=True)
    ok = image.save(str(args.screenshot))
    w.close()
    print(f"{'wrote' if ok else 'could not write'} {args.screenshot}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
