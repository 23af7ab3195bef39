"""Moving a whole newsbot database to another backend: `newsbot copy-database --to URL`.

Every table newsbot keeps (articles, imports, chats, subscriptions, the digest ledger, sources, readers,
feeds, WeChat's message ledger, server keys, heartbeats) is copied row by row with its ids, in one write
transaction on the target, which must be an empty newsbot database. What is derived from the articles is
derived again on the target rather than copied: the full-text index, the near-duplicate sketches and the
clusters they give and the periods each article mentions (`storage.database.index.index_missing`, as
`newsbot reindex` would). Afterwards the target's id counters continue after the largest id copied, and each
copied table is counted on both sides.

The SQL is the same on both backends apart from listing the tables and moving the id counters, whose two
forms stand side by side here.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import sqlite_utils

from storage.database.index import index_missing, merge_term_counts
from storage.database.postgres import is_postgres
from storage.database.writing import write_transaction
from storage.errors import DatabaseError

# Tables whose rows are derived from the articles: rebuilt on the target, never copied.
DERIVED = frozenset({"article_sketches", "sketch_keys", "period_mentions"})
# The schema's own bookkeeping, kept by each backend in its own way (a fill under way: the target's own).
BOOKKEEPING = frozenset({"newsbot_schema", "period_mentions_fill"})
# Rows per INSERT batch.
CHUNK = 1000


@dataclass(frozen=True)
class CopiedTable:
    """One table copied: its name and the rows now in it on each side."""

    name: str
    source_rows: int
    target_rows: int


@dataclass(frozen=True)
class CopyReport:
    tables: tuple[CopiedTable, ...]
    indexed: int  # articles indexed on the target

    @property
    def ok(self) -> bool:
        return all(t.source_rows == t.target_rows for t in self.tables)


def table_names(db: sqlite_utils.Database) -> list[str]:
    """The tables of newsbot's schema (SQLite's full-text index's own tables left out), by name."""
    if is_postgres(db):
        sql = "SELECT tablename FROM pg_tables WHERE schemaname = current_schema() ORDER BY tablename"
    else:
        sql = (
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite\\_%' ESCAPE '\\' "
            "AND name NOT LIKE 'articles\\_fts\\_%' ESCAPE '\\' ORDER BY name"
        )
    return [str(row[0]) for row in db.execute(sql).fetchall()]


def copied_tables(db: sqlite_utils.Database) -> list[str]:
    """The tables `copy_database` copies row by row."""
    return [t for t in table_names(db) if t != "articles_fts" and t not in DERIVED | BOOKKEEPING]


def column_names(db: sqlite_utils.Database, table: str) -> list[str]:
    cursor = db.execute(f'SELECT * FROM "{table}" LIMIT 0')
    return [str(column[0]) for column in cursor.description]


def _names(columns: list[str]) -> str:
    return ", ".join(f'"{c}"' for c in columns)


def count_rows(db: sqlite_utils.Database, table: str) -> int:
    return int(db.execute(f'SELECT count(*) FROM "{table}"').fetchone()[0])


def _rows(db: sqlite_utils.Database, table: str, columns: list[str]) -> Iterator[list[Any]]:
    """The table's rows in a stable order (its first column: the id or key), a chunk at a time."""
    cursor = db.execute(f'SELECT {_names(columns)} FROM "{table}" ORDER BY "{columns[0]}"')
    while chunk := cursor.fetchmany(CHUNK):
        yield [list(row) for row in chunk]


def _continue_ids(db: sqlite_utils.Database) -> None:
    """After ids were given explicitly: new rows get ids after the largest one. PostgreSQL's identity
    columns keep their own counters, set here; SQLite's rowids (and AUTOINCREMENT's counter) follow the
    largest id inserted by themselves."""
    if not is_postgres(db):
        return
    identities = db.execute(
        "SELECT table_name, column_name FROM information_schema.columns "
        "WHERE table_schema = current_schema() AND is_identity = 'YES'"
    ).fetchall()
    for table, column in identities:
        db.execute(
            f"SELECT setval(pg_get_serial_sequence('\"{table}\"', '{column}'), "
            f'coalesce((SELECT max("{column}") FROM "{table}"), 0) + 1, false)'
        )


def copy_database(source: sqlite_utils.Database, target: sqlite_utils.Database) -> CopyReport:
    """Copy every table of `source` into the empty newsbot database `target` (see the module doc), in one
    write transaction on the target. Raises `DatabaseError` when the target already holds anything or
    lacks a table or column of the source (an older schema)."""
    tables = copied_tables(source)
    missing = sorted(set(tables) - set(table_names(target)))
    if missing:
        raise DatabaseError(f"the target database has no table {', '.join(missing)}: is it newsbot's?")
    with write_transaction(target):
        filled = [t for t in tables if count_rows(target, t)]
        if filled:
            raise DatabaseError(
                f"the target database is not empty ({', '.join(filled)} hold rows): copy into a new database"
            )
        for table in tables:
            columns = column_names(source, table)
            lacking = sorted(set(columns) - set(column_names(target, table)))
            if lacking:
                raise DatabaseError(f"the target's table {table} has no column {', '.join(lacking)}")
            insert = f'INSERT INTO "{table}" ({_names(columns)}) VALUES ({", ".join("?" * len(columns))})'
            for chunk in _rows(source, table, columns):
                target.conn.executemany(insert, chunk)
        _continue_ids(target)
        indexed = index_missing(target)
        counted = tuple(CopiedTable(t, count_rows(source, t), count_rows(target, t)) for t in tables)
    merge_term_counts(target)
    return CopyReport(tables=counted, indexed=indexed)
