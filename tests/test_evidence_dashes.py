"""A dash typed in a question (a book's subtitle after ——, a span of months 1—6月) is read by the parser as
"-"; the story prints the em dash, and evidence ranking counts the term as printed so."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.evidence import dashes_as_printed
from tests.search_support import stories_searcher


def test_each_dash_of_a_term_is_printed_as_an_em_dash() -> None:
    assert dashes_as_printed("观照--栖居的哲学") == ("观照——栖居的哲学",)
    assert dashes_as_printed("1-6") == ("1—6",)
    assert dashes_as_printed("主色调") == ()


# The book's story prints its title with ——; another story holds the question's other words.
BOOK_STORIES = [
    (
        "2020-02-12",
        "《晨光——城市的记忆》获设计大奖",
        ["《晨光——城市的记忆》的封面以深蓝为主色调，获本届书籍设计大奖铜奖。"],
    ),
    (
        "2020-02-16",
        "湖州：绿色成企业发展主色调",
        ["绿色成为企业发展的主色调，多家企业更换了产品封面和包装。"],
    ),
]


@pytest.fixture(scope="module")
def book_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("dashes"), BOOK_STORIES) as searcher:
        yield searcher


def test_a_title_typed_with_its_dash_finds_the_story_printing_it(book_searcher: Searcher) -> None:
    # Read as 晨光--城市的记忆, no story held the title: the other story, holding 封面 and 主色调, came first.
    resp = book_searcher.search("《晨光——城市的记忆》封面主色调是啥", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "《晨光——城市的记忆》获设计大奖"
