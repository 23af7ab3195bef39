"""Sending replies to Telegram, and what to do when Telegram says no.

- `RetryAfter` (429): wait what Telegram asks (capped) and try again, a few times.
- `ChatMigrated`: the group became a supergroup; send to the new id.
- `Forbidden` (the user blocked the bot, or the bot left the group): nothing to do; logged, None.
- `BadRequest` on entities (a formatting bug): send the visible text without markup instead.
- `TimedOut`: the message may have arrived; not repeated (no duplicates), logged, None.
- `NetworkError`: one more try after a short pause, then give up (logged).

`BadRequest` and `TimedOut` subclass `NetworkError`, so they are caught first.
"""

from __future__ import annotations

import asyncio
import datetime as dtm
import logging
import warnings

from telegram import Bot, InlineKeyboardButton, InlineKeyboardMarkup, LinkPreviewOptions, Message
from telegram.error import BadRequest, ChatMigrated, Forbidden, NetworkError, RetryAfter, TimedOut

from bot.chat.replies import HTML, Keyboard, Reply

log = logging.getLogger(__name__)

MAX_ATTEMPTS = 3
MAX_RETRY_WAIT = 30.0
NO_PREVIEW = LinkPreviewOptions(is_disabled=True)


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


def is_not_modified(exc: BadRequest) -> bool:
    return "not modified" in exc.message.lower()


def is_entity_error(exc: BadRequest) -> bool:
    return "parse entities" in exc.message.lower()


async def send_reply(bot: Bot, chat_id: int, reply: Reply, *, html: bool = True) -> Message | None:
    """Send one reply; returns the message, or None when Telegram refused for good (logged)."""
    text, parse_mode = reply.text, ("HTML" if html else None)
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            return await bot.send_message(
                chat_id,
                text,
                parse_mode=parse_mode,
                reply_markup=keyboard_markup(reply.buttons),
                link_preview_options=NO_PREVIEW,
            )
        except RetryAfter as exc:
            wait = retry_after_seconds(exc)
            log.warning("flood limit: retry after", extra={"chat_id": chat_id, "retry_after": wait})
            if attempt == MAX_ATTEMPTS:
                raise
            await asyncio.sleep(min(wait, MAX_RETRY_WAIT))
        except ChatMigrated as exc:
            log.info("chat migrated", extra={"chat_id": chat_id, "new_chat_id": exc.new_chat_id})
            chat_id = exc.new_chat_id
        except Forbidden as exc:
            log.info("cannot send: forbidden", extra={"chat_id": chat_id, "error": exc.message})
            return None
        except BadRequest as exc:
            if parse_mode and is_entity_error(exc):
                log.error("reply rejected by Telegram's HTML parser", extra={"error": exc.message})
                text, parse_mode = HTML.visible(text), None
                continue
            raise
        except TimedOut:
            log.warning("send timed out; not repeated to avoid a duplicate", extra={"chat_id": chat_id})
            return None
        except NetworkError as exc:
            log.warning("network error while sending", extra={"chat_id": chat_id, "error": exc.message})
            if attempt == MAX_ATTEMPTS:
                return None
            await asyncio.sleep(1.0)
    return None


async def send_replies(bot: Bot, chat_id: int, replies: list[Reply] | tuple[Reply, ...]) -> list[Message]:
    """Send replies in order; stop at the first one Telegram refuses for good."""
    sent: list[Message] = []
    for reply in replies:
        message = await send_reply(bot, chat_id, reply)
        if message is None:
            break
        sent.append(message)
    return sent


def shows_already(message: Message, reply: Reply) -> bool:
    """Whether the message (as the update carried it) already shows the reply's text and keyboard:
    editing it would only earn Telegram's "message is not modified"."""
    if message.text is None:
        return False
    same_text = message.text.strip() == HTML.visible(reply.text).strip()
    return same_text and message.reply_markup == keyboard_markup(reply.buttons)


async def edit_reply(message: Message, reply: Reply) -> bool:
    """Replace a message's text and keyboard; an unchanged edit is not an error (and is not sent when
    the message we know of already shows it). True if edited."""
    if shows_already(message, reply):
        return False
    for attempt in range(1, MAX_ATTEMPTS + 1):
        try:
            await message.edit_text(
                reply.text,
                parse_mode="HTML",
                reply_markup=keyboard_markup(reply.buttons),
                link_preview_options=NO_PREVIEW,
            )
            return True
        except RetryAfter as exc:
            if attempt == MAX_ATTEMPTS:
                raise
            await asyncio.sleep(min(retry_after_seconds(exc), MAX_RETRY_WAIT))
        except BadRequest as exc:
            if is_not_modified(exc):
                return False
            raise
        except Forbidden as exc:
            log.info("cannot edit: forbidden", extra={"error": exc.message})
            return False
        except TimedOut:
            return False
    return False
