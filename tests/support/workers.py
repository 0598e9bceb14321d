"""Stand-ins for an import's worker task (``Ingest.prepare_task``): they run in spawned worker
processes, so they live in an importable module."""

from __future__ import annotations

import datetime as dt
import os
import time

from dateline.core.ingest import prepare

CRASH = "crash"  # a file whose name holds this kills the worker that reads it
SLOW = "slow"  # a file whose name holds this keeps the worker busy for a minute
SLOW_MARK = "DATELINE_TEST_SLOW_MARK"  # a file the worker creates when it starts on a SLOW file


def dying(paths: tuple[str, ...], published: dt.date | None) -> list[prepare.PreparedFile | None]:
    """``prepare.prepare_files``, except that the worker process dies on a ``CRASH`` file."""
    if any(CRASH in os.path.basename(p) for p in paths):
        os._exit(3)
    return prepare.prepare_files(paths, published)


def slow(paths: tuple[str, ...], published: dt.date | None) -> list[prepare.PreparedFile | None]:
    """``prepare.prepare_files``, except that a ``SLOW`` file takes a minute (the worker creates
    the file named by the environment's ``SLOW_MARK`` when it starts on it)."""
    if any(SLOW in os.path.basename(p) for p in paths):
        with open(os.environ[SLOW_MARK], "w"):
            pass
        time.sleep(60)
    return prepare.prepare_files(paths, published)


LOG = "DATELINE_TEST_WORKER_LOG"  # a file the sluggish worker lists the files it prepared in


def sluggish(
    paths: tuple[str, ...], published: dt.date | None
) -> list[prepare.PreparedFile | None]:
    """``prepare.prepare_files``, a quarter of a second slower per chunk (a worker on a busy
    machine); it lists the files it prepared in the file named by the environment's ``LOG``."""
    time.sleep(0.25)
    with open(os.environ[LOG], "a", encoding="utf-8") as log:
        log.writelines(f"{p}\n" for p in paths)
    return prepare.prepare_files(paths, published)


_started: list[float] = []


def late(paths: tuple[str, ...], published: dt.date | None) -> list[prepare.PreparedFile | None]:
    """``prepare.prepare_files`` in a worker that takes three seconds to start (a busy machine
    starting a new interpreter); it lists the files it prepared in the file named by ``LOG``."""
    if not _started:
        _started.append(time.monotonic())
        time.sleep(3)
    with open(os.environ[LOG], "a", encoding="utf-8") as log:
        log.writelines(f"{p}\n" for p in paths)
    return prepare.prepare_files(paths, published)
