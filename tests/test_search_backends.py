"""Search on PostgreSQL gives what it gives on SQLite (issue 23): the seed page ingested into both backends,
then the judged queries, the off-topic ones, slips, dates, OR, exclusions, questions and the other index
reads compared result by result, score by score. Runs on a real PostgreSQL server (skips, saying why,
where none can run)."""

from __future__ import annotations

from datetime import date

import pytest

from storage.database.access import Database
from storage.database.index import index_articles, rebuild_index, unindex_articles
from storage.ingest.pipeline import ingest_paths
from storage.search.engine import Searcher, containing_any, to_record
from storage.search.expressions import all_of, any_of, match_expression
from storage.search.index_reader import index_reader
from tests.search_support import SEED
from tests.test_search_quality import JUDGED, OFF_TOPIC

TODAY = date(2023, 4, 20)
MORE = [
    "楼",  # one character: a prefix query
    "吕安明",  # a slip corrected from the index's words
    "侯寨",
    "人才 OR 统战",
    "统战 -宗教",
    "4月",
    "2023年4月",
    "上周",
    "樊惠林去了哪里",
    "C罗",
    "郑州 项目 建设 工作 会议",
    "这次会议提出了哪几点要求",
    "zhengzhou",  # a word typed in pinyin, read from the index's tokens (issue 20)
    "zhengzhou yanjiusuo",
]


@pytest.fixture(scope="module")
def backends(tmp_path_factory, postgres_server):
    sqlite = Database.open(str(tmp_path_factory.mktemp("backends") / "seed.db"))
    postgres = Database.open(postgres_server.new_database())
    for database in (sqlite, postgres):
        report = ingest_paths(database, [SEED])
        assert report.new == 6
    yield sqlite, postgres
    sqlite.close()
    postgres.close()


def _results(database, query):
    response = Searcher(reader=database.reader).search(query, today=TODAY, limit=10)
    record = to_record(response)
    record.pop("took_ms")
    return record, response.corrections, response.dropped


@pytest.mark.parametrize("query", [*JUDGED, *OFF_TOPIC, *MORE])
def test_every_query_gives_the_same_results_scores_and_answer(backends, query):
    sqlite, postgres = backends
    assert _results(postgres, query) == _results(sqlite, query)


def test_the_judged_queries_put_the_same_story_first(backends):
    sqlite, postgres = backends
    firsts = {}
    for name, database in (("sqlite", sqlite), ("postgresql", postgres)):
        searcher = Searcher(reader=database.reader)
        firsts[name] = {q: [h.id for h in searcher.search(q, today=TODAY).hits][:1] for q in JUDGED}
    assert all(firsts["sqlite"].values())
    assert firsts["postgresql"] == firsts["sqlite"]


def test_match_ids_latest_day_and_exclusions_agree(backends):
    sqlite, postgres = backends
    for query in ["保交楼", "人才 OR 统战", "4月6日", "虎荣鑫 -侯寨乡", "楼"]:
        ids = [Searcher(reader=d.reader).match_ids(query) for d in (sqlite, postgres)]
        assert ids[0] == ids[1] and ids[0], query
    days = [Searcher(reader=d.reader).latest_day(TODAY) for d in (sqlite, postgres)]
    assert days[0] == days[1] is not None
    every = [r[0] for r in sqlite.read(lambda db: db.execute("SELECT id FROM articles").fetchall())]
    held = [d.read(lambda db: containing_any(db, ["统战", "自媒体"], every)) for d in (sqlite, postgres)]
    assert held[0] == held[1] and len(held[0]) == 2


def _totals(postgres):
    return postgres.read(
        lambda db: db.execute("SELECT documents, tokens FROM articles_fts_totals").fetchone()
    )


def test_rebuilding_and_unindexing_keep_the_totals_and_the_results(backends):
    """BM25's statistics (rows and tokens) follow every way the index is written."""
    sqlite, postgres = backends
    before, totals = _results(postgres, "人才工作"), _totals(postgres)
    with postgres.writer() as db:
        assert rebuild_index(db) == 6
    assert _totals(postgres) == totals and totals[0] == 6
    assert _results(postgres, "人才工作") == before == _results(sqlite, "人才工作")
    with postgres.writer() as db:
        unindex_articles(db, [1])
    assert _totals(postgres)[0] == 5 and _totals(postgres)[1] < totals[1]
    with postgres.writer() as db:
        index_articles(db, [1])
    assert _totals(postgres) == totals
    assert _results(postgres, "人才工作") == before


def _many(database, count: int) -> None:
    """`count` articles that mostly mention 人才 once in passing (equal scores: long tie groups), one in
    three titled 人才 (the title tier), dated over a year."""
    from storage.database.index import index_articles
    from storage.models import ParsedArticle
    from storage.records.articles import upsert_articles

    articles = [
        ParsedArticle(
            title=f"第{i}期{'人才' if i % 3 == 0 else ''}工作简报",
            paragraphs=(f"本报讯 第{i % 7}号 区里召开专题会议，研究部署重点工作。会上还提到人才相关事项。",),
            date=f"2024-{1 + i % 12:02d}-{1 + i % 28:02d}",
        )
        for i in range(count)
    ]
    with database.writer() as db:
        stored = upsert_articles(db, articles)
        index_articles(db, stored.changed_ids)


@pytest.mark.parametrize(
    "query", ["人才", "人才 工作简报", "专题会议", "2024年3月 人才", "3月3日", "人才 -第3号", "人才工作简报"]
)
def test_tiers_and_tie_groups_give_the_same_pages_on_both_backends(tmp_path, postgres_url, query):
    """More matches than `matching.TIER_MIN_MATCHES` (the tier shortcuts run) and groups of equal scores
    running past the page (the whole group is fetched): every page the same on both backends."""
    sqlite, postgres = Database.open(str(tmp_path / "many.db")), Database.open(postgres_url)
    try:
        for database in (sqlite, postgres):
            _many(database, 1300)
        for offset in (0, 10, 500):
            pages = [
                to_record(Searcher(reader=d.reader).search(query, today=TODAY, offset=offset))
                for d in (sqlite, postgres)
            ]
            for page in pages:
                page.pop("took_ms")
            assert pages[0]["total"] > 0
            assert pages[1] == pages[0]
    finally:
        sqlite.close()
        postgres.close()


@pytest.mark.parametrize(
    "expr",
    [
        any_of(["人才", "统战", "工作"]),
        all_of(["工作", "会议"]),
        match_expression(["工作"], excluded=["统战"]),
        any_of(["郑州市", "项目", "2023"]),
        any_of(["楼"]),
    ],
)
def test_best_bm25_candidates_are_the_same_doubles_on_both_backends(backends, expr):
    """The evidence ranking's best-BM25 candidates: the same articles, the same bm25() to the last bit."""
    found = [d.read(lambda db: index_reader(db.conn).best_bm25(expr, 100)) for d in backends]
    assert found[0] and found[1] == found[0]


def test_the_two_character_tokens_read_for_pinyin_are_the_same_on_both_backends(backends):
    sqlite, postgres = backends
    firsts = ["郑", "研", "保", "无"]
    grams = [d.read(lambda db: index_reader(db.conn).bigrams_from(firsts)) for d in (sqlite, postgres)]
    assert grams[0] == grams[1]
    assert grams[0]["郑州"] >= 1 and "研究" in grams[0] and not any(g.startswith("无") for g in grams[0])


def test_latest_matching_each_is_latest_matching_of_each_on_both_backends(backends):
    """A slip's lookups, read in one statement on PostgreSQL (issue 23)."""
    exprs = [any_of(["人才"]), all_of(["工作", "会议"]), any_of(["没有的词语"]), any_of(["楼"])]
    for database in backends:
        each = database.read(lambda db: index_reader(db.conn).latest_matching_each(exprs, 3))
        one = database.read(lambda db: [index_reader(db.conn).latest_matching(e, 3) for e in exprs])
        assert each == one and each[0] and not each[2]
    found = [d.read(lambda db: index_reader(db.conn).latest_matching_each(exprs, 3)) for d in backends]
    assert found[1] == found[0]


def test_every_read_keeps_postgresql_to_the_gin_index(backends):
    """The read's settings are made once per transaction however many index readers a search makes,
    and again in the next read, also after a rollback to a savepoint."""
    _, postgres = backends

    def settings(db):
        index_reader(db.conn)
        index_reader(db.conn)
        return db.conn.execute("SELECT current_setting('enable_seqscan'), current_setting('jit')").fetchone()

    for _ in range(2):
        assert tuple(postgres.read(settings)) == ("off", "off")
    with postgres.writer() as db:
        with pytest.raises(KeyError), postgres.writer() as inner:
            assert tuple(settings(inner)) == ("off", "off")
            raise KeyError("rolled back to the savepoint, and the settings with it")
        assert db.conn.execute("SELECT current_setting('enable_seqscan')").fetchone()[0] == "on"
        assert tuple(settings(db)) == ("off", "off")


def test_an_article_longer_than_a_tsvector_holds_positions_for_is_indexed_and_found(postgres_url):
    """Past 16,383 tokens PostgreSQL keeps no more positions (storage.database.tsvector): such an article
    is still stored, indexed and found by its words."""
    from storage.database.index import index_articles
    from storage.models import ParsedArticle
    from storage.records.articles import upsert_articles

    postgres = Database.open(postgres_url)
    try:
        long_story = ParsedArticle(
            title="长篇报告",
            paragraphs=("人才强国战略。" + "中国发展" * 6000,),
            date="2023-04-06",
        )
        with postgres.writer() as db:
            index_articles(db, upsert_articles(db, [long_story]).changed_ids)
        searcher = Searcher(reader=postgres.reader)
        for query in ("人才强国", "中国发展", "长篇报告"):
            assert [h.title for h in searcher.search(query, today=TODAY).hits] == ["长篇报告"], query
    finally:
        postgres.close()
