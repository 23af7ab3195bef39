"""Ingest: seeds, encodings, idempotence, one transaction per file, manifests (issue 2)."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from storage.database.connection import open_db
from storage.database.copy import table_names
from storage.database.postgres import is_postgres
from storage.ingest.manifest import ManifestError, load_manifest, parse_manifest
from storage.ingest.pipeline import ingest_paths
from storage.records.articles import (
    count_articles,
    fingerprint,
    get_article,
    get_articles,
    iter_articles,
    latest_articles,
    stats,
)
from tests.backends import forbid, sqlite_only
from tests.page_parsing.page_stories import AFTER, BEFORE, STORIES, TWO_AWAY, compose_page

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
SEED_PAGE = SEEDS / "000_6b662c5ca2a0e3a9.txt"
SEED_TITLES = [
    "区人大常委会 调研老旧小区改造工作",
    "二七区打造以城留人 以人兴城的优良环境",
    "二七区委统战工作暨全区宗教工作会议召开 把方方面面的人心和力量凝聚起来 积极主动融入现代化美好二七建设全过程",
    "区领导实地调研科技产业、医疗卫生工作 以城市有机更新为带动 积极做好产业谋划和发展",
    "区领导调研督导侯寨乡产业发展和项目建设工作 增强产业发展优势 提升居民生活品质",
    "二七区召开“清朗·从严整治‘自媒体’乱象” 专项行动工作推进会",
]


@pytest.fixture
def db(database_target: str):
    """An SQLite file, then a PostgreSQL database (conftest's `database_target`)."""
    database = open_db(database_target)
    yield database
    database.close()


def snapshot(db) -> list[str]:
    """Everything in the database: on SQLite the schema, then every table's rows (the index's own tables
    included); on PostgreSQL every table's rows."""
    conn = db.conn
    if is_postgres(db):
        return [
            repr(sorted(map(repr, conn.execute(f'SELECT * FROM "{t}"').fetchall()))) for t in table_names(db)
        ]
    schema = conn.execute("SELECT type, name, sql FROM sqlite_master ORDER BY name").fetchall()
    tables = [name for kind, name, _ in schema if kind == "table"]
    return [*map(repr, schema), *(repr(conn.execute(f'SELECT * FROM "{t}"').fetchall()) for t in tables)]


def jsonl(*records: dict) -> str:
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records)


def test_seeds_give_six_articles_with_manifest_metadata(db):
    report = ingest_paths(db, [SEEDS])
    assert report.ok
    assert (report.new, report.known, report.updated, report.ingested, report.skipped) == (6, 0, 0, 1, 0)
    articles = list(iter_articles(db))
    assert [a.title for a in articles] == SEED_TITLES
    assert {a.source for a in articles} == {"郑州市二七区区报"}
    assert [a.date for a in articles] == [
        None,
        "2023-04-04",
        "2023-04-04",
        "2023-04-04",
        "2023-04-06",
        "2023-04-12",
    ]
    first = articles[0]
    assert first.reporters == ("景静",) and first.correspondents == ("左学彬", "周祎")
    assert first.origin_file is not None and first.origin_file.endswith("000_6b662c5ca2a0e3a9.txt")
    assert first.origin_position == 0
    # Indexing filled summary and keywords inside the same transaction.
    assert all(a.summary and a.keywords for a in articles)


def test_reingest_is_idempotent_and_ids_stable(db):
    ingest_paths(db, [SEEDS])
    before = {a.id: a for a in iter_articles(db)}
    again = ingest_paths(db, [SEEDS, SEED_PAGE])  # the same file twice: read once
    assert (again.new, again.known, again.updated) == (0, 6, 0)
    assert len(again.files) == 1
    assert {a.id: a for a in iter_articles(db)} == before


def test_year_override_updates_known_articles_keeping_ids(db):
    ingest_paths(db, [SEEDS])
    ids = [a.id for a in iter_articles(db)]
    report = ingest_paths(db, [SEED_PAGE], year=2022, source="二七区报")
    assert (report.new, report.known, report.updated) == (0, 0, 6)
    articles = list(iter_articles(db))
    assert [a.id for a in articles] == ids
    assert [a.date for a in articles][1:] == [
        "2022-04-04",
        "2022-04-04",
        "2022-04-04",
        "2022-04-06",
        "2022-04-12",
    ]
    assert {a.source for a in articles} == {"二七区报"}


def test_fingerprint_ignores_whitespace():
    assert fingerprint("本报讯 4月 4日，\n二七区召开会议。") == fingerprint("本报讯4月4日，二七区召开会议。")
    assert fingerprint("二七区召开会议。") != fingerprint("二七区召开了会议。")


def test_same_story_from_jsonl_is_known_and_keeps_richer_fields(db, tmp_path):
    ingest_paths(db, [SEEDS])
    seed = get_article(db, 1)
    assert seed is not None
    feed = tmp_path / "feed.jsonl"
    # Same text, re-wrapped, without byline or date: recognised; stored paragraphs and byline survive.
    feed.write_text(jsonl({"title": seed.title, "body": "\n\n".join(seed.paragraphs).replace("，", "， ")}))
    report = ingest_paths(db, [feed])
    assert (report.new, report.known, report.updated) == (0, 1, 0)
    assert get_article(db, 1) == seed


def test_a_reprint_under_another_source_keeps_the_paper_that_printed_it_first(db, tmp_path):
    first = tmp_path / "rmrb.jsonl"
    first.write_text(
        jsonl(
            {
                "title": "原题",
                "body": "本报讯 全文一字不差的一篇稿件。",
                "source": "人民日报",
                "date": "2020-05-20",
            }
        )
    )
    ingest_paths(db, [first])
    reprint = tmp_path / "xinhua.jsonl"
    reprint.write_text(
        jsonl(
            {
                "title": "转载的标题",
                "body": "本报讯 全文一字不差的一篇稿件。",
                "source": "新华社",
                "date": "2020-05-21",
                "url": "https://example.org/a",
            }
        )
    )
    report = ingest_paths(db, [reprint])
    article = get_article(db, 1)
    assert article is not None
    # Recognised as the stored story: the first paper keeps its name, title and date; only what it
    # lacked (the link) is filled in.
    assert (article.source, article.title, article.date) == ("人民日报", "原题", "2020-05-20")
    assert article.url == "https://example.org/a"
    assert (report.new, report.known + report.updated) == (0, 1)


def test_directories_recursive_mixed_encodings_and_skips(db, tmp_path):
    root = tmp_path / "inbox"
    (root / "2024" / "05").mkdir(parents=True)
    (root / "2024" / "05" / "page1.txt").write_bytes(
        compose_page(STORIES[:3], [BEFORE, AFTER, TWO_AWAY], seed=1).encode("gb18030")
    )
    (root / "2024" / "05" / "page2.txt").write_text(
        compose_page(STORIES[3:], [AFTER, BEFORE, BEFORE], seed=2, inline={1}), encoding="utf-16"
    )
    (root / "2024" / "05" / "manifest.json").write_text(
        json.dumps({"defaults": {"source": "二七报", "year": 2023}}), encoding="utf-8"
    )
    (root / "feed.jsonl").write_bytes(
        b"\xef\xbb\xbf"
        + jsonl({"title": "网上来稿", "body": "本报讯 有一篇来自网络的稿件。", "date": "2024-05-20"}).encode()
    )
    (root / "scan.pdf").write_bytes(b"%PDF-1.7")
    (root / ".DS_Store").write_bytes(b"\x00\x01")
    (root / "empty.txt").write_bytes(b"")

    seen: list[tuple[str, int, int]] = []
    report = ingest_paths(
        db, [root], progress=lambda result, done, total: seen.append((result.path, done, total))
    )

    assert report.ok
    assert report.new == 7 and report.skipped == 1
    by_name = {Path(f.path).name: f for f in report.files}
    assert set(by_name) == {"page1.txt", "page2.txt", "feed.jsonl", "scan.pdf", "empty.txt"}
    assert by_name["page1.txt"].encoding == "gb18030" and by_name["page1.txt"].new == 3
    assert by_name["page2.txt"].encoding == "utf-16-le" and by_name["page2.txt"].new == 3
    assert by_name["feed.jsonl"].encoding == "utf-8-sig" and by_name["feed.jsonl"].new == 1
    assert by_name["scan.pdf"].status == "skipped" and ".pdf" in (by_name["scan.pdf"].error or "")
    assert by_name["empty.txt"].status == "empty" and by_name["empty.txt"].note
    assert [(done, total) for _, done, total in seen] == [(1, 4), (2, 4), (3, 4), (4, 4)]

    titles = {a.title: a for a in iter_articles(db)}
    for story in STORIES:
        stored = titles[" ".join(story.title_lines)]
        assert stored.source == "二七报"
        assert stored.date == story.date
    assert titles["网上来稿"].source is None and titles["网上来稿"].date == "2024-05-20"


def test_failing_file_changes_nothing_and_others_go_in(db, tmp_path):
    good = tmp_path / "good.jsonl"
    good.write_text(jsonl({"title": "好稿", "body": "本报讯 这是一篇好稿。"}))
    broken = tmp_path / "broken.jsonl"
    broken.write_text(
        jsonl({"title": "甲", "body": "甲的正文。"}, {"title": "乙", "body": "乙的正文。"})
        + '{"title": "丙", "body": \n'
    )
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR")
    missing = tmp_path / "nowhere.txt"
    other = tmp_path / "notes.docx"
    other.write_bytes(b"PK\x03\x04")

    report = ingest_paths(db, [broken, binary, missing, other, good])

    assert not report.ok and report.failed == 4
    errors = {Path(f.path).name: f.error or "" for f in report.errors}
    assert errors["broken.jsonl"].startswith("line 3: invalid JSON")
    assert "binary" in errors["photo.txt"]
    assert "no such file" in errors["nowhere.txt"]
    assert "unsupported file type .docx" in errors["notes.docx"]
    assert [a.title for a in iter_articles(db)] == ["好稿"]


def test_failure_in_the_middle_of_a_file_leaves_database_as_it_was(db, tmp_path):
    ingest_paths(db, [SEEDS])
    # A real constraint of the database that the third record violates, after two rows went in.
    forbid(db, "no_boom", "INSERT", "articles", "boom is not allowed", when="NEW.title = 'boom'")
    before = snapshot(db)
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        jsonl(
            {"title": "一", "body": "第一篇新稿。"},
            {"title": "二", "body": "第二篇新稿。"},
            {"title": "boom", "body": "第三篇新稿。"},
        )
    )
    later = tmp_path / "later.jsonl"
    later.write_text(jsonl({"title": "后来", "body": "后来的一篇稿子。"}))

    report = ingest_paths(db, [feed])

    (failed,) = report.errors
    assert failed.path.endswith("feed.jsonl")
    assert "boom is not allowed" in (failed.error or "") and failed.new == 0
    assert snapshot(db) == before  # articles, full-text index, summaries: nothing of feed.jsonl

    report = ingest_paths(db, [feed, later])
    assert report.failed == 1 and report.new == 1
    assert count_articles(db) == 7
    assert {a.title for a in iter_articles(db)}.isdisjoint({"一", "二", "boom"})


def test_bad_manifest_fails_its_files_naming_it(db, tmp_path):
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED_PAGE, pages / "p.txt")
    (pages / "manifest.json").write_text('{"files": {"p.txt": {"year": "2023"}}}')
    report = ingest_paths(db, [pages])
    (failed,) = report.errors
    assert "manifest.json" in (failed.error or "") and "year" in (failed.error or "")
    assert count_articles(db) == 0


def test_manifest_parsing():
    manifest = parse_manifest(
        json.dumps(
            {
                "defaults": {"source": "区报", "year": 2023},
                "files": {"a.txt": {"date": "2023-04-13"}, "b.txt": {"source": "晚报", "year": 2024}},
            }
        )
    )
    assert manifest.meta_for("a.txt").source == "区报"
    assert manifest.meta_for("a.txt").date == "2023-04-13"
    assert manifest.meta_for("b.txt").page_year == 2024
    assert manifest.meta_for("c.txt").year == 2023
    assert manifest.meta_for("b.txt").override(year=2020, source="X").year == 2020
    for bad, message in [
        ('{"files": {"a.txt": {"date": "13/04/2023"}}}', "date must be an ISO date"),
        ('{"files": {"a.txt": {"year": 2023, "date": "2024-01-01"}}}', "not in year 2023"),
        ('{"files": {"a.txt": {"colour": "red"}}}', "unknown keys"),
        ('{"files": []}', '"files" must be an object'),
        ("{", "invalid JSON"),
    ]:
        with pytest.raises(ManifestError, match=message):
            parse_manifest(bad, name="manifest.json")


def test_seed_manifest_says_why():
    meta = load_manifest(SEEDS).meta_for(SEED_PAGE.name)
    assert (meta.source, meta.year, meta.date) == ("郑州市二七区区报", 2023, None)
    assert meta.note and "masthead" in meta.note and "清朗" in meta.note


def test_reading_articles(db):
    ingest_paths(db, [SEEDS])
    assert count_articles(db) == 6
    latest = latest_articles(db, limit=10)
    assert [a.date for a in latest] == [
        "2023-04-12",
        "2023-04-06",
        "2023-04-04",
        "2023-04-04",
        "2023-04-04",
        None,
    ]
    assert [a.id for a in latest[2:5]] == [2, 3, 4]  # same date: page order
    assert [a.id for a in latest_articles(db, limit=2, offset=1)] == [5, 2]
    assert get_article(db, 999) is None
    assert [a.id for a in get_articles(db, [4, 999, 1])] == [4, 1]
    assert [a.id for a in iter_articles(db, batch_size=4)] == [1, 2, 3, 4, 5, 6]
    data = stats(db)
    assert data["articles"] == 6 and data["undated"] == 1
    assert data["sources"] == {"郑州市二七区区报": 6}
    assert data["dates"] == {"2023-04-04": 3, "2023-04-06": 1, "2023-04-12": 1}
    assert (data["first_date"], data["last_date"]) == ("2023-04-04", "2023-04-12")


def test_a_reparse_that_only_moves_paragraph_breaks_updates_the_article(db, tmp_path):
    """Paragraphs are read back from the body's lines, so a new split of the same text (same fingerprint)
    must still reach the stored body."""
    from storage.records.articles import get_article

    src = tmp_path / "breaks.jsonl"
    src.write_text(jsonl({"title": "分段", "paragraphs": ["第一句。第二句。", "第三句。"]}), encoding="utf-8")
    ingest_paths(db, [src])
    src.write_text(jsonl({"title": "分段", "paragraphs": ["第一句。", "第二句。第三句。"]}), encoding="utf-8")
    report = ingest_paths(db, [src])
    assert report.files[0].updated == 1
    article = get_article(db, 1)
    assert article is not None and article.paragraphs == ("第一句。", "第二句。第三句。")


def test_an_import_leaves_the_search_index_in_one_segment(db, tmp_path, monkeypatch):
    """Each batch's commit adds a segment to the FTS5 index; the import merges them back into one, and
    the searches find what they found before the merge."""
    sqlite_only(db, "FTS5 segments (PostgreSQL's GIN index has none)")
    from storage.database.index import index_segments
    from storage.search.engine import Searcher

    src = tmp_path / "many.jsonl"
    src.write_text(
        jsonl(*({"title": f"第{i}条消息", "body": f"二七区第{i}次发布保交楼进展。"} for i in range(40))),
        encoding="utf-8",
    )
    ingest_paths(db, [src], batch_size=1, workers=0)
    assert len(index_segments(db)) == 1
    assert Searcher(db).search("保交楼").total == 40
    # Without the merge the same import leaves many segments.
    from storage.ingest import pipeline

    other = open_db(tmp_path / "unmerged" / "newsbot.db")
    monkeypatch.setattr(pipeline, "merge_index", lambda database: None)
    ingest_paths(other, [src], batch_size=1, workers=0)
    assert len(index_segments(other)) > 4
    assert Searcher(other).search("保交楼").total == 40
    other.close()


def test_a_small_import_into_a_large_index_leaves_the_large_segment_alone(db, tmp_path):
    """Merging after an import costs about what the import wrote: the archive's big segment is rewritten
    only once the newer segments add up to an eighth of it, and every article stays searchable."""
    sqlite_only(db, "FTS5 segments (PostgreSQL's GIN index has none)")
    from storage.database.index import FULL_MERGE_SHARE, index_segments
    from storage.search.engine import Searcher

    archive = tmp_path / "archive.jsonl"
    archive.write_text(
        jsonl(
            *(
                {"title": f"旧闻{i}", "body": f"二七区第{i}期道路改造与保交楼进展通报。" * 6}
                for i in range(400)
            )
        ),
        encoding="utf-8",
    )
    ingest_paths(db, [archive], workers=0)
    (big, big_pages), *rest = index_segments(db).items()
    assert rest == []
    for n in range(3):
        src = tmp_path / f"late{n}.jsonl"
        src.write_text(jsonl({"title": f"新闻{n}", "body": f"保交楼第{n}批交付。"}), encoding="utf-8")
        ingest_paths(db, [src], workers=0)
        sizes = index_segments(db)
        assert sizes[big] == big_pages  # not rewritten
        assert len(sizes) == n + 2
    assert Searcher(db).search("保交楼").total == 403
    # Once the newer segments reach the share, the next import merges everything into one.
    bulk = tmp_path / "bulk.jsonl"
    bulk.write_text(
        jsonl(
            *(
                {"title": f"续{i}", "body": f"二七区第{i}期保交楼续报。" * 6}
                for i in range(int(400 * FULL_MERGE_SHARE) + 20)
            )
        ),
        encoding="utf-8",
    )
    ingest_paths(db, [bulk], workers=0)
    assert list(index_segments(db)) != [big] and len(index_segments(db)) == 1
    assert Searcher(db).search("保交楼").total == 403 + int(400 * FULL_MERGE_SHARE) + 20


def test_a_large_file_reports_progress_after_each_batch(db, tmp_path):
    """One big file must move a progress bar before it is finished: each committed batch is reported."""
    src = tmp_path / "big.jsonl"
    src.write_text(
        jsonl(*({"title": f"第{i}篇", "body": f"本报讯 第{i}篇稿件。"} for i in range(60))), encoding="utf-8"
    )
    seen: list[tuple[int, int]] = []
    report = ingest_paths(
        db, [src], batch_size=25, workers=0, on_batch=lambda stored, n: seen.append((stored, n))
    )
    assert report.new == 60
    assert seen == [(25, 60), (50, 60), (60, 60)]


def test_latest_pages_run_newest_date_first_then_undated_across_every_page_boundary(db, tmp_path):
    """/latest's order (newest date first, undated last, page order on ties) holds on every page, including
    pages that end the dated articles and pages of undated ones only."""
    rows = []
    for i in range(23):
        rec = {"title": f"第{i}条", "body": f"本报讯 第{i}条消息的正文。"}
        if i % 4:
            rec["date"] = f"2024-0{1 + i % 3}-1{i % 7}"
        rows.append(rec)
    src = tmp_path / "mixed.jsonl"
    src.write_text(jsonl(*rows), encoding="utf-8")
    ingest_paths(db, [src], workers=0)
    everything = db.execute("SELECT id, date FROM articles").fetchall()
    dated = sorted(
        (r for r in everything if r[1] is not None), key=lambda r: (-int(r[1].replace("-", "")), r[0])
    )
    undated = sorted(r for r in everything if r[1] is None)
    expected = [r[0] for r in dated] + [r[0] for r in undated]
    assert len(undated) == 6 and len(expected) == 23
    for size in (1, 4, 5, 7, 30):
        for offset in range(0, 26):
            assert [a.id for a in latest_articles(db, size, offset)] == expected[offset : offset + size]


def test_a_manifest_naming_a_file_its_folder_lacks_says_so_with_the_name_meant(tmp_path):
    """QA pass 17: an entry for ``P.txt`` (or ``gone.txt``) when the folder holds ``p.txt`` left the page
    without its source and year, and nothing was said."""
    from bot.seeding import format_file_problems

    db = open_db(tmp_path / "n.db")
    pages = tmp_path / "pages"
    pages.mkdir()
    shutil.copy(SEED_PAGE, pages / "p.txt")
    (pages / "manifest.json").write_text(
        json.dumps({"files": {"P.txt": {"source": "区报", "year": 2023}, "gone.txt": {"year": 2020}}})
    )
    report = ingest_paths(db, [pages])
    db.close()
    assert report.failed == 0 and report.new == 6
    manifest = (pages / "manifest.json").as_posix()
    assert format_file_problems(report) == [
        f"提示 note: {manifest}: names P.txt, which is not in its folder: its metadata was not used "
        "(did you mean p.txt?)",
        f"提示 note: {manifest}: names gone.txt, which is not in its folder: its metadata was not used",
    ]


def test_a_manifest_whose_names_are_all_there_adds_no_note(tmp_path):
    db = open_db(tmp_path / "n.db")
    report = ingest_paths(db, [SEEDS])
    db.close()
    assert report.new == 6 and report.notes == []
