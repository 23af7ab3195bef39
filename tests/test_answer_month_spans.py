"""Issue 20, months asked as a span: a question naming a span of months (2020年1到4月, 前9个月) asks the figure news
prints under the span (1—4月份，全国…累计完成), in any of the forms news prints it, not the figure of its last month."""

from __future__ import annotations

from storage.search.answers.coverage import Coverage, unit_weights
from storage.search.answers.questions import DATE_LENGTH, question_dates, span_forms
from storage.search.answers.reading import read
from tests.answer_support import answer_line


def test_a_span_of_months_is_one_word_of_the_question() -> None:
    spans = question_dates("2020年1到4月快递业务量一共多少")
    assert len(spans) == 1 and spans[0][0] == "1—4月"  # not 4月, its last month
    assert question_dates("3月到4月出口了多少口罩")[0][:1] == ("3—4月",)  # not 3月 and 4月
    # the first months of a year, in digits or in words
    assert question_dates("去年前9个月接待了多少人") == [span_forms(1, 9)]
    assert question_dates("前九个月接待了多少人") == [span_forms(1, 9)]
    assert question_dates("2019年前3个月网上零售额多少") == [("2019年",), span_forms(1, 3)]
    # a single month stays a month; a span ending before it starts is no span
    assert question_dates("4月份猪肉涨了多少") == [("4月",)]
    assert question_dates("5到3月出口了多少") == [("3月",)]


def test_each_printed_form_of_the_span_holds_it() -> None:
    forms = question_dates("2020年1到4月快递业务量一共多少")[0]
    for printed in ("1—4月份", "1-4月", "1～4月", "1至4月", "1月至4月", "1到4月", "前4个月", "前四个月"):
        sentence = f"{printed}，全国快递业务量累计完成190.3亿件。"
        body = "记者从国家邮政局获悉。\n" + sentence
        article = read([(1, "快递业务量", body)], 1)[0]
        cover = Coverage([forms], article)
        assert cover.share((1,)) == 1.0, printed
        assert cover.share((0,)) == 0.0, printed
    # the month that ends the span alone is not the span
    assert "4月" not in forms and "4月份" not in forms


def test_a_span_weighs_as_a_date() -> None:
    forms = span_forms(1, 4)
    (weight,) = unit_weights([forms], ["1—4月份，快递业务量累计完成190.3亿件。"])
    assert weight == DATE_LENGTH  # held by the one sentence: length times 1 + ln(1 / 1)


def test_the_figure_of_the_span_answers_over_the_last_month_s() -> None:
    body = (
        "国家邮政局5月14日发布数据。\n"
        "4月份，全国快递业务量完成65亿件，同比增长31.2%，快递业务收入一共完成660.4亿元。\n"
        "1—4月份，全国快递业务量累计完成190.3亿件，同比增长11.3%。\n"
        "快递业务收入累计完成2180亿元。"
    )
    assert "190.3亿件" in answer_line("2020年1到4月全国快递业务量一共多少", "快递业务量回升", body)
    # the same story asked about the last month alone still answers with that month's figure
    assert "65亿件" in answer_line("2020年4月全国快递业务量一共多少", "快递业务量回升", body)
