"""Helpers for tests that run on both backends (conftest's `database_target`): a failing trigger written
for each, and a skip for what only SQLite has."""

from __future__ import annotations

from typing import Any

import pytest

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
