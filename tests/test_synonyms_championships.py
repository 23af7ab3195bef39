"""Issue 20: readers type a championship's short name (亚锦赛, 世锦赛) where news prints either form
(将于4月底举行的亚洲锦标赛): the full name counts as the word typed."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.synonyms import printed_forms
from tests.search_support import stories_db

# (date, title, paragraphs): the gymnastics story prints the full name; a track story prints the short one;
# gymnastics is a commoner word than the short name, as in the news.
STORIES = [
    *(
        (
            f"2020-01-{day:02d}",
            f"体操进校园活动第{day}站",
            [f"第{day}站体操进校园活动在当地小学开展，孩子们学习体操动作。"],
        )
        for day in range(10, 16)
    ),
    (
        "2020-02-25",
        "中国体操队积极备战奥运积分赛",
        ["从3月开始的4站体操全能世界杯赛，以及将于4月底举行的亚洲锦标赛，都将涉及参赛席位分配。"],
    ),
    (
        "2020-02-10",
        "谢文骏获得室内田径赛亚军",
        ["去年4月，谢文骏在多哈举行的田径亚锦赛中夺得男子110米栏冠军，刷新个人最好成绩。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("championships"), STORIES)
    yield Searcher(db)
    db.close()


@pytest.mark.parametrize(
    ("typed", "printed"), [("亚锦赛", "亚洲锦标赛"), ("世锦赛", "世界锦标赛"), ("全锦赛", "全国锦标赛")]
)
def test_a_championships_short_name_has_its_full_name(typed: str, printed: str) -> None:
    assert printed in printed_forms(typed)


def test_the_story_printing_the_full_name_answers_the_short_one(searcher: Searcher) -> None:
    resp = searcher.search("2020年体操亚锦赛啥时候举行", today=date(2020, 6, 1))
    assert resp.hits[0].title == "中国体操队积极备战奥运积分赛"
