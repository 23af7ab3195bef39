"""Telegram handlers: each turns an Update into a call on the conversation and sends the replies.

The thinking happens in `bot.chat.conversation` (shared with the console); sending and Telegram's refusals
in `bot.telegram.sending`. Every handler gets a `BotContext` (`bot.telegram.context`): ``context.services``.

In groups, only the group's administrators may change what newsbot keeps for the whole group
(``GROUP_ADMIN_COMMANDS``; `may_change_group` asks Telegram with getChatMember).
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
from telegram.constants import ChatAction, ChatMemberStatus, ChatType, ParseMode
from telegram.error import TelegramError
from telegram.ext import (
    BaseHandler,
    CallbackQueryHandler,
    CommandHandler,
    InlineQueryHandler,
    MessageHandler,
    filters,
)

from bot.chat.command_line import command_typed_as_text, parse_command
from bot.chat.exchange import Who
from bot.chat.replies import HTML, Reply, format_notice
from bot.chat.texts import lang_for, text
from bot.chat.typed_text import readable
from bot.services import Services
from bot.telegram.context import SERVICES, BotContext
from bot.telegram.sending import Status, edit, send_replies, send_reply
from storage.errors import DatabaseBusy

log = logging.getLogger(__name__)

# The commands answered by the conversation (the subscription commands come from bot.telegram.subscriptions).
CORE_COMMANDS = ("start", "help", "search", "s", "latest", "article", "stats", "sources", "forget")
# Commands that change what newsbot keeps for the whole chat: in groups, for administrators only.
GROUP_ADMIN_COMMANDS = frozenset({"subscribe", "unsubscribe", "timezone", "lang", "forget"})
_ADMIN_STATUSES = frozenset({ChatMemberStatus.OWNER, ChatMemberStatus.ADMINISTRATOR})


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


def pressed_label(message: Message, data: str | None) -> str | None:
    """The label of the button carrying `data` on the message's keyboard (the page counter's `2/14`)."""
    keyboard = message.reply_markup.inline_keyboard if message.reply_markup else ()
    return next((b.text for row in keyboard for b in row if data and b.callback_data == data), None)


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


async def _typing(update: Update, context: BotContext) -> None:
    chat = update.effective_chat
    if chat is not None:
        try:
            await context.bot.send_chat_action(chat.id, ChatAction.TYPING)
        except TelegramError:
            pass  # only a courtesy


async def _answer(update: Update, context: BotContext, replies: list[Reply]) -> None:
    chat = update.effective_chat
    if chat is not None:
        await send_replies(context.bot, chat.id, replies)


async def may_change_group(update: Update, context: BotContext) -> bool:
    """Whether the sender may change the chat's settings: always in a private chat; in a group only its
    administrators (getChatMember status creator or administrator, or an anonymous administrator
    writing as the group). When Telegram cannot say, the answer is no."""
    chat = update.effective_chat
    if chat is None or chat.type == ChatType.PRIVATE:
        return True
    message = update.message  # a command (a button press carries the bot's own message instead)
    if message is not None and message.sender_chat is not None and message.sender_chat.id == chat.id:
        return True  # an anonymous administrator
    user = update.effective_user
    if user is None:
        return False
    try:
        member = await context.bot.get_chat_member(chat.id, user.id)
    except TelegramError as exc:
        log.warning(
            "could not ask Telegram for a member's status", extra={"chat_id": chat.id, "error": exc.message}
        )
        return False
    return member.status in _ADMIN_STATUSES


def group_admins_only(update: Update, name: str) -> Reply:
    """The short explanation for a member who is not an administrator."""
    user = update.effective_user
    return Reply(
        format_notice(lang_for(user.language_code if user else None), "group_admins_only", HTML, name=name)
    )


async def on_command(update: Update, context: BotContext) -> None:
    """/start, /help, /search, /s, /latest, /article, /stats, /sources, /forget: ask the conversation, send
    its replies."""
    services = context.services
    message = update.effective_message
    if message is None:
        return
    name, _, rest = split_command(message)
    if name in GROUP_ADMIN_COMMANDS and not await may_change_group(update, context):
        await _answer(update, context, [group_admins_only(update, name)])
        return
    await _typing(update, context)
    replies = await services.run(services.conversation.command, name, rest, who_of(update, services))
    await _answer(update, context, replies)


async def on_unknown_command(update: Update, context: BotContext) -> None:
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
    services = context.services
    replies = await services.run(services.conversation.command, name, rest, who_of(update, services))
    await _answer(update, context, replies)


async def on_private_text(update: Update, context: BotContext) -> None:
    """Plain text (or a photo's or file's caption) in a private chat: a search or a question; a command
    Telegram does not mark as one (／latest, / latest) is that command."""
    message = update.effective_message
    if message is None or not message_text(message):
        return
    typed = message_text(message)
    command = command_typed_as_text(typed)
    if command is not None:
        services = context.services
        replies = await services.run(services.conversation.command, *command, who_of(update, services))
        await _answer(update, context, replies)
        return
    await _search(update, context, typed)


def message_text(message: Message) -> str:
    """What the user wrote: the text, or the caption of a photo, file or video sent with words (a caption
    is never a command to Telegram: ``/search 保交楼`` there is read as its words)."""
    if message.text:
        return readable(message.text)
    caption = readable(message.caption or "")
    command = parse_command(caption)
    return command[1] if command is not None and command[0] in ("search", "s") else caption


async def on_private_other(update: Update, context: BotContext) -> None:
    """A sticker, voice or photo without a caption in a private chat: explain that newsbot reads text."""
    services = context.services
    who = await services.run(services.conversation.in_chat_language, who_of(update, services))
    replies = [await services.run(services.conversation.notice, who.lang, "empty_query")]
    await _answer(update, context, replies)


async def on_group_text(update: Update, context: BotContext) -> None:
    """Group text (or a caption): answered only when it replies to the bot or mentions it; chatter is left
    alone."""
    message = update.effective_message
    if message is None or not message_text(message):
        return
    query = addressed_text(message, context.bot.id, context.bot.username or "")
    if query is None:
        return
    if not query.strip():
        services = context.services
        replies = await services.run(services.conversation.command, "start", "", who_of(update, services))
        await _answer(update, context, replies)
        return
    await _search(update, context, query)


def addressed_text(message: Message, bot_id: int, bot_username: str) -> str | None:
    """The text meant for the bot (its @mention removed), or None when the message is not for it."""
    raw = message_text(message)
    mention = f"@{bot_username}".lower()
    mentioned = False
    if message.text:
        mentions = message.parse_entities([MessageEntity.MENTION])
    else:
        mentions = message.parse_caption_entities([MessageEntity.MENTION])
    for value in mentions.values():
        if value.lower() == mention:
            mentioned = True
            raw = raw.replace(value, " ")
    replied = message.reply_to_message
    if replied is not None and replied.from_user is not None and replied.from_user.id == bot_id:
        return raw
    return raw if mentioned else None


async def on_edited(update: Update, context: BotContext) -> None:
    """An edited message (a typo fixed): its text, or an edited /search, answered as a new one (in a group
    only when addressed to the bot); an edited command that changes something is not carried out again."""
    message = update.effective_message
    chat = update.effective_chat
    if message is None or chat is None or not message_text(message):
        return
    if message.text is not None and parse_command(message.text) is not None:
        name, target, rest = split_command(message)
        if name not in ("search", "s"):
            return
        if target is not None and target.lower() != (context.bot.username or "").lower():
            return  # /search@OtherBot
        services = context.services
        await _typing(update, context)
        replies = await services.run(services.conversation.command, name, rest, who_of(update, services))
        await _answer(update, context, replies)
    elif chat.type == ChatType.PRIVATE:
        await on_private_text(update, context)
    else:
        await on_group_text(update, context)


async def _search(update: Update, context: BotContext, query: str) -> None:
    services = context.services
    await _typing(update, context)
    replies = await services.run(services.conversation.text, query, who_of(update, services))
    await _answer(update, context, replies)


async def on_button(update: Update, context: BotContext) -> None:
    """An inline button: always answered; pages are edited in place, articles sent as new messages."""
    query = update.callback_query
    if query is None:
        return
    services = context.services
    who = who_of(update, services)
    answered = False
    try:
        message = query.message if isinstance(query.message, Message) else None
        label = pressed_label(message, query.data) if message is not None else None
        press = await services.run(services.conversation.press, query.data or "", who, label=label)
        await query.answer(press.notice)
        answered = True
        if press.edit is not None and message is not None:
            edited = await edit(message, press.edit)
            if edited.status is Status.FAILED:  # e.g. "message can't be edited" (too old): send the page anew
                log.info("could not edit; sending instead", extra={"error": edited.detail})
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


async def on_inline_query(update: Update, context: BotContext) -> None:
    """``@bot words``: matching articles, each sending its title, summary and a deep link to the bot."""
    inline = update.inline_query
    if inline is None:
        return
    services = context.services
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


async def on_error(update: object, context: BotContext) -> None:
    """The one error handler (updates and jobs): the traceback to the log (level ERROR, so it shows at the
    default WARNING), a polite line to the user (never the error itself), a short note to admins."""
    error = context.error
    upd = update if isinstance(update, Update) else None
    chat = upd.effective_chat if upd else None
    user = upd.effective_user if upd else None
    log.error(
        "error while handling an update" if upd else "error in a job",
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
    services = context.application.bot_data.get(SERVICES)  # not `context.services`: they may be closed
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
    """Unknown commands and plain text: registered after every command handler. A photo, file or video
    with a caption is read as its caption; an edited message is answered as `on_edited` says."""
    new_messages = filters.UpdateType.MESSAGE
    written = filters.TEXT | filters.CAPTION
    return [
        MessageHandler(new_messages & filters.COMMAND, on_unknown_command),
        MessageHandler(new_messages & filters.ChatType.PRIVATE & written & ~filters.COMMAND, on_private_text),
        MessageHandler(new_messages & filters.ChatType.GROUPS & written & ~filters.COMMAND, on_group_text),
        MessageHandler(new_messages & filters.ChatType.PRIVATE & ~written, on_private_other),
        MessageHandler(filters.UpdateType.EDITED_MESSAGE & written, on_edited),
    ]
