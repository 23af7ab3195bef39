"""`newsbot serve`: a clear message without a token; long polling against a local Bot API; SIGTERM."""

from __future__ import annotations

import asyncio
import os
import signal
import socket
import subprocess
import sys
from pathlib import Path

import pytest
from telegram.error import BadRequest

from bot.settings import Settings, SettingsError, load_settings
from bot.telegram.app import MissingTokenError, build_application, start_failure
from tests.bot_support import ROOT, SEEDS, make_database
from tests.telegram_emulator import TelegramEmulator


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_", "PTB_"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def test_serve_without_token_says_what_to_do(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=60,
    )
    assert done.returncode == 1
    assert "TELEGRAM_BOT_TOKEN" in done.stderr and "newsbot chat" in done.stderr
    assert "Traceback" not in done.stderr
    with pytest.raises(MissingTokenError):
        build_application(Settings(_env_file=None))  # type: ignore[call-arg]


def test_token_is_secret_and_admin_ids_are_checked() -> None:
    settings = load_settings(TELEGRAM_BOT_TOKEN="123:secret-value", admin_ids=" 1, 22 ,333")
    assert settings.admin_ids == (1, 22, 333)
    assert "secret-value" not in repr(settings) and "secret-value" not in str(settings.model_dump())
    assert load_settings(TELEGRAM_BOT_TOKEN="  ").telegram_bot_token is None
    with pytest.raises(SettingsError, match="NEWSBOT_ADMIN_IDS.*comma-separated numeric"):
        load_settings(admin_ids="1, alice")
    with pytest.raises(SettingsError, match="TELEGRAM_API_BASE_URL"):
        load_settings(TELEGRAM_API_BASE_URL="api.telegram.org")


async def test_serve_answers_and_stops_cleanly_on_sigterm(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    emu = telegram_emulator
    db = make_database(tmp_path / "serve.db", tmp_path)
    env = clean_env(
        TELEGRAM_BOT_TOKEN=emu.token,
        TELEGRAM_API_BASE_URL=emu.base_url,
        NEWSBOT_DB=str(db),
        NEWSBOT_SEEDS=str(SEEDS),
        NEWSBOT_LOG_LEVEL="DEBUG",
    )
    log_file = tmp_path / "serve.log"
    with log_file.open("w") as log:
        proc = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "bot", "serve", cwd=tmp_path, env=env, stdout=log, stderr=log
        )
        try:
            await emu.wait_for_call("setMyCommands", 2)
            emu.push_message("谁主持了统战工作会议？")
            (reply,) = await emu.wait_for_messages(1001, 1, after=1)
            assert "虎荣鑫" in reply.text
            proc.send_signal(signal.SIGTERM)
            await asyncio.wait_for(proc.wait(), 30)
        finally:
            if proc.returncode is None:
                proc.kill()
                await proc.wait()
    stderr = log_file.read_text()
    assert proc.returncode == 0, stderr
    assert "Set Bot API URL" in stderr and "[redacted]" in stderr  # PTB logs the URL at DEBUG: masked
    assert emu.token not in stderr and emu.token.split(":")[1] not in stderr
    assert "Traceback" not in stderr
    assert [c.error for c in emu.errors()] == []


def serve_once(tmp_path: Path, **env: str) -> subprocess.CompletedProcess[str]:
    """`newsbot serve` run to its end (it cannot start), with an empty seeds folder."""
    (tmp_path / "seeds").mkdir(exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "bot", "serve"],
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(NEWSBOT_DB=str(tmp_path / "serve.db"), NEWSBOT_SEEDS=str(tmp_path / "seeds"), **env),
        timeout=60,
    )


def test_serve_with_a_token_the_bot_api_refuses_says_so_in_one_line(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    token = "999:not-the-emulators-token"
    done = serve_once(tmp_path, TELEGRAM_BOT_TOKEN=token, TELEGRAM_API_BASE_URL=telegram_emulator.base_url)
    assert done.returncode == 1
    assert "TELEGRAM_BOT_TOKEN" in done.stderr and "@BotFather" in done.stderr
    assert (
        "Traceback" not in done.stderr and token not in done.stderr and "not-the-emulators" not in done.stderr
    )


def test_serve_that_cannot_reach_the_bot_api_names_the_address_in_one_line(tmp_path: Path) -> None:
    done = serve_once(tmp_path, TELEGRAM_BOT_TOKEN="123:abc", TELEGRAM_API_BASE_URL="http://127.0.0.1:9/bot")
    assert done.returncode == 1
    assert "http://127.0.0.1:9/bot" in done.stderr and "TELEGRAM_API_BASE_URL" in done.stderr
    assert "Traceback" not in done.stderr and "123:abc" not in done.stderr


def test_serve_whose_health_port_is_taken_says_so_in_one_line(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = serve_once(
            tmp_path,
            TELEGRAM_BOT_TOKEN=telegram_emulator.token,
            TELEGRAM_API_BASE_URL=telegram_emulator.base_url,
            NEWSBOT_HEALTH_PORT=str(port),
            NEWSBOT_HEALTH_LISTEN="127.0.0.1",
        )
    assert done.returncode == 1
    assert f"127.0.0.1:{port}" in done.stderr and "NEWSBOT_HEALTH_PORT" in done.stderr
    assert "Traceback" not in done.stderr


def test_serve_whose_webhook_port_is_taken_says_so_in_one_line(
    telegram_emulator: TelegramEmulator, tmp_path: Path
) -> None:
    with socket.create_server(("127.0.0.1", 0)) as taken:
        port = taken.getsockname()[1]
        done = serve_once(
            tmp_path,
            TELEGRAM_BOT_TOKEN=telegram_emulator.token,
            TELEGRAM_API_BASE_URL=telegram_emulator.base_url,
            NEWSBOT_WEBHOOK_URL="https://bot.example.org/hook",
            NEWSBOT_WEBHOOK_LISTEN="127.0.0.1",
            NEWSBOT_WEBHOOK_PORT=str(port),
        )
    assert done.returncode == 1
    assert f"127.0.0.1:{port}" in done.stderr and "NEWSBOT_WEBHOOK_PORT" in done.stderr
    assert "Traceback" not in done.stderr


def test_a_start_up_call_the_bot_api_refuses_is_not_called_unreachable() -> None:
    settings = load_settings(TELEGRAM_BOT_TOKEN="123:abc")
    message = str(
        start_failure(BadRequest("Bad webhook: an https url must be provided for webhook"), settings)
    )
    assert "refused a start-up call: Bad webhook: an https url must be provided" in message
    assert "cannot reach" not in message


def test_serve_against_a_server_that_is_no_bot_api_says_so_in_one_line(tmp_path: Path) -> None:
    """QA pass 17: a TELEGRAM_API_BASE_URL answering a web page (a proxy's error page, the wrong address)
    printed a log line with a traceback and the whole page, and an error holding the page's HTML."""
    import http.server
    import threading

    class WebPage(http.server.BaseHTTPRequestHandler):
        def do_POST(self) -> None:  # noqa: N802 (the standard library's name)
            body = b"<!DOCTYPE html>\n<html><body><h1>502 Bad Gateway</h1>\n</body></html>\n"
            self.send_response(502)
            self.send_header("Content-Type", "text/html")
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), WebPage)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}/bot"
    try:
        done = serve_once(tmp_path, TELEGRAM_BOT_TOKEN="123:abc", TELEGRAM_API_BASE_URL=base)
    finally:
        server.shutdown()
        server.server_close()
    assert done.returncode == 1
    assert "Traceback" not in done.stderr and "123:abc" not in done.stderr
    assert all(len(line) < 400 for line in done.stderr.splitlines())  # the page's start, never all of it
    (error,) = [line for line in done.stderr.splitlines() if line.startswith("Error:")]
    assert base in error and "Bad Gateway (502)" in error and "TELEGRAM_API_BASE_URL" in error
