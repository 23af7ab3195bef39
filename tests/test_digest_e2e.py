"""Subscriptions and digests end to end (issue 5): the real Application against the Bot API emulator.

The application's one clock is injected (`running_bot`'s `clock`: the chat, the digests); checks are driven by calling the runner
at chosen moments, except one test that lets the JobQueue fire on its own. No timing assertions.
"""

from __future__ import annotations

import contextlib
import json
import logging
import os
from collections.abc import AsyncIterator
from datetime import date, datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import pytest
from telegram.ext import Application

from bot.settings import Settings
from bot.telegram.digest_job import BLOCKED, FAILED, JOB_NAME, SENT, DigestRunner, runner_of
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.records import subscriptions as subs
from tests.bot_support import bot_settings, bot_settings_on, running_bot
from tests.telegram_emulator import TelegramEmulator

SH = ZoneInfo("Asia/Shanghai")


class Clock:
    def __init__(self, now: datetime) -> None:
        self.now = now
        self.calls = 0

    def __call__(self) -> datetime:
        self.calls += 1
        return self.now

    def set(
        self, y: int, mo: int, d: int, h: int = 0, mi: int = 0, s: int = 0, *, tz: ZoneInfo = SH
    ) -> datetime:
        self.now = datetime(y, mo, d, h, mi, s, tzinfo=tz)
        return self.now


@contextlib.asynccontextmanager
async def running(settings: Settings, clock: Clock, *, job: bool = False) -> AsyncIterator[Application]:  # type: ignore[type-arg]
    """The real application (as `run_polling` drives it), with its clock injected.

    Unless ``job``, the repeating check is removed before the application starts, so that only the
    test's own `run_due` calls send digests.
    """

    def setup(app: Application) -> None:  # type: ignore[type-arg]
        if not job:
            assert app.job_queue is not None
            (digest_job,) = app.job_queue.get_jobs_by_name(JOB_NAME)
            digest_job.schedule_removal()

    async with running_bot(settings, setup=setup, poll_timeout=1.0, clock=clock) as app:
        yield app


def runner(app: Application) -> DigestRunner:  # type: ignore[type-arg]
    r = runner_of(app)
    assert r is not None
    return r


def data_id(data: str) -> int:
    return int(data.split(":")[1])


def db_of(app: Application):  # type: ignore[no-untyped-def, type-arg]
    return app.bot_data["services"].database.connection


async def say(emu: TelegramEmulator, text: str, user_id: int, *, lang: str = "zh-hans", chat=None):  # type: ignore[no-untyped-def]
    """Send a command as a user and wait for the bot's answer (a new message in that chat)."""
    chat_id = chat["id"] if chat else user_id
    update = emu.push_message(text, user=emu.user(user_id, language_code=lang), chat=chat)
    return (await emu.wait_for_messages(chat_id, 1, after=update["message"]["message_id"]))[-1]


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str) -> Settings:
    """The bot over an SQLite file, then over a PostgreSQL database (NEWSBOT_DATABASE_URL)."""
    return bot_settings_on(telegram_emulator, database_target, tmp_path)


async def test_subscribe_receive_open_unsubscribe(telegram_emulator: TelegramEmulator, settings: Settings):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        reply = await say(emu, "/subscribe 8:00", 1001)
        assert "已订阅" in reply.text and "08:00" in reply.text and "2023-04-13 08:00" in reply.text
        (sub,) = subs.list_subscriptions(db_of(app), 1001)

        clock.set(2023, 4, 13, 7, 59)
        assert (await runner(app).run_due(app.bot)).outcomes == {}  # not yet

        clock.set(2023, 4, 13, 8, 0, 20)
        report = await runner(app).run_due(app.bot)
        assert report.outcomes == {sub.id: SENT}
        digest = emu.messages(1001)[-1]
        assert "新闻摘要 · 2023-04-13" in digest.text
        assert "共 6 篇新文章" in digest.text  # the first digest carries the most recent articles
        assert digest.text.index("专项行动工作推进会") < digest.text.index("侯寨乡")  # newest first
        data = digest.button_data()
        assert len(data) == 6 and all(d.startswith("a:") for d in data)

        # A digest button opens the article through the conversation's handler.
        before = digest.message_id
        emu.push_callback(digest, data[0])
        opened = await emu.wait_for_messages(1001, 1, after=before)
        assert "4月12日" in opened[0].text

        # Later the same day: nothing more.
        clock.set(2023, 4, 13, 9, 0)
        assert (await runner(app).run_due(app.bot)).outcomes == {}
        # Replies and the digest drew from one send budget (issue 14).
        posted = [c for c in emu.calls if c.method in ("sendMessage", "editMessageText")]
        assert app.bot.rate_limiter.released == len(posted) >= 3
        # Next day, nothing new: no message (empty digests are off), but the day is recorded.
        count = len(emu.messages(1001))
        clock.set(2023, 4, 14, 8, 0, 5)
        report = await runner(app).run_due(app.bot)
        assert report.outcomes == {} and report.not_sent == 1
        assert len(emu.messages(1001)) == count
        assert [d.status for d in subs.deliveries(db_of(app), sub.id)] == [subs.SENT, subs.EMPTY]

        reply = await say(emu, "/unsubscribe", 1001)
        assert f"已取消订阅 #{sub.id}" in reply.text
        clock.set(2023, 4, 15, 8, 0, 5)
        assert (await runner(app).run_due(app.bot)).due == 0
    assert emu.errors() == []


async def test_the_chat_reads_the_clock_the_digests_are_given(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """One injected clock (issue 34): the chat's 现在几点 and 昨天 read the time the digests run at, not the
    system clock."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock):
        now = await say(emu, "现在几点", 1001)
        assert "2023年4月13日" in now.text and "07:00" in now.text, now.text
        yesterday = await say(emu, "昨天的新闻", 1001)
        assert "4月12日" in yesterday.text or "2023-04-12" in yesterday.text, yesterday.text
        clock.set(2023, 4, 14, 21, 30)
        later = await say(emu, "现在几点", 1001)
        assert "2023年4月14日" in later.text and "21:30" in later.text, later.text
    assert emu.errors() == []


async def test_keywords_and_articles_ingested_while_running(
    telegram_emulator: TelegramEmulator, settings: Settings, tmp_path: Path
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 20, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        reply = await say(emu, "/subscribe 21:30 统战 保交楼", 1001)
        assert "统战、保交楼" in reply.text
        clock.set(2023, 4, 13, 21, 30)
        await runner(app).run_due(app.bot)
        digest = emu.messages(1001)[-1]
        assert "共 2 篇新文章" in digest.text
        assert "统战工作" in digest.text and "老旧小区" in digest.text
        assert "侯寨乡" not in digest.text  # does not match either keyword

        # `newsbot ingest` in another process (another connection to the same WAL database).
        jsonl = tmp_path / "new.jsonl"
        records = [
            {
                "title": "保交楼项目首批交付",
                "date": "2023-04-14",
                "body": "二七区保交楼项目首批交付，居民拿到钥匙。",
            },
            {"title": "二七区举办春季运动会", "date": "2023-04-14", "body": "运动会在二七区举行。"},
        ]
        jsonl.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
        )
        other = open_db(settings.database_target)
        try:
            assert ingest_paths(other, [jsonl]).new == 2
        finally:
            other.close()

        clock.set(2023, 4, 14, 21, 30, 30)
        await runner(app).run_due(app.bot)
        digest = emu.messages(1001)[-1]
        assert "共 1 篇新文章" in digest.text  # only the new matching one: no repeats
        assert "保交楼项目首批交付" in digest.text and "运动会" not in digest.text

        preview = await say(emu, "/digest", 1001)
        assert "预览" in preview.text
    assert emu.errors() == []


async def test_blocked_subscriber_does_not_hold_up_others(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    users = [2001, 2002, 2003, 2004]
    async with running(settings, clock) as app:
        for uid in users:
            await say(emu, "/subscribe 08:00", uid)
        emu.block_by_user(2002)
        clock.set(2023, 4, 13, 8, 0, 1)
        report = await runner(app).run_due(app.bot)
        ids = {s.chat_id: s.id for uid in users for s in subs.list_subscriptions(db_of(app), uid)}
        assert report.outcomes[ids[2002]] == BLOCKED
        for uid in (2001, 2003, 2004):
            assert report.outcomes[ids[uid]] == SENT
            assert "新闻摘要" in emu.messages(uid)[-1].text
        chat = subs.get_chat(db_of(app), 2002)
        assert chat is not None and chat.paused and "blocked" in (chat.paused_reason or "")
        # Paused: not due any more (no retries against a blocked chat).
        clock.set(2023, 4, 13, 8, 5)
        assert (await runner(app).run_due(app.bot)).due == 0

        # The user unblocks the bot and writes again: the pause is lifted, today's digest follows.
        emu.clear_faults(2002)
        listing = await say(emu, "/subscriptions", 2002)
        assert ids[2002] == 2 and "#1 · 每天 08:00" in listing.text  # its own number, not its id
        clock.set(2023, 4, 13, 8, 10)
        report = await runner(app).run_due(app.bot)
        assert report.outcomes == {ids[2002]: SENT}
    assert [c.method for c in emu.errors()] == ["sendMessage"]  # only the one 403


async def test_a_chat_that_is_gone_is_paused_not_tried_every_day(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    # A deleted account or group: Telegram answers 400 "chat not found" to every send. Its digests are
    # paused like a blocked chat's, not failed again each day for ever.
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 08:00", 2101)
        await say(emu, "/subscribe 08:00", 2102)
        emu.delete_chat(2101)
        clock.set(2023, 4, 13, 8, 0, 1)
        report = await runner(app).run_due(app.bot)
        (gone,) = subs.list_subscriptions(db_of(app), 2101)
        (kept,) = subs.list_subscriptions(db_of(app), 2102)
        assert report.outcomes == {gone.id: BLOCKED, kept.id: SENT}
        chat = subs.get_chat(db_of(app), 2101)
        assert chat is not None and chat.paused and "chat not found" in (chat.paused_reason or "").lower()
        clock.set(2023, 4, 14, 8, 0, 1)
        report = await runner(app).run_due(app.bot)
        assert gone.id not in report.outcomes and report.outcomes.get(kept.id) != FAILED
    assert [c.method for c in emu.errors()] == ["sendMessage"]  # one refused send, not one a day


async def test_flood_limit_burst_every_subscriber_gets_exactly_one(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    users = list(range(3001, 3009))
    async with running(settings, clock) as app:
        db = db_of(app)
        for uid in users:
            subs.add_subscription(db, uid, "08:00", now=clock())
        for uid in users[::3]:
            emu.fail_with_retry_after(uid, retry_after=1, times=1)
        clock.set(2023, 4, 13, 8, 0)
        report = await runner(app).run_due(app.bot)
        assert report.count(SENT) == len(users)
        for uid in users:
            assert len(emu.messages(uid)) == 1, uid
        assert sum(1 for c in emu.errors() if "Too Many Requests" in (c.error or "")) == 3
        # A second check the same day sends nothing.
        clock.set(2023, 4, 13, 8, 1)
        await runner(app).run_due(app.bot)
        assert all(len(emu.messages(uid)) == 1 for uid in users)


async def test_a_digest_whose_send_timed_out_is_not_sent_again(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """Issue 14: the one send path classifies a timeout as "may have arrived": recorded, never repeated."""
    import asyncio

    from telegram.ext import ExtBot
    from telegram.request import HTTPXRequest

    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", 8101)
        (sub,) = subs.list_subscriptions(db_of(app), 8101)
        before = len(emu.messages(8101))
        impatient: ExtBot[None] = ExtBot(
            emu.token, base_url=emu.base_url, request=HTTPXRequest(read_timeout=0.3)
        )
        await impatient.initialize()
        try:
            emu.answer_slowly(8101, 1.0)
            clock.set(2023, 4, 13, 8, 0)
            report = await runner(app).run_due(impatient)
            assert report is not None and report.outcomes == {sub.id: FAILED}
            await asyncio.sleep(1.2)
            assert len(emu.messages(8101)) == before + 1  # it did arrive, once
            (row,) = subs.deliveries(db_of(app), sub.id)
            assert row.status == subs.FAILED and row.detail == "timed out"
            clock.set(2023, 4, 13, 8, 30)
            assert (await runner(app).run_due(app.bot)).outcomes == {}  # not repeated that day
            assert len(emu.messages(8101)) == before + 1
        finally:
            await impatient.shutdown()


async def test_restart_does_not_duplicate(
    telegram_emulator: TelegramEmulator, settings: Settings, caplog: pytest.LogCaptureFixture
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        # 4001's 8:00 digest lists one story of its 9:00 one's six: the 9:00 digest has five of its own.
        await say(emu, "/subscribe 8:00 保交楼", 4001)
        await say(emu, "/subscribe 8:00", 4002)
        await say(emu, "/subscribe 9:00 二七区", 4001)
        clock.set(2023, 4, 13, 8, 0)
        await runner(app).run_due(app.bot)
        db = db_of(app)
        # A crash between claiming and sending: 4002's 9:00 digest claimed, never sent or recorded.
        crashed = subs.add_subscription(db, 4002, "09:00", now=datetime(2023, 4, 13, 7, 0, tzinfo=SH))
        subs.claim_delivery(db, crashed.id, date(2023, 4, 13), 4002, now=clock())
    sent_before = {uid: len(emu.messages(uid)) for uid in (4001, 4002)}

    # A new Application on the same database file, later the same morning.
    clock.set(2023, 4, 13, 9, 30)
    with caplog.at_level(logging.WARNING, logger="bot.telegram.digest_job"):
        async with running(settings, clock) as app:
            report = await runner(app).run_due(app.bot)
            assert "never recorded as sent" in caplog.text  # the crash is reported, not repeated
            # Only 4001's 9:00 digest was still due; the 8:00 ones and the crashed claim are not resent.
            assert list(report.outcomes.values()) == [SENT]
            assert len(emu.messages(4001)) == sent_before[4001] + 1
            assert len(emu.messages(4002)) == sent_before[4002]
            assert (await runner(app).run_due(app.bot)).outcomes == {}
            # Subscriptions made in chat survived the restart.
            listing = await say(emu, "/subscriptions", 4001)
            assert "08:00" in listing.text and "09:00" in listing.text


async def test_catch_up_after_downtime_within_grace_only(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", 5001)
        await say(emu, "/subscribe 6:00 统战", 5002)  # created 07:00: starts tomorrow
        await say(emu, "/subscribe 7:30", 5003)
    count = {uid: len(emu.messages(uid)) for uid in (5001, 5002, 5003)}
    # Down from 07:00 until 13:45: 08:00 is 5 h 45 min late (within 6 h), 07:30 is 6 h 15 min late.
    clock.set(2023, 4, 13, 13, 45)
    async with running(settings, clock) as app:
        report = await runner(app).run_due(app.bot)
        assert len(report.outcomes) == 1
        assert len(emu.messages(5001)) == count[5001] + 1
        assert len(emu.messages(5002)) == count[5002]
        assert len(emu.messages(5003)) == count[5003]


async def test_migrated_group_gets_its_digest(telegram_emulator: TelegramEmulator, settings: Settings):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    group = emu.group_chat(-4001, supergroup=False)
    emu.set_member_status(group, emu.user(6001), "creator")
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", 6001, chat=group)
        emu.migrate_chat(-4001, -1004001)
        clock.set(2023, 4, 13, 8, 0)
        report = await runner(app).run_due(app.bot)
        assert list(report.outcomes.values()) == [SENT]
        assert "新闻摘要" in emu.messages(-1004001)[-1].text
        assert subs.list_subscriptions(db_of(app), -4001) == []
        assert len(subs.list_subscriptions(db_of(app), -1004001)) == 1


async def test_commands_bad_input_and_unsubscribe_buttons(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        db = db_of(app)
        for bad in ("/subscribe 25:99", "/subscribe 8点70分"):  # 8点半 is a time since issue 15
            reply = await say(emu, bad, 7001)
            assert "不是有效的时间" in reply.text and "/subscribe 8:00" in reply.text
        reply = await say(emu, "/subscribe 25:99", 7002, lang="en")
        assert "not a valid time" in reply.text
        reply = await say(emu, "/timezone Mars/Olympus", 7001)
        assert "不认识时区" in reply.text and "Asia/Shanghai" in reply.text
        assert subs.list_subscriptions(db, 7001) == []

        reply = await say(emu, "/timezone America/New_York", 7001)
        assert "America/New_York" in reply.text
        await say(emu, "/subscribe 08:00", 7001)
        await say(emu, "/subscribe 18:00 保交楼", 7001)
        listing = await say(emu, "/subscriptions", 7001)
        assert "America/New_York" in listing.text and "保交楼" in listing.text

        reply = await say(emu, "/unsubscribe 999999", 7001)
        assert "没有找到编号为 999999" in reply.text
        choice = await say(emu, "/unsubscribe", 7001)
        data = choice.button_data()
        first = subs.list_subscriptions(db, 7001)[0]
        assert data == [f"u:{s.id}" for s in subs.list_subscriptions(db, 7001)] + ["u:all"]
        emu.push_callback(choice, data[0])
        await emu.wait_until(
            lambda: any(
                m.message_id == choice.message_id and "已取消订阅" in m.text for m in emu.messages(7001)
            ),
            what="the choice to be replaced by the result",
        )
        assert [s.id for s in subs.list_subscriptions(db, 7001)] == [data_id(data[1])]
        assert first.id == data_id(data[0])
        replaced = next(m for m in emu.messages(7001) if m.message_id == choice.message_id)
        assert replaced.text == "已取消订阅 #1。\n其余订阅的编号变了：保交楼 现在是 #1（原 #2）。", (
            replaced.text
        )
        reply = await say(emu, "/unsubscribe all", 7001)
        assert "已取消全部 1 个订阅" in reply.text

        # A New York subscription at 08:00 is due at 08:00 New York time.
        await say(emu, "/subscribe 8:00", 7001)
        clock.set(2023, 4, 13, 7, 59, tz=ZoneInfo("America/New_York"))
        assert (await runner(app).run_due(app.bot)).due == 0
        clock.set(2023, 4, 13, 8, 0, tz=ZoneInfo("America/New_York"))
        assert (await runner(app).run_due(app.bot)).due == 1
    assert emu.errors() == []


async def test_the_job_queue_sends_on_its_own_and_ingests_the_inbox(
    telegram_emulator: TelegramEmulator, tmp_path: Path
):
    emu = telegram_emulator
    inbox = tmp_path / "inbox"
    inbox.mkdir()
    dropped = inbox / "late.jsonl"
    record = {
        "title": "二七区晚间新闻：地铁新线开通",
        "date": "2023-04-13",  # the clock's day: a digest lists no story dated after it
        "body": "二七区地铁新线今日开通。",
    }
    dropped.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    os.utime(dropped, (dropped.stat().st_mtime - 60, dropped.stat().st_mtime - 60))  # fully written
    settings = bot_settings(emu, tmp_path / "job.db", digest_check_seconds=0.2, inbox=inbox)
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock, job=True):
        await say(emu, "/subscribe 8:00 二七区", 8001)
        clock.set(2023, 4, 13, 8, 0, 30)
        digest = (await emu.wait_for_messages(8001, 2))[-1]
        assert "新闻摘要 · 2023-04-13" in digest.text
        assert digest.text.index("地铁新线开通") < digest.text.index("专项行动")  # the inbox article, newest
        assert (inbox / "done" / "late.jsonl").exists()
        # Several more checks run (each reads the clock) without a second digest.
        clock.set(2023, 4, 13, 8, 1, 30)
        seen = clock.calls
        await emu.wait_until(lambda: clock.calls >= seen + 3, what="three more checks")
    assert len(emu.messages(8001)) == 2  # the confirmation and one digest


async def test_a_pushed_digest_is_the_list_follow_ups_refer_to(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """Issue 34: a digest pushed at its time is the reader's last list, as a /digest typed is: 第2条 opens
    its story 2 (not the search before it) and 还有吗 says a digest has no next page."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", 1001)
        searched = await say(emu, "侯寨乡", 1001)
        assert searched.button_data()[0].startswith("a:")
        clock.set(2023, 4, 13, 8, 0, 20)
        assert list((await runner(app).run_due(app.bot)).outcomes.values()) == [SENT]
        digest = emu.messages(1001)[-1]
        second = data_id(digest.button_data()[1])
        assert second not in [data_id(d) for d in searched.button_data()[1:2] if d.startswith("a:")]

        opened = await say(emu, "第2条", 1001)
        assert opened.text == (await say(emu, f"/article {second}", 1001)).text
        more = await say(emu, "还有吗", 1001)
        assert "摘要没有下一页" in more.text
    assert emu.errors() == []


async def test_more_after_a_pushed_digest_that_left_stories_out_names_what_lists_them(
    telegram_emulator: TelegramEmulator, settings: Settings, tmp_path: Path
):
    """Issue 34: `还有吗` after a pushed digest that listed 2 of 6 new stories said only that a digest has
    no next page; and the digest's own line for an all-news subscription named `/search`, which finds
    nothing. Both name /latest (a keyword subscription's, its /search)."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings.model_copy(update={"digest_max_articles": 2}), clock) as app:
        await say(emu, "/subscribe 8:00", 1001)
        clock.set(2023, 4, 13, 8, 0, 20)
        assert list((await runner(app).run_due(app.bot)).outcomes.values()) == [SENT]  # the first: 2 newest
        jsonl = tmp_path / "new.jsonl"
        records = [
            {"title": f"二七区新闻{n}", "date": "2023-04-14", "body": f"二七区第{n}条新闻。"}
            for n in range(6)
        ]
        jsonl.write_text(
            "\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8"
        )
        other = open_db(settings.database_target)
        try:
            assert ingest_paths(other, [jsonl]).new == 6
        finally:
            other.close()
        clock.set(2023, 4, 14, 8, 0, 20)
        assert list((await runner(app).run_due(app.bot)).outcomes.values()) == [SENT]
        digest = emu.messages(1001)[-1]
        assert len(digest.button_data()) == 2 and "还有 4 篇，可用 /latest 查看。" in digest.text, digest.text
        more = await say(emu, "还有吗", 1001)
        assert more.text == "这份摘要没列完你订阅的新文章：发 /latest 看其余的。", more.text
    assert emu.errors() == []


async def test_each_chat_numbers_its_own_subscriptions(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """Issue 34: a subscription's number was its id across all chats, so a reader's first subscription
    could be #4. Each chat sees and types its own numbers 1, 2, 3…; an id its older replies showed still
    names that subscription where no number of its own has that value; where both could be meant, its
    own number wins and the reply names the subscription cancelled."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        db = db_of(app)
        for words in ("交通", "教育", "人才"):
            await say(emu, f"/subscribe 8:00 {words}", 9001)
        made = await say(emu, "/subscribe 21:00 统战", 9002)
        assert "订阅编号 1。" in made.text, made.text
        assert "#1" in (await say(emu, "/subscribe 21:00 统战", 9002)).text  # already there
        await say(emu, "/subscribe 9:00 保交楼", 9002)
        first, second = sorted(subs.list_subscriptions(db, 9002), key=lambda s: s.id)
        assert (first.id, second.id) == (4, 5)
        listing = (await say(emu, "/subscriptions", 9002)).text
        assert "#1 · 每天 21:00" in listing and "#2 · 每天 09:00" in listing and "#4" not in listing, listing
        choice = await say(emu, "/unsubscribe", 9002)
        labels = [b["text"] for row in (choice.reply_markup or {})["inline_keyboard"] for b in row]
        assert labels[0].startswith("取消 #2 09:00") and labels[1].startswith("取消 #1 21:00"), labels
        assert choice.button_data() == ["u:5", "u:4", "u:all"]  # a button carries the id
        assert "保交楼" in (await say(emu, "/digest 2", 9002)).text  # the preview of its #2
        reply = await say(emu, "/timezone Asia/Shanghai", 9002)
        assert "#2 2023-04-13 09:00、#1 2023-04-13 21:00" in reply.text, reply.text

        # 5, the id its #2 was shown with before: no number of its own is 5
        assert (await say(emu, "/unsubscribe 5", 9002)).text == "已取消订阅 #2。"
        assert [s.id for s in subs.list_subscriptions(db, 9002)] == [first.id]
        for words in ("二七区", "疫情", "阅兵"):
            await say(emu, f"/subscribe 8:00 {words}", 9002)
        # 4: its own #4 (阅兵) and the id of its #1 (统战): the number wins, and the reply says which
        reply = await say(emu, "/unsubscribe 4", 9002)
        assert reply.text == "已取消订阅 #4：与「阅兵」相关的新闻。", reply.text
        assert [s.keywords for s in subs.list_subscriptions(db, 9002)] == [("二七区",), ("疫情",), ("统战",)]
        # several at once are read before any goes: 1 and 2 are 统战 and 二七区, not 统战 then 疫情; the
        # reply gives the one left its new number, so an old list's #3 is not typed for it
        reply = await say(emu, "/unsubscribe 1 2", 9002)
        assert reply.text == "已取消订阅 #1、#2。\n其余订阅的编号变了：疫情 现在是 #1（原 #3）。", reply.text
        assert [s.keywords for s in subs.list_subscriptions(db, 9002)] == [("疫情",)]
        # another chat's id names nothing here; the other reader's subscriptions are untouched
        assert "没有找到编号为 3" in (await say(emu, "/unsubscribe 3", 9002)).text
        assert len(subs.list_subscriptions(db, 9001)) == 3
    assert emu.errors() == []
