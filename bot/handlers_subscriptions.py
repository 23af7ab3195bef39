"""/subscribe, /unsubscribe, /subscriptions, /timezone, /digest, and the digest job's registration.

`subscription_command` and `subscription_press` hold the behaviour as blocking functions over the
database (no Telegram): the Telegram handlers below run them in a worker thread under the database lock
(`Services.run_db`) and send the replies; a console could call them the same way.

`register(application)` is called by `bot.app.add_subscription_handlers`: it adds the command handlers,
the handler for the unsubscribe buttons (``u:<id>`` / ``u:all``, in group -1 so the conversation's
catch-all button handler never sees them), and schedules the repeating digest check on the JobQueue.
"""

from __future__ import annotations

import logging
from datetime import datetime
from typing import Any

import sqlite_utils
from telegram import Message, Update
from telegram.error import TelegramError
from telegram.ext import (
    Application,
    ApplicationHandlerStop,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    filters,
)

from bot import digest, schedule
from bot.digest_job import (
    DEFAULT_CONFIG,
    DigestConfig,
    DigestRunner,
    SearchLibrary,
    preview_replies,
    runner_of,
    schedule_digest_job,
)
from bot.digest_texts import text
from bot.handlers import SERVICES, split_command
from bot.replies import HTML, Markup, Reply
from bot.sending import edit_reply, send_replies
from bot.services import Services
from bot.texts import lang_for
from storage import subscriptions as subs

log = logging.getLogger(__name__)

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
    subs.register_chat(db, chat_id, language=lang, now=now)  # also lifts a pause: the chat is talking again
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


# ---- Telegram handlers ---------------------------------------------------------------------------------


def _services(context: ContextTypes.DEFAULT_TYPE) -> Services:
    services: Services = context.application.bot_data[SERVICES]
    return services


def _runner(context: ContextTypes.DEFAULT_TYPE) -> DigestRunner:
    runner = runner_of(context.application)
    assert runner is not None, "services are opened in post_init, before any update"
    return runner


async def on_subscription_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The five subscription commands: run `subscription_command` off the event loop, send the replies."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    services = _services(context)
    runner = _runner(context)
    name, _, rest = split_command(message)
    user = update.effective_user
    replies = await services.run_db(
        subscription_command,
        services.library,
        name,
        rest.split(),
        chat_id=chat.id,
        lang=lang_for(user.language_code if user else None),
        now=runner.clock(),
        config=runner.config,
        max_subscriptions=int(getattr(services.settings, "digest_max_subscriptions", 20)),
    )
    await send_replies(context.bot, chat.id, replies)


async def on_unsubscribe_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An unsubscribe button: remove, answer the query, replace the choice with the result."""
    query = update.callback_query
    if query is None:
        return
    message = query.message if isinstance(query.message, Message) else None
    chat_id = message.chat_id if message is not None else query.from_user.id
    lang = lang_for(query.from_user.language_code)
    services = _services(context)
    try:
        reply = await services.run_db(subscription_press, query.data or "", chat_id=chat_id, lang=lang)
        await query.answer()
        if message is not None:
            await edit_reply(message, reply)
    except TelegramError as exc:
        log.warning("unsubscribe button failed", extra={"chat_id": chat_id, "error": exc.message})
    raise ApplicationHandlerStop  # the conversation's catch-all button handler must not answer it again


# ---- registration ---------------------------------------------------------------------------------------


def register(application: Application[Any, Any, Any, Any, Any, Any]) -> None:
    """Add the subscription handlers and schedule the repeating digest check (`bot.digest_job`)."""
    application.add_handler(
        CallbackQueryHandler(on_unsubscribe_button, pattern=rf"^{UNSUBSCRIBE_PREFIX}"), group=-1
    )
    application.add_handler(
        CommandHandler(list(COMMANDS), on_subscription_command, filters=filters.UpdateType.MESSAGE)
    )
    settings = application.bot_data.get("settings")
    schedule_digest_job(
        application, float(getattr(settings, "digest_check_seconds", DigestConfig.check_seconds))
    )
