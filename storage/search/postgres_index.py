"""Searching on PostgreSQL: the index reads of `storage.search.index_reader`, with the results FTS5 gives.

The plans and expressions are those built for FTS5 (`storage.search.ranking`, `expressions`); each
expression becomes a tsquery (`storage.search.tsquery`) that the GIN index on ``articles_fts.document``
answers. Ranking is not ``ts_rank`` (no IDF) but FTS5's own BM25, computed in Python
(`tsquery.bm25`) for every match from where the query's tokens sit in it: one statement reads, for each
match, its column sizes and the part of its tsvector holding the query's lexemes (``setweight`` marks
them with the weight ``B``, which nothing stores, and ``ts_filter`` keeps only those), and the ranking
keys of `ranking.page_sql` (date, held weight, exact phrase, title, whole words, BM25, id) are computed
from that and sorted as SQLite's ``ORDER BY`` does (BM25 of one-token phrases straight from the text
of that filtered tsvector: `tsquery.text_scorer`). BM25's statistics come from the index itself: the
number of rows and tokens from ``articles_fts_totals``, and the number of articles holding each phrase
from a count the GIN index answers (kept for the rest of the read). Every read goes through the GIN index
(table scans and JIT are turned off for the read: see `PostgresIndex`).

What bounds the cost: most reads rank every match of a query (its tsvector, usually TOASTed, is read to
be ranked), where FTS5 ranks from its doclists; the tiers of `storage.search.matching` (title, exact
phrase, whole words first) keep that to a page's worth of articles for most common words. The evidence
ranking's best BM25 over common words (`best_bm25`) reads the term frequencies stored apart instead
(`storage.database.postings`): by lexeme, not by article, as FTS5 does; exact for one-token phrases, a
bound for longer ones, whose tsvectors are then read in the order of their bound until no other match
can enter the best (benchmarks/reports/postgresql.md, issue 23).
"""

from __future__ import annotations

import weakref
from collections.abc import Callable, Iterator, Sequence
from functools import partial
from typing import Any

from storage.database.postings import entries, newest_counts
from storage.search.ranking import WEIGHTS, RankedRow, SearchPlan, tier_flags
from storage.search.tsquery import (
    Both,
    Node,
    Phrase,
    bm25,
    counts_match,
    counts_scorer,
    exact_from_counts,
    idf,
    lexemes,
    matches,
    parse,
    phrases,
    read_row,
    scored_lexemes,
    text_scorer,
    to_tsquery,
)

FTS = "articles_fts"
# Entries of the counts stored apart that cost about as much to read as one match's tsvector: the counts are
# read only when the query's lexemes hold fewer than this many entries per match (a common word's counts
# list every article holding it, where a plan's tier may match a few of them).
ENTRIES_PER_MATCH = 16
# An index row's length (BM25's): the tokens of all its columns.
_LENGTH = "(f.sizes[1] + f.sizes[2] + f.sizes[3] + f.sizes[4])"
# Matches whose tsvectors are read at a time while a bound may still let others into the best (`best_bm25`).
BOUND_STEP = 50
# Only the words tier's phrases are in the words column, weighted 0 (see `ranking._ranked`).
WORDS_TIER_WEIGHTS = (*WEIGHTS[:3], 0.0)


# The matches of a tsquery, found by the GIN index: "OFFSET 0" keeps the planner from walking the primary
# key backwards for an ORDER BY rowid DESC LIMIT and testing every row's tsvector (read from TOAST) until
# enough match, which for a rare word reads the whole table.
_MATCHES = f"SELECT rowid FROM {FTS} WHERE document @@ ?::tsquery OFFSET 0"
_DATED = "SELECT a.id FROM articles a WHERE a.date BETWEEN ? AND ?"


# The transaction (`PgConnection.transactions`) of each connection whose read settings are made.
_settled: weakref.WeakKeyDictionary[Any, int] = weakref.WeakKeyDictionary()


def _tree(expr: str) -> Node:
    return parse(expr)


def _query(expr: str) -> str:
    return to_tsquery(parse(expr))


class PostgresIndex:
    """The index reads on one PostgreSQL connection, inside the caller's read."""

    def __init__(self, conn: Any) -> None:
        self.conn = conn
        if conn.in_transaction and _settled.get(conn) != conn.transactions:
            # Every read here is meant for the GIN index. With a LIMIT, or for a common lexeme, the planner
            # may prefer reading the table in order and testing each row, which reads every tsvector from
            # TOAST: 0.5 s at 100k articles for a word no article holds. Until the read ends, it may not;
            # nor compile a plan (JIT: 40 ms, for statements that take one), which the cost a table scan
            # is then given would set off. Once per transaction: a search makes several index readers.
            conn.execute("SELECT set_config('enable_seqscan', 'off', true), set_config('jit', 'off', true)")
            _settled[conn] = conn.transactions
        self._holding: dict[str, int] = {}
        self._totals: tuple[int, int] | None = None
        self._ranked_rows: dict[tuple[SearchPlan, int], list[RankedRow]] = {}

    # ---------------------------------------------------------------- expressions

    def count_matching(self, expr: str) -> int:
        row = self.conn.execute(
            f"SELECT count(*) FROM {FTS} WHERE document @@ ?::tsquery", [_query(expr)]
        ).fetchone()
        return int(row[0])

    def count_each(self, exprs: Sequence[str]) -> list[int]:
        return self._counts([_query(e) for e in exprs])

    def _counts(self, queries: Sequence[str]) -> list[int]:
        """How many articles match each tsquery, in one statement."""
        if not queries:
            return []
        rows = self.conn.execute(
            f"SELECT (SELECT count(*) FROM {FTS} WHERE document @@ q::tsquery) "
            "FROM unnest(?::text[]) WITH ORDINALITY AS asked(q, n) ORDER BY n",
            [list(queries)],
        )
        return [int(r[0]) for r in rows]

    def holders(self, expr: str, cap: int) -> list[int] | None:
        row = self.conn.execute(
            f"SELECT array_agg(rowid) FROM (SELECT rowid FROM {FTS} WHERE document @@ ?::tsquery LIMIT ?) AS capped",
            [_query(expr), cap + 1],
        ).fetchone()
        ids = [int(i) for i in row[0] or ()]
        return ids if len(ids) <= cap else None

    def matching_among(self, expr: str, ids: Sequence[int]) -> set[int]:
        if not ids:
            return set()
        rows = self.conn.execute(
            f"SELECT rowid FROM {FTS} WHERE rowid = ANY(?) AND document @@ ?::tsquery",
            [list(ids), _query(expr)],
        )
        return {int(r[0]) for r in rows}

    def latest_matching(self, expr: str, limit: int) -> list[int]:
        rows = self.conn.execute(
            f"SELECT rowid FROM ({_MATCHES}) AS found ORDER BY rowid DESC LIMIT ?", [_query(expr), limit]
        )
        return [int(r[0]) for r in rows]

    def latest_matching_each(self, exprs: Sequence[str], limit: int) -> list[list[int]]:
        """In one statement (a slip's lookups are many: one round trip each cost more than the reads)."""
        if not exprs:
            return []
        rows = self.conn.execute(
            f"SELECT ARRAY(SELECT rowid FROM ({_MATCHES.replace('?', 'q')}) AS found ORDER BY rowid DESC LIMIT ?) "
            "FROM unnest(?::text[]) WITH ORDINALITY AS asked(q, n) ORDER BY n",
            [limit, [_query(e) for e in exprs]],
        )
        return [[int(i) for i in r[0]] for r in rows]

    def bigrams_from(self, firsts: Sequence[str]) -> dict[str, int]:
        """From the term counts stored apart (`storage.database.postings`), whose rows are by lexeme: a range
        of lexemes per character, compared by code point (the primary key's order where the database's
        collation is C), each article counted once however many segments hold it (an article indexed again
        is in each until a merge)."""
        if not firsts:
            return {}
        rows = self.conn.execute(
            "SELECT p.lexeme, count(DISTINCT held.id) FROM unnest(?::text[]) AS f(c) "
            "JOIN articles_fts_postings p "
            'ON p.lexeme COLLATE "C" > f.c AND p.lexeme COLLATE "C" < f.c || chr(1114111) '
            "CROSS JOIN LATERAL unnest(p.ids) AS held(id) "
            "WHERE char_length(p.lexeme) = 2 GROUP BY p.lexeme",
            [list(dict.fromkeys(firsts))],
        )
        return {str(lexeme): int(n) for lexeme, n in rows}

    def best_bm25(self, expr: str, limit: int) -> list[tuple[int, float]]:
        """The matches come from the GIN index, their BM25 from the term frequencies stored apart
        (`storage.database.postings`): exact for phrases of one token; for longer phrases a bound, and
        the tsvectors of the most promising matches are read until no other can enter the best `limit`.
        A query with a prefix, and a match with no stored counts, are scored from the tsvectors."""
        tree = _tree(expr)
        listed = phrases(tree)
        idfs, average = self._statistics(listed)
        bound = counts_scorer(listed, idfs, average, WEIGHTS)
        lengths = self._lengths(to_tsquery(tree)) if bound is not None else {}
        found = list(lengths)
        keys = [key for p in listed for key in scored_lexemes(p)]
        if bound is None:
            return _best(self._scored(tree, "f.document @@ ?::tsquery", [to_tsquery(tree)]), limit)
        if not self._worth_counting(keys, len(found)):  # the matches are known: read by id
            return _best(self._scored(tree, "f.rowid = ANY(?)", [found]), limit)
        counts = newest_counts(self.conn, keys, found)
        bounds = sorted((bound(counts[i], lengths[i]), i) for i in counts)
        unscored = [i for i in found if i not in counts]
        scored = self._scored(tree, "f.rowid = ANY(?)", [unscored]) if unscored else []
        if exact_from_counts(listed):
            return _best(scored + [(i, b) for b, i in bounds], limit)
        best = _best(scored, limit)
        step = max(limit, BOUND_STEP)
        at = 0
        # Matches in order of their bound: once the best `limit` read hold a score no later bound beats,
        # the rest cannot enter (ties on the score go to the lower id, as the sort does). Each read takes
        # twice as many as the last, so loose bounds cost a few statements, not one per step.
        while at < len(bounds) and (len(best) < limit or bounds[at][0] <= best[-1][1]):
            chunk = [i for _, i in bounds[at : at + step]]
            at += step
            step *= 2
            best = _best(best + self._scored(tree, "f.rowid = ANY(?)", [chunk]), limit)
        return best

    def _lengths(self, tsquery: str) -> dict[int, int]:
        """The matches of a tsquery (the GIN index's) and each one's length, BM25's, in one array each."""
        row = self.conn.execute(
            f"SELECT array_agg(rowid), array_agg({_LENGTH}) FROM {FTS} f WHERE f.document @@ ?::tsquery",
            [tsquery],
        ).fetchone()
        return dict(zip(row[0] or (), row[1] or (), strict=True))

    def _worth_counting(self, keys: Sequence[str], matches: int) -> bool:
        """Whether reading the counts of `keys` costs less than reading `matches` tsvectors."""
        return matches > 0 and entries(self.conn, keys) <= ENTRIES_PER_MATCH * matches

    def _scored(self, tree: Node, where: str, params: list[object]) -> list[tuple[int, float]]:
        """(id, BM25 read from its tsvector) of each article meeting `where`."""
        score = self._scorer(tree, WEIGHTS)
        return [
            (rowid, score(vector, sizes)) for rowid, sizes, vector, _ in self._texts([tree], where, params)
        ]

    # ---------------------------------------------------------------- plans

    def count(self, p: SearchPlan) -> int:
        if p.match is None:
            params: list[object] = []
            union = self._date_union(p, params)
            return int(
                self.conn.execute(f"SELECT count(DISTINCT id) FROM ({union}) AS dated", params).fetchone()[0]
            )
        if p.term_matches and not p.qualify:
            return len(self._ranked(p))  # the held-weight filter is computed per match
        params = []
        where = self._where(p, params)
        row = self.conn.execute(f"SELECT count(*) FROM {FTS} f WHERE {where}", params).fetchone()
        return int(row[0])

    def ids(self, p: SearchPlan, *, limit: int) -> list[int]:
        params: list[object] = []
        if p.match is None:
            union = self._date_union(p, params)
            sql = f"SELECT DISTINCT id FROM ({union}) AS dated ORDER BY id DESC LIMIT ?"
        else:
            where = self._where(p, params)
            sql = f"SELECT rowid FROM (SELECT f.rowid FROM {FTS} f WHERE {where} OFFSET 0) AS found "
            sql += "ORDER BY rowid DESC LIMIT ?"
        return [int(r[0]) for r in self.conn.execute(sql, [*params, limit])]

    def tier_bound(self, p: SearchPlan, *, tier: int, window: int) -> int | None:
        need = tier_flags(p)[: max(0, tier)]
        exprs = [
            e
            for name, e in (("exact", p.exact), ("title", p.title), ("words", p.words))
            if name in need and e
        ]
        if not exprs:
            return None
        params: list[object] = [to_tsquery(_all([_tree(e) for e in exprs]))]
        where = "f.document @@ ?::tsquery"
        if "date" in need:
            where += f" AND {self._date_hit(p, params)}"
        params.append(window)
        sql = f"SELECT count(*) FROM (SELECT 1 FROM {FTS} f WHERE {where} LIMIT ?) AS tier"
        return int(self.conn.execute(sql, params).fetchone()[0])

    def page(self, p: SearchPlan, *, window: int, tier: int = 0) -> list[RankedRow]:
        if p.match is None:
            params: list[object] = []
            union = self._date_union(p, params)
            sql = (
                "SELECT id, 0.0::float8 AS score, max(on_date) AS on_date, 0 AS nterms, 0 AS exact, 0 AS in_title, "
                f"0 AS as_words FROM ({union}) AS dated GROUP BY id "
                "ORDER BY max(on_date) DESC, max(d) DESC, id LIMIT ?"
            )
            return [RankedRow(*r) for r in self.conn.execute(sql, [*params, window])]
        return _in_order(self._ranked(p, tier=tier))[:window]

    def tie(self, p: SearchPlan, keys: Sequence[object]) -> list[RankedRow]:
        wanted = tuple(keys)
        return [
            r
            for r in self._ranked(p)
            if (r.on_date, r.nterms, r.exact, r.in_title, r.as_words, r.bm25) == wanted
        ]

    # ---------------------------------------------------------------- ranking every match

    def _ranked(self, p: SearchPlan, *, tier: int = 0) -> list[RankedRow]:
        """Every match (holding the first `tier` flags) with its ranking keys, unordered: `ranking._ranked`
        (kept for the rest of the read: a relaxed plan is counted, paged and its ties read from the same)."""
        if (p, tier) not in self._ranked_rows:
            self._ranked_rows[(p, tier)] = self._rank(p, tier)
        return self._ranked_rows[(p, tier)]

    def _rank(self, p: SearchPlan, tier: int) -> list[RankedRow]:
        assert p.match is not None
        need = set(tier_flags(p)[: max(0, tier)])
        match = _tree(p.match)
        weights: Sequence[float] = WEIGHTS
        if "words" in need and p.words:
            match, weights = Both(match, _tree(p.words)), WORDS_TIER_WEIGHTS
        exact = _tree(p.exact) if p.exact else None
        title = _tree(p.title) if p.title else None
        words = _tree(p.words) if p.words else None
        terms = [_tree(e) for e in p.term_matches + p.pair_matches]
        term_weights = p.weights if len(p.weights) == len(terms) else (1.0,) * len(terms)
        held_weights = p.weights[: len(p.term_matches)]
        if len(held_weights) != len(p.term_matches):
            held_weights = (1.0,) * len(p.term_matches)
        searched = match
        for name, flag in (("exact", exact), ("title", title)):
            if name in need and flag is not None:
                searched = Both(searched, flag)
        if p.qualify:
            searched = Both(searched, _tree(p.qualify))
        params: list[object] = [to_tsquery(searched)]
        where = "f.document @@ ?::tsquery"
        if "date" in need:
            where += f" AND {self._date_hit(p, params)}"
        elif p.date_conditions:
            where += f" AND {self._filter(p, params)}"
        on_date_params: list[object] = []
        on_date = self._date_hit(p, on_date_params) if p.date_conditions else "FALSE"
        trees = [t for t in (match, exact, title, words) if t is not None] + terms
        listed = phrases(match)
        idfs, average = self._statistics(listed)
        by_counts = counts_scorer(listed, idfs, average, weights)
        counted, found = None, None
        if by_counts is not None and exact_from_counts([ph for t in trees for ph in phrases(t)]):
            counted, found = self._counted(trees, where, params, on_date=(on_date, on_date_params))
        if found is not None:  # the matches are known: their tsvectors are read by id
            where, params = "f.rowid = ANY(?)", [found]
        rows: Iterator[tuple[int, bool, Callable[[Node], bool], Callable[[], float]]]
        if counted is not None and by_counts is not None:
            scorer = by_counts
            rows = (
                (
                    rowid,
                    dated,
                    partial(counts_match, counts=counts),
                    partial(scorer, counts, length),
                )
                for rowid, dated, counts, length in counted
            )
        else:
            rows = self._row_tokens(trees, match, weights, where, params, on_date=(on_date, on_date_params))
        out = []
        for rowid, dated, holds, score in rows:
            if p.term_matches and not p.qualify:
                held = _weighted_sum([holds(t) for t in terms[: len(p.term_matches)]], held_weights)
                if not held >= float(p.min_weight):
                    continue
            nterms = _weighted_sum([holds(t) for t in terms], term_weights) if terms else 0
            out.append(
                RankedRow(
                    rowid,
                    score(),
                    int(dated),
                    nterms,
                    int(exact is not None and holds(exact)),
                    int(title is not None and holds(title)),
                    1 if "words" in need else int(words is not None and holds(words)),
                )
            )
        return out

    def _row_tokens(
        self,
        trees: Sequence[Node],
        match: Node,
        weights: Sequence[float],
        where: str,
        params: Sequence[object],
        *,
        on_date: tuple[str, Sequence[object]],
    ) -> Iterator[tuple[int, bool, Callable[[Node], bool], Callable[[], float]]]:
        """Each match meeting `where` read from its tsvector: (id, of a date asked for, whether it holds a
        tree, its BM25 for `match`)."""
        score = self._scorer(match, weights)
        for rowid, sizes, vector, dated in self._texts(trees, where, params, on_date=on_date):
            row = read_row(vector, sizes)
            yield (
                rowid,
                dated,
                partial(matches, row=row),
                partial(score, vector, sizes),
            )

    def _counted(
        self,
        trees: Sequence[Node],
        where: str,
        where_params: Sequence[object],
        *,
        on_date: tuple[str, Sequence[object]],
    ) -> tuple[list[tuple[int, bool, dict[str, int], int]] | None, list[int]]:
        """Each match meeting `where` (the GIN index's) with whether it is of a date asked for, its stored
        counts of the lexemes of `trees` and its length; None when reading their tsvectors costs less or
        a match has no stored counts. Also the matches' ids."""
        date_sql, date_params = on_date
        found = [
            (int(rowid), bool(dated), int(length))
            for rowid, dated, length in self.conn.execute(
                f"SELECT f.rowid, {date_sql}, {_LENGTH} FROM {FTS} f WHERE {where}",
                [*date_params, *where_params],
            )
        ]
        ids = [rowid for rowid, _, _ in found]
        keys = [key for t in trees for ph in phrases(t) for key in scored_lexemes(ph)]
        if not self._worth_counting(keys, len(found)):
            return None, ids
        counts = newest_counts(self.conn, keys, ids)
        if len(counts) < len(found):
            return None, ids
        return [(rowid, dated, counts[rowid], length) for rowid, dated, length in found], ids

    def _scorer(self, tree: Node, weights: Sequence[float]) -> Callable[[str, Sequence[int]], float]:
        """bm25() of a row (the text of its tsvector holding the query's lexemes, and its column sizes)
        for the query `tree`, with this index's statistics."""
        listed = phrases(tree)
        idfs, average = self._statistics(listed)
        quick = text_scorer(listed, idfs, average, weights)
        if quick is not None:
            return quick

        def score(vector: str, sizes: Sequence[int]) -> float:
            return bm25(listed, idfs, read_row(vector, sizes), average, weights)

        return score

    def _statistics(self, listed: Sequence[Phrase]) -> tuple[list[float], float]:
        """BM25's IDF of each phrase and the average row length, from this index."""
        documents, tokens = self._stats()
        idfs = [idf(documents, n) for n in self._phrases_holding(listed)]
        return idfs, tokens / documents if documents else 1.0

    def _texts(
        self,
        trees: Sequence[Node],
        where: str,
        where_params: Sequence[object],
        *,
        on_date: tuple[str, Sequence[object]] = ("FALSE", ()),
    ) -> Iterator[tuple[int, list[int], str, bool]]:
        """(rowid, column sizes, the text of its tsvector holding only the lexemes of `trees` (`read_row`
        reads it), whether it is of a date asked for) of each article meeting `where`."""
        whole, prefixes = lexemes(trees)
        keep = "?::text[]"
        keep_params: list[object] = [whole]
        if prefixes:
            keep = "?::text[] || ARRAY(SELECT u.lexeme FROM unnest(f.document) AS u WHERE u.lexeme ^@ ANY(?::text[]))"
            keep_params.append(prefixes)
        date_sql, date_params = on_date
        params = [*keep_params, *date_params, *where_params]
        sql = (
            f"SELECT f.rowid, f.sizes, ts_filter(setweight(f.document, 'B', {keep}), '{{b}}')::text, {date_sql} "
            f"FROM {FTS} f WHERE {where}"
        )
        for rowid, sizes, vector, dated in self.conn.execute(sql, params).fetchall():
            yield int(rowid), sizes, vector, bool(dated)

    def _stats(self) -> tuple[int, int]:
        if self._totals is None:
            row = self.conn.execute("SELECT documents, tokens FROM articles_fts_totals").fetchone()
            self._totals = (int(row[0]), int(row[1])) if row else (0, 0)
        return self._totals

    def _phrases_holding(self, listed: Sequence[Phrase]) -> list[int]:
        """How many articles hold each phrase (in its columns): FTS5's nHit, kept for the rest of the read."""
        queries = [to_tsquery(ph) for ph in listed]
        unknown = [q for q in dict.fromkeys(queries) if q not in self._holding]
        self._holding.update(zip(unknown, self._counts(unknown), strict=True))
        return [self._holding[q] for q in queries]

    # ---------------------------------------------------------------- dates

    def _where(self, p: SearchPlan, params: list[object]) -> str:
        """The match condition of a plan: its expression (the qualifying sets, relaxed) and dates."""
        assert p.match is not None
        tree = _tree(p.match)
        if p.term_matches and p.qualify:
            tree = _tree(p.qualify)
        params.append(to_tsquery(tree))
        where = "f.document @@ ?::tsquery"
        if p.date_conditions:
            where += f" AND {self._filter(p, params)}"
        return where

    @staticmethod
    def _date_hit(p: SearchPlan, params: list[object]) -> str:
        params.extend(x for _, ps in p.date_conditions for x in ps)
        cond = " OR ".join(c for c, _ in p.date_conditions)
        return f"(f.rowid IN (SELECT a.id FROM articles a WHERE {cond}))"

    def _filter(self, p: SearchPlan, params: list[object]) -> str:
        """Published on a date asked for, or mentioning it: both as sets of ids (the articles of those
        dates, and the GIN index's matches of the date tokens), so no match's tsvector is read for it."""
        hit = self._date_hit(p, params)
        if p.date_text:
            params.append(_query(p.date_text))
            hit += f" OR f.rowid IN ({_MATCHES})"
        if p.periods:  # mentioning one of them (`ranking.SearchPlan.periods`)
            params.append(list(p.periods))
            hit += " OR f.rowid IN (SELECT article_id FROM period_mentions WHERE period = ANY(?::text[]))"
        for m in p.year_mentions:  # mentioning it, and dated in its days (`ranking.YearMention`)
            params += [_query(m.expr), m.first, m.last]
            hit += f" OR (f.rowid IN ({_MATCHES}) AND f.rowid IN ({_DATED}))"
        return f"({hit})"

    @staticmethod
    def _date_union(p: SearchPlan, params: list[object]) -> str:
        params.extend(x for _, ps in p.date_conditions for x in ps)
        cond = " OR ".join(c for c, _ in p.date_conditions)
        sql = f"SELECT a.id AS id, 1 AS on_date, a.date AS d FROM articles a WHERE {cond}"
        if p.date_text:
            params.append(_query(p.date_text))
            sql += f" UNION ALL SELECT rowid, 0, NULL FROM {FTS} WHERE document @@ ?::tsquery"
        return sql


def _best(scored: list[tuple[int, float]], limit: int) -> list[tuple[int, float]]:
    """The `limit` best (id, bm25): the lowest score first, then the lowest id (``ORDER BY bm25, id``)."""
    return sorted(scored, key=lambda r: (r[1], r[0]))[:limit]


def _all(trees: Sequence[Node]) -> Node:
    node = trees[0]
    for t in trees[1:]:
        node = Both(node, t)
    return node


def _weighted_sum(held: Sequence[bool], weights: Sequence[float]) -> float:
    """SQLite's ``(held1 * w1 + held2 * w2 + …)``: an integer 0/1 times a real, added left to right."""
    parts = [int(h) * float(w) for h, w in zip(held, weights, strict=True)]
    total = parts[0]
    for part in parts[1:]:
        total += part
    return total


def _in_order(rows: list[RankedRow]) -> list[RankedRow]:
    """`ranking.page_sql`'s ORDER BY: on_date, nterms, exact, in_title, as_words descending, bm25, id desc."""
    return sorted(
        rows, key=lambda r: (-r.on_date, -r.nterms, -r.exact, -r.in_title, -r.as_words, r.bm25, -r.id)
    )
