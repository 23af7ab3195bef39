"""Web sources (news feeds and sites) and their poll state: all the SQL for `newsbot sources` lives here.

Table ``sources`` (migration 5): the URL the operator gave (unique), the feed found for it, a name, the
poll interval, the feed's ``ETag`` and ``Last-Modified`` for conditional GETs, when it was last polled and
with what result (new articles, the last error in words), the number of failures in a row and when the
next poll is due (later than the interval while it backs off). While a replica polls a source, its next
poll is that replica's lease (`claim_poll`), so no other replica polls it at the same time.

`store_articles` stores a poll's articles into the same ``articles`` table as every other ingest and
indexes them in the same transaction, so they are searchable at once; items whose link is already stored
are skipped, and text already stored (by fingerprint) is recognised as today.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from typing import Any

import sqlite_utils

from storage.database.writing import write_transaction
from storage.models import ParsedArticle
from storage.records.articles import UpsertResult, known_urls, upsert_articles
from storage.urls import safe_url

MIN_INTERVAL = timedelta(minutes=1)


@dataclass(frozen=True)
class Source:
    id: int
    url: str
    name: str | None
    interval: timedelta
    feed_url: str | None = None
    etag: str | None = None
    last_modified: str | None = None
    last_poll_at: datetime | None = None
    last_success_at: datetime | None = None
    last_new: int | None = None
    last_error: str | None = None
    failures: int = 0
    next_poll_at: datetime | None = None
    created_at: datetime | None = None

    @property
    def label(self) -> str:
        """The name, else the URL without its password (for lines people read)."""
        return self.name or safe_url(self.url)


@dataclass(frozen=True)
class PollState:
    """What one poll leaves behind for the next one."""

    polled_at: datetime
    next_poll_at: datetime
    ok: bool
    new: int = 0
    error: str | None = None  # why it failed; on success, a partial problem (pages that could not be read)
    feed_url: str | None = None  # the feed found (or kept) for the source
    etag: str | None = None
    last_modified: str | None = None
    name: str | None = None  # the feed's own title, kept when the operator gave none


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds")


def _time(value: str | None) -> datetime | None:
    return datetime.fromisoformat(value) if value else None


def _to_source(row: dict[str, Any]) -> Source:
    return Source(
        id=int(row["id"]),
        url=row["url"],
        name=row["name"],
        interval=timedelta(seconds=int(row["interval_seconds"])),
        feed_url=row["feed_url"],
        etag=row["etag"],
        last_modified=row["last_modified"],
        last_poll_at=_time(row["last_poll_at"]),
        last_success_at=_time(row["last_success_at"]),
        last_new=row["last_new"],
        last_error=row["last_error"],
        failures=int(row["failures"] or 0),
        next_poll_at=_time(row["next_poll_at"]),
        created_at=_time(row["created_at"]),
    )


def add_source(
    db: sqlite_utils.Database,
    url: str,
    *,
    interval: timedelta,
    name: str | None = None,
    feed_url: str | None = None,
    now: datetime | None = None,
) -> tuple[Source, bool]:
    """Add a source, or update the name and interval of the one with this URL (or this feed).

    Returns the source and whether it was new. The interval is at least `MIN_INTERVAL`.
    """
    seconds = int(max(interval, MIN_INTERVAL).total_seconds())
    stamp = _stamp(now or datetime.now(UTC))
    with write_transaction(db):
        existing = find_source(db, url) or (find_source(db, feed_url) if feed_url else None)
        if existing is not None:
            db.execute(
                "UPDATE sources SET name = coalesce(?, name), interval_seconds = ? WHERE id = ?",
                [name, seconds, existing.id],
            )
            updated = get_source(db, existing.id)
            assert updated is not None
            return updated, False
        cursor = db.execute(
            """
            INSERT INTO sources (url, feed_url, name, interval_seconds, next_poll_at, created_at)
            VALUES (?, ?, ?, ?, ?, ?) RETURNING id
            """,
            [url, feed_url, name, seconds, stamp, stamp],
        )
        source = get_source(db, int(cursor.fetchone()[0]))
    assert source is not None
    return source, True


def get_source(db: sqlite_utils.Database, source_id: int) -> Source | None:
    row = next(iter(db.query("SELECT * FROM sources WHERE id = ?", [source_id])), None)
    return _to_source(row) if row is not None else None


def find_source(db: sqlite_utils.Database, ref: str) -> Source | None:
    """A source by id (digits) or by its URL or feed URL."""
    ref = ref.strip()
    if ref.isdigit():
        return get_source(db, int(ref))
    row = next(
        iter(db.query("SELECT * FROM sources WHERE url = ? OR feed_url = ? ORDER BY id LIMIT 1", [ref, ref])),
        None,
    )
    return _to_source(row) if row is not None else None


def list_sources(db: sqlite_utils.Database) -> list[Source]:
    return [_to_source(row) for row in db.query("SELECT * FROM sources ORDER BY id")]


def remove_source(db: sqlite_utils.Database, source_id: int) -> bool:
    """Remove a source (its articles stay). False when there is no such source."""
    with write_transaction(db):
        cursor = db.execute("DELETE FROM sources WHERE id = ?", [source_id])
    return cursor.rowcount > 0


def due_sources(db: sqlite_utils.Database, now: datetime) -> list[Source]:
    """Sources whose next poll is due at `now`, the longest-waiting first."""
    rows = db.query(
        "SELECT * FROM sources WHERE next_poll_at IS NULL OR next_poll_at <= ? "
        # Never polled first, on both backends (SQLite sorts NULL first, PostgreSQL last).
        "ORDER BY next_poll_at IS NOT NULL, next_poll_at, id",
        [_stamp(now)],
    )
    return [_to_source(row) for row in rows]


def claim_poll(db: sqlite_utils.Database, source_id: int, now: datetime, until: datetime) -> bool:
    """Take a due source's poll for one replica: if the source is still due at `now`, its next poll moves
    to `until` (the lease; `record_poll` then sets the real next poll). False when another replica took it
    first. A replica that dies while polling leaves the lease to run out, and the source is due again.

    One conditional UPDATE ... RETURNING, atomic on SQLite and PostgreSQL (a PostgreSQL variant claiming
    several due sources at once would select them ``FOR UPDATE SKIP LOCKED``)."""
    with write_transaction(db):
        row = db.execute(
            "UPDATE sources SET next_poll_at = ? WHERE id = ? AND (next_poll_at IS NULL OR next_poll_at <= ?) "
            "RETURNING id",
            [_stamp(until), source_id, _stamp(now)],
        ).fetchone()
    return row is not None


def record_poll(db: sqlite_utils.Database, source_id: int, state: PollState) -> None:
    """Write a poll's outcome: success resets the failure count, failure increments it."""
    with write_transaction(db):
        if state.ok:
            db.execute(
                """
                UPDATE sources SET last_poll_at = ?, last_success_at = ?, last_new = ?, last_error = ?,
                    failures = 0, next_poll_at = ?, feed_url = coalesce(?, feed_url),
                    etag = ?, last_modified = ?, name = coalesce(name, ?)
                WHERE id = ?
                """,
                [
                    _stamp(state.polled_at),
                    _stamp(state.polled_at),
                    state.new,
                    state.error,
                    _stamp(state.next_poll_at),
                    state.feed_url,
                    state.etag,
                    state.last_modified,
                    state.name,
                    source_id,
                ],
            )
        else:
            db.execute(
                """
                UPDATE sources SET last_poll_at = ?, last_new = ?, last_error = ?, failures = failures + 1,
                    next_poll_at = ?, feed_url = coalesce(?, feed_url)
                WHERE id = ?
                """,
                [
                    _stamp(state.polled_at),
                    state.new,
                    state.error,
                    _stamp(state.next_poll_at),
                    state.feed_url,
                    source_id,
                ],
            )


def unknown_links(db: sqlite_utils.Database, links: Sequence[str]) -> list[str]:
    """The links among `links` no stored article has (feed items worth fetching and storing)."""
    known = known_urls(db, links)
    return [link for link in links if link not in known]


def store_articles(db: sqlite_utils.Database, articles: Sequence[ParsedArticle]) -> UpsertResult:
    """Store and index a poll's articles in one transaction, skipping links already stored."""
    from storage.database.index import index_articles

    with write_transaction(db):
        known = known_urls(db, [a.url for a in articles if a.url])
        fresh = [a for a in articles if not (a.url and a.url in known)]
        stored = upsert_articles(db, fresh, update_known=False)
        if stored.changed_ids:
            index_articles(db, stored.changed_ids)
    return stored
