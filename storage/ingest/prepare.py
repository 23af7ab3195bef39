"""Preparing parsed articles for the index in worker processes, so that one writer only stores.

What the index stores for an article (`storage.database.index.prepare_document`: normalised text, jieba
words, character bigrams, date tokens, summary, keywords) depends on the article alone, so it can be
computed anywhere. `prepare_articles` does it in this process; a `Preparer` does it in a pool of worker
processes (forked, so they share the segmenter's dictionary loaded before the fork) while the caller
keeps writing (`submit` returns at once; `Pending.result()` waits). Each result carries the
fingerprint of the text it was made from (only the document travels back, not the text again).

Workers end with the process that started them, however it ends (issue 23: a ``kill -9`` of ``newsbot
ingest`` left its workers waiting on their task queue forever, since each holds the queue's other end). On
Linux each worker asks the kernel for SIGKILL when its parent dies (``prctl(PR_SET_PDEATHSIG)``); on every
platform a daemon thread in the worker also ends it once its parent is no longer the process that started
it (`_end_with_parent`).
"""

from __future__ import annotations

import ctypes
import logging
import multiprocessing
import os
import signal
import sys
import threading
import time
from collections.abc import Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass

from storage.database.access import Database
from storage.database.index import IndexedDoc, prepare_document
from storage.models import ParsedArticle
from storage.records.articles import fingerprint, stored_fingerprints

log = logging.getLogger(__name__)

# Articles per task sent to a worker: large enough that pickling and scheduling stay small.
CHUNK = 250
# How often a worker's watch thread checks that its parent is still alive.
PARENT_POLL_SECONDS = 0.5
PR_SET_PDEATHSIG = 1  # <linux/prctl.h>


@dataclass(frozen=True)
class PreparedArticle:
    fingerprint: str  # storage.records.articles.fingerprint of the body it was made from
    doc: IndexedDoc


def prepare_articles(articles: Sequence[ParsedArticle]) -> list[PreparedArticle]:
    """The index documents of `articles`, in order (pure apart from the segmenter's dictionary)."""
    out = []
    for a in articles:
        body = a.body
        doc = prepare_document(a.title, body, a.byline, list(a.paragraphs) or body.split("\n"))
        out.append(PreparedArticle(fingerprint(body), doc))
    return out


def default_workers() -> int:
    """Worker processes worth starting: one per CPU core, none on a single core."""
    cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    return cores if cores > 1 else 0


def _warm() -> None:
    from storage.text.normalize import fold
    from storage.text.segment import cut
    from storage.text.summary import idf_table

    cut("预热")
    fold("預熱")
    idf_table()


def _set_parent_death_signal() -> None:
    """On Linux, have the kernel send this process SIGKILL when its parent dies (strictly: when the
    parent's thread that forked it ends; `Preparer` forks from the thread that then uses and closes it).
    A no-op elsewhere or when the call fails; the watch thread still ends the process."""
    if not sys.platform.startswith("linux"):
        return
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0)
    except (OSError, AttributeError):
        pass


def _watch_parent(parent: int) -> None:
    while os.getppid() == parent:
        time.sleep(PARENT_POLL_SECONDS)
    os._exit(1)


def _end_with_parent(parent: int) -> None:
    """A worker's initializer: end this process when `parent` (the pid that started it) ends. SIGKILL
    rather than SIGTERM, since a handler inherited through the fork may ignore SIGTERM, and a worker holds
    nothing to clean up. If the parent died before the signal was set, the parent pid has already
    changed and the worker ends at once."""
    _set_parent_death_signal()
    if os.getppid() != parent:
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent,), name="watch-parent", daemon=True).start()


class Preparer:
    """A pool of `workers` processes preparing articles; `submit` returns a future of the results
    in order. With 0 workers it prepares in the calling thread (the future is already done)."""

    def __init__(self, workers: int | None = None) -> None:
        self.workers = default_workers() if workers is None else max(0, int(workers))
        self._pool: ProcessPoolExecutor | None = None
        if self.workers:
            _warm()  # loaded once here, shared with the forked workers
            ctx = multiprocessing.get_context("fork")
            self._pool = ProcessPoolExecutor(
                max_workers=self.workers,
                mp_context=ctx,
                initializer=_end_with_parent,
                initargs=(os.getpid(),),
            )

    def submit(self, articles: Sequence[ParsedArticle]) -> Pending:
        """Start preparing `articles`; `.result()` of the answer waits for them."""
        if self._pool is None:
            return Pending([], prepare_articles(articles))
        chunks = [list(articles[i : i + CHUNK]) for i in range(0, len(articles), CHUNK)]
        return Pending([self._pool.submit(prepare_articles, c) for c in chunks])

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None

    def __enter__(self) -> Preparer:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


class Pending:
    """Articles being prepared: `result()` waits for them and gives them in order (or raises a
    worker's error)."""

    def __init__(
        self, parts: list[Future[list[PreparedArticle]]], ready: list[PreparedArticle] | None = None
    ):
        self._parts = parts
        self._ready = ready

    def result(self) -> list[PreparedArticle]:
        if self._ready is None:
            self._ready = [x for p in self._parts for x in p.result()]
        return self._ready


def ready_docs(db: Database, pending: Pending) -> tuple[list[str], dict[str, IndexedDoc]] | None:
    """The fingerprint of each of `pending`'s articles, in order, and the documents of those not stored yet,
    by fingerprint (reads; no write lock), as `storage.ingest.pipeline.prepare_batch` gives them; None when
    a worker failed (the caller then prepares the batch itself, where an error reports like any other)."""
    try:
        ready = pending.result()
    except Exception:
        log.warning("preparing articles in a worker process failed; preparing them here", exc_info=True)
        return None
    fps = [p.fingerprint for p in ready]
    known = db.read(stored_fingerprints, fps)
    return fps, {p.fingerprint: p.doc for p in ready if p.fingerprint not in known}
