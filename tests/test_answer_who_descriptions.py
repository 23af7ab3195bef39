"""Issue 20: a reader asking who often types only the description of the person (2020年中国女足主教练,
中国驻法国大使, 那个在家门口看戏的丁李湾村民): a post or a word for a person at its end, after what the person
heads, belongs to or did. Such a description asks who: the answer line names the person, as news prints the
post right before the name. A post alone (局长) and keyword searches (保交楼, 经济增长) keep their reading: every
result holds every word, and no answer line."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.answers import PLAIN, SOME, kind_strength, question_kind
from storage.search.answers.questions import describes_person
from storage.search.engine import Searcher
from storage.search.query import parse_query
from storage.text.normalize import normalize
from tests.search_support import stories_db


@pytest.mark.parametrize(
    "description",
    [
        "2020年中国女足主教练",
        "中国驻法国大使",
        "重庆市道路运输管理局局长",
        "那个在家门口看戏的丁李湾村民",
        "北京 市长",
        "安吉余村党支部书记",
        "罗庄打铁火的传承人",
        "王胜的妻子",
    ],
)
def test_a_description_ending_with_a_post_or_a_person_asks_who(description: str) -> None:
    assert describes_person(description)
    assert question_kind(description) == "who"


@pytest.mark.parametrize(
    "query",
    [
        "局长",  # a post alone describes no one in particular
        "副局长",
        "保交楼",
        "经济增长",  # 长 of a verb, not of a head
        "医护人员",  # 员 of a group
        "群众动员",
        "中国驻法国大使是谁",  # a question: its own kind (who) from its question word
        "中国驻法国大使在哪里",
    ],
)
def test_keywords_a_post_alone_and_questions_are_no_bare_description(query: str) -> None:
    assert not describes_person(query)


@pytest.mark.parametrize(
    "description", ["中国驻德国大使", "外汇局的新闻发言人", "那个在家门口看戏的丁李湾村民"]
)
def test_a_description_in_three_words_or_as_a_phrase_is_read_as_a_question(description: str) -> None:
    assert parse_query(description).question


@pytest.mark.parametrize("keywords", ["乡村医生", "北京 市长", "保交楼", "局长"])
def test_a_short_description_and_keywords_stay_keywords(keywords: str) -> None:
    assert not parse_query(keywords).question


def test_the_post_ending_a_description_is_the_one_whose_holder_is_asked() -> None:
    q = "白沙村党支部书记"
    terms = ("白沙村", "党支部", "书记")
    after_the_post = normalize("白沙村党支部书记徐水平带着村民修路。")
    assert kind_strength(after_the_post, "who", q, terms) == PLAIN
    # a name elsewhere in the sentence is most often someone else's
    elsewhere = normalize("白沙村党支部书记介绍，村民李明华家去年种了十亩茶。")
    assert kind_strength(elsewhere, "who", q, terms) == SOME


STORIES = [
    (
        "2019-09-30",
        "中国女排夺得世界杯冠军",
        [
            "中国女排以十一连胜的战绩夺得本届女排世界杯冠军。",
            "中国女排队长朱婷当选本届比赛最有价值球员。",
        ],
    ),
    (
        "2020-05-20",
        "女排姑娘居家训练",
        ["疫情期间，女排队员们坚持居家训练。", "中国女排队长袁心玥在视频中向球迷问好。"],
    ),
    (
        "2020-05-08",
        "重庆定制客运保复工",
        [
            "重庆开出定制包车，送返岗职工直达企业。",
            "重庆市道路运输管理局局长王强介绍，全市已开行包车1200余班次。",
        ],
    ),
    (
        "2020-05-09",
        "交通局局长走基层",
        ["多地交通运输局局长深入一线，检查客运站防疫措施。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("whodesc"), STORIES)
    yield Searcher(db)
    db.close()


TODAY = date(2020, 6, 1)


def test_the_answer_line_names_the_holder_of_the_post_described(searcher: Searcher) -> None:
    resp = searcher.search("重庆市道路运输管理局局长", today=TODAY)
    assert resp.answer is not None and "王强" in resp.answer.sentence
    assert resp.hits[0].title == "重庆定制客运保复工"


def test_the_year_of_a_description_picks_the_holder_of_that_year(searcher: Searcher) -> None:
    earlier = searcher.search("2019年中国女排队长", today=TODAY)
    assert earlier.answer is not None and "朱婷" in earlier.answer.sentence
    later = searcher.search("2020年中国女排队长", today=TODAY)
    assert later.answer is not None and "袁心玥" in later.answer.sentence


def test_a_short_description_keeps_every_word_and_gets_the_answer_line(searcher: Searcher) -> None:
    resp = searcher.search("重庆 局长", today=TODAY)
    assert [h.title for h in resp.hits] == ["重庆定制客运保复工"]  # the other story holds no 重庆
    assert resp.answer is not None and "王强" in resp.answer.sentence


def test_a_post_alone_keeps_every_result_holding_it_and_shows_no_answer(searcher: Searcher) -> None:
    resp = searcher.search("局长", today=TODAY)
    assert resp.answer is None
    assert {h.title for h in resp.hits} == {"重庆定制客运保复工", "交通局局长走基层"}


def test_a_short_description_read_as_keywords_keeps_its_ranking(tmp_path) -> None:
    # 女排 队长 is a keyword search (two words): the story holding both words in its headline stays first,
    # though the answer line names the captain from the second story.
    stories = [
        ("2020-05-20", "女排队长谈训练", ["队长表示，全队将继续刻苦训练，备战奥运会。"]),
        ("2020-05-18", "排球联赛综述", ["本赛季联赛落下帷幕。", "女排队长朱婷当选最有价值球员。"]),
    ]
    db = stories_db(tmp_path, stories)
    try:
        resp = Searcher(db).search("女排 队长", today=TODAY)
    finally:
        db.close()
    assert [h.title for h in resp.hits] == ["女排队长谈训练", "排球联赛综述"]
    assert resp.answer is not None and "朱婷" in resp.answer.sentence
