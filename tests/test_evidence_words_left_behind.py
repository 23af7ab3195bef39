"""Words of a question the parser or jieba cut wrong, read as the reader typed them (`engine`): a verb jieba's HMM
made up from an unknown name's last character (淦河有多长: 淦 / 河有) is no reading of a term no story holds
(`typed_reading`), while a name or an abbreviation it made up is (周韵, 脱欧); a party congress keeps its number (十八大以来) and an institution its 院 (附二院首批)
(`reglued`)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.term_readings import reglued, rescued, typed_reading
from storage.text.segment import cut, dictionary_word, tag
from tests.search_support import stories_searcher


@pytest.mark.parametrize(
    ("question", "term", "first"),
    [
        ("淦河有多长", "淦河有", "淦河"),  # 河有: a verb the HMM made up, not a word typed
        ("柱子哥周韵娇得的是什么病", "哥周韵", "周韵"),  # 周韵: a name the HMM made up, a word typed
        ("英国什么时候向欧盟递交的新脱欧方案", "新脱欧", "脱欧"),  # 脱欧: an abbreviation, a word typed
        ("伊斯兰国手里还有多少人质", "国手里", "手里"),  # 手里: a word of the dictionary, typed
    ],
)
def test_a_term_no_story_holds_is_read_as_the_word_typed(question: str, term: str, first: str) -> None:
    assert rescued(term, known=(typed_reading(tag(question)), dictionary_word))[0] == first


@pytest.mark.parametrize(
    ("question", "glued", "read"),
    [
        (
            "十八大以来农村贫困人口平均每年减贫多少",
            ["十八", "大以来", "农村", "贫困人口"],
            ["十八大", "以来", "农村", "贫困人口"],
        ),
        (
            "重医附二院首批医疗队进驻的是哪家医院",
            ["重医", "附二", "院首批", "医疗队"],
            ["重医", "附二院", "首批", "医疗队"],
        ),
    ],
)
def test_a_congress_and_an_institution_keep_their_last_character(
    question: str, glued: list[str], read: list[str]
) -> None:
    assert reglued(glued, cut(question)) == read


def test_a_big_word_after_a_number_is_not_a_congress() -> None:
    # 大 after digits (3大) or after a word that is no number keeps to the word after it.
    assert reglued(["法兰西", "大区议会"], cut("上法兰西大区议会在哪")) == ["法兰西", "大区议会"]


# The story of a river jieba does not know (淦河), and a story printing the made-up verb 河有 (黄河有).
RIVER_STORIES = [
    (
        "2020-05-06",
        "咸宁整治黑臭水体 截污减负",
        ["淦河全长60.8公里，是咸宁的母亲河。", "当地截污减负，水质明显好转。"],
    ),
    (
        "2020-05-16",
        "委员心系黄河生态",
        ["黄河有多长，保护的路就有多长。委员们建议加强生态保护。"],
    ),
]


@pytest.fixture(scope="module")
def river_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("left_behind"), RIVER_STORIES) as searcher:
        yield searcher


def test_a_river_jieba_does_not_know_finds_its_story(river_searcher: Searcher) -> None:
    # Read as 河有 (the HMM's verb), the question found the story printing 黄河有 first.
    resp = river_searcher.search("淦河有多长", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "咸宁整治黑臭水体 截污减负"
