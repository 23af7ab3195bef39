"""Issue 20: jieba glues a Latin word to the number of the amount after it (人均GDP1万美元 is cut GDP1 / 万美元),
so the question searched for gdp1, held only by stories printing GDP glued to another figure; the number is
the amount's (`query._with_amounts_apart`), and a name holding digits (PM2.5, H5, K530) stays whole."""

from __future__ import annotations

import pytest

from storage.search.query import parse_query


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("人均GDP1万美元以上的国家有多少人口", ("人均", "gdp", "1万美元", "以上", "国家", "人口")),
        ("人均GDP超过1万美元的国家", ("人均", "gdp", "超过", "1万美元", "国家")),
        ("GDP2亿元的县有哪些", ("gdp", "2亿元")),
    ],
)
def test_the_number_before_a_numeral_unit_is_the_amounts(question: str, terms: tuple[str, ...]) -> None:
    assert parse_query(question).terms == terms


@pytest.mark.parametrize(
    ("question", "name"),
    [
        ("上半年全国PM2.5平均浓度是多少", "pm2.5"),
        ("换装H5一共有多少访问量", "h5"),
        ("柳州K530道口的警报器几点响的", "k530"),
    ],
)
def test_a_name_holding_digits_stays_whole(question: str, name: str) -> None:
    assert name in parse_query(question).terms
