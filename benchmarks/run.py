"""The common benchmark runner: every registered area, one after another.

    python -m benchmarks                      # the full run (needs the bench extra); rewrites BENCHMARKS.md
    python -m benchmarks --quick              # the smoke run CI makes: small, fast, no plotting extra,
                                              #   results in benchmarks/.cache/quick/, nothing committed changes
    python -m benchmarks --only search,digests
    python -m benchmarks --list               # the registered areas
    python -m benchmarks --report-only        # re-render BENCHMARKS.md and the plot from results.json

(`python -m benchmarks.run` is the same command.) Each area is a module with ``main(argv) -> int | None``
that accepts ``--quick``; the runner calls it with ``["--quick"]`` or ``[]``. Options of one area (sizes,
repetitions, budgets) are given by running that module: ``python -m benchmarks.search --sizes 1000,20000``.
One area failing does not stop the others; the runner exits non-zero if any failed. An area that needs
what CI lacks (the real news corpus, Tantivy) says so in `NEEDS` and is skipped, with the reason, without it.
"""

from __future__ import annotations

import argparse
import importlib
import importlib.util
import os
import time
import traceback
from collections.abc import Callable

from benchmarks.common import RESULTS, Mode, load_results, log
from benchmarks.peopledaily import CACHE_FILE as PEOPLEDAILY_CACHE
from benchmarks.peopledaily import ENV as PEOPLEDAILY_ENV
from benchmarks.realnews import CACHE_FILE as REALNEWS_CACHE
from benchmarks.realnews import ENV as REALNEWS_ENV
from benchmarks.rmrb import available as rmrb_available

# The registry: area name -> module. Order matters: ingest builds the databases the next three measure.
AREAS: dict[str, str] = {
    "ingest": "benchmarks.ingest",
    "search": "benchmarks.search",
    "coldstart": "benchmarks.coldstart",
    "digests": "benchmarks.digests",
    "parsing": "benchmarks.parsing",
    "scale": "benchmarks.scale",
    "answers": "benchmarks.answers",
    "sending": "benchmarks.sending",
    "contention": "benchmarks.contention",
    "near_duplicates": "benchmarks.near_duplicates",
    "backends": "benchmarks.backends",
}


def _installed(module: str) -> Callable[[], str | None]:
    def check() -> str | None:
        return None if importlib.util.find_spec(module) else f"{module} is not installed (the bench extra)"

    return check


def _realnews() -> str | None:
    if REALNEWS_CACHE.exists() or os.environ.get(REALNEWS_ENV):
        return None
    return f"the real news corpus is not cached (set {REALNEWS_ENV}; see benchmarks/realnews.py)"


def _answer_corpora() -> str | None:
    """The answers area measures a set on each corpus present (CCTV: the judged set, People's Daily: the
    frozen one) and says which it skipped; it needs one of them."""
    if _realnews() is None or PEOPLEDAILY_CACHE.exists() or os.environ.get(PEOPLEDAILY_ENV):
        return None
    return (
        f"neither the real news corpus nor the People's Daily corpus is cached (set {REALNEWS_ENV} or "
        f"{PEOPLEDAILY_ENV}; see benchmarks/realnews.py, benchmarks/peopledaily.py)"
    )


def _any_news() -> str | None:
    """The parsing area runs on the CCTV corpus or the People's Daily one (`benchmarks.rmrb`)."""
    return None if rmrb_available() else _realnews()


# What an area needs beyond the test extra: without it the area is skipped, with the reason, and the run
# does not fail (CI has neither the bench extra nor the real news corpus).
NEEDS: dict[str, Callable[[], str | None]] = {
    "parsing": _any_news,
    "scale": _installed("tantivy"),
    "answers": _answer_corpora,
    "contention": _realnews,
    "near_duplicates": _realnews,
}


def run_area(name: str, quick: bool) -> bool:
    """Run one area's ``main``; True when it finished with exit status 0 (or None), or was skipped."""
    missing = NEEDS.get(name, lambda: None)()
    if missing:
        log(f"=== {name} skipped: {missing}")
        return True
    module = importlib.import_module(AREAS[name])
    log(f"=== {name} ({AREAS[name]}){' --quick' if quick else ''}")
    t0 = time.perf_counter()
    try:
        status = module.main(["--quick"] if quick else [])
    except SystemExit as exc:  # an area's argparse or its own one-line refusal
        status = exc.code
    except Exception:
        log(f"=== {name} failed:\n{traceback.format_exc()}")
        return False
    ok = status in (None, 0)
    log(
        f"=== {name} {'done' if ok else f'failed (exit status {status})'} in {time.perf_counter() - t0:.1f} s"
    )
    return ok


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(prog="python -m benchmarks", description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="each area's smoke run (CI runs this)")
    ap.add_argument("--only", metavar="AREA[,AREA]", help="run only these areas (see --list)")
    ap.add_argument("--list", action="store_true", help="print the registered areas and exit")
    ap.add_argument("--report-only", action="store_true", help="re-render BENCHMARKS.md from results.json")
    args = ap.parse_args(argv)
    if args.list:
        for name, module in AREAS.items():
            print(f"{name:12} python -m {module}")
        return 0
    if args.report_only:
        from benchmarks.report import render

        results = load_results(Mode(quick=False))
        if not results:
            ap.error(f"no {RESULTS.name} yet: run `python -m benchmarks` first")
        render(results)
        return 0
    names = list(AREAS)
    if args.only:
        names = [n.strip() for n in args.only.split(",") if n.strip()]
        unknown = [n for n in names if n not in AREAS]
        if unknown:
            ap.error(f"unknown area {', '.join(unknown)}; the areas are {', '.join(AREAS)}")
    t0 = time.perf_counter()
    failed = [name for name in names if not run_area(name, args.quick)]
    took = time.perf_counter() - t0
    if failed:
        log(f"benchmarks failed: {', '.join(failed)} ({took:.0f} s)")
        return 1
    log(f"benchmarks done: {', '.join(names)} ({took:.0f} s)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
