"""Issue 20: steps of the relaxation ladder that no question of the answer sets reaches (a question is ranked by
evidence first) and that keyword searches need: a word people type (离世) found through what papers print
(逝世, `synonyms`), and OR alternatives beside a word no story holds, that word named as left out."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from tests.search_support import stories_db

STORIES = [
    ("2020-03-01", "老英雄逝世", ["老英雄张富清逝世，享年九十六岁。", "各界群众前往吊唁。"]),
    ("2020-03-02", "春耕备耕忙", ["各地抓紧春耕备耕，农机下田。", "种子化肥供应充足。"]),
    ("2020-03-03", "冬奥会场馆建设", ["北京冬奥会场馆建设进展顺利。", "延庆赛区完工。"]),
]
TODAY = date(2020, 3, 5)


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("ladder"), STORIES)
    yield Searcher(db)
    db.close()


def test_a_word_typed_alone_finds_the_story_printing_what_papers_print(searcher: Searcher) -> None:
    resp = searcher.search("离世", today=TODAY)
    assert [h.title for h in resp.hits] == ["老英雄逝世"]
    assert not resp.dropped and not resp.any_word


def test_or_alternatives_beside_a_word_no_story_holds_find_the_rest_and_name_it(searcher: Searcher) -> None:
    resp = searcher.search("(春耕 OR 秋收) 化肥 种子 火星 月球", today=TODAY)
    assert [h.title for h in resp.hits] == ["春耕备耕忙"]
    assert set(resp.dropped) == {"火星", "月球"}
    assert not resp.any_word
