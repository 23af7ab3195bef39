"""Issue 20: a question asking about a year at its end (2019年底全国还剩多少贫困人口, 截至2019年…) asks for a figure
printed after the year is over: the story dated the next year is dated then, one dated in the year (a forecast
for the year's end, a report of the year so far) is not."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search import evidence
from storage.search.engine import Searcher
from storage.search.query import DateSpec
from tests.search_support import stories_db

YEAR_2019 = DateSpec("2019年", 0, year=2019)

# (date, title, paragraphs): the same words in each; the first is dated in the year, the second after it.
STORIES = [
    (
        "2019-10-12",
        "全省贫困人口年底预计减少九成",
        ["省扶贫办介绍，全省贫困人口年底预计减少九成，剩余贫困人口将在明年全部脱贫。"],
    ),
    (
        "2020-05-20",
        "脱贫攻坚进入冲刺阶段（评论）",
        ["全省贫困人口从2012年底的120万人减到2019年底的5.1万人，脱贫攻坚进入冲刺阶段。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("year_end"), STORIES)
    yield Searcher(db)
    db.close()


@pytest.mark.parametrize(
    ("question", "years"),
    [
        ("2019年底全国还剩多少贫困人口", {2019}),
        ("2019年末全国大陆总人口有多少", {2019}),
        ("阿尔山2014年到2018年年底一共改造了多少户", {2018}),
        ("截至2019年哪几个城市设了互联网法院", {2019}),
        ("截止２０１９年有多少家", {2019}),
        # a month or the year's start is not its end; a year alone neither
        ("截至2019年6月底万企帮万村帮扶了多少个村", set()),
        ("截至2019年初日本全家便利店在广州开了多少家", set()),
        ("2019年全年减税降费多少", set()),
        ("2019年全省法院受理案件多少件", set()),
    ],
)
def test_the_years_asked_at_their_end(question: str, years: set[int]) -> None:
    assert evidence.years_asked_at_end(question) == years


def test_a_year_asked_at_its_end_is_dated_the_year_after() -> None:
    text = "全省贫困人口"
    # as a year alone: dated in it
    assert evidence.date_evidence("2019-10-12", text, [YEAR_2019])[0] == 1.0
    assert evidence.date_evidence("2020-05-20", text, [YEAR_2019])[0] == 0.0
    # at its end: dated the year after
    assert evidence.date_evidence("2019-10-12", text, [YEAR_2019], year_ends={2019})[0] == 0.0
    assert evidence.date_evidence("2020-05-20", text, [YEAR_2019], year_ends={2019})[0] == 1.0
    assert evidence.date_evidence("2021-03-01", text, [YEAR_2019], year_ends={2019})[0] == 0.0
    # a month of the year asked is as before
    month = DateSpec("2019年10月", 10, year=2019)
    assert evidence.date_evidence("2019-10-12", text, [month], year_ends={2019})[0] == 1.0


def test_the_story_printed_after_the_year_comes_first_for_its_end(searcher: Searcher) -> None:
    resp = searcher.search("2019年底全省还剩多少贫困人口", today=date(2020, 6, 1))
    assert resp.hits[0].title == "脱贫攻坚进入冲刺阶段（评论）"
    # the year alone keeps the story dated in it first
    resp = searcher.search("2019年全省还剩多少贫困人口", today=date(2020, 6, 1))
    assert resp.hits[0].title == "全省贫困人口年底预计减少九成"
