"""A day asked (哪天, 几号) is not answered by a year or a month alone (issue 20): 陈玉新是哪天牺牲的 is answered by the
sentence dating the day (1995年6月1日凌晨), not by one holding more of the question's words and a year of another deed
of his life (1991年参加公安工作)."""

from __future__ import annotations

from storage.search.answers import best_sentence
from storage.search.answers.kinds import kind_strength
from storage.search.answers.strength import HOLDS_KIND, PARTIAL
from storage.search.query import parse_query
from storage.text.normalize import normalize

STORY = [
    (
        1,
        "石河子民警陈玉新：生命定格在31岁",
        "陈玉新1991年参加公安工作后，立足本职，任劳任怨，先后参与侦破重特大案件600余起，多次受到嘉奖。"
        "石河子市公安局相关负责人表示，在陈玉新身上，集中反映了民警勇于献身的英雄气概，他的牺牲令人痛惜。"
        "1995年6月1日凌晨，陈玉新奉命与战友一起执行抓捕盗窃团伙案犯的任务。"
        "在搏斗中，陈玉新身中四弹，流血过多，不幸壮烈牺牲。",
    ),
]


def _strength(sentence: str, question: str) -> float:
    parsed = parse_query(question)
    return kind_strength(normalize(sentence), "when", normalize(question), parsed.terms)


def test_a_year_alone_dates_no_day_asked() -> None:
    assert _strength("陈玉新1991年参加公安工作后，立足本职。", "陈玉新是哪天牺牲的") < HOLDS_KIND
    assert _strength("陈玉新1991年参加公安工作后，立足本职。", "陈玉新几号牺牲的") < HOLDS_KIND
    # a year still answers a year asked, and part of a time asked without its grain
    assert _strength("陈玉新1991年参加公安工作后，立足本职。", "陈玉新哪年参加的公安工作") >= HOLDS_KIND
    assert _strength("陈玉新1991年参加公安工作后，立足本职。", "陈玉新什么时候参加的公安工作") == PARTIAL
    # a day with its month answers a day asked
    assert _strength("1995年6月1日凌晨，陈玉新奉命执行任务。", "陈玉新是哪天牺牲的") >= HOLDS_KIND


def test_the_day_asked_is_answered_by_the_sentence_dating_a_day() -> None:
    question = "石河子民警陈玉新是哪天牺牲的"
    parsed = parse_query(question)
    answer = best_sentence(question, parsed.terms, STORY, groups=parsed.groups)
    assert answer is not None and "1995年6月1日" in answer.sentence
    # asked for the year of his first post, the year's sentence answers
    question = "陈玉新是哪年参加公安工作的"
    parsed = parse_query(question)
    answer = best_sentence(question, parsed.terms, STORY, groups=parsed.groups)
    assert answer is not None and "1991年" in answer.sentence
