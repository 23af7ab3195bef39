"""newsbot's benchmark: ingest, search latency against baselines, cold start, memory, digests.

    python -m benchmarks.run                      # sizes 1000,10000,20000,100000 (the full run)
    python -m benchmarks.run --sizes 1000,20000   # chosen sizes
    python -m benchmarks.run --quick              # 1,000 articles, fewer repetitions (a smoke run)
    python -m benchmarks.run --report-only        # re-render BENCHMARKS.md and the plot from results.json

Writes ``benchmarks/results.json`` (raw figures), ``BENCHMARKS.md`` and ``benchmarks/latency.png``.
Corpora and databases live in ``benchmarks/.cache/`` (gitignored). Profiles of ingest and of the
slowest search class go to ``benchmarks/profiles/``. Nothing here is part of the test suite.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import asdict
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.queries import CLASSES, Query, derive_queries

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
WORK = corpus.CACHE_DIR / "run"
RESULTS = BENCH / "results.json"
REPORT = ROOT / "BENCHMARKS.md"
PLOT = BENCH / "latency.png"
PROFILES = BENCH / "profiles"
COMMAND = "python -m benchmarks.run"

TARGETS = {
    "ingest_per_s": 1000.0,
    "p99_ms_20k": 20.0,
    "p99_ms_100k": 50.0,
    "like_ratio_20k": 20.0,
    "cold_start_s": 1.5,
    "rss_mb": 250.0,
    "digest_cpu_s": 2.0,
}


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


# ---------------------------------------------------------------- machine


def machine() -> dict[str, Any]:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem_gb = None
    try:
        for line in Path("/proc/meminfo").read_text().splitlines():
            if line.startswith("MemTotal"):
                mem_gb = round(int(line.split()[1]) / 1024 / 1024, 1)
    except OSError:
        pass
    versions = {"python": platform.python_version(), "sqlite": sqlite3.sqlite_version}
    for pkg in ("jieba", "rjieba", "sqlite_utils"):
        try:
            from importlib.metadata import version

            versions[pkg] = version(pkg.replace("_", "-"))
        except Exception:
            versions[pkg] = "not installed"
    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_gb": mem_gb,
        "os": f"{platform.system()} {platform.release()}",
        "versions": versions,
        "load_before": os.getloadavg()[0],
    }


# ---------------------------------------------------------------- helpers


def percentile(values: Sequence[float], p: float) -> float:
    """Nearest-rank percentile (p in 0..100) of a non-empty sequence."""
    data = sorted(values)
    k = max(0, min(len(data) - 1, int(-(-p * len(data) // 100)) - 1))
    return data[k]


def summary(values: Sequence[float]) -> dict[str, float]:
    return {
        "n": len(values),
        "p50": percentile(values, 50),
        "p95": percentile(values, 95),
        "p99": percentile(values, 99),
        "mean": statistics.fmean(values),
        "max": max(values),
    }


def db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")) if p.exists())


def table_sizes(conn: sqlite3.Connection) -> dict[str, int]:
    """Bytes per table (indexes and FTS shadow tables folded into their table) from the dbstat table."""
    sizes: dict[str, int] = {}
    rows = conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall()
    for name, size in rows:
        key = name
        for prefix in ("articles_fts", "docs_tri"):
            if name.startswith(prefix):
                key = prefix
        sizes[key] = sizes.get(key, 0) + int(size)
    return sizes


def timed_runs(fn: Callable[[], Any], reps: int) -> tuple[list[float], Any]:
    """Milliseconds of `reps` calls after one warm-up call, and the warm-up's result."""
    result = fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


# ---------------------------------------------------------------- ingest (newsbot)


def ingest_newsbot(paths: list[Path], db_path: Path) -> dict[str, Any]:
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_paths

    for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        p.unlink(missing_ok=True)
    nbytes = sum(p.stat().st_size for p in paths)
    stamps: list[float] = []

    def progress(result: Any, n: int, total: int) -> None:
        stamps.append(time.perf_counter())
        if n % 20 == 0 and n < total:
            log(f"  ingest {n}/{total} files")

    # The segmenter's dictionary and the keyword IDF table load once per process (a one-off cost a long
    # `newsbot ingest` amortises): load them first, timed apart, so every size measures the same thing.
    t0 = time.perf_counter()
    try:
        from storage.search.index import prepare_document

        prepare_document("预热", "预热", None, ["预热"])
    except ImportError:
        pass
    warmup = time.perf_counter() - t0
    cpu0 = time.process_time()
    t0 = time.perf_counter()
    db = open_db(db_path)
    report = ingest_paths(db, paths, progress=progress)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if not report.ok:
        raise RuntimeError(f"ingest failed: {[(f.path, f.error) for f in report.errors][:3]}")
    sizes = table_sizes(db.conn)
    db.close()
    per_file = [b - a for a, b in zip([t0, *stamps], stamps, strict=False)]
    tenth = max(1, len(per_file) // 10)
    first, last = per_file[:tenth], per_file[-tenth:]
    return {
        "first_tenth_per_s": len(first) * corpus.SHARD / sum(first),
        "last_tenth_per_s": len(last) * corpus.SHARD / sum(last),
        "articles": report.new,
        "bytes": nbytes,
        "wall_s": wall,
        "cpu_s": cpu,
        "articles_per_s": report.new / wall,
        "warmup_s": warmup,
        "mb_per_s": nbytes / 1e6 / wall,
        "db_bytes": db_size(db_path),
        "index_bytes": sizes.get("articles_fts", 0),
        "table_bytes": sizes,
    }


# ---------------------------------------------------------------- baselines


def build_baselines(records: list[dict[str, str]], like_path: Path, tri_path: Path) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for p in (like_path, tri_path):
        p.unlink(missing_ok=True)
    rows = [(i + 1, r["title"], r["body"], r["date"], r["source"]) for i, r in enumerate(records)]

    t0 = time.perf_counter()
    conn = sqlite3.connect(like_path)
    conn.execute("CREATE TABLE docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT, date TEXT, source TEXT)")
    conn.execute("CREATE INDEX docs_date ON docs(date)")
    with conn:
        conn.executemany("INSERT INTO docs VALUES (?, ?, ?, ?, ?)", rows)
    conn.close()
    out["like"] = {"build_s": time.perf_counter() - t0, "db_bytes": db_size(like_path)}

    t0 = time.perf_counter()
    conn = sqlite3.connect(tri_path)
    conn.execute("CREATE VIRTUAL TABLE docs_tri USING fts5(title, body, date UNINDEXED, tokenize='trigram')")
    with conn:
        conn.executemany(
            "INSERT INTO docs_tri(rowid, title, body, date) VALUES (?, ?, ?, ?)", [r[:4] for r in rows]
        )
    conn.execute("INSERT INTO docs_tri(docs_tri) VALUES ('optimize')")
    conn.commit()
    conn.close()
    out["trigram"] = {"build_s": time.perf_counter() - t0, "db_bytes": db_size(tri_path)}
    for name in ("like", "trigram"):
        out[name]["articles_per_s"] = len(rows) / out[name]["build_s"]
    return out


def _like_escape(term: str) -> str:
    return "%" + term.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"


def like_search(conn: sqlite3.Connection, terms: Sequence[str], limit: int = 10) -> tuple[int, list]:
    """What a user would write: every term as LIKE '%term%' on title or body, newest first, with a snippet."""
    where = " AND ".join("(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')" for _ in terms)
    params: list[str] = []
    for t in terms:
        params += [_like_escape(t), _like_escape(t)]
    rows = conn.execute(
        f"SELECT id, title, date, substr(body, max(instr(body, ?) - 30, 1), 90), count(*) OVER () "
        f"FROM docs WHERE {where} ORDER BY date DESC LIMIT {int(limit)}",
        [terms[0], *params],
    ).fetchall()
    return (rows[0][4] if rows else 0), rows


def trigram_query(terms: Sequence[str]) -> str:
    return " AND ".join('"' + t.replace('"', '""') + '"' for t in terms)


def trigram_search(conn: sqlite3.Connection, terms: Sequence[str], limit: int = 10) -> tuple[int, list]:
    """FTS5 trigram: every term quoted, best bm25 first, with FTS5's own snippet()."""
    match = trigram_query(terms)
    rows = conn.execute(
        "SELECT rowid, title, date, snippet(docs_tri, 1, '[', ']', '…', 24) "
        f"FROM docs_tri WHERE docs_tri MATCH ? ORDER BY rank LIMIT {int(limit)}",
        [match],
    ).fetchall()
    total = conn.execute("SELECT count(*) FROM docs_tri WHERE docs_tri MATCH ?", [match]).fetchone()[0]
    return total, rows


# ---------------------------------------------------------------- search latency


def search_latencies(
    queries: list[Query], db_path: Path, like_path: Path, tri_path: Path, *, reps: int, like_reps: int
) -> dict[str, Any]:
    from storage.database.connection import open_db
    from storage.search.engine import Searcher

    db = open_db(db_path)
    searcher = Searcher(db)
    like = sqlite3.connect(like_path)
    tri = sqlite3.connect(tri_path)
    engines: dict[str, Callable[[Query], Callable[[], Any]]] = {
        "newsbot": lambda q: lambda: searcher.search(q.text, limit=10),
        "like": lambda q: lambda: like_search(like, q.terms),
        "trigram": lambda q: lambda: trigram_search(tri, q.terms),
    }
    per: dict[str, dict[str, list[float]]] = {e: {c: [] for c in CLASSES} for e in engines}
    totals: dict[str, dict[str, list[int]]] = {e: {c: [] for c in CLASSES} for e in engines}
    long_terms: dict[str, list[float]] = {e: [] for e in engines}  # queries trigram can answer
    snippets_ok = {"hits": 0, "with_snippet": 0}
    examples: dict[str, Any] = {}
    for q in queries:
        for engine, make in engines.items():
            n = like_reps if engine == "like" else reps
            times, result = timed_runs(make(q), n)
            per[engine][q.cls] += times
            if all(len(t) >= 3 for t in q.terms):
                long_terms[engine] += times
            if engine == "newsbot":
                total = result.total
                for hit in result.hits:
                    snippets_ok["hits"] += 1
                    snippets_ok["with_snippet"] += bool(hit.snippet.text)
                if q.cls not in examples and result.hits:
                    h = result.hits[0]
                    examples[q.cls] = {"query": q.text, "title": h.title, "snippet": h.snippet.text[:80]}
            else:
                total = result[0]
            totals[engine][q.cls].append(total)
    db.close()
    like.close()
    tri.close()
    out: dict[str, Any] = {"engines": {}, "snippets": snippets_ok, "examples": examples}
    for engine in engines:
        all_times = [t for c in CLASSES for t in per[engine][c]]
        out["engines"][engine] = {
            "all": summary(all_times),
            "classes": {c: summary(per[engine][c]) for c in CLASSES},
            "matches": {c: totals[engine][c] for c in CLASSES},
            "long_terms": summary(long_terms[engine]) if long_terms[engine] else None,
        }
    out["long_term_queries"] = sum(1 for q in queries if all(len(t) >= 3 for t in q.terms))
    return out


# ---------------------------------------------------------------- cold start and memory


def _probe(db_path: Path, texts: list[str], runs: int) -> tuple[list[float], dict[str, Any]]:
    """Spawn the probe `runs` times: seconds from spawn to its first answer, and its last report."""
    qfile = WORK / "probe-queries.json"
    qfile.write_text(json.dumps(texts, ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    firsts: list[float] = []
    done: dict[str, Any] = {}
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.Popen(
            [sys.executable, "-m", "benchmarks.probe", str(db_path), str(qfile)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=ROOT,
            env=env,
        )
        assert proc.stdout is not None and proc.stderr is not None
        line = proc.stdout.readline()
        firsts.append(time.perf_counter() - t0)
        if not line:
            proc.wait()
            raise RuntimeError(f"the probe failed: {proc.stderr.read().strip()[-400:]}")
        done = json.loads(proc.stdout.readline())
        proc.wait()
    return firsts, done


def cold_start(db_path: Path, queries: list[Query], runs: int = 3) -> dict[str, Any]:
    firsts, done = _probe(db_path, [q.text for q in queries], runs)
    # Each question as the very first query of a process: some load more on first use (the slowest counts).
    q_firsts: list[float] = []
    slowest_q = None
    for q in queries:
        if q.cls == "question":
            (t,), _ = _probe(db_path, [q.text], 1)
            q_firsts.append(t)
            if t >= max(q_firsts):
                slowest_q = q.text
    out: dict[str, Any] = {
        "first_answer_s": statistics.median(firsts),
        "runs_s": firsts,
        "question_first_s": max(q_firsts) if q_firsts else None,
        "question_runs_s": q_firsts,
        "question_slowest": slowest_q,
        "maxrss_mb": done.get("maxrss_mb"),
        "probe_queries": done.get("queries"),
    }
    cli = cli_cold_start(db_path, queries[0].text, runs)
    if cli:
        out["cli"] = cli
    return out


def cli_cold_start(db_path: Path, query: str, runs: int) -> dict[str, Any] | None:
    """`python -m bot search QUERY --json`, process start to exit, when the CLI has a search command."""
    if "def search" not in (ROOT / "bot" / "cli.py").read_text(encoding="utf-8"):
        return None
    env = {**os.environ, "NEWSBOT_DB": str(db_path), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "bot", "search", query, "--json"]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            return {"command": " ".join(cmd[1:]), "error": (proc.stderr or proc.stdout).strip()[-300:]}
    return {"command": "python -m bot search QUERY --json", "exit_s": statistics.median(times)}


# ---------------------------------------------------------------- segmenters


def segmenters(records: list[dict[str, str]]) -> dict[str, Any]:
    """jieba and its alternatives on the same texts: speed, and whether tokens equal jieba's (HMM on)."""
    import logging
    import multiprocessing

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()
    texts = [r["title"] + "\n" + r["body"] for r in records]
    chars = sum(len(t) for t in texts)

    def run(fn: Callable[[list[str]], list[list[str]]]) -> tuple[float, list[list[str]]]:
        t0 = time.perf_counter()
        out = fn(texts)
        return time.perf_counter() - t0, out

    cases: dict[str, Callable[[list[str]], list[list[str]]]] = {
        "jieba.cut (HMM on)": lambda ts: [list(jieba.cut(t, HMM=True)) for t in ts],
        "jieba.cut (HMM off)": lambda ts: [list(jieba.cut(t, HMM=False)) for t in ts],
    }
    try:
        import rjieba

        rj = rjieba.Jieba()
        rj.cut("预热")
        cases["rjieba.cut (hmm on)"] = lambda ts: [rj.cut(t, hmm=True) for t in ts]
        cases["rjieba.cut (hmm off)"] = lambda ts: [rj.cut(t, hmm=False) for t in ts]
    except ImportError:
        pass
    try:
        from storage.text.segment import cut as newsbot_cut

        newsbot_cut("预热")
        cases["storage.text.segment.cut (newsbot)"] = lambda ts: [newsbot_cut(t) for t in ts]
    except ImportError:
        pass
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(2, initializer=_pool_init) as pool:
        pool.map(_pool_cut, ["预热"] * 4)
        cases["jieba.cut (HMM on) x2 processes"] = lambda ts: pool.map(_pool_cut, ts, chunksize=50)
        out: dict[str, Any] = {"chars": chars, "articles": len(texts), "cases": {}}
        ref: list[list[str]] | None = None
        for name, fn in cases.items():
            seconds, tokens = run(fn)
            if ref is None:
                ref = tokens
            same = sum(1 for a, b in zip(ref, tokens, strict=True) if list(a) == list(b))
            out["cases"][name] = {
                "seconds": seconds,
                "chars_per_s": chars / seconds,
                "articles_per_s": len(texts) / seconds,
                "identical_docs": same / len(texts),
            }
    return out


def prepare_parallel(records: list[dict[str, str]]) -> dict[str, Any]:
    """newsbot's per-article index work (`storage.search.index.prepare_document`) in 1 and in 2 processes.

    Ingest could prepare documents in worker processes and keep one writer; this measures the gain
    (same outputs checked), without changing the app.
    """
    import multiprocessing

    try:
        from storage.search.index import prepare_document
    except ImportError as exc:
        return {"error": str(exc)}
    args = [(r["title"], r["body"], None, r["body"].split("\n")) for r in records]
    prepare_document(*args[0])
    t1s, t2s = [], []
    one: list = []
    two: list = []
    with multiprocessing.get_context("fork").Pool(2) as pool:
        pool.starmap(_prepare_row, args[:50], chunksize=1)
        for _ in range(3):  # best of 3 of each: the machine is shared, the least disturbed run counts
            t0 = time.perf_counter()
            one = [_prepare_row(*a) for a in args]
            t1s.append(time.perf_counter() - t0)
            t0 = time.perf_counter()
            two = pool.starmap(_prepare_row, args, chunksize=25)
            t2s.append(time.perf_counter() - t0)
    t1, t2 = min(t1s), min(t2s)
    return {
        "articles": len(args),
        "one_process_s": t1,
        "one_per_s": len(args) / t1,
        "two_processes_s": t2,
        "two_per_s": len(args) / t2,
        "identical": one == two,
        "load": os.getloadavg()[0],
    }


def _prepare_row(title: str, body: str, byline: str | None, paragraphs: list[str]) -> tuple:
    """`prepare_document` as a plain tuple: what a worker would send back to the one writer."""
    from storage.search.index import prepare_document

    doc = prepare_document(title, body, byline, paragraphs)
    return tuple(getattr(doc, f) for f in doc.__dataclass_fields__)


def _pool_init() -> None:
    import logging

    import jieba

    jieba.setLogLevel(logging.WARNING)
    jieba.initialize()


def _pool_cut(text: str) -> list[str]:
    import jieba

    return list(jieba.cut(text, HMM=True))


# ---------------------------------------------------------------- profiles

_STAGES = {
    "parse_jsonl": "JSONL parsing",
    "upsert_articles": "storing articles (upsert, fingerprints)",
    "index_articles": "indexing (all of the below)",
    "normalize": "  normalize",
    "cut": "  jieba words (storage.text.segment.cut, rjieba)",
    "han_words": "  word filter (han_words)",
    "index_text": "  character bigrams",
    "date_tokens": "  date tokens",
    "summarize": "  summary",
    "keywords_from_words": "  keywords",
    "executemany": "  FTS5 insert (SQLite tokenising the bigram text)",
}


def _stage_times(
    frame: Any, names: set[str], acc: dict[str, float], active: frozenset[str] = frozenset()
) -> None:
    name = frame.function.rsplit(".", 1)[-1]  # built-ins come as "Connection.executemany"
    if name in names and name not in active:
        acc[name] = acc.get(name, 0.0) + frame.time
        active = active | {name}
    for child in frame.children:
        _stage_times(child, names, acc, active)


def profile_ingest(paths: list[Path], *, into: Path | None = None, name: str = "ingest") -> dict[str, Any]:
    """pyinstrument over ingesting `paths` into a fresh database, or into a copy of `into` (a full one);
    stage times, and the text profile in benchmarks/profiles/<name>.txt."""
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"error": "pyinstrument not installed (pip install -e '.[bench]')"}
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_paths

    db_path = WORK / f"profile-{name}.db"
    for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        p.unlink(missing_ok=True)
    if into is not None:
        shutil.copy(into, db_path)
    db = open_db(db_path)
    try:  # dictionaries load once per process: keep that one-off out of the per-article profile
        from storage.search.index import prepare_document

        prepare_document("预热", "预热", None, ["预热"])
    except ImportError:
        pass
    profiler = Profiler(interval=0.001)
    profiler.start()
    report = ingest_paths(db, paths)
    profiler.stop()
    db.close()
    session = profiler.last_session
    root = session.root_frame()
    acc: dict[str, float] = {}
    if root is not None:
        _stage_times(root, set(_STAGES), acc)
    PROFILES.mkdir(exist_ok=True)
    (PROFILES / f"{name}.txt").write_text(
        profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8"
    )
    for p in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        p.unlink(missing_ok=True)
    return {
        "articles": report.new,
        "duration_s": session.duration,
        "stages": {k: acc.get(k, 0.0) for k in _STAGES},
        "file": f"benchmarks/profiles/{name}.txt",
        "into": f"a copy of the {into.name} database" if into else "a fresh database",
    }


def ingest_whatif(largest: int, shards: int = 3) -> dict[str, Any]:
    """Ingest `shards` more shards into copies of the largest database: as built, and with FTS5's
    ``automerge`` raised (fewer incremental merges while inserting; `optimize` can merge later)."""
    from storage.database.connection import open_db
    from storage.ingest.pipeline import ingest_paths

    try:
        from storage.search.index import prepare_document

        prepare_document("预热", "预热", None, ["预热"])
    except ImportError:
        pass
    paths = corpus.corpus_paths(largest + shards * corpus.SHARD)[-shards:]
    out: dict[str, Any] = {"size": largest, "articles": shards * corpus.SHARD, "cases": {}}
    dst = WORK / "whatif.db"
    cases = {
        "as built": [],
        "FTS5 automerge 16 (default 4)": [
            "INSERT INTO articles_fts(articles_fts, rank) VALUES('automerge', 16)"
        ],
    }
    for label, statements in cases.items():
        for p in (dst, Path(f"{dst}-wal"), Path(f"{dst}-shm")):
            p.unlink(missing_ok=True)
        shutil.copy(WORK / f"newsbot-{largest}.db", dst)
        db = open_db(dst)
        for sql in statements:
            db.execute(sql)
        t0, c0 = time.perf_counter(), time.process_time()
        report = ingest_paths(db, paths)
        wall, cpu = time.perf_counter() - t0, time.process_time() - c0
        db.close()
        out["cases"][label] = {"wall_s": wall, "cpu_s": cpu, "articles_per_s": report.new / wall}
    for p in (dst, Path(f"{dst}-wal"), Path(f"{dst}-shm")):
        p.unlink(missing_ok=True)
    return out


class _TimedConnection:
    """Wraps a sqlite3 connection and adds up the time spent in each distinct SQL statement."""

    def __init__(self, conn: sqlite3.Connection) -> None:
        self._conn = conn
        self.times: dict[str, list[float]] = {}

    def execute(self, sql: str, params: Any = ()) -> Any:
        t0 = time.perf_counter()
        rows = self._conn.execute(sql, params).fetchall()
        key = " ".join(sql.split())
        self.times.setdefault(key, []).append(time.perf_counter() - t0)
        return _Rows(rows)

    def __getattr__(self, name: str) -> Any:
        return getattr(self._conn, name)


class _Rows(list):
    def fetchall(self) -> list:
        return list(self)

    def fetchone(self) -> Any:
        return self[0] if self else None


def sql_breakdown(db_path: Path, queries: list[Query], reps: int = 3) -> dict[str, Any]:
    """Time per SQL statement inside `Searcher.search` for `queries` (SQL against Python time)."""
    from storage.database.connection import open_db
    from storage.search.engine import Searcher

    db = open_db(db_path)
    searcher = Searcher(db)
    for q in queries:
        searcher.search(q.text, limit=10)
    timed = _TimedConnection(db.conn)
    db.conn = timed  # type: ignore[assignment]
    t0 = time.perf_counter()
    for _ in range(reps):
        for q in queries:
            searcher.search(q.text, limit=10)
    total = time.perf_counter() - t0
    db.conn = timed._conn
    db.close()
    calls = reps * len(queries)
    statements = sorted(
        (
            {"sql": k[:160], "ms_per_search": sum(v) / calls * 1000, "runs": len(v)}
            for k, v in timed.times.items()
        ),
        key=lambda d: -d["ms_per_search"],
    )
    sql_ms = sum(d["ms_per_search"] for d in statements)
    return {"ms_per_search": total / calls * 1000, "sql_ms_per_search": sql_ms, "statements": statements[:6]}


def profile_search(db_path: Path, queries: list[Query], reps: int = 5) -> dict[str, Any]:
    try:
        from pyinstrument import Profiler
    except ImportError:
        return {"error": "pyinstrument not installed (pip install -e '.[bench]')"}
    from storage.database.connection import open_db
    from storage.search.engine import Searcher

    db = open_db(db_path)
    searcher = Searcher(db)
    for q in queries:
        searcher.search(q.text, limit=10)
    profiler = Profiler(interval=0.0005)
    profiler.start()
    for _ in range(reps):
        for q in queries:
            searcher.search(q.text, limit=10)
    profiler.stop()
    db.close()
    PROFILES.mkdir(exist_ok=True)
    (PROFILES / "search.txt").write_text(
        profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8"
    )
    return {"queries": [q.text for q in queries], "reps": reps, "file": "benchmarks/profiles/search.txt"}


# ---------------------------------------------------------------- the run


def run_size(
    n: int, queries: list[Query], *, reps: int, like_reps: int, reuse: bool, old: dict | None
) -> dict:
    load_before = os.getloadavg()[0]
    log(f"size {n}: corpus (load average {load_before:.1f})")
    paths = corpus.corpus_paths(n, log=log)
    records = list(corpus.read_records(paths))
    db_path = WORK / f"newsbot-{n}.db"
    like_path, tri_path = WORK / f"like-{n}.db", WORK / f"trigram-{n}.db"
    if reuse and old and db_path.exists() and like_path.exists() and tri_path.exists():
        log(f"size {n}: reusing databases and ingest figures from the previous run")
        ingest, baselines = old["ingest"], old["baselines"]
    else:
        log(f"size {n}: ingest through storage.ingest.pipeline.ingest_paths")
        ingest = ingest_newsbot(paths, db_path)
        log(f"size {n}: {ingest['articles_per_s']:.0f} articles/s; building baselines")
        baselines = build_baselines(records, like_path, tri_path)
    log(f"size {n}: search latency ({len(queries)} queries)")
    latency = search_latencies(queries, db_path, like_path, tri_path, reps=reps, like_reps=like_reps)
    log(f"size {n}: cold start and memory")
    cold = cold_start(db_path, queries)
    return {
        "articles": n,
        "ingest": ingest,
        "baselines": baselines,
        "search": latency,
        "cold": cold,
        "reps": {"newsbot": reps, "trigram": reps, "like": like_reps},
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog=COMMAND, description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", default="1000,10000,20000,100000", help="corpus sizes, comma-separated")
    ap.add_argument("--quick", action="store_true", help="1,000 articles, fewer repetitions")
    ap.add_argument("--reps", type=int, default=5, help="timed repetitions per query (after one warm-up)")
    ap.add_argument(
        "--reuse", action="store_true", help="reuse databases (and ingest figures) of a previous run"
    )
    ap.add_argument("--report-only", action="store_true", help="re-render the report from results.json")
    ap.add_argument("--no-digest", action="store_true", help="skip the digest measurement")
    ap.add_argument(
        "--digest-budget",
        type=float,
        default=60.0,
        help="CPU seconds per digest variant before extrapolating (default 60)",
    )
    args = ap.parse_args(argv)
    old = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    from benchmarks.report import render

    if args.report_only:
        render(old)
        return
    WORK.mkdir(parents=True, exist_ok=True)
    sizes = [1000] if args.quick else [int(s) for s in args.sizes.split(",") if s.strip()]
    reps = 2 if args.quick else args.reps
    results: dict[str, Any] = {**old, "machine": machine(), "command": COMMAND}
    results.setdefault("sizes", {})
    first = corpus.corpus_paths(min(corpus.SHARD, min(sizes)), log=log)
    vocab = corpus.load_vocabulary()
    queries = derive_queries(list(corpus.read_records(first[:1])), vocab)
    results["queries"] = [asdict(q) for q in queries]
    for n in sizes:
        like_reps = 1 if (args.quick or n > 20000) else 3
        prev = old.get("sizes", {}).get(str(n))
        results["sizes"][str(n)] = run_size(
            n, queries, reps=reps, like_reps=like_reps, reuse=args.reuse, old=prev
        )
        RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    shard0 = list(corpus.read_records(corpus.corpus_paths(corpus.SHARD)[:1]))
    largest = max(sizes)
    slowest = _slowest_class(results["sizes"][str(largest)])
    slow_queries = [q for q in queries if q.cls == slowest]
    target = max([n for n in sizes if n <= 20000] or [min(sizes)])
    phases: list[tuple[str, str, Callable[[], Any]]] = [
        ("segmenters", "segmenters", lambda: segmenters(shard0)),
        ("prepare", "index preparation in 1 and 2 processes", lambda: prepare_parallel(shard0)),
        ("profile_ingest", "ingest profile", lambda: profile_ingest(corpus.corpus_paths(corpus.SHARD)[:1])),
        (
            "profile_ingest_late",
            f"ingest profile, one more shard into the {largest} database",
            lambda: profile_ingest(
                corpus.corpus_paths(largest + corpus.SHARD)[-1:],
                into=WORK / f"newsbot-{largest}.db",
                name="ingest-late",
            ),
        ),
        ("ingest_whatif", f"ingest what-if at {largest}", lambda: ingest_whatif(largest)),
        (
            "profile_search",
            f"search profile ({slowest} at {largest})",
            lambda: {
                "size": largest,
                "class": slowest,
                **profile_search(WORK / f"newsbot-{largest}.db", slow_queries),
                "sql": sql_breakdown(WORK / f"newsbot-{largest}.db", slow_queries),
            },
        ),
    ]
    if not args.no_digest:
        phases.append(
            (
                "digest",
                f"digests for 10,000 subscriptions on {target} articles",
                lambda: digest_bench(
                    WORK / f"newsbot-{target}.db",
                    target,
                    shard0,
                    vocab,
                    budget_s=10.0 if args.quick else args.digest_budget,
                ),
            )
        )
    for key, label, fn in phases:
        log(label)
        try:
            results[key] = fn()
        except Exception as exc:  # one failing measurement must not lose the others; the report says so
            log(f"  {label} failed: {type(exc).__name__}: {exc}")
            results[key] = {"error": f"{label} failed: {type(exc).__name__}: {exc}"}
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    RESULTS.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    render(results)
    log(f"wrote {REPORT.relative_to(ROOT)} and {PLOT.relative_to(ROOT)}")


def _slowest_class(size_result: dict) -> str:
    classes = size_result["search"]["engines"]["newsbot"]["classes"]
    return max(classes, key=lambda c: classes[c]["p99"])


# ---------------------------------------------------------------- digests


class _CachedLibrary:
    """Wraps the search library and answers a repeated call (same method, same arguments) from memory:
    the variant where one digest run looks each distinct keyword up once, not once per subscription."""

    def __init__(self, library: Any) -> None:
        self.library = library
        self.cache: dict[tuple, Any] = {}

    def __getattr__(self, name: str) -> Any:
        method = getattr(self.library, name)

        def cached(*args: Any, **kwargs: Any) -> Any:
            key = (name, args, tuple(sorted(kwargs.items())))
            if key not in self.cache:
                self.cache[key] = method(*args, **kwargs)
            return self.cache[key]

        return cached


class _RecentLibrary(_CachedLibrary):
    """What-if: keyword matches limited to articles stored after `min_id` (the day's new articles), as a
    digest that only looks at what arrived since the last run would see them."""

    def __init__(self, library: Any, min_id: int) -> None:
        super().__init__(library)
        self.min_id = min_id

    def match_ids(self, query: str, *, limit: int) -> list[int]:
        key = ("match_ids", (query,), (("limit", limit),))
        if key not in self.cache:
            self.cache[key] = [i for i in self.library.match_ids(query, limit=limit) if i > self.min_id]
        return self.cache[key]


def _compose_all(subs_list: list, fn: Callable[[Any], Any], budget_s: float) -> dict[str, Any]:
    """Run `fn` per subscription until done or `budget_s` of CPU is spent; CPU per digest, extrapolated."""
    cpu0 = time.process_time()
    wall0 = time.perf_counter()
    done = empty = shown = counted = 0
    for sub in subs_list:
        digest = fn(sub)
        done += 1
        if digest is None:
            empty += 1
        else:
            shown += len(digest.shown_ids)
            counted += len(digest.counted_ids)
        if time.process_time() - cpu0 > budget_s:
            break
    cpu = time.process_time() - cpu0
    return {
        "composed": done,
        "cpu_s": cpu,
        "wall_s": time.perf_counter() - wall0,
        "cpu_per_digest_ms": cpu / done * 1000,
        "cpu_s_for_all": cpu / done * len(subs_list),
        "extrapolated": done < len(subs_list),
        "empty": empty,
        "shown": shown,
        "counted": counted,
    }


def digest_bench(
    src_db: Path,
    n_articles: int,
    shard0: list[dict[str, str]],
    vocab: Any,
    n_subs: int = 10_000,
    budget_s: float = 60.0,
) -> dict[str, Any]:
    """Digests for `n_subs` keyword subscriptions on a copy of the `n_articles` database.

    Uses the bot's own digest composition, `bot.digests.plan.compose_for` (keyword matching with the
    /search engine, the undelivered-articles query, loading, the pure `bot.digests.compose.compose_digest`),
    with `Searcher` as the library, as the running bot does. Nothing is claimed, so every subscription
    starts from the same state. CPU = `time.process_time()`; when `budget_s` runs out before all
    subscriptions are composed, the total is extrapolated from the ones composed (and said so).
    """
    import random
    from datetime import date

    from storage.database.connection import open_db

    try:
        from bot.digests.plan import DEFAULT_CONFIG, compose_for, matching_ids
        from storage.records.subscriptions import add_subscription
        from storage.search.engine import Searcher
    except ImportError as exc:
        return {"error": f"not measured: {exc}"}

    path = WORK / "digest.db"
    for p in (path, Path(f"{path}-wal"), Path(f"{path}-shm")):
        p.unlink(missing_ok=True)
    shutil.copy(src_db, path)
    db = open_db(path)
    db.execute("PRAGMA synchronous = OFF")  # set-up only: 10,000 single-row transactions

    # Keyword pool: topic words by how many articles of the first shard mention them (a Zipf-like mix).
    docs = [r["title"] + r["body"] for r in shard0]
    topic = [w for w in vocab.classes["TOPIC"].words[:3000] if len(w) >= 2]
    df = {w: sum(1 for d in docs if w in d) for w in topic}
    pool = [w for w in sorted(topic, key=lambda w: (-df[w], w)) if df[w] > 0][:300]
    weights = [1 / (i + 1) for i in range(len(pool))]
    rng = random.Random(11)
    t0 = time.perf_counter()
    subs_list = []
    for chat in range(1, n_subs + 1):
        k = rng.choice((1, 1, 2, 2, 3))
        kws = list(dict.fromkeys(rng.choices(pool, weights=weights, k=k)))
        subs_list.append(
            add_subscription(db, chat, f"{rng.randint(6, 22):02d}:{rng.choice(('00', '30'))}", kws)
        )
    setup_s = time.perf_counter() - t0
    db.execute("PRAGMA synchronous = FULL")
    rng.shuffle(subs_list)  # a budget-limited run then samples all kinds of subscriptions

    searcher = Searcher(db)
    searcher.search("预热")
    local_date = date(2025, 1, 1)

    def composer(library: Any) -> Callable[[Any], Any]:
        return lambda sub: compose_for(
            db, library, sub, lang="zh", local_date=local_date, config=DEFAULT_CONFIG, send_empty=False
        )

    log(f"  digests as built (bot.digests.plan.compose_for), CPU budget {budget_s:.0f} s")
    as_built = _compose_all(subs_list, composer(searcher), budget_s)
    log(f"  digests with each keyword searched once per run (all keywords, then {budget_s:.0f} s of digests)")
    # Phase 1: every distinct keyword's matches, once (what a per-run cache costs in total).
    cached_lib = _CachedLibrary(searcher)
    keywords = sorted({k for sub in subs_list for k in sub.keywords})
    random.Random(5).shuffle(keywords)
    cpu0 = time.process_time()
    searched = 0
    for kw in keywords:
        matching_ids(cached_lib, [kw])
        searched += 1
        if time.process_time() - cpu0 > 5 * budget_s:  # bounded by the keyword count; a safety cap only
            break
    kw_cpu = time.process_time() - cpu0
    # Phase 2: the digests, with every keyword's matches at hand.
    if searched == len(keywords):
        cached = _compose_all(subs_list, composer(cached_lib), budget_s)
    else:
        cached = {"error": "keyword phase did not finish within the budget"}
    cached.update(
        {
            "keywords": len(keywords),
            "keywords_searched": searched,
            "keyword_cpu_s": kw_cpu,
            "keyword_cpu_s_for_all": kw_cpu / searched * len(keywords),
            "searches": len(cached_lib.cache),
        }
    )
    if "cpu_s_for_all" in cached:
        cached["total_cpu_s_for_all"] = cached["keyword_cpu_s_for_all"] + cached["cpu_s_for_all"]

    # The daily run, as the scheduler does it: every subscription had yesterday's digest (its ledger
    # horizon is all but the newest `per_day` articles), one RunCache per run, compose_for each.
    daily: dict[str, Any] = {}
    try:
        from bot.digests.plan import RunCache
        from storage.records.subscriptions import EMPTY, article_horizon, claim_delivery
    except ImportError:
        RunCache = None  # noqa: N806
    if RunCache is not None:
        per_day = 300
        horizon = article_horizon(db)
        db.execute("PRAGMA synchronous = OFF")  # set-up only
        for sub in subs_list:
            claim_delivery(
                db, sub.id, date(2024, 12, 31), sub.chat_id, status=EMPTY, horizon=horizon - per_day
            )
        db.execute("PRAGMA synchronous = FULL")
        log(f"  daily run: {per_day} articles new since yesterday's digests, {budget_s:.0f} s")
        run_library = RunCache(searcher)
        daily = _compose_all(
            subs_list,
            lambda sub: compose_for(
                db,
                run_library,
                sub,
                lang="zh",
                local_date=local_date,
                config=DEFAULT_CONFIG,
                send_empty=False,
                horizon=horizon,
            ),
            budget_s,
        )
        daily["new_articles"] = per_day
        daily["keywords_searched"] = len(run_library._ids)

    # A lower bound for a fix: each keyword's matching ids straight from the FTS index (newsbot's own
    # MATCH expression, newest 2,000, no ranking and no snippets). Benchmark-only SQL, not app code.
    ids_only: dict[str, Any] = {}
    try:
        from storage.search.query import match_expression, parse_query

        cpu0 = time.process_time()
        found = 0
        for kw in keywords:
            expr = match_expression(parse_query(kw).terms)
            if expr:
                found += len(
                    db.conn.execute(
                        "SELECT rowid FROM articles_fts WHERE articles_fts MATCH ? ORDER BY rowid DESC LIMIT 2000",
                        [expr],
                    ).fetchall()
                )
        ids_only = {"keywords": len(keywords), "cpu_s": time.process_time() - cpu0, "ids": found}
    except ImportError:
        pass

    profile: dict[str, Any] = {}
    cached_profile: dict[str, Any] = {}
    try:
        from pyinstrument import Profiler

        profiler = Profiler(interval=0.001)
        profiler.start()
        for sub in subs_list[:300]:
            composer(cached_lib)(sub)
        profiler.stop()
        root = profiler.last_session.root_frame()
        acc_c: dict[str, float] = {}
        if root is not None:
            _stage_times(
                root,
                {
                    "search",
                    "match_ids",
                    "undelivered_article_ids",
                    "get_articles",
                    "compose_digest",
                    "matching_ids",
                },
                acc_c,
            )
        cached_profile = {"subscriptions": 300, "duration_s": profiler.last_session.duration, "stages": acc_c}

        profiler = Profiler(interval=0.001)
        profiler.start()
        for sub in subs_list[:15]:
            composer(searcher)(sub)
        profiler.stop()
        root = profiler.last_session.root_frame()
        names = {
            "search",
            "match_ids",
            "make_snippet",
            "mark",
            "_run",
            "_fetch",
            "parse_query",
            "undelivered_article_ids",
            "get_articles",
            "compose_digest",
        }
        acc: dict[str, float] = {}
        if root is not None:
            _stage_times(root, names, acc)
        PROFILES.mkdir(exist_ok=True)
        (PROFILES / "digest.txt").write_text(
            profiler.output_text(unicode=True, color=False, show_all=False), encoding="utf-8"
        )
        profile = {
            "subscriptions": 15,
            "duration_s": profiler.last_session.duration,
            "stages": acc,
            "file": "benchmarks/profiles/digest.txt",
        }
    except ImportError:
        pass
    db.close()
    return {
        "subscriptions": n_subs,
        "articles": n_articles,
        "distinct_keyword_sets": len({tuple(s.keywords) for s in subs_list}),
        "distinct_keywords": len({k for s in subs_list for k in s.keywords}),
        "setup_s": setup_s,
        "budget_s": budget_s,
        "as_built": as_built,
        "cached": cached,
        "ids_only": ids_only,
        "cached_profile": cached_profile,
        "daily": daily,
        "cpu_s": daily["cpu_s_for_all"] if daily else as_built["cpu_s_for_all"],
        "cpu_s_extrapolated": daily["extrapolated"] if daily else as_built["extrapolated"],
        "profile": profile,
        "method": "bot.digests.plan.compose_for per subscription (its keyword matching through the library "
        "(`Searcher`), undelivered_article_ids, get_articles, compose_digest); the target is the daily run",
    }


if __name__ == "__main__":
    main()
