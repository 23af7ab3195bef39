"""Opening the database: connection settings, schema migrations and the data steps that follow them.

`open_db(path)` is the only way the rest of newsbot gets a database. For an SQLite file it creates the
parent directories, turns on WAL (checkpointed every `WAL_CHECKPOINT_PAGES` pages), a busy timeout and
foreign keys, and brings the schema up to date with `storage.database.migrations.MIGRATIONS`, each
migration in its own transaction, recording the version in ``PRAGMA user_version``; for a ``postgresql://`` URL it connects and migrates the server's schema
(`storage.database.postgres`). Articles stored before a migration that the search index needs are indexed
once the schema is up to date (`storage.database.index`).

Writing: `storage.database.writing.write_transaction`. Connections for a multi-threaded process (the
bot): `storage.database.access.Database`.
"""

from __future__ import annotations

import logging
import os
from collections.abc import Sequence
from pathlib import Path

import sqlite_utils

from storage.database.index import fill_period_mentions, fill_search_forms, index_missing
from storage.database.migrations import MIGRATIONS, SEARCH_FORMS_VERSION
from storage.database.postgres import (
    PgConnection,
    connect,
    is_postgres,
    is_postgres_url,
    migrate_postgres,
    pg_schema_version,
)
from storage.database.writing import BUSY_TIMEOUT_MS, database_file, write_transaction
from storage.driver import sqlite3
from storage.errors import DatabaseError
from storage.urls import safe_url

log = logging.getLogger(__name__)

# WAL pages written before a commit copies them back into the database file (SQLite's default: 1,000).
# An ingest batch of 25 articles writes about 700 pages (each near-duplicate key lands on another page of
# its index), so at the default nearly every batch also checkpointed: it read those pages back from the
# WAL, wrote them to the database and synced both files. At 16,000 (a WAL of up to 64 MB) a page rewritten
# by several batches is copied once, and the syncs are 16 times fewer: the ingest writer's CPU fell by
# 16% at 20k articles and 12% at 100k, storing the same bytes.
WAL_CHECKPOINT_PAGES = 16_000
# Prepared statements the driver keeps per connection (its default: 100). Opening a new database runs
# over 100 distinct statements (the migrations); pysqlite3's cache then holds them all, once used each,
# and every statement run afterwards evicted the one run before it, so an ingest into a new database
# prepared each of its statements anew at every run. With room for the migrations and what follows,
# statements run again are found in the cache.
STATEMENT_CACHE = 512

Migration = tuple[int, str, list[str]]


def open_db(path: str | Path, *, migrations: Sequence[Migration] = MIGRATIONS) -> sqlite_utils.Database:
    """Open (creating if needed) the database at `path` and migrate it to the latest schema.

    ``":memory:"`` gives a private in-memory database; a ``postgresql://`` URL a connection to that server
    (storage.database.postgres), migrated the same way. Raises `DatabaseError` with a clear message when
    the file is not a database, cannot be created, or was written by a newer newsbot.
    """
    if is_postgres_url(str(path)):
        return open_postgres(str(path))  # type: ignore[return-value]
    memory = str(path) == ":memory:"
    target = ":memory:" if memory else Path(path)
    if isinstance(target, Path):
        if target.is_dir():
            raise DatabaseError(f"{target}: is a directory, expected a database file")
        try:
            target.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseError(f"{target}: cannot create its directory: {exc.strerror or exc}") from exc
    try:
        conn = sqlite3.connect(
            str(target),
            timeout=BUSY_TIMEOUT_MS / 1000,
            check_same_thread=False,
            cached_statements=STATEMENT_CACHE,
        )
    except sqlite3.Error as exc:
        raise DatabaseError(f"{target}: {unwritable(target) or 'cannot open database'}: {exc}") from exc
    try:
        db = sqlite_utils.Database(conn)
        db.execute(f"PRAGMA busy_timeout = {BUSY_TIMEOUT_MS}")
        db.execute("PRAGMA foreign_keys = ON")
        if not memory:
            db.enable_wal()
            # In WAL mode NORMAL syncs at checkpoints, not at every commit: a power cut may lose the last
            # transactions but never corrupts the database; each commit of an ingest batch no longer
            # waits for the disk.
            db.execute("PRAGMA synchronous = NORMAL")
            db.execute(f"PRAGMA wal_autocheckpoint = {WAL_CHECKPOINT_PAGES}")
        applied = migrate(db, migrations, name=str(target))
        if applied and migrations is MIGRATIONS:
            # Articles stored under an older schema may predate the search index: index them now.
            with write_transaction(db):
                indexed = index_missing(db)
            if indexed:
                log.warning("indexed articles stored before the search index", extra={"articles": indexed})
            if SEARCH_FORMS_VERSION in applied:
                fill_search_forms(db)
        if migrations is MIGRATIONS:
            fill_period_mentions(db)  # after migration 20, or going on with one interrupted
    except sqlite3.DatabaseError as exc:
        conn.close()
        why = unwritable(target) if isinstance(target, Path) else None
        raise DatabaseError(f"{target}: {why or 'not a usable newsbot database'}: {exc}") from exc
    except DatabaseError as exc:  # a migration failed: for want of the right to write, say so
        conn.close()
        why = unwritable(target) if isinstance(target, Path) else None
        if why is None:
            raise
        raise DatabaseError(f"{target}: {why}: {exc.__cause__ or exc}") from exc
    except BaseException:
        conn.close()
        raise
    return db


def open_postgres(url: str) -> PgConnection:
    """One connection to the PostgreSQL server at `url`, with the schema brought up to date (and the
    search forms filled in when the migration that adds them was applied)."""
    conn = connect(url)
    try:
        applied = migrate_postgres(conn, name=safe_url(url))
        if SEARCH_FORMS_VERSION in applied:
            fill_search_forms(conn)  # type: ignore[arg-type]
        fill_period_mentions(conn)  # type: ignore[arg-type]
    except BaseException:
        conn.close()
        raise
    return conn


def unwritable(target: str | Path) -> str | None:
    """Why this process may not write the database file `target`, or None when it may: SQLite writes the
    file and, in WAL mode, creates the -wal and -shm files beside it, so its folder must be writable too."""
    path = Path(target)
    if on_read_only_file_system(path):
        return "cannot write the database: it is on a read-only file system (mounted read-only)"
    if path.exists() and not os.access(path, os.W_OK):
        return "cannot write the database: the file is read-only for this user"
    if not os.access(path.parent, os.W_OK | os.X_OK):
        return (
            f"cannot write the database: its folder {path.parent} is not writable for this user "
            f"(SQLite creates {path.name}-wal and {path.name}-shm beside the file)"
        )
    return None


def on_read_only_file_system(path: Path) -> bool:
    """Whether the file system holding `path` (or its folder, for a file not made yet) is mounted
    read-only: no permission change lets SQLite write there."""
    where = path if path.exists() else path.parent
    try:
        return bool(os.statvfs(where).f_flag & os.ST_RDONLY)
    except OSError:
        return False


def open_readonly(path: str | Path) -> sqlite_utils.Database:
    """Open an existing database read-only, as it is (no migrations): for inspecting a file another
    process owns. Raises `DatabaseError` when it cannot be opened."""
    target = Path(path)
    if not target.is_file():
        raise DatabaseError(f"{target}: no database file")
    try:
        conn = sqlite3.connect(
            f"{target.resolve().as_uri()}?mode=ro", uri=True, timeout=BUSY_TIMEOUT_MS / 1000
        )
    except sqlite3.Error as exc:
        raise DatabaseError(f"{target}: cannot open database: {exc}") from exc
    return sqlite_utils.Database(conn)


def compact(db: sqlite_utils.Database) -> tuple[int, int]:
    """Rebuild the database file without its free pages (VACUUM, then a WAL checkpoint); returns its size
    in bytes before and after. Space freed by a migration or deletions stays in the file until then. It
    writes the whole database once, holding the write lock throughout, and needs that much free disk."""
    if is_postgres(db):
        # PostgreSQL: VACUUM ANALYZE (outside a transaction) gives dead rows' space back to the tables and
        # refreshes the planner's statistics; the term frequencies, whose merges leave much space behind,
        # are rewritten (VACUUM FULL: searches wait for it, the disk gets the space back). The sizes are
        # the whole database's.
        size = "SELECT pg_database_size(current_database())"
        before = int(db.execute(size).fetchone()[0])
        db.execute("VACUUM FULL articles_fts_postings")
        db.execute("VACUUM ANALYZE")
        return before, int(db.execute(size).fetchone()[0])
    path = database_file(db.conn)
    before = _size(path)
    try:
        db.conn.execute("VACUUM")
        db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    except sqlite3.Error as exc:
        raise DatabaseError(f"{path or 'database'}: cannot compact: {exc}") from exc
    return before, _size(path)


def _size(path: str | None) -> int:
    """Bytes of the database file and its WAL (0 in memory)."""
    if path is None:
        return 0
    return sum(os.path.getsize(p) for p in (path, path + "-wal") if os.path.exists(p))


def schema_version(db: sqlite_utils.Database) -> int:
    """The number of the last migration applied (``PRAGMA user_version``; on PostgreSQL the table
    ``newsbot_schema``)."""
    if is_postgres(db):
        return pg_schema_version(db)  # type: ignore[arg-type]
    return int(db.execute("PRAGMA user_version").fetchone()[0])


def latest_version(migrations: Sequence[Migration] = MIGRATIONS) -> int:
    return max((version for version, _, _ in migrations), default=0)


def migrate(
    db: sqlite_utils.Database, migrations: Sequence[Migration] = MIGRATIONS, *, name: str = "database"
) -> list[int]:
    """Apply the migrations newer than the database's version; return the versions applied.

    Each migration runs in one ``BEGIN IMMEDIATE`` transaction together with the ``user_version``
    update, so a failing migration leaves the database at the previous version, and two processes
    opening a fresh database at once do not both apply it.
    """
    _check_migrations(migrations)
    if is_postgres(db):
        if migrations is not MIGRATIONS:
            raise ValueError("PostgreSQL applies newsbot's own MIGRATIONS only")
        return migrate_postgres(db, name=name)  # type: ignore[arg-type]
    latest = latest_version(migrations)
    current = schema_version(db)
    if current > latest:
        raise DatabaseError(
            f"{name}: schema version {current} is newer than this newsbot understands ({latest}); "
            "upgrade newsbot or use another database file"
        )
    applied: list[int] = []
    upgrading = current > 0
    for version, description, statements in sorted(migrations, key=lambda m: m[0]):
        if version <= current:
            continue
        # Upgrading a large archive can take a while: say what is happening (quietly for a new database).
        log.log(
            logging.WARNING if upgrading else logging.INFO,
            "migrating the database %s to version %d: %s",
            name,
            version,
            description,
            extra={"db": name, "version": version, "migration": description},
        )
        try:
            with write_transaction(db):
                # Another process may have migrated while we waited for the write lock.
                if schema_version(db) >= version:
                    current = schema_version(db)
                    continue
                for sql in statements:
                    db.execute(sql)
                db.execute(f"PRAGMA user_version = {int(version)}")
        except sqlite3.Error as exc:
            raise DatabaseError(f"{name}: migration {version} ({description}) failed: {exc}") from exc
        applied.append(version)
        current = version
    return applied


def _check_migrations(migrations: Sequence[Migration]) -> None:
    versions = [version for version, _, _ in migrations]
    if versions != list(range(1, len(versions) + 1)):
        raise ValueError(f"migration versions must be 1, 2, 3, ... in order, got {versions}")
