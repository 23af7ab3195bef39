"""Writing to the database: the write lock and the one transaction helper.

``with write_transaction(db):`` is the one way to write. On SQLite it takes the write lock up front
(``BEGIN IMMEDIATE``), retries a busy database for a bounded time, commits at the end and rolls back on
any exception, including a failed ``COMMIT``; nested, it is a savepoint. Neither ``db.atomic()`` (a
deferred ``BEGIN``) nor ``with db.conn:`` is used: sqlite-utils' ``db.execute()`` commits any implicit
transaction it opened. On PostgreSQL it is `storage.database.postgres.pg_write_transaction`. Writers
waiting for the lock show themselves to bulk writers (`writers_waiting`), which then give way.
"""

from __future__ import annotations

import contextlib
import os
import time
from collections.abc import Iterator

import sqlite_utils

from storage.database.postgres import PgConnection, pg_write_transaction, pg_writers_waiting
from storage.database.transaction import transaction
from storage.driver import sqlite3
from storage.errors import DatabaseBusy

try:
    import fcntl
except ImportError:  # Windows: waiting writers are not signalled; bulk writers pause a fixed time instead
    fcntl = None  # type: ignore[assignment]

BUSY_TIMEOUT_MS = 5000
# The longest pause between two attempts at the write lock of a busy database (backoff from 0.5 ms).
POLL = 0.005


def is_busy(exc: BaseException) -> bool:
    """Whether an SQLite error means another connection holds the lock (worth waiting for)."""
    if isinstance(exc, DatabaseBusy):
        return True
    if not isinstance(exc, sqlite3.OperationalError):
        return False
    message = str(exc)
    return (
        "database is locked" in message
        or "database is busy" in message
        or "database table is locked" in message
    )


def busy_timeout(conn: sqlite3.Connection) -> float:
    """The connection's busy timeout, in seconds."""
    return int(conn.execute("PRAGMA busy_timeout").fetchone()[0]) / 1000


def begin_immediate(conn: sqlite3.Connection, *, wait: float | None = None, announce: bool = True) -> None:
    """``BEGIN IMMEDIATE``, tried again with backoff (pauses growing from 0.5 ms to `POLL`) while the
    database is busy, for at most `wait` seconds (default: the connection's busy timeout); then
    `DatabaseBusy`.

    The polling is ours rather than SQLite's busy handler, which sleeps up to 100 ms between attempts
    and so rarely catches the short gaps a bulk writer leaves between its batches. While it waits, a
    writer that `announce`s itself is seen by bulk writers (`writers_waiting`), which then give way.
    """
    timeout = busy_timeout(conn)
    budget = timeout if wait is None else wait
    deadline = time.monotonic() + budget
    delay = 0.0005
    conn.execute("PRAGMA busy_timeout = 0")
    with contextlib.ExitStack() as waiting:
        try:
            while True:
                try:
                    conn.execute("BEGIN IMMEDIATE")
                    return
                except sqlite3.OperationalError as exc:
                    left = deadline - time.monotonic()
                    if not is_busy(exc):
                        raise
                    if left <= 0:
                        raise DatabaseBusy(f"database is locked: busy for {budget:g} s") from exc
                    if announce and delay == 0.0005:
                        waiting.enter_context(_announced(conn))
                    time.sleep(min(delay, left))
                    delay = min(delay * 2, POLL)
        finally:
            conn.execute(f"PRAGMA busy_timeout = {int(timeout * 1000)}")


def _signal_file(conn: sqlite3.Connection) -> str | None:
    """The file beside the database through which waiting writers show themselves (None: in memory)."""
    path = database_file(conn)
    return f"{path}-writers" if path else None


@contextlib.contextmanager
def _announced(conn: sqlite3.Connection) -> Iterator[None]:
    """Hold a shared lock on the signal file while this writer waits (no-op where flock is missing)."""
    path = _signal_file(conn)
    if fcntl is None or path is None:
        yield
        return
    try:
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
    except OSError:
        yield
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_SH)
        yield
    finally:
        os.close(fd)  # releases the lock


def writers_waiting(conn: sqlite3.Connection) -> bool:
    """Whether another writer (this process or another) is waiting for the write lock (on PostgreSQL:
    for the advisory lock `pg_write_transaction` takes)."""
    if isinstance(conn, PgConnection):
        return pg_writers_waiting(conn)
    path = _signal_file(conn)
    if fcntl is None or path is None:
        return False
    try:
        fd = os.open(path, os.O_RDWR)  # no file: nobody has waited yet
    except OSError:
        return False
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return True
    except OSError:
        return False
    finally:
        os.close(fd)
    return False


@contextlib.contextmanager
def write_transaction(
    db: sqlite_utils.Database, *, wait: float | None = None, announce: bool = True
) -> Iterator[sqlite_utils.Database]:
    """The one transaction helper: ``BEGIN IMMEDIATE`` (see `begin_immediate`), committed at the end,
    rolled back on any exception and when the ``COMMIT`` itself fails.

    Taking the lock first matters with WAL: a deferred transaction that reads and then writes fails at
    once with "database is locked" when another connection wrote in between, whatever the busy timeout;
    an immediate one waits its turn. Inside an open transaction this is a savepoint: the inner block
    rolls back alone, the outer transaction decides.
    """
    if isinstance(db, PgConnection):
        with pg_write_transaction(db, wait=wait) as pg:
            yield pg  # type: ignore[misc]
        return
    conn = db.conn
    with transaction(conn, lambda: begin_immediate(conn, wait=wait, announce=announce)):
        yield db


def database_file(conn: sqlite3.Connection) -> str | None:
    """The file of the connection's main database (None: in memory)."""
    row = conn.execute("PRAGMA database_list").fetchone()
    return row[2] if row and row[2] else None
