"""The months and days of a year each article mentions, stored at indexing (`period_mentions`, migration 20)
so that a keyword search with a dated period (`2019年6月 脱贫`) looks them up instead of reading the date of
every match printing 6月 (QA pass 18's cost at 100k articles).

The stored periods must be exactly what the search's filter read before: a story printing the period's
label with its year (the phrase `2019年6月*` in title, byline or body), a story of that year whose date
tokens hold the month or day, or a story of the next year printing it after 去年. Checked against that
reading on hand-made stories with the forms that differ (a space, a leading zero, Chinese numerals, 年度,
月份, 去年 ending a run, datelines, a byline), on both backends, and for an archive upgraded through
migration 20 (the fill, also when interrupted).
"""

from __future__ import annotations

import json
import pickle
from pathlib import Path

import pytest
import sqlite_utils

from storage.database.access import Database
from storage.database.connection import open_db
from storage.database.index import fill_period_mentions
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.ingest.pipeline import ingest_paths
from storage.search.dates.absolute import DateSpec
from storage.search.expressions import date_expression
from storage.search.ranking import _printed
from storage.text.normalize import normalize
from storage.text.periods import DateMention, date_mentions, period_key, periods, printed_dates, story_year
from storage.text.segment import date_tokens

STORIES = [
    {"date": "2020-01-05", "title": "回顾一", "paragraphs": ["2019年 6月，项目开工；2019年06月的数据另计。"]},
    {
        "date": "2020-01-06",
        "title": "回顾二",
        "paragraphs": ["二〇一九年六月，项目开工。2019年度6月计划完成。"],
    },
    {
        "date": "2020-01-07",
        "title": "回顾三",
        "paragraphs": ["截至去年6月底，累计完成投资。去年6月5日开工。"],
    },
    {"date": "2019-06-06", "title": "北京2019年6月5日电", "paragraphs": ["记者从会上获悉，6月5日起施行。"]},
    {"date": "2019-07-01", "title": "快讯", "paragraphs": ["2019年，6月的任务完成。2019年6月份数据发布。"]},
    {"date": "2018-03-01", "title": "通报", "byline": "2019年6月5日", "paragraphs": ["去年，6月完成验收。"]},
    {"date": "2020-06-30", "title": "年中", "paragraphs": ["6月5日召开会议，2018年6月的项目收尾。"]},
]
# (year, month, day) of the periods compared.
KEYS = [(2019, 6, None), (2019, 6, 5), (2018, 6, None), (2020, 6, None), (2020, 6, 5), (2017, 6, None)]


def stored(target: str, tmp_path: Path) -> None:
    src = tmp_path / "stories.jsonl"
    src.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in STORIES), encoding="utf-8")
    database = Database.open(target)
    try:
        assert ingest_paths(database, [src], source="测试").new == len(STORIES)
    finally:
        database.close()


def rows(target: str) -> list[tuple[str, int]]:
    db = open_db(target)
    try:
        found = db.execute("SELECT period, article_id FROM period_mentions ORDER BY period, article_id")
        return [(str(p), int(i)) for p, i in found.fetchall()]
    finally:
        db.close()


def titles_of(target: str, ids: set[int]) -> set[str]:
    db = open_db(target)
    try:
        return {t for i, t in db.execute("SELECT id, title FROM articles").fetchall() if i in ids}
    finally:
        db.close()


def read_by_the_filter(target: str, year: int, month: int, day: int | None) -> set[int]:
    """The articles the search's filter kept for the period before its mentions were stored: the label
    printed anywhere, the date tokens in a story of the year, 去年 and the label in one of the next."""
    spec, unyeared = DateSpec("", month, year, day), DateSpec("", month, None, day)
    db = open_db(target)
    try:

        def matching(expr: str | None, first: str = "0000", last: str = "9999") -> set[int]:
            found = db.execute(
                "SELECT a.id FROM articles_fts f JOIN articles a ON a.id = f.rowid "
                "WHERE articles_fts MATCH ? AND a.date BETWEEN ? AND ?",
                [expr, first, last],
            )
            return {int(r[0]) for r in found.fetchall()}

        return (
            matching(_printed(spec.label()))
            | matching(date_expression([spec]), f"{year}-01-01", f"{year}-12-31")
            | matching(_printed("去年" + unyeared.label()), f"{year + 1}-01-01", f"{year + 1}-12-31")
        )
    finally:
        db.close()


def test_the_stored_periods_are_those_the_filter_read(tmp_path: Path) -> None:
    target = str(tmp_path / "news.db")
    stored(target, tmp_path)
    by_period: dict[str, set[int]] = {}
    for period, article in rows(target):
        by_period.setdefault(period, set()).add(article)
    for year, month, day in KEYS:
        assert by_period.get(period_key(year, month, day), set()) == read_by_the_filter(
            target, year, month, day
        )
    # Not 回顾二 (of 2020: 二〇一九年六月 and 2019年度6月 print no phrase of 2019年6月; its 6月 is 2020's).
    assert titles_of(target, by_period["2019-06"]) == {
        "回顾一",
        "回顾三",
        "北京2019年6月5日电",
        "快讯",
        "通报",
    }
    assert titles_of(target, by_period["2019-06-05"]) == {"回顾三", "北京2019年6月5日电", "通报"}


def test_both_backends_store_the_same_periods(tmp_path: Path, postgres_url: str) -> None:
    sqlite = str(tmp_path / "news.db")
    stored(sqlite, tmp_path)
    stored(postgres_url, tmp_path)
    assert rows(postgres_url) == rows(sqlite) != []


def _restart_fill(target: str, after: int) -> None:
    """The archive as migration 20 leaves an older one, its fill done up to article `after`."""
    db = open_db(target)
    try:
        with write_transaction(db):
            db.execute("DELETE FROM period_mentions WHERE article_id > ?", [after])
            db.execute("INSERT INTO period_mentions_fill (last_id) VALUES (?)", [after])
    finally:
        db.close()


@pytest.mark.parametrize("after", [0, 3])
def test_an_archive_stored_before_migration_20_gets_them_when_opened(
    database_target: str, tmp_path: Path, after: int
) -> None:
    """Opening fills them (`after` 0: from the first article; 3: a fill interrupted after the third)."""
    stored(database_target, tmp_path)
    expected = rows(database_target)
    _restart_fill(database_target, after)
    assert rows(database_target) == expected  # opening it (`rows`) goes on with the fill


def test_the_fill_runs_in_chunks_and_only_while_one_is_under_way(tmp_path: Path) -> None:
    target = str(tmp_path / "news.db")
    stored(target, tmp_path)
    expected = rows(target)
    _restart_fill(target, 0)
    db = sqlite_utils.Database(sqlite3.connect(target))  # opened without the fill
    try:
        assert fill_period_mentions(db, chunk=2) == len(STORIES)
        assert fill_period_mentions(db) == 0
    finally:
        db.close()
    assert rows(target) == expected


# ---------------------------------------------------------------- pure


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("2019年6月，开工", [DateMention(6, year=2019)]),
        ("2019年 6月", [DateMention(6, year=2019)]),  # the phrase's tokens follow each other
        ("2019年6月5日电", [DateMention(6, year=2019), DateMention(6, 5, year=2019)]),
        ("2019年6月份", [DateMention(6, year=2019)]),  # a run beginning with 月
        ("2019年6月底", [DateMention(6, year=2019)]),
        ("2019年06月", []),  # the label prints no leading zero
        ("2019年度6月", []),  # 年 is not a run of its own
        ("二〇一九年六月", []),  # the phrase holds digits (its date token still reads 6月)
        ("截至去年6月底", [DateMention(6, years_back=1)]),
        ("去年6月5日", [DateMention(6, years_back=1), DateMention(6, 5, years_back=1)]),
        ("去年，6月", [DateMention(6, years_back=1)]),
        ("2019年6月5号", [DateMention(6, year=2019)]),  # the label prints 日
        ("2019年13月", []),
        ("6月5日", []),
        ("全年计划", []),  # no 月: not scanned
        ("6月底，年中", []),  # both, in no printed date
    ],
)
def test_printed_dates(text: str, found: list[DateMention]) -> None:
    assert printed_dates(normalize(text)) == found


def test_a_story_mentions_its_printed_dates_and_its_date_tokens_of_its_own_year() -> None:
    body = normalize("去年6月开工，6月5日验收。")
    mentions = date_mentions(normalize("年中回顾"), "", body, date_tokens(body))
    assert periods(mentions, "2020-07-01") == ["2019-06", "2020-06", "2020-06-05"]
    assert periods(mentions, None) == []  # undated: only a printed year counts
    printed = normalize("2019年6月")
    assert periods(date_mentions("", "", printed, date_tokens(printed)), None) == ["2019-06"]


def test_the_mentions_a_preparing_worker_sends_arrive_whole() -> None:
    body = normalize("2019年6月5日电 去年6月开工，8月验收。")
    mentions = date_mentions("", "", body, date_tokens(body))
    arrived = pickle.loads(pickle.dumps(mentions, pickle.HIGHEST_PROTOCOL))
    assert arrived == mentions and all(type(m) is DateMention for m in arrived)
    assert periods(arrived, "2020-03-01") == periods(mentions, "2020-03-01") != []


@pytest.mark.parametrize(
    ("date", "year"),
    [
        ("2020-07-01", 2020),
        ("2020-12-31", 2020),
        ("2020-01-01", 2020),
        ("2020-13-01", None),
        (None, None),
        ("", None),
    ],
)
def test_story_year(date: str | None, year: int | None) -> None:
    assert story_year(date) == year
