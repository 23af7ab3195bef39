"""Errors the storage layer raises for bad input or an unusable database.

Every message names what went wrong and where (file, line), so the CLI and the bot can show it as is.
"""

from __future__ import annotations

from pathlib import Path

from storage.driver import sqlite3


class StorageError(Exception):
    """Base class for expected storage failures (never a bug)."""


class InputError(StorageError):
    """A source file that cannot be read, decoded or parsed."""

    def __init__(self, path: str | Path | None, message: str, *, line: int | None = None) -> None:
        self.path = str(path) if path is not None else None
        self.line = line
        self.reason = message
        where = self.path or "<input>"
        if line is not None:
            where = f"{where}:{line}"
        super().__init__(f"{where}: {message}")

    @property
    def detail(self) -> str:
        """The message without the file name (for reports that show the file separately)."""
        return f"line {self.line}: {self.reason}" if self.line is not None else self.reason


class DatabaseError(StorageError):
    """The database file cannot be opened or has a schema this code does not know."""


class DatabaseBusy(sqlite3.OperationalError, StorageError):
    """Another connection held the write lock for longer than this write could wait: nothing was changed,
    and trying again later can succeed."""


class DatabaseFailure(sqlite3.DatabaseError, StorageError):
    """A statement PostgreSQL refused (storage.database.postgres turns psycopg's errors into this): caught
    where SQLite's errors are (``except sqlite3.Error``) and where storage's are (``except StorageError``),
    so one ``except`` serves both backends."""
