"""Per-chat state a later message or button press needs, kept in the database (migration 11).

Any process serving the bot may receive the next update of a chat (several replicas behind one webhook),
so nothing a button or a later message relies on lives in one process's memory:

- ``paged_queries``: a search or /latest whose pages the buttons turn, by a short random key that fits
  in callback data (`put_query`, `get_query`, `turn_query`), and the list a /digest showed, which a typed
  第2条 opens from (`QueryState.of_digest`; its ids in `listed_ids`, migration 23). Rows go after
  `QUERY_KEEP` unused, and the oldest go first when there are more than a capacity.
- ``forget_confirmations``: /forget questions waiting for their button (`open_confirmation`,
  `take_confirmation`: each settles exactly once, whichever process the presses reach).
- ``search_counts``: searches per user in one window of the flood guard (`count_search`), counted with
  one upsert, so two processes counting the same user add up; rows of past windows go.
- ``chat_topics``: the topic of a chat's last search that found something (`put_topic`, `get_topic`), which
  a follow-up question refers to (它是哪天开的); one row per chat, gone after `TOPIC_KEEP` unused.

Each function that writes runs in one short transaction (`write_transaction`; nested in the caller's
`Database.write`, a savepoint). Timestamps are ISO-8601 UTC text; the SQL is plain enough for PostgreSQL too.
"""

from __future__ import annotations

import json
import secrets
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta
from enum import StrEnum

import sqlite_utils

from storage.database.writing import write_transaction

KEY_BYTES = 6  # 8 characters: ``p:<key>:<page>`` stays far below Telegram's 64 bytes
QUERY_CAPACITY = 20_000
QUERY_KEEP = timedelta(days=2)
CONFIRMATION_CAPACITY = 10_000
CONFIRMATION_KEEP = timedelta(days=1)
# A /forget question answered in words (确认) rather than by its button: only while it is fresh.
TYPED_ANSWER_KEEP = timedelta(minutes=30)

TOPIC_KEEP = timedelta(minutes=30)

SEARCH = "search"
LATEST = "latest"
DIGEST = "digest"
LATEST_DIGEST = "latest_digest"


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


# ---- result pages ------------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueryState:
    """A query whose pages buttons turn: what was asked, by whom, the page its message shows."""

    query: str
    user_id: int
    page: int = 0
    total: int = 0
    # or LATEST: the pages of /latest (query and total unused); or DIGEST: the stories a /digest listed,
    # one page (`of_digest`: `total` their count; the query, what lists the ones it left out); or
    # LATEST_DIGEST: the newest stories a /digest without subscriptions listed, /latest's first ones
    # (`of_digest` with `latest`)
    kind: str = SEARCH
    today: date | None = None  # the day relative dates were read against, so pages agree
    shown: str | None = None  # what the reader typed, when the query is what a follow-up was read as
    listed: tuple[int, ...] = ()  # DIGEST, LATEST_DIGEST: the ids of the stories listed, as numbered

    @classmethod
    def of_digest(
        cls, article_ids: list[int], user_id: int, rest: Sequence[str] = (), *, latest: bool = False
    ) -> QueryState:
        """The stories a /digest listed to `user_id`, in the order listed; `rest`: the commands its lines
        name for the new stories it left out (``/digest 2``), one a line in the query (none: it left none
        out), as a search's query is what its next page runs. `latest`: the digest listed the newest stories
        in /latest's order (a chat without subscriptions), whose next ones /latest lists (no `rest`)."""
        if latest:
            return cls("", user_id, total=len(article_ids), kind=LATEST_DIGEST, listed=tuple(article_ids))
        return cls("\n".join(rest), user_id, total=len(article_ids), kind=DIGEST, listed=tuple(article_ids))

    @property
    def rest(self) -> tuple[str, ...]:
        """DIGEST: the commands that list the new stories it left out (`of_digest`)."""
        return tuple(self.query.splitlines()) if self.kind == DIGEST else ()


_QUERY_COLUMNS = "query, user_id, page, total, kind, today, shown, listed_ids"


def _query_state(row: tuple) -> QueryState:
    query, user_id, page, total, kind, today, shown, listed_ids = row
    return QueryState(
        query=query,
        user_id=int(user_id),
        page=int(page),
        total=int(total),
        kind=kind,
        today=date.fromisoformat(today) if today else None,
        shown=shown,
        listed=tuple(int(n) for n in json.loads(listed_ids)) if listed_ids else (),
    )


def put_query(
    db: sqlite_utils.Database,
    state: QueryState,
    *,
    now: datetime,
    capacity: int = QUERY_CAPACITY,
    keep: timedelta = QUERY_KEEP,
) -> str:
    """Store `state` under a new key and return the key; drops queries unused for `keep` and, past
    `capacity`, the oldest ones."""
    with write_transaction(db):
        conn = db.conn
        conn.execute("DELETE FROM paged_queries WHERE used_at < ?", [_stamp(now - keep)])
        while True:
            key = secrets.token_urlsafe(KEY_BYTES)
            row = conn.execute(
                "INSERT INTO paged_queries (key, user_id, kind, query, page, total, today, shown, listed_ids, "
                "used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING RETURNING id",
                [
                    key,
                    state.user_id,
                    state.kind,
                    state.query,
                    state.page,
                    state.total,
                    state.today.isoformat() if state.today else None,
                    state.shown,
                    json.dumps(list(state.listed)) if state.listed else None,
                    _stamp(now),
                ],
            ).fetchone()
            if row is not None:
                break
        # Ids grow by one per row: everything `capacity` rows older than this one goes.
        conn.execute("DELETE FROM paged_queries WHERE id <= ?", [int(row[0]) - capacity])
    return key


def get_query(db: sqlite_utils.Database, key: str) -> QueryState | None:
    """The query stored under `key`, or None (never stored, expired, or forgotten)."""
    row = db.execute(f"SELECT {_QUERY_COLUMNS} FROM paged_queries WHERE key = ?", [key]).fetchone()
    return _query_state(row) if row else None


def turn_query(
    db: sqlite_utils.Database, key: str, page: int, *, now: datetime
) -> tuple[QueryState | None, bool]:
    """Move query `key` to `page`: (state, True) if it moved, (state, False) if it was there already,
    (None, False) when it is gone. Of two presses on the same button, wherever they arrive, one moves it."""
    with write_transaction(db):
        row = db.conn.execute(
            f"UPDATE paged_queries SET page = ?, used_at = ? WHERE key = ? AND page <> ? "
            f"RETURNING {_QUERY_COLUMNS}",
            [page, _stamp(now), key, page],
        ).fetchone()
        if row is not None:
            return _query_state(row), True
        return get_query(db, key), False


def last_used_query(db: sqlite_utils.Database, user_id: int) -> tuple[str, QueryState] | None:
    """The key and state of the user's query used last (a search or /latest list shown or turned), or
    None when the user has none stored."""
    row = db.execute(
        f"SELECT key, {_QUERY_COLUMNS} FROM paged_queries WHERE user_id = ? ORDER BY used_at DESC, id DESC "
        "LIMIT 1",
        [user_id],
    ).fetchone()
    return (row[0], _query_state(tuple(row[1:]))) if row else None


def forget_user_queries(db: sqlite_utils.Database, user_id: int) -> int:
    """Delete every stored query of the user (/forget); how many there were."""
    with write_transaction(db):
        return db.conn.execute("DELETE FROM paged_queries WHERE user_id = ?", [user_id]).rowcount


def count_queries(db: sqlite_utils.Database) -> int:
    """How many queries are stored."""
    return int(db.execute("SELECT COUNT(*) FROM paged_queries").fetchone()[0])


# ---- /forget confirmations ---------------------------------------------------------------------------


class Settled(StrEnum):
    """What a press on a /forget button turned out to be (`take_confirmation`)."""

    CONFIRMED = "confirmed"  # the chat's latest confirmation, pressed by its requester, first time
    SUPERSEDED = "superseded"  # a newer confirmation was sent to the chat since (first press on this one)
    ALREADY = "already"  # this confirmation was handled before (a repeated or concurrent press)
    EXPIRED = "expired"  # unknown key: never sent, or pruned
    NOT_YOURS = "not_yours"  # someone else in the group pressed it


@dataclass(frozen=True)
class Confirmation:
    """A /forget question as stored: its row id (newer questions have larger ones), who asked, where."""

    id: int
    user_id: int
    chat_id: int
    done: bool


def settle(confirmation: Confirmation | None, latest_id: int | None, user_id: int) -> Settled:
    """The outcome of `user_id` pressing a button of `confirmation`, given the id of the chat's newest
    question (`latest_id`): only the newest one acts, and only once."""
    if confirmation is None:
        return Settled.EXPIRED
    if confirmation.user_id != user_id:
        return Settled.NOT_YOURS
    if confirmation.done:
        return Settled.ALREADY
    if latest_id != confirmation.id:
        return Settled.SUPERSEDED
    return Settled.CONFIRMED


def open_confirmation(
    db: sqlite_utils.Database,
    user_id: int,
    chat_id: int,
    *,
    now: datetime,
    capacity: int = CONFIRMATION_CAPACITY,
    keep: timedelta = CONFIRMATION_KEEP,
) -> str:
    """A new /forget question from `user_id` in `chat_id`: its key. Older questions of the chat stay,
    superseded; questions older than `keep` and, past `capacity`, the oldest ones go."""
    with write_transaction(db):
        conn = db.conn
        conn.execute("DELETE FROM forget_confirmations WHERE created_at < ?", [_stamp(now - keep)])
        while True:
            key = secrets.token_urlsafe(KEY_BYTES)
            row = conn.execute(
                "INSERT INTO forget_confirmations (key, user_id, chat_id, done, created_at) "
                "VALUES (?, ?, ?, 0, ?) ON CONFLICT (key) DO NOTHING RETURNING id",
                [key, user_id, chat_id, _stamp(now)],
            ).fetchone()
            if row is not None:
                break
        conn.execute("DELETE FROM forget_confirmations WHERE id <= ?", [int(row[0]) - capacity])
    return key


def take_confirmation(db: sqlite_utils.Database, key: str, user_id: int) -> tuple[Settled, int | None]:
    """Settle the question `key` pressed by `user_id`: (outcome, its chat id or None). The first press by
    its requester marks it done, whatever the outcome; later presses are `Settled.ALREADY`."""
    with write_transaction(db):
        conn = db.conn
        row = conn.execute(
            "SELECT id, user_id, chat_id, done FROM forget_confirmations WHERE key = ?", [key]
        ).fetchone()
        if row is None:
            return Settled.EXPIRED, None
        confirmation = Confirmation(int(row[0]), int(row[1]), int(row[2]), bool(row[3]))
        latest = conn.execute(
            "SELECT MAX(id) FROM forget_confirmations WHERE chat_id = ?", [confirmation.chat_id]
        ).fetchone()
        outcome = settle(confirmation, latest[0] if latest else None, user_id)
        if outcome in (Settled.CONFIRMED, Settled.SUPERSEDED):
            conn.execute("UPDATE forget_confirmations SET done = 1 WHERE id = ?", [confirmation.id])
        return outcome, confirmation.chat_id


def awaiting_confirmation(
    db: sqlite_utils.Database, chat_id: int, user_id: int, *, since: datetime
) -> str | None:
    """The key of the chat's newest /forget question when `user_id` asked it at or after `since` and it
    is not settled yet: the question a typed answer (确认) refers to; else None."""
    row = db.execute(
        "SELECT key, user_id, done, created_at FROM forget_confirmations WHERE chat_id = ? "
        "ORDER BY id DESC LIMIT 1",
        [chat_id],
    ).fetchone()
    if row is None or int(row[1]) != user_id or bool(row[2]) or str(row[3]) < _stamp(since):
        return None
    return str(row[0])


def reopen_confirmation(db: sqlite_utils.Database, key: str) -> None:
    """Undo a `take_confirmation` whose action failed, so that the same button can be pressed again."""
    with write_transaction(db):
        db.conn.execute("UPDATE forget_confirmations SET done = 0 WHERE key = ?", [key])


def count_confirmations(db: sqlite_utils.Database) -> int:
    return int(db.execute("SELECT COUNT(*) FROM forget_confirmations").fetchone()[0])


# ---- the flood guard's counts ------------------------------------------------------------------------


def count_search(db: sqlite_utils.Database, user_id: int, *, window_start: int, limit: int) -> bool:
    """Count one search of `user_id` in the window starting at `window_start` (seconds since the epoch)
    if fewer than `limit` were counted there: True if it was counted, False when the window is full.
    Counts of earlier windows go. One upsert: concurrent counts, from any process, add up."""
    with write_transaction(db):
        conn = db.conn
        conn.execute("DELETE FROM search_counts WHERE window_start < ?", [window_start])
        row = conn.execute(
            "INSERT INTO search_counts (user_id, window_start, searches) VALUES (?, ?, 1) "
            "ON CONFLICT (user_id, window_start) DO UPDATE SET searches = search_counts.searches + 1 "
            "WHERE search_counts.searches < ? RETURNING searches",
            [user_id, window_start, limit],
        ).fetchone()
        return row is not None


def forget_user_searches(db: sqlite_utils.Database, user_id: int) -> int:
    """Delete the user's search counts (/forget); how many rows there were."""
    with write_transaction(db):
        return db.conn.execute("DELETE FROM search_counts WHERE user_id = ?", [user_id]).rowcount


# ---- the topic a follow-up refers to -----------------------------------------------------------------


@dataclass(frozen=True)
class ChatTopic:
    """What a chat's last search was about: its topic words (as a query), the story shown first, and for an
    opened story the topic as its headline prints it (庆祝中华人民共和国成立70周年大会在京隆重举行 天安门广场,
    where the words leave out 成立 and 在; None: the words joined read as typed)."""

    chat_id: int
    user_id: int
    words: str
    article_id: int | None = None
    shown: str | None = None


def put_topic(
    db: sqlite_utils.Database, topic: ChatTopic, *, now: datetime, keep: timedelta = TOPIC_KEEP
) -> None:
    """Keep `topic` as its chat's one topic (replacing the one before); topics unused for `keep` go."""
    with write_transaction(db):
        conn = db.conn
        conn.execute("DELETE FROM chat_topics WHERE asked_at < ?", [_stamp(now - keep)])
        conn.execute(
            "INSERT INTO chat_topics (chat_id, user_id, words, article_id, shown, asked_at) "
            "VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (chat_id) DO UPDATE SET user_id = excluded.user_id, "
            "words = excluded.words, article_id = excluded.article_id, shown = excluded.shown, "
            "asked_at = excluded.asked_at",
            [topic.chat_id, topic.user_id, topic.words, topic.article_id, topic.shown, _stamp(now)],
        )


def get_topic(
    db: sqlite_utils.Database, chat_id: int, *, now: datetime, keep: timedelta = TOPIC_KEEP
) -> ChatTopic | None:
    """The chat's topic if it was kept less than `keep` before `now`, else None."""
    row = db.execute(
        "SELECT chat_id, user_id, words, article_id, shown FROM chat_topics "
        "WHERE chat_id = ? AND asked_at >= ?",
        [chat_id, _stamp(now - keep)],
    ).fetchone()
    if row is None:
        return None
    chat, user_id, words, article_id, shown = row
    story = int(article_id) if article_id is not None else None
    return ChatTopic(int(chat), int(user_id), words, story, shown)


def forget_topics(db: sqlite_utils.Database, chat_id: int, user_id: int) -> int:
    """Delete the chat's topic and every topic the user's searches left (/forget); how many there were."""
    with write_transaction(db):
        return db.conn.execute(
            "DELETE FROM chat_topics WHERE chat_id = ? OR user_id = ?", [chat_id, user_id]
        ).rowcount
