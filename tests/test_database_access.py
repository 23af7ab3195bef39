"""Read connections and one write path (issue 10; issue 14 items 5 and 6): reads never wait for writes,
writes wait a bounded time and then say so, chat commands answer "try again", the inbox keeps its files."""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.ops.inbox import ingest_inbox
from bot.services import Services, open_services
from bot.settings import Settings
from storage.database.access import Database
from storage.database.connection import open_db
from storage.database.writing import write_transaction, writers_waiting
from storage.driver import sqlite3
from storage.errors import DatabaseBusy
from storage.records import subscriptions as subs
from storage.records.articles import count_articles
from tests.backends import WaitingWriterWatch, WriteLockHolder, sqlite_only
from tests.bot_support import SEEDS

INSERT = "INSERT INTO articles (fingerprint, title, body, ingested_at) VALUES (?, 't', 'b', 'now')"


@pytest.fixture
def database(database_target: str) -> Iterator[Database]:
    """A `Database` over an SQLite file, then over a PostgreSQL database."""
    opened = Database.open(database_target)
    yield opened
    opened.close()


@pytest.fixture
def other(database_target: str, database: Database) -> Iterator[WriteLockHolder]:
    """Another process's connection to the same database (a `newsbot ingest` holding the write lock)."""
    holder = WriteLockHolder(database_target)
    yield holder
    holder.close()


def test_a_read_does_not_wait_for_an_open_write_and_sees_the_last_commit(database: Database) -> None:
    database.write(lambda db: db.execute(INSERT, ["before"]))
    inside, release = threading.Event(), threading.Event()

    def slow_write() -> None:
        with database.writer() as db:
            db.execute(INSERT, ["during"])
            inside.set()
            release.wait(10)

    writer = threading.Thread(target=slow_write)
    writer.start()
    try:
        assert inside.wait(10)
        with database.reader() as db:  # the write is still open: the read goes ahead
            assert [r[0] for r in db.execute("SELECT fingerprint FROM articles")] == ["before"]
    finally:
        release.set()
        writer.join()
    assert database.read(lambda db: db.execute("SELECT count(*) FROM articles").fetchone()[0]) == 2


def test_reads_cannot_write(database: Database) -> None:
    with pytest.raises(sqlite3.DatabaseError, match="read-?only"), database.reader() as db:
        db.execute(INSERT, ["sneaky"])


def test_each_thread_reads_on_its_own_connection(database: Database) -> None:
    sqlite_only(database, "a read connection per thread (PostgreSQL's readers borrow from the pool)")
    seen: list[int] = []

    def read() -> None:
        with database.reader() as db:
            seen.append(id(db.conn))

    threads = [threading.Thread(target=read) for _ in range(3)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(set(seen)) == 3


def test_a_write_waits_a_bounded_time_then_says_busy_and_changes_nothing(
    database: Database, other: WriteLockHolder
) -> None:
    other.take()
    started = time.monotonic()
    with pytest.raises(DatabaseBusy, match="locked"):
        database.write(lambda db: db.execute(INSERT, ["lost?"]), wait=0.3)
    assert 0.25 <= time.monotonic() - started < 5
    other.release()
    database.write(lambda db: db.execute(INSERT, ["now"]), wait=0.3)
    assert database.read(lambda db: [r[0] for r in db.execute("SELECT fingerprint FROM articles")]) == ["now"]


def test_a_waiting_writer_is_seen_by_bulk_writers_in_any_process(
    database: Database, other: WriteLockHolder
) -> None:
    assert not writers_waiting(database.connection.conn)
    other.take()
    waiter = threading.Thread(target=lambda: database.write(lambda db: db.execute(INSERT, ["w"]), wait=10))
    waiter.start()
    try:
        deadline = time.monotonic() + 10
        while not writers_waiting(other.conn) and time.monotonic() < deadline:
            time.sleep(0.01)
        assert writers_waiting(other.conn)  # what a bulk writer in another process checks after each batch
    finally:
        other.release()
        waiter.join()
    assert not writers_waiting(other.conn)
    assert database.read(lambda db: db.execute("SELECT count(*) FROM articles").fetchone()[0]) == 1


def test_a_failed_commit_is_rolled_back(tmp_path: Path) -> None:
    db = open_db(tmp_path / "c.db")
    db.execute("CREATE TABLE parent (id INTEGER PRIMARY KEY)")
    db.execute("CREATE TABLE child (p INTEGER REFERENCES parent(id) DEFERRABLE INITIALLY DEFERRED)")
    with pytest.raises(sqlite3.IntegrityError), write_transaction(db):
        db.execute("INSERT INTO child VALUES (7)")  # checked only at COMMIT
    assert not db.conn.in_transaction
    assert db.execute("SELECT count(*) FROM child").fetchone()[0] == 0
    db.close()


def test_chat_writes_go_before_bulk_writes(database: Database, database_target: str) -> None:
    """While this process's writer holds the lock, a bulk writer waits for it and then a chat's writer
    does: the chat's write goes first. Each step waits until the writer started before it is seen
    waiting (no pause that load can outlast); on PostgreSQL the bulk writer's request, queued at the
    server before the chat's, used to be granted first."""
    order: list[str] = []
    holding, release = threading.Event(), threading.Event()
    watch = WaitingWriterWatch(database, database_target)

    def hold() -> None:
        with database.writer():
            holding.set()
            release.wait(60)

    def write(name: str, bulk: bool) -> None:
        database.write(lambda db: order.append(name), bulk=bulk, wait=60)

    threads = [
        threading.Thread(target=hold),
        threading.Thread(target=write, args=("bulk", True)),
        threading.Thread(target=write, args=("chat", False)),
    ]
    holder, bulk, chat = threads
    try:
        holder.start()
        assert holding.wait(60)
        bulk.start()
        assert watch.bulk_writer_waits(timeout=60)
        chat.start()
        assert watch.other_writer_waits(timeout=60)
    finally:
        release.set()
        for t in threads:
            if t.is_alive():
                t.join()
        watch.close()
    assert order == ["chat", "bulk"]


# ---- the chat side ---------------------------------------------------------------------------------------


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    opened = open_services(
        Settings(_env_file=None, db=tmp_path / "chat.db", seeds=SEEDS),  # type: ignore[call-arg]
        markup=PLAIN,
        pushes=True,  # where digests are pushed: /subscribe at another time moves the subscription
    )
    yield opened
    opened.close()


@pytest.mark.parametrize(
    ("who", "busy"),
    [
        (Who(user_id=7, lang="zh", chat_id=7), "数据库正忙，刚才的操作没有完成，请过几秒再试一次。"),
        (Who(user_id=8, lang="en", chat_id=8), "The database is busy and your command was not carried out"),
    ],
)
def test_a_busy_database_gets_try_again_and_reads_still_answer(
    services: Services, tmp_path: Path, who: Who, busy: str
) -> None:
    conversation = services.conversation
    conversation.command("subscribe", "8:00", who)
    (prompt,) = conversation.command("forget", "", who)  # asked before the database is busy
    yes = prompt.buttons[0][0].data or ""
    other = sqlite3.connect(tmp_path / "chat.db", isolation_level=None)
    other.execute("BEGIN IMMEDIATE")  # another process holds the write lock for longer than a chat waits
    try:
        (reply,) = conversation.command("subscribe", "9:00", who)
        assert busy in reply.text
        (listing,) = conversation.command("subscriptions", "", who)  # reads need no write lock
        assert "08:00" in listing.text and "09:00" not in listing.text
        (results,) = conversation.command("search", "保交楼", who)
        assert "保交楼" in results.text
        (asked,) = conversation.command("forget", "", who)  # a new question cannot be stored meanwhile
        assert busy in asked.text and not asked.buttons
        press = conversation.press(yes, who)
        assert press.notice is not None and busy[:8] in press.notice
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert [s.local_time for s in services.database.read(subs.list_subscriptions, who.chat_id)] == ["08:00"]
    done = conversation.press(yes, who)  # the same confirmation works once the database is free
    assert done.edit is not None
    assert services.database.read(subs.list_subscriptions, who.chat_id) == []


def test_the_inbox_keeps_a_file_the_busy_database_could_not_take(
    tmp_path: Path, database: Database, other: WriteLockHolder
) -> None:
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    records = [{"title": f"第{n}条", "body": f"收件箱里的第{n}条新闻正文。"} for n in range(5)]
    (inbox / "a.jsonl").write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records))
    later = time.time() + 60
    other.take()
    try:
        report = ingest_inbox(database, inbox, now=later, wait=0.2)
    finally:
        other.release()
    (result,) = report.files
    assert result.busy and result.database_failed
    assert (inbox / "a.jsonl").exists() and not (inbox / "failed").exists()
    report = ingest_inbox(database, inbox, now=later + 60, wait=0.2)
    assert report.new == 5 and (inbox / "done" / "a.jsonl").exists()
    assert database.read(count_articles) == 5


def test_over_one_shared_connection_a_writer_waits_for_work_on_its_own_connection(
    database_target: str,
) -> None:
    """PostgreSQL's index merges run transactions of their own on the connection `own_connection` gives;
    over one shared connection (a poll of several sources at once) another thread's write must neither
    run inside them nor take one of them for its own and nest in it."""
    shared = Database.over(open_db(database_target))
    inside, release, wrote = threading.Event(), threading.Event(), threading.Event()

    def own_work() -> None:
        with shared.own_connection() as db:
            with write_transaction(db):
                db.execute(INSERT, ["merge"])
                inside.set()
                release.wait(10)

    def write() -> None:
        shared.write(lambda db: db.execute(INSERT, ["poll"]))
        wrote.set()

    worker = threading.Thread(target=own_work)
    worker.start()
    try:
        assert inside.wait(10)
        writer = threading.Thread(target=write)
        writer.start()
        assert not wrote.wait(0.3)  # waits for the work on the shared connection
    finally:
        release.set()
        worker.join()
    writer.join()
    assert wrote.is_set()
    assert shared.read(lambda db: sorted(r[0] for r in db.execute("SELECT fingerprint FROM articles"))) == [
        "merge",
        "poll",
    ]
    shared.connection.conn.close()
