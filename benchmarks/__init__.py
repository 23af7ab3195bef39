"""newsbot's benchmarks: one module per area, one runner. The app never imports this package.

    python -m benchmarks                 # every area, full size (pip install -e '.[bench]'); BENCHMARKS.md
    python -m benchmarks --quick         # every area's smoke run, under a minute, no plotting extra (CI)
    python -m benchmarks --only search   # some areas; `--list` names them
    python -m benchmarks.search --sizes 1000,20000   # one area with its own options

Areas (each ``python -m benchmarks.<area>`` with ``--quick``):

- `benchmarks.ingest` - the corpus through newsbot's ingest, the baselines' tables, size on disk
- `benchmarks.search` - search latency per query class against ``LIKE`` and FTS5 trigram
- `benchmarks.coldstart` - a new process's first answer, peak RSS, the CLI's search
- `benchmarks.digests` - a digest run for 10,000 keyword subscriptions
- `benchmarks.parsing` - the OCR page parser on real news laid out as papers print it (needs the real
  news corpus)
- `benchmarks.scale` - growth from 1k to 1M articles against Tantivy and LIKE (needs tantivy)
- `benchmarks.answers` - judged questions on real news, asked through the chat, and a frozen set on
  People's Daily nobody tunes on, both beside a BM25 anchor (needs the real news corpus or the People's
  Daily one; the anchor needs tantivy)
- `benchmarks.sending` - the send budget against PTB's `AIORateLimiter` on one burst
- `benchmarks.contention` - replies while news arrives, with real processes (needs the real news corpus)
- `benchmarks.near_duplicates` - the same story from several sources: false merges, recall, cost (needs
  the real news corpus)
- `benchmarks.backends` - PostgreSQL beside SQLite: same first results, ingest rate, search p50/p99 at
  20k and 100k, replies while news arrives (a PostgreSQL server; the full run's real-text parts need the
  real news corpus; `--quick` is skipped, saying why, where no server can be started)

Shared pieces: `benchmarks.common` (paths, the results file, timing), `benchmarks.corpus` (the generated
corpus), `benchmarks.queries` (the query classes), `benchmarks.probe` (the cold-start process),
`benchmarks.realnews` (real published news for evaluations), `benchmarks.report` (BENCHMARKS.md).
`benchmarks.scale_paired` (not an area: it needs two checkouts) times `benchmarks.scale`'s queries on an
old and a new checkout in turn, each on its own copy of one archive.

Adding an area: write ``benchmarks/<area>.py`` with ``main(argv: list[str] | None = None) -> int | None``
that accepts ``--quick`` (small, well under a minute, no plotting extra, fails with a non-zero status or
an exception when the measurement is nonsense), then add one line to ``AREAS`` in `benchmarks.run`::

    "myarea": "benchmarks.myarea",

The runner then runs it after the others, with ``["--quick"]`` or ``[]``. If the area needs something
CI does not have (a package of the bench extra, a corpus outside the repository), add a check to
``NEEDS`` beside it, and the runner skips the area with the reason when that is missing.
"""
