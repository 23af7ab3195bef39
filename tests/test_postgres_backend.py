"""The PostgreSQL backend's foundation (storage/database/postgres.py) against a real server: the schema, the
one transaction helper, the pool, and the messages for a server that is not there."""

from __future__ import annotations

import signal
import subprocess
import sys
import threading

import pytest

from storage.database.access import Database
from storage.database.connection import open_db
from storage.database.migrations import MIGRATIONS
from storage.database.postgres import (
    IDLE_IN_TRANSACTION_S,
    PostgresDatabase,
    pg_schema_version,
    translate,
)
from storage.database.writing import write_transaction
from storage.errors import DatabaseBusy, DatabaseError
from storage.urls import safe_url, without_password
from tests.bot_support import ROOT


def test_placeholders_become_psycopg_ones_outside_literals() -> None:
    assert translate("SELECT ? , '?', \"a?\" WHERE x LIKE '%a' AND y % 2 = ?") == (
        "SELECT %s , '?', \"a?\" WHERE x LIKE '%%a' AND y %% 2 = %s"
    )


def test_schema_is_migrated_once_and_reopening_applies_nothing(postgres_url: str) -> None:
    db = open_db(postgres_url)
    try:
        assert pg_schema_version(db) == len(MIGRATIONS)  # type: ignore[arg-type]
        tables = {r[0] for r in db.execute("SELECT tablename FROM pg_tables WHERE schemaname = 'public'")}
        assert {
            "articles",
            "articles_fts",
            "chats",
            "subscriptions",
            "digest_deliveries",
            "sources",
        } <= tables
    finally:
        db.close()
    again = open_db(postgres_url)
    try:
        assert [r[0] for r in again.execute("SELECT version FROM newsbot_schema ORDER BY version")] == list(
            range(1, len(MIGRATIONS) + 1)
        )
    finally:
        again.close()


def test_write_transaction_commits_and_rolls_back_with_savepoints(postgres_url: str) -> None:
    db = open_db(postgres_url)
    try:
        with write_transaction(db):
            db.execute("INSERT INTO chats (chat_id, created_at) VALUES (?, ?)", [1, "t"])
            with pytest.raises(RuntimeError), write_transaction(db):
                db.execute("INSERT INTO chats (chat_id, created_at) VALUES (?, ?)", [2, "t"])
                raise RuntimeError("inner block fails")
        with pytest.raises(RuntimeError), write_transaction(db):
            db.execute("INSERT INTO chats (chat_id, created_at) VALUES (?, ?)", [3, "t"])
            raise RuntimeError("whole block fails")
        assert [r[0] for r in db.execute("SELECT chat_id FROM chats ORDER BY chat_id")] == [1]
        # Ids the schema generates: an identity column, as SQLite's rowid alias.
        cursor = db.execute(
            "INSERT INTO subscriptions (chat_id, local_time, created_at) VALUES (?, ?, ?) RETURNING id",
            [1, "08:00", "t"],
        )
        assert cursor.fetchone()[0] >= 1
    finally:
        db.close()


def test_writers_take_turns_across_connections_and_a_busy_one_says_so(postgres_url: str) -> None:
    database = Database.open(postgres_url)
    assert isinstance(database, PostgresDatabase)
    try:
        holding, release = threading.Event(), threading.Event()

        def hold() -> None:
            with database.writer():
                holding.set()
                release.wait(10)

        thread = threading.Thread(target=hold)
        thread.start()
        assert holding.wait(10)
        other = open_db(postgres_url)
        try:
            with pytest.raises(DatabaseBusy), write_transaction(other, wait=0.2):
                pass
        finally:
            other.close()
        # Reads never wait for the write lock.
        assert database.read(lambda db: db.execute("SELECT count(*) FROM articles").fetchone()[0]) == 0
        release.set()
        thread.join(10)
        assert database.write(lambda db: db.execute("SELECT 1").fetchone()[0]) == 1
    finally:
        database.close()


# A writer of another process: takes the write lock, says so, and sits in its transaction. Its first argument
# is the database URL, its second how long the server lets its session idle in a transaction.
HOLDER = """
import sys, time
from storage.database import postgres
postgres.SESSION_SETTINGS["idle_in_transaction_session_timeout"] = sys.argv[2]
conn = postgres.connect(sys.argv[1])
with postgres.pg_write_transaction(conn):
    print("holding", flush=True)
    time.sleep(600)
"""


def holder(url: str, idle: str) -> subprocess.Popen[str]:
    proc = subprocess.Popen(
        [sys.executable, "-c", HOLDER, url, idle], cwd=ROOT, stdout=subprocess.PIPE, text=True
    )
    assert proc.stdout is not None and proc.stdout.readline().strip() == "holding"
    return proc


def test_a_replica_killed_or_frozen_holding_the_write_lock_does_not_keep_it(postgres_url: str) -> None:
    """Issue 23: a replica killed with SIGKILL, or stopped dead, inside a write transaction."""
    other = open_db(postgres_url)
    database = Database.open(postgres_url)
    try:
        # Every connection, pooled or not, tells the server to end a session idle in a transaction.
        expected = f"{IDLE_IN_TRANSACTION_S}s"
        assert other.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0] == expected
        shown = database.read(lambda db: db.execute("SHOW idle_in_transaction_session_timeout").fetchone()[0])
        assert shown == expected
        for idle in ("1h", "1s"):
            proc = holder(postgres_url, idle)
            try:
                with pytest.raises(DatabaseBusy), write_transaction(other, wait=0.2):
                    pass
                if idle == "1h":  # killed: its socket closes and the server ends its transaction
                    proc.send_signal(signal.SIGKILL)
                    proc.wait(10)
                else:  # frozen with its connection open: the server ends the session once idle too long
                    proc.send_signal(signal.SIGSTOP)
                with write_transaction(other, wait=30):
                    other.execute("INSERT INTO server_keys (name, value) VALUES (?, ?)", [idle, "written"])
            finally:
                proc.kill()
                proc.wait(10)
                assert proc.stdout is not None
                proc.stdout.close()
        assert (
            database.read(
                lambda db: db.execute("SELECT count(*) FROM server_keys WHERE value = 'written'").fetchone()[
                    0
                ]
            )
            == 2
        )
    finally:
        database.close()
        other.close()


def test_a_server_that_is_not_there_is_named_in_one_line() -> None:
    with pytest.raises(DatabaseError) as caught:
        open_db("postgresql://newsbot:secret@127.0.0.1:1/newsbot")
    message = str(caught.value)
    assert "cannot connect to PostgreSQL" in message and "secret" not in message
    assert "\n" not in message


def test_a_schema_newer_than_this_newsbot_is_refused(postgres_url: str) -> None:
    db = open_db(postgres_url)
    try:
        db.execute(
            "INSERT INTO newsbot_schema (version, applied_at) VALUES (?, ?)", [len(MIGRATIONS) + 1, "t"]
        )
    finally:
        db.close()
    with pytest.raises(DatabaseError, match="newer than this newsbot understands"):
        open_db(postgres_url)


def test_without_postgresql_installed_the_tests_are_told_why(monkeypatch: pytest.MonkeyPatch) -> None:
    """Where Debian's postgresql package is missing, `postgres_server` yields the reason its tests skip with."""
    from tests import postgres_support

    monkeypatch.setattr(postgres_support.glob, "glob", lambda pattern: [])
    monkeypatch.setattr(postgres_support.shutil, "which", lambda name: None)
    with postgres_support.postgres_server() as server:
        assert server == "PostgreSQL is not installed (Debian: apt-get install postgresql)"


@pytest.mark.parametrize(
    ("url", "shown", "for_pg_dump"),
    [
        ("postgresql://u:s3cr%40t@h:5432/d", "postgresql://u:***@h:5432/d", "postgresql://u@h:5432/d"),
        (
            "postgresql://newsbot:secret@db/news",
            "postgresql://newsbot:***@db/news",
            "postgresql://newsbot@db/news",
        ),
        ("postgres://:secret@db/news", "postgres://:***@db/news", "postgres://@db/news"),
        (
            "postgresql://db/news?sslmode=require&password=secret",
            "postgresql://db/news?sslmode=require&password=***",
            "postgresql://db/news?sslmode=require",
        ),
        ("postgresql://db/news?password=secret", "postgresql://db/news?password=***", "postgresql://db/news"),
        ("postgresql://newsbot@db/news", "postgresql://newsbot@db/news", "postgresql://newsbot@db/news"),
    ],
)
def test_the_password_is_hidden_in_messages_and_left_out_of_commands(
    url: str, shown: str, for_pg_dump: str
) -> None:
    assert safe_url(url) == shown and without_password(url) == for_pg_dump
