"""The task runner: results on the GUI thread, errors reported, cancel is not an error, one writer."""

from __future__ import annotations

import threading

import pytest
from PySide6.QtCore import QThread
from PySide6.QtWidgets import QApplication

from dateline.core.errors import Cancelled, InputError
from dateline.ui import errors
from dateline.ui.tasks import TaskRunner


@pytest.fixture
def runner(qapp):
    r = TaskRunner(None)
    yield r
    r.shutdown()


def test_result_arrives_on_gui_thread_and_work_ran_elsewhere(qtbot, runner):
    seen = {}

    def body(ctx):
        seen["worker"] = QThread.currentThread()
        return 41 + 1

    def done(result):
        seen["result"] = result
        seen["callback"] = QThread.currentThread()

    runner.run(body, uses_store=False, on_done=done)
    qtbot.waitUntil(runner.is_idle)
    assert seen["result"] == 42
    assert seen["callback"] is QApplication.instance().thread()
    assert seen["worker"] is not QApplication.instance().thread()


def test_core_error_goes_to_the_error_function(qtbot, runner):
    before = len(errors.SHOWN)

    def body(ctx):
        raise InputError("The file cannot be read.", details="x.bin: binary")

    runner.run(body, uses_store=False)
    qtbot.waitUntil(runner.is_idle)
    assert errors.SHOWN[before:] == [("The file cannot be read.", "x.bin: binary")]


def test_cancel_is_cooperative_and_not_an_error(qtbot, runner):
    started = threading.Event()
    progress: list[int] = []
    outcome = []
    before = len(errors.SHOWN)

    def body(ctx):
        started.set()
        for i in range(10_000):
            ctx.progress(i, 10_000, f"item {i}")
            threading.Event().wait(0.001)
        return "finished"

    task = runner.run(
        body,
        uses_store=False,
        on_progress=lambda d, t, s: progress.append(d),
        on_cancel=lambda: outcome.append("cancelled"),
        on_done=outcome.append,
    )
    assert started.wait(5)
    qtbot.waitUntil(lambda: len(progress) > 2)
    task.cancel()
    qtbot.waitUntil(runner.is_idle)
    assert outcome == ["cancelled"]
    assert len(errors.SHOWN) == before
    assert progress[-1] < 9_999


def test_writes_run_one_at_a_time_in_order(qtbot, runner):
    order: list[int] = []
    threads = set()
    active = []

    def make(i):
        def body(ctx):
            active.append(i)
            assert len(active) == 1, "two writes overlapped"
            threads.add(threading.get_ident())
            threading.Event().wait(0.002)
            order.append(i)
            active.remove(i)
            return i

        return body

    for i in range(20):
        runner.write(make(i), uses_store=False)
    qtbot.waitUntil(runner.is_idle)
    assert order == list(range(20))
    assert len(threads) == 1


def test_cancelled_before_start_never_runs(qtbot, runner):
    ran = []
    gate = threading.Event()
    runner.write(lambda ctx: gate.wait(5), uses_store=False)
    second = runner.write(lambda ctx: ran.append(1), uses_store=False)
    second.cancel()
    gate.set()
    qtbot.waitUntil(runner.is_idle)
    assert ran == []


def test_cancelled_raised_inside_body_is_reported_as_cancel(qtbot, runner):
    got = []

    def body(ctx):
        raise Cancelled()

    runner.run(body, uses_store=False, on_cancel=lambda: got.append("c"))
    qtbot.waitUntil(runner.is_idle)
    assert got == ["c"]
