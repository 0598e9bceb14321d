"""Background work for the GUI: readers on a small pool, every database write on ONE writer thread.

A task is a plain function ``fn(ctx) -> result`` run off the GUI thread. ``ctx.store`` is a Store opened
on (and only used by) the thread running the task: sqlite connections are per thread. Results, errors
and progress come back to the GUI thread through queued signals received by ``@Slot`` methods of a
:class:`Task` living on the GUI thread; callbacks given to :meth:`TaskRunner.run` are then called there.

Cancellation is cooperative: ``ctx.cancelled()`` / ``ctx.check()``; a progress callback raises
:class:`~dateline.core.errors.Cancelled` once the user cancelled. A cancel is reported, never shown as an
error.
"""

from __future__ import annotations

import logging
import threading
import traceback
import weakref
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot

from ..core.errors import Cancelled

log = logging.getLogger(__name__)

_RUNNERS: weakref.WeakSet[TaskRunner] = weakref.WeakSet()


def live_runners() -> list[TaskRunner]:
    """Every TaskRunner whose Qt object still exists (the test fixture checks they are idle)."""
    import shiboken6

    return [r for r in list(_RUNNERS) if shiboken6.isValid(r)]


class TaskContext:
    """What a task body sees: its Store, a progress reporter and the cancel flag."""

    def __init__(self, task: Task, store_factory: Callable[[], Any] | None) -> None:
        self._task = task
        self._store_factory = store_factory
        self._store: Any = None

    @property
    def store(self) -> Any:
        if self._store is None:
            if self._store_factory is None:
                raise RuntimeError("this task has no database")
            self._store = self._store_factory()
        return self._store

    def cancelled(self) -> bool:
        return self._task.cancel_event.is_set()

    def check(self) -> None:
        if self.cancelled():
            raise Cancelled()

    def progress(self, done: int, total: int, text: str = "") -> None:
        """Report progress; raises Cancelled when the user has asked to stop."""
        self._task.signals.progressed.emit(int(done), int(total), str(text))
        self.check()


class _TaskSignals(QObject):
    # Results travel as attributes of the Task, not signal arguments: PySide's marshalling of
    # arbitrary Python objects across threads has had refcount bugs.
    finished = Signal()
    failed = Signal()
    cancelled = Signal()
    progressed = Signal(int, int, str)


class Task(QObject):
    """GUI-thread handle of one background job: cancel it, watch its signals."""

    done = Signal(object)  # result
    error = Signal(object)  # exception
    was_cancelled = Signal()
    progress = Signal(int, int, str)
    ended = Signal()  # after done / error / cancel

    def __init__(
        self,
        name: str,
        fn: Callable[[TaskContext], Any],
        on_done: Callable[[Any], None] | None,
        on_error: Callable[[BaseException], None] | None,
        on_progress: Callable[[int, int, str], None] | None,
        on_cancel: Callable[[], None] | None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.name = name
        self.fn = fn
        self.cancel_event = threading.Event()
        self.running = True
        self._on_done = on_done
        self._on_error = on_error
        self._on_progress = on_progress
        self._on_cancel = on_cancel
        # Created on the GUI thread (emits from workers are queued) and owned by this Task in C++, so a
        # worker dropping the last Python reference never destroys a GUI-thread object.
        self.signals = _TaskSignals(self)
        self.signals.finished.connect(self._finished)
        self.signals.failed.connect(self._failed)
        self.signals.cancelled.connect(self._cancelled)
        self.signals.progressed.connect(self._progressed)
        self.result: Any = None
        self.exception: BaseException | None = None
        self.traceback = ""
        self.silenced = False  # after shutdown: log failures, show nothing
        self.cancellable = True

    def cancel(self) -> None:
        self.cancel_event.set()

    @Slot()
    def _finished(self) -> None:
        result = self.result
        self.running = False
        if self._on_done is not None:
            self._on_done(result)
        self.done.emit(result)
        self.ended.emit()

    @Slot()
    def _failed(self) -> None:
        exc = self.exception
        tb = self.traceback
        assert exc is not None
        self.running = False
        if self.silenced:
            log.error("task %s failed after shutdown:\n%s", self.name, tb)
        elif self._on_error is not None:
            self._on_error(exc)
        else:
            from .errors import show_error

            show_error(None, exc, tb)
        self.error.emit(exc)
        self.ended.emit()

    @Slot()
    def _cancelled(self) -> None:
        self.running = False
        if self._on_cancel is not None:
            self._on_cancel()
        self.was_cancelled.emit()
        self.ended.emit()

    @Slot(int, int, str)
    def _progressed(self, done: int, total: int, text: str) -> None:
        if self._on_progress is not None:
            self._on_progress(done, total, text)
        self.progress.emit(done, total, text)


class _Job(QRunnable):
    def __init__(self, task: Task, body: Callable[[], Any]) -> None:
        super().__init__()
        self.setAutoDelete(True)
        self._task = task
        self._body = body

    def run(self) -> None:
        task = self._task
        signals = task.signals
        try:
            if task.cancel_event.is_set():
                raise Cancelled()
            result = self._body()
        except Cancelled:
            signals.cancelled.emit()
        except BaseException as exc:  # everything goes back to the GUI, never lost
            task.exception = exc
            task.traceback = traceback.format_exc()
            signals.failed.emit()
        else:
            task.result = result
            signals.finished.emit()


class TaskRunner(QObject):
    """Runs reads on a small pool and writes on a one-thread pool, each with its own Store.

    ``store_opener(path)`` opens a Store for the calling thread (default ``Store.open``). The writer
    keeps one Store for its whole life (its only thread never expires); readers open one per task.
    """

    busy_changed = Signal(bool)

    def __init__(
        self,
        db_path: str | Path | None,
        parent: QObject | None = None,
        *,
        store_opener: Callable[[Path], Any] | None = None,
        readers: int = 2,
    ) -> None:
        super().__init__(parent)
        self.db_path = Path(db_path) if db_path is not None else None
        self._opener = store_opener
        self._readers = QThreadPool(self)
        self._readers.setMaxThreadCount(max(1, readers))
        self._writer = QThreadPool(self)
        self._writer.setMaxThreadCount(1)
        self._writer.setExpiryTimeout(-1)  # the writer's Store belongs to this one thread
        self._writer_store: Any = None
        self._tasks: set[Task] = set()
        self._closed = False
        _RUNNERS.add(self)

    # ---- stores ----
    def _open_store(self) -> Any:
        if self.db_path is None:
            raise RuntimeError("no database is open")
        if self._opener is not None:
            return self._opener(self.db_path)
        from ..core.store import Store

        return Store.open(self.db_path)

    def _writer_store_get(self) -> Any:
        if self._writer_store is None:
            self._writer_store = self._open_store()
        return self._writer_store

    # ---- running ----
    def run(
        self,
        fn: Callable[[TaskContext], Any],
        *,
        name: str = "",
        writer: bool = False,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], None] | None = None,
        on_progress: Callable[[int, int, str], None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        uses_store: bool = True,
        cancellable: bool = True,
    ) -> Task:
        """Start ``fn(ctx)`` off the GUI thread; callbacks run on the GUI thread afterwards.

        ``cancellable=False`` marks work that must happen even when the window closes (an edit the
        user already made): shutdown waits for it instead of cancelling it.
        """
        if self._closed:
            raise RuntimeError("task runner is shut down")
        task = Task(
            name or getattr(fn, "__name__", "task"),
            fn,
            on_done,
            on_error,
            on_progress,
            on_cancel,
            parent=self,  # owned in C++ by the runner; deleted on the GUI thread (deleteLater)
        )
        task.cancellable = cancellable
        self._tasks.add(task)
        task.ended.connect(self._task_ended)
        was_busy = len(self._tasks) > 1

        if writer:

            def body() -> Any:
                ctx = TaskContext(task, self._writer_store_get if uses_store else None)
                return fn(ctx)

            self._writer.start(_Job(task, body))
        else:

            def body() -> Any:
                ctx = TaskContext(task, self._open_store if uses_store else None)
                try:
                    return fn(ctx)
                finally:
                    if ctx._store is not None:
                        ctx._store.close()

            self._readers.start(_Job(task, body))
        if not was_busy:
            self.busy_changed.emit(True)
        return task

    def write(self, fn: Callable[[TaskContext], Any], **kwargs: Any) -> Task:
        return self.run(fn, writer=True, **kwargs)

    @Slot()
    def _task_ended(self) -> None:
        task = self.sender()
        if isinstance(task, Task):
            self._tasks.discard(task)
            task.deleteLater()
        if not self._tasks:
            self.busy_changed.emit(False)

    # ---- state ----
    def is_idle(self) -> bool:
        """No task queued, running, or with a result not yet delivered to the GUI thread."""
        return not self._tasks and self._active() == 0

    def _active(self) -> int:
        return self._readers.activeThreadCount() + self._writer.activeThreadCount()

    def pending(self) -> int:
        return len(self._tasks)

    def cancel_all(self) -> None:
        """Cancel every cancellable task (reads, imports, exports); edits always run."""
        for task in list(self._tasks):
            if task.cancellable:
                task.cancel()

    def wait(self, msecs: int = -1) -> bool:
        """Block until the pools are empty (shutdown and tests only; never during normal use)."""
        a = self._readers.waitForDone(msecs)
        b = self._writer.waitForDone(msecs)
        return a and b

    def shutdown(self, msecs: int = 30000) -> None:
        """Cancel what can be cancelled, let writes finish, close the writer's Store."""
        if self._closed:
            return
        self._closed = True
        self.cancel_all()
        self._readers.waitForDone(msecs)
        if self._writer_store is not None:
            store = self._writer_store

            class _Close(QRunnable):
                def run(self) -> None:
                    try:
                        store.close()
                    except Exception:  # closing at exit must not raise
                        log.exception("closing the writer's store failed")

            self._writer.start(_Close())
        self._writer.waitForDone(msecs)
        self._writer_store = None
        # Results already queued to the GUI thread still arrive; their tasks are no longer tracked.
        for task in list(self._tasks):
            task.running = False
            task._on_done = task._on_error = task._on_progress = task._on_cancel = None
            task.silenced = True
        self._tasks.clear()
