"""An explicit, scoped pause of the garbage collector's full passes, and fewer young ones, for large
imports.

A large import grows the matching index by thousands of objects per hundred articles, and CPython runs a
full (oldest-generation) collection each time the long-lived objects have grown by a quarter: each walks
the whole heap, about 3% of a large import, to free nothing (an import leaves no cycles behind; the
young generations still run). The collector is process-wide, so the library never touches it on its
own: a caller that runs a large batch (the ``import`` command, the window's import task, the store
benchmark) asks for the pause around it.

Inside the block the young generation is also looked at every ``YOUNG`` allocations, not 700, as an
import's workers do (``prepare.worker_started``): the store takes in a worker's results as thousands of
objects an article (unpickled timexes, proposals, profiles), and the collector scanned them again and
again while they were stored. On 1,000 generated articles stored from a worker's results, the store's
instructions fell by 2.0%.
"""

from __future__ import annotations

import gc
import threading
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG = 10_000  # allocations between two collections of the young objects inside the block
_lock = threading.Lock()
_holders = 0
_saved: tuple[int, int, int] | None = None


@contextmanager
def full_collections_held() -> Iterator[None]:
    """Hold off full collections inside the block, and collect the young objects every ``YOUNG``
    allocations; the thresholds come back when the last holder in the process leaves (blocks may
    nest and overlap across threads)."""
    global _holders, _saved
    with _lock:
        if _holders == 0:
            _saved = gc.get_threshold()
            gc.set_threshold(max(_saved[0], YOUNG), _saved[1], 1_000_000)
        _holders += 1
    try:
        yield
    finally:
        with _lock:
            _holders -= 1
            if _holders == 0 and _saved is not None:
                gc.set_threshold(*_saved)
