"""A reason news states by what it moved someone to do (issue 20): the circumstance faced before the deed (面对…高昂
学费，他果断选择…) or the worry weighed (他的顾虑：万一…) answers why, over a sentence of the story's topic that
holds more of the question's words and no reason."""

from __future__ import annotations

from storage.search.answers import best_sentence
from storage.search.answers.kinds import kind_strength
from storage.search.answers.strength import HOLDS_KIND
from storage.search.query import parse_query
from storage.text.normalize import normalize

STORY = [
    (
        1,
        "返乡大学生不肯就医，社区干部上门劝说",
        "根据邻里反映，社区干部联系到从外地返乡的大学生小周，他却不肯去医院做检查。"
        "社区干部又给小周的父亲打电话，晓得了他的顾虑：万一被留在医院观察，年都过不好。"
        "午饭后，大学生小周和父母来到医院检查，家人也没有问题。",
    ),
    (
        2,
        "港澳学子的内地求学路",
        "林嘉豪出生在香港，从小在香港读书，中学成绩优异，本可在香港读大学。"
        "面对在香港读大学一年数万元的高昂学费，他果断选择到内地读书。"
        "本科毕业后，林嘉豪回到香港工作。",
    ),
]


def _strength(sentence: str, question: str) -> float:
    parsed = parse_query(question)
    return kind_strength(normalize(sentence), "why", normalize(question), parsed.terms)


def _answer(question: str, story: list[tuple[int, str, str]]) -> str:
    parsed = parse_query(question)
    answer = best_sentence(question, parsed.terms, story, groups=parsed.groups)
    assert answer is not None
    return answer.sentence


def test_the_worry_weighed_and_the_circumstance_faced_hold_a_reason() -> None:
    assert _strength("晓得了他的顾虑：万一被留在医院观察，年都过不好。", "他为啥不肯去医院") >= HOLDS_KIND
    assert _strength("面对在香港读大学的高昂学费，他果断选择到内地读书。", "他为什么去内地读书") >= HOLDS_KIND
    # 面对 naming no circumstance before a deed of its own clause is no reason
    assert _strength("他笑着面对镜头。", "他为什么笑") < HOLDS_KIND
    assert _strength("双方面对面交流，达成共识。", "双方为什么交流") < HOLDS_KIND


def test_why_is_answered_by_the_stated_reason() -> None:
    assert "万一被留在医院" in _answer("那个返乡的大学生为啥不肯去医院检查", STORY[:1])
    assert "高昂学费" in _answer("林嘉豪当年为啥不在香港读大学", STORY[1:])
