"""The conversation layer shared by Telegram and the console, on a real seeded database."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.chat.state import FloodGuard, FloodLimit, QueryStore
from bot.services import Services, open_services
from bot.settings import Settings
from storage.database.access import Database
from storage.records.chat_state import QueryState
from tests.bot_support import SEEDS
from tests.search_support import stories_db

ZH = Who(user_id=1, lang="zh")
EN = Who(user_id=2, lang="en")


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    db = tmp_path_factory.mktemp("conv") / "newsbot.db"
    opened = open_services(Settings(_env_file=None, db=db, seeds=SEEDS), markup=PLAIN)  # type: ignore[call-arg]
    yield opened
    opened.close()


def test_an_empty_database_is_seeded_when_services_open(services: Services) -> None:
    assert services.library.stats()["articles"] == 6


def test_search_command_and_plain_text_give_the_same_results(services: Services) -> None:
    conv = services.conversation
    (by_command,) = conv.command("search", " 保交楼 ", ZH)
    (by_alias,) = conv.command("S", "保交楼", ZH)
    (by_text,) = conv.text("保交楼", ZH)
    assert by_command.text == by_alias.text == by_text.text
    assert "【保交楼】" in by_text.text
    assert by_text.buttons[0][0].data == "a:1"


def test_question_answer_names_the_host(services: Services) -> None:
    (reply,) = services.conversation.text("谁主持了统战工作会议？", ZH)
    first_lines = reply.text.split("\n")[2]
    assert first_lines.startswith("💡 答案：") and "虎荣鑫" in first_lines


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        ("3", "统战工作"),
        ("＃３", "统战工作"),  # full-width digits and a hash, as phones type them
        ("abc", "「abc」不是有效的文章编号"),
        ("3abc", "不是有效的文章编号"),
        ("-1", "不是有效的文章编号"),
        ("", "用法：/article"),
        ("999", "没有编号为 999 的文章"),
        ("9" * 40, "没有编号为 999999"),  # digits, too many for an id: no such article
    ],
)
def test_article_command_arguments(services: Services, args: str, expected: str) -> None:
    replies = services.conversation.command("article", args, ZH)
    assert expected in replies[0].text


def test_english_users_get_english(services: Services) -> None:
    conv = services.conversation
    assert conv.command("start", "", EN)[0].text.startswith("Hello")
    assert "is not an article number" in conv.command("article", "x", EN)[0].text
    assert "I don't know the command /nope" in conv.command("nope", "", EN)[0].text


def test_stats_only_for_admins(services: Services) -> None:
    conv = services.conversation
    assert "管理员" in conv.command("stats", "", ZH)[0].text
    assert "文章数：6" in conv.command("stats", "", Who(1, is_admin=True))[0].text  # issue 15: no raw keys
    assert "articles: 6" in conv.command("stats", "", Who(1, lang="en", is_admin=True))[0].text


def test_buttons_open_articles_and_stale_ones_are_explained(services: Services) -> None:
    conv = services.conversation
    opened = conv.press("a:3", ZH)
    assert opened.notice is None and "统战工作" in opened.replies[0].text
    for data in ("p:gone:1", "nonsense", "", "a:", "p::", "a:" + "9" * 30):
        assert conv.press(data, ZH).notice == "这个按钮已经过期了，请重新搜索。"


def test_paging_turns_once_per_page(tmp_path: Path) -> None:
    database = Database.open(tmp_path / "state.db")
    try:
        store = QueryStore(database, capacity=2)
        key = store.put(QueryState("q", user_id=1, total=12))
        assert store.turn(key, 1) == (store.get(key), True)
        assert store.turn(key, 1)[1] is False  # the double tap
        store.put(QueryState("a", 1))
        store.put(QueryState("b", 1))
        assert store.get(key) is None  # evicted: its buttons are now stale
        assert len(store) == 2
        assert 1 <= len(key.encode()) <= 10
    finally:
        database.close()


def test_flood_guard_counts_per_user_in_a_window(tmp_path: Path) -> None:
    now = [6000.0]  # a window starts here
    database = Database.open(tmp_path / "state.db")
    try:
        guard = FloodGuard(database, FloodLimit(searches=20, window=60, clock=lambda: now[0]))
        assert all(guard.wait_for(7) == 0 for _ in range(20))
        assert guard.wait_for(7) == 60
        assert guard.wait_for(8) == 0
        now[0] += 30
        assert guard.wait_for(7) == 30
        now[0] += 29.5
        assert guard.wait_for(7) == 1
        now[0] += 0.5
        assert guard.wait_for(7) == 0  # the next window
    finally:
        database.close()


def test_inline_items_carry_deep_links(services: Services) -> None:
    answer = services.conversation.inline("保交楼", "", ZH, bot_username="newsbot_test_bot")
    assert [i.id for i in answer.items] == ["a1"]
    assert "https://t.me/newsbot_test_bot?start=a1" in answer.items[0].message
    assert answer.next_offset == ""
    latest = services.conversation.inline("", "", ZH, bot_username="newsbot_test_bot")
    assert len(latest.items) == 6


def test_empty_and_whitespace_text(services: Services) -> None:
    assert "请告诉我要找什么" in services.conversation.text(" \n\t", ZH)[0].text


@pytest.mark.parametrize("invisible", ["\u200b", "\ufeff \u200d", "\u2060\u200e"])
def test_invisible_characters_are_an_empty_query(services: Services, invisible: str) -> None:
    """Issue 4 (QA): a message of zero-width characters looks empty and is answered as empty, not
    with "nothing found for 「」"; inside a query they are dropped."""
    assert "请告诉我要找什么" in services.conversation.text(invisible, ZH)[0].text
    assert "共 1 篇" in services.conversation.text("保\u200b交楼", ZH)[0].text


def test_subscription_commands_need_a_chat(services: Services) -> None:
    # Without a chat (ZH has no chat_id) there is nothing to subscribe; with one see tests/test_forget.py.
    assert "/subscribe 需要在聊天里使用" in services.conversation.command("subscribe", "8:00", ZH)[0].text
    assert "/forget 需要在聊天里使用" in services.conversation.command("forget", "", ZH)[0].text


def test_services_close_in_one_place(tmp_path: Path) -> None:
    opened = open_services(Settings(_env_file=None, db=tmp_path / "x.db", seeds=tmp_path / "none"), seed=True)  # type: ignore[call-arg]
    assert opened.library.stats()["articles"] == 0
    opened.close()
    with pytest.raises(Exception, match="closed"):
        opened.library.stats()


@pytest.mark.parametrize(
    "message",
    ["最新消息", "最近有什么新闻", "新闻", "latest news", "我想看新闻", "看新闻", "有新闻吗", "我要看新闻"],
)
def test_asking_for_the_news_shows_the_latest(services: Services, message: str) -> None:
    """Issue 4 (QA): a new reader's first message is often 最新消息 or 最近有什么新闻, which found
    nothing (no article contains those words); it gets what /latest shows. QA pass 7: so do 我想看新闻,
    看新闻 and 有新闻吗, which found nothing."""
    (reply,) = services.conversation.text(message, ZH)
    english = message.isascii()  # a message in English letters is answered in English
    assert reply.text == services.conversation.latest(EN if english else ZH)[0].text
    assert ("Latest articles" if english else "最新文章") in reply.text and reply.buttons


def test_todays_news_lists_today_or_offers_the_latest_day(services: Services) -> None:
    """Issue 15 (was with the test above): 今天的新闻 names a day; when that day has no news (the
    seed page is from 2023), the reply says so and lists the latest day that has news."""
    (reply,) = services.conversation.text("今天的新闻", ZH)
    assert "没有新闻。最近有新闻的一天是 2023-04-12" in reply.text
    assert "二七区召开" in reply.text and reply.buttons


@pytest.mark.parametrize(
    ("who", "said"),
    [(ZH, " 没有新闻。最近有新闻的一天是 2023-04-12："), (EN, ". The latest day with news is 2023-04-12:")],
)
def test_the_day_without_news_is_said_before_the_day_listed_instead(
    services: Services, who: Who, said: str
) -> None:
    """QA pass 48 (QA pass 43's leftover): 昨天有什么新闻 on an archive whose last day is long past was headed
    `🔎 「2023-04-12」共 1 篇` above the line saying yesterday had none: the reader met the day listed before
    learning why. The line saying so comes first, then the header of the day listed."""
    (reply,) = services.conversation.text("昨天有什么新闻" if who is ZH else "yesterday's news", who)
    first, second = reply.text.splitlines()[:2]
    assert first.endswith(said), reply.text[:200]
    assert second.startswith("🔎 ") and "2023-04-12" in second, reply.text[:200]


@pytest.mark.parametrize(
    ("message", "when"),
    [
        ("2023年4月13日有什么新闻", "2023-04-13 没有新闻"),
        ("2023年4月13日", "2023-04-13 没有新闻"),
        ("2023年5月的新闻", "2023-05-01 — 2023-05-31 没有新闻"),
        ("4月13日有什么新闻", "-04-13 没有新闻"),  # without a year: the most recent 4月13日
    ],
)
def test_a_named_day_without_news_offers_the_latest_day_before_it(
    services: Services, message: str, when: str
) -> None:
    """A date typed out (2023年4月13日, a month, a day without a year) whose days have no news gets the
    same reply as 昨天 or 今天 would: that day has none, and the latest day before it that has, listed;
    not "no article has any of the words"."""
    (reply,) = services.conversation.text(message, ZH)
    assert when in reply.text
    assert "最近有新闻的一天是 2023-04-12" in reply.text
    assert "二七区召开" in reply.text and reply.buttons


def test_a_day_no_calendar_has_is_not_offered_another(services: Services) -> None:
    """2月30日 names no day: nothing is found, and no day is offered in its place."""
    (reply,) = services.conversation.text("2023年2月30日", ZH)
    assert "最近有新闻的一天" not in reply.text and not reply.buttons


def test_news_words_with_a_topic_still_search(services: Services) -> None:
    """Issue 4 (QA): 保交楼新闻 is a search for 保交楼, not the latest list."""
    (reply,) = services.conversation.text("保交楼的最新消息", ZH)
    assert "「保交楼的最新消息」共 1 篇" in reply.text


def test_inline_news_request_lists_the_latest(services: Services) -> None:
    """Issue 4 (QA): @bot 最新消息 lists the latest articles, as an empty inline query does."""
    latest = services.conversation.inline("最新消息", "", ZH, bot_username="newsbot_test_bot")
    empty = services.conversation.inline("", "", ZH, bot_username="newsbot_test_bot")
    assert [i.id for i in latest.items] == [i.id for i in empty.items] and len(latest.items) == 6


def test_inline_yesterday_lists_the_latest_day_as_the_chat_does(services: Services) -> None:
    """QA pass 14: @bot 昨天 on an archive whose news is older than yesterday answered nothing, while the
    same word in a chat lists the latest day with news; inline mode lists that day's stories too."""
    (reply,) = services.conversation.text("昨天", ZH)
    assert "最近有新闻的一天是 2023-04-12" in reply.text
    answer = services.conversation.inline("昨天", "", ZH, bot_username="newsbot_test_bot")
    day = services.conversation.inline("2023-04-12", "", ZH, bot_username="newsbot_test_bot")
    assert answer.items and [i.id for i in answer.items] == [i.id for i in day.items]
    assert all("2023-04-12" in i.description or "2023-04-12" in i.message for i in answer.items)


def test_inline_pages_of_the_latest_day_go_on_from_the_offset(tmp_path: Path) -> None:
    """The next inline page (offset 20) of @bot 昨天 is that day's next stories, not its first again."""
    stories = [("2020-05-31", f"第{n}号新闻标题", [f"第{n}篇报道的正文。"]) for n in range(1, 26)]
    stories_db(tmp_path, stories).close()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    opened = open_services(settings, markup=PLAIN)
    try:
        conv = opened.conversation
        first = conv.inline("昨天", "", ZH, bot_username="newsbot_test_bot")
        assert len(first.items) == 20 and first.next_offset == "20"
        second = conv.inline("昨天", first.next_offset, ZH, bot_username="newsbot_test_bot")
        assert len(second.items) == 5 and second.next_offset == ""
        assert not {i.id for i in first.items} & {i.id for i in second.items}
    finally:
        opened.close()


@pytest.mark.parametrize(
    ("typed", "first", "last"), [("2", 9, 16), ("第3页", 17, 20), ("２", 9, 16), ("", 1, 8)]
)
def test_latest_with_a_page_number_shows_that_page(tmp_path: Path, typed: str, first: int, last: int) -> None:
    """QA pass 14: /latest 2 showed the first page again (the number was ignored); a chat without buttons
    (WeChat) has only the number to see older articles."""
    stories = [(f"2020-05-{31 - n:02d}", f"第{n}号新闻标题", [f"第{n}篇报道的正文。"]) for n in range(1, 21)]
    stories_db(tmp_path, stories).close()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    opened = open_services(settings, markup=PLAIN)
    try:
        (reply,) = opened.conversation.command("latest", typed, ZH)
        numbers = [
            int(line.split(".")[0]) for line in reply.text.split("\n") if line[:1].isdigit() and ". " in line
        ]
        assert (numbers[0], numbers[-1]) == (first, last)
        assert f"第{first}号新闻标题" in reply.text
        labels = [b.label for row in reply.buttons for b in row]
        assert ("◀" in labels) == (first > 1) and ("▶" in labels) == (last < 20)
        for past in ("4", "99999999999", "9" * 5000):  # QA pass 17: a long number showed the first page
            (end,) = opened.conversation.command("latest", past, ZH)
            assert end.text == "没有更早的文章了。" and not end.buttons
    finally:
        opened.close()


@pytest.mark.parametrize("typed", ["-2", "0", "第0页", "abc", "2.5", "－２"])
def test_latest_with_something_not_a_page_number_says_so(tmp_path: Path, typed: str) -> None:
    """QA pass 19: /latest -2 (or 0, abc) showed the first page without a word."""
    stories_db(tmp_path, [("2020-05-30", "第1号新闻标题", ["第1篇报道的正文。"])]).close()
    settings = Settings(_env_file=None, db=tmp_path / "news.db", seeds=tmp_path / "none")  # type: ignore[call-arg]
    opened = open_services(settings, markup=PLAIN)
    try:
        (reply,) = opened.conversation.command("latest", typed, ZH)
        assert reply.text.startswith(f"「{typed}」不是有效的页码")
        assert "第1号新闻标题" not in reply.text and not reply.buttons
        (english,) = opened.conversation.command("latest", typed, EN)
        assert english.text.startswith(f"“{typed}” is not a page number")
    finally:
        opened.close()


def test_article_command_with_several_numbers_opens_each(services: Services) -> None:
    """Issue 4 (QA): /article 1 2 opened article 1 and silently ignored 2; it opens both (a few at
    most), while /article 1 abc still opens the first as before."""
    both = services.conversation.command("article", "1 2", ZH)
    assert [r.text.split("\\n")[0] for r in both] == [
        services.conversation.command("article", "1", ZH)[0].text.split("\\n")[0],
        services.conversation.command("article", "2", ZH)[0].text.split("\\n")[0],
    ]
    five = services.conversation.command("article", "1 2 3 4 5", ZH)  # three open, a line names the rest
    assert len(five) == 4 and five[-1].text == "一次最多打开 3 篇，其余的：/article 4、/article 5"
    assert len(services.conversation.command("article", "1，1", ZH)) == 1


@pytest.mark.parametrize("args", ["1、2", "1;2", "1；2", "#1、#2", "1 、 2"])
def test_article_command_takes_the_separators_unsubscribe_takes(services: Services, args: str) -> None:
    """QA: /article 1、2 (the Chinese enumeration comma) was refused as "not an article number", though
    /article 1,2 opened both and /unsubscribe 1、2 cancels both."""
    opened = services.conversation.command("article", args, ZH)
    expected = services.conversation.command("article", "1 2", ZH)
    assert [r.text for r in opened] == [r.text for r in expected] and len(opened) == 2


@pytest.mark.parametrize(
    ("line", "parsed"),
    [
        ("/search 保交楼", ("search", "保交楼")),
        ("  /Subscribe@newsbot_bot 08:00 人才 ", ("subscribe", "08:00 人才")),
        ("/forget", ("forget", "")),
        ("/", None),
        ("保交楼", None),
        ("1/2", None),
        # QA: a Chinese keyboard types a full-width space after the command, or a full-width slash
        ("/search\u3000保交楼", ("search", "保交楼")),
        ("/subscribe\t8:00", ("subscribe", "8:00")),
        ("／search 保交楼", ("search", "保交楼")),
        ("／Latest", ("latest", "")),
        ("／保交楼", None),  # a full-width slash before words is no command
        ("／／", None),
        # QA pass 29: a space typed after the slash, before a command's name
        ("/ article 49", ("article", "49")),
        ("/  Search@newsbot_bot 阅兵", ("search", "阅兵")),
        ("/ 阅兵", ("", "阅兵")),  # no command's name after it: an unknown command, as before
        # QA pass 31: a Chinese input method types the words right after the name, as Telegram reads them
        ("/subscribe阅兵", ("subscribe", "阅兵")),
        ("/s保交楼 二七区", ("s", "保交楼 二七区")),
        ("/timezone北京", ("timezone", "北京")),
        ("/Search@newsbot_bot保交楼", ("search", "保交楼")),
        ("/subscribe阅兵@x", ("subscribe", "阅兵@x")),
        ("/阅兵", ("阅兵", "")),  # no command's name: an unknown command, as before
        ("/foo保交楼", ("foo保交楼", "")),  # no command of newsbot's either
        ("/searchfoo", ("searchfoo", "")),  # Latin letters after a name make another name
    ],
)
def test_parse_command(line: str, parsed: tuple[str, str] | None):
    from bot.chat.command_line import parse_command

    assert parse_command(line) == parsed


def test_sources_with_none_added_says_so_in_the_chats_language(services: Services) -> None:
    """QA: /sources on a fresh database answered "no sources yet: newsbot sources add URL" in English to
    a Chinese admin."""
    zh = services.conversation.command("sources", "", Who(1, is_admin=True))[0].text
    en = services.conversation.command("sources", "", Who(1, lang="en", is_admin=True))[0].text
    assert "还没有" in zh and "no sources yet" not in zh and "newsbot sources add" in zh, zh
    assert "No web sources yet" in en and "newsbot sources add" in en, en


def test_next_page_after_a_search_that_found_nothing_says_so(services: Services) -> None:
    """下一页 or 第2条 after a search that found nothing turned the list before it (an older search's): the
    reader's last list is the search that found nothing."""
    conv = services.conversation
    reader = Who(user_id=907, lang="zh", chat_id=907)
    assert "第 1/2 页" in conv.text("二七区", reader)[0].text
    assert conv.text("火星殖民", reader)[0].text.startswith("没有")
    nothing = "「火星殖民」没有找到文章，没有可以翻页或打开的结果。换个说法试试？"
    assert conv.text("下一页", reader)[0].text == nothing
    assert conv.text("第2条", reader)[0].text == nothing
    # A search that finds something is the last list again.
    assert "「二七区」" in conv.text("二七区", reader)[0].text
    assert "第 2/2 页" in conv.text("下一页", reader)[0].text
    english = Who(user_id=908, lang="en", chat_id=908)
    conv.text("火星殖民", english)
    assert conv.text("next page", english)[0].text.startswith("Nothing was found for “火星殖民”")


def test_next_page_typed_turns_the_readers_last_results(services: Services) -> None:
    """QA pass 20: 下一页 or 更多 typed after results (WeChat shows no ▶) searched those words: 「下一页」 was
    corrected to 「新一页」 and stories of 新一页 listed. It turns the results the reader saw last, as ▶ does."""
    conv = services.conversation
    reader = Who(user_id=901, lang="zh", chat_id=901)
    assert conv.text("下一页", reader)[0].text.startswith("还没有可以翻页的结果")
    (first,) = conv.text("二七区", reader)
    assert "第 1/2 页" in first.text
    (second,) = conv.text("下一页", reader)
    assert "「二七区」" in second.text and "第 2/2 页" in second.text
    assert [b.label for b in second.buttons[-1]] == ["◀", "2/2"]
    (end,) = conv.text("更多。", reader)
    assert end.text == "「二七区」的结果已经全部列完了，这是最后一页。"
    for more in ("再来几条", "换一批", "再来点吧"):  # asking for more stories as a reader says it
        assert conv.text(more, reader)[0].text == end.text
    # The first message keeps its page and buttons: its ▶ still turns it.
    forward = next(b.data for b in first.buttons[-1] if b.label == "▶")
    assert forward is not None and "第 2/2 页" in (conv.press(forward, reader).edit or first).text
    conv.command("latest", "", reader)  # all six stories on one page
    assert conv.text("Next page", reader)[0].text == "There are no older articles."
    # Another reader's results are not turned, and words round 更多 are a search.
    other = Who(user_id=902, lang="zh", chat_id=902)
    assert conv.text("下一页", other)[0].text.startswith("还没有可以翻页的结果")
    assert "「更多支持」" in conv.text("更多支持", other)[0].text


def test_pages_asked_for_in_words_turn_the_readers_last_results(services: Services) -> None:
    """QA pass 21: 下一批 was searched as 「个一批」 (a spelling "correction") and listed an unrelated story;
    继续, 换一换, 再来一批, 下 一 页 (spaces typed), 上一页, 第2页, 第二页 were searched and found nothing. Each
    turns the results the reader saw last, as ▶ and ◀ do; a page that is not there gets a line saying so."""
    conv = services.conversation
    reader = Who(user_id=903, lang="zh", chat_id=903)
    assert "第 1/2 页" in conv.text("二七区", reader)[0].text
    for second_page in ("下一批", "继续", "换一换", "再来一批", "下 一 页", "第2页", "第二页"):
        (turned,) = conv.text(second_page, reader)
        assert "「二七区」" in turned.text and "第 2/2 页" in turned.text, second_page
        (back,) = conv.text("上一页", reader)
        assert "「二七区」" in back.text and "第 1/2 页" in back.text, second_page
    assert conv.text("前一页", reader)[0].text == "这已经是「二七区」结果的第一页了。"
    assert conv.text("第9页", reader)[0].text == "「二七区」的结果只有 2 页。"
    assert "第 1/2 页" in conv.text("第一页", reader)[0].text
    conv.command("latest", "", reader)
    assert conv.text("上一页", reader)[0].text == "这已经是最新文章的第一页了。"
    assert conv.text("previous page", Who(user_id=903, lang="en", chat_id=903))[0].text == (
        "That is already the first page of the latest articles."
    )
    # Words round a page are a search.
    assert "「第二页的新闻」" in conv.text("第二页的新闻", reader)[0].text


def test_a_result_asked_for_by_its_number_opens_that_article(services: Services) -> None:
    """QA pass 24: 第3篇 and 打开第2条 after a list of results were searched as text (on WeChat there is no 📖
    button to press); they open the article listed under that number, on any page of the last results or
    /latest, as its button does; a number past the end, or no results yet, gets a line saying so."""
    conv = services.conversation
    reader = Who(user_id=904, lang="zh", chat_id=904)
    assert conv.text("第2篇", reader)[0].text.startswith("还没有可以打开的结果")
    listed = conv.text("二七区", reader)[0]
    titles = [line.split(". ", 1)[1] for line in listed.text.split("\n") if line[:2] in ("1.", "2.", "3.")]
    for typed, title in (("第2篇", titles[1]), ("打开第三条", titles[2]), ("看 第 1 篇", titles[0])):
        opened = conv.text(typed, reader)
        assert opened[0].text.startswith(title), typed
    sixth = conv.text("第6篇", reader)  # listed on the second page
    (page_two,) = conv.text("第2页", reader)
    assert sixth[0].text.split("\n")[0] in page_two.text
    assert conv.text("第7篇", reader)[0].text == "「二七区」只有 6 篇结果，没有第 7 篇。"
    conv.command("latest", "", reader)
    assert conv.text("打开第1篇", reader)[0].text.split("\n")[0] in conv.command("latest", "", reader)[0].text
    # A count or words round a number are searched as typed.
    assert "「3篇」" in conv.text("3篇", reader)[0].text
    assert "「第3篇报道说了什么」" in conv.text("第3篇报道说了什么", reader)[0].text


def test_page_and_result_zero_say_numbers_start_at_one(services: Services) -> None:
    """QA pass 31: 第0页, 第 0 页 and 第0篇 were searched as words (没有找到与「第0页」相关的文章, or two stories
    holding 第 and 0), in the terminal, on the web page and in WeChat; they say the numbers start at 1."""
    conv = services.conversation
    reader = Who(user_id=905, lang="zh", chat_id=905)
    assert conv.text("第0页", reader)[0].text.startswith("还没有可以翻页的结果")  # nothing listed yet
    conv.text("二七区", reader)
    for typed in ("第0页", "第 0 页", "第〇页", "第零页"):
        assert conv.text(typed, reader)[0].text == "没有第 0 页，页码从 1 开始：发「第1页」看第一页。", typed
    for typed in ("第0篇", "打开第0条", "第零篇"):
        assert (
            conv.text(typed, reader)[0].text == "没有第 0 篇，结果从 1 开始编号：发「第1篇」打开第一篇。"
        ), typed
    conv.command("latest", "", reader)
    assert conv.text("第0页", reader)[0].text == "没有第 0 页，页码从 1 开始：发「第1页」看第一页。"
    english = Who(user_id=905, lang="en", chat_id=905)
    assert (
        conv.text("page 0", english)[0].text
        == "There is no page 0: pages count from 1; send “page 1” for the first."
    )
    assert "「第0页的新闻」" in conv.text("第0页的新闻", reader)[0].text  # words round it: a search


def test_page_and_result_numbers_in_hundreds_are_read(services: Services) -> None:
    """Issue 32: 第一百页, 第一百零二页 and 第两百篇 were searched as words and corrected (已为你搜索「百业」):
    the number reader had no 百. They ask for that page or result, as 第100页 does."""
    conv = services.conversation
    reader = Who(user_id=906, lang="zh", chat_id=906)
    conv.text("二七区", reader)
    for typed in ("第一百页", "第 一 百 页", "第100页"):
        assert conv.text(typed, reader)[0].text == "「二七区」的结果只有 2 页。", typed
    assert conv.text("第一百零二页", reader)[0].text == "「二七区」的结果只有 2 页。"
    assert conv.text("第两百篇", reader)[0].text == "「二七区」只有 6 篇结果，没有第 200 篇。"
    assert conv.text("打开第十一条", reader)[0].text == "「二七区」只有 6 篇结果，没有第 11 篇。"
    assert conv.text("打开第一千零一条", reader)[0].text == "「二七区」只有 6 篇结果，没有第 1001 篇。"


def test_a_number_typed_joined_to_its_command_is_its_argument(services: Services) -> None:
    """QA pass 21: /article1 (no space, as readers type it) and /article_1 (a command Telegram makes a
    link of) got "我不认识 /article1 这个命令"; they open article 1 as /article 1 does. Other commands keep
    their names whole."""
    conv = services.conversation
    (by_space,) = conv.command("article", "1", ZH)
    for name in ("article1", "article_1", "Article1"):
        assert [r.text for r in conv.command(name, "", ZH)] == [by_space.text], name
    assert conv.command("latest2", "", ZH)[0].text == conv.command("latest", "2", ZH)[0].text
    assert conv.command("search1", "", ZH)[0].text.startswith("我不认识 /search1")


def test_a_search_in_latin_letters_that_finds_nothing_says_the_news_is_in_chinese(services: Services) -> None:
    """QA pass 20: English readers (on the web page, in WeChat) searching `epidemic prevention` were told
    only to try other words, which in English find nothing either: the news is Chinese."""
    (english,) = services.conversation.text("epidemic prevention", EN)
    assert english.text.startswith("No article has any of the words of “epidemic prevention”")
    assert "The news here is in Chinese: search with Chinese words, e.g. 疫情 (epidemic)" in english.text
    (chinese,) = services.conversation.text("Housing prices", Who(user_id=903, lang="zh"))  # read as English
    assert "The news here is in Chinese" in chinese.text
    (han,) = services.conversation.text("量子纠缠", ZH)  # Chinese words found nothing: no such line
    assert han.text.startswith("没有") and "中文" not in han.text


@pytest.mark.parametrize("term", ["GDP", "5G", "iPhone15", "G20 APEC", "ZZQQXX"])
def test_a_term_chinese_news_prints_in_latin_letters_gets_no_try_chinese_hint(
    services: Services, term: str
) -> None:
    """Acronyms and names mixing letters with digits (GDP, 5G, iPhone15) are printed in Latin letters by
    Chinese news too: finding nothing, they are told to try other words, not that the news is Chinese."""
    (reply,) = services.conversation.text(term, ZH)
    assert reply.text.startswith("没有") and "中文" not in reply.text
