"""End to end: the real PTB Application, over HTTP, against the Bot API emulator (issue 4).

Every test ends by checking that the emulator rejected nothing: a reply Telegram would refuse (bad
HTML, too long, bad keyboard, unchanged edit, double answer) fails the test.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from bot.chat.state import FloodLimit
from bot.services import open_services
from bot.settings import Settings
from tests.bot_support import (
    HOSTILE_TITLE,
    LONG_ARTICLE_TITLE,
    LONG_SENTENCE,
    bot_settings,
    copy_database,
    make_database,
    running_bot,
)
from tests.telegram_emulator import StoredMessage, TelegramEmulator

ADMIN = 4242


@pytest.fixture(scope="module")
def template_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("botdb")
    return make_database(work / "template.db", work)


@pytest.fixture
def settings(telegram_emulator: TelegramEmulator, template_db: Path, tmp_path: Path) -> Settings:
    return bot_settings(telegram_emulator, copy_database(template_db, tmp_path / "newsbot.db"))


def no_rejections(emu: TelegramEmulator) -> None:
    assert [(c.method, c.error) for c in emu.errors()] == []


def user(uid: int = 1001, lang: str | None = "zh-hans") -> dict[str, Any]:
    return TelegramEmulator.user(uid, language_code=lang)


async def ask(
    emu: TelegramEmulator, text: str, *, uid: int = 1001, lang: str | None = "zh-hans", count: int = 1
):
    """Send `text` from a user in a private chat; return the bot's new replies (at least `count`)."""
    before = max((m.message_id for m in emu.messages(uid)), default=0)
    update = emu.push_message(text, user=user(uid, lang))
    after = max(before, update["message"]["message_id"])
    return await emu.wait_for_messages(uid, count, after=after)


def article_id_of(message: StoredMessage, number: int) -> int:
    """The article id behind result button `number` (📖 n)."""
    for row in (message.reply_markup or {})["inline_keyboard"]:
        for b in row:
            if b["text"] == f"📖 {number}":
                return int(b["callback_data"].split(":")[1])
    raise AssertionError(f"no button {number}")


async def press(
    emu: TelegramEmulator, message: StoredMessage, data: str, *, uid: int = 1001, lang: str | None = "zh-hans"
) -> str:
    update = emu.push_callback(message, data, user=user(uid, lang))
    query_id = update["callback_query"]["id"]
    await emu.wait_until(lambda: emu.query_answered(query_id), what=f"answer to {data}")
    return query_id


def counter_label(message: StoredMessage) -> str:
    """The label of the message's page counter button (`2/14`)."""
    rows = (message.reply_markup or {}).get("inline_keyboard", [])
    (label,) = [b["text"] for row in rows for b in row if b.get("callback_data") == "x"]
    return str(label)


def answer_text(emu: TelegramEmulator, query_id: str) -> str | None:
    calls = [c for c in emu.calls_of("answerCallbackQuery") if c.params.get("callback_query_id") == query_id]
    assert len(calls) == 1
    return calls[0].params.get("text")


# ---- start-up, commands ---------------------------------------------------------------------------


async def test_startup_registers_menus_in_chinese_and_english(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        await emu.wait_for_call("setMyCommands", 2)
        zh = {c["command"]: c["description"] for c in emu.commands()}
        en = {c["command"]: c["description"] for c in emu.commands("en")}
        for name in (
            "start",
            "help",
            "search",
            "s",
            "latest",
            "article",
            "subscribe",
            "unsubscribe",
            "subscriptions",
        ):
            assert name in zh and name in en
        assert "stats" not in zh  # admins only
        assert zh["search"] == "搜索新闻" and en["search"] == "Search the news"
    no_rejections(emu)


async def test_start_help_and_english_users(telegram_emulator: TelegramEmulator, settings: Settings) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (welcome,) = await ask(emu, "/start")
        assert (
            "newsbot" in welcome.text
            and "保交楼" in welcome.text
            and "谁主持了统战工作会议？" in welcome.text
        )
        (help_zh,) = await ask(emu, "/help")
        assert "/search" in help_zh.text and "/stats" not in help_zh.text
        assert "在群里" in help_zh.text  # groups are Telegram's: only its help names them
        (welcome_en,) = await ask(emu, "/start", uid=2002, lang="en-GB")
        assert welcome_en.text.startswith("Hello")
        (results_en,) = await ask(emu, "/s 保交楼", uid=2002, lang="en")
        assert "found" in results_en.text
        await emu.wait_for_call("sendChatAction")
    no_rejections(emu)


async def test_deep_link_opens_an_article(telegram_emulator: TelegramEmulator, settings: Settings) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (article,) = await ask(emu, "/start a3")
        assert "统战工作" in article.text and "编号 3" in article.text
        (welcome,) = await ask(emu, "/start a3x")  # a bad payload is a plain /start
        assert "newsbot" in welcome.text
    no_rejections(emu)


async def test_search_results_and_article_button(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "/search 保交楼")
        assert "「保交楼」" in results.text
        bold = results.entity_texts("bold")
        assert "保交楼" in bold  # a highlighted match
        for data in results.button_data():
            assert len(data.encode()) <= 64
        target = article_id_of(results, 1)
        query_id = await press(emu, results, f"a:{target}")
        sent = await emu.wait_for_messages(1001, 1, after=results.message_id)
        assert f"编号 {target}" in sent[0].text
        assert answer_text(emu, query_id) is None
    no_rejections(emu)


async def test_question_gets_the_answer_first(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (reply,) = await ask(emu, "谁主持了统战工作会议？")
        assert reply.text.index("答案") < reply.text.index("1. ")
        answer_line = reply.text.split("\n")[2]
        assert "虎荣鑫" in answer_line and "主持" in answer_line
    no_rejections(emu)


async def test_a_follow_up_in_a_private_chat_is_read_with_the_question_before(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (asked,) = await ask(emu, "那个会后来咋样了", uid=1201)
        assert "你问的是哪件事" in asked.text  # nothing asked before it in this chat
        await ask(emu, "谁主持了统战工作会议？", uid=1201)
        (reply,) = await ask(emu, "它是哪天开的", uid=1201)
        assert reply.text.startswith("🔎") and "接着上一条：统战工作会议" in reply.text
        assert "「它是哪天开的」" in reply.text.split("\n", 1)[0]  # the header: what the reader typed
        assert "统战工作" in reply.text.split("\n", 3)[3]  # the meeting's story is listed
    no_rejections(emu)


async def test_paging_edits_in_place_and_never_sends_an_unchanged_edit(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "保交楼")
        forward = [d for d in results.button_data() if d.startswith("p:") and d.endswith(":1")]
        assert forward, results.reply_markup
        first_page = results.text
        query_id = await press(emu, results, forward[0])
        await emu.wait_for_call("editMessageText")
        assert "第 2/" in answer_text(emu, query_id)  # type: ignore[operator]
        (edited,) = [m for m in emu.messages(1001) if m.message_id == results.message_id]
        assert edited.text != first_page and "第 2/" in edited.text
        # A double tap: the same ▶ pressed again on the old state, and the page label.
        again = await press(emu, results, forward[0])
        label = await press(emu, edited, "x")
        assert answer_text(emu, again) == "已经是这一页了"
        # The page counter (2/N) answers with a toast naming the page, read from the pressed keyboard.
        counter = counter_label(edited)
        pages = counter.split("/")[1]
        assert counter == f"2/{pages}" and answer_text(emu, label) == f"第 2 页，共 {pages} 页"
        assert len(emu.calls_of("editMessageText")) == 1
        back = [d for d in edited.button_data() if d.startswith("p:") and d.endswith(":0")]
        await press(emu, edited, back[0])
        await emu.wait_for_call("editMessageText", 2)
        assert [m for m in emu.messages(1001) if m.message_id == results.message_id][0].text == first_page
    no_rejections(emu)


async def test_the_page_counter_pressed_names_the_page_in_the_reader_s_language(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA pass 29: pressing the page counter (1/N) answered the callback with nothing; it now shows a
    toast, `Page 1 of N` for an English reader, and changes nothing."""
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "housing delivery 保交楼", uid=1301, lang="en")
        assert results.text.startswith("🔎") and " found" in results.text.split("\n", 1)[0], results.text
        counter = counter_label(results)
        query_id = await press(emu, results, "x", uid=1301, lang="en")
        assert answer_text(emu, query_id) == f"Page 1 of {counter.split('/')[1]}"
        assert (
            emu.calls_of("editMessageText") == [] and len(emu.messages(1301)) == 1
        )  # nothing sent, nothing edited
    no_rejections(emu)


async def test_latest_pages_to_the_end_and_back(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """Issue 4 (QA): /latest showed the 8 newest articles and nothing older; it now pages (▶ ◀) to
    the oldest, numbering on, and a double tap never sends an unchanged edit."""
    emu = telegram_emulator
    async with running_bot(settings):
        (latest,) = await ask(emu, "/latest")
        forward = [d for d in latest.button_data() if d.startswith("l:") and d.endswith(":1")]
        assert forward, latest.reply_markup
        first_page = latest.text
        await press(emu, latest, forward[0])
        await emu.wait_for_call("editMessageText")
        (edited,) = [m for m in emu.messages(1001) if m.message_id == latest.message_id]
        assert "第 2 页" in edited.text and "\n\n9. " in edited.text and "\n\n1. " not in edited.text
        assert not [
            d for d in edited.button_data() if d.startswith("l:") and d.endswith(":2")
        ]  # the last page
        assert edited.reply_markup is not None
        assert "📖 9" in [b["text"] for row in edited.reply_markup["inline_keyboard"] for b in row]
        again = await press(emu, latest, forward[0])
        assert answer_text(emu, again) == "已经是这一页了"
        past_end = await press(emu, edited, forward[0].rsplit(":", 1)[0] + ":2")
        assert answer_text(emu, past_end) == "没有更早的文章了。"
        assert len(emu.calls_of("editMessageText")) == 1
        back = [d for d in edited.button_data() if d.startswith("l:") and d.endswith(":0")]
        await press(emu, edited, back[0])
        await emu.wait_for_call("editMessageText", 2)
        assert [m for m in emu.messages(1001) if m.message_id == latest.message_id][0].text == first_page
    no_rejections(emu)


async def test_tampered_latest_and_search_page_buttons_are_refused(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """Issue 4 (QA): callback data can be forged; a /latest key used as a search key and the
    reverse, huge and negative pages, and unknown keys get the friendly notice and change nothing."""
    emu = telegram_emulator
    async with running_bot(settings):
        (latest,) = await ask(emu, "/latest")
        (results,) = await ask(emu, "保交楼")
        latest_key = [d for d in latest.button_data() if d.startswith("l:")][0].split(":")[1]
        search_key = [d for d in results.button_data() if d.startswith("p:")][0].split(":")[1]
        for data in (
            f"p:{latest_key}:1",
            f"l:{search_key}:1",
            f"l:{latest_key}:{'9' * 30}",
            f"l:{latest_key}:-1",
            "l:nokey:1",
            "l:",
        ):
            query_id = await press(emu, results, data)
            assert answer_text(emu, query_id) == "这个按钮已经过期了，请重新搜索。", data
        assert emu.calls_of("editMessageText") == []
    no_rejections(emu)


async def test_an_edit_the_message_already_shows_is_not_sent(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """Issue 4 (QA): pressing an unsubscribe button again (here forged on a results message) edited the
    message into the text it already showed, which Telegram rejects with "message is not modified"."""
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "保交楼")
        await press(emu, results, "u:9999")
        await emu.wait_for_call("editMessageText")
        (edited,) = [m for m in emu.messages(1001) if m.message_id == results.message_id]
        assert "9999" in edited.text
        await press(emu, edited, "u:9999")
        await emu.wait_until_idle()
        assert len(emu.calls_of("editMessageText")) == 1
        assert [m.message_id for m in emu.messages(1001)][-1] == results.message_id  # nothing sent anew
    no_rejections(emu)


async def test_a_page_whose_message_is_gone_is_sent_anew(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "保交楼")
        forward = [d for d in results.button_data() if d.startswith("p:") and d.endswith(":1")][0]
        emu.delete_message(results)
        await press(emu, results, forward)
        (page_two,) = await emu.wait_for_messages(1001, 1, after=results.message_id)
        assert "第 2/" in page_two.text
    assert [c.error for c in emu.errors()] == ["Bad Request: message to edit not found"]


async def test_stale_and_unknown_buttons_get_a_friendly_answer(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "保交楼")
        for data in ("p:expired1:1", "p:expired1:x", "zzz", "a:abc", "p:" + "9" * 40):
            query_id = await press(emu, results, data)
            assert answer_text(emu, query_id) == "这个按钮已经过期了，请重新搜索。"
        forward = [d for d in results.button_data() if d.startswith("p:")][0]
        key = forward.split(":")[1]
        query_id = await press(emu, results, f"p:{key}:999")  # a page that does not exist
        assert answer_text(emu, query_id) == "这个按钮已经过期了，请重新搜索。"
        query_id = await press(emu, results, "a:999999")  # an article that is gone
        (gone,) = await emu.wait_for_messages(1001, 1, after=results.message_id)
        assert "没有编号为 999999 的文章" in gone.text
        assert not emu.calls_of("editMessageText")
    no_rejections(emu)


async def test_long_article_is_split_into_valid_messages(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, LONG_ARTICLE_TITLE)
        article_id = article_id_of(results, 1)
        parts = await ask(emu, f"/article {article_id}", count=3)
        assert parts[0].text.startswith(LONG_ARTICLE_TITLE)
        assert all(len(p.text.encode("utf-16-le")) // 2 <= 4096 for p in parts)
        assert parts[-1].text.endswith(f"（{len(parts)}/{len(parts)}）")
        assert sum(p.text.count(LONG_SENTENCE) for p in parts) == 240  # no sentence cut in two
    no_rejections(emu)


HOSTILE_INPUTS = [
    "新" * 4000,
    "<b>粗体</b><script>alert(1)</script> & &amp; </i>",
    "😀😀😀🔥",
    '"保交楼',
    "NEAR(保交楼",
    "C# OR *",
    "保交楼 AND NOT",
    "ＡＢＣ　全角",
    "國務院",
    "/article abc",
    "/article",
    "/article 99999999999999999999999",
    "/article -1",
    "/search",
    "/foo",
    "/start " + "x" * 100,
    "/subscribe",
]


async def test_hostile_input_always_gets_a_valid_answer(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        for i, text in enumerate(HOSTILE_INPUTS):
            replies = await ask(emu, text, uid=5000 + i)
            assert replies[0].text.strip()
        (bad_id,) = [m for m in emu.messages(5000 + HOSTILE_INPUTS.index("/article abc"))]
        assert "「abc」不是有效的文章编号" in bad_id.text
        (unknown,) = emu.messages(5000 + HOSTILE_INPUTS.index("/foo"))
        assert "/foo" in unknown.text
        (long_query,) = emu.messages(5000)
        assert "查询太长" in long_query.text
    no_rejections(emu)


async def test_markup_in_stored_articles_is_escaped(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "通知正文")
        assert HOSTILE_TITLE in results.text
        article_id = article_id_of(results, 1)
        (article,) = await ask(emu, f"/article {article_id}")
        assert "<i>不是标签</i> & 也不是实体 &amp;" in article.text
        assert all(e["type"] in ("bold", "italic") for e in article.entities)
    no_rejections(emu)


# ---- inline mode --------------------------------------------------------------------------------


async def test_inline_query_returns_deep_linked_articles_with_paging(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        emu.push_inline_query("保交楼")
        (call,) = await emu.wait_for_call("answerInlineQuery")
        results = call.params["results"]
        assert 1 <= len(results) <= 50
        for r in results:
            content = r["input_message_content"]
            assert re.search(r"https://t\.me/newsbot_test_bot\?start=a\d+", content["message_text"])
            assert r["id"].startswith("a")
        emu.push_inline_query("")  # empty: the latest articles
        calls = await emu.wait_for_call("answerInlineQuery", 2)
        assert calls[1].params["results"]
    no_rejections(emu)


async def test_inline_paging_uses_next_offset(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings) as app:
        app.bot_data["services"].conversation.inline_page_size = 3
        seen: list[str] = []
        offset = ""
        for page in range(1, 10):
            emu.push_inline_query("二七区", offset=offset)
            call = (await emu.wait_for_call("answerInlineQuery", page))[-1]
            seen += [r["id"] for r in call.params["results"]]
            offset = call.params.get("next_offset") or ""
            assert offset in ("", str(3 * page))
            if not offset:
                break
        assert page == 3 and len(seen) == len(set(seen)) == 7  # every match once, over three answers
        emu.push_inline_query("二七区", offset="garbage")  # an offset we never gave: the first page
        last = (await emu.wait_for_call("answerInlineQuery", 4))[-1]
        assert [r["id"] for r in last.params["results"]] == seen[:3]
    no_rejections(emu)


# ---- groups -----------------------------------------------------------------------------------------


async def test_groups_answer_commands_mentions_and_replies_only(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    group = emu.group_chat()
    gid = group["id"]
    someone = user(3003)
    async with running_bot(settings):
        emu.push_message("今天天气不错，保交楼进展如何", user=someone, chat=group)  # chatter
        emu.push_message("/search@SomeOtherBot 保交楼", user=someone, chat=group)
        emu.push_message("/foo", user=someone, chat=group)  # may be another bot's command
        emu.push_message("/search@newsbot_test_bot 保交楼", user=someone, chat=group)
        (results,) = await emu.wait_for_messages(gid, 1)
        assert "「保交楼」" in results.text
        emu.push_message("@newsbot_test_bot 统战工作", user=someone, chat=group)
        (mentioned,) = await emu.wait_for_messages(gid, 1, after=results.message_id)
        assert "「统战工作」" in mentioned.text
        emu.push_message("人才工作", user=someone, chat=group, reply_to=mentioned)
        (replied,) = await emu.wait_for_messages(gid, 1, after=mentioned.message_id)
        assert "「人才工作」" in replied.text
        emu.push_message("/s@newsbot_test_bot 产业", user=someone, chat=group)
        (industry,) = await emu.wait_for_messages(gid, 1, after=replied.message_id)
        emu.push_message("/foo@newsbot_test_bot", user=someone, chat=group)
        (unknown,) = await emu.wait_for_messages(gid, 1, after=industry.message_id)
        assert "/foo" in unknown.text
        assert len(emu.messages(gid)) == 5  # chatter, /cmd@OtherBot and a bare unknown command ignored
    no_rejections(emu)


async def test_a_command_with_a_full_width_slash_is_that_command(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA: a Chinese keyboard types ／ for /: ／latest was searched as words, and ／subscribe 8:00 as a
    search for "subscribe 8:00". In a private chat it is the command."""
    emu = telegram_emulator
    async with running_bot(settings):
        (latest,) = await ask(emu, "／latest")
        assert "最新文章" in latest.text
        (subscribed,) = await ask(emu, "／subscribe 8:00 人才")
        assert "已订阅" in subscribed.text and "人才" in subscribed.text
        (listing,) = await ask(emu, "／subscriptions")
        assert "08:00" in listing.text
        (words,) = await ask(emu, "／保交楼")  # a full-width slash before words: a search
        assert "「" in words.text
        # QA pass 29: a space after the slash (/ article 3) was searched as words, in English
        (opened,) = await ask(emu, "/ article 3")
        assert "编号 3" in opened.text and "found" not in opened.text
        (spaced,) = await ask(emu, "/ 保交楼")  # no command's name after it: a search, as before
        assert spaced.text.startswith("🔎 「")
    no_rejections(emu)


async def test_an_edited_search_is_answered_again_and_an_edited_change_is_not_repeated(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA: a reader who edited a message (a typo in a search fixed) got no answer at all. An edited text
    or /search is answered as a new one, in a group only when it is addressed to the bot; an edited
    command that changes something (/subscribe) is not carried out again."""
    emu = telegram_emulator
    group = emu.group_chat()
    gid = group["id"]
    async with running_bot(settings):
        (first,) = await ask(emu, "人才")
        typo = emu.push_message("保交", user=user())
        (partial,) = await emu.wait_for_messages(1001, 1, after=typo["message"]["message_id"])
        emu.push_edit(typo, "保交楼")
        (again,) = await emu.wait_for_messages(1001, 1, after=partial.message_id)
        assert "「保交楼」" in again.text
        command = emu.push_message("/search 人才", user=user())
        (found,) = await emu.wait_for_messages(
            1001, 1, after=max(again.message_id, command["message"]["message_id"])
        )
        emu.push_edit(command, "/search 统战")
        (edited,) = await emu.wait_for_messages(1001, 1, after=found.message_id)
        assert "「统战」" in edited.text
        subscribe = emu.push_message("/subscribe 8:00", user=user())
        (subscribed,) = await emu.wait_for_messages(1001, 1, after=subscribe["message"]["message_id"])
        emu.push_edit(subscribe, "/subscribe 9:00")

        someone = user(3003)
        chatter = emu.push_message("保交楼怎么样了", user=someone, chat=group)
        emu.push_edit(chatter, "保交楼进展如何")  # still chatter: left alone
        mention = emu.push_message("@newsbot_test_bot 人才", user=someone, chat=group)
        (answer,) = await emu.wait_for_messages(gid, 1)
        emu.push_edit(mention, "@newsbot_test_bot 统战")
        (re_answer,) = await emu.wait_for_messages(gid, 1, after=answer.message_id)
        assert "「统战」" in re_answer.text
        # The /subscribe edit was handled before this: it got nothing, and the chatter nothing either.
        emu.push_message("/subscriptions", user=user())
        (listing,) = await emu.wait_for_messages(1001, 1, after=subscribed.message_id)
        assert "08:00" in listing.text and "09:00" not in listing.text, listing.text
        assert len(emu.messages(gid)) == 2
    no_rejections(emu)
    assert "「人才」" in first.text


@pytest.mark.parametrize("media", ["photo", "document"])
async def test_a_caption_is_read_as_the_message_text(
    telegram_emulator: TelegramEmulator, settings: Settings, media: str
) -> None:
    """QA: a photo or a file with a caption in a private chat was answered "send text": the caption is the
    search. In a group a caption is answered as text is: only when it mentions the bot or replies to it."""
    emu = telegram_emulator
    group = emu.group_chat()
    gid = group["id"]
    someone = user(3004)
    async with running_bot(settings):
        emu.push_message("保交楼", user=user(1005), media=media)
        (results,) = await emu.wait_for_messages(1005, 1)
        assert "「保交楼」" in results.text and "保交楼项目第8批交付" in results.text
        emu.push_message("谁主持了统战工作会议？", user=user(1005), media=media)
        (answer,) = await emu.wait_for_messages(1005, 1, after=results.message_id)
        assert "💡" in answer.text and "虎荣鑫" in answer.text
        emu.push_message("/search 人才工作", user=user(1005), media=media)
        (searched,) = await emu.wait_for_messages(1005, 1, after=answer.message_id)
        assert "「人才工作」" in searched.text
        emu.push_message("今天的保交楼照片", user=someone, chat=group, media=media)  # chatter
        emu.push_message("@newsbot_test_bot 统战工作", user=someone, chat=group, media=media)
        (mentioned,) = await emu.wait_for_messages(gid, 1)
        assert "「统战工作」" in mentioned.text
        emu.push_message("人才工作", user=someone, chat=group, reply_to=mentioned, media=media)
        (replied,) = await emu.wait_for_messages(gid, 1, after=mentioned.message_id)
        assert "「人才工作」" in replied.text
        assert len(emu.messages(gid)) == 2  # the chatter is left alone
    no_rejections(emu)


async def test_a_photo_without_a_caption_gets_the_send_text_line(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        emu.push_message("", user=user(1006), media="photo")
        (line,) = await emu.wait_for_messages(1006, 1)
        assert line.text == "请告诉我要找什么，例如：保交楼"  # the line for stickers, voice and the rest
    no_rejections(emu)


# ---- admins, flood guard, Telegram refusing -------------------------------------------------------


async def test_stats_is_for_admins_only(telegram_emulator: TelegramEmulator, settings: Settings) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        (denied,) = await ask(emu, "/stats")
        assert "管理员" in denied.text
        (stats,) = await ask(emu, "/stats", uid=ADMIN)
        assert "文章数：16" in stats.text  # issue 15: labels in the reader's language, not raw keys
    no_rejections(emu)


async def test_flood_guard_asks_for_a_pause(telegram_emulator: TelegramEmulator, settings: Settings) -> None:
    emu = telegram_emulator
    now = [960.0]  # the start of a one-minute window

    def factory(s: Settings):
        return open_services(s, flood=FloodLimit(searches=3, window=60, clock=lambda: now[0]))

    async with running_bot(settings, services_factory=factory):
        for _ in range(3):
            (reply,) = await ask(emu, "保交楼")
            assert "「保交楼」" in reply.text
        (wait,) = await ask(emu, "保交楼")
        assert "请 60 秒后再试" in wait.text
        (other,) = await ask(emu, "保交楼", uid=1002)  # per user
        assert "「保交楼」" in other.text
        now[0] += 61
        (again,) = await ask(emu, "保交楼")
        assert "「保交楼」" in again.text
    no_rejections(emu)


async def test_blocked_users_rate_limits_and_migrated_groups(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings):
        emu.block_by_user(1001)
        emu.push_message("保交楼", user=user(1001))
        await emu.wait_until(lambda: any(c.error and "blocked" in c.error for c in emu.calls), what="403")
        emu.fail_with_retry_after(1002, retry_after=1, times=1)
        (late,) = await ask(emu, "保交楼", uid=1002)
        assert "「保交楼」" in late.text
        group = emu.group_chat(-555, supergroup=False)
        emu.migrate_chat(-555, -100555)
        emu.push_message("/search@newsbot_test_bot 保交楼", user=user(3003), chat=group)
        (moved,) = await emu.wait_for_messages(-100555, 1)
        assert "「保交楼」" in moved.text
        emu.fail_with_server_error(1004, times=1)
        (after_network_error,) = await ask(emu, "保交楼", uid=1004)
        assert "「保交楼」" in after_network_error.text
        (still,) = await ask(emu, "/help", uid=1003)  # the bot carries on
        assert "/search" in still.text
    rejected = {c.error for c in emu.errors()}
    assert rejected == {
        "Forbidden: bot was blocked by the user",
        "Too Many Requests: retry after 1",
        "Bad Request: group chat was upgraded to a supergroup chat",
        "Bad Gateway",
    }


async def test_many_users_at_once_all_get_answers(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    users = range(7000, 7030)
    async with running_bot(settings):
        for uid in users:
            emu.push_message("保交楼" if uid % 2 else "/latest", user=user(uid))
        for uid in users:
            (reply,) = await emu.wait_for_messages(uid, 1)
            assert ("「保交楼」" if uid % 2 else "最新文章") in reply.text
    no_rejections(emu)


async def test_many_inline_queries_at_once_are_all_answered(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """Issue 4 (QA): 40 inline queries at once all get their answer and no admin gets an error note
    (the emulator's listen backlog of 5 used to reset connections under such a burst)."""
    emu = telegram_emulator
    async with running_bot(settings):
        for uid in range(7100, 7140):
            emu.push_inline_query("保交楼" if uid % 2 else "", user=user(uid))
        await emu.wait_for_call("answerInlineQuery", 40)
        await emu.wait_until_idle()
    assert emu.messages(ADMIN) == []
    no_rejections(emu)


async def test_errors_reach_the_user_and_the_admins(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    emu = telegram_emulator
    async with running_bot(settings) as app:
        (ok,) = await ask(emu, "/start")
        app.bot_data["services"].database.close()  # the database goes away under the bot
        (sorry,) = await ask(emu, "保交楼")
        assert sorry.text == "抱歉，处理你的消息时出了问题，请稍后再试。"
        # On a loaded machine the digest job's first tick may also meet the closed database and send a
        # note of its own: every note is an error note, and at least one came.
        notes = await emu.wait_for_messages(ADMIN, 1)
        assert all(note.text.startswith("处理更新时出错") for note in notes)
    no_rejections(emu)


async def test_an_unexpected_error_is_logged_with_its_traceback_and_never_shown(
    telegram_emulator: TelegramEmulator, settings: Settings, caplog: pytest.LogCaptureFixture
) -> None:
    """Issue 14: the error handler logs the traceback at a level the default (WARNING) shows; the
    user gets the apology, not the error."""
    import logging

    emu = telegram_emulator
    async with running_bot(settings) as app:
        app.bot_data["services"].database.close()
        with caplog.at_level(logging.WARNING):
            (sorry,) = await ask(emu, "保交楼", uid=1005)
            await emu.wait_for_messages(ADMIN, 1)
    (record,) = [r for r in caplog.records if r.name == "bot.telegram.handlers" and r.exc_info]
    assert record.levelno >= logging.WARNING
    assert "Traceback" in caplog.text and "ProgrammingError" in caplog.text
    assert "Error" not in sorry.text and "Traceback" not in sorry.text
    no_rejections(emu)


@pytest.mark.parametrize("url", ["/zwdt/2026/1130.html", "javascript:alert(1)", "原文见报纸第3版"])
async def test_an_article_whose_url_is_not_a_web_address_still_opens(
    telegram_emulator: TelegramEmulator, settings: Settings, tmp_path: Path, url: str
) -> None:
    """QA pass: a JSON Lines record's `url` may be any string; `/article N` linked it as the original's
    address, and Telegram refuses a link without a host ("URL host is empty"): the reader got nothing."""
    from storage.ingest.pipeline import ingest_paths

    emu = telegram_emulator
    page = tmp_path / "odd-url.jsonl"
    page.write_text(
        json.dumps(
            {"title": "网址不是网址的稿件", "body": "这篇稿件的原文地址写错了。", "url": url},
            ensure_ascii=False,
        )
        + "\n",
        encoding="utf-8",
    )
    services = open_services(settings)
    try:
        ingest_paths(services.database, [page])
    finally:
        services.close()
    async with running_bot(settings):
        (results,) = await ask(emu, "网址不是网址")
        (article,) = await ask(emu, f"/article {article_id_of(results, 1)}")
        assert "原文地址写错了" in article.text
    no_rejections(emu)


async def test_next_page_typed_and_a_pasted_link_in_telegram(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA pass 20: 下一页 typed after results sends the next page as a new message with its buttons; a
    link newsbot does not hold gets the line saying so, not a search of its parts. Both within Telegram's
    limits (the emulator refuses what Telegram refuses)."""
    emu = telegram_emulator
    async with running_bot(settings):
        (results,) = await ask(emu, "保交楼")
        assert "第 1/2 页" in results.text
        (turned,) = await ask(emu, "下一页")
        assert "「保交楼」" in turned.text and "第 2/2 页" in turned.text
        assert any(d.endswith(":0") and d.startswith("p:") for d in turned.button_data())  # ◀
        (end,) = await ask(emu, "下一页")
        assert end.text == "「保交楼」的结果已经全部列完了，这是最后一页。"
        (link,) = await ask(emu, "https://www.example.com/news/123.html")
        assert link.text.startswith("这个链接的文章不在 newsbot 收录的新闻里") and not link.reply_markup
    no_rejections(emu)


async def test_a_digest_typed_in_telegram_is_the_list_next_page_and_more_go_on_from(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA pass 41 (issue 34): in Telegram, /digest went past the chat's conversation, so 下一页, 还有吗 and
    第2条 after it turned the search before it (「保交楼」的结果已经全部列完了). Now they refer to the digest,
    as on the web page, in WeChat and in the terminal."""
    emu = telegram_emulator
    async with running_bot(settings):
        await ask(emu, "保交楼")
        latest, _hint = await ask(emu, "/digest", count=2)  # no subscription: the newest stories, a hint
        assert "还没有订阅" in latest.text and "10. " in latest.text
        (more,) = await ask(emu, "下一页")
        assert "「保交楼」" not in more.text and "11. " in more.text, more.text
        (second,) = await ask(emu, "第2条")
        assert second.text.splitlines()[0] == latest.text.split("2. ", 1)[1].splitlines()[0], second.text
        await ask(emu, "/subscribe 20:00 保交楼")
        (digest,) = await ask(emu, "/digest")
        assert "关键词：保交楼" in digest.text
        (no_more,) = await ask(emu, "还有吗")
        assert no_more.text.startswith("摘要没有下一页"), no_more.text
    no_rejections(emu)


async def test_several_questions_in_one_message_answer_the_first_and_say_how_to_ask_the_next(
    telegram_emulator: TelegramEmulator, settings: Settings
) -> None:
    """QA pass 43 (issue 34): `保交楼进展如何？谁主持了统战工作会议？` was searched as one query, answered the
    second question and said 保交楼 was left out. The first is answered, and one line says how to ask the
    next; sent on its own, it is answered."""
    emu = telegram_emulator
    async with running_bot(settings):
        (first,) = await ask(emu, "保交楼进展如何？谁主持了统战工作会议？")
        lines = first.text.splitlines()
        assert lines[0].startswith("🔎 「保交楼进展如何？」共 "), lines[:3]
        assert lines[1] == (
            "你一次问了 2 个问题，这里只回答第一个。想问下一个，请单独发送：谁主持了统战工作会议？"
        ), lines[:3]
        assert "已去掉" not in first.text
        (second,) = await ask(emu, "谁主持了统战工作会议？")
        assert "虎荣鑫主持会议" in second.text and "你一次问了" not in second.text
    no_rejections(emu)
