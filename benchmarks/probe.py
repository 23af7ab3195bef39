"""The search process of the cold-start and memory measurement (run by `benchmarks.coldstart` as a subprocess).

    python -m benchmarks.probe DB QUERIES.json

Prints one JSON line as soon as the first query is answered (the parent times process start to that
line), then answers every query of QUERIES.json (a list of strings) once and prints a second JSON line
with the process's peak RSS and CPU time. Peak RSS is ``VmHWM`` from /proc/self/status: ``ru_maxrss``
is not used because Linux carries the parent's high-water mark across fork/exec into it. Uses only newsbot's public API.
"""

from __future__ import annotations

import json
import resource
import sys
import time


def peak_rss_mb() -> float:
    with open("/proc/self/status", encoding="ascii") as fh:
        for line in fh:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def main(argv: list[str]) -> None:
    db_path, queries_path = argv
    with open(queries_path, encoding="utf-8") as fh:
        queries = json.load(fh)
    # sqlite-utils imports numpy and pandas when they are installed. They are not newsbot's dependencies
    # (the bench extra's matplotlib brings numpy): hide them, so the probe loads what a deployed newsbot
    # loads (numpy alone adds ~0.3 s to a cold start here).
    for name in ("numpy", "pandas"):
        sys.modules.setdefault(name, None)  # type: ignore[arg-type]
    from storage.database.connection import open_db
    from storage.search.engine import Searcher

    db = open_db(db_path)
    searcher = Searcher(db)
    first = searcher.search(queries[0], limit=10)
    print(json.dumps({"event": "first", "total": first.total}), flush=True)
    t0 = time.perf_counter()
    for q in queries:
        searcher.search(q, limit=10)
    usage = resource.getrusage(resource.RUSAGE_SELF)
    print(
        json.dumps(
            {
                "event": "done",
                "queries": len(queries),
                "seconds": time.perf_counter() - t0,
                "maxrss_mb": peak_rss_mb(),
                "ru_maxrss_mb": usage.ru_maxrss / 1024,
                "cpu_s": usage.ru_utime + usage.ru_stime,
            }
        ),
        flush=True,
    )
    db.close()


if __name__ == "__main__":
    main(sys.argv[1:])
