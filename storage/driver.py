"""The SQLite driver every module of newsbot uses.

pysqlite3 (a recent SQLite built with FTS5, installed on Linux x86-64 by the `pysqlite3-binary` wheel)
when it is importable, else the standard library's `sqlite3` (its SQLite is whatever Python was built
with). sqlite-utils makes the same choice, so its connections, its errors and ours are the same classes:
import `sqlite3` from here, never the standard library's directly.

`FTS_CONTENTLESS_DELETE`: whether this SQLite (3.43 or newer) can delete rows from a contentless FTS5
table, which lets the full-text index hold no copy of the text it indexes (migration 8).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import sqlite3
else:
    try:
        from pysqlite3 import dbapi2 as sqlite3
    except ImportError:  # other platforms: the standard library's build
        import sqlite3

SQLITE_VERSION: tuple[int, ...] = tuple(int(part) for part in sqlite3.sqlite_version.split("."))
FTS_CONTENTLESS_DELETE = SQLITE_VERSION >= (3, 43, 0)

__all__ = ["FTS_CONTENTLESS_DELETE", "SQLITE_VERSION", "sqlite3"]
