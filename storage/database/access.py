"""Connections for a process that reads and writes from several threads: `Database`.

- **Reads** run on connections of their own, one per thread (`Database.reader()`), read-only
  (``PRAGMA query_only``), each block in one read transaction, so it sees one snapshot. With WAL a reader
  never waits for a writer, in this process or another: searches go on while news is being stored.
- **Writes** take one path (`Database.writer()` / `Database.write(fn, ...)`): the one write connection,
  used by one thread at a time (an in-process lock, waited for at most `wait` seconds), inside
  `storage.database.connection.write_transaction` (``BEGIN IMMEDIATE``, retried with backoff while another
  process holds the lock, rolled back on failure). When the lock cannot be had in time, `DatabaseBusy` is
  raised and nothing was changed: the caller tries again later or tells the user so.

Writers keep their transactions short (ingest writes batches of a few hundred articles), so a chat's
write waits milliseconds, not seconds.

`Database.over(db)` wraps one existing connection (the CLI, tests, ``:memory:``): reads and writes then
share it, one thread at a time.
"""

from __future__ import annotations

import contextlib
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, TypeVar

import sqlite_utils

from storage.database.connection import BUSY_TIMEOUT_MS, open_db, write_transaction
from storage.errors import DatabaseBusy, DatabaseError

T = TypeVar("T")


class Database:
    """Read connections per thread and one write path over one SQLite file (see the module doc)."""

    def __init__(self, writer: sqlite_utils.Database, path: Path | None) -> None:
        self._writer = writer
        self._path = path  # None: one shared connection (readers use the writer's)
        self._lock = threading.RLock()
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: str | Path) -> Database:
        """Open (creating and migrating if needed) the database at `path`; ``":memory:"`` shares one
        connection."""
        writer = open_db(path)
        return cls(writer, None if str(path) == ":memory:" else Path(path))

    @classmethod
    def over(cls, db: sqlite_utils.Database) -> Database:
        """A `Database` over one open connection: reads and writes share it, one thread at a time."""
        return cls(db, None)

    @property
    def path(self) -> Path | None:
        return self._path

    # ---- reading ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def reader(self) -> Iterator[sqlite_utils.Database]:
        """This thread's read-only connection, inside one read transaction (one snapshot)."""
        if self._path is None:
            with self._lock:
                yield self._writer
            return
        db = self._reader()
        conn = db.conn
        if conn.in_transaction:  # nested in this thread's open read
            yield db
            return
        conn.execute("BEGIN")
        try:
            yield db
        finally:
            if conn.in_transaction:
                conn.execute("COMMIT")

    def read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """``fn(db, *args, **kwargs)`` on this thread's read connection."""
        with self.reader() as db:
            return fn(db, *args, **kwargs)

    def _reader(self) -> sqlite_utils.Database:
        db: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if db is not None:
            return db
        if self._closed:
            raise DatabaseError("the database is closed")
        assert self._path is not None
        try:
            conn = sqlite3.connect(
                str(self._path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            conn.execute("PRAGMA query_only = ON")  # reads never write
        except sqlite3.Error as exc:
            raise DatabaseError(f"{self._path}: cannot open a read connection: {exc}") from exc
        with self._readers_lock:
            self._readers.append(conn)
        db = sqlite_utils.Database(conn)
        self._local.db = db
        return db

    # ---- writing ------------------------------------------------------------------------------------

    @contextlib.contextmanager
    def writer(self, *, wait: float | None = None) -> Iterator[sqlite_utils.Database]:
        """The write connection inside one write transaction, waiting at most `wait` seconds (default:
        the busy timeout) for this process's other writers and then for other processes; `DatabaseBusy`
        when that is not enough. Nested in this thread's open write, a savepoint."""
        budget = BUSY_TIMEOUT_MS / 1000 if wait is None else wait
        deadline = time.monotonic() + budget
        if not self._lock.acquire(timeout=max(0.0, budget)):
            raise DatabaseBusy(f"database is locked: this process's writer was busy for {budget:g} s")
        try:
            with write_transaction(self._writer, wait=max(0.0, deadline - time.monotonic())):
                yield self._writer
        finally:
            self._lock.release()

    def write(self, fn: Callable[..., T], /, *args: Any, wait: float | None = None, **kwargs: Any) -> T:
        """``fn(db, *args, **kwargs)`` in one write transaction (see `writer`)."""
        with self.writer(wait=wait) as db:
            return fn(db, *args, **kwargs)

    @contextlib.contextmanager
    def exclusive(self) -> Iterator[sqlite_utils.Database]:
        """The write connection for this thread alone, outside any transaction (maintenance: backups,
        tests). Prefer `writer`."""
        with self._lock:
            yield self._writer

    # ---- closing ------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the write connection and every read connection."""
        with self._lock:
            self._closed = True
            with self._readers_lock:
                readers, self._readers = self._readers, []
            for conn in readers:
                conn.close()
            self._writer.close()


def as_database(db: sqlite_utils.Database | Database) -> Database:
    """`db` itself, or a `Database` over a single connection."""
    return db if isinstance(db, Database) else Database.over(db)
