"""Caps on what one input may hold: an article's text, an OCR page and one of its lines (far above any
real story or page), so a huge file costs a clear message, not gigabytes of memory."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from bot.cli import main
from storage.database.connection import open_db
from storage.errors import InputError
from storage.ingest.limits import MAX_ARTICLE_CHARS, MAX_LINE_CHARS, MAX_PAGE_CHARS
from storage.ingest.pipeline import explain_file, ingest_paths
from storage.records.articles import iter_articles

ROOT = Path(__file__).resolve().parent.parent
SEED_PAGE = ROOT / "seeds" / "000_6b662c5ca2a0e3a9.txt"

# A sentence of real-looking prose, repeated to any length.
SENTENCE = "本报讯 市住建局近日通报全市保交楼项目的最新进展，多个项目已经复工。"


def _record(title: str, body: str) -> str:
    return json.dumps({"title": title, "body": body, "date": "2023-04-06"}, ensure_ascii=False)


def _long_body(chars: int) -> str:
    return (SENTENCE * (chars // len(SENTENCE) + 1))[:chars]


def _stored_titles(db_path: Path) -> list[str]:
    db = open_db(db_path)
    try:
        return [article.title for article in iter_articles(db)]
    finally:
        db.close()


def test_the_caps_sit_far_above_real_stories_and_pages():
    # The longest story in the benchmark corpora holds about 28,000 characters, the longest OCR page
    # about 8,000 and its longest line 151.
    assert MAX_ARTICLE_CHARS >= 10 * 28_000
    assert MAX_PAGE_CHARS >= 100 * 8_000
    assert MAX_LINE_CHARS >= 100 * 151


@pytest.mark.parametrize("ensure_ascii", [False, True])
def test_an_article_over_the_cap_is_refused_and_the_rest_of_the_file_goes_in(tmp_path, ensure_ascii):
    """Regression (huge input): one 17-million-character article took 3.5 GB of memory to ingest."""
    huge = _long_body(MAX_ARTICLE_CHARS + 1)
    lines = [
        _record("保交楼项目复工", SENTENCE),
        json.dumps({"title": "超长的一篇", "body": huge}, ensure_ascii=ensure_ascii),
        _record("防汛准备就绪", "本报讯 全市防汛物资已经到位。"),
    ]
    feed = tmp_path / "feed.jsonl"
    feed.write_text("\n".join(lines) + "\n", encoding="utf-8")
    db_path = tmp_path / "news.db"
    report = ingest_paths(open_db(db_path), [feed])
    (result,) = report.files
    assert result.status == "ok"
    assert result.new == 2
    assert result.refused == [
        f"line 2: article of {MAX_ARTICLE_CHARS + 1 + len('超长的一篇'):,} characters, over the cap of "
        f"{MAX_ARTICLE_CHARS:,} for one article: refused"
    ]
    assert _stored_titles(db_path) == ["保交楼项目复工", "防汛准备就绪"]


def test_a_refused_article_is_reported_in_one_line_and_counted(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("NEWSBOT_DB", str(tmp_path / "news.db"))
    feed = tmp_path / "feed.jsonl"
    feed.write_text(
        _record("保交楼项目复工", SENTENCE)
        + "\n"
        + _record("超长", _long_body(MAX_ARTICLE_CHARS + 5))
        + "\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(main, ["ingest", str(feed)], catch_exceptions=False)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip() == "1 篇新文章，0 篇已存在，1 篇超长文章被拒（1 个文件）"
    refused = [line for line in result.stderr.splitlines() if "refused" in line]
    assert refused == [
        f"拒绝 refused: feed.jsonl: line 2: article of {MAX_ARTICLE_CHARS + 5 + len('超长'):,} characters, over the cap "
        f"of {MAX_ARTICLE_CHARS:,} for one article: refused"
    ]
    # Stored articles stay when the same file comes again, and the refused one is refused again.
    again = CliRunner().invoke(main, ["ingest", str(feed)], catch_exceptions=False)
    assert again.stdout.strip() == "0 篇新文章，1 篇已存在，1 篇超长文章被拒（1 个文件）"
    assert _stored_titles(tmp_path / "news.db") == ["保交楼项目复工"]


def test_an_ocr_page_with_a_line_over_the_cap_is_refused_whole(tmp_path):
    page = tmp_path / "page.txt"
    long_line = _long_body(MAX_LINE_CHARS + 1)
    text = SEED_PAGE.read_text(encoding="utf-8") + "\n" + long_line + "\n"
    page.write_text(text, encoding="utf-8")
    line_number = text.split("\n").index(long_line) + 1
    db = open_db(tmp_path / "news.db")
    (result,) = ingest_paths(db, [page, SEED_PAGE]).files[:1]
    assert result.status == "error"
    assert result.error == (
        f"line {line_number} holds {MAX_LINE_CHARS + 1:,} characters, over the cap of {MAX_LINE_CHARS:,} "
        "for one line of an OCR page (not a page as an OCR engine writes it)"
    )
    with pytest.raises(InputError, match="over the cap"):
        explain_file(page)


def test_an_ocr_page_over_the_cap_is_refused_whole_and_the_other_files_go_in(tmp_path):
    page = tmp_path / "page.txt"
    body = "\n".join(_long_body(40) for _ in range(MAX_PAGE_CHARS // 40 + 1))
    page.write_text(body, encoding="utf-8")
    db_path = tmp_path / "news.db"
    report = ingest_paths(open_db(db_path), [page, SEED_PAGE])
    refused, seed = report.files
    assert refused.status == "error"
    assert refused.error == (
        f"page of {len(body):,} characters, over the cap of {MAX_PAGE_CHARS:,} for one OCR page"
    )
    assert seed.status == "ok" and seed.new == 6


def test_an_ocr_page_file_far_over_the_cap_is_refused_before_it_is_read(tmp_path):
    """A file larger than any page the cap allows, in any encoding (4 bytes a character), is refused from
    its size alone."""
    page = tmp_path / "page.txt"
    with page.open("wb") as out:
        out.truncate(4 * MAX_PAGE_CHARS + 5)  # sparse: no disk needed
    db = open_db(tmp_path / "news.db")
    (result,) = ingest_paths(db, [page]).files
    assert result.status == "error"
    # Bytes against bytes (regression: it said "over the cap of 1,000,000 characters" of a size in bytes).
    assert result.error == (
        f"file of {4 * MAX_PAGE_CHARS + 5:,} bytes, over the cap of {4 * MAX_PAGE_CHARS + 4:,} bytes for one "
        f"OCR page file (a page of at most {MAX_PAGE_CHARS:,} characters, 4 bytes each at most)"
    )


def test_a_story_an_ocr_page_was_cut_into_over_the_cap_is_refused(tmp_path):
    """A page within the page cap whose text never breaks into stories: one story over the article cap."""
    body = _long_body(MAX_ARTICLE_CHARS + 17)
    lines = [body[k : k + 17] for k in range(0, len(body), 17)]
    page = tmp_path / "page.txt"
    page.write_text("\n".join(lines) + "\n", encoding="utf-8")
    (result,) = ingest_paths(open_db(tmp_path / "news.db"), [page]).files
    assert result.status == "ok" and result.new == 0
    (refused,) = result.refused
    assert re.match(r"story 1 \(lines 1-\d+\): article of \d{3},\d{3} characters", refused)
    assert refused.endswith(f"characters, over the cap of {MAX_ARTICLE_CHARS:,} for one article: refused")
