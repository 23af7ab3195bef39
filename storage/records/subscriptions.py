"""Chats, their digest subscriptions and the delivery ledger (all the SQL for digests lives here).

Tables (migration 2):

- ``chats``: one row per chat that talked to the bot: language, IANA timezone (default Asia/Shanghai),
  and a paused flag with its reason (set when Telegram says the user blocked the bot).
- ``subscriptions``: a daily digest at ``local_time`` (HH:MM in the chat's timezone), optionally limited
  to ``keywords``. /unsubscribe deletes the row and its unfinished, empty or failed ledger rows; the
  ledger rows of the digests it sent stay (with the chat's id), so that the chat's other digests do not
  list those stories again (`listed_by_siblings`). /forget deletes them with the rest. A chat sees and
  types each of its subscriptions by its number among its own, 1, 2, 3… by id (`Subscription.number`,
  `own_subscription`), never by the id, which counts across all chats.
- ``digest_deliveries``: the ledger. ``UNIQUE(subscription_id, local_date)`` means at most one digest per
  subscription per local day. A row is *claimed* before the message is sent and marked ``sent`` after.
  A claim carries a `Lease` (migration 10): the replica holding it (``claimed_by``), until when
  (``lease_until``, UTC ISO text to the millisecond, so it compares as text on SQLite and PostgreSQL
  alike) and the message to send (``message``, dropped once the
  claim is finished). The holder renews its leases while it works (`renew_claims`); a claim whose lease
  ran out belongs to a replica that died, and another one takes it over (`take_over_claim`) and sends
  the same message. Claims without a lease (written before migration 10) are never taken over.
  ``horizon`` is the highest article id the digest looked at: articles stored up to it count as received
  (article ids grow with ingestion), so the next digest only looks at what was stored since.
- ``digest_items``: the articles a delivery covered. ``PRIMARY KEY(subscription_id, article_id)`` means each
  article reaches a subscription at most once. ``shown`` is 1 for the articles listed in the message and 0
  for the matching ones beyond the cap that the message only counted (pointing to /search).

`forget_chat` deletes everything kept about one chat (its row, subscriptions and their ledger) in one
transaction, for /forget; `chat_record_counts` counts those rows.

Nothing here knows Telegram; callers pass chat ids and plain values.
"""

from __future__ import annotations

import json
from collections.abc import Collection, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, date, datetime

import sqlite_utils

from storage.database.writing import write_transaction
from storage.driver import sqlite3
from storage.models import DEFAULT_TIMEZONE
from storage.records.articles import last_date_by
from storage.records.readers import CONSOLE_CHAT_ID, READER_CHAT_BASE

DEFAULT_LANGUAGE = "zh"

# Ledger statuses.
CLAIMED = "claimed"  # row written before sending; if its replica dies, taken over once the lease runs out
SENT = "sent"  # the message was accepted by Telegram
EMPTY = "empty"  # nothing new that day and empty digests are not sent
FAILED = "failed"  # Telegram refused the message for good (e.g. Bad Request); not retried that day


class SiblingsChanged(Exception):
    """A claim was refused: what the chat's other digests list (`listed_by_siblings`) is
    no longer what the digest was composed against (another process claimed or undid one meanwhile);
    nothing was written, and the digest is to be composed again."""


@dataclass(frozen=True)
class Chat:
    """A chat's settings. `language` is the one its replies and digests use: the language it chose with
    /lang (`chosen_language`), else the one its messages came with."""

    chat_id: int
    language: str = DEFAULT_LANGUAGE
    timezone: str = DEFAULT_TIMEZONE
    paused: bool = False
    paused_reason: str | None = None
    chosen_language: str | None = None
    heard_language: str = DEFAULT_LANGUAGE  # the one its messages came with (kept beside a choice)


@dataclass(frozen=True)
class Subscription:
    id: int
    chat_id: int
    local_time: str  # "HH:MM", in the chat's timezone
    keywords: tuple[str, ...]
    created_at: (
        datetime  # aware, UTC: when it was made, or last moved to another time (its schedule starts then)
    )
    # Its number among the chat's own subscriptions, 1, 2, 3… by id: what the chat sees and types.
    number: int = 0


@dataclass(frozen=True)
class SubscriptionState:
    """What the scheduler needs to decide whether a subscription is due."""

    subscription: Subscription
    timezone: str
    language: str
    last_local_date: date | None  # local date of the latest ledger row, any status

    @property
    def id(self) -> int:
        return self.subscription.id

    @property
    def chat_id(self) -> int:
        return self.subscription.chat_id


@dataclass(frozen=True)
class Delivery:
    id: int
    subscription_id: int
    local_date: date
    chat_id: int
    status: str
    message_id: int | None = None
    detail: str | None = None


@dataclass(frozen=True)
class LastDigest:
    """A subscription's latest digest as the next one reads it: the article horizon it looked up to, and the
    last day (ISO) it could list stories of (`last_date_by` of the latest clock a digest at that horizon was
    claimed at)."""

    horizon: int
    dated_by: str


@dataclass(frozen=True)
class Lease:
    """Who holds a claim and until when (seconds since the epoch, wall clock): after that, another replica
    may take the claim over."""

    holder: str
    until: float


@dataclass(frozen=True)
class TakenOver:
    """A claim another replica left unfinished, now held by the caller: the message to send again."""

    delivery_id: int
    subscription_id: int
    local_date: date
    chat_id: int
    message: str


def _lease_stamp(seconds: float) -> str:
    """A lease time (seconds since the epoch) as the ledger stores it: fixed-width UTC ISO text, which
    sorts as it compares (a REAL would be 4-byte on PostgreSQL, an INTEGER 32-bit)."""
    return datetime.fromtimestamp(seconds, UTC).isoformat(timespec="milliseconds")


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


@contextmanager
def _transaction(db: sqlite_utils.Database) -> Iterator[sqlite3.Connection]:
    """The connection inside `write_transaction` (BEGIN IMMEDIATE, rollback on failure)."""
    with write_transaction(db):
        yield db.conn


def _chat(row: sqlite3.Row | tuple) -> Chat:
    chat_id, language, timezone, paused, reason, chosen = row
    return Chat(int(chat_id), chosen or language, timezone, bool(paused), reason, chosen, language)


def _subscription(row: sqlite3.Row | tuple) -> Subscription:
    sub_id, chat_id, local_time, keywords, created_at, number = row
    return Subscription(
        id=int(sub_id),
        chat_id=int(chat_id),
        local_time=local_time,
        keywords=tuple(json.loads(keywords or "[]")),
        created_at=datetime.fromisoformat(created_at),
        number=int(number),
    )


def _sub_columns(table: str) -> str:
    """The columns `_subscription` reads, from the subscriptions table named `table` in the query: its
    own number is how many of the chat's subscriptions have an id up to its own."""
    own = ", ".join(f"{table}.{c}" for c in ("id", "chat_id", "local_time", "keywords", "created_at"))
    return (
        f"{own}, (SELECT COUNT(*) FROM subscriptions o "
        f"WHERE o.chat_id = {table}.chat_id AND o.id <= {table}.id)"
    )


_SUB_COLUMNS = _sub_columns("subscriptions")
_SUB_FIELDS = 6  # how many columns `_sub_columns` names


# ---- chats -------------------------------------------------------------------------------------------


def get_chat(db: sqlite_utils.Database, chat_id: int) -> Chat | None:
    row = db.execute(
        "SELECT chat_id, language, timezone, paused, paused_reason, chosen_language FROM chats WHERE chat_id = ?",
        [chat_id],
    ).fetchone()
    return _chat(row) if row else None


def register_chat(
    db: sqlite_utils.Database, chat_id: int, *, language: str | None = None, now: datetime | None = None
) -> Chat:
    """Create the chat's row if needed, remember its language, and lift a pause.

    Called when the chat talks to the bot: a user who blocked the bot and writes again has unblocked it.
    """
    with _transaction(db) as conn:
        conn.execute(
            "INSERT INTO chats (chat_id, language, created_at) VALUES (?, ?, ?) "
            "ON CONFLICT(chat_id) DO NOTHING",
            [chat_id, language or DEFAULT_LANGUAGE, _now(now)],
        )
        if language:
            conn.execute("UPDATE chats SET language = ? WHERE chat_id = ?", [language, chat_id])
        conn.execute(
            "UPDATE chats SET paused = 0, paused_reason = NULL, paused_at = NULL "
            "WHERE chat_id = ? AND paused = 1",
            [chat_id],
        )
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


def set_timezone(
    db: sqlite_utils.Database, chat_id: int, timezone: str, *, now: datetime | None = None
) -> Chat:
    """Store an IANA timezone name (validated by the caller) for the chat."""
    register_chat(db, chat_id, now=now)
    with _transaction(db) as conn:
        conn.execute("UPDATE chats SET timezone = ? WHERE chat_id = ?", [timezone, chat_id])
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


def set_chosen_language(
    db: sqlite_utils.Database, chat_id: int, language: str | None, *, now: datetime | None = None
) -> Chat:
    """Store the language the chat chose (/lang; 'zh' or 'en', validated by the caller): it goes before
    the language its messages come with, in replies and in digests. None forgets the choice (/lang auto)."""
    register_chat(db, chat_id, now=now)
    with _transaction(db) as conn:
        conn.execute("UPDATE chats SET chosen_language = ? WHERE chat_id = ?", [language, chat_id])
    chat = get_chat(db, chat_id)
    assert chat is not None
    return chat


def pause_chat(db: sqlite_utils.Database, chat_id: int, reason: str, *, now: datetime | None = None) -> None:
    """Stop digests to a chat (the user blocked the bot); its subscriptions stay, paused until it writes."""
    with _transaction(db) as conn:
        conn.execute(
            "UPDATE chats SET paused = 1, paused_reason = ?, paused_at = ? WHERE chat_id = ?",
            [reason, _now(now), chat_id],
        )


def migrate_chat(db: sqlite_utils.Database, old_chat_id: int, new_chat_id: int) -> None:
    """A group became a supergroup: move its settings and subscriptions to the new chat id."""
    if old_chat_id == new_chat_id:
        return
    with _transaction(db) as conn:
        exists = conn.execute("SELECT 1 FROM chats WHERE chat_id = ?", [new_chat_id]).fetchone()
        if exists:
            conn.execute("DELETE FROM chats WHERE chat_id = ?", [old_chat_id])
        else:
            conn.execute("UPDATE chats SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id])
        conn.execute("UPDATE subscriptions SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id])
        conn.execute("UPDATE digest_deliveries SET chat_id = ? WHERE chat_id = ?", [new_chat_id, old_chat_id])


# ---- subscriptions -----------------------------------------------------------------------------------


def add_subscription(
    db: sqlite_utils.Database,
    chat_id: int,
    local_time: str,
    keywords: Sequence[str] = (),
    *,
    now: datetime | None = None,
) -> Subscription:
    """Subscribe a chat to a daily digest at ``local_time`` ("HH:MM", already validated)."""
    register_chat(db, chat_id, now=now)
    with _transaction(db) as conn:
        cursor = conn.execute(
            "INSERT INTO subscriptions (chat_id, local_time, keywords, created_at) VALUES (?, ?, ?, ?) RETURNING id",
            [chat_id, local_time, json.dumps(list(keywords), ensure_ascii=False), _now(now)],
        )
        sub_id = cursor.fetchone()[0]
    sub = get_subscription(db, int(sub_id or 0))
    assert sub is not None
    return sub


def get_subscription(db: sqlite_utils.Database, subscription_id: int) -> Subscription | None:
    row = db.execute(f"SELECT {_SUB_COLUMNS} FROM subscriptions WHERE id = ?", [subscription_id]).fetchone()
    return _subscription(row) if row else None


def list_subscriptions(db: sqlite_utils.Database, chat_id: int) -> list[Subscription]:
    """The chat's subscriptions, by time of day then id."""
    rows = db.execute(
        f"SELECT {_SUB_COLUMNS} FROM subscriptions WHERE chat_id = ? ORDER BY local_time, id",
        [chat_id],
    ).fetchall()
    return [_subscription(row) for row in rows]


def own_subscription(db: sqlite_utils.Database, chat_id: int, typed: int) -> Subscription | None:
    """The chat's subscription a number typed names: the one whose own number it is, else the chat's
    one whose id it is (the numbers its older replies and digests showed); None when neither."""
    return pick_own(list_subscriptions(db, chat_id), typed)


def pick_own(found: Sequence[Subscription], typed: int) -> Subscription | None:
    """Of one chat's subscriptions `found`, the one a number typed names (see `own_subscription`)."""
    return next((s for s in found if s.number == typed), None) or next(
        (s for s in found if s.id == typed), None
    )


def both_meant(found: Sequence[Subscription], typed: int) -> bool:
    """Whether a number typed is one of the chat's own numbers and also the id of another of its
    subscriptions `found` (`pick_own` takes the own number; the reply then names the one it took)."""
    numbered = pick_own(found, typed)
    return numbered is not None and any(s.id == typed and s is not numbered for s in found)


def move_subscription(
    db: sqlite_utils.Database,
    chat_id: int,
    subscription_id: int,
    local_time: str,
    *,
    now: datetime | None = None,
) -> Subscription | None:
    """Give one of the chat's subscriptions another time ("HH:MM", already validated), keeping its ledger
    (what it already brought does not come again). Its schedule starts again at `now` (``created_at``), so
    a time already past today is not caught up. None when the chat holds no such subscription."""
    with _transaction(db) as conn:
        changed = conn.execute(
            "UPDATE subscriptions SET local_time = ?, created_at = ? WHERE id = ? AND chat_id = ?",
            [local_time, _now(now), subscription_id, chat_id],
        ).rowcount
    return get_subscription(db, subscription_id) if changed else None


def remove_subscription(
    db: sqlite_utils.Database, chat_id: int, subscription_id: int, *, now: datetime | None = None
) -> bool:
    """Delete one of the chat's subscriptions (see `_delete_subscriptions`); False when the chat holds no
    such one."""
    with _transaction(db) as conn:
        return _delete_subscriptions(conn, "id = ? AND chat_id = ?", [subscription_id, chat_id]) > 0


def remove_all_subscriptions(db: sqlite_utils.Database, chat_id: int, *, now: datetime | None = None) -> int:
    """Delete every subscription of the chat (see `_delete_subscriptions`); returns how many there were."""
    with _transaction(db) as conn:
        return _delete_subscriptions(conn, "chat_id = ?", [chat_id])


def _delete_subscriptions(conn: sqlite3.Connection, where: str, params: list[object]) -> int:
    """Delete the subscriptions matching ``where`` with their feeds and the ledger rows of their empty and
    failed days; return how many there were. The rows of the digests they sent stay: the chat has those
    stories. So do their claims, whose message may be on its way to the chat: kept without the message,
    nobody takes one over; recorded sent, its stories count for the chat's other digests as a sent
    digest's do, and undone (certainly not delivered) it goes."""
    chosen = f"SELECT id FROM subscriptions WHERE {where}"
    kept = [SENT, CLAIMED]
    dropped = f"SELECT id FROM digest_deliveries WHERE subscription_id IN ({chosen}) AND status NOT IN (?, ?)"
    conn.execute(f"DELETE FROM digest_items WHERE delivery_id IN ({dropped})", [*params, *kept])
    conn.execute(
        f"DELETE FROM digest_deliveries WHERE subscription_id IN ({chosen}) AND status NOT IN (?, ?)",
        [*params, *kept],
    )
    conn.execute(
        f"UPDATE digest_deliveries SET message = NULL WHERE subscription_id IN ({chosen}) AND status = ?",
        [*params, CLAIMED],
    )
    conn.execute(f"DELETE FROM feeds WHERE subscription_id IN ({chosen})", params)
    conn.execute(f"DELETE FROM feed_seen WHERE subscription_id IN ({chosen})", params)
    return conn.execute(f"DELETE FROM subscriptions WHERE {where}", params).rowcount


# ---- privacy: everything about one chat ----------------------------------------------------------------

# The tables that hold rows about a chat, and how each row is tied to it.
_CHAT_SCOPES = {
    "chats": "chat_id = :chat",
    "subscriptions": "chat_id = :chat",
    "digest_deliveries": (
        "chat_id = :chat OR subscription_id IN (SELECT id FROM subscriptions WHERE chat_id = :chat)"
    ),
    "digest_items": (
        "subscription_id IN (SELECT id FROM subscriptions WHERE chat_id = :chat) "
        "OR delivery_id IN (SELECT id FROM digest_deliveries WHERE chat_id = :chat)"
    ),
    # A web or WeChat reader's private feeds, and the row that gave it its chat id (storage.records.readers).
    "feeds": "chat_id = :chat OR subscription_id IN (SELECT id FROM subscriptions WHERE chat_id = :chat)",
    # What the /digest of those readers (and of the terminal) listed as new (storage.records.feeds).
    "feed_seen": "subscription_id IN (SELECT id FROM subscriptions WHERE chat_id = :chat)",
    "readers": f"id = :chat - {READER_CHAT_BASE}",
}


def chat_record_counts(db: sqlite_utils.Database, chat_id: int) -> dict[str, int]:
    """How many rows of each table are about the chat (``chats``, ``subscriptions``, the ledger tables)."""
    return {
        table: int(db.execute(f"SELECT COUNT(*) FROM {table} WHERE {where}", {"chat": chat_id}).fetchone()[0])
        for table, where in _CHAT_SCOPES.items()
    }


def forget_chat(db: sqlite_utils.Database, chat_id: int) -> dict[str, int]:
    """Delete every row about the chat, in one transaction; returns the rows deleted per table.

    The chat's settings (language, timezone, paused flag), all its subscriptions (also cancelled ones),
    the delivery ledger, the private feeds of those subscriptions and what their /digest listed as new,
    and for a web or WeChat reader the
    row that names it (its openid). Ledger tables first: they are found through the
    subscriptions.
    """
    deleted: dict[str, int] = {}
    with _transaction(db) as conn:
        for table in (
            "digest_items",
            "digest_deliveries",
            "feeds",
            "feed_seen",
            "subscriptions",
            "chats",
            "readers",
        ):
            cursor = conn.execute(f"DELETE FROM {table} WHERE {_CHAT_SCOPES[table]}", {"chat": chat_id})
            deleted[table] = cursor.rowcount
    return deleted


def schedule_candidates(db: sqlite_utils.Database) -> list[SubscriptionState]:
    """Subscriptions of Telegram chats that are not paused, with what the due-time decision needs: the
    digest job pushes to Telegram chats only. The terminal's (chat `CONSOLE_CHAT_ID`) and the web and
    WeChat readers' subscriptions are read with /digest and at their private addresses, never pushed, and
    are left out, also when a bot runs on the same database."""
    rows = db.execute(
        f"""
        SELECT {_sub_columns("s")},
               c.timezone, COALESCE(c.chosen_language, c.language),
               (SELECT MAX(d.local_date) FROM digest_deliveries d WHERE d.subscription_id = s.id)
        FROM subscriptions s JOIN chats c ON c.chat_id = s.chat_id
        WHERE c.paused = 0 AND s.chat_id <> :console AND s.chat_id < :readers
        ORDER BY s.id
        """,
        {"console": CONSOLE_CHAT_ID, "readers": READER_CHAT_BASE},
    ).fetchall()
    out = []
    for row in rows:
        sub = _subscription(row[:_SUB_FIELDS])
        timezone, language, last = row[_SUB_FIELDS:]
        out.append(
            SubscriptionState(
                subscription=sub,
                timezone=timezone,
                language=language,
                last_local_date=date.fromisoformat(last) if last else None,
            )
        )
    return out


# ---- articles for a digest ---------------------------------------------------------------------------


def article_horizon(db: sqlite_utils.Database) -> int:
    """The highest article id stored so far (0 for none): a digest's view of the archive."""
    return int(db.execute("SELECT COALESCE(MAX(id), 0) FROM articles").fetchone()[0])


def delivered_horizon(db: sqlite_utils.Database, subscription_id: int) -> int | None:
    """The horizon of the subscription's latest ledger row: articles up to it count as received.

    None when the subscription has had no digest yet (its first digest then carries the most recent
    matching articles only).
    """
    last = last_digest(db, subscription_id)
    return None if last is None else last.horizon


def last_digest(db: sqlite_utils.Database, subscription_id: int) -> LastDigest | None:
    """The subscription's latest digest (`LastDigest`: the highest horizon of its ledger rows and the last
    day the latest of those rows' clocks could carry), in one query. None before its first digest."""
    row = db.execute(
        "SELECT horizon, MAX(claimed_at) FROM digest_deliveries WHERE subscription_id = ? AND horizon = "
        "(SELECT MAX(horizon) FROM digest_deliveries WHERE subscription_id = ?) GROUP BY horizon",
        [subscription_id, subscription_id],
    ).fetchone()
    if row is None:
        return None
    return LastDigest(int(row[0]), last_date_by(datetime.fromisoformat(str(row[1]))))


def delivered_ids_after(db: sqlite_utils.Database, subscription_id: int, after: int) -> set[int]:
    """Articles above id `after` already recorded for the subscription (normally none: see `horizon`)."""
    rows = db.execute(
        "SELECT article_id FROM digest_items WHERE subscription_id = ? AND article_id > ?",
        [subscription_id, after],
    ).fetchall()
    return {int(r[0]) for r in rows}


def undelivered_article_ids(
    db: sqlite_utils.Database,
    subscription_id: int,
    *,
    candidate_ids: Sequence[int] | None = None,
    after: int = 0,
    upto: int | None = None,
    limit: int | None = None,
    dated_by: str | None = None,
    also: Sequence[int] = (),
) -> list[int]:
    """Ids of articles the subscription has not received yet, newest first (by date, then page order: id),
    like latest_articles; `dated_by`: none dated after that day (undated ones are kept).

    ``candidate_ids`` limits the answer to those articles (the keyword matches); None means all articles.
    Only ids in ``(after, upto]`` are considered: a digest looks at what was stored since the last one's
    horizon, so its cost follows the day's news, not the archive. ``also``: ids outside that window looked
    at too (stories stored before their day, `stored_ahead_of_date`). ``limit`` keeps the newest few.
    """
    bounds = "a.id > ?" + (" AND a.id <= ?" if upto is not None else "")
    params: list[object] = [subscription_id, after]
    if upto is not None:
        params.append(upto)
    if candidate_ids is not None:
        window = [int(i) for i in candidate_ids if int(i) > after and (upto is None or int(i) <= upto)]
        if not window and not also:
            return []
        bounds += f" AND a.id IN ({', '.join('?' for _ in window)})"
        params.extend(window)
    if also:
        bounds = f"({bounds} OR a.id IN ({', '.join('?' for _ in also)}))"
        params.extend(int(i) for i in also)
    if dated_by is not None:
        bounds += " AND (a.date IS NULL OR a.date <= ?)"
        params.append(dated_by)
    if limit is not None:
        params.append(int(limit))
    rows = db.execute(
        f"""
        SELECT a.id FROM articles a
        WHERE NOT EXISTS (
            SELECT 1 FROM digest_items i WHERE i.subscription_id = ? AND i.article_id = a.id
        ) AND {bounds}
        ORDER BY a.date IS NULL, a.date DESC, a.id
        {"LIMIT ?" if limit is not None else ""}
        """,
        params,
    ).fetchall()
    return [int(row[0]) for row in rows]


# ---- the ledger --------------------------------------------------------------------------------------


def claim_delivery(
    db: sqlite_utils.Database,
    subscription_id: int,
    local_date: date,
    chat_id: int,
    *,
    shown_ids: Sequence[int] = (),
    counted_ids: Sequence[int] = (),
    status: str = CLAIMED,
    horizon: int | None = None,
    lease: Lease | None = None,
    message: str | None = None,
    now: datetime | None = None,
    siblings_listed: Collection[int] | None = None,
    siblings_after: int = 0,
) -> int | None:
    """Write the ledger row for (subscription, local day) and the articles it covers, in one transaction.

    Returns the delivery id, or None when that day's row already exists (another replica, another run, or
    before a restart, got there first) or the subscription is gone: the caller must then not send.
    Articles already recorded for the subscription are skipped, so an article is never covered twice.
    A claim made with a `lease` and its `message` can be taken over once the lease runs out.

    `siblings_listed`: what the chat's other digests listed above article id `siblings_after`
    (`listed_by_siblings`) when this one was composed. It is read again inside the transaction, which
    holds the write lock (SQLite's, or PostgreSQL's advisory one), so no other claim can commit between
    that read and this claim; when it differs, nothing is written and `SiblingsChanged` is raised.
    Listing and claiming are then atomic: two processes composing two digests of one chat at once (the
    same minute, or a catch-up of two times) cannot both list a story.
    """
    with _transaction(db) as conn:
        if siblings_listed is not None and listed_by_siblings(db, subscription_id, siblings_after) != set(
            siblings_listed
        ):
            raise SiblingsChanged(f"subscription {subscription_id}: its siblings' digests changed")
        # Only for a subscription that still exists: one cancelled (or forgotten) since the scheduler
        # read it gets no ledger row, so nothing is sent and nothing is left behind.
        cursor = conn.execute(
            "INSERT INTO digest_deliveries (subscription_id, local_date, chat_id, status, claimed_at, "
            "finished_at, horizon, claimed_by, lease_until, message) SELECT ?, ?, ?, ?, ?, ?, ?, ?, ?, ? "
            "WHERE EXISTS (SELECT 1 FROM subscriptions WHERE id = ?) "
            "ON CONFLICT(subscription_id, local_date) DO NOTHING RETURNING id",
            [
                subscription_id,
                local_date.isoformat(),
                chat_id,
                status,
                _now(now),
                None if status == CLAIMED else _now(now),
                horizon,
                lease.holder if lease else None,
                _lease_stamp(lease.until) if lease and status == CLAIMED else None,
                message if status == CLAIMED else None,
                subscription_id,
            ],
        )
        inserted = cursor.fetchone()
        if inserted is None:
            return None
        delivery_id = int(inserted[0])
        conn.executemany(
            "INSERT INTO digest_items (subscription_id, article_id, delivery_id, shown) "
            "VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
            [(subscription_id, int(a), delivery_id, 1) for a in shown_ids]
            + [(subscription_id, int(a), delivery_id, 0) for a in counted_ids],
        )
    return delivery_id


def listed_by_siblings(db: sqlite_utils.Database, subscription_id: int, after: int) -> set[int]:
    """Articles above id `after` that the digests of the chat's other subscriptions listed (claimed, so
    they will be sent, or sent), at any time of day and on any day: the stories the reader has (or is
    about to have). `after` is the subscription's horizon (what its next digest looks beyond), so this
    covers the chat's digests since then: a 20:00 digest and the next morning's 08:00 one share the
    stories stored overnight. The sent digests of subscriptions cancelled since count too.

    A claim undone (its message certainly not delivered) or failed leaves nothing here, so its articles
    go to the next digest instead. Only articles listed count (``shown``), not those a digest counted.
    The other subscriptions are found through the ledger's chat id (index ``digest_deliveries_chat``),
    then each one's articles above `after` through ``digest_items``' primary key; the CROSS JOIN keeps
    SQLite's planner on that order where the tables were never ANALYZEd (starting from the deliveries
    by status took 240 ms on a ledger of 3.65 M items instead of 0.1 ms), and the deliveries' chat id
    lets PostgreSQL read the chat's deliveries only (not every delivery) when it hashes them.
    """
    rows = db.execute(
        """
        WITH chat AS (SELECT chat_id FROM subscriptions WHERE id = :me)
        SELECT DISTINCT i.article_id
        FROM digest_items i
        CROSS JOIN digest_deliveries d
        WHERE i.subscription_id IN (
            SELECT o.subscription_id FROM digest_deliveries o
            WHERE o.chat_id = (SELECT chat_id FROM chat) AND o.subscription_id <> :me
        )
        AND i.article_id > :after AND i.shown = 1
        AND d.id = i.delivery_id AND d.chat_id = (SELECT chat_id FROM chat) AND d.status IN (:claimed, :sent)
        """,
        {"me": subscription_id, "after": after, "claimed": CLAIMED, "sent": SENT},
    ).fetchall()
    return {int(r[0]) for r in rows}


def last_delivery_date(db: sqlite_utils.Database, subscription_id: int) -> date | None:
    """The local day of the subscription's latest ledger row (any status), None before its first digest."""
    row = db.execute(
        "SELECT MAX(local_date) FROM digest_deliveries WHERE subscription_id = ?", [subscription_id]
    ).fetchone()
    return date.fromisoformat(row[0]) if row[0] else None


def has_delivery(db: sqlite_utils.Database, subscription_id: int, local_date: date) -> bool:
    """Whether the subscription's ledger has a row for that local day (claimed, sent, empty or failed)."""
    row = db.execute(
        "SELECT 1 FROM digest_deliveries WHERE subscription_id = ? AND local_date = ?",
        [subscription_id, local_date.isoformat()],
    ).fetchone()
    return row is not None


def finish_delivery(
    db: sqlite_utils.Database,
    delivery_id: int,
    status: str,
    *,
    message_id: int | None = None,
    detail: str | None = None,
    now: datetime | None = None,
) -> None:
    """Record the outcome of a claimed delivery (``sent`` with the message id, or ``failed``); the claim's
    lease and message go: nobody takes a finished claim over."""
    with _transaction(db) as conn:
        conn.execute(
            "UPDATE digest_deliveries SET status = ?, message_id = ?, detail = ?, finished_at = ?, "
            "lease_until = NULL, message = NULL WHERE id = ?",
            [status, message_id, detail, _now(now), delivery_id],
        )


def renew_claims(db: sqlite_utils.Database, holder: str, until: float) -> int:
    """Extend every unfinished claim `holder` holds to `until`; returns how many. A claim taken over
    meanwhile (its holder is another replica now) is not touched."""
    with _transaction(db) as conn:
        cursor = conn.execute(
            "UPDATE digest_deliveries SET lease_until = ? WHERE claimed_by = ? AND status = ? "
            "AND lease_until IS NOT NULL",
            [_lease_stamp(until), holder, CLAIMED],
        )
        return int(cursor.rowcount)


# A claim whose lease ran out at `now`, but less than `window` seconds ago (older ones are left alone).
_EXPIRED = "status = ? AND lease_until < ? AND lease_until >= ? AND message IS NOT NULL"


def expired_claims(db: sqlite_utils.Database, now: float, window: float) -> int:
    """How many claims could be taken over at `now` (see `take_over_claim`)."""
    row = db.execute(
        f"SELECT COUNT(*) FROM digest_deliveries WHERE {_EXPIRED}",
        [CLAIMED, _lease_stamp(now), _lease_stamp(now - window)],
    ).fetchone()
    return int(row[0])


def take_over_claim(db: sqlite_utils.Database, lease: Lease, now: float, window: float) -> TakenOver | None:
    """Take the oldest claim whose lease ran out at `now` (less than `window` seconds ago) for `lease`'s
    holder; None when there is none. The claimed row keeps its day, articles and message.

    One conditional UPDATE ... RETURNING: atomic on SQLite (the write lock serialises it) and on
    PostgreSQL, so two replicas never take the same claim. A PostgreSQL variant would pick the row with
    ``SELECT id ... ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`` so replicas taking over at once do not
    queue behind each other's row lock.
    """
    params: list[object] = [CLAIMED, _lease_stamp(now), _lease_stamp(now - window)]
    with _transaction(db) as conn:
        row = conn.execute(
            "UPDATE digest_deliveries SET claimed_by = ?, lease_until = ? "
            f"WHERE id = (SELECT id FROM digest_deliveries WHERE {_EXPIRED} ORDER BY id LIMIT 1) "
            f"AND {_EXPIRED} "
            "RETURNING id, subscription_id, local_date, chat_id, message",
            [lease.holder, _lease_stamp(lease.until), *params, *params],
        ).fetchone()
    if row is None:
        return None
    return TakenOver(int(row[0]), int(row[1]), date.fromisoformat(row[2]), int(row[3]), row[4])


def release_delivery(db: sqlite_utils.Database, delivery_id: int) -> None:
    """Undo a claim whose message certainly was not delivered, so a later run may try again."""
    with _transaction(db) as conn:
        conn.execute("DELETE FROM digest_items WHERE delivery_id = ?", [delivery_id])
        conn.execute("DELETE FROM digest_deliveries WHERE id = ?", [delivery_id])


def deliveries(db: sqlite_utils.Database, subscription_id: int) -> list[Delivery]:
    """The ledger rows of a subscription, oldest day first."""
    rows = db.execute(
        "SELECT id, subscription_id, local_date, chat_id, status, message_id, detail FROM digest_deliveries "
        "WHERE subscription_id = ? ORDER BY local_date, id",
        [subscription_id],
    ).fetchall()
    return [
        Delivery(int(r[0]), int(r[1]), date.fromisoformat(r[2]), int(r[3]), r[4], r[5], r[6]) for r in rows
    ]


def delivered_article_ids(
    db: sqlite_utils.Database, subscription_id: int, *, shown_only: bool = False
) -> list[int]:
    """Articles recorded for a subscription: delivery by delivery, in each the articles shown and then
    those only counted, each by id (the order claim_delivery records them in when given by id)."""
    extra = " AND shown = 1" if shown_only else ""
    rows = db.execute(
        f"SELECT article_id FROM digest_items WHERE subscription_id = ?{extra} "
        "ORDER BY delivery_id, shown DESC, article_id",
        [subscription_id],
    ).fetchall()
    return [int(r[0]) for r in rows]


def unfinished_claims(
    db: sqlite_utils.Database, now: float | None = None, window: float | None = None
) -> list[Delivery]:
    """Claims never marked sent: the process stopped between claiming and recording the send. With `now`
    and `window`, only those nobody will take over: without a lease, or whose lease ran out more than
    `window` seconds before `now`."""
    where, params = "status = ?", list[object]([CLAIMED])
    if now is not None and window is not None:
        where += " AND (lease_until IS NULL OR lease_until < ?)"
        params.append(_lease_stamp(now - window))
    rows = db.execute(
        "SELECT id, subscription_id, local_date, chat_id, status, message_id, detail FROM digest_deliveries "
        f"WHERE {where} ORDER BY id",
        params,
    ).fetchall()
    return [
        Delivery(int(r[0]), int(r[1]), date.fromisoformat(r[2]), int(r[3]), r[4], r[5], r[6]) for r in rows
    ]
