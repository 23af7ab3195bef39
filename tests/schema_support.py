"""Databases of an older schema for upgrade tests (SQLite): the columns later migrations add to
`articles`, and the tables of what indexing derives from an article, which today's ingest and search
write and read."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from contextlib import contextmanager

import sqlite_utils

from storage.database.connection import Migration
from storage.database.migrations import MIGRATIONS

_ADD_COLUMN = re.compile(r"ALTER TABLE (\w+) ADD COLUMN (\w+)", re.IGNORECASE)
_CREATE_TABLE = re.compile(r"CREATE TABLE (?:IF NOT EXISTS )?(\w+)", re.IGNORECASE)
# Tables indexing writes for each article (`storage.database.index.write_index`).
INDEX_TABLES = ("period_mentions",)


def columns_added(migrations: Sequence[Migration], after: int) -> list[tuple[str, str, str]]:
    """(table, column, statement) of each column the migrations after schema `after` add to any table,
    in order."""
    return [
        (match.group(1), match.group(2), sql)
        for version, _, statements in migrations
        if version > after
        for sql in statements
        if (match := _ADD_COLUMN.match(sql.strip()))
    ]


def article_columns_added(migrations: Sequence[Migration], after: int) -> list[tuple[str, str]]:
    """(column, statement) of each column the migrations after schema `after` add to `articles`, in order."""
    return [(column, sql) for table, column, sql in columns_added(migrations, after) if table == "articles"]


def index_tables_added(migrations: Sequence[Migration], after: int) -> list[tuple[str, str]]:
    """(table, statement) of each of `INDEX_TABLES` the migrations after schema `after` create, in order."""
    return [
        (match.group(1), sql)
        for version, _, statements in migrations
        if version > after
        for sql in statements
        if (match := _CREATE_TABLE.match(sql.strip())) and match.group(1) in INDEX_TABLES
    ]


@contextmanager
def later_article_columns(
    db: sqlite_utils.Database, *, migrations: Sequence[Migration] = MIGRATIONS
) -> Iterator[None]:
    """The database, at the schema its `user_version` names, has every column of `articles` the later
    migrations add, and the tables they add that indexing writes, while the block runs (today's ingests and
    searches), and loses them after, as that schema had none."""
    version = db.execute("PRAGMA user_version").fetchone()[0]
    added = article_columns_added(migrations, version)
    tables = index_tables_added(migrations, version)
    for _, sql in added + tables:
        db.execute(sql)
    try:
        yield
    finally:
        for column, _ in reversed(added):
            db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
        for table, _ in tables:
            db.execute(f"DROP TABLE {table}")
