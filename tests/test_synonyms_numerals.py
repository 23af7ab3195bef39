"""Issue 20: a count or an ordinal typed in the numerals the story does not print (第12届 where news prints
第十二届, 三十六条 where it prints 36条) counts as the word typed, in the candidates read and in the ranking."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.synonyms import numerals_written_otherwise, printed_forms
from storage.text.numerals import LARGEST_WRITTEN, chinese_number, chinese_numeral
from tests.search_support import stories_db


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (8, "八"),
        (10, "十"),
        (12, "十二"),
        (20, "二十"),
        (36, "三十六"),
        (100, "一百"),
        (105, "一百零五"),
        (110, "一百一十"),
        (1001, "一千零一"),
        (2500, "二千五百"),
        (9999, "九千九百九十九"),
    ],
)
def test_a_count_is_written_in_chinese_numerals(value: int, written: str) -> None:
    assert chinese_numeral(value) == written


def test_every_count_written_reads_back() -> None:
    assert all(chinese_number(chinese_numeral(v) or "") == v for v in range(1, LARGEST_WRITTEN + 1))


@pytest.mark.parametrize("value", [0, -3, LARGEST_WRITTEN + 1])
def test_no_count_outside_the_range_is_written(value: int) -> None:
    assert chinese_numeral(value) is None


@pytest.mark.parametrize(
    ("typed", "other"),
    [
        ("第12", "第十二"),
        ("第12届", "第十二届"),
        ("36条", "三十六条"),
        ("三十六条", "36条"),
        ("第十二届", "第12届"),
        ("80周年", "八十周年"),
        ("第3", "第三"),
    ],
)
def test_an_ordinal_or_a_count_has_its_other_numerals(typed: str, other: str) -> None:
    assert numerals_written_otherwise(typed) == (other,)
    assert other in printed_forms(typed)


@pytest.mark.parametrize("typed", ["36", "十二", "2019年", "三次", "第一", "两会", "茶馆", "第12号院"])
def test_a_bare_number_a_single_chinese_digit_or_another_word_has_none(typed: str) -> None:
    assert numerals_written_otherwise(typed) == ()


# (date, title, paragraphs): the festival story prints its ordinal in Chinese numerals; the others hold the
# question's other words, more often.
STORIES = [
    *(
        (
            f"2021-03-{day:02d}",
            f"桃花节筹备工作推进第{day}天",
            [f"桃花节筹备工作持续推进，游客服务中心已完成布置。第{day}天，志愿者上岗培训。"],
        )
        for day in range(10, 16)
    ),
    (
        "2021-04-02",
        "第十二届桃花节在龙泉山开幕",
        ["4月2日，第十二届桃花节在龙泉山开幕，活动将持续到4月20日。"],
    ),
    ("2021-04-05", "三十六条措施支持乡村产业", ["省里出台三十六条措施，支持乡村产业发展。"]),
    (
        "2021-04-06",
        "乡村产业措施出台",
        ["省里出台措施，支持乡村产业。措施涉及人才和土地，多项措施已经出台。"],
    ),
    ("2021-04-07", "乡村产业发展措施出台", ["市里出台措施，支持乡村产业发展，措施将陆续出台。"]),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("numerals"), STORIES)
    yield Searcher(db)
    db.close()


def test_the_story_printing_the_ordinal_in_chinese_answers_it_typed_in_digits(searcher: Searcher) -> None:
    resp = searcher.search("第12届桃花节在哪开幕", today=date(2021, 6, 1))
    assert resp.hits[0].title == "第十二届桃花节在龙泉山开幕"


def test_the_story_printing_the_count_in_chinese_answers_it_typed_in_digits(searcher: Searcher) -> None:
    resp = searcher.search("36条措施是哪天出台的", today=date(2021, 6, 1))
    assert resp.hits[0].title == "三十六条措施支持乡村产业"
