"""Which files of the paths a user gave are articles."""

from __future__ import annotations

import logging
import os
from collections.abc import Iterable, Iterator
from fnmatch import fnmatch
from pathlib import Path

from dateline.core.readers.article import ARTICLE_SUFFIXES
from dateline.core.readers.manifest import MANIFEST_NAME

log = logging.getLogger(__name__)

# Reference annotations live next to articles but are not articles; nor are the "~$name.docx"
# lock files Word leaves beside an open document.
_NOT_ARTICLES = (MANIFEST_NAME, "gold-*.json", "*.gold.json", "~$*")


def is_article_name(name: str) -> bool:
    """True for a file a folder walk should import (suffix known, not hidden, not metadata)."""
    lower = name.casefold()
    if name.startswith(".") or any(fnmatch(lower, pattern) for pattern in _NOT_ARTICLES):
        return False
    return Path(lower).suffix in ARTICLE_SUFFIXES


def iter_article_files(paths: Iterable[str | Path]) -> Iterator[Path]:
    """Explicit files as given (any suffix, even missing: the reader reports those); folders walked.

    Folders are walked recursively in sorted order (files and subfolders interleaved by name),
    skipping hidden entries, symlinked folders (loops), ``manifest.json`` and gold annotations.
    A file reached twice is yielded once.
    """
    seen: set[str] = set()
    for given in paths:
        path = Path(given)
        if path.is_dir():
            for found in _walk(path):
                if _first_time(found, seen):
                    yield found
        elif _first_time(path, seen):
            yield path


def _first_time(path: Path, seen: set[str]) -> bool:
    try:
        key = str(path.resolve())
    except OSError:
        key = str(path.absolute())
    if key in seen:
        return False
    seen.add(key)
    return True


def _walk(folder: Path) -> Iterator[Path]:
    # An explicit stack rather than recursion: a deep tree must not hit the recursion limit.
    stack: list[Iterator[os.DirEntry[str]]] = [_sorted_entries(folder)]
    while stack:
        entry = next(stack[-1], None)
        if entry is None:
            stack.pop()
            continue
        if entry.name.startswith("."):
            continue
        try:
            if entry.is_dir(follow_symlinks=False):
                stack.append(_sorted_entries(Path(entry.path)))
            elif entry.is_file() and is_article_name(entry.name):
                yield Path(entry.path)
        except OSError as exc:
            log.warning("skipped %s: %s", entry.path, exc)


def _sorted_entries(folder: Path) -> Iterator[os.DirEntry[str]]:
    try:
        with os.scandir(folder) as it:
            entries = list(it)
    except OSError as exc:
        log.warning("could not list folder %s: %s", folder, exc)
        return iter(())
    return iter(sorted(entries, key=lambda e: (e.name.casefold(), e.name)))
