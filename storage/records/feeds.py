"""Private feeds: one Atom feed per subscription of a web or WeChat reader, at an unguessable token.

A reader who cannot receive pushed digests (the web page, a WeChat follower) gets, for each subscription,
a feed address holding 192 random bits (``secrets.token_urlsafe(24)``); a feed reader polls it. The row
goes with its subscription (/unsubscribe, /forget: `storage.records.subscriptions`), and the address stops
working at once.

What a reader has seen (`feed_seen`, migration 19): the stories a /digest listed as new for a subscription
(`take_unseen`), so the next /digest lists only the others, and (``listed = 0``, migration 21) those it
left out because another subscription of the chat listed them: a reader gets each story once. Reading the
address (a feed reader's poll, a browser) records nothing: a feed stays the newest stories with stable
ids, and feed readers keep their own read state.
"""

from __future__ import annotations

import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import NamedTuple

import sqlite_utils

from storage.database.duplicates import clusters_of
from storage.database.writing import write_transaction
from storage.records.subscriptions import Subscription, _sub_columns, _subscription

TOKEN_BYTES = 24  # 192 bits


@dataclass(frozen=True)
class Feed:
    token: str
    subscription_id: int
    new: bool = False  # created by this call
    number: int = 0  # the subscription's number among the chat's own (`Subscription.number`)


def ensure_feeds(db: sqlite_utils.Database, chat_id: int, *, now: datetime | None = None) -> list[Feed]:
    """A feed for each of the chat's subscriptions (created where missing), by subscription id."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    with write_transaction(db):
        have = chat_feeds(db, chat_id)
        out = []
        rows = db.conn.execute("SELECT id FROM subscriptions WHERE chat_id = ? ORDER BY id", [chat_id])
        for number, (sub_id,) in enumerate(rows.fetchall(), start=1):
            if sub_id in have:
                out.append(Feed(have[sub_id], int(sub_id), number=number))
                continue
            token = secrets.token_urlsafe(TOKEN_BYTES)
            db.conn.execute(
                "INSERT INTO feeds (token, subscription_id, chat_id, created_at) VALUES (?, ?, ?, ?)",
                [token, sub_id, chat_id, stamp],
            )
            out.append(Feed(token, int(sub_id), new=True, number=number))
    return out


def chat_feeds(db: sqlite_utils.Database, chat_id: int) -> dict[int, str]:
    """The chat's feed tokens by subscription id."""
    rows = db.execute("SELECT subscription_id, token FROM feeds WHERE chat_id = ?", [chat_id]).fetchall()
    return {int(sub_id): token for sub_id, token in rows}


def feed_subscription(db: sqlite_utils.Database, token: str) -> Subscription | None:
    """The subscription behind a feed token, or None (unknown token, or the subscription is gone)."""
    row = db.execute(
        f"SELECT {_sub_columns('s')} FROM feeds f JOIN subscriptions s ON s.id = f.subscription_id WHERE f.token = ?",
        [token],
    ).fetchone()
    return _subscription(row) if row else None


def last_stored(db: sqlite_utils.Database, ids: Sequence[int]) -> str | None:
    """When the latest of these articles was stored (ISO, UTC), or None for none."""
    if not ids:
        return None
    marks = ", ".join("?" for _ in ids)
    row = db.execute(f"SELECT MAX(ingested_at) FROM articles WHERE id IN ({marks})", list(ids)).fetchone()
    return row[0] if row else None


class Taken(NamedTuple):
    """What one /digest of a subscription takes: the stories it lists as new, the new ones after them (left
    for the next /digest), and those another subscription of the chat listed already (covered)."""

    listed: list[int]
    rest: list[int]
    covered: list[int]


def take_unseen(
    db: sqlite_utils.Database,
    subscription_id: int,
    ids: Sequence[int],
    limit: int,
    *,
    now: datetime | None = None,
) -> Taken:
    """Of `ids` (in the order given), the first `limit` the subscription's /digest has not listed as new
    yet, now recorded as listed; the unlisted ones after them (left for the next /digest); and those of a
    story another subscription of the chat listed already (`seen_by_siblings`), recorded as left out
    (``listed = 0``) and not listed again, so a reader gets each story once, under the first subscription that listed it. One
    transaction: two /digests at once never both list a story as new."""
    stamp = (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")
    with write_transaction(db):
        seen = seen_ids(db, subscription_id, ids)
        unseen = [i for i in dict.fromkeys(ids) if i not in seen]
        elsewhere = seen_by_siblings(db, subscription_id, unseen)
        covered = [i for i in unseen if i in elsewhere]
        fresh = [i for i in unseen if i not in elsewhere]
        taken = fresh[:limit]
        db.conn.executemany(
            "INSERT INTO feed_seen (subscription_id, article_id, seen_at, listed) VALUES (?, ?, ?, ?)",
            [(subscription_id, article_id, stamp, 1) for article_id in taken]
            + [(subscription_id, article_id, stamp, 0) for article_id in covered],
        )
    return Taken(taken, fresh[limit:], covered)


def seen_by_siblings(db: sqlite_utils.Database, subscription_id: int, ids: Sequence[int]) -> set[int]:
    """Those of `ids` whose story (the article, or another source's article of it) a /digest of another
    subscription of the same chat listed (not those it left out as listed elsewhere: a story a reply had no
    room for is given back to the subscription that listed it, `unsee`, and comes under it next)."""
    if not ids:
        return set()
    clusters = clusters_of(db, ids)
    # A story's articles have ids from its cluster's (its first article's) on.
    start = min(min(ids), *clusters.values()) if clusters else min(ids)
    rows = db.execute(
        "SELECT DISTINCT f.article_id FROM feed_seen f JOIN subscriptions s ON s.id = f.subscription_id "
        "WHERE s.chat_id = (SELECT chat_id FROM subscriptions WHERE id = ?) AND s.id <> ? "
        "AND f.listed = 1 AND f.article_id >= ?",
        [subscription_id, subscription_id, start],
    ).fetchall()
    listed = {int(row[0]) for row in rows}
    if not listed:
        return set()
    stories = set(clusters_of(db, list(listed)).values()) | listed
    return {i for i in ids if i in listed or clusters.get(i, i) in stories}


def seen_ids(db: sqlite_utils.Database, subscription_id: int, ids: Sequence[int]) -> set[int]:
    """Those of `ids` the subscription's /digest has listed as new."""
    if not ids:
        return set()
    marks = ", ".join("?" for _ in ids)
    rows = db.execute(
        f"SELECT article_id FROM feed_seen WHERE subscription_id = ? AND article_id IN ({marks})",
        [subscription_id, *ids],
    ).fetchall()
    return {int(row[0]) for row in rows}


def unsee(db: sqlite_utils.Database, subscription_id: int, ids: Sequence[int]) -> None:
    """Forget that `ids` were listed as new (a reply that could not hold them all): the next /digest
    lists them again."""
    if not ids:
        return
    marks = ", ".join("?" for _ in ids)
    with write_transaction(db):
        db.conn.execute(
            f"DELETE FROM feed_seen WHERE subscription_id = ? AND article_id IN ({marks})",
            [subscription_id, *ids],
        )
