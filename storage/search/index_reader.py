"""What searching reads from the full-text index, on either backend: `index_reader(conn)` gives the
SQLite one (`Fts5Index`: the SQL of `storage.search.ranking` run on FTS5) or the PostgreSQL one
(`storage.search.postgres_index.PostgresIndex`: the same expressions as tsqueries, BM25 computed the
FTS5 way). Both answer the same questions with the same results; the engine, the vocabulary and the
evidence ranking ask only these.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any, Protocol

from storage.database.index import TERMS, open_terms_view
from storage.database.postgres import is_postgres
from storage.search.ranking import (
    RankedRow,
    SearchPlan,
    best_bm25_sql,
    capped_ids_sql,
    count_sql,
    counts_by_matches,
    ids_sql,
    matches_sql,
    page_sql,
    tie_sql,
    tier_bound_sql,
)

FTS = "articles_fts"
CHUNK = 500


class IndexReader(Protocol):
    """Reads of the index, on one connection inside the caller's read."""

    def count(self, p: SearchPlan) -> int:
        """How many articles match the plan."""
        ...

    def tier_bound(self, p: SearchPlan, *, tier: int, window: int) -> int | None:
        """`ranking.tier_bound_sql`'s count (None when it has none)."""
        ...

    def page(self, p: SearchPlan, *, window: int, tier: int = 0) -> list[RankedRow]:
        """The best `window` matches in order (`ranking.page_sql`)."""
        ...

    def tie(self, p: SearchPlan, keys: Sequence[object]) -> list[RankedRow]:
        """Every match whose ranking keys equal `keys` (`ranking.tie_sql`)."""
        ...

    def ids(self, p: SearchPlan, *, limit: int) -> list[int]:
        """Ids of matching articles, highest first (`ranking.ids_sql`)."""
        ...

    def holders(self, expr: str, cap: int) -> list[int] | None:
        """Ids of every article matching an expression, or None when more than `cap` match (one
        statement gives both how many hold a word and, for a rare one, which)."""
        ...

    def count_matching(self, expr: str) -> int:
        """Articles matching an expression."""
        ...

    def count_each(self, exprs: Sequence[str]) -> list[int]:
        """`count_matching` of each expression."""
        ...

    def best_bm25(self, expr: str, limit: int) -> list[tuple[int, float]]:
        """(id, bm25) of the `limit` matches of an expression with the best BM25."""
        ...

    def matching_among(self, expr: str, ids: Sequence[int]) -> set[int]:
        """The articles among `ids` matching an expression."""
        ...

    def latest_matching(self, expr: str, limit: int) -> list[int]:
        """Ids of the `limit` most recently stored articles matching an expression."""
        ...

    def latest_matching_each(self, exprs: Sequence[str], limit: int) -> list[list[int]]:
        """`latest_matching` of each expression."""
        ...

    def bigrams_from(self, firsts: Sequence[str]) -> dict[str, int]:
        """The index's two-character tokens of the text columns starting with any of the characters
        `firsts`, each with how many articles hold it."""
        ...


class Fts5Index:
    """SQLite's FTS5 table, through the SQL `storage.search.ranking` builds."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        # The matches of the plans counted by listing them (`ranking.counts_by_matches`), as JSON arrays of
        # ids: their page and ties are ranked among these (kept for the rest of the read).
        self._matches: dict[SearchPlan, str] = {}

    def count(self, p: SearchPlan) -> int:
        if counts_by_matches(p):
            joined = self.conn.execute(*matches_sql(p)).fetchone()[0]
            self._matches[p] = f"[{joined or ''}]"
            return joined.count(",") + 1 if joined else 0
        sql, params = count_sql(p)
        return int(self.conn.execute(sql, params).fetchone()[0])

    def tier_bound(self, p: SearchPlan, *, tier: int, window: int) -> int | None:
        bound = tier_bound_sql(p, tier=tier, window=window)
        return None if bound is None else int(self.conn.execute(*bound).fetchone()[0])

    def page(self, p: SearchPlan, *, window: int, tier: int = 0) -> list[RankedRow]:
        sql, params = page_sql(p, window=window, tier=tier, among=self._matches.get(p))
        return [RankedRow(*r) for r in self.conn.execute(sql, params).fetchall()]

    def tie(self, p: SearchPlan, keys: Sequence[object]) -> list[RankedRow]:
        sql, params = tie_sql(p, keys, among=self._matches.get(p))
        return [RankedRow(*r) for r in self.conn.execute(sql, params)]

    def ids(self, p: SearchPlan, *, limit: int) -> list[int]:
        sql, params = ids_sql(p, limit=limit)
        return [r[0] for r in self.conn.execute(sql, params)]

    def holders(self, expr: str, cap: int) -> list[int] | None:
        joined = self.conn.execute(*capped_ids_sql(expr, cap + 1)).fetchone()[0]
        if not joined:
            return []
        # The commas say how many matched without reading a number (a common word's thousands).
        return list(map(int, joined.split(","))) if joined.count(",") < cap else None

    def count_matching(self, expr: str) -> int:
        row = self.conn.execute(f"SELECT count(*) FROM {FTS} WHERE {FTS} MATCH ?", [expr]).fetchone()
        return int(row[0])

    def count_each(self, exprs: Sequence[str]) -> list[int]:
        return [self.count_matching(e) for e in exprs]

    def best_bm25(self, expr: str, limit: int) -> list[tuple[int, float]]:
        return [(int(i), float(b)) for i, b in self.conn.execute(*best_bm25_sql(expr, limit))]

    def matching_among(self, expr: str, ids: Sequence[int]) -> set[int]:
        found: set[int] = set()
        for start in range(0, len(ids), CHUNK):
            chunk = list(ids[start : start + CHUNK])
            marks = ",".join("?" * len(chunk))
            rows = self.conn.execute(
                f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? AND rowid IN ({marks})", [expr, *chunk]
            )
            found.update(int(r[0]) for r in rows)
        return found

    def latest_matching(self, expr: str, limit: int) -> list[int]:
        rows = self.conn.execute(
            f"SELECT rowid FROM {FTS} WHERE {FTS} MATCH ? ORDER BY rowid DESC LIMIT ?", [expr, limit]
        )
        return [int(r[0]) for r in rows]

    def latest_matching_each(self, exprs: Sequence[str], limit: int) -> list[list[int]]:
        return [self.latest_matching(e, limit) for e in exprs]

    def bigrams_from(self, firsts: Sequence[str]) -> dict[str, int]:
        # One range of the vocabulary per character (FTS5 answers a range of terms from its b-tree). The
        # counts are of any column: a bigram is a jieba word too where jieba cut one (银联).
        if not open_terms_view(self.conn):
            return {}
        found: dict[str, int] = {}
        for first in dict.fromkeys(firsts):
            rows = self.conn.execute(
                f"SELECT term, doc FROM {TERMS} WHERE term > ? AND term < ?", [first, first + "\U0010ffff"]
            )
            found.update((term, int(n)) for term, n in rows if len(term) == 2)
        return found


def index_reader(conn: Any) -> IndexReader:
    """The index reader for a connection's backend."""
    if is_postgres(conn):
        from storage.search.postgres_index import PostgresIndex

        return PostgresIndex(conn)
    return Fts5Index(conn)
