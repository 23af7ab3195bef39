"""Follow-up questions in a chat (issue 20, continued): a message naming no topic of its own (它是哪天开的,
那个会后来咋样了, 后来呢, 详细说说) is read with the topic of the chat's last search, kept 30 minutes."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta

import pytest

from bot.chat.conversation import Conversation
from bot.chat.exchange import Who
from bot.chat.followups import (
    MAX_HEADLINE_TOPIC_WORDS,
    Asks,
    FollowUp,
    follow_up_query,
    headline_shown,
    headline_topic,
    read_follow_up,
    shown_topic,
    topic_of_search,
    topic_words,
)
from bot.chat.replies import PLAIN
from bot.chat.state import Confirmations, QueryStore, TopicStore
from bot.services import Services, open_services
from bot.settings import Settings
from storage.search.query import parse_query
from tests.bot_support import SEEDS

ZH = Who(user_id=11, lang="zh", chat_id=11)
EN = Who(user_id=12, lang="en", chat_id=12)
NO_TOPIC = "你问的是哪件事"
UNITED_FRONT = 3  # the seed story of the 统战工作会议 (its /article number)


@pytest.mark.parametrize(
    ("message", "expected"),
    [
        ("那个会后来咋样了", FollowUp(Asks.STATUS)),
        ("后来呢？", FollowUp(Asks.STATUS)),
        ("那事呢", FollowUp(Asks.STATUS)),
        ("此事进展如何", FollowUp(Asks.STATUS)),
        ("它是哪天开的", FollowUp(Asks.ASK, "是哪天开的")),
        ("他是谁", FollowUp(Asks.ASK, "是谁")),
        ("那个会议有多少人参加", FollowUp(Asks.ASK, "有多少人参加")),
        ("还有别的吗", FollowUp(Asks.MORE)),
        ("其他的呢", FollowUp(Asks.MORE)),
        ("详细说说", FollowUp(Asks.DETAIL)),
        ("当时有多少人参加", FollowUp(Asks.ASK, "有多少人参加")),
        ("那为啥", FollowUp(Asks.ASK, "为啥")),
        ("这是哪天的新闻", FollowUp(Asks.ASK, "哪天的新闻")),
        ("When was it?", FollowUp(Asks.ASK, "哪天")),  # asked in the archive's language
        ("what happened next", FollowUp(Asks.STATUS)),
        ("tell me more", FollowUp(Asks.DETAIL)),
        ("为什么呢", FollowUp(Asks.ASK, "为什么呢")),  # a bare question asks about the topic
        ("是谁", FollowUp(Asks.ASK, "是谁")),
        ("到底在哪儿啊", FollowUp(Asks.ASK, "到底在哪儿啊")),
        ("why?", FollowUp(Asks.ASK, "为什么")),
        ("再来几条", FollowUp(Asks.MORE)),
        ("还有一些吗", FollowUp(Asks.MORE)),
    ],
)
def test_messages_naming_no_topic_are_follow_ups(message: str, expected: FollowUp) -> None:
    assert read_follow_up(message) == expected


@pytest.mark.parametrize(
    "message",
    [
        "保交楼那事怎么样了",  # names its topic: a status question of its own
        "统战工作会议是哪天开的",
        "好的",
        "什么？",  # surprise, not a question about the topic
        "那个统战会后来咋样了",  # 统战 names the meeting
        "when was APEC held",
        "what",
        "新闻",  # the latest news (/latest), not the story before
        "那曲",  # a place starting with 那
        "这些年",
        "什么新闻",  # a question word beside a word of its own
        "哪些人",
    ],
)
def test_messages_with_a_topic_or_no_reference_are_not_follow_ups(message: str) -> None:
    assert read_follow_up(message) is None


def test_the_topic_of_a_question_is_its_words_without_the_verb_it_asks_with() -> None:
    assert topic_words(parse_query("谁主持了统战工作会议")) == ["统战工作", "会议"]
    assert topic_words(parse_query("2023年4月统战工作会议谁主持")) == ["2023年4月", "统战工作", "会议"]
    assert topic_words(parse_query('"量子芯片" 谁发布的')) == ['"量子芯片"']
    assert shown_topic("统战工作 会议") == "统战工作会议"


def test_a_topic_keeps_a_name_whole_that_segmentation_cuts_a_character_off() -> None:
    # jieba cuts 消博会 into 消 and 博会; the reader typed 消博会, and 博会 alone finds flower fairs
    assert topic_words(parse_query("第二届消博会叫什么名字")) == ["第二届", "消博会"]
    assert topic_words(parse_query("消博会是哪天开幕的")) == ["消博会"]
    # a headline read as keywords glues the character to the word before: whole, as the search reads it
    assert headline_topic(parse_query("第二届消博会闭幕")) == ["第二届消", "博会"]
    # a short name the synonym table knows (进博会) stays whole in a headline too
    assert headline_topic(parse_query("第二届进博会闭幕")) == ["第二届", "进博会"]
    # a character that is a word of its own stays out, and so does one a date holds
    assert topic_words(parse_query("谁访问了法国")) == ["访问", "法国"]
    assert headline_topic(parse_query("为民营企业注入金融活水"))[0] == "民营企业"  # 为: a preposition
    assert topic_words(parse_query("2019年10月进博会是哪天")) == ["2019年10月", "进博会"]


def test_a_topic_keeps_the_verbs_that_name_what_happened() -> None:
    # only the verbs a question or headline asks or tells with (主持, 举办, 参加) are left out
    assert headline_topic(parse_query("国庆70周年阅兵纪实")) == ["国庆", "70周年", "阅兵", "纪实"]
    assert topic_words(parse_query("阅兵有多少人参加？")) == ["阅兵"]
    assert topic_words(parse_query("习近平会见了谁？")) == ["习近平", "会见"]


def test_an_opened_storys_topic_is_its_headlines_first_words_without_verbs() -> None:
    assert headline_topic(parse_query("东湖区举办乡村医生培训")) == ["东湖区", "乡村", "医生", "培训"]
    long_headline = "二七区委统战工作暨全区宗教工作会议召开 把方方面面的人心和力量凝聚起来"
    assert len(headline_topic(parse_query(long_headline))) == MAX_HEADLINE_TOPIC_WORDS
    assert shown_topic("APEC 2024 会议") == "APEC 2024会议"


@pytest.mark.parametrize(
    ("headline", "shown"),
    [
        # the words left out (成立, 在) and the headline's space between its lines, as printed
        (
            "庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场举行盛大阅兵仪式和群众游行",
            "庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场",
        ),
        ("走向更加广阔的舞台 写在民营企业座谈会召开一周年之际", "走向更加广阔的舞台 写在民营企业座谈会"),
        ("西山区乡村医生培训会议召开", "西山区乡村医生培训会议"),
        # a quoted phrase with its quote marks as printed, both of them
        ("“大阅兵·2019”直播院线电影多语种版全球上映", "“大阅兵·2019”直播院线电影多语种版全球"),
        ("东湖区举办“乡村医生”培训", "东湖区举办“乡村医生”培训"),
        ("全国人大常委会审议《个人信息保护法》", "全国人大常委会审议《个人信息保护法》"),
        # lines on lines of their own and a run of spaces: one space
        ("二七区委统战工作会议召开\n\n把人心凝聚起来", "二七区委统战工作会议召开 把人心凝聚"),
        ("習近平會見法國總統", "習近平會見法國總統"),  # as printed: traditional script stays
        # far apart in the headline: "…" between them; a bracket the piece does not close left out
        ("书写全球减贫史重要篇章（和音） 世界瞩目中国“两会时间”③", "书写全球减贫史重要篇章…“两会时间”"),
        ("汪德祥：英勇前进 以身殉职（为了民族复兴·英雄烈士谱）", "汪德祥：英勇前进 以身殉职 为了民族"),
    ],
)
def test_an_opened_storys_topic_is_shown_as_its_headline_prints_it(headline: str, shown: str) -> None:
    assert headline_shown(headline, headline_topic(parse_query(headline))) == shown


@pytest.mark.parametrize(
    ("topic", "shown"),
    [
        # QA pass 29: a WeChat topic line read 「"大阅兵·2019"直播院线电影多语种版全球」
        ('"大阅兵·2019" 直播 院线 电影 多语种版 全球', "大阅兵·2019 直播院线电影多语种版全球"),
        ('进博会 "一带一路" 合作', "进博会 一带一路 合作"),
        ('"保交楼"', "保交楼"),
    ],
)
def test_a_quoted_phrase_of_the_topic_is_shown_without_the_query_s_quote_marks(
    topic: str, shown: str
) -> None:
    assert shown_topic(topic) == shown


def test_a_follow_up_asks_the_topic_with_its_own_question() -> None:
    assert follow_up_query("统战工作 会议", FollowUp(Asks.ASK, "是哪天开的")) == "统战工作 会议 是哪天开的"
    assert follow_up_query("统战工作 会议", FollowUp(Asks.STATUS)) == "统战工作 会议 现在怎么样了"
    assert follow_up_query("统战工作 会议", FollowUp(Asks.MORE)) == "统战工作 会议"


# ---- through the conversation ----------------------------------------------------------------------------


@pytest.fixture(scope="module")
def services(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    db = tmp_path_factory.mktemp("follow-ups") / "newsbot.db"
    opened = open_services(Settings(_env_file=None, db=db, seeds=SEEDS), markup=PLAIN)  # type: ignore[call-arg]
    yield opened
    opened.close()


def texts(replies: list) -> str:
    return "\n".join(r.text for r in replies)


def first_article(replies: list) -> str | None:
    """The data of the first article button of the replies (``a:<id>``)."""
    return next((b.data for r in replies for row in r.buttons for b in row if b.data.startswith("a:")), None)


def test_a_when_question_after_a_question_is_about_its_story(services: Services) -> None:
    conv = services.conversation
    conv.text("谁主持了统战工作会议？", ZH)
    replies = conv.text("它是哪天开的", ZH)
    assert "接着上一条：统战工作会议" in replies[0].text
    assert "没有找到" not in texts(replies)
    header = replies[0].text.splitlines()[0]  # what the reader typed, not the query it was read as
    assert "「它是哪天开的」" in header and "统战工作 会议" not in header
    assert first_article(replies) == f"a:{UNITED_FRONT}"


def test_a_status_follow_up_searches_the_topic_as_a_question_about_now(services: Services) -> None:
    conv = services.conversation
    conv.text("谁主持了统战工作会议？", ZH)
    replies = conv.text("那个会后来咋样了", ZH)
    assert "接着上一条：统战工作会议" in replies[0].text and "后来咋样了" in replies[0].text
    assert first_article(replies) == f"a:{UNITED_FRONT}"


def test_asking_for_detail_opens_the_story_shown_first(services: Services) -> None:
    conv = services.conversation
    conv.text("保交楼", ZH)
    first = first_article(conv.text("保交楼", ZH))
    replies = conv.text("详细说说", ZH)
    assert replies[0].text == "接着上一条：保交楼"
    assert first == "a:1" and "编号 1" in replies[1].text  # the article itself, in full


def test_the_topic_follows_on_through_several_follow_ups(services: Services) -> None:
    conv = services.conversation
    conv.text("谁主持了统战工作会议？", ZH)
    conv.text("它是哪天开的", ZH)
    replies = conv.text("还有别的吗", ZH)
    # the follow-up's one page was shown: its line names the topic, not 统战工作会议 是哪天开的
    assert replies[0].text == "「统战工作会议」的结果已经全部列完了，这是最后一页。"


def test_a_bare_question_after_a_search_asks_about_its_topic(services: Services) -> None:
    conv = services.conversation
    conv.text("统战工作会议", ZH)
    replies = conv.text("为什么呢", ZH)
    assert "接着上一条：统战工作会议" in replies[0].text
    assert first_article(replies) == f"a:{UNITED_FRONT}"


def test_a_bare_question_with_no_search_before_asks_what_it_refers_to(services: Services) -> None:
    (reply,) = services.conversation.text("是谁啊", Who(user_id=22, lang="zh", chat_id=22))
    assert NO_TOPIC in reply.text and "没有找到" not in reply.text


def test_asking_for_other_stories_after_a_topics_results_turns_to_the_ones_not_shown(
    services: Services,
) -> None:
    """还有别的吗 after the first page of 二七区's results showed that page again: the reader asked for the
    stories not yet shown."""
    conv = services.conversation
    reader = Who(user_id=41, lang="zh", chat_id=41)
    assert "第 1/2 页" in conv.text("二七区", reader)[0].text
    (second,) = conv.text("还有别的吗", reader)
    assert "「二七区」" in second.text and "第 2/2 页" in second.text
    assert conv.text("还有别的吗", reader)[0].text == "「二七区」的结果已经全部列完了，这是最后一页。"


def test_asking_for_other_stories_after_a_question_that_showed_them_all_says_so(services: Services) -> None:
    """还有别的吗 after a question whose one page held every story on its topic searched the topic again and
    showed the same story under 接着上一条, where 还有吗 says every result was listed."""
    conv = services.conversation
    reader = Who(user_id=44, lang="zh", chat_id=44)
    assert "共 1 篇" in conv.text("谁主持了统战工作会议？", reader)[0].text
    (reply,) = conv.text("还有别的吗", reader)
    assert reply.text == "「统战工作会议」的结果已经全部列完了，这是最后一页。"
    assert conv.text("还有吗", reader)[0].text.startswith("「谁主持了统战工作会议？」的结果已经全部列完了")


@pytest.mark.parametrize("more", ["还有别的吗", "还有其他的吗", "还有没有", "还有吗"])
def test_asking_for_other_stories_after_a_follow_ups_results_turns_their_page(
    services: Services, more: str
) -> None:
    """QA pass 29: 还有别的吗 after a follow-up's first page (它是哪天的) searched the topic again and showed
    page 1, where 还有吗 turned to page 2: both ask for the stories not yet shown."""
    conv = services.conversation
    reader = Who(user_id=43, lang="zh", chat_id=43)
    conv.text("二七区", reader)
    (first,) = [r for r in conv.text("它是哪天的", reader) if r.buttons]
    assert "第 1/2 页" in first.text
    (second,) = conv.text(more, reader)
    assert "「它是哪天的」" in second.text and "第 2/2 页" in second.text
    assert "接着上一条：二七区\n" in second.text


def test_every_page_of_a_follow_ups_results_shows_what_the_reader_typed(services: Services) -> None:
    """The first page's header showed 「它是哪天的」 but the next page (下一页, ▶) the search it was read as,
    「二七区 是哪天的」."""
    conv = services.conversation
    reader = Who(user_id=42, lang="zh", chat_id=42)
    conv.text("二七区", reader)
    (first,) = [r for r in conv.text("它是哪天的", reader) if r.buttons]
    assert "「它是哪天的」" in first.text and "第 1/2 页" in first.text
    (second,) = conv.text("下一页", reader)
    assert "「它是哪天的」" in second.text and "第 2/2 页" in second.text
    assert "二七区 是哪天的" not in second.text
    # QA pass 24: the later pages dropped the line naming the topic, so 「后来呢」 said nothing there.
    assert "接着上一条：二七区\n" in first.text and "接着上一条：二七区\n" in second.text
    forward = next(b.data for b in first.buttons[-1] if b.label == "▶")
    assert forward is not None
    turned = conv.press(forward, reader).edit
    assert turned is not None and "「它是哪天的」" in turned.text and "第 2/2 页" in turned.text
    assert "接着上一条：二七区\n" in turned.text
    # QA pass 26: a line about the results named them 「它是哪天的」; they are the topic's, 二七区
    assert conv.text("下一页", reader)[0].text == "「二七区」的结果已经全部列完了，这是最后一页。"
    assert conv.text("还有吗", reader)[0].text == "「二七区」的结果已经全部列完了，这是最后一页。"
    assert conv.text("第99篇", reader)[0].text.startswith("「二七区」只有 ")


@pytest.mark.parametrize(
    ("typed", "query", "topic"),
    [
        ("它是哪天的", "二七区 是哪天的", "二七区"),  # a question: its words follow the topic's
        ("还有别的吗", "二七区", "二七区"),  # more of the same: the topic alone
        ("后来呢", follow_up_query("二七区", FollowUp(Asks.STATUS)), "二七区"),  # how it went on
        ("保交楼", "保交楼", None),  # no follow-up
    ],
)
def test_the_topic_a_follow_ups_search_was_read_with(typed: str, query: str, topic: str | None) -> None:
    assert topic_of_search(query, typed) == topic
    follow_up = read_follow_up(typed)
    if follow_up is not None:  # the inverse of follow_up_query
        assert follow_up_query(topic or "", follow_up) == query


def test_a_follow_up_with_no_search_before_asks_what_it_refers_to(services: Services) -> None:
    (reply,) = services.conversation.text("那个会后来咋样了", Who(user_id=21, lang="zh", chat_id=21))
    assert NO_TOPIC in reply.text and "没有找到" not in reply.text


def test_each_chat_has_its_own_topic(services: Services) -> None:
    conv = services.conversation
    conv.text("保交楼", Who(user_id=31, chat_id=31))
    conv.text("谁主持了统战工作会议？", Who(user_id=32, chat_id=32))
    assert "接着上一条：保交楼" in conv.text("后来呢", Who(user_id=31, chat_id=31))[0].text
    assert NO_TOPIC in conv.text("后来呢", Who(user_id=33, chat_id=33))[0].text


def test_an_english_reader_is_told_in_english(services: Services) -> None:
    conv = services.conversation
    assert "“保交楼”" in conv.text("保交楼", EN)[0].text  # Chinese keywords: the device's English
    (reply,) = conv.text("后来呢", EN)  # a Chinese question is answered in Chinese (issue 34)
    assert "接着上一条：保交楼" in reply.text
    replies = conv.text("When was it?", EN)
    assert "Following on from the last search: 保交楼" in replies[0].text and first_article(replies) == "a:1"
    (reply,) = conv.text("what happened next", Who(user_id=23, lang="en", chat_id=23))
    assert "Which story do you mean?" in reply.text and "Nothing" not in reply.text


def test_a_topic_search_is_no_follow_up_and_becomes_the_topic(services: Services) -> None:
    conv = services.conversation
    conv.text("谁主持了统战工作会议？", ZH)
    replies = conv.text("保交楼那事怎么样了", ZH)
    assert "接着上一条" not in texts(replies) and first_article(replies) == "a:1"
    assert "接着上一条：保交楼" in conv.text("它是哪天开的", ZH)[0].text


def test_the_topic_expires_after_thirty_minutes(services: Services) -> None:
    now = [datetime(2026, 3, 1, 9, 0, tzinfo=UTC)]
    database = services.database
    conv = Conversation(
        services.library,
        records=services.records,
        markup=PLAIN,
        queries=QueryStore(database),
        confirmations=Confirmations(database),
        topics=TopicStore(database, clock=lambda: now[0]),
    )
    who = Who(user_id=41, chat_id=41)
    conv.text("保交楼", who)
    now[0] += timedelta(minutes=29)
    assert "接着上一条：保交楼" in conv.text("后来呢", who)[0].text  # asked again: kept 30 more minutes
    now[0] += timedelta(minutes=29)
    assert "接着上一条：保交楼" in conv.text("详细说说", who)[0].text
    now[0] += timedelta(minutes=31)
    assert NO_TOPIC in conv.text("后来呢", who)[0].text


def test_forget_deletes_the_chats_topic(services: Services) -> None:
    conv = services.conversation
    who = Who(user_id=51, chat_id=51)
    conv.text("保交楼", who)
    (prompt,) = conv.command("forget", "", who)
    done = conv.press(prompt.buttons[0][0].data or "", who)
    assert done.edit is not None and "接着问时所指的话题：1 个" in done.edit.text
    assert NO_TOPIC in conv.text("后来呢", who)[0].text


# ---- a follow-up about the story shown before, on an archive with another story on its topic ---------------

# Two made-up stories on one topic: the how-many question finds the first (it holds the number), the
# when question asked of the topic's words alone would put the second first (its lead starts with a date).
TRAINING_STORIES = [
    {
        "title": "西山区乡村医生培训会议召开",
        "date": "2024-06-10",
        "source": "测试稿",
        "paragraphs": ["6月10日，西山区乡村医生培训会议在区卫健委召开，会议部署下半年乡村医生培训工作。"],
    },
    {
        "title": "东湖区举办乡村医生培训",
        "date": "2024-03-06",
        "source": "测试稿",
        "paragraphs": [
            "近日，东湖区乡村医生培训班开班，全区120名乡村医生参加培训。培训为期两周，3月5日开班。"
        ],
    },
    {
        "title": "庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场举行盛大阅兵仪式和群众游行",
        "date": "2019-10-02",
        "source": "测试稿",
        "paragraphs": ["10月1日上午，庆祝中华人民共和国成立70周年大会在北京天安门广场隆重举行。"],
    },
]


@pytest.fixture(scope="module")
def training(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Services]:
    work = tmp_path_factory.mktemp("training")
    seeds = work / "seeds"
    seeds.mkdir()
    (seeds / "stories.jsonl").write_text(
        "\n".join(json.dumps(r, ensure_ascii=False) for r in TRAINING_STORIES) + "\n", encoding="utf-8"
    )
    opened = open_services(Settings(_env_file=None, db=work / "newsbot.db", seeds=seeds), markup=PLAIN)  # type: ignore[call-arg]
    yield opened
    opened.close()


def article_id_titled(services: Services, title: str) -> int:
    return next(h.id for h in services.library.search(title, limit=5, offset=0).hits if h.title == title)


def test_a_question_about_it_is_answered_from_the_story_shown_before(training: Services) -> None:
    conv = training.conversation
    who = Who(user_id=61, chat_id=61)
    east = article_id_titled(training, "东湖区举办乡村医生培训")
    assert first_article(conv.text("乡村医生培训有多少人参加", who)) == f"a:{east}"
    replies = conv.text("它是哪天开的", who)
    assert first_article(replies) == f"a:{east}"  # not the other district's meeting
    assert "3月5日开班" in replies[0].text and "6月10日" not in replies[0].text.split("1.")[0]


def test_opening_a_story_makes_it_the_topic_a_follow_up_asks_about(training: Services) -> None:
    conv = training.conversation
    who = Who(user_id=62, chat_id=62)
    west = article_id_titled(training, "西山区乡村医生培训会议召开")
    east = article_id_titled(training, "东湖区举办乡村医生培训")
    conv.text("乡村医生培训有多少人参加", who)  # shows the east story first
    conv.press(f"a:{west}", who)  # the reader opens the other with its button
    replies = conv.text("它是哪天开的", who)
    assert "接着上一条：西山区乡村医生培训会议" in replies[0].text  # its headline's words, no verb
    assert first_article(replies) == f"a:{west}" and "6月10日" in replies[0].text
    conv.command("article", str(east), who)  # and /article the first again
    assert "接着上一条：东湖区举办乡村医生培训" in conv.text("它是哪天开的", who)[0].text  # as printed


def test_opening_a_story_with_no_search_before_gives_the_chat_a_topic(training: Services) -> None:
    conv = training.conversation
    who = Who(user_id=63, chat_id=63)
    west = article_id_titled(training, "西山区乡村医生培训会议召开")
    conv.command("article", str(west), who)
    assert "接着上一条：西山区乡村医生培训会议" in conv.text("后来呢", who)[0].text


def test_the_topic_line_of_an_opened_story_reads_as_its_headline_is_printed(training: Services) -> None:
    """QA pass 29: the line glued the headline's topic words where the headline had words and a space
    between them (接着上一条：庆祝中华人民共和国70周年大会京隆重举行天安门广场)."""
    conv = training.conversation
    who = Who(user_id=64, chat_id=64)
    title = "庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场举行盛大阅兵仪式和群众游行"
    conv.command("article", str(article_id_titled(training, title)), who)
    printed = "庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场"
    assert f"接着上一条：{printed}\n" in conv.text("后来呢", who)[0].text
    assert f"接着上一条：{printed}\n" in conv.text("它是哪天的", who)[0].text
    assert conv.text("下一页", who)[0].text == f"「{printed}」的结果已经全部列完了，这是最后一页。"


def test_a_follow_up_after_a_day_s_news_asks_which_story(services: Services) -> None:
    """QA pass 24: 那事怎么样了 after a listing of a day's news took the date as its topic and listed that day
    again; a day's news names no story, so the follow-up asks which one is meant, as it does with no topic."""
    conv = services.conversation
    reader = Who(user_id=907, lang="zh", chat_id=907)
    assert "「4月4日的新闻」共 3 篇" in conv.text("4月4日的新闻", reader)[0].text
    (asked,) = conv.text("那事怎么样了", reader)
    assert "接着上一条" not in asked.text and asked.text == conv.notice("zh", "follow_up_no_topic").text
    conv.text("统战工作会议", reader)  # a topic of words is kept as before
    assert "接着上一条：统战工作会议" in conv.text("那事怎么样了", reader)[0].text
