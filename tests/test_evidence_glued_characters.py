"""A character the parser glues before the next word that begins no word the reader means is dropped from
it (`term_readings.reglued`): 月 of a span of months (前9个月全国: 全国), 当 (to serve as: 当驻村: 驻村) and a
preposition (跟刘慈欣: 刘慈欣). The story need not print the character beside the word."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.term_readings import reglued
from storage.text.segment import cut
from tests.search_support import stories_searcher


@pytest.mark.parametrize(
    ("question", "glued", "read"),
    [
        ("2019年前9个月全国平均弃风率是多少", ["月全国", "平均", "弃风率"], ["全国", "平均", "弃风率"]),
        (
            "黄文秀生前在哪儿当驻村第一书记",
            ["黄文秀", "生前", "当驻村", "第一书记"],
            ["黄文秀", "生前", "驻村", "第一书记"],
        ),
        (
            "跟刘慈欣直播对话的巴西人",
            ["跟刘慈欣", "直播", "对话", "巴西人"],
            ["刘慈欣", "直播", "对话", "巴西人"],
        ),
    ],
)
def test_a_character_beginning_no_word_is_dropped(question: str, glued: list[str], read: list[str]) -> None:
    assert reglued(glued, cut(question)) == read


# A report of the first nine months printing 全国平均弃风率, and a monthly report whose headline prints 1月全国.
MONTH_STORIES = [
    (
        "2019-10-23",
        "前9月风电发电量同比增长",
        ["前三季度，全国风电发电量同比增长9%，全国平均弃风率为4.2%，同比下降。"],
    ),
    (
        "2019-02-19",
        "1月全国空气质量状况发布",
        ["1月全国338个城市平均优良天数比例为70%，风电项目周边空气质量改善。"],
    ),
]


@pytest.fixture(scope="module")
def month_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("glued"), MONTH_STORIES) as searcher:
        yield searcher


def test_a_span_of_months_does_not_glue_its_month_to_the_next_word(month_searcher: Searcher) -> None:
    # Read as 月全国, the monthly report's headline held the rare word and came first.
    resp = month_searcher.search("2019年前9个月全国平均弃风率是多少", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "前9月风电发电量同比增长"
