"""Growth benchmark: ingest, search, memory and size from 1k to 1M articles, against Tantivy and LIKE.

    python -m benchmarks.scale [--quick] [--sizes 1k,10k,100k,1m] [--queries-per-class 25]

One archive grows through the sizes asked (each step ingests only the articles it adds), and at every
size the same queries run, in the same process and the same run, against:

- **newsbot**: `storage.ingest.pipeline.ingest_paths` over JSON Lines files of 1,000 articles (the
  bot's own ingest), then `Searcher(db).search(q, limit=10)`: parsing, FTS5, exact ranking over every
  match, snippets and, for questions, the answer sentence: what the bot does for a message;
- **Tantivy** (the `tantivy` Python binding) over the same jieba tokens (rjieba, as newsbot segments):
  title and body as pre-segmented text, the query's terms as jieba tokens, all required (phrases for
  terms of several tokens), top 10 by BM25 with the match count, stored documents and a body snippet;
- **LIKE**: a plain SQLite table and `LIKE '%term%'` on title or body for every term, newest first,
  with the match count and a `substr` snippet: what a user without a search engine would write.

Per size it reports the ingest rate of the step, p50/p99 search latency per engine (and as ratios),
newsbot's cold start to first answer and peak RSS (a fresh `benchmarks.probe` process), and the database
size against the raw text (title + body, UTF-8). The machine is shared, so besides the wall-clock
ingest rate it reports the rate two idle cores would give, from the CPU time of the writer and of the
worker processes (`idle_rate`). After the largest size, `--late` articles more are
ingested into the full archive (the ingest rate into a large database). Results go to
`benchmarks/scale-results.json`, the tables to stdout, and a plot of cost against size to
`benchmarks/scale.png` when matplotlib is installed.

Articles: the first 20,000 are `benchmarks.corpus`'s generator (so the benchmark queries, derived from
its first shard, behave as in `benchmarks.run`); further ones recombine paragraphs of three of them
under another title and a date anywhere in thirty years, so a million articles take minutes, not
hours, to make and every one has its own text. `--quick` (1k and 3k, a few queries) runs in under a
minute.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import shutil
import statistics
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

from storage.driver import sqlite3

ROOT = Path(__file__).resolve().parent.parent
CACHE = Path(__file__).resolve().parent / ".cache"
SHARDS = CACHE / "scale-v1"
BASE = 20_000  # articles taken as generated; the rest recombine them
SHARD = 1000
FIRST_DAY = date(1996, 1, 1)
DAYS = 30 * 365
RESULTS = Path(__file__).resolve().parent / "scale-results.json"
PLOT = Path(__file__).resolve().parent / "scale.png"


def log(msg: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {msg}", file=sys.stderr, flush=True)


def parse_size(text: str) -> int:
    text = text.strip().lower()
    mult = {"k": 1000, "m": 1_000_000}.get(text[-1:], 1)
    return int(float(text[:-1] if mult > 1 else text) * mult)


def cpu_seconds() -> dict[str, float]:
    """CPU seconds (user + system) of this process and of its finished children (the ingest workers)."""
    me = resource.getrusage(resource.RUSAGE_SELF)
    kids = resource.getrusage(resource.RUSAGE_CHILDREN)
    return {"self": me.ru_utime + me.ru_stime, "children": kids.ru_utime + kids.ru_stime}


def idle_rate(articles: int, cpu: dict[str, float], cores: int = 2) -> float:
    """Articles/s the ingest would reach on `cores` idle cores: bounded by the writer's CPU (one core)
    and by all the CPU shared among the cores. The machine is shared, so wall rates move with the load;
    this figure does not."""
    return articles / max(cpu["self"], (cpu["self"] + cpu["children"]) / cores, 1e-9)


def percentile(values: Sequence[float], p: float) -> float:
    ordered = sorted(values)
    if not ordered:
        return float("nan")
    k = min(len(ordered) - 1, max(0, round(p / 100 * (len(ordered) - 1))))
    return ordered[k]


# ---------------------------------------------------------------- corpus


def _base_records() -> list[dict[str, str]]:
    from benchmarks.corpus import corpus_paths, read_records

    return list(read_records(corpus_paths(BASE, log=log)))


def scale_record(i: int, base: Sequence[dict[str, str]]) -> dict[str, str]:
    """Article `i` of the archive: generated for i < BASE, else three generated articles recombined."""
    if i < len(base):
        return base[i]
    rng = random.Random(f"newsbot-scale:{i}")
    a, b, c = (base[rng.randrange(len(base))] for _ in range(3))
    lead = a["body"].split("\n")[0]
    rest = b["body"].split("\n")[1:] + c["body"].split("\n")[1:]
    rng.shuffle(rest)
    paragraphs = [lead, *rest[: rng.randint(3, 6)]]
    day = FIRST_DAY + timedelta(days=rng.randrange(DAYS))
    return {
        "title": c["title"],
        "body": "\n".join(paragraphs),
        "date": day.isoformat(),
        "source": a["source"],
    }


def shard_paths(start: int, stop: int, base: Sequence[dict[str, str]]) -> list[Path]:
    """JSONL files of articles [start, stop) in shards of `SHARD` (start and stop multiples of it),
    written into the cache where missing."""
    SHARDS.mkdir(parents=True, exist_ok=True)
    paths = []
    for s in range(start // SHARD, (stop + SHARD - 1) // SHARD):
        path = SHARDS / f"part-{s:05d}.jsonl"
        if not path.exists():
            tmp = path.with_suffix(f".{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                for i in range(s * SHARD, min((s + 1) * SHARD, stop)):
                    fh.write(json.dumps(scale_record(i, base), ensure_ascii=False) + "\n")
            os.replace(tmp, path)
        paths.append(path)
    return paths


def read_shards(paths: Sequence[Path]) -> Iterator[dict[str, str]]:
    for path in paths:
        with open(path, encoding="utf-8") as fh:
            for line in fh:
                if line.strip():
                    yield json.loads(line)


# ---------------------------------------------------------------- queries


def make_queries(base: Sequence[dict[str, str]], per_class: int) -> list[dict[str, Any]]:
    """`benchmarks.queries`' classes (common words, rare words, names, two words, phrases, questions,
    off-topic) plus dates: `per_class` of each, as dicts (class, text typed into newsbot, terms for
    the baselines)."""
    from benchmarks.corpus import load_vocabulary
    from benchmarks.queries import derive_queries

    out: list[dict[str, Any]] = [
        {"cls": q.cls, "text": q.text, "terms": list(q.terms)}
        for q in derive_queries(list(base[:SHARD]), load_vocabulary(), per_class=per_class)
    ]
    rng = random.Random(12)
    commons = [str(q["text"]) for q in out if q["cls"] == "common"]
    for k in range(per_class):
        rec = base[rng.randrange(SHARD)]
        y, m, d = (int(x) for x in rec["date"].split("-"))
        if k % 2 == 0:
            text, terms = f"{m}月{d}日", [f"{m}月{d}日"]
        else:
            word = commons[k % len(commons)]
            text, terms = f"{y}年{m}月 {word}", [word]
        out.append({"cls": "date", "text": text, "terms": terms})
    return out


# ---------------------------------------------------------------- engines


class Newsbot:
    def __init__(self, path: Path) -> None:
        from storage.database.connection import open_db
        from storage.search.engine import Searcher

        self.path = path
        self.db = open_db(path)
        self.searcher = Searcher(self.db)

    def ingest(self, paths: Sequence[Path]) -> None:
        from storage.ingest.pipeline import ingest_paths

        report = ingest_paths(self.db, paths)
        if report.failed:
            raise RuntimeError(f"ingest failed: {report.errors[:3]}")

    def search(self, q: dict[str, Any]) -> tuple[int, int]:
        resp = self.searcher.search(q["text"], limit=10)
        return resp.total, len(resp.hits)

    def size(self) -> int:
        """Bytes on disk: the database file and its WAL, after a checkpoint."""
        self.db.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        return sum(p.stat().st_size for p in self.path.parent.glob(self.path.name + "*"))

    def close(self) -> None:
        self.db.close()


class Tantivy:
    """Tantivy over rjieba tokens (title and body, stored), BM25 top 10 with count and a body snippet."""

    def __init__(self, path: Path) -> None:
        import tantivy

        from storage.text.segment import cut

        self._cut = cut
        self._t = tantivy
        path.mkdir(parents=True, exist_ok=True)
        sb = tantivy.SchemaBuilder()
        sb.add_text_field("title", stored=True, tokenizer_name="whitespace")
        sb.add_text_field("body", stored=True, tokenizer_name="whitespace")
        sb.add_text_field("date", stored=True, tokenizer_name="raw")
        self.schema = sb.build()
        self.index = tantivy.Index(self.schema, path=str(path))
        self.path = path

    def _tokens(self, text: str) -> str:
        return " ".join(t for t in self._cut(text) if t.strip())

    def ingest(self, records: Iterator[dict[str, str]]) -> int:
        writer = self.index.writer(heap_size=128_000_000, num_threads=1)
        n = 0
        for r in records:
            writer.add_document(
                self._t.Document(title=self._tokens(r["title"]), body=self._tokens(r["body"]), date=r["date"])
            )
            n += 1
        writer.commit()
        writer.wait_merging_threads()
        self.index.reload()
        return n

    def query(self, terms: Sequence[str]):
        parts = []
        for term in terms:
            toks = [t for t in self._cut(term) if t.strip()]
            toks = [t.replace("\\", "").replace('"', "") for t in toks]
            if toks:
                parts.append('"' + " ".join(toks) + '"' if len(toks) > 1 else f'"{toks[0]}"')
        if not parts:
            return None
        query, _errors = self.index.parse_query_lenient(
            " AND ".join(parts), ["title", "body"], field_boosts={"title": 2.0}
        )
        return query

    def search(self, q: dict[str, Any]) -> tuple[int, int]:
        query = self.query(q["terms"])
        if query is None:
            return 0, 0
        searcher = self.index.searcher()
        result = searcher.search(query, 10, count=True)
        gen = self._t.SnippetGenerator.create(searcher, query, self.schema, "body")
        for _score, address in result.hits:
            doc = searcher.doc(address)
            gen.snippet_from_doc(doc).fragment()
        # `count` is there when searched with count=True; the binding's type stubs leave it out.
        return int(result.count or 0), len(result.hits)  # type: ignore[attr-defined]

    def size(self) -> int:
        return sum(p.stat().st_size for p in self.path.rglob("*") if p.is_file())


class Like:
    """A plain table and LIKE '%term%' on title or body for every term, newest first."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self.conn = sqlite3.connect(path)
        self.conn.execute(
            "CREATE TABLE IF NOT EXISTS docs (id INTEGER PRIMARY KEY, title TEXT, body TEXT, date TEXT)"
        )

    def ingest(self, records: Iterator[dict[str, str]]) -> int:
        rows = [(r["title"], r["body"], r["date"]) for r in records]
        with self.conn:
            self.conn.executemany("INSERT INTO docs (title, body, date) VALUES (?, ?, ?)", rows)
        return len(rows)

    def search(self, q: dict[str, Any]) -> tuple[int, int]:
        terms = q["terms"]
        esc = [t.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") for t in terms]
        where = " AND ".join("(title LIKE ? ESCAPE '\\' OR body LIKE ? ESCAPE '\\')" for _ in terms)
        params: list[str] = [terms[0]]
        for t in esc:
            params += [f"%{t}%", f"%{t}%"]
        rows = self.conn.execute(
            "SELECT id, title, date, substr(body, max(instr(body, ?) - 30, 1), 90), count(*) OVER () "
            f"FROM docs WHERE {where} ORDER BY date DESC LIMIT 10",
            params,
        ).fetchall()
        return (rows[0][4] if rows else 0), len(rows)

    def size(self) -> int:
        return self.path.stat().st_size

    def close(self) -> None:
        self.conn.close()


# ---------------------------------------------------------------- measuring


def time_queries(
    search: Callable[[dict[str, Any]], tuple[int, int]], queries: Sequence[dict[str, Any]], reps: int
) -> dict[str, Any]:
    """Each query once to warm up, then `reps` timed runs: latencies (ms) overall and per class.

    p50/p99 are over every run. The machine is shared, so two load-robust figures come with them:
    `best_*` over each query's fastest run, and `cpu_*` over the CPU time of this thread per run."""
    per_class: dict[str, list[float]] = {}
    best: dict[int, float] = {}
    cpu: list[float] = []
    matches = 0
    for q in queries:
        matches += search(q)[0]
    for _ in range(reps):
        for k, q in enumerate(queries):
            t0, c0 = time.perf_counter(), time.thread_time()
            search(q)
            ms = (time.perf_counter() - t0) * 1000
            cpu.append((time.thread_time() - c0) * 1000)
            per_class.setdefault(q["cls"], []).append(ms)
            best[k] = min(best.get(k, ms), ms)
    every = [x for xs in per_class.values() for x in xs]
    return {
        "p50": percentile(every, 50),
        "p99": percentile(every, 99),
        "best_p50": percentile(list(best.values()), 50),
        "best_p99": percentile(list(best.values()), 99),
        "cpu_p50": percentile(cpu, 50),
        "cpu_p99": percentile(cpu, 99),
        "matches": matches,
        "classes": {c: {"p50": percentile(v, 50), "p99": percentile(v, 99)} for c, v in per_class.items()},
    }


def probe(db_path: Path, queries: Sequence[dict[str, Any]], runs: int) -> dict[str, Any]:
    """Cold start to first answer (median of `runs` fresh processes) and peak RSS after every query."""
    from benchmarks import coldstart

    firsts, done = coldstart.probe(db_path.parent, db_path, [q["text"] for q in queries], runs)
    return {"cold_start_s": statistics.median(firsts), "runs_s": firsts, "peak_rss_mb": done.get("maxrss_mb")}


def measure_size(
    n: int,
    engines: dict[str, Any],
    queries: Sequence[dict[str, Any]],
    *,
    reps: int,
    like_queries: int,
    probe_runs: int,
) -> dict[str, Any]:
    out: dict[str, Any] = {}
    for name, engine in engines.items():
        # The LIKE scan reads every row: at a million articles a few seconds a query, so fewer queries.
        qs = (
            queries
            if name != "like"
            else _spread(queries, like_queries if n < 500_000 else like_queries // 2)
        )
        r = reps if name != "like" else 1
        log(f"{n:,}: searching {name} ({len(qs)} queries x {r})")
        out[name] = time_queries(engine.search, qs, r)
        out[name]["queries"] = len(qs)
    nb: Newsbot = engines["newsbot"]
    log(f"{n:,}: cold start and memory")
    out["probe"] = probe(nb.path, queries, probe_runs)
    return out


def _spread(queries: Sequence[dict[str, Any]], k: int) -> list[dict[str, Any]]:
    """At most `k` queries, taken evenly from every class."""
    if len(queries) <= k:
        return list(queries)
    step = len(queries) / k
    return [queries[int(i * step)] for i in range(k)]


def machine() -> dict[str, Any]:
    import platform

    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else None
    return {
        "python": platform.python_version(),
        "sqlite": sqlite3.sqlite_version,
        "cores": os.cpu_count(),
        "load_avg_1m": load,
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
    }


# ---------------------------------------------------------------- the run


def run(
    sizes: Sequence[int],
    *,
    per_class: int,
    reps: int,
    like_queries: int,
    probe_runs: int,
    late: int,
    workdir: Path,
    results_path: Path = RESULTS,
) -> dict[str, Any]:
    if workdir.exists():
        shutil.rmtree(workdir)
    workdir.mkdir(parents=True)
    base = _base_records()
    queries = make_queries(base, per_class)
    log(f"{len(queries)} queries; sizes {', '.join(f'{s:,}' for s in sizes)}")
    nb = Newsbot(workdir / "newsbot.db")
    tv = Tantivy(workdir / "tantivy")
    lk = Like(workdir / "like.db")
    engines = {"newsbot": nb, "tantivy": tv, "like": lk}
    results: dict[str, Any] = {"machine": machine(), "queries": len(queries), "sizes": []}
    have = 0
    raw = 0
    for n in sorted(sizes):
        paths = shard_paths(have, n, base)
        added = n - have
        log(f"ingesting {added:,} articles into newsbot ({have:,} -> {n:,})")
        t0, cpu0 = time.perf_counter(), cpu_seconds()
        nb.ingest(paths)
        nb_s = time.perf_counter() - t0
        nb_cpu = {k: v - cpu0[k] for k, v in cpu_seconds().items()}
        t0 = time.perf_counter()
        tv.ingest(read_shards(paths))
        tv_s = time.perf_counter() - t0
        t0 = time.perf_counter()
        lk.ingest(read_shards(paths))
        lk_s = time.perf_counter() - t0
        raw += sum(len(r["title"].encode()) + len(r["body"].encode()) for r in read_shards(paths))
        have = n
        step: dict[str, Any] = {
            "articles": n,
            "added": added,
            "raw_text_bytes": raw,
            "ingest": {
                "newsbot_per_s": added / nb_s,
                "newsbot_s": nb_s,
                "newsbot_writer_cpu_s": nb_cpu["self"],
                "newsbot_workers_cpu_s": nb_cpu["children"],
                "newsbot_idle_2core_per_s": idle_rate(added, nb_cpu),
                "tantivy_per_s": added / tv_s,
                "like_per_s": added / lk_s,
            },
            "bytes": {"newsbot": nb.size(), "tantivy": tv.size(), "like": lk.size()},
            "load_avg_1m": os.getloadavg()[0],
        }
        step.update(
            measure_size(n, engines, queries, reps=reps, like_queries=like_queries, probe_runs=probe_runs)
        )
        results["sizes"].append(step)
        print(format_step(step), flush=True)
        results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    if late:
        paths = shard_paths(have, have + late, base)
        log(f"ingesting {late:,} more into the {have:,}-article database")
        t0 = time.perf_counter()
        cpu0 = cpu_seconds()
        nb.ingest(paths)
        s = time.perf_counter() - t0
        cpu = {k: v - cpu0[k] for k, v in cpu_seconds().items()}
        results["late_ingest"] = {
            "into": have,
            "articles": late,
            "per_s": late / s,
            "seconds": s,
            "idle_2core_per_s": idle_rate(late, cpu),
        }
    nb.close()
    lk.close()
    results["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    results_path.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
    return results


# ---------------------------------------------------------------- report


def format_step(s: dict[str, Any]) -> str:
    nb, tv, lk = s["newsbot"], s["tantivy"], s["like"]
    return (
        f"{s['articles']:,} articles: ingest {s['ingest']['newsbot_per_s']:,.0f}/s "
        f"({s['ingest']['newsbot_idle_2core_per_s']:,.0f}/s on 2 idle cores); "
        f"newsbot p50 {nb['p50']:.2f} p99 {nb['p99']:.2f} ms; tantivy p50 {tv['p50']:.2f} p99 {tv['p99']:.2f}; "
        f"LIKE p50 {lk['p50']:.1f} p99 {lk['p99']:.1f}; cold start {s['probe']['cold_start_s']:.2f} s; "
        f"RSS {s['probe']['peak_rss_mb']:.0f} MB; DB {s['bytes']['newsbot'] / 1e6:,.0f} MB "
        f"({s['bytes']['newsbot'] / s['raw_text_bytes']:.1f}x raw)"
    )


def format_tables(results: dict[str, Any]) -> str:
    """The growth table and the per-class table (markdown). Latencies are each query's best of its runs
    (the machine is shared; see `time_queries`), with newsbot's p99 over every run beside them."""
    lines = [
        "| articles | newsbot ingest/s: wall (2 idle cores) | Tantivy ingest/s | newsbot p50 / p99 ms | "
        "(p99, every run) | Tantivy p50 / p99 ms | LIKE p50 / p99 ms | p99 newsbot ÷ Tantivy | "
        "p99 LIKE ÷ newsbot | cold start | peak RSS | newsbot DB (× raw text) | Tantivy index (× raw) | load |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in results["sizes"]:
        nb, tv, lk = s["newsbot"], s["tantivy"], s["like"]
        raw = s["raw_text_bytes"]
        ing = s["ingest"]
        lines.append(
            f"| {s['articles']:,} | {ing['newsbot_per_s']:,.0f} ({ing['newsbot_idle_2core_per_s']:,.0f}) | "
            f"{ing['tantivy_per_s']:,.0f} | {nb['best_p50']:.2f} / **{nb['best_p99']:.1f}** | {nb['p99']:.1f} | "
            f"{tv['best_p50']:.2f} / {tv['best_p99']:.2f} | {lk['best_p50']:,.0f} / {lk['best_p99']:,.0f} | "
            f"{nb['best_p99'] / tv['best_p99']:.0f}× | {lk['best_p99'] / nb['best_p99']:.0f}× | "
            f"{s['probe']['cold_start_s']:.2f} s | {s['probe']['peak_rss_mb']:.0f} MB | "
            f"{s['bytes']['newsbot'] / 1e6:,.0f} MB ({s['bytes']['newsbot'] / raw:.1f}×) | "
            f"{s['bytes']['tantivy'] / 1e6:,.0f} MB ({s['bytes']['tantivy'] / raw:.1f}×) | "
            f"{s.get('load_avg_1m', float('nan')):.1f} |"
        )
    classes = sorted({c for s in results["sizes"] for c in s["newsbot"]["classes"]})
    lines += ["", "newsbot p50 / p99 per query class (ms, every run), Tantivy's p50 in brackets:", ""]
    lines.append("| articles | " + " | ".join(classes) + " |")
    lines.append("|---|" + "---|" * len(classes))
    for s in results["sizes"]:
        cells = []
        for c in classes:
            n = s["newsbot"]["classes"].get(c, {})
            t = s["tantivy"]["classes"].get(c, {})
            cells.append(
                f"{n.get('p50', float('nan')):.1f} / {n.get('p99', float('nan')):.0f} ({t.get('p50', float('nan')):.2f})"
            )
        lines.append(f"| {s['articles']:,} | " + " | ".join(cells) + " |")
    if "late_ingest" in results:
        li = results["late_ingest"]
        lines += [
            "",
            f"Ingest of {li['articles']:,} more articles into the {li['into']:,}-article database: "
            f"**{li['per_s']:,.0f} articles/s** wall, {li['idle_2core_per_s']:,.0f}/s on 2 idle cores.",
        ]
    return "\n".join(lines)


def plot(results: dict[str, Any], path: Path = PLOT) -> Path | None:
    try:
        import matplotlib

        matplotlib.use("Agg")
        import matplotlib.pyplot as plt
    except ImportError:
        return None
    sizes = [s["articles"] for s in results["sizes"]]
    fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(11, 4.2))
    for name, label, color in (
        ("newsbot", "newsbot", "tab:blue"),
        ("tantivy", "Tantivy (jieba tokens)", "tab:orange"),
        ("like", "LIKE '%q%'", "tab:grey"),
    ):
        have = [s for s in results["sizes"] if name in s]  # a size measured without this engine is left out
        xs = [s["articles"] for s in have]
        ax1.plot(xs, [s[name]["best_p99"] for s in have], marker="o", color=color, label=f"{label} p99")
        ax1.plot(
            xs, [s[name]["best_p50"] for s in have], marker=".", ls="--", color=color, label=f"{label} p50"
        )
    ax1.set(
        xscale="log",
        yscale="log",
        xlabel="articles",
        ylabel="ms (each query's best of 3 runs)",
        title="Search cost",
    )
    ax1.legend(fontsize=7)
    ax2.plot(
        sizes,
        [s["ingest"].get("newsbot_per_s", float("nan")) for s in results["sizes"]],
        marker="o",
        color="tab:blue",
        label="newsbot ingest/s",
    )
    ax2.plot(
        sizes,
        [s["ingest"].get("newsbot_idle_2core_per_s", float("nan")) for s in results["sizes"]],
        marker="o",
        ls="--",
        color="tab:blue",
        label="newsbot, 2 idle cores (from CPU time)",
    )
    ax2.plot(
        sizes,
        [s["ingest"].get("tantivy_per_s", float("nan")) for s in results["sizes"]],
        marker="o",
        color="tab:orange",
        label="Tantivy ingest/s (tokenising in Python included)",
    )
    ax2b = ax2.twinx()
    ax2b.plot(
        sizes,
        [s["bytes"]["newsbot"] / s["raw_text_bytes"] for s in results["sizes"]],
        color="grey",
        ls=":",
        marker="s",
        label="newsbot DB ÷ raw text",
    )
    ax2.set(xscale="log", xlabel="articles", ylabel="articles/s", title="Ingest rate and size")
    ax2b.set_ylabel("DB size ÷ raw text")
    ax2.legend(fontsize=7, loc="upper left")
    ax2b.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def ranking_agreement(db_path: Path, queries: Sequence[dict[str, Any]]) -> dict[str, Any]:
    """How often the first page `Searcher.search` gives is the true top 10: for each query, the engine's
    page against every match ranked in full (the same plan with a window holding all of them, so no
    shortcut applies), in the final order. Exact ranking gives 100%."""
    from storage.search.article_reads import about_articles
    from storage.search.ladder import run_ladder
    from storage.search.query import parse_query
    from storage.search.ranking import order_window

    nb = Newsbot(db_path)
    searcher = nb.searcher
    same = compared = 0
    differing = []
    for q in queries:
        page = [h.id for h in searcher.search(q["text"], limit=10).hits]
        with searcher._read() as db:
            rows = run_ladder(db, parse_query(q["text"]), 10**7, correct=True).rows
            dates = {i: a.date for i, a in about_articles(db, [r.id for r in rows], {}).items()}
        if not page and not rows:
            continue
        reference = [r.id for r in order_window(rows, dates)[:10]]
        compared += 1
        if page == reference:
            same += 1
        else:
            differing.append(q["text"])
    nb.close()
    return {"compared": compared, "same": same, "differing": differing}


def real_news(workdir: Path, per_class: int = 10) -> dict[str, Any]:
    """Real text nobody here wrote: the 21,321 CCTV stories (`benchmarks.realnews`) ingested through the
    pipeline, then first-page agreement with every match ranked and newsbot's latency on queries drawn
    from them: the most widespread words, words from titles, names credited in the text, dates, and
    questions. Returns the agreement, the latencies and the ingest rate."""
    from benchmarks.realnews import load_stories
    from storage.text.segment import cut, han_words

    stories = load_stories()
    workdir.mkdir(parents=True, exist_ok=True)
    db_path = workdir / "realnews.db"
    for p in workdir.glob("realnews.db*"):
        p.unlink()
    paths = []
    for k in range(0, len(stories), SHARD):
        path = workdir / f"real-{k // SHARD:03d}.jsonl"
        with open(path, "w", encoding="utf-8") as fh:
            for st in stories[k : k + SHARD]:
                rec = {"title": st.title, "paragraphs": st.paragraphs, "date": st.date, "url": st.url}
                fh.write(json.dumps(rec, ensure_ascii=False) + "\n")
        paths.append(path)
    nb = Newsbot(db_path)
    t0, cpu0 = time.perf_counter(), cpu_seconds()
    nb.ingest(paths)
    secs = time.perf_counter() - t0
    cpu = {k: v - cpu0[k] for k, v in cpu_seconds().items()}
    rng = random.Random(3)
    df: dict[str, int] = {}
    sample = rng.sample(stories, 2000)
    for st in sample:
        for w in set(han_words(cut(st.title + st.body))):
            df[w] = df.get(w, 0) + 1
    common = [w for w, _ in sorted(df.items(), key=lambda x: -x[1]) if len(w) == 2][:per_class]
    title_words = [
        w for st in rng.sample(stories, per_class * 3) for w in han_words(cut(st.title)) if len(w) >= 3
    ]
    queries = [{"cls": "common", "text": w} for w in common]
    queries += [{"cls": "title word", "text": w} for w in title_words[:per_class]]
    queries += [
        {"cls": "two words", "text": f"{a} {b}"}
        for a, b in zip(title_words[per_class:], common, strict=False)
    ]
    for st in rng.sample(stories, per_class):
        y, m, d = (int(x) for x in st.date.split("-"))
        queries.append(
            {"cls": "date", "text": f"{y}年{m}月{d}日" if d % 2 else f"{m}月 {common[d % len(common)]}"}
        )
    queries += [{"cls": "question", "text": f"{w}有什么新进展？"} for w in title_words[: per_class // 2]]
    nb.close()
    agreement = ranking_agreement(db_path, queries)
    nb = Newsbot(db_path)
    latency = time_queries(nb.search, [{**q, "terms": [q["text"]]} for q in queries], 3)
    out = {
        "stories": len(stories),
        "ingest_per_s": len(stories) / secs,
        "ingest_idle_2core_per_s": idle_rate(len(stories), cpu),
        "queries": len(queries),
        "agreement": agreement,
        "newsbot": latency,
        "bytes": nb.size(),
        "raw_text_bytes": sum(len(st.title.encode()) + len(st.body.encode()) for st in stories),
        "load_avg_1m": os.getloadavg()[0],
    }
    nb.close()
    return out


def measure_existing(
    workdir: Path, *, per_class: int, reps: int, like_queries: int, probe_runs: int, peers: bool = True
) -> dict:
    """Measure the archive a run left in `workdir` (or a copy of it) as it is, without ingesting:
    newsbot, and Tantivy and LIKE when their index and table are there. For re-measuring search after a
    change, or an archive whose run was stopped part way."""
    base = _base_records()
    queries = make_queries(base, per_class)
    nb = Newsbot(workdir / "newsbot.db")
    engines: dict[str, Any] = {"newsbot": nb}
    if peers and (workdir / "tantivy" / "meta.json").exists():
        engines["tantivy"] = Tantivy(workdir / "tantivy")
    if peers and (workdir / "like.db").exists():
        engines["like"] = Like(workdir / "like.db")
    n = int(nb.db.conn.execute("SELECT count(*) FROM articles").fetchone()[0])
    raw = int(
        nb.db.conn.execute(
            "SELECT sum(length(CAST(title AS BLOB)) + length(CAST(body AS BLOB))) FROM articles"
        ).fetchone()[0]
    )
    step: dict[str, Any] = {
        "articles": n,
        "raw_text_bytes": raw,
        "bytes": {k: e.size() for k, e in engines.items()},
    }
    step.update(
        measure_size(n, engines, queries, reps=reps, like_queries=like_queries, probe_runs=probe_runs)
    )
    step["machine"] = machine()
    return step


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1k and 3k articles, 2 queries per class (< 1 min)")
    ap.add_argument("--sizes", default="1k,10k,100k,1m", help="comma-separated sizes, e.g. 1k,10k,100k,1m")
    ap.add_argument("--queries-per-class", type=int, default=25)
    ap.add_argument("--reps", type=int, default=3, help="timed runs of each query per size")
    ap.add_argument("--like-queries", type=int, default=40, help="queries the LIKE scan runs per size")
    ap.add_argument("--late", type=int, default=5000, help="articles ingested after the largest size")
    ap.add_argument("--workdir", type=Path, default=CACHE / "scale-work")
    ap.add_argument(
        "--measure", type=Path, help="only measure the archive in this work directory (no ingest)"
    )
    ap.add_argument(
        "--agreement",
        type=Path,
        help="only compare first pages with every match ranked, on this newsbot database",
    )
    ap.add_argument("--real-news", action="store_true", help="only the real-news check (CCTV stories)")
    ap.add_argument("--newsbot-only", action="store_true", help="with --measure: leave Tantivy and LIKE out")
    args = ap.parse_args(argv)
    if args.real_news:
        result = real_news(CACHE / "scale-real")
        (CACHE / "scale-real" / "real-results.json").write_text(
            json.dumps(result, indent=1, ensure_ascii=False)
        )
        print(json.dumps({k: v for k, v in result.items() if k != "newsbot"}, ensure_ascii=False))
        print({k: round(v, 2) for k, v in result["newsbot"].items() if "p50" in k or "p99" in k})
        return
    if args.agreement:
        result = ranking_agreement(args.agreement, make_queries(_base_records(), args.queries_per_class))
        print(json.dumps(result, ensure_ascii=False))
        return
    if args.measure:
        step = measure_existing(
            args.measure,
            per_class=args.queries_per_class,
            reps=args.reps,
            like_queries=args.like_queries,
            probe_runs=3,
            peers=not args.newsbot_only,
        )
        out = args.measure / "measure-results.json"
        out.write_text(json.dumps(step, indent=1, ensure_ascii=False), encoding="utf-8")
        print(json.dumps({k: step[k] for k in ("articles", "bytes", "probe")}, ensure_ascii=False))
        for name in ("newsbot", "tantivy", "like"):
            if name in step:
                print(
                    name,
                    {k: round(v, 2) for k, v in step[name].items() if k in ("p50", "p99")},
                    {c: round(v["p99"], 2) for c, v in step[name]["classes"].items()},
                )
        print(f"written {out}")
        return
    results_path, plot_path = RESULTS, PLOT
    if args.quick:
        # A smoke run: its own directory, and no committed file changes.
        sizes, per_class, reps, like_q, probes, late = [1000, 3000], 2, 1, 8, 1, 500
        if args.workdir == CACHE / "scale-work":
            args.workdir = CACHE / "quick" / "scale"
        results_path, plot_path = args.workdir / "scale-results.json", args.workdir / "scale.png"
    else:
        sizes = [parse_size(x) for x in args.sizes.split(",") if x.strip()]
        per_class, reps, like_q, probes, late = (
            args.queries_per_class,
            args.reps,
            args.like_queries,
            3,
            args.late,
        )
    results = run(
        sizes,
        per_class=per_class,
        reps=reps,
        like_queries=like_q,
        probe_runs=probes,
        late=late,
        workdir=args.workdir,
        results_path=results_path,
    )
    print(format_tables(results))
    where = plot(results, plot_path)
    if where:
        print(f"\nplot: {where}")


if __name__ == "__main__":
    main()
