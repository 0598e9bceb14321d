"""The ingest service: article files into the store, and stored documents through the engine again.

One ``Ingest`` owns a store and the matching index its imports use. Every use case that runs the engine
over documents goes through it: import, re-extraction with a newer engine, and re-anchoring after a
publication date changes (``SetPublished``). An import folds each article in under the write lock
(document, fingerprint, timexes, events, sources, audit) as a savepoint of a transaction held for at
most 0.1 s (``batch``); an edit waiting for the lock, in the window or another process, gets it at the
next article. A long article is read outside any transaction, a piece at a time (``pieces``), and so
is every article a re-extraction reads; what the matching index must read is read before the lock is
taken. Re-anchoring is part of the analyst's edit, one document inside its transaction.

Imports are idempotent by content hash; an article that copies a stored one is imported and linked to
it (``copies``); a bad file is reported by name with its reason and the batch goes on; progress is
reported inside a file too, and a cancel takes effect at the next step, keeping every article already
committed and listing what it did not reach (``watch``).
"""

from __future__ import annotations

import contextlib
import datetime as dt
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

from ..errors import Cancelled, DatelineError, ImportFailed
from ..happening import quotes
from ..readers.fingerprint import Fingerprint
from ..readers.fingerprint import fingerprint as take_fingerprint
from ..store.records import document_row
from ..store.tx import Image, Snapshot, Tx, audit_diff, take_snapshot
from . import copies, pieces, prepare
from .batch import Writes
from .integrate import (
    Integrated,
    extractor_version,
    fold_in,
    fold_in_new,
    refresh_sources,
    untouched_events,
)
from .matchindex import MatchIndex
from .prepare import content_hash
from .report import ImportReport, ProgressFn, ReextractCounts, ReextractReport, Tally
from .rows import TIMEX_COLUMNS, timex_rows, timex_values
from .watch import Watch, megabytes

if TYPE_CHECKING:
    from ..happening.profile import Matchable
    from ..model import Article, ProposedEvent
    from ..readers import ParsedArticle
    from ..store import Store

log = logging.getLogger(__name__)


class Ingest:
    """Imports, re-extraction and re-anchoring over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # Stored proposed events, indexed for matching during imports, kept in step with what
        # other writers change (``MatchIndex.sync``) between articles and batches.
        self.index: MatchIndex | None = None
        # Profiles of stored events, for matching outside imports, by (id, version), least recently
        # used first.
        self.profiles: OrderedDict[tuple[int, int], Any] = OrderedDict()
        # Worker processes reading and analysing an import's files ahead of the store
        # (``prepare``): None = as many as suit the batch and the machine, 0 = none.
        self.workers: int | None = None
        self.prepare_task: prepare.Task = prepare.prepare_files
        # when an import takes the write lock and leaves it free; an undone batch's events leave
        # the matching index with it
        self._writes = Writes(store, undone=self._forget_index)

    # ---- import ----
    def import_paths(
        self,
        paths: Sequence[str | Path],
        *,
        published: dt.date | None = None,
        progress: ProgressFn | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        """Import files and folders; ``progress`` hears of every file, article and step of a long
        article, and a cancel (``cancel()`` True, or ``progress`` raising Cancelled) stops at the
        next of them, keeping every article committed before (``watch``)."""
        from ..readers import iter_article_files

        files = [str(p) for p in iter_article_files(paths)]
        tally = Tally()
        watch = Watch(progress, cancel, len(files))
        i = 0
        workers = prepare.worker_count(len(files)) if self.workers is None else self.workers
        try:
            with prepare.Ahead(files, published, workers, self.prepare_task) as ahead:
                self._index_older_documents(watch)
                for i, path in enumerate(files):
                    watch.file(i, path)
                    ready = ahead.take(path, watch.cancelled)
                    self._import_file(path, published, tally, watch, ready)
        except Cancelled:
            self._writes.end_batch(tally)
            return tally.report(cancelled=True, not_processed=files[i:])
        finally:
            self._writes.end_batch(tally)
        watch.finished()
        return tally.report()

    def import_file(
        self, path: str, *, published: dt.date | None = None, tally: Tally | None = None
    ) -> Tally:
        """Import one file (all its articles); failures go to ``tally.failed``."""
        tally = tally if tally is not None else Tally()
        try:
            self._import_file(path, published, tally, Watch(None, None, 1))
        finally:
            self._writes.end_batch(tally)
        return tally

    def _import_file(
        self,
        path: str,
        published: dt.date | None,
        tally: Tally,
        watch: Watch,
        ready: prepare.PreparedFile | None = None,
    ) -> None:
        """Import the articles of ``path``; ``ready``: read and analysed by a worker already."""
        prepared = ready.articles if ready is not None else None
        articles = [a.parsed for a in prepared] if prepared is not None else None
        if articles is None:
            if not prepare.plain_size(path):
                self._writes.end_batch(tally)  # a large file is read with the lock free
            articles = _read(path, published, tally, watch)
        seen: set[str] = set()
        done = 0
        try:
            for k, parsed in enumerate(articles):
                if len(articles) > 1:
                    watch.step(f"article {k + 1} of {len(articles)}")
                item = prepared[k] if prepared is not None else None
                done += self._import_article(parsed, seen, tally, watch, item)
        except Cancelled:
            if done:
                tally.partly.append((path, done, len(articles)))
            raise

    def _import_article(
        self,
        parsed: ParsedArticle,
        seen: set[str],
        tally: Tally,
        watch: Watch,
        ready: prepare.PreparedArticle | None = None,
    ) -> bool:
        tally.warnings.extend((parsed.path, w) for w in parsed.warnings)
        digest = ready.digest if ready is not None else content_hash(parsed.text)
        if digest in seen or self.store.document_id_by_hash(digest) is not None:
            tally.duplicates.append(parsed.path)
            return False
        seen.add(digest)
        article = parsed.article("new")
        if ready is not None:
            fingerprint, reading = ready.fingerprint, ready.reading
        else:
            if len(article.text) > pieces.LONG:
                self._writes.end_batch(tally)  # a long article is read with the lock free
            analysed = _analyse(article, tally, watch)
            if analysed is None:
                return False
            fingerprint, reading = analysed
        spans = [(p.earliest, p.latest) for p in reading.proposals if p.earliest and p.latest]
        if self.index is None or not self.index.holds(spans):
            self._writes.end_batch(tally)  # stored events are read for matching with the lock free
        index = self._ready_index(spans)
        self._writes.before_article(tally, batched=len(article.text) <= pieces.LONG)
        try:
            given = ready.matchables if ready is not None else ()
            self._store_new(
                parsed, article, digest, (fingerprint, reading, given), tally, watch, index
            )
        except Cancelled:
            raise
        except DatelineError as exc:
            tally.failed.append((parsed.path, exc.message))
            self._writes.failed(tally, f"undone when writing {parsed.path} failed: {exc.message}")
            return False
        finally:
            self._writes.after_article()
        return True

    def _store_new(
        self,
        parsed: ParsedArticle,
        article: Article,
        digest: str,
        read: tuple[Fingerprint, pieces.Reading, Sequence[Sequence[Matchable]]],
        tally: Tally,
        watch: Watch,
        index: MatchIndex,
    ) -> None:
        """``read``: its fingerprint, reading and (from a worker) ``profile.matchables``."""
        fingerprint, reading, given = read
        result = Integrated()
        try:
            # a batch's article is written in milliseconds; an interrupted write would undo the batch
            guard = contextlib.nullcontext if self._writes.batch.open else watch.sql_guard
            with self.store.transaction() as tx, guard(tx.conn):
                index.sync(tx.conn)  # what was committed since, usually nothing
                original = copies.find_original(tx.conn, fingerprint)
                row = document_row(article, digest, extractor_version())
                row["copy_of"] = original.document_id if original is not None else None
                doc_id = tx.insert_document(row)
                copies.record(tx, doc_id, fingerprint)
                timexes = timex_values(reading.timexes, extractor_version())
                tx.insert_timex_values(doc_id, TIMEX_COLUMNS, timexes)
                copied = _copy_target(tx, original)
                result = fold_in_new(
                    tx, self, doc_id, reading.parts, given, index, copied, watch.step
                )
                audit = _import_audit(article, digest, reading, result, original)
                tx.audit("import", "document", doc_id, {}, audit)
                _audit_attached(tx)
                index.seal(tx.conn)
        except BaseException:
            self.index = None  # it may hold what was rolled back
            raise
        tally.imported.append((parsed.path, doc_id))
        if original is not None:
            tally.copies.append((parsed.path, doc_id, original.document_id, original.path))
        if article.published is None:
            tally.undated.append(parsed.path)
        tally.events += len(result.added)
        tally.attached += len(result.attached)

    def _forget_index(self) -> None:
        self.index = None  # it holds what was rolled back

    def _ready_index(self, spans: Sequence[tuple[dt.date, dt.date]]) -> MatchIndex:
        """The matching index, up to date with the database and holding the years of ``spans`` (an
        article's proposals'): read before the article's writes, and outside the write lock when it
        has anything to load, so an edit never waits on it."""
        conn = self.store.conn
        with self.store.reading():
            if self.index is None:
                self.index = MatchIndex(conn)
            else:
                self.index.sync(conn)
            self.index.prepare(conn, spans)
        return self.index

    def _index_older_documents(self, watch: Watch) -> None:
        """Fingerprint the documents of a project made before copies were looked for (m012), so new
        articles are compared with them too; their own copies get linked."""
        with self.store.reading():
            ids = copies.unindexed(self.store.conn)
        if ids:
            copies.backfill(
                self.store,
                ids,
                take_fingerprint,
                lambda d, t: watch.step(f"looking for copies among stored documents, {d} of {t}"),
            )

    # ---- documents already stored ----
    def reextract(
        self,
        document_ids: Sequence[int] | None = None,
        *,
        only_outdated: bool = False,
        progress: ProgressFn | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ReextractReport:
        """Run the current engine again over stored documents, one transaction each.

        Never duplicates: a mention already stored is matched by its span. Never overwrites analyst
        work: only events still "proposed" are re-dated; reviewed ones are flagged "anchor-changed".
        The report counts what changed in the store, whatever the cause.
        """
        version = extractor_version()
        if document_ids is None:
            ids = self.store.document_ids(extractor_version_not=version if only_outdated else None)
        else:
            ids = list(document_ids)
        counts = ReextractCounts()
        watch = Watch(progress, cancel, len(ids))
        for i, did in enumerate(ids):
            try:
                watch.file(i, f"document {did}")
            except Cancelled:
                return counts.report(i, version, cancelled=True)
            article = self.store.document(did).article()
            reading = pieces.read(article)
            with self.store.transaction() as tx:
                if _stored_article(tx, did) != article:  # changed meanwhile: read it again
                    reading = pieces.read(_stored_article(tx, did))
                result = self.refold(tx, did, reading)
                existing: dict[int, Image | None] = {
                    e: img for e, img in tx.before.events.items() if img is not None
                }
                changed = audit_diff(
                    tx,
                    "reextract",
                    Snapshot(events=existing),
                    Snapshot(events=tx.after().events),
                    skip_created=True,
                )
                tx.audit(
                    "reextract",
                    "document",
                    did,
                    {},
                    {
                        "extractor_version": version,
                        "events_added": result.added,
                        "events_redated": sorted(result.redated),
                        "events_flagged": sorted(result.flagged),
                    },
                )
            counts.add(result, changed)
        return counts.report(len(ids), version)

    def read_ahead(self, article: Article) -> ReadAhead:
        """``article`` (a stored document as a change is about to leave it) through the engine, read
        before the change takes the write lock: a long document takes seconds (``reanchor``)."""
        return ReadAhead(article, pieces.read(article))

    def reanchor(self, tx: Tx, document_id: int, ahead: ReadAhead | None = None) -> Integrated:
        """Fold the engine's reading of a document into the store again, inside ``tx`` (which has
        just changed its publication date): the ``SetPublished`` command's work.

        The document's events nobody touched are read again as an import with that date would
        read them (``integrate.untouched_events``): reports that only now have a date, the news of
        the day dated by the new publication date, reports grouped as the engine groups them, and
        matched with other documents' events. The rest keep their ids; their sources follow the
        new reading. The reading is ``ahead``'s, taken before the lock, when the document is still
        the article it read; else (changed meanwhile, or not read ahead) it is read here.
        """
        before = tx.before.documents.get(document_id)
        now = tx.conn.execute(
            "SELECT published FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        moved = before is None or now is None or before["row"]["published"] != now[0]
        article = _stored_article(tx, document_id)
        reading = ahead.reading if ahead is not None and ahead.article == article else None
        if reading is None:
            reading = pieces.read(article)
        return self.refold(tx, document_id, reading, reread=moved)

    def refold(
        self, tx: Tx, document_id: int, reading: pieces.Reading, *, reread: bool = False
    ) -> Integrated:
        """A stored document's new reading, folded in without duplicating anything stored; with
        ``reread``, its untouched events are replaced by the new reading's."""
        version = extractor_version()
        reviewed = {
            (r[0], r[1]): r[2]
            for r in tx.conn.execute(
                'SELECT start, "end", reviewed_value FROM timexes WHERE document_id = ? '
                "AND reviewed_value IS NOT NULL",
                (document_id,),
            )
        }
        tx.replace_timexes(document_id, timex_rows(reading.timexes, version, reviewed))
        out = Integrated()
        if reread:
            out.removed = untouched_events(tx, document_id)
            for eid in out.removed:
                tx.delete_event(eid)
        # the sources read quoted speech from the day it was spoken, as the proposals do
        article = _stored_article(tx, document_id)
        refresh_sources(tx, document_id, quotes.reread(article, reading.timexes), version, out)
        copied = _copy_target(tx, copies.original_of(tx.conn, document_id))
        for part in reading.parts:
            out.merge(fold_in(tx, self, document_id, part, copied=copied))
        tx.set_extractor_version(document_id, version)
        return out


@dataclass(frozen=True)
class ReadAhead:
    """A document's reading taken outside the write lock, with the article it read."""

    article: Article
    reading: pieces.Reading


def _analyse(
    article: Article, tally: Tally, watch: Watch
) -> tuple[Fingerprint, pieces.Reading] | None:
    """The article's fingerprint and its reading by the engine; None (and why, in ``tally``)
    when the engine fails on it."""
    long = len(article.text) > pieces.LONG
    fingerprint = take_fingerprint(
        article.text, (lambda: watch.step("comparing with stored articles")) if long else None
    )
    try:
        reading = pieces.read(
            article, (lambda d, t: watch.step(f"analysed {megabytes(d, t)}")) if long else None
        )
    except Cancelled:
        raise
    except Exception as exc:  # an engine bug on one text must not stop the batch
        log.exception("extraction failed on %s", article.path)
        tally.failed.append((article.path, f"date extraction failed ({type(exc).__name__}: {exc})"))
        return None
    return fingerprint, reading


def _stored_article(tx: Tx, document_id: int) -> Article:
    from ..errors import NotFound
    from ..store.records import DOCUMENT_COLUMNS, document_record

    row = tx.conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"There is no document {document_id}.")
    return document_record(row).article()


def _read(path: str, published: dt.date | None, tally: Tally, watch: Watch) -> list[ParsedArticle]:
    from ..readers import read_articles

    def pages(done: int, total: int) -> None:
        watch.step(f"reading, {done} of {total}")

    try:
        return list(read_articles(path, published=published, progress=pages))
    except Cancelled:
        raise
    except ImportFailed as exc:
        tally.failed.append((path, exc.reason))
    except OSError as exc:
        tally.failed.append((path, f"cannot be read: {exc.strerror or exc}"))
    except Exception as exc:  # a reader bug must not stop the batch
        log.exception("reading %s failed", path)
        tally.failed.append((path, f"could not be read ({type(exc).__name__}: {exc})"))
    return []


def _import_audit(
    a: Article,
    digest: str,
    reading: pieces.Reading,
    result: Integrated,
    original: copies.Original | None,
) -> dict[str, object]:
    audit: dict[str, object] = {
        "title": a.title,
        "path": a.path,
        "content_hash": digest,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source,
        "timexes": len(reading.timexes),
        "events_added": result.added,
        "events_attached": sorted(result.attached),
    }
    if original is not None:
        audit["copy_of"] = original.document_id
        audit["resemblance"] = original.resemblance
    return audit


def _copy_target(
    tx: Tx, original: copies.Original | None
) -> Callable[[ProposedEvent], tuple[int, str] | None] | None:
    if original is None:
        return None
    return copies.copy_target(
        original.document_id, copies.quoted_events(tx.conn, original.document_id)
    )


def _audit_attached(tx: Tx) -> None:
    """Events already stored that gained sources get their own audit rows."""
    existing: dict[int, Image | None] = {
        e: img for e, img in tx.before.events.items() if img is not None
    }
    if existing:
        after = take_snapshot(tx.conn, existing, ())
        audit_diff(tx, "import", Snapshot(events=existing), after, skip_created=True)


def import_paths(
    store: Store,
    paths: Sequence[str | Path],
    *,
    published: dt.date | None = None,
    progress: ProgressFn | None = None,
    cancel: Callable[[], bool] | None = None,
) -> ImportReport:
    """``Ingest(store).import_paths(...)``: one batch with a fresh service."""
    return Ingest(store).import_paths(paths, published=published, progress=progress, cancel=cancel)
