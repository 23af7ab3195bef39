"""Issue 20: readers type the same question in many forms: a spoken or regional question word (啥时候, 几时,
哪旮旯, 几多, 是哪一位, 叫啥名), an opener or a lead-in (想问问, 谁知道, 对了，), a tail (…，你知道吗, 呢, 哇),
spaces inside a question word or between a number and its unit, a year with two digits (19年2月). Each is read
as its written form: the same words, the same kind of question, the same dates, the same answer."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storage.search.answers import question_kind
from storage.search.engine import Searcher
from storage.search.query import parse_query
from storage.search.spoken import written_form
from tests.search_support import stories_db, stories_searcher


@pytest.mark.parametrize(
    ("typed", "written"),
    [
        # a spoken question word is the written word of its kind
        ("渔乐山庄啥时候开张的", "渔乐山庄什么时候开张的"),
        ("中俄博览会啥时揭幕", "中俄博览会什么时候揭幕"),
        ("修订后的监狱法几时施行", "修订后的监狱法什么时候施行"),
        ("升旗仪式在哪旮旯举行", "升旗仪式在哪里举行"),
        ("哈尔克岛在哪疙瘩", "哈尔克岛在哪里"),
        ("福建取消了几多项报表", "福建取消了多少项报表"),
        ("中国奥委会主席是哪一位", "中国奥委会主席是哪位"),
        ("副司长是啥人", "副司长是什么人"),
        ("那首诗叫啥名", "那首诗叫什么名字"),
        # openers, lead-ins and tails ask nothing of the topic
        ("想问问东湖学院在哪个镇办的讲座", "东湖学院在哪个镇办的讲座"),
        ("谁知道进博会什么时候开幕", "进博会什么时候开幕"),
        ("另外问下，天津专班破了多少起案子", "天津专班破了多少起案子"),
        ("还有，苏苏村一共多少户", "苏苏村一共多少户"),
        ("话说乌兹别克斯坦总理叫什么名字", "乌兹别克斯坦总理叫什么名字"),
        ("安吉余村党支部书记是谁，你知道吗", "安吉余村党支部书记是谁"),
        ("阿联酋为什么把2019年定成包容之年哇", "阿联酋为什么把2019年定成包容之年"),
        ("哈尔克岛在哪里呢?", "哈尔克岛在哪里?"),
        # spaces inside a question word, and between a number and its unit
        ("日本 什么 时候 解禁武器出口", "日本 什么时候 解禁武器出口"),
        ("蒙牛 捐 的 1200 万元", "蒙牛 捐 的 1200万元"),
        # a two-digit year before a month, a span of months, a part of the year, or opening the question
        ("19年2月和栗战书会谈的伊朗议长是谁", "2019年2月和栗战书会谈的伊朗议长是谁"),
        ("天竺镇19年1到11月办了多少件诉求", "天竺镇2019年1到11月办了多少件诉求"),
        ("阿尔山到18年底改造了多少户", "阿尔山到2018年底改造了多少户"),
        ("19年学生资助新设了什么奖学金", "2019年学生资助新设了什么奖学金"),
    ],
)
def test_a_typed_form_is_read_as_its_written_form(typed: str, written: str) -> None:
    assert written_form(typed) == written


@pytest.mark.parametrize(
    "typed",
    [
        "还有多少天过年",  # 还有 asks here: no lead-in without a mark after it
        "近10年底",  # a count of years, not a year
        "这20年来的变化",
        "十几时",  # 几 after 十 is a few
        "什么时代",  # 什么时 of an era asks no time
        "附近有哪些酒吧",  # 吧 of a word is no particle
        "保交楼",
    ],
)
def test_what_is_no_spoken_form_is_kept(typed: str) -> None:
    assert written_form(typed) == typed


@pytest.mark.parametrize(
    ("plain", "typed"),
    [
        ("修订后的监狱法什么时候施行", "修订后的监狱法几时施行"),
        ("中俄博览会什么时候揭幕", "中俄博览会啥时揭幕"),
        ("丁薛祥在哪里接见获奖外国专家", "丁薛祥在哪旮旯接见获奖外国专家"),
        ("毛里湖周边有多少家养殖场退养转型", "毛里湖周边有几多家养殖场退养转型"),
        ("中国奥委会主席是谁", "中国奥委会主席是哪一位"),
        ("珠澳设计中心入驻了多少家澳门设计企业", "你知道珠澳设计中心入驻了多少家澳门设计企业吗"),
        ("第三十四批援苏丹医疗队接诊了多少患者", "还有，第三十四批援苏丹医疗队接诊了多少患者"),
        ("日本什么时候通过内阁决议解禁武器出口", "日本 什么 时候 通过 内阁 决议 解禁 武器 出口"),
        ("2019年2月回应网络窃密炒作的外交部发言人是谁", "19年2月回应网络窃密炒作的外交部发言人是谁"),
    ],
)
def test_a_typed_form_has_the_words_kind_and_dates_of_its_plain_form(plain: str, typed: str) -> None:
    asked, read = parse_query(plain), parse_query(typed)
    assert set(read.terms) == set(asked.terms)
    assert read.question and asked.question
    assert [d.label() for d in read.dates] == [d.label() for d in asked.dates]
    assert question_kind(read.asked) == question_kind(asked.asked)


def test_the_typed_text_is_kept_as_typed_and_a_plain_question_reads_as_typed() -> None:
    read = parse_query("中俄博览会啥时揭幕")
    assert read.raw == "中俄博览会啥时揭幕"
    assert read.asked == "中俄博览会什么时候揭幕"
    plain = parse_query("中俄博览会什么时候揭幕")
    assert plain.written == "" and plain.asked == plain.raw


STORIES = [
    (
        "2019-06-12",
        "第六届中俄博览会在哈尔滨开幕",
        [
            "新华社哈尔滨6月15日电 第六届中俄博览会15日在哈尔滨国际会展体育中心开幕。",
            "本届博览会展览面积8.5万平方米，共有1400余家企业参展。",
        ],
    ),
    (
        "2019-06-20",
        "哈尔滨会展中心迎来夏季展会",
        ["哈尔滨国际会展体育中心今夏将举办多场展会，市民可提前预约参观。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    db = stories_db(tmp_path_factory.mktemp("typed"), STORIES)
    yield Searcher(db)
    db.close()


TODAY = date(2019, 7, 1)


@pytest.mark.parametrize(
    ("typed", "fact"),
    [
        ("中俄博览会几时开幕", "15日"),
        ("中俄博览会啥时开幕呀", "15日"),
        ("请问中俄博览会在哪旮旯开幕", "哈尔滨国际会展体育中心"),
        ("中俄博览会有几多家企业参展，你知道吗", "1400余家"),
    ],
)
def test_a_typed_form_gets_the_answer_of_its_plain_form(searcher: Searcher, typed: str, fact: str) -> None:
    resp = searcher.search(typed, today=TODAY)
    assert resp.hits[0].title == "第六届中俄博览会在哈尔滨开幕"
    assert resp.answer is not None and fact in resp.answer.sentence
    assert resp.query == typed  # the reply names the question as typed


# A status question ending the message (issue 20, continued): 保交楼那事怎么样了 asks how things stand now.
@pytest.mark.parametrize(
    ("asked", "written"),
    [
        ("保交楼那事怎么样了", "保交楼现在怎么样了"),
        ("保交楼后来咋样了？", "保交楼现在怎么样了？"),
        ("保交楼进展如何", "保交楼现在怎么样了"),
        ("保交楼目前的进展如何", "保交楼现在怎么样了"),
        # a status clause asking a number after it: the number is asked
        ("乡村医生培训那事怎么样了 首批多少人参加", "乡村医生培训那事怎么样了 首批多少人参加"),
        ("保交楼怎么样", "保交楼怎么样"),  # how good, not how it stands
    ],
)
def test_a_status_question_ending_the_message_asks_about_now(asked: str, written: str) -> None:
    assert written_form(asked) == written


def test_a_status_question_puts_the_newest_story_first(tmp_path: Path) -> None:
    stories = [
        ("2023-03-01", "乡村医生培训启动", ["全县乡村医生培训今日启动，首批120人参加。"]),
        ("2023-09-01", "乡村医生培训结业", ["全县乡村医生培训今日结业，首批120人全部合格。"]),
        ("2023-06-01", "乡村医生培训过半", ["全县乡村医生培训已经过半，首批120人进展顺利。"]),
    ]
    with stories_searcher(tmp_path, stories) as searcher:
        for asked in ("乡村医生培训那事怎么样了", "乡村医生培训后来咋样了", "乡村医生培训进展如何"):
            assert searcher.search(asked, limit=3).hits[0].title == "乡村医生培训结业", asked
