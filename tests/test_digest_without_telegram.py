"""/digest for readers without Telegram (the web page, WeChat): nothing is pushed there, so /digest lists
what the subscription's private digest address holds that no /digest listed before, with that address,
not a preview of a Telegram push ("（预览，不影响定时推送）", "下一份摘要将有 …"); the subscription commands
speak of keywords, not times. Over HTTP: the web page's JSON API and the WeChat endpoint with signed XML."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.replies import PLAIN, Channel, format_help
from bot.digests.feed import digest_wanted
from bot.digests.schedule import ArgumentError, SubscribeRequest, parse_subscribe_args
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.records import subscriptions as subs
from storage.records.feeds import take_unseen, unsee
from tests.bot_support import copy_database, make_database
from tests.web_support import WebRun, web_server, wechat_query, wechat_text

# What a preview of a pushed digest says, which a reader here cannot receive.
PUSH_WORDS = ("预览", "下一份摘要", "定时推送", "Telegram", "preview", "next digest")


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("digest-without-telegram")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def add_stories(
    path: Path, *stories: tuple[str, str], lead: str = "保交楼工作持续推进，居民拿到钥匙。"
) -> None:
    """Stories (title, date) about 保交楼 stored in the database at `path` by the real ingest, as a new
    page's articles are while the server runs; each opens with its title, then `lead`."""
    records = [
        {
            "title": title,
            "date": day,
            "source": "测试稿",
            "paragraphs": [f"{title}。{lead}"],
        }
        for title, day in stories
    ]
    jsonl = path.with_suffix(f".{len(records)}.jsonl")
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    db = open_db(path)
    try:
        assert ingest_paths(db, [jsonl]).failed == 0
    finally:
        db.close()


def listed_titles(said: str) -> list[str]:
    return re.findall(r"^\d+\. (.+)$", said, re.M)


def say(c: httpx.Client, line: str) -> list[dict[str, Any]]:
    response = c.post("/api/message", json={"text": line})
    assert response.status_code == 200, response.text
    return list(response.json()["replies"])


def feed_links(replies: list[dict[str, Any]]) -> list[str]:
    return [str(p["href"]) for r in replies for p in r["parts"] if "/feed/" in p.get("href", "")]


def wechat(run: WebRun, openid: str, line: str, msg_id: int) -> str:
    response = httpx.post(
        f"{run.base_url}/wechat",
        params=wechat_query(),
        content=wechat_text(openid, line, msg_id),
        headers={"content-type": "text/xml"},
        timeout=30,
    )
    assert response.status_code == 200, response.text
    return next(child.text or "" for child in fromstring(response.content) if child.tag == "Content")


def feed_titles(run: WebRun, url: str) -> list[str]:
    parsed = feedparser.parse(httpx.get(url, timeout=30).content)
    return [str(e.title) for e in parsed.entries]


def test_digest_on_the_page_gives_the_private_address_and_the_stories_it_holds(web: WebRun):
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        (url,) = feed_links(say(c, "/subscribe 08:00 保交楼"))
        replies = say(c, "/digest")
        assert len(replies) == 1, replies
        said = replies[0]["text"]
        assert not [w for w in PUSH_WORDS if w in said], said
        assert feed_links(replies) == [url] and "/unsubscribe" in said
        listed = re.findall(r"^\d+\. (.+)$", said, re.M)
        titles = feed_titles(web, url)
        assert listed and len(listed) <= len(titles)
        # the address's stories in its order (a long title clipped with "…")
        assert all(t.startswith(shown.rstrip("…")) for shown, t in zip(listed, titles, strict=False)), (
            listed,
            titles,
        )
        assert listed[0] == "保交楼项目第8批交付"
        # each listed story opens from its button, as in every digest
        assert len([b for row in replies[0]["buttons"] for b in row]) == len(listed)
        # Looked again (the subscription named by its id): nothing new since, and the address.
        (again,) = say(c, "/digest 1")
        assert again["text"].startswith("与「保交楼」相关的新闻\n自上次 /digest 以来没有新的文章。")
        assert not listed_titles(again["text"]) and not again["buttons"] and feed_links([again]) == [url]
        say(c, "/unsubscribe")
        (after,) = [r["text"] for r in say(c, "/digest")[:1]]
        assert url not in after and "/feed/" not in after  # revoked: the latest stories, as without one


def test_digest_on_the_page_speaks_english_to_an_english_browser(web: WebRun):
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "en-US,en;q=0.9"}, timeout=30) as c:
        (url,) = feed_links(say(c, "/subscribe 08:00 人才"))
        (reply,) = say(c, "/digest")
        assert "always at this private address" in reply["text"] and url in reply["text"]
        assert not [w for w in PUSH_WORDS if w in reply["text"]], reply["text"]
        (again,) = say(c, "/digest")
        assert "Nothing new since your last /digest." in again["text"] and url in again["text"]


def test_digest_lists_what_came_since_the_last_one_and_never_a_story_twice(web: WebRun, tmp_path: Path):
    """/digest listed the address's newest stories every time, the same ones again: it lists what no
    /digest listed before, newest first, whatever their date (a story stored today about last year is
    new to the reader), and says when nothing is new. Reading the address changes nothing (a GET: feed
    readers poll it): the feed keeps the newest stories with stable ids."""
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        (url,) = feed_links(say(c, "/subscribe 保交楼"))
        first = listed_titles(say(c, "/digest")[0]["text"])
        assert first and first[0] == "保交楼项目第8批交付"
        before = httpx.get(url, timeout=30)  # a feed reader's poll between two /digests
        add_stories(
            tmp_path / "newsbot.db", ("保交楼项目第9批交付", "2023-06-01"), ("保交楼回顾", "2019-01-01")
        )
        (second,) = say(c, "/digest")
        assert listed_titles(second["text"]) == ["保交楼项目第9批交付", "保交楼回顾"]
        assert "共 2 篇新文章" in second["text"] and feed_links([second]) == [url]
        assert "没有新的文章" in say(c, "/digest")[0]["text"]
        after = httpx.get(url, timeout=30)
        assert httpx.get(url, timeout=30).content == after.content  # nothing recorded by reading it
    old = [str(e.id) for e in feedparser.parse(before.content).entries]
    new = [str(e.id) for e in feedparser.parse(after.content).entries]
    assert set(old) < set(new) and len(new) == len(old) + 2  # the same ids, and the two new ones
    assert feedparser.parse(after.content).entries[0].title == "保交楼项目第9批交付"


def test_new_stories_past_what_one_digest_lists_come_with_the_next(web: WebRun):
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        say(c, "/subscribe")  # all news: 16 stories, a digest lists 10
        (first,) = say(c, "/digest")
        assert "还有 6 篇新文章，发 /digest 1 接着看。" in first["text"], first["text"]
        (second,) = say(c, "/digest")
        one, two = listed_titles(first["text"]), listed_titles(second["text"])
        assert len(one) == 10 and len(two) == 6 and not set(one) & set(two)
        assert "没有新的文章" in say(c, "/digest")[0]["text"]


def test_digest_all_lists_every_subscription_as_digest_alone_does(web: WebRun, tmp_path: Path):
    """QA pass 31: /digest all (as /unsubscribe all is typed) said 看不懂「all」; it lists the subscriptions'
    new stories as /digest alone does, and so do /digest 全部 and /digest 所有."""
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        say(c, "/subscribe 保交楼")
        (listed,) = say(c, "/digest all")
        assert "看不懂" not in listed["text"] and listed_titles(listed["text"])[0] == "保交楼项目第8批交付"
        add_stories(tmp_path / "newsbot.db", ("保交楼项目第9批交付", "2023-06-01"))
        (second,) = say(c, "/digest 全部")
        assert listed_titles(second["text"]) == ["保交楼项目第9批交付"]
        assert "没有新的文章" in say(c, "/digest 所有")[0]["text"]


def test_subscription_commands_on_the_page_speak_of_keywords_not_times(web: WebRun):
    """A web reader sending /subscribe 20:00 after 08:00 was told the subscription moved and that times
    only matter in Telegram; /subscriptions listed "每天 08:00" and a timezone; /digest 8:00 said to send
    /subscribe 8:00 for a daily digest at 8:00, none of which the page does."""
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        (url,) = feed_links(say(c, "/subscribe 08:00 人才"))
        (moved,) = say(c, "/subscribe 20:00 人才")
        assert moved["text"].startswith("你已经订阅了与「人才」相关的新闻（#1）。")
        assert "时间 20:00 在这里不起作用" in moved["text"] and feed_links([moved]) == [url]
        listing = "\n".join(r["text"] for r in say(c, "/subscriptions"))
        assert "#1 · 与「人才」相关的新闻" in listing and url in listing
        timed = say(c, "/digest 8:00")[0]["text"]
        assert timed.startswith("这里不会定时推送，/digest 不用写时间") and "/subscribe 8:00" not in timed
        unread = say(c, "/digest abc")[0]["text"]
        assert unread.startswith("看不懂「abc」。用法：/digest 列出你的订阅的新文章") and "预览" not in unread
        # Small talk about what newsbot does speaks of /digest, not of daily pushes.
        talk = [say(c, line)[0]["text"] for line in ("怎么订阅每日新闻", "你是谁", "怎么用")]
        assert all("/digest" in line for line in talk), talk
        said = " ".join([moved["text"], listing, timed, *talk])
        assert not [w for w in ("每天", "时区", "Telegram", "改为", "预览", "08:00") if w in said], said
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "en"}, timeout=30) as c:
        say(c, "/subscribe 8:00 housing")
        listing = say(c, "/subscriptions")[0]["text"]
        assert (
            re.match(r"Your subscriptions:\n#\d+ · news about housing\n", listing) and "daily" not in listing
        )
        assert "takes no time" in say(c, "/digest 8:00")[0]["text"]


def test_a_time_like_word_on_the_page_is_noted_as_not_used_and_the_keywords_subscribed(web: WebRun):
    """`/subscribe 25:00 人才` on the page was refused as a bad time, and the refusal's examples showed
    times (/subscribe 8:00 二七区), though a time changes nothing there: every time-like word, valid or
    not, is named as not used; the other refusals' examples show none."""
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        (made,) = say(c, "/subscribe 25:00 人才")
        assert made["text"].startswith("已订阅 #1：与「人才」相关的新闻。"), made["text"]
        assert "时间 25:00 在这里不起作用：订阅只看关键词。" in made["text"] and feed_links([made])
        (named,) = say(c, "/subscribe 晚上 8点 9:00 -1:00 电梯")
        assert "时间 晚上 8点、9:00、-1:00 在这里不起作用" in named["text"], named["text"]
        listing = say(c, "/subscriptions")[0]["text"]
        assert "#2 · 与「电梯」相关的新闻" in listing and "每天" not in listing
        refusals = [say(c, line)[0]["text"] for line in ("/subscribe 二七区 -二七区", "/subscribe OR")]
        assert (
            refusals[0].startswith("「-二七区」把你要的关键词也排除了")
            and "/subscribe 二七区 -保交楼" in refusals[0]
        )
        assert not [r for r in refusals if re.search(r"\d:\d\d", r)], refusals
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "en"}, timeout=30) as c:
        (made,) = say(c, "/subscribe 13pm housing")
        assert "The time 13pm does nothing here: a subscription is its keywords." in made["text"]
        unsearchable = say(c, "/subscribe 24:00 ？")[0]["text"]
        assert "has nothing to search for" in unsearchable and "8:00" not in unsearchable


def test_telegram_still_refuses_a_time_that_is_no_time():
    """Only where nothing is pushed is a time set aside: Telegram's digests come at their time."""
    assert parse_subscribe_args(["25:00", "人才"]) == ArgumentError("bad_time", "25:00")
    assert parse_subscribe_args(["8:00", "9:00"]) == ArgumentError("two_times", "9:00")
    read = parse_subscribe_args(["25:00", "人才", "8:00", "9:00"], times=False)
    assert read == SubscribeRequest("08:00", ("人才",))
    assert isinstance(read, SubscribeRequest) and read.typed_times == ("25:00", "8:00", "9:00")


def test_wechat_subscription_commands_speak_of_keywords_not_times(web: WebRun):
    wechat(web, "oKeywords", "/subscribe 08:00 人才", 9801)
    moved = wechat(web, "oKeywords", "/subscribe 20:00 人才", 9802)
    assert "你已经订阅了与「人才」相关的新闻（#1）" in moved and "/feed/" in moved and "Telegram" not in moved
    wechat(web, "oKeywords", "/subscribe 保交楼", 9803)
    listing = wechat(web, "oKeywords", "/subscriptions", 9804)
    assert "#1 · 与「人才」相关的新闻" in listing and "每天" not in listing and "时区" not in listing
    choice = wechat(web, "oKeywords", "/unsubscribe", 9805)
    assert "取消 #1 与「人才」相关的新闻：/unsubscribe 1" in choice and "08:00" not in choice
    made = wechat(web, "oKeywords", "/subscribe 24:00 电梯", 9806)
    assert "已订阅 #3：与「电梯」相关的新闻。" in made and "时间 24:00 在这里不起作用" in made, made


def test_digest_in_wechat_lists_the_addresses_stories_with_links_within_one_message(web: WebRun):
    subscribed = wechat(web, "oDigestReader", "/subscribe 08:00 保交楼", 9901)
    (url,) = re.findall(r"http://\S+/feed/\S+", subscribed)
    content = wechat(web, "oDigestReader", "/digest", 9902)
    assert len(content.encode("utf-8")) <= 2048
    assert not [w for w in PUSH_WORDS if w in content], content
    assert "订阅 #1 的摘要随时在这个私人地址" in content and url in content
    listed = re.findall(r"^\d+\. (.+)$", content, re.M)
    assert listed and listed[0] == feed_titles(web, url)[0] == "保交楼项目第8批交付"
    assert len(re.findall(r"/article/\d+", content)) == len(listed)  # each story opens from its link
    wechat(web, "oDigestReader", "/unsubscribe", 9903)
    assert url not in wechat(web, "oDigestReader", "/digest", 9904)


def test_stories_a_wechat_message_had_no_room_for_come_with_the_next_digest(web: WebRun):
    """A WeChat reply holds 2,048 bytes, fewer stories than a digest lists: those it had no room for are
    not taken as seen; the next /digest lists them, and each story comes once."""
    wechat(web, "oRoomless", "/subscribe", 9701)  # all news: 16 stories
    seen: list[str] = []
    for n in range(10):
        content = wechat(web, "oRoomless", "/digest", 9702 + n)
        assert len(content.encode("utf-8")) <= 2048
        ids = re.findall(r"/article/(\d+)", content)
        if not ids:
            assert "自上次 /digest 以来没有新的文章。" in content
            break
        if len(seen) + len(ids) < 16:  # more to come: the reply says how to get them
            assert "/digest 1" in content, content
        seen += ids
    assert n > 1 and len(seen) == len(set(seen)) == 16  # several replies, every story once
    forgotten = wechat(web, "oRoomless", "/forget 确认", 9799)
    assert "/digest 已列过的文章记录：16 条" in forgotten


def test_a_wechat_reply_that_cuts_stories_counts_what_is_left_in_one_line(web: WebRun, tmp_path: Path):
    """A WeChat /digest with more new stories than a digest lists, and longer ones than 2,048 bytes hold,
    said both "还有 16 篇新文章，发 /digest 1 接着看。" (past the cap) and "还有 6 篇放不下这条微信消息…"
    (cut): two counts, the first leaving out the second. One line counts both."""
    long_lead = "保交楼工作持续推进，居民拿到钥匙，" * 8
    add_stories(
        tmp_path / "newsbot.db",
        *(
            (f"保交楼项目第{n}批交付，郑州市多个区县同步推进续建工程和配套设施建设", f"2024-06-{n:02d}")
            for n in range(1, 11)
        ),
        lead=long_lead,
    )
    wechat(web, "oCounted", "/subscribe", 9601)  # all news: 26 stories, a digest lists 10
    content = wechat(web, "oCounted", "/digest", 9602)
    assert len(content.encode("utf-8")) <= 2048
    shown = re.findall(r"/article/(\d+)", content)
    lines = re.findall(r"还有 (\d+) 篇.*", content)
    assert len(lines) == 1 and 0 < len(shown) < 10, content
    assert f"共 26 篇新文章，这里是最新的 {len(shown)} 篇" in content, content
    assert len(shown) + int(lines[0]) == 26 and f"还有 {lines[0]} 篇新文章，发 /digest 1 接着看。" in content
    following = wechat(web, "oCounted", "/digest", 9603)
    assert not set(shown) & set(re.findall(r"/article/(\d+)", following))  # the cut ones come next


def subscription(sub_id: int) -> subs.Subscription:
    return subs.Subscription(sub_id, 1, "08:00", ("人才",), datetime(2023, 4, 1, tzinfo=UTC))


@pytest.mark.parametrize(
    ("args", "ids"),
    [
        ("", [1, 2, 3, 4, 5]),  # the first five, as the preview takes them
        ("2", [2]),
        ("#2", [2]),
        ("编号 2", [2]),
        ("０２", [2]),  # full-width digits, a leading zero
        ("9", None),  # no such subscription: the conversation says so
        ("8:00", None),  # a time: the conversation points to /subscribe
        ("人才", None),
    ],
)
def test_digest_takes_the_subscriptions_the_preview_would(args: str, ids: list[int] | None):
    found = [subscription(n) for n in range(1, 8)]
    wanted = digest_wanted(args, found)
    assert (None if wanted is None else [s.id for s in wanted]) == ids
    assert digest_wanted(args, []) is None  # no subscriptions: the latest stories, as everywhere


@pytest.fixture
def db(database_target: str) -> Iterator[Any]:
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.conn.close()


def test_take_unseen_takes_each_story_once_in_the_order_given(db: Any):
    now = datetime(2023, 4, 7, tzinfo=UTC)
    sub = subs.add_subscription(db, 7, "08:00", ["人才"], now=now)
    other = subs.add_subscription(db, 8, "08:00", ["人才"], now=now)
    assert take_unseen(db, sub.id, [5, 3, 9, 1], 2, now=now) == ([5, 3], [9, 1], [])
    assert take_unseen(db, sub.id, [11, 5, 3, 9, 1], 2, now=now) == ([11, 9], [1], [])
    unsee(db, sub.id, [9])  # a reply had no room for it
    assert take_unseen(db, sub.id, [11, 5, 3, 9, 1], 5, now=now) == ([9, 1], [], [])
    assert take_unseen(db, sub.id, [11, 5, 3, 9, 1], 5, now=now) == ([], [], [])
    assert take_unseen(db, other.id, [5], 5, now=now) == ([5], [], [])  # each subscription its own
    subs.remove_subscription(db, 7, sub.id)
    assert db.execute("SELECT COUNT(*) FROM feed_seen WHERE subscription_id = ?", [sub.id]).fetchone()[0] == 0


@pytest.mark.parametrize("channel", [Channel.WEB, Channel.WECHAT, Channel.CONSOLE])
def test_help_where_nothing_is_pushed_offers_no_times(channel: Channel):
    """/help on the web page said "/subscribe [时间] [关键词] — 订阅每日新闻摘要（可加时间和关键词）" and
    "/digest — 立即预览一份摘要": a time and a preview of a push, which the page does not make."""
    zh = format_help("zh", PLAIN, channel=channel, pushes=False)
    assert "/subscribe [关键词] — 订阅与关键词相关的新闻" in zh and "[时间]" not in zh and "预览" not in zh
    assert "/digest [编号] — 列出订阅自上次 /digest 以来的新文章" in zh
    en = format_help("en", PLAIN, channel=channel, pushes=False)
    assert "/subscribe [words] — subscribe to news about the words" in en and "[time]" not in en
    assert "每日摘要" not in zh and "/lang [zh|en] — 选择回复的语言：" in zh  # a daily digest is Telegram's
    assert "/lang [en|zh] — choose the language of replies:" in en and "digest" not in en.split("/lang")[1]
    telegram = format_help("zh", PLAIN, channel=Channel.TELEGRAM)  # Telegram keeps its times
    assert "/subscribe [时间] [关键词] — 订阅每日新闻摘要" in telegram and "立即预览一份摘要" in telegram
    assert "/lang [zh|en] — 选择回复和每日摘要的语言" in telegram


def test_a_wechat_digest_with_room_for_one_subscription_lists_the_one_with_new_stories(web: WebRun):
    """QA pass 25: with room for one subscription, WeChat's /digest kept #1 whole though it had nothing new
    and left out #2's new stories. The subscriptions with new stories come first; a line counts those
    with nothing new."""
    wechat(web, "oQuietFirst", "/subscribe 保交楼", 9501)
    assert re.findall(r"/article/\d+", wechat(web, "oQuietFirst", "/digest", 9502))  # #1's stories, now seen
    wechat(web, "oQuietFirst", "/subscribe", 9503)  # #2: all news, more than one reply holds
    content = wechat(web, "oQuietFirst", "/digest", 9504)
    assert len(content.encode("utf-8")) <= 2048
    assert re.findall(r"/article/\d+", content), content  # #2's new stories
    assert "自上次 /digest 以来没有新的文章。" not in content.split("\n\n")[0]
    assert content.endswith("还有 1 个订阅自上次 /digest 以来没有新的文章。"), content
    assert "个订阅没有列出" not in content  # no subscription with new stories left out


def test_a_digest_with_room_for_every_subscription_keeps_their_order(web: WebRun):
    """The order changes only when some subscription has no room: #1 with nothing new stays first."""
    wechat(web, "oQuietKept", "/subscribe 保交楼", 9511)
    wechat(web, "oQuietKept", "/digest", 9512)
    wechat(web, "oQuietKept", "/subscribe 人才", 9513)
    content = wechat(web, "oQuietKept", "/digest", 9514)
    assert content.index("#1") < content.index("#2"), content
    assert "没有新的文章" in content.split("#2")[0] and "个订阅" not in content


def test_the_feed_and_the_digest_list_no_story_dated_after_the_clock(template: Path, tmp_path: Path) -> None:
    """Issue 34: a digest listed what was stored, whatever its date. A story dated after the server's clock
    (a misdated page, or a clock set in the past) is in neither the private address nor /digest."""
    path = copy_database(template, tmp_path / "newsbot.db")
    add_stories(path, ("保交楼项目明年交付计划", "2099-01-01"))
    with web_server(path) as run:
        (url,) = re.findall(r"http://\S+/feed/\S+", wechat(run, "oClockReader", "/subscribe 保交楼", 9601))
        titles = feed_titles(run, url)
        assert titles and "保交楼项目明年交付计划" not in titles, titles
        content = wechat(run, "oClockReader", "/digest", 9602)
        assert listed_titles(content) and "保交楼项目明年交付计划" not in content, content
