"""A subscription moved to another time with /subscribe <same keywords> <new time> (QA pass 10): the reply
says so, and its ledger stays, so a story it brought in the morning does not come again that evening."""

from __future__ import annotations

from datetime import UTC, date, datetime

from bot.chat.replies import PLAIN
from bot.digests import schedule
from bot.digests.plan import DigestConfig, prepare
from bot.telegram.subscriptions import subscription_command
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.records import subscriptions as subs
from storage.records.readers import READER_CHAT_BASE
from storage.search.engine import Searcher
from tests.bot_support import SEEDS

MORNING = datetime(2023, 4, 13, 0, 5, tzinfo=UTC)  # 08:05 in Shanghai
LATER = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)  # 09:00
EVENING = datetime(2023, 4, 13, 12, 1, tzinfo=UTC)  # 20:01


def test_the_same_keywords_at_another_time_move_the_subscription_and_keep_its_ledger(tmp_path):
    db = open_db(tmp_path / "n.db")
    try:
        ingest_paths(db, [SEEDS])
        searcher = Searcher(db)

        def run(now: datetime, *args: str, lang: str = "zh") -> str:
            replies = subscription_command(
                db, searcher, "subscribe", list(args), chat_id=42, lang=lang, now=now, markup=PLAIN
            )
            return "\n".join(r.text for r in replies)

        run(datetime(2023, 4, 12, 0, 0, tzinfo=UTC), "8:00", "统战")
        (sub,) = subs.list_subscriptions(db, 42)
        (due,) = schedule.due_subscriptions(subs.schedule_candidates(db), MORNING)
        claimed = prepare(db, searcher, due, DigestConfig(), MORNING)
        assert claimed is not None
        morning = set(subs.delivered_article_ids(db, sub.id, shown_only=True))
        assert morning

        out = run(LATER, "20:00", "统战")
        assert f"已把订阅 #{sub.id}" in out and "从每天 08:00 改到每天 20:00" in out
        assert "下一次推送：2023-04-14 20:00" in out  # today's digest came this morning
        (moved,) = subs.list_subscriptions(db, 42)
        assert (moved.id, moved.local_time, moved.keywords) == (sub.id, "20:00", ("统战",))
        assert morning <= set(subs.delivered_article_ids(db, sub.id, shown_only=True))
        assert schedule.due_subscriptions(subs.schedule_candidates(db), EVENING) == []
        assert "你已经有这个订阅了" in run(LATER, "20:00", "统战")
        # QA pass 29: the same keywords again with no time moved it to the default 08:00; it stays at 20:00.
        again = run(LATER, "统战")
        assert "你已经有这个订阅了" in again and "每天 20:00" in again and "改到" not in again
        assert [s.local_time for s in subs.list_subscriptions(db, 42)] == ["20:00"]

        # Moved to a time already past today, before that day's digest: tomorrow, not caught up now.
        out = run(datetime(2023, 4, 14, 2, 0, tzinfo=UTC), "7:00", "统战", lang="en")
        assert "moved from 20:00 to 07:00" in out and "Next digest: 2023-04-15 07:00" in out
        assert (
            schedule.due_subscriptions(subs.schedule_candidates(db), datetime(2023, 4, 14, 2, 1, tzinfo=UTC))
            == []
        )
        assert subs.last_delivery_date(db, sub.id) == date(2023, 4, 13)
        # Other keywords at a time are a subscription of their own.
        assert "已订阅" in run(LATER, "20:00", "保交楼")
        assert len(subs.list_subscriptions(db, 42)) == 2
    finally:
        db.close()


def test_where_subscriptions_are_read_the_same_keywords_at_another_time_are_the_same_subscription(tmp_path):
    """A web or WeChat reader (nothing is pushed) sending the same keywords at another time was told the
    subscription moved "from 08:00 to 20:00" and that the time only matters in Telegram: it is named as
    the subscription they have, and the time said to change nothing."""
    db = open_db(tmp_path / "n.db")
    try:
        searcher = Searcher(db)
        reader = READER_CHAT_BASE + 7

        def run(*args: str) -> str:
            replies = subscription_command(
                db,
                searcher,
                "subscribe",
                list(args),
                chat_id=reader,
                lang="zh",
                now=LATER,
                markup=PLAIN,
                pushes=False,
            )
            return "\n".join(r.text for r in replies)

        run("8:00", "保交楼")
        out = run("20:00", "保交楼")
        assert out.startswith("你已经订阅了与「保交楼」相关的新闻（#1）。") and "/digest" in out
        assert "时间 20:00 在这里不起作用" in out
        assert not [w for w in ("改为", "改到", "下一次推送", "Telegram", "每天") if w in out], out
        assert len(subs.list_subscriptions(db, reader)) == 1
        assert "时间" not in run("保交楼")  # no time typed: none spoken of
    finally:
        db.close()
