"""Ranking is exact at any size (issue 12): the first page is the true top of every match, not of the
most recently stored ones. The corpora here are built so that the best match is the oldest of many."""

from __future__ import annotations

import pytest

from storage.database.connection import open_db
from storage.database.index import index_articles
from storage.database.writing import write_transaction
from storage.models import ParsedArticle
from storage.records.articles import upsert_articles
from storage.search import matching
from storage.search.engine import Searcher
from storage.search.query import parse_query
from storage.search.ranking import RankedRow, order_window, page_sql, plan, tier_flags

MANY = 700  # more matches than the old 500-candidate cap

FILLERS = (
    "区里召开专题会议，研究部署下一阶段重点工作，要求各单位压实责任、抓好落实。",
    "街道组织志愿者走访辖区居民，了解群众急难愁盼问题，现场协调解决。",
    "市场监管部门开展食品安全检查，督促商户落实主体责任，规范经营行为。",
    "交通部门对主干道路实施升级改造，施工期间请市民绕行，注意出行安全。",
)


def _filler(i: int) -> str:
    return "".join(FILLERS[(i + k) % len(FILLERS)] for k in range(3))


def _build(tmp_path, articles: list[ParsedArticle]):
    db = open_db(tmp_path / "rank.db")
    with write_transaction(db):
        stored = upsert_articles(db, articles)
        index_articles(db, stored.changed_ids)
    assert len(stored.new_ids) == len(articles)
    return db


def _common(i: int, word: str) -> ParsedArticle:
    """A newer article mentioning `word` once, in passing, in a long body."""
    day = 1 + i % 28
    month = 1 + (i // 28) % 12
    return ParsedArticle(
        title=f"第{i}期工作简报",
        paragraphs=(f"本报讯 第{i:04d}号 {_filler(i)}会上还提到{word}相关事项。{_filler(i + 1)}",),
        date=f"2024-{month:02d}-{day:02d}",
    )


@pytest.fixture(scope="module")
def oldest_best(tmp_path_factory):
    """The oldest article (stored first, dated 2001) is about 人才 in its title and body; 700 newer
    articles mention 人才 once in passing."""
    tmp = tmp_path_factory.mktemp("oldest")
    best = ParsedArticle(
        title="人才工作推进会召开",
        paragraphs=("本报讯 人才是第一资源。会议研究人才引进、人才培养和人才服务，要求做好人才工作。",),
        date="2001-03-05",
    )
    db = _build(tmp, [best] + [_common(i, "人才") for i in range(MANY)])
    yield db
    db.close()


def test_the_oldest_best_match_is_first_among_many(oldest_best):
    resp = Searcher(oldest_best).search("人才")
    assert resp.total == MANY + 1
    assert resp.hits[0].title == "人才工作推进会召开"
    assert resp.hits[0].date == "2001-03-05"


def _full_order(db, query: str, years: tuple[int, int] | None = None) -> list[int]:
    """Every match ranked (window = all of them), in the engine's final order: the reference."""
    p = plan(parse_query(query), years=years)
    assert p is not None
    sql, params = page_sql(p, window=10**6)
    rows = [RankedRow(*r) for r in db.conn.execute(sql, params)]
    dates = {r[0]: r[1] for r in db.conn.execute("SELECT id, date FROM articles")}
    return [r[0] for r in order_window(rows, dates)]


def test_first_pages_equal_the_top_of_every_match(oldest_best):
    reference = _full_order(oldest_best, "人才")
    assert len(reference) == MANY + 1
    searcher = Searcher(oldest_best)
    page1 = [h.id for h in searcher.search("人才", limit=10).hits]
    page2 = [h.id for h in searcher.search("人才", limit=10, offset=10).hits]
    assert page1 + page2 == reference[:20]


def test_body_relevance_beats_recency_without_any_title_match(tmp_path):
    """No title holds the word: BM25 over the body alone must still bring the oldest, most relevant
    article (the word five times in a short body) ahead of 700 newer passing mentions."""
    best = ParsedArticle(
        title="一份旧档案",
        paragraphs=("本报讯 档案馆整理出电梯维保记录：电梯年检、电梯改造、电梯加装和电梯安全。",),
        date="1999-12-30",
    )
    db = _build(tmp_path, [best] + [_common(i, "电梯") for i in range(MANY)])
    resp = Searcher(db).search("电梯")
    assert resp.total == MANY + 1
    assert resp.hits[0].title == "一份旧档案"
    db.close()


def test_recency_breaks_ties(tmp_path):
    """Articles equally relevant (same text shape) come newest first, whatever order they were stored in."""
    arts = [
        ParsedArticle(
            title=f"简报{n}",
            paragraphs=(f"本报讯 编号{n} {_filler(0)}会上还提到电梯相关事项。{_filler(1)}",),
            date=date,
        )
        for n, date in ((1, "2020-05-01"), (2, "2023-05-01"), (3, "2021-05-01"))
    ]
    db = _build(tmp_path, arts)
    assert [h.date for h in Searcher(db).search("电梯").hits] == ["2023-05-01", "2021-05-01", "2020-05-01"]
    db.close()


def _titled(i: int, date: str) -> ParsedArticle:
    """An article with 电梯 in its title and one to five times in its body."""
    return ParsedArticle(
        title=f"电梯加装第{i}批",
        paragraphs=(f"本报讯 第{i:03d}号 {_filler(i)}" + "电梯" * (1 + i % 5) + "。",),
        date=date,
    )


def test_a_full_top_tier_gives_the_same_pages_as_ranking_every_match(tmp_path, monkeypatch):
    """When the matches holding every flag (here: the word in the title) fill the page, the engine
    ranks only them; the pages must equal those of ranking every match."""
    monkeypatch.setattr(matching, "TIER_MIN_MATCHES", 0)  # the shortcut, however few the matches
    titled = [_titled(i, f"20{10 + i % 10:02d}-0{1 + i % 9}-1{i % 10}") for i in range(40)]
    db = _build(tmp_path, titled + [_common(i, "电梯") for i in range(300)])
    reference = _full_order(db, "电梯")
    searcher = Searcher(db)
    for offset in (0, 10, 20, 30, 40):
        page = [h.id for h in searcher.search("电梯", limit=10, offset=offset).hits]
        assert page == reference[offset : offset + 10]
    # The first page is ranked within the tier alone: one BM25 query, no ranking of every match.
    ranked: list[str] = []
    db.conn.set_trace_callback(lambda sql: ranked.append(sql) if "bm25(" in sql else None)
    searcher.search("电梯", limit=10)
    db.conn.set_trace_callback(None)
    assert len(ranked) == 1
    assert "{title}" in ranked[0].split("\nFROM ", 1)[1]  # the title flag filters the rows ranked
    db.close()


def test_a_page_found_among_the_matches_of_the_date_asked_for_equals_ranking_every_match(
    tmp_path, monkeypatch
):
    """A word and a month: the matches of that month come first, and when they fill the page the engine
    ranks only them (few hold the word in their title as well). Pages equal ranking every match."""
    monkeypatch.setattr(matching, "TIER_MIN_MATCHES", 0)  # the shortcut, however few the matches
    dated = [_common(i, "电梯") for i in range(300)]  # 2024, every month
    titled = [_titled(i, f"2024-03-{1 + i:02d}") for i in range(3)]
    db = _build(tmp_path, titled + dated)
    query = "2024年3月 电梯"
    p = plan(parse_query(query), years=(2024, 2024))
    assert p is not None and tier_flags(p)[0] == "date"
    reference = _full_order(db, query, years=(2024, 2024))
    searcher = Searcher(db)
    assert searcher.search(query, limit=10).total == len(reference)
    for offset in (0, 10, 20):
        page = [h.id for h in searcher.search(query, limit=10, offset=offset).hits]
        assert page == reference[offset : offset + 10]
    first = searcher.search(query, limit=3).hits  # the month's articles with the word in the title
    assert {h.title for h in first} == {a.title for a in titled}
    db.close()


def test_relaxed_matching_by_one_expression_equals_the_held_weight_filter(tmp_path):
    """Relaxed mode keeps the articles holding at least half the terms' weight. The plan finds them with
    one FTS5 expression (the minimal sets of terms weighing that much); counts, keys and order must be
    those of checking every article that holds any term."""
    from dataclasses import replace

    from storage.search.ranking import count_sql

    words = ("中国", "收费", "公路", "进展", "调整")
    arts = []
    for i in range(240):
        held = [w for k, w in enumerate(words) if (i >> k) & 1]
        body = f"本报讯 第{i}号 {_filler(i)}" + "，".join(held) + "。" + ("收费公路" if i % 7 == 0 else "")
        arts.append(
            ParsedArticle(
                title=f"{'中国' if i % 3 == 0 else '简报'}{i}", paragraphs=(body,), date="2024-05-01"
            )
        )
    db = _build(tmp_path, arts)
    for query in ("中国收费公路有什么新进展？", "中国 收费 公路 调整", "收费 公路 进展 -调整"):
        p = plan(parse_query(query), relaxed=True)
        assert p is not None and p.qualify is not None, query
        by_filter = replace(p, qualify=None)
        counts = [db.conn.execute(*count_sql(x)).fetchone()[0] for x in (p, by_filter)]
        assert counts[0] == counts[1] > 0, query
        rows = [sorted(db.conn.execute(*page_sql(x, window=10**6)).fetchall()) for x in (p, by_filter)]
        assert rows[0] == rows[1] and len(rows[0]) == counts[0], query
    db.close()
