"""Readers outside Telegram (web sessions, WeChat followers), the WeChat message ledger and server keys.

A reader of the web page or of a WeChat Official Account gets a chat id of its own, ``READER_CHAT_BASE +
id`` of a row in ``readers`` (migration 9). Telegram's chat ids stay within ±2^53 (users up to 52 bits,
supergroups ``-100…`` with 13 digits), so these never meet one of them; ``AUTOINCREMENT`` never hands an id
out twice, so two readers never share one, even after /forget deleted a row. Everything else kept about
such a reader (settings, subscriptions, feeds) is keyed by that chat id like a Telegram chat's.

``channel_messages`` remembers each WeChat message seen (its MsgId) with the reply given, so a message the
platform sends again is answered the same and acted on once. ``server_keys`` holds secrets the server
generates once and keeps (the web session cookie's signing key).
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

import sqlite_utils

from storage.database.writing import write_transaction

READER_CHAT_BASE = 1 << 60
# The terminal's one chat (`newsbot chat`), in the same database as Telegram's: Telegram never uses chat id 0.
CONSOLE_CHAT_ID = 0
WEB = "web"
WECHAT = "wechat"
MESSAGE_MEMORY = timedelta(days=1)  # the platform retries within seconds; a day is plenty


def _now(now: datetime | None) -> str:
    return (now or datetime.now(UTC)).astimezone(UTC).isoformat(timespec="seconds")


def is_reader_chat(chat_id: int) -> bool:
    """True for the chat id of a web or WeChat reader (never a Telegram chat)."""
    return chat_id >= READER_CHAT_BASE


def new_reader(
    db: sqlite_utils.Database, channel: str, key: str | None = None, *, now: datetime | None = None
) -> int:
    """A new reader of `channel` (with its `key`, e.g. a WeChat openid): its chat id. Writes."""
    with write_transaction(db):
        cursor = db.conn.execute(
            "INSERT INTO readers (channel, key, created_at) VALUES (?, ?, ?) RETURNING id",
            [channel, key, _now(now)],
        )
        return READER_CHAT_BASE + int(cursor.fetchone()[0])


def reader_chat(db: sqlite_utils.Database, channel: str, key: str) -> int | None:
    """The chat id of the reader of `channel` known by `key`, or None."""
    row = db.execute("SELECT id FROM readers WHERE channel = ? AND key = ?", [channel, key]).fetchone()
    return READER_CHAT_BASE + int(row[0]) if row else None


def reader_for(db: sqlite_utils.Database, channel: str, key: str, *, now: datetime | None = None) -> int:
    """The chat id of the reader known by `key`, created when new. Writes only for a new reader."""
    found = reader_chat(db, channel, key)
    if found is not None:
        return found
    with write_transaction(db):
        found = reader_chat(db, channel, key)  # another writer may have created it meanwhile
        return found if found is not None else new_reader(db, channel, key, now=now)


# ---- the WeChat message ledger ----------------------------------------------------------------------


def claim_message(db: sqlite_utils.Database, key: str, *, now: datetime | None = None) -> bool:
    """Record message `key` as seen; True the first time, False when it was seen before. Old keys go."""
    moment = now or datetime.now(UTC)
    with write_transaction(db):
        db.conn.execute("DELETE FROM channel_messages WHERE created_at < ?", [_now(moment - MESSAGE_MEMORY)])
        cursor = db.conn.execute(
            "INSERT INTO channel_messages (key, created_at) VALUES (?, ?) ON CONFLICT(key) DO NOTHING",
            [key, _now(moment)],
        )
        return cursor.rowcount == 1


def record_reply(db: sqlite_utils.Database, key: str, reply: str) -> None:
    """The reply given to message `key` (claimed before)."""
    with write_transaction(db):
        db.conn.execute("UPDATE channel_messages SET reply = ? WHERE key = ?", [reply, key])


def message_reply(db: sqlite_utils.Database, key: str) -> str | None:
    """The reply recorded for message `key`, or None (unseen, or still being answered)."""
    row = db.execute("SELECT reply FROM channel_messages WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


# ---- server keys --------------------------------------------------------------------------------------


def server_key(db: sqlite_utils.Database, name: str) -> str:
    """The secret called `name`: generated (256 random bits) the first time, the same ever after."""
    row = db.execute("SELECT value FROM server_keys WHERE name = ?", [name]).fetchone()
    if row:
        return str(row[0])
    with write_transaction(db):
        db.conn.execute(
            "INSERT INTO server_keys (name, value) VALUES (?, ?) ON CONFLICT(name) DO NOTHING",
            [name, secrets.token_urlsafe(32)],
        )
        row = db.conn.execute("SELECT value FROM server_keys WHERE name = ?", [name]).fetchone()
    return str(row[0])
