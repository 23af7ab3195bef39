"""Tests that store into a database of an older schema (to check an upgrade) run today's ingest and
search, which write and read every column of `articles` the latest schema has: `tests.schema_support`
gives the old database those columns for the block and takes them away after, whatever migrations come
later (regression: the helper knew migration 13's columns only, so a migration adding one more broke
every such test)."""

from __future__ import annotations

from pathlib import Path

import sqlite_utils

from storage.database.connection import open_db
from storage.database.migrations import MIGRATIONS
from tests.schema_support import later_article_columns

# A migration a later newsbot might append: one more column of `articles`.
FUTURE = [
    *MIGRATIONS,
    (MIGRATIONS[-1][0] + 1, "a column added later", ["ALTER TABLE articles ADD COLUMN extra TEXT"]),
]


def _columns(db: sqlite_utils.Database) -> set[str]:
    return {row[1] for row in db.execute("PRAGMA table_info(articles)").fetchall()}


def test_an_old_schema_has_every_column_of_the_latest_for_the_block_and_its_own_after(tmp_path: Path):
    latest = open_db(tmp_path / "latest.db", migrations=FUTURE)
    old = open_db(tmp_path / "old.db", migrations=MIGRATIONS[:7])
    own = _columns(old)
    assert "extra" in _columns(latest) and not _columns(latest) <= own
    with later_article_columns(old, migrations=FUTURE):
        assert _columns(old) == _columns(latest)
    assert _columns(old) == own
    latest.close()
    old.close()
