"""Issue 32: a lone Latin letter typed beside a real word (“阅兵”<i>x</i>, x]]>y 阅兵: markup or a pasted
formula around the word) kept the letter and left out the word when no story holds both, because the
letter is rarer. A lone letter weighs less than any real word of the query, so the word is kept."""

from __future__ import annotations

from pathlib import Path

import pytest

from storage.search.evidence import LONE_LETTER_SHARE, lone_letter, weigh_terms
from storage.search.ladder import informative_order
from tests.search_support import stories_searcher

PARADE = [
    (
        f"2019-10-0{i}",
        f"国庆阅兵第{i}方阵",
        [f"庆祝中华人民共和国成立70周年阅兵在天安门广场举行，第{i}方阵走过。"],
    )
    for i in range(1, 6)
]
EXAM = [("2019-10-08", "高考改革推出“3+1+2”和“8+X”模式", ["多省份推出新高考“8+X”选科模式，学生自主选择。"])]
VILLAGES = [
    (f"2019-10-1{i}", f"乡村振兴第{i}站", [f"乡村振兴稳步推进，第{i}个村庄完成改造。"]) for i in range(8)
]


@pytest.mark.parametrize("typed", ["“阅兵”<i>x</i>", "x]]>y 阅兵", "阅兵 x", "x 阅兵", "阅兵x", "阅兵 X"])
def test_a_lone_letter_beside_a_word_no_story_holds_with_it_is_left_out(tmp_path: Path, typed: str) -> None:
    with stories_searcher(tmp_path, PARADE + EXAM + VILLAGES) as searcher:
        found = searcher.search(typed)
    titles = [hit.title for hit in found.hits]
    # The word's stories first, the letter's story after them.
    assert all("阅兵" in title for title in titles[:5]), titles
    assert "阅兵" not in found.dropped
    assert "x" in found.dropped


def test_a_lone_letter_a_story_holds_with_the_word_still_finds_it(tmp_path: Path) -> None:
    with stories_searcher(tmp_path, PARADE + EXAM + VILLAGES) as searcher:
        found = searcher.search("高考 X")
    assert [h.title for h in found.hits] == ["高考改革推出“3+1+2”和“8+X”模式"]
    assert found.dropped == ()


def test_a_lone_letter_weighs_less_than_the_lightest_real_word() -> None:
    # x held by 1 article of 1,000, 工作 by 600: by IDF alone the letter would weigh about five times more.
    weighted = weigh_terms(["工作", "x", "阅兵"], [600, 1, 40], 1000)
    weights = {t.text: t.weight for t in weighted}
    assert weights["x"] == pytest.approx(LONE_LETTER_SHARE * weights["工作"])
    assert weights["阅兵"] > weights["工作"]
    # Letters alone keep their weights: nothing else is asked for.
    alone = weigh_terms(["x", "y"], [1, 300], 1000)
    assert alone[0].weight > alone[1].weight > 0


def test_the_words_to_keep_put_a_lone_letter_after_every_real_word_found() -> None:
    assert informative_order({"x": 3, "阅兵": 140, "国庆": 500, "无此词": 0}) == [
        "阅兵",
        "国庆",
        "x",
        "无此词",
    ]


@pytest.mark.parametrize(
    ("term", "lone"), [("x", True), ("C", True), ("xy", False), ("5", False), ("阅", False)]
)
def test_a_lone_letter_is_one_latin_letter(term: str, lone: bool) -> None:
    assert lone_letter(term) is lone
