"""Ingest with documents prepared in worker processes (issue 12) stores and indexes exactly what ingest
in one process does."""

from __future__ import annotations

import json

from storage.database.connection import open_db
from storage.ingest.jsonl import parse_jsonl
from storage.ingest.pipeline import ingest_paths
from storage.ingest.prepare import Preparer, prepare_articles
from storage.search.engine import Searcher
from tests.search_support import SEED

STORIES = [
    ("人才工作推进会召开", "本报讯 4月6日上午，区委召开人才工作推进会，部署人才引进和培养。"),
    ("老旧小区改造提速", "本报讯 今年全区计划改造老旧小区12个，加装电梯30部。"),
    ("侯寨乡开展植树活动", "本报讯 侯寨乡组织干部群众义务植树，共栽种苗木两千余株。"),
    ("清朗·自媒体专项行动", "本报讯 网信部门开展自媒体乱象整治，关闭违规账号。"),
]


def _files(tmp_path, copies: int = 3):
    """JSON Lines files of generated stories (each story made unique by a serial number)."""
    paths = []
    for f in range(copies):
        lines = [
            json.dumps(
                {"title": t, "body": f"{b}（第{f}-{i}号）", "date": f"2023-0{1 + i % 9}-1{f}"},
                ensure_ascii=False,
            )
            for i, (t, b) in enumerate(STORIES * 5)
        ]
        path = tmp_path / f"part-{f}.jsonl"
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
        paths.append(path)
    return paths


def _dump(db):
    arts = db.execute("SELECT id, fingerprint, title, summary, keywords FROM articles ORDER BY id").fetchall()
    fts = db.execute("SELECT rowid, title, byline, body, words FROM articles_fts ORDER BY rowid").fetchall()
    return arts, fts


def test_workers_store_and_index_the_same_as_one_process(tmp_path):
    paths = _files(tmp_path)
    one = open_db(tmp_path / "one.db")
    two = open_db(tmp_path / "two.db")
    r1 = ingest_paths(one, paths, workers=0, batch_size=7)
    r2 = ingest_paths(two, paths, workers=2, batch_size=7)
    assert r1.new == r2.new == 60 and r2.failed == 0
    assert _dump(one) == _dump(two)
    assert [h.id for h in Searcher(two).search("人才").hits] == [
        h.id for h in Searcher(one).search("人才").hits
    ]
    again = ingest_paths(two, paths, workers=2)  # known articles: nothing new, nothing re-indexed twice
    assert again.new == 0 and again.known == 60
    assert _dump(one) == _dump(two)
    one.close()
    two.close()


def test_a_preparer_gives_the_documents_of_one_process_in_order():
    articles = parse_jsonl(
        "\n".join(json.dumps({"title": t, "body": b}, ensure_ascii=False) for t, b in STORIES) + "\n"
    )
    with Preparer(2) as preparer:
        pending = preparer.submit(articles)
        assert pending.result() == prepare_articles(articles)
    with Preparer(0) as inline:
        assert inline.submit(articles).result() == prepare_articles(articles)


def test_the_seed_page_ingests_the_same_with_workers(tmp_path):
    one = open_db(tmp_path / "a.db")
    two = open_db(tmp_path / "b.db")
    ingest_paths(one, [SEED], workers=0)
    ingest_paths(two, [SEED], workers=2)
    assert _dump(one) == _dump(two)
    one.close()
    two.close()
