"""Storage for readers outside Telegram (issue 21): their chat ids, private feeds, the WeChat message ledger
and server keys; and the feed as a pure Atom document."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import feedparser
import pytest

from bot.digests.feed import FeedEntry, article_time, feed_articles, format_atom
from bot.services import open_services
from bot.settings import Settings
from storage.database.connection import open_db
from storage.models import Article
from storage.records import subscriptions as subs
from storage.records.articles import last_date_by
from storage.records.feeds import chat_feeds, ensure_feeds, feed_subscription
from storage.records.readers import (
    READER_CHAT_BASE,
    WEB,
    WECHAT,
    claim_message,
    is_reader_chat,
    message_reply,
    new_reader,
    reader_chat,
    reader_for,
    record_reply,
    server_key,
)
from tests.bot_support import HOSTILE_TITLE, make_database

NOW = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)


@pytest.fixture
def db(database_target: str) -> Any:
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.conn.close()


def test_readers_get_ids_above_telegram_and_never_the_same_twice(db: Any):
    a = new_reader(db, WEB, now=NOW)
    b = new_reader(db, WEB, now=NOW)
    c = reader_for(db, WECHAT, "oOpenId1", now=NOW)
    assert len({a, b, c}) == 3 and all(is_reader_chat(x) and x > READER_CHAT_BASE for x in (a, b, c))
    assert not is_reader_chat(2**52) and not is_reader_chat(-1001234567890)  # Telegram's ranges
    assert reader_for(db, WECHAT, "oOpenId1") == c == reader_chat(db, WECHAT, "oOpenId1")
    subs.forget_chat(db, c)
    assert reader_chat(db, WECHAT, "oOpenId1") is None
    again = reader_for(db, WECHAT, "oOpenId1")
    assert again not in (a, b, c)  # an id is never handed out again, even after /forget


def test_a_feed_per_subscription_gone_with_it(db: Any):
    chat = new_reader(db, WEB)
    one = subs.add_subscription(db, chat, "08:00", ["人才"], now=NOW)
    two = subs.add_subscription(db, chat, "09:00", now=NOW)
    first = ensure_feeds(db, chat, now=NOW)
    assert [f.new for f in first] == [True, True] and len({f.token for f in first}) == 2
    assert all(len(f.token) >= 32 for f in first)  # 192 bits
    assert [f.new for f in ensure_feeds(db, chat, now=NOW)] == [False, False]
    assert feed_subscription(db, first[0].token) == subs.get_subscription(db, one.id)
    subs.remove_subscription(db, chat, one.id)
    assert feed_subscription(db, first[0].token) is None and list(chat_feeds(db, chat)) == [two.id]
    subs.forget_chat(db, chat)
    assert feed_subscription(db, first[1].token) is None and chat_feeds(db, chat) == {}


def test_readers_subscriptions_are_never_due_for_telegram(db: Any):
    chat = new_reader(db, WEB)
    subs.add_subscription(db, chat, "08:00", now=NOW)
    subs.add_subscription(db, 42, "08:00", now=NOW)
    assert [s.chat_id for s in subs.schedule_candidates(db)] == [42]


def test_a_message_is_claimed_once_and_forgotten_after_a_day(db: Any):
    assert claim_message(db, "wechat:1", now=NOW)
    assert not claim_message(db, "wechat:1", now=NOW + timedelta(seconds=10))
    assert message_reply(db, "wechat:1") is None  # claimed, not answered yet
    record_reply(db, "wechat:1", "答复")
    assert message_reply(db, "wechat:1") == "答复"
    assert claim_message(db, "wechat:2", now=NOW + timedelta(days=2))  # and the old one goes
    assert message_reply(db, "wechat:1") is None


def test_server_keys_are_made_once(db: Any):
    key = server_key(db, "web-session")
    assert len(key) >= 40 and server_key(db, "web-session") == key != server_key(db, "other")


# ---- the feed --------------------------------------------------------------------------------------------


def test_the_feed_holds_what_the_digest_would_newest_first(tmp_path: Path):
    path = make_database(tmp_path / "f.db", tmp_path / "files")
    services = open_services(Settings(_env_file=None, db=path, seeds=tmp_path / "none"))  # type: ignore[call-arg]
    try:
        chat = services.database.write(new_reader, WEB)
        wanted = services.database.write(subs.add_subscription, chat, "08:00", ["保交楼", "-第3批"], now=NOW)
        articles = services.database.read(feed_articles, services.library, wanted, dated_by=last_date_by(NOW))
        titles = [a.title for a in articles]
        assert titles[0] == "保交楼项目第8批交付" and "保交楼项目第3批交付" not in titles
        dated = [a.date for a in articles if a.date]
        assert dated == sorted(dated, reverse=True)
        everything = services.database.write(subs.add_subscription, chat, "09:00", [], now=NOW)
        assert services.database.read(feed_articles, services.library, everything, dated_by=last_date_by(NOW))
    finally:
        services.close()


def test_atom_escapes_everything_and_feedparser_reads_it():
    entries = [
        FeedEntry(
            "https://n.org/article/2",
            HOSTILE_TITLE,
            "https://n.org/article/2?a=1&b=2",
            NOW,
            "摘要 <i>x</i> \x07",
        ),
        FeedEntry(
            "https://n.org/article/1", "普通标题", "https://n.org/article/1", NOW - timedelta(days=1), ""
        ),
    ]
    body = format_atom(
        feed_id="https://n.org/feed/t",
        title="newsbot · 「人才」",
        self_url="https://n.org/feed/t",
        site_url="https://n.org/",
        updated=NOW,
        entries=entries,
    )
    parsed = feedparser.parse(body)
    assert not parsed.bozo, parsed.bozo_exception
    assert [e.title for e in parsed.entries] == [HOSTILE_TITLE, "普通标题"]
    assert parsed.entries[0].link == "https://n.org/article/2?a=1&b=2"
    assert b"<script>" not in body and b"\x07" not in body


def test_article_time_prefers_the_publication_time():
    fallback = NOW
    assert article_time(Article(1, "t", (), published_at="2026-12-01T09:30:00+08:00"), fallback).hour == 9
    assert (
        article_time(Article(1, "t", (), date="2026-12-01"), fallback)
        .isoformat()
        .startswith("2026-12-01T00:00")
    )
    assert article_time(Article(1, "t", ()), fallback) == fallback
