"""In a real month's archive (February 2019), 特朗普和金正恩在哪里会晤 found no story holding both names, dropped
金正恩 and answered with a sentence about 特朗普 meeting someone else (在阿根廷会晤). A question naming a person
whom the search dropped and none of the stories read holds gets no answer line (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher, names_a_person_unread
from storage.text.segment import tag
from tests.search_support import stories_searcher

STORIES = [
    (
        "2019-02-24",
        "中美经贸高级别磋商举行 美国总统特朗普会见刘鹤",
        [
            "当地时间2月22日，美国总统特朗普在白宫会见刘鹤。刘鹤转达口信，两国元首在阿根廷会晤达成的共识正在落实。"
        ],
    ),
    (
        "2019-02-16",
        "落实中美元首共识",
        ["习近平主席同特朗普总统在阿根廷会晤，达成重要共识。"],
    ),
    (
        "2019-02-02",
        "朝中友好关系不断发展",
        ["金正恩委员长新年伊始对中国进行访问，两国传统友好关系得到发展。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("person"), STORIES) as s:
        yield s


def test_a_question_about_a_person_no_story_read_holds_gets_no_answer_line(searcher: Searcher) -> None:
    resp = searcher.search("特朗普和金正恩在哪里会晤？", today=date(2019, 3, 1))
    assert "金正恩" in resp.dropped and resp.hits
    assert resp.answer is None


def test_the_same_question_about_people_the_stories_hold_is_answered(searcher: Searcher) -> None:
    resp = searcher.search("习近平和特朗普在哪里会晤？", today=date(2019, 3, 1))
    assert resp.answer is not None and "阿根廷" in resp.answer.sentence


def test_the_person_alone_is_found_and_answered(searcher: Searcher) -> None:
    resp = searcher.search("金正恩是谁", today=date(2019, 3, 1))
    assert resp.answer is not None and "金正恩" in resp.answer.sentence


@pytest.mark.parametrize(
    ("question", "dropped", "texts", "unread"),
    [
        ("特朗普和金正恩在哪里会晤", ["金正恩"], ["特朗普在阿根廷会晤"], True),
        ("特朗普和金正恩在哪里会晤", ["金正恩"], ["特朗普会晤金正恩"], False),  # a story read holds him
        ("特朗普在哪里会晤", ["会晤"], ["特朗普在白宫"], False),  # a dropped word that names no one
        ("特朗普和金正恩在哪里会晤", [], ["特朗普在阿根廷会晤"], False),  # nothing dropped
    ],
)
def test_names_a_person_unread(question: str, dropped: list[str], texts: list[str], unread: bool) -> None:
    assert names_a_person_unread(tag(question), dropped, texts) is unread
