"""What newsbot keeps per chat, as the chats see it: the subscription commands and /forget, over storage.

`subscription_command` and `subscription_press` hold the behaviour of /subscribe, /unsubscribe,
/subscriptions, /timezone, /digest, /lang and the unsubscribe buttons as blocking functions over the database
(no Telegram calls). The Telegram handlers (`bot.telegram.subscriptions`) run them in a worker thread;
`StorageChatRecords` does the same for the `Conversation` (the console chat, and /forget everywhere), so
both chats go through the same functions.

Commands that change something (/subscribe, /unsubscribe, /timezone with a zone, /lang with a language,
the buttons, /forget)
run as one write transaction (`Database.write`), which waits at most `CHAT_WRITE_WAIT` seconds for the
write lock; if the database stays busy longer, `storage.errors.DatabaseBusy` is raised with nothing
changed, and the chat answers "try again" (`busy`). Reading commands (/subscriptions, /timezone alone,
/digest) read on their own connection and take no write lock; only when the chat's stored language or
pause needs refreshing do they write afterwards, and that write may be skipped when the database is busy.

Every reply is in the language the chat chose with /lang (`chat_language`), else in the one it came with.

Where a chat reads its subscriptions rather than having them pushed (``pushes=False``: the web page, WeChat,
the terminal), the same commands speak of what they do there: a subscription is its keywords (a time typed
changes nothing, and is said to), /subscriptions lists no times, and /digest lists each subscription's
stories no /digest listed as new before (`bot.digests.feed.unread_digest`). The private address of each
subscription is added by the surfaces that can give one (`bot.digests.feed.feed_replies`).
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Sequence
from datetime import datetime
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.chat.intents import NUMBER_SEPARATORS, without_id_labels
from bot.chat.replies import HTML, Markup, Reply
from bot.clock import utc_now
from bot.digests import compose as digest
from bot.digests import schedule
from bot.digests.compose import SubscriptionReply
from bot.digests.feed import digest_wanted, unread_digest
from bot.digests.plan import (
    DEFAULT_CONFIG,
    PREVIEWS,
    DigestConfig,
    SearchLibrary,
    next_due,
    preview_replies,
)
from bot.digests.texts import text
from storage.database.access import Database, as_database
from storage.errors import DatabaseBusy
from storage.models import DEFAULT_TIMEZONE
from storage.records import subscriptions as subs
from storage.text.normalize import fold

log = logging.getLogger(__name__)

COMMANDS = ("subscribe", "unsubscribe", "subscriptions", "timezone", "digest", "lang")
UNSUBSCRIBE_PREFIX = "u:"
ALL_WORDS = ("all", "全部", "所有")
# How long a chat's command waits for the write lock before the chat is asked to try again.
CHAT_WRITE_WAIT = 2.0


def unsubscribe_data(value: str) -> str:
    return f"{UNSUBSCRIBE_PREFIX}{value}"


# ---- behaviour (blocking, no Telegram) -----------------------------------------------------------------


def subscription_command(
    db: sqlite_utils.Database | Database,
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
    wait: float = CHAT_WRITE_WAIT,
    pushes: bool = True,
) -> list[Reply]:
    """The replies to one subscription command from ``chat_id``; stores what it changes. `pushes`: the
    chat's digests are pushed at their time (Telegram); else it reads them (see the module's doc).

    Raises `storage.errors.DatabaseBusy` (nothing changed) when a changing command could not get the
    write lock within `wait` seconds."""
    if name not in COMMANDS:
        raise ValueError(f"not a subscription command: {name}")
    database = as_database(db)
    if name == "digest" and len(args) == 1 and args[0].lower() in ALL_WORDS:
        args = []  # /digest all, as /unsubscribe all is typed: every subscription, as /digest alone
    if name in ("subscribe", "unsubscribe") or (name in ("timezone", "lang") and args):
        return database.write(
            _changing_command, name, args, chat_id, lang, now, max_subscriptions, markup, pushes, wait=wait
        )
    if name == "digest" and not pushes:  # it records what it lists: not a read alone
        chat = database.read(subs.get_chat, chat_id)
        shown = chat_language(chat, lang)
        replies = _read_digest(database, library, args, chat, chat_id, shown, now, config, markup, wait)
    else:
        with database.reader() as reader:
            chat = subs.get_chat(reader, chat_id)
            shown = chat_language(chat, lang)
            replies = _reading_command(
                reader, library, name, args, chat, chat_id, shown, now, config, markup, pushes
            )
    if chat is not None and (chat.paused or (chat.chosen_language is None and chat.language != lang)):
        # The chat is talking again: remember its language and lift a pause. Not the user's command, so
        # a busy database only postpones it to the chat's next write.
        try:
            database.write(subs.register_chat, chat_id, language=lang, now=now, wait=wait)
        except DatabaseBusy:
            log.warning(
                "could not refresh a chat's language or pause: database busy", extra={"chat_id": chat_id}
            )
    return replies


def _changing_command(
    db: sqlite_utils.Database,
    name: str,
    args: list[str],
    chat_id: int,
    lang: str,
    now: datetime,
    max_subscriptions: int,
    markup: Markup,
    pushes: bool,
) -> list[Reply]:
    """/subscribe, /unsubscribe, /timezone <zone>, /lang <language>: inside one write transaction."""
    # Remember the chat's language and lift a pause (the chat is talking again); a chat that newsbot
    # keeps nothing about (new, or after /forget) gets a row only from a command that stores something.
    # The replies are in the language the chat chose with /lang, if it chose one.
    if name in ("subscribe", "timezone", "lang") or subs.get_chat(db, chat_id) is not None:
        lang = subs.register_chat(db, chat_id, language=lang, now=now).language
    if name == "lang":
        return [_lang(db, args, chat_id, lang, now, markup, pushes)]
    if name == "subscribe":
        return [_subscribe(db, args, chat_id, lang, now, max_subscriptions, markup, pushes)]
    if name == "unsubscribe":
        return [_unsubscribe(db, args, chat_id, lang, markup, pushes)]
    return [_timezone(db, args, chat_id, lang, now, markup, pushes)]


def _reading_command(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    name: str,
    args: list[str],
    chat: subs.Chat | None,
    chat_id: int,
    lang: str,
    now: datetime,
    config: DigestConfig,
    markup: Markup,
    pushes: bool,
) -> list[Reply]:
    """/subscriptions, /timezone alone, /digest [ID] (where digests are pushed: a preview): reads only;
    /digest where they are read: what it answers other than the subscriptions' new stories (a time, an
    argument that is no id, an id not found, no subscriptions)."""
    if name == "subscriptions":
        timezone = chat.timezone if chat else DEFAULT_TIMEZONE
        found = subs.list_subscriptions(db, chat_id)
        return [digest.format_subscription_list(lang, found, timezone, markup, times=pushes)]
    if name == "timezone":
        return [_timezone(db, [], chat_id, lang, now, markup, pushes)]
    if name == "lang":
        return [_lang(db, [], chat_id, lang, now, markup, pushes)]
    only = None
    if args:  # /digest 7: that subscription's preview
        arg = without_id_labels(schedule.normalize_token(" ".join(args)))
        at = schedule.parse_natural_time(arg)
        if at is not None:  # /digest 8:00: a time is set with /subscribe (where digests are pushed)
            key = "digest_time" if pushes else "read_digest_time"
            return [digest.format_text(lang, key, markup, time=schedule.format_time(at))]
        if not (arg.isascii() and arg.isdigit()):
            key = "digest_bad_arg" if pushes else "read_digest_bad_arg"
            return [digest.format_text(lang, key, markup, value=digest.clip(arg, 30))]
        if len(arg) >= 18:  # a number, too large to be a subscription's id
            return [digest.format_text(lang, "unsub_not_found", markup, value=digest.clip(arg, 30))]
        only = int(arg)
    return preview_replies(
        db, library, chat_id, lang, now, config=config, markup=markup, only=only, pushes=pushes
    )


def _read_digest(
    database: Database,
    library: SearchLibrary,
    args: list[str],
    chat: subs.Chat | None,
    chat_id: int,
    lang: str,
    now: datetime,
    config: DigestConfig,
    markup: Markup,
    wait: float,
) -> list[Reply]:
    """/digest [ID] where the chat reads its subscriptions: for each of its first `PREVIEWS` subscriptions
    (or the one named) the stories no /digest listed as new before (`unread_digest`), then how to see the
    others; anything else as `_reading_command` answers it."""
    found = database.read(subs.list_subscriptions, chat_id)
    wanted = digest_wanted(" ".join(args), found)
    if wanted is None:
        with database.reader() as reader:
            return _reading_command(
                reader, library, "digest", args, chat, chat_id, lang, now, config, markup, False
            )
    today = now.astimezone(schedule.zone_or_default(chat.timezone if chat else DEFAULT_TIMEZONE)).date()
    out: list[Reply] = [
        unread_digest(database, library, sub, lang, markup, today=today, cap=config.cap, now=now, wait=wait)
        for sub in wanted
    ]
    beyond = found[PREVIEWS:] if not args else []
    if beyond:
        more = text(lang, "read_digest_more", count=len(beyond), id=beyond[0].number)
        out.append(Reply(markup.esc(more)))
    return out


# The /subscribe errors whose example shows a time; where nothing is pushed (`read_err_*`) it shows none.
_TIMED_EXAMPLES = (
    "too_many_keywords",
    "keyword_unsearchable",
    "keyword_link",
    "keywords_operators_only",
    "keywords_all_excluded",
)


def _error(lang: str, error: schedule.ArgumentError, markup: Markup, pushes: bool = True) -> Reply:
    key = f"err_{error.code}_close" if error.suggestion else f"err_{error.code}"
    if not pushes and error.code in _TIMED_EXAMPLES:
        key = f"read_{key}"
    return digest.format_text(
        lang, key, markup, value=digest.clip(error.value, 30), suggestion=error.suggestion
    )


def same_keywords(first: Sequence[str], second: Sequence[str]) -> bool:
    """Whether two subscriptions' keywords select the same stories: in any order, in either script or
    width, in any letter case (保交樓 is 保交楼, as the search reads them), a quoted word as the word."""
    return {_keyword_key(k) for k in first} == {_keyword_key(k) for k in second}


def _keyword_key(keyword: str) -> str:
    word = fold(keyword)
    sign = "-" if word.startswith("-") else ""
    inner = word[len(sign) :]
    if len(inner) > 2 and inner[0] == inner[-1] == '"' and not any(ch.isspace() for ch in inner[1:-1]):
        inner = inner[1:-1]  # "保交楼" finds what 保交楼 finds
    return sign + inner


def _subscribe(
    db: sqlite_utils.Database,
    args: list[str],
    chat_id: int,
    lang: str,
    now: datetime,
    max_subscriptions: int,
    markup: Markup,
    pushes: bool,
) -> Reply:
    """/subscribe: a new subscription, or the chat's one of the same keywords moved to the new time typed
    (its ledger kept, so what it brought this morning does not come again tonight); with no time typed,
    that one as it is; where the chat reads its subscriptions, `_subscribe_read`."""
    request = schedule.parse_subscribe_args(args, times=pushes)
    if isinstance(request, schedule.ArgumentError):
        return _error(lang, request, markup, pushes)
    current = subs.list_subscriptions(db, chat_id)
    if not pushes:
        return _subscribe_read(db, request, current, chat_id, lang, now, max_subscriptions, markup)
    same = [s for s in current if same_keywords(s.keywords, request.keywords)]
    for existing in same:
        # The same time, or no time typed (/subscribe 阅兵 again): the subscription the chat has, unmoved.
        if existing.local_time == request.local_time or not request.typed_times:
            return digest.format_text(
                lang, "sub_exists", markup, id=existing.number, time=existing.local_time
            )
    if same:
        moved = subs.move_subscription(db, chat_id, same[0].id, request.local_time, now=now)
        assert moved is not None  # listed in this transaction
        return _confirm(db, moved, lang, now, markup, old_time=same[0].local_time)
    if len(current) >= max_subscriptions:
        return digest.format_text(lang, "err_too_many_subs", markup, limit=max_subscriptions)
    sub = subs.add_subscription(db, chat_id, request.local_time, request.keywords, now=now)
    return _confirm(db, sub, lang, now, markup)


def _subscribe_read(
    db: sqlite_utils.Database,
    request: schedule.SubscribeRequest,
    current: Sequence[subs.Subscription],
    chat_id: int,
    lang: str,
    now: datetime,
    max_subscriptions: int,
    markup: Markup,
) -> Reply:
    """/subscribe where the chat reads its subscriptions (nothing is pushed): the keywords make the
    subscription; the chat's one of the same keywords is named, not made again or moved; a typed time
    changes nothing, and the reply says so."""
    sub = next((s for s in current if same_keywords(s.keywords, request.keywords)), None)
    key = "read_sub_exists"
    if sub is None:
        if len(current) >= max_subscriptions:
            return digest.format_text(lang, "err_too_many_subs", markup, limit=max_subscriptions)
        sub, key = (
            subs.add_subscription(db, chat_id, request.local_time, request.keywords, now=now),
            "read_sub_created",
        )
    lines = [text(lang, key, id=sub.number, what=digest.describe_subscription(lang, sub))]
    if request.typed_times:
        typed = text(lang, "keyword_sep").join(request.typed_times)
        lines.append(text(lang, "read_time_unused", time=typed))
    return SubscriptionReply(
        digest.format_lines(lines, markup).text, subscription_id=sub.id, subscription_number=sub.number
    )


def _confirm(
    db: sqlite_utils.Database,
    sub: subs.Subscription,
    lang: str,
    now: datetime,
    markup: Markup,
    *,
    old_time: str | None = None,
) -> Reply:
    """The reply to a subscription made (or moved from `old_time`): its time, zone and next digest."""
    chat = subs.get_chat(db, sub.chat_id)
    timezone = chat.timezone if chat else DEFAULT_TIMEZONE
    zone = schedule.zone_or_default(timezone)
    next_at = next_due(db, sub, zone, now)
    return digest.format_subscribed(lang, sub, timezone, next_at, markup, old_time=old_time)


def _next_digests_line(
    db: sqlite_utils.Database, chat_id: int, lang: str, zone: ZoneInfo, now: datetime
) -> str | None:
    """The line naming when each of the chat's subscriptions next brings a digest, the earliest first;
    None without subscriptions."""
    coming = sorted(
        (next_due(db, sub, zone, now), sub.number) for sub in subs.list_subscriptions(db, chat_id)
    )
    if not coming:
        return None
    joiner = "、" if lang == "zh" else ", "
    named = joiner.join(f"#{number} {at.strftime('%Y-%m-%d %H:%M')}" for at, number in coming)
    return text(lang, "tz_next_digests", next=named)


def _unsubscribe(
    db: sqlite_utils.Database, args: list[str], chat_id: int, lang: str, markup: Markup, pushes: bool
) -> Reply:
    arg = without_id_labels(schedule.normalize_token(" ".join(args)))
    if not arg:
        current = subs.list_subscriptions(db, chat_id)
        if not current:
            return digest.format_text(lang, "unsub_none", markup)
        if len(current) == 1:
            subs.remove_subscription(db, chat_id, current[0].id)
            return digest.format_text(lang, "unsub_done", markup, id=current[0].number)
        return digest.format_unsubscribe_choice(lang, current, unsubscribe_data, markup, times=pushes)
    ids = [i for piece in NUMBER_SEPARATORS.split(arg) if piece.lstrip("#") for i in _id_range(piece)]
    if len(ids) > 1 and all(piece.isascii() and piece.isdigit() for piece in ids):
        return _remove_several(db, list(dict.fromkeys(ids)), chat_id, lang, markup)
    named = (
        []
        if arg.lower() in ALL_WORDS or arg.isascii() and arg.isdigit()
        else _named_by_keywords(db, args, chat_id)
    )
    if named:  # /unsubscribe 保交楼: the subscriptions of those keywords
        return _remove_several(db, [str(sub.number) for sub in named], chat_id, lang, markup)
    return _remove(db, arg, chat_id, lang, markup)


def _named_by_keywords(db: sqlite_utils.Database, args: list[str], chat_id: int) -> list[subs.Subscription]:
    """The chat's subscriptions whose keywords are the ones typed (in any order, script or width, as
    /subscribe reads them); none when the words are an id, `all`, or no subscription's keywords."""
    request = schedule.parse_subscribe_args(args, times=False)
    if isinstance(request, schedule.ArgumentError) or not request.keywords:
        return []
    return [s for s in subs.list_subscriptions(db, chat_id) if same_keywords(s.keywords, request.keywords)]


# A range of ids: 1-3, 1~3 (NFKC of 1～3), 1到3, 1至3, #1-#3.
_ID_RANGE = re.compile(r"^#?(\d{1,17})\s*(?:-|~|到|至|\u2013|\u2014)\s*#?(\d{1,17})$")
# The widest range read as one (a chat holds at most a few dozen subscriptions).
_MAX_RANGE = 100


def _id_range(piece: str) -> list[str]:
    """The ids a piece of /unsubscribe names: 3 or #3 → ["3"]; 1-3 → ["1", "2", "3"]; else the piece."""
    found = _ID_RANGE.match(piece)
    if found is not None:
        first, last = int(found.group(1)), int(found.group(2))
        if 0 < last - first < _MAX_RANGE:
            return [str(i) for i in range(first, last + 1)]
    return [piece.lstrip("#")]


def _remove_several(
    db: sqlite_utils.Database, ids: list[str], chat_id: int, lang: str, markup: Markup
) -> Reply:
    """/unsubscribe 1 2 3: removes each (the numbers read before any is removed, `subs.pick_own`), and
    says which went, by their numbers, and which were not found."""
    found = subs.list_subscriptions(db, chat_id)
    picked = {i: subs.pick_own(found, int(i)) if i.isdigit() and len(i) < 18 else None for i in ids}
    chosen = list({sub.id: sub for sub in picked.values() if sub is not None}.values())
    removed = [sub for sub in chosen if subs.remove_subscription(db, chat_id, sub.id)]
    missing = [digest.clip(i, 30) for i, sub in picked.items() if sub is None or sub not in removed]
    joiner = "、" if lang == "zh" else ", "
    lines = []
    if len(removed) == 1:
        ambiguous = any(sub is removed[0] and subs.both_meant(found, int(i)) for i, sub in picked.items())
        lines.append(_unsubscribed_line(lang, removed[0], named=ambiguous))
    elif removed:
        lines.append(text(lang, "unsub_done_many", ids=joiner.join(f"#{sub.number}" for sub in removed)))
    if len(missing) == 1:
        lines.append(text(lang, "unsub_not_found", value=missing[0]))
    elif missing:
        lines.append(text(lang, "unsub_not_found_many", ids=joiner.join(f"#{i}" for i in missing)))
    if removed:
        lines += _renumbered(db, chat_id, lang, found)
    return Reply("\n".join(markup.esc(line) for line in lines))


def _renumbered(
    db: sqlite_utils.Database, chat_id: int, lang: str, before: list[subs.Subscription]
) -> list[str]:
    """After a cancel, the line naming the subscriptions left whose number moved down (none if none did)."""
    line = digest.renumbered_line(lang, before, subs.list_subscriptions(db, chat_id))
    return [line] if line is not None else []


def _unsubscribed_line(lang: str, sub: subs.Subscription, *, named: bool) -> str:
    """The line saying `sub` was cancelled, by its number; `named`: with what it was (the number typed
    could also have meant another subscription, `subs.both_meant`)."""
    if named:
        return text(lang, "unsub_done_named", id=sub.number, what=digest.describe_subscription(lang, sub))
    return text(lang, "unsub_done", id=sub.number)


def _remove(
    db: sqlite_utils.Database, arg: str, chat_id: int, lang: str, markup: Markup, *, pressed: bool = False
) -> Reply:
    """/unsubscribe with one value typed (a number, `all`, something else), or an unsubscribe button
    pressed (`pressed`: the value is the subscription's id, as the button carries it)."""
    if arg.lower() in ALL_WORDS:
        count = subs.remove_all_subscriptions(db, chat_id)
        if count == 0:
            return digest.format_text(lang, "unsub_none", markup)
        return digest.format_text(
            lang, "unsub_all_done" if count > 1 else "unsub_all_done_one", markup, count=count
        )
    if arg.isascii() and arg.isdigit():
        found = subs.list_subscriptions(db, chat_id)
        typed = int(arg) if len(arg) < 18 else 0
        sub = next((s for s in found if s.id == typed), None) if pressed else subs.pick_own(found, typed)
        if sub is not None and subs.remove_subscription(db, chat_id, sub.id):
            named = not pressed and subs.both_meant(found, typed)
            done = _unsubscribed_line(lang, sub, named=named)
            return digest.format_lines([done, *_renumbered(db, chat_id, lang, found)], markup)
        return digest.format_text(lang, "unsub_not_found", markup, value=digest.clip(arg, 30))
    key = "unsub_no_keywords" if _WORD_CHARACTER.search(arg) else "unsub_bad_arg"  # words, or a bad id
    return digest.format_text(lang, key, markup, value=digest.clip(arg, 30))


_WORD_CHARACTER = re.compile(r"[^\W\d_]")  # a letter of any script (保, a), not a digit or a mark


def _timezone(
    db: sqlite_utils.Database,
    args: list[str],
    chat_id: int,
    lang: str,
    now: datetime,
    markup: Markup,
    pushes: bool,
) -> Reply:
    if not args:
        chat = subs.get_chat(db, chat_id)
        timezone = chat.timezone if chat else DEFAULT_TIMEZONE
        local = now.astimezone(schedule.zone_or_default(timezone))
        return digest.format_text(
            lang,
            "tz_current",
            markup,
            timezone=schedule.zone_label(timezone),
            now=local.strftime("%Y-%m-%d %H:%M"),
        )
    parsed = schedule.parse_timezone(args)
    if isinstance(parsed, schedule.ArgumentError):
        return _error(lang, parsed, markup)
    subs.set_timezone(db, chat_id, parsed, now=now)
    zone = schedule.zone_or_default(parsed)
    local = now.astimezone(zone)
    # A chat that reads its subscriptions gets no pushed digest: the zone sets its days only.
    if not pushes:
        key, coming = "tz_set_no_push", None
    else:
        # When each digest comes now: one whose local day had its digest already waits for the next day.
        key, coming = "tz_set", _next_digests_line(db, chat_id, lang, zone, now)
    said = text(lang, key, timezone=schedule.zone_label(parsed), now=local.strftime("%Y-%m-%d %H:%M"))
    return digest.format_lines([line for line in (said, coming) if line], markup)


def chat_language(chat: subs.Chat | None, detected: str) -> str:
    """The language to answer `chat` in: the one it chose with /lang, else `detected` (from the message:
    Telegram's language_code, the browser's, the console's --lang)."""
    return chat.chosen_language if chat is not None and chat.chosen_language else detected


def _lang(
    db: sqlite_utils.Database,
    args: list[str],
    chat_id: int,
    lang: str,
    now: datetime,
    markup: Markup,
    pushes: bool,
) -> Reply:
    """/lang alone: the current language and how to change it; /lang en|zh (English, 中文, 英文…): store it
    and answer in it (where nothing is pushed, without promising digests in it); /lang auto: forget the
    choice and answer in the language the chat came with."""
    if not args:
        return digest.format_text(lang, "lang_current", markup)
    chosen = parse_language(" ".join(args))
    if chosen == AUTO:
        chat = subs.set_chosen_language(db, chat_id, None, now=now)
        return digest.format_text(chat.language, "lang_auto", markup)
    if chosen is None:
        return digest.format_text(lang, "err_bad_lang", markup, value=digest.clip(" ".join(args), 30))
    subs.set_chosen_language(db, chat_id, chosen, now=now)
    return digest.format_text(chosen, "lang_set" if pushes else "read_lang_set", markup)


# /lang auto: no chosen language; replies follow the one detected (Telegram's setting, the browser's, the letters).
AUTO = "auto"


_LANGUAGE_NAMES = {
    AUTO: ("auto", "default", "自动", "自動", "默认", "默認", "跟随设备"),
    "en": ("en", "eng", "english", "英文", "英语", "英語"),
    "zh": (
        "zh",
        "cn",
        "zh-cn",
        "zh-hans",
        "chinese",
        "中文",
        "汉语",
        "漢語",
        "简体中文",
        "簡體中文",
        "普通话",
        # Traditional Chinese as readers in Taiwan and Hong Kong name it: the replies are Chinese (simplified),
        # closer to what they asked for than English or a refusal.
        "zh-tw",
        "zh-hk",
        "zh-mo",
        "zh-hant",
        "繁体",
        "繁體",
        "繁体中文",
        "繁體中文",
        "中文繁體",
        "正體中文",
        "国语",
        "國語",
        "华语",
        "華語",
    ),
}


def parse_language(value: str) -> str | None:
    """'en' or 'zh' for a language as a reader writes it (en, English, 英文; zh, Chinese, 中文), `AUTO` for
    auto / 自动 / 默认, else None."""
    word = schedule.normalize_token(value).strip().lower().replace("_", "-")
    return next((code for code, names in _LANGUAGE_NAMES.items() if word in names), None)


def subscription_press(
    db: sqlite_utils.Database | Database,
    data: str,
    *,
    chat_id: int,
    lang: str,
    markup: Markup = HTML,
    wait: float = CHAT_WRITE_WAIT,
) -> Reply:
    """An unsubscribe button (``u:<id>`` or ``u:all``): remove, and the text replacing the choice.
    `DatabaseBusy` as for `subscription_command`."""
    value = data[len(UNSUBSCRIBE_PREFIX) :] if data.startswith(UNSUBSCRIBE_PREFIX) else ""
    database = as_database(db)
    lang = chat_language(database.read(subs.get_chat, chat_id), lang)
    if not value:
        return Reply(markup.esc(text(lang, "unsub_none")))
    return database.write(_remove, value, chat_id, lang, markup, pressed=True, wait=wait)


# ---- the chat records the conversation uses -------------------------------------------------------------


class StorageChatRecords:
    """`bot.chat.protocols.ChatRecords` over storage/ (reads on read connections, writes on the one
    write path; `DatabaseBusy` when a write could not get the lock in time)."""

    def __init__(
        self,
        database: Database,
        library: SearchLibrary,
        *,
        clock: Callable[[], datetime] = utc_now,
        config: DigestConfig = DEFAULT_CONFIG,
        max_subscriptions: int = 20,
    ) -> None:
        self._database = database
        self._library = library
        self._clock = clock
        self._config = config
        self._max_subscriptions = max_subscriptions

    @property
    def config(self) -> DigestConfig:
        """How digests are made (how many articles one lists)."""
        return self._config

    def command(
        self, name: str, args: str, *, chat_id: int, lang: str, markup: Markup, pushes: bool = True
    ) -> list[Reply]:
        return subscription_command(
            self._database,
            self._library,
            name,
            args.split(),
            chat_id=chat_id,
            lang=lang,
            now=self._clock(),
            config=self._config,
            max_subscriptions=self._max_subscriptions,
            markup=markup,
            pushes=pushes,
        )

    def language(self, chat_id: int) -> str | None:
        """The language the chat chose with /lang, or None."""
        return self.languages(chat_id)[0]

    def languages(self, chat_id: int) -> tuple[str | None, str | None]:
        """The language the chat chose with /lang and the one its messages were last answered in."""
        chat = self._database.read(subs.get_chat, chat_id)
        return (chat.chosen_language, chat.heard_language) if chat else (None, None)

    def remember_language(self, chat_id: int, lang: str) -> None:
        """Keep `lang` as the chat's language (its row created if needed; a pause lifted: the chat is
        talking again); a busy database only postpones it to a later message."""
        try:
            self._database.write(
                subs.register_chat, chat_id, language=lang, now=self._clock(), wait=CHAT_WRITE_WAIT
            )
        except DatabaseBusy:
            log.warning("could not remember a chat's language: database busy", extra={"chat_id": chat_id})

    def timezone(self, chat_id: int) -> str:
        """The chat's timezone (IANA name; the default for a chat newsbot keeps nothing about)."""
        chat = self._database.read(subs.get_chat, chat_id)
        return chat.timezone if chat else DEFAULT_TIMEZONE

    def press(self, data: str, *, chat_id: int, lang: str, markup: Markup) -> Reply:
        return subscription_press(self._database, data, chat_id=chat_id, lang=lang, markup=markup)

    def forget(self, chat_id: int) -> dict[str, int]:
        return self._database.write(subs.forget_chat, chat_id, wait=CHAT_WRITE_WAIT)
