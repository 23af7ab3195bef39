"""A rank asked at the end of a question (排第几, 排名第几, 第几名, 第几届) is a question asking for an
ordinal: it is no word a story must print, and the answer line holds the ordinal the story prints."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.answers.questions import question_kind
from storage.search.engine import Searcher
from storage.search.query import parse_query
from tests.search_support import stories_searcher


@pytest.mark.parametrize(
    ("question", "words"),
    [
        ("全省经济总量排第几", ("全省", "经济总量")),
        ("2019年本市GDP全国排名第几", ("gdp", "全国", "排名")),
        ("女排在世界杯上获得第几名", ("女排", "世界杯", "获得")),
    ],
)
def test_a_rank_asked_is_a_question_and_no_word_to_find(question: str, words: tuple[str, ...]) -> None:
    parsed = parse_query(question, today=date(2020, 6, 1))
    assert parsed.question
    assert all(word in parsed.terms for word in words)
    assert not any("第" in term or "几" in term for term in parsed.terms)


def test_a_rank_asked_asks_how_many() -> None:
    assert question_kind("全省经济总量排第几") == "howmany"
    assert question_kind("这是第几届进博会") == "howmany"


STORIES = [
    (
        "2020-01-20",
        "去年全省经济运行总体平稳",
        [
            "省统计局20日发布数据，去年全省经济运行总体平稳，结构持续优化。",
            "全年全省生产总值突破五万亿元，经济总量继续保持全国第五位。",
            "居民人均可支配收入稳步增长，消费对经济增长的贡献率进一步提高。",
        ],
    ),
    (
        "2020-01-18",
        "全省工业经济稳中有进",
        ["全省规模以上工业增加值增长6.8%，高技术制造业增速较快。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("ordinal"), STORIES) as found:
        yield found


def test_the_answer_line_holds_the_rank_the_story_prints(searcher: Searcher) -> None:
    resp = searcher.search("去年全省经济总量排第几", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "去年全省经济运行总体平稳"
    assert resp.answer is not None and "第五位" in resp.answer.sentence
