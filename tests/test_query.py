"""Query understanding and FTS5 query building (issue 3). Pure functions, plus a real FTS5 table."""

from __future__ import annotations

from datetime import date

import pytest

from storage.driver import sqlite3
from storage.search.dates.absolute import DateSpec, extract_dates
from storage.search.expressions import match_expression, phrase, term_tokens, words_expression
from storage.search.query import parse_query, with_printed_forms
from storage.search.ranking import RankedRow, count_sql, date_sql, order_window, page_sql, plan
from storage.text.segment import index_text

HOSTILE = [
    '"',
    '""',
    '"""',
    "C#",
    "*",
    "**",
    "AND",
    "OR",
    "NOT",
    "and or not",
    "NEAR(",
    "NEAR(a b",
    "NEAR/3",
    "-",
    "--",
    "- -",
    ":",
    "title:",
    "body:保交楼",
    "{title}",
    "(",
    ")",
    "()",
    "^",
    "^保交楼",
    "+",
    "a+b",
    "'",
    "\\",
    "%",
    "_",
    "\x00",
    "😀",
    "保交楼*",
    '"保交楼',
    '保交楼"',
    '-"',
    '-"保交楼"',
    "？？？",
    "的",
    "了吗",
    "　",
    "",
    " ",
    "\n",
    "\u200b",
    "ＮＥＡＲ（",
    "4月32日",
    "13月1日",
    "2023-13-45",
    "0.0",
    "99.99",
]


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("保交楼", ("保交楼",)),
        ("老舊小區", ("老旧", "小区")),
        ("吕安民", ("吕安民",)),  # jieba: 吕 / 安民, glued back
        ("在侯寨乡", ("侯寨乡",)),
        ("樊惠林 医院", ("樊惠林", "医院")),
        ("谁主持了统战工作会议？", ("主持", "统战工作", "会议")),
        ("郑州机械研究所副总经理是谁", ("郑州", "机械", "研究所", "副总经理")),
        ("虎荣鑫什么时候去了侯寨乡", ("虎荣鑫", "侯寨乡")),
        ("有没有关于电梯的新闻", ("电梯",)),
        ("华侨城1号院", ("华侨城", "1号院")),
        ("虎荣鑫去侯寨乡看了哪些项目工地", ("虎荣鑫", "侯寨乡", "项目", "工地")),
        ('"保交楼项目" 吕安民', ("保交楼项目", "吕安民")),
        ("的是", ("的是",)),  # only stop words: search for what was typed
    ],
)
def test_terms(query, terms):
    assert parse_query(query).terms == terms


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("我想看保交楼的新闻", ("保交楼",)),
        ("想看保交楼", ("保交楼",)),
        ("帮我查查人才", ("人才",)),
        ("给我看看保交楼的消息", ("保交楼",)),
        ("我要找电梯的报道", ("电梯",)),
    ],
)
def test_a_request_for_stories_searches_its_topic_as_keywords(query, terms):
    """QA pass 7: 我想看保交楼的新闻 found nothing while 保交楼 found every story: 想看 was glued to the topic
    as one unknown name (想看保交楼). A request is no question either: its words are keywords."""
    parsed = parse_query(query)
    assert parsed.terms == terms and not parsed.question


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("查保交楼", ("保交楼",)),
        ("搜保交楼", ("保交楼",)),
        ("查一查保交楼", ("保交楼",)),
        ("查保交楼的新闻", ("保交楼",)),
        ("搜台风", ("台风",)),
        # Words opening with the verb stay whole: dictionary words and names.
        ("查处违规", ("查处", "违规")),
        ("搜救队", ("搜救队",)),
        ("查良镛", ("查良镛",)),
        ("查建英", ("查建英",)),
    ],
)
def test_a_request_verb_before_a_topic_is_dropped(query, terms):
    """QA pass 7: 查保交楼 was searched as the unknown word 查保交楼 and "corrected" to 批保交楼."""
    assert parse_query(query).terms == terms


def test_question_detection():
    assert parse_query("谁主持了统战工作会议？").question
    assert parse_query("郑州机械研究所副总经理是谁").question
    assert parse_query("人才工作推进会是哪天开的").question
    assert not parse_query("保交楼").question
    assert not parse_query("樊惠林 医院").question


def test_exclusions_and_phrases():
    q = parse_query('虎荣鑫 -侯寨乡 -"统战工作"')
    assert q.terms == ("虎荣鑫",)
    assert set(q.excluded) == {"侯寨乡", "统战工作"}
    assert parse_query("covid-19").excluded == ()


@pytest.mark.parametrize(
    ("query", "spec"),
    [
        ("4月6日", DateSpec("4月6日", 4, None, 6)),
        ("4月 6日", DateSpec("4月 6日", 4, None, 6)),
        ("4月6号", DateSpec("4月6号", 4, None, 6)),
        ("2023-04-06", DateSpec("2023-04-06", 4, 2023, 6)),
        ("2023/4/6", DateSpec("2023/4/6", 4, 2023, 6)),
        ("2023年4月6日", DateSpec("2023年4月6日", 4, 2023, 6)),
        ("4.6", DateSpec("4.6", 4, None, 6)),
        ("2023年4月", DateSpec("2023年4月", 4, 2023, None)),
        ("4月", DateSpec("4月", 4, None, None)),
    ],
)
def test_dates(query, spec):
    found, rest = extract_dates(query)
    assert found == [spec]
    assert rest.strip() == ""


def test_dates_keep_other_words_and_reject_impossible_dates():
    q = parse_query("侯寨乡 4月6日")
    assert q.terms == ("侯寨乡",)
    assert [d.label() for d in q.dates] == ["4月6日"]
    assert parse_query("4月32日").dates == ()
    assert parse_query("3.5亿").dates == ()
    assert parse_query("２０２３－０４－０６").dates[0].year == 2023  # full-width digits and dash


def test_date_sql():
    assert date_sql(DateSpec("", 4, 2023, 6)) == ("a.date = ?", ["2023-04-06"])
    assert date_sql(DateSpec("", 4, None, 6)) == ("substr(a.date, 6, 5) = ?", ["04-06"])
    assert date_sql(DateSpec("", 4, 2023)) == ("substr(a.date, 1, 7) = ?", ["2023-04"])


@pytest.mark.parametrize(
    ("term", "tokens", "prefix"),
    [
        ("保交楼", ["保交", "交楼"], False),
        ("交楼", ["交楼"], False),
        ("楼", ["楼"], True),
        ("4月4日", ["4", "月", "4", "日"], True),
        ("1号院", ["1", "号院"], False),
        ("七区4", ["七区", "区", "4"], False),
        ("清朗·自媒体", ["清朗", "朗", "自媒", "媒体"], False),
        ("C#", ["c"], False),
        ("", [], False),
    ],
)
def test_term_tokens(term, tokens, prefix):
    assert term_tokens(term) == (tokens, prefix)


def test_phrase_quotes_every_token():
    assert phrase("保交楼") == '"保交 交楼"'
    assert phrase("楼") == '"楼" *'
    assert phrase("、。") is None
    assert match_expression(["保交楼", "楼"], ["统战"]) == (
        '({title byline body} : ("保交 交楼" AND "楼" *)) NOT ({title byline body} : ("统战"))'
    )
    assert words_expression(["保交楼", "统战"]) == 'words : ("保交楼" AND "统战")'
    assert words_expression(["保交楼", "1号院"]) is None


@pytest.fixture(scope="module")
def fts():
    """A real FTS5 table laid out like articles_fts, holding one indexed sentence."""
    conn = sqlite3.connect(":memory:")
    conn.execute("CREATE TABLE articles (id INTEGER PRIMARY KEY, date TEXT)")
    conn.execute(
        "CREATE VIRTUAL TABLE articles_fts USING fts5(title, byline, body, words, "
        "tokenize = 'unicode61 remove_diacritics 0')"
    )
    text = "在保交楼项目华侨城1号院建设工地，4月4日上午，C# AND NEAR 统战"
    conn.execute("INSERT INTO articles VALUES (1, '2023-04-04')")
    conn.execute(
        "INSERT INTO articles_fts(rowid, title, byline, body, words) VALUES (1, '', '', ?, '保交楼 项目')",
        (index_text(text),),
    )
    yield conn
    conn.close()


@pytest.mark.parametrize("query", HOSTILE)
def test_hostile_queries_build_valid_fts5(fts, query):
    parsed = parse_query(query)
    for p in (plan(parsed), plan(parsed, relaxed=True)):
        if p is None:
            continue
        statements = [count_sql(p), page_sql(p, window=10)]
        for sql, params in statements:
            fts.execute(sql, params).fetchall()  # must not raise


@pytest.mark.parametrize(
    ("query", "hit"),
    [
        ("保交楼", True),
        ("交楼", True),
        ("楼", True),
        ("华侨城1号院", True),
        ("1号院", True),
        ("4月4日", True),
        ("C#", True),
        ("AND", True),
        ("NEAR", True),
        ("台风", False),
        ("楼项", True),
        ("保交楼 -统战", False),
        ("华侨城 工地", True),
        ("工地华侨城", True),
        ("工地台风", False),
    ],
)
def test_matching_on_a_real_table(fts, query, hit):
    parsed = parse_query(query)
    sql, params = count_sql(plan(parsed))
    assert fts.execute(sql, params).fetchone()[0] == int(hit)
    sql, params = page_sql(plan(parsed), window=10)
    assert bool(fts.execute(sql, params).fetchall()) is hit


def test_page_sql_orders_by_the_documented_keys():
    sql, params = page_sql(plan(parse_query("二七区委统战")), window=25)
    assert "bm25(articles_fts, 8.0, 2.0, 1.0, 3.0)" in sql
    assert sql.endswith(
        "ORDER BY on_date DESC, nterms DESC, exact DESC, in_title DESC, as_words DESC, score ASC, id DESC LIMIT ?"
    )
    assert "rowid >= ?" not in sql  # every match is ranked: no recency cut-off (issue 12)
    assert params[-1] == 25
    assert sql.count("?") == len(params)


def test_order_window_puts_newer_first_on_ties_and_undated_last():
    rows = [
        RankedRow(1, -1.0, 0, 0, 0, 0, 0),
        RankedRow(2, -1.0, 0, 0, 0, 0, 0),
        RankedRow(3, -1.0, 0, 0, 0, 0, 0),
        RankedRow(4, -2.0, 0, 0, 0, 0, 0),
        RankedRow(5, -0.5, 0, 0, 0, 1, 0),
        RankedRow(6, -0.1, 0, 0, 0, 0, 1),
    ]
    dates = {1: "2023-04-01", 2: "2023-04-09", 3: None, 4: "2020-01-01", 5: None, 6: None}
    # title match first, then whole-word match, then BM25, then newer first, undated last
    assert [r.id for r in order_window(rows, dates)] == [5, 6, 4, 2, 1, 3]


@pytest.mark.parametrize(
    ("query", "label"),
    [
        ("四月四日", "4月4日"),
        ("四月六号", "4月6日"),
        ("二〇二三年四月六日", "2023年4月6日"),
        ("十二月", "12月"),
        ("April 4", "4月4日"),
        ("Apr 6, 2023", "2023年4月6日"),
        ("4th of April", "4月4日"),
        ("April 2023", "2023年4月"),
    ],
)
def test_dates_in_chinese_numerals_and_english(query, label):
    """Issue 3 (QA): readers write dates as 四月四日 or, in English, April 4; both are dates."""
    parsed = parse_query(query)
    assert [d.label() for d in parsed.dates] == [label]
    assert parsed.terms == ()


def test_chinese_numerals_that_are_not_dates_stay_words():
    """Issue 3 (QA): only a valid month/day becomes a date; 一二三 and 十三月 stay as typed."""
    assert parse_query("“一二三”工作法").terms == ("一二三", "工作法")
    assert parse_query("十三月").dates == ()


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("who is 王伟", ("王伟",)),
        ("Who chaired the 统战工作会议?", ("chaired", "统战工作", "会议")),
        ("news about 保交楼", ("保交楼",)),
    ],
)
def test_english_question_and_function_words_are_dropped(query, terms):
    """Issue 3 (QA): an English reader's question words are not content to find."""
    parsed = parse_query(query)
    assert parsed.terms == terms
    assert parsed.question == ("?" in query or query.startswith(("who", "Who")))


def test_pasted_markup_tags_are_not_searched():
    """Issue 3 (QA): <b>保交楼</b> searches 保交楼, not the letters of the tags."""
    assert parse_query("<b>保交楼</b>").terms == ("保交楼",)
    assert parse_query('<a href="x">电梯</a>').terms == ("电梯",)


def test_a_glued_single_character_has_a_loose_reading():
    """Issue 3 (QA): 侯寨乡 glues 乡 onto an unknown place; the loose reading without it is what the
    searcher tries when the glued one finds nothing. Issue 20: a lone verb, locality or particle is
    of a question is never glued (李卓瑜讲了什么 reads 李卓瑜, 博物馆里南宋…叫什么 reads 博物馆 and 南宋)."""
    parsed = parse_query("侯寨乡")
    assert parsed.terms == ("侯寨乡",) and parsed.loose_terms == ("侯寨",)
    assert parse_query("李卓瑜讲了什么").terms == ("李卓瑜",)
    assert parse_query("博物馆里南宋的画作叫什么").terms == ("博物馆", "南宋", "画作")
    assert parse_query("自媒体").terms == ("自媒体",)  # a keyword search glues as before
    assert parse_query("中柬要拓展哪些领域").terms[0].startswith("中")  # 中 for China stays
    assert parse_query("保交楼").loose_terms == ()


def test_capital_operators_read_as_a_search_engine_would():
    """Issue 3 (QA): 保交楼 AND 电梯 found nothing (the letters "and" were a required term) and
    保交楼 NOT 电梯 found the article holding 电梯; AND is dropped, NOT excludes the next word."""
    assert parse_query("保交楼 AND 电梯").terms == ("保交楼", "电梯")
    parsed = parse_query("保交楼 NOT 电梯")
    assert parsed.terms == ("保交楼",) and parsed.excluded == ("电梯",)


@pytest.mark.parametrize("typed", ["NOT 保交楼", "  NOT 保交楼", "-保交楼"])
def test_not_at_the_start_excludes_too_and_leaves_nothing_to_find(typed):
    """QA pass 7: NOT 保交楼 alone found the stories holding 保交楼."""
    parsed = parse_query(typed)
    assert parsed.terms == () and parsed.excluded == ("保交楼",) and parsed.only_excluded
    assert not parse_query("保交楼 -郑州").only_excluded and not parse_query("NOTICE 保交楼").only_excluded


@pytest.mark.parametrize(
    ("typed", "first", "last"),
    [
        ("4月4日至6日", "2026-04-04", "2026-04-06"),
        ("4月4日-6日的新闻", "2026-04-04", "2026-04-06"),
        ("2023年4月4日到6日", "2023-04-04", "2023-04-06"),
        ("4月28日至5月3日", "2026-04-28", "2026-05-03"),
        ("12月30日至1月2日", "2025-12-30", "2026-01-02"),
    ],
)
def test_a_span_of_days_is_a_period(typed, first, last):
    """QA pass 7: 4月4日至6日 found nothing (4月4日 a date, 至6日 a word no story holds)."""
    parsed = parse_query(typed, today=date(2026, 12, 6))
    assert [(p.start.isoformat(), p.end.isoformat()) for p in parsed.periods] == [(first, last)]
    assert parsed.terms == () and parsed.dates == ()


@pytest.mark.parametrize(
    ("typed", "label"),
    [("23年4月4日", "2023年4月4日"), ("98年7月1日", "1998年7月1日"), ("20230404", "2023年4月4日")],
)
def test_a_two_digit_year_or_eight_digits_is_a_date(typed, label):
    """QA pass 7: 23年4月4日 and 20230404 found nothing."""
    parsed = parse_query(typed)
    assert [d.label() for d in parsed.dates] == [label] and parsed.terms == ()


@pytest.mark.parametrize("typed", ["20231340", "13783451234", "40年4月"])
def test_digits_that_are_no_date_stay_words(typed):
    assert parse_query(typed).terms


def test_invisible_characters_inside_a_word_are_dropped():
    """Issue 3 (QA): a zero-width space pasted inside 保交楼 does not split it into 保 and 交楼."""
    assert parse_query("保\u200b交楼").terms == ("保交楼",)
    assert parse_query("\ufeff\u200d").empty


@pytest.mark.parametrize("query", ["2023年", "2023年的新闻", "二〇二三年", "2023年度", "2023", " 2023 "])
def test_a_year_alone_is_a_date(query):
    """Issue 3 (QA): 2023年 found nothing (no article writes the year); it is the whole year."""
    parsed = parse_query(query)
    assert [d.label() for d in parsed.dates] == ["2023年"] and parsed.terms == ()
    assert date_sql(parsed.dates[0]) == ("substr(a.date, 1, 4) = ?", ["2023"])


@pytest.mark.parametrize("query", ["12345", "1800", "2023 2024", "碳达峰 2030"])
def test_four_digits_out_of_range_later_than_this_year_or_several_stay_words(query: str) -> None:
    """Digits that are no year, a year after today's (a target the news prints), or several years typed
    together are searched as typed."""
    parsed = parse_query(query, today=date(2026, 12, 7))
    assert parsed.dates == ()
    assert parsed.terms


@pytest.mark.parametrize("query", ["二七区 2023", "2023 保交楼", "保交楼 2023 进展"])
def test_a_year_typed_beside_other_words_is_the_year(query: str) -> None:
    """QA: 二七区 2023 searched 2023 as a word and dropped it (local news prints 4月4日, not the year): a
    year typed as a word of its own is the year's news, as 二七区2023年 is."""
    parsed = parse_query(query, today=date(2026, 12, 7))
    assert [d.label() for d in parsed.dates] == ["2023年"]
    assert parsed.terms and "2023" not in parsed.terms


@pytest.mark.parametrize("query", ["4-6", "4/6", "4.6"])
def test_a_month_and_day_in_figures_is_a_date_with_any_separator(query: str) -> None:
    assert [d.label() for d in parse_query(query).dates] == ["4月6日"]


@pytest.mark.parametrize("query", ["4.31", "13/4", "2-30"])
def test_a_message_of_a_month_and_day_no_calendar_has_says_so(query: str) -> None:
    parsed = parse_query(query)
    assert parsed.no_such_dates == (query,)
    assert parse_query(f"增长 {query}").no_such_dates == ()  # beside other words it may be a number


def test_a_question_drops_its_short_adverbs_but_keeps_longer_words_jieba_tags_so() -> None:
    terms = parse_query("全国已经收获小麦多少亩").terms
    assert "已经" not in terms and "小麦" in terms
    # jieba tags 一次性 as an adverb; in a question it names what is asked about
    assert "一次性" in parse_query("法国打算在哪年前把一次性塑料用量降到零").terms


def test_which_year_is_a_question_word_not_part_of_the_next_word() -> None:
    terms = parse_query("成都高新区是哪年成为国家级高新区的").terms
    assert "年成为" not in terms and "成为" in terms
    assert parse_query("李达哪一年参加的宁都起义").question


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("渔乐山庄啥时候开张的", ("渔乐", "山庄", "开张")),  # 啥时候 = 什么时候
        ("那家店啥名字", ("店",)),  # 那家 points at the shop; no story prints 那家店
        ("乱扔垃圾最多判几年", ("垃圾", "最多判")),  # 几年: a count of years asked for
        ("大桥修了多少年", ("大桥",)),
    ],
)
def test_colloquial_question_words_make_a_question(query: str, terms: tuple[str, ...]) -> None:
    """Issue 20: 啥 is the everyday 什么, and 几年 / 多少年 ask for a count: such a message is a question
    (ranked by evidence and answered), and the question words are no words to find."""
    parsed = parse_query(query)
    assert parsed.question
    assert parsed.terms == terms


@pytest.mark.parametrize("query", ["近几年 GDP", "这几年 变化"])
def test_a_few_years_is_no_question(query: str) -> None:
    """近几年, 这几年 say "the last few years", they ask nothing."""
    assert not parse_query(query).question


@pytest.mark.parametrize(
    ("typed", "printed"),
    [("卫健委", "卫生健康委员会"), ("外汇局", "国家外汇管理局"), ("国企", "国有企业"), ("民企", "民营企业")],
)
def test_short_names_of_public_bodies_are_searched_as_printed(typed: str, printed: str) -> None:
    # The abbreviation stays one word of the question, and its fallback reading holds the printed form.
    parsed = parse_query(f"{typed}副司长是谁")
    assert typed in parsed.terms
    expanded = with_printed_forms(parsed)
    assert expanded is not None and any(printed in group for group in expanded.groups)


@pytest.mark.parametrize(
    ("query", "year", "terms"),
    [
        ("2019年1到9月就业困难人员有多少人实现了就业", 2019, ("就业", "困难", "人员", "实现")),
        ("2020年1至4月全国汽车产量多少", 2020, ("全国", "汽车产量")),
        ("2019年1-9月全国网上零售额多少", 2019, ("全国", "网上", "零售额")),
    ],
)
def test_a_span_of_months_of_a_year_is_the_year_not_words(
    query: str, year: int, terms: tuple[str, ...]
) -> None:
    # The span (1到9月) used to leave the junk words 2019年1 and 9月; news writes it 1—9月 or 前三季度.
    parsed = parse_query(query)
    assert [(d.year, d.month) for d in parsed.dates] == [(year, 0)]
    assert parsed.terms == terms


def test_a_span_of_months_in_the_wrong_order_is_no_date() -> None:
    assert not parse_query("2019年9到1月").dates


@pytest.mark.parametrize(
    ("query", "count"),
    [("2018年17个服务贸易创新发展试点地区都有哪些", "17"), ("2019年3家企业上榜了吗", "3家")],
)
def test_a_year_before_a_count_is_the_year_and_the_count(query: str, count: str) -> None:
    # 2018年17个 used to be one junk word (2018年17) that no article holds, and no date.
    parsed = parse_query(query)
    assert [(d.year, d.month) for d in parsed.dates] == [(int(query[:4]), 0)]
    assert count in parsed.terms and not any("年" in t for t in parsed.terms)


def test_a_year_before_a_month_no_calendar_has_stays_as_typed() -> None:
    parsed = parse_query("2019年13月的新闻")
    assert not parsed.dates and parsed.no_such_dates == ("2019年13月",)


@pytest.mark.parametrize(
    ("query", "terms"),
    [
        ("国家援鄂抗疫医疗队一共多少人", ("国家", "援鄂", "抗疫", "医疗队")),
        ("巴西那次铁矿溃坝是哪天发生的", ("巴西", "铁矿", "溃坝", "发生")),
        ("这次疫情总共有多少医院", ("疫情", "医院")),
    ],
)
def test_a_total_asked_for_and_this_time_are_no_words_of_the_topic(
    query: str, terms: tuple[str, ...]
) -> None:
    # 一共 (jieba tags it an abbreviation) asks for a total; 那次 points back: the story prints neither.
    assert parse_query(query).terms == terms


@pytest.mark.parametrize(
    ("spec", "span"),
    [
        (DateSpec("2023年", 0, 2023), (date(2023, 1, 1), date(2023, 12, 31))),
        (DateSpec("2024年2月", 2, 2024), (date(2024, 2, 1), date(2024, 2, 29))),
        (DateSpec("2023年4月13日", 4, 2023, 13), (date(2023, 4, 13), date(2023, 4, 13))),
        (DateSpec("4月13日", 4, None, 13), (date(2026, 4, 13), date(2026, 4, 13))),
        (DateSpec("12月31日", 12, None, 31), (date(2025, 12, 31), date(2025, 12, 31))),
        (DateSpec("12月", 12, None), (date(2026, 12, 1), date(2026, 12, 31))),
        (DateSpec("1月", 1, None), (date(2026, 1, 1), date(2026, 1, 31))),
        (DateSpec("2023年2月30日", 2, 2023, 30), None),
        (DateSpec("0000年", 0, 0), None),
    ],
)
def test_a_dates_span_is_the_days_it_names(spec: DateSpec, span: tuple[date, date] | None) -> None:
    """A date's days: a year's, a month's or one day's; without a year the most recent on or before today
    (2026-12-06 here); None for a day no calendar has."""
    assert spec.span(date(2026, 12, 6)) == span
