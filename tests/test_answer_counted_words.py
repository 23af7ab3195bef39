"""Issue 20, how many: people asked with 几个 are counted in 人 (几个代表缺席: 缺席59人); 近百件 is a count."""

from __future__ import annotations

from storage.search.answers import PLAIN
from tests.answer_support import answer_line, fact_strength


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


def test_the_count_of_people_answers_over_a_count_of_things() -> None:
    body = (
        "大会开幕当天上午举行第一次全体会议，会议审议了3个报告。\n"
        "上午的会议，出席2897人，缺席59人，出席人数符合法定人数。\n"
        "代表们认真听取了报告。"
    )
    assert "缺席59人" in answer_line("大会开幕那天上午有几个代表缺席", "大会开幕", body)
