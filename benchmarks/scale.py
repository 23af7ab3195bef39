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
import sqlite3
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from datetime import date, timedelta
from pathlib import Path
from typing import Any

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
            tmp = path.with_suffix(".tmp")
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

    out = [
        {"cls": q.cls, "text": q.text, "terms": list(q.terms)}
        for q in derive_queries(list(base[:SHARD]), load_vocabulary(), per_class=per_class)
    ]
    rng = random.Random(12)
    commons = [q["text"] for q in out if q["cls"] == "common"]
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
        return int(result.count or 0), len(result.hits)

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
    """Each query once to warm up, then `reps` timed runs: latencies (ms) overall and per class."""
    per_class: dict[str, list[float]] = {}
    matches = 0
    for q in queries:
        matches += search(q)[0]
    for _ in range(reps):
        for q in queries:
            t0 = time.perf_counter()
            search(q)
            per_class.setdefault(q["cls"], []).append((time.perf_counter() - t0) * 1000)
    every = [x for xs in per_class.values() for x in xs]
    return {
        "p50": percentile(every, 50),
        "p99": percentile(every, 99),
        "matches": matches,
        "classes": {c: {"p50": percentile(v, 50), "p99": percentile(v, 99)} for c, v in per_class.items()},
    }


def probe(db_path: Path, queries: Sequence[dict[str, Any]], runs: int) -> dict[str, Any]:
    """Cold start to first answer (median of `runs` fresh processes) and peak RSS after every query."""
    qfile = db_path.parent / "probe-queries.json"
    qfile.write_text(json.dumps([q["text"] for q in queries], ensure_ascii=False), encoding="utf-8")
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    firsts, done = [], {}
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
            raise RuntimeError(f"the probe failed: {proc.stderr.read()[-400:]}")
        done = json.loads(proc.stdout.readline())
        proc.wait()
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
        RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
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
    RESULTS.write_text(json.dumps(results, indent=1, ensure_ascii=False), encoding="utf-8")
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
    lines = [
        "| articles | ingest newsbot/s (step): wall, 2 idle cores | Tantivy/s | newsbot p50 / p99 ms | Tantivy p50 / p99 ms | "
        "LIKE p50 / p99 ms | p99 newsbot ÷ Tantivy | p99 LIKE ÷ newsbot | cold start | peak RSS | "
        "newsbot DB (× raw text) | Tantivy index |",
        "|---|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in results["sizes"]:
        nb, tv, lk = s["newsbot"], s["tantivy"], s["like"]
        raw = s["raw_text_bytes"]
        lines.append(
            f"| {s['articles']:,} | {s['ingest']['newsbot_per_s']:,.0f}, "
            f"{s['ingest']['newsbot_idle_2core_per_s']:,.0f} | {s['ingest']['tantivy_per_s']:,.0f} | "
            f"{nb['p50']:.2f} / **{nb['p99']:.2f}** | {tv['p50']:.2f} / {tv['p99']:.2f} | "
            f"{lk['p50']:.1f} / {lk['p99']:.1f} | {nb['p99'] / tv['p99']:.1f}× | {lk['p99'] / nb['p99']:.1f}× | "
            f"{s['probe']['cold_start_s']:.2f} s | {s['probe']['peak_rss_mb']:.0f} MB | "
            f"{s['bytes']['newsbot'] / 1e6:,.1f} MB ({s['bytes']['newsbot'] / raw:.1f}×) | "
            f"{s['bytes']['tantivy'] / 1e6:,.1f} MB ({s['bytes']['tantivy'] / raw:.1f}×) |"
        )
    classes = sorted({c for s in results["sizes"] for c in s["newsbot"]["classes"]})
    lines += ["", "newsbot p99 per query class (ms), Tantivy's in brackets:", ""]
    lines.append("| articles | " + " | ".join(classes) + " |")
    lines.append("|---|" + "---|" * len(classes))
    for s in results["sizes"]:
        cells = []
        for c in classes:
            n = s["newsbot"]["classes"].get(c, {}).get("p99", float("nan"))
            t = s["tantivy"]["classes"].get(c, {}).get("p99", float("nan"))
            cells.append(f"{n:.2f} ({t:.2f})")
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
    for name, label in (
        ("newsbot", "newsbot"),
        ("tantivy", "Tantivy (jieba tokens)"),
        ("like", "LIKE '%q%'"),
    ):
        ax1.plot(sizes, [s[name]["p99"] for s in results["sizes"]], marker="o", label=f"{label} p99")
        ax1.plot(sizes, [s[name]["p50"] for s in results["sizes"]], marker=".", ls="--", label=f"{label} p50")
    ax1.set(xscale="log", yscale="log", xlabel="articles", ylabel="search latency (ms)", title="Search cost")
    ax1.legend(fontsize=7)
    ax2.plot(
        sizes, [s["ingest"]["newsbot_per_s"] for s in results["sizes"]], marker="o", label="newsbot ingest/s"
    )
    ax2.plot(
        sizes, [s["ingest"]["tantivy_per_s"] for s in results["sizes"]], marker="o", label="Tantivy ingest/s"
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
    ax2.legend(fontsize=7, loc="lower left")
    ax2b.legend(fontsize=7, loc="lower right")
    fig.tight_layout()
    fig.savefig(path, dpi=110)
    plt.close(fig)
    return path


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(prog="python -m benchmarks.scale", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1k and 3k articles, 2 queries per class (< 1 min)")
    ap.add_argument("--sizes", default="1k,10k,100k,1m", help="comma-separated sizes, e.g. 1k,10k,100k,1m")
    ap.add_argument("--queries-per-class", type=int, default=25)
    ap.add_argument("--reps", type=int, default=3, help="timed runs of each query per size")
    ap.add_argument("--like-queries", type=int, default=40, help="queries the LIKE scan runs per size")
    ap.add_argument("--late", type=int, default=5000, help="articles ingested after the largest size")
    ap.add_argument("--workdir", type=Path, default=CACHE / "scale-work")
    args = ap.parse_args(argv)
    if args.quick:
        sizes, per_class, reps, like_q, probes, late = [1000, 3000], 2, 1, 8, 1, 500
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
    )
    print(format_tables(results))
    where = plot(results)
    if where:
        print(f"\nplot: {where.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
