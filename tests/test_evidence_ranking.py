"""Issue 20: questions, and words that find nothing together, ranked by the evidence each article holds
(`storage.search.evidence`), and answers that hold the kind of fact asked for — on hand-written stories
shaped like the failures the issue describes."""

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
from storage.search.answers import PLAIN, kind_strength, question_kind
from storage.search.dates.absolute import DateSpec
from storage.search.engine import Searcher
from storage.search.ladder import ranks_by_evidence
from storage.search.query import parse_query
from storage.search.term_readings import rescued

# (date, title, paragraphs): each pair of stories shares words so that only the evidence tells them apart.
STORIES = [
    # The topic (量子芯片) against the verb phrases of the question (头一回, 送到) found in another story.
    (
        "2024-02-01",
        "我国量子芯片实现出口",
        ["一批国产量子芯片日前出口德国，这是我国量子芯片首次走出国门。", "芯片由合肥一家企业研制。"],
    ),
    (
        "2024-02-03",
        "快递小哥把年货送进山村",
        ["春节前，快递小哥头一回把年货送到了山村，村民们很高兴。", "山村的快递服务站已经建成。"],
    ),
    # The topic (乡村医生) against a rare verb phrase of the question (要建) found in another story.
    (
        "2024-03-02",
        "我省乡村医生队伍持续壮大",
        ["记者从省卫健委获悉，全省乡村医生已达5.2万人。", "今年将新增村卫生室300个，方便群众就近看病。"],
    ),
    (
        "2024-03-05",
        "新区要建三座公园",
        ["新区今年要建三座城市公园，总面积120公顷。", "公园建成后将向市民免费开放。"],
    ),
    # The same topic in two years: the year asked for is evidence, not a filter.
    (
        "2023-05-10",
        "马拉松赛鸣枪开跑",
        ["5月10日，第五届城市马拉松赛鸣枪开跑，两万名选手参赛。", "赛事由市体育局主办。"],
    ),
    (
        "2024-05-12",
        "城市马拉松赛举行",
        ["5月12日，第六届城市马拉松赛在奥体中心举行，三万名选手参赛。", "赛事由市体育局主办。"],
    ),
    # An event of late March reported in April, and another story of March holding the same words.
    (
        "2024-04-02",
        "全市新能源汽车保有量突破50万辆",
        ["截至3月底，全市新能源汽车保有量突破50万辆，同比增长32%。", "其中纯电动汽车占八成。"],
    ),
    (
        "2024-03-15",
        "充电桩建设按下快进键",
        ["随着新能源汽车保有量持续增长，充电需求日益旺盛。", "今年全市将新建充电桩1万个。"],
    ),
    # Glued characters: the question's 总统通 is in the other call's headline only.
    (
        "2020-05-21",
        "习近平同缅甸总统温敏通电话",
        ["国家主席习近平20日晚同缅甸总统温敏通电话。", "两国元首就抗疫合作交换意见。"],
    ),
    (
        "2020-05-08",
        "习近平同葡萄牙总统通电话",
        ["国家主席习近平8日晚同葡萄牙总统德索萨通电话。", "双方表示将加强合作。"],
    ),
    # A name before the post asked about, and a sentence that names the person only as 他.
    (
        "2020-05-25",
        "政协委员视频会议建言",
        [
            "全国政协十三届三次会议举行视频会议。",
            "黄璐琦委员发言说，中医药在疫情防控中发挥了重要作用。他建议，建立中西医协作的防控长效机制。",
        ],
    ),
    # What a how-many question counts, with no unit named.
    (
        "2019-02-15",
        "报告称极端组织仍有大批武装人员",
        [
            "联合国报告说，该极端组织仍控制着1.4万至1.8万名武装分子。",
            "其中外国武装分子多达3000余名，分布在多地。",
        ],
    ),
    # A question about now prefers the newest story holding the fact.
    (
        "2022-01-08",
        "地铁三号线进展顺利",
        ["地铁三号线目前已完成工程总量的六成。", "全线预计2024年通车。"],
    ),
    (
        "2024-01-09",
        "地铁三号线全线贯通",
        ["地铁三号线目前已全线贯通，进入调试阶段。", "全线将于今年通车。"],
    ),
    # A name asked for: quoted, or after 名为.
    (
        "2024-06-01",
        "北部湾新建一座油田",
        ["北部湾海域发现的新油田被命名为“涠洲12号”，探明储量超千万吨。", "油田由中海油开发。"],
    ),
]


@pytest.fixture(scope="module")
def searcher(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Searcher]:
    folder: Path = tmp_path_factory.mktemp("evidence")
    src = folder / "stories.jsonl"
    src.write_text(
        "\n".join(
            json.dumps({"title": t, "date": d, "paragraphs": p}, ensure_ascii=False) for d, t, p in STORIES
        )
        + "\n",
        encoding="utf-8",
    )
    db: sqlite_utils.Database = open_db(folder / "news.db")
    assert ingest_file(db, src, source="测试").status == "ok"
    yield Searcher(db)
    db.close()


def _first(searcher: Searcher, q: str, today: date = date(2024, 6, 30)) -> str:
    resp = searcher.search(q, today=today)
    assert resp.hits, q
    return resp.hits[0].title


def test_the_topic_outweighs_a_rare_verb_of_the_question(searcher: Searcher) -> None:
    # No story holds 乡村医生 and 要建 together; the one about 乡村医生 answers, not the one about 要建.
    assert _first(searcher, "我省乡村医生要建多少个卫生室") == "我省乡村医生队伍持续壮大"


def test_verb_phrases_of_a_question_do_not_outweigh_its_topic(searcher: Searcher) -> None:
    resp = searcher.search("量子芯片头一回送到哪个国家", today=date(2024, 6, 30))
    assert resp.hits[0].title == "我国量子芯片实现出口"
    assert resp.answer is not None and "德国" in resp.answer.sentence


def test_verbs_weigh_less_than_the_topic() -> None:
    assert evidence.role("要建", [("要建", "v")]) < evidence.role("医生", [("医生", "n")])
    assert evidence.role("乡村医生", [("乡村", "n"), ("医生", "n")]) == evidence.TOPIC
    assert evidence.role("94.75分", [("94.75", "m"), ("分", "v")]) == evidence.TOPIC
    assert evidence.role("首次", [("首次", "m")]) < evidence.TOPIC  # a numeral word, no number
    assert evidence.role("头一回", [("头一回", "i")]) < evidence.TOPIC
    assert evidence.role("涠洲", [], quoted=True) > evidence.TOPIC


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("2023年城市马拉松赛有多少选手参赛", "马拉松赛鸣枪开跑"),
        ("2024年城市马拉松赛有多少选手参赛", "城市马拉松赛举行"),
        ("2024年5月的马拉松在哪里举行", "城市马拉松赛举行"),
    ],
)
def test_a_year_or_month_in_a_question_is_evidence_about_the_story(
    searcher: Searcher, question: str, title: str
) -> None:
    assert _first(searcher, question) == title


def test_a_month_in_a_question_does_not_move_the_story_to_one_published_then(searcher: Searcher) -> None:
    resp = searcher.search("2024年3月底全市新能源汽车保有量是多少", today=date(2024, 6, 30))
    assert resp.hits[0].title == "全市新能源汽车保有量突破50万辆"
    assert resp.answer is not None and "50万辆" in resp.answer.sentence


def test_a_year_no_story_is_dated_in_does_not_empty_the_results(searcher: Searcher) -> None:
    resp = searcher.search("2021年城市马拉松赛有多少选手", today=date(2024, 6, 30))
    assert {h.title for h in resp.hits} >= {"马拉松赛鸣枪开跑", "城市马拉松赛举行"}


def test_a_day_asked_for_counts_for_the_next_days_report() -> None:
    asked = parse_query("5月20日晚上的通话", today=date(2020, 6, 1)).dates
    assert evidence.date_evidence("2020-05-20", "", asked)[0] == 1.0
    assert evidence.date_evidence("2020-05-21", "", asked)[0] == evidence.REPORTED_LATER
    assert evidence.date_evidence("2020-05-25", "", asked)[0] == 0.0
    assert evidence.date_evidence("2020-05-19", "", asked)[0] == 0.0


def test_a_character_glued_to_a_word_does_not_become_a_rare_word_of_its_own(searcher: Searcher) -> None:
    # 总统通 (of 总统通电话) is printed in the wrong story's title, not in the story asked about.
    resp = searcher.search("5月20日晚上缅甸总统通电话说了什么", today=date(2020, 6, 30))
    assert resp.hits[0].title == "习近平同缅甸总统温敏通电话"


def test_a_question_about_now_prefers_the_newest_story(searcher: Searcher) -> None:
    assert _first(searcher, "地铁三号线现在建得怎么样了") == "地铁三号线全线贯通"


def test_the_answer_holds_the_name_asked_for(searcher: Searcher) -> None:
    resp = searcher.search("北部湾新发现的油田叫什么名字", today=date(2024, 6, 30))
    assert resp.answer is not None and "涠洲12号" in resp.answer.sentence


def test_the_answer_holds_the_number_asked_for(searcher: Searcher) -> None:
    resp = searcher.search("我省乡村医生有多少人", today=date(2024, 6, 30))
    assert resp.answer is not None and "5.2万人" in resp.answer.sentence


def test_the_answer_names_who_from_a_name_before_the_post(searcher: Searcher) -> None:
    resp = searcher.search("建议建立中西医协作长效机制的是哪位委员", today=date(2020, 6, 1))
    assert resp.answer is not None and "黄璐琦" in resp.answer.sentence


def test_the_answer_holds_the_number_of_what_is_counted(searcher: Searcher) -> None:
    resp = searcher.search("那个极端组织还控制着多少武装分子", today=date(2020, 6, 1))
    assert resp.answer is not None and "1.4万至1.8万名" in resp.answer.sentence


def test_what_a_how_many_question_counts_is_found_after_the_number() -> None:
    q, terms = "该组织还控制着多少武装分子", ["组织", "控制", "武装分子"]
    counted = kind_strength("该组织仍控制着1.4万名武装分子。", "howmany", q, terms)
    other = kind_strength("外国武装分子多达3000余名。", "howmany", q, terms)
    assert counted == PLAIN and other < PLAIN


def test_no_answer_line_when_no_sentence_holds_the_kind_of_fact(searcher: Searcher) -> None:
    # The story is found, but it names no person: no 💡 line rather than a sentence without a name.
    resp = searcher.search("谁主办了城市马拉松赛", today=date(2024, 6, 30))
    assert resp.hits
    assert resp.answer is None


def test_keyword_searches_keep_every_word(searcher: Searcher) -> None:
    # A short keyword search that finds something is not a question: every result holds every word.
    resp = searcher.search("马拉松 奥体中心", today=date(2024, 6, 30))
    assert [h.title for h in resp.hits] == ["城市马拉松赛举行"]
    assert not ranks_by_evidence(parse_query("马拉松 奥体中心"))


def test_words_no_story_holds_together_are_ranked_and_named(searcher: Searcher) -> None:
    resp = searcher.search("马拉松 地铁 公园 医生", today=date(2024, 6, 30))
    assert resp.hits and resp.dropped  # ranked by evidence; the words the first lacks are named


def test_a_character_glued_to_a_word_is_let_go() -> None:
    assert rescued("王毅跟") == ["王毅", "毅跟"]
    assert rescued("王毅") == []


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("那口井叫啥", "name"),
        ("军事行动的代号叫什么", "name"),
        ("山坪村支书叫什么", "who"),
        ("总干事叫什么名字", "who"),
        ("马拉松在哪天举行", "when"),
    ],
)
def test_question_kinds(question: str, kind: str) -> None:
    assert question_kind(question) == kind


@pytest.mark.parametrize(
    ("raw", "now"),
    [("地铁现在怎么样", True), ("最新进展", True), ("地铁哪天通车", False), ("what is the latest", True)],
)
def test_questions_about_now(raw: str, now: bool) -> None:
    assert evidence.asks_now(raw) is now


def test_bm25_prefers_the_title_and_shorter_texts() -> None:
    terms = [evidence.Term("马拉松", 2, 1.0)]
    in_title = evidence.counts(*evidence.searchable_texts("城市马拉松", "赛事举行。", terms), terms)
    in_body = evidence.counts(*evidence.searchable_texts("城市新闻", "马拉松赛事举行。", terms), terms)
    idfs = [evidence.idf(t.df, 100) for t in terms]
    assert evidence.bm25(in_title, idfs, 10) > evidence.bm25(in_body, idfs, 10)


def test_bm25_sums_each_printed_terms_idf_once() -> None:
    # Two terms, only the first printed (once in the body of a text of average length): the score is
    # that term's IDF times BM25's saturation of one occurrence; the second term's IDF adds nothing.
    counts = evidence.Counts(title_tf=(0, 0), body_tf=(1, 0), length=10)
    one = evidence.idf(2, 100) * (evidence.K1 + 1.0) / (1 + evidence.K1)
    assert evidence.bm25(counts, [evidence.idf(2, 100), evidence.idf(1, 100)], 10) == pytest.approx(one)


def test_traditional_text_is_matched_after_folding() -> None:
    terms = [evidence.Term("马拉松", 2, 1.0)]
    assert evidence.counts(*evidence.searchable_texts("城市馬拉松", "", terms), terms).title_tf == (1,)
    # a stray OCR space inside a word
    assert evidence.counts(*evidence.searchable_texts("", "马拉 松赛事。", terms), terms).body_tf == (1,)


def test_a_name_in_the_question_says_which_of_several_stories_it_asks_about() -> None:
    # Two stories of one runner's races hold three of the question's four words each: the one in the
    # country the question names comes first, though the other says 室内赛 as the question does.
    assert evidence.role("爱尔兰", [("爱尔兰", "ns")]) > evidence.role("室内赛", [("室内赛", "n")])
    assert evidence.role("苏炳添", [("苏炳添", "nr")]) == evidence.NAMED
    tags = {"苏炳添": "nr", "爱尔兰": "ns", "室内赛": "n", "60米": "m"}
    terms = evidence.weigh_terms(list(tags), [5, 5, 5, 5], 1000, tagger=lambda t: [(t, tags[t])])
    elsewhere = evidence.Candidate(
        1, "苏炳添再夺冠军", "苏炳添在德国室内赛60米夺冠，成绩6秒49。", "2019-02-22"
    )
    asked = evidence.Candidate(
        2, "苏炳添夺得冠军", "苏炳添在爱尔兰室内田径大奖赛中以6秒52的成绩夺得男子60米冠军。", "2019-02-15"
    )
    ranked = evidence.rank(terms, [elsewhere, asked], n=1000)
    assert [r.id for r in ranked][0] == 2


@pytest.mark.parametrize(
    ("question", "title"),
    [
        ("去年城市马拉松赛有多少选手参赛", "马拉松赛鸣枪开跑"),
        ("今年城市马拉松赛有多少选手参赛", "城市马拉松赛举行"),
        ("上个月的马拉松在哪里举行", "城市马拉松赛举行"),
    ],
)
def test_a_period_relative_to_today_in_a_question_is_evidence_about_the_story(
    searcher: Searcher, question: str, title: str
) -> None:
    assert _first(searcher, question) == title


def test_a_period_relative_to_today_in_a_question_is_no_filter(searcher: Searcher) -> None:
    # 上个月 (May 2024) holds one of the two marathons; the other is still a result, below it.
    resp = searcher.search("上个月城市马拉松赛有多少选手参赛", today=date(2024, 6, 30))
    assert [h.title for h in resp.hits][:2] == ["城市马拉松赛举行", "马拉松赛鸣枪开跑"]
    assert ranks_by_evidence(parse_query("去年马拉松赛有多少选手", today=date(2024, 6, 30)))
    # keyword searches and one day's stories keep the period as a filter
    assert not ranks_by_evidence(parse_query("去年 马拉松", today=date(2024, 6, 30)))
    assert not ranks_by_evidence(parse_query("昨天有什么新闻", today=date(2024, 6, 30)))
    listing = searcher.search("上个月 马拉松", today=date(2024, 6, 30))
    assert [h.title for h in listing.hits] == ["城市马拉松赛举行"]


@pytest.mark.parametrize(
    "question", ["上个月有哪些马拉松的新闻", "上个月马拉松有什么消息", "上个月有关马拉松的报道"]
)
def test_a_question_asking_for_the_stories_of_a_relative_period_keeps_it_as_a_filter(
    searcher: Searcher, question: str
) -> None:
    assert not ranks_by_evidence(parse_query(question, today=date(2024, 6, 30)))
    resp = searcher.search(question, today=date(2024, 6, 30))
    assert [h.title for h in resp.hits] == ["城市马拉松赛举行"]


def test_a_relative_period_is_read_as_the_date_it_names() -> None:
    today = date(2020, 6, 1)
    (last_year,) = parse_query("去年外储多少", today=today).periods
    assert evidence.as_date(last_year) == DateSpec("去年", 0, year=2019)
    (last_month,) = parse_query("上个月外储多少", today=today).periods
    assert evidence.as_date(last_month) == DateSpec("上个月", 5, year=2020)
    (last_week,) = parse_query("上周外储多少", today=today).periods
    assert evidence.as_date(last_week) is None
    # a year's report printed the next year, its headline saying 去年, is about last year
    title = "去年12月末 我国外储规模达3.1万亿美元"
    on, _ = evidence.period_evidence("2020-01-08", title + "\n外汇储备。", [last_year], headline=title)
    assert on == evidence.REPORTED_LATER
    assert evidence.period_evidence("2019-07-08", "外汇储备。", [last_year]) == (1.0, 0.0)
    # a week: stories dated in it, or a day or two after it
    assert evidence.period_evidence("2020-05-27", "", [last_week])[0] == 1.0
    assert evidence.period_evidence("2020-06-01", "", [last_week])[0] == evidence.REPORTED_LATER
    assert evidence.period_evidence("2020-05-10", "", [last_week])[0] == 0.0


def test_a_short_name_counts_where_news_prints_the_full_name() -> None:
    # 外汇局 is printed 国家外汇管理局 (the synonym table's printed forms): both forms count as the word.
    term = evidence.Term("外汇局", 1, 1.0, forms=("国家外汇管理局", "外汇管理局"))
    texts = evidence.searchable_texts("外储", "国家外汇管理局公布。外汇管理局称。", [term])
    assert evidence.counts(*texts, [term]).body_tf == (2,)
    assert evidence.closeness(*texts, [term])[0] == 1.0


def test_a_question_about_now_prefers_the_story_newest_in_time_not_in_order() -> None:
    """Issue 20 (fifth development set): the newest story holding the words gains over an older one by how
    much newer it is, not by how many other stories were printed between them (a week of stories touching
    the topic must not leave last autumn's figures ahead of last week's)."""
    terms = [evidence.Term("规上工业", 30, 8.0), evidence.Term("增加值", 90, 6.0)]
    autumn = evidence.Candidate(
        1, "规上工业增加值同比增5.6%", "9月规上工业增加值同比增长5.8%。规上工业增加值平稳增长。", "2019-10-23"
    )
    filler = "服务业降幅收窄，市场销售逐步改善，就业形势总体稳定。" * 2
    april = evidence.Candidate(
        2, "4月数据出炉 规上工业增加值转为增长", "4月规上工业增加值增长3.9%。" + filler, "2020-05-16"
    )
    # stories of the next days that mention the figures in passing
    later = [
        evidence.Candidate(
            3 + i, "两会声音", f"委员谈规上工业增加值和就业。第{i}篇。", f"2020-05-{21 + i:02d}"
        )
        for i in range(6)
    ]
    assert evidence.rank(terms, [autumn, april, *later], n=9000, now=True)[0].id == 2
    # not a question about now: the fuller story of last autumn comes first
    assert evidence.rank(terms, [autumn, april, *later], n=9000)[0].id == 1


@pytest.mark.parametrize(
    ("question", "terms"),
    [
        ("最新公布的规上工业增加值同比增长了多少", ("规上", "工业", "增加值", "同比", "增长")),
        ("目前通报的确诊病例有多少", ("确诊", "病例")),
        ("发布会在哪开", ("发布会",)),  # a word only starting with the verb stays
    ],
)
def test_the_verb_of_a_latest_figure_is_no_word_of_the_topic(question: str, terms: tuple[str, ...]) -> None:
    assert parse_query(question).terms == terms
    assert parse_query("最新发布").terms == ("发布",)  # a keyword search keeps what was typed


def test_words_typed_next_to_each_other_are_paired_in_the_order_typed() -> None:
    pairs = evidence.typed_pairs(["中国", "德国", "大使"], "中国驻德国大使叫什么")
    assert pairs == [evidence.Pair(0, 1, "驻"), evidence.Pair(1, 2, "")]
    # words apart by more than one character, or by punctuation, are no pair
    assert evidence.typed_pairs(["德国", "大使"], "德国现任的大使是谁") == []
    assert evidence.typed_pairs(["德国", "大使"], "德国，大使是谁") == []


def test_the_story_printing_the_words_next_to_each_other_as_typed_comes_first() -> None:
    # Both stories hold the three words of 中国驻德国大使叫什么 in one sentence, and one of them each: only
    # the one writing 中国驻德国大使 as the question does names the ambassador asked about.
    terms = evidence.weigh_terms(["中国", "德国", "大使"], [50, 10, 10], 1000)
    pairs = evidence.typed_pairs([t.text for t in terms], "中国驻德国大使叫什么")
    asked = evidence.Candidate(1, "首发式举行", "中国驻德国大使吴恳出席首发式并致辞。", "2019-10-16")
    other = evidence.Candidate(2, "首发式举行", "德国前驻华大使谈中国出席首发式致辞。", "2019-10-16")
    without = evidence.rank(terms, [asked, other], n=1000, weights=evidence.Weights(pair=0.0))
    assert [r.id for r in without] == [2, 1]  # a tie, broken by the id
    ranked = evidence.rank(terms, [asked, other], n=1000, pairs=pairs)
    assert [r.id for r in ranked] == [1, 2]


def test_the_headline_words_count_with_every_sentence_at_half_their_weight() -> None:
    # The headline names the report; the sentence giving the figure, three sentences on, leaves it out.
    terms = [evidence.Term("报告", 5, 1.0), evidence.Term("就业", 5, 1.0)]
    body = "会议开幕。代表发言。城镇新增就业1352万人。"
    under_headline = evidence.closeness(
        *evidence.searchable_texts("政府工作报告（摘登）", body, terms), terms
    )
    assert under_headline[0] == 1.0 + evidence.TITLE_CONTEXT * 1.0
    # a word of another sentence of the body does not count with it
    assert evidence.closeness(*evidence.searchable_texts("摘登", "报告发布。" + body, terms), terms)[0] == 1.0
