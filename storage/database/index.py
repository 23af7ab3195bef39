"""Keeping the full-text index (`articles_fts`, migration 3) in step with `articles`.

`prepare_document` computes what the index stores for one article (pure; ingest runs it before taking the
write lock, so a batch's transaction only writes rows). `write_index` writes prepared documents and
`index_articles` prepares and writes stored articles; both run inside the caller's transaction (ingest
stores and indexes each batch in one transaction) and never commit or begin; so do `index_missing` and
`rebuild_index` (their callers hold `storage.database.writing.write_transaction`). They also store each
article's `summary` and `keywords`, the text evidence ranking reads (`search_title`, `search_body`:
`storage.text.normalize.search_form`; migration 13, `fill_search_forms` for the articles stored
before it), its near-duplicate sketch and cluster (`storage.database.duplicates`), and the months and days
of a year it mentions (`period_mentions`, `storage.text.periods`: what a keyword search with a dated period
looks up; migration 20, `fill_period_mentions` for the articles stored before it).

Since migration 8 the index is *contentless* where SQLite can delete from such a table (3.43+, the
pysqlite3 build; `storage.driver`): FTS5 keeps the inverted index and each row's token counts, not a
copy of the tokens, so nothing may read its columns (they are NULL); searches read rowids and bm25().
Deleting one row keeps it in the index's totals (documents, tokens), so BM25 scores drift a little
after articles are re-indexed one by one; `rebuild_index` resets them ('delete-all').

Columns of `articles_fts` (rowid = articles.id), all pre-segmented, space-separated tokens:
  title, byline, body  character-bigram tokens (`storage.text.segment.index_text`) of the normalised text;
  words                jieba words (2+ Han characters) of title and body, and date tokens
                       (`storage.text.segment.date_tokens`: 4月6日 → d0406 m04).
On PostgreSQL the same tokens are one tsvector per article (`storage.database.tsvector.document`, with
the table of `storage.database.postgres.POSTGRES_VERSIONS`), and each write's term frequencies one
segment of `storage.database.postings`, which `merge_postings` merges.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

import sqlite_utils

from storage.database.duplicates import forget_sketches, store_sketches
from storage.database.postgres import is_postgres
from storage.database.postings import forget_all, merge_postings, write_segment
from storage.database.tsvector import document
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.text.neardup import sketch
from storage.text.normalize import normalize, search_form
from storage.text.periods import DateMention, date_mentions, periods
from storage.text.segment import cut, date_tokens, han_words, index_text
from storage.text.summary import keywords_from_han_words, summarize

_CHUNK = 500
# Every term lookup probes each b-tree (segment) of the index: at 100k articles 20 segments cost 40% of a
# typical search. After an import, segments of like size are merged (FTS5's 'merge' with a positive page
# count: only levels holding `usermerge`, 4, segments or more), which costs about as much as the import;
# the whole index is merged into one when the segments other than the largest add up to this share of it,
# so a large archive is rewritten once per eighth of its size added, not for every small import.
FULL_MERGE_SHARE = 1 / 8
MERGE_PAGES = 2000  # index pages written per merge step (one short write transaction each)


@dataclass(frozen=True)
class IndexedDoc:
    title: str
    byline: str
    body: str
    words: str
    summary: str
    keywords: list[str]
    sketch: tuple[int, ...] | None = None  # near-duplicate sketch of the body (storage.text.neardup)
    # What evidence ranking reads of the title and the body (`storage.text.normalize.search_form`).
    search_title: str | None = None
    search_body: str | None = None
    # The months and days it prints (`storage.text.periods.date_mentions`), its periods once its date is known.
    dates: tuple[DateMention, ...] = ()


def prepare_document(title: str, body: str, byline: str | None, paragraphs: Iterable[str]) -> IndexedDoc:
    """Everything the index stores for one article (pure apart from jieba's dictionary)."""
    n_title = normalize(title or "")
    n_body = normalize(body or "")
    n_byline = normalize(byline or "")
    words_title = cut(n_title) if n_title else []
    words_body = cut(n_body) if n_body else []
    hw_title, hw_body = han_words(words_title), han_words(words_body)
    dates = date_tokens(n_title + "\n" + n_body)
    return IndexedDoc(
        title=index_text(n_title),
        byline=index_text(n_byline),
        body=index_text(n_body),
        words=" ".join(hw_title + hw_body + dates),
        summary=summarize(list(paragraphs) or (body or "").split("\n")),
        keywords=keywords_from_han_words(hw_title * 2 + hw_body),
        sketch=sketch(n_body, normalized=True),
        search_title=search_form(title or ""),
        search_body=search_form(body or ""),
        dates=date_mentions(n_title, n_byline, n_body, dates),
    )


def _paragraphs(raw: str | None, body: str) -> list[str]:
    if raw:
        try:
            value = json.loads(raw)
        except ValueError:
            value = None
        if isinstance(value, list) and all(isinstance(p, str) for p in value):
            return value
    return body.split("\n")


def index_articles(db: sqlite_utils.Database, ids: list[int]) -> None:
    """(Re)index the given stored articles and store their summary and keywords. Never commits."""
    ids = sorted({int(i) for i in ids})
    conn = db.conn
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        marks = ",".join("?" * len(chunk))
        rows = conn.execute(
            f"SELECT id, title, byline, body, paragraphs FROM articles WHERE id IN ({marks})", chunk
        ).fetchall()
        write_index(
            db,
            {
                art_id: prepare_document(title, body or "", byline, _paragraphs(paragraphs, body or ""))
                for art_id, title, byline, body, paragraphs in rows
            },
        )


# The columns of `articles` a prepared document fills (`stored_columns`), in this order.
STORED_COLUMNS = ("summary", "keywords", "search_title", "search_body", "search_forms")
_STORED_ASSIGNMENTS = ", ".join(f"{column} = ?" for column in STORED_COLUMNS)


def stored_columns(doc: IndexedDoc) -> dict[str, object]:
    """What `articles` stores of a prepared document: its summary, keywords and search forms (pure)."""
    values = (doc.summary, json.dumps(doc.keywords, ensure_ascii=False), doc.search_title, doc.search_body, 1)
    return dict(zip(STORED_COLUMNS, values, strict=True))


def write_index(
    db: sqlite_utils.Database, docs: Mapping[int, IndexedDoc], *, new: bool = False, columns: bool = True
) -> None:
    """Write prepared documents to the index (replacing what it held for those ids) and store their
    summary and keywords. `new`: the ids were stored in this transaction, so the index holds nothing
    for them yet (ingest). `columns` False: the caller stored each article's `stored_columns` with its
    row (ingest), so they are not written again. Never commits."""
    conn = db.conn
    items = sorted(docs.items())
    if is_postgres(conn):
        # One statement for the batch: the index's totals (a trigger per statement) change once.
        if not new:
            conn.execute("DELETE FROM articles_fts WHERE rowid = ANY(?)", [[i for i, _ in items]])
        vectors = [(i, document((d.title, d.byline, d.body, d.words))) for i, d in items]
        conn.execute(
            "INSERT INTO articles_fts(rowid, document, sizes) "
            "SELECT r, v::tsvector, string_to_array(s, ',')::int[] FROM unnest(?::bigint[], ?::text[], ?::text[]) AS t(r, v, s)",
            [
                [i for i, _ in vectors],
                [v.vector for _, v in vectors],
                [",".join(map(str, v.sizes)) for _, v in vectors],
            ],
        )
        write_segment(conn, vectors)
    else:
        if not new:
            conn.executemany("DELETE FROM articles_fts WHERE rowid = ?", [(i,) for i, _ in items])
        conn.executemany(
            "INSERT INTO articles_fts(rowid, title, byline, body, words) VALUES (?, ?, ?, ?, ?)",
            [(i, d.title, d.byline, d.body, d.words) for i, d in items],
        )
    write_periods(conn, {i: d.dates for i, d in items}, new=new)
    if columns:
        # Positional parameters: PostgreSQL's executemany takes sequences only.
        conn.executemany(
            f"UPDATE articles SET {_STORED_ASSIGNMENTS} WHERE id = ?",
            [(*stored_columns(d).values(), i) for i, d in items],
        )
    # Near-duplicate sketches and clusters (the same story from several sources), in id order.
    store_sketches(db, {i: d.sketch for i, d in items}, new=new)


def fill_search_forms(db: sqlite_utils.Database, *, chunk: int = _CHUNK) -> int:
    """Store the search forms (`search_title`, `search_body`) of the articles stored without them (before
    migration 13), in id order, one write transaction per `chunk` articles; returns how many. Articles
    left without them (an interrupted run) are still ranked the same: evidence ranking then works the
    forms out itself."""
    done = last = 0
    while True:
        with write_transaction(db):
            rows = db.conn.execute(
                "SELECT id, title, body FROM articles WHERE id > ? AND search_forms IS NULL ORDER BY id LIMIT ?",
                [last, chunk],
            ).fetchall()
            db.conn.executemany(
                "UPDATE articles SET search_title = ?, search_body = ?, search_forms = 1 WHERE id = ?",
                [(search_form(title or ""), search_form(body or ""), i) for i, title, body in rows],
            )
        if not rows:
            return done
        done += len(rows)
        last = rows[-1][0]


def write_periods(conn: sqlite3.Connection, dates: Mapping[int, Iterable[DateMention]], *, new: bool) -> None:
    """Store the periods each article mentions (`period_mentions`), its printed `dates` read with its stored
    date, replacing what was stored for it (`new`: nothing was). Never commits."""
    ids = sorted(dates)
    postgres = is_postgres(conn)
    if not new and postgres:
        conn.execute("DELETE FROM period_mentions WHERE article_id = ANY(?)", [ids])
    elif not new:
        conn.executemany("DELETE FROM period_mentions WHERE article_id = ?", [(i,) for i in ids])
    stored = _dates(conn, ids)
    rows = [(key, i) for i in ids for key in periods(dates[i], stored.get(i))]
    if postgres and rows:
        conn.execute(
            "INSERT INTO period_mentions (period, article_id) SELECT * FROM unnest(?::text[], ?::bigint[])",
            [[k for k, _ in rows], [i for _, i in rows]],
        )
    elif rows:
        conn.executemany("INSERT INTO period_mentions (period, article_id) VALUES (?, ?)", rows)


def _dates(conn: sqlite3.Connection, ids: list[int]) -> dict[int, str | None]:
    """The stored date of each article of `ids`."""
    out: dict[int, str | None] = {}
    for start in range(0, len(ids), _CHUNK):
        chunk = ids[start : start + _CHUNK]
        if is_postgres(conn):
            rows = conn.execute("SELECT id, date FROM articles WHERE id = ANY(?)", [chunk]).fetchall()
        else:
            marks = ",".join("?" * len(chunk))
            rows = conn.execute(f"SELECT id, date FROM articles WHERE id IN ({marks})", chunk).fetchall()
        out.update((int(i), d) for i, d in rows)
    return out


def fill_period_mentions(db: sqlite_utils.Database, *, chunk: int = _CHUNK) -> int:
    """Store the periods mentioned by the articles stored before migration 20, in id order, one write
    transaction per `chunk` articles, each recording the last id done (`period_mentions_fill`, whose row goes
    when all are: an interrupted fill goes on at the next opening); returns how many articles were read
    (0 at once when no fill is under way)."""
    done = 0
    while db.conn.execute("SELECT 1 FROM period_mentions_fill").fetchone() is not None:
        with write_transaction(db):
            marker = db.conn.execute("SELECT last_id FROM period_mentions_fill").fetchone()
            if marker is None:  # another process finished it meanwhile
                break
            rows = db.conn.execute(
                "SELECT id, title, byline, body FROM articles WHERE id > ? ORDER BY id LIMIT ?",
                [marker[0], chunk],
            ).fetchall()
            found = {int(i): _date_mentions(title, byline, body) for i, title, byline, body in rows}
            write_periods(db.conn, found, new=False)
            if rows:
                db.conn.execute("UPDATE period_mentions_fill SET last_id = ?", [rows[-1][0]])
            else:
                db.conn.execute("DELETE FROM period_mentions_fill")
        done += len(rows)
    return done


def _date_mentions(title: str | None, byline: str | None, body: str | None) -> tuple[DateMention, ...]:
    """`date_mentions` of a stored article's text, as `prepare_document` reads it."""
    n_title, n_body = normalize(title or ""), normalize(body or "")
    return date_mentions(n_title, normalize(byline or ""), n_body, date_tokens(n_title + "\n" + n_body))


def index_missing(db: sqlite_utils.Database) -> int:
    """Index the articles the index lacks (stored before the index existed, e.g. by an older schema);
    returns how many were indexed. Runs inside the caller's write transaction; never commits."""
    ids = [
        r[0]
        for r in db.conn.execute(
            "SELECT id FROM articles WHERE id NOT IN (SELECT rowid FROM articles_fts) ORDER BY id"
        )
    ]
    if ids:
        index_articles(db, ids)
    return len(ids)


def unindex_articles(db: sqlite_utils.Database, ids: list[int]) -> None:
    """Remove articles from the index (for callers deleting articles). Never commits."""
    if is_postgres(db.conn):
        db.conn.execute("DELETE FROM articles_fts WHERE rowid = ANY(?)", [[int(i) for i in ids]])
    else:
        db.conn.executemany("DELETE FROM articles_fts WHERE rowid = ?", [(int(i),) for i in ids])
    write_periods(db.conn, {int(i): () for i in ids}, new=False)
    forget_sketches(db, ids)


# Emptying a contentless index row by row leaves its totals (documents, tokens) counting the deleted rows,
# which shifts every BM25 score; 'delete-all' resets them.
_DELETE_ALL = "INSERT INTO articles_fts(articles_fts) VALUES ('delete-all')"


# The index's tokens, each with the articles holding it (FTS5's own vocabulary, no copy: `fts5vocab`), for the
# words read from pinyin (`storage.search.pinyin`). A view of this connection only (the temp schema), made
# when a read connection opens (`storage.database.access`), before it is made read-only, or on first use.
TERMS = "temp.articles_fts_terms"
_TERMS_VIEW = f"CREATE VIRTUAL TABLE IF NOT EXISTS {TERMS} USING fts5vocab(main, articles_fts, row)"


def open_terms_view(conn: sqlite3.Connection) -> bool:
    """Make `TERMS` on this connection, once; False when it cannot be made (a connection made read-only
    before it was: then no word is read from pinyin)."""
    if (
        conn.execute("SELECT 1 FROM temp.sqlite_master WHERE name = 'articles_fts_terms'").fetchone()
        is not None
    ):
        return True
    try:
        conn.execute(_TERMS_VIEW)
    except sqlite3.OperationalError:  # attempt to write a readonly database (PRAGMA query_only)
        return False
    return True


def _contentless(conn: sqlite3.Connection) -> bool:
    """Whether the index keeps no copy of the text (migration 8 on SQLite 3.43+)."""
    row = conn.execute("SELECT sql FROM sqlite_master WHERE name = 'articles_fts'").fetchone()
    return row is not None and "content = ''" in row[0]


def rebuild_index(db: sqlite_utils.Database) -> int:
    """Rebuild the whole index from `articles`; returns the number of articles indexed. Runs inside the
    caller's write transaction (``with write_transaction(db): rebuild_index(db)``); never commits."""
    conn = db.conn
    postgres = is_postgres(conn)
    conn.execute(_DELETE_ALL if not postgres and _contentless(conn) else "DELETE FROM articles_fts")
    if postgres:
        forget_all(conn)
    conn.execute("DELETE FROM article_sketches")
    conn.execute("DELETE FROM period_mentions")
    conn.execute("DELETE FROM sketch_keys")
    ids = [r[0] for r in conn.execute("SELECT id FROM articles ORDER BY id")]
    index_articles(db, ids)
    if not postgres:
        conn.execute("INSERT INTO articles_fts(articles_fts) VALUES ('optimize')")
    return len(ids)


def merge_term_counts(db: sqlite_utils.Database) -> int:
    """Merge the segments of PostgreSQL's term frequencies (`storage.database.postings`) that writes left,
    on a connection outside any transaction; the number of merges. Nothing to do on SQLite: FTS5 keeps
    its own counts (its segments: `merge_index_step`)."""
    return merge_postings(db.conn) if is_postgres(db.conn) else 0


def index_segments(db: sqlite_utils.Database) -> dict[int, int]:
    """The b-trees (segments) the index is made of: segment id -> its size in leaf pages (the page of its
    last term in `articles_fts_idx`, whose primary key is (segid, term); one probe per segment)."""
    conn = db.conn
    sizes: dict[int, int] = {}
    segid = -1
    while True:
        row = conn.execute(
            "SELECT segid FROM articles_fts_idx WHERE segid > ? ORDER BY segid LIMIT 1", [segid]
        ).fetchone()
        if row is None:
            return sizes
        segid = int(row[0])
        last = conn.execute(
            "SELECT pgno FROM articles_fts_idx WHERE segid = ? ORDER BY term DESC LIMIT 1", [segid]
        ).fetchone()
        sizes[segid] = max(1, int(last[0]) >> 1)  # the low bit flags a doclist index


def needs_full_merge(sizes: Mapping[int, int]) -> bool:
    """Whether the segments other than the largest have grown to `FULL_MERGE_SHARE` of it."""
    if len(sizes) <= 1:
        return False
    largest = max(sizes.values())
    return sum(sizes.values()) - largest >= FULL_MERGE_SHARE * largest


def merge_index_step(db: sqlite_utils.Database, pages: int = MERGE_PAGES, *, full: bool = False) -> bool:
    """Merge segments of like size (all of them into one when `full`), writing about `pages` pages; False
    when there was nothing left to merge. Runs inside the caller's write transaction; never commits."""
    conn = db.conn
    before = conn.total_changes
    amount = abs(int(pages))
    conn.execute(
        "INSERT INTO articles_fts(articles_fts, rank) VALUES ('merge', ?)", [-amount if full else amount]
    )
    return conn.total_changes - before >= 2  # FTS5 counts 1 change for a merge that did no work
