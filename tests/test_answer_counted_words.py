"""Issue 20, how many: a number written right before what is counted counts it though no unit stands between
them (多少回合: 战至62回合); people asked with 几个 are counted in 人 (缺席59人); 近百件 is a count."""

from __future__ import annotations

from storage.search.answers import PLAIN
from tests.answer_support import answer_line, fact_strength


def test_a_number_right_before_what_is_counted_counts_it() -> None:
    question = "那盘棋下到多少回合才分出胜负"
    assert fact_strength("双方鏖战至86回合，白方认输。", "howmany", question) == PLAIN
    salute = "开幕式上鸣放了多少响礼炮"
    assert fact_strength("上午10时，21响礼炮响彻会场。", "howmany", salute) == PLAIN
    # a number of something else, far from the word, does not count it
    assert fact_strength("3名棋手进入了决赛的最后回合。", "howmany", question) < PLAIN


def test_the_counted_number_answers_over_a_sentence_without_it() -> None:
    body = (
        "当地时间15日，象棋公开赛决赛第五盘结束，棋手林海执红再胜对手。\n"
        "开局阶段双方走得谨慎，中局林海抓住对手失误。\n"
        "最终战至74回合，林海赢得胜利，总比分领先。"
    )
    assert "74回合" in answer_line("林海第五盘下到多少回合赢的", "林海再胜", body)


def test_people_asked_with_ge_are_counted_in_ren() -> None:
    question = "大会那天上午有几个代表缺席"
    assert fact_strength("上午的会议，出席2897人，缺席59人。", "howmany", question) == PLAIN
    # a count of something else in 个 is no count of the people
    assert fact_strength("会议审议了3个报告。", "howmany", question) < PLAIN


def test_nearly_a_hundred_is_a_count() -> None:
    question = "老匠人这些年仿了多少件青铜器"
    assert fact_strength("数十年来，他已仿制出近百件青铜器。", "howmany", question) == PLAIN
    # 近两年 is "these two years", no count
    assert fact_strength("近两年他很少出门。", "howmany", question) < PLAIN
