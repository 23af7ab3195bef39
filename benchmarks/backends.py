"""PostgreSQL and SQLite side by side (issue 23): the same articles in both backends, the same queries,
first results compared, ingest rate and search latency measured, replies timed while news arrives.

    python -m benchmarks.backends [--quick] [--postgres URL] [--real 2446] [--sizes 20k,100k]
                                  [--queries-per-class 10] [--reuse] [--no-replies]

1. **Agreement on real text**: the seed page plus `--real` real articles (`--source`: the latest CCTV
   stories of `benchmarks.realnews`, or the first People's Daily articles of 2020 of
   `benchmarks.peopledaily`: text nobody here wrote) ingested into an SQLite file and a PostgreSQL database
   through `storage.ingest.pipeline.ingest_paths`; then the 47 judged seed queries of
   `tests/test_search_quality.py` and queries drawn from the stories (their most widespread words, title
   words, two words, dates, questions), each searched on both: how many give a different first result,
   and how many a different first page.
2. **Latency at size**: the archive of `benchmarks.scale` (its generated articles and queries) grown to each
   of `--sizes` in both backends: the ingest rate of each step (articles per second through
   `ingest_paths`, one backend after the other), and p50/p99 of `Searcher.search(q, limit=10)` per
   backend, every query once to warm up and then `--reps` timed runs (`benchmarks.scale.time_queries`).
3. **Replies while news arrives**: the scenario of `benchmarks.contention` (issue 10: `newsbot serve`
   answering a dozen readers while `newsbot ingest` stores an archive in another process and a file
   lands in the inbox), once on an SQLite file and once on a PostgreSQL database: reply p50/p99 before
   and during the load on each.

`--quick` is the smoke run of `python -m benchmarks --quick`: 1,000 generated articles, 2 queries per class,
one timed run, and the replies scenario on a small synthetic archive; nothing needs a corpus, and where
no PostgreSQL server can be started it is skipped, saying why. The full run skips the parts that need the
real news corpus when it is absent, saying so.

Without `--postgres` (or ``NEWSBOT_DATABASE_URL``) a PostgreSQL server is started for the run in a temporary
directory (`tests.postgres_support`). Results go to `benchmarks/.cache/backends/results-HHMMSS.json`
(`.cache/quick/backends/` for `--quick`; `--workdir` elsewhere) and stdout.
"""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
import os
import random
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator, Sequence
from datetime import date
from pathlib import Path
from typing import Any

from benchmarks.contention import FULL as FULL_REPLIES
from benchmarks.contention import Sizes, real_records, synthetic_records
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
QUICK_WORKDIR = CACHE / "quick" / "backends"
TODAY = date(2026, 12, 5)
BACKENDS = ("sqlite", "postgresql")
QUICK_SIZE = 1000
QUICK_REPLIES = Sizes(base=50, archive=600, inbox=200, readers=12, warmup=1.0, reply_timeout=30.0)


class NoServer(Exception):
    """No PostgreSQL server was given and none could be started; the message says why."""


@contextlib.contextmanager
def postgres_server_url(url: str | None) -> Iterator[str]:
    """The server to use: the one given, or one started for the run (`NoServer` when it cannot be)."""
    if url:
        yield url
        return
    from tests.postgres_support import postgres_server

    with postgres_server() as server:
        if isinstance(server, str) or server is None:
            raise NoServer(f"no PostgreSQL server: {server}")
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


def open_pair(server_url: str, label: str, workdir: Path, *, fresh: bool = True) -> dict[str, Any]:
    """An SQLite file in `workdir` and a PostgreSQL database, opened: empty when `fresh`, else as a run
    left them."""
    from storage.database.access import Database

    workdir.mkdir(parents=True, exist_ok=True)
    path = workdir / f"{label}.db"
    if fresh:
        for old in workdir.glob(f"{label}.db*"):
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


def real_files(count: int, source: str, workdir: Path) -> tuple[list[Path], list[Any]]:
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
    workdir.mkdir(parents=True, exist_ok=True)
    paths = []
    for k in range(0, len(stories), SHARD):
        path = workdir / f"{source}-{k // SHARD:03d}.jsonl"
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


def agreement(
    server_url: str, count: int, per_class: int, source: str = "cctv", workdir: Path = WORKDIR
) -> dict[str, Any]:
    from storage.search.engine import Searcher
    from tests.search_support import SEED
    from tests.test_search_quality import JUDGED

    paths, stories = real_files(count, source, workdir)
    databases = open_pair(server_url, "real", workdir)
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
    workdir: Path = WORKDIR,
    base: Sequence[dict[str, str]] | None = None,
) -> list[dict[str, Any]]:
    """Ingest rate and p50/p99 on both backends at each size; `reuse`: grow the archives a previous run
    left (named `label`), so that a later run measures them again without ingesting. `base`: the
    generated articles the archive recombines (default `benchmarks.scale`'s 20,000)."""
    from storage.search.engine import Searcher

    base = _base_records() if base is None else base
    queries = make_queries(base, per_class)
    databases = open_pair(server_url, label, workdir, fresh=not reuse)
    steps = []
    for size in sizes:
        log(f"growing both archives to {size} articles")
        took, added = {}, {}
        for name, database in databases.items():
            have = stored(database)
            if have > size:
                raise SystemExit(f"{name} holds {have} articles, more than {size}: run without --reuse")
            took[name] = ingest({name: database}, shard_paths(have, size, base))[name] if have < size else 0.0
            added[name] = size - have
        step: dict[str, Any] = {
            "articles": size,
            "ingested": added,
            "ingest_s": took,
            "ingest_per_s": {n: added[n] / took[n] if took[n] else None for n in databases},
            "queries": len(queries),
        }
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


def format_ingest(step: dict[str, Any]) -> str:
    """One backend's ingest of a step, as "80,000 articles in 562 s: 142/s" (pure)."""
    added, took = step["ingested"], step["ingest_s"]
    return "  ".join(
        f"{name} {added[name]:,} in {took[name]:.0f} s: {added[name] / took[name]:,.0f}/s"
        if took[name]
        else f"{name} nothing to ingest"
        for name in BACKENDS
    )


def format_step(step: dict[str, Any]) -> str:
    """A size's figures for the terminal (pure)."""
    lines = [f"{step['articles']:,} articles ({step['queries']} queries × reps):"]
    for name in BACKENDS:
        s = step[name]
        worst = max(s["classes"].items(), key=lambda kv: kv[1]["p99"])
        lines.append(
            f"  {name:<10} search p50 {s['p50']:7.2f} ms  p99 {s['p99']:8.2f} ms  "
            f"(slowest class {worst[0]}: p99 {worst[1]['p99']:.1f} ms)"
        )
    ratio = step["postgresql"]["p99"] / step["sqlite"]["p99"]
    lines.append(f"  PostgreSQL p99 / SQLite p99 = {ratio:.2f}")
    lines.append(f"  ingest: {format_ingest(step)}")
    return "\n".join(lines)


# ---------------------------------------------------------------- replies while news arrives


def replies(server_url: str, sizes: Sizes, records: Any) -> dict[str, dict[str, Any]]:
    """`benchmarks.contention`'s scenario on an SQLite file, then on an empty PostgreSQL database:
    each backend's figures (`contention.Result.as_dict`)."""
    from benchmarks.contention import run_scenario
    from tests.telegram_emulator import TelegramEmulator

    found = {}
    for name in BACKENDS:
        url = database_url(server_url, "newsbot_bench_replies", fresh=True) if name == "postgresql" else None
        work = Path(tempfile.mkdtemp(prefix=f"newsbot-replies-{name}-"))
        log(f"replies while news arrives: {name}")
        try:
            with TelegramEmulator() as emu:
                result = asyncio.run(
                    run_scenario(emu, work, sizes, records=records, say=log, database_url=url)
                )
        finally:
            shutil.rmtree(work, ignore_errors=True)
        found[name] = result.as_dict()
    return found


def format_replies(found: dict[str, dict[str, Any]]) -> str:
    """Reply p50/p99 before and during the load on each backend (pure)."""
    sizes = next(iter(found.values()))["sizes"]
    lines = [
        f"replies while news arrives ({sizes['readers']} readers; seeds + {sizes['base']:,} stories, then "
        f"{sizes['archive']:,} by `newsbot ingest` and {sizes['inbox']:,} into the inbox):"
    ]
    for name, r in found.items():
        phases = []
        for phase in ("before", "during"):
            s = r[phase]
            phases.append(
                f"{phase} p50 {s['p50']:.3f} s p99 {s['p99']:.3f} s ({s['replies']} replies, "
                f"{s['slow']} slow, {s['busy'] + s['errors'] + s['lost']} try-again/error/none)"
                if s.get("replies")
                else f"{phase}: no replies"
            )
        lines.append(f"  {name:<10} " + "; ".join(phases))
        lines.append(
            f"  {'':<10} load {r['load_seconds']:.1f} s (ingest exit {r['ingest_returncode']}, inbox "
            f"{r['inbox']}), articles lost {r['articles_lost']}, subscriptions lost {r['subscriptions_lost']}"
        )
    return "\n".join(lines)


def corpus_missing(source: str) -> str | None:
    """Why the real text of `source` cannot be read here, or None when it can."""
    from benchmarks import peopledaily, realnews

    module = peopledaily if source == "peopledaily" else realnews
    if module.CACHE_FILE.exists() or os.environ.get(module.ENV):
        return None
    return f"the {source} corpus is not cached (set {module.ENV}; see {module.__name__})"


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.backends", description=__doc__.split("\n\n")[0])
    ap.add_argument(
        "--quick", action="store_true", help="the smoke run: 1k generated articles, small replies"
    )
    ap.add_argument("--postgres", default=os.environ.get("NEWSBOT_DATABASE_URL"), help="a server URL")
    ap.add_argument("--real", type=int, default=2446, help="real articles for the agreement check (0: skip)")
    ap.add_argument("--source", choices=("cctv", "peopledaily"), default="cctv", help="where they come from")
    ap.add_argument("--sizes", default="20k,100k", help="archive sizes for latency ('' to skip)")
    ap.add_argument("--queries-per-class", type=int, default=10)
    ap.add_argument("--reps", type=int, default=3)
    ap.add_argument("--reuse", action="store_true", help="grow the archives of the last run, not new ones")
    ap.add_argument("--label", default="scale", help="name of the archives (file and database)")
    ap.add_argument("--no-replies", dest="replies", action="store_false", help="skip the replies scenario")
    ap.add_argument("--workdir", type=Path, help="where the archives and results go")
    args = ap.parse_args(argv)
    sizes = [parse_size(s) for s in args.sizes.split(",") if s.strip()]
    workdir = args.workdir or WORKDIR
    base: list[dict[str, str]] | None = None
    reply_sizes, reply_records = FULL_REPLIES, real_records
    if args.quick:
        from benchmarks.corpus import corpus_paths, read_records

        workdir = args.workdir or QUICK_WORKDIR
        sizes, base = [QUICK_SIZE], list(read_records(corpus_paths(QUICK_SIZE, log=log)))
        args.real, args.queries_per_class, args.reps, args.label = 0, 2, 1, "quick"
        reply_sizes, reply_records = QUICK_REPLIES, synthetic_records
    results: dict[str, Any] = {}
    try:
        with postgres_server_url(args.postgres) as server_url:
            missing = corpus_missing(args.source) if args.real else None
            if missing:
                log(f"agreement on real text skipped: {missing}")
            elif args.real:
                found = agreement(server_url, args.real, args.queries_per_class, args.source, workdir)
                results["agreement"] = found
                print(
                    f"{found['source']}: {found['articles']:,} articles, {found['queries']} queries "
                    f"({found['judged_seed_queries']} judged): "
                    f"first result differs for {len(found['first_result_differs'])}, "
                    f"first page for {len(found['first_page_differs'])}"
                )
                for q in found["first_result_differs"]:
                    print(f"  first result differs: {q}")
            if sizes:
                results["latency"] = latency(
                    server_url,
                    sizes,
                    args.queries_per_class,
                    args.reps,
                    reuse=args.reuse,
                    label=args.label,
                    workdir=workdir,
                    base=base,
                )
            missing = None if args.quick else corpus_missing("cctv")
            if missing and args.replies:
                log(f"replies while news arrives skipped: {missing}")
            elif args.replies:
                results["replies"] = replies(server_url, reply_sizes, reply_records)
                print(format_replies(results["replies"]), flush=True)
    except NoServer as exc:
        if args.quick:
            log(f"backends skipped: {exc}")
            return 0
        raise SystemExit(str(exc)) from exc
    workdir.mkdir(parents=True, exist_ok=True)
    (workdir / f"results-{time.strftime('%H%M%S')}.json").write_text(
        json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
