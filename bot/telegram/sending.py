"""The one path that sends to Telegram: replies, edits and digests alike.

Every message goes through the application's `SendBudget` (`bot.telegram.budget`: one rate budget for
everything) and every refusal through `classify`, which says what to do about it:

- `RetryAfter` (429): wait what Telegram asks (at most ``MAX_RETRY_WAIT``; every sender waits, the budget
  holds) and try again, up to ``MAX_ATTEMPTS`` sends in all;
- `ChatMigrated`: the group became a supergroup: follow it to the new id (the caller may move what it
  keeps about the chat: ``on_migrate``);
- `Forbidden` (blocked by the user, or the bot left the group) and 400 "chat not found" (a deleted group or
  account): blocked; the caller pauses what it sends;
- `TimedOut`: Telegram may have delivered it: not repeated (at most once);
- `BadRequest`: failed (a formatting bug is sent once more as plain text; an edit that changes nothing
  is not an error); other network errors: one more try after a short pause, then not sent.

`BadRequest` and `TimedOut` subclass `NetworkError`, so they are classified first.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import warnings
from collections.abc import Awaitable, Callable, Sequence
from dataclasses import dataclass
from enum import StrEnum

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.error import (
    BadRequest,
    ChatMigrated,
    Forbidden,
    NetworkError,
    RetryAfter,
    TelegramError,
    TimedOut,
)
from telegram.ext import ExtBot

from bot.chat.replies import HTML, Keyboard, Reply
from bot.telegram.budget import SendBudget

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
MAX_RETRY_WAIT = 30.0
NETWORK_PAUSE = 1.0
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


class Action(StrEnum):
    """What to do about an error Telegram (or the network) gave."""

    RETRY_AFTER = "retry_after"  # wait `Verdict.retry_after` seconds, then try again
    MIGRATED = "migrated"  # follow the chat to `Verdict.new_chat_id`
    BLOCKED = "blocked"  # the chat does not take messages from the bot: pause sending to it
    TIMED_OUT = "timed_out"  # may have arrived: do not repeat (at most once)
    FAILED = "failed"  # Telegram refused this message: do not repeat it
    NETWORK = "network"  # did not reach Telegram: one more try, later


@dataclass(frozen=True)
class Verdict:
    action: Action
    detail: str = ""  # Telegram's description (never the message text)
    retry_after: float = 0.0
    new_chat_id: int | None = None


def classify(error: TelegramError) -> Verdict:
    """What every sender does about `error` (see the module docstring). Pure."""
    if isinstance(error, RetryAfter):
        return Verdict(Action.RETRY_AFTER, error.message, retry_after=retry_after_seconds(error))
    if isinstance(error, ChatMigrated):
        return Verdict(Action.MIGRATED, error.message, new_chat_id=int(error.new_chat_id))
    if isinstance(error, Forbidden) or is_chat_gone(error):
        return Verdict(Action.BLOCKED, error.message)
    if isinstance(error, BadRequest):
        return Verdict(Action.FAILED, error.message)
    if isinstance(error, TimedOut):
        return Verdict(Action.TIMED_OUT, error.message)
    if isinstance(error, NetworkError):
        return Verdict(Action.NETWORK, error.message)
    return Verdict(Action.FAILED, error.message)  # InvalidToken, Conflict, EndPointNotFound: not for retrying


def is_chat_gone(error: TelegramError) -> bool:
    """Telegram's 400 "chat not found": the chat was deleted (a group, an account) or never let the bot in;
    like a block, sending again will not help."""
    return isinstance(error, BadRequest) and "chat not found" in error.message.lower()


def retry_after_seconds(exc: RetryAfter) -> float:
    """Seconds Telegram asked to wait (PTB 22 returns int or timedelta and warns about the change)."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        value = exc.retry_after
    return value.total_seconds() if isinstance(value, dtm.timedelta) else float(value)


def keyboard_markup(buttons: Keyboard) -> InlineKeyboardMarkup | None:
    """Our `Button` rows as PTB's InlineKeyboardMarkup (None for no buttons)."""
    if not buttons:
        return None
    return InlineKeyboardMarkup(
        [
            [
                InlineKeyboardButton(b.label, callback_data=b.data)
                if b.data is not None
                else InlineKeyboardButton(b.label, url=b.url)
                for b in row
            ]
            for row in buttons
        ]
    )


def is_not_modified(detail: str) -> bool:
    return "not modified" in detail.lower()


def is_entity_error(detail: str) -> bool:
    return "parse entities" in detail.lower()


class Status(StrEnum):
    SENT = "sent"
    UNCHANGED = "unchanged"  # an edit to what the message shows already
    BLOCKED = "blocked"
    TIMED_OUT = "timed_out"
    FAILED = "failed"
    NOT_SENT = "not_sent"  # certainly not delivered (network, or still flood-limited): may be tried later


@dataclass(frozen=True)
class Sent:
    """How one send ended: the status, the chat it ended in (after a migration), the message."""

    status: Status
    chat_id: int
    message: Message | None = None
    detail: str = ""
    error: TelegramError | None = None


Migrate = Callable[[int, int], Awaitable[None]]


async def _attempts(
    bot: Bot,
    chat_id: int,
    call: Callable[[int, bool], Awaitable[Message | bool]],
    *,
    on_migrate: Migrate | None = None,
) -> Sent:
    """Run ``call(chat_id, html)`` until it succeeds or `classify` says stop."""
    html = True
    network_tries = 0
    for _ in range(MAX_ATTEMPTS):
        try:
            result = await call(chat_id, html)
        except TelegramError as exc:
            verdict = classify(exc)
            extra = {"chat_id": chat_id, "error": verdict.detail}
            if verdict.action is Action.RETRY_AFTER:
                wait = min(verdict.retry_after, MAX_RETRY_WAIT)
                log.warning("flood limit: every send waits", extra={**extra, "retry_after": wait})
                await _hold(bot, wait)
                continue
            if verdict.action is Action.MIGRATED and verdict.new_chat_id is not None:
                log.info("chat migrated", extra={**extra, "new_chat_id": verdict.new_chat_id})
                if on_migrate is not None:
                    await on_migrate(chat_id, verdict.new_chat_id)
                chat_id = verdict.new_chat_id
                continue
            if verdict.action is Action.BLOCKED:
                log.info("cannot send: forbidden", extra=extra)
                return Sent(Status.BLOCKED, chat_id, detail=verdict.detail, error=exc)
            if verdict.action is Action.TIMED_OUT:
                log.warning("send timed out; not repeated (at most once)", extra=extra)
                return Sent(Status.TIMED_OUT, chat_id, detail="timed out", error=exc)
            if verdict.action is Action.NETWORK:
                log.warning("network error while sending", extra=extra)
                network_tries += 1
                if network_tries > 1:
                    return Sent(Status.NOT_SENT, chat_id, detail=verdict.detail, error=exc)
                await asyncio.sleep(NETWORK_PAUSE)
                continue
            if is_not_modified(verdict.detail):
                return Sent(Status.UNCHANGED, chat_id)
            if html and is_entity_error(verdict.detail):
                log.error("Telegram's HTML parser rejected a message; sent as plain text", extra=extra)
                html = False
                continue
            log.error("Telegram refused a message", extra=extra)
            return Sent(Status.FAILED, chat_id, detail=verdict.detail, error=exc)
        return Sent(Status.SENT, chat_id, result if isinstance(result, Message) else None)
    log.warning("still flood-limited; not sent", extra={"chat_id": chat_id})
    return Sent(Status.NOT_SENT, chat_id, detail="still flood-limited")


async def _hold(bot: Bot, seconds: float) -> None:
    """After a 429: the budget makes every later message wait; this sender waits too."""
    if isinstance(bot, ExtBot) and isinstance(bot.rate_limiter, SendBudget):
        bot.rate_limiter.hold(seconds)
    await asyncio.sleep(seconds)


async def send(bot: Bot, chat_id: int, reply: Reply, *, on_migrate: Migrate | None = None) -> Sent:
    """Send one message (HTML; plain text if Telegram's parser rejects it) through the one send path."""

    async def call(target: int, html: bool) -> Message:
        return await bot.send_message(
            target,
            reply.text if html else HTML.visible(reply.text),
            parse_mode="HTML" if html else None,
            reply_markup=keyboard_markup(reply.buttons),
            link_preview_options=NO_PREVIEW,
        )

    return await _attempts(bot, chat_id, call, on_migrate=on_migrate)


async def send_reply(bot: Bot, chat_id: int, reply: Reply) -> Message | None:
    """Send one reply; the message, or None when it was not delivered (logged). A message Telegram
    refuses as a bad request is a bug: its error is raised for the error handler."""
    sent = await send(bot, chat_id, reply)
    if sent.status is Status.FAILED and sent.error is not None:
        raise sent.error
    return sent.message


async def send_replies(bot: Bot, chat_id: int, replies: Sequence[Reply]) -> list[Message]:
    """Send replies in order; stop at the first one that was not delivered."""
    out: list[Message] = []
    for reply in replies:
        message = await send_reply(bot, chat_id, reply)
        if message is None:
            break
        out.append(message)
    return out


def shows_already(message: Message, reply: Reply) -> bool:
    """Whether the message (as the update carried it) already shows the reply's text and keyboard:
    editing it would only earn Telegram's "message is not modified"."""
    if message.text is None:
        return False
    same_text = message.text.strip() == HTML.visible(reply.text).strip()
    return same_text and message.reply_markup == keyboard_markup(reply.buttons)


async def edit(message: Message, reply: Reply) -> Sent:
    """Replace a message's text and keyboard through the one send path (UNCHANGED when it shows them
    already: then nothing is sent)."""
    if shows_already(message, reply):
        return Sent(Status.UNCHANGED, message.chat_id)

    async def call(_target: int, html: bool) -> Message | bool:
        return await message.edit_text(
            reply.text if html else HTML.visible(reply.text),
            parse_mode="HTML" if html else None,
            reply_markup=keyboard_markup(reply.buttons),
            link_preview_options=NO_PREVIEW,
        )

    return await _attempts(message.get_bot(), message.chat_id, call)
