"""Opening the database: settings, migrations, schema version (issue 2); those not about SQLite's file also on
PostgreSQL (issue 23)."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from storage.database import connection
from storage.database.connection import latest_version, migrate, open_db, schema_version
from storage.database.migrations import MIGRATIONS
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.errors import DatabaseError


def test_migration_versions_are_contiguous():
    assert [version for version, _, _ in MIGRATIONS] == list(range(1, len(MIGRATIONS) + 1))
    assert latest_version() == len(MIGRATIONS)


def test_open_creates_parent_dirs_and_migrates(tmp_path):
    path = tmp_path / "a" / "b" / "newsbot.db"
    db = open_db(path)
    try:
        assert path.exists()
        assert schema_version(db) == latest_version()
        assert db.execute("PRAGMA user_version").fetchone()[0] == latest_version()
        assert "articles" in db.table_names()
        assert db.journal_mode == "wal"
        assert db.execute("PRAGMA busy_timeout").fetchone()[0] >= 1000
        assert db.execute("PRAGMA foreign_keys").fetchone()[0] == 1
        assert {"articles_date", "articles_source"} <= {ix.name for ix in db["articles"].indexes}
    finally:
        db.close()


def test_the_wal_goes_back_into_the_database_after_many_pages_not_after_every_thousand(tmp_path):
    # Issue 20 (ingest cost): checkpointing at SQLite's default of 1,000 pages copied nearly every ingest
    # batch back into the database file.
    db = open_db(tmp_path / "newsbot.db")
    try:
        assert db.execute("PRAGMA wal_autocheckpoint").fetchone()[0] == connection.WAL_CHECKPOINT_PAGES
        with write_transaction(db):
            db.execute("CREATE TABLE pages (body BLOB)")
            db.conn.executemany("INSERT INTO pages VALUES (?)", [(bytes(3000),)] * 1500)
        with write_transaction(db):
            db.execute("INSERT INTO pages VALUES (x'00')")
        # At the default the first commit would have checkpointed, and the second started the WAL again.
        busy, frames, copied = db.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchone()
        assert (busy, copied) == (0, frames) and 1500 < frames < connection.WAL_CHECKPOINT_PAGES
    finally:
        db.close()


def test_the_statements_of_opening_a_new_database_leave_room_in_the_statement_cache(tmp_path, monkeypatch):
    # Issue 20 (ingest cost): opening a new database ran more distinct statements than the driver's cache
    # of 100 held, and an ingest into it then prepared every statement anew at each run.
    statements: set[str] = set()
    connect = connection.sqlite3.connect

    def traced(*args, **kwargs):
        conn = connect(*args, **kwargs)
        conn.set_trace_callback(lambda sql: statements.add(sql) if not sql.startswith("--") else None)
        return conn

    monkeypatch.setattr(connection.sqlite3, "connect", traced)
    db = open_db(tmp_path / "newsbot.db")
    db.close()
    assert len(statements) < connection.STATEMENT_CACHE // 2


def test_migrates_an_existing_empty_file(tmp_path):
    path = tmp_path / "empty.db"
    path.write_bytes(b"")
    db = open_db(path)
    assert schema_version(db) == latest_version()
    assert "articles" in db.table_names()
    db.close()


def test_reopen_keeps_data_and_applies_nothing(database_target):
    path = database_target
    db = open_db(path)
    db.execute(
        "INSERT INTO articles (fingerprint, title, body, ingested_at) VALUES ('fp', 't', 'b', '2023-04-04')"
    )
    db.close()
    db = open_db(path)
    assert migrate(db) == []
    assert db.execute("SELECT title FROM articles").fetchall() == [("t",)]
    db.close()


def test_database_newer_than_code_is_refused(tmp_path):
    path = tmp_path / "future.db"
    conn = sqlite3.connect(path)
    conn.execute(f"PRAGMA user_version = {latest_version() + 1}")
    conn.close()
    with pytest.raises(DatabaseError, match="newer than this newsbot"):
        open_db(path)


def test_failing_migration_leaves_previous_version(tmp_path):
    migrations = [
        (1, "one", ["CREATE TABLE one (x INTEGER)"]),
        (2, "two", ["CREATE TABLE two (x INTEGER)", "CREATE TABLE one (x INTEGER)"]),
    ]
    path = tmp_path / "m.db"
    with pytest.raises(DatabaseError, match=r"migration 2 \(two\) failed"):
        open_db(path, migrations=migrations)
    conn = sqlite3.connect(path)
    tables = {row[0] for row in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
    version = conn.execute("PRAGMA user_version").fetchone()[0]
    conn.close()
    assert version == 1
    assert tables == {"one"}  # migration 2 rolled back as a whole


def test_not_a_database_gives_clear_error(tmp_path):
    path = tmp_path / "junk.db"
    path.write_text("this is not sqlite " * 100)
    with pytest.raises(DatabaseError, match="junk.db"):
        open_db(path)


def test_directory_as_database_path(tmp_path):
    with pytest.raises(DatabaseError, match="is a directory"):
        open_db(tmp_path)


def denied_writing(monkeypatch, *paths):
    """This process may not write `paths` (as a user without the rights would find; tests may run as root)."""
    denied = {str(path) for path in paths}
    real_access = os.access
    monkeypatch.setattr(
        connection.os,
        "access",
        lambda path, mode: not (mode & os.W_OK and str(path) in denied) and real_access(path, mode),
    )


@pytest.mark.skipif(
    not Path("/proc/self").is_dir(), reason="needs Linux's /proc, where no file can be created"
)
def test_a_database_in_a_folder_this_user_cannot_write_names_the_folder(monkeypatch):
    denied_writing(monkeypatch, "/proc")
    with pytest.raises(DatabaseError) as raised:
        open_db("/proc/newsbot-test.db")
    message = str(raised.value)
    assert "folder /proc is not writable" in message and "-wal" in message
    assert "not a usable newsbot database" not in message


def test_a_read_only_database_file_is_not_called_unusable(tmp_path, monkeypatch):
    path = tmp_path / "news.db"
    open_db(path, migrations=MIGRATIONS[:1]).conn.close()  # an older newsbot's file: opening it migrates
    denied_writing(monkeypatch, path)
    real_connect = sqlite3.connect
    # What SQLite does for a user who may read the file but not write it: every write is refused.
    monkeypatch.setattr(
        connection.sqlite3,
        "connect",
        lambda target, **kw: real_connect(f"{Path(target).as_uri()}?mode=ro", uri=True, **kw),
    )
    with pytest.raises(DatabaseError) as raised:
        open_db(path)
    message = str(raised.value)
    assert "news.db" in message and "read-only for this user" in message
    assert "not a usable newsbot database" not in message


def test_each_migration_of_an_upgrade_is_logged_with_its_version_and_what_it_does(tmp_path, caplog):
    path = tmp_path / "old.db"
    open_db(path, migrations=MIGRATIONS[:1]).conn.close()
    with caplog.at_level(logging.WARNING, logger="storage.database.connection"):
        open_db(path).conn.close()
    lines = [r.getMessage() for r in caplog.records if r.getMessage().startswith("migrating the database")]
    assert len(lines) == len(MIGRATIONS) - 1 and len(set(lines)) == len(
        lines
    )  # the plain CLI log tells them apart
    version, description = MIGRATIONS[1][:2]
    assert lines[0] == f"migrating the database {path} to version {version}: {description}"


def test_connection_usable_from_another_thread(database_target):
    db = open_db(database_target)
    seen: list[int] = []
    worker = threading.Thread(
        target=lambda: seen.append(db.execute("SELECT count(*) FROM articles").fetchone()[0])
    )
    worker.start()
    worker.join()
    assert seen == [0]
    db.close()


def test_memory_database():
    db = open_db(":memory:")
    assert schema_version(db) == latest_version()
    db.close()


def test_write_transaction_rolls_back_and_commits(database_target):
    db = open_db(database_target)
    insert = "INSERT INTO articles (fingerprint, title, body, ingested_at) VALUES (?, 't', 'b', 'now')"
    with pytest.raises(RuntimeError), write_transaction(db):
        db.execute(insert, ["a"])
        raise RuntimeError("fail after a write")
    assert db.execute("SELECT count(*) FROM articles").fetchone()[0] == 0
    with write_transaction(db):
        db.execute(insert, ["b"])
        with pytest.raises(RuntimeError), write_transaction(db):  # nested: a savepoint
            db.execute(insert, ["c"])
            raise RuntimeError("inner fails")
    assert db.execute("SELECT fingerprint FROM articles").fetchall() == [("b",)]
    db.close()


def test_write_transaction_takes_the_write_lock_up_front(tmp_path):
    path = tmp_path / "lock.db"
    first, second = open_db(path), open_db(path)
    second.execute("PRAGMA busy_timeout = 10")
    entered = []
    with write_transaction(first):
        # A deferred BEGIN would get in and fail only at its first write; this fails at the start.
        with pytest.raises(sqlite3.OperationalError, match="locked"), write_transaction(second):
            entered.append(True)
    assert entered == []
    first.close()
    second.close()


@pytest.fixture
def read_only_mount(tmp_path):
    """A folder holding a new database `news.db`, bound read-only at another path (the path given);
    skipped where `mount` is not allowed."""
    source = tmp_path / "data"
    source.mkdir()
    open_db(source / "news.db").conn.close()
    mount = tmp_path / "mounted"
    mount.mkdir()
    bound = subprocess.run(
        ["mount", "--bind", "-o", "ro", str(source), str(mount)], capture_output=True, check=False
    )
    if bound.returncode != 0:
        pytest.skip(f"cannot make a read-only mount here: {bound.stderr.decode().strip()}")
    yield mount
    subprocess.run(["umount", str(mount)], check=True)


def test_a_database_on_a_read_only_mount_is_named_so(read_only_mount):
    """QA pass 29: a database on a file system mounted read-only was called `read-only for this user`,
    though no change of its permissions lets newsbot write it."""
    with pytest.raises(DatabaseError) as raised:
        open_db(read_only_mount / "news.db")
    message = str(raised.value)
    assert "read-only file system" in message and "for this user" not in message


def test_health_of_a_database_on_a_read_only_mount_says_it_is_readable_but_not_writable(read_only_mount):
    """QA pass 29: `newsbot health` on a read-only mount said `database unreadable` (`unable to open
    database file`: SQLite could not make the WAL's -shm file there), though the data can be read."""
    env = {**os.environ, "NEWSBOT_DB": str(read_only_mount / "news.db")}
    run = subprocess.run(
        [sys.executable, "-m", "bot", "health"], capture_output=True, text=True, env=env, check=False
    )
    assert run.returncode == 1, run.stderr
    report = json.loads(run.stdout)
    assert report["database"] == (
        "readable, but cannot write the database: it is on a read-only file system (mounted read-only)"
    )
    assert (
        report["problems"][0] == "database not writable" and "database unreadable" not in report["problems"]
    )
    assert report["schema_version"] == latest_version() and report["articles"] == 0
