"""Whose subscriptions the digest job pushes, and a day's digest pushed once however many jobs run.

The Telegram digest job pushes to Telegram chats only. The terminal (chat 0), the web page's and WeChat's
readers keep their subscriptions in the same database and read them with /digest: when a bot runs on that
database, their subscriptions must not be candidates (chat 0's were). And one day's digest of a
subscription goes out once when two Applications (two replicas, or a restart overlapping the old process)
run the due check at the same moment on one database: the ledger row ``(subscription, day)`` is the claim.

The real PTB Application against the Bot API emulator with the digest clock injected (`tests.test_digest_e2e`),
the web page and WeChat over HTTP, the terminal through a piped ``newsbot chat``; each on both backends.
"""

from __future__ import annotations

import asyncio
import contextlib
import subprocess
import sys
from datetime import datetime, timedelta
from pathlib import Path

import httpx
from pydantic import SecretStr

from bot.telegram.digest_job import SENT
from storage.database.connection import open_db
from storage.database.postgres import is_postgres_url
from storage.records import subscriptions as subs
from storage.records.readers import CONSOLE_CHAT_ID, is_reader_chat
from tests.bot_support import bot_settings_on, database_env
from tests.telegram_emulator import TelegramEmulator
from tests.test_bot_console import clean_env
from tests.test_digest_e2e import SH, Clock, runner, running, say
from tests.test_digest_without_telegram import wechat
from tests.web_support import web_server


def tomorrow_at(hour: int, minute: int = 0, second: int = 0) -> datetime:
    """A moment tomorrow (Beijing time): after every subscription made now, at the real time."""
    day = datetime.now(SH).date() + timedelta(days=1)
    return datetime(day.year, day.month, day.day, hour, minute, second, tzinfo=SH)


def chats_in(target: str, table: str) -> set[int]:
    """The chat ids of `table`'s rows (subscriptions, digest_deliveries)."""
    db = open_db(target)
    try:
        return {int(row[0]) for row in db.execute(f"SELECT chat_id FROM {table}").fetchall()}
    finally:
        db.conn.close()


def readers_subscribe(target: str, work: Path) -> None:
    """A web reader and a WeChat follower subscribe through `newsbot web` on the database at `target`, and
    the terminal's reader through `newsbot chat` on the same database."""
    web_db = work / "newsbot.db" if is_postgres_url(target) else Path(target)
    extra = {"database_url": SecretStr(target)} if is_postgres_url(target) else {}
    with web_server(web_db, **extra) as web:
        with httpx.Client(base_url=web.base_url, timeout=30) as c:
            assert c.post("/api/message", json={"text": "/subscribe 8:00"}).status_code == 200
        assert "已订阅" in wechat(web, "oSharedDb", "/subscribe 8:00", 9301)
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="/subscribe 8:00\n",
        capture_output=True,
        text=True,
        cwd=work,
        env=clean_env(**database_env(target)),
        timeout=120,
    )
    assert done.returncode == 0 and "已订阅 #" in done.stdout, done.stderr


async def test_the_digest_job_pushes_to_telegram_chats_only_on_a_shared_database(
    telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str
):
    emu = telegram_emulator
    settings = bot_settings_on(emu, database_target, tmp_path)
    await asyncio.to_thread(readers_subscribe, database_target, tmp_path)
    clock = Clock(tomorrow_at(7, 0))
    async with running(settings, clock) as app:
        await say(emu, "/subscribe 8:00", 7301)  # a Telegram chat
        chats = chats_in(database_target, "subscriptions")
        assert CONSOLE_CHAT_ID in chats and sum(1 for c in chats if is_reader_chat(c)) == 2 and 7301 in chats
        database = app.bot_data["services"].database
        assert {s.chat_id for s in database.read(subs.schedule_candidates)} == {7301}
        clock.now = tomorrow_at(8, 0, 30)  # every subscription above is due
        report = await runner(app).run_due(app.bot)
        assert report is not None and list(report.outcomes.values()) == [SENT]
    assert {int(c.params["chat_id"]) for c in emu.calls_of("sendMessage")} == {7301}
    assert chats_in(database_target, "digest_deliveries") == {7301}


async def test_two_applications_on_one_database_push_a_days_digest_once(
    telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str
):
    emu = telegram_emulator
    settings = bot_settings_on(emu, database_target, tmp_path)
    chats = range(7401, 7406)
    clock = Clock(tomorrow_at(7, 0))
    async with contextlib.AsyncExitStack() as stack:
        first = await stack.enter_async_context(running(settings, clock))
        for chat in chats:
            await say(emu, "/subscribe 8:00", chat)
        second = await stack.enter_async_context(running(settings, clock))  # another replica, one file
        before = {chat: len(emu.messages(chat)) for chat in chats}
        clock.now = tomorrow_at(8, 0, 30)
        reports = await asyncio.gather(runner(first).run_due(first.bot), runner(second).run_due(second.bot))
        sent = [o for r in reports if r is not None for o in r.outcomes.values() if o == SENT]
        assert len(sent) == len(chats)
        assert {chat: len(emu.messages(chat)) - before[chat] for chat in chats} == dict.fromkeys(chats, 1)
        # Both check again, later the same morning (a restart does the same): nothing more goes out.
        clock.now = tomorrow_at(9, 30)
        again = await asyncio.gather(runner(first).run_due(first.bot), runner(second).run_due(second.bot))
        assert all(r is None or r.outcomes == {} for r in again)
        assert {chat: len(emu.messages(chat)) - before[chat] for chat in chats} == dict.fromkeys(chats, 1)
