"""A keyword search with a dated period (`2019年6月 脱贫`, `去年6月 脱贫`, `今年一季度 GDP`) finds the stories
of that period (QA pass 18), on SQLite and on PostgreSQL.

The index's date tokens carry no year, so `2019年6月 脱贫` counted every story mentioning 6月 of any year: a
story of 2020 planning work "到6月底" came back for June 2019. A story now counts when it is dated in the
period, prints the date with its year (2019年6月), or prints it without a year in a story of that year.
A part of a year (一季度) printed without its year counts in the stories of that year (its figures are
printed after it ends), and 去年6月 printed in a story of 2020 is June 2019. A date typed without a year
(`6月 脱贫`) still counts every mention.
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import date
from pathlib import Path

import pytest

from storage.database.access import Database
from storage.ingest.pipeline import ingest_paths
from storage.search.engine import Searcher
from storage.search.index_reader import Fts5Index
from storage.search.query import parse_query
from storage.search.ranking import counts_by_matches, plan

TODAY = date(2020, 8, 10)
STORIES = [
    ("2019-06-12", "山区县脱贫摘帽", ["全县贫困人口全部脱贫，实现摘帽。"]),
    ("2019-03-05", "春季脱贫攻坚部署", ["各乡镇6月底前完成脱贫任务清单。"]),
    ("2020-03-02", "脱贫攻坚收官冲刺", ["剩余贫困户力争6月底前全部脱贫。"]),
    ("2020-05-08", "回访脱贫村", ["2019年6月，该村整村脱贫。如今产业兴旺。"]),
    ("2020-07-01", "驻村工作队一年间", ["去年6月，工作队进村帮助脱贫。"]),
    ("2020-05-21", "两会代表热议脱贫", ["5月20日，代表们在驻地讨论脱贫攻坚，两会议程过半。"]),
    ("2019-05-21", "去年两会建议落实", ["5月20日，两会建议办理情况通报会召开。"]),
    ("2020-04-17", "一季度经济数据发布", ["一季度GDP同比下降6.8%。"]),
    ("2019-04-17", "经济开局平稳", ["一季度GDP同比增长6.4%。"]),
]


@pytest.fixture(params=["sqlite", "postgresql"])
def searcher(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[Searcher]:
    """A Searcher over `STORIES`, on each backend in turn (PostgreSQL skips, saying why, where none runs)."""
    target = str(tmp_path / "news.db")
    if request.param == "postgresql":
        target = str(request.getfixturevalue("postgres_server").new_database())
    database = stored(target, tmp_path)
    try:
        yield Searcher(reader=database.reader)
    finally:
        database.close()


@pytest.fixture
def sqlite_database(tmp_path: Path) -> Iterator[Database]:
    """`STORIES` in a SQLite file."""
    database = stored(str(tmp_path / "news.db"), tmp_path)
    try:
        yield database
    finally:
        database.close()


def stored(target: str, tmp_path: Path) -> Database:
    """The database at `target` holding `STORIES`."""
    src = tmp_path / "stories.jsonl"
    lines = [json.dumps({"title": t, "date": d, "paragraphs": p}, ensure_ascii=False) for d, t, p in STORIES]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    database = Database.open(target)
    assert ingest_paths(database, [src], source="测试").new == len(STORIES)
    return database


def titles(searcher: Searcher, query: str) -> set[str]:
    return {h.title for h in searcher.search(query, today=TODAY, limit=20).hits}


def test_a_month_with_a_year_counts_its_mentions_in_that_year_only(searcher: Searcher) -> None:
    """`6月底` in a story of 2020 is not June 2019; in a story of 2019 it is, and so are `2019年6月` and
    `去年6月` in a story of 2020."""
    assert titles(searcher, "2019年6月 脱贫") == {
        "山区县脱贫摘帽",
        "春季脱贫攻坚部署",
        "回访脱贫村",
        "驻村工作队一年间",
    }


def test_a_relative_month_reads_like_the_month_with_its_year(searcher: Searcher) -> None:
    assert titles(searcher, "去年6月 脱贫") == titles(searcher, "2019年6月 脱贫")


def test_a_day_with_a_year_keeps_the_next_days_reports_of_it(searcher: Searcher) -> None:
    """The report dated the next day printing 5月20日 counts; the one of 2019 printing it does not."""
    assert titles(searcher, "2020年5月20日 两会") == {"两会代表热议脱贫"}


def test_a_part_of_a_year_counts_the_reports_printed_after_it(searcher: Searcher) -> None:
    """The first quarter's GDP is reported in April; the report of 2019's first quarter is not 2020's."""
    assert titles(searcher, "今年一季度 GDP") == {"一季度经济数据发布"}


def test_a_month_without_a_year_still_counts_every_mention(searcher: Searcher) -> None:
    assert titles(searcher, "6月 脱贫") == {
        "山区县脱贫摘帽",
        "春季脱贫攻坚部署",
        "脱贫攻坚收官冲刺",
        "回访脱贫村",
        "驻村工作队一年间",
    }


DATE_OF_A_MATCH = "(SELECT a.date FROM articles a WHERE a.id = "  # `ranking._in_year`


def statements_of(database: Database, query: str) -> tuple[int, list[str]]:
    """The total of a search and the SQL statements it ran."""
    with database.reader() as db:
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        try:
            response = Searcher(db).search(query, today=TODAY)
        finally:
            db.conn.set_trace_callback(None)
    return response.total, statements


def test_a_month_of_a_year_is_looked_up_in_the_stored_periods(sqlite_database: Database) -> None:
    """`2019年6月 脱贫` reads the articles mentioning June 2019 from `period_mentions` (stored at ingest), not
    the date of each match mentioning 6月."""
    total, statements = statements_of(sqlite_database, "2019年6月 脱贫")
    assert total == 4
    assert not any(DATE_OF_A_MATCH in s for s in statements)
    assert any("period_mentions" in s and "'2019-06'" in s for s in statements)


PART = "今年一季度 GDP"


def test_the_year_of_a_parts_mentions_is_read_once_a_search(sqlite_database: Database) -> None:
    """The filter reading the year of a part's mentions (the story's date, between the year's first and last
    day) runs in one statement: the matches it keeps are counted by listing them, and the page is ranked
    among those."""
    total, statements = statements_of(sqlite_database, PART)
    assert total == 1
    assert sum(DATE_OF_A_MATCH in s for s in statements) == 1


def test_the_page_ranked_among_the_listed_matches_is_the_filtered_page(sqlite_database: Database) -> None:
    """The page and a tie group read among the matches listed when counting are those the filter gives."""
    p = plan(parse_query(PART, today=TODAY), years=(2019, 2020))
    assert p is not None and counts_by_matches(p)
    with sqlite_database.reader() as db:
        listed, filtered = Fts5Index(db.conn), Fts5Index(db.conn)
        total = listed.count(p)
        page = listed.page(p, window=20)
        assert total == len(page) > 0
        assert page == filtered.page(p, window=20)
        last = page[-1]
        keys = (last.on_date, last.nterms, last.exact, last.in_title, last.as_words, last.bm25)
        assert listed.tie(p, keys) == filtered.tie(p, keys) != []


def test_a_year_no_story_is_dated_in_is_not_looked_for_in_the_mentions() -> None:
    """`去年一季度` asked in 2010 (2009's) of an archive of 2019-2020: no story of 2009 prints 一季度 as 2009's,
    nor of 2010 去年一季度; the story printing 2009年一季度 is still looked for."""
    parsed = parse_query("去年一季度 GDP", today=date(2010, 8, 10))
    everywhere = plan(parsed)
    in_archive = plan(parsed, years=(2019, 2020))
    assert everywhere is not None and in_archive is not None
    assert [m.first for m in everywhere.year_mentions] == ["2009-01-01", "2010-01-01"]
    assert in_archive.year_mentions == ()
    assert in_archive.date_text == everywhere.date_text
    earlier = plan(parsed, years=(2008, 2009))
    assert earlier is not None and earlier.year_mentions == everywhere.year_mentions[:1]


def test_a_month_or_day_of_a_year_is_a_stored_period() -> None:
    parsed = parse_query("2019年6月 2020年5月20日 去年3月 脱贫", today=TODAY)
    p = plan(parsed, years=(2019, 2020))
    assert p is not None
    assert set(p.periods) == {"2019-06", "2020-05-20", "2019-03"}
    assert p.year_mentions == () and p.date_text is None


def test_a_dated_search_finding_nothing_is_run_once_before_its_date_goes(sqlite_database: Database) -> None:
    """`2009年6月 脱贫` finds nothing with its date; the looser readings tried next (`ladder.fallbacks`) do not
    run the words as typed again, and the reply leaves the date out."""
    with sqlite_database.reader() as db:
        statements: list[str] = []
        db.conn.set_trace_callback(statements.append)
        try:
            response = Searcher(db).search("2009年6月 脱贫", today=TODAY)
        finally:
            db.conn.set_trace_callback(None)
    assert response.date_dropped and response.total == 6
    assert sum("'2009-06'" in s for s in statements) == 1
