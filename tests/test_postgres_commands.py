"""Every `newsbot` command on PostgreSQL (issue 23): NEWSBOT_DATABASE_URL set, a real server (conftest's
`postgres_url`). `stats` and `export` say the same as on SQLite, the articles move by export and ingest, and
`copy-database` moves every table."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from bot.cli import main
from storage.database.connection import open_db
from storage.database.copy import DERIVED, copied_tables
from storage.database.health import beat
from storage.database.postgres import pg_writers_waiting
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.errors import DatabaseFailure, StorageError
from storage.records import chat_state, feeds, readers
from storage.records import sources as store
from storage.records import subscriptions as subs
from tests.bot_support import SEEDS

NOW = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)


@pytest.fixture
def env(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A working directory of its own, the seeds, no database setting but what a test passes."""
    monkeypatch.chdir(tmp_path)
    for name in ("NEWSBOT_DB", "NEWSBOT_DATABASE_URL", "NEWSBOT_LOG_LEVEL"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEEDS))
    return tmp_path


def on_sqlite(env: Path) -> dict[str, str]:
    return {"NEWSBOT_DB": str(env / "data" / "newsbot.db")}


def on_postgres(url: str, env: Path) -> dict[str, str]:
    # NEWSBOT_DB points at a file that must stay untouched: the URL wins.
    return {"NEWSBOT_DATABASE_URL": url, "NEWSBOT_DB": str(env / "untouched.db")}


def run(where: dict[str, str], *args: str) -> Result:
    return CliRunner().invoke(main, list(args), env=where, catch_exceptions=False)


def table_rows(db, table: str) -> list[str]:
    """The table's rows, each as text, sorted (row order is not part of a table's content)."""
    return sorted(repr(tuple(row)) for row in db.execute(f'SELECT * FROM "{table}"').fetchall())


def test_stats_and_export_are_the_same_on_sqlite_and_postgresql(env: Path, postgres_url: str) -> None:
    sqlite, postgres = on_sqlite(env), on_postgres(postgres_url, env)
    for where in (sqlite, postgres):
        ingested = run(where, "ingest")
        assert ingested.exit_code == 0, ingested.output
        assert ingested.stdout.startswith("6 篇新文章")
    for args in (["stats", "--json"], ["stats"], ["export"]):
        on_file, on_server = run(sqlite, *args), run(postgres, *args)
        assert on_file.exit_code == on_server.exit_code == 0
        # Byte for byte: the export holds no ingest time, so nothing legitimately differs.
        assert on_server.stdout == on_file.stdout, args
    assert json.loads(run(postgres, "stats", "--json").stdout)["articles"] == 6
    assert not (env / "untouched.db").exists()


def test_export_then_ingest_moves_the_articles_from_sqlite_to_postgresql(
    env: Path, postgres_url: str
) -> None:
    sqlite, postgres = on_sqlite(env), on_postgres(postgres_url, env)
    exported = run(sqlite, "export")  # seeds the empty file first
    assert exported.exit_code == 0
    dump = env / "articles.jsonl"
    dump.write_text(exported.stdout, encoding="utf-8")
    ingested = run(postgres, "ingest", str(dump))
    assert ingested.exit_code == 0, ingested.output
    assert ingested.stdout.startswith("6 篇新文章")
    assert run(postgres, "export").stdout == exported.stdout
    assert run(postgres, "stats", "--json").stdout == run(sqlite, "stats", "--json").stdout
    again = run(postgres, "ingest", str(dump))
    assert again.stdout.startswith("0 篇新文章，6 篇已存在")


def fill_everything(db) -> None:
    """Rows in every table newsbot keeps, as the bot, the web page and the poller would leave them."""
    ids = [int(r[0]) for r in db.execute("SELECT id FROM articles ORDER BY id").fetchall()]
    subs.register_chat(db, 42, language="en", now=NOW)
    subs.set_timezone(db, 42, "Europe/Berlin", now=NOW)
    morning = subs.add_subscription(db, 42, "08:00", ["保交楼"], now=NOW)
    subs.add_subscription(db, 42, "20:30", now=NOW)
    subs.claim_delivery(
        db, morning.id, date(2023, 4, 12), 42, shown_ids=ids[:2], counted_ids=ids[2:3], now=NOW
    )
    subs.pause_chat(db, 7, "blocked", now=NOW)
    reader = readers.new_reader(db, "web", now=NOW)
    read = subs.add_subscription(db, reader, "07:15", now=NOW)
    feeds.ensure_feeds(db, reader, now=NOW)
    feeds.take_unseen(db, read.id, ids[:2], 10, now=NOW)  # what its /digest listed
    assert readers.claim_message(db, "wx-1", now=NOW)
    readers.record_reply(db, "wx-1", "你好")
    readers.server_key(db, "web-session")
    store.add_source(
        db, "https://news.example.org/", interval=timedelta(hours=1), feed_url="https://news.example.org/rss"
    )
    beat(db, "digest_scheduler", detail="2 due", now=NOW)
    chat_state.put_query(db, chat_state.QueryState("保交楼", 42), now=NOW)
    chat_state.open_confirmation(db, 42, 42, now=NOW)
    chat_state.put_topic(db, chat_state.ChatTopic(42, 42, "保交楼", ids[0]), now=NOW)
    assert chat_state.count_search(db, 42, window_start=int(NOW.timestamp()) // 60 * 60, limit=20)


def test_copy_database_moves_every_table_with_its_ids(env: Path, postgres_url: str) -> None:
    sqlite, postgres = on_sqlite(env), on_postgres(postgres_url, env)
    assert run(sqlite, "ingest").exit_code == 0
    source = open_db(sqlite["NEWSBOT_DB"])
    fill_everything(source)
    tables = copied_tables(source)
    assert {"articles", "chats", "subscriptions", "digest_deliveries", "digest_items", "sources"} <= set(
        tables
    )
    assert {"readers", "feeds", "channel_messages", "server_keys", "heartbeats", "imports"} <= set(tables)
    empty = [t for t in tables if not source.execute(f'SELECT count(*) FROM "{t}"').fetchone()[0]]
    assert empty == []  # every table is tried with rows in it

    copied = run(sqlite, "copy-database", "--to", postgres_url)
    assert copied.exit_code == 0, copied.output
    assert "  subscriptions: 3" in copied.stdout and "6 articles indexed" in copied.stdout

    target = open_db(postgres_url)
    try:
        for table in tables:
            assert table_rows(target, table) == table_rows(source, table), table
        # Rebuilt, not copied, and the same: the near-duplicate sketches of every article.
        for table in DERIVED:
            assert table_rows(target, table) == table_rows(source, table), table
        # What the bot reads back is the same.
        assert subs.list_subscriptions(target, 42) == subs.list_subscriptions(source, 42)
        assert subs.delivered_article_ids(target, 1) == subs.delivered_article_ids(source, 1)
        assert store.list_sources(target) == store.list_sources(source)
        # New rows get ids after the copied ones, on every identity column.
        assert subs.add_subscription(target, 42, "12:00").id == 4
        assert readers.new_reader(target, "web") == readers.new_reader(source, "web")
    finally:
        target.close()
        source.close()
    assert run(postgres, "export").stdout == run(sqlite, "export").stdout

    refused = run(sqlite, "copy-database", "--to", postgres_url)
    assert refused.exit_code == 1 and "not empty" in refused.output
    not_postgres = run(sqlite, "copy-database", "--to", str(env / "other.db"))
    assert not_postgres.exit_code == 2 and "postgresql://" in not_postgres.output


def test_sources_health_compact_and_backup_on_postgresql(env: Path, postgres_url: str) -> None:
    postgres = on_postgres(postgres_url, env)
    assert run(postgres, "ingest").exit_code == 0
    db = open_db(postgres_url)
    try:
        store.add_source(db, "https://news.example.org/", interval=timedelta(minutes=30), name="示例")
    finally:
        db.close()
    listed = run(postgres, "sources", "list", "--json")
    assert listed.exit_code == 0 and json.loads(listed.stdout)["name"] == "示例"
    removed = run(postgres, "sources", "remove", "https://news.example.org/")
    assert removed.exit_code == 0, removed.output
    assert run(postgres, "sources", "list", "--json").stdout == ""

    health = run(postgres, "health")
    report = json.loads(health.stdout)
    assert health.exit_code == 0 and report["articles"] == 6 and report["schema_version"] >= 9

    compacted = run(postgres, "compact")
    assert compacted.exit_code == 0 and "MB →" in compacted.stdout

    backup = run(postgres, "backup", str(env / "news.dump"))
    assert backup.exit_code == 1 and "pg_dump --format=custom" in backup.output
    assert not (env / "news.dump").exists()
    assert not (env / "untouched.db").exists()


def test_health_of_a_server_that_is_not_there_is_reported_not_raised(env: Path) -> None:
    down = run(on_postgres("postgresql://newsbot:secret@127.0.0.1:1/news", env), "health")
    report = json.loads(down.stdout)
    assert down.exit_code == 1 and report["problems"] == ["database unreachable"]
    assert "secret" not in down.stdout


def test_a_refused_statement_is_caught_as_sqlite_s_errors_and_storage_s_are(postgres_url: str) -> None:
    db = open_db(postgres_url)
    try:
        with pytest.raises(DatabaseFailure) as caught:
            db.execute("SELECT no_such_column FROM articles")
        assert isinstance(caught.value, sqlite3.Error) and isinstance(caught.value, StorageError)
        assert "no_such_column" in str(caught.value)
        # The connection is usable afterwards, and a failed write transaction leaves nothing behind.
        with pytest.raises(DatabaseFailure), write_transaction(db):
            subs.register_chat(db, 5)
            db.execute("INSERT INTO chats (chat_id) VALUES (5)")  # no created_at: NOT NULL
        assert subs.get_chat(db, 5) is None
    finally:
        db.close()


def test_a_writer_waiting_for_the_lock_is_seen(postgres_url: str) -> None:
    import threading

    holder, waiter, watcher = open_db(postgres_url), open_db(postgres_url), open_db(postgres_url)
    try:
        waiting = threading.Event()
        with write_transaction(holder):
            assert not pg_writers_waiting(watcher)  # type: ignore[arg-type]

            def wait_for_lock() -> None:
                waiting.set()
                with write_transaction(waiter, wait=10):
                    pass

            thread = threading.Thread(target=wait_for_lock)
            thread.start()
            waiting.wait(5)
            for _ in range(200):
                if pg_writers_waiting(watcher):  # type: ignore[arg-type]
                    break
                threading.Event().wait(0.01)
            assert pg_writers_waiting(watcher)  # type: ignore[arg-type]
        thread.join(10)
        assert not pg_writers_waiting(watcher)  # type: ignore[arg-type]
    finally:
        for conn in (holder, waiter, watcher):
            conn.close()


def test_the_bot_s_services_keep_chats_on_postgresql(env: Path, postgres_url: str) -> None:
    """What `serve` and `web` open: the services over a pool of connections, seeded, subscriptions stored
    through the conversation and read back on another connection."""
    from pydantic import SecretStr

    from bot.chat.exchange import Who
    from bot.services import open_services
    from bot.settings import Settings
    from storage.database.postgres import PostgresDatabase

    settings = Settings(
        _env_file=None,  # type: ignore[call-arg]
        database_url=SecretStr(postgres_url),
        db=env / "untouched.db",
        seeds=SEEDS,
    )
    services = open_services(settings)
    try:
        assert isinstance(services.database, PostgresDatabase)
        me = Who(user_id=9, chat_id=9)
        (reply,) = services.conversation.command("subscribe", "8:00", me)
        assert "08:00" in reply.text
        assert [s.local_time for s in services.database.read(subs.list_subscriptions, 9)] == ["08:00"]
        assert (
            services.database.read(lambda db: db.execute("SELECT count(*) FROM articles").fetchone()[0]) == 6
        )
    finally:
        services.close()
    assert not (env / "untouched.db").exists()
    db = open_db(postgres_url)
    try:
        assert [s.chat_id for s in subs.list_subscriptions(db, 9)] == [9]
    finally:
        db.close()


def test_stats_order_sources_alike_with_ties_no_source_and_chinese_names(
    env: Path, postgres_url: str
) -> None:
    """SQLite and PostgreSQL sort NULL and text differently; `stats` lists sources in one order on both."""
    feed = env / "mixed.jsonl"
    sources = ["乙报", "甲报", "Beta", "alpha", None, "乙报", "甲报", "Beta", "alpha", None, "丙报"]
    feed.write_text(
        "".join(
            json.dumps(
                {"title": f"稿件{n}", "body": f"第{n}篇稿件的正文。", "source": source}, ensure_ascii=False
            )
            + "\n"
            for n, source in enumerate(sources)
        ),
        encoding="utf-8",
    )
    outputs = []
    for where in (on_sqlite(env), on_postgres(postgres_url, env)):
        assert run(where, "ingest", str(feed)).exit_code == 0
        outputs.append((run(where, "stats").stdout, run(where, "stats", "--json").stdout))
    assert outputs[0] == outputs[1]
    listed = list(json.loads(outputs[1][1])["sources"])
    assert listed == ["", "Beta", "alpha", "乙报", "甲报", "丙报"]  # 2 each (no source first), then 1


def test_the_web_page_on_postgresql(env: Path, postgres_url: str) -> None:
    """`newsbot web` over PostgreSQL: /healthz checks that database, a browser becomes a reader, subscribes,
    reads its private feed, /digest and an article page, and forgets it all."""
    import httpx
    from pydantic import SecretStr

    from tests.web_support import web_server

    with (
        web_server(env / "untouched.db", database_url=SecretStr(postgres_url)) as web,
        httpx.Client(base_url=web.base_url, timeout=30) as browser,
    ):
        health = browser.get("/healthz")
        assert health.status_code == 200 and health.json()["articles"] == 6

        def say(line: str) -> list[dict]:
            response = browser.post("/api/message", json={"text": line})
            assert response.status_code == 200, response.text
            return list(response.json()["replies"])

        (url,) = [
            p["href"] for r in say("/subscribe 08:00") for p in r["parts"] if "/feed/" in p.get("href", "")
        ]
        feed = browser.get(url)
        assert feed.status_code == 200 and feed.headers["content-type"].startswith("application/atom+xml")
        assert browser.get("/article/1").status_code == 200
        (digest,) = say("/digest")  # the address's newest stories and the address itself, no push preview
        assert url in digest["text"] and "1. " in digest["text"] and "预览" not in digest["text"]
        (prompt,) = say("/forget")
        yes = next(b["data"] for row in prompt["buttons"] for b in row if b["data"].endswith(":y"))
        assert browser.post("/api/press", json={"data": yes}).status_code == 200
        assert browser.get(url).status_code == 404
    assert not (env / "untouched.db").exists()
