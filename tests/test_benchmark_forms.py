"""The forms check (`benchmarks.forms`): the tuned sets' questions rewritten into the forms readers type, each
rewrite keeping the question's meaning, and none taken from a validation or held-out set."""

from __future__ import annotations

import pytest

from benchmarks import forms


@pytest.mark.parametrize(
    ("rewrite", "plain", "typed"),
    [
        (forms.sha_for_shenme, "联合国拉加经委会总部设在什么地方", "联合国拉加经委会总部设在啥地方"),
        (forms.howmany_jiduo, "福建省直单位取消了多少项疫情防控报表", "福建省直单位取消了几多项疫情防控报表"),
        (forms.howmuch_money, "2019年1月全国出口农产品多少亿元", "2019年1月全国出口农产品多少钱"),
        (forms.spaces, "国际原子能机构总干事是谁", "国际原子能机构 总干事 是 谁"),
        (forms.widths, "2026年对台工作会议在哪里召开", "２０２６年对台工作会议在哪里召开"),
        (forms.qword_front, "话剧小镇琴声的编剧是谁", "谁是话剧小镇琴声的编剧"),
        (forms.qword_front, "廖锡龙什么时候离世", "什么时候廖锡龙离世"),
        (forms.qword_last, "中俄博览会什么时候揭幕", "中俄博览会揭幕是什么时候"),
        (forms.qword_last, "推动长江经济带发展座谈会在哪儿开的", "推动长江经济带发展座谈会开的地方在哪"),
        (
            forms.chinese_numerals,
            "2019年2月初李克强到内蒙古哪个市考察的",
            "二〇一九年二月初李克强到内蒙古哪个市考察的",
        ),
        (forms.chinese_numerals, "12月哪天开幕", "十二月哪天开幕"),
        (forms.short_year, "2020年5月有哪些企业参加", "20年5月有哪些企业参加"),
    ],
)
def test_a_form_rewrites_the_question_as_readers_type_it(rewrite, plain: str, typed: str) -> None:
    assert rewrite(plain) == typed


@pytest.mark.parametrize(
    ("rewrite", "plain"),
    [
        (forms.qword_front, "说…罕见的是谁"),  # 的是谁: a clause, not a description to put after 谁是
        (forms.qword_front, "天津给复工人员搞定制包车，道路运输局副局长是谁"),  # two clauses
        (forms.qword_last, "北京冬奥会那个叫冰坛的训练馆在哪条街上"),  # 哪条街 asks which street
        (forms.qword_last, "浙江自贸区那套做法从哪天起推广到全国"),  # 从哪天起: the word belongs to 从
        (forms.chinese_numerals, "哈尔克岛在哪里"),  # no year nor month to write out
        (forms.who_spoken, "哈尔克岛在哪里"),
    ],
)
def test_a_form_that_does_not_fit_gives_no_variant(rewrite, plain: str) -> None:
    assert rewrite(plain) is None


def test_the_same_question_gets_the_same_spoken_word_each_time() -> None:
    assert forms.when_spoken("廖锡龙什么时候离世") == forms.when_spoken("廖锡龙什么时候离世")
    assert forms.when_spoken("廖锡龙什么时候离世") in {
        f"廖锡龙{w}离世" for w in ("啥时候", "啥时", "几时", "多会儿")
    }


def test_only_tuned_sets_feed_the_check() -> None:
    assert set(forms.SOURCES) == {"tuning", "dev", *(f"dev{n}" for n in range(2, 13))}
    assert not {"frozen", "heldout2", "dev13"} & set(forms.SOURCES)
