"""Issue 20, which: the places of a visit are asked with the visit's verb a place before 哪 (去了广东哪些城市) as
well as right before it (去了哪些地方); news follows such a visit from place to place (先后来到A、B、C)."""

from __future__ import annotations

from storage.search.answers import PLAIN
from storage.search.answers.lists import PLACES_ASKED
from tests.answer_support import answer_line, fact_strength


def test_the_places_of_a_visit_are_asked() -> None:
    assert PLACES_ASKED.search("副总理那次调研都去了广东哪些城市")
    assert PLACES_ASKED.search("考察团去了哪些地方")
    # a list asked of something else
    assert not PLACES_ASKED.search("调研组提出了哪些建议")


def test_the_visit_from_place_to_place_answers() -> None:
    question = "那次调研自贸区都去了福建哪些城市"
    assert fact_strength("李明先后来到厦门市、福州市、泉州市，实地考察港口。", "which", question) == PLAIN
    body = (
        "国务院副总理李明3日至5日在福建省调研自贸区建设工作。\n"
        "李明先后来到厦门市、福州市、泉州市，实地考察港口码头和企业。\n"
        "他强调，要把自贸区建设成为改革开放新高地。"
    )
    assert "厦门市、福州市" in answer_line(question, "李明在福建调研", body)
