"""/lang: a chat chooses the language of its replies and digests, before the detected one (Telegram's
language_code, the browser's Accept-Language, the message's script on WeChat, `newsbot chat --lang`).

Real components throughout: the real Application against the Bot API emulator (on SQLite and PostgreSQL),
a real local HTTP server taking WeChat's XML POSTs and the web page's JSON, a real SQLite file."""

from __future__ import annotations

import io
from datetime import datetime
from pathlib import Path
from typing import Any
from zoneinfo import ZoneInfo

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.command_line import language_words
from bot.chat.exchange import Who
from bot.chat.intents import chinese_sentence, has_letters, message_language, written_in_chinese
from bot.chat.replies import PLAIN
from bot.console import CONSOLE_CHAT_ID, run_console
from bot.digests.records import parse_language
from bot.services import open_services
from bot.settings import Settings
from bot.telegram.digest_job import SENT
from bot.web.http import reads_chinese
from storage.database.connection import open_db
from storage.records import subscriptions as subs
from storage.records.readers import WECHAT, reader_chat
from tests.bot_support import SEEDS, bot_settings_on, copy_database, make_database
from tests.telegram_emulator import TelegramEmulator
from tests.test_digest_e2e import Clock, db_of, runner, running, say
from tests.web_support import WebRun, web_server, wechat_other, wechat_query, wechat_text

SH = ZoneInfo("Asia/Shanghai")


@pytest.mark.parametrize(
    ("typed", "code"),
    [
        ("en", "en"),
        ("EN", "en"),
        ("English", "en"),
        ("英文", "en"),
        ("英语", "en"),
        ("ｅｎ", "en"),
        ("zh", "zh"),
        ("zh-CN", "zh"),
        ("zh_cn", "zh"),
        ("Chinese", "zh"),
        ("中文", "zh"),
        ("汉语", "zh"),
        # QA pass 7: a reader in Taiwan or Hong Kong asking for Chinese was refused
        ("zh-TW", "zh"),
        ("zh_HK", "zh"),
        ("繁體", "zh"),
        ("繁體中文", "zh"),
        ("國語", "zh"),
        ("auto", "auto"),
        ("自动", "auto"),
        ("默认", "auto"),
        ("fr", None),
        ("klingon", None),
        ("", None),
        ("en zh", None),
    ],
)
def test_the_language_as_readers_write_it(typed: str, code: str | None) -> None:
    assert parse_language(typed) == code


# ---- Telegram ------------------------------------------------------------------------------------------


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, tmp_path: Path, database_target: str) -> Settings:
    return bot_settings_on(telegram_emulator, database_target, tmp_path)


async def test_telegram_readers_choose_against_their_clients_language(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    clock = Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))
    async with running(settings, clock) as app:
        # An English client: English until the chat chooses Chinese.
        assert (await say(emu, "/lang", 1001, lang="en")).text.startswith("Language: English.")
        assert (await say(emu, "/help", 1001, lang="en")).text.startswith("newsbot commands:")
        chosen = await say(emu, "/lang 中文", 1001, lang="en")
        assert chosen.text.startswith("好的，以后用中文回复")
        assert (await say(emu, "/lang", 1001, lang="en")).text.startswith("当前语言：中文。")
        assert (await say(emu, "/help", 1001, lang="en")).text.startswith("newsbot 可用命令：")
        assert "「保交楼」共 1 篇" in (await say(emu, "保交楼", 1001, lang="en")).text
        assert "已订阅" in (await say(emu, "/subscribe 8:00", 1001, lang="en")).text
        photo = emu.push_message("", user=emu.user(1001, language_code="en"), media="photo")
        (line,) = await emu.wait_for_messages(1001, 1, after=photo["message"]["message_id"])
        assert (
            line.text == "请告诉我要找什么，例如：保交楼"
        )  # a photo without a caption, in the chosen language
        bad = await say(emu, "/lang klingon", 1001, lang="en")
        assert (
            bad.text
            == "不认识语言「klingon」。可以选 /lang zh（中文）、/lang en（English）或 /lang auto（跟随设备）"
        )

        # A Chinese client chooses English.
        assert (await say(emu, "/lang English", 1002)).text.startswith("OK, replies and digests will be")
        assert "Subscribed" in (await say(emu, "/subscribe 8:00", 1002)).text
        assert "Your subscriptions" in (await say(emu, "/subscriptions", 1002)).text
        assert (await say(emu, "/lang 英文", 1002)).text.startswith("OK,")

        db = db_of(app)
        assert subs.get_chat(db, 1001).chosen_language == "zh"  # type: ignore[union-attr]
        assert subs.get_chat(db, 1002).chosen_language == "en"  # type: ignore[union-attr]

        # The digests, sent later, follow the chosen languages.
        clock.set(2023, 4, 13, 8, 0, 20)
        report = await runner(app).run_due(app.bot)
        assert report is not None and set(report.outcomes.values()) == {SENT}
        assert "新闻摘要 · 2023-04-13" in emu.messages(1001)[-1].text
        assert "News digest · 2023-04-13" in emu.messages(1002)[-1].text

        # /lang auto forgets the choice: the English client is answered in English again.
        back = await say(emu, "/lang auto", 1001, lang="en")
        assert back.text == "OK, replies will follow the language of your device or your messages again."
        assert (await say(emu, "/help", 1001, lang="en")).text.startswith("newsbot commands:")
        assert subs.get_chat(db, 1001).chosen_language is None  # type: ignore[union-attr]


async def test_a_telegram_reader_who_writes_english_gets_english_for_a_bare_command(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA: the language of a message without letters (/help, ？？？) is the one the chat's earlier
    messages were answered in, before the client's; the rule WeChat and the web page follow too."""
    emu = telegram_emulator
    async with running(settings, Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))):
        assert "Nothing found" in (await say(emu, "typhoon", 1003)).text  # a Chinese client writes English
        assert (await say(emu, "/help", 1003)).text.startswith("newsbot commands:")
        # The subscription commands (handled apart on Telegram) follow the same rule.
        assert (await say(emu, "/subscriptions", 1003)).text.startswith("No subscriptions yet.")
        assert "Timezone set to Asia/Tokyo" in (await say(emu, "/timezone Asia/Tokyo", 1003)).text
        assert "「保交楼」共 1 篇" in (await say(emu, "保交楼", 1003)).text  # Chinese letters: the client's
        assert (await say(emu, "/help", 1003)).text.startswith("newsbot 可用命令：")


async def test_a_chinese_reader_whose_client_names_english_gets_chinese_for_chinese_sentences(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """Issue 34: a Chinese reader whose Telegram is set to English was answered in English whatever they
    wrote. A Chinese sentence or question is answered in Chinese, and the chat's Chinese keywords after it
    too; an English reader's Chinese keywords (as the English help asks) keep English."""
    emu = telegram_emulator
    async with running(settings, Clock(datetime(2023, 4, 13, 7, 0, tzinfo=SH))):
        assert "💡 答案：" in (await say(emu, "谁主持了统战工作会议？", 1004, lang="en")).text
        assert "「保交楼」共 1 篇" in (await say(emu, "保交楼", 1004, lang="en")).text
        assert (await say(emu, "/help", 1004, lang="en")).text.startswith("newsbot 可用命令：")
        # An English reader searching with a Chinese keyword.
        assert "“保交楼”: 1 found" in (await say(emu, "保交楼", 1005, lang="en")).text
        assert (await say(emu, "/help", 1005, lang="en")).text.startswith("newsbot commands:")


# ---- WeChat and the web page ---------------------------------------------------------------------------


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("lang-template")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Any:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def wechat(run: WebRun, openid: str, content: str, msg_id: int) -> str:
    return post_wechat(run, wechat_text(openid, content, msg_id))


def post_wechat(run: WebRun, body: bytes) -> str:
    response = httpx.post(
        f"{run.base_url}/wechat",
        params=wechat_query(),
        content=body,
        headers={"content-type": "text/xml"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return {child.tag: child.text or "" for child in fromstring(response.content)}["Content"]


def test_a_wechat_reader_can_choose_english_and_back(web: WebRun) -> None:
    assert wechat(web, "oLang", "/lang", 1).startswith("当前语言：中文。")
    # Nothing is pushed in WeChat: the choice is of the replies (/digest's among them), no daily digest.
    assert wechat(web, "oLang", "/lang en", 2).startswith("OK, replies will be in English")
    assert wechat(web, "oLang", "/help", 3).startswith("newsbot commands:")
    assert wechat(web, "oLang", "你好", 4).startswith("Hello! I am newsbot")  # a Chinese greeting
    found = wechat(web, "oLang", "保交楼", 6)
    assert "保交楼项目第8批交付" in found and "共 1 篇" not in found
    assert wechat(web, "oLang", "/subscriptions", 7).startswith("No subscriptions yet.")
    assert wechat(web, "oLang", "/lang xx", 8).startswith("Unknown language \u201cxx\u201d.")
    assert post_wechat(web, wechat_other("oLang", "image")).startswith("I read text only")
    other = wechat_other("oNew", "image").replace(b"<MsgId>77<", b"<MsgId>78<")  # each message its own id
    assert post_wechat(web, other).startswith("目前只能读文字")
    chat_id = web.services.database.read(reader_chat, WECHAT, "oLang")
    chat = web.services.database.read(subs.get_chat, chat_id)
    assert chat is not None and chat.chosen_language == "en"
    assert wechat(web, "oLang", "/lang 中文", 9).startswith("好的，以后用中文回复")
    assert wechat(web, "oLang", "/help", 10).startswith("newsbot 可用命令：")
    assert wechat(web, "oOther", "/help", 11).startswith("newsbot 可用命令：")  # nobody else's choice


def test_a_wechat_follower_who_writes_english_gets_english_for_a_bare_command(web: WebRun) -> None:
    """QA: /help from a follower who had written English was answered in Chinese (WeChat tells no
    language, and none was kept): the language their messages were answered in now holds for a message
    without letters, until they write Chinese; a timezone's Latin letters change nothing."""
    assert "Nothing found" in wechat(web, "oEn", "typhoon", 1)
    assert wechat(web, "oEn", "/help", 2).startswith("newsbot commands:")
    assert wechat(web, "oEn", "？？？", 3).startswith("Tell me what to look for")
    assert "Asia/Tokyo" in wechat(web, "oEn", "/timezone Asia/Tokyo", 4)
    assert wechat(web, "oEn", "/help", 5).startswith("newsbot commands:")
    assert "保交楼" in wechat(web, "oEn", "保交楼", 6)
    assert wechat(web, "oEn", "/help", 7).startswith("newsbot 可用命令：")
    assert wechat(web, "oNew", "/help", 8).startswith("newsbot 可用命令：")  # nothing known: Chinese


def test_a_web_reader_who_writes_english_gets_english_for_a_bare_command(web: WebRun) -> None:
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "zh-CN"}, timeout=30) as c:

        def say_web(line: str) -> str:
            response = c.post("/api/message", json={"text": line})
            assert response.status_code == 200, response.text
            return "\n".join(str(r["text"]) for r in response.json()["replies"])

        assert say_web("/help").startswith("newsbot 可用命令：")
        assert "Nothing found" in say_web("typhoon")
        assert say_web("/help").startswith("newsbot commands:")


def test_a_web_reader_chooses_against_the_browsers_language(web: WebRun) -> None:
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "zh-CN"}, timeout=30) as c:

        def say_web(line: str) -> str:
            response = c.post("/api/message", json={"text": line})
            assert response.status_code == 200, response.text
            return "\n".join(str(r["text"]) for r in response.json()["replies"])

        assert '<html lang="zh-CN">' in c.get("/").text
        assert "当前语言：中文" in say_web("/lang")
        assert "OK, replies will be in English" in say_web("/lang en")
        assert "newsbot commands:" in say_web("/help")
        assert "newsbot 可用命令：" not in say_web("/help")
        # The page and the article pages follow the session's choice too.
        assert '<html lang="en">' in c.get("/").text and '<html lang="en">' in c.get("/article/1").text
    # Another browser (no session) still gets the page in its own language.
    assert '<html lang="zh-CN">' in httpx.get(f"{web.base_url}/", headers={"accept-language": "zh"}).text


def test_a_web_reader_whose_browser_names_chinese_too_who_writes_chinese_gets_chinese(web: WebRun) -> None:
    """QA pass 31 (issue 33): a Chinese message from a browser preferring English was answered in English.
    A browser that names Chinese among its languages tells Chinese for a message written in Chinese; one
    naming English only keeps English (an English reader searches with Chinese words, as the English help
    asks). Then the one rule of `Conversation.in_chat_language`, as in Telegram."""

    def session(accept: str) -> Any:
        c = httpx.Client(base_url=web.base_url, headers={"accept-language": accept}, timeout=30)

        def say_web(line: str) -> str:
            response = c.post("/api/message", json={"text": line})
            assert response.status_code == 200, response.text
            return "\n".join(str(r["text"]) for r in response.json()["replies"])

        return c, say_web

    both, say_both = session("en-US,en;q=0.9,zh-CN;q=0.8")
    with both:
        assert '<html lang="en">' in both.get("/").text  # the page: the browser's first language
        assert say_both("/help").startswith("newsbot commands:")  # nothing written yet: the browser's
        assert "「保交楼」共" in say_both("保交楼")
        assert "💡 答案：" in say_both("谁主持了统战工作会议？")
        assert say_both("/help").startswith("newsbot 可用命令：")  # the language it was answered in
        assert "已订阅" in say_both("/subscribe 人才")
        assert "Nothing found" in say_both("typhoon")
        assert "“who is 樊惠林”" in say_both("who is 樊惠林")  # English words: the browser's first
    english, say_english = session("en-US,en;q=0.9")
    with english:
        assert "“保交楼”: 10 found" in say_english("保交楼")
        assert "Subscribed" in say_english("/subscribe 人才")
    # Issue 34: a Chinese reader whose browser names English only, writing a Chinese question.
    chinese, say_chinese = session("en-US,en;q=0.9")
    with chinese:
        assert "💡 答案：" in say_chinese("谁主持了统战工作会议？")
        # the buttons' names a screen reader says follow the replies' language, not the browser's
        replies = chinese.post("/api/message", json={"text": "保交楼"}).json()["replies"]
        names = [b.get("name") for r in replies for row in r["buttons"] for b in row]
        assert "阅读第 1 篇全文" in names and "下一页" in names, names
        pressed = chinese.post("/api/press", json={"data": replies[-1]["buttons"][-1][-1]["data"]}).json()
        names = [b.get("name") for row in pressed["edit"]["buttons"] for b in row]
        assert "上一页" in names and not any("page" in (n or "").lower() for n in names), names
        assert "「保交楼」共" in say_chinese("保交楼")  # the chat was answered in Chinese
        assert say_chinese("/help").startswith("newsbot 可用命令：")


@pytest.mark.parametrize(
    ("message", "sentence"),
    [
        ("谁主持了统战工作会议？", True),
        ("统战工作会议是谁主持的", True),  # a question without its mark
        ("我想看看最近的台风新闻", True),
        ("今天有新闻吗", True),
        ("台风来了。", True),
        ("保交楼，进展", False),  # a comma parts keywords
        ("保交楼", False),
        ("疫情", False),
        ("人才电梯", False),
        ("昨天郑州", False),
        ("NBA 总决赛", False),
        ("who is 樊惠林", False),  # English words: not written in Chinese
        ("typhoon", False),
        ("还有吗", False),  # the phrases the English replies teach name no language
        ("第2篇", False),
        ("确认", False),
    ],
)
def test_what_is_a_chinese_sentence(message: str, sentence: bool) -> None:
    assert chinese_sentence(message) == sentence
    assert message_language(message, detected="en", known=None) == ("zh" if sentence else "en")


@pytest.mark.parametrize(
    ("message", "written"),
    [
        ("保交楼", True),
        ("谁主持了统战工作会议？", True),
        ("NBA 总决赛", True),  # an acronym tells no language
        ("x 保交楼", True),
        ("<b>阅兵</b>", True),
        ("GDP增长", True),
        ("<script>alert(1)</script>保交楼", True),  # a script element is code, in no language
        ("javascript:alert(1) 保交楼", True),  # a script address is code too
        ("who is 樊惠林", False),  # English words beside a Chinese name
        ("保交楼 news", False),
        ("Привет", False),
        ("typhoon", False),
        ("？？？", False),
    ],
)
def test_what_is_written_in_chinese(message: str, written: bool) -> None:
    assert written_in_chinese(message) == written


@pytest.mark.parametrize(
    ("header", "reads"),
    [
        ("zh-CN", True),
        ("en-US,en;q=0.9,zh-CN;q=0.8", True),
        ("en-US,en;q=0.9", False),
        ("en-US,zh;q=0", False),  # q=0: not acceptable
        ("fr-FR", True),  # neither named: Chinese, as for no header
        (None, True),
    ],
)
def test_a_browser_reads_chinese_when_it_names_it(header: str | None, reads: bool) -> None:
    assert reads_chinese(header) == reads


def test_a_pasted_script_element_tells_no_language(web: WebRun) -> None:
    """Issue 33 (a reader's pass): `<script>alert(1)</script>` from a Chinese reader was answered in
    English (alert is an English word) and turned the chat English: the web page's and a WeChat
    follower's next /help came in English. A script or style element is code, in no language."""
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "zh-CN"}, timeout=30) as c:

        def say_web(line: str) -> str:
            response = c.post("/api/message", json={"text": line})
            assert response.status_code == 200, response.text
            return "\n".join(str(r["text"]) for r in response.json()["replies"])

        assert say_web("<script>alert(1)</script>").startswith(
            "没有找到与「<script>alert(1)</script>」相关的文章"
        )
        assert say_web("/help").startswith("newsbot 可用命令：")
    assert wechat(web, "oScript", "<style>p{color:red}</style>", 1).startswith("没有文章包含")
    assert wechat(web, "oScript", "/help", 2).startswith("newsbot 可用命令：")


def test_a_pasted_script_address_tells_no_language(web: WebRun) -> None:
    """Issue 34: `javascript:alert(1)` from a Chinese reader was read as English words (a script address
    is no link) and answered in English, and the chat's next /help came in English. It is code, in no
    language, as a script element is."""
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "zh-CN"}, timeout=30) as c:

        def say_web(line: str) -> str:
            response = c.post("/api/message", json={"text": line})
            assert response.status_code == 200, response.text
            return "\n".join(str(r["text"]) for r in response.json()["replies"])

        first = say_web("javascript:alert(1)")
        assert "Nothing found" not in first and "没有" in first, first
        assert say_web("/help").startswith("newsbot 可用命令：")
    assert "没有" in wechat(web, "oScriptLink", "JavaScript:alert(document.cookie)", 1)
    assert wechat(web, "oScriptLink", "/help", 2).startswith("newsbot 可用命令：")


# ---- newsbot chat ----------------------------------------------------------------------------------------


def test_the_console_keeps_its_choice_over_lang(tmp_path: Path) -> None:
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    first = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("/lang en\n/help\n"), stdout=first)
    out = first.getvalue()
    assert "OK, replies will be in English" in out and "newsbot commands:" in out

    # The next session, started with the default --lang zh, keeps the chat's choice (a real SQLite file).
    again = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("/help\n/lang\n"), stdout=again)
    assert "newsbot commands:" in again.getvalue() and "Language: English." in again.getvalue()
    db = open_db(tmp_path / "c.db")
    assert subs.get_chat(db, CONSOLE_CHAT_ID).chosen_language == "en"  # type: ignore[union-attr]
    db.close()


def test_lang_auto_in_the_console_goes_back_to_the_language_it_was_started_with(tmp_path: Path) -> None:
    """/lang en then /lang auto: the confirmation and what follows are in the console's --lang (zh), and
    the language stored as detected is still zh (the chosen one never overwrote it)."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    stdin = io.StringIO("/lang en\n/subscribe 8:00 保交楼\n/lang auto\n/help\n")
    run_console(settings, lang="zh", stdin=stdin, stdout=out)
    text = out.getvalue()
    assert "Subscribed" in text  # /subscribe answered in the chosen English
    assert "好的，以后跟随你的设备或消息的语言回复。" in text
    assert "newsbot 可用命令：" in text
    db = open_db(tmp_path / "c.db")
    chat = subs.get_chat(db, CONSOLE_CHAT_ID)
    assert chat is not None and chat.chosen_language is None and chat.language == "zh"
    db.close()


@pytest.mark.parametrize(
    ("message", "expected", "tells"),
    [
        ("typhoon news", "en", True),
        ("Ｈｅｌｌｏ", "en", True),  # full-width letters are English letters
        ("保交楼", "zh", True),  # Chinese letters: the language the reader came with
        ("who is 樊惠林", "en", True),  # QA pass 48: English words beside a name: the chat's language
        ("华为 Mate 60", "en", True),
        ("？？？", "en", False),  # no letters: the chat's known language
        ("😀", "en", False),
        ("&amp;", "en", False),  # a character reference is the character it stands for
        ("<br/>", "en", False),  # a markup tag is no word
        ("8:00pm", "en", False),  # letters on a number are part of it
        ("https://example.com/news", "en", False),  # a link's letters are no language
        ("GDP", "en", False),  # an acronym is typed in Latin letters in any language
        ("iPhone", "en", False),  # so is a brand name
        ("NBA 总决赛", "zh", True),
        ("GDP growth", "en", True),  # a word in small letters is English
        ("ok", "en", False),  # QA pass 7: Chinese readers type ok as much as English ones
        ("Okay", "en", False),
        ("ok thanks", "en", True),
        ("x", "en", False),  # QA pass 24: a stray Latin letter is no English word
        ("<b>x</b>", "en", False),  # nor is what is left of markup
        ("x y z", "en", False),
        ("x 保交楼", "zh", True),
        ("yinlian", "en", False),  # pinyin typed with the input method off is no English
        ("yin lian", "en", False),
        ("yinlian news", "en", True),  # an English word beside it is
        ("like", "en", True),  # a common English word that spells pinyin stays English
    ],
)
def test_one_rule_for_the_language_of_a_reply(message: str, expected: str, tells: bool) -> None:
    """QA: `message_language` for a Chinese client whose chat was last answered in English; a message
    without letters from a chat newsbot knows nothing of is answered in the client's language."""
    assert message_language(message, detected="zh", known="en") == expected
    assert has_letters(message) == tells
    if not tells:
        assert message_language(message, detected="zh", known=None) == "zh"


def test_stray_latin_letters_leave_a_chinese_readers_language_chinese(tmp_path: Path) -> None:
    """QA pass 23/24: `<b>x</b>` from a Chinese reader was answered in English and made the console
    chat's remembered language English, so the /help after it came in English too."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("保交楼\n<b>x</b>\n/help\n"), stdout=out)
    text = out.getvalue()
    assert "“<b>x</b>”" not in text and "Nothing found" not in text  # the English search header
    assert "newsbot 可用命令：" in text and "newsbot commands:" not in text
    db = open_db(tmp_path / "c.db")
    assert subs.get_chat(db, CONSOLE_CHAT_ID).language == "zh"  # type: ignore[union-attr]
    db.close()


def test_pinyin_leaves_a_chinese_readers_language_chinese(tmp_path: Path) -> None:
    """`yinlian` (银联 typed with the input method off) from a Chinese reader was answered in English and
    made the console chat English, so the /help after it came in English too."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("保交楼\nyinlian\n/help\n"), stdout=out)
    text = out.getvalue()
    assert "Nothing found" not in text and "newsbot commands:" not in text
    assert "newsbot 可用命令：" in text
    db = open_db(tmp_path / "c.db")
    assert subs.get_chat(db, CONSOLE_CHAT_ID).language == "zh"  # type: ignore[union-attr]
    db.close()


def test_an_english_word_still_turns_the_chat_english(tmp_path: Path) -> None:
    """The other side of the rule: `typhoon` (an English word) is answered in English and remembered,
    so the /help after it is in English."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("保交楼\ntyphoon\n/help\n"), stdout=out)
    assert "newsbot commands:" in out.getvalue()


@pytest.mark.parametrize(
    ("message", "detected", "known", "expected"),
    [
        ("Who is 虎荣鑫?", "zh", "en", "en"),
        ("Who chaired the meeting on 统战?", "zh", "en", "en"),
        ("华为 Mate 60 发布会", "en", "zh", "zh"),  # a product's name beside Chinese words: still Chinese
        ("Who is 虎荣鑫?", "zh", None, "zh"),  # a chat newsbot knows nothing of: the client's language
        ("Who is 虎荣鑫?", "en", None, "en"),
    ],
)
def test_english_words_beside_chinese_ones_keep_the_chats_language(
    message: str, detected: str, known: str | None, expected: str
) -> None:
    """QA pass 48: `Who is 虎荣鑫?` from a reader the chat had answered in English was answered in the
    client's language (Chinese in the terminal and on WeChat) and made the chat Chinese, so the /help after
    it came in Chinese too."""
    assert message_language(message, detected=detected, known=known) == expected


def test_an_english_readers_question_about_a_chinese_name_stays_english(tmp_path: Path) -> None:
    """QA pass 48, in the terminal (a Chinese client): an English reader's question naming a Chinese person
    is answered in English, and the /help after it too."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("typhoon\nWho is 虎荣鑫?\n/help\n"), stdout=out)
    text = out.getvalue()
    assert "“Who is 虎荣鑫?”" in text and "「Who is 虎荣鑫?」" not in text
    assert "newsbot commands:" in text and "newsbot 可用命令：" not in text
    db = open_db(tmp_path / "c.db")
    assert subs.get_chat(db, CONSOLE_CHAT_ID).language == "en"  # type: ignore[union-attr]
    db.close()


def test_the_words_that_tell_a_lines_language() -> None:
    assert language_words("/help me") == "me"
    assert language_words("/search typhoon") == "typhoon"
    assert language_words("/timezone Asia/Tokyo") == ""  # a code, in any language
    assert language_words("/unsubscribe all") == ""
    assert language_words("typhoon") == "typhoon"
    assert language_words("/help search") == ""  # a command's name, in any language (QA pass 29)
    assert language_words("/help /subscribe digest") == ""
    assert language_words("/help search news") == "search news"


def test_help_asked_about_a_command_by_name_keeps_a_chinese_readers_language(tmp_path: Path) -> None:
    """QA pass 29: `/help search` from a Chinese reader was answered in English and made the chat's
    remembered language English: the unknown command and /subscribe after it came in English too."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("/help search\n/foo\n/help\n"), stdout=out)
    text = out.getvalue()
    assert text.count("newsbot 可用命令：") == 2 and "newsbot commands:" not in text
    assert "我不认识" in text and "I don't know" not in text
    db = open_db(tmp_path / "c.db")
    chat = subs.get_chat(db, CONSOLE_CHAT_ID)
    assert chat is None or chat.language != "en"
    db.close()


def test_a_greeting_in_full_width_letters_is_answered_in_english(tmp_path: Path) -> None:
    """QA: Ｈｅｌｌｏ (typed with a Chinese keyboard's full-width letters) got the Chinese greeting."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("Ｈｅｌｌｏ\n"), stdout=out)
    assert "Hello! I am newsbot" in out.getvalue()


def test_a_members_english_does_not_change_a_groups_language(tmp_path: Path) -> None:
    """A group's language (its digests') is the one its subscription commands came with: one member's
    English search is answered in English, and the group stays Chinese."""
    settings = Settings(_env_file=None, db=tmp_path / "g.db", seeds=SEEDS)  # type: ignore[call-arg]
    services = open_services(settings, markup=PLAIN, pushes=False)
    try:
        member = Who(user_id=5, lang="zh", chat_id=-1005)
        assert "已订阅" in services.conversation.command("subscribe", "8:00", member)[0].text
        assert "Nothing found" in services.conversation.text("typhoon", member)[0].text
        assert services.conversation.command("help", "", member)[0].text.startswith("newsbot 可用命令：")
        chat = services.database.read(subs.get_chat, -1005)
        assert chat is not None and chat.language == "zh"
    finally:
        services.close()


def test_a_space_after_the_slash_opens_the_command_and_keeps_the_language(tmp_path: Path) -> None:
    """QA pass 29: `/ article 3` (a space typed after the slash) was answered `I don't know the command /.`
    in English, and the chat's remembered language became English."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="zh", stdin=io.StringIO("/ article 3\n/help\n"), stdout=out)
    text = out.getvalue()
    assert "编号 3" in text and "I don't know" not in text
    assert "newsbot 可用命令：" in text and "newsbot commands:" not in text


def test_the_phrases_english_replies_teach_keep_an_english_readers_language(tmp_path: Path) -> None:
    """Issue 34: 还有吗 counts as a Chinese question only when it is none of the phrases that turn a
    list (the English replies teach 第2篇); an English reader typing it keeps English replies after it."""
    settings = Settings(_env_file=None, db=tmp_path / "c.db", seeds=SEEDS)  # type: ignore[call-arg]
    out = io.StringIO()
    run_console(settings, lang="en", stdin=io.StringIO("保交楼\n还有吗\n第1篇\n/help\n"), stdout=out)
    text = out.getvalue()
    assert "newsbot commands:" in text and "newsbot 可用命令" not in text
    assert "“保交楼”: 1 found" in text
