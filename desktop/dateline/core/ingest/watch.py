"""Progress and Cancel of one import, from file to file and inside a file.

An import reports ``progress(done, total, text)`` at each file (done = files finished) and, inside a
file, at each of its articles and at each step of a long one (reading its pieces, storing them), with
the same ``done`` and a text saying where it is: "dump.txt: article 12 of 400", "big.txt: analysed 1.2
of 5.0 MB". Every report is also a chance to stop: ``cancel()`` returning True, or ``progress`` raising
``Cancelled``, ends the import there. A long SQL statement (a 5 MB text going into the search index)
is stopped too: ``sql_guard`` interrupts it when ``cancel()`` says so.
"""

from __future__ import annotations

import contextlib
import sqlite3
from collections.abc import Callable, Iterator

from ..errors import Cancelled
from .report import ProgressFn

SQL_CHECK_EVERY = 50_000  # SQLite virtual machine steps between two looks at the cancel flag


class Watch:
    def __init__(
        self, progress: ProgressFn | None, cancel: Callable[[], bool] | None, total: int
    ) -> None:
        self.progress = progress
        self.cancel = cancel
        self.total = total
        self.done = 0
        self.path = ""

    def cancelled(self) -> bool:
        return self.cancel is not None and bool(self.cancel())

    def file(self, done: int, path: str) -> None:
        """The import reaches file number ``done`` (0-based): say so, or stop."""
        self.done, self.path = done, path
        self._tell(path)

    def step(self, what: str) -> None:
        """A step inside the current file: say what it is, or stop."""
        self._tell(f"{self.path}: {what}" if self.path else what)

    def finished(self) -> None:
        if self.progress is not None and self.total:
            self.progress(self.total, self.total, "")

    def _tell(self, text: str) -> None:
        if self.cancelled():
            raise Cancelled()
        if self.progress is not None:
            self.progress(self.done, self.total, text)

    @contextlib.contextmanager
    def sql_guard(self, conn: sqlite3.Connection) -> Iterator[None]:
        """Inside the block, a statement still running when Cancel is asked for is interrupted
        (its transaction rolls back) and the block raises Cancelled."""
        if self.cancel is None:
            yield
            return
        cancel = self.cancel
        conn.set_progress_handler(lambda: 1 if cancel() else 0, SQL_CHECK_EVERY)
        try:
            yield
        except Exception:
            if self.cancelled():
                raise Cancelled() from None
            raise
        finally:
            conn.set_progress_handler(None, 0)


def megabytes(done: int, total: int) -> str:
    """ "1.2 of 5.0 MB" (characters counted as bytes: close enough to tell progress)."""
    return f"{done / 1e6:.1f} of {total / 1e6:.1f} MB"
