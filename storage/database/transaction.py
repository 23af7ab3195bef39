"""The body of a write transaction, the same on SQLite and PostgreSQL: how it begins is the backend's
(`storage.database.writing.write_transaction`: ``BEGIN IMMEDIATE``; `storage.database.postgres
.pg_write_transaction`: ``BEGIN`` and the advisory write lock). Committed at the end, rolled back on any
exception and when the ``COMMIT`` itself fails; inside an open transaction, a savepoint: the inner block
rolls back alone, the outer transaction decides."""

from __future__ import annotations

import contextlib
import itertools
from collections.abc import Callable, Iterator
from typing import Any, Protocol

_savepoints = itertools.count(1)


class Connection(Protocol):
    @property
    def in_transaction(self) -> bool: ...

    def execute(self, sql: str, /) -> Any: ...


def _nothing() -> None:
    return None


@contextlib.contextmanager
def transaction(
    conn: Connection, begin: Callable[[], None], *, undone: Callable[[], None] = _nothing
) -> Iterator[None]:
    """``begin()`` then the caller's block, committed (see the module doc); nested, a savepoint, and
    ``undone()`` after the block was rolled back to it."""
    if conn.in_transaction:
        name = f"nb_{next(_savepoints)}"
        conn.execute(f"SAVEPOINT {name}")
        try:
            yield
        except BaseException:
            # An error such as RAISE(ROLLBACK) may have ended the whole transaction, savepoint included.
            if conn.in_transaction:
                conn.execute(f"ROLLBACK TO SAVEPOINT {name}")
                conn.execute(f"RELEASE SAVEPOINT {name}")
                undone()
            raise
        conn.execute(f"RELEASE SAVEPOINT {name}")
        return
    try:
        begin()
        yield
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
    try:
        conn.execute("COMMIT")
    except BaseException:
        if conn.in_transaction:
            conn.execute("ROLLBACK")
        raise
