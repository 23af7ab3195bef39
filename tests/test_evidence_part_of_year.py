"""Issue 20: a question naming a year alone asks for the whole year's figure. A story dated in that year
whose headline reports part of it (前三季度, 1至9月) or the year before (去年…), and a story of the next year
reporting part of the year (去年1至11月), are not of the year asked; a question asking for a part keeps them."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search import evidence
from storage.search.engine import Searcher
from storage.search.query import DateSpec
from tests.search_support import stories_db

YEAR_2019 = DateSpec("2019年", 0, year=2019)

# (date, title, paragraphs): the same words in each; the headline says which period the figures cover.
STORIES = [
    (
        "2019-10-28",
        "1至9月全省法院受理案件情况",
        ["2019年1至9月，全省法院共受理案件45.2万件，审结案件38.3万件。"],
    ),
    (
        "2019-02-25",
        "去年全省法院受理案件40.1万件",
        ["记者从省高级法院获悉，2018年，全省法院共受理案件40.1万件，2019年将继续推进繁简分流。"],
    ),
    (
        "2020-01-19",
        "2019年全省法院受理案件情况",
        ["2019年，全省法院共受理案件61.9万件，审结案件58.7万件，同比均有增长。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("part_of_year"), STORIES)
    yield Searcher(db)
    db.close()


@pytest.mark.parametrize(
    "headline",
    [
        "前三季度全国新增就业1097万人",
        "1至9月立案45.2万件",
        "1—11月外贸进出口增长",
        "上半年经济运行平稳",
        "前10个月财政收入",
    ],
)
def test_a_headline_of_part_of_the_year_is_not_dated_in_the_year_asked(headline: str) -> None:
    assert evidence.reports_part_of_year("2019-10-28", headline, YEAR_2019)
    assert evidence.date_evidence("2019-10-28", headline, [YEAR_2019], headline=headline)[0] == 0.0
    # the question asks for that part: the story is of the year asked
    asked = evidence.date_evidence("2019-10-28", headline, [YEAR_2019], headline=headline, part_asked=True)
    assert asked[0] == 1.0


def test_last_year_in_a_headline_is_the_year_before_its_date() -> None:
    headline = "去年我国城镇新增就业1361万人"
    assert evidence.date_evidence("2019-02-25", headline, [YEAR_2019], headline=headline)[0] == 0.0
    # printed the year after, 去年 is the year asked: reported later, as before
    on, _ = evidence.date_evidence("2020-01-15", headline, [YEAR_2019], headline=headline)
    assert on == evidence.REPORTED_LATER
    # a headline without a period, and a month or a day asked, are as before
    assert (
        evidence.date_evidence("2019-10-28", "全国就业形势稳定", [YEAR_2019], headline="全国就业形势稳定")[0]
        == 1.0
    )
    month = DateSpec("2019年10月", 10, year=2019)
    assert evidence.date_evidence("2019-10-28", "前三季度", [month], headline="前三季度")[0] == 1.0


def test_the_whole_years_report_comes_first_for_a_year_asked_alone(searcher: Searcher) -> None:
    resp = searcher.search("2019年全省法院受理案件多少件", today=date(2020, 6, 1))
    assert resp.hits[0].title == "2019年全省法院受理案件情况"


def test_a_part_asked_keeps_the_story_of_the_part_first(searcher: Searcher) -> None:
    resp = searcher.search("2019年1到9月全省法院受理案件多少件", today=date(2020, 6, 1))
    assert resp.hits[0].title == "1至9月全省法院受理案件情况"
