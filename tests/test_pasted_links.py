"""A reader pasting a link (QA pass 20): the story stored under that address, or a line saying newsbot does
not hold it. Before, the link was searched word by word (`https`, the host, the file name), and the
reader got stories that happen to print some other address (`http：//www.npc.gov.cn`) as results."""

from __future__ import annotations

import json
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.exchange import Who
from bot.chat.replies import PLAIN
from bot.services import Services, open_services
from bot.settings import Settings
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.records.articles import article_by_url
from tests.bot_support import SEEDS
from tests.web_support import web_server, wechat_query, wechat_text

LINK = "https://news.example.cn/2023/04/13/heating.html"
STORY = {
    "title": "供暖管网改造完工",
    "date": "2023-04-13",
    "source": "示例新闻网",
    "url": LINK,
    "paragraphs": ["二七区供暖管网改造工程13日完工，惠及居民一万二千户。", "工程共改造管网十八公里。"],
}
# Stories that print another address, as People's Daily notices do: what the link's parts used to find.
NOTICE = {
    "title": "征兵网开通报名",
    "date": "2023-04-12",
    "source": "测试",
    "paragraphs": ["全国征兵网（https://www.gfbzb.gov.cn）开通报名窗口，详见 news.example.cn 的说明。"],
}
ZH = Who(user_id=1, lang="zh", chat_id=1)


def linked_database(folder: Path) -> Path:
    """The seed page, a story with its original's address and a notice printing another address."""
    folder.mkdir(parents=True, exist_ok=True)
    records = folder / "linked.jsonl"
    records.write_text(
        "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in (STORY, NOTICE)), encoding="utf-8"
    )
    db = open_db(folder / "newsbot.db")
    try:
        assert ingest_paths(db, [SEEDS, records]).failed == 0
    finally:
        db.close()
    return folder / "newsbot.db"


@pytest.fixture(scope="module")
def database(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return linked_database(tmp_path_factory.mktemp("links"))


@pytest.fixture(scope="module")
def services(database: Path) -> Iterator[Services]:
    opened = open_services(Settings(_env_file=None, db=database, seeds=SEEDS), markup=PLAIN)  # type: ignore[call-arg]
    yield opened
    opened.close()


@pytest.mark.parametrize("pasted", [LINK, f"  {LINK}  ", LINK + "/", LINK.replace("https://", "http://")])
def test_a_pasted_link_of_a_stored_story_opens_it(services: Services, pasted: str) -> None:
    replies = services.conversation.text(pasted, ZH)
    assert replies[0].text.startswith("供暖管网改造完工"), replies[0].text
    assert "工程共改造管网十八公里" in "\n".join(r.text for r in replies)


def test_a_link_written_from_www_finds_the_story_stored_with_its_scheme(
    services: Services, tmp_path: Path
) -> None:
    db = open_db(tmp_path / "www.db")
    try:
        record = dict(STORY, url="https://www.example.cn/heating.html", title="供暖管网改造完工（二）")
        source = tmp_path / "www.jsonl"
        source.write_text(json.dumps(record, ensure_ascii=False) + "\n", encoding="utf-8")
        assert ingest_paths(db, [source]).failed == 0
    finally:
        db.close()
    settings = Settings(_env_file=None, db=tmp_path / "www.db", seeds=SEEDS)  # type: ignore[call-arg]
    opened = open_services(settings, markup=PLAIN)
    try:
        (reply, *_) = opened.conversation.text("www.example.cn/heating.html", ZH)
        assert reply.text.startswith("供暖管网改造完工（二）"), reply.text
    finally:
        opened.close()


def test_a_pasted_link_newsbot_does_not_hold_says_so_and_lists_nothing(services: Services) -> None:
    for pasted in ("https://news.example.cn/2023/04/14/other.html", "http://www.npc.gov.cn"):
        (reply,) = services.conversation.text(pasted, ZH)
        assert "这个链接的文章不在 newsbot 收录的新闻里" in reply.text, reply.text
        assert not reply.buttons and "征兵网" not in reply.text
    (english,) = services.conversation.text(
        "https://news.example.cn/other.html", Who(user_id=2, lang="en", chat_id=2)
    )
    assert english.text.startswith("The article at this link is not among the news newsbot holds")


def test_a_link_among_words_or_after_search_is_still_searched(services: Services) -> None:
    (with_words,) = services.conversation.text(f"征兵网 {LINK}", ZH)
    assert "征兵网开通报名" in with_words.text
    (command,) = services.conversation.command("search", "https://www.gfbzb.gov.cn", ZH)
    assert "征兵网开通报名" in command.text


def test_wechat_answers_a_pasted_link_with_the_storys_lead_and_page(tmp_path: Path) -> None:
    with web_server(linked_database(tmp_path / "wx")) as run:
        response = httpx.post(
            f"{run.base_url}/wechat",
            params=wechat_query(),
            content=wechat_text("oLinkReader", LINK, 9100),
            headers={"content-type": "text/xml"},
            timeout=30,
        )
    assert response.status_code == 200, response.text
    content = fromstring(response.content).findtext("Content") or ""
    assert content.startswith("供暖管网改造完工") and "二七区供暖管网改造工程13日完工" in content, content
    assert f"{run.base_url}/article/" in content and "更多结果" not in content
    assert len(content.encode("utf-8")) <= 2048


def test_the_story_under_a_link_is_found_on_both_backends(database_target: str, tmp_path: Path) -> None:
    records = tmp_path / "linked.jsonl"
    records.write_text(json.dumps(STORY, ensure_ascii=False) + "\n", encoding="utf-8")
    db = open_db(database_target)
    try:
        assert ingest_paths(db, [records]).failed == 0
        found = article_by_url(db, LINK)
        assert found is not None and found.title == STORY["title"]
        assert article_by_url(db, LINK + "/") is None
    finally:
        db.close()
