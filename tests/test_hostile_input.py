"""Odd and hostile input through the edges (the console, the web API): each gets a clear reply, never
a traceback, and nothing stored is lost. Found by trying newsbot as a new user would (QA pass)."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.console import CONSOLE_CHAT_ID, ConsoleChat
from bot.services import Services, open_services
from bot.settings import Settings, SettingsError, load_settings
from bot.telegram.app import build_application, health_server_for
from tests.bot_support import SEEDS, copy_database, make_database
from tests.test_bot_console import clean_env
from tests.web_support import WebRun, web_server


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    # The subscription commands as they answer where digests are pushed (Telegram: times, next digests),
    # rendered as the terminal renders them; the terminal's own answers: tests/test_bot_console.py.
    opened = open_services(settings, markup=PLAIN, pushes=True)
    yield opened
    opened.close()


@pytest.fixture
def console(services: Services) -> ConsoleChat:
    return ConsoleChat(
        services.conversation, Who(user_id=0, lang="zh", is_admin=True, chat_id=CONSOLE_CHAT_ID)
    )


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("hostile-template")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


# ---- lone surrogates: bytes that are not UTF-8 ----------------------------------------------------------
# A terminal or a pipe that is not UTF-8 gives Python lone surrogates (U+DC80-U+DCFF, surrogateescape),
# and JSON may spell one ("\ud800"). SQLite and the JSON answer cannot encode them.


@pytest.mark.parametrize(
    "line",
    ["保交楼\udcff", "/subscribe 8:00 人才\udcff", "/search \ud800保交楼", "\udcff", "/timezone \udcff"],
)
def test_a_line_with_a_lone_surrogate_is_answered(console: ConsoleChat, line: str):
    out = console.handle(line)
    assert out and "出了问题" not in out
    out.encode("utf-8")  # what is printed is text
    assert "保交楼" not in line or "【保交楼】" in out
    if line.startswith("/subscribe"):
        assert "已订阅" in out
        listed = console.handle("/subscriptions")
        assert "人才" in listed
        listed.encode("utf-8")


def test_console_piped_bytes_that_are_not_utf8_get_answers_not_tracebacks(tmp_path: Path):
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input=b"\xff\xfe\xe4\xbf\x9d\xe4\xba\xa4\xe6\xa5\xbc\n/subscribe 8:00 \xe4\xba\xba\xe6\x89\x8d\xff\n",
        capture_output=True,
        cwd=tmp_path,
        # strict, as in a UTF-8 desktop locale (the C.UTF-8 locale escapes instead)
        env=clean_env(
            NEWSBOT_DB=str(tmp_path / "n.db"), NEWSBOT_SEEDS=str(SEEDS), PYTHONIOENCODING="utf-8:strict"
        ),
        timeout=120,
    )
    assert done.returncode == 0
    assert b"Traceback" not in done.stderr and b"Error" not in done.stdout
    assert "已订阅" in done.stdout.decode("utf-8", "replace")


def test_web_calls_with_a_lone_surrogate_are_answered(web: WebRun):
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        for body in (b'{"text": "\\ud800"}', b'{"text": "\\u4fdd\\u4ea4\\u697c\\udfff"}'):
            response = c.post("/api/message", content=body, headers={"content-type": "application/json"})
            assert response.status_code == 200, response.text
            assert response.json()["replies"]
        pressed = c.post(
            "/api/press", content=b'{"data": "\\ud800"}', headers={"content-type": "application/json"}
        )
        assert pressed.status_code == 200, pressed.text
        assert pressed.json()["notice"]


# ---- ingest of odd files -----------------------------------------------------------------------------------


def run_cli(tmp_path: Path, *args: str | bytes) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "bot", *args],
        capture_output=True,
        text=True,
        errors="replace",
        cwd=tmp_path,
        env=clean_env(NEWSBOT_DB=str(tmp_path / "n.db"), NEWSBOT_SEEDS=str(tmp_path / "no-seeds")),
        timeout=120,
    )


def test_a_file_whose_name_is_not_utf8_is_ingested_with_the_others(tmp_path: Path):
    pages = tmp_path / "pages"
    pages.mkdir()
    page = (SEEDS / "000_6b662c5ca2a0e3a9.txt").read_bytes()
    (Path(os.fsdecode(bytes(pages) + b"/a\xff.txt"))).write_bytes(page)  # a name in Latin-1 or GBK
    (pages / "b.jsonl").write_text(
        '{"title": "另一篇", "body": "文件名正常的另一篇文章。"}\n', encoding="utf-8"
    )
    done = run_cli(tmp_path, "ingest", "pages")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    assert "7 篇新文章" in done.stdout
    again = run_cli(tmp_path, "ingest", "pages")  # the import record is found again under that name
    assert again.returncode == 0 and "0 篇新文章，7 篇已存在" in again.stdout, again.stdout + again.stderr


# ---- settings --------------------------------------------------------------------------------------------


@pytest.mark.parametrize("variable", ["NEWSBOT_DIGEST_CHECK_SECONDS", "NEWSBOT_SOURCES_CHECK_SECONDS"])
@pytest.mark.parametrize("value", ["inf", "1e300", "86401"])
def test_a_check_interval_too_long_to_schedule_is_refused_naming_the_variable(
    monkeypatch: pytest.MonkeyPatch, variable: str, value: str
):
    # `serve` used to accept these and then died building its JobQueue (OverflowError in APScheduler).
    monkeypatch.setenv(variable, value)
    with pytest.raises(SettingsError, match=f"{variable}='{value}'"):
        load_settings(_env_file=None)


def test_the_longest_check_intervals_build_the_bot(monkeypatch: pytest.MonkeyPatch, tmp_path: Path):
    monkeypatch.setenv("NEWSBOT_DIGEST_CHECK_SECONDS", "3600")
    monkeypatch.setenv("NEWSBOT_SOURCES_CHECK_SECONDS", "3600")
    settings = load_settings(_env_file=None, TELEGRAM_BOT_TOKEN="123:abc", db=tmp_path / "b.db", seeds=SEEDS)
    assert build_application(settings).job_queue is not None
    assert health_server_for(settings) is not None


def test_subscribe_to_only_quotes_is_refused_and_stores_nothing(console: ConsoleChat):
    out = console.handle('/subscribe 13:00 ""')
    assert "已订阅" not in out and "没有可以搜索的字" in out, out
    assert "#1" not in console.handle("/subscriptions")


def test_ingest_with_a_source_name_that_is_not_utf8_stores_it_readably(tmp_path: Path):
    """QA pass: `newsbot ingest --source $'\\xff…'` ended in a UnicodeEncodeError traceback."""
    page = tmp_path / "page.txt"
    page.write_bytes((SEEDS / "000_6b662c5ca2a0e3a9.txt").read_bytes())
    done = run_cli(tmp_path, "ingest", "--source", os.fsdecode(b"\xc7\xf8\xb1\xa8"), str(page))  # GBK 区报
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    assert "6 篇新文章" in done.stdout
    assert "\ufffd" in run_cli(tmp_path, "stats").stdout


@pytest.mark.parametrize("command", ["remove", "poll"])
def test_sources_commands_naming_a_source_in_bytes_that_are_not_utf8_say_no_such_source(
    tmp_path: Path, command: str
):
    done = run_cli(tmp_path, "sources", command, os.fsdecode(b"http://x\xff.org/"))
    assert done.returncode == 1 and "Traceback" not in done.stderr, done.stderr
    assert "no such source: http://x\ufffd.org/" in done.stderr


def test_digest_previews_past_the_fifth_subscription_can_be_asked_for(console: ConsoleChat):
    """QA pass: /digest previewed the first five subscriptions and said nothing of the others, which
    could never be previewed."""
    for n, word in enumerate(["二七区", "人才", "统战", "保交楼", "侯寨乡", "樊惠林", "自媒体"]):
        assert "已订阅" in console.handle(f"/subscribe {8 + n}:00 {word}")
    previews = console.handle("/digest")
    assert previews.count("📰") == 5 and "关键词：自媒体" not in previews and "关键词：樊惠林" not in previews
    assert "另有 2 个订阅" in previews and "/digest 7" in previews
    seventh = console.handle("/digest 7")
    assert seventh.count("📰") == 1 and "关键词：自媒体" in seventh and "清朗" in seventh
    assert "关键词：樊惠林" in console.handle("/digest #6")
    assert "没有找到编号为 99 的订阅" in console.handle("/digest 99")
    assert "看不懂" in console.handle("/digest abc")


@pytest.mark.parametrize("secret", ["x7q", "hunter2hunter2", "123456789012345"])
def test_a_web_secret_short_enough_to_guess_is_refused(monkeypatch: pytest.MonkeyPatch, secret: str):
    """QA pass: NEWSBOT_WEB_SECRET=x was taken; whoever guesses the key signs a session cookie for any
    reader's chat id (their subscriptions and private feed addresses)."""
    monkeypatch.setenv("NEWSBOT_WEB_SECRET", secret)
    with pytest.raises(
        SettingsError, match="NEWSBOT_WEB_SECRET=\\(hidden\\) \\(in the environment\\): .*at least 16"
    ) as caught:
        load_settings(_env_file=None)
    assert secret not in str(caught.value)
    monkeypatch.setenv("NEWSBOT_WEB_SECRET", "0123456789abcdef")
    assert load_settings(_env_file=None).web_secret is not None


# ---- /timezone as Chinese readers type it (QA) -------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("北京时间", "Asia/Shanghai"),
        ("东八区", "Asia/Shanghai"),
        ("CST", "Asia/Shanghai"),
        ("UTC+8", "UTC+8"),
        ("GMT-5", "UTC-5"),
        ("america/port-au-prince", "America/Port-au-Prince"),
    ],
)
def test_timezone_as_people_type_it_is_set_and_shown(console: ConsoleChat, typed: str, shown: str):
    out = console.handle(f"/timezone {typed}")
    assert f"时区已设为 {shown}" in out, out
    assert f"当前时区：{shown}（" in console.handle("/timezone")
    assert f"（{shown}）" in console.handle("/subscribe 7:30 人才")
    assert f"（时区 {shown}）" in console.handle("/subscriptions")


def test_an_unknown_timezone_is_one_line_with_an_example(console: ConsoleChat):
    out = console.handle("/timezone 火星时间")
    assert out.count("\n") == 0 and "火星时间" in out and "/timezone Asia/Shanghai" in out


@pytest.mark.parametrize("word", ["早上好", "晚上好"])
def test_subscribe_to_a_greeting_is_a_keyword_not_a_bad_time(console: ConsoleChat, word: str):
    """QA: /subscribe 早上好 was read as a bad time."""
    out = console.handle(f"/subscribe {word}")
    assert "已订阅" in out and f"「{word}」" in out and "不是有效的时间" not in out, out


def test_help_in_the_terminal_names_no_groups(tmp_path: Path):
    """QA: the terminal chat's /help spoke of private chats and groups (Telegram's)."""
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="/help\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(NEWSBOT_DB=str(tmp_path / "n.db"), NEWSBOT_SEEDS=str(SEEDS)),
        timeout=120,
    )
    assert done.returncode == 0, done.stderr
    out = done.stdout
    assert "/search" in out and "群" not in out and "私聊" not in out and "Ctrl-D" in out
