"""What readers really type, through the real conversation on the seed page (QA pass 4): HTML entities
pasted from a web page, punctuation or emoji alone, filters of exclusions only, timezone typos. Each
gets a reply that reads right, in Chinese and in English."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.console import CONSOLE_CHAT_ID, ConsoleChat
from bot.services import Services, open_services
from bot.settings import Settings
from storage.search.query import parse_query
from tests.bot_support import SEEDS, bot_settings, running_bot
from tests.telegram_emulator import TelegramEmulator, utf16_len


@pytest.fixture
def services(tmp_path: Path) -> Iterator[Services]:
    settings = Settings(_env_file=None, db=tmp_path / "r.db", seeds=SEEDS)  # type: ignore[call-arg]
    # The subscription commands as they answer where digests are pushed (Telegram: times, next digests),
    # rendered as the terminal renders them; the terminal's own answers: tests/test_bot_console.py.
    opened = open_services(settings, markup=PLAIN, pushes=True)
    yield opened
    opened.close()


def _chat(services: Services, lang: str = "zh") -> ConsoleChat:
    return ConsoleChat(
        services.conversation, Who(user_id=0, lang=lang, is_admin=True, chat_id=CONSOLE_CHAT_ID)
    )


@pytest.fixture
def console(services: Services) -> ConsoleChat:
    return _chat(services)


def _say(console: ConsoleChat, line: str) -> str:
    return console.handle(line)


# ---- HTML entities (a query copied from a web page's source or an escaped message) ------------------


@pytest.mark.parametrize(
    ("typed", "terms"),
    [
        ("保交楼 &amp; 人才", ("保交楼", "人才")),
        ("&lt;b&gt;保交楼&lt;/b&gt;", ("保交楼",)),
        ("&#20445;&#x4EA4;楼", ("保交楼",)),
        ("&quot;保交楼&quot;", ("保交楼",)),
    ],
)
def test_html_entities_in_a_query_are_the_characters_they_stand_for(typed: str, terms: tuple[str, ...]):
    assert parse_query(typed).terms == terms


def test_an_entity_is_never_named_as_a_word_left_out(console: ConsoleChat):
    """Regression: 保交楼 &amp; 足球 said 已去掉：「amp」、「足球」."""
    reply = _say(console, "保交楼 &amp; 足球")
    assert "区人大常委会 调研老旧小区改造工作" in reply
    assert "amp" not in reply.replace("&amp;", "")


# ---- nothing to search for -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["？？？", "?", "。", "😀", "&amp;", "……！！", "/search ？", "/s <b>", "<br/>", "&lt;p&gt;"]
)
@pytest.mark.parametrize(
    ("lang", "asked"),
    [("zh", "请告诉我要找什么，例如：保交楼"), ("en", "Tell me what to look for, e.g. 保交楼")],
)
def test_a_message_with_nothing_to_search_for_asks_what_to_look_for(
    services: Services, typed: str, lang: str, asked: str
):
    """Punctuation, an emoji or an entity alone holds no word: the reply asks for one, as an empty
    search does, instead of saying nothing was found for it."""
    assert _say(_chat(services, lang), typed) == asked


@pytest.mark.parametrize("typed", ["/", " / ", "／"])
@pytest.mark.parametrize(("lang", "help_starts"), [("zh", "newsbot 可用命令："), ("en", "newsbot commands:")])
def test_a_slash_alone_lists_the_commands(services: Services, typed: str, lang: str, help_starts: str):
    """Issue 34 (a new reader's pass): a slash alone, a reader looking for the commands, was asked what to
    look for; it gets the command list /help gives."""
    assert _say(_chat(services, lang), typed).startswith(help_starts)


@pytest.mark.parametrize(
    "typed", ["第3个订阅", "看第三个订阅", "订阅#3", "订阅 ＃3", "#3订阅", "第 3 个订阅吧"]
)
def test_a_subscription_named_by_its_number_gets_the_commands_that_take_it(console: ConsoleChat, typed: str):
    """Issue 34: `第3个订阅` was searched (`已去掉：「订阅」`, stories holding 第3); `订阅#3` said how to
    subscribe to 「#3」. A subscription named by its number gets the commands that take that number."""
    assert _say(console, typed) == (
        "第 3 个订阅：发 /digest 3 看它的新文章，/unsubscribe 3 取消它；/subscriptions 列出你的全部订阅和编号。"
    )


def test_subscription_number_zero_is_said_to_be_none(console: ConsoleChat):
    assert _say(console, "第0个订阅") == "订阅从 1 开始编号：/subscriptions 列出你的全部订阅和编号。"


@pytest.mark.parametrize("typed", ["第3个", "订阅 3号线", "订阅人才", "3个订阅"])
def test_what_names_no_subscription_number_is_read_as_before(console: ConsoleChat, typed: str):
    assert "/unsubscribe 3" not in _say(console, typed)


@pytest.mark.parametrize("typed", ["NOT 保交楼", "-保交楼", "-保交楼 -郑州"])
@pytest.mark.parametrize(
    ("lang", "said"),
    [
        ("zh", "搜索需要一个要找的词，减号或 NOT 后的词是要排除的，例如：保交楼 -郑州"),
        ("en", "A search needs a word to find; words after a minus or NOT are left out, e.g. 保交楼 -郑州"),
    ],
)
def test_a_search_of_words_to_leave_out_only_says_it_needs_a_word_to_find(
    services: Services, typed: str, lang: str, said: str
):
    """QA pass 7: NOT 保交楼 listed the stories holding 保交楼, and -保交楼 said none was found about it."""
    assert _say(_chat(services, lang), typed) == said


# ---- a subscription to everything but some words ----------------------------------------------------


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("zh", "全部新闻（不含：体育、娱乐）"), ("en", "all news (without: 体育, 娱乐)")],
)
def test_a_subscription_of_exclusions_only_reads_as_all_news_without_them(
    services: Services, lang: str, shown: str
):
    """Regression: it read 推送与「（不含：体育、娱乐）」相关的新闻, "news about (without: 体育, 娱乐)"."""
    chat = _chat(services, lang)
    created = _say(chat, "/subscribe 8:00 -体育 -娱乐")
    listed = _say(chat, "/subscriptions")
    for reply in (created, listed):
        assert shown in reply
        assert "「（" not in reply and "about (" not in reply


def test_subscription_keywords_read_html_entities_as_their_characters(console: ConsoleChat):
    """&amp; alone holds nothing to search for (it subscribed to the word「&amp;」, which no digest ever
    matched); &quot;保交楼&quot; is the phrase 保交楼."""
    refused = _say(console, "/subscribe 8:00 &amp;")
    assert "没有可以搜索的字" in refused
    assert "你还没有订阅" in _say(console, "/subscriptions")
    created = _say(console, "/subscribe 8:00 &quot;保交楼&quot;")
    assert '推送与「"保交楼"」相关的新闻' in created
    assert "区人大常委会 调研老旧小区改造工作" in _say(console, "/digest")


# ---- a timezone with a slip ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "meant"),
    [
        ("Asia/Shangai", "Asia/Shanghai"),
        ("europe/londn", "Europe/London"),
        ("America/New_Yrok", "America/New_York"),
        ("Shanghia", "Asia/Shanghai"),
    ],
)
@pytest.mark.parametrize(
    ("lang", "offer"),
    [
        ("zh", "是不是 {meant}？发送 /timezone {meant}"),
        ("en", "Did you mean {meant}? Send /timezone {meant}"),
    ],
)
def test_a_timezone_with_a_slip_offers_the_zone_meant_and_changes_nothing(
    services: Services, typed: str, meant: str, lang: str, offer: str
):
    chat = _chat(services, lang)
    reply = _say(chat, f"/timezone {typed}")
    assert offer.format(meant=meant) in reply
    assert "Asia/Shanghai" in _say(chat, "/timezone")  # unchanged: the default


def test_a_timezone_like_no_zone_offers_none(console: ConsoleChat):
    reply = _say(console, "/timezone Mars/Olympus")
    assert "不认识时区「Mars/Olympus」" in reply and "是不是" not in reply


# ---- midnight written as 24:00 ---------------------------------------------------------------------


@pytest.mark.parametrize("typed", ["24:00", "24点", "二十四点", "晚上24点", "２４：００"])
@pytest.mark.parametrize(
    ("lang", "offer"),
    [
        ("zh", "午夜请写 00:00（或 晚上12点），例如 /subscribe 00:00"),
        ("en", "midnight is 00:00 (or 12am), e.g. /subscribe 00:00"),
    ],
)
def test_a_subscription_at_24_oclock_is_told_how_to_write_midnight(
    services: Services, typed: str, lang: str, offer: str
):
    """24:00 is no time of the day (a digest is sent at most once a day, from 00:00 to 23:59): the reply
    says how midnight is written instead of only listing other times; nothing is subscribed."""
    chat = _chat(services, lang)
    assert offer in _say(chat, f"/subscribe {typed} 人才")
    assert "00:00" not in _say(chat, "/subscriptions")


@pytest.mark.parametrize(
    ("lang", "shown"),
    [("zh", "关键词：全部新闻（不含：体育）"), ("en", "Keywords: all news (without: 体育)")],
)
def test_a_digest_of_exclusions_only_heads_its_keywords_as_all_news_without_them(
    services: Services, lang: str, shown: str
):
    """Regression: the digest's keyword line read 关键词：（不含：体育）."""
    chat = _chat(services, lang)
    _say(chat, "/subscribe 8:00 -体育")
    assert shown in _say(chat, "/digest")


# ---- many subscriptions with long keywords ---------------------------------------------------------


def _long_keywords(i: int, mark: str = "长") -> str:
    """Ten keywords of 30 characters (the most a subscription may have)."""
    return " ".join(f"关键词{i:02d}{j}" + mark * 23 for j in range(10))


async def test_subscriptions_list_of_the_most_and_longest_subscriptions_fits_one_telegram_message(
    telegram_emulator: TelegramEmulator, tmp_path: Path
):
    """Regression: 20 subscriptions of ten 30-character keywords listed 6,562 characters, which Telegram
    refused (message is too long), so /subscriptions answered nothing. Every subscription is still
    listed, with its id and time."""
    emu = telegram_emulator
    async with running_bot(bot_settings(emu, tmp_path / "news.db")):
        for i in range(20):
            mark = "😀" if i % 2 else "长"  # an emoji is two UTF-16 units
            update = emu.push_message(f"/subscribe {i}:00 {_long_keywords(i, mark)}", user=emu.user(1001))
            await emu.wait_for_messages(1001, 1, after=update["message"]["message_id"])
        update = emu.push_message("/subscriptions", user=emu.user(1001))
        (listing,) = await emu.wait_for_messages(1001, 1, after=update["message"]["message_id"])
    assert [(c.method, c.error) for c in emu.errors()] == []
    assert utf16_len(listing.text) <= 4096
    for i in range(20):
        assert f"#{i + 1} · 每天 {i:02d}:00" in listing.text


# ---- the paper's own readers name their city ---------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["郑州", "郑州市", "鄭州", "河南", "河南省", "广州", "深圳市", "成都时间", "上海市", "北京市"]
)
def test_a_city_or_province_of_mainland_china_is_beijing_time(console: ConsoleChat, typed: str):
    """Regression: /timezone 郑州 (where the paper is), 上海市 or 河南省 were unknown timezones; all of
    mainland China keeps Beijing time."""
    _say(console, "/timezone Europe/London")
    reply = _say(console, f"/timezone {typed}")
    assert reply.startswith("时区已设为 Asia/Shanghai"), reply


def test_hong_kong_and_macau_keep_their_own_zones(console: ConsoleChat):
    assert _say(console, "/timezone 香港特别行政区").startswith("时区已设为 Asia/Hong_Kong")
    assert _say(console, "/timezone 澳门").startswith("时区已设为 Asia/Macau")


# ---- a quote or bracket left open in keywords --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ('"郑州 大学', "与「郑州、大学」相关的新闻"),
        ("（二七区", "与「二七区」相关的新闻"),
        ("二七区）", "与「二七区」相关的新闻"),
        ("【保交楼", "与「保交楼」相关的新闻"),
        ("《人才", "与「人才」相关的新闻"),
        ("二七区 -（人才", "与「二七区（不含：人才）」相关的新闻"),
        ("(二七区)", "与「(二七区)」相关的新闻"),  # balanced: kept as typed
    ],
)
def test_a_quote_or_bracket_left_open_in_keywords_is_dropped(console: ConsoleChat, typed: str, shown: str):
    """Regression: /subscribe 8:00 "郑州 大学 showed「"郑州"、大学」, （二七区 showed「(二七区」."""
    assert shown in _say(console, f"/subscribe 8:00 {typed}")


# ---- English days with a possessive ------------------------------------------------------------------


@pytest.mark.parametrize(
    "typed", ["yesterday's news", "today’s news", "last week's news", "Yesterday's stories"]
)
def test_an_english_day_with_a_possessive_is_a_date_only_question(typed: str):
    """Regression: yesterday's news searched for the word「s」and found nothing."""
    parsed = parse_query(typed, today=date(2026, 12, 6))
    assert parsed.date_only and parsed.terms == ()


def test_yesterdays_news_lists_that_day_or_the_latest_day_with_news(services: Services):
    reply = _say(_chat(services, "en"), "yesterday's news")
    assert "The latest day with news is 2023-04-12" in reply


# ---- keywords listed with Chinese punctuation --------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("人才，电梯", "与「人才、电梯」相关的新闻"),
        ("人才、电梯", "与「人才、电梯」相关的新闻"),
        ("人才,电梯;宗教", "与「人才、电梯、宗教」相关的新闻"),
        ("-体育，娱乐", "全部新闻（不含：体育、娱乐）"),
        ("1,000万", "与「1,000万」相关的新闻"),  # a number's thousands separator is no list
        ('"郑州，大学"', '与「"郑州,大学"」相关的新闻'),  # a quoted phrase stays whole
    ],
)
def test_keywords_listed_with_commas_are_each_a_keyword(console: ConsoleChat, typed: str, shown: str):
    """Regression: /subscribe 8:00 人才，电梯 was one keyword holding both words, so its digests held only
    articles with both (none on the seed page) while 人才 电梯 means either."""
    assert shown in _say(console, f"/subscribe 8:00 {typed}")


def test_a_digest_of_keywords_listed_with_a_comma_carries_articles_of_either(console: ConsoleChat):
    _say(console, "/subscribe 8:00 人才，电梯")
    assert "下一份摘要将有 3 篇文章" in _say(console, "/digest")


@pytest.mark.parametrize("typed", ["Asia/Beijing", "asia/beijing", "北京 时间", "东八", "北京市 时间"])
def test_what_chinese_readers_type_for_beijing_time_is_asia_shanghai(console: ConsoleChat, typed: str):
    """Regression: Asia/Beijing (no such IANA name, a common guess), 北京 时间 with a space and 东八 were
    unknown timezones."""
    _say(console, "/timezone Europe/London")
    assert _say(console, f"/timezone {typed}").startswith("时区已设为 Asia/Shanghai")


@pytest.mark.parametrize("typed", ["，", "、、", ";", "-，"])
def test_list_marks_alone_are_refused_as_no_keyword_not_a_subscription_to_everything(
    console: ConsoleChat, typed: str
):
    reply = _say(console, f"/subscribe 8:00 {typed}")
    assert "没有可以搜索的字" in reply
    assert "你还没有订阅" in _say(console, "/subscriptions")


# ---- dates no calendar has (QA pass 6) ----------------------------------------------------------------


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("2月30日", ("2月30日",)),
        ("２月３０日有什么新闻", ("2月30日",)),
        ("13月1日 保交楼", ("13月1日",)),
        ("2023-02-30", ("2023-02-30",)),
        ("Feb 30, 2023", ("2023年2月30日",)),
        ("2023年2月29日", ("2023年2月29日",)),  # not a leap year
        ("2024年2月29日", ()),
        ("2月29日", ()),  # some year has it
        ("4月6日", ()),
        ("3.5亿", ()),
        ("13月薪", ()),
    ],
)
def test_dates_no_calendar_has_are_named(typed: str, named: tuple[str, ...]):
    assert parse_query(typed, today=date(2026, 12, 6)).no_such_dates == named


@pytest.mark.parametrize(
    ("lang", "typed", "said"),
    [
        ("zh", "2月30日", "日历上没有「2月30日」这一天"),
        ("en", "February 30", "There is no such day as “2月30日”"),
    ],
)
def test_a_date_no_calendar_has_is_told_so(services: Services, lang: str, typed: str, said: str):
    """QA: 2月30日 was answered 没有找到与「2月30日」相关的文章, as if such a day could have had news."""
    out = _say(_chat(services, lang), typed)
    assert said in out, out


@pytest.mark.parametrize(
    "typed", ["/article 3。", "/article 编号3", "/article 编号 3", "/article 第3篇", "/article No. 3"]
)
def test_an_article_number_as_readers_write_it_opens_the_article(console: ConsoleChat, typed: str):
    """QA pass 7: /article 3。 (a Chinese full stop after the number) and /article 编号 3 (as the article's
    own header labels it) were refused as no valid article number."""
    assert "二七区委统战工作暨全区宗教工作会议召开" in _say(console, typed).splitlines()[0]


@pytest.mark.parametrize("typed", ["/unsubscribe {id}。", "/unsubscribe 编号{id}", "/unsubscribe #{id}."])
def test_a_subscription_id_as_readers_write_it_is_unsubscribed(console: ConsoleChat, typed: str):
    """QA pass 7: /unsubscribe 2。 said it could not read 「2。」."""
    said = _say(console, "/subscribe 8:00 人才")
    sub_id = int(said.split("订阅编号 ")[1].split("。")[0])
    assert _say(console, typed.format(id=sub_id)) == f"已取消订阅 #{sub_id}。"
    assert "还没有订阅" in _say(console, "/subscriptions")


def test_a_digest_id_with_a_full_stop_previews_that_subscription(console: ConsoleChat):
    said = _say(console, "/subscribe 8:00 人才")
    sub_id = said.split("订阅编号 ")[1].split("。")[0]
    assert "看不懂" not in _say(console, f"/digest {sub_id}。")


@pytest.mark.parametrize(
    "again", ["/subscribe 8:00 保交樓", '/subscribe 8:00 "保交楼"', "/subscribe 8:00 ＢＲＴ 保交楼"]
)
def test_the_same_keywords_in_another_script_or_quoted_are_the_same_subscription(
    console: ConsoleChat, again: str
):
    """QA pass 7: /subscribe 8:00 保交樓 after /subscribe 8:00 保交楼 made a second subscription (the same
    stories, so two digests of them), as did the word quoted."""
    first = "/subscribe 8:00 brt 保交楼" if "ＢＲＴ" in again else "/subscribe 8:00 保交楼"
    assert "订阅编号" in _say(console, first)
    assert "你已经有这个订阅了" in _say(console, again)
    assert _say(console, "/subscriptions").count("每天 08:00") == 1


def test_article_numbers_past_the_few_opened_are_named_with_the_command_that_opens_them(
    console: ConsoleChat,
):
    """QA pass 7: /article 1 2 3 4 5 opened three articles and said nothing of 4 and 5; /article 1 1 2
    opened only the first (the repeat counted against the three)."""
    said = _say(console, "/article 1 2 3 4 5")
    assert said.count("编号 ") == 3 and "一次最多打开 3 篇，其余的：/article 4、/article 5" in said
    assert _say(console, "/article 1 1 2").count("编号 ") == 2


@pytest.mark.parametrize(("typed", "time"), [("/digest 7点半", "07:30"), ("/digest 8:00", "08:00")])
def test_a_time_given_to_digest_points_to_subscribe(console: ConsoleChat, typed: str, time: str):
    """QA pass 7: /digest 7点半 (a reader setting the digest's time) was answered only "don't understand
    「7点半」"; /digest previews, so the reply says how to get a digest at that time."""
    assert (
        _say(console, typed)
        == f"/digest 只是预览摘要，不设时间。想每天 {time} 收到摘要，请发 /subscribe {time}"
    )
    assert "新闻摘要" in _say(console, "/digest")  # the preview itself is unchanged


# ---- invisible characters pasted into a command (QA pass 17) ---------------------------------------------


@pytest.mark.parametrize(
    ("typed", "expected"),
    [
        ("/article \u200b1", "区人大常委会"),  # a zero-width space copied with the number
        ("/article 1\u200b", "区人大常委会"),
        ("/article\u200b 1", "区人大常委会"),  # inside the command's name
        ("/timezone \u202aUTC+9\u202c", "时区已设为 UTC+9"),  # direction marks round a pasted value
        ("/lang \u200fen", "OK, replies and digests will be in English"),
        ("/latest \u200b2", "没有更早的文章了"),  # the seed page's six fit one page
    ],
)
def test_a_command_with_invisible_characters_reads_as_the_reader_sees_it(
    console: ConsoleChat, typed: str, expected: str
):
    """Before, 「​1」不是有效的文章编号 (the reader sees a 1), an unknown timezone or language."""
    assert expected in _say(console, typed)


def test_a_subscription_that_excludes_what_it_asks_for_says_so_and_stores_nothing(console: ConsoleChat):
    """QA pass 17: it was stored as 「保交楼（不含：保交楼）」, a digest that never comes."""
    reply = _say(console, "/subscribe 8:00 保交楼 -保交楼")
    assert reply.startswith("「-保交楼」把你要的关键词也排除了，这个订阅永远收不到文章。")
    assert _say(console, "/subscriptions").startswith("你还没有订阅。")
