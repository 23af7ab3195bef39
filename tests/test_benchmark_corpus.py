"""The benchmark's corpus generator is deterministic and writes JSONL that newsbot's ingest accepts.

No timing here: speed is measured by `python -m benchmarks`, never by the test suite.
"""

from __future__ import annotations

import json
import re
from datetime import date

from benchmarks.corpus import SOURCES, corpus_paths, generate_shard, load_vocabulary, to_jsonl
from benchmarks.queries import CLASSES, derive_queries
from storage.database.connection import open_db
from storage.ingest.jsonl import parse_jsonl
from storage.ingest.pipeline import ingest_paths

HAN = re.compile(r"[\u4e00-\u9fff]")


def test_same_seed_same_articles_other_seed_other_articles():
    a = generate_shard(0, seed=1, count=20)
    assert a == generate_shard(0, seed=1, count=20)
    assert a != generate_shard(0, seed=2, count=20)
    assert a != generate_shard(1, seed=1, count=20)
    # A shorter corpus is a prefix of a longer one.
    assert generate_shard(0, seed=1, count=5) == a[:5]


def test_articles_look_like_chinese_news():
    records = generate_shard(0, count=40)
    vocab = load_vocabulary()
    for r in records:
        assert set(r) == {"title", "body", "date", "source"}
        assert 300 <= len(r["body"].replace("\n", "")) <= 1200
        assert len(HAN.findall(r["body"])) > 0.7 * len(r["body"].replace("\n", ""))
        assert "。" in r["body"] and "，" in r["body"]
        assert 2 <= len(r["title"]) <= 30
        assert date(2021, 1, 1) <= date.fromisoformat(r["date"]) <= date(2024, 12, 31)
        assert r["source"] in SOURCES
    dates = {r["date"][:4] for r in records}
    assert len(dates) >= 3  # spread over years
    # Words come from jieba's dictionary.
    assert "中国" in vocab.freq and vocab.pos["中国"] == "ns"


def test_jsonl_is_accepted_by_newsbot_ingest(tmp_path):
    records = generate_shard(0, count=10)
    text = to_jsonl(records)
    assert all(json.loads(line) == r for line, r in zip(text.splitlines(), records, strict=True))
    parsed = parse_jsonl(text)
    assert [p.title for p in parsed] == [r["title"] for r in records]

    paths = corpus_paths(10, seed=3, cache_dir=tmp_path / "cache")
    assert [p.name for p in paths] == ["head-00000-10.jsonl"]
    assert paths[0].read_text(encoding="utf-8") == to_jsonl(generate_shard(0, seed=3, count=10))
    db = open_db(tmp_path / "news.db")
    report = ingest_paths(db, paths)
    assert report.ok and report.new == 10


def test_queries_cover_every_class_and_are_deterministic():
    records = generate_shard(0, count=200)
    vocab = load_vocabulary()
    queries = derive_queries(records, vocab, per_class=2)
    assert queries == derive_queries(records, vocab, per_class=2)
    assert {q.cls for q in queries} == set(CLASSES)
    text = "\n".join(r["title"] + "\n" + r["body"] for r in records)
    for q in queries:
        if q.cls != "off_topic":
            assert all(t in text for t in q.terms), q
