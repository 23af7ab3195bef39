"""`newsbot serve` with NEWSBOT_WEB_PORT runs the web server beside the Telegram bot, in one process over
one database (issue 21); web readers' subscriptions are never pushed through Telegram."""

from __future__ import annotations

from pathlib import Path

import httpx

from bot.telegram.app import WEB_SERVER
from bot.telegram.context import SERVICES
from bot.web.server import WebServer
from storage.records import subscriptions as subs
from tests.bot_support import bot_settings, running_bot
from tests.telegram_emulator import TelegramEmulator
from tests.test_digest_e2e import say


async def test_serve_runs_the_web_page_beside_the_bot(telegram_emulator: TelegramEmulator, tmp_path: Path):
    settings = bot_settings(telegram_emulator, tmp_path / "newsbot.db", web_port=0)
    async with running_bot(settings) as app:
        web = app.bot_data[WEB_SERVER]
        assert isinstance(web, WebServer)
        async with httpx.AsyncClient(base_url=f"http://127.0.0.1:{web.bound_port}", timeout=30) as client:
            assert (await client.get("/healthz")).status_code == 200
            answer = await client.post("/api/message", json={"text": "保交楼"})
            assert answer.status_code == 200 and "保交楼" in answer.json()["replies"][0]["marks"]
            telegram = await say(telegram_emulator, "保交楼", 501)  # the bot answers meanwhile
            assert "保交楼" in telegram.text
    assert WEB_SERVER not in app.bot_data  # stopped with the bot


async def test_web_readers_subscriptions_are_not_pushed(telegram_emulator: TelegramEmulator, tmp_path: Path):
    settings = bot_settings(telegram_emulator, tmp_path / "newsbot.db", web_port=0)
    async with running_bot(settings) as app:
        base = f"http://127.0.0.1:{app.bot_data[WEB_SERVER].bound_port}"
        async with httpx.AsyncClient(base_url=base, timeout=30) as client:
            answer = await client.post("/api/message", json={"text": "/subscribe 08:00"})
            assert "/feed/" in answer.text
        await say(telegram_emulator, "/subscribe 08:00", 502)
        services = app.bot_data[SERVICES]
        assert [s.chat_id for s in services.database.read(subs.schedule_candidates)] == [502]
