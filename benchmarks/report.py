"""BENCHMARKS.md and benchmarks/latency.png from the figures in benchmarks/results.json.

    python -m benchmarks --report-only     # re-render without measuring

The generated part of BENCHMARKS.md runs from the top to the `END` marker; what follows the marker is
hand-written (an index of the record in `benchmarks/reports/`, one file per area, and the open issues'
headline figures) and is kept as it is. Each section is one
function from the results to its lines; a section whose area has not been measured is left out. The
plot needs matplotlib (the bench extra); without it the existing plot is kept.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Callable
from typing import Any

from benchmarks import corpus
from benchmarks.common import BENCH, INGEST_STAGES, PLOT, REPORT, log
from benchmarks.queries import CLASS_LABELS, CLASSES

END = "<!-- End of the generated part. Hand-written sections follow; `--report-only` keeps them. -->"

TARGETS = {
    "ingest_per_s": 1000.0,
    "p99_ms_20k": 20.0,
    "p99_ms_100k": 50.0,
    "like_ratio_20k": 20.0,
    "cold_start_s": 1.5,
    "rss_mb": 250.0,
    "digest_cpu_s": 2.0,
}

Results = dict[str, Any]
Row = tuple[str, str, str, bool | None]

# Targets measured by a runner of their own rather than `python -m benchmarks`, as their report file records
# them (the Targets table lists them after the measured ones).
RECORDED_TARGETS: tuple[Row, ...] = (
    (
        "PostgreSQL search p99 at 100k, against SQLite's on the same archive (issue 23)",
        "≤ 3×",
        "2.10×, 2.18×, 2.22× (three paired runs; 20k: 1.63-1.99×)",
        True,
    ),
)


def _ms(x: float | None) -> str:
    if x is None:
        return "–"
    return f"{x:.1f}" if x >= 10 else f"{x:.2f}"


def _mb(n: float) -> str:
    return f"{n / 1e6:.1f} MB"


def _ok(met: bool | None) -> str:
    return "–" if met is None else ("met" if met else "**missed**")


def _by_size(results: Results, area: str) -> list[dict[str, Any]]:
    """An area's per-size figures, smallest corpus first."""
    return sorted(results.get(area, {}).get("sizes", {}).values(), key=lambda s: s["articles"])


def _size(results: Results, area: str, n: int) -> dict[str, Any] | None:
    found: dict[str, Any] | None = results.get(area, {}).get("sizes", {}).get(str(n))
    return found


def _extrapolated(flag: bool) -> str:
    return " (extrapolated)" if flag else ""


# ---------------------------------------------------------------- targets


def _ingest_target(results: Results) -> list[Row]:
    rates = [(s["articles"], s["ingest"]["articles_per_s"]) for s in _by_size(results, "ingest")]
    if not rates:
        return []
    measured = "; ".join(f"{rate:,.0f}/s at {n // 1000}k" for n, rate in rates)
    met = min(rate for _, rate in rates) >= TARGETS["ingest_per_s"]
    return [
        ("ingest, end to end (segmentation, index, summary, keywords)", "≥ 1,000 articles/s", measured, met)
    ]


def _search_targets(results: Results) -> list[Row]:
    if "search" not in results:
        return []
    rows: list[Row] = []
    for n, key in ((20000, "p99_ms_20k"), (100000, "p99_ms_100k")):
        s = _size(results, "search", n)
        goal = f"≤ {TARGETS[key]:.0f} ms"
        if s is None:
            rows.append((f"search p99 at {n // 1000}k", goal, "not run", None))
            continue
        p99 = s["search"]["engines"]["newsbot"]["all"]["p99"]
        rows.append(
            (f"search p99 at {n // 1000}k, snippets included", goal, f"{p99:.1f} ms", p99 <= TARGETS[key])
        )
    s = _size(results, "search", 20000)
    if s:
        e = s["search"]["engines"]
        ratio = e["like"]["all"]["p50"] / e["newsbot"]["all"]["p50"]
        rows.append(
            (
                "faster than LIKE at 20k (median over all queries)",
                "≥ 20×",
                f"{ratio:.0f}×",
                ratio >= TARGETS["like_ratio_20k"],
            )
        )
    return rows


def _coldstart_targets(results: Results) -> list[Row]:
    sizes = _by_size(results, "coldstart")
    if not sizes:
        return []
    cold = sizes[-1]
    worst = max(cold["first_answer_s"], cold.get("question_first_s") or 0)
    qtext = (
        f"; {cold['question_first_s']:.2f} s when the first query is the slowest question"
        if cold.get("question_first_s")
        else ""
    )
    rss = max(s["maxrss_mb"] or 0 for s in sizes)
    return [
        (
            f"cold start to first answer ({cold['articles']:,} articles)",
            "≤ 1.5 s",
            f"{cold['first_answer_s']:.2f} s{qtext}",
            worst <= TARGETS["cold_start_s"],
        ),
        ("peak RSS of a search process", "≤ 250 MB", f"{rss:.0f} MB", rss <= TARGETS["rss_mb"]),
    ]


def _digest_target(results: Results) -> list[Row]:
    d = results.get("digests")
    if not d:
        return []
    daily = d["daily"]
    what = (
        f"daily digest run: {d['subscriptions']:,} keyword subscriptions, {daily['new_articles']} new of "
        f"{d['articles']:,} articles"
    )
    measured = f"{d['cpu_s']:.1f} s CPU{_extrapolated(d['cpu_s_extrapolated'])}"
    return [(what, "≤ 2 s CPU", measured, d["cpu_s"] <= TARGETS["digest_cpu_s"])]


def targets(results: Results) -> list[Row]:
    """(target, goal, measured, met) for every target whose area has been measured."""
    return [
        *_ingest_target(results),
        *_search_targets(results),
        *_coldstart_targets(results),
        *_digest_target(results),
    ]


# ---------------------------------------------------------------- sections


def machine_of(results: Results, area: str) -> dict[str, Any]:
    """The machine an area was measured on: its own record, else the last run's (older results)."""
    return results.get(area, {}).get("machine") or results["machine"]


def _other_machines(results: Results) -> list[str]:
    """A line naming the areas measured on another machine than the last run's, with that machine."""
    last = results["machine"]
    others: dict[str, list[str]] = {}
    for area in ("ingest", "search", "coldstart", "digests"):
        m = results.get(area, {}).get("machine")
        if m and (m["cpu"], m["versions"]["sqlite"]) != (last["cpu"], last["versions"]["sqlite"]):
            others.setdefault(f"{m['cpu']}, SQLite {m['versions']['sqlite']}", []).append(area)
    return [f"Measured on another machine: {', '.join(areas)} ({where})." for where, areas in others.items()]


def header(results: Results) -> list[str]:
    m = results["machine"]
    v = m["versions"]
    others = _other_machines(results)
    return [
        "# Benchmarks",
        "",
        "<!-- Generated by `python -m benchmarks` down to the end marker; edit benchmarks/analysis.md or "
        "benchmarks/report.py, not this part. -->",
        "",
        "Regenerate with `python -m benchmarks` (every area, all sizes; `python -m benchmarks.search --sizes "
        "1000,20000` for one area and some sizes, `--quick` for a smoke run, `--report-only` to re-render from "
        "`benchmarks/results.json`). Needs the bench extra: `pip install -e '.[bench]'`.",
        "",
        f"**Machine:** {m['cpu']}, {m['cores']} cores, {m['memory_gb']} GB RAM, {m['os']}; shared with other "
        f"work (load average {m['load_before']:.1f} when the last run started). Python {v['python']}, SQLite "
        f"{v['sqlite']}, jieba {v['jieba']}, rjieba {v['rjieba']}, sqlite-utils {v['sqlite_utils']}. "
        f"Last run finished {results.get('finished', '?')}." + "".join(f" {line}" for line in others),
        "",
        "**Corpus:** `benchmarks/corpus.py`, seed "
        f"{corpus.SEED}: Chinese news articles of ~500 characters made of jieba's dictionary words at their "
        "dictionary frequencies in news clause patterns, with names (dictionary `nr` words and composed "
        "names jieba does not know), places (`ns`), organisations (`nt`), numbers, dates over 2021-2024, "
        "as JSONL shards of 1,000 that `newsbot ingest` reads. Ingest goes through the real "
        "`storage.ingest.pipeline.ingest_paths` (segmentation, index, summary, keywords included), one "
        "transaction per shard, on a fresh database file.",
        "",
    ]


def targets_section(results: Results) -> list[str]:
    out = ["## Targets", "", "| target | goal | measured | |", "|---|---|---|---|"]
    rows = [*targets(results), *RECORDED_TARGETS]
    out += [f"| {name} | {goal} | {got} | {_ok(met)} |" for name, goal, got, met in rows]
    return [*out, ""]


def analysis_section(results: Results) -> list[str]:
    analysis = BENCH / "analysis.md"
    return [analysis.read_text(encoding="utf-8").strip(), ""] if analysis.exists() else []


def _cpu(ingest: dict[str, Any]) -> str:
    """Writer + workers CPU seconds; runs from before ingest had workers recorded the writer only."""
    if "workers_cpu_s" not in ingest:
        return f"{ingest['cpu_s']:.1f} (before workers)"
    return f"{ingest['cpu_s']:.1f} + {ingest['workers_cpu_s']:.1f}"


def ingest_section(results: Results) -> list[str]:
    sizes = _by_size(results, "ingest")
    if not sizes:
        return []
    out = [
        "## Ingest and size on disk",
        "",
        "Wall time of `ingest_paths` over all shards (open_db included); the one-off load of the segmenter's "
        "dictionary and the keyword IDF table is timed apart (*dictionary load*, paid once per process, "
        "so only by the first size of a run). Ingest runs as `newsbot ingest` does: from 2 MB of input, "
        "worker processes (one per core) prepare the documents while one process writes; *CPU* is the "
        "writer's plus the workers'.",
        "",
        "| articles | input | newsbot wall | articles/s | MB/s | CPU s (writer + workers) | DB on disk "
        "| of which FTS index "
        "| dictionary load | LIKE table: build, size | trigram: build, size |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for s in sizes:
        i, b = s["ingest"], s["baselines"]
        out.append(
            f"| {s['articles']:,} | {_mb(i['bytes'])} | {i['wall_s']:.1f} s | **{i['articles_per_s']:,.0f}** | "
            f"{i['mb_per_s']:.2f} | {_cpu(i)} | {_mb(i['db_bytes'])} | "
            f"{_mb(i['index_bytes'])} | "
            f"{i.get('warmup_s', 0):.2f} s | {b['like']['build_s']:.1f} s, {_mb(b['like']['db_bytes'])} | "
            f"{b['trigram']['build_s']:.1f} s, {_mb(b['trigram']['db_bytes'])} |"
        )
    out += [
        "",
        "Ingest rate over the first and the last tenth of each run's files: "
        + "; ".join(
            f"{s['articles'] // 1000}k: {s['ingest']['first_tenth_per_s']:,.0f} → "
            f"{s['ingest']['last_tenth_per_s']:,.0f} articles/s"
            for s in sizes
        )
        + ".",
        "",
    ]
    return out


def _search_table(s: dict[str, Any]) -> list[str]:
    e = s["search"]["engines"]
    out = [
        "| query class | newsbot p50 | p95 | p99 | LIKE p50 | p99 | trigram p50 | p99 | LIKE ÷ newsbot "
        "(p50) | trigram ÷ newsbot (p50) | matches newsbot / LIKE / trigram |",
        "|---|---|---|---|---|---|---|---|---|---|---|",
    ]
    for c in (*CLASSES, "all"):
        nb, lk, tr = (
            e[x]["all"] if c == "all" else e[x]["classes"][c] for x in ("newsbot", "like", "trigram")
        )
        if c == "all":
            mt = [sum(sum(v) for v in e[x]["matches"].values()) for x in ("newsbot", "like", "trigram")]
            label = "**all queries**"
        else:
            mt = [sum(e[x]["matches"][c]) for x in ("newsbot", "like", "trigram")]
            label = CLASS_LABELS[c]
        out.append(
            f"| {label} | {_ms(nb['p50'])} | {_ms(nb['p95'])} | **{_ms(nb['p99'])}** | {_ms(lk['p50'])} | "
            f"{_ms(lk['p99'])} | {_ms(tr['p50'])} | {_ms(tr['p99'])} | {lk['p50'] / nb['p50']:.0f}× | "
            f"{tr['p50'] / nb['p50']:.1f}× | {mt[0]:,} / {mt[1]:,} / {mt[2]:,} |"
        )
    return out


def _search_size(s: dict[str, Any], sqlite_version: str) -> list[str]:
    e = s["search"]["engines"]
    out = [f"### {s['articles']:,} articles", ""]
    out += [
        f"Run {s['at']}; 1-minute load average {s['load_before']:.1f} before, {s['load_after']:.1f} after "
        "(2 cores, shared with other work).",
        "",
    ]
    out += _search_table(s)
    nb, tr = e["newsbot"].get("long_terms"), e["trigram"].get("long_terms")
    if nb and tr:
        out += [
            "",
            f"Only the {s['search'].get('long_term_queries', '?')} queries whose terms all have 3 or more "
            f"characters (the ones trigram can answer on SQLite {sqlite_version}): "
            f"newsbot p50 {_ms(nb['p50'])} / p99 {_ms(nb['p99'])} ms, trigram p50 {_ms(tr['p50'])} / "
            f"p99 {_ms(tr['p99'])} ms.",
        ]
    sn = s["search"]["snippets"]
    return [
        *out,
        "",
        f"Snippets: {sn['with_snippet']} of {sn['hits']} newsbot hits carried a non-empty snippet.",
        "",
    ]


def search_section(results: Results) -> list[str]:
    sizes = _by_size(results, "search")
    if not sizes:
        return []
    out = [
        "## Search latency",
        "",
        "Milliseconds per query, from the call to the finished result: for newsbot `Searcher(db).search(q, "
        "limit=10)` (query parsing, FTS5, ranking, snippets, the answer sentence for questions); for the "
        "baselines the SQL a user would write, with a snippet: `LIKE '%term%'` on title or body for every "
        "term, newest first, `substr` around the first match; and an FTS5 `trigram` table with every term "
        "quoted, bm25 order, `snippet()`. Both baselines also count all matches as newsbot does (LIKE: "
        "`count(*) OVER ()` in the same scan; trigram: a second `count(*)` query). Each query runs once to "
        f"warm up, then {sizes[-1]['reps']['newsbot']} times (LIKE: 3 times up to 20k, once above). "
        "Newsbot gets the typed query; the baselines get the words a user would type into them "
        "(for a question, its place and subject). *Matches* = articles found, summed over the class's queries.",
        "",
    ]
    for s in sizes:
        out += _search_size(s, machine_of(results, "search")["versions"]["sqlite"])
    return [*out, "![Search latency against corpus size](benchmarks/latency.png)", ""]


def coldstart_section(results: Results) -> list[str]:
    sizes = _by_size(results, "coldstart")
    if not sizes:
        return []
    out = [
        "## Cold start and memory",
        "",
        "Cold start = a new `python -m benchmarks.probe DB QUERIES` process (imports, `open_db`, `Searcher`, "
        "the first `search`) from spawn to its first answer, median of 3, OS page cache warm. Peak RSS = "
        "`VmHWM` of that process after it answered every benchmark query once (not `ru_maxrss`, which on "
        "Linux inherits the spawning process's high-water mark).",
        "",
        "| articles | cold start to first answer (a common word) | runs | slowest, with each question as first "
        "query | peak RSS | `python -m bot search … --json` (to exit) |",
        "|---|---|---|---|---|---|",
    ]
    for c in sizes:
        qf = c.get("question_first_s")
        q_cell = f"{qf:.2f} s (`{c.get('question_slowest')}`)" if qf else "–"
        runs = ", ".join(f"{x:.2f}" for x in c["runs_s"])
        out.append(
            f"| {c['articles']:,} | {c['first_answer_s']:.2f} s | {runs} | {q_cell} | {c['maxrss_mb']:.0f} MB | "
            f"{c['cli']['exit_s']:.2f} s |"
        )
    return [*out, ""]


def _digest_run_row(label: str, run: dict[str, Any]) -> str:
    return (
        f"| {label} | {run['keywords_searched']} | {run['composed']:,} | {run['cpu_s']:.2f} s | "
        f"{run['cpu_per_digest_ms']:.3f} ms | **{run['cpu_s_for_all']:.2f} s**"
        f"{_extrapolated(run['extrapolated'])} | {run['empty']:,} | {run['shown']:,} / {run['counted']:,} |"
    )


def digests_section(results: Results) -> list[str]:
    d = results.get("digests")
    if not d:
        return []
    daily, first = d["daily"], d["first"]
    out = [
        "## Digests",
        "",
        f"{d['subscriptions']:,} subscriptions with 1-3 keywords each ({d['distinct_keyword_sets']:,} distinct "
        f"keyword sets over {d['distinct_keywords']} distinct keywords, drawn Zipf-like from 300 topic words) on "
        f"the {d['articles']:,}-article database, composed as the digest job composes them: one `RunCache` per "
        "run, then `bot.digests.plan.compose_for` per subscription with `Searcher` as the library, without a "
        f"clock. Nothing is sent or claimed. Each run goes until all are composed or {d['budget_s']:.0f} s of CPU "
        "are spent, then "
        "the figure for all is extrapolated (subscriptions in random order). CPU time is "
        "`time.process_time()`; it grows on a busy machine too (shared caches and cores): "
        f"run {d.get('at', '?')}, 1-minute load average {d.get('load_before', 0):.1f} before and "
        f"{d.get('load_after', 0):.1f} after, on 2 cores.",
        "",
        "| run | keyword searches | digests composed | CPU | CPU per digest | CPU for all | empty "
        "| articles listed / counted |",
        "|---|---|---|---|---|---|---|---|",
        _digest_run_row(
            f"**daily run** (the target): every subscription had yesterday's digest; "
            f"{daily['new_articles']} articles are new",
            daily,
        ),
        _digest_run_row(
            "everyone's first digest at once (no ledger yet; each picks among its 200 most recently stored "
            "matches): the worst case, once per subscription",
            first,
        ),
        "",
    ]
    sched = d.get("scheduled")
    if sched:
        out += [
            f"The **scheduled run** composes the same day as the digest job does: {sched['checks']} checks (one "
            "per subscription time), each at its clock with one `RunCache`, `bot.digests.plan.prepare` per due "
            "digest (composed at the check's clock, its ledger row claimed), after a ledger of yesterday's "
            f"digests claimed at yesterday's clock and with {sched['dated_ahead']} stories stored before them "
            "but dated today or tomorrow (the look-back lists those whose day has come): "
            f"{sched['composed']:,} digests, **{sched['cpu_s']:.2f} s** CPU ({sched['cpu_per_digest_ms']:.3f} ms "
            f"per digest, {sched['wall_s']:.1f} s wall), {sched['claimed']:,} claimed and {sched['empty']:,} "
            f"empty, {sched['shown']:,} articles listed, {sched['dated_ahead_listed']:,} of them stored ahead "
            "of their date.",
            "",
        ]
    for key, what in (("profile", "the daily run's"), ("scheduled_profile", "the scheduled run's")):
        pr = d.get(key) or {}
        if pr.get("stages"):
            stages = sorted(pr["stages"].items(), key=lambda kv: -kv[1])
            out += [
                f"Where {what} time goes (pyinstrument, all {pr['subscriptions']:,} digests, "
                f"{pr['duration_s']:.2f} s under the profiler; `{pr['file']}`): "
                + ", ".join(f"`{k}` {v:.2f} s" for k, v in stages)
                + ".",
                "",
            ]
    return out


def ingest_profile_section(results: Results) -> list[str]:
    p = results.get("ingest", {}).get("profile")
    if not p:
        return []
    out = [
        "## Where ingest time goes",
        "",
        f"pyinstrument over ingesting one shard of {p['articles']:,} articles into {p['into']} "
        f"({p['duration_s']:.2f} s under the profiler, `{p['file']}`).",
        "",
        "| stage | s | share |",
        "|---|---|---|",
    ]
    for key, label in INGEST_STAGES.items():
        t = p["stages"].get(key, 0.0)
        out.append(f"| {label} | {t:.2f} | {t / p['duration_s']:.0%} |")
    return [*out, ""]


def search_profile_section(results: Results) -> list[str]:
    ps = results.get("search", {}).get("profile")
    if not ps:
        return []
    out = [
        f"Search profile: the slowest class at {ps['size']:,} articles ({CLASS_LABELS[ps['class']]}), "
        f"{ps['reps']} rounds under pyinstrument: `{ps['file']}`.",
        "",
    ]
    sq = ps["sql"]
    out += [
        f"Time inside SQLite for those queries: {sq['sql_ms_per_search']:.1f} of {sq['ms_per_search']:.1f} ms "
        "per search; the costliest statements (ms per search):",
        "",
        "| ms | statement (start) |",
        "|---|---|",
    ]
    out += [f"| {st['ms_per_search']:.2f} | `{st['sql'][:150]}` |" for st in sq["statements"]]
    return [*out, ""]


def queries_section(results: Results) -> list[str]:
    queries = results.get("search", {}).get("queries", [])
    if not queries:
        return []
    by_cls: dict[str, list[str]] = {}
    for q in queries:
        by_cls.setdefault(q["cls"], []).append(q["text"])
    out = [
        "## Queries",
        "",
        "Derived from the corpus's first shard by `benchmarks/queries.py` (fixed seed), the same at every size:",
        "",
    ]
    out += [f"- {CLASS_LABELS[c]}: " + ", ".join(f"`{t}`" for t in by_cls[c]) for c in CLASSES if c in by_cls]
    return [*out, ""]


SECTIONS: tuple[Callable[[Results], list[str]], ...] = (
    header,
    targets_section,
    analysis_section,
    ingest_section,
    search_section,
    coldstart_section,
    digests_section,
    ingest_profile_section,
    search_profile_section,
    queries_section,
)


def generated(results: Results) -> str:
    """The generated part of BENCHMARKS.md, ending with the `END` marker."""
    return "\n".join(line for section in SECTIONS for line in section(results)) + "\n" + END + "\n"


def hand_written(text: str) -> str:
    """What follows the `END` marker in an existing BENCHMARKS.md, from its first line that is not blank
    (empty without a marker)."""
    _, marker, rest = text.partition(END)
    return rest.lstrip("\n") if marker else ""


def render(results: Results) -> None:
    """Rewrite the generated part of BENCHMARKS.md (keeping the hand-written rest, one blank line after the
    marker) and the plot."""
    if "machine" not in results:
        raise SystemExit("no results yet: run `python -m benchmarks` first")
    old = REPORT.read_text(encoding="utf-8") if REPORT.exists() else ""
    rest = hand_written(old)
    REPORT.write_text(generated(results) + ("\n" + rest if rest else ""), encoding="utf-8")
    if importlib.util.find_spec("matplotlib") is None:
        log(f"plot not redrawn: matplotlib is not installed (pip install -e '.[bench]'); kept {PLOT.name}")
    elif _by_size(results, "search"):
        plot(results)
    log(f"wrote {REPORT.name} and {PLOT.name}")


def plot(results: Results) -> None:
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    sizes = _by_size(results, "search")
    xs = [s["articles"] for s in sizes]
    fig, axes = plt.subplots(1, 2, figsize=(12, 5.8), sharey=True)
    styles = {
        "newsbot": ("newsbot", "tab:blue", "o"),
        "like": ("LIKE '%…%' scan", "tab:red", "s"),
        "trigram": ("FTS5 trigram (finds nothing for 1-2 character terms)", "tab:green", "^"),
    }
    for ax, stat in zip(axes, ("p50", "p99"), strict=True):
        for engine, (label, color, marker) in styles.items():
            ys = [s["search"]["engines"][engine]["all"][stat] for s in sizes]
            ax.plot(xs, ys, marker=marker, color=color, label=label, linewidth=2)
            for x, y in zip(xs, ys, strict=True):
                label_y = f"{y:.2f}" if y < 1 else (f"{y:.1f}" if y < 100 else f"{y:.0f}")
                ax.annotate(
                    label_y,
                    (x, y),
                    textcoords="offset points",
                    xytext=(0, 6),
                    ha="center",
                    fontsize=8,
                    color=color,
                )
        for engine, label in (("newsbot", "newsbot"), ("trigram", "FTS5 trigram")):
            long_terms = [(s["articles"], s["search"]["engines"][engine].get("long_terms")) for s in sizes]
            pts = [(x, v[stat]) for x, v in long_terms if v]
            if pts:
                ax.plot(
                    [x for x, _ in pts],
                    [y for _, y in pts],
                    linestyle=":",
                    marker=".",
                    color=styles[engine][1],
                    alpha=0.8,
                    label=f"{label}, only queries whose terms all have ≥ 3 characters",
                )
        if stat == "p99":
            ax.axhline(20, color="grey", linestyle=":", linewidth=1)
            ax.axhline(50, color="grey", linestyle="--", linewidth=1)
            ax.text(xs[0], 21, "20 ms target (20k)", fontsize=8, color="grey")
            ax.text(xs[0], 52, "50 ms target (100k)", fontsize=8, color="grey")
        ax.set_xscale("log")
        ax.set_yscale("log")
        ax.set_xticks(xs)
        ax.set_xticklabels([f"{x // 1000}k" for x in xs])
        ax.set_xlabel("articles in the corpus")
        ax.set_title(f"search latency {stat}, all query classes (snippets included)")
        ax.grid(True, which="both", alpha=0.3)
    axes[0].set_ylabel("milliseconds per query (log scale)")
    handles, labels = axes[0].get_legend_handles_labels()
    fig.legend(handles, labels, loc="lower center", ncol=3, fontsize=8.5, frameon=False)
    fig.tight_layout(rect=(0, 0.1, 1, 1))
    fig.savefig(PLOT, dpi=110)
    plt.close(fig)
