"""A relative year with a month, a day or a part (`去年6月`, `今年3月5日`, `去年底`) is that one period (QA pass 16).

It was read as the whole year (`去年`) and the month of any year (`6月`), so `去年6月的新闻` listed every
story of the year mentioning June, and a question's time evidence credited any story dated in the year.
"""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storage.search.engine import Searcher
from storage.search.evidence import period_evidence
from storage.search.query import parse_query
from tests.search_support import hit_titles, stories_searcher

TODAY = date(2020, 8, 10)
STORIES = [
    ("2019-06-12", "夏粮收购进展顺利", ["6月以来各地夏粮收购进展顺利。"]),
    ("2019-12-20", "年终盘点脱贫成效", ["今年6月启动的帮扶项目已见成效，脱贫成果巩固。"]),
    ("2019-03-05", "脱贫攻坚任务明确", ["今年脱贫攻坚任务明确。"]),
    ("2020-06-15", "防汛工作全面部署", ["6月中旬起进入主汛期。"]),
    ("2018-06-01", "儿童节活动丰富多彩", ["6月1日各地举办活动。"]),
]


def spans(text: str) -> list[tuple[str, str]]:
    parsed = parse_query(text, today=TODAY)
    assert not parsed.dates
    return [(p.start.isoformat(), p.end.isoformat()) for p in parsed.periods]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("去年6月", ("2019-06-01", "2019-06-30")),
        ("去年6月份", ("2019-06-01", "2019-06-30")),
        ("前年的六月", ("2018-06-01", "2018-06-30")),
        ("今年3月5日", ("2020-03-05", "2020-03-05")),
        ("去年十二月", ("2019-12-01", "2019-12-31")),
        ("今年上半年", ("2020-01-01", "2020-06-30")),
        ("去年下半年", ("2019-07-01", "2019-12-31")),
        ("去年一季度", ("2019-01-01", "2019-03-31")),
        ("今年第二季度", ("2020-04-01", "2020-06-30")),
        ("去年前三季度", ("2019-01-01", "2019-09-30")),
        ("去年年初", ("2019-01-01", "2019-02-28")),
        ("去年底", ("2019-11-01", "2019-12-31")),
        ("去年年末", ("2019-11-01", "2019-12-31")),
    ],
)
def test_a_relative_year_with_a_month_day_or_part_is_one_period(text: str, expected: tuple[str, str]) -> None:
    assert spans(text) == [expected]
    assert not parse_query(text, today=TODAY).terms


def test_other_readings_are_unchanged() -> None:
    assert spans("今年初步统计") == [("2020-01-01", "2020-12-31")]  # 初步 is a word, not 年初
    assert spans("去年") == [("2019-01-01", "2019-12-31")]
    compared = parse_query("比去年6月", today=TODAY)
    assert not compared.periods and [d.month for d in compared.dates] == [6]


@pytest.fixture
def searcher(tmp_path: Path) -> Iterator[Searcher]:
    with stories_searcher(tmp_path, STORIES) as s:
        yield s


def test_a_month_of_last_year_lists_the_stories_dated_in_it(searcher: Searcher) -> None:
    """Not a story of December 2019 mentioning 6月, nor June of another year."""
    resp = searcher.search("去年6月的新闻", today=TODAY)
    assert resp.date_only and resp.period == ("2019-06-01", "2019-06-30")
    assert hit_titles(resp) == {"夏粮收购进展顺利"}


def test_a_part_of_last_year_filters_a_keyword_search(searcher: Searcher) -> None:
    assert hit_titles(searcher.search("去年底 脱贫", today=TODAY)) == {"年终盘点脱贫成效"}


def test_a_question_credits_only_stories_dated_in_the_month() -> None:
    periods = parse_query("去年6月夏粮收购进展怎么样", today=TODAY).periods
    assert period_evidence("2019-06-12", "6月以来各地夏粮收购进展顺利。", periods)[0] == 1.0
    assert period_evidence("2019-12-20", "今年6月启动的帮扶项目已见成效。", periods) == (0.0, 1.0)


def test_a_question_keeps_the_part_of_the_year_as_a_word() -> None:
    """As `2019年年底` keeps `年底`: stories print the part (去年年底…), often after it ended."""
    question = parse_query("去年底脱贫人口还有多少", today=TODAY)
    assert "年底" in question.terms and [p.end.isoformat() for p in question.periods] == ["2019-12-31"]
    assert "一季度" in parse_query("今年一季度GDP增长多少", today=TODAY).terms
    assert not parse_query("去年底", today=TODAY).terms
    assert parse_query("去年底有什么新闻？", today=TODAY).date_only
