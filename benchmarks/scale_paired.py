"""Search latency of two checkouts of newsbot, paired: `benchmarks.scale`'s queries on copies of one archive.

    python -m benchmarks.scale_paired --old CHECKOUT --new CHECKOUT --archive DB [--rounds 3]
                                      [--queries-per-class 25] [--reps 3]

`DB` is a newsbot database (e.g. one `benchmarks.scale` run left, or one built by `--build`). Each
checkout gets its own copy of it (``DB.<label>`` beside the path as given, not where a symbolic link to it
leads: that may be a cache other runs share), so the newer code's migrations never touch the database the
older code opens; build the archive with the older checkout. A copy is reused while its schema version is
the one its checkout's code migrates to, and made again otherwise (one the newer code migrated would
break the older code's next run). In
each round the two checkouts run in turn, in separate processes, the first of the two alternating from
round to round. A process opens its copy with its own checkout's code (`PYTHONPATH` = the checkout) and
times `Searcher(db).search(text, limit=10)` over the queries of `benchmarks.scale.make_queries`: each
query once to warm up, then `--reps` timed runs, as `benchmarks.scale.time_queries` does. The timing code
is this file's, the same for both checkouts.

Per round and checkout it reports p50/p99 over every run (all queries, and per class), and the ratio
new ÷ old of the same round, so a comparison holds when the shared machine's speed drifts between rounds.
It also checks whether the two checkouts return the same ids on the first page of each query.
Results go to ``DB.paired.json``, a table to stdout.

    python -m benchmarks.scale_paired --build 20k,100k --into DIR --old CHECKOUT

builds ``DIR/20k/newsbot.db`` and ``DIR/100k/newsbot.db``, the first 20,000 and 100,000 articles of
`benchmarks.scale`, with the old checkout's ingest (one archive growing, copied at each size).
"""

from __future__ import annotations

import argparse
import json
import os
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve()


def percentile(values: list[float], p: float) -> float:
    """The same nearest-rank percentile as `benchmarks.scale.percentile`."""
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


# ---------------------------------------------------------------- in the checkout's process


def child_time(db_path: Path, per_class: int, reps: int) -> dict[str, Any]:
    """Time every query of `benchmarks.scale` on `db_path` with this process's newsbot (its `PYTHONPATH`)."""
    from benchmarks.scale import _base_records, make_queries
    from storage.database.connection import open_db
    from storage.search.engine import Searcher

    queries = make_queries(_base_records(), per_class)
    db = open_db(db_path)
    searcher = Searcher(db)
    out = []
    for q in queries:
        resp = searcher.search(q["text"], limit=10)
        out.append(
            {"cls": q["cls"], "text": q["text"], "total": resp.total, "ids": [h.id for h in resp.hits]}
        )
    for k in range(reps):
        # Alternate the order of the queries between runs so no query always follows the same one.
        order = range(len(queries)) if k % 2 == 0 else range(len(queries) - 1, -1, -1)
        for i in order:
            t0, c0 = time.perf_counter(), time.thread_time()
            searcher.search(queries[i]["text"], limit=10)
            out[i].setdefault("ms", []).append((time.perf_counter() - t0) * 1000)
            out[i].setdefault("cpu_ms", []).append((time.thread_time() - c0) * 1000)
    db.close()
    return {"queries": out, "load_avg_1m": os.getloadavg()[0]}


# ---------------------------------------------------------------- in the driver


def summarise(run: dict[str, Any], key: str = "ms") -> dict[str, Any]:
    """p50/p99 over every run, overall, and p50/p95/p99 per class: of wall time (`key` "ms") or of the CPU time of
    the searching thread ("cpu_ms", which other processes on the machine move less)."""
    by_class: dict[str, list[float]] = {}
    for q in run["queries"]:
        by_class.setdefault(q["cls"], []).extend(q[key])
    every = [x for xs in by_class.values() for x in xs]
    return {
        "p50": percentile(every, 50),
        "p99": percentile(every, 99),
        "classes": {
            c: {"p50": percentile(v, 50), "p95": percentile(v, 95), "p99": percentile(v, 99)}
            for c, v in by_class.items()
        },
    }


def run_checkout(checkout: Path, db_path: Path, per_class: int, reps: int) -> dict[str, Any]:
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    cmd = [sys.executable, str(HERE), "--child", str(db_path), "--queries-per-class", str(per_class)]
    cmd += ["--reps", str(reps)]
    proc = subprocess.run(cmd, cwd=checkout, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{checkout} failed:\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout)


def commit_of(checkout: Path) -> str | None:
    """The commit a checkout is at (None outside git)."""
    proc = subprocess.run(["git", "-C", str(checkout), "rev-parse", "HEAD"], capture_output=True, text=True)
    return proc.stdout.strip() or None


def expected_version(checkout: Path) -> int:
    """The schema version `checkout`'s code migrates a database to (asked of a process running it)."""
    env = {**os.environ, "PYTHONPATH": str(checkout)}
    cmd = [sys.executable, str(HERE), "--schema-version"]
    proc = subprocess.run(cmd, cwd=checkout, env=env, capture_output=True, text=True)
    if proc.returncode:
        raise SystemExit(f"{checkout} failed:\n{proc.stderr[-3000:]}")
    return int(proc.stdout)


def file_version(path: Path) -> int:
    """The schema version of the SQLite file at `path` (its ``PRAGMA user_version``), read only."""
    conn = sqlite3.connect(f"{path.absolute().as_uri()}?mode=ro", uri=True)
    try:
        return int(conn.execute("PRAGMA user_version").fetchone()[0])
    finally:
        conn.close()


def copy_for(archive: Path, label: str, version: int) -> Path:
    """The copy of the archive for the checkout `label` whose code migrates to `version`: beside the
    archive's path as given (a symbolic link is not followed), reused while at `version`, else made
    again (`copy_database`: what a WAL file beside the archive holds is copied too)."""
    copy = archive.with_name(f"{archive.name}.{label}")
    if copy.exists() and file_version(copy) == version:
        return copy
    if file_version(archive) > version:
        raise SystemExit(f"{archive} is newer than the {label} checkout's code: build it with the older one")
    tmp = copy.with_name(copy.name + ".tmp")
    remove_database(tmp)
    copy_database(archive, tmp)
    remove_database(copy)
    os.replace(tmp, copy)
    return copy


def copy_database(source: Path, target: Path) -> None:
    """Copy the SQLite database at `source` into a new file at `target` with SQLite's backup API: one
    consistent snapshot, pages still in the source's WAL file included (a byte copy of the main file
    would miss them, and a read-only open leaves an empty WAL file beside it)."""
    src = sqlite3.connect(f"{source.absolute().as_uri()}?mode=ro", uri=True)
    dst = sqlite3.connect(target)
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()


def remove_database(path: Path) -> None:
    """Delete the SQLite file at `path` and its WAL and shared-memory files, those that exist (so a WAL
    file left by an earlier copy is never read as part of a new one)."""
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)


def copies_for(archive: Path, checkouts: dict[str, Path]) -> dict[str, Path]:
    """Each checkout's copy of the archive (`copy_for`), by label."""
    return {label: copy_for(archive, label, expected_version(path)) for label, path in checkouts.items()}


def paired(old: Path, new: Path, archive: Path, *, rounds: int, per_class: int, reps: int) -> dict[str, Any]:
    checkouts = {"old": old, "new": new}
    copies = copies_for(archive, checkouts)
    result: dict[str, Any] = {
        "archive": str(archive),
        "checkouts": {k: str(v) for k, v in checkouts.items()},
        "commits": {k: commit_of(v) for k, v in checkouts.items()},
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "rounds": [],
    }
    ids: dict[str, list[list[int]]] = {}
    for r in range(rounds):
        order = ["old", "new"] if r % 2 == 0 else ["new", "old"]
        this: dict[str, Any] = {}
        for label in order:
            run = run_checkout(checkouts[label], copies[label], per_class, reps)
            ids[label] = [q["ids"] for q in run["queries"]]
            this[label] = {
                **summarise(run),
                "cpu": summarise(run, "cpu_ms"),
                "load_avg_1m": run["load_avg_1m"],
            }
            # Each query's fastest run this round (wall, CPU): for finding which queries moved.
            result.setdefault("fastest", {}).setdefault(label, []).append(
                [[min(q["ms"]), min(q["cpu_ms"])] for q in run["queries"]]
            )
            if r == 0:
                result.setdefault("queries", {})[label] = [
                    {k: q[k] for k in ("cls", "text", "total", "ids")} for q in run["queries"]
                ]
            print(
                f"[{time.strftime('%H:%M:%S')}] round {r + 1} {label}: "
                f"p50 {this[label]['p50']:.2f} p99 {this[label]['p99']:.2f} ms, "
                f"question p99 {this[label]['classes']['question']['p99']:.2f}",
                file=sys.stderr,
                flush=True,
            )
        result["rounds"].append(this)
    result["same_first_page"] = sum(a == b for a, b in zip(ids["old"], ids["new"], strict=True))
    result["queries_compared"] = len(ids["old"])
    result["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    return result


def format_table(result: dict[str, Any], key: str | None = None) -> str:
    """Per round: old and new p50/p99 (all queries) and p99 per class, with new ÷ old; then the median
    and range of each over the rounds. Wall time, or with `key` "cpu" the searching thread's CPU time."""
    rounds = [{k: r[k][key] if key else r[k] for k in ("old", "new")} for r in result["rounds"]]
    classes = sorted(rounds[0]["old"]["classes"])
    head = ["p50", "p99", *(f"{c} p99" for c in classes)]

    def figures(s: dict[str, Any]) -> list[float]:
        return [s["p50"], s["p99"], *(s["classes"][c]["p99"] for c in classes)]

    lines = [
        "| round | code | " + " | ".join(head) + " |",
        "|---|---|" + "---|" * len(head),
    ]
    ratios = []
    for k, r in enumerate(rounds, 1):
        old, new = figures(r["old"]), figures(r["new"])
        ratio = [n / o if o else float("nan") for n, o in zip(new, old, strict=True)]
        ratios.append(ratio)
        lines.append(f"| {k} | old | " + " | ".join(f"{x:.2f}" for x in old) + " |")
        lines.append(f"| {k} | new | " + " | ".join(f"{x:.2f}" for x in new) + " |")
        lines.append(f"| {k} | new ÷ old | " + " | ".join(f"{x:.2f}" for x in ratio) + " |")
    for label in ("old", "new"):
        cols = list(zip(*(figures(r[label]) for r in rounds), strict=True))
        lines.append(
            f"| median (range) | {label} | "
            + " | ".join(f"{statistics.median(c):.2f} ({min(c):.2f}-{max(c):.2f})" for c in cols)
            + " |"
        )
    cols = list(zip(*ratios, strict=True))
    lines.append(
        "| median (range) | new ÷ old | "
        + " | ".join(f"{statistics.median(c):.2f} ({min(c):.2f}-{max(c):.2f})" for c in cols)
        + " |"
    )
    lines.append("")
    lines.append(
        f"Same first page (ids) old and new: {result['same_first_page']} of {result['queries_compared']} queries."
    )
    return "\n".join(lines)


def build(old: Path, into: Path, sizes: list[str]) -> None:
    """Archives of the first N articles of `benchmarks.scale` for each size (``20k``, ``100k``), ingested
    by `old`'s code, at ``into/<size>/newsbot.db``: each a copy of the one before it plus the articles
    it adds (one archive growing, as `benchmarks.scale` grows it), the WAL checkpointed into the file."""
    code = (
        "import sys; from pathlib import Path;"
        "from benchmarks.scale import Newsbot, shard_paths, _base_records;"
        "nb = Newsbot(Path(sys.argv[1])); nb.ingest(shard_paths(int(sys.argv[2]), int(sys.argv[3]), _base_records()));"
        "nb.size(); nb.close()"
    )
    from benchmarks.scale import parse_size

    env = {**os.environ, "PYTHONPATH": str(old)}
    have, previous = 0, None
    for label in sorted(sizes, key=parse_size):
        n = parse_size(label)
        target = into / label / "newsbot.db"
        target.parent.mkdir(parents=True, exist_ok=True)
        if previous is not None:
            remove_database(target)
            copy_database(previous, target)
        started = time.perf_counter()
        cmd = [sys.executable, "-c", code, str(target), str(have), str(n)]
        subprocess.run(cmd, cwd=old, env=env, check=True)
        print(
            f"{label}: {n - have:,} articles ingested in {time.perf_counter() - started:.0f} s",
            file=sys.stderr,
        )
        have, previous = n, target


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(
        prog="python -m benchmarks.scale_paired", description=__doc__.split("\n\n")[0]
    )
    ap.add_argument("--old", type=Path, help="the checkout measured first in odd rounds (and building)")
    ap.add_argument("--new", type=Path, default=HERE.parent.parent, help="default: this checkout")
    ap.add_argument("--archive", type=Path, help="the newsbot database to copy (required)")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--queries-per-class", type=int, default=25)
    ap.add_argument("--reps", type=int, default=3, help="timed runs of each query per round")
    ap.add_argument("--build", metavar="SIZES", help="build archives of these sizes (20k,100k) with --old")
    ap.add_argument("--into", type=Path, help="with --build: the directory of the archives")
    ap.add_argument("--child", type=Path, help=argparse.SUPPRESS)
    ap.add_argument("--schema-version", action="store_true", help=argparse.SUPPRESS)
    args = ap.parse_args(argv)
    if args.schema_version:  # in a checkout's process: the version its code migrates to
        from storage.database.connection import latest_version

        print(latest_version())
        return
    if args.child:
        print(json.dumps(child_time(args.child, args.queries_per_class, args.reps), ensure_ascii=False))
        return
    if args.old is None:
        ap.error("--old is required")
    if args.build:
        if args.into is None:
            ap.error("--build needs --into")
        build(args.old.resolve(), args.into.resolve(), args.build.split(","))
        return
    if args.archive is None:
        ap.error("--archive is required")
    result = paired(
        args.old.resolve(),
        args.new.resolve(),
        args.archive.absolute(),  # not resolved: the copies go beside the path given
        rounds=args.rounds,
        per_class=args.queries_per_class,
        reps=args.reps,
    )
    out = args.archive.with_name(args.archive.name + ".paired.json")
    out.write_text(json.dumps(result, indent=1, ensure_ascii=False), encoding="utf-8")
    print("Wall time (ms):\n")
    print(format_table(result))
    print("\nCPU time of the searching thread (ms):\n")
    print(format_table(result, "cpu"))
    print(f"written {out}")


if __name__ == "__main__":
    if sys.path and Path(sys.path[0]).resolve() == HERE.parent:
        sys.path.pop(0)  # run by path (--child): import benchmarks and storage from PYTHONPATH's checkout
    main()
