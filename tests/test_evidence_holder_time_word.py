"""The evidence ranking's fact test for who holds a post (`answers.fact_test` of a who question) sees the
holder's name when news writes a word of time between the name and what the person did (特别代表山本忠通日前
强调), as it does when the name is followed by the verb or the day (山本忠通表示, 山本忠通25日称)."""

from __future__ import annotations

import pytest

from storage.search.answers import fact_test

QUESTION = "2020年1月联合国秘书长阿富汗问题特别代表是谁"
TERMS = ("联合国", "秘书长", "阿富汗", "问题", "代表")


@pytest.mark.parametrize(
    "passage",
    [
        "联合国秘书长阿富汗问题特别代表山本忠通日前强调，军事方案无法解决阿富汗冲突。",
        "联合国秘书长阿富汗问题特别代表山本忠通当天表示，平民的伤亡完全不能接受。",
        "联合国秘书长阿富汗问题特别代表山本忠通表示，平民的伤亡完全不能接受。",
    ],
)
def test_a_name_then_a_word_of_time_then_the_verb_holds_the_post(passage: str) -> None:
    holds = fact_test(QUESTION, TERMS)
    assert holds is not None and holds(passage)


def test_a_word_of_time_after_the_post_is_no_name() -> None:
    holds = fact_test(QUESTION, TERMS)
    assert holds is not None and not holds(
        "联合国秘书长阿富汗问题特别代表当天表示，军事方案无法解决阿富汗冲突。"
    )
