"""Numbers in Chinese numerals (storage/text/numerals.py) and the readers that use them: page and result
numbers in the chat, dates in queries and articles."""

from __future__ import annotations

import pytest

from bot.chat.intents import PageAsked, page_asked, result_asked
from storage.search.query import parse_query
from storage.text.numerals import chinese_number
from storage.text.segment import digits_in_dates


@pytest.mark.parametrize(
    ("typed", "value"),
    [
        ("12", 12),
        ("八", 8),
        ("两", 2),
        ("十", 10),
        ("十二", 12),
        ("二十", 20),
        ("三十一", 31),
        ("二〇二三", 2023),
        ("二〇一九", 2019),
        # Issue 32: 百 and 千 were not read (第一百页 was searched and corrected to 百业).
        ("一百", 100),
        ("一百零二", 102),
        ("两百", 200),
        ("一百一十", 110),
        ("一百二", 120),
        ("九百九十九", 999),
        ("一千", 1000),
        ("一千零一", 1001),
        ("一千零二十三", 1023),
        ("两千五", 2500),
        ("三千五百", 3500),
    ],
)
def test_chinese_numbers_are_read(typed: str, value: int) -> None:
    assert chinese_number(typed) == value


@pytest.mark.parametrize(
    "typed",
    ["", "百", "千", "十百", "一百十", "一百零", "一零", "十十", "三二", "二十零", "零十", "第", "一百零十"],
)
def test_what_is_no_number_is_none(typed: str) -> None:
    assert chinese_number(typed) is None


@pytest.mark.parametrize(
    ("typed", "page"),
    [("第一百页", 100), ("第一百零二页", 102), ("第两百页", 200), ("第十一页", 11), ("第 一 百 页", 100)],
)
def test_a_page_number_in_hundreds_asks_for_that_page(typed: str, page: int) -> None:
    assert page_asked(typed) == PageAsked(number=page)


@pytest.mark.parametrize(
    ("typed", "number"),
    [("第两百篇", 200), ("打开第十一条", 11), ("打开第一百零一条", 101), ("看第一千篇", 1000)],
)
def test_a_result_number_in_hundreds_asks_for_that_result(typed: str, number: int) -> None:
    assert result_asked(typed) == number


@pytest.mark.parametrize(
    ("typed", "number"), [("#3", 3), ("＃3", 3), ("# 2", 2), ("#12。", 12), ("3", 3), ("第3条", 3)]
)
def test_a_number_after_a_hash_asks_for_that_result(typed: str, number: int) -> None:
    """Issue 34: `#3` alone was searched as a word; lists number their items, so it names item 3."""
    assert result_asked(typed) == number


@pytest.mark.parametrize("typed", ["#", "#123", "#3号线", "C#3", "#三"])
def test_a_hash_before_no_list_number_is_not_a_result(typed: str) -> None:
    assert result_asked(typed) is None


@pytest.mark.parametrize(
    ("text", "read"),
    [
        ("二〇一九年十月一日", "2019年10月1日"),
        ("二零二三年四月六号", "2023年4月6号"),
        ("十二月三十一日", "12月31日"),
        ("三月份", "3月"),
        ("一百月", "一百月"),  # no month
        ("十月三十二日", "十月三十二日"),  # no such day: left as typed
    ],
)
def test_dates_in_chinese_numerals_read_as_before(text: str, read: str) -> None:
    assert digits_in_dates(text) == read


def test_a_query_with_a_date_in_chinese_numerals_reads_the_date() -> None:
    parsed = parse_query("二〇一九年十月一日 阅兵")
    assert [d.label() for d in parsed.dates] == ["2019年10月1日"]
    assert parsed.terms == ("阅兵",)
