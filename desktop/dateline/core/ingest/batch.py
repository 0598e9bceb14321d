"""When an import holds the write lock and when it leaves it free: articles stored a few at a time, in
one transaction for up to ``BATCH_S``, and the lock left free whenever a writer waits for it.

An article's writes dirty about 65 pages of the write-ahead log (the document and its search index,
events and their date indexes, sources, timexes, fingerprint keys, audit), most of them again by the
next article: a commit per article wrote each page each time, two system calls a page, and flushed
both search indexes into a new segment each time. So an import keeps one transaction open across the
articles of ``BATCH_S``: each article is a savepoint inside it, so one that fails
is undone alone and the batch goes on, as before. A batch ends before a file too large to read in one
go and before a long article (both are read with the lock free, a piece at a time), and before stored
events are loaded for matching.

A writer that waits for the lock says so (``connection.announce_wait`` touches a file beside the
project, every 20 ms of its wait); the import looks (one ``stat``) before each article and, when
someone waits, ends its batch and leaves the lock free for ``MAKE_WAY_S``: an edit in the window waits
for one article at most. A writer that does not say so (another program) still gets the lock every
``MAKE_WAY_EVERY_S``, when a batch ends (``connection.begin_immediate`` asks every ``LOCK_POLL_S``).
A reader sees a batch's articles when it commits. If an error undoes the whole transaction (SQLite
does for a full disk or an I/O error), the batch's earlier articles are reported as not imported,
with the reason, never as stored.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import StoreError
from ..store.connection import LOCK_POLL_S, waiting_file

if TYPE_CHECKING:
    from ..store import Store
    from .report import Tally

# How often an import leaves the write lock free for a moment unasked, for a writer that does not say
# it waits (another program): 0.6 % of an import. Dateline's own writers are let in at once.
MAKE_WAY_EVERY_S = 0.5
MAKE_WAY_S = 3 * LOCK_POLL_S  # long enough for a waiting writer to ask twice
# The longest a batch holds the write lock: as long as a writer that does not say it waits may wait.
# Against 0.1 s, on 10,000 generated articles, the store's system time fell from 0.36 to 0.20 ms an
# article and its processor time by about 7%: fewer commits write the pages many articles dirty once.
BATCH_S = MAKE_WAY_EVERY_S


@dataclass
class _Mark:
    """Where the import's tally stood when the batch began."""

    imported: int
    copies: int
    undated: int
    events: int
    attached: int


class Batch:
    """The open batch of an import (at most one)."""

    def __init__(self, store: Store) -> None:
        self.store = store
        self.since: float | None = None  # when the open batch began
        self._mark: _Mark | None = None

    @property
    def open(self) -> bool:
        return self.since is not None

    def begin(self, tally: Tally) -> None:
        self.store.begin_run()
        self.since = time.monotonic()
        self._mark = _Mark(
            len(tally.imported), len(tally.copies), len(tally.undated), tally.events, tally.attached
        )

    def due(self, now: float) -> bool:
        return self.since is not None and now - self.since >= BATCH_S

    def intact(self) -> bool:
        """The open batch's transaction still holds its articles (an error may have undone it)."""
        return self.since is None or self.store.conn.in_transaction

    def end(self, tally: Tally, reason: str = "") -> bool:
        """Commit the open batch. If an error undid it (``reason`` says which) or its commit fails
        (a full disk as its search rows are written), the articles it held leave the tally's
        imported ones for its failed ones; True then."""
        if self.since is None:
            return False
        mark = self._mark
        self.since, self._mark = None, None
        try:
            committed = self.store.end_run()
        except StoreError as exc:  # rolled back
            committed, reason = False, reason or exc.message
        if committed or mark is None:
            return not committed
        lost = tally.imported[mark.imported :]
        del tally.imported[mark.imported :]
        del tally.copies[mark.copies :]
        del tally.undated[mark.undated :]
        tally.events, tally.attached = mark.events, mark.attached
        why = reason or "the write was undone by an error"
        tally.failed.extend((path, f"not stored: {why}") for path, _ in lost)
        return True


class Writes:
    """An import's use of the write lock: its batch, and the moments it leaves the lock free."""

    def __init__(self, store: Store, undone: Callable[[], None] = lambda: None) -> None:
        self.batch = Batch(store)
        self.undone = undone  # told when a batch's writes were undone
        self.made_way = 0.0  # when the lock was last left free for others
        self.committed = 0.0  # when the import last committed
        self._waiting = waiting_file(store.path)
        self._seen = self._stamp()

    def _stamp(self) -> int:
        try:
            return os.stat(self._waiting).st_mtime_ns
        except OSError:
            return 0

    def someone_waits(self) -> bool:
        """A writer announced since the last look that it waits for the lock
        (``connection.begin_immediate``): a look costs a ``stat``."""
        stamp = self._stamp()
        if stamp == self._seen:
            return False
        self._seen = stamp
        return True

    def before_article(self, tally: Tally, *, batched: bool) -> None:
        """Before an article's writes: go on with the open batch while it is young and nobody waits;
        else commit it, leave the lock free if someone waits or it is time to, and (``batched``: a
        worker prepared the article) begin a new batch."""
        now = time.monotonic()
        waits = self.someone_waits()
        if self.batch.open and not waits and not self.batch.due(now):
            return
        self.end_batch(tally)
        now = time.monotonic()
        free = now - self.committed  # the lock has been free since the last commit
        if free < MAKE_WAY_S and (waits or now - self.made_way >= MAKE_WAY_EVERY_S):
            time.sleep(MAKE_WAY_S - free)
            self.made_way = time.monotonic()
        elif free >= MAKE_WAY_S:
            self.made_way = now
        if batched:
            self.batch.begin(tally)

    def after_article(self) -> None:
        if not self.batch.open:
            self.committed = time.monotonic()

    def failed(self, tally: Tally, reason: str) -> None:
        """An article's writes failed: when the error undid the whole batch, say so for the rest."""
        if not self.batch.intact():
            self.end_batch(tally, reason)

    def end_batch(self, tally: Tally, reason: str = "") -> None:
        if self.batch.open:
            if self.batch.end(tally, reason):
                self.undone()
            self.committed = time.monotonic()
