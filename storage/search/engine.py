"""Searching articles: `Searcher(db).search(query)` → `SearchResponse`.

Open one `Searcher` per database and call `search` as often as needed. It is synchronous and does a
few short SQL statements per query; from asyncio code run it in a worker thread
(`await asyncio.to_thread(searcher.search, q)`). Over a `storage.database.access.Database` each call reads
on its thread's own read connection (one snapshot per call), so searches run in parallel and never wait
for writers; over a single connection calls take turns. Construction does no work; `warm_up()` loads the
segmenter and the converter ahead of the first query if wanted.
"""

from __future__ import annotations

import logging
import sqlite3
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import AbstractContextManager, contextmanager
from dataclasses import replace

import sqlite_utils

from storage.models import SearchHit, SearchResponse
from storage.search.answer import best_sentence
from storage.search.query import ParsedQuery, date_mentions, parse_query
from storage.search.ranking import (
    TIE_EXTRA,
    RankedRow,
    SearchPlan,
    count_sql,
    display_score,
    has_top_tier,
    ids_sql,
    order_window,
    page_sql,
    plan,
    tie_sql,
)
from storage.search.snippets import make_snippet, mark

log = logging.getLogger(__name__)

MAX_LIMIT = 100
# How SQLite rejects a MATCH expression string: the only errors the query builder could cause. A
# "no such column", "unable to use function MATCH" or a locked database is a bug or an outage and is raised.
_FTS_QUERY_ERRORS = ("fts5: syntax error", "unterminated string", "unknown special query", "expected integer")
MAX_OFFSET = 10000  # deeper pages come back empty (total still counts everything)


def to_record(resp: SearchResponse) -> dict:
    """The JSON shape of a response (CLI `--json`/`--batch`): plain snippet text plus highlight offsets."""
    return {
        "query": resp.query,
        "total": resp.total,
        "took_ms": resp.took_ms,
        "results": [
            {
                "id": h.id,
                "title": h.title,
                "date": h.date,
                "snippet": h.snippet.text,
                "highlights": [list(span) for span in h.snippet.highlights()],
                "score": h.score,
            }
            for h in resp.hits
        ],
        "answer": (
            {"sentence": resp.answer.sentence, "article_id": resp.answer.article_id}
            if resp.answer is not None
            else None
        ),
    }


def without_latin_words(parsed: ParsedQuery) -> ParsedQuery | None:
    """A question mixing Chinese and English words, with the English words left out (None if it has
    no such words, or nothing else). Words with digits or symbols (5G, C#) are kept. Pure."""
    if not parsed.question or parsed.phrases:
        return None
    kept = tuple(t for t in parsed.terms if not (t.isascii() and t.isalpha()))
    if not kept or len(kept) == len(parsed.terms) or all(t.isascii() for t in kept):
        return None
    return replace(parsed, terms=kept, exact=None)


def fallbacks(parsed: ParsedQuery) -> list[ParsedQuery]:
    """Looser readings of a query to try, in order, while it finds nothing. Pure.

    1. A single character glued to the word before it was a verb, not a suffix (李卓瑜讲了什么:
       李卓瑜, not 李卓瑜讲; the gluing is for unknown places such as 侯寨 + 乡).
    2. The English words of a question that mixes them with Chinese ("where did 樊惠林 go").
    """
    out: list[ParsedQuery] = []
    if parsed.loose_terms:
        out.append(replace(parsed, terms=parsed.loose_terms, exact=None, loose_terms=()))
    for p in [parsed, *out]:
        narrowed = without_latin_words(p)
        if narrowed is not None:
            out.append(narrowed)
    return out


# A source of read connections: a context manager giving this thread's connection for one read
# (`storage.database.access.Database.reader`).
Reader = Callable[[], AbstractContextManager[sqlite_utils.Database]]


class Searcher:
    """Over one connection (``Searcher(db)``: calls take turns) or over a source of read connections
    (``Searcher(reader=database.reader)``: each call reads on its thread's own connection)."""

    def __init__(self, db: sqlite_utils.Database | None = None, *, reader: Reader | None = None) -> None:
        if (db is None) == (reader is None):
            raise TypeError("Searcher needs a connection or a reader, not both")
        self._shared = db
        self._turns = threading.RLock()
        self._reader = reader
        self._local = threading.local()

    @property
    def db(self) -> sqlite_utils.Database:
        """The connection this thread's current call reads on (inside `_reading`), else the shared one."""
        db: sqlite_utils.Database | None = getattr(self._local, "db", None) or self._shared
        if db is None:
            raise RuntimeError("a reader-backed Searcher reads only inside a search call")
        return db

    @contextmanager
    def _reading(self) -> Iterator[None]:
        """One read (one snapshot) for the statements of one call."""
        outer = getattr(self._local, "db", None)
        if self._reader is not None:
            with self._reader() as db:
                self._local.db = db
                try:
                    yield
                finally:
                    self._local.db = outer
            return
        with self._turns:
            yield

    def warm_up(self) -> None:
        """Load jieba's dictionary, its IDF table and OpenCC now rather than on the first query."""
        parse_query("预热 繁體")
        from storage.text.segment import tokenizer

        tokenizer().tag("预热", True)  # the tagger used for answers
        from storage.text.summary import idf_table

        idf_table()  # the term weights of relaxed questions (storage.search.ranking.term_weight)

    def search(self, query: str, *, limit: int = 10, offset: int = 0) -> SearchResponse:
        started = time.perf_counter()
        limit = max(0, min(int(limit), MAX_LIMIT))
        offset = max(0, int(offset))
        if offset > MAX_OFFSET:
            limit = 0
        parsed = parse_query(query if isinstance(query, str) else "")
        with self._reading():
            total, rows = self._run(parsed, limit + offset + TIE_EXTRA)
            for narrowed in fallbacks(parsed):
                if total:
                    break
                parsed = narrowed
                total, rows = self._run(parsed, limit + offset + TIE_EXTRA)
            dates = self._dates([r.id for r in rows])
            rows = order_window(rows, dates)[offset : offset + limit]
            docs = self._fetch([r.id for r in rows])
        highlight = list(parsed.terms) + [m for d in parsed.dates for m in date_mentions(d)]
        hits = []
        for row in rows:
            doc = docs.get(row.id)
            if doc is None:
                continue
            title, date, body, title_source = doc
            title_snip = mark(title, highlight)
            hits.append(
                SearchHit(
                    id=row.id,
                    title=title,
                    date=date,
                    snippet=make_snippet(body, highlight),
                    score=display_score(
                        row.bm25,
                        exact=bool(row.exact),
                        in_title=bool(row.in_title),
                        on_date=bool(row.on_date),
                        nterms=row.nterms,
                        as_words=bool(row.as_words),
                    ),
                    title_snippet=title_snip if title_snip.highlights() else None,
                    title_inferred=title_source == "inferred",
                )
            )
        answer = None
        if parsed.question and hits and offset == 0 and parsed.terms:
            answer = best_sentence(
                parsed.raw, parsed.terms, [(h.id, docs[h.id][2]) for h in hits if h.id in docs]
            )
        return SearchResponse(
            query=parsed.raw,
            total=int(total),
            took_ms=round((time.perf_counter() - started) * 1000, 3),
            hits=tuple(hits),
            answer=answer,
            terms=tuple(highlight),
        )

    def match_ids(self, query: str, *, limit: int = 1000) -> list[int]:
        """Ids of the articles matching `query` (same rules as `search`, no relaxed fallback), most
        recently stored first, at most `limit`. No ranking, snippets or answers: cheap, for digests."""
        parsed = parse_query(query if isinstance(query, str) else "")
        p = plan(parsed)
        if p is None or limit <= 0:
            return []
        sql, params = ids_sql(p, limit=int(limit))
        with self._reading():
            return [r[0] for r in self.db.conn.execute(sql, params)]

    # ------------------------------------------------------------ SQL

    def _run(self, parsed: ParsedQuery, window: int) -> tuple[int, list[RankedRow]]:
        """(total, best `window` rows); falls back to the relaxed plan for long questions."""
        p = plan(parsed)
        if p is None:
            return 0, []
        total, rows = self._execute(p, window)
        if total or not (parsed.question or len(parsed.terms) >= 4):
            return total, rows
        # A long question that matched nothing as a whole: accept articles with most of its terms.
        relaxed = plan(parsed, relaxed=True)
        if relaxed is None:
            return 0, []
        return self._execute(relaxed, window)

    def _execute(self, p: SearchPlan, window: int) -> tuple[int, list[RankedRow]]:
        try:
            return self._execute_unguarded(p, window)
        except sqlite3.OperationalError as exc:
            # Queries are built so that this cannot happen (every token quoted; see tests); if it
            # ever does, the user gets "nothing found" and the log gets the expression, not a traceback.
            if not str(exc).startswith(_FTS_QUERY_ERRORS):
                raise
            # The expression holds the user's words: only at DEBUG (logs keep no message text above it).
            log.warning("search expression rejected by SQLite: %s", exc)
            log.debug("rejected expression: %r", p)
            return 0, []

    def _execute_unguarded(self, p: SearchPlan, window: int) -> tuple[int, list[RankedRow]]:
        conn = self.db.conn
        sql, params = count_sql(p)
        total = int(conn.execute(sql, params).fetchone()[0])
        if total == 0 or window <= 0:
            return total, []
        rows: list[RankedRow] = []
        if has_top_tier(p) and total > window:
            # Most often the matches holding every flag of steps 1-5 fill the window by themselves:
            # then BM25 is computed for them alone, and the result is the same.
            sql, params = page_sql(p, window=window, top_tier=True)
            rows = [RankedRow(*r) for r in conn.execute(sql, params).fetchall()]
        if len(rows) < window:
            sql, params = page_sql(p, window=window)
            rows = [RankedRow(*r) for r in conn.execute(sql, params).fetchall()]
        edge = window - TIE_EXTRA - 1  # the last row of the page asked for
        if p.match is not None and len(rows) == window and 0 <= edge and rows[edge][1:] == rows[-1][1:]:
            # The page ends inside a group of equally ranked matches that goes past the window: fetch
            # the whole group so that newer-first (step 7) orders all of it, not only the rows fetched.
            last = rows[-1]
            sql, params = tie_sql(
                p, (last.on_date, last.nterms, last.exact, last.in_title, last.as_words, last.bm25)
            )
            group = {r[0]: RankedRow(*r) for r in conn.execute(sql, params)}
            rows = [r for r in rows if r[1:] != last[1:]] + list(group.values())
        return total, rows

    def _dates(self, ids: list[int]) -> dict[int, str | None]:
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.conn.execute(f"SELECT id, date FROM articles WHERE id IN ({marks})", ids)
        return {r[0]: r[1] for r in rows}

    def _fetch(self, ids: list[int]) -> dict[int, tuple[str, str | None, str, str]]:
        """Id → (title, date, body, title_source)."""
        if not ids:
            return {}
        marks = ",".join("?" * len(ids))
        rows = self.db.conn.execute(
            f"SELECT id, title, date, body, title_source FROM articles WHERE id IN ({marks})", ids
        ).fetchall()
        return {r[0]: (r[1], r[2], r[3], r[4]) for r in rows}
