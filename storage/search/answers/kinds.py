"""`kind_strength`: how plainly a sentence holds the kind of fact asked for, by the question's kind.
`fact_test` gives the evidence ranking a cheap test of a how-many question's fact.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from storage.search.answers.causes import why_strength
from storage.search.answers.counts import (
    ANY_NUMBER,
    DURATION,
    RATE,
    RATE_NUMBER,
    SAME_UNIT,
    counted_asked,
    howmany_strength,
    unit_asked,
)
from storage.search.answers.dates import when_strength
from storage.search.answers.lists import instance_test, which_strength
from storage.search.answers.names import name_strength, what_strength
from storage.search.answers.people import holder_test, identity_strength, who_strength
from storage.search.answers.places import held_at_place, where_strength
from storage.search.answers.questions import measured_asked, question_kind
from storage.search.answers.strength import NOTHING, PLAIN, Asked
from storage.text.normalize import normalize

_STRENGTH = {
    "identity": identity_strength,
    "when": when_strength,
    "howmany": howmany_strength,
    "which": which_strength,
    "why": why_strength,
    "name": name_strength,
    "what": what_strength,
    "where": where_strength,
    "who": who_strength,
}


def kind_strength(
    sentence: str, kind: str, query: str, terms: Sequence[str], report_day: int | None = None
) -> float:
    """How plainly a (normalised) sentence holds the kind of fact asked for, from `NOTHING` to `PLAIN`.
    `report_day`: the day of the month of the report's dateline (新华社北京2月25日电): a "when" sentence
    dated only that day most often tells what the report is about, not the earlier event asked about."""
    if kind in ("what", "which") and _FIRST_ITEM_ASKED.search(query) and _FIRST_ITEM.match(sentence):
        return PLAIN  # 第一条经验是啥: 一是坚持党的领导，强化组织保证。
    strength = _STRENGTH.get(kind)
    return strength(sentence, Asked(query, tuple(terms), report_day)) if strength else NOTHING


# The first item of a list asked for (第一条经验, 头一项措施, 首要任务是什么), which news opens with 一是 / 第一，/
# 首先 in a sentence of its own after the one announcing the list (积累了许多宝贵经验。一是坚持党的领导).
_FIRST_ITEM_ASKED = re.compile(r"(?:第一|头一)(?:条|项|个|点)|首要")
_FIRST_ITEM = re.compile(r"^(?:一是|一要|第一[，,、是]|首先[，,是])")


def fact_test(query: str, terms: Sequence[str]) -> Callable[[str], bool] | None:
    """A cheap test of whether a passage holds the question's fact plainly (regular expressions, no
    segmentation): for how-many, a number in the unit asked, right before what is counted or right after
    what is measured; for who, a name after the post asked about; for what and which, a name (or a list)
    of the kind asked for; for where, where something took place. None for other questions, or when the
    question names no unit, post or kind. The ranking counts the words held beside such a passage."""
    q = normalize(query)
    kind = question_kind(query)
    if kind in ("what", "name", "which"):
        return instance_test(q, tuple(terms), kind)
    if kind == "who":
        return holder_test(q, tuple(terms))
    if kind == "where":
        return held_at_place
    if kind != "howmany":
        return None
    asked = Asked(q, tuple(terms))
    unit = unit_asked(q)
    amount = r"\d+(?:\.\d+)?(?:万亿|亿|万|千|百)?(?:多|余)?"
    if unit == DURATION:
        return None  # a length of time in any unit is common in news: no evidence for the ranking
    if unit == RATE:
        pattern = RATE_NUMBER.pattern
    elif unit is not None:
        pattern = amount + "(?:" + "|".join(re.escape(u) for u in SAME_UNIT.get(unit, (unit,))) + ")"
    else:
        counted, measured = counted_asked(asked), measured_asked(q)
        shapes = [ANY_NUMBER + r"[^，,。；;\d]{0,3}" + re.escape(counted)] if counted else []
        shapes += [re.escape(measured) + r"[^，,。；;\d]{0,6}?\d"] if measured else []
        if not shapes:
            return None
        pattern = "|".join(shapes)
    compiled = re.compile(pattern)
    return lambda text: compiled.search(text) is not None
