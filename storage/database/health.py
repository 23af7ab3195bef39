"""What an operator needs to know is alive: the database, the last ingest, the background services.

Services (the digest scheduler, the inbox watcher) call `beat(db, name)` each time they run; `check`
reads it all back and decides whether the whole is healthy. Pure decisions take `now` as an argument.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

import sqlite_utils

from storage.database.connection import latest_version, on_read_only_file_system, schema_version, unwritable
from storage.database.postgres import connect, is_postgres_url
from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.errors import StorageError
from storage.urls import safe_url


@dataclass(frozen=True)
class Health:
    ok: bool
    database: str  # "ok" or the error
    schema_version: int | None = None
    articles: int | None = None
    last_ingest: str | None = None
    services: dict[str, dict[str, Any]] = field(default_factory=dict)
    problems: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, Any]:
        return {
            "ok": self.ok,
            "database": self.database,
            "schema_version": self.schema_version,
            "articles": self.articles,
            "last_ingest": self.last_ingest,
            "services": self.services,
            "problems": list(self.problems),
        }


def beat(
    db: sqlite_utils.Database, name: str, *, detail: str | None = None, now: datetime | None = None
) -> None:
    """Record that the service `name` just ran."""
    stamp = (now or datetime.now(UTC)).isoformat(timespec="seconds")
    with write_transaction(db):
        db.execute(
            "INSERT INTO heartbeats (name, at, detail) VALUES (?, ?, ?) "
            "ON CONFLICT(name) DO UPDATE SET at = excluded.at, detail = excluded.detail",
            [name, stamp, detail],
        )


def read_state(db: sqlite_utils.Database) -> dict[str, Any]:
    """The raw facts `assess` judges: schema version, article count, last ingest, heartbeats."""
    articles, last_ingest = db.execute("SELECT count(*), max(ingested_at) FROM articles").fetchone()
    beats = {
        name: {"at": at, "detail": detail}
        for name, at, detail in db.execute("SELECT name, at, detail FROM heartbeats ORDER BY name").fetchall()
    }
    return {
        "schema_version": schema_version(db),
        "articles": articles,
        "last_ingest": last_ingest,
        "services": beats,
    }


def assess(state: dict[str, Any], *, now: datetime, expected: dict[str, timedelta] | None = None) -> Health:
    """Judge the facts: the schema is current, there are articles, each expected service beat recently."""
    problems: list[str] = []
    if state["schema_version"] != latest_version():
        problems.append(f"schema version {state['schema_version']}, expected {latest_version()}")
    if not state["articles"]:
        problems.append("no articles stored")
    services: dict[str, dict[str, Any]] = {}
    for name, info in state["services"].items():
        services[name] = dict(info)
    for name, max_age in (expected or {}).items():
        info = services.setdefault(name, {"at": None, "detail": None})
        if info["at"] is None:
            problems.append(f"{name} has not run yet")
            info["stale"] = True
            continue
        age = now - datetime.fromisoformat(info["at"])
        info["age_seconds"] = int(age.total_seconds())
        info["stale"] = age > max_age
        if info["stale"]:
            problems.append(f"{name} last ran {int(age.total_seconds())} s ago")
    return Health(
        ok=not problems,
        database="ok",
        schema_version=state["schema_version"],
        articles=state["articles"],
        last_ingest=state["last_ingest"],
        services=services,
        problems=tuple(problems),
    )


def check(
    db_path: str | Path, *, now: datetime | None = None, expected: dict[str, timedelta] | None = None
) -> Health:
    """Open the database read-only and report; an unreachable database is reported, not raised. `db_path`
    is the SQLite file, or a PostgreSQL URL."""
    if is_postgres_url(str(db_path)):
        return _check_postgres(str(db_path), now=now, expected=expected)
    path = Path(db_path)
    if not path.is_file():
        return Health(ok=False, database=f"{path}: no database file", problems=("database missing",))
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro", uri=True, timeout=5)
    except sqlite3.Error as exc:
        return Health(ok=False, database=str(exc), problems=("database unreachable",))
    try:
        state = read_state(sqlite_utils.Database(conn))
    except sqlite3.Error as exc:
        conn.close()
        return _check_read_only_mount(path, exc, now=now, expected=expected)
    conn.close()
    return assess(state, now=now or datetime.now(UTC), expected=expected)


def _check_read_only_mount(
    path: Path, exc: sqlite3.Error, *, now: datetime | None, expected: dict[str, timedelta] | None
) -> Health:
    """`check` of the SQLite file `path` whose read failed with `exc`: on a read-only mount SQLite cannot
    make the WAL's -shm file, though the data, all in the file when no -wal file is beside it, can be
    read as it is; it is reported readable but not writable. Otherwise the database is unreadable."""
    unreadable = Health(ok=False, database=str(exc), problems=("database unreadable",))
    if not on_read_only_file_system(path) or Path(f"{path}-wal").exists():
        return unreadable
    try:
        conn = sqlite3.connect(f"{path.resolve().as_uri()}?mode=ro&immutable=1", uri=True, timeout=5)
        try:
            state = read_state(sqlite_utils.Database(conn))
        finally:
            conn.close()
    except sqlite3.Error:
        return unreadable
    health = assess(state, now=now or datetime.now(UTC), expected=expected)
    return replace(
        health,
        ok=False,
        database=f"readable, but {unwritable(path)}",
        problems=("database not writable", *health.problems),
    )


def _check_postgres(url: str, *, now: datetime | None, expected: dict[str, timedelta] | None) -> Health:
    """`check` on a PostgreSQL server: one connection, one read-only snapshot, no migrations."""
    try:
        conn = connect(url)
    except StorageError as exc:
        return Health(ok=False, database=str(exc), problems=("database unreachable",))
    try:
        conn.execute("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        state = read_state(conn)  # type: ignore[arg-type]
    except StorageError as exc:
        return Health(ok=False, database=f"{safe_url(url)}: {exc}", problems=("database unreadable",))
    finally:
        conn.close()
    return assess(state, now=now or datetime.now(UTC), expected=expected)
