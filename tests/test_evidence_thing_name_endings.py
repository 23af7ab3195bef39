"""A character that ends the name of a day, a festival, a season, an award or a cup (国际博物馆日, 采摘节, 赏花季,
五一劳动奖, LG杯) stays with the word before it when the parser glued it before the next word (`term_readings.reglued`,
`THING_ENDINGS`): 博物馆日 + 主题, not 博物馆 + 日主题, which other stories print (节日主题). A character ending a
name that the reading without suffixes left alone before a word the question drops is read with the name when
an article holds it (`term_readings.with_name_endings`): 大湾区跟香港 reads 大湾区, not 大湾."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest

from storage.search.engine import Searcher
from storage.search.term_readings import reglued, with_name_endings
from storage.text.segment import cut, tag
from tests.search_support import stories_searcher


@pytest.mark.parametrize(
    ("question", "glued", "read"),
    [
        ("2020年国际博物馆日主题是什么", ["国际", "博物馆", "日主题"], ["国际", "博物馆日", "主题"]),
        ("洛阳赏花季接待了多少游客", ["洛阳", "赏花", "季接待", "游客"], ["洛阳", "赏花季", "接待", "游客"]),
        ("全国五一劳动奖包括哪几类", ["全国", "五一劳动", "奖包括"], ["全国", "五一劳动奖", "包括"]),
        ("睦和村的脐橙采摘节半个月卖了多少斤", ["脐橙", "采摘", "节半个"], ["脐橙", "采摘节", "半个"]),
    ],
)
def test_the_name_of_a_day_a_season_or_an_award_keeps_its_last_character(
    question: str, glued: list[str], read: list[str]
) -> None:
    assert reglued(glued, cut(question)) == read


def test_a_year_typed_apart_is_no_name_ending() -> None:
    # 年 after a noun starts the next word (人均年纯收入: 年纯收入), and is not among the endings.
    assert reglued(["梁家", "河村", "人均", "年纯收入"], cut("梁家河村2018年人均年纯收入多少钱")) == [
        "梁家",
        "河村",
        "人均",
        "年纯收入",
    ]


# The story of the day's theme, and a story of museums' holiday exhibitions printing 节日主题 (which holds 日主题).
MUSEUM_STORIES = [
    (
        "2020-05-18",
        "国际博物馆日中国主会场活动在南京举行",
        ["今年国际博物馆日的主题是“致力于平等的博物馆：多元和包容”。", "主会场活动在南京博物院举行。"],
    ),
    (
        "2020-05-02",
        "各地博物馆推出节日主题展览",
        [
            "五一期间，多地博物馆推出节日主题展览，吸引国际游客前来参观。",
            "展览持续到月底，日主题活动每天不同。",
        ],
    ),
]


@pytest.fixture(scope="module")
def museum_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("thing_endings"), MUSEUM_STORIES) as searcher:
        yield searcher


def test_the_day_asked_about_finds_its_story(museum_searcher: Searcher) -> None:
    # Read as 博物馆 + 日主题, the holiday exhibitions' story held the rare 日主题 and came first.
    resp = museum_searcher.search("2020年国际博物馆日主题是什么", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "国际博物馆日中国主会场活动在南京举行"


@pytest.mark.parametrize(
    ("question", "loose", "typed", "read"),
    [
        (
            "大湾区跟香港连接的是哪个口岸",
            ["大湾", "香港", "连接", "口岸"],
            ["大湾区", "香港", "连接", "口岸"],
            ["大湾区", "香港", "连接", "口岸"],
        ),
        (
            "2019年度国家科学技术奖一共评出多少项目",
            ["国家", "科学技术", "评出"],
            ["国家", "科学技术奖", "评出"],
            ["国家", "科学技术奖", "评出"],
        ),
        ("古田镇在哪儿", ["古田"], ["古田镇"], ["古田镇"]),
        # glued to the next word, the character is `reglued`'s to put back
        (
            "国际博物馆日主题是什么",
            ["国际", "博物馆", "日主题"],
            ["国际", "博物馆日", "主题"],
            ["国际", "博物馆", "日主题"],
        ),
    ],
)
def test_a_name_ending_left_alone_goes_back_to_its_name(
    question: str, loose: list[str], typed: list[str], read: list[str]
) -> None:
    assert with_name_endings(loose, typed, tag(question)) == read


# A story of the bay area's port, and one of a village named 大湾村 whose headline and text print every other word.
BAY_STORIES = [
    (
        "2019-10-29",
        "粤港澳大湾区建设迈出坚实脚步",
        ["大湾区与香港连接的莲塘/香园围口岸正在加快建设。", "区内交通日益便利。"],
    ),
    (
        "2019-10-30",
        "大湾村公路连接香港客商常走的口岸",
        ["大湾村的新公路连接香港客商常走的口岸，香港的订单多了。", "客商说，口岸通关快，连接香港更方便。"],
    ),
]


@pytest.fixture(scope="module")
def bay_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    with stories_searcher(tmp_path_factory.mktemp("name_endings"), BAY_STORIES) as searcher:
        yield searcher


def test_the_bay_area_asked_about_finds_its_story(bay_searcher: Searcher) -> None:
    # Read as 大湾 (区 left alone before 跟 and dropped), the village's story held every word more often, and its
    # sentence was the answer.
    resp = bay_searcher.search("大湾区跟香港连接的口岸建得怎么样", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "粤港澳大湾区建设迈出坚实脚步"
    assert resp.answer is not None and resp.answer.sentence.startswith("大湾区与香港连接")
