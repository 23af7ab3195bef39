"""The examples the bot gives come from the archive it serves (QA pass 25): on the seed archive the seed page's
保交楼 and 谁主持了统战工作会议？; on another archive a word of its latest day's titles and a who question it
answers, in every channel (the terminal, Telegram's texts, the web page, WeChat)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import httpx
import pytest
from defusedxml.ElementTree import fromstring

from bot.chat.examples import (
    SEED_EXAMPLES,
    ExampleSource,
    archive_examples,
    frequent_title_word,
    holds_seed_examples,
    who_question,
)
from bot.chat.exchange import Who
from bot.chat.replies import PLAIN, Channel
from bot.services import Services, open_services
from bot.settings import Settings
from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_paths
from storage.models import Answer, Article, SearchResponse
from tests.bot_support import SEEDS
from tests.web_support import web_server, wechat_other, wechat_query, wechat_text

ARCHIVE = (
    Path(__file__).parent / "archives" / "riverside_city.jsonl"
)  # five stories of a city that is not 二七区
NAMED_HEADLINE = "王建国主持召开全市防汛工作会议"


def archive_database(path: Path, *, without: str | None = None) -> Path:
    """A database holding the stories of `ARCHIVE` (but the one titled `without`), no seed page."""
    records = [json.loads(line) for line in ARCHIVE.read_text(encoding="utf-8").splitlines() if line]
    jsonl = path.with_suffix(".jsonl")
    kept = [r for r in records if r["title"] != without]
    jsonl.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in kept), encoding="utf-8")
    db = open_db(path)
    try:
        assert ingest_paths(db, [jsonl]).failed == 0
    finally:
        db.close()
    return path


def services_over(db: Path) -> Services:
    settings = Settings(_env_file=None, db=db, seeds=SEEDS)  # type: ignore[call-arg]
    return open_services(settings, markup=PLAIN, pushes=False, channel=Channel.CONSOLE)


@pytest.fixture
def riverside(tmp_path: Path) -> Iterator[Services]:
    services = services_over(archive_database(tmp_path / "riverside.db"))
    yield services
    services.close()


def test_the_seed_archive_keeps_the_seed_examples(tmp_path: Path) -> None:
    services = services_over(tmp_path / "seeded.db")  # empty: the seed page is ingested
    try:
        assert archive_examples(services.library) == SEED_EXAMPLES
    finally:
        services.close()


class AnsweringLibrary:
    """An archive holding 保交楼 whose answer to every question is `sentence`."""

    def __init__(self, sentence: str) -> None:
        self.sentence = sentence

    def search(self, query: str, **options: object) -> SearchResponse:
        return SearchResponse(query, total=1, took_ms=0.0, answer=Answer(self.sentence, article_id=1))

    def latest(self, limit: int, offset: int = 0) -> list[Article]:
        return []


def test_the_seed_examples_need_the_seed_question_answered_on_its_topic() -> None:
    on_topic = AnsweringLibrary("4月4日上午，二七区委统战工作暨全区宗教工作会议召开，区长虎荣鑫主持会议。")
    assert holds_seed_examples(on_topic)
    assert not holds_seed_examples(AnsweringLibrary("会议由市长主持，研究部署防汛工作。"))


def test_another_archive_offers_a_word_of_its_latest_titles_and_a_question_it_answers(
    riverside: Services,
) -> None:
    examples = archive_examples(riverside.library)
    assert examples.keyword == "防汛"  # in all three titles of 2021-07-10
    assert examples.question == "谁主持召开全市防汛工作会议？"
    assert examples.day == "7月10日"
    assert riverside.library.search(examples.keyword, limit=5, offset=0).total == 3
    answer = riverside.library.search(examples.question, limit=5, offset=0).answer
    assert answer is not None and "王建国" in answer.sentence


def test_without_a_headline_to_ask_about_the_question_asks_for_the_latest_day(tmp_path: Path) -> None:
    services = services_over(archive_database(tmp_path / "unnamed.db", without=NAMED_HEADLINE))
    try:
        examples = archive_examples(services.library)
        assert examples.question == "7月10日有什么新闻"
        assert services.library.search(examples.question, limit=5, offset=0).total == 2
    finally:
        services.close()


def test_who_questions_are_made_only_from_headlines_opening_with_a_name_and_a_verb() -> None:
    assert who_question("李克强主持召开国务院常务会议 部署疫情防控") == (
        "谁主持召开国务院常务会议？",
        "李克强",
    )
    assert who_question("全市防汛工作会议召开") is None
    assert who_question("滨江新区开展防汛应急演练") is None
    assert who_question("") is None
    # What follows a closing 强调 is what was said; punctuation and short clauses give no question.
    assert who_question("李克强考察应急平台时强调 全力保障") == ("谁考察应急平台？", "李克强")
    assert who_question("习近平作出重要指示强调 务必高度重视") == ("谁作出重要指示？", "习近平")
    assert who_question("谢谢有你") is None
    assert who_question("敬老院来了“亲闺女”（暖相册）") is None


def test_the_frequent_title_word_counts_each_title_once() -> None:
    titles = ["防汛防汛防汛 小学", "新区小学", "新区 小学 防汛"]
    assert frequent_title_word(titles) == "小学"
    assert frequent_title_word([]) is None


def test_every_example_in_the_chat_names_the_archive_s_own(riverside: Services) -> None:
    who = Who(user_id=5, lang="zh", chat_id=5)
    chat = riverside.conversation
    said = {
        "/start": chat.command("start", "", who)[0].text,
        "/search": chat.command("search", "", who)[0].text,
        "你好": chat.text("你好", who)[0].text,
        "下一页": chat.text("下一页", who)[0].text,
        "第2篇": chat.text("第2篇", who)[0].text,
        "？？？": chat.text("？？？", who)[0].text,
        "-防汛": chat.text("-防汛", who)[0].text,
        "link": chat.text("https://example.com/not-stored", who)[0].text,
        "那事怎么样了": chat.text("那事怎么样了", who)[0].text,
        "怎么搜索": chat.text("怎么搜索", who)[0].text,
    }
    for typed, reply in said.items():
        assert "保交楼" not in reply and "统战" not in reply, typed
    assert "• 防汛\n• 谁主持召开全市防汛工作会议？\n• /latest" in said["/start"]
    assert said["/search"] == "请在命令后面写上要找的内容，例如：/search 防汛"
    assert "「防汛」或「谁主持召开全市防汛工作会议？」" in said["你好"]
    assert "7月10日 防汛" in said["怎么搜索"]
    english = chat.command("start", "", Who(user_id=6, lang="en", chat_id=6))[0].text
    assert "• 防汛" in english and "保交楼" not in english


class CountingLibrary:
    """A library that counts the searches made through it."""

    def __init__(self, services: Services) -> None:
        self.library = services.library
        self.searches = 0

    def search(self, query: str, **options: object) -> object:
        self.searches += 1
        return self.library.search(query, **options)  # type: ignore[arg-type]

    def latest(self, limit: int, offset: int = 0) -> object:
        return self.library.latest(limit, offset)


def test_the_examples_are_worked_out_once_an_hour_not_per_message(riverside: Services) -> None:
    now = [datetime(2021, 7, 10, 9, 0, tzinfo=UTC)]
    library = CountingLibrary(riverside)
    source = ExampleSource(library, lambda: now[0])  # type: ignore[arg-type]
    first = source.examples()
    searches = library.searches
    assert searches >= 2  # the seed keyword, then the who question
    now[0] += timedelta(minutes=59)
    assert source.examples() == first and library.searches == searches
    now[0] += timedelta(minutes=2)
    assert source.examples() == first and library.searches > searches


def test_the_web_page_and_wechat_give_the_archive_s_examples(tmp_path: Path) -> None:
    with web_server(archive_database(tmp_path / "newsbot.db")) as run:
        page = httpx.get(f"{run.base_url}/", timeout=30).text
        assert "谁主持召开全市防汛工作会议？" in page and "保交楼" not in page

        def wechat(body: bytes) -> str:
            response = httpx.post(
                f"{run.base_url}/wechat",
                params=wechat_query(),
                content=body,
                headers={"content-type": "text/xml"},
                timeout=30,
            )
            return {child.tag: child.text or "" for child in fromstring(response.content)}["Content"]

        welcome = wechat(wechat_other("oRiver", "event", event="subscribe"))
        assert "防汛" in welcome and "保交楼" not in welcome
        image = wechat(wechat_other("oRiver", "image", create_time=1733390005))
        assert "「防汛」「谁主持召开全市防汛工作会议？」" in image
        spaces = wechat(wechat_text("oRiver", "/search", 7701))
        assert spaces.endswith("/search 防汛")
