"""Ingest: the generated corpus through `storage.ingest.pipeline.ingest_paths` at each size, the baselines'
tables built from the same articles, size on disk, and (full run) a profile of where ingest time goes.

    python -m benchmarks.ingest                      # sizes 1k, 10k, 20k, 100k; rebuilds every database
    python -m benchmarks.ingest --sizes 1000,20000
    python -m benchmarks.ingest --quick              # 1,000 articles, no profile

The databases it leaves in ``benchmarks/.cache/`` are the ones `benchmarks.search` and
`benchmarks.coldstart` measure.
"""

from __future__ import annotations

import argparse
import os
import resource
import time
from pathlib import Path
from typing import Any

from benchmarks import corpus
from benchmarks.common import (
    INGEST_STAGES,
    SIZES,
    BenchmarkError,
    Mode,
    db_size,
    log,
    need_bench_extra,
    parse_sizes,
    profile,
    remove_db,
    save_area,
    warm_up_indexing,
)
from benchmarks.report import render
from storage.database.connection import open_db
from storage.driver import sqlite3
from storage.ingest.pipeline import FileResult, ingest_paths

# ---------------------------------------------------------------- databases


def newsbot_db(mode: Mode, n: int) -> Path:
    return mode.work / f"newsbot-{n}.db"


def like_db(mode: Mode, n: int) -> Path:
    return mode.work / f"like-{n}.db"


def trigram_db(mode: Mode, n: int) -> Path:
    return mode.work / f"trigram-{n}.db"


def ensure_databases(mode: Mode, n: int) -> None:
    """Build the `n`-article databases (newsbot's and the baselines') unless an earlier run left them."""
    paths = (newsbot_db(mode, n), like_db(mode, n), trigram_db(mode, n))
    if all(p.exists() for p in paths):
        built = time.strftime("%Y-%m-%d %H:%M", time.localtime(paths[0].stat().st_mtime))
        log(f"size {n}: reusing the databases built {built} (python -m benchmarks.ingest rebuilds them)")
        return
    measure_size(mode, n)


def table_sizes(path: Path) -> dict[str, int]:
    """Bytes per table (indexes and FTS shadow tables folded into their table) from the dbstat table.

    Read with the standard library's SQLite, which has dbstat (the pysqlite3 build newsbot uses does
    not); dbstat reads pages, never the FTS5 tables themselves, so their options do not matter."""
    import sqlite3 as stdlib_sqlite3

    sizes: dict[str, int] = {}
    conn = stdlib_sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True)
    try:
        for name, size in conn.execute("SELECT name, SUM(pgsize) FROM dbstat GROUP BY name").fetchall():
            key = next((p for p in ("articles_fts", "docs_tri") if name.startswith(p)), name)
            sizes[key] = sizes.get(key, 0) + int(size)
    finally:
        conn.close()
    return sizes


# ---------------------------------------------------------------- newsbot


def _children_cpu() -> float:
    """CPU seconds of this process's finished child processes (ingest's document-preparing workers)."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def ingest_newsbot(paths: list[Path], db_path: Path) -> dict[str, Any]:
    """Ingest `paths` into a fresh `db_path`: throughput, CPU, size on disk."""
    remove_db(db_path)
    nbytes = sum(p.stat().st_size for p in paths)
    stamps: list[float] = []

    def progress(result: FileResult, n: int, total: int) -> None:
        stamps.append(time.perf_counter())
        if n % 20 == 0 and n < total:
            log(f"  ingest {n}/{total} files")

    warmup = warm_up_indexing()
    cpu0 = time.process_time()
    children0 = _children_cpu()
    t0 = time.perf_counter()
    db = open_db(db_path)
    report = ingest_paths(db, paths, progress=progress)
    wall = time.perf_counter() - t0
    cpu = time.process_time() - cpu0
    workers_cpu = _children_cpu() - children0
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    if not report.ok:
        raise BenchmarkError(f"ingest failed: {[(f.path, f.error) for f in report.errors][:3]}")
    db.close()
    sizes = table_sizes(db_path)
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
        "workers_cpu_s": workers_cpu,
        "articles_per_s": report.new / wall,
        "warmup_s": warmup,
        "mb_per_s": nbytes / 1e6 / wall,
        "db_bytes": db_size(db_path),
        "index_bytes": sizes.get("articles_fts", 0),
        "table_bytes": sizes,
    }


# ---------------------------------------------------------------- baselines


def build_baselines(records: list[dict[str, str]], like_path: Path, trigram_path: Path) -> dict[str, Any]:
    """What a user would build instead: a plain table for ``LIKE '%…%'`` and an FTS5 trigram table."""
    out: dict[str, Any] = {}
    remove_db(like_path)
    remove_db(trigram_path)
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
    conn = sqlite3.connect(trigram_path)
    conn.execute("CREATE VIRTUAL TABLE docs_tri USING fts5(title, body, date UNINDEXED, tokenize='trigram')")
    with conn:
        conn.executemany(
            "INSERT INTO docs_tri(rowid, title, body, date) VALUES (?, ?, ?, ?)", [r[:4] for r in rows]
        )
    conn.execute("INSERT INTO docs_tri(docs_tri) VALUES ('optimize')")
    conn.commit()
    conn.close()
    out["trigram"] = {"build_s": time.perf_counter() - t0, "db_bytes": db_size(trigram_path)}
    for name in ("like", "trigram"):
        out[name]["articles_per_s"] = len(rows) / out[name]["build_s"]
    return out


# ---------------------------------------------------------------- one size, the profile, the run


def measure_size(mode: Mode, n: int) -> dict[str, Any]:
    load_before = os.getloadavg()[0]
    log(f"size {n}: corpus (load average {load_before:.1f})")
    paths = corpus.corpus_paths(n, log=log)
    mode.prepare()
    log(f"size {n}: ingest through storage.ingest.pipeline.ingest_paths")
    ingest = ingest_newsbot(paths, newsbot_db(mode, n))
    if ingest["articles"] != n:
        raise BenchmarkError(f"ingest stored {ingest['articles']} of {n} articles")
    log(f"size {n}: {ingest['articles_per_s']:.0f} articles/s; building the baselines")
    baselines = build_baselines(list(corpus.read_records(paths)), like_db(mode, n), trigram_db(mode, n))
    return {
        "articles": n,
        "ingest": ingest,
        "baselines": baselines,
        "load_before": load_before,
        "load_after": os.getloadavg()[0],
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def profile_ingest(mode: Mode) -> dict[str, Any]:
    """pyinstrument over ingesting one shard into a fresh database: seconds per stage of `INGEST_STAGES`."""
    paths = corpus.corpus_paths(corpus.SHARD)[:1]
    db_path = mode.work / "profile-ingest.db"
    remove_db(db_path)
    db = open_db(db_path)
    warm_up_indexing()  # the one-off dictionary load stays out of the per-article profile
    articles: list[int] = []
    out = profile(
        lambda: articles.append(ingest_paths(db, paths).new),
        interval=0.001,
        names=set(INGEST_STAGES),
        file="ingest.txt",
    )
    db.close()
    remove_db(db_path)
    return {**out, "articles": articles[0], "into": "a fresh database"}


def measure(mode: Mode, sizes: list[int]) -> dict[str, Any]:
    figures: dict[str, Any] = {"sizes": {str(n): measure_size(mode, n) for n in sizes}}
    if not mode.quick:
        log("ingest profile")
        figures["profile"] = profile_ingest(mode)
    return figures


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.ingest", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 articles, no profile, results in the cache")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma-separated")
    args = ap.parse_args(argv)
    mode = Mode(quick=args.quick)
    if not mode.quick:
        need_bench_extra()
    sizes = [1000] if mode.quick else parse_sizes(args.sizes)
    figures = measure(mode, sizes)
    results = save_area(mode, "ingest", figures)
    for n, s in figures["sizes"].items():
        print(f"ingest {int(n):,} articles: {s['ingest']['articles_per_s']:,.0f} articles/s")
    if not mode.quick:
        render(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
