"""The text evidence ranking reads, stored with each article (issue 20, item 4: migration 13).

A question reads the text of its 40 most promising candidates; a text holding traditional forms or stray
spaces between ideographs is read normalised. Ingest stores that normalised title and body beside the
article (`search_title`, `search_body`, NULL for a text read as stored), and migration 13 fills them for
the articles stored before it, so a question no longer looks for either in every candidate at query time.
Checked on both backends: what is stored, an archive upgraded through migration 13, and rankings that
stay the same whether the forms are stored or worked out at query time.
"""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

import pytest

from storage.database.access import Database
from storage.database.connection import open_db
from storage.database.index import fill_search_forms
from storage.database.migrations import MIGRATIONS, SEARCH_FORMS_VERSION
from storage.database.postgres import is_postgres
from storage.database.writing import write_transaction
from storage.ingest.pipeline import ingest_paths
from storage.search import evidence
from storage.search.engine import Searcher, to_record
from storage.text.normalize import fold, normalize, search_form, squeeze
from tests.schema_support import columns_added
from tests.search_support import SEED

TODAY = date(2023, 4, 20)
# Stories whose text is read normalised (traditional forms; stray spaces between ideographs) or as stored.
STORIES = [
    {
        "title": "老舊小區改造今年再啟動",
        "date": "2023-04-10",
        "body": "今年全市計劃改造老舊小區120個，惠及居民3.2萬戶。\n改造內容包括加裝電梯、更新管網。",
    },
    {
        "title": "城市马拉 松周日开跑",
        "date": "2023-04-12",
        "body": "第十届城市马拉 松将于4月16日在郑东新区 开跑，预计 2万名选手参赛。\n赛事设全程和半程两个项目。",
    },
    {
        "title": "郑州新开通两条公交线路",
        "date": "2023-04-14",
        "body": "郑州公交集团（ＺＺＢＵＳ）新开通两条线路，全长３５公里，途经高铁东站。",
    },
]
QUESTIONS = [
    "老旧小区改造今年有多少个小区？",
    "城市马拉松在哪里开跑",
    "马拉松有多少名选手参赛？",
    "郑州新开通的公交线路有多长",
    "ZZBUS新开通了几条线路",
    "谁主持了统战工作会议？",
    "樊惠林去了哪里",
    "这次会议提出了哪几点要求",
]
COLUMNS = ("search_title", "search_body", "search_forms")


@pytest.fixture
def archive(database_target: str, tmp_path: Path) -> str:
    """The seed page and `STORIES`, ingested into a new database of either backend."""
    stories = tmp_path / "stories.jsonl"
    stories.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in STORIES), encoding="utf-8")
    database = Database.open(database_target)
    report = ingest_paths(database, [SEED, stories])
    assert report.new == 6 + len(STORIES)
    database.close()
    return database_target


def _answers(target: str) -> list[dict]:
    database = Database.open(target)
    try:
        searcher = Searcher(reader=database.reader)
        out = []
        for q in QUESTIONS:
            record = to_record(searcher.search(q, today=TODAY, limit=10))
            record.pop("took_ms")
            out.append(record)
        return out
    finally:
        database.close()


def _stored(target: str) -> list[tuple]:
    db = open_db(target)
    try:
        rows = db.execute(
            f"SELECT id, title, body, {', '.join(COLUMNS)} FROM articles ORDER BY id"
        ).fetchall()
        return [tuple(r) for r in rows]
    finally:
        db.close()


def test_ingest_stores_the_text_ranking_reads(archive: str) -> None:
    rows = _stored(archive)
    for _, title, body, search_title, search_body, checked in rows:
        assert checked == 1
        assert (search_title, search_body) == (search_form(title), search_form(body))
    by_title = {r[1]: r for r in rows}
    traditional = by_title[STORIES[0]["title"]]
    assert traditional[3] == "老旧小区改造今年再启动" and traditional[4] == normalize(STORIES[0]["body"])
    spaced = by_title[STORIES[1]["title"]]
    assert spaced[3] == "城市马拉松周日开跑" and "马拉松将于" in spaced[4]
    full_width = by_title[STORIES[2]["title"]]
    assert full_width[3] is None and full_width[4] is None  # folded at query time only when a word needs it


def _downgrade(target: str) -> None:
    """The database as schema 12 left it: without the columns migration 13 and any later one add (to
    `articles`, `chats`…), at version 12."""
    db = open_db(target)
    try:
        for table, column, _ in reversed(columns_added(MIGRATIONS, SEARCH_FORMS_VERSION - 1)):
            db.execute(f"ALTER TABLE {table} DROP COLUMN {column}")
        if is_postgres(db):
            with write_transaction(db):
                db.execute("DELETE FROM newsbot_schema WHERE version >= ?", [SEARCH_FORMS_VERSION])
        else:
            db.execute(f"PRAGMA user_version = {SEARCH_FORMS_VERSION - 1}")
    finally:
        db.close()


def test_an_archive_upgraded_through_migration_13_gets_them_and_answers_the_same(archive: str) -> None:
    assert MIGRATIONS[SEARCH_FORMS_VERSION - 1][0] == SEARCH_FORMS_VERSION
    stored, answers = _stored(archive), _answers(archive)
    # The questions about the stories read normalised (or folded: ZZBUS) find them first.
    firsts = [a["results"][0]["title"] for a in answers[:5]]
    assert firsts == [STORIES[k]["title"] for k in (0, 1, 1, 2, 2)]
    _downgrade(archive)
    assert _stored(archive) == stored  # opening migrates (13) and fills the articles stored before it
    assert _answers(archive) == answers


def test_articles_stored_without_them_are_ranked_the_same(archive: str) -> None:
    """An article without its search forms (a fill interrupted) is read as before migration 13: the
    forms worked out at query time. Answers, results and their order stay the same; filling restores
    them."""
    stored, answers = _stored(archive), _answers(archive)
    db = open_db(archive)
    try:
        with write_transaction(db):
            db.execute("UPDATE articles SET search_title = NULL, search_body = NULL, search_forms = NULL")
    finally:
        db.close()
    assert _answers(archive) == answers
    db = open_db(archive)
    try:
        assert fill_search_forms(db, chunk=4) == len(stored)
        assert fill_search_forms(db) == 0
    finally:
        db.close()
    assert _stored(archive) == stored
    assert _answers(archive) == answers


# ---------------------------------------------------------------- pure


@pytest.mark.parametrize(
    ("text", "form"),
    [
        ("老旧小区改造，惠及居民（３万户）。", None),  # simplified, full-width: read as stored (or folded)
        ("老舊小區改造", "老旧小区改造"),
        ("城市马拉 松", "城市马拉松"),
        ("马拉\u3000松赛事", "马拉松赛事"),
        ("iPhone 15 发布", None),  # a space between Latin words and digits is no stray space
        ("", None),
    ],
)
def test_search_form(text: str, form: str | None) -> None:
    assert search_form(text) == form


TERMS = [
    [evidence.Term("马拉松", 3, 2.0), evidence.Term("郑东新区", 1, 3.0)],
    [evidence.Term("zzbus", 1, 3.0), evidence.Term("35公里", 1, 2.0)],
    [evidence.Term("改造", 5, 1.0, forms=("改造提升",)), evidence.Term("电梯", 2, 2.0)],
]


@pytest.mark.parametrize("terms", TERMS)
@pytest.mark.parametrize("story", STORIES)
def test_a_profile_from_the_stored_forms_is_the_one_worked_out(story: dict, terms: list) -> None:
    title, body = story["title"], story["body"]

    def reading(forms: tuple[str | None, str | None] | None) -> tuple:
        texts = evidence.searchable_texts(title, body, terms, forms)
        return evidence.counts(*texts, terms), evidence.closeness(
            *texts, terms, holds_fact=lambda s: "万" in s
        )

    worked_out = reading(None)
    stored = reading((search_form(title), search_form(body)))
    assert stored == worked_out


@pytest.mark.parametrize(
    "text",
    [
        "今年全市计划改造老旧小区，惠及居民（３万户）！",
        "ＡＢＣ：ａｂｃ；１２３？！（）［］｛｝＃＄％＆＊＋－／＜＝＞＠＼＾＿｀｜～",  # more than a few to map
        "老舊小區改造：Ｐｈａｓｅ　Ⅱ",
        "PLAIN ascii Text",
        "",
    ],
)
def test_fold_maps_character_by_character_whichever_way_it_takes(text: str) -> None:
    assert fold(text) == "".join(fold(c) for c in text)
    assert len(fold(text)) == len(text)


@pytest.mark.parametrize(
    ("text", "squeezed"),
    [
        ("没有空白的句子。", "没有空白的句子。"),
        ("有 空白", "有空白"),
        (" 前后 ", "前后"),
        ("a  b\nc", "a b c"),
        ("", ""),
    ],
)
def test_squeeze(text: str, squeezed: str) -> None:
    assert squeeze(text) == squeezed
