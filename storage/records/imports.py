"""The import record: how far the import of one file got (migration 5, table ``imports``).

A file is stored in batches, each its own transaction (short, so the bot's writes never wait long). The
row for the file's import is created by the first batch and updated by every batch in the same
transaction as its articles, so after a crash (kill -9, power loss) it says exactly which articles are in:
``stored`` counts the file's articles committed so far, in file order. The next ingest of the same file
(same articles, same metadata: the same ``digest``) resumes after them and adds its counts to the row's;
the file ends fully imported. ``status`` is ``running`` until the last batch, then ``done``.
"""

from __future__ import annotations

import dataclasses
import hashlib
import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, datetime

import sqlite_utils

from storage.models import ParsedArticle

RUNNING = "running"
DONE = "done"


@dataclass(frozen=True)
class ImportRecord:
    id: int
    file: str
    digest: str
    articles: int
    stored: int
    new: int
    known: int
    updated: int
    status: str

    @property
    def finished(self) -> bool:
        return self.status == DONE


_COLUMNS = "id, file, digest, articles, stored, new, known, updated, status"


def import_digest(articles: Iterable[ParsedArticle]) -> str:
    """Identity of one file's parsed articles, metadata included (pure): a rerun of the same file with
    the same options has the same digest, and resumes where the last run stopped."""
    h = hashlib.sha256()
    names = [f.name for f in dataclasses.fields(ParsedArticle)]
    for article in articles:
        # The same JSON as of dataclasses.asdict(article) (its fields are plain values and tuples),
        # without asdict's deep copy: ingest computes this for every file.
        record = {name: getattr(article, name) for name in names}
        h.update(json.dumps(record, ensure_ascii=False, sort_keys=True).encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def _record(row: tuple) -> ImportRecord:
    articles, stored, new, known, updated = (int(v) for v in row[3:8])
    return ImportRecord(int(row[0]), row[1], row[2], articles, stored, new, known, updated, row[8])


def unfinished_import(db: sqlite_utils.Database, digest: str) -> ImportRecord | None:
    """The latest interrupted import of these articles, if any."""
    row = db.execute(
        f"SELECT {_COLUMNS} FROM imports WHERE digest = ? AND status = ? ORDER BY id DESC LIMIT 1",
        [digest, RUNNING],
    ).fetchone()
    return _record(row) if row else None


def unfinished_imports(db: sqlite_utils.Database) -> list[ImportRecord]:
    """Every import that stopped before its last batch (oldest first)."""
    rows = db.execute(f"SELECT {_COLUMNS} FROM imports WHERE status = ? ORDER BY id", [RUNNING]).fetchall()
    return [_record(r) for r in rows]


def start_import(
    db: sqlite_utils.Database, file: str, digest: str, articles: int, *, now: datetime | None = None
) -> int:
    """Create the record of a new import (inside the caller's transaction, with its first batch)."""
    cursor = db.execute(
        "INSERT INTO imports (file, digest, articles, status, started_at) VALUES (?, ?, ?, ?, ?) RETURNING id",
        [file, digest, articles, RUNNING, _now(now)],
    )
    return int(cursor.fetchone()[0])


def record_batch(
    db: sqlite_utils.Database,
    import_id: int,
    *,
    stored: int,
    new: int,
    known: int,
    updated: int,
    now: datetime | None = None,
) -> ImportRecord:
    """Add one committed batch to the record (inside the batch's transaction); done after the last one."""
    db.execute(
        "UPDATE imports SET stored = stored + ?, new = new + ?, known = known + ?, updated = updated + ? "
        "WHERE id = ?",
        [stored, new, known, updated, import_id],
    )
    db.execute(
        "UPDATE imports SET status = ?, finished_at = ? WHERE id = ? AND stored >= articles",
        [DONE, _now(now), import_id],
    )
    row = db.execute(f"SELECT {_COLUMNS} FROM imports WHERE id = ?", [import_id]).fetchone()
    return _record(row)


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
