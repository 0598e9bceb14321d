"""The ingest service: article files into the store, and stored documents through the engine again.

One ``Ingest`` owns a store and the matching index its imports use. Every use case that runs the engine
over documents goes through it: import, re-extraction with a newer engine, and re-anchoring after a
publication date changes (``SetPublished``). An import or re-extraction runs the engine outside any
transaction, then folds each article in under the write lock in a transaction of its own (document,
timexes, events, sources, audit), so an edit made in another process waits at most one article's
writes; re-anchoring is part of the analyst's edit, one document inside its transaction.

Imports are idempotent by content hash; a bad file is reported by name with its reason and the batch
goes on; a cancelled import keeps every article already committed and lists the files it did not reach.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import logging
from collections import OrderedDict
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from .. import engine
from ..errors import Cancelled, DatelineError, ImportFailed
from ..happening.quotes import reread
from ..store.tx import Image, Snapshot, Tx, audit_diff, take_snapshot
from .integrate import Integrated, extractor_version, fold_in, refresh_sources, timex_rows
from .matchindex import MatchIndex, stamp
from .report import ImportReport, ProgressFn, ReextractReport, Tally

if TYPE_CHECKING:
    from ..model import Article
    from ..readers import ParsedArticle
    from ..store import Store

log = logging.getLogger(__name__)


def content_hash(text: str) -> str:
    """sha256 of the text with line endings and trailing spaces normalised: re-saved copies match."""
    lines = text.replace("\r\n", "\n").replace("\r", "\n").strip().split("\n")
    return hashlib.sha256("\n".join(line.rstrip() for line in lines).encode("utf-8")).hexdigest()


class Ingest:
    """Imports, re-extraction and re-anchoring over one store."""

    def __init__(self, store: Store) -> None:
        self.store = store
        # Stored proposed events, indexed for matching during imports. Kept between articles and
        # batches only while nothing else wrote to the database (``stamp``).
        self.index: MatchIndex | None = None
        # Profiles of stored events, for matching outside imports, by (id, version), least recently
        # used first.
        self.profiles: OrderedDict[tuple[int, int], Any] = OrderedDict()

    # ---- import ----
    def import_paths(
        self,
        paths: Sequence[str | Path],
        *,
        published: dt.date | None = None,
        progress: ProgressFn | None = None,
        cancel: Callable[[], bool] | None = None,
    ) -> ImportReport:
        from ..readers import iter_article_files

        files = [str(p) for p in iter_article_files(paths)]
        tally = Tally()
        total = len(files)
        for i, path in enumerate(files):
            try:
                if cancel is not None and cancel():
                    raise Cancelled()
                if progress is not None:
                    progress(i, total, path)
            except Cancelled:
                return tally.report(cancelled=True, not_processed=files[i:])
            self.import_file(path, published=published, tally=tally)
        if progress is not None and total:
            progress(total, total, "")
        return tally.report()

    def import_file(
        self, path: str, *, published: dt.date | None = None, tally: Tally | None = None
    ) -> Tally:
        """Import one file (all its articles); failures go to ``tally.failed``."""
        tally = tally if tally is not None else Tally()
        articles = _read(path, published, tally)
        seen: set[str] = set()
        for parsed in articles:
            tally.warnings.extend((parsed.path, w) for w in parsed.warnings)
            digest = content_hash(parsed.text)
            if digest in seen or self.store.document_id_by_hash(digest) is not None:
                tally.duplicates.append(parsed.path)
                continue
            seen.add(digest)
            article = parsed.article("new")
            try:
                analysis = engine.analyse(article)
            except Exception as exc:  # an engine bug on one text must not stop the batch
                log.exception("extraction failed on %s", parsed.path)
                tally.failed.append(
                    (parsed.path, f"date extraction failed ({type(exc).__name__}: {exc})")
                )
                continue
            try:
                self._store_new(parsed, article, digest, analysis, tally)
            except DatelineError as exc:
                tally.failed.append((parsed.path, exc.message))
        return tally

    def _store_new(
        self,
        parsed: ParsedArticle,
        article: Article,
        digest: str,
        analysis: engine.Analysis,
        tally: Tally,
    ) -> None:
        index = self._armed_index()
        try:
            with self.store.transaction() as tx:
                doc_id = tx.insert_document(_document_row(article, digest))
                tx.insert_timexes(doc_id, timex_rows(analysis.timexes, extractor_version()))
                proposals = engine.for_document(analysis.proposals, str(doc_id))
                result = fold_in(tx, self, doc_id, proposals, index=index, new=True)
                audit = _import_audit(article, digest, analysis, result)
                tx.audit("import", "document", doc_id, {}, audit)
                _audit_attached(tx)
        except BaseException:
            self.index = None  # it may hold what was rolled back
            raise
        index.stamp = stamp(self.store.conn)
        tally.imported.append((parsed.path, doc_id))
        if article.published is None:
            tally.undated.append(parsed.path)
        tally.events += len(result.added)
        tally.attached += len(result.attached)

    def _armed_index(self) -> MatchIndex:
        """The matching index, or a fresh one if anything else wrote since it was last brought up
        to date."""
        if self.index is None or self.index.stamp != stamp(self.store.conn):
            self.index = MatchIndex()
        return self.index

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
        """
        version = extractor_version()
        if document_ids is None:
            ids = self.store.document_ids(extractor_version_not=version if only_outdated else None)
        else:
            ids = list(document_ids)
        added = redated = flagged = done = 0
        for i, did in enumerate(ids):
            try:
                if cancel is not None and cancel():
                    raise Cancelled()
                if progress is not None:
                    progress(i, len(ids), f"document {did}")
            except Cancelled:
                return ReextractReport(i, added, redated, flagged, version, cancelled=True)
            article = self.store.document(did).article()
            analysis = engine.analyse(article)
            with self.store.transaction() as tx:
                if _stored_article(tx, did) != article:  # changed meanwhile: read it again
                    analysis = engine.analyse(_stored_article(tx, did))
                result = self.refold(tx, did, analysis)
                existing: dict[int, Image | None] = {
                    e: img for e, img in tx.before.events.items() if img is not None
                }
                audit_diff(
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
            added += len(result.added)
            redated += len(result.redated)
            flagged += len(result.flagged)
            done += 1
        return ReextractReport(done, added, redated, flagged, version)

    def reanchor(self, tx: Tx, document_id: int) -> Integrated:
        """Fold the engine's reading of a document into the store again, inside ``tx`` (which has
        just changed its publication date): the ``SetPublished`` command's work."""
        return self.refold(tx, document_id, engine.analyse(_stored_article(tx, document_id)))

    def refold(self, tx: Tx, document_id: int, analysis: engine.Analysis) -> Integrated:
        """A stored document's new reading, folded in without duplicating anything stored."""
        version = extractor_version()
        reviewed = {
            (r[0], r[1]): r[2]
            for r in tx.conn.execute(
                'SELECT start, "end", reviewed_value FROM timexes WHERE document_id = ? '
                "AND reviewed_value IS NOT NULL",
                (document_id,),
            )
        }
        tx.replace_timexes(document_id, timex_rows(analysis.timexes, version, reviewed))
        out = Integrated()
        # the sources read quoted speech from the day it was spoken, as the proposals do
        refresh_sources(tx, document_id, reread(analysis.article, analysis.timexes), version, out)
        result = fold_in(tx, self, document_id, analysis.proposals)
        result.flagged |= out.flagged
        result.redated |= out.redated
        tx.conn.execute(
            "UPDATE documents SET extractor_version = ? WHERE id = ?", (version, document_id)
        )
        return result


def _stored_article(tx: Tx, document_id: int) -> Article:
    from ..errors import NotFound
    from ..store.records import DOCUMENT_COLUMNS, document_record

    row = tx.conn.execute(
        f"SELECT {DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
    ).fetchone()
    if row is None:
        raise NotFound(f"There is no document {document_id}.")
    return document_record(row).article()


def _read(path: str, published: dt.date | None, tally: Tally) -> list[ParsedArticle]:
    from ..readers import read_articles

    try:
        return list(read_articles(path, published=published))
    except ImportFailed as exc:
        tally.failed.append((path, exc.reason))
    except OSError as exc:
        tally.failed.append((path, f"cannot be read: {exc.strerror or exc}"))
    except Exception as exc:  # a reader bug must not stop the batch
        log.exception("reading %s failed", path)
        tally.failed.append((path, f"could not be read ({type(exc).__name__}: {exc})"))
    return []


def _document_row(a: Article, digest: str) -> dict[str, object]:
    return {
        "content_hash": digest,
        "title": a.title,
        "text": a.text,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source,
        "source": a.source,
        "url": a.url,
        "author": a.author,
        "language": a.language,
        "path": a.path,
        "format": a.format,
        "encoding": a.encoding,
        "extractor_version": extractor_version(),
    }


def _import_audit(
    a: Article, digest: str, analysis: engine.Analysis, result: Integrated
) -> dict[str, object]:
    return {
        "title": a.title,
        "path": a.path,
        "content_hash": digest,
        "published": a.published.isoformat() if a.published else None,
        "published_source": a.published_source,
        "timexes": len(analysis.timexes),
        "events_added": result.added,
        "events_attached": sorted(result.attached),
    }


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
