"""One story once per reader, and what is new, where nothing is pushed (the web page, WeChat, the terminal).

A reader with two subscriptions that match one story (保交楼, and all news) got it under both in one
/digest, and again later under the second; Telegram's digests already leave out what a sibling listed.
Now every surface keeps one rule: a story is listed under the first subscription that lists it, and the
others count it in a line (`digest_listed_elsewhere`). The page at a private address labels, in words,
the stories no /digest listed yet (the same `feed_seen` record /digest uses); reading it records nothing.
Over HTTP (the page's JSON API, signed WeChat XML, the address itself) and through a piped `newsbot chat`.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import httpx
import pytest

from storage.database.connection import open_db
from storage.records import subscriptions as subs
from storage.records.feeds import take_unseen, unsee
from tests.bot_support import SEEDS, copy_database, make_database
from tests.test_bot_console import clean_env
from tests.test_digest_without_telegram import add_stories, feed_links, listed_titles, say, wechat
from tests.web_support import WebRun, web_server

ELSEWHERE = "篇符合的文章已在你的其他摘要里，这里不再重复。"


@pytest.fixture(scope="module")
def template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    work = tmp_path_factory.mktemp("each-story-once")
    return make_database(work / "template.db", work / "files")


@pytest.fixture
def web(template: Path, tmp_path: Path) -> Iterator[WebRun]:
    with web_server(copy_database(template, tmp_path / "newsbot.db")) as run:
        yield run


def elsewhere_count(said: str) -> int:
    found = re.search(r"另有 (\d+) " + ELSEWHERE, said)
    return int(found.group(1)) if found else 0


def test_a_story_two_subscriptions_match_is_listed_once_under_the_first(web: WebRun, tmp_path: Path):
    add_stories(tmp_path / "newsbot.db", ("保交楼项目第9批交付", "2024-06-01"), ("保交楼回顾", "2024-05-01"))
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        say(c, "/subscribe 保交楼")
        say(c, "/subscribe")  # all news: the seed's 16 stories and the two new ones
        first, second = say(c, "/digest")
        one, two = listed_titles(first["text"]), listed_titles(second["text"])
        assert one[:2] == ["保交楼项目第9批交付", "保交楼回顾"] and "保交楼项目第8批交付" in one
        assert two and not set(one) & set(two), (one, two)
        assert elsewhere_count(second["text"]) == len(one) and elsewhere_count(first["text"]) == 0
        # The next /digests list the rest, each story once over both subscriptions.
        listed = one + two
        for _ in range(5):
            replies = say(c, "/digest")
            more = [t for r in replies for t in listed_titles(r["text"])]
            if not more:
                break
            listed += more
        assert len(listed) == len(set(listed)) == 18, listed
        # A new story of both: under the first; the second says so instead of "nothing new".
        add_stories(tmp_path / "newsbot.db", ("保交楼项目第10批交付", "2024-07-01"))
        first, second = say(c, "/digest")
        assert listed_titles(first["text"]) == ["保交楼项目第10批交付"]
        assert listed_titles(second["text"]) == [] and elsewhere_count(second["text"]) == 1
        assert "没有新的文章" not in second["text"]
        # It was covered for the second too: looking at it alone lists nothing again.
        (alone,) = say(c, "/digest 2")
        assert listed_titles(alone["text"]) == [] and "没有新的文章" in alone["text"]


def test_wechat_lists_each_story_once_across_a_readers_subscriptions(web: WebRun):
    wechat(web, "oTwoSubs", "/subscribe 保交楼", 9401)
    wechat(web, "oTwoSubs", "/subscribe", 9402)  # all news
    seen: list[str] = []
    for n in range(12):
        # /digest, and /digest 2 when the reply had room for the first subscription only
        contents = [wechat(web, "oTwoSubs", "/digest", 9403 + 2 * n)]
        if "/digest 2" in contents[0] and "/digest 1" not in contents[0]:
            contents.append(wechat(web, "oTwoSubs", "/digest 2", 9404 + 2 * n))
        assert all(len(content.encode("utf-8")) <= 2048 for content in contents)
        ids = [i for content in contents for i in re.findall(r"/article/(\d+)", content)]
        if not ids:
            break
        seen += ids
    assert len(seen) == len(set(seen)) == 16, (n, seen)  # every story of the seed once


def test_the_terminal_lists_each_story_once_across_its_subscriptions(tmp_path: Path):
    shutil.copytree(SEEDS, tmp_path / "seeds")
    done = subprocess.run(
        [sys.executable, "-m", "bot", "chat"],
        input="/subscribe 保交楼\n/subscribe\n/digest\n/digest\n/digest\n",
        capture_output=True,
        text=True,
        cwd=tmp_path,
        env=clean_env(),
        timeout=120,
    )
    assert done.returncode == 0 and "Traceback" not in done.stderr, done.stderr
    listed = listed_titles(done.stdout)
    assert len(listed) == len(set(listed)) == 6, done.stdout  # the seed page's six stories, each once
    assert "另有 1 " + ELSEWHERE in done.stdout


def page(url: str, lang: str = "zh-CN,zh") -> str:
    response = httpx.get(url, headers={"accept": "text/html", "accept-language": lang}, timeout=30)
    assert response.status_code == 200 and response.headers["content-type"].startswith("text/html")
    return response.text


def labelled(html: str) -> list[str]:
    """The titles the page labels new, in its order."""
    return re.findall(r'<li><span class="new">[^<]+</span><a href="[^"]+">([^<]+)</a>', html)


def test_the_private_page_labels_what_no_digest_listed_yet(web: WebRun):
    with httpx.Client(base_url=web.base_url, timeout=30) as c:
        (url,) = feed_links(say(c, "/subscribe"))  # all news: 16 stories
        atom = httpx.get(url, timeout=30).content
        before = page(url)
        assert len(labelled(before)) == 16 and "标着「新」的 16 篇是你上次 /digest 以来的新文章" in before
        assert page(url) == before  # opening the page records nothing
        (digest,) = say(c, "/digest")
        shown = listed_titles(digest["text"])
        after = page(url)
        new = labelled(after)
        assert len(shown) == 10 and len(new) == 6 and not set(new) & set(shown)
        assert "标着「新」的 6 篇" in after
        assert httpx.get(url, timeout=30).content == atom  # the feed says nothing of it: same entries
        say(c, "/digest")
        done = page(url)
        assert labelled(done) == [] and "标着「新」" not in done


def test_the_page_of_an_english_reader_says_new_in_english(web: WebRun):
    with httpx.Client(base_url=web.base_url, timeout=30, headers={"accept-language": "en"}) as c:
        (url,) = feed_links(say(c, "/subscribe 保交楼"))
    english = page(url, "en")
    count = english.count('<span class="new">New</span>')
    assert count and f"The {count} marked New came since your last /digest" in english


def test_take_unseen_covers_what_another_subscription_of_the_chat_listed(database_target: str):
    db: Any = open_db(database_target)
    try:
        now = datetime(2023, 4, 7, tzinfo=UTC)
        first = subs.add_subscription(db, 7, "08:00", ["人才"], now=now)
        second = subs.add_subscription(db, 7, "08:00", now=now)
        elsewhere = subs.add_subscription(db, 8, "08:00", now=now)  # another chat's: its own
        assert take_unseen(db, first.id, [5, 3], 10, now=now) == ([5, 3], [], [])
        assert take_unseen(db, second.id, [9, 5, 3, 1], 1, now=now) == ([9], [1], [5, 3])
        assert take_unseen(db, second.id, [9, 5, 3, 1], 5, now=now) == ([1], [], [])
        assert take_unseen(db, elsewhere.id, [5], 5, now=now) == ([5], [], [])
        # Left out is not listed: a story the first gives back (`unsee`, a reply without room for it) comes
        # under the next subscription that lists it, though the second left it out.
        unsee(db, first.id, [5])
        third = subs.add_subscription(db, 7, "09:00", now=now)
        assert take_unseen(db, third.id, [9, 5, 2], 5, now=now) == ([5, 2], [], [9])
    finally:
        db.conn.close()
