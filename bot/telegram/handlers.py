"""Telegram handlers: each turns an Update into a call on the conversation and sends the replies.

The thinking happens in `bot.chat.conversation` (shared with the console); sending and Telegram's refusals
in `bot.telegram.sending`. The services live in ``application.bot_data["services"]`` (see `bot.telegram.app`).
"""

from __future__ import annotations

import html
import logging

from telegram import (
    InlineQueryResultArticle,
    InputTextMessageContent,
    Message,
    MessageEntity,
    Update,
)
from telegram.constants import ChatAction, ChatType, ParseMode
from telegram.error import BadRequest, TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    ContextTypes,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.chat.conversation import Who
from bot.chat.replies import HTML, Reply, format_notice
from bot.chat.texts import lang_for, text
from bot.services import Services
from bot.telegram.sending import edit_reply, send_replies, send_reply
from storage.errors import DatabaseBusy

log = logging.getLogger(__name__)

SERVICES = "services"
# The commands answered by the conversation (the subscription commands come from bot.telegram.subscriptions).
CORE_COMMANDS = ("start", "help", "search", "s", "latest", "article", "stats", "forget")


def services_of(context: ContextTypes.DEFAULT_TYPE) -> Services:
    services: Services = context.application.bot_data[SERVICES]
    return services


def who_of(update: Update, services: Services) -> Who:
    """The sender as the conversation sees them: id, language, admin flag, first name, chat."""
    user = update.effective_user
    chat = update.effective_chat
    chat_id = chat.id if chat is not None else None
    if user is None:
        return Who(user_id=0, chat_id=chat_id)
    return Who(
        user_id=user.id,
        lang=lang_for(user.language_code),
        is_admin=services.is_admin(user.id),
        name=user.first_name,
        chat_id=chat_id,
    )


def split_command(message: Message) -> tuple[str, str | None, str]:
    """``/name@bot rest`` → (name, bot or None, rest)."""
    raw = message.text or ""
    entity = next(
        (e for e in message.entities if e.type == MessageEntity.BOT_COMMAND and e.offset == 0), None
    )
    head = message.parse_entity(entity) if entity else raw.split(maxsplit=1)[0] if raw.split() else ""
    rest = raw[len(head) :] if raw.startswith(head) else ""
    name, _, target = head.lstrip("/").partition("@")
    return name.lower(), (target or None), rest


async def _typing(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    chat = update.effective_chat
    if chat is not None:
        try:
            await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
        except TelegramError:
            pass  # only a courtesy


async def _answer(update: Update, context: ContextTypes.DEFAULT_TYPE, replies: list[Reply]) -> None:
    chat = update.effective_chat
    if chat is not None:
        await send_replies(context.bot, chat.id, replies)


async def on_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """/start, /help, /search, /s, /latest, /article, /stats, /forget: ask the conversation, send its replies."""
    services = services_of(context)
    message = update.effective_message
    if message is None:
        return
    name, _, rest = split_command(message)
    await _typing(update, context)
    replies = await services.run(services.conversation.command, name, rest, who_of(update, services))
    await _answer(update, context, replies)


async def on_unknown_command(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A command newsbot does not have: say so (in groups only when addressed to this bot)."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None:
        return
    name, target, rest = split_command(message)
    if target is not None and target.lower() != (context.bot.username or "").lower():
        return  # /cmd@OtherBot
    if chat.type != ChatType.PRIVATE and target is None:
        return  # a bare /cmd in a group may be meant for another bot
    services = services_of(context)
    replies = await services.run(services.conversation.command, name, rest, who_of(update, services))
    await _answer(update, context, replies)


async def on_private_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Plain text in a private chat: a search or a question."""
    message = update.effective_message
    if message is None or not message.text:
        return
    await _search(update, context, message.text)


async def on_private_other(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """A photo, sticker or voice in a private chat: explain that newsbot reads text."""
    services = services_of(context)
    replies = [Reply(format_notice(who_of(update, services).lang, "empty_query", HTML))]
    await _answer(update, context, replies)


async def on_group_text(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """Group text: answered only when it replies to the bot or mentions it; chatter is left alone."""
    message = update.effective_message
    if message is None or not message.text:
        return
    query = addressed_text(message, context.bot.id, context.bot.username or "")
    if query is None:
        return
    if not query.strip():
        services = services_of(context)
        replies = await services.run(services.conversation.command, "start", "", who_of(update, services))
        await _answer(update, context, replies)
        return
    await _search(update, context, query)


def addressed_text(message: Message, bot_id: int, bot_username: str) -> str | None:
    """The text meant for the bot (its @mention removed), or None when the message is not for it."""
    raw = message.text or ""
    mention = f"@{bot_username}".lower()
    mentioned = False
    for value in message.parse_entities([MessageEntity.MENTION]).values():
        if value.lower() == mention:
            mentioned = True
            raw = raw.replace(value, " ")
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return raw
    return raw if mentioned else None


async def _search(update: Update, context: ContextTypes.DEFAULT_TYPE, query: str) -> None:
    services = services_of(context)
    await _typing(update, context)
    replies = await services.run(services.conversation.text, query, who_of(update, services))
    await _answer(update, context, replies)


async def on_button(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """An inline button: always answered; pages are edited in place, articles sent as new messages."""
    query = update.callback_query
    if query is None:
        return
    services = services_of(context)
    who = who_of(update, services)
    answered = False
    try:
        press = await services.run(services.conversation.press, query.data or "", who)
        await query.answer(press.notice)
        answered = True
        message = query.message if isinstance(query.message, Message) else None
        if press.edit is not None and message is not None:
            try:
                await edit_reply(message, press.edit)
            except BadRequest as exc:  # e.g. "message can't be edited" (too old): send the page anew
                log.info("could not edit; sending instead", extra={"error": exc.message})
                await send_replies(context.bot, message.chat_id, [press.edit])
        if press.replies:
            chat_id = message.chat_id if message is not None else query.from_user.id
            await send_replies(context.bot, chat_id, press.replies)
    finally:
        if not answered:
            try:
                await query.answer(text(who.lang, "error"))
            except TelegramError:
                log.warning("could not answer a callback query", extra={"update_id": update.update_id})


async def on_inline_query(update: Update, context: ContextTypes.DEFAULT_TYPE) -> None:
    """``@bot words``: matching articles, each sending its title, summary and a deep link to the bot."""
    inline = update.inline_query
    if inline is None:
        return
    services = services_of(context)
    answer = await services.run(
        services.conversation.inline,
        inline.query,
        inline.offset,
        who_of(update, services),
        bot_username=context.bot.username,
    )
    results = [
        InlineQueryResultArticle(
            id=item.id,
            title=item.title,
            description=item.description,
            input_message_content=InputTextMessageContent(item.message, parse_mode=ParseMode.HTML),
        )
        for item in answer.items
    ]
    # None, not "": with Defaults set, PTB 22.8's ExtBot turns an empty string parameter into [] (its
    # InputPollOption branch matches any empty sequence), and Telegram would get next_offset="[]".
    await inline.answer(results, next_offset=answer.next_offset or None, cache_time=30, is_personal=False)


async def on_error(update: object, context: ContextTypes.DEFAULT_TYPE) -> None:
    """The one error handler: log with context, a polite line to the user, a short note to admins."""
    error = context.error
    upd = update if isinstance(update, Update) else None
    chat = upd.effective_chat if upd else None
    user = upd.effective_user if upd else None
    log.error(
        "error while handling an update",
        exc_info=error,
        extra={
            "update_id": upd.update_id if upd else None,
            "chat_id": chat.id if chat else None,
            "user_id": user.id if user else None,
        },
    )
    lang = lang_for(user.language_code if user else None)
    if chat is not None:
        # A busy database left the command undone: the user is asked to try again, not told of a fault.
        key = "busy" if isinstance(error, DatabaseBusy) else "error"
        try:
            await send_reply(context.bot, chat.id, Reply(html.escape(text(lang, key), quote=False)))
        except TelegramError:
            log.warning("could not tell the user about the error", extra={"chat_id": chat.id})
    services = context.application.bot_data.get(SERVICES)
    if isinstance(services, Services):
        note = format_notice("zh", "admin_error", HTML, error=f"{type(error).__name__}: {error}"[:500])
        for admin in services.admin_ids:
            if chat is not None and admin == chat.id:
                continue
            try:
                await send_reply(context.bot, admin, Reply(note))
            except TelegramError:
                log.warning("could not notify an admin", extra={"admin_id": admin})


def core_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """The handlers of `bot.chat.conversation`, except the catch-alls (see `fallback_handlers`)."""
    new_messages = filters.UpdateType.MESSAGE
    return [
        CommandHandler(list(CORE_COMMANDS), on_command, filters=new_messages),
        CallbackQueryHandler(on_button),
        InlineQueryHandler(on_inline_query),
    ]


def fallback_handlers() -> list[BaseHandler]:  # type: ignore[type-arg]
    """Unknown commands and plain text: registered after every command handler."""
    new_messages = filters.UpdateType.MESSAGE
    return [
        MessageHandler(new_messages & filters.COMMAND, on_unknown_command),
        MessageHandler(
            new_messages & filters.ChatType.PRIVATE & filters.TEXT & ~filters.COMMAND, on_private_text
        ),
        MessageHandler(
            new_messages & filters.ChatType.GROUPS & filters.TEXT & ~filters.COMMAND, on_group_text
        ),
        MessageHandler(new_messages & filters.ChatType.PRIVATE & ~filters.TEXT, on_private_other),
    ]
