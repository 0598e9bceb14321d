"""Import article files into the store: read, extract, fold in, one transaction per file.

Idempotent by content hash; a bad file is reported by name with its reason and the batch goes on;
a cancelled import keeps every file already committed and lists the ones it did not reach.
"""

from __future__ import annotations

import datetime as dt
import gc
import hashlib
import logging
import threading
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import Cancelled, DatelineError, ImportFailed
from .model import Article, Timex
from .store import Store
from .store.ingest import extract_document, extractor_version
from .store.matchindex import MatchIndex, stamp
from .store.records import now_utc
from .store.tx import Snapshot, audit_diff, take_snapshot

log = logging.getLogger(__name__)

ProgressFn = Callable[[int, int, str], None]  # (done, total, current path); raise Cancelled to stop


@dataclass(frozen=True)
class ImportReport:
    imported: tuple[tuple[str, int], ...] = ()  # (path, document id)
    duplicates: tuple[str, ...] = ()
    failed: tuple[tuple[str, str], ...] = ()  # (path, reason)
    cancelled: bool = False
    not_processed: tuple[str, ...] = ()  # files left when cancelled
    events_proposed: int = 0
    sources_attached: int = 0  # new sources given to events already stored (same happening)
    undated: tuple[str, ...] = ()  # imported without a publication date: relative dates wait
    warnings: tuple[tuple[str, str], ...] = ()  # (path, warning) from the readers

    def summary(self) -> str:
        """ "2 imported, 1 duplicate, 1 failed" (plus cancelled / not processed when relevant)."""
        parts = [f"{len(self.imported)} imported"]
        n = len(self.duplicates)
        parts.append(f"{n} duplicate" + ("" if n == 1 else "s"))
        parts.append(f"{len(self.failed)} failed")
        if self.undated:
            parts.append(f"{len(self.undated)} without publication date")
        if self.cancelled:
            parts.append(f"cancelled with {len(self.not_processed)} not processed")
        return ", ".join(parts)

    @property
    def all_failed(self) -> bool:
        return bool(self.failed) and not self.imported and not self.duplicates


def content_hash(text: str) -> str:
    """sha256 of the text with line endings and trailing spaces normalised: re-saved copies match."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    return hashlib.sha256("\n".join(line.rstrip() for line in lines).encode("utf-8")).hexdigest()


@dataclass
class _Acc:
    imported: list[tuple[str, int]]
    duplicates: list[str]
    failed: list[tuple[str, str]]
    undated: list[str]
    warnings: list[tuple[str, str]]
    events: int = 0
    attached: int = 0


def _match_index(store: Store) -> MatchIndex:
    """The store's matching index, armed for one file; a fresh one if anything else wrote since."""
    index: MatchIndex | None = store.__dict__.get("_match_index")
    if index is None or index.stamp != stamp(store.conn):
        index = store.__dict__["_match_index"] = MatchIndex()
    store.__dict__["_match_index_armed"] = index
    return index


_gc_lock = threading.Lock()
_gc_holders = 0
_gc_saved: tuple[int, int, int] | None = None


@contextmanager
def _no_full_collections() -> Iterator[None]:
    """Hold off the garbage collector's full (oldest-generation) passes while a batch imports.

    The matching index grows by thousands of objects per hundred articles, and CPython runs a full
    pass each time the long-lived objects have grown by a quarter: each walks the whole heap, about
    3% of a large import, to find nothing (an import leaves no cycles behind; the young generations
    still run). The previous thresholds are restored when the last import in the process ends.
    """
    global _gc_holders, _gc_saved
    with _gc_lock:
        if _gc_holders == 0:
            _gc_saved = gc.get_threshold()
            gc.set_threshold(_gc_saved[0], _gc_saved[1], 1_000_000)
        _gc_holders += 1
    try:
        yield
    finally:
        with _gc_lock:
            _gc_holders -= 1
            if _gc_holders == 0 and _gc_saved is not None:
                gc.set_threshold(*_gc_saved)


def import_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    from .readers import iter_article_files

    files = [str(p) for p in iter_article_files(paths)]
    acc = _Acc([], [], [], [], [])
    total = len(files)
    not_processed: list[str] = []
    cancelled = False
    with _no_full_collections():
        for i, path in enumerate(files):
            try:
                if cancel is not None and cancel():
                    raise Cancelled()
                if progress is not None:
                    progress(i, total, path)
            except Cancelled:
                cancelled, not_processed = True, files[i:]
                break
            import_file(store, path, published=published, acc=acc)
        else:
            if progress is not None and total:
                progress(total, total, "")
    return ImportReport(
        imported=tuple(acc.imported),
        duplicates=tuple(acc.duplicates),
        failed=tuple(acc.failed),
        cancelled=cancelled,
        not_processed=tuple(not_processed),
        events_proposed=acc.events,
        sources_attached=acc.attached,
        undated=tuple(acc.undated),
        warnings=tuple(acc.warnings),
    )


def import_file(
    store: Store, path: str, *, published: dt.date | None = None, acc: _Acc | None = None
) -> _Acc:
    """Import one file (all its articles) in one transaction; failures go to ``acc.failed``."""
    from .readers import read_articles
    from .temporal import find_timexes

    acc = acc if acc is not None else _Acc([], [], [], [], [])
    try:
        articles = read_articles(path, published=published)
    except ImportFailed as exc:
        acc.failed.append((path, exc.reason))
        return acc
    except OSError as exc:
        acc.failed.append((path, f"cannot be read: {exc.strerror or exc}"))
        return acc
    except Exception as exc:  # a reader bug must not stop the batch
        log.exception("reading %s failed", path)
        acc.failed.append((path, f"could not be read ({type(exc).__name__}: {exc})"))
        return acc
    prepared: list[tuple[Any, str, list[Timex]]] = []
    seen: set[str] = set()
    for art in articles:
        acc.warnings.extend((art.path, w) for w in art.warnings)
        digest = content_hash(art.text)
        if digest in seen or store.document_id_by_hash(digest) is not None:
            acc.duplicates.append(art.path)
            continue
        seen.add(digest)
        try:
            timexes = find_timexes(art.text, art.published)
        except Exception as exc:  # an engine bug on one text must not stop the batch
            log.exception("extraction failed on %s", art.path)
            acc.failed.append((art.path, f"date extraction failed ({type(exc).__name__}: {exc})"))
            continue
        prepared.append((art, digest, timexes))
    if not prepared:
        return acc
    done: list[tuple[str, int, bool]] = []
    events = attached = 0
    index = _match_index(store)
    try:
        with store.transaction() as tx:
            for art, digest, timexes in prepared:
                cur = tx.conn.execute(
                    "INSERT INTO documents (content_hash, title, text, published, published_source, "
                    "source, url, author, language, path, format, encoding, imported_at, "
                    "extractor_version) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
                    (
                        digest, art.title, art.text,
                        art.published.isoformat() if art.published else None,
                        art.published_source if art.published else "unknown",
                        art.source, art.url, art.author, art.language, art.path, art.format,
                        art.encoding, now_utc(), extractor_version(),
                    ),
                )  # fmt: skip
                doc_id = int(cur.lastrowid or 0)
                stored = Article(
                    id=str(doc_id),
                    text=art.text,
                    title=art.title,
                    published=art.published,
                    path=art.path,
                    published_source=art.published_source if art.published else "unknown",
                )
                result = extract_document(tx, store, doc_id, timexes=timexes, new=stored)
                events += len(result.added)
                attached += len(result.attached)
                tx.audit(
                    "import",
                    "document",
                    doc_id,
                    {},
                    {
                        "title": art.title,
                        "path": art.path,
                        "content_hash": digest,
                        "published": art.published.isoformat() if art.published else None,
                        "published_source": art.published_source if art.published else "unknown",
                        "timexes": len(timexes),
                        "events_added": result.added,
                        "events_attached": sorted(result.attached),
                    },
                )
                done.append((art.path, doc_id, art.published is None))
            # Existing events that gained sources get their own audit rows.
            existing = {e: img for e, img in tx.before.events.items() if img is not None}
            if existing:
                after = take_snapshot(tx.conn, existing, ())
                audit_diff(
                    tx,
                    "import",
                    Snapshot(events=existing),
                    after,
                    skip_created=True,
                )
    except DatelineError as exc:
        store.__dict__.pop("_match_index", None)  # it may hold what was rolled back
        acc.failed.append((path, exc.message))
        return acc
    except BaseException:
        store.__dict__.pop("_match_index", None)
        raise
    finally:
        store.__dict__.pop("_match_index_armed", None)
    index.stamp = stamp(store.conn)
    acc.imported.extend((p, d) for p, d, _ in done)
    acc.undated.extend(p for p, _, undated in done if undated)
    acc.events += events
    acc.attached += attached
    return acc
