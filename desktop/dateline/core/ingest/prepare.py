"""Reading and analysing the files of a large import in worker processes, ahead of the store.

Reading a file, fingerprinting its articles and running the engine on them needs nothing from the
store, and is about half of an import's work; storing and matching must happen one article after
another, in file order, in the process that holds the database. So a large batch is read and analysed
by worker processes a few files ahead of the store, and the results are taken in the files' order:
the store sees exactly the sequence a one-process import sees, and stores exactly the same, sooner.
When the store would wait for a worker, it prepares a chunk held back from the workers itself (or, when
all are with a worker, the files after them), so the two share the engine's work whichever is behind, and
the store does not sit idle while a worker starts (about half a second for a new interpreter and the
engine's lexicons).

A worker prepares only the plain case: a file it reads without trouble, whose articles are short enough
to go through the engine whole (``pieces.LONG``) and on which the engine does not fail. For anything
else (a large file, a long article, a file that cannot be read, an engine error), or when a worker
dies, it hands back nothing and the file is imported here as a one-process import would, with its
progress steps, its Cancel and its messages.

A small batch, a machine with one core, or ``DATELINE_IMPORT_WORKERS=0`` keeps everything in this
process: starting a worker costs a good part of a second. ``DATELINE_IMPORT_WORKERS=N`` asks for N.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import logging
import os
from collections import deque
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..errors import Cancelled
from ..model import Article, pickled_as_arguments
from . import pieces

if TYPE_CHECKING:
    from concurrent.futures import Future, ProcessPoolExecutor

    from ..happening.profile import Matchable
    from ..readers import ParsedArticle
    from ..readers.fingerprint import Fingerprint

log = logging.getLogger(__name__)

MAX_WORKERS = 4  # beyond this the store, which works alone, is what limits an import
SPARE_CORES = 1  # the core the store works on: workers use the rest
POOL_MIN_FILES = 150  # fewer files are done sooner here than workers take to start
CHUNK = 8  # files handed to a worker at a time
AHEAD_PER_WORKER = 4  # chunks ahead of the store per worker: SENT_PER_WORKER keep it busy, the rest may be prepared by the store
STEAL_AHEAD_PER_WORKER = (
    16  # chunks the store may prepare ahead while it waits (a worker starting takes ~0.5 s)
)
MAX_FILE_BYTES = 256_000  # larger files are read here, where their progress can be told
WAIT_STEP = 0.05  # seconds between two looks at Cancel while waiting for a worker
WORKERS_ENV = "DATELINE_IMPORT_WORKERS"
GC_YOUNG = (
    10_000  # allocations between two collections of the young objects while files are prepared
)


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class PreparedArticle:
    """One article of a file as the import would work it out before storing it."""

    parsed: ParsedArticle
    digest: str  # ``content_hash``
    fingerprint: Fingerprint
    reading: pieces.Reading
    matchables: tuple[tuple[Matchable, ...], ...]  # ``profile.matchables`` of each of its parts


@pickled_as_arguments
@dataclass(frozen=True, slots=True)
class PreparedFile:
    path: str
    articles: tuple[PreparedArticle, ...]


Task = Callable[[tuple[str, ...], "dt.date | None"], "list[PreparedFile | None]"]


def content_hash(text: str) -> str:
    """sha256 of the text with line endings and trailing spaces normalised: re-saved copies match."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    return hashlib.sha256("\n".join(line.rstrip() for line in lines).encode("utf-8")).hexdigest()


def plain_size(path: str) -> bool:
    """``path`` is small enough to be read in one go (a worker's plain case; else it is read here,
    where its progress can be told)."""
    try:
        return os.path.getsize(path) <= MAX_FILE_BYTES
    except OSError:
        return False


def prepare_file(path: str, published: dt.date | None) -> PreparedFile | None:
    """``path`` read, each article hashed, fingerprinted and analysed; None when the file is not
    the plain case (see the module's docstring): the import then works it in its own process."""
    from ..readers import read_articles
    from ..readers.fingerprint import fingerprint

    try:
        # a larger file fails to read (ImportFailed) as ``plain_size`` would have turned it away
        parsed_all = read_articles(path, published=published, max_bytes=MAX_FILE_BYTES)
        out = []
        for parsed in parsed_all:
            article = parsed.article("new")
            if len(article.text) > pieces.LONG:
                return None
            # ``pieces.read`` of an article this short: the engine's reading of it whole
            reading, matched = _analysed(article)
            digest, fp = content_hash(parsed.text), fingerprint(article.text)
            out.append(PreparedArticle(parsed, digest, fp, reading, (matched,)))
    except Exception:  # the import meets it again in its own process, and says what it was
        return None
    return PreparedFile(path, tuple(out))


def _analysed(article: Article) -> tuple[pieces.Reading, tuple[Matchable, ...]]:
    """``pieces.read(article)`` of an article short enough to be read whole (``engine.analyse``),
    and ``profile.matchables`` of its proposals, taking the profiles the engine made for them."""
    from ..engine import find_timexes
    from ..happening.profile import as_stored, of_proposal
    from ..proposals import proposed

    timexes = find_timexes(article)
    pairs = proposed([article], {article.id: timexes})
    found = []
    for p, mine in pairs:
        mine = mine if mine is not None else of_proposal(p)
        found.append((mine, as_stored(p, mine)))
    return pieces.Reading(timexes, (tuple(p for p, _ in pairs),)), tuple(found)


def prepare_files(paths: tuple[str, ...], published: dt.date | None) -> list[PreparedFile | None]:
    """``prepare_file`` of each of ``paths``: what a worker does with a chunk of the batch."""
    return [prepare_file(path, published) for path in paths]


def worker_started() -> None:
    """A worker process's set-up: its collector looks at young objects every ``GC_YOUNG``
    allocations, not 700. Nearly everything the engine makes of an article is freed by reference
    counting before that, so it no longer scans the same short-lived objects over and over."""
    gc.set_threshold(GC_YOUNG, *gc.get_threshold()[1:])


def worker_count(files: int) -> int:
    """Worker processes for a batch of ``files``: 0 means all in this process."""
    setting = os.environ.get(WORKERS_ENV, "").strip()
    if setting:
        try:
            return max(0, min(int(setting), MAX_WORKERS)) if files > 1 else 0
        except ValueError:
            log.warning("%s=%r is not a number; using the default", WORKERS_ENV, setting)
    if files < POOL_MIN_FILES:
        return 0
    try:
        cores = len(os.sched_getaffinity(0))
    except (AttributeError, OSError):
        cores = os.cpu_count() or 1
    # On two cores, one worker: 1.5-1.6x the one-process rate with the second core free, 0.8-0.97x
    # with both busy with other work (measured on 1,000 and 10,000 generated articles).
    return max(0, min(cores - SPARE_CORES, MAX_WORKERS))


class _Chunk:
    """Files handed over together, and where their preparation stands: ``HELD`` (not sent yet),
    ``SENT`` (to a worker: ``future``), ``DONE`` here (``results``), or ``HERE`` (the import works
    them itself, as a one-process import would)."""

    __slots__ = ("future", "paths", "results", "state")

    def __init__(self, paths: tuple[str, ...], state: str) -> None:
        self.paths = paths
        self.state = state
        self.future: Future[list[PreparedFile | None]] | None = None
        self.results: list[PreparedFile | None] | None = None


HELD, SENT, DONE, HERE = "held", "sent", "done", "here"
SENT_PER_WORKER = 2  # chunks with a worker at a time: the one it works on, and the next


class Ahead:
    """The files of a batch prepared by ``workers`` processes, taken in order with ``take``.

    Files go to the workers ``CHUNK`` at a time: each hand-over wakes this process's pool threads,
    which then compete with the store for the interpreter. A few chunks more are held back: when
    the store would wait for a worker, it prepares the last of them itself, or the files after every
    chunk ahead when all are with a worker (up to ``STEAL_AHEAD_PER_WORKER`` chunks ahead), so the
    workers and the store share the engine's work whichever is behind, and the store works while a
    worker starts.
    With no workers ``take`` returns None for every file (the import works each itself). Use as a
    context manager: leaving it stops the workers, dropping the files not started.
    """

    def __init__(
        self,
        paths: Sequence[str],
        published: dt.date | None,
        workers: int,
        task: Task = prepare_files,
    ) -> None:
        self.published = published
        self.workers = workers
        self.task = task
        self.todo = deque(paths)
        self.pending: deque[_Chunk] = deque()  # chunks ahead of the store, in order
        self.current: deque[tuple[str, PreparedFile | None]] = deque()  # the chunk being taken
        self.pool: ProcessPoolExecutor | None = None

    def __enter__(self) -> Ahead:
        if self.workers > 0:
            import multiprocessing
            from concurrent.futures import ProcessPoolExecutor

            # "spawn": a fresh interpreter per worker, never a fork of a process running Qt or threads
            context = multiprocessing.get_context("spawn")
            self.pool = ProcessPoolExecutor(
                self.workers, mp_context=context, initializer=worker_started
            )
            self._feed()
        return self

    def __exit__(self, kind: type[BaseException] | None, *exc: object) -> None:
        if self.pool is None:
            return
        if kind is not None:
            # Cancelled (or failed): what the workers are doing is not wanted, and not waited for
            processes = getattr(self.pool, "_processes", None) or {}
            for process in list(processes.values()):
                process.terminate()
        self.pool.shutdown(wait=True, cancel_futures=True)
        self.pool = None

    def _feed(self) -> None:
        """Keep ``AHEAD_PER_WORKER`` chunks per worker ahead of the store, ``SENT_PER_WORKER`` of
        them with the workers (the next files of the batch when the store prepared those held back)."""
        while self.todo and len(self.pending) < self.workers * AHEAD_PER_WORKER:
            self.pending.append(self._next_chunk(HELD if self.pool is not None else HERE))
        if self.pool is None:
            return
        sent = sum(1 for c in self.pending if c.state == SENT)
        held = deque(c for c in self.pending if c.state == HELD)
        while sent < self.workers * SENT_PER_WORKER and (held or self.todo):
            if held:
                chunk = held.popleft()
            else:
                chunk = self._next_chunk(HELD)
                self.pending.append(chunk)
            try:
                chunk.future = self.pool.submit(self.task, chunk.paths, self.published)
            except RuntimeError:  # a broken pool: every file from here on is worked here
                self._broken()
                return
            chunk.state = SENT
            sent += 1

    def _next_chunk(self, state: str) -> _Chunk:
        """The next ``CHUNK`` files of the batch, in order after every chunk already ahead."""
        return _Chunk(tuple(self.todo.popleft() for _ in range(min(CHUNK, len(self.todo)))), state)

    def _broken(self) -> None:
        log.warning("an import worker stopped; the rest of the batch is read in this process")
        if self.pool is not None:
            self.pool.shutdown(wait=True, cancel_futures=True)
            self.pool = None
        for chunk in self.pending:
            if chunk.state in (HELD, SENT):
                chunk.state, chunk.future = HERE, None

    def take(self, path: str, cancelled: Callable[[], bool] = lambda: False) -> PreparedFile | None:
        """The next file of the batch (``path``), prepared; None: work it here. Waiting for a
        worker, ``cancelled()`` is asked every ``WAIT_STEP`` seconds and stops with Cancelled."""
        if not self.current and self.pending:
            chunk = self.pending.popleft()
            self._feed()
            results: list[PreparedFile | None] | None = None
            if chunk.state == SENT and chunk.future is not None:
                results = self._wait(chunk.future, cancelled)
            elif chunk.state == DONE:
                results = chunk.results
            if results is None or len(results) != len(chunk.paths):
                results = [None] * len(chunk.paths)
            self.current.extend(zip(chunk.paths, results, strict=True))
        if not self.current or self.current[0][0] != path:
            return None  # not a file this batch sent out
        return self.current.popleft()[1]

    def _steal(self, cancelled: Callable[[], bool]) -> bool:
        """Prepare here the last chunk held back (``prepare_file``, as a worker would), or when every
        chunk ahead is with a worker, the next files of the batch; False when there are none."""
        held = [c for c in self.pending if c.state == HELD]
        if held:
            chunk = held[-1]
        elif self.todo and len(self.pending) < self.workers * STEAL_AHEAD_PER_WORKER:
            # every chunk in the window is with a worker (one starting, or one slower than the
            # store): prepare the next files beyond it rather than wait
            chunk = self._next_chunk(HELD)
            self.pending.append(chunk)
        else:
            return False
        results: list[PreparedFile | None] = []
        for path in chunk.paths:
            if cancelled():
                raise Cancelled()
            results.append(prepare_file(path, self.published))
        chunk.state, chunk.results = DONE, results
        return True

    def _wait(
        self, future: Future[list[PreparedFile | None]], cancelled: Callable[[], bool]
    ) -> list[PreparedFile | None] | None:
        from concurrent.futures import TimeoutError as Timeout
        from concurrent.futures.process import BrokenProcessPool

        while True:
            if not future.done() and self._steal(cancelled):
                continue
            try:
                return future.result(timeout=WAIT_STEP)
            except Timeout:
                if cancelled():
                    raise Cancelled() from None
            except Exception as exc:  # the worker died or could not send its result
                log.warning("an import worker failed (%s); its files are read here", exc)
                if isinstance(exc, BrokenProcessPool):
                    self._broken()
                return None
