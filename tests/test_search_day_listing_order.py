"""A day's listing (2月14日有什么新闻, 昨天, 上周) in a real month's archive listed each day's last page first:
theatre reviews before the front page. Each day's stories now come in the order they were stored, the paper's
front page first, as /latest lists them (issue 20)."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import date

import pytest
import sqlite_utils

from storage.records.articles import latest_articles
from storage.search.engine import Searcher
from storage.search.ranking import RankedRow, order_window
from tests.search_support import stories_db

# Two days of a paper, each ingested front page first, as a day's pages are printed and exported.
FEB_14 = [
    (
        "2019-02-14",
        "国务院印发职业教育改革实施方案",
        ["新华社北京2月13日电 国务院日前印发职业教育改革实施方案。"],
    ),
    ("2019-02-14", "春运民航旅客创新高", ["记者从民航局获悉，春运以来民航旅客运输量创新高。"]),
    ("2019-02-14", "南极长城站地震台完成改建", ["南极长城站地震台近日完成改建，投入运行。"]),
    ("2019-02-14", "中国围棋棋王战决赛战罢第二局", ["世界围棋棋王战决赛第二局，中国棋手扳回一城。"]),
    ("2019-02-14", "话剧新作收获好评（看台人语）", ["一部话剧新作日前上演，收获好评。"]),
    ("2019-02-14", "内退职工受伤谁来担（以案说法）", ["某工人内退后到某公司工作，受伤后赔偿责任引发争议。"]),
]
FEB_15 = [
    (
        "2019-02-15",
        "中办国办印发关于加强金融服务民营企业的意见",
        ["新华社北京2月14日电 近日，中办国办印发意见。"],
    ),
    ("2019-02-15", "一月外贸进出口同比增长", ["海关总署14日发布，一月外贸进出口同比增长。"]),
    ("2019-02-15", "欧洲反恐形势难言乐观（国际视点）", ["欧洲多国近期加强反恐措施。"]),
    ("2019-02-15", "青年电影人成长为中坚力量（艺海观澜）", ["一批青年电影人正成长为中坚力量。"]),
]
Archive = tuple[Searcher, sqlite_utils.Database]
FRONT_PAGES = {"国务院印发职业教育改革实施方案", "中办国办印发关于加强金融服务民营企业的意见"}


@pytest.fixture(scope="module")
def archive(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Archive]:
    db = stories_db(tmp_path_factory.mktemp("days"), FEB_14 + FEB_15)
    try:
        yield Searcher(db), db
    finally:
        db.close()


def _titles(searcher: Searcher, query: str, *, limit: int = 10, offset: int = 0, today: date) -> list[str]:
    return [h.title for h in searcher.search(query, limit=limit, offset=offset, today=today).hits]


@pytest.mark.parametrize("query", ["2月14日有什么新闻", "2019年2月14日的新闻", "昨天有什么新闻"])
def test_a_day_is_listed_front_page_first(archive: Archive, query: str) -> None:
    searcher, _ = archive
    titles = _titles(searcher, query, today=date(2019, 2, 15))
    # the day's own stories, then (for a date typed out) a story of another day that mentions it
    assert titles[: len(FEB_14)] == [t for _, t, _ in FEB_14], titles


def test_a_period_lists_the_newest_day_first_each_day_front_page_first(archive: Archive) -> None:
    searcher, _ = archive
    titles = _titles(searcher, "上周有什么新闻", today=date(2019, 2, 20))
    assert titles == [t for _, t, _ in FEB_15 + FEB_14], titles


def test_the_next_page_of_a_day_goes_on_where_the_first_ended(archive: Archive) -> None:
    searcher, _ = archive
    first = _titles(searcher, "昨天有什么新闻", limit=3, today=date(2019, 2, 15))
    second = _titles(searcher, "昨天有什么新闻", limit=3, offset=3, today=date(2019, 2, 15))
    assert first + second == [t for _, t, _ in FEB_14]


def test_the_latest_day_is_listed_as_latest_lists_it(archive: Archive) -> None:
    searcher, db = archive
    titles = _titles(searcher, "2月15日有什么新闻", today=date(2019, 2, 16))
    assert titles == [a.title for a in latest_articles(db, len(FEB_15))]
    assert titles[0] in FRONT_PAGES


def test_a_word_search_keeps_the_later_stored_first_among_equals() -> None:
    rows = [RankedRow(i, -1.0, 0, 0, 0, 0, 0) for i in (3, 1, 2)]
    dates: dict[int, str | None] = {1: "2019-02-14", 2: "2019-02-14", 3: "2019-02-15"}
    assert [r.id for r in order_window(rows, dates)] == [3, 2, 1]
    assert [r.id for r in order_window(rows, dates, listing=True)] == [3, 1, 2]
