"""A chat's digests at different times never list a story one of them listed already (QA pass 11).

A reader with ``/subscribe 8:00 保交楼`` and ``/subscribe 20:00 二七区`` got a story both match at 08:00 and
again at 20:00, and a story stored in the afternoon at 20:00 and again the next morning (another local day).
The real Application against the Bot API emulator, with the digest clock injected; on an SQLite file, then
on PostgreSQL (conftest's `database_target`).
"""

from __future__ import annotations

import json
from datetime import datetime
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.telegram.digest_job import SENT
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.records import subscriptions as subs
from tests.bot_support import bot_settings_on
from tests.telegram_emulator import TelegramEmulator
from tests.test_digest_e2e import SH, Clock, data_id, db_of, runner, running, say

CHAT = 9401


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str) -> Settings:
    return bot_settings_on(telegram_emulator, database_target, tmp_path)


def listed(emu: TelegramEmulator, after: int) -> list[int]:
    """The article ids the chat's messages after message `after` list (their buttons), in order."""
    return [
        data_id(d)
        for m in emu.messages(CHAT)
        if m.message_id > after
        for d in m.button_data()
        if d.startswith("a:")
    ]


def store(settings: Settings, tmp_path: Path, title: str, day: str) -> int:
    """`newsbot ingest` of one story about 二七区's 保交楼 (both subscriptions match it), from another
    connection; its article id."""
    jsonl = tmp_path / f"{title}.jsonl"
    record = {"title": title, "date": day, "body": f"二七区{title}，保交楼项目进展顺利。"}
    jsonl.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
    other = open_db(settings.database_target)
    try:
        assert ingest_paths(other, [jsonl]).new == 1
        return int(subs.article_horizon(other))
    finally:
        other.close()


async def test_digests_of_one_chat_at_different_times_list_each_story_once(
    telegram_emulator: TelegramEmulator, settings: Settings, tmp_path: Path
):
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00 保交楼", CHAT)
        await say(emu, "/subscribe 20:00 二七区", CHAT)
        db = db_of(app)
        morning, evening = subs.list_subscriptions(db, CHAT)

        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 13, 8, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {morning.id: SENT}  # type: ignore[union-attr]
        at_eight = listed(emu, before)
        assert at_eight == [1]  # the one 保交楼 story

        # 20:00: 二七区's stories, less the one this morning's digest listed, which it says.
        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 13, 20, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {evening.id: SENT}  # type: ignore[union-attr]
        at_twenty = listed(emu, before)
        assert at_twenty and 1 not in at_twenty
        assert "另有 1 篇符合的文章已在你的其他摘要里" in emu.messages(CHAT)[-1].text
        assert 1 in subs.delivered_article_ids(db, evening.id)  # covered: it never comes to 20:00 later

        # A story stored in the evening: the next morning lists it, that evening does not again.
        overnight = store(settings, tmp_path, "首批住房交付", "2023-04-14")
        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 14, 8, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {morning.id: SENT}  # type: ignore[union-attr]
        assert listed(emu, before) == [overnight]

        # A story stored in the afternoon: 20:00 lists it (not the overnight one, which it counts); the
        # next morning, another local day, does not list it again.
        afternoon = store(settings, tmp_path, "第二批住房交付", "2023-04-14")
        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 14, 20, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {evening.id: SENT}  # type: ignore[union-attr]
        assert listed(emu, before) == [afternoon]
        assert "另有 1 篇符合的文章已在你的其他摘要里" in emu.messages(CHAT)[-1].text  # the overnight one

        count = len(emu.messages(CHAT))
        clock.set(2023, 4, 15, 8, 0, 20)
        report = await runner(app).run_due(app.bot)
        assert report is not None and report.outcomes == {} and report.not_sent == 1
        assert len(emu.messages(CHAT)) == count  # every story of it came last night: no message
        (*_, row) = subs.deliveries(db, morning.id)
        assert row.status == subs.EMPTY and afternoon in subs.delivered_article_ids(db, morning.id)
    assert emu.errors() == []


async def test_digest_previews_list_each_story_once_in_the_order_the_digests_come(
    telegram_emulator: TelegramEmulator, settings: Settings, tmp_path: Path
):
    """/digest at noon: the 20:00 digest comes before tomorrow's 08:00, so its preview lists the story
    both match and the 08:00 preview does not; neither lists what this morning's digest listed."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00 保交楼", CHAT)
        await say(emu, "/subscribe 20:00 二七区", CHAT)
        clock.set(2023, 4, 13, 8, 0, 20)
        await runner(app).run_due(app.bot)
        noon = store(settings, tmp_path, "首批住房交付", "2023-04-13")
        clock.set(2023, 4, 13, 12, 0)

        update = emu.push_message("/digest", user=emu.user(CHAT, language_code="zh-hans"))
        previews = await emu.wait_for_messages(CHAT, 2, after=update["message"]["message_id"])
        at_eight, at_twenty = ([data_id(d) for d in m.button_data() if d.startswith("a:")] for m in previews)
        assert at_eight == [] and "另有 1 篇符合的文章已在你的其他摘要里" in previews[0].text
        # The line about the other digest stands on its own, under the preview's note.
        assert "（预览，不影响定时推送）\n另有 1 篇" in previews[0].text
        assert noon in at_twenty and 1 not in at_twenty  # 1: this morning's digest listed it
        # The empty preview speaks of the next digest, not of "today": today's came this morning with a
        # story, and the preview below it lists new ones.
        assert "下一份摘要暂时没有新的文章" in previews[0].text and "今天" not in previews[0].text
        # Each preview is headed with the day of the digest it previews: tomorrow's 08:00, tonight's 20:00.
        assert "新闻摘要 · 2023-04-14" in previews[0].text and "新闻摘要 · 2023-04-13" in previews[1].text
    assert emu.errors() == []


async def test_a_catch_up_of_two_times_sends_the_earlier_first_each_story_once(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """The bot was down from 07:50 to 09:10: the 08:00 and 09:00 digests are both due at one check; the
    08:00 one goes first with every story it matches, the 09:00 one lists none of them again."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 9:00 保交楼", CHAT)
        await say(emu, "/subscribe 8:00 二七区", CHAT)
        later, earlier = sorted(subs.list_subscriptions(db_of(app), CHAT), key=lambda s: s.id)
        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 13, 9, 10)
        report = await runner(app).run_due(app.bot)
        assert report is not None and report.due == 2
        assert report.outcomes == {earlier.id: SENT} and report.not_sent == 1
        assert sorted(listed(emu, before)) == [1, 2, 3, 4, 5, 6]  # the 保交楼 story under 08:00
        assert subs.delivered_article_ids(db_of(app), later.id) == [1]  # covered, not listed again
    assert emu.errors() == []


async def test_a_story_a_cancelled_subscription_sent_does_not_come_again_in_another(
    telegram_emulator: TelegramEmulator, settings: Settings
):
    """QA pass 13: the 08:00 保交楼 digest listed the 保交楼 story, the reader cancelled it with /unsubscribe,
    and the 20:00 二七区 digest listed that story again (the cancelled subscription's ledger was deleted)."""
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00 保交楼", CHAT)
        await say(emu, "/subscribe 20:00 二七区", CHAT)
        morning, evening = subs.list_subscriptions(db_of(app), CHAT)
        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 13, 8, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {morning.id: SENT}  # type: ignore[union-attr]
        assert listed(emu, before) == [1]

        clock.set(2023, 4, 13, 12, 0)
        await say(emu, f"/unsubscribe {morning.id}", CHAT)
        assert [s.id for s in subs.list_subscriptions(db_of(app), CHAT)] == [evening.id]

        before = emu.messages(CHAT)[-1].message_id
        clock.set(2023, 4, 13, 20, 0, 20)
        assert (await runner(app).run_due(app.bot)).outcomes == {evening.id: SENT}  # type: ignore[union-attr]
        at_twenty = listed(emu, before)
        assert at_twenty and 1 not in at_twenty
        # The note speaks of the chat's other digests, not of "your other digest": the 保交楼 one is gone
        # (QA pass 14, QA pass 13's left item).
        assert "另有 1 篇符合的文章已在你的其他摘要里，这里不再重复。" in emu.messages(CHAT)[-1].text
        assert "另一份" not in emu.messages(CHAT)[-1].text
    assert emu.errors() == []
