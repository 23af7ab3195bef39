"""Shared helpers for the search tests: a real database built by ingesting the seed page, or a few
hand-written stories."""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path

import sqlite_utils

from storage.database.connection import open_db
from storage.ingest.pipeline import ingest_file, ingest_paths
from storage.models import SearchResponse
from storage.search.engine import Searcher

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "seeds" / "000_6b662c5ca2a0e3a9.txt"

# Which seed story is which, found by a phrase only that story contains (ids depend on ingest order).
STORY_MARKERS = {
    "housing": "保交楼",  # 老旧小区改造/保交楼, 吕安民, 近日
    "talent": "李卓瑜",  # 人才工作, 4月4日
    "united_front": "宗教工作会议",  # 统战工作会议, 虎荣鑫 主持, 樊惠林, 4月4日上午
    "institute": "郑州机械研究所",  # 郑州机械研究所 / 郑大三附院, 樊惠林, 王伟, 4月4日下午
    "houzhai": "侯寨乡",  # 侯寨乡, 虎荣鑫, 4月6日
    "qinglang": "自媒体",  # 清朗·自媒体, 李雅, 申红涛, 4月12日
}


def build_seed_db(path: Path) -> sqlite_utils.Database:
    db = open_db(path)
    report = ingest_paths(db, [SEED])
    assert report.new == 6, report
    return db


def story_ids(db: sqlite_utils.Database) -> dict[str, int]:
    rows = db.execute("SELECT id, title, body FROM articles").fetchall()
    out: dict[str, int] = {}
    for key, marker in STORY_MARKERS.items():
        found = [r[0] for r in rows if marker in r[2] or marker in r[1]]
        assert len(found) == 1, (key, found)
        out[key] = found[0]
    return out


def stories_db(folder: Path, stories: Sequence[tuple[str, str, Sequence[str]]]) -> sqlite_utils.Database:
    """A database in `folder` holding `stories` (date, title, paragraphs), ingested as a JSONL export."""
    src = folder / "stories.jsonl"
    lines = [
        json.dumps({"title": t, "date": d, "paragraphs": list(p)}, ensure_ascii=False) for d, t, p in stories
    ]
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db = open_db(folder / "news.db")
    assert ingest_file(db, src, source="测试").status == "ok"
    return db


@contextmanager
def stories_searcher(folder: Path, stories: Sequence[tuple[str, str, Sequence[str]]]) -> Iterator[Searcher]:
    """A `Searcher` over `stories_db(folder, stories)`, its database closed afterwards."""
    db = stories_db(folder, stories)
    try:
        yield Searcher(db)
    finally:
        db.close()


def hit_titles(response: SearchResponse) -> set[str]:
    """The titles of a response's hits."""
    return {h.title for h in response.hits}
