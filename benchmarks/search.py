"""Search latency: newsbot's `Searcher` against a ``LIKE '%…%'`` scan and an FTS5 trigram table, per query
class, at each corpus size; (full run) a profile of the slowest class and the time per SQL statement.

    python -m benchmarks.search                      # sizes 1k, 10k, 20k, 100k
    python -m benchmarks.search --sizes 1000,20000 --reps 5
    python -m benchmarks.search --quick              # 1,000 articles, one timed repetition, no profile

Uses the databases `benchmarks.ingest` built (and builds them when they are missing).
"""

from __future__ import annotations

import argparse
import os
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import asdict
from functools import partial
from pathlib import Path
from typing import Any

import sqlite_utils

from benchmarks.common import (
    SIZES,
    BenchmarkError,
    Mode,
    benchmark_queries,
    log,
    need_bench_extra,
    parse_sizes,
    profile,
    save_area,
    summary,
    timed_runs,
)
from benchmarks.ingest import ensure_databases, like_db, newsbot_db, trigram_db
from benchmarks.queries import CLASSES, Query
from storage.database.connection import open_db
from storage.driver import sqlite3
from storage.models import SearchResponse
from storage.search.engine import Searcher

ENGINES = ("newsbot", "like", "trigram")
BaselineRows = tuple[int, list[Any]]


# ---------------------------------------------------------------- the baselines' SQL


def _like_pattern(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def like_search(conn: sqlite3.Connection, terms: Sequence[str], limit: int = 10) -> BaselineRows:
    """What a user would write: every term as LIKE '%term%' on title or body, newest first, with a snippet."""
    where = " AND ".join("(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')" for _ in terms)
    params: list[str] = []
    for t in terms:
        params += [_like_pattern(t), _like_pattern(t)]
    rows = conn.execute(
        f"SELECT id, title, date, substr(body, max(instr(body, ?) - 30, 1), 90), count(*) OVER () "
        f"FROM docs WHERE {where} ORDER BY date DESC LIMIT {int(limit)}",
        [terms[0], *params],
    ).fetchall()
    return (rows[0][4] if rows else 0), rows


def trigram_query(terms: Sequence[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def trigram_search(conn: sqlite3.Connection, terms: Sequence[str], limit: int = 10) -> BaselineRows:
    """FTS5 trigram: every term quoted, best bm25 first, with FTS5's own snippet()."""
    match = trigram_query(terms)
    rows = conn.execute(
        "SELECT rowid, title, date, snippet(docs_tri, 1, '[', ']', '…', 24) "
        f"FROM docs_tri WHERE docs_tri MATCH ? ORDER BY rank LIMIT {int(limit)}",
        [match],
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM docs_tri WHERE docs_tri MATCH ?", [match]).fetchone()[0]
    return total, rows


# ---------------------------------------------------------------- latency


class _Tally:
    """Times and match counts per engine and query class, and what newsbot's hits looked like."""

    def __init__(self) -> None:
        self.times: dict[str, dict[str, list[float]]] = {e: {c: [] for c in CLASSES} for e in ENGINES}
        self.matches: dict[str, dict[str, list[int]]] = {e: {c: [] for c in CLASSES} for e in ENGINES}
        self.long_terms: dict[str, list[float]] = {e: [] for e in ENGINES}  # queries trigram can answer
        self.snippets = {"hits": 0, "with_snippet": 0}
        self.examples: dict[str, dict[str, str]] = {}

    def add(self, engine: str, q: Query, times: list[float], total: int) -> None:
        self.times[engine][q.cls] += times
        self.matches[engine][q.cls].append(total)
        if all(len(t) >= 3 for t in q.terms):
            self.long_terms[engine] += times

    def add_newsbot_hits(self, q: Query, response: SearchResponse) -> None:
        for hit in response.hits:
            self.snippets["hits"] += 1
            self.snippets["with_snippet"] += bool(hit.snippet.text)
        if q.cls not in self.examples and response.hits:
            h = response.hits[0]
            self.examples[q.cls] = {"query": q.text, "title": h.title, "snippet": h.snippet.text[:80]}

    def figures(self, queries: Sequence[Query]) -> dict[str, Any]:
        engines = {
            e: {
                "all": summary([t for c in CLASSES for t in self.times[e][c]]),
                "classes": {c: summary(self.times[e][c]) for c in CLASSES},
                "matches": self.matches[e],
                "long_terms": summary(self.long_terms[e]) if self.long_terms[e] else None,
            }
            for e in ENGINES
        }
        return {
            "engines": engines,
            "snippets": self.snippets,
            "examples": self.examples,
            "long_term_queries": sum(1 for q in queries if all(len(t) >= 3 for t in q.terms)),
        }


def search_latencies(
    mode: Mode, n: int, queries: Sequence[Query], *, reps: int, like_reps: int
) -> dict[str, Any]:
    db = open_db(newsbot_db(mode, n))
    searcher = Searcher(db)
    like = sqlite3.connect(like_db(mode, n))
    tri = sqlite3.connect(trigram_db(mode, n))
    tally = _Tally()
    for q in queries:
        times, response = timed_runs(partial(searcher.search, q.text, limit=10), reps)
        tally.add("newsbot", q, times, response.total)
        tally.add_newsbot_hits(q, response)
        times, (total, _) = timed_runs(partial(like_search, like, q.terms), like_reps)
        tally.add("like", q, times, total)
        times, (total, _) = timed_runs(partial(trigram_search, tri, q.terms), reps)
        tally.add("trigram", q, times, total)
    db.close()
    like.close()
    tri.close()
    return tally.figures(queries)


def check(figures: dict[str, Any]) -> None:
    """Fail the run when newsbot's search misses what a LIKE scan finds, or its hits lack snippets."""
    matches = figures["engines"]["newsbot"]["matches"]
    like = figures["engines"]["like"]["matches"]
    short = [c for c in CLASSES if c != "off_topic" and sum(matches[c]) < sum(like[c])]
    if short:
        raise BenchmarkError(f"newsbot found fewer articles than the LIKE scan for: {', '.join(short)}")
    sn = figures["snippets"]
    if sn["with_snippet"] < sn["hits"]:
        raise BenchmarkError(f"{sn['hits'] - sn['with_snippet']} of {sn['hits']} hits had no snippet")


def measure_size(mode: Mode, n: int, *, reps: int, like_reps: int) -> dict[str, Any]:
    ensure_databases(mode, n)
    queries = benchmark_queries()
    load_before = os.getloadavg()[0]
    log(f"size {n}: search latency ({len(queries)} queries, load average {load_before:.1f})")
    figures = search_latencies(mode, n, queries, reps=reps, like_reps=like_reps)
    check(figures)
    return {
        "articles": n,
        "search": figures,
        "reps": {"newsbot": reps, "trigram": reps, "like": like_reps},
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


# ---------------------------------------------------------------- where the slowest class spends its time


def slowest_class(size_figures: dict[str, Any]) -> str:
    classes = size_figures["search"]["engines"]["newsbot"]["classes"]
    return max(classes, key=lambda c: classes[c]["p99"])


class _TimedConnection:
    """A sqlite3 connection that adds up the time spent in each distinct SQL statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self.conn = conn
        self.times: dict[str, list[float]] = {}

    def execute(self, sql: str, params: Any = ()) -> _Rows:
        t0 = time.perf_counter()
        rows = self.conn.execute(sql, params).fetchall()
        self.times.setdefault(" ".join(sql.split()), []).append(time.perf_counter() - t0)
        return _Rows(rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self.conn, name)


class _Rows(list[Any]):
    def fetchall(self) -> list[Any]:
        return list(self)

    def fetchone(self) -> Any:
        return self[0] if self else None


@contextmanager
def timing_sql(db: sqlite_utils.Database) -> Iterator[_TimedConnection]:
    """Route `db`'s statements through a `_TimedConnection` for the block (benchmark instrumentation)."""
    original = db.conn
    timed = _TimedConnection(original)
    db.conn = timed  # type: ignore[assignment]
    try:
        yield timed
    finally:
        db.conn = original


def sql_breakdown(db_path: Path, queries: Sequence[Query], reps: int = 3) -> dict[str, Any]:
    """Time per SQL statement inside `Searcher.search` for `queries` (SQL against Python time)."""
    db = open_db(db_path)
    searcher = Searcher(db)
    for q in queries:
        searcher.search(q.text, limit=10)
    with timing_sql(db) as timed:
        t0 = time.perf_counter()
        for _ in range(reps):
            for q in queries:
                searcher.search(q.text, limit=10)
        total = time.perf_counter() - t0
    db.close()
    calls = reps * len(queries)
    costliest = sorted(((sum(v) / calls * 1000, k, len(v)) for k, v in timed.times.items()), reverse=True)
    return {
        "ms_per_search": total / calls * 1000,
        "sql_ms_per_search": sum(ms for ms, _, _ in costliest),
        "statements": [{"sql": k[:160], "ms_per_search": ms, "runs": n} for ms, k, n in costliest[:6]],
    }


def profile_search(db_path: Path, queries: Sequence[Query], reps: int = 5) -> dict[str, Any]:
    """pyinstrument over `reps` rounds of `queries`; the text profile goes to benchmarks/profiles/search.txt."""
    db = open_db(db_path)
    searcher = Searcher(db)
    for q in queries:
        searcher.search(q.text, limit=10)

    def rounds() -> None:
        for _ in range(reps):
            for q in queries:
                searcher.search(q.text, limit=10)

    out = profile(rounds, interval=0.0005, names=set(), file="search.txt")
    db.close()
    return {"queries": [q.text for q in queries], "reps": reps, "file": out["file"]}


def measure(mode: Mode, sizes: list[int], reps: int) -> dict[str, Any]:
    per_size = {}
    for n in sizes:
        like_reps = 1 if (mode.quick or n > 20000) else 3
        per_size[str(n)] = measure_size(mode, n, reps=reps, like_reps=like_reps)
    figures: dict[str, Any] = {"sizes": per_size, "queries": [asdict(q) for q in benchmark_queries()]}
    if not mode.quick:
        largest = max(sizes)
        slowest = slowest_class(per_size[str(largest)])
        slow_queries = [q for q in benchmark_queries() if q.cls == slowest]
        log(f"search profile ({slowest} at {largest})")
        path = newsbot_db(mode, largest)
        figures["profile"] = {
            "size": largest,
            "class": slowest,
            **profile_search(path, slow_queries),
            "sql": sql_breakdown(path, slow_queries),
        }
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.search", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 articles, 1 repetition, results in the cache")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma-separated")
    ap.add_argument("--reps", type=int, default=5, help="timed repetitions per query (after one warm-up)")
    args = ap.parse_args(argv)
    mode = Mode(quick=args.quick)
    if not mode.quick:
        need_bench_extra()
    sizes = [1000] if mode.quick else parse_sizes(args.sizes)
    figures = measure(mode, sizes, reps=1 if mode.quick else args.reps)
    results = save_area(mode, "search", figures)
    for n, s in figures["sizes"].items():
        e = s["search"]["engines"]
        print(
            f"search {int(n):,} articles: newsbot p50 {e['newsbot']['all']['p50']:.2f} ms, "
            f"p99 {e['newsbot']['all']['p99']:.2f} ms; LIKE p50 {e['like']['all']['p50']:.2f} ms"
        )
    if not mode.quick:
        from benchmarks.report import render

        render(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
