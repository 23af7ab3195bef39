"""`newsbot web` over HTTP (issue 21): a real server on 127.0.0.1, the JSON API, sessions, article pages,
private feeds, /healthz and the hardening (cross-site calls, sizes, rates, escaping, headers)."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest

from bot.chat.replies import SHOWS_ONLY, Button, Reply
from bot.web.http import Window, browser_language, not_modified, prefers_html, same_origin
from bot.web.markup import WEB, button_name, reply_json, reply_parts
from storage.records.readers import READER_CHAT_BASE
from tests.bot_support import HOSTILE_TITLE, copy_database, make_database
from tests.web_support import WebRun, web_server


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("web-template")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def client(run: WebRun, **headers: str) -> httpx.Client:
    return httpx.Client(base_url=run.base_url, headers=headers, timeout=30)


def say(c: httpx.Client, line: str) -> list[dict[str, Any]]:
    response = c.post("/api/message", json={"text": line})
    assert response.status_code == 200, response.text
    return list(response.json()["replies"])


def press(c: httpx.Client, data: str) -> dict[str, Any]:
    response = c.post("/api/press", json={"data": data})
    assert response.status_code == 200, response.text
    return dict(response.json())


def button(reply: dict[str, Any], label: str) -> str:
    return next(str(b["data"]) for row in reply["buttons"] for b in row if b["label"] == label)


# ---- the page and the API --------------------------------------------------------------------------------


def test_the_page_is_served_with_its_own_script_and_a_strict_policy(web: WebRun):
    with client(web) as c:
        page = c.get("/")
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        csp = page.headers["content-security-policy"]
        assert "script-src 'self'" in csp and "unsafe-inline" not in csp and "unsafe-eval" not in csp
        assert page.headers["x-content-type-options"] == "nosniff"
        assert page.headers["referrer-policy"] == "no-referrer"
        assert "strict-transport-security" not in page.headers  # plain HTTP here
        proxied = c.get("/", headers={"x-forwarded-proto": "https"})  # from 127.0.0.1: a trusted proxy
        assert proxied.headers["strict-transport-security"].startswith("max-age=")
        assert "<script>" not in page.text and 'src="/static/chat.js"' in page.text
        assert (
            "http://" not in page.text.replace('content="width', "") and "https://" not in page.text
        )  # no CDN
        assert "/help" in page.text and "保交楼" in page.text  # the welcome, with examples
        assert c.get("/static/chat.js").headers["content-type"].startswith("text/javascript")
        assert "@import" not in c.get("/static/chat.css").text  # no outside font


def test_a_message_gets_the_conversations_reply_with_marks_and_buttons(web: WebRun):
    with client(web) as c:
        (reply,) = say(c, "保交楼")
        assert reply["text"].startswith("🔎") and "保交楼" in reply["marks"]
        assert any(p.get("mark") for p in reply["parts"])
        assert any(p.get("href", "").startswith("/article/") for p in reply["parts"])  # /article N is a link
        labels = [b["label"] for row in reply["buttons"] for b in row]
        assert "📖 1" in labels and "▶" in labels
        turned = press(c, button(reply, "▶"))
        assert turned["edit"]["text"].count("保交楼项目") >= 1 and "2/2" in turned["edit"]["text"]
        opened = press(c, button(reply, "📖 1"))
        assert opened["replies"] and opened["replies"][0]["parts"][0].get("bold")


def test_a_question_gets_the_answer_first(web: WebRun):
    with client(web) as c:
        (reply,) = say(c, "谁主持了统战工作会议？")
        assert "💡" in reply["text"] and "虎荣鑫" in reply["text"]


def test_a_follow_up_is_read_with_the_readers_last_question(web: WebRun):
    with client(web) as a, client(web) as b:
        say(a, "谁主持了统战工作会议？")
        (reply,) = say(a, "它是哪天开的")
        assert "接着上一条：统战工作会议" in reply["text"] and "统战工作" in reply["text"]
        assert "「它是哪天开的」" in reply["text"] and "会议 是哪天开的" not in reply["text"]
        (other,) = say(b, "它是哪天开的")  # another reader asked nothing before
        assert "你问的是哪件事" in other["text"]


def test_the_browsers_language_picks_english(web: WebRun):
    with client(web, **{"accept-language": "en-US,en;q=0.9,zh;q=0.5"}) as c:
        assert 'lang="en"' in c.get("/").text
        (reply,) = say(c, "/help")
        assert "Search" in reply["text"] or "search" in reply["text"]


def test_markup_a_reader_types_comes_back_as_text(web: WebRun):
    with client(web) as c:
        (reply,) = say(c, '<img src=x onerror="alert(1)">保交楼</b>')
        assert all(set(p) <= {"text", "mark", "bold", "italic", "href"} for p in reply["parts"])
        assert all(not p.get("href") or p["href"].startswith("/article/") for p in reply["parts"])
        article = c.get("/article/" + str(_hostile_id(web)))
        assert "<script>x</script>" not in article.text and "&lt;script&gt;x&lt;/script&gt;" in article.text


def _hostile_id(run: WebRun) -> int:
    (hit,) = [a for a in run.services.library.latest(50) if a.title == HOSTILE_TITLE]
    return hit.id


def test_each_browser_numbers_its_own_subscriptions(web: WebRun):
    """Issue 34: a reader's subscriptions were numbered by their ids across all readers (this one's first
    was #3). Each sees and types its own numbers 1, 2…; the id an older reply showed still names one."""
    with client(web) as a, client(web) as b:
        say(a, "/subscribe 教育")
        say(a, "/subscribe 交通")
        made = " ".join(r["text"] for r in say(b, "/subscribe 人才"))
        assert "已订阅 #1：" in made, made
        say(b, "/subscribe 统战")
        listing = "\n".join(r["text"] for r in say(b, "/subscriptions"))
        assert "#1 · 与「人才」" in listing and "#2 · 与「统战」" in listing, listing
        assert re.search(r"^#2 http\S+/feed/", listing, re.MULTILINE) and "#4" not in listing, listing
        for typed in ("/digest 2", "/digest 4"):  # its number, then the id shown before
            read = "\n".join(r["text"] for r in say(b, typed))
            assert "统战" in read and "人才" not in read and "订阅 #2 的摘要" in read, (typed, read)
        # the one left moved down from #2, and the reply says so (issue 34)
        gone = [r["text"] for r in say(b, "/unsubscribe 1")]
        assert gone == ["已取消订阅 #1。\n其余订阅的编号变了：统战 现在是 #1（原 #2）。"], gone
        listing = "\n".join(r["text"] for r in say(b, "/subscriptions"))
        assert "#1 · 与「统战」" in listing and "人才" not in listing, listing
        assert "#2 · 与「交通」" in "\n".join(r["text"] for r in say(a, "/subscriptions"))


def test_two_browsers_are_two_readers(web: WebRun):
    with client(web) as a, client(web) as b:
        say(a, "/subscribe 08:00 人才")
        assert "人才" in " ".join(r["text"] for r in say(a, "/subscriptions"))
        assert "人才" not in " ".join(r["text"] for r in say(b, "/subscriptions"))
        a_chat = web.edge.signer.loads(a.cookies["newsbot_session"])["c"]
        b_chat = web.edge.signer.loads(b.cookies["newsbot_session"])["c"]
        assert a_chat != b_chat and min(a_chat, b_chat) > READER_CHAT_BASE


def test_a_tampered_cookie_is_a_new_reader(web: WebRun):
    with client(web) as a:
        say(a, "/subscribe 08:00 人才")
        forged = a.cookies["newsbot_session"][:-2] + "xx"
    with client(web) as b:
        b.cookies.set("newsbot_session", forged)
        assert "人才" not in " ".join(r["text"] for r in say(b, "/subscriptions"))


def test_forget_deletes_the_readers_data(web: WebRun):
    with client(web) as c:
        say(c, "/subscribe 08:00 人才")
        (prompt,) = say(c, "/forget")
        done = press(c, next(b["data"] for row in prompt["buttons"] for b in row if b["data"].endswith(":y")))
        assert "1" in done["edit"]["text"]
        assert "人才" not in " ".join(r["text"] for r in say(c, "/subscriptions"))


def test_forget_is_answered_by_typing_its_buttons_words(web: WebRun):
    """Issue 34: `确认删除` typed after /forget (the button's label) was searched. It deletes as the button
    does, and tells the page to drop the conversation it keeps in the tab."""
    with client(web) as c:
        say(c, "/subscribe 08:00 人才")
        say(c, "/forget")
        response = c.post("/api/message", json={"text": "确认删除"})
        assert response.status_code == 200, response.text
        body = response.json()
        assert body["forgotten"] is True
        assert body["replies"][0]["text"].startswith("已删除 newsbot 保存的关于这个聊天的全部信息")
        assert "人才" not in " ".join(r["text"] for r in say(c, "/subscriptions"))


def test_article_page_has_open_graph_tags(web: WebRun):
    with client(web) as c:
        page = c.get("/article/1")
        assert page.status_code == 200
        assert re.search(r'<meta property="og:title" content="[^"]+">', page.text)
        assert '<meta property="og:url" content="' + web.base_url + '/article/1">' in page.text
        assert "记者" in page.text and "<h1>" in page.text
        assert c.get("/article/999999").status_code == 404
        assert c.get("/article/abc").status_code == 404


def test_healthz(web: WebRun):
    with client(web) as c:
        health = c.get("/healthz")
        assert health.status_code == 200 and health.json()["ok"] is True


# ---- feeds ---------------------------------------------------------------------------------------------


def feed_url(replies: list[dict[str, Any]]) -> str:
    (url,) = [p["href"] for r in replies for p in r["parts"] if "/feed/" in p.get("href", "")]
    return str(url)


def test_subscribe_gives_a_private_feed_that_a_feed_reader_reads(web: WebRun):
    with client(web) as c:
        url = feed_url(say(c, "/subscribe 08:00 保交楼"))
        token = url.rsplit("/", 1)[1]
        assert len(token) * 6 >= 128 and url.startswith(web.base_url)
        response = c.get(url)
        assert response.status_code == 200
        assert response.headers["content-type"].startswith("application/atom+xml")
        parsed = feedparser.parse(response.content)
        assert not parsed.bozo, parsed.bozo_exception
        titles = [e.title for e in parsed.entries]
        assert titles[0] == "保交楼项目第8批交付" and len(titles) >= 8
        assert all(e.link.startswith(web.base_url + "/article/") for e in parsed.entries)
        dates = [e.updated_parsed for e in parsed.entries[:8]]
        assert dates == sorted(dates, reverse=True)  # newest first
        etag, modified = response.headers["etag"], response.headers["last-modified"]
        assert c.get(url, headers={"if-none-match": etag}).status_code == 304
        assert c.get(url, headers={"if-modified-since": modified}).status_code == 304
        assert c.get(url, headers={"if-none-match": '"other"'}).status_code == 200
        # /subscriptions lists it; /unsubscribe revokes it.
        assert feed_url(say(c, "/subscriptions")) == url
        say(c, "/unsubscribe")
        assert c.get(url).status_code == 404
        assert c.get("/feed/" + "A" * 32).status_code == 404


# What Chromium and Safari send for a page opened from a link.
BROWSER_ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,image/avif,image/webp,*/*;q=0.8"


def test_a_feed_address_opened_in_a_browser_is_a_page_of_its_stories(web: WebRun):
    """QA pass 20: a reader tapping the feed address (the web page links it; WeChat links any address)
    got the Atom document: raw XML, or a download on a phone. A browser now gets a page listing the
    stories, each linking to its page, and saying how to use the address; feed readers still get Atom."""
    with client(web) as c:
        url = feed_url(say(c, "/subscribe 08:00 保交楼"))
        page = c.get(url, headers={"accept": BROWSER_ACCEPT})
        assert page.status_code == 200 and page.headers["content-type"].startswith("text/html")
        assert page.headers["vary"] == "Accept" and "etag" not in page.headers
        assert "这是你的私人订阅源" in page.text and url in page.text
        assert '<a href="' + web.base_url + "/article/" in page.text and "保交楼项目第8批交付" in page.text
        assert "<?xml" not in page.text
        for accept in (None, "*/*", "application/atom+xml,application/xml;q=0.9,text/xml;q=0.2,*/*;q=0.1"):
            headers = {"accept": accept} if accept else {}
            atom = c.get(url, headers=headers)
            assert atom.headers["content-type"].startswith("application/atom+xml"), accept
            assert atom.headers["vary"] == "Accept"
        say(c, "/unsubscribe")
        assert c.get(url, headers={"accept": BROWSER_ACCEPT}).status_code == 404


@pytest.mark.parametrize(
    ("accept", "html"),
    [
        (BROWSER_ACCEPT, True),
        ("text/html", True),
        ("text/html;q=0.5, application/atom+xml", False),
        ("application/atom+xml, text/html", False),  # a tie: the feed
        ("text/html, application/atom+xml", False),
        ("*/*", False),
        ("", False),
        ("text/html;q=0", False),
    ],
)
def test_a_page_is_given_only_where_html_ranks_above_every_feed_type(accept: str, html: bool):
    assert prefers_html(accept) is html


# What Telegram's confirmation promises, which the page cannot keep.
PUSH_PROMISES = ("每天 08:00", "下一次推送", "every day at", "Next digest")


@pytest.mark.parametrize(
    ("language", "words"),
    [
        ("zh-CN,zh;q=0.9", ("已订阅", "人才", "私人地址", "RSS", "/digest", "请勿分享", "/unsubscribe")),
        (
            "en-US,en;q=0.9",
            (
                "Subscribed",
                "人才",
                "private address",
                "feed reader",
                "/digest",
                "keep it to yourself",
                "/unsubscribe",
            ),
        ),
    ],
)
def test_subscribe_answers_once_with_the_feed_and_no_push_at_a_time(
    web: WebRun, language: str, words: tuple[str, ...]
):
    with client(web, **{"accept-language": language}) as c:
        replies = say(c, "/subscribe 08:00 人才")
        assert len(replies) == 1, replies
        said = replies[0]["text"]
        assert not [p for p in PUSH_PROMISES if p in said], said
        assert all(w in said for w in words), said
        assert "Telegram" not in said  # a reader here may have no Telegram: its pushes are not theirs
        assert feed_url(replies) in said
        listing = " ".join(r["text"] for r in say(c, "/subscriptions"))
        assert feed_url(say(c, "/subscriptions")) in listing
        # Already subscribed, at any time: named with its address, no second subscription or feed.
        again = say(c, "/subscribe 20:00 人才")
        assert len(again) == 1 and feed_url(again) == feed_url(replies)
        assert not [p for p in PUSH_PROMISES if p in again[0]["text"]], again[0]["text"]
        assert ("已经订阅了" if language.startswith("zh") else "already subscribe") in again[0]["text"]


@pytest.mark.parametrize(
    ("language", "said"),
    [
        ("zh-CN,zh;q=0.9", "「今天」「昨天」等日期按这个时区计算"),
        ("en-US,en;q=0.9", "Today, yesterday and other days you name now follow it"),
    ],
)
def test_timezone_on_the_page_speaks_of_days_not_of_digest_times(web: WebRun, language: str, said: str):
    """QA pass 7: /timezone said digest times follow it, though nothing is pushed to the page."""
    with client(web, **{"accept-language": language}) as c:
        (reply,) = say(c, "/timezone Europe/Berlin")
        assert said in reply["text"] and "推送" not in reply["text"] and "Digest" not in reply["text"]


# ---- hardening -----------------------------------------------------------------------------------------


def test_cross_site_and_malformed_calls_are_refused(web: WebRun):
    with client(web) as c:
        evil = c.post("/api/message", json={"text": "/subscribe"}, headers={"origin": "https://evil.example"})
        assert evil.status_code == 403
        site = c.post("/api/message", json={"text": "x"}, headers={"sec-fetch-site": "cross-site"})
        assert site.status_code == 403
        form = c.post("/api/message", data={"text": "x"})
        assert form.status_code == 415
        assert (
            c.post("/api/message", content=b"{", headers={"content-type": "application/json"}).status_code
            == 400
        )
        huge = c.post(
            "/api/message",
            content=b'{"text":"' + b"x" * 10_000 + b'"}',
            headers={"content-type": "application/json"},
        )
        assert huge.status_code == 413
        assert c.post("/api/message", json={"text": "x" * 600}).status_code == 413
        assert c.post("/api/message", json={"text": ""}).status_code == 400
        assert c.get("/api/message").status_code == 405
        same = c.post("/api/message", json={"text": "保交楼"}, headers={"origin": web.base_url})
        assert same.status_code == 200


# Each way a call to the API goes wrong: (method, path, keyword arguments of httpx, status).
_API_ERRORS = [
    ("POST", "/api/message", {"data": {"text": "x"}}, 415),
    ("POST", "/api/message", {"content": b"{", "headers": {"content-type": "application/json"}}, 400),
    ("POST", "/api/message", {"json": ["text"]}, 400),
    ("POST", "/api/message", {"json": {"words": "保交楼"}}, 400),
    ("POST", "/api/message", {"json": {"text": "   "}}, 400),
    ("POST", "/api/message", {"json": {"text": "保交楼", "search": "yes"}}, 400),
    ("POST", "/api/message", {"json": {"text": "长" * 600}}, 413),
    (
        "POST",
        "/api/message",
        {"content": b'{"text":"' + b"x" * 10_000 + b'"}', "headers": {"content-type": "application/json"}},
        413,
    ),
    ("POST", "/api/press", {"json": {"data": ""}}, 400),
    ("POST", "/api/nothing", {"json": {"text": "x"}}, 404),
    ("GET", "/api/message", {}, 405),
    ("POST", "/api/message", {"json": {"text": "x"}, "headers": {"origin": "https://evil.example"}}, 403),
]


def _error_line(response: httpx.Response) -> str:
    assert response.headers["content-type"].startswith("application/json"), response.text
    return str(response.json()["error"])


@pytest.mark.parametrize(("method", "path", "kwargs", "status"), _API_ERRORS)
def test_api_errors_are_in_the_readers_language(web: WebRun, method, path, kwargs, status):
    """Issue: the API's own errors (not JSON, no text, too long, unknown route) were English only, and some
    plain text. They are a JSON line in Chinese by default, in English for a browser preferring English
    and for a session that chose English with /lang (the chat's rule)."""
    with client(web) as c:
        zh = c.request(method, path, **kwargs)
        assert zh.status_code == status
        assert re.search(r"[\u4e00-\u9fff]", _error_line(zh)), zh.text
    with client(web, **{"accept-language": "en-US,en;q=0.9"}) as c:
        en = c.request(method, path, **kwargs)
        assert en.status_code == status
        assert _error_line(en).isascii() and _error_line(en), en.text
    with client(web, **{"accept-language": "zh-CN"}) as c:
        say(c, "/lang en")
        chosen = c.request(method, path, **kwargs)
        assert chosen.status_code == status and _error_line(chosen).isascii(), chosen.text


def test_an_unknown_page_is_a_page_in_the_readers_language(web: WebRun):
    with client(web) as c:
        missing = c.get("/nothing/here")
        assert missing.status_code == 404 and missing.headers["content-type"].startswith("text/html")
        assert "没有这个页面" in missing.text and 'href="/"' in missing.text
    with client(web, **{"accept-language": "en"}) as c:
        assert "No such page" in c.get("/nothing/here").text


def test_each_session_is_rate_limited(web: WebRun):
    web.edge.api_calls = Window(3, 60.0)
    with client(web) as c:
        for _ in range(3):
            assert c.post("/api/message", json={"text": "你好"}).status_code == 200
        limited = c.post("/api/message", json={"text": "你好"})
        assert limited.status_code == 429 and "秒" in limited.json()["error"]
    with client(web) as other:  # another browser is not held up
        assert other.post("/api/message", json={"text": "你好"}).status_code == 200


def test_a_failure_is_a_short_line_not_a_traceback(web: WebRun, monkeypatch: pytest.MonkeyPatch):
    def broken(*args: Any, **kwargs: Any) -> None:
        raise RuntimeError("secret detail")

    monkeypatch.setattr(web.edge.conversation, "text", broken)
    with client(web) as c:
        response = c.post("/api/message", json={"text": "保交楼"})
        assert response.status_code == 500
        assert "secret detail" not in response.text and "Traceback" not in response.text
        assert response.headers["content-security-policy"]


def test_buttons_of_another_sessions_search_do_not_work(web: WebRun):
    with client(web) as a, client(web) as b:
        (reply,) = say(a, "保交楼")
        stolen = press(b, button(reply, "▶"))
        assert stolen["edit"] is None and stolen["notice"]


# ---- pure pieces ---------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("header", "lang"),
    [
        (None, "zh"),
        ("", "zh"),
        ("en", "en"),
        ("en-GB,en;q=0.9", "en"),
        ("zh-CN,zh;q=0.9,en;q=0.8", "zh"),
        ("fr-FR,en;q=0.5,zh;q=0.4", "en"),
        ("de, zh-TW;q=0.7", "zh"),
        ("en;q=0, zh", "zh"),
        ("en;q=garbage", "en"),  # an unreadable weight counts as 1
    ],
)
def test_browser_language(header: str | None, lang: str):
    assert browser_language(header) == lang


def test_same_origin():
    assert same_origin({"host": "a.org"})
    assert same_origin({"host": "a.org", "origin": "https://a.org", "sec-fetch-site": "same-origin"})
    assert not same_origin({"host": "a.org", "origin": "https://b.org"})
    assert not same_origin({"host": "a.org", "sec-fetch-site": "same-site"})


def test_reply_parts_keep_text_and_styles_and_link_articles():
    rendered = WEB.bold("1. " + WEB.esc("<x> & y")) + "\n" + "日期 · /article 12\n" + WEB.highlight("保交楼")
    parts = reply_parts(rendered)
    assert "".join(p.text for p in parts) == "1. <x> & y\n日期 · /article 12\n保交楼"
    assert [p.href for p in parts if p.href] == ["/article/12"]
    assert [p.text for p in parts if p.mark] == ["保交楼"]
    shown = reply_json(Reply(WEB.link("x", "javascript:alert(1)")), "zh")
    assert "href" not in shown["parts"][0]


def test_not_modified_rules():
    from datetime import UTC, datetime

    when = datetime(2026, 12, 5, 8, 0, tzinfo=UTC)
    assert not_modified('"a", "b"', None, '"b"', when)
    assert not_modified("*", None, '"b"', when)
    assert not not_modified('"a"', "Sat, 05 Dec 2026 09:00:00 GMT", '"b"', when)  # the ETag decides
    assert not_modified(None, "Sat, 05 Dec 2026 08:00:00 GMT", '"b"', when)
    assert not not_modified(None, "Sat, 05 Dec 2026 07:59:59 GMT", '"b"', when)
    assert not not_modified(None, "yesterday", '"b"', when)


def test_links_use_the_public_address_when_set(template: Path, tmp_path: Path):
    public = "https://news.example.org"
    with (
        web_server(copy_database(template, tmp_path / "p.db"), web_public_url=public + "/") as run,
        client(run) as c,
    ):
        assert feed_url(say(c, "/subscribe 08:00 保交楼")).startswith(public + "/feed/")
        assert f'<meta property="og:url" content="{public}/article/1">' in c.get("/article/1").text


@pytest.mark.parametrize("prefix", ["", "\x85", "\x1c", "\u3000", "\ufeff"])
def test_a_message_sent_as_a_search_never_runs_a_command(web: WebRun, prefix: str):
    """QA pass: the page sends a `?q=` link's text as a search; a command hidden behind a character that
    JavaScript's trim() keeps and Python's split() drops (U+0085) ran, so a link could cancel every
    subscription of the reader who opened it."""
    with client(web) as c:
        (subscribed,) = say(c, "/subscribe 08:00 人才")
        assert "已订阅" in subscribed["text"]
        for line in (f"{prefix}/unsubscribe all", f"{prefix}/forget", f"{prefix}/subscribe 09:00 教育"):
            response = c.post("/api/message", json={"text": line, "search": True})
            assert response.status_code == 200, response.text
            assert "订阅" not in response.json()["replies"][0]["text"]
        listed = " ".join(r["text"] for r in say(c, "/subscriptions"))
        assert "#1" in listed and "人才" in listed and "教育" not in listed
        assert c.post("/api/message", json={"text": "保交楼", "search": "yes"}).status_code == 400


@pytest.mark.parametrize(("lang", "group"), [("zh-CN", "群"), ("en-US", "group")])
def test_help_on_the_web_names_only_what_works_here(web: WebRun, lang: str, group: str):
    """QA: /help on the web page spoke of private chats and groups (Telegram's); it says how the page works."""
    with client(web, **{"accept-language": lang}) as c:
        (reply,) = say(c, "/help")
    assert "/search" in reply["text"] and group not in reply["text"] and "私聊" not in reply["text"]
    assert ("私人摘要地址" if lang.startswith("zh") else "digest address") in reply["text"]
    assert "/digest" in reply["text"]


def test_a_message_of_emoji_within_the_limit_is_answered(web: WebRun):
    """QA: 500 emoji, sent as JSON escapes (\\ud83d\\ude00, 12 bytes each, as Python's json does), were
    refused as a too large request although within the 500 characters a message may have."""

    def send(text: str) -> httpx.Response:
        body = json.dumps({"text": text}).encode("ascii")
        return httpx.post(
            f"{web.base_url}/api/message",
            content=body,
            headers={"content-type": "application/json"},
            timeout=30,
        )

    assert send("😀" * 500).status_code == 200
    over = send("😀" * 501)
    assert over.status_code == 413 and "500" in over.json()["error"]


def link_search(c: httpx.Client, words: str, page: Any) -> list[dict[str, Any]]:
    """What the page shows for a link ``/?q=words&page=page``: the replies to its search."""
    response = c.post("/api/message", json={"text": words, "search": True, "page": page})
    assert response.status_code == 200, response.text
    return response.json()["replies"]


def test_a_link_opens_its_search_at_the_page_it_names(web: WebRun):
    """WeChat's "more results" link (`&page=2`): that page, whose buttons turn on from there."""
    with client(web) as c:
        (reply,) = link_search(c, "保交楼", "2")
        assert "2/2" in reply["text"]
        turned = press(c, button(reply, "◀"))
        assert "1/2" in turned["edit"]["text"]
        (first,) = link_search(c, "保交楼", "1")
        assert "1/2" in first["text"]


@pytest.mark.parametrize(
    ("lang", "page", "said"),
    [
        ("zh-CN", "-1", "链接里的页码「-1」不是有效的页码（要从 1 起的数字），下面是第 1 页。"),
        ("zh-CN", "abc", "链接里的页码「abc」不是有效的页码（要从 1 起的数字），下面是第 1 页。"),
        ("zh-CN", "0", "链接里的页码「0」不是有效的页码（要从 1 起的数字），下面是第 1 页。"),
        ("zh-CN", "999", "没有第 999 页了，下面是第 1 页。"),
        ("zh-CN", "9" * 40, f"没有第 {'9' * 29}… 页了，下面是第 1 页。"),
        (
            "en-US",
            "abc",
            "The link's page “abc” is not a page number (digits from 1); here is the first page.",
        ),
        ("en-US", "999", "There is no page 999; here is the first page."),
    ],
)
def test_a_link_naming_no_page_or_one_past_the_end_says_so_above_the_first(
    web: WebRun, lang: str, page: str, said: str
):
    """QA pass 19: `/?q=保交楼&page=999` (or -1, abc) showed the first page without a word."""
    with client(web, **{"accept-language": lang}) as c:
        line, results = link_search(c, "保交楼", page)
        assert line["text"] == said and not line["buttons"]
        assert "1/2" in results["text"] and "保交楼" in results["marks"]


def test_a_link_past_the_only_page_says_so_and_one_that_found_nothing_only_that(web: WebRun):
    with client(web) as c:
        line, results = link_search(c, "统战", "2")  # one page of results: no page buttons at all
        assert line["text"] == "没有第 2 页了，下面是第 1 页。" and results["text"].startswith("🔎")
        (nothing,) = link_search(c, "乌有之乡", "2")
        assert nothing["text"].startswith("没有找到")


@pytest.mark.parametrize("body", [{"search": True, "page": 2}, {"page": "2"}, {"search": False, "page": "2"}])
def test_a_page_goes_only_with_a_search_and_as_a_string(web: WebRun, body: dict[str, Any]):
    with client(web) as c:
        response = c.post("/api/message", json={"text": "保交楼", **body})
        assert response.status_code == 400 and "page" in response.text


def test_buttons_labelled_with_symbols_are_named_in_words_for_screen_readers():
    """QA pass 23: ◀ ▶, the page counter and 📖 N were read out as their symbols ("black right-pointing
    triangle", "open book 3"): each now has a name in the reader's language; a label in words has none."""
    assert button_name("▶", "zh") == "下一页" and button_name("◀", "en") == "Previous page"
    assert button_name("2/48", "zh") == "第 2 页，共 48 页"
    assert button_name("📖 3", "en") == "Read result 3 in full"
    assert button_name("取消订阅 #2", "zh") is None
    shown = reply_json(Reply("x", buttons=((Button("📖 1", data="a:9"), Button("▶", data="p:k:1")),)), "zh")
    assert [b.get("name") for b in shown["buttons"][0]] == ["阅读第 1 篇全文", "下一页"]


def test_the_page_counter_goes_to_the_page_as_a_label_without_data():
    """QA pass 26: the page shows a button without data as a label (the counter 1/2 did nothing pressed)."""
    shown = reply_json(
        Reply("x", buttons=((Button("1/2", data=SHOWS_ONLY), Button("▶", data="p:k:1")),)), "zh"
    )
    counter, following = shown["buttons"][0]
    assert "data" not in counter and counter["name"] == "第 1 页，共 2 页"
    assert following["data"] == "p:k:1"


def test_a_scripted_message_far_past_the_limit_gets_the_limit_line(web: WebRun):
    """QA pass 26: a message set past the box by a script (3,000 characters, a JSON body over 8 kB) was
    answered "请求太大了。"; a message's body too large is a message too long, and says its limit. Another
    call's body too large is still a request too large."""
    too_long = httpx.post(f"{web.base_url}/api/message", json={"text": "保交楼" * 1000}, timeout=30)
    assert too_long.status_code == 413 and too_long.json()["error"] == "消息太长了，最多 500 个字。"
    press = httpx.post(f"{web.base_url}/api/press", json={"data": "x" * 9000}, timeout=30)
    assert press.status_code == 413 and press.json()["error"] == "请求太大了。"


def test_a_number_alone_opens_that_result_or_says_there_is_none_yet(web: WebRun):
    """QA pass 31 (issue 33): `1` sent before any results was searched as a word (every story holding a
    1). A number of one or two digits alone is a result's number, as `第1篇` is: before any results a
    line saying there is nothing to open yet and what to type; after them, that result."""
    with client(web) as c:
        (none,) = say(c, "1")
        assert none["text"].startswith("还没有可以打开的结果。先发关键词或问题，再发「第2篇」打开其中一篇")
        assert not none["buttons"]
        listed = say(c, "保交楼")[0]["text"]
        second = listed.split("\n2. ", 1)[1].split("\n", 1)[0]
        opened = say(c, "２")  # typed on a full-width keyboard
        assert opened[0]["text"].startswith(second)
        assert "没有第 12 篇" in say(c, "12")[0]["text"]
        assert say(c, "2023")[0]["text"].startswith("🔎")  # a longer number is searched
