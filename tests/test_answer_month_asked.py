"""Among stories of one topic, the story the question's other details point to (issue 20): a month the question names
with its year (2020年1月韩正在瑞士见的联邦主席是谁) against stories of the same topic dated in other months."""

from __future__ import annotations

from storage.search.answers import best_sentence
from storage.search.answers.story_dates import dated_in, months_asked
from storage.search.query import parse_query
from storage.text.normalize import normalize


def test_the_months_a_question_names_with_their_year() -> None:
    assert months_asked(normalize("2020年1月韩正在瑞士见的联邦主席是谁")) == {"2020-01"}
    assert months_asked(normalize("2019年10月武汉注册志愿者有多少人")) == {"2019-10"}
    assert months_asked(normalize("2020年1到4月快递业务量")) == frozenset()
    assert months_asked(normalize("韩正在瑞士见的联邦主席是谁")) == frozenset()
    assert dated_in("2020-01-22", frozenset({"2020-01"}))
    assert not dated_in("2019-10-24", frozenset({"2020-01"}))


SWITZERLAND = [
    (1, "瑞士联邦主席毛雷尔会见王毅", "当地时间10月22日，瑞士联邦主席毛雷尔在伯尔尼会见国务委员兼外长王毅。"),
    (
        2,
        "韩正访问瑞士",
        "应瑞士联邦副主席帕姆兰邀请，国务院副总理韩正1月20日至21日访问瑞士，会见瑞士联邦主席索马鲁加，"
        "同帕姆兰举行会谈。",
    ),
]


def test_the_story_of_the_month_asked_answers() -> None:
    question = "2020年1月韩正在瑞士见的联邦主席是谁"
    parsed = parse_query(question)
    dates = {1: "2019-10-24", 2: "2020-01-22"}
    answer = best_sentence(question, parsed.terms, SWITZERLAND, groups=parsed.groups, dates=dates)
    assert answer is not None and "索马鲁加" in answer.sentence
    # every story of the month asked: the date tells nothing apart, the ranking's order stands
    same_month = {1: "2020-01-10", 2: "2020-01-22"}
    answer = best_sentence(question, parsed.terms, SWITZERLAND, groups=parsed.groups, dates=same_month)
    undated = best_sentence(question, parsed.terms, SWITZERLAND, groups=parsed.groups)
    assert answer == undated
