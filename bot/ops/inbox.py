"""The inbox: page files dropped into ``NEWSBOT_INBOX`` are ingested by the running bot.

At every digest check (before the digests are composed, so new articles can be in them), the files
directly in the inbox with a supported suffix (``.txt`` OCR pages, ``.jsonl``) are ingested one by one with
`storage.ingest.pipeline.ingest_file` (a ``manifest.json`` in the inbox applies as usual; short batches, so
the bot keeps answering) and then moved to ``done/`` or, when the file itself could not be read or parsed,
to ``failed/`` with the reason logged, so each file is ingested once.

A file that fails because of the database (busy with another writer for longer than a batch may wait,
or any other database error) is not the file's fault: it stays in the inbox, the rest of this check's
files wait too, and the next check tries again, resuming after the batches already stored. Nothing is
lost to contention.

Files modified in the last few seconds are left for the next check: they may still be being written
(copy into the inbox, or better, write elsewhere and ``mv`` in).

One check at a time per inbox: a check that starts while another is still ingesting (the digest job
lets a second tick run beside a long one, and several replicas of ``newsbot serve`` may share one inbox)
returns at once and leaves the files to it, instead of ingesting the same file again and finding it
moved (issue 23). Within a process a lock per inbox decides; between processes an exclusive ``flock`` on
the inbox directory itself (released by the kernel when its holder dies, so a killed replica never
leaves the inbox locked). That covers replicas on one host, or on several hosts that
mount the inbox where ``flock`` is shared; replicas on hosts without a shared file lock (PostgreSQL
across machines, each with its own view of the folder) would need the claim in the database instead.
"""

from __future__ import annotations

import contextlib
import logging
import os
import threading
import time
from collections.abc import Iterator
from pathlib import Path

import sqlite_utils

from storage.database.access import Database, as_database
from storage.ingest.manifest import Manifest
from storage.ingest.pipeline import BATCH_WAIT, SUPPORTED, FileResult, IngestReport, ingest_file, merge_index

try:
    import fcntl
except ImportError:  # Windows: one check at a time per process only
    fcntl = None  # type: ignore[assignment]

log = logging.getLogger(__name__)

DONE = "done"
FAILED = "failed"
SETTLE_SECONDS = 5.0

# One lock per inbox directory for the whole process: the directory is shared by every check in it.
_checks: dict[Path, threading.Lock] = {}
_checks_guard = threading.Lock()


def _check_lock(inbox: Path) -> threading.Lock:
    with _checks_guard:
        return _checks.setdefault(inbox.resolve(), threading.Lock())


@contextlib.contextmanager
def _inbox_turn(inbox: Path) -> Iterator[bool]:
    """Whether this check has the inbox to itself: this process's lock, then a ``flock`` on the directory
    (other processes). False at once when another check holds either."""
    lock = _check_lock(inbox)
    if not lock.acquire(blocking=False):
        yield False
        return
    try:
        if fcntl is None or not inbox.is_dir():
            yield True
            return
        fd = os.open(inbox, os.O_RDONLY)
        try:
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                yield False
                return
            yield True
        finally:
            os.close(fd)  # releases the flock
    finally:
        lock.release()


def inbox_problem(inbox: Path) -> str | None:
    """Why files dropped at `inbox` would never be ingested and moved away, or None when they would."""
    if not inbox.exists():
        return "the folder does not exist"
    if not inbox.is_dir():
        return "not a folder"
    if not os.access(inbox, os.R_OK | os.W_OK | os.X_OK):
        return (
            "this user may not read and write the folder (ingested files are moved to done/ or failed/ in it)"
        )
    return None


def warn_if_unusable(inbox: Path) -> None:
    """One warning at start when NEWSBOT_INBOX names a folder the checks cannot use (a typo, a missing mount)."""
    problem = inbox_problem(inbox)
    if problem is not None:
        log.warning(
            "inbox: NEWSBOT_INBOX=%s: %s; nothing is ingested from it until that changes",
            inbox,
            problem,
            extra={"inbox": str(inbox)},
        )


def pending_files(inbox: Path, *, now: float, settle_seconds: float = SETTLE_SECONDS) -> list[Path]:
    """Files waiting in the inbox, oldest name first; hidden and still-changing files are left alone."""
    if not inbox.is_dir():
        return []
    out = []
    for path in sorted(inbox.iterdir()):
        if not path.is_file() or path.name.startswith(".") or path.suffix.lower() not in SUPPORTED:
            continue
        try:
            if now - path.stat().st_mtime < settle_seconds:
                continue
        except OSError:
            continue
        out.append(path)
    return out


def _move(path: Path, folder: Path) -> Path:
    folder.mkdir(exist_ok=True)
    target = folder / path.name
    n = 1
    while target.exists():
        target = folder / f"{path.stem}.{n}{path.suffix}"
        n += 1
    path.rename(target)
    return target


def ingest_inbox(
    db: sqlite_utils.Database | Database,
    inbox: Path,
    *,
    now: float | None = None,
    settle_seconds: float = SETTLE_SECONDS,
    wait: float = BATCH_WAIT,
) -> IngestReport:
    """Ingest the pending files and move each to ``done/`` or ``failed/``; the report lists them. A file
    the database could not take stays for the next check, and a check that finds another one running on
    the same inbox returns an empty report at once (see the module doc)."""
    with _inbox_turn(inbox) as mine:
        if not mine:
            log.info(
                "inbox: another check (this process or another replica) is ingesting; its files are left to it",
                extra={"inbox": str(inbox)},
            )
            return IngestReport()
        return _ingest_pending(as_database(db), inbox, now=now, settle_seconds=settle_seconds, wait=wait)


def _ingest_pending(
    database: Database, inbox: Path, *, now: float | None, settle_seconds: float, wait: float
) -> IngestReport:
    report = IngestReport()
    manifests: dict[Path, Manifest] = {}
    for path in pending_files(inbox, now=time.time() if now is None else now, settle_seconds=settle_seconds):
        result: FileResult = ingest_file(database, path, manifests=manifests, wait=wait)
        report.files.append(result)
        if result.database_failed:
            log.log(
                logging.WARNING if result.busy else logging.ERROR,
                "inbox: the database could not take a file; it stays in the inbox for the next check",
                extra={"file": str(path), "error": result.error},
            )
            break
        if result.status == "error":
            log.warning(
                "inbox: file cannot be ingested; moved to failed/",
                extra={"file": str(path), "error": result.error},
            )
        try:
            moved = _move(path, inbox / (FAILED if result.status == "error" else DONE))
        except OSError as exc:
            log.error(
                "inbox: cannot move an ingested file away", extra={"file": str(path), "error": str(exc)}
            )
            continue
        log.info(
            "inbox: file ingested",
            extra={"file": str(moved), "status": result.status, "new": result.new, "error": result.error},
        )
    if any(r.new or r.updated for r in report.files):
        merge_index(database)
    return report
