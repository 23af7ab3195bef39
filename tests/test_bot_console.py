"""`newsbot chat`: the console conversation, through a pipe and in-process (issue 4)."""

from __future__ import annotations

import io
import os
import pty
import re
import shutil
import subprocess
import sys
from datetime import timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest
from click.testing import CliRunner

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN, Channel
from bot.cli import chat_clock_start, main
from bot.console import CONSOLE_CHAT_ID, RULE, ConsoleChat, run_console
from bot.services import Services, open_services
from bot.settings import Settings
from storage.driver import sqlite3
from tests.bot_support import ROOT, SEEDS, make_database
from tests.search_support import stories_db
from tests.web_support import web_server


def clean_env(**extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("NEWSBOT_", "TELEGRAM_"))}
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def _chat_through_a_pipe(tmp_path: Path, lines: str, **env: str) -> subprocess.CompletedProcess[str]:
    """`newsbot chat` run as a newcomer runs it: in a folder holding the seed pages, nothing configured
    (but `env`), `lines` piped in."""
    shutil.copytree(SEEDS, tmp_path / "seeds")
    return subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input=lines,
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(**env),
        timeout=120,
    )


def test_chat_through_a_pipe_with_nothing_configured(tmp_path: Path) -> None:
    done = _chat_through_a_pipe(tmp_path, "/search 保交楼\n谁主持了统战工作会议？\n\n1\n/article abc\n")
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    out = done.stdout
    assert "「保交楼」共 1 篇" in out and "【保交楼】" in out
    answer = out[out.index("「谁主持了统战工作会议？」") :]
    assert answer.index("💡 答案") < answer.index("1. ")
    assert "虎荣鑫【主持】" in answer or "虎荣鑫" in answer.split("\n")[2]
    assert "本报讯 4月4日上午" in out  # button 1 opened the article
    assert "「abc」不是有效的文章编号" in out
    assert "<b>" not in out and "&amp;" not in out
    assert (tmp_path / "data" / "newsbot.db").is_file()  # the default database, seeded on first use


@pytest.fixture
def console(tmp_path: Path) -> ConsoleChat:
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    services: Services = open_services(settings, markup=PLAIN, pushes=False, channel=Channel.CONSOLE)
    return ConsoleChat(
        services.conversation, Who(user_id=0, lang="zh", is_admin=True, chat_id=CONSOLE_CHAT_ID)
    )


def test_console_buttons_are_pressed_by_number(console: ConsoleChat) -> None:
    results = console.handle("二七区")
    assert "[1] 📖 1" in results and "[6] ▶" not in results  # six articles: 5 per page, ▶ is button 7
    assert "[7] ▶" in results
    page_two = console.handle("7")
    assert "（第 2/2 页）" in page_two and "6. " in page_two
    assert console.handle("99") == "没有编号为 99 的按钮。"
    # QA pass 24: the page counter (button 3 on page 2: 📖 6, ◀, 2/2) did nothing and printed nothing.
    assert "[3] 2/2" in page_two
    assert console.handle("3") == "按钮 3（2/2）只是显示，按下不做别的。"
    assert "编号" in console.handle("１")  # full-width digit presses button 1 (an article)


def test_console_commands_and_blank_lines(console: ConsoleChat) -> None:
    assert console.handle("   ") == ""
    assert "/search 关键词" in console.handle("/help")
    assert "文章数：6" in console.handle("/stats")  # the console user owns the database (issue 15: labels)
    subscribed = console.handle("/subscribe")  # subscriptions work in the console (tests/test_forget.py)
    assert subscribed.startswith("已订阅 #1：全部新闻。") and "Telegram" not in subscribed
    assert "我不认识 /nope" in console.handle("/nope@somebot")


def test_the_terminal_numbers_its_own_subscriptions(console: ConsoleChat, tmp_path: Path) -> None:
    """Issue 34: the terminal's subscriptions were numbered by their ids in the whole database, which a
    bot or the web page on the same file shares (its first could be #3). It sees and types its own."""
    from storage.database.connection import open_db
    from storage.records import subscriptions as subs

    db = open_db(tmp_path / "c.db")
    try:
        for words in (["教育"], ["交通"]):
            subs.add_subscription(db, 4242, "08:00", words)
    finally:
        db.close()
    assert console.handle("/subscribe 人才").startswith("已订阅 #1：与「人才」相关的新闻。")
    assert console.handle("/subscribe 统战").startswith("已订阅 #2：与「统战」相关的新闻。")
    listed = console.handle("/subscriptions")
    assert "#1 · 与「人才」" in listed and "#2 · 与「统战」" in listed and "#3" not in listed, listed
    for typed in ("/digest 2", "/digest 4"):  # its number, then its id
        read = console.handle(typed)
        assert "统战" in read and "人才" not in read, (typed, read)
    # 3, 人才's id (no number of its own is 3); 统战 moves down from #2, and the reply says so
    assert (
        console.handle("/unsubscribe 3") == "已取消订阅 #1。\n其余订阅的编号变了：统战 现在是 #1（原 #2）。"
    )
    assert "#1 · 与「统战」" in console.handle("/subscriptions")


def test_follow_ups_after_a_digest_refer_to_its_last_list(console: ConsoleChat) -> None:
    """Issue 34: after /digest, `第2条` opened the second result of the search before it and `还有吗` said
    there was nothing to page through. The list the reader sees last (the digest's last subscription) is
    what they refer to."""
    console.handle("保交楼")
    console.handle("/subscribe 保交楼")
    console.handle("/subscribe 二七区")
    digest = console.handle("/digest")
    last_list = digest.rsplit("关键词：", 1)[1]
    second = re.search(r"^2\. (.+)$", last_list, re.MULTILINE)
    assert second is not None, digest
    assert console.handle("第2条").startswith(second.group(1)[:15])
    count = max(int(n) for n in re.findall(r"^(\d+)\. ", last_list, re.MULTILINE))
    assert console.handle(f"第{count + 1}篇") == f"刚才的摘要列了 {count} 篇，没有第 {count + 1} 篇。"
    assert console.handle("还有吗").startswith("摘要没有下一页")
    assert "自上次 /digest 以来没有新的文章" in console.handle("/digest")  # nothing listed: the list stays
    assert console.handle("第2条").startswith(second.group(1)[:15])


def test_more_after_a_digest_of_the_latest_stories_lists_the_ones_after_them(tmp_path: Path) -> None:
    """Issue 34: `还有吗` after a /digest sent before any subscription (the newest stories) said a digest has
    no next page and spoke of subscriptions the reader does not have. It lists the stories that follow,
    numbered on as /latest numbers them, and 第N条 opens the one under N."""
    stories = [
        (f"2020-01-{day:02d}", f"第{day}号新闻标题", [f"这是一月{day}日的新闻正文，内容第{day}段。"])
        for day in range(1, 15)
    ]
    stories_db(tmp_path, stories).close()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False, channel=Channel.CONSOLE)
    try:
        chat = ConsoleChat(services.conversation, Who(user_id=0, lang="zh", chat_id=CONSOLE_CHAT_ID))
        digest = chat.handle("/digest")
        assert "还没有订阅" in digest and "1. 第14号新闻标题" in digest and "10. 第5号新闻标题" in digest
        assert "第4号新闻标题" not in digest
        more = chat.handle("还有吗")
        assert "摘要" not in more and "订阅" not in more, more
        assert more.startswith("🆕 最新文章（第 2 页）")
        listed = re.findall(r"^(\d+)\. (第\d+号新闻标题)$", more, re.MULTILINE)
        assert listed == [
            ("11", "第4号新闻标题"),
            ("12", "第3号新闻标题"),
            ("13", "第2号新闻标题"),
            ("14", "第1号新闻标题"),
        ]
        assert chat.handle("第12条").startswith("第3号新闻标题")
        assert chat.handle("还有吗") == "没有更早的文章了。"
        again = chat.handle("/digest")  # the newest again
        assert "10. 第5号新闻标题" in again and "\n11. " not in again
        assert chat.handle("第3条").startswith("第12号新闻标题")
    finally:
        services.close()


def test_the_terminal_says_what_a_subscription_does_there(console: ConsoleChat) -> None:
    """The terminal confirmed "every day at 09:00", then noted that subscriptions are only delivered on
    time in Telegram, and /digest previewed a push that never comes: it says what a subscription does
    here (/digest lists its new stories), without times."""
    saved = console.handle("/subscribe 9:00 人才")
    assert saved.startswith(
        "已订阅 #1：与「人才」相关的新闻。这里不会定时推送：随时发 /digest 看它的新文章。"
    )
    assert "时间 9:00 在这里不起作用" in saved
    assert not [w for w in ("Telegram", "每天", "下一次推送", "/feed/") if w in saved], saved
    assert console.handle("/subscribe 人才").startswith("你已经订阅了与「人才」相关的新闻（#1）。")
    listed = console.handle("/subscriptions")
    assert "#1 · 与「人才」相关的新闻" in listed and "每天" not in listed and "时区" not in listed
    first = console.handle("/digest")
    assert re.search(r"共 \d+ 篇新文章", first) and "预览" not in first and "下一份摘要" not in first
    assert "自上次 /digest 以来没有新的文章。" in console.handle("/digest")  # nothing listed twice
    assert "/digest 随时列出订阅的新文章" in console.handle("/help")


def test_at_before_the_time_of_a_subscription_is_no_keyword(console: ConsoleChat) -> None:
    """Issue 34 (QA pass 43): `/subscribe 保交楼 at 8:00`, as the README's newcomer typed it, subscribed to
    news about 「保交楼、at」; `at` only says the time follows."""
    saved = console.handle("/subscribe 保交楼 at 8:00")
    assert saved.startswith("已订阅 #1：与「保交楼」相关的新闻。"), saved
    assert "时间 8:00 在这里不起作用" in saved
    assert "#1 · 与「保交楼」相关的新闻" in console.handle("/subscriptions")


def test_the_terminal_takes_the_keywords_of_a_subscription_with_a_bad_time(tmp_path: Path) -> None:
    """Piped into `newsbot chat`, `/subscribe 25:00 人才` was refused as a bad time, its examples showing
    times, though a time does nothing in the terminal: the keywords are subscribed and the time is noted
    as not used; /lang's reply and /help's line speak of replies, not of a daily digest."""
    done = _chat_through_a_pipe(tmp_path, "/subscribe 25:00 人才\n/subscriptions\n/lang zh\n/help\n")
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    out = done.stdout
    assert "已订阅 #1：与「人才」相关的新闻。" in out and "时间 25:00 在这里不起作用：订阅只看关键词。" in out
    assert "#1 · 与「人才」相关的新闻" in out and "不是有效的时间" not in out
    assert "好的，以后用中文回复。" in out
    assert "/lang [zh|en] — 选择回复的语言" in out and "每日摘要" not in out, out


def test_the_terminal_gives_the_private_address_where_the_web_page_serves_it(tmp_path: Path) -> None:
    """With NEWSBOT_WEB_PUBLIC_URL set, the terminal gives each subscription's private address, as the web
    page does, and `newsbot web` over the same database serves it."""
    public = "https://news.example.org"
    done = _chat_through_a_pipe(
        tmp_path, "/subscribe 人才\n/subscriptions\n/digest\n", NEWSBOT_WEB_PUBLIC_URL=public + "/"
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    out = done.stdout
    (url,) = set(re.findall(public + r"/feed/[A-Za-z0-9_-]+", out))
    subscribed = out[: out.index("你的订阅：")]
    assert (
        "已订阅 #1" in subscribed and "私人地址" in subscribed and "RSS" in subscribed and url in subscribed
    )
    assert f"#1 {url}" in out  # /subscriptions
    assert f"订阅 #1 的摘要随时在这个私人地址（请勿分享，/unsubscribe 后失效）：\n{url}" in out  # /digest
    with web_server(tmp_path / "data" / "newsbot.db", web_public_url=public) as run:
        feed = httpx.get(run.base_url + url.removeprefix(public), timeout=30)
    assert feed.status_code == 200 and feed.content.startswith(b"<?xml")
    assert b"<entry>" in feed.content and public.encode() in feed.content


def test_without_an_address_the_terminal_gives_none(tmp_path: Path) -> None:
    done = _chat_through_a_pipe(tmp_path, "/subscribe 人才\n/subscriptions\n/digest\n")
    assert done.returncode == 0, done.stderr
    assert "/feed/" not in done.stdout and "私人地址" not in done.stdout and "Telegram" not in done.stdout
    assert "随时发 /digest 看它的新文章" in done.stdout


def test_a_number_too_large_to_be_an_id_is_no_such_article_or_subscription(console: ConsoleChat) -> None:
    """/article 99999999999999999999 was told "not an article number, please write digits" (it is
    digits), and /digest and /unsubscribe with it "I don't understand"."""
    big = "9" * 23
    assert console.handle(f"/article {big}").startswith(f"没有编号为 {big} 的文章")
    assert console.handle(f"/article ＃{big}").startswith(f"没有编号为 {big} 的文章")
    assert "请写数字" in console.handle("/article abc")
    assert console.handle(f"/digest {big}").startswith(f"没有找到编号为 {big} 的订阅")
    assert console.handle(f"/unsubscribe {big}").startswith(f"没有找到编号为 {big} 的订阅")
    assert console.handle("/digest abc").startswith("看不懂「abc」")
    assert not console.handle("/digest ALL").startswith("看不懂")  # QA pass 31: every subscription


def test_digest_in_an_empty_archive_says_there_are_no_articles_yet(tmp_path: Path) -> None:
    """QA pass 7: /digest without subscriptions in an empty archive said "here are the latest articles:"
    and then "no new articles today", as if there were older ones."""
    (tmp_path / "empty").mkdir()
    settings = Settings(_env_file=None, db=tmp_path / "e.db", seeds=tmp_path / "empty")  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False)
    try:
        chat = ConsoleChat(services.conversation, Who(user_id=0, lang="zh", chat_id=CONSOLE_CHAT_ID))
        said = chat.handle("/digest")
        assert "还没有订阅，也还没有收录任何文章。" in said
        assert "先看看最新的文章" not in said and "今天没有新的文章" not in said
    finally:
        services.close()


def test_a_bom_before_the_first_piped_command_leaves_it_a_command(console: ConsoleChat) -> None:
    """QA pass 7: a file of messages saved by a Windows editor starts with a BOM; piped in, its first line
    \\ufeff/lang zh was searched as words (没有文章包含「/lang zh」里的任何一个词)."""
    assert console.handle("\ufeff/article 3").startswith("二七区委统战工作暨全区宗教工作会议召开")
    assert console.handle("\u200b/lang zh").startswith("好的，以后用中文回复")


def test_a_follow_up_through_the_pipe_is_read_with_the_question_before(tmp_path: Path) -> None:
    done = _chat_through_a_pipe(tmp_path, "那个会后来咋样了\n谁主持了统战工作会议\n它是哪天开的\n")
    assert done.returncode == 0, done.stderr
    first, _, rest = done.stdout.partition("谁主持了统战工作会议")
    assert "你问的是哪件事" in first and "没有找到" not in first  # nothing asked before it
    follow_up = rest[rest.index("接着上一条：统战工作会议") :]
    assert "二七区委统战工作暨全区宗教工作会议召开" in follow_up and "没有找到" not in follow_up
    assert "「它是哪天开的」" in rest and "统战工作 会议 是哪天开的" not in rest  # the header: what was typed


def test_the_chat_s_clock_is_set_with_now(tmp_path: Path) -> None:
    """QA pass 24: `newsbot chat` had no way to set its clock (昨天 and /timezone read the real one)."""
    settings = Settings(_env_file=None, db=tmp_path / "clock.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    start = chat_clock_start("2023-04-05T09:30")
    run_console(settings, stdin=io.StringIO("现在几点\n昨天有什么新闻\n/timezone\n"), stdout=out, now=start)
    said = out.getvalue()
    assert "现在是 2023年4月5日 星期三 09:3" in said  # the clock runs on from the time given
    assert (
        "「昨天有什么新闻」共 3 篇" in said and said.count("2023-04-04 · ") == 3
    )  # 昨天 is that clock's 4月4日
    assert "当前时区：Asia/Shanghai（现在是 2023-04-05 09:3" in said  # /timezone reads the same clock


def test_a_digest_at_the_chat_s_clock_lists_no_story_dated_after_it(tmp_path: Path) -> None:
    """Issue 34: `newsbot chat --now 2020-01-10` then /digest listed the archive's newest stories, dated
    after that clock. /digest without subscriptions, /latest, 还有吗 and a subscription's /digest list
    none dated after the clock's day."""
    stories = [
        (f"2020-01-{day:02d}", f"第{day}号新闻标题", [f"这是一月{day}日的新闻正文，内容第{day}段。"])
        for day in range(1, 15)
    ]
    stories_db(tmp_path, stories).close()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    out = io.StringIO()
    lines = "/digest\n还有吗\n/latest\n/subscribe 新闻\n/digest\n"
    run_console(settings, stdin=io.StringIO(lines), stdout=out, now=chat_clock_start("2020-01-10T09:00"))
    said = out.getvalue()
    assert "1. 第10号新闻标题" in said and "第1号新闻标题" in said
    assert not re.findall(r"第1[1-4]号新闻标题", said), said


def test_a_time_now_cannot_read_is_refused_with_an_example() -> None:
    assert chat_clock_start("2020-03-01").isoformat() == "2020-03-01T00:00:00+08:00"
    assert chat_clock_start("2020-03-01T12:00+00:00").utcoffset() == timedelta(0)
    result = CliRunner().invoke(main, ["chat", "--now", "昨天"])
    assert result.exit_code == 2 and "「昨天」不是日期时间，例如 2020-03-01T12:00" in result.output


def test_a_day_in_the_future_asked_for_is_answered_in_one_line(tmp_path: Path) -> None:
    """QA pass 29: 明天有什么新闻 was searched as a keyword and its answer quoted 「中国的明天…」; a day or
    period after today asked for alone gets one line saying its news is not there yet, in the reader's
    language. Today is 2023-04-03 here, so the archive's 4月4日 stories are 明天's: none is shown."""
    settings = Settings(_env_file=None, db=tmp_path / "future.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    lines = "明天有什么新闻\n后天的新闻\n下周有什么新闻\n中国的明天\n"
    run_console(settings, stdin=io.StringIO(lines), stdout=out, now=chat_clock_start("2023-04-03T09:30"))
    said = out.getvalue()
    for when in ("明天", "后天", "下周"):
        assert f"「{when}」还没到，还没有那天的新闻；可以问今天或过去的新闻，例如：昨天有什么新闻" in said
    assert "2023-04-04 · " not in said.split("中国的明天")[0]  # no story listed for the future days
    assert "「中国的明天」" in said  # a keyword naming no day is searched as before
    services = open_services(settings)
    try:
        english = Who(user_id=7, lang="en", chat_id=7)
        (reply,) = services.conversation.text("tomorrow's news", english)
        assert reply.text == (
            "“tomorrow” has not come yet, so there is no news from it; ask for today's or an earlier day's "
            "news, e.g. yesterday's news."
        )
    finally:
        services.close()


def _chat_while_the_database_is_busy(tmp_path: Path, **streams: Any) -> bytes:
    """`newsbot chat` as a process answering `保交楼` while another connection holds the write lock (the
    chat's topic, its query and its language then cannot be kept: each logs a warning)."""
    db_path = make_database(tmp_path / "busy.db", tmp_path / "files")
    other = sqlite3.connect(str(db_path), isolation_level=None)
    other.execute("BEGIN IMMEDIATE")
    try:
        done = subprocess.run(
            [sys.executable, "-m", "bot", "chat"],
            input="保交楼\n".encode(),
            cwd=tmp_path,
            env=clean_env(NEWSBOT_DB=str(db_path), NEWSBOT_SEEDS=str(SEEDS), HOME=str(tmp_path)),
            timeout=120,
            **streams,
        )
    finally:
        other.execute("ROLLBACK")
        other.close()
    assert done.returncode == 0
    return done.stderr or b""


def test_log_lines_stay_off_the_screen_the_replies_are_on(tmp_path: Path) -> None:
    """QA pass 31 (issue 33): with the database busy, `newsbot chat` in a terminal printed
    `WARNING bot.chat.state: chat topic not kept: database busy` among its replies. When the replies and
    stderr are one screen (both terminals), the log lines go to ~/.newsbot_chat.log."""
    leader, follower = pty.openpty()
    try:
        _chat_while_the_database_is_busy(tmp_path, stdout=follower, stderr=follower)
        os.close(follower)
        screen = b""
        while chunk := _read_or_nothing(leader):
            screen += chunk
    finally:
        os.close(leader)
    shown = screen.decode()
    assert "「保交楼」共" in shown and "【保交楼】" in shown
    assert "WARNING" not in shown and "database busy" not in shown
    logged = (tmp_path / ".newsbot_chat.log").read_text(encoding="utf-8")
    assert "WARNING bot.chat.state: chat topic not kept: database busy" in logged


def test_log_lines_go_to_stderr_when_it_is_not_the_replies_screen(tmp_path: Path) -> None:
    """Piped or redirected (`2> chat.log`, a script reading stdout), stderr keeps the log lines."""
    stderr = _chat_while_the_database_is_busy(tmp_path, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    assert "chat topic not kept: database busy" in stderr.decode()
    assert not (tmp_path / ".newsbot_chat.log").exists()


def _read_or_nothing(fd: int) -> bytes:
    """What a pseudo-terminal's leader side holds; b"" once its follower side is closed (EIO on Linux)."""
    try:
        return os.read(fd, 65536)
    except OSError:
        return b""


def test_a_number_before_any_buttons_says_there_is_nothing_to_open(tmp_path: Path) -> None:
    """QA pass 31 (issue 33): `1` typed before any reply with buttons was searched (every story holding a
    1). It says there is nothing to open yet and what to type; after a list it presses that button."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, stdin=io.StringIO("1\n你好\n1\n保交楼\n1\n"), stdout=out)
    first, _, second, _, keyboard, opened = out.getvalue().split(f"\n{RULE}\n")[:6]
    assert (
        first == second == "还没有可以打开的结果。先发关键词或问题，再发「第2篇」打开其中一篇，例如：保交楼"
    )
    assert keyboard.endswith("[1] 📖 1") and opened.startswith("区人大常委会 调研老旧小区改造工作")


@pytest.fixture
def console_with_extras(tmp_path: Path) -> Any:
    """A console conversation on the seed page and the tests' extra articles (`make_database`)."""
    db_path = make_database(tmp_path / "extras.db", tmp_path / "files")
    settings = Settings(_env_file=None, db=db_path, seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False, channel=Channel.CONSOLE)
    try:
        yield ConsoleChat(
            services.conversation, Who(user_id=0, lang="zh", is_admin=True, chat_id=CONSOLE_CHAT_ID)
        )
    finally:
        services.close()


@pytest.mark.parametrize(
    "message",
    [
        ("保交楼进展如何，" + "进展如何，" * 800)[:4000],
        ("保交楼进展如何，" * 500)[:4000],
        ("保交楼进展如何？" + "进展如何？" * 800)[:4000],
    ],
)
def test_a_long_message_repeating_its_question_is_searched_with_its_topic(
    console_with_extras: ConsoleChat, message: str
) -> None:
    """Issue 34: a 4,000-character message repeating `进展如何` after 保交楼 was searched without 保交楼: its
    first 200 characters ended inside a clause (…进展), so the status question was not read as one, and 进展,
    held by one story of the archive, ranked that story above the 保交楼 ones. The message is cut at the end
    of its last whole clause within the limit, and a status question repeated clause after clause is read as
    the one it ends with: 保交楼 is searched, the newest story first."""
    lines = console_with_extras.handle(message).splitlines()
    head = message[:200]
    read = max(head.rfind("，"), head.rfind("？")) + 1  # up to its last whole clause, and the reply says so
    assert lines[1] == f"（查询太长，只用了前 {read} 个字）", lines[:4]
    assert not any(line.startswith("没有文章包含全部词语") for line in lines), lines[:4]
    results = [line for line in lines if re.match(r"\d+\. ", line)]
    snippets = [line for line in lines if line.startswith("…")]
    assert results and all("【保交楼】" in s for s in snippets), lines


def test_a_long_message_of_several_topics_says_in_one_line_what_was_searched(
    console_with_extras: ConsoleChat,
) -> None:
    """A 2,000-character message of several questions is searched with its first clauses: the header is one
    line, the cut is said once, and what was left out is named in one line."""
    clauses = [
        "保交楼进展如何，",
        "二七区复工复产情况怎样，",
        "统战工作会议谁主持的，",
        "教育减负有什么新政策，",
    ]
    lines = console_with_extras.handle(("".join(clauses) * 60)[:2000]).splitlines()
    assert lines[0].startswith("🔎 「保交楼进展如何，二七区复工复产情况怎样，") and lines[0].endswith("页")
    assert lines[1] == "（查询太长，只用了前 199 个字）"  # four whole rounds of 42 and three clauses more
    assert sum(line.startswith("没有文章包含全部词语") for line in lines) <= 1
    assert sum(line.startswith("🔎") for line in lines) == 1
