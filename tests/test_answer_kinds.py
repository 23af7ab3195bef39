"""Issue 20: answers that hold the thing asked for — the number with the unit, the item of a list, the
name of a kind — on small hand-written sentences shaped like the way Chinese news states a fact."""

from __future__ import annotations

import pytest

from storage.search.answer import (
    LIKELY,
    NOTHING,
    PLAIN,
    best_sentence,
    category_asked,
    kind_strength,
)


@pytest.mark.parametrize(
    ("question", "category"),
    [
        ("矿工下井乘坐什么车", "车"),
        ("电视剧还会在哪些频道重播", "频道"),
        ("委员长看望了哪些新闻单位", "单位"),  # the head noun of 新闻单位
        ("当地的单项冠军企业有哪些", "企业"),  # the noun before 有哪些
        ("那个样板村叫什么村", "村"),
        ("悬崖村正式村名叫什么", "村"),  # X名叫什么
        ("新发现的油田叫什么名字", None),  # 名字 names no kind of thing
        ("那口井叫啥", None),
    ],
)
def test_the_kind_of_thing_a_question_asks_for(question: str, category: str | None) -> None:
    assert category_asked(question) == category


def test_a_list_of_the_kind_asked_for_is_the_plain_answer() -> None:
    q, terms = "委员长看望了哪些新闻单位", ["委员长", "看望", "新闻"]
    listed = "人民日报社、新华社、中央广播电视总台等单位负责同志参加。"
    other = "他向新闻工作者表示问候，并与大家一一握手、交谈。"
    assert kind_strength(listed, "which", q, terms) == PLAIN
    assert kind_strength(other, "which", q, terms) < PLAIN


def test_items_that_end_in_the_kind_asked_for_make_a_list() -> None:
    q, terms = "电视剧还会在哪些频道重播", ["电视剧", "还会", "频道", "重播"]
    assert kind_strength("该剧还将在综艺频道、中文国际频道重播。", "which", q, terms) == PLAIN


def test_the_list_answer_is_the_one_with_the_items_asked_for() -> None:
    docs = [
        (
            1,
            "电视剧《回家》首播",
            "电视剧《回家》18日至19日在综合频道首播，讲述了三个家庭、两代人的矛盾、排斥和和解。"
            "《回家》还将在综艺频道、中文国际频道、电视剧频道重播。",
        )
    ]
    answer = best_sentence("《回家》还会在哪些频道重播", ["回家", "还会", "频道", "重播"], docs)
    assert answer is not None and "中文国际频道" in answer.sentence


@pytest.mark.parametrize(
    ("sentence", "strength"),
    [
        ("车辆驶过新修的柏油路，很快就进入约特村。", PLAIN),  # a name ending in the kind asked for
        ("这里是政府计划打造的样板村之一。", NOTHING),  # the question's own word is no name
        ("安置点将安置来自28个乡镇、92个行政村的群众。", NOTHING),  # a class counted, no name
    ],
)
def test_a_name_of_the_kind_asked_for(sentence: str, strength: float) -> None:
    q, terms = "印度理想乡村计划的样板村叫什么村", ["印度", "理想", "乡村", "计划", "样板村"]
    assert kind_strength(sentence, "name", q, terms) == strength


def test_a_quoted_name_of_the_kind_asked_for_answers_a_what_question() -> None:
    q, terms = "矿工下井乘坐什么车", ["矿工", "下井", "乘坐"]
    assert kind_strength("矿工们先后搭乘“猴车”和火车，向采煤区行进。", "what", q, terms) == LIKELY
    assert kind_strength("矿工们穿上20多斤重的工作装备。", "what", q, terms) < LIKELY
