"""Term frequencies stored apart from the tsvector on PostgreSQL: what BM25 needs of each match of a lexeme,
read by lexeme instead of article by article (issue 23).

PostgreSQL's GIN index tells which articles hold a lexeme, not how often: ranking every match of a common
word by BM25 from the tsvectors reads each match's tsvector out of TOAST (about 5 µs each: 8,745 for `15`
at 100k articles), where FTS5 reads its doclists. So every write of the index also writes, for each
lexeme, the articles holding it with its occurrences in each column (`tsvector.pack_counts`): one row
per lexeme and *segment*, a segment being the articles written by one transaction
(`write_segment`; ingest writes 25 at a time). Title marks have no rows: a title token's count is the
title column's.

Segments are merged as FTS5 merges its b-trees (`merge_postings`: every `MERGE_WIDTH` ingest batches, after
an import, a poll, `newsbot reindex` and `copy-database`): `MERGE_WIDTH`
consecutive segments of one size class (powers of `MERGE_WIDTH` of their article count) into one, never
past `MAX_MERGED` articles, or, when more than `MAX_SEGMENTS` small ones pile up, the consecutive run of
them holding the fewest articles. A merge takes a lock of its own (`MERGE_LOCK`), not the write lock:
writers and readers never wait for it, and a reader's snapshot sees the segments before or after it.

The GIN index stays the truth about what matches: a search takes its matches there, then their counts
here (`newest_counts`). An article indexed again has rows in several segments; those of its newest
segment count. Segment ids grow with each write, a merge keeps the newest id of those it merges, and of
each article only the entries of its newest merged segment. A deleted article's entries stay until the
next `newsbot reindex`; nothing asks for them (it is no match). An article with no entries at all (none
is written outside `storage.database.index`) is scored from its tsvector, as before.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

from storage.database.transaction import transaction
from storage.database.tsvector import Document

MERGE_WIDTH = 16
MAX_MERGED = 32_768  # articles in a merged segment, at most: larger segments stay as they are
MAX_SEGMENTS = 32  # mergeable segments kept before the smallest runs are merged whatever their sizes
# The key of the advisory lock a merge holds (see the module doc); any constant other than the write lock's.
MERGE_LOCK = 0x6D657267  # "merg"

TABLE = "articles_fts_postings"
SEGMENTS = "articles_fts_segments"


def write_segment(conn: Any, docs: Sequence[tuple[int, Document]]) -> None:
    """Store the counts of `docs` (article id, its index document) as one new segment, in the caller's
    transaction. One statement: the rows are grouped by lexeme in the server. A row's arrays hold its
    entries in one order, not sorted (each aggregate of a group reads the group's rows in the same order;
    sorting every group costs as much as the rest of the statement)."""
    if not docs:
        return
    lexemes: list[str] = []
    ids: list[str] = []
    counts: list[str] = []
    for rowid, doc in docs:
        article = str(rowid)
        for key, packed in doc.counts.items():
            lexemes.append(key)
            ids.append(article)
            counts.append(str(packed))
    segment = int(conn.execute("SELECT nextval('articles_fts_segment_ids')").fetchone()[0])
    conn.execute(
        f"INSERT INTO {TABLE} (lexeme, segment, ids, counts, entries) "
        "SELECT l, ?, array_agg(i), array_agg(c), count(*) "
        "FROM unnest(?::text[], ?::bigint[], ?::bigint[]) AS e(l, i, c) GROUP BY l",
        [segment, _text_array(lexemes), _number_array(ids), _number_array(counts)],
    )
    conn.execute(f"INSERT INTO {SEGMENTS} (segment, articles) VALUES (?, ?)", [segment, len(docs)])


# The arrays go as array literals: psycopg adapting lists of ten thousand values costs more than the
# statement's work in the server.
def _text_array(values: Sequence[str]) -> str:
    return "{" + ",".join('"' + v.replace("\\", "\\\\").replace('"', '\\"') + '"' for v in values) + "}"


def _number_array(values: Sequence[str]) -> str:
    return "{" + ",".join(values) + "}"


def forget_all(conn: Any) -> None:
    """Empty the counts (the whole index is being rebuilt), in the caller's transaction."""
    conn.execute(f"DELETE FROM {TABLE}")
    conn.execute(f"DELETE FROM {SEGMENTS}")


def entries(conn: Any, lexemes: Sequence[str]) -> int:
    """How many entries (article, lexeme) `newest_counts` would read for `lexemes`: their rows' sizes,
    kept beside the arrays, so nothing is read from TOAST."""
    row = conn.execute(
        f"SELECT coalesce(sum(entries), 0) FROM {TABLE} WHERE lexeme = ANY(?)", [list(dict.fromkeys(lexemes))]
    ).fetchone()
    return int(row[0])


def newest_counts(conn: Any, lexemes: Sequence[str], matches: Iterable[int]) -> dict[int, dict[str, int]]:
    """For each of `matches` that has entries: its packed counts of `lexemes` (those it holds) in its
    newest segment among them."""
    wanted = set(matches)
    rows = conn.execute(
        f"SELECT lexeme, segment, ids, counts FROM {TABLE} WHERE lexeme = ANY(?) ORDER BY segment DESC",
        [list(dict.fromkeys(lexemes))],
    ).fetchall()
    newest: dict[int, int] = {}
    counts: dict[int, dict[str, int]] = {}
    for key, segment, ids, packed in rows:
        for rowid, count in zip(ids, packed, strict=True):
            if rowid not in wanted:
                continue
            seen = newest.setdefault(rowid, segment)
            if seen != segment:
                continue  # an older version of the article
            counts.setdefault(rowid, {})[key] = count
    return counts


# ---- merging ---------------------------------------------------------------------------------------------


def size_class(articles: int) -> int:
    """The size class of a segment of `articles`: the power of `MERGE_WIDTH` it has reached."""
    return int(math.log(max(1, articles), MERGE_WIDTH) + 1e-9)


def merge_plan(segments: Sequence[tuple[int, int]]) -> list[int] | None:
    """The segments to merge next (ids), given every segment as (id, articles) in id order; None when
    none should be. Only consecutive segments are merged (an article's newest entries must stay newest)."""
    runs = [
        list(segments[start : start + MERGE_WIDTH])
        for start in range(len(segments) - MERGE_WIDTH, -1, -1)
        if sum(n for _, n in segments[start : start + MERGE_WIDTH]) <= MAX_MERGED
    ]
    for run in runs:  # the newest run of one size class
        if len({size_class(n) for _, n in run}) == 1:
            return [i for i, _ in run]
    # Too many small segments of mixed sizes: the consecutive run holding the fewest articles.
    small = sum(1 for _, n in segments if n * MERGE_WIDTH <= MAX_MERGED)
    if small > MAX_SEGMENTS and runs:
        return [i for i, _ in min(runs, key=lambda run: sum(n for _, n in run))]
    return None


_MERGE = f"""
WITH old AS (
    DELETE FROM {TABLE} WHERE segment = ANY(?) RETURNING lexeme, segment, ids, counts
), entries AS (
    SELECT o.lexeme, o.segment, e.i, e.c
    FROM old AS o, unnest(o.ids, o.counts) AS e(i, c)
), newest AS (
    SELECT i, max(segment) AS segment FROM entries GROUP BY i
)
INSERT INTO {TABLE} (lexeme, segment, ids, counts, entries)
SELECT e.lexeme, ?, array_agg(e.i), array_agg(e.c), count(*)
FROM entries AS e JOIN newest AS w ON w.i = e.i AND w.segment = e.segment
GROUP BY e.lexeme
"""


def merge_once(conn: Any) -> bool:
    """One merge of `merge_plan`'s choice in its own transaction on `conn` (a connection outside any
    transaction); False when there was nothing to merge or another process is merging."""
    merged = False

    def begin() -> None:
        conn.execute("BEGIN")

    with transaction(conn, begin):
        if not conn.execute("SELECT pg_try_advisory_xact_lock(?)", [MERGE_LOCK]).fetchone()[0]:
            return False
        listed = list(segments(conn))
        plan = merge_plan(listed)
        if plan is None:
            return False
        into = max(plan)
        conn.execute(_MERGE, [plan, into])
        # The articles written (one indexed twice counts twice): the size class only guides merging.
        articles = sum(n for i, n in listed if i in plan)
        conn.execute(f"DELETE FROM {SEGMENTS} WHERE segment = ANY(?)", [plan])
        conn.execute(f"INSERT INTO {SEGMENTS} (segment, articles) VALUES (?, ?)", [into, articles])
        merged = True
    return merged


def merge_postings(conn: Any) -> int:
    """Merge until `merge_plan` has nothing left (or another process merges); the number of merges."""
    done = 0
    while merge_once(conn):
        done += 1
    return done


def segments(conn: Any) -> Iterator[tuple[int, int]]:
    """Every segment as (id, articles), in id order."""
    for i, n in conn.execute(f"SELECT segment, articles FROM {SEGMENTS} ORDER BY segment"):
        yield int(i), int(n)
