"""Term frequencies stored apart from the tsvector on PostgreSQL (`storage.database.postings`): what each
write stores, what a merge keeps, and that BM25 read from them is the BM25 read from the tsvectors, to
the last bit. The PostgreSQL tests run on a real server (they skip, saying why, where none can run)."""

from __future__ import annotations

import pytest

from storage.database import postings
from storage.database.access import Database
from storage.database.index import index_articles, prepare_document
from storage.database.postgres import POSTGRES_VERSIONS
from storage.database.tsvector import (
    COUNT_MAX,
    WORDS_COUNT_MAX,
    document,
    pack_counts,
    unpack_counts,
)
from storage.ingest.pipeline import ingest_paths
from storage.search import postgres_index
from storage.search.expressions import any_of
from storage.search.index_reader import index_reader
from storage.search.postgres_index import PostgresIndex
from tests.search_support import SEED

# ---- pure -------------------------------------------------------------------------------------------------


def test_counts_pack_into_one_integer_and_back():
    assert unpack_counts(pack_counts((3, 0, 17, 2))) == (3, 0, 17, 2)
    assert unpack_counts(pack_counts((70_000, 1, 1, 40_000))) == (COUNT_MAX, 1, 1, WORDS_COUNT_MAX)
    assert pack_counts((COUNT_MAX, COUNT_MAX, COUNT_MAX, WORDS_COUNT_MAX)) < 2**63


def test_a_document_counts_each_lexeme_per_column_without_title_marks():
    doc = document(("保交 交楼", "记者 者王", "保交 交楼 保交", "保交楼 保交楼"))
    assert unpack_counts(doc.counts["保交"]) == (1, 0, 2, 0)
    assert unpack_counts(doc.counts["交楼"]) == (1, 0, 1, 0)
    assert unpack_counts(doc.counts["记者"]) == (0, 1, 0, 0)
    assert unpack_counts(doc.counts["~保交楼"]) == (0, 0, 0, 2)
    assert not any(key.startswith("^") for key in doc.counts)
    assert doc.length == 2 + 2 + 3 + 2


def test_merges_take_consecutive_segments_of_one_size_class():
    width = postings.MERGE_WIDTH
    batches = [(i, 25) for i in range(1, width + 2)]  # one more than a merge takes, of 25 articles each
    assert postings.merge_plan(batches) == list(range(2, width + 2))  # the newest
    assert postings.merge_plan(batches[: width - 1]) is None
    # a larger segment among them: runs never skip over it
    mixed = [(i, 5000 if i == 4 else 25) for i in range(1, width + 2)]
    assert postings.merge_plan(mixed) is None


def test_merges_stop_at_the_largest_merged_size():
    big = [(i, postings.MAX_MERGED // 4) for i in range(1, postings.MERGE_WIDTH + 1)]
    assert postings.merge_plan(big) is None


def test_many_small_segments_of_mixed_sizes_are_merged_all_the_same():
    sizes = [1, 25] * (postings.MAX_SEGMENTS // 2 + 1)
    segments = [(i + 1, n) for i, n in enumerate(sizes)]
    plan = postings.merge_plan(segments)
    assert plan is not None and len(plan) == postings.MERGE_WIDTH
    assert plan == sorted(plan) and plan[-1] - plan[0] == postings.MERGE_WIDTH - 1  # consecutive


# ---- on PostgreSQL ----------------------------------------------------------------------------------------


@pytest.fixture
def seeded(postgres_server):
    database = Database.open(postgres_server.new_database())
    report = ingest_paths(database, [SEED], batch_size=1)  # one segment per article
    assert report.new == 6
    yield database
    database.close()


def _stored(database) -> dict[tuple[str, int], int]:
    """(lexeme, article) -> packed counts, from the newest segment holding the article."""
    rows = database.read(
        lambda db: db.execute(
            "SELECT lexeme, segment, ids, counts FROM articles_fts_postings ORDER BY segment DESC"
        ).fetchall()
    )
    newest: dict[int, int] = {}
    for _, segment, ids, _ in rows:
        for i in ids:
            newest.setdefault(i, segment)
    out = {}
    for key, segment, ids, counts in rows:
        for i, c in zip(ids, counts, strict=True):
            if newest[i] == segment:
                out[(key, i)] = c
    return out


def _tsvector_bm25(database, expr: str, limit: int = 100) -> list[tuple[int, float]]:
    """best_bm25 read from the tsvectors alone (the counts stored apart hidden in a rolled-back read)."""

    def read(db):
        db.execute("SAVEPOINT hide")
        db.execute("DELETE FROM articles_fts_postings")
        try:
            return PostgresIndex(db).best_bm25(expr, limit)
        finally:
            db.execute("ROLLBACK TO SAVEPOINT hide")

    with database.writer() as db:
        return read(db)


WORDS = ["保交楼", "项目", "郑州", "会议", "统战", "建设", "二七区", "工作 OR 人才", "樊惠林 OR 侯寨"]


def _expressions(database) -> list[str]:
    """Each of `WORDS` as the evidence ranking asks for it (any of the words, as phrases)."""
    return [e for w in WORDS if (e := any_of(w.split(" OR ")))]


def test_each_write_stores_the_counts_its_tsvectors_hold(seeded):
    """What the migration fills from the tsvectors equals what ingest wrote, lexeme by lexeme."""
    written = _stored(seeded)
    assert len({i for _, i in written}) == 6
    with seeded.writer() as db:
        postings.forget_all(db)
        for sql in POSTGRES_VERSIONS[12][3:]:  # the migration's filling statements
            db.execute(sql)
    assert _stored(seeded) == written
    segments = seeded.read(lambda db: list(postings.segments(db)))
    assert segments == [(0, 6)]


@pytest.mark.parametrize("step", [50, 1])
def test_bm25_from_the_counts_is_the_bm25_of_the_tsvectors(seeded, monkeypatch, step):
    monkeypatch.setattr(postgres_index, "BOUND_STEP", step)  # 1: one tsvector read at a time, by bound
    exprs = _expressions(seeded)
    assert len(exprs) == len(WORDS)
    for expr in exprs:
        for limit in (100, 2, 1):  # every match, and the best few (phrases: read until none can enter)
            from_counts = seeded.read(lambda db, e=expr, n=limit: index_reader(db).best_bm25(e, n))
            assert from_counts, expr
            assert from_counts == _tsvector_bm25(seeded, expr, limit), (expr, limit)


def test_an_article_indexed_again_counts_with_its_new_text_before_and_after_a_merge(seeded, monkeypatch):
    target = seeded.read(lambda db: db.execute("SELECT id FROM articles ORDER BY id LIMIT 1").fetchone()[0])
    with seeded.writer() as db:
        db.execute(
            "UPDATE articles SET body = ? WHERE id = ?",
            ["保交楼保交楼保交楼。郑州市二七区推进保交楼工作，项目建设加快。", target],
        )
        index_articles(db, [target])
    exprs = _expressions(seeded)
    before = {e: _tsvector_bm25(seeded, e) for e in exprs}
    for expr in exprs:
        assert seeded.read(lambda db, e=expr: index_reader(db).best_bm25(e, 100)) == before[expr], expr
    monkeypatch.setattr(postings, "MERGE_WIDTH", 7)  # the seven segments: six articles, then one again
    assert postings.merge_postings(seeded.read_connection()) == 1
    segments = seeded.read(lambda db: list(postings.segments(db)))
    assert len(segments) == 1 and segments[0][1] == 7
    stored = _stored(seeded)
    # the article's old text left no counts behind: what is kept of it is its new text's, and only that
    title, byline, body = seeded.read(
        lambda db: db.execute("SELECT title, byline, body FROM articles WHERE id = ?", [target]).fetchone()
    )
    new = prepare_document(title, body, byline, [body])
    expected = document((new.title, new.byline, new.body, new.words))
    assert {key: c for (key, i), c in stored.items() if i == target} == expected.counts
    for expr in exprs:
        assert seeded.read(lambda db, e=expr: index_reader(db).best_bm25(e, 100)) == before[expr], expr


def test_a_merge_waits_for_no_writer_and_a_second_merge_steps_aside(seeded, monkeypatch):
    import psycopg

    monkeypatch.setattr(postings, "MERGE_WIDTH", 2)
    conn = seeded.read_connection()
    with seeded.writer():  # this thread's writer holds the write lock: merging goes on beside it
        assert postings.merge_once(conn)
    with psycopg.connect(seeded.url) as other:  # another process merging holds the merge lock
        other.execute("SELECT pg_advisory_xact_lock(%s)", [postings.MERGE_LOCK])
        assert not postings.merge_once(conn)
        assert len(seeded.read(lambda db: list(postings.segments(db)))) == 5
    assert postings.merge_postings(conn) >= 1


def test_searches_rank_the_same_from_the_counts_as_from_the_tsvectors(seeded, monkeypatch):
    """Every judged query, slip, OR, exclusion, date and question of the seed tests, searched with the
    counts stored apart and without them (every match then read from its tsvector)."""
    from storage.search.engine import Searcher, to_record
    from tests.test_search_backends import MORE, TODAY
    from tests.test_search_quality import JUDGED, OFF_TOPIC

    def results() -> list[dict]:
        out = []
        for query in [*JUDGED, *OFF_TOPIC, *MORE]:
            record = to_record(Searcher(reader=seeded.reader).search(query, today=TODAY, limit=10))
            record.pop("took_ms")
            out.append(record)
        return out

    from_counts = results()
    monkeypatch.setattr(postgres_index, "newest_counts", lambda conn, lexemes, matches: {})
    assert results() == from_counts


def test_lexemes_with_quotes_backslashes_commas_and_braces_are_stored_as_written(postgres_url):
    database = Database.open(postgres_url)
    tricky = 'a"b c\\d x,y {z} NULL ~引"号'
    doc = document(("", "", tricky, ""))
    with database.writer() as db:
        postings.write_segment(db, [(7, doc)])
    keys = list(doc.counts)
    counts = database.read(lambda db: postings.newest_counts(db, keys, [7]))
    assert counts == {7: doc.counts}
    database.close()


def test_an_import_merges_the_segments_it_wrote(postgres_server, monkeypatch):
    """ingest_paths merges as it goes and at the end, through storage.ingest.pipeline.merge_index."""
    monkeypatch.setattr(postings, "MERGE_WIDTH", 2)
    database = Database.open(postgres_server.new_database())
    assert ingest_paths(database, [SEED], batch_size=1).new == 6  # six one-article segments written
    segments = database.read(lambda db: list(postings.segments(db)))
    assert sum(n for _, n in segments) == 6 and len(segments) <= 3
    database.close()
