"""哪个村 / 哪个县: the place asked for goes with the question word, as 哪些省 and 哪几个村 do; before, 哪 alone
was the question word and its measure word stayed glued to the place (个村), a word only stories counting
villages print (每个村, 一个村)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.query import parse_query
from tests.search_support import stories_searcher


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("李应川家搬迁前原来住在哪个村", ("李应川家", "搬迁")),
        ("金所军是哪个县的县委书记", ("金所军", "县委书记")),
    ],
)
def test_which_place_is_the_question_word(question: str, terms: tuple[str, ...]) -> None:
    assert parse_query(question).terms == terms


# The family's story names its village; a report on the county's moves counts villages (每个村).
VILLAGE_STORIES = [
    (
        "2020-02-12",
        "回访王长山家",
        ["王长山家以前住在山坡上的石门村，搬迁后一家人住进了新房。"],
    ),
    (
        "2020-02-13",
        "全县易地搬迁工作稳步推进",
        ["全县每个村都成立了搬迁工作组，王长山家等一批搬迁户原来住的旧房陆续拆除，每个村都有专人负责。"],
    ),
]


@pytest.fixture(scope="module")
def village_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("which_place"), VILLAGE_STORIES) as searcher:
        yield searcher


def test_the_family_story_comes_first_for_which_village(village_searcher: Searcher) -> None:
    resp = village_searcher.search("王长山家搬迁前原来住在哪个村", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "回访王长山家"
