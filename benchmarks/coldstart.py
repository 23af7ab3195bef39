"""Cold start and memory: a new process's time to its first answer, its peak RSS, and the CLI's
``newsbot search … --json`` from start to exit, at each corpus size.

    python -m benchmarks.coldstart                   # sizes 1k, 10k, 20k, 100k
    python -m benchmarks.coldstart --sizes 20000
    python -m benchmarks.coldstart --quick           # 1,000 articles, one run of each

The measured process is `benchmarks.probe` (imports, `open_db`, `Searcher`, the first search). Uses the
databases `benchmarks.ingest` built (and builds them when they are missing).
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

from benchmarks.common import (
    ROOT,
    SIZES,
    BenchmarkError,
    Mode,
    benchmark_queries,
    log,
    parse_sizes,
    save_area,
)
from benchmarks.ingest import ensure_databases, newsbot_db
from benchmarks.queries import Query


def probe(work: Path, db_path: Path, texts: list[str], runs: int) -> tuple[list[float], dict[str, Any]]:
    """Spawn the probe `runs` times (its query file written in `work`): seconds from spawn to its first
    answer, and its last report."""
    qfile = work / "probe-queries.json"
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
            raise BenchmarkError(f"the probe failed: {proc.stderr.read().strip()[-400:]}")
        done = json.loads(proc.stdout.readline())
        proc.wait()
    return firsts, done


def cli_exit(db_path: Path, query: str, runs: int) -> dict[str, Any]:
    """`python -m bot search QUERY --json`, process start to exit (median of `runs`)."""
    env = {**os.environ, "NEWSBOT_DB": str(db_path), "PYTHONPATH": str(ROOT)}
    cmd = [sys.executable, "-m", "bot", "search", query, "--json"]
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, capture_output=True, text=True, cwd=ROOT, env=env)
        times.append(time.perf_counter() - t0)
        if proc.returncode != 0:
            raise BenchmarkError(f"{' '.join(cmd[1:])} failed: {(proc.stderr or proc.stdout).strip()[-300:]}")
    return {"command": "python -m bot search QUERY --json", "exit_s": statistics.median(times)}


def measure_size(mode: Mode, n: int, queries: tuple[Query, ...], runs: int) -> dict[str, Any]:
    ensure_databases(mode, n)
    db_path = newsbot_db(mode, n)
    log(f"size {n}: cold start and memory")
    firsts, done = probe(mode.work, db_path, [q.text for q in queries], runs)
    if done.get("queries") != len(queries):
        raise BenchmarkError(f"the probe answered {done.get('queries')} of {len(queries)} queries")
    # Each question as the very first query of a process: some load more on first use (the slowest counts).
    questions = [q.text for q in queries if q.cls == "question"][: 1 if mode.quick else None]
    q_firsts = {text: probe(mode.work, db_path, [text], 1)[0][0] for text in questions}
    slowest = max(q_firsts, key=lambda t: q_firsts[t]) if q_firsts else None
    return {
        "articles": n,
        "first_answer_s": statistics.median(firsts),
        "runs_s": firsts,
        "question_first_s": q_firsts[slowest] if slowest else None,
        "question_runs_s": list(q_firsts.values()),
        "question_slowest": slowest,
        "maxrss_mb": done.get("maxrss_mb"),
        "probe_queries": done.get("queries"),
        "cli": cli_exit(db_path, queries[0].text, runs),
        "at": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.coldstart", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1,000 articles, one run each, results in the cache")
    ap.add_argument("--sizes", default=",".join(map(str, SIZES)), help="corpus sizes, comma-separated")
    args = ap.parse_args(argv)
    mode = Mode(quick=args.quick)
    sizes = [1000] if mode.quick else parse_sizes(args.sizes)
    queries = benchmark_queries()
    runs = 1 if mode.quick else 3
    figures = {"sizes": {str(n): measure_size(mode, n, queries, runs) for n in sizes}}
    results = save_area(mode, "coldstart", figures)
    for n, c in figures["sizes"].items():
        print(
            f"cold start {int(n):,} articles: first answer {c['first_answer_s']:.2f} s, "
            f"peak RSS {c['maxrss_mb']:.0f} MB, CLI search to exit {c['cli']['exit_s']:.2f} s"
        )
    if not mode.quick:
        from benchmarks.report import render

        render(results)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
