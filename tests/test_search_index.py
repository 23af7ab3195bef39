"""The search index stays in step with ingest (issue 3): index_articles runs in the caller's
transaction, stores summary and keywords; rebuild_index; the `search` and `reindex` commands."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from bot.cli import main
from storage.database.connection import open_db
from storage.database.index import index_articles, rebuild_index
from storage.database.writing import write_transaction
from storage.driver import FTS_CONTENTLESS_DELETE
from storage.models import ParsedArticle
from storage.records.articles import upsert_articles
from storage.search import matching
from storage.search.engine import Searcher
from storage.text.summary import keywords, summarize
from tests.schema_support import later_article_columns
from tests.search_support import SEED, build_seed_db, story_ids


def test_summary_is_the_lead_sentence_without_dateline():
    paras = [
        "本报讯 4月 4日上午，二七区委统战工作暨全区宗教工作会议召开，区长虎荣鑫主持会议。会上，各单位作交流发言。"
    ]
    assert summarize(paras) == "4月4日上午，二七区委统战工作暨全区宗教工作会议召开，区长虎荣鑫主持会议。"
    long = ["甲" * 300]
    assert len(summarize(long)) <= 90 and summarize(long).endswith("…")
    assert summarize([]) == ""
    assert "\n" not in summarize(["第一行\n第二行。"])


def test_keywords_come_from_the_text():
    words = keywords("樊惠林到郑州机械研究所调研。樊惠林还到郑州大学第三附属医院调研医院建设。")
    assert "樊惠林" in words and len(words) <= 8


def test_ingest_stores_summary_keywords_and_index(tmp_path):
    db = build_seed_db(tmp_path / "s.db")
    ids = story_ids(db)
    summary, kw = db.execute(
        "SELECT summary, keywords FROM articles WHERE id = ?", [ids["houzhai"]]
    ).fetchone()
    assert summary.startswith("4月6日上午") and "侯寨乡" in summary
    assert "虎荣鑫" in json.loads(kw)
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 6
    db.close()


def test_index_articles_joins_the_callers_transaction(tmp_path):
    db = open_db(tmp_path / "t.db")
    art = ParsedArticle(title="台风过境", paragraphs=("本报讯 台风今天过境。",), date="2023-05-01")
    with pytest.raises(RuntimeError), write_transaction(db):
        stored = upsert_articles(db, [art])
        index_articles(db, stored.changed_ids)
        raise RuntimeError("roll back")
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 0
    with write_transaction(db):
        stored = upsert_articles(db, [art])
        index_articles(db, stored.changed_ids)
        index_articles(db, stored.changed_ids)  # re-indexing replaces, never duplicates
    assert db.execute("SELECT count(*) FROM articles_fts").fetchone()[0] == 1
    assert [h.title for h in Searcher(db).search("台风").hits] == ["台风过境"]
    db.close()


def test_rebuild_index_recovers_a_lost_index(tmp_path):
    db = build_seed_db(tmp_path / "r.db")
    with write_transaction(db):
        db.conn.execute("DELETE FROM articles_fts")
    assert Searcher(db).search("保交楼").total == 0
    with write_transaction(db):
        assert rebuild_index(db) == 6
    assert Searcher(db).search("保交楼").total == 1
    db.close()


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "data" / "newsbot.db"))
    monkeypatch.setenv("NEWSBOT_SEEDS", str(SEED.parent))
    monkeypatch.delenv("NEWSBOT_LOG_LEVEL", raising=False)
    return tmp_path


def run(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)


def test_cli_search_human_and_json(env):
    out = run("search", "保交楼")
    assert out.exit_code == 0, out.output
    assert "区人大常委会 调研老旧小区改造工作" in out.stdout and "【保交楼】" in out.stdout
    out = run("search", "谁主持了统战工作会议？", "--json")
    record = json.loads(out.stdout)
    assert set(record) == {"query", "total", "took_ms", "results", "answer", "latest_day_instead"}
    assert "虎荣鑫" in record["answer"]["sentence"]
    first = record["results"][0]
    assert {"id", "title", "date", "snippet", "score", "highlights"} <= set(first)
    for a, b in first["highlights"]:
        assert first["snippet"][a:b]
    assert "没有找到" in run("search", "台风").stdout


def test_cli_batch_gives_one_line_per_input_line(env):
    queries = ["保交楼", "", "台风", '"', "NEAR(", "老舊小區", "  ", "谁主持了统战工作会议？"]
    out = run("search", "--batch", "-", "--limit", "3", input="\n".join(queries) + "\n")
    assert out.exit_code == 0, out.output
    lines = out.stdout.splitlines()
    assert len(lines) == len(queries)
    records = [json.loads(line) for line in lines]
    assert [r["query"] for r in records] == queries
    assert records[0]["total"] == 1 and records[2]["total"] == 0 and records[1]["results"] == []
    assert records[7]["answer"] is not None and records[0]["answer"] is None


def test_cli_search_needs_a_query(env):
    out = CliRunner().invoke(main, ["search"])
    assert out.exit_code != 0 and "QUERY" in out.output


def test_cli_search_takes_an_unquoted_query(env):
    """QA: `newsbot search 樊惠林 医院` (README's example, unquoted) failed with "unexpected extra
    argument", and `newsbot search 二七区 -保交楼` with "no such option"; its words are one query."""
    quoted = json.loads(run("search", "二七区 -保交楼", "--json").stdout)
    unquoted = run("search", "二七区", "-保交楼", "--json")
    assert unquoted.exit_code == 0, unquoted.output
    assert json.loads(unquoted.stdout)["results"] == quoted["results"]
    assert quoted["total"] > 0 and 1 not in [r["id"] for r in quoted["results"]]  # article 1 has 保交楼
    two = run("search", "樊惠林", "医院", "-n", "3")
    assert two.exit_code == 0 and "找到" in two.stdout, two.output
    mistyped = CliRunner().invoke(main, ["search", "保交楼", "--jsn"])
    assert mistyped.exit_code == 2 and "--jsn" in mistyped.output


def test_cli_reindex(env):
    run("ingest")
    out = run("reindex")
    assert out.exit_code == 0 and "6" in out.stdout
    assert json.loads(run("search", "交楼", "--json").stdout)["total"] == 1


def test_cli_compact_gives_back_the_space_a_migration_freed(env):
    """An archive upgraded through migration 8 keeps its old size until `newsbot compact`."""
    from storage.database.migrations import MIGRATIONS
    from storage.ingest.pipeline import ingest_paths

    path = env / "data" / "newsbot.db"
    # More text than the seed page alone: the tables later migrations add take the first pages freed.
    more = env / "more.jsonl"
    more.write_text(
        "".join(
            json.dumps(
                {"title": f"老旧小区改造第{n}期", "paragraphs": [f"第{n}期改造让居民住得更安心。" * 60]}
            )
            + "\n"
            for n in range(20)
        ),
        encoding="utf-8",
    )
    old = open_db(path, migrations=MIGRATIONS[:7])
    with later_article_columns(old):
        ingest_paths(old, [SEED, more])
    assert old.execute("SELECT count(*) FROM articles").fetchone()[0] > 20
    old.close()
    open_db(path).close()  # migration 8: the index drops its copy of the text, the file stays as large
    upgraded = path.stat().st_size
    out = run("compact")
    assert out.exit_code == 0, out.output
    assert "compacted" in out.stdout
    assert path.stat().st_size < upgraded
    assert json.loads(run("search", "保交楼", "--json").stdout)["total"] == 1


def test_searcher_is_safe_from_worker_threads(tmp_path):
    """The bot calls search from worker threads (asyncio.to_thread) on one shared connection."""
    from concurrent.futures import ThreadPoolExecutor

    db = build_seed_db(tmp_path / "threads.db")
    searcher = Searcher(db)
    searcher.warm_up()
    queries = ["保交楼", "老舊小區", "谁主持了统战工作会议？", "台风", "樊惠林 医院", "4月6日"] * 5
    expected = {q: [h.id for h in searcher.search(q).hits] for q in set(queries)}
    with ThreadPoolExecutor(max_workers=4) as pool:
        results = list(pool.map(lambda q: (q, [h.id for h in searcher.search(q).hits]), queries))
    assert all(ids == expected[q] for q, ids in results)
    db.close()


def test_migration_8_keeps_every_search_and_every_article(tmp_path):
    """An archive built by schema 7 (full-text index with its own copy of the text and a prefix index,
    paragraphs stored in full) finds the same articles with the same scores after migration 8, and
    reads back the same articles."""
    from storage.database.migrations import MIGRATIONS
    from storage.ingest.pipeline import ingest_paths
    from storage.records.articles import get_articles

    path = tmp_path / "old.db"
    old = open_db(path, migrations=MIGRATIONS[:7])
    with later_article_columns(old):
        ingest_paths(old, [SEED])
        ids = [r[0] for r in old.execute("SELECT id FROM articles ORDER BY id")]
        with write_transaction(old):  # as schema 7's code stored them: in full
            for art_id, body in old.execute("SELECT id, body FROM articles").fetchall():
                full = json.dumps(body.split("\n"), ensure_ascii=False)
                old.execute("UPDATE articles SET paragraphs = ? WHERE id = ?", [full, art_id])
        queries = ["保交楼", "楼", "谁主持了统战工作会议？", "樊惠林 医院", "4月6日", "侯寨乡"]
        before = {q: [(h.id, h.score) for h in Searcher(old).search(q).hits] for q in queries}
    articles = get_articles(old, ids)
    assert all(a.paragraphs for a in articles)
    old.close()

    db = open_db(path)
    sql = db.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()[0]
    assert "prefix = '1'" in sql
    if FTS_CONTENTLESS_DELETE:
        assert "content = ''" in sql
    assert db.execute("SELECT count(*) FROM articles WHERE paragraphs != '[]'").fetchone()[0] == 0
    assert get_articles(db, ids) == articles
    after = {q: [(h.id, h.score) for h in Searcher(db).search(q).hits] for q in queries}
    assert after == before
    assert before["保交楼"] and before["楼"]
    db.close()


def test_paragraphs_holding_a_newline_are_stored_in_full(tmp_path):
    from storage.ingest.pipeline import ingest_paths
    from storage.records.articles import get_articles

    src = tmp_path / "p.jsonl"
    src.write_text(
        json.dumps({"title": "两段", "paragraphs": ["第一段\n仍是第一段", "第二段"]}, ensure_ascii=False)
        + "\n"
        + json.dumps({"title": "三段", "paragraphs": ["甲段", "乙段", "丙段"]}, ensure_ascii=False)
        + "\n",
        encoding="utf-8",
    )
    db = open_db(tmp_path / "p.db")
    ingest_paths(db, [src])
    stored = dict(db.execute("SELECT title, paragraphs FROM articles").fetchall())
    assert stored["三段"] == "[]"  # read back from the body's lines
    by_title = {a.title: a.paragraphs for a in get_articles(db, [1, 2])}
    assert by_title == {"两段": ("第一段\n仍是第一段", "第二段"), "三段": ("甲段", "乙段", "丙段")}
    db.close()


def test_unindex_articles_removes_them_from_search(tmp_path):
    from storage.database.index import unindex_articles

    db = build_seed_db(tmp_path / "u.db")
    target = story_ids(db)["housing"]
    with write_transaction(db):
        unindex_articles(db, [target])
    assert Searcher(db).search("保交楼").total == 0
    assert Searcher(db).search("侯寨乡").total == 1
    db.close()


def test_an_expression_sqlite_rejects_gives_no_results_not_a_traceback(tmp_path, caplog):
    from storage.search.ranking import SearchPlan

    db = build_seed_db(tmp_path / "g.db")
    assert matching.execute(db, SearchPlan(match='"unbalanced'), 10) == (0, [])
    assert "rejected" in caplog.text
    db.close()


def test_an_expression_naming_a_missing_column_is_a_bug_not_a_bad_query(tmp_path):
    """Issue 14: the builder never names columns from user input, so "no such column" is raised."""
    from storage.driver import sqlite3
    from storage.search.ranking import SearchPlan

    db = build_seed_db(tmp_path / "b.db")
    with pytest.raises(sqlite3.OperationalError, match="no such column"):
        matching.execute(db, SearchPlan(match='{title nosuch} : "保交楼"'), 10)
    assert matching.execute(db, SearchPlan(match='"保交楼" AND'), 10) == (0, [])  # syntax: a bad query
    db.close()


def test_a_schema_bug_is_raised_not_read_as_no_results(tmp_path):
    """Issue 14: a renamed column used to look like an empty search; now it raises."""
    from storage.driver import sqlite3

    db = build_seed_db(tmp_path / "s.db")
    assert Searcher(db).search("4月4日 统战").total >= 1
    db.conn.execute("DROP INDEX IF EXISTS idx_articles_date")
    db.conn.execute("ALTER TABLE articles RENAME COLUMN date TO day")
    with pytest.raises(sqlite3.OperationalError, match="no such column"):
        Searcher(db).search("4月4日 统战")
    db.close()


def test_cli_batch_file_saved_with_a_bom_reads_its_first_query_as_typed(env):
    """QA pass: a query file saved by Notepad starts with a BOM, which came back in the first "query"."""
    queries = env / "queries.txt"
    queries.write_bytes("保交楼\r\n台风\r\n".encode("utf-8-sig"))
    out = run("search", "--batch", str(queries))
    records = [json.loads(line) for line in out.stdout.splitlines()]
    assert [r["query"] for r in records] == ["保交楼", "台风"] and records[0]["total"] == 1
    piped = run("search", "--batch", "-", input="\ufeff保交楼\n")
    assert [json.loads(line)["query"] for line in piped.stdout.splitlines()] == ["保交楼"]
