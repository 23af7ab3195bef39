"""In a real month's archive (February 2019), 北京房价 (two words typed together, found together in no story) was
taken for a slip of 北京房 and listed stories of 北京房山区. Words typed as one piece that are each a word the
archive holds are searched as words, one of them named as left out when no story holds both (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.ladder import words_the_archive_holds
from tests.search_support import stories_searcher

STORIES = [
    ("2019-02-11", "多部老电影将进行修复", ["此次活动得到了北京房山区委宣传部等单位的支持。"]),
    ("2019-02-22", "代表调研民间融资", ["全国人大代表、北京房山区法院庭长来到北京基金小镇调研。"]),
    ("2019-02-21", "让空心小镇重焕生机", ["这给难以承受城市高房价的家庭带来了好消息。"]),
    ("2019-02-18", "火车上的见闻", ["镇上房价不高，他们却不想买房。"]),
    ("2019-02-13", "侯寨乡的春天", ["侯寨乡春耕忙。"]),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("typed"), STORIES) as s:
        yield s


def test_two_words_typed_together_are_no_slip_of_a_third(searcher: Searcher) -> None:
    resp = searcher.search("北京房价", today=date(2019, 3, 1))
    assert not resp.corrections, resp.corrections
    assert resp.dropped and set(resp.dropped) <= {"北京", "房价"}  # one word named as left out
    assert any("房价" in h.snippet.text for h in resp.hits)


def test_a_slip_of_one_word_is_still_corrected(searcher: Searcher) -> None:
    resp = searcher.search("候寨乡", today=date(2019, 3, 1))
    assert [(c.original, c.replacement) for c in resp.corrections] == [("候寨乡", "侯寨乡")]


@pytest.mark.parametrize(
    ("terms", "held", "words"),
    [
        (("北京", "房价"), {"北京", "房价"}, True),
        (("北京", "房价"), {"北京"}, False),  # 房价 in no story: maybe a slip
        (("哈尔", "可岛"), {"哈尔", "可岛"}, False),  # 可岛 is no word of the dictionary
        (("樊", "惠琳"), {"樊", "惠琳"}, False),  # a single character: a name cut apart
        (("房价",), {"房价"}, False),  # one piece: nothing typed together
    ],
)
def test_words_the_archive_holds(terms: tuple[str, ...], held: set[str], words: bool) -> None:
    assert words_the_archive_holds(terms, lambda t: int(t in held)) is words
