"""Structured logs with secrets masked (issue 7)."""

from __future__ import annotations

import io
import json
import logging

import pytest

from bot.logs import configure_logging

TOKEN = "123456:ABC-secret-token"


@pytest.fixture
def stream():
    out = io.StringIO()
    handler = configure_logging("INFO", secrets=[TOKEN], stream=out)
    yield out
    logging.getLogger().removeHandler(handler)


def test_key_value_lines_with_extra_fields(stream):
    logging.getLogger("bot.telegram.app").info("digest sent", extra={"chat_id": 42, "articles": 3})
    line = stream.getvalue().strip()
    assert " level=info logger=bot.telegram.app " in line
    assert 'msg="digest sent"' in line and "chat_id=42" in line and "articles=3" in line
    assert line.startswith("ts=")


def test_token_never_written(stream):
    logging.getLogger("bot.telegram.app").warning("calling https://api.telegram.org/bot%s/getMe", TOKEN)
    logging.getLogger("bot.telegram.app").error("failed", extra={"url": f"https://x/bot{TOKEN}/sendMessage"})
    assert TOKEN not in stream.getvalue()
    assert "[redacted]" in stream.getvalue()


def test_httpx_request_lines_are_quiet(stream):
    logging.getLogger("httpx").info("HTTP Request: POST https://api.telegram.org/bot%s/getUpdates", TOKEN)
    assert stream.getvalue() == ""


def test_debug_hidden_at_info(stream):
    logging.getLogger("bot.telegram.handlers").debug("user text: %s", "我的私人问题")
    assert stream.getvalue() == ""


def test_json_lines():
    out = io.StringIO()
    handler = configure_logging("DEBUG", as_json=True, stream=out)
    try:
        logging.getLogger("storage").debug("中文消息", extra={"n": 1})
    finally:
        logging.getLogger().removeHandler(handler)
    record = json.loads(out.getvalue())
    assert record["msg"] == "中文消息" and record["n"] == 1 and record["level"] == "debug"


async def test_users_words_stay_out_of_logs_at_info(telegram_emulator, tmp_path):
    """Issue 7: user messages' text is never written at INFO or above, even on the error path."""
    from tests.bot_support import bot_settings, make_database, running_bot

    emu = telegram_emulator
    out = io.StringIO()
    handler = configure_logging("INFO", secrets=[emu.token], stream=out)
    secret_words = "我家住在幸福路七号保交楼"
    try:
        settings = bot_settings(emu, make_database(tmp_path / "logs.db", tmp_path))
        async with running_bot(settings):
            for text in (secret_words, f'"{secret_words}" AND NEAR(', f"/article {secret_words}"):
                emu.push_message(text)
            await emu.wait_for_messages(1001, 3)
    finally:
        logging.getLogger().removeHandler(handler)
    logged = out.getvalue()
    assert "newsbot is up" in logged  # the capture works
    assert "幸福路" not in logged and emu.token not in logged


def test_token_never_written_in_a_logged_traceback(stream):
    try:
        raise RuntimeError(f"The token `{TOKEN}` was rejected by the server.")
    except RuntimeError:
        logging.getLogger("telegram.ext").exception("start-up failed")
    out = stream.getvalue()
    assert "rejected by the server" in out and "[redacted]" in out
    assert TOKEN not in out and "ABC-secret-token" not in out
