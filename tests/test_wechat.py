"""The WeChat Official Account endpoint over HTTP, against the platform's documented message format
(issue 21): the URL check, passive XML text replies addressed back, 2048 bytes at most, within the 5 s
budget, retried messages answered the same and acted on once, events and other message types, refused
signatures, broken XML and entities."""

from __future__ import annotations

import json
import re
import time
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path
from urllib.parse import parse_qs

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.intents import detect_intent, subscription_asked, subscriptions_asked
from bot.wechat.chat import own_article_id, without_smileys
from bot.wechat.format import LIMIT, MARGIN, as_text, fit, fit_listed, fit_previews, link_articles, to_wechat
from bot.wechat.protocol import BadMessage, parse_message, signature, signature_ok, text_reply
from storage.ingest.pipeline import ingest_paths
from storage.records import subscriptions as subs
from storage.records.articles import get_article
from storage.records.readers import WECHAT, reader_chat
from tests.bot_support import copy_database, make_database
from tests.web_support import WECHAT_TOKEN, WebRun, web_server, wechat_other, wechat_query, wechat_text


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("wechat-template")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def post(run: WebRun, body: bytes, *, timestamp: str = "1733390000", **query: str) -> httpx.Response:
    params = wechat_query(timestamp=timestamp) | query
    return httpx.post(
        f"{run.base_url}/wechat",
        params=params,
        content=body,
        headers={"content-type": "text/xml"},
        timeout=30,
    )


def reply_of(response: httpx.Response) -> dict[str, str]:
    assert response.status_code == 200, response.text
    root = fromstring(response.content)
    return {child.tag: child.text or "" for child in root}


# ---- the URL check ---------------------------------------------------------------------------------------


def test_the_url_check_echoes_echostr_when_the_signature_matches(web: WebRun):
    ok = httpx.get(f"{web.base_url}/wechat", params=wechat_query() | {"echostr": "4711abc"})
    assert ok.status_code == 200 and ok.text == "4711abc"
    wrong = httpx.get(f"{web.base_url}/wechat", params=wechat_query("otherToken") | {"echostr": "4711abc"})
    assert wrong.status_code == 403 and "4711abc" not in wrong.text
    assert httpx.get(f"{web.base_url}/wechat", params={"echostr": "x"}).status_code == 403


def test_signature_is_sha1_of_the_sorted_strings():
    # token, timestamp and nonce sorted: "1409304348" < "xxxxxx" < "xxxxxxxx"... as plain strings
    assert signature("abc", "2", "1") == __import__("hashlib").sha1(b"12abc").hexdigest()
    assert signature_ok("abc", "2", "1", signature("abc", "2", "1").upper())
    assert not signature_ok("abc", "2", "1", None) and not signature_ok("", "2", "1", "x")


# ---- text messages -----------------------------------------------------------------------------------


def test_a_text_message_gets_a_passive_text_reply_addressed_back(web: WebRun):
    reply = reply_of(post(web, wechat_text("oReaderA", "保交楼", 1001)))
    assert reply["ToUserName"] == "oReaderA" and reply["FromUserName"] == "gh_newsbot"
    assert reply["MsgType"] == "text" and reply["CreateTime"].isdigit()
    content = reply["Content"]
    assert "保交楼项目第8批交付" in content and f"{web.base_url}/article/" in content
    assert len(content.encode("utf-8")) <= 2048
    assert f"{web.base_url}/?q=" in content  # more results on the web page


def test_a_question_gets_the_answer_line(web: WebRun):
    content = reply_of(post(web, wechat_text("oReaderA", "谁主持了统战工作会议？", 1002)))["Content"]
    assert content.count("💡") == 1 and "虎荣鑫" in content
    assert len(content.encode("utf-8")) <= 2048


def test_a_day_without_news_is_said_before_the_day_listed_instead(web: WebRun):
    """QA pass 48: the line saying yesterday had no news came under the header of the day listed instead."""
    content = reply_of(post(web, wechat_text("oReaderY", "昨天有什么新闻", 1003)))["Content"]
    first, second = content.splitlines()[:2]
    said = re.fullmatch(r"\d{4}-\d\d-\d\d 没有新闻。最近有新闻的一天是 (\d{4}-\d\d-\d\d)：", first)
    assert said is not None, content[:200]
    assert second.startswith(f"🔎 「{said.group(1)}」共 "), content[:200]


def test_a_follow_up_is_read_with_the_followers_last_question(web: WebRun):
    post(web, wechat_text("oReaderF", "谁主持了统战工作会议？", 1201))
    content = reply_of(post(web, wechat_text("oReaderF", "那个会后来咋样了", 1202)))["Content"]
    assert "接着上一条：统战工作会议" in content and "统战工作" in content
    assert "「那个会后来咋样了」" in content and "现在怎么样了" not in content  # the header: what was typed
    other = reply_of(post(web, wechat_text("oReaderG", "那个会后来咋样了", 1203)))["Content"]
    assert "你问的是哪件事" in other


def test_an_article_opened_in_wechat_is_the_topic_of_a_follow_up(web: WebRun):
    post(web, wechat_text("oReaderO", "/article 3", 1204))
    content = reply_of(post(web, wechat_text("oReaderO", "它是哪天开的", 1205)))["Content"]
    assert "接着上一条：二七区委统战工作暨全区宗教工作" in content and "4月4日" in content


def test_the_topic_of_a_quoted_headline_is_shown_as_the_headline_prints_it(web: WebRun):
    """QA pass 29: the topic line of a headline with a quoted name kept the query's quote marks
    (接着上一条："大阅兵·2019"直播…); QA pass 30 left the words glued out of order. The line reads as the
    headline prints it, its quote marks in pairs."""
    post(web, wechat_text("oReaderQ", "/article 6", 1206))  # 二七区召开“清朗·从严整治‘自媒体’乱象” 专项行动…
    content = reply_of(post(web, wechat_text("oReaderQ", "后来呢", 1207)))["Content"]
    line = next(part for part in content.splitlines() if part.startswith("接着上一条："))
    assert line == "接着上一条：二七区召开“清朗·从严整治‘自媒体’乱象” 专项行动工作推进"


def test_every_reply_fits_in_2048_bytes(web: WebRun):
    for n, line in enumerate(["/latest", "/help", "/article 3", "/article 1 2 3", "老旧小区", "/digest"]):
        content = reply_of(post(web, wechat_text("oReaderA", line, 1100 + n)))["Content"]
        assert content and len(content.encode("utf-8")) <= 2048, line


def test_article_links_to_its_page(web: WebRun):
    content = reply_of(post(web, wechat_text("oReaderA", "/article 3", 1200)))["Content"]
    assert f"{web.base_url}/article/3" in content


def test_a_retried_message_is_answered_the_same_and_acted_on_once(web: WebRun):
    body = wechat_text("oReaderB", "/subscribe 08:00 人才", 5550001)
    first = reply_of(post(web, body))["Content"]
    again = reply_of(post(web, body))["Content"]
    third = reply_of(post(web, body, timestamp="1733390009"))["Content"]
    assert first == again == third and "/feed/" in first
    chat = web.services.database.read(reader_chat, WECHAT, "oReaderB")
    assert chat is not None
    assert len(web.services.database.read(subs.list_subscriptions, chat)) == 1


@pytest.mark.parametrize(
    ("line", "words"),
    [
        ("/subscribe 08:00 人才", ("已订阅", "人才", "/digest", "RSS", "请勿分享", "/unsubscribe")),
        ("/subscribe 08:00 housing", ("Subscribed", "housing", "/digest", "feed reader", "/unsubscribe")),
    ],
)
def test_subscribe_answers_with_the_feed_and_no_push_at_a_time(
    web: WebRun, line: str, words: tuple[str, ...]
):
    content = reply_of(post(web, wechat_text("oReaderP", line, 5560001)))["Content"]
    promises = ("每天 08:00", "下一次推送", "every day at", "Next digest")
    assert not [p for p in promises if p in content], content
    assert all(w in content for w in words), content
    assert f"{web.base_url}/feed/" in content
    assert content.count("/feed/") == 1 and content.count("#1") == 1  # one reply, not two
    assert "Telegram" not in content  # a follower here may have no Telegram: its pushes are not theirs


def test_a_command_with_its_words_typed_right_after_its_name_is_that_command(web: WebRun):
    """QA pass 31: /subscribe二七区 (a Chinese input method types no space) was answered 我不认识 /subscribe二七区
    这个命令 in WeChat, on the web page and in the terminal, where Telegram reads it as /subscribe 二七区."""
    content = reply_of(post(web, wechat_text("oReaderJ", "/subscribe二七区", 5561001)))["Content"]
    assert "已订阅" in content and "「二七区」" in content and "不认识" not in content, content


def test_each_openid_is_its_own_reader(web: WebRun):
    post(web, wechat_text("oReaderC", "/subscribe 08:00 人才", 6001))
    mine = reply_of(post(web, wechat_text("oReaderC", "/subscriptions", 6002)))["Content"]
    theirs = reply_of(post(web, wechat_text("oReaderD", "/subscriptions", 6003)))["Content"]
    assert "人才" in mine and "人才" not in theirs
    a = web.services.database.read(reader_chat, WECHAT, "oReaderC")
    b = web.services.database.read(reader_chat, WECHAT, "oReaderD")
    assert a is not None and b is not None and a != b


def test_each_follower_numbers_their_own_subscriptions(web: WebRun):
    """Issue 34: a follower's subscriptions were numbered by their ids across all readers. Each sees and
    types their own numbers 1, 2…: in /subscribe's reply, /subscriptions with the addresses, /digest N and
    /unsubscribe N; the id an older reply showed still names the subscription."""
    post(web, wechat_text("oNumberA", "/subscribe 教育", 8101))
    post(web, wechat_text("oNumberA", "/subscribe 交通", 8102))
    made = reply_of(post(web, wechat_text("oNumberB", "/subscribe 人才", 8103)))["Content"]
    assert "已订阅 #1：" in made, made
    post(web, wechat_text("oNumberB", "/subscribe 统战", 8104))
    chat = web.services.database.read(reader_chat, WECHAT, "oNumberB")
    assert chat is not None
    assert [s.id for s in web.services.database.read(subs.list_subscriptions, chat)] == [3, 4]
    listing = reply_of(post(web, wechat_text("oNumberB", "/subscriptions", 8105)))["Content"]
    assert "#1 · 与「人才」" in listing and "#2 · 与「统战」" in listing, listing
    assert re.search(r"^#1 http\S+/feed/", listing, re.MULTILINE) and "#3" not in listing, listing
    for typed, at in (("/digest 1", 8106), ("/digest 3", 8107)):  # its number, then the id shown before
        read = reply_of(post(web, wechat_text("oNumberB", typed, at)))["Content"]
        assert "人才" in read and "统战" not in read and "订阅 #1 的摘要" in read, (typed, read)
    gone = reply_of(post(web, wechat_text("oNumberB", "/unsubscribe 2", 8108)))["Content"]
    assert gone == "已取消订阅 #2。", gone
    assert [s.keywords for s in web.services.database.read(subs.list_subscriptions, chat)] == [("人才",)]
    other = web.services.database.read(reader_chat, WECHAT, "oNumberA")
    assert other is not None and len(web.services.database.read(subs.list_subscriptions, other)) == 2


def test_forget_asks_then_deletes(web: WebRun):
    post(web, wechat_text("oReaderE", "/subscribe 08:00 人才", 7001))
    post(web, wechat_text("oReaderE", "/digest", 7009))  # the articles /digest lists are kept as seen
    asked = reply_of(post(web, wechat_text("oReaderE", "/forget", 7002)))["Content"]
    assert "/forget 确认" in asked
    assert web.services.database.read(reader_chat, WECHAT, "oReaderE") is not None
    done = reply_of(post(web, wechat_text("oReaderE", "/forget 确认", 7003)))["Content"]
    assert "1" in done
    # QA pass 23: the question named less than the answer deletes; each kind deleted is named before.
    for kind in ("语言", "时区", "订阅", "/digest 已列过的文章", "最近的搜索", "接着问时所指的话题"):
        assert kind in done and kind in asked, kind
    assert web.services.database.read(reader_chat, WECHAT, "oReaderE") is None  # the openid is gone too


@pytest.mark.parametrize("typed", ["确认", "确认删除", "确定"])
def test_forget_is_confirmed_by_a_reply_in_words(web: WebRun, typed: str):
    """Issue 34: after /forget, `确认` or `确认删除` alone (the button's words elsewhere) was searched; the
    question asked for `/forget 确认`. A reply of 确认 now deletes, as the button does."""
    openid = f"oTypedYes{len(typed)}"
    post(web, wechat_text(openid, "/subscribe 人才", 7101))
    asked = reply_of(post(web, wechat_text(openid, "/forget", 7102)))["Content"]
    assert "请回复：确认" in asked, asked
    done = reply_of(post(web, wechat_text(openid, typed, 7103)))["Content"]
    assert done.startswith("已删除 newsbot 保存的关于这个聊天的全部信息"), done
    assert web.services.database.read(reader_chat, WECHAT, openid) is None


def test_forget_is_cancelled_by_a_reply_in_words_and_confirm_alone_is_searched(web: WebRun):
    """Issue 34: `取消` after /forget keeps everything; 确认 with no /forget asked is a search as before."""
    post(web, wechat_text("oTypedNo", "/subscribe 人才", 7201))
    post(web, wechat_text("oTypedNo", "/forget", 7202))
    kept = reply_of(post(web, wechat_text("oTypedNo", "取消", 7203)))["Content"]
    assert kept.startswith("已取消，什么都没有删除"), kept
    chat = web_chat(web, "oTypedNo")
    assert [s.keywords for s in web.services.database.read(subs.list_subscriptions, chat)] == [("人才",)]
    searched = reply_of(post(web, wechat_text("oTypedNo", "确认", 7204)))["Content"]
    assert "已删除" not in searched and "确认" in searched, searched
    assert web.services.database.read(subs.list_subscriptions, chat)


def test_follow_ups_after_a_digest_refer_to_the_digest(web: WebRun):
    """Issue 34: after /digest, `还有吗` said there were no results to page through and `第2条` opened the
    second result of the search before it. What the reader sees last is what follow-ups refer to: 第2条
    opens the digest's second story, 还有吗 names the /digest N that lists the stories it left out (it
    said only that a digest has no next page); a search after it takes over."""
    searched = reply_of(post(web, wechat_text("oDigestNext", "保交楼", 7301)))["Content"]
    post(web, wechat_text("oDigestNext", "/subscribe 二七区", 7302))
    digest = reply_of(post(web, wechat_text("oDigestNext", "/digest", 7303)))["Content"]
    second = digest.split("\n2. ", 1)[1].split("\n", 1)[0]
    assert second not in searched
    # the digest left stories out (2,048 bytes hold a few): 还有吗 names what lists them, which does
    more = reply_of(post(web, wechat_text("oDigestNext", "还有吗", 7304)))["Content"]
    assert more == "这份摘要没列完你订阅的新文章：发 /digest 1 看其余的。", more
    opened = reply_of(post(web, wechat_text("oDigestNext", "第2条", 7305)))["Content"]
    assert opened.startswith(second[:20]), (second, opened)
    count = max(int(n) for n in re.findall(r"^(\d+)\. ", digest, re.MULTILINE))
    past = reply_of(post(web, wechat_text("oDigestNext", f"第{count + 1}条", 7306)))["Content"]
    assert past.startswith(f"刚才的摘要列了 {count} 篇，没有第 {count + 1} 篇"), past
    rest = reply_of(post(web, wechat_text("oDigestNext", "/digest 1", 7309)))["Content"]
    assert "\n1. " in rest and rest.split("\n1. ", 1)[1].split("\n", 1)[0] not in digest, rest
    listed = reply_of(post(web, wechat_text("oDigestNext", "人才", 7307)))["Content"]
    first = listed.split("\n1. ", 1)[1].split("（", 1)[0]
    assert reply_of(post(web, wechat_text("oDigestNext", "第1条", 7308)))["Content"].startswith(first[:20])


def test_a_slow_answer_is_replaced_by_a_short_line_in_time(web: WebRun, monkeypatch: pytest.MonkeyPatch):
    assert web.edge.wechat is not None
    web.edge.wechat_budget = 0.3
    real = web.edge.wechat.answer

    def slow(*args: object) -> str:
        time.sleep(1.0)
        return real(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(web.edge.wechat, "answer", slow)
    content = reply_of(post(web, wechat_text("oReaderF", "保交楼", 8001)))["Content"]
    assert "请过几秒" in content


# ---- events and other types -----------------------------------------------------------------------------


def test_a_subscribe_event_gets_the_welcome(web: WebRun):
    reply = reply_of(post(web, wechat_other("oNew", "event", event="subscribe")))
    assert reply["ToUserName"] == "oNew" and "newsbot" in reply["Content"]


def test_an_unsubscribe_event_gets_no_reply(web: WebRun):
    response = post(web, wechat_other("oNew", "event", event="unsubscribe"))
    assert response.status_code == 200 and response.text == "success"


def _shared_card(openid: str, title: str, url: str, msg_id: int) -> bytes:
    return (
        "<xml><ToUserName><![CDATA[gh_newsbot]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName><CreateTime>1733390002</CreateTime>"
        f"<MsgType><![CDATA[link]]></MsgType><Title><![CDATA[{title}]]></Title>"
        f"<Description><![CDATA[转发的文章]]></Description><Url><![CDATA[{url}]]></Url><MsgId>{msg_id}</MsgId></xml>"
    ).encode()


def test_a_shared_article_card_is_read_by_its_title_when_its_address_is_not_stored(web: WebRun):
    """QA pass 23: a shared article card (MsgType link) got 目前只能读文字…; its title is a story's headline,
    so it is searched (never read as a command), as a pasted address of a stored story opens that story."""
    card = _shared_card(
        "oCard", "二七区委统战工作暨全区宗教工作会议召开", "https://mp.weixin.qq.com/s/abc", 8801
    )
    content = reply_of(post(web, card))["Content"]
    assert "统战工作" in content and "/help" not in content
    command_like = _shared_card("oCard", "/forget", "https://example.com/x", 8802)
    assert "确定要删除" not in reply_of(post(web, command_like))["Content"]  # a title, not the command


@pytest.mark.parametrize("msg_type", ["image", "voice", "video", "shortvideo", "location", "link"])
def test_other_types_get_a_line_saying_what_works(web: WebRun, msg_type: str):
    content = reply_of(post(web, wechat_other("oReaderG", msg_type, create_time=hash(msg_type) % 10**9)))[
        "Content"
    ]
    assert "/help" in content


# ---- refusals ----------------------------------------------------------------------------------------


def test_a_wrong_signature_on_post_is_403(web: WebRun):
    response = post(web, wechat_text("oReaderA", "保交楼", 9001), signature="0" * 40)
    assert response.status_code == 403


# What the platform posts in 安全模式 (safe mode): the message AES-encrypted in <Encrypt>, no MsgType.
ENCRYPTED = b"<xml><ToUserName><![CDATA[gh_newsbot]]></ToUserName><Encrypt><![CDATA[c2FmZSBtb2RlIGJvZHk=]]></Encrypt></xml>"


def test_an_encrypted_message_is_refused_with_a_warning_saying_which_mode_to_set(
    web: WebRun, caplog: pytest.LogCaptureFixture
):
    """QA pass 48: an account set to 安全模式 (safe mode) posts every message encrypted; each was refused 400
    and nothing was logged, so the operator saw the readers' 该公众号暂时无法提供服务 and no reason."""
    with caplog.at_level("WARNING", logger="bot.web.app"):
        response = post(web, ENCRYPTED, encrypt_type="aes", msg_signature="0" * 40)
    assert response.status_code == 400
    warned = [r.getMessage() for r in caplog.records if r.name == "bot.web.app"]
    assert any("明文模式" in line and "encrypted" in line for line in warned), warned
    caplog.clear()
    with caplog.at_level("WARNING", logger="bot.web.app"):
        assert post(web, b"<xml><MsgType>text</MsgType").status_code == 400
    assert not [r for r in caplog.records if r.name == "bot.web.app"]  # broken XML: no word of modes


def test_broken_xml_is_400(web: WebRun):
    assert post(web, b"<xml><MsgType>text</MsgType").status_code == 400
    assert post(web, b'{"MsgType": "text"}').status_code == 400
    assert post(web, b"<xml><MsgType>text</MsgType></xml>").status_code == 400  # no sender


def test_entities_are_never_expanded(web: WebRun):
    bomb = (
        b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;">]>'
        b"<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>"
        b"<MsgType>text</MsgType><Content>&b;</Content><MsgId>1</MsgId></xml>"
    )
    assert post(web, bomb).status_code == 400
    external = (
        b'<?xml version="1.0"?><!DOCTYPE xml [<!ENTITY x SYSTEM "file:///etc/passwd">]>'
        b"<xml><ToUserName>gh</ToUserName><FromUserName>o1</FromUserName><CreateTime>1</CreateTime>"
        b"<MsgType>text</MsgType><Content>&x;</Content><MsgId>2</MsgId></xml>"
    )
    response = post(web, external)
    assert response.status_code == 400 and "root:" not in response.text


def test_without_a_token_there_is_no_endpoint(template: Path, tmp_path: Path):
    with web_server(copy_database(template, tmp_path / "n.db"), wechat_token="") as run:
        assert httpx.get(f"{run.base_url}/wechat", params=wechat_query()).status_code == 404


# ---- pure pieces ---------------------------------------------------------------------------------------


def test_parse_and_reply_round_trip():
    message = parse_message(wechat_text("o1", "a &lt;b", 42))
    assert (message.from_user, message.content, message.msg_id) == ("o1", "a &lt;b", "42")  # CDATA: as sent
    body = text_reply(message, "x]]>y <b>&\x07", 7)
    root = fromstring(body)
    assert root.findtext("Content") == "x]]>y <b>&" and root.findtext("ToUserName") == "o1"
    with pytest.raises(BadMessage):
        parse_message(b"<notxml/>")


def test_fit_cuts_at_line_ends_within_the_limit():
    body = "\n".join(f"{i}. 保交楼项目第{i}批交付" for i in range(200))
    cut = fit(body, tail="更多：https://example.org/?q=x")
    assert len(cut.encode("utf-8")) <= 2048 and cut.endswith("更多：https://example.org/?q=x")
    assert "…" in cut and all(line.strip() for line in cut.splitlines())
    assert fit("短") == "短"
    assert len(fit("字" * 5000).encode("utf-8")) <= 2048


def test_links_to_articles():
    assert link_articles("见 /article 12。", "https://n.org/") == "见 https://n.org/article/12。"
    assert to_wechat("/article 3", "https://n.org") == "https://n.org/article/3"


def test_token_used_in_tests_is_valid():
    assert signature_ok(WECHAT_TOKEN, "1", "2", signature(WECHAT_TOKEN, "1", "2"))


def test_a_retry_arriving_while_the_first_is_answered_waits_for_the_same_answer(
    web: WebRun, monkeypatch: pytest.MonkeyPatch
):
    assert web.edge.wechat is not None
    real = web.edge.wechat.answer
    calls: list[str] = []

    def slow(message: object, base: str) -> str:
        calls.append(base)
        time.sleep(0.8)
        return real(message, base)  # type: ignore[arg-type]

    monkeypatch.setattr(web.edge.wechat, "answer", slow)
    body = wechat_text("oReaderH", "/subscribe 09:00 保交楼", 5560001)
    with ThreadPoolExecutor(3) as pool:
        contents = [reply_of(r)["Content"] for r in pool.map(lambda _: post(web, body), range(3))]
    assert len(set(contents)) == 1 and "/feed/" in contents[0]
    assert len(calls) == 1  # acted on once
    chat = web.services.database.read(reader_chat, WECHAT, "oReaderH")
    assert chat is not None and len(web.services.database.read(subs.list_subscriptions, chat)) == 1


def test_markup_in_an_articles_text_is_never_a_link_in_wechat(web: WebRun):
    """QA pass: WeChat shows `<a href="…">…</a>` in a text reply as a link, so a title or text from a web
    source (or a pasted query) could put an address of its own under words of its choosing."""
    from storage.ingest.pipeline import ingest_paths

    page = Path(web.services.settings.db).parent / "lure.jsonl"
    page.write_text(
        '{"title": "<a href=\\"https://evil.example/\\">领取保交楼补贴</a>", '
        '"body": "点击<a href=\'https://evil.example/\'>这里</a>领取保交楼补贴。"}\n',
        encoding="utf-8",
    )
    ingest_paths(web.services.database, [page])
    for n, line in enumerate(["领取保交楼补贴", "/latest", '<a href="https://evil.example/">保交楼</a>']):
        content = reply_of(post(web, wechat_text("oReaderL", line, 1300 + n)))["Content"]
        assert "领取保交楼补贴" in content or "保交楼" in content
        assert "<a" not in content and "</a" not in content, content
    (hit,) = [a for a in web.services.library.latest(50) if "evil" in a.title]
    content = reply_of(post(web, wechat_text("oReaderL", f"/article {hit.id}", 1310)))["Content"]
    assert "evil.example" in content and "<a" not in content  # shown as text, not a link


def test_to_wechat_turns_tags_into_text():
    shown = to_wechat('<a href="https://x.example/">看</a> /article 3', "https://n.org")
    assert "<" not in shown and "https://n.org/article/3" in shown and "＜a href" in shown


def test_both_brackets_of_a_query_are_echoed_full_width(web: WebRun):
    """Issue 32: WeChat echoed a query's "<" full-width and its ">" as typed (a & b ＜c>); both brackets read
    as the same kind of text, in the echoed query and in a tag typed whole."""
    for n, typed in enumerate(["a & b <c>", "<b>保交楼</b> x>y"]):
        content = reply_of(post(web, wechat_text("oReaderB", typed, 1320 + n)))["Content"]
        assert "<" not in content and ">" not in content, content
    content = reply_of(post(web, wechat_text("oReaderB", "a & b <c>", 1330)))["Content"]
    assert "「a & b ＜c＞」" in content, content
    assert to_wechat("x>y <b>", "https://n.org") == "x＞y ＜b＞"


@pytest.mark.parametrize("typed", ["３", "＃３", "#3"])
def test_article_typed_in_full_width_digits_gets_the_lead_and_the_link(web: WebRun, typed: str):
    """QA pass: `/article ３` (digits as a phone's Chinese keyboard types them) got the whole story cut at
    2048 bytes, without the link to the rest, where `/article 3` gets the lead and the link."""
    content = reply_of(post(web, wechat_text("oReaderF", f"/article {typed}", 1400 + len(typed))))["Content"]
    assert f"{web.base_url}/article/3" in content
    assert content == reply_of(post(web, wechat_text("oReaderF", "/article 3", 1410)))["Content"]


# ---- voice messages with the platform's speech recognition -----------------------------------------------


def wechat_voice(openid: str, msg_id: int, recognition: str | None) -> bytes:
    """A voice message as the platform posts it with speech recognition on (``<Recognition>``)."""
    heard = "" if recognition is None else f"<Recognition><![CDATA[{recognition}]]></Recognition>"
    return (
        "<xml>"
        "<ToUserName><![CDATA[gh_newsbot]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        "<CreateTime>1733390100</CreateTime>"
        "<MsgType><![CDATA[voice]]></MsgType>"
        "<MediaId><![CDATA[media1]]></MediaId>"
        "<Format><![CDATA[amr]]></Format>"
        f"{heard}"
        f"<MsgId>{msg_id}</MsgId>"
        "<MediaId16K><![CDATA[media16k]]></MediaId16K>"
        "</xml>"
    ).encode()


def test_a_voice_message_is_searched_by_its_recognised_text(web: WebRun):
    """QA: a voice message carrying the platform's speech recognition got "text only"; the recognised words
    are the search, as if typed."""
    content = reply_of(post(web, wechat_voice("oVoice", 5001, "保交楼。")))["Content"]
    assert "保交楼项目第8批交付" in content and f"{web.base_url}/article/" in content
    assert "目前只能读文字" not in content


def test_a_spoken_question_gets_the_answer_line(web: WebRun):
    content = reply_of(post(web, wechat_voice("oVoice", 5002, "谁主持了统战工作会议？")))["Content"]
    assert content.count("💡") == 1 and "虎荣鑫" in content


@pytest.mark.parametrize("recognition", [None, "", "  "])
def test_a_voice_message_without_recognised_text_gets_the_text_only_line(
    web: WebRun, recognition: str | None
):
    content = reply_of(post(web, wechat_voice("oVoice", 5003 + len(recognition or "x"), recognition)))[
        "Content"
    ]
    assert "目前只能读文字" in content and "/help" in content


def test_parse_message_reads_the_recognition():
    message = parse_message(wechat_voice("oVoice", 5009, "二七区 教育"))
    assert message.msg_type == "voice" and message.recognition == "二七区 教育" and message.content == ""


@pytest.mark.parametrize(("typed", "group"), [("/help", "群"), ("/help me", "group")])
def test_help_in_wechat_names_no_groups(web: WebRun, typed: str, group: str):
    """QA: WeChat /help spoke of groups, which official accounts do not have."""
    content = reply_of(post(web, wechat_text("oHelp", typed, 6001 + len(typed))))["Content"]
    assert "/search" in content and group not in content and "私聊" not in content
    assert ("私人摘要地址" if group == "群" else "digest address") in content and "/digest" in content


@pytest.mark.parametrize("zone", ["Asia/Shanghai", "UTC+5:30", "CST"])
def test_timezone_in_latin_letters_is_answered_in_chinese(web: WebRun, zone: str):
    """A zone is written in Latin letters whatever the reader's language: /timezone UTC+5:30 from a
    Chinese follower gets a Chinese reply, not an English one."""
    content = reply_of(post(web, wechat_text("oReaderTz", f"/timezone {zone}", 8101)))["Content"]
    assert content.startswith("时区已设为"), content
    shown = reply_of(post(web, wechat_text("oReaderTz", "/timezone", 8102)))["Content"]
    assert shown.startswith("当前时区"), shown


def test_timezone_in_wechat_speaks_of_days_not_of_digest_times(web: WebRun):
    """QA pass 7: /timezone said digest times follow it, though WeChat pushes nothing."""
    content = reply_of(post(web, wechat_text("oReaderTz2", "/timezone Europe/Berlin", 8111)))["Content"]
    assert "「今天」「昨天」等日期按这个时区计算" in content and "推送" not in content, content


def test_a_bare_unsubscribe_lists_the_commands_to_type(web: WebRun):
    """QA: with several subscriptions, a bare /unsubscribe answered "which one should go?" with buttons
    WeChat does not show, so the follower had nothing to choose from."""
    post(web, wechat_text("oReaderU", "/subscribe 08:00 人才", 8201))
    post(web, wechat_text("oReaderU", "/subscribe 09:00 保交楼", 8202))
    ids = [s.id for s in web.services.database.read(subs.list_subscriptions, web_chat(web, "oReaderU"))]
    content = reply_of(post(web, wechat_text("oReaderU", "/unsubscribe", 8203)))["Content"]
    assert content.startswith("你有多个订阅"), content
    for sub_id in ids:
        assert f"/unsubscribe {sub_id}" in content, content
    assert "/unsubscribe all" in content
    done = reply_of(post(web, wechat_text("oReaderU", f"/unsubscribe {ids[0]}", 8204)))["Content"]
    assert f"#{ids[0]}" in done
    assert len(web.services.database.read(subs.list_subscriptions, web_chat(web, "oReaderU"))) == 1
    # The word "all" is part of the command, not English: the reply stays in Chinese.
    rest = reply_of(post(web, wechat_text("oReaderU", "/unsubscribe all", 8205)))["Content"]
    assert rest.startswith("已取消全部"), rest


def test_the_commands_to_type_follow_the_replys_language(web: WebRun):
    """Issue 33 (a reader's pass): an English follower's bare /unsubscribe listed `Cancel all：/unsubscribe
    all`, a Chinese colon in English lines."""
    post(web, wechat_text("oReaderE", "/lang en", 8301))
    post(web, wechat_text("oReaderE", "/subscribe 人才", 8302))
    post(web, wechat_text("oReaderE", "/subscribe 保交楼", 8303))
    content = reply_of(post(web, wechat_text("oReaderE", "/unsubscribe", 8304)))["Content"]
    assert content.startswith("You have several subscriptions") and "：" not in content, content
    assert "Cancel all: /unsubscribe all" in content
    chinese = reply_of(post(web, wechat_text("oReaderU2", "/subscribe 人才", 8305)))["Content"]
    assert chinese.startswith("已订阅")
    post(web, wechat_text("oReaderU2", "/subscribe 保交楼", 8306))
    assert (
        "全部取消：/unsubscribe all"
        in reply_of(post(web, wechat_text("oReaderU2", "/unsubscribe", 8307)))["Content"]
    )


def web_chat(web: WebRun, openid: str) -> int:
    chat_id = web.services.database.read(reader_chat, WECHAT, openid)
    assert chat_id is not None
    return chat_id


def test_a_digest_links_each_article_it_lists(web: WebRun):
    """QA: /digest listed titles under buttons WeChat does not show, so no article could be opened."""
    content = reply_of(post(web, wechat_text("oReaderD", "/digest", 8301)))["Content"]
    assert "新闻摘要" in content, content
    links = re.findall(r"/article/(\d+)", content)
    assert links, content
    titles = [line for line in content.split("\n") if re.match(r"\d+\. ", line)]
    assert len(links) == len(titles)
    # each link stands under its own article's lines, before the next article
    lines = content.split("\n")
    for title, article_id in zip(titles, links, strict=True):
        start = lines.index(title)
        after = next(line for line in lines[start + 1 :] if "/article/" in line)
        assert after.endswith(f"/article/{article_id}")
        article = web.services.database.read(get_article, int(article_id))
        assert article is not None and as_text((article.title or "")[:10]) in title


def test_subscriptions_of_a_follower_with_many_long_ones_keep_every_feed_address(web: WebRun):
    """Regression (QA pass 4): 20 subscriptions of long keywords made /subscriptions longer than 2048
    bytes, and the cut took every feed address (they came last); the addresses are what a follower acts on,
    so the list of keywords is what gets cut."""
    for i in range(20):
        keywords = " ".join(f"词{i:02d}{j}" + "长" * 20 for j in range(10))
        reply_of(post(web, wechat_text("oReaderMany", f"/subscribe {i}:00 {keywords}", 5570000 + i)))
    content = reply_of(post(web, wechat_text("oReaderMany", "/subscriptions", 5570100)))["Content"]
    assert len(content.encode("utf-8")) <= 2048
    assert content.count(f"{web.base_url}/feed/") == 20, content


# ---- what followers send (QA) -----------------------------------------------------------------------------


@pytest.mark.parametrize("args", ["1、2", "1 2", "1，2"])
def test_article_with_several_numbers_gives_each_lead_and_link(web: WebRun, args: str):
    """QA: /article 1、2 in WeChat sent the whole of article 1, cut at 2048 bytes, instead of each
    article's lead and link as /article 1 2 does."""
    content = reply_of(post(web, wechat_text("oReaderQ", f"/article {args}", 7100)))["Content"]
    assert f"{web.base_url}/article/1" in content and f"{web.base_url}/article/2" in content
    assert content.count("全文：") == 2 and len(content.encode("utf-8")) <= 2048


@pytest.mark.parametrize("blank", ["   ", "\u3000\u3000", ""])
def test_a_blank_text_message_asks_what_to_look_for(web: WebRun, blank: str):
    """QA: a text message of spaces only was told that only text can be read."""
    content = reply_of(post(web, wechat_text("oReaderQ", blank, 7200)))["Content"]
    assert "请告诉我要找什么" in content and "只能读文字" not in content


@pytest.mark.parametrize(
    "line", ["https://mp.weixin.qq.com/s/AbCdEf", "http://www.zynews.cn/news/123.html", "www.example.com"]
)
def test_a_pasted_link_is_answered_in_chinese(web: WebRun, line: str):
    """QA: a follower pasting a link (Latin letters only) was answered in English; a link is no
    English: the reply stays Chinese. A message in English words still gets English."""
    content = reply_of(post(web, wechat_text("oReaderU", line, 7300)))["Content"]
    assert re.search(r"[\u4e00-\u9fff]", content) and "Nothing found" not in content, content
    english = reply_of(post(web, wechat_text("oReaderU", "hello", 7301)))["Content"]
    assert english.startswith("Hello"), english


def test_a_long_message_gets_its_results_within_the_limit(web: WebRun):
    """QA: a message of 900 Han characters was answered with "…" and a "more results" link of 8,000 bytes
    (the message quoted into it): no result shown, and a reply over WeChat's 2048 bytes."""
    content = reply_of(post(web, wechat_text("oReaderL", "保交楼" * 300, 7400)))["Content"]
    assert len(content.encode("utf-8")) <= 2048 and "保交楼项目第" in content, content


@pytest.mark.parametrize("typed", ["/search 保交楼", "/s 保交楼", "／search　保交楼"])
def test_more_results_of_a_search_command_link_to_its_words(web: WebRun, typed: str):
    """QA pass 7: /search 保交楼 linked more results to /?q=/search%20保交楼, which the page, running no
    command from a link, left unsearched: the reader saw no more results. The link holds the words."""
    content = reply_of(post(web, wechat_text("oReaderM", typed, 7500)))["Content"]
    more = re.search(r"https?://\S+/\?(\S+)", content)
    assert more is not None and parse_qs(more.group(1)) == {"q": ["保交楼"], "page": ["2"]}, content


def test_article_numbers_past_the_three_opened_are_named(web: WebRun):
    content = reply_of(post(web, wechat_text("oReaderN", "/article 1 2 3 4 5", 7600)))["Content"]
    rest = f"其余的：{web.base_url}/article/4、{web.base_url}/article/5"
    assert content.count("/article/") == 5 and rest in content, content


def test_fit_cuts_a_tail_too_long_for_the_limit():
    out = fit("results", 100, tail="x" * 300)
    assert len(out.encode("utf-8")) <= 100 and out.startswith("results")


def test_a_digest_of_many_subscriptions_keeps_whole_articles_and_names_what_it_left_out(web: WebRun):
    """QA pass 9: five previews of up to 10 stories do not fit WeChat's 2048 bytes: the second was cut after
    its first story and the line naming the other subscriptions was lost. Whole previews and whole
    articles are kept, and a closing line says how many more there are and how to see them."""
    for i in range(7):
        reply_of(post(web, wechat_text("oReaderDigests", f"/subscribe {i + 6}:00 -无关词{i}", 5580000 + i)))
    content = reply_of(post(web, wechat_text("oReaderDigests", "/digest", 5580100)))["Content"]
    assert len(content.encode("utf-8")) <= 2048
    lines = content.split("\n")
    titles = [n for n, line in enumerate(lines) if re.match(r"\d+\. ", line)]
    links = [n for n, line in enumerate(lines) if "/article/" in line]
    assert titles and len(links) == len(titles)  # every article listed keeps its link: none cut
    assert "…" not in content
    assert re.search(r"另有 \d+ 个订阅没有列出。看其中一个：/digest 编号，例如 /digest \d+", content), content


def test_a_preview_too_long_by_itself_keeps_its_whole_articles_and_counts_the_rest():
    head = "📰 新闻摘要\n下一份摘要将有 30 篇文章"
    items = [f"{n}. 标题{n}{'长' * 60}\n2023-05-01 · 摘要\nhttp://x/article/{n}" for n in range(1, 31)]
    preview = "\n\n".join([head, *items, "还有 5 篇，可用 /search 查看。"])
    out = fit_previews(
        [preview, "第二份"], lambda k: f"另有 {k} 个订阅没有预览" if k else "", lambda n: f"还有 {n} 篇放不下"
    )
    assert len(out.encode("utf-8")) <= LIMIT - MARGIN
    kept = re.findall(r"^(\d+)\. ", out, re.M)
    assert kept == [str(n) for n in range(1, len(kept) + 1)] and len(kept) > 1
    assert out.count("http://x/article/") == len(kept) and "…" not in out  # whole articles only
    assert f"还有 {30 - len(kept)} 篇放不下" in out and "还有 5 篇，可用 /search 查看。" in out
    assert out.startswith(head) and out.endswith("另有 1 个订阅没有预览")


def test_a_cut_digest_counts_what_it_left_out_in_one_line_and_its_head_what_it_kept():
    """A digest listing 10 of 25 new stories, cut to fewer by the size limit, said "这里是最新的 10 篇" and
    two lines of what was left: past the cap, and cut. Its head counts what is kept; one line the rest."""
    items = [f"{n}. 标题{n}{'长' * 60}\n2023-05-01 · 摘要\nhttp://x/article/{n}" for n in range(1, 11)]
    preview = "\n\n".join(
        ["📰 新闻摘要\n共 25 篇新文章，这里是最新的 10 篇", *items, "还有 15 篇新文章。", "地址"]
    )
    out = fit_previews(
        [preview],
        lambda k: "",
        lambda n: f"还有 {15 + n} 篇新文章。",
        limit=1200,
        counted=lambda shown: f"共 25 篇新文章，这里是最新的 {shown} 篇",
    )
    kept = len(re.findall(r"^\d+\. ", out, re.M))
    assert 1 < kept < 10 and len(out.encode("utf-8")) <= 1200
    assert out.startswith(f"📰 新闻摘要\n共 25 篇新文章，这里是最新的 {kept} 篇\n\n1. ")
    assert re.findall("还有.*", out) == [f"还有 {25 - kept} 篇新文章。"] and out.endswith("。\n\n地址")


def test_subscriptions_too_many_for_one_reply_keep_whole_lines_and_say_how_many_more(web: WebRun):
    """QA pass 9: 20 subscriptions of 3 short keywords were cut after #6 inside the list, with "…". Whole
    lines are kept, a line says how many are not listed, and every feed address stays."""
    for i in range(20):
        reply_of(
            post(web, wechat_text("oReaderTwenty", f"/subscribe {i}:00 保交楼{i} 二七区 人才", 5590000 + i))
        )
    content = reply_of(post(web, wechat_text("oReaderTwenty", "/subscriptions", 5590100)))["Content"]
    assert len(content.encode("utf-8")) <= 2048
    assert content.count(f"{web.base_url}/feed/") == 20 and "…" not in content
    listed = re.findall(r"^#(\d+) · ", content, re.M)
    assert 0 < len(listed) < 20
    assert f"另有 {20 - len(listed)} 个订阅放不下这条微信消息" in content and "取消订阅：" in content


def test_latest_names_its_next_page_and_the_page_after_it_goes_on(web: WebRun):
    """QA pass 14: WeChat shows no ▶, so /latest's eight newest articles were all a follower could see;
    the reply names /latest 2, which lists the next ones."""
    first = reply_of(post(web, wechat_text("oLatest", "/latest", 1700)))["Content"]
    assert first.startswith("🆕 最新文章") and "\n1. " in first and "\n8. " in first
    assert first.endswith("更早的文章：/latest 2")
    second = reply_of(post(web, wechat_text("oLatest", "/latest 2", 1701)))["Content"]
    assert "（第 2 页）" in second and "\n9. " in second and "\n1. " not in second
    assert "/latest 3" not in second  # the last page: nothing older to name
    end = reply_of(post(web, wechat_text("oLatest", "/latest 3", 1702)))["Content"]
    assert end == "没有更早的文章了。"


def test_a_latest_page_too_long_keeps_whole_articles_and_links_those_left_out():
    """On a real archive eight leads of /latest passed 2048 bytes: the eighth was cut mid-lead with "…";
    whole articles stay, the links of the others are named, and the next page's command is kept."""
    head = "🆕 最新文章："
    items = [
        f"{n}. 标题{n}\n2020-05-31 · https://news.example.org/article/{n}\n" + "导语" * 120
        for n in range(1, 9)
    ]
    body = "\n\n".join([head, *items])
    out = fit_listed(body, lambda count: f"另有 {count} 篇：…", tail="更早的文章：/latest 2")
    assert len(out.encode("utf-8")) <= LIMIT - MARGIN
    kept = [item for item in items if item in out]
    assert out.startswith(head) and 0 < len(kept) < 8 and kept == items[: len(kept)]
    assert out.endswith(f"另有 {8 - len(kept)} 篇：…\n\n更早的文章：/latest 2")
    assert fit_listed("短的\n\n1. 一篇", lambda count: "x", tail="尾") == "短的\n\n1. 一篇\n\n尾"


def test_next_page_typed_in_wechat_lists_the_next_results_and_latest_page(web: WebRun):
    """QA pass 20: WeChat shows no ▶, and a follower typing 下一页 or 更多 after five results got a search
    for those words. The results now say to send 下一页, which lists the next five with the link to the
    page after; after /latest it gives the next page as /latest 2 does."""
    first = reply_of(post(web, wechat_text("oPager", "保交楼", 9200)))["Content"]
    assert "第 1/2 页" in first
    assert f"更多结果：发送「下一页」，或打开 {web.base_url}/?q=%E4%BF%9D%E4%BA%A4%E6%A5%BC&page=2" in first
    second = reply_of(post(web, wechat_text("oPager", "下一页", 9201)))["Content"]
    assert "「保交楼」" in second and "第 2/2 页" in second and "更多结果" not in second, second
    assert reply_of(post(web, wechat_text("oPager", "下一页", 9201)))["Content"] == second  # a retry
    assert "这是最后一页" in reply_of(post(web, wechat_text("oPager", "更多", 9202)))["Content"]
    latest = reply_of(post(web, wechat_text("oPager", "/latest", 9203)))["Content"]
    # 最新消息 gets the same (it was one reply cut at 2,048 bytes, mid-list, with no /latest 2).
    assert reply_of(post(web, wechat_text("oPager3", "最新消息", 9206)))["Content"] == latest
    older = reply_of(post(web, wechat_text("oPager", "下一页", 9204)))["Content"]
    assert older.startswith("🆕 最新文章（第 2 页）") and len(older.encode("utf-8")) <= 2048, older
    assert older == reply_of(post(web, wechat_text("oPager2", "/latest 2", 9205)))["Content"]


@pytest.mark.parametrize("smileys", ["[微笑]", "[强][强]", " [捂脸] "])
def test_wechats_own_smileys_alone_ask_what_to_look_for(web: WebRun, smileys: str):
    """QA pass 23: WeChat sends its smileys as their names in brackets; `[微笑]` alone was searched
    (`没有找到与「[微笑]」相关的文章`), where an emoji alone asks what to look for."""
    content = reply_of(post(web, wechat_text("oReaderS", smileys, 7600)))["Content"]
    assert "请告诉我要找什么" in content and "没有找到" not in content, content


def test_a_smiley_beside_words_is_left_out_of_the_search_and_other_brackets_kept():
    assert without_smileys("保交楼[强]") == "保交楼 "
    assert without_smileys("[两会]代表[微笑]") == "[两会]代表 "


def test_the_older_clients_smiley_codes_are_left_out_and_commands_kept():
    """QA pass 23: old WeChat clients send smileys as codes (`/::)`); `/::)` alone got `我不认识 /::) 这个命令`."""
    assert without_smileys("/::)") == " "
    assert without_smileys("保交楼/::-O/:rose") == "保交楼  "  # the longest code, not /::- and an O
    assert without_smileys("/::D二七区") == " 二七区"
    assert without_smileys("/help") == "/help" and without_smileys("/forget 确认") == "/forget 确认"
    assert without_smileys("https://www.example.com/a.html") == "https://www.example.com/a.html"


@pytest.mark.parametrize("code", ["/::)", "/:rose", " /::D/::P "])
def test_an_old_smiley_code_alone_asks_what_to_look_for(web: WebRun, code: str):
    content = reply_of(post(web, wechat_text("oReaderO", code, 7610)))["Content"]
    assert "请告诉我要找什么" in content and "命令" not in content, content


def test_an_address_of_this_server_s_article_page_is_read_by_its_id():
    base = "https://news.example.org"
    assert own_article_id("https://news.example.org/article/12", base) == 12
    assert own_article_id(" http://NEWS.example.org/article/12/?from=timeline#top ", base) == 12
    assert own_article_id("https://other.example.org/article/12", base) is None
    assert own_article_id("https://news.example.org.evil.test/article/12", base) is None
    assert own_article_id("https://news.example.org/article/12 保交楼", base) is None
    assert own_article_id("https://news.example.org/feed/abc", base) is None


def test_a_pasted_address_of_one_of_our_article_pages_opens_that_story(web: WebRun):
    """QA pass 20: the address of one of newsbot's own article pages (WeChat links every reply's stories to
    them) pasted back was searched as words; another site's /article/3 still is not ours."""
    content = reply_of(post(web, wechat_text("oReaderP", f"{web.base_url}/article/3", 7620)))["Content"]
    assert "统战工作" in content and f"{web.base_url}/article/3" in content and "🔎" not in content
    other = reply_of(post(web, wechat_text("oReaderP", "https://other.example/article/3", 7621)))["Content"]
    assert other.startswith("这个链接的文章不在 newsbot 收录的新闻里"), other


def test_a_number_alone_opens_that_result_or_says_there_is_none_yet(web: WebRun):
    """QA pass 31 (issue 33): `1` sent before any results was searched as a word. WeChat lists results
    numbered: a number alone opens that one, as `第1篇` does; before any results, a line saying so."""
    none = reply_of(post(web, wechat_text("oNumber", "1", 5501)))["Content"]
    assert none.startswith("还没有可以打开的结果。先发关键词或问题，再发「第2篇」打开其中一篇")
    listed = reply_of(post(web, wechat_text("oNumber", "保交楼", 5502)))["Content"]
    second = listed.split("\n2. ", 1)[1].split("（", 1)[0]
    opened = reply_of(post(web, wechat_text("oNumber", "2", 5503)))["Content"]
    assert opened.startswith(second)


@pytest.mark.parametrize(
    ("typed", "named"),
    [
        ("订阅进博会", "进博会"),
        ("订阅 进博会", "进博会"),
        ("我要订阅进博会", "进博会"),
        ("帮我订阅进博会的新闻", "进博会"),
        ("请订阅 阅兵 国庆", "阅兵 国庆"),
        ("订阅 8点 国庆", "8点 国庆"),
        ("我想订阅阅兵！", "阅兵"),
        ("订阅怎么弄", None),  # a question about subscribing: the how-to reply
        ("订阅是什么", None),
        ("订阅要钱吗", None),
        ("订阅新闻", None),  # nothing named
        ("订阅每日新闻", None),
        ("我要订阅", None),
        ("订阅号", None),
        ("订阅😀", None),
        ("订阅" + "长" * 61, None),  # too long to name back as a command
        ("取消订阅", None),
        ("保交楼", None),
    ],
)
def test_a_subscription_asked_for_in_words_names_its_words(typed: str, named: str | None):
    assert subscription_asked(typed) == named


def test_a_subscription_asked_for_in_words_is_told_the_command_that_does_it(web: WebRun):
    """Issue 33 (a reader's pass): `订阅 人才` was searched and said `已去掉：「订阅」`; `我要订阅人才` got the
    general how-to naming other words. A reader who names what to subscribe to is told the command that
    does it, with those words (above the results of `订阅 人才`, which may be a search: 订阅经济)."""
    said = reply_of(post(web, wechat_text("oSubscribe", "订阅 人才", 6601)))["Content"]
    assert "想订阅「人才」的新闻？发送：/subscribe 人才" in said and "已去掉" in said
    asked = reply_of(post(web, wechat_text("oSubscribe", "我要订阅人才", 6602)))["Content"]
    assert asked == "想订阅「人才」的新闻？发送：/subscribe 人才"
    how = reply_of(post(web, wechat_text("oSubscribe", "订阅怎么弄", 6603)))["Content"]
    assert how.startswith("发送 /subscribe 加关键词就能订阅")
    done = reply_of(post(web, wechat_text("oSubscribe", "/subscribe 人才", 6604)))["Content"]
    assert done.startswith("已订阅 #") and "与「人才」相关的新闻" in done


@pytest.mark.parametrize("typed", ["说说第一条", "讲讲第1篇", "详细说说第一条", "介绍一下第一篇"])
def test_a_result_asked_to_be_told_about_by_its_number_opens_it(web: WebRun, typed: str):
    """Issue 33 (a reader's pass): `说说第一条` after a list was searched (`没有找到与「说说第一条」相关的文章`);
    `打开第一条` opened it. Asking to be told about a listed result by its number opens it too."""
    listed = reply_of(post(web, wechat_text("oTell", "保交楼", 6701)))["Content"]
    first = listed.split("\n1. ", 1)[1].split("（", 1)[0]
    opened = reply_of(post(web, wechat_text("oTell", typed, 6702)))["Content"]
    assert opened.startswith(first), opened


@pytest.mark.parametrize("typed", ["#2", "＃2"])
def test_a_number_after_a_hash_opens_that_listed_result(web: WebRun, typed: str):
    """Issue 34: `#2` alone was searched as a word (nothing found); it opens the last list's result 2,
    as `2` and `第2条` do."""
    listed = reply_of(post(web, wechat_text("oHash", "保交楼", 6711)))["Content"]
    second = listed.split("\n2. ", 1)[1].split("（", 1)[0]
    opened = reply_of(post(web, wechat_text("oHash", typed, 6712)))["Content"]
    assert opened.startswith(second), opened
    assert opened == reply_of(post(web, wechat_text("oHash", "第2条", 6713)))["Content"]


def test_a_digest_without_subscriptions_keeps_whole_articles_and_its_hint(web: WebRun, tmp_path: Path):
    """A new reader's pass (issue 34): /digest before any subscription lists the latest articles; on a
    database of longer stories it was cut mid-article (`…`) and the line saying how to subscribe was lost.
    Whole articles, the links of those left out, and the hint, as /latest fits them."""
    records = [
        {
            "title": f"二七区第{n}批老旧小区改造项目全面开工建设居民生活品质持续提升",
            "date": f"2023-06-{n + 10}",
            "body": f"二七区第{n}批老旧小区改造项目近日全面开工，涉及小区四十余个、居民一万余户，改造内容包括管网更新、加装电梯、"
            "外墙保温和停车设施建设，预计年底前全部完工。",
        }
        for n in range(10)
    ]
    jsonl = tmp_path / "long.jsonl"
    jsonl.write_text("\n".join(json.dumps(r, ensure_ascii=False) for r in records) + "\n", encoding="utf-8")
    assert web.services.database.write(ingest_paths, [jsonl]).new == 10
    said = reply_of(post(web, wechat_text("oNoSubs", "/digest", 6811)))["Content"]
    assert len(said.encode("utf-8")) <= 2048 and "…" not in said, said
    assert "放不下这条微信消息" in said and said.endswith("之后发 /digest 就能看它的新文章。"), said
    listed = re.findall(r"^(\d+)\. ", said, re.MULTILINE)
    assert listed == [str(n) for n in range(1, len(listed) + 1)] and len(listed) < 10, said


@pytest.mark.parametrize("typed", ["what's new", "What's new?", "what is new", "what’s new"])
def test_whats_new_gets_the_latest_articles(web: WebRun, typed: str):
    """Issue 33 (a reader's pass): `what's new` was searched (`Nothing found for “what's new”`) while
    `latest news` listed the latest articles; it lists them too, in English."""
    said = reply_of(post(web, wechat_text("oWhatsNew", typed, 6801)))["Content"]
    assert said.startswith("🆕 Latest articles"), said


def test_a_subscription_to_a_web_address_is_refused_with_what_to_write(web: WebRun):
    """Issue 33 (a reader's pass): `/subscribe https://www.people.com.cn/` said 已订阅 #30 to news about the
    address, which no story holds. It is refused, saying a subscription follows words; nothing is stored."""
    said = reply_of(post(web, wechat_text("oSite", "/subscribe https://www.people.com.cn/", 6901)))["Content"]
    assert said.startswith("「https://www.people.com.cn/」是网址：订阅按新闻里的词找文章，不订阅网站。"), said
    assert not web.services.database.read(subs.list_subscriptions, web_chat(web, "oSite"))


def test_a_subscription_keeps_no_markup_tags(web: WebRun):
    """Issue 34: `/subscribe <b>保交楼</b>` subscribed to 「＜b＞保交楼＜/b＞」, which no story holds. The tags
    are left out, as the search leaves them out: the keyword stored is 保交楼."""
    said = reply_of(post(web, wechat_text("oTags", "/subscribe <b>保交楼</b>", 6951)))["Content"]
    assert "「保交楼」" in said and "b＞" not in said and "b>" not in said, said
    stored = web.services.database.read(subs.list_subscriptions, web_chat(web, "oTags"))
    assert [s.keywords for s in stored] == [("保交楼",)]


@pytest.mark.parametrize("typed", ["open 2", "Open #2", "read 2", "show me number 2", "open no. 2."])
def test_an_english_follower_opens_a_result_by_its_number(web: WebRun, typed: str):
    """Issue 33 (a reader's pass): an English follower's `open 2` was searched (`Nothing found for “open
    2”`); `打开2` opened result 2. The English asks for it too."""
    post(web, wechat_text("oOpen", "/lang en", 7001))
    listed = reply_of(post(web, wechat_text("oOpen", "保交楼", 7002)))["Content"]
    second = listed.split("\n2. ", 1)[1].split(" (", 1)[0]
    opened = reply_of(post(web, wechat_text("oOpen", typed, 7003)))["Content"]
    assert opened.startswith(second), opened


@pytest.mark.parametrize(
    "typed",
    [
        "我的订阅",
        "查看我的订阅",
        "看看我的订阅",
        "查看订阅",
        "订阅列表",
        "我订阅了什么？",
        "我有哪些订阅",
    ],
)
def test_subscriptions_asked_for_in_words_are_listed(web: WebRun, typed: str):
    """Issue 34 (a newcomer's pass on WeChat): `我的订阅` was searched (`没有找到与「我的订阅」相关的文章`). Asked
    for in words, a reader's subscriptions are listed as /subscriptions lists them."""
    openid = "oMine" + typed.encode().hex()[:20]
    post(web, wechat_text(openid, "/subscribe 保交楼", 6801))
    listed = reply_of(post(web, wechat_text(openid, "/subscriptions", 6802)))["Content"]
    asked = reply_of(post(web, wechat_text(openid, typed, 6803)))["Content"]
    assert asked == listed and "保交楼" in asked and "🔎" not in asked


def test_subscriptions_asked_for_in_english_are_listed_in_english(web: WebRun):
    post(web, wechat_text("oMineEn", "/subscribe 保交楼", 6805))
    asked = reply_of(post(web, wechat_text("oMineEn", "my subscriptions", 6806)))["Content"]
    assert asked.startswith("Your subscriptions") and "保交楼" in asked and "/feed/" in asked


@pytest.mark.parametrize("typed", ["订阅", "订阅保交楼", "我的订阅号文章", "订阅经济"])
def test_other_messages_with_subscription_words_are_not_read_as_asking_for_the_list(typed: str):
    assert not subscriptions_asked(typed)


@pytest.mark.parametrize(
    "typed", ["取消订阅保交楼", "退订保交楼", "我要取消订阅保交楼的新闻", "帮我退订 二七区"]
)
def test_an_unsubscription_asked_for_in_words_is_told_the_command(web: WebRun, typed: str):
    """Issue 34 (a newcomer's pass on WeChat): `取消订阅保交楼` was searched, 取消 and 订阅 dropped, and
    listed 保交楼's stories. Asked for in words, it gets the how-to of /unsubscribe, as `取消订阅` does."""
    said = reply_of(post(web, wechat_text("oUnsub", typed, 6811)))["Content"]
    assert said == reply_of(post(web, wechat_text("oUnsub", "取消订阅", 6812)))["Content"]
    assert said.startswith("发送 /unsubscribe") and "🔎" not in said


@pytest.mark.parametrize("typed", ["取消限购", "取消订单", "订阅经济"])
def test_cancelling_something_else_is_still_searched(typed: str):
    found = detect_intent(typed)
    assert found is None or found.name != "howto_unsubscribe"
