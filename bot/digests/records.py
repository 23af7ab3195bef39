"""What newsbot keeps per chat, as the chats see it: the subscription commands and /forget, over storage.

`subscription_command` and `subscription_press` hold the behaviour of /subscribe, /unsubscribe,
/subscriptions, /timezone, /digest and the unsubscribe buttons as blocking functions over the database
(no Telegram calls). The Telegram handlers (`bot.telegram.subscriptions`) run them in a worker thread under the
database lock; `StorageChatRecords` does the same for the `Conversation` (the console chat, and /forget
everywhere), so both chats go through the same functions.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime

import sqlite_utils

from bot.chat.replies import HTML, Markup, Reply
from bot.digests import compose as digest
from bot.digests import schedule
from bot.digests.plan import DEFAULT_CONFIG, DigestConfig, SearchLibrary, preview_replies, utc_now
from bot.digests.texts import text
from storage.records import subscriptions as subs

COMMANDS = ("subscribe", "unsubscribe", "subscriptions", "timezone", "digest")
UNSUBSCRIBE_PREFIX = "u:"
ALL_WORDS = ("all", "全部", "所有")


def unsubscribe_data(value: str) -> str:
    return f"{UNSUBSCRIBE_PREFIX}{value}"


# ---- behaviour (blocking, no Telegram) -----------------------------------------------------------------


def subscription_command(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    name: str,
    args: list[str],
    *,
    chat_id: int,
    lang: str,
    now: datetime,
    config: DigestConfig = DEFAULT_CONFIG,
    max_subscriptions: int = 20,
    markup: Markup = HTML,
) -> list[Reply]:
    """The replies to one subscription command from ``chat_id``; stores what it changes."""
    # Remember the chat's language and lift a pause (the chat is talking again); a chat that newsbot
    # keeps nothing about (new, or after /forget) gets a row only from a command that stores something.
    if name == "subscribe" or (name == "timezone" and args) or subs.get_chat(db, chat_id) is not None:
        subs.register_chat(db, chat_id, language=lang, now=now)
    if name == "subscribe":
        return [_subscribe(db, args, chat_id, lang, now, max_subscriptions, markup)]
    if name == "unsubscribe":
        return [_unsubscribe(db, args, chat_id, lang, markup)]
    if name == "subscriptions":
        chat = subs.get_chat(db, chat_id)
        timezone = chat.timezone if chat else subs.DEFAULT_TIMEZONE
        return [digest.format_subscription_list(lang, subs.list_subscriptions(db, chat_id), timezone, markup)]
    if name == "timezone":
        return [_timezone(db, args, chat_id, lang, now, markup)]
    if name == "digest":
        return preview_replies(db, library, chat_id, lang, now, config=config, markup=markup)
    raise ValueError(f"not a subscription command: {name}")


def _error(lang: str, error: schedule.ArgumentError, markup: Markup) -> Reply:
    return digest.format_text(lang, f"err_{error.code}", markup, value=digest.clip(error.value, 30))


def _subscribe(
    db: sqlite_utils.Database,
    args: list[str],
    chat_id: int,
    lang: str,
    now: datetime,
    max_subscriptions: int,
    markup: Markup,
) -> Reply:
    request = schedule.parse_subscribe_args(args)
    if isinstance(request, schedule.ArgumentError):
        return _error(lang, request, markup)
    current = subs.list_subscriptions(db, chat_id)
    for existing in current:
        if existing.local_time == request.local_time and set(existing.keywords) == set(request.keywords):
            return digest.format_text(lang, "sub_exists", markup, id=existing.id, time=existing.local_time)
    if len(current) >= max_subscriptions:
        return digest.format_text(lang, "err_too_many_subs", markup, limit=max_subscriptions)
    sub = subs.add_subscription(db, chat_id, request.local_time, request.keywords, now=now)
    chat = subs.get_chat(db, chat_id)
    timezone = chat.timezone if chat else subs.DEFAULT_TIMEZONE
    zone = schedule.zone_or_default(timezone)
    at = schedule.parse_time(sub.local_time) or schedule.DEFAULT_TIME
    next_at = schedule.next_digest_at(at, zone, now, created_at=sub.created_at).astimezone(zone)
    return digest.format_subscribed(lang, sub, timezone, next_at, markup)


def _unsubscribe(
    db: sqlite_utils.Database, args: list[str], chat_id: int, lang: str, markup: Markup
) -> Reply:
    arg = schedule.normalize_token(" ".join(args)).lstrip("#＃").strip()
    if not arg:
        current = subs.list_subscriptions(db, chat_id)
        if not current:
            return digest.format_text(lang, "unsub_none", markup)
        if len(current) == 1:
            subs.remove_subscription(db, chat_id, current[0].id)
            return digest.format_text(lang, "unsub_done", markup, id=current[0].id)
        return digest.format_unsubscribe_choice(lang, current, unsubscribe_data, markup)
    return _remove(db, arg, chat_id, lang, markup)


def _remove(db: sqlite_utils.Database, arg: str, chat_id: int, lang: str, markup: Markup) -> Reply:
    if arg.lower() in ALL_WORDS:
        count = subs.remove_all_subscriptions(db, chat_id)
        if count == 0:
            return digest.format_text(lang, "unsub_none", markup)
        return digest.format_text(lang, "unsub_all_done", markup, count=count)
    if arg.isascii() and arg.isdigit() and len(arg) < 18:
        if subs.remove_subscription(db, chat_id, int(arg)):
            return digest.format_text(lang, "unsub_done", markup, id=int(arg))
        return digest.format_text(lang, "unsub_not_found", markup, value=arg)
    return digest.format_text(lang, "unsub_bad_arg", markup, value=digest.clip(arg, 30))


def _timezone(
    db: sqlite_utils.Database, args: list[str], chat_id: int, lang: str, now: datetime, markup: Markup
) -> Reply:
    if not args:
        chat = subs.get_chat(db, chat_id)
        timezone = chat.timezone if chat else subs.DEFAULT_TIMEZONE
        local = now.astimezone(schedule.zone_or_default(timezone))
        return digest.format_text(
            lang, "tz_current", markup, timezone=timezone, now=local.strftime("%Y-%m-%d %H:%M")
        )
    parsed = schedule.parse_timezone(args)
    if isinstance(parsed, schedule.ArgumentError):
        return _error(lang, parsed, markup)
    subs.set_timezone(db, chat_id, parsed, now=now)
    local = now.astimezone(schedule.zone_or_default(parsed))
    return digest.format_text(lang, "tz_set", markup, timezone=parsed, now=local.strftime("%Y-%m-%d %H:%M"))


def subscription_press(
    db: sqlite_utils.Database, data: str, *, chat_id: int, lang: str, markup: Markup = HTML
) -> Reply:
    """An unsubscribe button (``u:<id>`` or ``u:all``): remove, and the text replacing the choice."""
    value = data[len(UNSUBSCRIBE_PREFIX) :] if data.startswith(UNSUBSCRIBE_PREFIX) else ""
    if not value:
        return Reply(markup.esc(text(lang, "unsub_none")))
    return _remove(db, value, chat_id, lang, markup)


# ---- the chat records the conversation uses -------------------------------------------------------------


class StorageChatRecords:
    """`bot.chat.conversation.ChatRecords` over storage/: calls serialised by the services' database lock."""

    def __init__(
        self,
        db: sqlite_utils.Database,
        library: SearchLibrary,
        lock: threading.RLock,
        *,
        clock: Callable[[], datetime] = utc_now,
        config: DigestConfig = DEFAULT_CONFIG,
        max_subscriptions: int = 20,
    ) -> None:
        self._db = db
        self._library = library
        self._lock = lock
        self._clock = clock
        self._config = config
        self._max_subscriptions = max_subscriptions

    def command(self, name: str, args: str, *, chat_id: int, lang: str, markup: Markup) -> list[Reply]:
        with self._lock:
            return subscription_command(
                self._db,
                self._library,
                name,
                args.split(),
                chat_id=chat_id,
                lang=lang,
                now=self._clock(),
                config=self._config,
                max_subscriptions=self._max_subscriptions,
                markup=markup,
            )

    def timezone(self, chat_id: int) -> str:
        """The chat's timezone (IANA name; the default for a chat newsbot keeps nothing about)."""
        with self._lock:
            chat = subs.get_chat(self._db, chat_id)
        return chat.timezone if chat else subs.DEFAULT_TIMEZONE

    def press(self, data: str, *, chat_id: int, lang: str, markup: Markup) -> Reply:
        with self._lock:
            return subscription_press(self._db, data, chat_id=chat_id, lang=lang, markup=markup)

    def forget(self, chat_id: int) -> dict[str, int]:
        with self._lock:
            return subs.forget_chat(self._db, chat_id)
