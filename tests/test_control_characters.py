"""Control characters in what a reader sends (QA pass 31, issue 33): a NUL, BEL, ESC or C1 control that a
pipe, a script or a pasted terminal sequence puts before or inside a query is left out where each front
reads its input (`readable`), so no reply echoes it (a page shows it as a blank: `「 阅兵」`) and the query
is the words the reader sees. Tabs and line breaks stay whitespace.

Real components: `run_console` over a real SQLite file, a real `newsbot web` server taking the page's JSON
and WeChat's XML, the real PTB Application against the Bot API emulator."""

from __future__ import annotations

import io
import re
import unicodedata
from collections.abc import Iterator
from datetime import datetime
from pathlib import Path
from zoneinfo import ZoneInfo

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.typed_text import readable
from bot.console import run_console
from bot.settings import Settings
from tests.bot_support import SEEDS, bot_settings_on, copy_database, make_database
from tests.telegram_emulator import TelegramEmulator
from tests.test_digest_e2e import Clock, running, say
from tests.web_support import WebRun, web_server, wechat_query, wechat_text

# Any control character that is no whitespace (C0, DEL, C1 but NEL).
CONTROL = re.compile(r"[\x00-\x08\x0e-\x1b\x7f-\x84\x86-\x9f]")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("control-template")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def test_readable_leaves_out_every_control_character_but_whitespace() -> None:
    controls = [chr(c) for c in range(0x110000) if unicodedata.category(chr(c)) == "Cc"]
    assert all(readable(ch) == "" for ch in controls if not ch.isspace())
    assert all(readable(ch) == ch for ch in controls if ch.isspace())  # tab, line breaks, NEL
    assert readable("\x00保\x07交楼\x1b") == "保交楼"
    assert readable("保交楼\t二七区\n") == "保交楼\t二七区\n"


def test_the_terminal_reads_a_query_without_its_control_characters(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, stdin=io.StringIO("\x00保交楼\n\x1b保\x7f交楼\n\x07\n"), stdout=out)
    shown = out.getvalue()
    assert not CONTROL.search(shown)
    assert shown.count("「保交楼」共 1 篇") == 2
    assert "请告诉我要找什么" not in shown  # a line of control characters only is a blank line: no reply


def test_the_web_page_reads_a_message_without_its_control_characters(web: WebRun) -> None:
    with httpx.Client(base_url=web.base_url, headers={"origin": web.base_url}, timeout=30) as c:
        (found, *_) = c.post("/api/message", json={"text": "\x00保交楼"}).json()["replies"]
        assert found["text"].startswith("🔎 「保交楼」共") and not CONTROL.search(found["text"])
        inside = c.post("/api/message", json={"text": "保\x07交楼"}).json()["replies"][0]
        assert inside["text"].startswith("🔎 「保交楼」共")
        only = c.post("/api/message", json={"text": "\x00\x07"})
        assert only.status_code == 400 and only.json() == {"error": "请写上要发送的文字（text）。"}


def test_wechat_reads_a_message_without_its_control_characters(web: WebRun) -> None:
    # XML 1.0 carries no C0 control but tab and line breaks; the C1 controls it does carry (U+009B is a
    # terminal's CSI) are left out.
    response = httpx.post(
        f"{web.base_url}/wechat",
        params=wechat_query(),
        content=wechat_text("oControl", "\x9b保\x80交楼", 3301),
        headers={"content-type": "text/xml"},
        timeout=30,
    )
    assert response.status_code == 200
    content = next(child.text or "" for child in fromstring(response.content) if child.tag == "Content")
    assert content.startswith("🔎 「保交楼」共") and not CONTROL.search(content)


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str) -> Settings:
    return bot_settings_on(telegram_emulator, database_target, tmp_path)


async def test_telegram_reads_a_message_without_its_control_characters(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=ZoneInfo("Asia/Shanghai")))
    async with running(settings, clock):
        answered = await say(telegram_emulator, "\x00保交楼", 4401)
        assert "「保交楼」共 1 篇" in answered.text and not CONTROL.search(answered.text)
