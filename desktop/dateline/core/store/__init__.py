"""The analyst's database: one SQLite file per project (sqlite-utils over sqlite3).

Reads are plain methods that let SQLite filter and sort; every write is a command
(``dateline.core.commands``) applied in one transaction together with its audit rows. One ``Store`` per
thread: a connection must not be used by two threads at once.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import functools
import getpass
import os
import sqlite3
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import ParamSpec, Protocol, TypeVar

from sqlite_utils import Database

from ..errors import NotFound, StoreError
from ..model import AuditEntry, DocumentRecord, EventRecord, ExportBundle, Status, TimexRecord
from . import connection, pending
from . import records as rec
from .change import Change
from .connection import default_db_path
from .queries import ORDERS, EventFilter, order_sql, overlapping_ids_sql, where_sql
from .schema import SCHEMA_STEPS, migrations
from .search import DocumentHit, search_documents
from .tx import Snapshot, Tx, audit_diff, restore, verify

__all__ = [
    "ORDERS",
    "Change",
    "DocumentHit",
    "EventFilter",
    "Store",
    "default_db_path",
]

P = ParamSpec("P")
R = TypeVar("R")


class Command(Protocol):
    """What the store needs of a command (see ``dateline.core.commands``)."""

    @property
    def action(self) -> str: ...  # what the audit trail calls it: "accept", "merge"

    _snapshots: tuple[Snapshot, Snapshot] | None

    def prepare(self, store: Store) -> None: ...
    def execute(self, tx: Tx, store: Store) -> str: ...
    def undo_message(self) -> str: ...


def _readable(exc: sqlite3.Error, path: Path) -> StoreError:
    text = str(exc)
    low = text.lower()
    if "locked" in low or "busy" in low:
        return StoreError(
            f"The database {path} is busy or locked by another program; try again.", text
        )
    if "readonly" in low or "read-only" in low:
        return StoreError(f"The database {path} is read-only; changes cannot be saved.", text)
    if "not a database" in low or "malformed" in low or "corrupt" in low:
        return StoreError(f"The file {path} is not a Dateline database or is damaged.", text)
    if "unable to open" in low:
        return StoreError(f"The database {path} cannot be opened.", text)
    if "disk" in low and ("full" in low or "i/o" in low):
        return StoreError(
            f"The database {path} cannot be written: the disk is full or failing.", text
        )
    return StoreError(f"The database {path} refused the operation ({text}).", text)


def _guarded(fn: Callable[P, R]) -> Callable[P, R]:
    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except sqlite3.Error as exc:
            store = args[0]
            raise _readable(exc, getattr(store, "path", Path("?"))) from exc

    return wrapper


def _refuse_kind(db: Database, path: Path) -> None:
    known = set(SCHEMA_STEPS)
    applied = [m.name for m in migrations.applied(db)]
    unknown = [name for name in applied if name not in known]
    if unknown:
        raise StoreError(
            f"The database {path} was written by a newer version of Dateline (schema step "
            f"{unknown[-1]}); open it with that version or a later one."
        )
    foreign = db.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
        "AND name != '_sqlite_migrations' LIMIT 1"
    ).fetchone()
    if not applied and foreign:
        raise StoreError(f"The file {path} is an SQLite database but not a Dateline project.")


class Store:
    def __init__(self, conn: sqlite3.Connection, path: Path, who: str, readonly: bool) -> None:
        self.conn = conn
        self.db = Database(conn)
        self.path = path
        self.who = who
        self.readonly = readonly
        self._run: tuple[int, int] | None = None  # a run's ``pending.marks``

    # ---- opening ----
    @classmethod
    def open(
        cls,
        path: str | Path | None = None,
        *,
        who: str | None = None,
        readonly: bool = False,
        create: bool = True,
    ) -> Store:
        """Open (or, with ``create``, make) a project. A file this process may not write opens
        read-only (``store.readonly``); an empty file, one that is not a project, or one written by a
        newer Dateline is refused with a StoreError saying so."""
        p = Path(path).expanduser() if path else default_db_path()
        if who is None:
            try:
                who = getpass.getuser()
            except Exception:
                who = "analyst"
        try:
            state = connection.check_file(p)
            if state == "missing":
                if readonly or not create:
                    raise StoreError(f"There is no database at {p}.")
                connection.create(p, lambda conn: migrations.apply(Database(conn)))
            else:
                cls._refuse_unknown(p)  # before a writable connection creates or converts anything
            readonly = readonly or state == "readonly"
            conn = connection.connect(p, readonly=readonly)
            store = cls(conn, p, who, readonly)
            try:
                store._migrate()
            except BaseException:
                store.close()
                raise
            return store
        except sqlite3.Error as exc:
            raise _readable(exc, p) from exc
        except OSError as exc:
            raise StoreError(f"The database {p} cannot be opened: {exc.strerror or exc}.") from exc

    def _migrate(self) -> None:
        """Bring the schema up to date, one step per transaction, each under the write lock (so two
        openers never apply a step twice), after a backup of the file as it was."""
        self._refuse_newer()
        if not migrations.pending(self.db):
            return
        if self.readonly:
            raise StoreError(f"The database {self.path} needs an upgrade; open it writable once.")
        if migrations.applied(self.db):
            self._backup_before_upgrade()
        while True:
            with connection.write_transaction(self.conn):
                pending = migrations.pending(self.db)  # again, now that nobody else can write
                if not pending:
                    return
                migrations.apply(self.db, stop_before=[m.name for m in pending[1:]])

    def _backup_before_upgrade(self) -> None:
        """``<file>.bak-<its last step>``: a consistent copy, named after the steps it holds."""
        tmp = self.path.with_name(f".{self.path.name}.bak-{os.getpid()}-{id(self)}")
        self.backup(tmp)
        copy = Database(str(tmp))
        try:
            last = migrations.applied(copy)[-1].name
        finally:
            copy.close()
        os.replace(tmp, self.path.with_name(f"{self.path.name}.bak-{last}"))

    @staticmethod
    def _refuse_unknown(path: Path) -> None:
        """Refuse a project of a newer Dateline or another program's database, reading the file as
        it stands (nothing created beside it). A file being written may read torn: then the real
        connection decides."""
        conn = connection.peek(path)
        if conn is not None:
            with contextlib.closing(conn), contextlib.suppress(sqlite3.Error):
                _refuse_kind(Database(conn), path)

    def _refuse_newer(self) -> None:
        _refuse_kind(self.db, self.path)

    @_guarded
    def backup(self, dest: Path) -> Path:
        """A consistent copy of the database (sqlite backup API), safe while others read."""
        target = sqlite3.connect(str(dest))
        try:
            self.conn.backup(target)
        finally:
            target.close()
        return dest

    def schema_steps(self) -> list[str]:
        return [m.name for m in migrations.applied(self.db)]

    def close(self) -> None:
        connection.close(self.conn, readonly=self.readonly)

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    # ---- transactions (core-internal: commands, importing, services) ----
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Tx]:
        if self.readonly:
            raise StoreError(f"The database {self.path} is open read-only.")
        try:
            with connection.write_transaction(self.conn):
                yield Tx(self.conn, self.who, deferred=self._run is not None)
        except sqlite3.Error as exc:
            raise _readable(exc, self.path) from exc

    def begin_run(self) -> None:
        """Take the write lock for a run of transactions: until ``end_run``, each ``transaction()``
        is a savepoint inside one (an import storing worker-prepared articles: ``ingest.batch``),
        whose search rows are written as the run commits (``pending``)."""
        if self.readonly:
            raise StoreError(f"The database {self.path} is open read-only.")
        try:
            connection.begin_immediate(self.conn)
            self._run = pending.marks(self.conn)
        except sqlite3.Error as exc:
            raise _readable(exc, self.path) from exc

    def end_run(self) -> bool:
        """Commit the run ``begin_run`` began; False when an error had rolled it back already
        (SQLite undoes a whole transaction on some errors: a full disk, an I/O error)."""
        since, self._run = self._run, None
        if not self.conn.in_transaction:
            return False
        try:
            if since is not None:
                pending.write(self.conn, since)
            self.conn.execute("COMMIT")
        except sqlite3.Error as exc:
            with contextlib.suppress(sqlite3.Error):
                self.conn.execute("ROLLBACK")
            raise _readable(exc, self.path) from exc
        return True

    @contextlib.contextmanager
    def reading(self) -> Iterator[None]:
        """Reads made by core code outside the store: an SQLite error becomes a StoreError."""
        try:
            yield
        except sqlite3.Error as exc:
            raise _readable(exc, self.path) from exc

    # ---- reads ----
    @_guarded
    def documents(self) -> list[DocumentRecord]:
        rows = self.conn.execute(f"SELECT {rec.DOCUMENT_COLUMNS} FROM documents ORDER BY id")
        return [rec.document_record(r) for r in rows]

    @_guarded
    def document(self, document_id: int) -> DocumentRecord:
        r = self.conn.execute(
            f"SELECT {rec.DOCUMENT_COLUMNS} FROM documents WHERE id = ?", (document_id,)
        ).fetchone()
        if r is None:
            raise NotFound(f"There is no document {document_id}.")
        return rec.document_record(r)

    @_guarded
    def document_id_by_hash(self, content_hash: str) -> int | None:
        r = self.conn.execute(
            "SELECT id FROM documents WHERE content_hash = ?", (content_hash,)
        ).fetchone()
        return None if r is None else int(r[0])

    @_guarded
    def document_ids(self, *, extractor_version_not: str | None = None) -> list[int]:
        """All document ids; with ``extractor_version_not``, those extracted by another version."""
        if extractor_version_not is None:
            return [r[0] for r in self.conn.execute("SELECT id FROM documents ORDER BY id")]
        rows = self.conn.execute(
            "SELECT id FROM documents WHERE extractor_version != ? ORDER BY id",
            (extractor_version_not,),
        )
        return [r[0] for r in rows]

    @_guarded
    def document_counts(self) -> dict[int, dict[str, int]]:
        out: dict[int, dict[str, int]] = {
            r[0]: {s.value: 0 for s in Status}
            for r in self.conn.execute("SELECT id FROM documents")
        }
        for doc, status, n in self.conn.execute(
            "SELECT s.document_id, e.status, count(DISTINCT e.id) FROM sources s "
            "JOIN events e ON e.id = s.event_id GROUP BY s.document_id, e.status"
        ):
            out.setdefault(doc, {})[status] = n
        return out

    @_guarded
    def event_ids(self, flt: EventFilter | None = None, order: str = "date") -> list[int]:
        where, params = where_sql(flt)
        cur = self.conn.cursor()
        cur.row_factory = None
        cur.execute(f"SELECT e.id FROM events e WHERE {where} ORDER BY {order_sql(order)}", params)
        return [r[0] for r in cur.fetchall()]

    @_guarded
    def count_events(self, flt: EventFilter | None = None) -> int:
        where, params = where_sql(flt)
        return int(
            self.conn.execute(f"SELECT count(*) FROM events e WHERE {where}", params).fetchone()[0]
        )

    @_guarded
    def events(self, ids: Sequence[int]) -> list[EventRecord]:
        found = rec.fetch_events(self.conn, ids)
        return [found[i] for i in ids if i in found]

    def event(self, event_id: int) -> EventRecord:
        found = self.events([event_id])
        if not found:
            raise NotFound(f"There is no event {event_id}.")
        return found[0]

    @_guarded
    def events_overlapping(
        self,
        earliest: dt.date | None,
        latest: dt.date | None,
        *,
        value: str = "",
        statuses: Sequence[str] = (Status.PROPOSED,),
        limit: int = 500,
    ) -> list[EventRecord]:
        """Stored events whose interval overlaps [earliest, latest] (same value if unresolved)."""
        if earliest is None or latest is None:
            marks = rec.placeholders(len(statuses))
            rows = self.conn.execute(
                f"SELECT id, version FROM events WHERE earliest IS NULL AND value = ? AND status IN ({marks})",
                [value, *statuses],
            ).fetchall()
        else:
            sql, params = overlapping_ids_sql(earliest, latest, tuple(statuses), limit=int(limit))
            rows = self.conn.execute(sql, params).fetchall()
        ids = sorted((r[0] for r in rows), reverse=True)[: int(limit)]
        return self.events(ids)

    @_guarded
    def timexes(self, document_id: int, *, reviewed: bool = True) -> list[TimexRecord]:
        rows = self.conn.execute(
            "SELECT * FROM timexes WHERE document_id = ? ORDER BY start, id", (document_id,)
        )
        return [rec.timex_record(r, reviewed) for r in rows]

    @_guarded
    def history(self, event_id: int | None = None, limit: int | None = None) -> list[AuditEntry]:
        where, params = (
            ("entity = 'event' AND entity_id = ?", [event_id])
            if event_id is not None
            else ("1", [])
        )
        sql = f"SELECT * FROM audit WHERE {where} ORDER BY id DESC"
        if limit is not None:
            sql += f" LIMIT {int(limit)}"
        rows = self.conn.execute(sql, params).fetchall()
        return [rec.audit_entry(r) for r in reversed(rows)]

    @_guarded
    def document_history(self, document_id: int) -> list[AuditEntry]:
        rows = self.conn.execute(
            "SELECT * FROM audit WHERE entity = 'document' AND entity_id = ? ORDER BY id",
            (document_id,),
        )
        return [rec.audit_entry(r) for r in rows]

    @_guarded
    def tags(self) -> list[str]:
        return [r[0] for r in self.conn.execute("SELECT DISTINCT tag FROM event_tags ORDER BY tag")]

    @_guarded
    def search_documents(self, text: str, limit: int = 100) -> list[DocumentHit]:
        return search_documents(self.conn, text, limit)

    @_guarded
    def stats(self) -> dict[str, object]:
        one = self._scalar
        by_status = {s.value: 0 for s in Status}
        for status, n in self.conn.execute("SELECT status, count(*) FROM events GROUP BY status"):
            by_status[status] = n
        return {
            "path": str(self.path),
            "schema": (self.schema_steps() or ["none"])[-1],
            "documents": one("SELECT count(*) FROM documents"),
            "undated_documents": one("SELECT count(*) FROM documents WHERE published IS NULL"),
            "events": sum(by_status.values()),
            "events_by_status": by_status,
            "flagged_events": one("SELECT count(*) FROM events WHERE flags != '[]'"),
            "sources": one("SELECT count(*) FROM sources"),
            "timexes": one("SELECT count(*) FROM timexes"),
            "tags": one("SELECT count(DISTINCT tag) FROM event_tags"),
            "audit_entries": one("SELECT count(*) FROM audit"),
            "size_bytes": self.path.stat().st_size if self.path.exists() else 0,
        }

    def _scalar(self, sql: str, params: Sequence[object] = ()) -> int:
        return int(self.conn.execute(sql, params).fetchone()[0] or 0)

    @_guarded
    def export_bundle(
        self,
        flt: EventFilter | None = None,
        statuses: tuple[str, ...] = ("accepted", "edited"),
        *,
        title: str = "Dateline timeline",
    ) -> ExportBundle:
        """Events in date order (filter AND statuses; () = all), their documents, timexes and audit."""
        base = flt or EventFilter()
        if statuses:
            wanted = tuple(s for s in statuses if not base.statuses or s in base.statuses)
            if not wanted:
                return ExportBundle(
                    documents=(), events=(), title=title, generated_at=rec.now_utc()
                )
            base = dataclasses.replace(base, statuses=wanted)
        ids = self.event_ids(base, "date")
        events = self.events(ids)
        doc_ids = sorted({s.document_id for e in events for s in e.sources})
        docs = [self.document(d) for d in doc_ids]
        timexes = [t for d in doc_ids for t in self.timexes(d)]
        audit: list[AuditEntry] = []
        for part in rec.chunks(ids):
            rows = self.conn.execute(
                f"SELECT * FROM audit WHERE entity = 'event' AND entity_id IN ({rec.placeholders(len(part))}) "
                "ORDER BY id",
                list(part),
            )
            audit.extend(rec.audit_entry(r) for r in rows)
        audit.sort(key=lambda a: a.id)
        return ExportBundle(
            documents=tuple(docs),
            events=tuple(events),
            timexes=tuple(timexes),
            audit=tuple(audit),
            title=title,
            generated_at=rec.now_utc(),
        )

    # ---- writes: only through commands ----
    def apply(self, cmd: Command) -> Change:
        """Do ``cmd`` (or redo it after a revert) in one transaction with its audit rows."""
        cmd.prepare(self)
        with self.transaction() as tx:
            if cmd._snapshots is None:
                message = cmd.execute(tx, self)
                before, after = tx.before, tx.after()
                changed = audit_diff(tx, cmd.action, before, after)
            else:
                before, after = cmd._snapshots
                verify(self.conn, before, "redo this change")
                restore(self.conn, after)
                message = cmd.undo_message().replace("Undid", "Redid", 1)
                changed = audit_diff(tx, f"redo {cmd.action}", before, after)
        cmd._snapshots = (before, after)
        return Change.from_sets(changed, message)

    def revert(self, cmd: Command) -> Change:
        """Undo ``cmd`` exactly: the touched rows return to their before-images."""
        if cmd._snapshots is None:
            raise StoreError("This change was never applied, so it cannot be undone.")
        before, after = cmd._snapshots
        with self.transaction() as tx:
            verify(self.conn, after, "undo this change")
            restore(self.conn, before)
            changed = audit_diff(tx, f"undo {cmd.action}", after, before)
        # An undo of an add removes and vice versa: report from the reverted point of view.
        return Change.from_sets(changed, cmd.undo_message())


__all__ += ["SCHEMA_STEPS"]
