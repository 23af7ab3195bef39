"""Subscriptions, chat settings and the digest delivery ledger on a real SQLite file and a real PostgreSQL
database (issues 5 and 23)."""

from __future__ import annotations

from datetime import UTC, date, datetime

import pytest

from storage.database.connection import open_db
from storage.database.migrations import MIGRATIONS
from storage.database.writing import write_transaction
from storage.records import subscriptions as subs
from storage.records.articles import count_articles

NOW = datetime(2023, 4, 7, 0, 0, tzinfo=UTC)


@pytest.fixture
def db(database_target: str):
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.conn.close()


def add_articles(db, *dates: str | None) -> list[int]:
    ids = []
    stored = count_articles(db)
    with write_transaction(db):
        for n, day in enumerate(dates):
            cursor = db.execute(
                "INSERT INTO articles (fingerprint, title, date, body, ingested_at) VALUES (?, ?, ?, ?, ?) "
                "RETURNING id",
                [f"fp-{stored}-{n}", f"标题{n}", day, "正文", NOW.isoformat()],
            )
            ids.append(int(cursor.fetchone()[0]))
    return ids


def test_add_list_remove(db):
    a = subs.add_subscription(db, 100, "08:00", ["交通"], now=NOW)
    b = subs.add_subscription(db, 100, "07:30", now=NOW)
    other = subs.add_subscription(db, 200, "08:00", now=NOW)
    assert a.keywords == ("交通",) and a.created_at == NOW
    assert [s.id for s in subs.list_subscriptions(db, 100)] == [b.id, a.id]  # by time of day
    chat = subs.get_chat(db, 100)
    assert chat is not None and chat.timezone == "Asia/Shanghai" and chat.language == "zh"

    assert subs.remove_subscription(db, 100, other.id) is False  # not this chat's
    assert subs.remove_subscription(db, 100, a.id) is True
    assert subs.remove_subscription(db, 100, a.id) is False  # already gone
    assert [s.id for s in subs.list_subscriptions(db, 100)] == [b.id]
    assert subs.remove_all_subscriptions(db, 200) == 1
    assert subs.list_subscriptions(db, 200) == []
    assert [s.id for s in subs.list_subscriptions(db, 100)] == [b.id]


def test_the_id_of_a_removed_subscription_is_never_given_again(db):
    # An unsubscribe button of the removed newest subscription must not cancel the chat's next one.
    subs.add_subscription(db, 100, "08:00", now=NOW)
    newest = subs.add_subscription(db, 100, "09:00", now=NOW)
    assert subs.remove_subscription(db, 100, newest.id) is True
    again = subs.add_subscription(db, 100, "10:00", now=NOW)
    assert again.id > newest.id
    assert subs.remove_all_subscriptions(db, 100) == 2
    assert subs.add_subscription(db, 100, "11:00", now=NOW).id > again.id


def test_an_older_database_keeps_its_subscription_ids_and_reuses_none_after_the_upgrade(tmp_path):
    path = tmp_path / "old.db"
    old = open_db(path, migrations=[m for m in MIGRATIONS if m[0] < 15])
    kept = subs.add_subscription(old, 1, "08:00", ["交通"], now=NOW)
    newest = subs.add_subscription(old, 1, "09:00", now=NOW)
    old.conn.close()
    upgraded = open_db(path)
    assert subs.list_subscriptions(upgraded, 1) == [kept, newest]
    assert subs.remove_subscription(upgraded, 1, newest.id) is True
    assert subs.add_subscription(upgraded, 1, "10:00", now=NOW).id > newest.id
    upgraded.conn.close()


def test_subscriptions_survive_reopen(tmp_path):
    path = tmp_path / "x.db"
    first = open_db(path)
    sub = subs.add_subscription(first, 1, "21:30", ["二七区", "教育"], now=NOW)
    subs.set_timezone(first, 1, "Europe/Berlin")
    first.conn.close()
    second = open_db(path)
    assert subs.list_subscriptions(second, 1) == [sub]
    assert subs.get_chat(second, 1).timezone == "Europe/Berlin"
    second.conn.close()


def test_schedule_candidates_skip_paused_and_removed(db):
    a = subs.add_subscription(db, 1, "08:00", now=NOW)
    b = subs.add_subscription(db, 2, "08:00", now=NOW)
    c = subs.add_subscription(db, 3, "08:00", now=NOW)
    subs.remove_subscription(db, 3, c.id)
    subs.pause_chat(db, 2, "Forbidden: bot was blocked by the user")
    assert subs.get_chat(db, 2).paused
    assert [s.id for s in subs.schedule_candidates(db)] == [a.id]
    # Writing to the bot again lifts the pause; the subscription comes back.
    subs.register_chat(db, 2, language="en")
    chat = subs.get_chat(db, 2)
    assert not chat.paused and chat.paused_reason is None and chat.language == "en"
    assert [s.id for s in subs.schedule_candidates(db)] == [a.id, b.id]


def test_claim_is_once_per_local_day(db):
    sub = subs.add_subscription(db, 1, "08:00", now=NOW)
    day = date(2023, 4, 7)
    first = subs.claim_delivery(db, sub.id, day, 1, now=NOW)
    assert first is not None
    assert subs.claim_delivery(db, sub.id, day, 1, now=NOW) is None  # a second run, or after restart
    (state,) = subs.schedule_candidates(db)
    assert state.last_local_date == day
    assert subs.claim_delivery(db, sub.id, date(2023, 4, 8), 1, now=NOW) is not None
    assert [d.local_date for d in subs.deliveries(db, sub.id)] == [day, date(2023, 4, 8)]


def test_articles_at_most_once_per_subscription(db):
    ids = add_articles(db, "2023-04-05", "2023-04-07", None, "2023-04-06")
    sub = subs.add_subscription(db, 1, "08:00", now=NOW)
    other = subs.add_subscription(db, 1, "09:00", now=NOW)
    # Newest first; undated last.
    assert subs.undelivered_article_ids(db, sub.id) == [ids[1], ids[3], ids[0], ids[2]]
    assert subs.undelivered_article_ids(db, sub.id, candidate_ids=[ids[0], ids[2]]) == [ids[0], ids[2]]
    assert subs.undelivered_article_ids(db, sub.id, candidate_ids=[]) == []

    d1 = subs.claim_delivery(
        db, sub.id, date(2023, 4, 7), 1, shown_ids=ids[1:2], counted_ids=ids[3:], now=NOW
    )
    assert d1 is not None
    assert subs.undelivered_article_ids(db, sub.id) == [ids[0], ids[2]]
    assert subs.delivered_article_ids(db, sub.id) == [ids[1], ids[3]]
    assert subs.delivered_article_ids(db, sub.id, shown_only=True) == [ids[1]]
    # Another subscription of the same chat is independent.
    assert len(subs.undelivered_article_ids(db, other.id)) == 4
    # A later claim naming an article already covered does not record it twice.
    d2 = subs.claim_delivery(db, sub.id, date(2023, 4, 8), 1, shown_ids=[ids[1], ids[0]], now=NOW)
    assert d2 is not None
    assert subs.delivered_article_ids(db, sub.id) == [ids[1], ids[3], ids[0]]
    new = add_articles(db, "2023-04-08")
    assert subs.undelivered_article_ids(db, sub.id) == [new[0], ids[2]]


def test_finish_release_and_unfinished(db):
    ids = add_articles(db, "2023-04-07")
    sub = subs.add_subscription(db, 1, "08:00", now=NOW)
    d = subs.claim_delivery(db, sub.id, date(2023, 4, 7), 1, shown_ids=ids, now=NOW)
    assert [c.id for c in subs.unfinished_claims(db)] == [d]
    subs.release_delivery(db, d)  # certainly not sent: undo, the article is available again
    assert subs.deliveries(db, sub.id) == []
    assert subs.undelivered_article_ids(db, sub.id) == ids
    d = subs.claim_delivery(db, sub.id, date(2023, 4, 7), 1, shown_ids=ids, now=NOW)
    subs.finish_delivery(db, d, subs.SENT, message_id=42)
    (row,) = subs.deliveries(db, sub.id)
    assert row.status == subs.SENT and row.message_id == 42
    assert subs.unfinished_claims(db) == []
    empty = subs.claim_delivery(db, sub.id, date(2023, 4, 8), 1, status=subs.EMPTY, now=NOW)
    assert empty is not None and subs.unfinished_claims(db) == []


def test_claim_rolls_back_as_a_whole(db):
    sub = subs.add_subscription(db, 1, "08:00", now=NOW)
    with pytest.raises(TypeError):
        subs.claim_delivery(db, sub.id, date(2023, 4, 7), 1, shown_ids=[object()], now=NOW)  # type: ignore[list-item]
    assert subs.deliveries(db, sub.id) == []  # no half-written ledger row
    assert subs.claim_delivery(db, sub.id, date(2023, 4, 7), 1, now=NOW) is not None


def test_migrate_chat(db):
    sub = subs.add_subscription(db, -100, "08:00", ["交通"], now=NOW)
    subs.set_timezone(db, -100, "Europe/Berlin")
    subs.claim_delivery(db, sub.id, date(2023, 4, 7), -100, now=NOW)
    subs.migrate_chat(db, -100, -1009999)
    assert subs.list_subscriptions(db, -100) == []
    (moved,) = subs.list_subscriptions(db, -1009999)
    assert moved.id == sub.id and moved.keywords == ("交通",)
    assert subs.get_chat(db, -1009999).timezone == "Europe/Berlin"
    assert subs.get_chat(db, -100) is None
    assert subs.deliveries(db, sub.id)[0].chat_id == -1009999
    # Migrating into a chat that already exists merges the subscriptions into it.
    other = subs.add_subscription(db, -200, "09:00", now=NOW)
    subs.migrate_chat(db, -200, -1009999)
    assert {s.id for s in subs.list_subscriptions(db, -1009999)} == {sub.id, other.id}


def test_set_timezone_creates_chat(db):
    chat = subs.set_timezone(db, 5, "America/New_York")
    assert chat.timezone == "America/New_York"
    assert subs.get_chat(db, 5).timezone == "America/New_York"


def test_a_moved_subscription_keeps_its_id_and_ledger(db):
    sub = subs.add_subscription(db, 100, "08:00", ["交通"], now=NOW)
    other = subs.add_subscription(db, 200, "08:00", now=NOW)
    (article,) = add_articles(db, "2023-04-06")
    delivery = subs.claim_delivery(db, sub.id, date(2023, 4, 7), 100, shown_ids=[article])
    assert delivery is not None
    later = datetime(2023, 4, 7, 3, 0, tzinfo=UTC)
    moved = subs.move_subscription(db, 100, sub.id, "20:00", now=later)
    assert moved == subs.Subscription(sub.id, 100, "20:00", ("交通",), later, number=1)
    assert subs.delivered_article_ids(db, sub.id) == [article]
    assert subs.last_delivery_date(db, sub.id) == date(2023, 4, 7)
    assert subs.last_delivery_date(db, other.id) is None
    assert subs.move_subscription(db, 100, other.id, "20:00", now=later) is None  # not this chat's
    assert subs.get_subscription(db, other.id) == other


def test_each_chat_numbers_its_own_subscriptions_and_an_old_id_still_names_one(db):
    """Issue 34: a subscription's number was its id across all chats (a reader's first could be #57).
    Each chat's own are numbered 1, 2, 3… by id; a number typed names the chat's own of that number,
    else the chat's own of that id (what its older replies showed); never another chat's."""
    for words in (["交通"], ["教育"], ["人才"]):
        subs.add_subscription(db, 100, "08:00", words, now=NOW)
    first = subs.add_subscription(db, 200, "21:00", ["统战"], now=NOW)
    second = subs.add_subscription(db, 200, "07:00", ["保交楼"], now=NOW)
    assert (first.id, first.number, second.id, second.number) == (4, 1, 5, 2)
    # listed by time of day; each keeps its number
    assert [(s.number, s.keywords) for s in subs.list_subscriptions(db, 200)] == [
        (2, ("保交楼",)),
        (1, ("统战",)),
    ]
    assert [s.number for s in subs.list_subscriptions(db, 100)] == [1, 2, 3]
    assert subs.own_subscription(db, 200, 1) == first
    assert subs.own_subscription(db, 200, 5) == second  # its id: no number of the chat's own is 5
    assert subs.own_subscription(db, 200, 3) is None  # another chat's id
    assert subs.own_subscription(db, 100, 4) is None
    assert not subs.both_meant(subs.list_subscriptions(db, 200), 5)
    for words in (["二七区"], ["疫情"], ["阅兵"]):
        subs.add_subscription(db, 200, "08:00", words, now=NOW)
    found = subs.list_subscriptions(db, 200)
    # 4 is the chat's own #4 (id 7) and the id of its #1: the number wins
    assert subs.own_subscription(db, 200, 4) == next(s for s in found if s.id == 7)
    assert subs.both_meant(found, 4) and subs.both_meant(found, 5) and not subs.both_meant(found, 3)
    assert subs.remove_subscription(db, 200, first.id)
    assert [(s.number, s.id) for s in sorted(subs.list_subscriptions(db, 200), key=lambda s: s.id)] == [
        (1, 5),
        (2, 6),
        (3, 7),
        (4, 8),
    ]
