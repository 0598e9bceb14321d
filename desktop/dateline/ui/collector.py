"""Python's cycle collector, run on the GUI thread only.

The collector runs in whichever thread happens to allocate past its threshold: in a task runner's worker
too. Collecting there can free the Python wrapper of a Qt object (a closed window still held in a
reference cycle) and destroy the C++ object from the wrong thread, which crashes the process. So, once
the window exists, automatic collection is off and a timer on the GUI thread collects instead, with the
same thresholds (which ``core.ingest.collector`` may raise for a large import).
"""

from __future__ import annotations

import gc

from PySide6.QtCore import QObject, QTimer, Slot

INTERVAL_MS = 500


class GuiThreadCollector(QObject):
    def __init__(self, parent: QObject) -> None:
        super().__init__(parent)
        self.setObjectName("gui_thread_collector")
        gc.disable()
        self._timer = QTimer(self)
        self._timer.setInterval(INTERVAL_MS)
        self._timer.timeout.connect(self.check)
        self._timer.start()

    @Slot()
    def check(self) -> None:
        """Collect the generations whose counts passed their thresholds, as CPython would."""
        t0, t1, t2 = gc.get_threshold()
        c0, c1, c2 = gc.get_count()
        if c0 > t0:
            gen = 2 if c2 > t2 else 1 if c1 > t1 else 0
            gc.collect(gen)

    def stop(self) -> None:
        self._timer.stop()
        gc.enable()


def install(app: QObject) -> GuiThreadCollector:
    """The collector of ``app`` (the QApplication), made on first call."""
    found = app.findChild(GuiThreadCollector, "gui_thread_collector")
    return found if found is not None else GuiThreadCollector(app)
