"""Issue 20: how a question's words are read for evidence ranking — how questions are written (commas,
a conjunction before a name, 哪 with its measure word, adverbs, a number with its measure word, the first
days of an event, a name starting with 新闻, a character glued to the word after it that ends the word before) and how news is written (a year's figures printed the next
year, 当地 for a place named before, a post followed by the name of its holder, a name before its kind)."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest
import sqlite_utils

from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_file
from storage.search import evidence
from storage.search.answers import fact_test
from storage.search.dates.absolute import DateSpec
from storage.search.dates.relative import relative_periods
from storage.search.engine import Searcher
from storage.search.query import parse_query
from storage.search.term_readings import reglued, rescued
from storage.text.segment import cut, dictionary_word


def test_a_comma_separates_the_words_around_it() -> None:
    # 40年，跟李克强: the characters before and after the comma were never one name.
    terms = parse_query("改革开放40年，跟李克强总理握过手的人有哪些").terms
    assert "李克强" in terms
    assert not any("，" in t or ("年" in t and "李克强" in t) for t in terms)


def test_a_conjunction_jieba_glues_to_a_name_is_split_off() -> None:
    # jieba cuts 习近平和普京 into 习近平 / 和普京; the story prints 同普京 or 普京 alone.
    assert parse_query("习近平和普京什么时候举行会谈").terms == ("习近平", "普京", "举行会谈")
    # a word that only starts with the character (和平, 同济) is not a name after a conjunction
    assert parse_query("和平饭店在哪").terms[0] == "和平"
    assert parse_query("同济大学校长是谁").terms[0] == "同济大学"


@pytest.mark.parametrize("question", ["训练馆在哪条街上", "那个训练馆在哪条街上？"])
def test_the_measure_word_of_a_which_question_is_no_term(question: str) -> None:
    terms = parse_query(question).terms
    assert "街上" in terms
    assert not any(t.startswith("条") for t in terms)


def test_adverbs_of_a_question_are_no_evidence() -> None:
    assert parse_query("全国已经收获小麦多少亩").terms == ("全国", "收获", "小麦")
    # a keyword search keeps every word typed
    assert "已经" in parse_query("已经 收获 小麦").terms


def test_a_glued_character_is_let_go_before_a_dictionary_word_is_cut() -> None:
    # 伊斯兰国残余 read without suffixes glues 国 to 残余: 残余 is the word, 国残 is no word.
    assert rescued("国残余", known=(dictionary_word,)) == ["残余", "国残"]
    assert rescued("王毅跟", known=(dictionary_word,))[0] == "王毅"
    assert rescued("县支教", known=(dictionary_word,))[0] == "支教"
    # both 国手 and 手里 are words; the question (伊斯兰国手里) was cut with 手里
    assert rescued("国手里", known=({"手里"}.__contains__, dictionary_word)) == ["手里", "国手"]


def test_a_year_asked_about_is_evidence_when_the_story_prints_it() -> None:
    year = [DateSpec("2018年", 0, year=2018)]
    assert evidence.date_evidence("2019-02-09", "2018年，全国博物馆接待观众10亿人次。", year) == (0.0, 1.0)
    assert evidence.date_evidence("2019-02-09", "全国博物馆接待观众10亿人次。", year) == (0.0, 0.0)
    assert evidence.date_evidence("2018-05-09", "全国博物馆接待观众。", year) == (1.0, 0.0)


def test_a_report_on_the_year_asked_about_comes_out_the_next_year() -> None:
    """Issue 20 (third development set): a year's figures and reports are printed the next year; a story
    dated then whose headline names the year (2019年中国学生资助发展报告) or says 去年 is dated in it almost as
    much as one printed that year."""
    year = [DateSpec("2019年", 0, year=2019)]
    title = "2019年中国学生资助发展报告"
    report = evidence.date_evidence("2020-05-21", title + "\n学生资助是一项工程。", year, headline=title)
    assert report == (evidence.REPORTED_LATER, 1.0)
    title = "去年12月末 我国外储规模达3.1万亿美元"
    last_year = evidence.date_evidence("2020-01-08", title + "\n外汇储备规模上升。", year, headline=title)
    assert last_year[0] == evidence.REPORTED_LATER
    # the year only in its text, or a story two years later, is no report on it
    text = "学生资助报告\n2019年，资助学生1亿人次。"
    assert evidence.date_evidence("2020-05-21", text, year, headline="学生资助报告")[0] == 0.0
    title = "2019年学生资助报告"
    assert evidence.date_evidence("2021-05-21", title + "\n资助学生。", year, headline=title)[0] == 0.0
    # a month asked for is not read this way (a story of the month after that names it is: below)
    month = [DateSpec("2019年11月", 11, year=2019)]
    title = "去年11月外储"
    assert evidence.date_evidence("2020-01-08", title + "\n外汇储备。", month, headline=title)[0] == 0.0


def test_a_report_on_the_month_asked_about_comes_out_the_next_month() -> None:
    """Issue 20 (fifth development set): a month's figures come out the month after (4月主要经济数据出炉 of
    May 16); a story dated the next month whose headline names the month, or says 上月, is dated in it almost
    as much as one printed that month."""
    april = [DateSpec("2020年4月份", 4, year=2020)]
    title = "4月主要经济数据出炉"
    report = evidence.date_evidence(
        "2020-05-16", title + "\n4月份，汽车产量为210万辆。", april, headline=title
    )
    assert report == (evidence.REPORTED_LATER, 1.0)
    title = "上月CPI同比上涨3.3%"
    assert evidence.date_evidence("2020-05-12", title + "\n物价。", april, headline=title)[0] == (
        evidence.REPORTED_LATER
    )
    december = [DateSpec("2019年12月", 12, year=2019)]
    title = "去年12月末 我国外储规模达3.1万亿美元"
    assert evidence.date_evidence("2020-01-08", title + "\n外储。", december, headline=title)[0] == (
        evidence.REPORTED_LATER
    )
    # the month only in its text, a story two months later, a 14月 that is no month: no report on it
    text = "经济数据出炉\n4月份，汽车产量为210万辆。"
    assert evidence.date_evidence("2020-05-16", text, april, headline="经济数据出炉")[0] == 0.0
    title = "4月主要经济数据"
    assert evidence.date_evidence("2020-06-16", title + "\n数据。", april, headline=title)[0] == 0.0
    assert evidence.date_evidence("2020-05-16", "第14月\n数据。", april, headline="第14月")[0] == 0.0
    # a day asked for keeps its own reading (a day or two after)
    day = [DateSpec("4月6日", 4, year=2020, day=6)]
    title = "4月主要经济数据"
    assert evidence.date_evidence("2020-05-16", title + "\n数据。", day, headline=title)[0] == 0.0


def test_the_report_on_the_month_asked_about_ranks_above_an_older_story() -> None:
    terms = [evidence.Term("汽车产量", 3, 9.0), evidence.Term("全国", 3000, 3.0)]
    stories = [
        evidence.Candidate(
            1, "园区创新热", "全国汽车产量中，临港基地新能源汽车占22.6%，汽车产量增长。", "2019-02-18"
        ),
        evidence.Candidate(
            2, "4月主要经济数据出炉", "全国工业生产恢复，其中汽车产量为210万辆。", "2020-05-16"
        ),
    ]
    ranked = evidence.rank(terms, stories, n=9000, dates=[DateSpec("2020年4月份", 4, year=2020)])
    assert [r.id for r in ranked] == [2, 1]


@pytest.mark.parametrize(
    ("question", "noun"),
    [
        ("发现中国贡献全球绿化的那篇论文第一作者是谁", "论文"),
        ("首尔那个中韩旅游摄影展一共挑了多少幅作品", "作品"),
        ("首尔那个中韩旅游摄影展一共挑了几幅作品", "作品"),  # 几 before any measure word asks a count too
        ("湖北现在一天能生产多少套医用防护服", "医用"),
        ("鄂州葛店那家生产84消毒液的公司董事长叫啥", "生产"),
        ("那起案子的嫌疑人是谁", "案子"),
    ],
)
def test_a_measure_word_after_a_count_or_a_demonstrative_is_no_part_of_the_noun(
    question: str, noun: str
) -> None:
    """Issue 20 (fifth development set): jieba glues the measure word of 那篇 / 多少幅 / 那家 to the noun after
    it (篇论文, 幅作品, 家生产), a word no story prints."""
    terms = parse_query(question).terms
    assert noun in terms
    assert not any(t.endswith(noun) and t != noun for t in terms)
    # words that only start with a measure word's character stay whole (部分 of 这部分, the place 那曲)
    assert parse_query("这部分人是谁").terms == ("这部分",)
    assert parse_query("那曲在哪").terms == ("那曲",)
    # a keyword search keeps what was typed
    assert parse_query("这家公司").terms == ("这家", "公司")


def test_the_story_printing_the_year_asked_about_ranks_first() -> None:
    terms = [evidence.Term("博物馆", 2, 5.0), evidence.Term("全国", 2, 3.0)]
    both = [
        evidence.Candidate(1, "博物馆热", "全国博物馆今年推出线上展览，观众很多。", "2020-05-18"),
        evidence.Candidate(2, "博物馆热", "2018年，全国博物馆接待观众近10亿人次。", "2019-02-09"),
    ]
    ranked = evidence.rank(terms, both, n=100, dates=[DateSpec("2018年", 0, year=2018)])
    assert [r.id for r in ranked] == [2, 1]


def test_a_number_with_its_measure_word_is_a_term_of_its_own() -> None:
    # 春运前23天坐飞机: 23天 is how long, not the start of a name 23天坐飞机
    assert parse_query("春运前23天坐飞机的旅客有多少").terms == ("春运", "23天", "坐飞机", "旅客")
    assert parse_query("1号院在哪").terms == ("1号院",)  # a number before a word still joins it


def test_the_first_days_of_an_event_are_not_the_last_days_to_today() -> None:
    today = date(2020, 6, 1)
    assert relative_periods("春运前23天坐飞机的旅客有多少", today)[0] == []
    assert relative_periods("冬奥会前10天", today)[0] == []
    (period,), _ = relative_periods("看前3天新闻", today)
    assert (period.start, period.end) == (date(2020, 5, 30), today)
    assert parse_query("春运前23天坐飞机的旅客有多少", today=today).periods == ()


def test_a_word_about_news_that_starts_a_name_is_kept() -> None:
    assert "新闻中心" in parse_query("两会新闻中心哪天开始工作？").terms
    assert parse_query("疫情新闻").terms == ("疫情",)  # news of 疫情
    assert parse_query("习近平新闻").terms == ("习近平",)


def test_a_word_standing_for_a_place_named_before_brings_its_sentence_near() -> None:
    # 在河南洛阳，… two sentences later 当地已接待游客…: the place and the figure are one passage
    terms = [
        evidence.Term("洛阳", 9, 6.0),
        evidence.Term("赏花", 31, 7.0),
        evidence.Term("接待", 55, 3.0),
        evidence.Term("游客", 174, 5.0),
    ]
    told = "在河南洛阳，牡丹竞相绽放。人们白天赏花，夜晚看戏。这个赏花季，当地已接待游客1100万人次。"
    assert evidence.closeness(*evidence.searchable_texts("春日经济", told, terms), terms)[0] == 21.0
    # without 当地 the sentence stands alone (with the one before it)
    plain = told.replace("当地", "景区")
    assert evidence.closeness(*evidence.searchable_texts("春日经济", plain, terms), terms)[0] == 15.0
    # nor across a paragraph
    apart = "在河南洛阳，牡丹竞相绽放。\n人们白天赏花，夜晚看戏。这个赏花季，当地已接待游客1100万人次。"
    assert evidence.closeness(*evidence.searchable_texts("春日经济", apart, terms), terms)[0] == 15.0


def test_a_who_question_counts_the_passage_naming_the_holder_of_the_post() -> None:
    holds = fact_test("伊朗革命卫队发言人是谁", ["伊朗", "革命", "卫队", "发言人"])
    assert holds is not None
    assert holds("伊朗伊斯兰革命卫队发言人穆赫比25日称，革命卫队摧毁11架美军战斗机。")
    assert not holds("伊朗伊斯兰革命卫队发言人今天说，伊朗将抵抗到底。")  # no name
    president = fact_test("巴基斯坦总统是谁", ["巴基斯坦", "总统"])
    assert president is not None
    assert president("巴基斯坦总统扎尔达里说，两国友谊牢不可破。")
    assert not president("伊朗总统佩泽希齐扬25日与巴基斯坦总理通话。")  # another country's president
    assert fact_test("谁获得了冠军", ["获得", "冠军"]) is None  # no post asked about


def test_a_what_question_counts_the_passage_naming_a_thing_of_the_kind_asked() -> None:
    named = fact_test("伊朗称击中了美国什么战斗机", ["伊朗", "击中", "美国", "战斗机"])
    assert named is not None
    assert named("伊朗称，其防空系统25日下午击中一架美国F-18战斗机。")
    assert not named("伊朗称击中美国战斗机。")
    listed = fact_test("哪些新闻单位参加了活动", ["新闻单位", "参加", "活动"])
    assert listed is not None and listed("人民日报社、新华社等单位参加了活动。")


def test_a_where_question_counts_where_it_took_place_not_where_it_will() -> None:
    held = fact_test("全国人大会议在哪里开幕", ["全国人大", "会议", "开幕"])
    assert held is not None
    assert held("十四届全国人大四次会议5日上午在人民大会堂开幕。")
    assert not held("十四届全国人大四次会议将于3月5日上午9时在北京开幕。")  # a preview
    assert held("大会将持续8天。会议在北京开幕。")


@pytest.mark.parametrize(
    ("question", "glued", "read"),
    [
        # a character ending a place's name belongs to the word before it
        ("红军先遣团在清明村最后选定种什么", ["清明", "村最后", "选定"], ["清明村", "最后", "选定"]),
        (
            "王胜是哪年当上西石河村村支书的",
            ["王胜", "当上", "石河", "村村支书"],
            ["王胜", "当上", "石河村", "村支书"],
        ),
        ("河南省生态环境厅厅长是谁", ["河南省", "生态环境", "厅厅长"], ["河南省", "生态环境厅", "厅长"]),
        # a measure word after a count is dropped: the story prints 建档立卡 apart from 98户
        ("马鞍架村有多少户建档立卡贫困户", ["架村", "户建档立卡", "贫困户"], ["架村", "建档立卡", "贫困户"]),
    ],
)
def test_a_character_glued_to_the_next_word_goes_where_it_belongs(
    question: str, glued: list[str], read: list[str]
) -> None:
    assert reglued(glued, cut(question)) == read


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("吕安民在哪工作", ["吕安民", "工作"]),  # a surname begins the name after it
        ("东盟新媒体新技术培训班在哪些城市办的", ["东盟", "新媒体", "新技术", "培训班"]),  # adjectives
        ("张连生多少岁了", ["张连生"]),  # a measure word (张) that counts nothing is a surname
        ("姐妹们头一份工作干啥", ["姐妹", "头一份", "工作"]),  # 头 typed apart from the word before
    ],
)
def test_a_character_beginning_the_next_word_stays_with_it(question: str, terms: list[str]) -> None:
    assert reglued(terms, cut(question)) == terms


# Two stories: the village 石河村 and its 村支书 in one, a river 石河 and 每个村村支书 in the other.
VILLAGE_STORIES = [
    (
        "2020-01-10",
        "石河村的新变化",
        ["在石河村，村支书王胜带领村民种植蔬菜，2019年人均收入过万元。"],
    ),
    (
        "2020-01-12",
        "石河流域治理见成效",
        ["石河流域治理启动以来，沿岸每个村村支书都是河长，负责巡河护河。"],
    ),
]


@pytest.fixture(scope="module")
def village_searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    folder: Path = tmp_path_factory.mktemp("reglued")
    src = folder / "stories.jsonl"
    lines = [
        json.dumps({"title": t, "date": d, "paragraphs": p}, ensure_ascii=False)
        for d, t, p in VILLAGE_STORIES
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db: sqlite_utils.Database = open_db(folder / "news.db")
    assert ingest_file(db, src, source="测试").status == "ok"
    yield Searcher(db)
    db.close()


def test_the_village_asked_about_comes_first_when_its_ending_was_glued_to_the_next_word(
    village_searcher: Searcher,
) -> None:
    # Read as 石河 + 村村支书, both stories hold both words, and the river's holds 村村支书 as typed; read
    # as 石河村 + 村支书, only the village's story holds the village.
    resp = village_searcher.search("石河村村支书是谁", today=date(2020, 6, 1))
    assert resp.hits and resp.hits[0].title == "石河村的新变化"
