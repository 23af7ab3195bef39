"""`newsbot serve` in webhook mode: forged requests are refused, real ones answered; /healthz (issue 7)."""

from __future__ import annotations

import asyncio
import json
import signal
import socket
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any

import pytest

from bot.ops.health_server import route
from bot.settings import load_settings
from bot.telegram.app import Webhook, webhook_of
from storage.database.health import Health
from tests.bot_support import SEEDS, make_database
from tests.telegram_emulator import TelegramEmulator
from tests.test_bot_serve import clean_env


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


def post(url: str, body: dict, headers: dict[str, str] | None = None) -> int:
    request = urllib.request.Request(
        url,
        data=json.dumps(body).encode(),
        headers={"Content-Type": "application/json", **(headers or {})},
        method="POST",
    )
    for _ in range(100):  # PTB sets the webhook first, then starts listening
        try:
            with urllib.request.urlopen(request, timeout=10) as response:
                return int(response.status)
        except urllib.error.HTTPError as err:
            return int(err.code)
        except urllib.error.URLError:
            time.sleep(0.1)
    raise AssertionError(f"nothing listens on {url}")


def get(url: str) -> tuple[int, dict]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return int(response.status), json.loads(response.read())
    except urllib.error.HTTPError as err:
        return int(err.code), json.loads(err.read())


async def test_webhook_rejects_forged_requests_and_answers_real_ones(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    emu = telegram_emulator
    db = make_database(tmp_path / "hook.db", tmp_path)
    port, health_port = free_port(), free_port()
    env = clean_env(
        TELEGRAM_BOT_TOKEN=emu.token,
        TELEGRAM_API_BASE_URL=emu.base_url,
        NEWSBOT_DB=str(db),
        NEWSBOT_SEEDS=str(SEEDS),
        NEWSBOT_WEBHOOK_URL="https://newsbot.example/telegram/hook",
        NEWSBOT_DIGEST_CHECK_SECONDS="1",
    )
    secret = load_settings(TELEGRAM_BOT_TOKEN=emu.token).webhook_secret_token()
    url = f"http://127.0.0.1:{port}/telegram/hook"
    log_file = tmp_path / "serve.log"
    with log_file.open("w") as log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable,
            *("-m", "bot", "serve", "--listen", "127.0.0.1", "--port", str(port)),
            *("--health-port", str(health_port)),
            cwd=tmp_path,
            env=env,
            stdout=log,
            stderr=log,
        )
        try:
            (hook,) = await emu.wait_for_call("setWebhook")
            assert hook.params["url"] == "https://newsbot.example/telegram/hook"
            assert hook.params["secret_token"] == secret

            update = emu.push_message("谁主持了统战工作会议？")
            assert await asyncio.to_thread(post, url, update) == 403
            forged = {"X-Telegram-Bot-Api-Secret-Token": "guessed"}
            assert await asyncio.to_thread(post, url, update, forged) == 403
            await asyncio.sleep(0.5)
            assert not emu.calls_of("sendMessage"), "a forged update was handled"

            real = {"X-Telegram-Bot-Api-Secret-Token": secret}
            assert await asyncio.to_thread(post, url, update, real) == 200
            (reply,) = await emu.wait_for_messages(update["message"]["chat"]["id"], 1, after=1)
            assert "虎荣鑫" in reply.text

            status, body = 0, dict[str, Any]()
            for _ in range(100):  # the digest scheduler's first beat comes about a second after start
                status, body = await asyncio.to_thread(get, f"http://127.0.0.1:{health_port}/healthz")
                if status == 200:
                    break
                await asyncio.sleep(0.2)
            assert status == 200, body
            assert body["ok"] and body["articles"] >= 6 and "digest_scheduler" in body["services"]

            proc.send_signal(signal.SIGTERM)
            assert await asyncio.wait_for(proc.wait(), 30) == 0
            assert not emu.calls_of("deleteWebhook")  # other replicas may still serve it (issue 23)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    assert emu.token not in log_file.read_text()


def test_webhook_settings() -> None:
    settings = load_settings(
        TELEGRAM_BOT_TOKEN="1:abc", webhook_url="https://bot.example.org/", webhook_secret="s3cret_-X"
    )
    hook = webhook_of(settings)
    assert hook == Webhook("https://bot.example.org/", "0.0.0.0", 8443, "s3cret_-X")
    assert hook.url_path == "telegram"
    assert webhook_of(load_settings(TELEGRAM_BOT_TOKEN="1:abc")) is None
    derived = load_settings(TELEGRAM_BOT_TOKEN="1:abc").webhook_secret_token()
    assert derived != load_settings(TELEGRAM_BOT_TOKEN="1:abd").webhook_secret_token()
    assert "abc" not in derived and len(derived) == 48


@pytest.mark.parametrize(
    ("line", "health", "status"),
    [
        ("GET /healthz HTTP/1.1", Health(ok=True, database="ok"), 200),
        ("GET /healthz?x=1 HTTP/1.1", Health(ok=False, database="ok", problems=("no articles stored",)), 503),
        ("POST /healthz HTTP/1.1", Health(ok=True, database="ok"), 405),
        ("GET / HTTP/1.1", Health(ok=True, database="ok"), 404),
        ("GET /healthz HTTP/1.1", None, 503),
        ("", None, 404),
    ],
)
def test_health_routes(line: str, health: Health | None, status: int) -> None:
    assert route(line, health)[0] == status
