"""The articles table: storing parsed articles idempotently and reading them back.

An article is identified by its `fingerprint`, the SHA-256 of its body with all whitespace removed, so
re-ingesting the same text (re-wrapped, re-spaced) finds the stored row instead of adding a copy.
Ids never change. When a known article comes back with a different title or metadata (a better parser,
a richer source) the row is updated and counted as updated.

Callers own the transaction (``with write_transaction(db):``); nothing here commits on its own.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta, timezone
from typing import Any

import sqlite_utils

from storage.models import Article, ParsedArticle

_WHITESPACE = re.compile(r"\s+")
_JSON_COLUMNS = ("title_lines", "reporters", "correspondents", "paragraphs", "keywords")
# Columns a re-ingest may change; origin columns follow them.
_CONTENT_COLUMNS = (
    "title",
    "title_lines",
    "title_source",
    "date",
    "byline",
    "reporters",
    "correspondents",
    "body",
    "paragraphs",
    "source",
    "url",
    "published_at",
)
_SELECT = """
    SELECT id, title, title_lines, date, byline, reporters, correspondents, body, paragraphs, source, url,
           summary, keywords, origin_file, origin_position, title_source, published_at
    FROM articles
"""
_SELECT_BY_FINGERPRINT = _SELECT.replace("SELECT id,", "SELECT fingerprint, id,", 1)


@dataclass
class UpsertResult:
    new_ids: list[int] = field(default_factory=list)
    known_ids: list[int] = field(default_factory=list)  # already stored, unchanged
    updated_ids: list[int] = field(default_factory=list)  # already stored, title or metadata changed
    ids: list[int] = field(default_factory=list)  # the id of each input article, in input order

    @property
    def changed_ids(self) -> list[int]:
        """Ids whose indexed text must be (re)built."""
        return self.new_ids + self.updated_ids


def fingerprint(body: str) -> str:
    """Stable identity of an article's text: SHA-256 of the body with all whitespace removed."""
    return hashlib.sha256(_WHITESPACE.sub("", body).encode("utf-8")).hexdigest()


# The columns of a new article's INSERT: its identity, the content columns, then where and when it came in.
_INSERT_COLUMNS = ("fingerprint", *_CONTENT_COLUMNS, "origin_file", "origin_position", "ingested_at")


def insert_statement(extra: Sequence[str] = ()) -> str:
    """The INSERT of one new article (named parameters), with the `extra` columns too (pure). The same
    `extra` gives the same text, so the driver prepares it once."""
    columns = (*_INSERT_COLUMNS, *extra)
    return (
        f"INSERT INTO articles ({', '.join(columns)}) "
        f"VALUES ({', '.join(':' + c for c in columns)}) RETURNING id"
    )


def upsert_articles(
    db: sqlite_utils.Database,
    articles: Sequence[ParsedArticle],
    *,
    now: datetime | None = None,
    update_known: bool = True,
    fingerprints: Sequence[str] | None = None,
    columns: Mapping[str, Mapping[str, Any]] | None = None,
) -> UpsertResult:
    """Store articles, skipping ones already known by fingerprint and updating changed ones.

    A known article found again in the file it came from is updated to the new parse; found in another
    file, it takes that file's non-empty title and metadata only (see `_changes`). With
    ``update_known=False`` (web sources) a known article is left as it is: the first source keeps it.
    `fingerprints`: each article's `fingerprint`, when the caller has them already. `columns`: values of
    further columns for a new article, by fingerprint (ingest stores the index's summary, keywords and
    search forms with the row instead of updating it afterwards).
    """
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    fps = list(fingerprints) if fingerprints is not None else [fingerprint(a.body) for a in articles]
    stored = _stored_rows(db, fps)
    result = UpsertResult()
    seen: dict[str, int] = {}
    for parsed, fp in zip(articles, fps, strict=True):
        if fp in seen:  # the same story twice in one batch
            result.known_ids.append(seen[fp])
            result.ids.append(seen[fp])
            continue
        row = _to_row(parsed)
        existing = stored.get(fp)
        if existing is None:
            extra = columns.get(fp, {}) if columns is not None else {}
            cursor = db.conn.execute(  # the driver's own execute: sqlite-utils' wrapper costs more than it
                insert_statement(tuple(extra)), {**row, **extra, "fingerprint": fp, "ingested_at": stamp}
            )
            article_id = int(cursor.fetchone()[0])
            result.new_ids.append(article_id)
        else:
            article_id = int(existing["id"])
            changes = _changes(existing, row) if update_known else {}
            if changes:
                assignments = ", ".join(f"{column} = :{column}" for column in changes)
                db.execute(
                    f"UPDATE articles SET {assignments} WHERE id = :id",
                    {**changes, "id": article_id},
                )
                result.updated_ids.append(article_id)
            else:
                result.known_ids.append(article_id)
        seen[fp] = article_id
        result.ids.append(article_id)
    return result


def _stored_rows(db: sqlite_utils.Database, fingerprints: Sequence[str]) -> dict[str, dict[str, Any]]:
    """The stored rows (`_SELECT`'s columns) of the articles with these fingerprints, by fingerprint:
    one read for a batch instead of one per article."""
    wanted = list(dict.fromkeys(fingerprints))
    found: dict[str, dict[str, Any]] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        for row in db.query(_SELECT_BY_FINGERPRINT + f" WHERE fingerprint IN ({marks})", chunk):
            found[row.pop("fingerprint")] = row
    return found


def stored_fingerprints(db: sqlite_utils.Database, fingerprints: Iterable[str]) -> set[str]:
    """Those of `fingerprints` that belong to stored articles."""
    wanted = list(dict.fromkeys(fingerprints))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(
            r[0]
            for r in db.execute(f"SELECT fingerprint FROM articles WHERE fingerprint IN ({marks})", chunk)
        )
    return found


def get_article(db: sqlite_utils.Database, article_id: int) -> Article | None:
    row = next(iter(db.query(_SELECT + " WHERE id = ?", [article_id])), None)
    return _to_article(row) if row is not None else None


def get_articles(db: sqlite_utils.Database, ids: Iterable[int]) -> list[Article]:
    """Articles by id, in the order of `ids`; unknown ids are left out."""
    wanted = list(dict.fromkeys(int(i) for i in ids))
    if not wanted:
        return []
    found: dict[int, Article] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        placeholders = ", ".join("?" for _ in chunk)
        for row in db.query(_SELECT + f" WHERE id IN ({placeholders})", chunk):
            found[int(row["id"])] = _to_article(row)
    return [found[i] for i in wanted if i in found]


# The zone whose calendar day begins first: a story published by some moment is dated no later than
# that moment's day there, wherever it was published.
_FIRST_DAY = timezone(timedelta(hours=14))


def last_date_by(now: datetime) -> str:
    """The last day (ISO) a story published by `now` can be dated: `now`'s day where the day begins first
    (UTC+14), so a story dated today anywhere is never taken for a later one. Pure."""
    return now.astimezone(_FIRST_DAY).date().isoformat()


def latest_articles(
    db: sqlite_utils.Database, limit: int, offset: int = 0, *, dated_by: str | None = None
) -> list[Article]:
    """Newest date first (undated last), then page order (id); `dated_by`: none dated after that day."""
    return [_to_article(row) for row in _latest(db, _SELECT, limit, offset, dated_by)]


def _latest(
    db: sqlite_utils.Database, select: str, limit: int, offset: int, dated_by: str | None
) -> list[dict[str, Any]]:
    """Rows of `select` (over `articles`) in /latest's order, none dated after `dated_by` (None: any date).
    The dated ones are read down the date index and the undated ones after them, so a page costs the same
    in a million articles as in a hundred (one ORDER BY over both would sort the whole table)."""
    limit, offset = max(0, int(limit)), max(0, int(offset))
    dated = "date IS NOT NULL" + (" AND date <= ?" if dated_by is not None else "")
    bound = [dated_by] if dated_by is not None else []
    rows = list(
        db.query(f"{select} WHERE {dated} ORDER BY date DESC, id LIMIT ? OFFSET ?", [*bound, limit, offset])
    )
    if len(rows) < limit:
        # Past the dated ones: the undated page starts where the dated list ended.
        skip = 0 if rows or offset == 0 else max(0, offset - _count(db, dated, bound))
        rows += db.query(
            select + " WHERE date IS NULL ORDER BY id LIMIT ? OFFSET ?", [limit - len(rows), skip]
        )
    return rows


def latest_stories(
    db: sqlite_utils.Database, limit: int, offset: int = 0, *, dated_by: str | None = None
) -> list[Article]:
    """`latest_articles` with each story once: an article whose story (its near-duplicate cluster,
    `storage.database.duplicates`) another source's copy already listed is left out. The order is read
    from the start (ids and clusters only) until `offset + limit` stories are found, so a page costs in
    proportion to its depth; only the page's articles are read whole."""
    limit, offset = max(0, int(limit)), max(0, int(offset))
    want = offset + limit
    firsts: list[int] = []
    seen: set[int] = set()
    chunk = max(100, 2 * want)
    start = 0
    while len(firsts) < want:
        rows = _latest(db, "SELECT id, coalesce(cluster, id) AS story FROM articles", chunk, start, dated_by)
        for row in rows:
            if row["story"] not in seen:
                seen.add(row["story"])
                firsts.append(int(row["id"]))
        if len(rows) < chunk:
            break
        start += chunk
    return get_articles(db, firsts[offset:want])


def _count(db: sqlite_utils.Database, where: str, params: list[str]) -> int:
    return int(db.conn.execute(f"SELECT count(*) FROM articles WHERE {where}", params).fetchone()[0])


def stored_ahead_of_date(
    db: sqlite_utils.Database, upto: int, after_date: str, dated_by: str
) -> dict[int, str]:
    """Id → date of the articles stored up to id `upto` and dated after day `after_date`, up to `dated_by`:
    those a digest run when the last day a story could carry was `after_date` left out for their date
    (a misread date, a clock set in the past), whose day has come by `dated_by`. Read down the date index."""
    rows = db.execute(
        "SELECT id, date FROM articles WHERE date > ? AND date <= ? AND id <= ?", [after_date, dated_by, upto]
    ).fetchall()
    return {int(i): str(d) for i, d in rows}


def article_dates(
    db: sqlite_utils.Database, after: int, upto: int, *, dated_by: str | None = None
) -> dict[int, str | None]:
    """Id → date of the articles stored after id `after`, up to id `upto` (a digest run's new articles),
    none dated after `dated_by` (None: any date; undated ones are kept)."""
    bound = " AND (date IS NULL OR date <= ?)" if dated_by is not None else ""
    params: list[object] = [after, upto, *([dated_by] if dated_by is not None else [])]
    rows = db.execute(f"SELECT id, date FROM articles WHERE id > ? AND id <= ?{bound}", params).fetchall()
    return {int(i): d for i, d in rows}


def known_urls(db: sqlite_utils.Database, urls: Iterable[str]) -> set[str]:
    """The links among `urls` that an article is already stored under."""
    wanted = list(dict.fromkeys(u for u in urls if u))
    found: set[str] = set()
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        marks = ",".join("?" * len(chunk))
        found.update(r[0] for r in db.conn.execute(f"SELECT url FROM articles WHERE url IN ({marks})", chunk))
    return found


def article_by_url(db: sqlite_utils.Database, url: str) -> Article | None:
    """The article stored under the link `url` (the first stored, when several are), or None."""
    row = db.conn.execute("SELECT id FROM articles WHERE url = ? ORDER BY id LIMIT 1", [url]).fetchone()
    return get_article(db, int(row[0])) if row else None


def count_articles(db: sqlite_utils.Database) -> int:
    return int(next(iter(db.query("SELECT count(*) AS n FROM articles")))["n"])


def stats(db: sqlite_utils.Database) -> dict[str, Any]:
    """Counts for `newsbot stats`: articles, per source, per date, undated, date range."""
    # Sorted here, not by the database: the same order on SQLite and PostgreSQL, whose text collation and
    # place for NULL differ (largest first, then no source, then by name in code point order).
    counted = [
        (row["source"], int(row["n"]))
        for row in db.query("SELECT source, count(*) AS n FROM articles GROUP BY source")
    ]
    counted.sort(key=lambda item: (-item[1], item[0] is not None, item[0] or ""))
    sources = dict(counted)
    dates = dict(
        sorted(
            (row["date"], int(row["n"]))
            for row in db.query(
                "SELECT date, count(*) AS n FROM articles WHERE date IS NOT NULL GROUP BY date"
            )
        )
    )
    undated = int(next(iter(db.query("SELECT count(*) AS n FROM articles WHERE date IS NULL")))["n"])
    return {
        "articles": count_articles(db),
        "sources": sources,  # None key: articles without a source
        "dates": dates,
        "undated": undated,
        "first_date": min(dates) if dates else None,
        "last_date": max(dates) if dates else None,
    }


def iter_articles(db: sqlite_utils.Database, *, batch_size: int = 500) -> Iterator[Article]:
    """Every article in id order, read in batches (keyset pagination, safe on large databases)."""
    last_id = 0
    while True:
        rows = list(db.query(_SELECT + " WHERE id > ? ORDER BY id LIMIT ?", [last_id, batch_size]))
        if not rows:
            return
        for row in rows:
            yield _to_article(row)
        last_id = int(rows[-1]["id"])


def export_record(article: Article) -> dict[str, Any]:
    """The JSON object `newsbot export` writes for an article (JSON Lines, re-ingestable)."""
    return {
        "id": article.id,
        "title": article.title,
        "title_lines": list(article.title_lines),
        "title_source": article.title_source,
        "date": article.date,
        "byline": article.byline,
        "reporters": list(article.reporters),
        "correspondents": list(article.correspondents),
        "body": article.body,
        "paragraphs": list(article.paragraphs),
        "source": article.source,
        "url": article.url,
        "published_at": article.published_at,
        "summary": article.summary,
        "keywords": list(article.keywords),
    }


def _to_row(parsed: ParsedArticle) -> dict[str, Any]:
    return {
        "title": parsed.title,
        "title_lines": _dump(parsed.title_lines or (parsed.title,)),
        "title_source": parsed.title_source,
        "date": parsed.date,
        "byline": parsed.byline,
        "reporters": _dump(parsed.reporters),
        "correspondents": _dump(parsed.correspondents),
        "body": parsed.body,
        "paragraphs": _paragraphs_column(parsed.paragraphs),
        "source": parsed.source,
        "url": parsed.url,
        "published_at": parsed.published_at,
        "origin_file": parsed.origin_file,
        "origin_position": parsed.origin_position,
    }


def _changes(existing: dict[str, Any], row: dict[str, Any]) -> dict[str, Any]:
    """Columns to update on a known article.

    A re-parse of the same file is authoritative: every content column follows it (it may clear a field
    or split paragraphs differently). Another file with the same text only brings its non-empty title
    and metadata; the stored paragraphs stay, the headline lines and the title's source change only
    with the title, and an inferred title never replaces a stored one. A file of another source (a reprint:
    the same text under 新华社 of a story stored from 人民日报) only fills what the stored article lacks, so
    the paper that printed it first keeps its name, title and date.
    """
    same_file = existing["origin_file"] is not None and existing["origin_file"] == row["origin_file"]
    reprint = (
        not same_file
        and bool(existing["source"])
        and bool(row["source"])
        and existing["source"] != row["source"]
    )
    changes: dict[str, Any] = {}
    for column in _CONTENT_COLUMNS:
        if column == "body":
            continue  # follows paragraphs
        if reprint and existing[column] not in (None, "", "[]"):
            continue
        if not same_file and (
            column == "paragraphs"
            or (column in ("title_lines", "title_source") and "title" not in changes)
            or (column == "title" and row["title_source"] == "inferred")
        ):
            continue  # layout (paragraph breaks, headline lines) only changes with the text it lays out
        new = row[column]
        if not same_file and new in (None, "", "[]"):
            continue
        if column == "paragraphs" and row["body"] != existing["body"]:
            changes[column] = new  # the same text broken into other paragraphs
        elif new != existing[column]:
            changes[column] = new
    if "paragraphs" in changes:
        changes["body"] = row["body"]
    if changes:
        changes["origin_file"] = row["origin_file"]
        changes["origin_position"] = row["origin_position"]
    return changes


def _dump(values: Iterable[str]) -> str:
    listed = list(values)
    return json.dumps(listed, ensure_ascii=False) if listed else "[]"  # most lists are empty


def _paragraphs_column(paragraphs: Sequence[str]) -> str:
    """What `articles.paragraphs` stores: '[]' when the lines of the body (its paragraphs joined by
    newlines) are the paragraphs, the usual case, so the text is not stored twice; else the JSON list."""
    if paragraphs and not any("\n" in p for p in paragraphs):
        return "[]"
    return _dump(paragraphs)


def _to_article(row: dict[str, Any]) -> Article:
    decoded = {column: tuple(json.loads(row[column] or "[]")) for column in _JSON_COLUMNS}
    return Article(
        id=int(row["id"]),
        title=row["title"],
        paragraphs=decoded["paragraphs"] or tuple(row["body"].split("\n") if row["body"] else ()),
        date=row["date"],
        title_lines=decoded["title_lines"],
        byline=row["byline"],
        reporters=decoded["reporters"],
        correspondents=decoded["correspondents"],
        source=row["source"],
        url=row["url"],
        summary=row["summary"],
        keywords=decoded["keywords"],
        origin_file=row["origin_file"],
        origin_position=row["origin_position"],
        published_at=row["published_at"],
        title_source=row["title_source"],
    )
