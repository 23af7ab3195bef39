"""A story stored before the day it is dated reaches the digest of that day, once (issue 34).

A digest lists no story dated after the last day its clock could carry (`last_date_by`: the clock's day in
UTC+14). A story stored with a later date (a misread date, an archive replayed with a clock set in the
past) was passed over for good: the next digest looks only beyond the last one's horizon. Each
subscription now lists it at its own first digest whose clock reaches that day, and never again.
The real Application against the Bot API emulator with the digest clock injected, on an SQLite file,
then on PostgreSQL (conftest's `database_target`); the read /digest and the Atom feed's list through
the real services.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import pytest

from bot.chat.replies import PLAIN
from bot.digests.feed import feed_articles, unread_digest
from bot.services import open_services
from bot.settings import Settings
from bot.telegram.digest_job import SENT
from storage.records import subscriptions as subs
from storage.records.articles import last_date_by
from storage.records.readers import WEB, new_reader
from tests.bot_support import bot_settings_on, make_database
from tests.telegram_emulator import TelegramEmulator
from tests.test_digest_across_times import store
from tests.test_digest_e2e import SH, Clock, data_id, db_of, runner, running, say

MORNING_CHAT = 9411  # /subscribe 8:00 保交楼
EVENING_CHAT = 9412  # /subscribe 20:00, all news


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str) -> Settings:
    return bot_settings_on(telegram_emulator, database_target, tmp_path)


def listed(emu: TelegramEmulator, chat: int, after: int) -> list[int]:
    """The article ids the chat's messages after message `after` list (their buttons), in order."""
    return [
        data_id(d)
        for m in emu.messages(chat)
        if m.message_id > after
        for d in m.button_data()
        if d.startswith("a:")
    ]


def last_message(emu: TelegramEmulator, chat: int) -> int:
    return emu.messages(chat)[-1].message_id


async def test_a_story_stored_before_its_day_reaches_each_subscription_s_digest_of_that_day_once(
    telegram_emulator: TelegramEmulator, settings: Settings, tmp_path: Path
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00 保交楼", MORNING_CHAT)
        await say(emu, "/subscribe 20:00", EVENING_CHAT)
        db = db_of(app)
        (morning,) = subs.list_subscriptions(db, MORNING_CHAT)
        (evening,) = subs.list_subscriptions(db, EVENING_CHAT)
        # Stored before any digest, dated two days ahead (a misread date).
        ahead = store(settings, tmp_path, "第三批住房交付", "2023-04-15")

        # 13 April: neither first digest lists it (their clocks' last days are 13 and 14 April).
        sent_before = {chat: last_message(emu, chat) for chat in (MORNING_CHAT, EVENING_CHAT)}
        clock.set(2023, 4, 13, 8, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {morning.id: SENT}  # type: ignore[union-attr]
        clock.set(2023, 4, 13, 20, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {evening.id: SENT}  # type: ignore[union-attr]
        assert listed(emu, MORNING_CHAT, sent_before[MORNING_CHAT])
        assert listed(emu, EVENING_CHAT, sent_before[EVENING_CHAT])
        assert ahead not in listed(emu, MORNING_CHAT, 0) + listed(emu, EVENING_CHAT, 0)

        # Stored after those digests, dated 16 April: the next digests' horizons pass it too.
        later = store(settings, tmp_path, "第四批住房交付", "2023-04-16")
        clock.set(2023, 4, 14, 8, 0, 20)  # last day 14 April: nothing of its day
        await runner(app).run_due(app.bot)
        assert ahead not in listed(emu, MORNING_CHAT, 0) and later not in listed(emu, MORNING_CHAT, 0)

        # 14 April 20:00 in Shanghai is already 15 April in UTC+14: the evening digest lists it, alone.
        before = last_message(emu, EVENING_CHAT)
        clock.set(2023, 4, 14, 20, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {evening.id: SENT}  # type: ignore[union-attr]
        assert listed(emu, EVENING_CHAT, before) == [ahead]

        # 15 April 08:00: the morning subscription, by its own clock, lists it now.
        before = last_message(emu, MORNING_CHAT)
        clock.set(2023, 4, 15, 8, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {morning.id: SENT}  # type: ignore[union-attr]
        assert listed(emu, MORNING_CHAT, before) == [ahead]

        # 15 April 20:00 and 16 April 08:00: the 16 April story, and the first one not again.
        sent_by = {chat: last_message(emu, chat) for chat in (MORNING_CHAT, EVENING_CHAT)}
        clock.set(2023, 4, 15, 20, 0, 20)
        await runner(app).run_due(app.bot)
        clock.set(2023, 4, 16, 8, 0, 20)
        await runner(app).run_due(app.bot)
        assert listed(emu, EVENING_CHAT, sent_by[EVENING_CHAT]) == [later]
        assert listed(emu, MORNING_CHAT, sent_by[MORNING_CHAT]) == [later]
        for chat in (MORNING_CHAT, EVENING_CHAT):
            everything = listed(emu, chat, 0)
            assert everything.count(ahead) == 1 and everything.count(later) == 1, everything
    assert emu.errors() == []


def test_the_read_digest_and_the_feed_list_a_story_once_its_day_comes(tmp_path: Path) -> None:
    """The web page's and WeChat's /digest (`unread_digest`) and the private address's feed read the
    same rule: a story dated after their clock's last day comes when that day does, and /digest lists
    it once."""
    path = make_database(tmp_path / "f.db", tmp_path / "files")
    settings = Settings(_env_file=None, db=path, seeds=tmp_path / "none")  # type: ignore[call-arg]
    services = open_services(settings)
    try:
        chat = services.database.write(new_reader, WEB)
        sub = services.database.write(subs.add_subscription, chat, "08:00", ["保交楼"], now=START)
        ahead = store(settings, tmp_path, "第九批住房交付", "2023-04-15")

        def read_digest(now: datetime) -> tuple[int, ...]:
            reply = unread_digest(
                services.database,
                services.library,
                sub,
                "zh",
                PLAIN,
                today=now.date(),
                cap=10,
                now=now,
                wait=5.0,
            )
            return reply.listed_ids

        def feed_ids(now: datetime) -> list[int]:
            found = services.database.read(feed_articles, services.library, sub, dated_by=last_date_by(now))
            return [a.id for a in found]

        first = read_digest(START)
        assert first and ahead not in first and ahead not in feed_ids(START)
        its_day = datetime(2023, 4, 15, 1, 0, tzinfo=UTC)
        assert feed_ids(its_day)[0] == ahead
        assert read_digest(its_day) == (ahead,)
        assert read_digest(datetime(2023, 4, 16, 1, 0, tzinfo=UTC)) == ()
    finally:
        services.close()


START = datetime(2023, 4, 13, 1, 0, tzinfo=UTC)
