"""PostgreSQL and SQLite side by side (issue 23): the same articles in both backends, the same queries,
first results compared and latency measured.

    python -m benchmarks.backends [--postgres URL] [--real 2446] [--sizes 20k,100k] [--queries-per-class 10]
                                  [--reuse]

1. **Agreement on real text**: the seed page plus `--real` real articles (`--source`: the latest CCTV
   stories of `benchmarks.realnews`, or the first People's Daily articles of 2020 of
   `benchmarks.peopledaily`: text nobody here wrote) ingested into an SQLite file and a PostgreSQL database
   through `storage.ingest.pipeline.ingest_paths`; then the 47 judged seed queries of
   `tests/test_search_quality.py` and queries drawn from the stories (their most widespread words, title
   words, two words, dates, questions), each searched on both: how many give a different first result,
   and how many a different first page.
2. **Latency at size**: the archive of `benchmarks.scale` (its generated articles and queries) grown to each
   of `--sizes` in both backends; p50/p99 of `Searcher.search(q, limit=10)` per backend, every query
   once to warm up and then `--reps` timed runs (`benchmarks.scale.time_queries`).

Without `--postgres` (or ``NEWSBOT_DATABASE_URL``) a PostgreSQL server is started for the run in a temporary
directory (`tests.postgres_support`). Results go to `benchmarks/.cache/backends/results-HHMMSS.json` and stdout.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import random
import sys
import time
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.scale import (
    CACHE,
    SHARD,
    _base_records,
    log,
    make_queries,
    parse_size,
    shard_paths,
    time_queries,
)

WORKDIR = CACHE / "backends"
TODAY = date(2026, 12, 5)


@contextlib.contextmanager
def postgres_server_url(url: str | None) -> Iterator[str]:
    """The server to use: the one given, or one started for the run."""
    if url:
        yield url
        return
    from tests.postgres_support import postgres_server

    with postgres_server() as server:
        if isinstance(server, str) or server is None:
            raise SystemExit(f"no PostgreSQL server: {server}")
        yield server.url()


def database_url(server_url: str, name: str, *, fresh: bool) -> str:
    """The URL of database `name` on the server: created empty when `fresh`, else kept if it exists."""
    import psycopg

    with psycopg.connect(server_url, autocommit=True) as conn:
        exists = conn.execute("SELECT 1 FROM pg_database WHERE datname = %s", [name]).fetchone()
        if fresh and exists:
            conn.execute(f"DROP DATABASE {name}")
        if fresh or not exists:
            conn.execute(f"CREATE DATABASE {name}")
    return server_url.rsplit("/", 1)[0] + "/" + name


def open_pair(server_url: str, label: str, *, fresh: bool = True) -> dict[str, Any]:
    """An SQLite file and a PostgreSQL database, opened: empty when `fresh`, else as a run left them."""
    from storage.database.access import Database

    WORKDIR.mkdir(parents=True, exist_ok=True)
    path = WORKDIR / f"{label}.db"
    if fresh:
        for old in WORKDIR.glob(f"{label}.db*"):
            old.unlink()
    return {
        "sqlite": Database.open(str(path)),
        "postgresql": Database.open(database_url(server_url, f"newsbot_bench_{label}", fresh=fresh)),
    }


def stored(database: Any) -> int:
    return int(database.read(lambda db: db.execute("SELECT count(*) FROM articles").fetchone()[0]))


def ingest(databases: dict[str, Any], paths: Sequence[Path]) -> dict[str, float]:
    """Ingest the files into every backend; seconds each took."""
    from storage.ingest.pipeline import ingest_paths

    took = {}
    for name, database in databases.items():
        started = time.perf_counter()
        report = ingest_paths(database, list(paths))
        if report.failed:
            raise RuntimeError(f"{name}: ingest failed: {report.errors[:3]}")
        took[name] = time.perf_counter() - started
    return took


# ---------------------------------------------------------------- agreement on real text


def real_files(count: int, source: str) -> tuple[list[Path], list[Any]]:
    """JSON Lines files of `count` real articles, and the articles: the latest CCTV stories
    (`benchmarks.realnews`), or the first People's Daily articles of 2020 (`benchmarks.peopledaily`)."""
    if source == "peopledaily":
        from benchmarks.peopledaily import load_articles

        stories: list[Any] = sorted((a for a in load_articles() if a.date >= "2020"), key=lambda a: a.key)[
            :count
        ]
    else:
        from benchmarks.realnews import load_stories

        stories = sorted(load_stories(), key=lambda s: s.date)[-count:]
    WORKDIR.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(0, len(stories), SHARD):
        path = WORKDIR / f"{source}-{k // SHARD:03d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for st in stories[k : k + SHARD]:
                rec = {
                    "title": st.title,
                    "paragraphs": st.paragraphs,
                    "date": st.date,
                    "url": getattr(st, "url", None),
                }
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        paths.append(path)
    return paths, stories


def real_queries(stories: Sequence[Any], per_class: int) -> list[str]:
    """Queries drawn from the stories, as `benchmarks.scale.real_news` draws them."""
    from storage.text.segment import cut, han_words

    rng = random.Random(3)
    df: dict[str, int] = {}
    for st in rng.sample(list(stories), min(1000, len(stories))):
        for w in set(han_words(cut(st.title + st.body))):
            df[w] = df.get(w, 0) + 1
    common = [w for w, _ in sorted(df.items(), key=lambda x: (-x[1], x[0])) if len(w) == 2][:per_class]
    titles = [
        w for st in rng.sample(list(stories), per_class * 3) for w in han_words(cut(st.title)) if len(w) >= 3
    ]
    titles = list(dict.fromkeys(titles))
    out = list(common) + titles[:per_class]
    out += [f"{a} {b}" for a, b in zip(titles[per_class:], common, strict=False)]
    for st in rng.sample(list(stories), per_class):
        y, m, d = (int(x) for x in st.date.split("-"))
        out.append(f"{y}年{m}月{d}日" if d % 2 else f"{m}月 {common[d % len(common)]}")
    out += [f"{w}有什么新进展？" for w in titles[: per_class // 2]]
    out += [f"{w}是什么时候召开的" for w in titles[per_class // 2 : per_class]]
    return out


def agreement(server_url: str, count: int, per_class: int, source: str = "cctv") -> dict[str, Any]:
    from storage.search.engine import Searcher
    from tests.search_support import SEED
    from tests.test_search_quality import JUDGED

    paths, stories = real_files(count, source)
    databases = open_pair(server_url, "real")
    took = ingest(databases, [SEED, *paths])
    queries = [*JUDGED, *real_queries(stories, per_class)]
    searchers = {name: Searcher(reader=d.reader) for name, d in databases.items()}
    first_differs, page_differs, empty = [], [], 0
    for q in queries:
        pages = {
            name: [h.id for h in s.search(q, today=TODAY, limit=10).hits] for name, s in searchers.items()
        }
        if not pages["sqlite"] and not pages["postgresql"]:
            empty += 1
        if pages["sqlite"][:1] != pages["postgresql"][:1]:
            first_differs.append(q)
        if pages["sqlite"] != pages["postgresql"]:
            page_differs.append(q)
    for database in databases.values():
        database.close()
    return {
        "source": source,
        "articles": count + 6,
        "queries": len(queries),
        "judged_seed_queries": len(JUDGED),
        "found_nothing_on_both": empty,
        "first_result_differs": first_differs,
        "first_page_differs": page_differs,
        "ingest_s": took,
    }


# ---------------------------------------------------------------- latency at size


def latency(
    server_url: str,
    sizes: Sequence[int],
    per_class: int,
    reps: int,
    *,
    reuse: bool = False,
    label: str = "scale",
) -> list[dict[str, Any]]:
    """p50/p99 on both backends at each size; `reuse`: grow the archives a previous run left (named
    `label`), so that a later run measures them again without ingesting."""
    from storage.search.engine import Searcher

    base = _base_records()
    queries = make_queries(base, per_class)
    databases = open_pair(server_url, label, fresh=not reuse)
    steps = []
    for size in sizes:
        log(f"growing both archives to {size} articles")
        took = {}
        for name, database in databases.items():
            have = stored(database)
            if have > size:
                raise SystemExit(f"{name} holds {have} articles, more than {size}: run without --reuse")
            took[name] = ingest({name: database}, shard_paths(have, size, base))[name] if have < size else 0.0
        step: dict[str, Any] = {"articles": size, "ingest_s": took, "queries": len(queries)}
        for name, database in databases.items():
            searcher = Searcher(reader=database.reader)

            def search(q: dict[str, Any], searcher: Searcher = searcher) -> tuple[int, int]:
                resp = searcher.search(q["text"], limit=10)
                return resp.total, len(resp.hits)

            log(f"{size}: timing {name}")
            step[name] = time_queries(search, queries, reps)
        steps.append(step)
        print(format_step(step), flush=True)
    for database in databases.values():
        database.close()
    return steps


def format_step(step: dict[str, Any]) -> str:
    lines = [f"{step['articles']:,} articles ({step['queries']} queries × reps):"]
    for name in ("sqlite", "postgresql"):
        s = step[name]
        worst = max(s["classes"].items(), key=lambda kv: kv[1]["p99"])
        lines.append(
            f"  {name:<10} p50 {s['p50']:7.2f} ms  p99 {s['p99']:8.2f} ms  "
            f"(slowest class {worst[0]}: p99 {worst[1]['p99']:.1f} ms)  ingest {step['ingest_s'][name]:.0f} s"
        )
    ratio = step["postgresql"]["p99"] / step["sqlite"]["p99"]
    lines.append(f"  PostgreSQL p99 / SQLite p99 = {ratio:.2f}")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.backends", description=__doc__.split("\n\n")[0])
    ap.add_argument("--postgres", default=os.environ.get("NEWSBOT_DATABASE_URL"), help="a server URL")
    ap.add_argument("--real", type=int, default=2446, help="real articles for the agreement check (0: skip)")
    ap.add_argument("--source", choices=("cctv", "peopledaily"), default="cctv", help="where they come from")
    ap.add_argument("--sizes", default="20k,100k", help="archive sizes for latency ('' to skip)")
    ap.add_argument("--queries-per-class", type=int, default=10)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="grow the archives of the last run, not new ones")
    ap.add_argument("--label", default="scale", help="name of the archives (file and database)")
    args = ap.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    results: dict[str, Any] = {}
    with postgres_server_url(args.postgres) as server_url:
        if args.real:
            found = agreement(server_url, args.real, args.queries_per_class, args.source)
            results["agreement"] = found
            print(
                f"{found['source']}: {found['articles']:,} articles, {found['queries']} queries ({found['judged_seed_queries']} judged): "
                f"first result differs for {len(found['first_result_differs'])}, "
                f"first page for {len(found['first_page_differs'])}"
            )
            for q in found["first_result_differs"]:
                print(f"  first result differs: {q}")
        if sizes:
            results["latency"] = latency(
                server_url, sizes, args.queries_per_class, args.reps, reuse=args.reuse, label=args.label
            )
    WORKDIR.mkdir(parents=True, exist_ok=True)
    (WORKDIR / f"results-{time.strftime('%H%M%S')}.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
