"""Issue 20: an event, a country or a school typed by its short name (进博会, 澳洲, 华中科大, 世卫大会) finds the
story printing the full name (中国国际进口博览会, 澳大利亚, 华中科技大学, 世界卫生大会)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.query import parse_query
from storage.search.synonyms import printed_forms
from tests.search_support import stories_db


@pytest.mark.parametrize(
    ("typed", "printed"),
    [
        ("进博会", "中国国际进口博览会"),
        ("世卫大会", "世界卫生大会"),
        ("澳洲", "澳大利亚"),
        ("华中科大", "华中科技大学"),
    ],
)
def test_a_short_name_has_its_full_name(typed: str, printed: str) -> None:
    assert printed in printed_forms(typed)


def test_a_short_name_jieba_cuts_apart_is_kept_whole() -> None:
    # jieba cuts 进 / 博会 and the parser drops the lone verb 进
    assert "进博会" in parse_query("第五届进博会在哪开").terms


# (date, title, paragraphs): the expo story prints the full name only; the others hold the question's other
# words (第五届, 开幕) more often.
STORIES = [
    *(
        (
            f"2022-10-{day:02d}",
            f"第五届社区文化节第{day}场开幕",
            [f"第五届社区文化节第{day}场演出在文化宫开幕，居民踊跃参加。"],
        )
        for day in range(10, 16)
    ),
    (
        "2022-11-05",
        "第五届中国国际进口博览会在上海开幕",
        ["11月5日，第五届中国国际进口博览会在上海开幕，来自多个国家的企业参展。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("short_names"), STORIES)
    yield Searcher(db)
    db.close()


def test_the_story_printing_the_expos_full_name_answers_its_short_name(searcher: Searcher) -> None:
    resp = searcher.search("第五届进博会几号开幕", today=date(2022, 12, 1))
    assert resp.hits[0].title == "第五届中国国际进口博览会在上海开幕"
