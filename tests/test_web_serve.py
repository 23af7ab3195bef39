"""`newsbot serve` with NEWSBOT_WEB_PORT runs the web server beside the Telegram bot, in one process over
one database (issue 21); web readers' subscriptions are never pushed through Telegram."""

from __future__ import annotations

import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from click.testing import CliRunner

from bot.cli import main
from bot.telegram.app import WEB_SERVER, build_application
from bot.telegram.context import SERVICES
from bot.web.server import WebServer, WebServerError
from storage.records import subscriptions as subs
from tests.bot_support import ROOT, SEEDS, bot_settings, running_bot
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


@contextlib.contextmanager
def newsbot_web(tmp_path: Path, *options: str) -> Iterator[tuple[subprocess.Popen[str], int]]:
    """`newsbot web` with `options` on a free port over the seeds, once it answers /healthz: the process
    and its port (killed afterwards if still running)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_"))}
    env |= {"NEWSBOT_DB": str(tmp_path / "w.db"), "NEWSBOT_SEEDS": str(SEEDS), "PYTHONPATH": str(ROOT)}
    process = subprocess.Popen(
        [sys.executable, "-m", "bot", "web", "--port", str(port), *options],
        cwd=tmp_path,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        deadline = time.monotonic() + 60
        while True:
            assert process.poll() is None, process.communicate()
            try:
                health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=5)
                break
            except httpx.TransportError:
                assert time.monotonic() < deadline, "newsbot web did not start"
                time.sleep(0.2)
        assert health.status_code == 200 and health.json()["articles"] > 0  # the seeds were ingested
        yield process, port
    finally:
        if process.poll() is None:
            process.kill()
            process.communicate()


def test_newsbot_web_serves_until_sigterm(tmp_path: Path):
    """The command itself: starts, answers, and stops cleanly on SIGTERM."""
    with newsbot_web(tmp_path) as (process, port):
        reply = httpx.post(f"http://127.0.0.1:{port}/api/message", json={"text": "保交楼"}, timeout=30)
        assert reply.status_code == 200
        process.send_signal(signal.SIGTERM)
        _, err = process.communicate(timeout=30)
        assert process.returncode == 0, err
        assert "Traceback" not in err and f"127.0.0.1:{port}" in err


def test_newsbot_web_reads_its_chats_clock_from_now(tmp_path: Path):
    """QA pass 26: on an archive of past news 昨天 read the real clock (`newsbot chat --now` had a clock)."""
    with newsbot_web(tmp_path, "--now", "2023-04-05T09:30") as (_, port):

        def said(message: str) -> str:
            reply = httpx.post(f"http://127.0.0.1:{port}/api/message", json={"text": message}, timeout=30)
            return "\n".join(r["text"] for r in reply.json()["replies"])

        assert "现在是 2023年4月5日 星期三 09:3" in said("现在几点")  # the clock runs on from the time given
        yesterday = said("昨天有什么新闻")
        assert "「昨天有什么新闻」共 3 篇" in yesterday and yesterday.count("2023-04-04 · ") == 3


def test_newsbot_web_refuses_a_time_it_cannot_read() -> None:
    result = CliRunner().invoke(main, ["web", "--now", "昨天"])
    assert result.exit_code == 2 and "「昨天」不是日期时间，例如 2020-03-01T12:00" in result.output


def test_a_taken_port_is_a_one_line_error(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        result = CliRunner().invoke(main, ["web", "--port", str(port)])
    assert result.exit_code == 1 and f"cannot listen on 127.0.0.1:{port}" in result.output
    assert "Traceback" not in result.output and not (tmp_path / "data").exists()  # nothing opened
    assert "newsbot web: http" not in result.output  # never said to be serving


@pytest.mark.parametrize("host", ["256.1.1.1"])
def test_an_address_that_cannot_be_bound_is_an_error_without_a_serving_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, host: str
):
    """QA: `newsbot web --host 256.1.1.1` printed "newsbot web: http://256.1.1.1:8000/" before the bind
    error; the address is printed only once the socket listens."""
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    result = CliRunner().invoke(main, ["web", "--host", host, "--port", "0"])
    assert result.exit_code == 1 and f"cannot listen on {host}:0" in result.output
    assert "newsbot web: http" not in result.output
    assert result.output.count("\n") == 1


def test_a_database_that_cannot_be_opened_is_an_error_without_a_serving_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
):
    for name in list(os.environ):
        if name.startswith(("NEWSBOT_", "TELEGRAM_")):
            monkeypatch.delenv(name)
    monkeypatch.chdir(tmp_path)
    (tmp_path / "not-a-db").write_text("plain text, not SQLite\n" * 50)
    result = CliRunner().invoke(main, ["web", "--port", "0"], env={"NEWSBOT_DB": str(tmp_path / "not-a-db")})
    assert result.exit_code == 1 and "not-a-db" in result.output
    assert "newsbot web: http" not in result.output  # never said to be serving


async def test_serve_with_a_taken_web_port_fails_clearly(telegram_emulator: TelegramEmulator, tmp_path: Path):
    """As `run_polling` does: post_init fails, then shutdown and post_shutdown close what was opened."""
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        settings = bot_settings(telegram_emulator, tmp_path / "newsbot.db", web_port=taken.getsockname()[1])
        app = build_application(settings)
        await app.initialize()
        try:
            assert app.post_init is not None
            with pytest.raises(WebServerError, match="cannot listen"):
                await app.post_init(app)
        finally:
            await app.shutdown()
            assert app.post_shutdown is not None
            await app.post_shutdown(app)
        assert SERVICES not in app.bot_data  # the database was closed
