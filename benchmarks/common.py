"""What every benchmark area shares: where files go, the results file, timing and summary helpers.

A full run keeps its figures in ``benchmarks/results.json`` (one key per area, committed, the source of
BENCHMARKS.md); a ``--quick`` run keeps them in ``benchmarks/.cache/quick/results.json`` and never touches
the committed files. Databases and corpora live under ``benchmarks/.cache/`` (gitignored).
"""

from __future__ import annotations

import json
import os
import platform
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path
from typing import Any, TypeVar

from benchmarks import corpus
from benchmarks.queries import Query, derive_queries
from storage.driver import sqlite3

# Functions whose time the ingest profile adds up, with their labels in the report (indented: part of the
# unindented stage above them).
INGEST_STAGES = {
    "read_jsonl": "JSONL parsing",
    "prepare_document": "preparing documents (all of the below; worker processes do it in a large import)",
    "normalize": "  normalize",
    "cut": "  jieba words (storage.text.segment.cut, rjieba)",
    "han_words": "  word filter (han_words)",
    "index_text": "  character bigrams",
    "date_tokens": "  date tokens",
    "summarize": "  summary",
    "keywords_from_han_words": "  keywords",
    "sketch": "  near-duplicate sketch",
    "write_batch": "writing a batch (all of the below; the commit apart)",
    "upsert_articles": "  storing articles (upsert, fingerprints)",
    "executemany": "  FTS5 insert (SQLite tokenising the bigram text), period mentions, sketch keys",
    "_find_cluster": "  near-duplicate lookup",
    "transaction": "taking the write lock and committing (FTS5 writes the batch's segment and merges)",
}

ROOT = Path(__file__).resolve().parent.parent
BENCH = ROOT / "benchmarks"
RESULTS = BENCH / "results.json"
REPORT = ROOT / "BENCHMARKS.md"
PLOT = BENCH / "latency.png"
PROFILES = BENCH / "profiles"
SIZES = (1000, 10000, 20000, 100000)  # corpus sizes of a full run
QUICK_SIZE = 1000

T = TypeVar("T")


class BenchmarkError(RuntimeError):
    """A measurement that produced nonsense (nothing ingested, nothing found): the run fails."""


@dataclass(frozen=True)
class Mode:
    """Where a run writes and how hard it measures: the full run, or the quick smoke run."""

    quick: bool

    @property
    def work(self) -> Path:
        """Databases and scratch files of this mode (the quick run never reuses the full run's)."""
        return corpus.CACHE_DIR / ("quick" if self.quick else "run")

    @property
    def results(self) -> Path:
        return self.work / "results.json" if self.quick else RESULTS

    def prepare(self) -> None:
        self.work.mkdir(parents=True, exist_ok=True)


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_sizes(text: str) -> list[int]:
    return [int(s) for s in text.split(",") if s.strip()]


# ---------------------------------------------------------------- results file


def load_results(mode: Mode) -> dict[str, Any]:
    path = mode.results
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}


def save_area(mode: Mode, area: str, figures: dict[str, Any]) -> dict[str, Any]:
    """Store one area's figures (merged into what the file holds: other areas and other sizes stay)."""
    results = load_results(mode)
    old = results.get(area, {})
    if "sizes" in figures:
        figures = {**old, **figures, "sizes": {**old.get("sizes", {}), **figures["sizes"]}}
    results[area] = {**figures, "machine": machine()}  # each area's own machine: areas run at other times
    results["machine"] = results[area]["machine"]
    results["command"] = "python -m benchmarks"
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    mode.prepare()
    mode.results.write_text(json.dumps(results, ensure_ascii=False, indent=1), encoding="utf-8")
    return results


# ---------------------------------------------------------------- machine


def _first_field(path: str, prefix: str) -> str | None:
    try:
        for line in Path(path).read_text().splitlines():
            if line.startswith(prefix):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return None


def _version(package: str) -> str:
    try:
        return version(package)
    except PackageNotFoundError:
        return "not installed"


def machine() -> dict[str, Any]:
    mem = _first_field("/proc/meminfo", "MemTotal")
    return {
        "cpu": _first_field("/proc/cpuinfo", "model name") or "unknown",
        "cores": os.cpu_count(),
        "memory_gb": round(int(mem.split()[0]) / 1024 / 1024, 1) if mem else None,
        "os": f"{platform.system()} {platform.release()}",
        "versions": {
            "python": platform.python_version(),
            "sqlite": sqlite3.sqlite_version,
            "jieba": _version("jieba"),
            "rjieba": _version("rjieba"),
            "sqlite_utils": _version("sqlite-utils"),
        },
        "load_before": os.getloadavg()[0],
    }


# ---------------------------------------------------------------- measuring


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


def timed_runs(fn: Callable[[], T], reps: int) -> tuple[list[float], T]:
    """Milliseconds of `reps` calls after one warm-up call, and the warm-up's result."""
    result = fn()
    times = []
    for _ in range(reps):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return times, result


def db_files(path: Path) -> tuple[Path, Path, Path]:
    return path, Path(f"{path}-wal"), Path(f"{path}-shm")


def db_size(path: Path) -> int:
    return sum(p.stat().st_size for p in db_files(path) if p.exists())


def remove_db(path: Path) -> None:
    for p in db_files(path):
        p.unlink(missing_ok=True)


def warm_up_indexing() -> float:
    """Load the segmenter's dictionary and the keyword IDF table (once per process); seconds taken.

    Ingest measurements call this first, so every size measures the same per-article work.
    """
    from storage.database.index import prepare_document

    t0 = time.perf_counter()
    prepare_document("预热", "预热", None, ["预热"])
    return time.perf_counter() - t0


@lru_cache(maxsize=1)
def benchmark_queries() -> tuple[Query, ...]:
    """The benchmark's queries, derived from the corpus's first shard (the same at every size)."""
    first = corpus.corpus_paths(corpus.SHARD, log=log)[:1]
    return tuple(derive_queries(list(corpus.read_records(first)), corpus.load_vocabulary()))


def stage_times(
    frame: Any, names: set[str], acc: dict[str, float], active: frozenset[str] = frozenset()
) -> None:
    """Add up, per function name in `names`, the time of a pyinstrument frame tree (outermost call counts)."""
    name = frame.function.rsplit(".", 1)[-1]  # built-ins come as "Connection.executemany"
    if name in names and name not in active:
        acc[name] = acc.get(name, 0.0) + frame.time
        active = active | {name}
    for child in frame.children:
        stage_times(child, names, acc, active)


def profile(
    fn: Callable[[], object], *, interval: float, names: set[str], file: str | None
) -> dict[str, Any]:
    """Run `fn` under pyinstrument (the bench extra): seconds per stage in `names`, and the text profile
    written to ``benchmarks/profiles/<file>`` when `file` is given."""
    from pyinstrument import Profiler

    profiler = Profiler(interval=interval)
    profiler.start()
    fn()
    session = profiler.stop()
    acc: dict[str, float] = {}
    root = session.root_frame()
    if root is not None:
        stage_times(root, names, acc)
    out: dict[str, Any] = {"duration_s": session.duration, "stages": {k: acc.get(k, 0.0) for k in names}}
    if file:
        PROFILES.mkdir(exist_ok=True)
        (PROFILES / file).write_text(profiler.output_text(unicode=True, color=False), encoding="utf-8")
        out["file"] = f"benchmarks/profiles/{file}"
    return out


def need_bench_extra() -> None:
    """A full run profiles and plots: say so in one line when the bench extra is missing."""
    import importlib.util

    missing = [m for m in ("pyinstrument", "matplotlib") if importlib.util.find_spec(m) is None]
    if missing:
        raise SystemExit(
            f"a full benchmark run needs {', '.join(missing)}: pip install -e '.[bench]' (or use --quick)"
        )
