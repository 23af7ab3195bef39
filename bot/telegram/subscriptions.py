"""/subscribe, /unsubscribe, /subscriptions, /timezone, /digest, and the digest job's registration.

The behaviour lives in `bot.digests.records` (`subscription_command`, `subscription_press`: blocking
functions over the database, no Telegram, shared with the console chat): the Telegram handlers below run
them in a worker thread (`Services.run`), so a command waiting for the write lock holds up no other chat,
and send the replies; a command the busy database could not carry out is answered "try again".

`register(application)` is called by `bot.telegram.app.add_subscription_handlers`: it adds the command handlers,
the handler for the unsubscribe buttons (``u:<id>`` / ``u:all``, in group -1 so the conversation's
catch-all button handler never sees them), and schedules the repeating digest check on the JobQueue.
"""

from __future__ import annotations

import html
import logging

from telegram import Message, Update
from telegram.constants import ChatType
from telegram.error import TelegramError
from telegram.ext import ApplicationHandlerStop, CallbackQueryHandler, CommandHandler, filters

from bot.chat.command_line import CODE_COMMANDS
from bot.chat.replies import Reply
from bot.chat.texts import text
from bot.digests.records import (
    ALL_WORDS,
    COMMANDS,
    UNSUBSCRIBE_PREFIX,
    subscription_command,
    subscription_press,
    unsubscribe_data,
)
from bot.settings import Settings
from bot.telegram.context import BotApplication, BotContext
from bot.telegram.digest_job import DigestRunner, runner_of, schedule_digest_job
from bot.telegram.handlers import (
    GROUP_ADMIN_COMMANDS,
    group_admins_only,
    may_change_group,
    split_command,
    who_of,
)
from bot.telegram.sending import edit, send_replies
from storage.errors import DatabaseBusy

__all__ = [
    "ALL_WORDS",
    "COMMANDS",
    "UNSUBSCRIBE_PREFIX",
    "register",
    "subscription_command",
    "subscription_press",
    "unsubscribe_data",
]

log = logging.getLogger(__name__)


# ---- Telegram handlers ---------------------------------------------------------------------------------


def _runner(context: BotContext) -> DigestRunner:
    runner = runner_of(context.application)
    assert runner is not None, "services are opened in post_init, before any update"
    return runner


async def on_subscription_command(update: Update, context: BotContext) -> None:
    """The five subscription commands: run `subscription_command` off the event loop, send the replies."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    services = context.services
    runner = _runner(context)
    name, _, rest = split_command(message)
    if name in GROUP_ADMIN_COMMANDS and not await may_change_group(update, context):
        await send_replies(context.bot, chat.id, [group_admins_only(update, name)])
        return
    # The language the command came with, by the rule every chat follows (a command without letters: the
    # chat's known one); the records answer in the chat's chosen one themselves.
    words = "" if name in CODE_COMMANDS else rest
    who = await services.run(services.conversation.in_chat_language, who_of(update, services), words)
    lang = who.lang
    try:
        replies = await services.run(
            subscription_command,
            services.database,
            services.library,
            name,
            rest.split(),
            chat_id=chat.id,
            lang=who.detected or who.lang,
            now=runner.clock(),
            config=runner.config,
            max_subscriptions=services.settings.digest_max_subscriptions,
        )
    except DatabaseBusy:
        log.warning("subscription command not carried out: database busy", extra={"chat_id": chat.id})
        replies = [Reply(html.escape(text(lang, "busy"), quote=False))]
    if name == "digest":
        await services.run(services.conversation.digest_shown, replies, who)
    await send_replies(context.bot, chat.id, replies)


async def on_unsubscribe_button(update: Update, context: BotContext) -> None:
    """An unsubscribe button: remove, answer the query, replace the choice with the result. In a group,
    a member who is not an administrator gets the explanation and nothing changes."""
    query = update.callback_query
    if query is None:
        return
    message = query.message if isinstance(query.message, Message) else None
    chat_id = message.chat_id if message is not None else query.from_user.id
    services = context.services
    who = await services.run(services.conversation.in_chat_language, who_of(update, services))
    lang = who.lang
    in_group = message is not None and message.chat.type != ChatType.PRIVATE
    try:
        if in_group and not await may_change_group(update, context):
            await query.answer(text(lang, "group_admins_only", name="unsubscribe"), show_alert=True)
        else:
            try:
                reply = await services.run(
                    subscription_press,
                    services.database,
                    query.data or "",
                    chat_id=chat_id,
                    lang=who.detected or who.lang,
                )
            except DatabaseBusy:
                log.warning("unsubscribe button not carried out: database busy", extra={"chat_id": chat_id})
                await query.answer(text(lang, "busy"), show_alert=True)
            else:
                await query.answer()
                if message is not None:
                    await edit(message, reply)
    except TelegramError as exc:
        log.warning("unsubscribe button failed", extra={"chat_id": chat_id, "error": exc.message})
    raise ApplicationHandlerStop  # the conversation's catch-all button handler must not answer it again


# ---- registration ---------------------------------------------------------------------------------------


def register(application: BotApplication, settings: Settings) -> None:
    """Add the subscription handlers and schedule the repeating digest check (`bot.telegram.digest_job`)."""
    application.add_handler(
        CallbackQueryHandler(on_unsubscribe_button, pattern=rf"^{UNSUBSCRIBE_PREFIX}"), group=-1
    )
    application.add_handler(
        CommandHandler(list(COMMANDS), on_subscription_command, filters=filters.UpdateType.MESSAGE)
    )
    schedule_digest_job(application, settings.digest_check_seconds)
