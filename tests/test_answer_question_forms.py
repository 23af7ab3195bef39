"""Issue 20, the answer line on the tuned seventh set: questions read as readers type them (头一份, 现在是什么
职务, 从哪来, 哪条街, 今年以来), each on a small hand-written story shaped as news answers it."""

from __future__ import annotations

import pytest

from storage.search.answers import question_kind
from tests.answer_support import answer_line


# 头一 is the spoken 第一 (头一份工作 = 第一份工作 = 首份工作).
def test_the_spoken_first_is_the_written_first() -> None:
    body = (
        "“我们要把大家组织起来。”驻村工作队队长带来了好消息。3月中旬，帕提麦和25个姐妹一起加入村里的"
        "“脱贫攻坚巾帼突击队”。她们的第一份工作，就是在村里的合作社编苇席，每月能挣2000多元。"
    )
    assert "编苇席" in answer_line("巾帼突击队的姐妹们头一份工作干啥", "一户一岗增收脱贫", body)


# 现在是什么职务: news gives the post now with 现为 / 现任.
def test_a_post_asked_is_answered_by_the_post_given_now() -> None:
    body = (
        "在他的努力下，村集体开办了餐厅，注册了商标，十八洞村的致富路越走越宽。\n"
        "村民们说起他，都竖大拇指，多亏了我们的好队长！\n"
        "石登高现为花垣县政府办公室主任，曾任十八洞村精准扶贫工作队队长。"
    )
    answer = answer_line("十八洞村那个好队长现在是什么职务", "好队长石登高", body)
    assert "花垣县政府办公室主任" in answer


# Where from: 从哪来, 哪里人.
@pytest.mark.parametrize("question", ["开面馆的那对夫妻是从哪来的", "他是哪里人", "这笔钱是从哪来的"])
def test_where_from_asks_where(question: str) -> None:
    assert question_kind(question) == "where"


# 哪条街: a street is a place.
def test_which_street_asks_where() -> None:
    assert question_kind("董必武故居在红安哪条街上") == "where"
    body = (
        "在湖北红安县城关镇民主街上，商铺林立，车流不息。一个由三排青灰色砖房组成的院落静静坐落于此，"
        "这便是董必武的故居。\n走进故居纪念园，大门左手边写着“董恒豫米行”。"
    )
    assert "民主街" in answer_line("董必武故居在红安哪条街上", "朴诚勇毅传家风", body)


# 今年以来 in a question: news prints it before the figures of that period.
def test_a_period_asked_is_read_in_the_sentence_printing_it() -> None:
    body = (
        "墨玉县地处沙漠南缘，产业基础脆弱。墨玉县积极构建产业体系，培育8个产业。\n"
        "几家村办企业发展受限，工作队建设了小微企业园区，迄今已有3家企业入驻，吸纳31人在家门口就业。\n"
        "今年以来，墨玉县已有36760人实现就近就业。"
    )
    assert "36760人" in answer_line("墨玉县今年以来有多少人在家门口就近就业了", "一户一岗增收脱贫", body)
