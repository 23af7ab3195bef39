"""/digest for readers without Telegram (the web page, WeChat): nothing is pushed there, so /digest shows
the subscription's private digest address and its newest stories (what that address holds), not a
preview of a Telegram push ("（预览，不影响定时推送）", "下一份摘要将有 …"). Over HTTP: the web page's
JSON API and the WeChat endpoint with signed XML."""

from __future__ import annotations

import re
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import feedparser
import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.digests.feed import digest_wanted
from storage.records import subscriptions as subs
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


def test_digest_on_the_page_gives_the_private_address_and_its_newest_stories(web: WebRun):
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
        assert say(c, "/digest 1")[0]["text"] == said  # the subscription named by its id: the same
        say(c, "/unsubscribe")
        (after,) = [r["text"] for r in say(c, "/digest")[:1]]
        assert url not in after and "/feed/" not in after  # revoked: the latest stories, as without one


def test_digest_on_the_page_speaks_english_to_an_english_browser(web: WebRun):
    with httpx.Client(base_url=web.base_url, headers={"accept-language": "en-US,en;q=0.9"}, timeout=30) as c:
        (url,) = feed_links(say(c, "/subscribe 08:00 人才"))
        (reply,) = say(c, "/digest")
        assert "always at this private address" in reply["text"] and url in reply["text"]
        assert not [w for w in PUSH_WORDS if w in reply["text"]], reply["text"]


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
