"""Connections to a project file: how one is opened, written in, and closed without harming others.

Two processes on one project are normal use (the window open while the command line imports), so:

- A new project file is built aside and linked into place in one step, so two openers of a new path
  never race over its journal mode or schema: the first link wins and the others open its file.
- Write transactions start ``BEGIN IMMEDIATE``: the write lock is taken (waiting up to the busy timeout)
  before anything is read, so a write never fails half-way because another connection committed
  between its read and its write. The wait asks again every millisecond, not with SQLite's back-off,
  so a writer that commits in quick succession (an import) cannot shut others out.
- No connection checkpoints and deletes the write-ahead log when it closes. SQLite does that when it
  believes it is the last connection, which it tells from POSIX locks; those are per process and any
  plain ``open()``/``close()`` of the file inside another process (a file dialog sniffing its type, a
  backup tool) silently drops that process's locks. Removing the log under a live connection loses its
  later writes. Closing instead runs a passive checkpoint, which copies what it can into the database
  file and removes nothing.
"""

from __future__ import annotations

import contextlib
import ctypes
import logging
import os
import secrets
import sqlite3
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Literal

from ..errors import StoreError

log = logging.getLogger(__name__)

BUSY_TIMEOUT_MS = 5000
LOCK_POLL_S = 0.001  # between two asks for the write lock
# Checkpoint every ~40 MB of log instead of SQLite's 4 MB. An import commits each article (~80 pages,
# mostly the same index pages again), so the default copied and synced pages back every dozen
# articles; fewer checkpoints write each page once.
WAL_CHECKPOINT_PAGES = 10_000
WAL_SIZE_LIMIT = 64 * 1024 * 1024  # what a reset log is truncated to on disk
# SQLite's page cache per connection, in KiB (its default is 2 MiB). On a project of 10,000 articles
# the event indexes an import inserts into no longer fit in 2 MiB, and every insert read their pages
# back from the operating system: a 10,000-article import spent twice the system time. Pages are
# cached as they are read, so a small project never takes this much.
CACHE_KIB = 32 * 1024
_NO_CKPT_ON_CLOSE = 1006  # SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE


def configure(conn: sqlite3.Connection, *, readonly: bool) -> None:
    """The pragmas every connection of the project uses."""
    conn.row_factory = sqlite3.Row
    conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
    conn.execute("PRAGMA foreign_keys = ON")
    # a savepoint keeps the pages it changes in a journal of its own: in memory, not a temporary file
    conn.execute("PRAGMA temp_store = MEMORY")
    conn.execute(f"PRAGMA cache_size = -{CACHE_KIB}")
    if not readonly:
        conn.execute("PRAGMA synchronous = NORMAL")
        conn.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        conn.execute(f"PRAGMA journal_size_limit = {WAL_SIZE_LIMIT}")


def connect(path: Path, *, readonly: bool) -> sqlite3.Connection:
    """A configured connection to an existing project file (see ``check_file``)."""
    if readonly:
        uri = f"{path.resolve().as_uri()}?mode=ro"
        if not _wal_files_present(path) and not may_write(path.parent):
            # A read-only log needs its -shm file; with none and no right to create one, nobody can be
            # writing this file, so it is read as it stands.
            uri += "&immutable=1"
        conn = sqlite3.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    else:
        conn = sqlite3.connect(str(path), isolation_level=None, check_same_thread=False)
    configure(conn, readonly=readonly)
    if not readonly:
        if conn.execute("PRAGMA journal_mode").fetchone()[0] != "wal":
            # A file from before the project used a log, or one another tool rewrote.
            conn.execute("PRAGMA journal_mode = WAL")
        keep_wal_on_close(conn, path)
    return conn


def _wal_files_present(path: Path) -> bool:
    return Path(f"{path}-shm").exists()


def peek(path: Path) -> sqlite3.Connection | None:
    """A connection that reads the file as it stands and creates nothing beside it (no log, no
    shared-memory file), to decide whether to open it at all; None when a log exists, as someone may
    be writing the file: the real connection decides then."""
    if Path(f"{path}-wal").exists():
        return None
    conn = sqlite3.connect(
        f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, isolation_level=None
    )
    conn.row_factory = sqlite3.Row
    return conn


def create(path: Path, build: Callable[[sqlite3.Connection], None]) -> None:
    """Make a new project file at ``path`` unless one appears first: built aside by ``build(conn)``,
    then linked into place (atomic; fails if the name is taken, and then the other file is kept)."""
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_name(f".{path.name}.new-{secrets.token_hex(6)}")
    conn = sqlite3.connect(str(tmp), isolation_level=None)
    try:
        configure(conn, readonly=False)
        conn.execute("PRAGMA journal_mode = WAL")
        build(conn)
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        conn.close()  # the last connection to the aside file: its log is folded in and removed
    try:
        os.link(tmp, path)
    except FileExistsError:
        pass  # another opener created it first: theirs is the project
    except OSError:
        # A file system without hard links: a rename does not fail when the name is taken, so
        # check first (a narrow race left only where links are unavailable).
        if not path.exists():
            os.replace(tmp, path)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
        for suffix in ("-wal", "-shm"):
            with contextlib.suppress(FileNotFoundError):
                Path(f"{tmp}{suffix}").unlink()


def check_file(path: Path) -> str:
    """ "missing", "readonly" or "writable" for a project path; StoreError for what cannot be one.

    Only ``stat`` and ``access``: opening the file here would drop this process's locks on it (see
    the module's docstring). A file that is not SQLite is refused by SQLite on the first read.
    """
    try:
        st = path.stat()
    except FileNotFoundError:
        return "missing"
    except OSError as exc:
        raise StoreError(f"The database {path} cannot be opened: {exc.strerror or exc}.") from exc
    if path.is_dir():
        raise StoreError(f"{path} is a folder, not a Dateline database.")
    if st.st_size == 0:
        raise StoreError(
            f"The file {path} is empty (0 bytes), so it is not a Dateline database or it was "
            "truncated: restore it from a backup, or remove it to start a new project there."
        )
    # A folder this process may not create files in still lets it write a project whose log files
    # are there and writable, unless the folder is marked read-only for everyone.
    folder_ok = may_write(path.parent) or (
        bool(path.parent.stat().st_mode & 0o222) and _wal_files_writable(path)
    )
    return "writable" if may_write(path) and folder_ok else "readonly"


def may_write(path: Path) -> bool:
    """This process may write ``path`` and its owner has not marked it read-only: a file or folder
    without a write bit is read-only here even for a superuser, whom the system would let write."""
    try:
        return os.access(path, os.W_OK) and bool(path.stat().st_mode & 0o222)
    except OSError:
        return False


def _wal_files_writable(path: Path) -> bool:
    return all(may_write(Path(f"{path}{s}")) for s in ("-wal", "-shm"))


def begin_immediate(conn: sqlite3.Connection) -> None:
    """``BEGIN IMMEDIATE``, asking for the write lock again every ``LOCK_POLL_S`` for up to the busy
    timeout. SQLite's own wait backs off to 100 ms between two looks; an import with a worker commits
    article after article and leaves the lock free for well under a millisecond between two, so an edit
    in the window waited seconds and could fail "database is locked" (4.4 s measured). While it waits,
    it says so (``announce_wait``): an import then leaves the lock free at its next article."""
    conn.execute("PRAGMA busy_timeout = 0")
    try:
        deadline = time.monotonic() + BUSY_TIMEOUT_MS / 1000
        tries = 0
        while True:
            try:
                conn.execute("BEGIN IMMEDIATE")
                return
            except sqlite3.OperationalError as exc:
                if not _busy(exc) or time.monotonic() >= deadline:
                    raise
            if tries % ANNOUNCE_EVERY == 0:
                announce_wait(conn)
            tries += 1
            time.sleep(LOCK_POLL_S)
    finally:
        conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")


ANNOUNCE_EVERY = 20  # asks for the lock between two announcements of a wait (about 20 ms)


def waiting_file(path: Path | str) -> Path:
    """The file whose modification time a writer waiting for the lock of project ``path`` sets."""
    return Path(f"{path}-waiting")


def announce_wait(conn: sqlite3.Connection) -> None:
    """Touch ``waiting_file``: a writer waits for the lock. Best effort (a read-only folder: not)."""
    with contextlib.suppress(sqlite3.Error, OSError, TypeError, IndexError):
        path = conn.execute("PRAGMA database_list").fetchone()[2]
        if path:
            waiting_file(path).touch()


def _busy(exc: sqlite3.OperationalError) -> bool:
    code = getattr(exc, "sqlite_errorcode", None)
    if code is not None:
        return bool(code & 0xFF in (sqlite3.SQLITE_BUSY, sqlite3.SQLITE_LOCKED))
    return "locked" in str(exc) or "busy" in str(exc)


@contextlib.contextmanager
def write_transaction(conn: sqlite3.Connection) -> Iterator[None]:
    """``BEGIN IMMEDIATE`` ... ``COMMIT`` (a savepoint when already inside a transaction)."""
    if conn.in_transaction:
        # One name for every level: savepoints nest, and each statement names the innermost of
        # that name, this one. A fixed text is prepared once (a new name was parsed every time).
        name = "dateline_write"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    begin_immediate(conn)
    try:
        yield
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise


def close(conn: sqlite3.Connection, *, readonly: bool) -> None:
    """Fold what the log holds into the database file where nobody needs it, then close."""
    with contextlib.suppress(sqlite3.Error):
        if not readonly and not conn.in_transaction:
            conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()
    with contextlib.suppress(sqlite3.Error):
        conn.close()


def default_db_path() -> Path:
    """$DATELINE_DB if set, else the user data dir's dateline.db."""
    env = os.environ.get("DATELINE_DB")
    if env:
        return Path(env).expanduser()
    import platformdirs

    return Path(platformdirs.user_data_dir("Dateline", appauthor=False)) / "dateline.db"


# ---- SQLITE_DBCONFIG_NO_CKPT_ON_CLOSE ----


def keep_wal_on_close(conn: sqlite3.Connection, path: Path) -> bool:
    """Ask SQLite not to checkpoint and remove the log when ``conn`` closes. True when set."""
    setconfig = getattr(conn, "setconfig", None)  # Python 3.12+
    if setconfig is not None:
        setconfig(_NO_CKPT_ON_CLOSE, True)
        return True
    return _db_config_by_handle(conn, path)


def _db_config_by_handle(conn: sqlite3.Connection, path: Path) -> bool:
    """Python 3.11's sqlite3 has no ``setconfig``: call ``sqlite3_db_config`` on the connection's
    handle, after checking that the handle found is this connection's (its file name matches)."""
    lib = _library()
    if lib is None:
        return False
    handle = ctypes.c_void_p.from_address(id(conn) + object.__basicsize__).value
    if not handle:
        return False
    name = lib.sqlite3_db_filename(ctypes.c_void_p(handle), b"main")
    if not name or os.path.realpath(name.decode()) != os.path.realpath(path):
        log.warning(
            "could not reach the SQLite handle of %s: its log may be removed on close", path
        )
        return False
    state = ctypes.c_int(-1)
    rc = lib.sqlite3_db_config(
        ctypes.c_void_p(handle),
        ctypes.c_int(_NO_CKPT_ON_CLOSE),
        ctypes.c_int(1),
        ctypes.byref(state),
    )
    return rc == 0 and state.value == 1


_LIB: ctypes.PyDLL | Literal[False] | None = False  # False: not looked for yet


def _library() -> ctypes.PyDLL | None:
    global _LIB
    if _LIB is False:
        try:
            import _sqlite3

            lib = ctypes.PyDLL(_sqlite3.__file__)
            lib.sqlite3_db_filename.restype = ctypes.c_char_p
            lib.sqlite3_db_filename.argtypes = [ctypes.c_void_p, ctypes.c_char_p]
            lib.sqlite3_db_config.restype = ctypes.c_int
            _LIB = lib
        except (ImportError, OSError, AttributeError):
            _LIB = None
    return _LIB
