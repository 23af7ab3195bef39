"""Issue 20: the question's names (a place, a person, an organisation jieba knows) say which of several
stories on one topic it asks about: a story lacking a name that the first result holds does not answer for
it, nor come first through its answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search import evidence
from storage.search.engine import Searcher
from tests.search_support import stories_db


def test_the_words_jieba_tags_as_names_are_the_questions_names() -> None:
    tags = {"丹麦": "ns", "苏炳添": "nr", "动物园": "n", "要去": "v"}
    weighed = evidence.weigh_terms(list(tags), [5, 5, 5, 5], 100, tagger=lambda w: [(w, tags[w])])
    assert [t.text for t in weighed if t.named] == ["丹麦", "苏炳添"]


# The first story names the cooperative asked about (惠珍合作社) but lists no technique; another story's
# cooperative, not named, lists the techniques its members learned.
STORIES = [
    (
        "2020-01-09",
        "岚县山药蛋变得高大上",
        [
            "惠珍合作社有社员120户，去年合作社请来农技专家。",
            "今年惠珍合作社的社员们用上了新的种植技术，亩产提高了一成。",
        ],
    ),
    (
        "2020-01-21",
        "科技特派员帮扶村民致富",
        ["在科技特派员指导下，村里合作社的社员们学会了天麻种植技术和林下种植技术。", "合作社带动全村增收。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("names"), STORIES)
    yield Searcher(db)
    db.close()


def test_a_story_lacking_the_name_asked_about_does_not_answer_nor_come_first(searcher: Searcher) -> None:
    resp = searcher.search("惠珍合作社的社员们学会了哪些种植技术", today=date(2020, 6, 1))
    assert resp.hits[0].title == "岚县山药蛋变得高大上"
    assert resp.answer is None or resp.answer.article_id == resp.hits[0].id


def test_a_story_holding_the_name_still_answers_from_further_down(searcher: Searcher) -> None:
    # without a name in the question, the other story may answer and comes first, as before
    resp = searcher.search("合作社的社员们学会了哪些种植技术", today=date(2020, 6, 1))
    assert resp.answer is not None and "天麻种植技术" in resp.answer.sentence
    assert resp.hits[0].title == "科技特派员帮扶村民致富"
