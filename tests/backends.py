"""Helpers for tests that run on both backends (conftest's `database_target`): a failing trigger written
for each, and a skip for what only SQLite has."""

from __future__ import annotations

import time
from collections.abc import Callable
from typing import Any

import pytest

from storage.database.access import Database
from storage.database.postgres import WRITE_LOCK, connect, is_postgres, is_postgres_url
from storage.driver import sqlite3


def forbid(db: Any, name: str, event: str, table: str, message: str, *, when: str | None = None) -> None:
    """A real constraint of the database: a trigger that makes ``event`` (INSERT, DELETE) on `table` fail
    with `message`, for rows matching `when` (an SQL condition on NEW or OLD) or every row."""
    if is_postgres(db):
        db.execute(
            f"CREATE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql AS "
            f"$$ BEGIN RAISE EXCEPTION '{message}'; END $$"
        )
        condition = f" WHEN ({when})" if when else ""
        db.execute(
            f"CREATE TRIGGER {name} BEFORE {event} ON {table} FOR EACH ROW{condition} EXECUTE FUNCTION {name}()"
        )
        return
    condition = f" WHEN {when}" if when else ""
    db.execute(
        f"CREATE TRIGGER {name} BEFORE {event} ON {table}{condition} BEGIN SELECT RAISE(ABORT, '{message}'); END"
    )


def allow(db: Any, name: str, table: str) -> None:
    """Drop the trigger `forbid` made."""
    db.execute(f"DROP TRIGGER {name} ON {table}" if is_postgres(db) else f"DROP TRIGGER {name}")


def sqlite_only(db: Any, why: str) -> None:
    """Skip the PostgreSQL run of a test about something only SQLite has."""
    if is_postgres(db):
        pytest.skip(f"SQLite only: {why}")


class WriteLockHolder:
    """Another process's connection to the database at `target` (a `newsbot ingest`), which takes the
    write lock (SQLite's ``BEGIN IMMEDIATE``, PostgreSQL's advisory lock) and lets it go."""

    def __init__(self, target: str) -> None:
        self.postgres = is_postgres_url(target)
        self.conn: Any = (
            connect(target) if self.postgres else sqlite3.connect(target, isolation_level=None, timeout=0.01)
        )

    def take(self) -> None:
        if self.postgres:
            self.conn.execute("BEGIN")
            self.conn.execute("SELECT pg_advisory_xact_lock(?)", [WRITE_LOCK])
        else:
            self.conn.execute("BEGIN IMMEDIATE")

    def release(self) -> None:
        self.conn.execute("ROLLBACK")

    def close(self) -> None:
        if self.conn.in_transaction:
            self.release()
        self.conn.close()


class WaitingWriterWatch:
    """The writers of `database` (opened on `target`) seen waiting for its write lock, so that a test steps
    on when a writer is seen waiting rather than after a pause. On SQLite, the threads waiting for the
    process's write path (`Database.waiting_writers`); on PostgreSQL, the sessions queued at the server
    for the advisory lock, seen from a connection of the watch's own."""

    def __init__(self, database: Database, target: str) -> None:
        self._database = database
        self._probe: Any = connect(target) if is_postgres_url(target) else None
        self._bulk_sessions: set[int] = set()

    def _queued_sessions(self) -> set[int]:
        rows = self._probe.execute(
            "SELECT pid FROM pg_locks WHERE locktype = 'advisory' AND NOT granted "
            "AND ((classid::bigint << 32) | objid::bigint) = ?",
            [WRITE_LOCK],
        ).fetchall()
        return {row[0] for row in rows}

    @staticmethod
    def _until(seen: Callable[[], object], timeout: float) -> bool:
        deadline = time.monotonic() + timeout
        while not seen():
            if time.monotonic() >= deadline:
                return False
            time.sleep(0.001)
        return True

    def bulk_writer_waits(self, timeout: float) -> bool:
        """Whether the bulk writer, the only writer started so far after the holder, is seen waiting
        within `timeout` seconds (on PostgreSQL its session is remembered)."""
        if self._probe is None:
            return self._until(lambda: self._database.waiting_writers().bulk, timeout)
        if not self._until(self._queued_sessions, timeout):
            return False
        self._bulk_sessions = self._queued_sessions()
        return bool(self._bulk_sessions)

    def other_writer_waits(self, timeout: float) -> bool:
        """Whether a writer other than the bulk one is seen waiting within `timeout` seconds."""
        if self._probe is None:
            return self._until(lambda: self._database.waiting_writers().others, timeout)
        return self._until(lambda: self._queued_sessions() - self._bulk_sessions, timeout)

    def close(self) -> None:
        if self._probe is not None:
            self._probe.close()
