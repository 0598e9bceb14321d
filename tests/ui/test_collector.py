"""Cycles are collected on the GUI thread, never by a worker that happens to allocate."""

from __future__ import annotations

import gc
import weakref

from PySide6.QtWidgets import QApplication

from dateline.ui import collector


class _Node:
    pass


def test_once_the_window_exists_cycles_are_collected_by_the_gui_thread_timer(main_window):
    assert not gc.isenabled()  # no worker thread can start a collection
    guard = collector.install(QApplication.instance())
    assert guard is collector.install(QApplication.instance())  # one per application
    a, b = _Node(), _Node()
    a.other, b.other = b, a
    gone = weakref.ref(a)
    del a, b
    saved = gc.get_threshold()
    gc.set_threshold(1, 1, 1)
    try:
        guard.check()
    finally:
        gc.set_threshold(*saved)
    assert gone() is None
