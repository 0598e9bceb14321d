"""GUI speed on a 100,000-event database: first paint of the main window, filter latency, a scroll jump.

    .venv/bin/python benchmarks/gui_speed.py [--events 100000] [--db PATH]

Targets (issue 4): first paint <= 1.0 s, filter latency <= 100 ms. The baseline, measured in the
same run, is the naive Qt way: a QStandardItemModel holding every row (loaded from the same store)
in a QTableView, filtered by a QSortFilterProxyModel. Ratios are baseline / ours (> 1: ours is faster).
Runs offscreen; the events are generated straight into the tables by ``store_speed.fill_events``.
"""

from __future__ import annotations

import argparse
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
os.environ.setdefault("QT_LOGGING_RULES", "qt.qpa.*=false")
sys.path.insert(0, str(Path(__file__).resolve().parent))

from PySide6.QtCore import QEvent, QEventLoop, QObject, QSettings, QSortFilterProxyModel, Qt, QTimer
from PySide6.QtGui import QStandardItem, QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView

from dateline.core import timevalue
from dateline.core.store import EventFilter, Store
from dateline.ui.main_window import MainWindow
from dateline.ui.settings import Settings

TARGET_PAINT_S = 1.0
TARGET_FILTER_MS = 100.0


class PaintProbe(QObject):
    """Records the time of the first paint of a widget after which ``ready()`` holds."""

    def __init__(self, widget: QObject, ready: Callable[[], bool]) -> None:
        super().__init__()
        self.at: float | None = None
        self._ready = ready
        self._loop = QEventLoop()
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() == QEvent.Type.Paint and self.at is None and self._ready():
            # the paint is recorded after it happens: QTimer(0) runs once this event is handled
            QTimer.singleShot(0, self._painted)
        return False

    def _painted(self) -> None:
        if self.at is None:
            self.at = time.perf_counter()
            self._loop.quit()

    def wait(self, timeout_ms: int = 60_000) -> float | None:
        if self.at is None:
            QTimer.singleShot(timeout_ms, self._loop.quit)
            self._loop.exec()
        return self.at


def wait_signal(signal: object, timeout_ms: int = 30_000) -> None:
    loop = QEventLoop()
    signal.connect(loop.quit)  # type: ignore[attr-defined]
    QTimer.singleShot(timeout_ms, loop.quit)
    loop.exec()
    signal.disconnect(loop.quit)  # type: ignore[attr-defined]


def ours_first_paint(db: Path, settings: Settings) -> tuple[float, MainWindow]:
    t0 = time.perf_counter()
    win = MainWindow(db, settings, offer_seeds=False, restore_state=False)
    probe = PaintProbe(win.table.viewport(), lambda: win.model.rowCount() > 0)
    win.show()
    at = probe.wait()
    assert at is not None, "the table never painted rows"
    return at - t0, win


def baseline_first_paint(db: Path) -> tuple[float, QTableView, QSortFilterProxyModel]:
    t0 = time.perf_counter()
    with Store.open(db) as store:
        events = store.events(store.event_ids())
    model = QStandardItemModel(0, 7)
    model.setHorizontalHeaderLabels(
        ["Date", "Title", "Status", "Confidence", "Sources", "Tags", "Grade"]
    )
    for ev in events:
        model.appendRow(
            [
                QStandardItem(timevalue.label(ev.value, ev.end)),
                QStandardItem(ev.title),
                QStandardItem(str(ev.status)),
                QStandardItem(f"{ev.confidence:.0%}"),
                QStandardItem(str(len(ev.sources))),
                QStandardItem(", ".join(ev.tags)),
                QStandardItem(f"{ev.reliability or ''}{ev.credibility or ''}"),
            ]
        )
    proxy = QSortFilterProxyModel()
    proxy.setSourceModel(model)
    proxy.setFilterKeyColumn(1)
    proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    view = QTableView()
    view.setModel(proxy)
    view.resize(1200, 800)
    probe = PaintProbe(view.viewport(), lambda: proxy.rowCount() > 0)
    view.show()
    at = probe.wait()
    assert at is not None
    return at - t0, view, proxy


FILTERS: list[tuple[str, EventFilter]] = [
    ("text 'ceasefire'", EventFilter(text="ceasefire")),
    ("status proposed", EventFilter(statuses=("proposed",))),
    ("tag nato", EventFilter(tags=("nato",))),
    (
        "date range 2001",
        EventFilter(
            date_from=__import__("datetime").date(2001, 1, 1),
            date_to=__import__("datetime").date(2001, 12, 31),
        ),
    ),
    ("text + status", EventFilter(text="summit", statuses=("accepted", "edited"))),
]


def ours_filter_ms(win: MainWindow, flt: EventFilter, repeat: int = 5) -> tuple[float, int]:
    """From the filter bar's signal to the table holding the new ids (SQL on a reader, swap on GUI)."""
    times = []
    for _ in range(repeat):
        win.events.filter = EventFilter()
        win.reload()
        wait_signal(win.ids_loaded)
        t0 = time.perf_counter()
        win.filter_bar.filter_changed.emit(flt)
        wait_signal(win.ids_loaded)
        win.table.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times), win.model.rowCount()


def baseline_filter_ms(
    proxy: QSortFilterProxyModel, view: QTableView, text: str, repeat: int = 3
) -> float:
    times = []
    for _ in range(repeat):
        proxy.setFilterFixedString("")
        t0 = time.perf_counter()
        proxy.setFilterFixedString(text)
        view.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def scroll_jump_ms(win: MainWindow) -> float:
    times = []
    for row in (win.model.rowCount() // 2, win.model.rowCount() - 1, win.model.rowCount() // 3):
        t0 = time.perf_counter()
        win.select_row(row)
        win.table.viewport().repaint()
        times.append((time.perf_counter() - t0) * 1000)
    return statistics.median(times)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--events", type=int, default=100_000)
    ap.add_argument(
        "--db", type=Path, help="reuse (or create) this database instead of a temporary one"
    )
    args = ap.parse_args(argv)
    _app = QApplication.instance() or QApplication(["gui_speed"])  # alive for the whole run
    with tempfile.TemporaryDirectory() as tmp:
        # the user's own settings (recent databases) must not learn about a temporary file
        settings = Settings(QSettings(str(Path(tmp) / "settings.ini"), QSettings.Format.IniFormat))
        db = args.db or Path(tmp) / "gui_speed.db"
        with Store.open(db) as store:
            if store.count_events() < args.events:
                from store_speed import fill_events

                t0 = time.perf_counter()
                fill_events(store, args.events - store.count_events())
                print(f"generated {args.events:,} events in {time.perf_counter() - t0:.1f} s")
            n = store.count_events()
        print(f"GUI speed on {n:,} events (offscreen, {QApplication.platformName()})")

        paint, win = ours_first_paint(db, settings)
        base_paint, view, proxy = baseline_first_paint(db)
        verdict = "meets" if paint <= TARGET_PAINT_S else "MISSES"
        print(
            f"  first paint with rows   ours {paint:6.3f} s   baseline {base_paint:6.3f} s   "
            f"ratio {base_paint / paint:5.1f}x   (target <= {TARGET_PAINT_S:.1f} s: {verdict})"
        )

        worst = 0.0
        for name, flt in FILTERS:
            ms, rows = ours_filter_ms(win, flt)
            worst = max(worst, ms)
            line = f"  filter {name:<18} ours {ms:7.1f} ms ({rows:,} rows)"
            if flt.text and not flt.statuses:
                base = baseline_filter_ms(proxy, view, flt.text)
                line += f"   baseline proxy {base:7.1f} ms   ratio {base / ms:5.1f}x"
            print(line)
        verdict = "meets" if worst <= TARGET_FILTER_MS else "MISSES"
        print(
            f"  worst filter latency {worst:.1f} ms (target <= {TARGET_FILTER_MS:.0f} ms: {verdict})"
        )
        win.events.filter = EventFilter()
        win.reload()
        wait_signal(win.ids_loaded)
        print(f"  scroll jump + repaint   ours {scroll_jump_ms(win):6.1f} ms (rows fetched lazily)")
        win.close()
        view.close()
        del view, proxy
    return 0


if __name__ == "__main__":
    sys.exit(main())
