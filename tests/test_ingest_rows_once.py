"""Ingest writes each new article's row once, with what the index stores of it (summary, keywords, search
forms), and reads a batch's stored articles in one statement (issue 20): what is stored is what inserting
the row and then updating it from the index stored."""

from __future__ import annotations

import json
from pathlib import Path

from storage.database.connection import open_db
from storage.database.index import STORED_COLUMNS, prepare_document, rebuild_index, stored_columns
from storage.database.writing import write_transaction
from storage.ingest.pipeline import ingest_paths
from storage.models import ParsedArticle
from storage.records.articles import fingerprint, insert_statement, upsert_articles

STORIES = [
    {
        "title": "郑州开展防汛演练",
        "date": "2024-06-03",
        "source": "郑州日报",
        "paragraphs": ["本报讯 6月2日，郑州市在贾鲁河畔开展防汛应急演练。", "五百余名队员参加演练。"],
    },
    {  # traditional forms: the article stores a search form of its title and body
        "title": "開封舉辦菊花文化節",
        "date": "2024-10-18",
        "source": "大河报",
        "body": "本報訊 第四十二屆中國開封菊花文化節今日開幕，展出菊花三百餘萬盆。",
    },
    {
        "title": "洛阳牡丹花会闭幕",
        "date": "2024-05-05",
        "source": "河南日报",
        "body": "本报讯 第四十二届洛阳牡丹文化节闭幕，共接待游客两千余万人次。",
        "reporters": ["王红"],
    },
]

ROW = "SELECT id, summary, keywords, search_title, search_body, search_forms, title, body FROM articles ORDER BY id"


def write_stories(path: Path) -> Path:
    path.write_text("".join(json.dumps(s, ensure_ascii=False) + "\n" for s in STORIES), encoding="utf-8")
    return path


def test_an_ingested_row_holds_what_reindexing_it_writes(tmp_path: Path) -> None:
    db = open_db(tmp_path / "news.db")
    report = ingest_paths(db, [write_stories(tmp_path / "stories.jsonl")], workers=0)
    assert report.new == len(STORIES)
    ingested = db.execute(ROW).fetchall()
    with write_transaction(db):
        rebuild_index(db)  # prepares every stored article again and updates its row from the document
    assert db.execute(ROW).fetchall() == ingested
    (traditional,) = [r for r in ingested if r[6] == "開封舉辦菊花文化節"]
    assert traditional[3] == "开封举办菊花文化节" and traditional[5] == 1
    db.close()


def test_stored_columns_follow_the_document() -> None:
    doc = prepare_document("郑州开展防汛演练", "本报讯 郑州市开展防汛应急演练。", None, [])
    columns = stored_columns(doc)
    assert tuple(columns) == STORED_COLUMNS
    assert columns["summary"] == doc.summary and json.loads(str(columns["keywords"])) == doc.keywords
    assert columns["search_forms"] == 1


def test_a_batch_finds_stored_articles_and_repeats_in_one_read(tmp_path: Path) -> None:
    db = open_db(tmp_path / "news.db")
    stored = ParsedArticle(
        title="郑州开展防汛演练", paragraphs=("郑州市开展防汛应急演练。",), source="郑州日报"
    )
    with write_transaction(db):
        (first,) = upsert_articles(db, [stored]).ids
    fresh = ParsedArticle(
        title="开封举办菊花文化节", paragraphs=("开封菊花文化节今日开幕。",), source="大河报"
    )
    retitled = ParsedArticle(
        title="郑州防汛演练举行", paragraphs=("郑州市开展防汛应急演练。",), source="郑州日报"
    )
    batch = [fresh, retitled, fresh]
    with write_transaction(db):
        result = upsert_articles(db, batch, fingerprints=[fingerprint(a.body) for a in batch])
    (new,) = result.new_ids
    assert result.ids == [new, first, new]
    assert result.updated_ids == [first] and result.known_ids == [new]  # the repeat within the batch
    assert db.execute("SELECT title FROM articles WHERE id = ?", [first]).fetchone()[0] == "郑州防汛演练举行"
    db.close()


def test_an_insert_with_further_columns_is_one_statement_text() -> None:
    plain = insert_statement()
    assert "summary" not in plain and plain.endswith("RETURNING id")
    with_columns = insert_statement(STORED_COLUMNS)
    assert with_columns == insert_statement(STORED_COLUMNS)
    assert ":search_body" in with_columns and with_columns.count(":") == plain.count(":") + len(
        STORED_COLUMNS
    )
