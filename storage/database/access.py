"""Connections for a process that reads and writes from several threads: `Database`.

- **Reads** run on connections of their own, one per thread (`Database.reader()`), read-only
  (``PRAGMA query_only``), each block in one read transaction, so it sees one snapshot. With WAL a reader
  never waits for a writer, in this process or another: searches go on while news is being stored.
- **Writes** take one path (`Database.writer()` / `Database.write(fn, ...)`): the one write connection,
  used by one thread at a time (an in-process lock, waited for at most `wait` seconds), inside
  `storage.database.writing.write_transaction` (``BEGIN IMMEDIATE``, retried with backoff while another
  process holds the lock, rolled back on failure). When the lock cannot be had in time, `DatabaseBusy` is
  raised and nothing was changed: the caller tries again later or tells the user so.

Writers keep their transactions short (ingest writes batches of a few dozen articles), so a chat's
write waits milliseconds, not seconds. Bulk writers (``writer(bulk=True)``: ingest batches) give way: they
take the write path only when no other writer of this process is waiting; while another process holds
the database's lock they wait without holding the write path, so a chat's write never queues behind an
ingest's wait; and after each transaction they leave the lock free while any other writer, in this
process or another, is waiting for it (waiting writers hold a shared lock on the ``<db>-writers`` file
beside the database: `storage.database.writing.writers_waiting`).

`Database.over(db)` wraps one existing connection (the CLI, tests, ``:memory:``): reads and writes then
share it, one thread at a time.
"""

from __future__ import annotations

import contextlib
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple, TypeVar

import sqlite_utils

from storage.database.connection import open_db, open_postgres
from storage.database.index import open_terms_view
from storage.database.postgres import PostgresDatabase, is_postgres_url
from storage.database.writing import BUSY_TIMEOUT_MS, POLL, write_transaction, writers_waiting
from storage.driver import sqlite3
from storage.errors import DatabaseBusy, DatabaseError

T = TypeVar("T")
# How long a bulk writer waits for another process's lock while holding this process's write path.
BULK_ATTEMPT = 0.05
# How long a bulk writer leaves the lock free after each transaction, and at most while others wait.
BULK_PAUSE = 0.002
MAX_GIVE_WAY = 0.5


class WaitingWriters(NamedTuple):
    """Threads of this process waiting for its write path: writers other than bulk ones, bulk writers."""

    others: int
    bulk: int


class Database:
    """Read connections per thread and one write path over one SQLite file (see the module doc)."""

    def __init__(self, writer: sqlite_utils.Database, path: Path | None) -> None:
        self._writer = writer
        self._path = path  # None: one shared connection (readers use the writer's)
        self._turn = threading.Condition()  # the write path (and, for one shared connection, reads)
        self._owner: int | None = None  # thread holding it
        self._depth = 0
        self._urgent = 0  # writers other than bulk ones waiting for it
        self._bulk_waiting = 0  # bulk writers waiting for it
        self._local = threading.local()
        self._readers: list[sqlite3.Connection] = []
        self._readers_lock = threading.Lock()
        self._closed = False

    @classmethod
    def open(cls, path: str | Path) -> Database:
        """Open (creating and migrating if needed) the database at `path`; ``":memory:"`` shares one
        connection; a ``postgresql://`` URL a `PostgresDatabase` (storage.database.postgres), which offers
        the same methods: the one place the backend is chosen."""
        if is_postgres_url(str(path)):
            return PostgresDatabase(str(path), open_postgres(str(path)))  # type: ignore[return-value]
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
            if not self._acquire(None, bulk=False):
                raise DatabaseBusy("database is locked")  # not reached: waits without limit
            try:
                yield self._writer
            finally:
                self._release()
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

    def read_connection(self) -> sqlite_utils.Database:
        """This thread's read connection as it is (outside `reader`, each statement sees the latest
        commit); the shared connection for a `Database.over`."""
        return self._writer if self._path is None else self._reader()

    @contextlib.contextmanager
    def own_connection(self) -> Iterator[sqlite_utils.Database]:
        """This thread's connection outside any transaction, for work that runs transactions of its own
        (`storage.database.index.merge_term_counts`). Over one shared connection it holds the write path
        meanwhile: another thread's statement run in between would land inside those transactions, and
        a writer would take one for its own and nest in it."""
        if self._path is not None:
            yield self._reader()
            return
        self._acquire(None, bulk=False)
        try:
            yield self._writer
        finally:
            self._release()

    def _reader(self) -> sqlite_utils.Database:
        db: sqlite_utils.Database | None = getattr(self._local, "db", None)
        if db is not None:
            return db
        if self._closed:  # as sqlite3 says of a closed connection
            raise sqlite3.ProgrammingError("Cannot operate on a closed database.")
        assert self._path is not None
        try:
            conn = sqlite3.connect(
                str(self._path), timeout=BUSY_TIMEOUT_MS / 1000, check_same_thread=False, isolation_level=None
            )
            conn.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
            open_terms_view(conn)  # this connection's own view of the index's tokens, before it is read-only
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
    def writer(self, *, wait: float | None = None, bulk: bool = False) -> Iterator[sqlite_utils.Database]:
        """The write connection inside one write transaction, waiting at most `wait` seconds (default:
        the busy timeout) for this process's other writers and then for other processes; `DatabaseBusy`
        when that is not enough. Nested in this thread's open write, a savepoint. ``bulk``: give way to
        every other writer (see the module doc)."""
        budget = BUSY_TIMEOUT_MS / 1000 if wait is None else wait
        deadline = time.monotonic() + budget
        while True:
            if not self._acquire(deadline, bulk=bulk):
                raise DatabaseBusy(f"database is locked: this process's writer was busy for {budget:g} s")
            entered = False
            nested = self._depth > 1
            try:
                left = max(0.0, deadline - time.monotonic())
                # A bulk writer asks for another process's lock only briefly while holding the write path.
                attempt = min(left, BULK_ATTEMPT) if bulk and not nested else left
                with write_transaction(self._writer, wait=attempt, announce=not bulk) as db:
                    entered = True
                    yield db
                if bulk and not nested:
                    self._give_way()
                return
            except DatabaseBusy:
                if entered or nested or not bulk or time.monotonic() >= deadline:
                    raise
            finally:
                self._release()
            # A bulk writer found the database busy: the write path is free meanwhile; try again.

    def _give_way(self) -> None:
        """After a bulk transaction: leave the lock free while another writer waits for it (at most
        `MAX_GIVE_WAY` seconds), else for `BULK_PAUSE`."""
        time.sleep(BULK_PAUSE)
        until = time.monotonic() + MAX_GIVE_WAY
        while time.monotonic() < until and (self._urgent or writers_waiting(self._writer.conn)):
            time.sleep(POLL)

    def _acquire(self, deadline: float | None, *, bulk: bool) -> bool:
        """Take the write path (re-entrant); bulk writers wait while others wait. False at `deadline`."""
        me = threading.get_ident()
        with self._turn:
            if self._owner == me:
                self._depth += 1
                return True
            if bulk:
                self._bulk_waiting += 1
            else:
                self._urgent += 1
            try:
                while self._owner is not None or (bulk and self._urgent):
                    left = None if deadline is None else deadline - time.monotonic()
                    if left is not None and left <= 0:
                        return False
                    self._turn.wait(left)
                self._owner, self._depth = me, 1
                return True
            finally:
                if bulk:
                    self._bulk_waiting -= 1
                else:
                    self._urgent -= 1

    def waiting_writers(self) -> WaitingWriters:
        """How many threads wait for this process's write path now, by kind. (On PostgreSQL writers
        queue at the server for its lock: `storage.database.postgres.pg_writers_waiting`.)"""
        with self._turn:
            return WaitingWriters(self._urgent, self._bulk_waiting)

    def _release(self) -> None:
        with self._turn:
            self._depth -= 1
            if self._depth == 0:
                self._owner = None
                self._turn.notify_all()

    def write(
        self,
        fn: Callable[..., T],
        /,
        *args: Any,
        wait: float | None = None,
        bulk: bool = False,
        **kwargs: Any,
    ) -> T:
        """``fn(db, *args, **kwargs)`` in one write transaction (see `writer`)."""
        with self.writer(wait=wait, bulk=bulk) as db:
            return fn(db, *args, **kwargs)

    @property
    def connection(self) -> sqlite_utils.Database:
        """The write connection itself, for single-threaded setup before other threads use this
        `Database` (seeding at start) and for tests. Everything else uses `reader` and `writer`."""
        return self._writer

    # ---- closing ------------------------------------------------------------------------------------

    def close(self) -> None:
        """Close the write connection and every read connection."""
        with self._turn:
            self._closed = True
            with self._readers_lock:
                readers, self._readers = self._readers, []
            for conn in readers:
                conn.close()
            self._writer.close()


def as_database(db: sqlite_utils.Database | Database) -> Database:
    """`db` itself, or a `Database` over a single connection."""
    if isinstance(db, Database | PostgresDatabase):
        return db  # type: ignore[return-value]
    return Database.over(db)
