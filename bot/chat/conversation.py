"""What newsbot says, whatever the chat: one layer shared by the Telegram handlers and the console.

Given a command, a text, a button press or an inline query from a user (`Who`), the `Conversation`
returns plain reply objects (`Reply`: text in the conversation's markup + keyboard). It knows nothing
of Telegram or of SQL: the articles come through a `Library` (see `bot.services`), what is kept per chat
(settings, subscriptions, the digest ledger) through `ChatRecords` (`bot.digests.records`), and what a later
message or button press needs through the stores of `bot.chat.state`, which keep it in the database so that
any process serving the bot can answer the next update: the queries behind page buttons (`QueryStore`, by
short keys that fit in callback data) and the flood guard's counts (`FloodGuard`).

A chat's last search that found something leaves its topic (`TopicStore`: its words and the story shown
first, for 30 minutes): a follow-up naming no topic of its own (它是哪天开的, 那个会后来咋样了, 后来呢, 详细说说:
`bot.chat.followups`) is read with it, and the reply says so in a line (接着上一条：统战工作会议); without one,
the reply asks what the follow-up refers to.

/forget asks first (`Confirmations`: one-shot keys) and then deletes everything kept about the chat and its
user: the chat's records, the user's stored queries, its topic and flood counts.

When the database stays busy, replies degrade rather than fail: results go out without page buttons, a
search is let through uncounted, a button press or /forget says "try again".

Callback data (≤ 64 bytes): ``a:<article id>`` opens an article, ``p:<key>:<page>`` shows a page of a
stored query, ``x`` is the inert page label, ``u:<id>``/``u:all`` unsubscribes (Telegram routes those
to `bot.telegram.subscriptions` first), ``f:<key>:y`` / ``f:<key>:n`` confirms or cancels a /forget.

Calls may block on the database: the Telegram side runs them in a worker thread.
"""

from __future__ import annotations

import logging
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime
from typing import Any, Protocol
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.chat import replies
from bot.chat.command_line import (
    FULLWIDTH_DIGITS,
    MAX_ARTICLE_ID,
    MAX_LATEST_PAGE,
    article_numbers,
    command_language_words,
    latest_page,
    number_joined_to_command,
)
from bot.chat.examples import Examples, ExampleSource
from bot.chat.followups import (
    Asks,
    FollowUp,
    follow_up_query,
    headline_shown,
    headline_topic,
    pinned,
    pins_story,
    read_follow_up,
    shown_topic,
    topic_of_search,
    topic_words,
)
from bot.chat.inline import InlineAnswer, InlineItem, inline_answer, inline_item
from bot.chat.intents import (
    NEXT_PAGE,
    Intent,
    PageAsked,
    asks_for_latest,
    detect_intent,
    forget_answer,
    future_period_asked,
    has_letters,
    link_forms,
    message_language,
    page_asked,
    result_asked,
    subscription_asked,
)
from bot.chat.keyboards import (
    FORGET_PREFIX,
    article_buttons,
    forget_buttons,
    opened_articles,
    results_keyboard,
    with_latest_nav,
)
from bot.chat.replies import SHOWS_ONLY, Markup, Reply
from bot.chat.state import Confirmations, FloodGuard, QueryStore, TopicStore
from bot.chat.texts import SUBSCRIPTION_COMMANDS, takes_examples, text
from bot.chat.typed_text import has_words, readable, tidy_query, without_format_characters
from storage.errors import DatabaseBusy
from storage.models import DEFAULT_TIMEZONE, Article, SearchResponse
from storage.records.chat_state import DIGEST, LATEST, SEARCH, ChatTopic, QueryState, Settled
from storage.search.answer_in import answer_in_story
from storage.search.latest_day import LatestDayInstead, latest_day_instead
from storage.search.query import parse_query

log = logging.getLogger(__name__)

PAGE_SIZE = 5
INLINE_PAGE_SIZE = 20  # Telegram allows 50 results per answer
LATEST_COUNT = 8
MAX_QUERY_CHARS = 200
MAX_ARTICLES_AT_ONCE = 3  # /article 1 2 3 opens each; more numbers are named in a line, not opened
MAX_NAMED_UNOPENED = 10  # that line names this many at most
DEEP_LINK_PAYLOAD = re.compile(r"^a(\d{1,18})$")


def utc_now() -> datetime:
    return datetime.now(UTC)


_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


class Library(Protocol):
    """The articles, as the conversation needs them (implemented over storage/ by bot.services)."""

    def search(
        self, query: str, *, limit: int, offset: int, today: date | None = None, correct: bool = True
    ) -> SearchResponse:
        """Results for `query`; relative dates (昨天, 上周二) are read against `today`."""
        ...

    def latest_day(self, on_or_before: date) -> str | None:
        """The latest day (ISO) on or before `on_or_before` that has articles."""
        ...

    def article(self, article_id: int) -> Article | None: ...

    def articles(self, ids: Sequence[int]) -> list[Article]: ...

    def article_at(self, link: str) -> Article | None:
        """The article stored under `link`, the address of its original, or None."""
        ...

    def latest(self, limit: int, offset: int = 0) -> list[Article]: ...

    def stats(self) -> Mapping[str, Any]: ...

    def sources(self) -> Sequence[str]:
        """The web sources' status lines (`bot.sources.status.format_sources`); none without sources."""
        ...


class ChatRecords(Protocol):
    """What newsbot keeps per chat, as the conversation needs it (implemented by bot.digests.records)."""

    def command(
        self, name: str, args: str, *, chat_id: int, lang: str, markup: Markup, pushes: bool = True
    ) -> list[Reply]:
        """A chat-settings command (/subscribe, /unsubscribe, /subscriptions, /timezone, /digest, /lang);
        `pushes`: whether the chat's digests are pushed at their time (else it reads them with /digest)."""
        ...

    def press(self, data: str, *, chat_id: int, lang: str, markup: Markup) -> Reply:
        """An unsubscribe button (``u:…``): the text replacing the choice."""
        ...

    def forget(self, chat_id: int) -> Mapping[str, int]:
        """Delete every row kept about the chat; the rows deleted per table."""
        ...

    def timezone(self, chat_id: int) -> str:
        """The chat's timezone (an IANA name)."""
        ...

    def language(self, chat_id: int) -> str | None:
        """The language the chat chose with /lang ('zh' or 'en'), or None."""
        ...

    def languages(self, chat_id: int) -> tuple[str | None, str | None]:
        """The language the chat chose with /lang and the one its messages were last answered in (each
        None when not known)."""
        ...

    def remember_language(self, chat_id: int, lang: str) -> None:
        """Keep `lang` as the language the chat's messages are answered in (in the chat's row, created if
        needed); skipped when the database is busy."""
        ...


@dataclass(frozen=True)
class Who:
    """The person talking: an id (for query ownership and the flood guard), a language, admin or not,
    and the chat they talk in (None where there is none, e.g. inline queries). `settled`: `lang` is the
    reply's language, the rule of `Conversation.in_chat_language` applied; `detected`: then, when the
    chat chose its language with /lang, the one the message came with (what /lang auto goes back to)."""

    user_id: int
    lang: str = "zh"
    is_admin: bool = False
    name: str | None = None
    chat_id: int | None = None
    detected: str | None = None
    settled: bool = False


@dataclass(frozen=True)
class Press:
    """The outcome of a button press: a short notice (the callback answer), an edit, new messages."""

    notice: str | None = None
    edit: Reply | None = None
    replies: tuple[Reply, ...] = ()
    forgotten: bool = False  # a confirmed /forget deleted the chat's data (an edge may drop what it shows)

    def as_message(self) -> Reply:
        """The press's outcome as a message of its own, where it answers a typed word (确认) and no message
        is there to edit: the edit, else the notice."""
        return self.edit or Reply(self.notice or "")


# ---- the conversation ---------------------------------------------------------------------------------


class Conversation:
    """Turns what a user sent into replies. Shared by Telegram (HTML) and the console (plain text)."""

    def __init__(
        self,
        library: Library,
        *,
        records: ChatRecords,
        markup: Markup,
        queries: QueryStore,
        confirmations: Confirmations,
        flood: FloodGuard | None = None,
        topics: TopicStore | None = None,
        page_size: int = PAGE_SIZE,
        inline_page_size: int = INLINE_PAGE_SIZE,
        pushes: bool = True,
        clock: Callable[[], datetime] = utc_now,
        results_format: Callable[..., str] = replies.format_results,
        channel: replies.Channel = replies.Channel.TELEGRAM,
        examples: ExampleSource | None = None,
    ) -> None:
        self.library = library
        # The examples the texts offer (/start, 你好, /search alone…), from the archive served; one source may
        # serve several conversations (`bot.services.open_services` shares its own).
        self.example_source = examples or ExampleSource(library, clock)
        self.channel = channel  # what /help says about talking to newsbot here
        self.clock = clock  # "today" for relative dates is the clock's day in the chat's timezone
        self.markup = markup
        self.queries = queries
        self.flood = flood
        self.topics = topics  # None: follow-ups are not read (each message stands alone)
        self.records = records
        # False where digests cannot be pushed (the web page, WeChat, the terminal): the subscription commands
        # speak of reading them with /digest, not of times (`bot.digests.records`).
        self.pushes = pushes
        self.confirmations = confirmations
        self.page_size = page_size
        self.inline_page_size = min(inline_page_size, 50)  # Telegram's limit per answer
        # A page of results as text: `replies.format_results`, or a shorter form where messages are small
        # (WeChat's 2048 bytes: `bot.wechat.format.format_results_wechat`), with the same arguments.
        self.results_format = results_format

    # -- entry points ---------------------------------------------------------------------------

    def in_chat_language(self, who: Who, words: str = "") -> Who:
        """`who` speaking the language to answer `words` in (the words of a message that say what language
        it is in: `language_words`). One rule for every chat: the language the chat chose with /lang; else
        English for words in English letters only; else, for words without letters (/help, 123, ？？？),
        the language the chat's earlier messages were answered in; else the one `who` came with
        (Telegram's language_code, the browser's, the console's --lang, Chinese on WeChat). A message with
        letters keeps its language as the chat's (`ChatRecords.remember_language`) in a chat of one person
        (a private chat, a web or WeChat reader, the console); never in a group, where one member's
        language is not the group's (its digests keep the one its subscription commands came with)."""
        if who.settled:
            return who
        if who.chat_id is None:
            return replace(who, lang=message_language(words, detected=who.lang, known=None), settled=True)
        chosen, known = self.records.languages(who.chat_id)
        heard = message_language(words, detected=who.lang, known=known)
        if who.chat_id == who.user_id and has_letters(words) and heard != known:
            self.records.remember_language(who.chat_id, heard)
        if chosen:
            return replace(who, lang=chosen, detected=heard, settled=True)
        return replace(who, lang=heard, settled=True)

    def command(self, name: str, args: str, who: Who) -> list[Reply]:
        """A /command with the rest of the line as `args`."""
        name = without_format_characters(readable(name)).lower()
        args = without_format_characters(readable(args)).strip()
        name, args = number_joined_to_command(name, args)
        who = self.in_chat_language(who, command_language_words(name, args))
        if name == "start":
            return self._start(args, who)
        if name == "help":
            shown = replies.format_help(
                who.lang, self.markup, is_admin=who.is_admin, channel=self.channel, pushes=self.pushes
            )
            return [Reply(shown)]
        if name in ("search", "s"):
            if not args:
                return [self._notice(who, "search_usage")]
            return self.search(args, who)
        if name == "latest":
            page = latest_page(args)
            if page is None:
                return [self._notice(who, "latest_bad_page", arg=replies.clip(args, 30))]
            return self.latest(who, page=page)
        if name == "article":
            return self._article_command(args, who)
        if name == "stats":
            if not who.is_admin:
                return [self._notice(who, "stats_denied")]
            return [Reply(replies.format_stats(self.library.stats(), who.lang, self.markup))]
        if name == "sources":
            if not who.is_admin:
                return [self._notice(who, "stats_denied")]
            return [Reply(replies.format_sources(self.library.sources(), who.lang, self.markup))]
        if name in SUBSCRIPTION_COMMANDS:
            # The records answer in the chat's chosen language themselves and store the language the
            # message came with as the detected one (what /lang auto goes back to): they get that one.
            return self._records_command(name, args, who, who.detected or who.lang)
        if name == "forget":
            return self._forget_prompt(who)
        return [self._notice(who, "unknown_command", name=replies.clip(name, 32))]

    def text(self, message: str, who: Who) -> list[Reply]:
        """Plain text in a private chat (or addressed to the bot in a group): small talk and how-to
        questions get a reply of their own (`bot.chat.intents`), a follow-up is read with the chat's last
        topic (`bot.chat.followups`); anything else is a search or a question."""
        message = readable(message)
        who = self.in_chat_language(who, message)
        answered = self.typed_forget_answer(message, who)
        if answered is not None:  # 确认 after /forget: its button's answer, typed
            return [answered.as_message()]
        intent = detect_intent(message)
        named = subscription_asked(message)  # 订阅进博会: the command that does it, named
        if named is not None and (intent is None or intent.name == "howto_subscribe"):
            if intent is not None:  # 我要订阅进博会: a request, nothing to search
                return [self._notice(who, "subscribe_in_words", words=named)]
            return self.search(message, who, lead=text(who.lang, "subscribe_in_words", words=named))
        if intent is not None:
            return [self._intent_reply(intent, who)]
        asked = page_asked(message)
        if asked is not None:  # 下一页, 上一页, 第2页: where no ▶ ◀ is at hand (WeChat), or it was not seen
            return [self.typed_page(asked, who)]
        number = result_asked(message)
        if number is not None:  # 第3篇, 打开第2条: where no 📖 button is at hand (WeChat)
            return self.typed_result(number, who)
        if link_forms(message):  # a pasted address: the article stored under it, never a search of its parts
            linked = self.article_at_link(message)
            if linked is None:
                return [self._notice(who, "link_not_stored")]
            return self.article_replies(linked.id, who, as_topic=True)
        follow_up = read_follow_up(message) if self.topics is not None else None
        if follow_up is not None:
            return self._follow_up(follow_up, message, who)
        return self.search(message, who)

    def _follow_up(self, follow_up: FollowUp, typed: str, who: Who) -> list[Reply]:
        """A follow-up (`typed` as the reader typed it) read with the chat's topic: the story shown before
        (详细说说) or a search for the topic and what it asks, after a line saying what it was read as;
        without a topic, a question back."""
        topic = self._topic(who)
        if topic is None:
            return [self._notice(who, "follow_up_no_topic")]
        shown = topic.shown or shown_topic(topic.words)
        if follow_up.asks == Asks.DETAIL and topic.article_id is not None:
            self._keep_topic(topic)  # asked about again: kept another 30 minutes
            read_as = self._notice(who, "follow_up_read_as", topic=shown)
            return [read_as, *self.article_replies(topic.article_id, who)]
        if follow_up.asks == Asks.MORE and self._last_results_are_on(topic, who):
            return [self.next_page(who)]  # 还有别的吗 after the topic's first page: the stories not yet shown
        lead = text(who.lang, "follow_up_read_as", topic=shown)
        pin = topic.article_id if pins_story(follow_up) else None
        query = follow_up_query(topic.words, follow_up)
        if follow_up.asks == Asks.MORE and self._only_stories_shown(query, who):
            # 还有别的吗 after a question whose results held every story on its topic: nothing else to show
            return [self._notice(who, "next_page_end", query=shown)]
        return self.search(query, who, lead=lead, topic=topic, pin=pin, typed=typed)

    def _only_stories_shown(self, query: str, who: Who) -> bool:
        """Whether a search for `query` finds only stories the reader's last results showed, every one of
        them on the pages seen so far."""
        last = self.queries.last_used(who.user_id)
        if last is None or last[1].kind != SEARCH:
            return False
        state = last[1]
        seen = self.page_size * (state.page + 1)
        if state.total > seen:
            return False
        shown = {h.id for h in self.library.search(state.query, limit=seen, offset=0, today=state.today).hits}
        found = self.library.search(query, limit=seen + 1, offset=0, today=self.today(who))
        return bool(found.hits) and found.total <= len(shown) and all(h.id in shown for h in found.hits)

    def _last_results_are_on(self, topic: ChatTopic, who: Who) -> bool:
        """Whether the results the reader saw last are on `topic`: a search for its words, or a follow-up
        read with it (它是哪天的, 后来呢), whose pages 还有吗 turns too; not a new question about it."""
        last = self.queries.last_used(who.user_id)
        if last is None or last[1].kind != SEARCH:
            return False
        state = last[1]
        if state.shown and topic_of_search(state.query, state.shown) == topic.words:
            return True
        parsed = parse_query(state.query, today=state.today)
        return not parsed.question and " ".join(topic_words(parsed)) == topic.words

    def _topic(self, who: Who) -> ChatTopic | None:
        """The chat's topic, if it has one kept (none outside a chat)."""
        if self.topics is None or who.chat_id is None:
            return None
        return self.topics.get(who.chat_id)

    def _keep_topic(self, topic: ChatTopic) -> None:
        if self.topics is not None:
            self.topics.put(topic)

    def next_page(self, who: Who) -> Reply:
        """The next page of the results the reader saw last (a search or /latest, shown or turned), as ▶
        under them gives it."""
        return self.typed_page(NEXT_PAGE, who)

    def typed_page(self, asked: PageAsked, who: Who) -> Reply:
        """The page `asked` of the results the reader saw last (a search or /latest, shown or turned), as ▶
        and ◀ under them give it, in a new message with buttons of its own (the message it follows keeps
        its page and buttons); a line when there is no such page."""
        last = self.queries.last_used(who.user_id)
        if last is None:
            return self._notice(who, "next_page_none")
        if asked.number == 0:
            return self._notice(who, "page_zero")
        if last[1].kind == DIGEST:  # 还有吗 after /digest: the digest is one list, no page follows
            return self._notice(who, "digest_no_next_page")
        page = asked.page_from(last[1].page)
        state = replace(last[1], page=page)
        if state.kind == LATEST:
            if page < 0:
                return self._notice(who, "latest_first")
            found = self._latest_page(page, who) if page <= MAX_LATEST_PAGE else None
            if found is None:
                return self._notice(who, "latest_end")
            return with_latest_nav(found, self._remember(state), page)
        query = replies.clip(self._results_name(state, who), 40)
        pages = replies.page_count(state.total, self.page_size)
        if page < 0:
            return self._notice(who, "page_first", query=query)
        if page >= pages:
            if asked.number is not None:
                return self._notice(who, "page_past_end", query=query, pages=pages)
            return self._notice(who, "next_page_end", query=query)
        response = self._search_page(state, page)
        if not response.hits:  # the index changed under us
            return self._notice(who, "next_page_end", query=query)
        return self._results_reply(
            response, self._remember(state), page, who, note=self._read_as_line(state, who)
        )

    def typed_result(self, number: int, who: Who) -> list[Reply]:
        """The article listed under `number` (from 1) in the results the reader saw last (a search or
        /latest, any page), opened as its 📖 button opens it; a line when there is no such result."""
        last = self.queries.last_used(who.user_id)
        if last is None:
            return [self._notice(who, "result_none")]
        if number == 0:
            return [self._notice(who, "result_zero")]
        state = last[1]
        if state.kind == DIGEST:  # 第2条 after /digest: the story the digest listed under 2
            if number > len(state.listed):
                return [self._notice(who, "result_past_end_digest", total=len(state.listed), number=number)]
            return self.article_replies(state.listed[number - 1], who, as_topic=True)
        if state.kind == LATEST:
            found = (
                self.library.latest(1, number - 1) if number <= (MAX_LATEST_PAGE + 1) * LATEST_COUNT else []
            )
            if not found:
                return [self._notice(who, "result_past_end_latest", number=number)]
            return self.article_replies(found[0].id, who, as_topic=True)
        query = replies.clip(self._results_name(state, who), 40)
        if number > state.total:
            return [self._notice(who, "result_past_end", query=query, total=state.total, number=number)]
        page, at = divmod(number - 1, self.page_size)
        response = self._search_page(state, page)
        if at >= len(response.hits):  # the index changed under us
            return [self._notice(who, "result_past_end", query=query, total=state.total, number=number)]
        return self.article_replies(response.hits[at].id, who, as_topic=True)

    def article_at_link(self, message: str) -> Article | None:
        """When `message` is a link and nothing else: the article stored under it (a story from a web
        source keeps its original's address), else None."""
        for link in link_forms(message):
            found = self.library.article_at(link)
            if found is not None:
                return found
        return None

    def today(self, who: Who) -> date:
        """The chat's day: the clock read in the chat's timezone."""
        return self.clock().astimezone(self._zone(who)).date()

    def _zone(self, who: Who) -> ZoneInfo:
        """The chat's timezone (/timezone; Asia/Shanghai by default, and for a name no longer known)."""
        name = DEFAULT_TIMEZONE
        if self.records is not None and who.chat_id is not None:
            name = self.records.timezone(who.chat_id)
        try:
            return ZoneInfo(name)
        except (ZoneInfoNotFoundError, ValueError):
            return ZoneInfo(DEFAULT_TIMEZONE)

    def _intent_reply(self, intent: Intent, who: Who) -> Reply:
        lang = who.lang
        if intent.name == "clock":  # 现在几点, 今天几号: the chat's clock, in its timezone
            now = self.clock().astimezone(self._zone(who))
            weekday = (_WEEKDAYS if lang == "zh" else _WEEKDAYS_EN)[now.weekday()]
            day = f"{now.year}年{now.month}月{now.day}日" if lang == "zh" else now.strftime("%Y-%m-%d")
            zone = getattr(now.tzinfo, "key", DEFAULT_TIMEZONE)
            return self.notice(
                lang, "intent_clock", date=day, weekday=weekday, time=f"{now:%H:%M}", zone=zone
            )
        if intent.name == "coverage":
            stats = self.library.stats()
            if not stats.get("articles"):
                return self.notice(lang, "intent_coverage_empty")
            unknown = text(lang, "date_unknown")
            return self.notice(
                lang,
                intent.reply,
                articles=stats["articles"],
                first=stats.get("first_date") or unknown,
                last=stats.get("last_date") or unknown,
            )
        if intent.reply in PUSH_PROMISING_REPLIES and not self.pushes:  # nothing comes at a time here
            return self.notice(lang, intent.reply + "_read")
        return self.notice(lang, intent.reply)

    def search(
        self,
        query: str,
        who: Who,
        *,
        lead: str | None = None,
        topic: ChatTopic | None = None,
        pin: int | None = None,
        typed: str | None = None,
    ) -> list[Reply]:
        """Search (or answer a question) and show the first page of results; when something is found, its
        topic is kept as the chat's (`topic`: a follow-up's topic, else the query's words).
        `lead`: a line put before the notes (what a follow-up was read as); `pin`: the story a follow-up
        asks about, put first when found and answering first (`_pinned`); `typed`: what the reader typed
        when `query` is what it was read as (a follow-up), shown in the reply's header instead."""
        query = tidy_query(query)
        if not has_words(query):  # "", "？？？", "😀", "&amp;": nothing found would be no answer
            return [self._notice(who, "empty_query")]
        if asks_for_latest(query):  # 最新消息, 最近有什么新闻: what /latest shows
            return self.latest(who)
        today = self.today(who)
        if parse_query(query, today=today).only_excluded:  # -保交楼, NOT 保交楼: no word to find
            return [self._notice(who, "search_only_excluded")]
        future = future_period_asked(query)
        if future is not None:  # 明天有什么新闻: no story is dated after today
            return [self._notice(who, "date_in_future", when=future)]
        if self.flood is not None:
            wait = self.flood.wait_for(who.user_id)
            if wait:
                return [self._notice(who, "flood_wait", seconds=wait)]
        note = None
        if len(query) > MAX_QUERY_CHARS:
            query = query[:MAX_QUERY_CHARS]
            note = text(who.lang, "query_truncated", limit=MAX_QUERY_CHARS)
        response = self.library.search(query, limit=self.page_size, offset=0, today=today)
        instead = latest_day_instead(self.library, response, limit=self.page_size, today=today)
        if instead is not None:
            return [self._nothing_that_day(instead, today, who)]
        notes = [n for n in [lead, note, *replies.search_notes(response, who.lang)] if n]
        shown = tidy_query(typed) if typed is not None else None
        if shown is not None:
            response = replace(response, query=shown)
        note = "\n".join(notes) or None
        if not response.hits:
            return [Reply(replies.format_results(response, who.lang, self.markup, note=note))]
        if pin is not None:
            response = self._pinned(response, query, pin, today)
        self._keep_search_topic(query, response, who, today=today, topic=topic)
        state = QueryState(
            query=query, user_id=who.user_id, page=0, total=response.total, today=today, shown=shown
        )
        return [self._results_reply(response, self._remember(state), 0, who, note=note)]

    def _pinned(self, response: SearchResponse, question: str, story_id: int, today: date) -> SearchResponse:
        """`response` with the story `story_id` first when it is among the hits, and the answer to `question`
        taken from that story when it holds one (`followups.pinned`)."""
        story = self.library.article(story_id)
        answer = answer_in_story(question, story, today=today) if story is not None else None
        return pinned(response, story_id, answer)

    def _keep_search_topic(
        self, query: str, response: SearchResponse, who: Who, *, today: date, topic: ChatTopic | None
    ) -> None:
        """Keep what a search that found something was about as the chat's topic: `topic` (a follow-up's,
        its words and how they are shown), else the query's words (`topic_words`; none for a search of
        dates only), and the story shown first."""
        if self.topics is None or who.chat_id is None:
            return
        first = response.hits[0].id
        if topic is not None:
            self.topics.put(ChatTopic(who.chat_id, who.user_id, topic.words, first, topic.shown))
            return
        parsed = parse_query(query, today=today)
        if not parsed.terms:  # a day's or a period's news (4月4日的新闻, 昨天): no story to ask about
            return
        self.topics.put(ChatTopic(who.chat_id, who.user_id, " ".join(topic_words(parsed)), first))

    def _nothing_that_day(self, instead: LatestDayInstead, today: date, who: Who) -> Reply:
        """A date-only question whose period has no news: say so and show the latest day that has."""
        if instead.day is None or instead.shown is None:
            return self._notice(who, "date_none_at_all", when=instead.when)
        note = text(who.lang, "date_none", when=instead.when, day=instead.day)
        shown = instead.shown
        state = QueryState(query=instead.day, user_id=who.user_id, page=0, total=shown.total, today=today)
        return self._results_reply(shown, self._remember(state), 0, who, note=note)

    def press(self, data: str, who: Who, *, label: str | None = None) -> Press:
        """A button press with its callback data (and the pressed button's label, where the edge knows
        it); stale or unknown data gets a friendly notice."""
        who = self.in_chat_language(who)
        data = readable(data or "")
        kind, _, rest = data.partition(":")
        if kind == "a" and rest.isdigit() and int(rest) < MAX_ARTICLE_ID:
            found = self.article_replies(int(rest), who, as_topic=True)
            return Press(replies=tuple(found))
        if kind == "p":
            key, _, page_s = rest.partition(":")
            if page_s.isdigit():
                return self._turn_page(key, int(page_s), who)
        if kind == "l":
            key, _, page_s = rest.partition(":")
            if page_s.isdigit():
                return self._turn_latest(key, int(page_s), who)
        if kind == SHOWS_ONLY:  # the page counter: a toast naming the page, nothing else
            return Press(notice=replies.page_counter_name(label or "", who.lang))
        if kind == "u" and who.chat_id is not None:
            try:
                reply = self.records.press(data, chat_id=who.chat_id, lang=who.lang, markup=self.markup)
            except DatabaseBusy:
                return Press(notice=text(who.lang, "busy"))
            return Press(edit=reply)
        if kind == FORGET_PREFIX:
            key, _, answer = rest.partition(":")
            if answer in ("y", "n"):
                return self._forget_press(key, answer == "y", who)
        return Press(notice=text(who.lang, "stale_button"))

    def inline(self, query: str, offset: str, who: Who, *, bot_username: str | None) -> InlineAnswer:
        """``@bot words`` in any chat: matching articles (latest ones for an empty query)."""
        start = int(offset) if offset.isdigit() and int(offset) < 10_000 else 0
        query = tidy_query(readable(query))[:MAX_QUERY_CHARS]
        if asks_for_latest(query):
            query = ""  # @bot 最新消息: the latest articles, as for an empty query
        items: list[InlineItem] = []
        if query:
            today = self.today(who)
            response = self.library.search(query, limit=self.inline_page_size, offset=start, today=today)
            # @bot 昨天 on an older archive: the latest day with news, as a chat's reply lists it.
            instead = latest_day_instead(
                self.library, response, limit=self.inline_page_size, offset=start, today=today
            )
            if instead is not None and instead.shown is not None:
                response = instead.shown
            total = response.total
            found = {a.id: a for a in self.library.articles([h.id for h in response.hits])}
            for hit in response.hits:
                article = found.get(hit.id)
                summary = (article.summary if article else None) or hit.snippet.text
                items.append(inline_item(hit.id, hit.title, hit.date, summary, who.lang, bot_username))
        else:
            articles = self.library.latest(self.inline_page_size, start)
            total = start + len(articles) + (1 if len(articles) == self.inline_page_size else 0)
            for article in articles:
                summary = article.summary or (article.paragraphs[0] if article.paragraphs else "")
                items.append(
                    inline_item(article.id, article.title, article.date, summary, who.lang, bot_username)
                )
        return inline_answer(items, start=start, page_size=self.inline_page_size, total=total)

    # -- pieces -------------------------------------------------------------------------------------

    def latest(self, who: Who, *, page: int = 0) -> list[Reply]:
        """/latest: the newest articles, with buttons to open them and, when there are more, ▶; `page`
        (/latest 2: the second page) for a chat without buttons (WeChat names the next page)."""
        reply = self._latest_page(page, who) if page <= MAX_LATEST_PAGE else None
        if reply is None:  # past the oldest article (page 0 always exists: it may say there are none)
            return [self._notice(who, "latest_end")]
        key = self._remember(QueryState(query="", user_id=who.user_id, page=page, kind=LATEST))
        return [with_latest_nav(reply, key, page)]

    def _remember(self, state: QueryState) -> str | None:
        """Store a query behind page buttons: its key, or None when the database stays busy (the reply
        then goes out without page buttons rather than not at all)."""
        try:
            return self.queries.put(state)
        except DatabaseBusy:
            log.warning("query not stored: database busy; results sent without page buttons")
            return None

    def _latest_page(self, page: int, who: Who) -> tuple[Reply, bool] | None:
        """Page `page` of /latest and whether an older page follows; None past the end."""
        found = self.library.latest(LATEST_COUNT + 1, page * LATEST_COUNT)
        if not found and page > 0:
            return None
        articles = found[:LATEST_COUNT]
        body = replies.format_latest(articles, who.lang, self.markup, page=page, page_size=LATEST_COUNT)
        buttons = article_buttons([a.id for a in articles], first=page * LATEST_COUNT + 1)
        return Reply(body, buttons), len(found) > LATEST_COUNT

    def _turn_latest(self, key: str, page: int, who: Who) -> Press:
        """◀ ▶ under /latest: the key remembers which page the message shows, so a double press
        does not edit the message into itself."""
        state = self.queries.get(key)
        if state is None or state.kind != LATEST or page > MAX_LATEST_PAGE:
            return Press(notice=text(who.lang, "stale_button"))
        found = self._latest_page(page, who)
        if found is None:
            return Press(notice=text(who.lang, "latest_end"))
        turned = self._turn(key, page, who)
        if isinstance(turned, Press):
            return turned
        return Press(edit=with_latest_nav(found, key, page))

    def _turn(self, key: str, page: int, who: Who) -> QueryState | Press:
        """Move the stored query `key` to `page` (◀ ▶): its state when it moved, else what the press is told
        (the database busy, the query gone, the message on that page already)."""
        try:
            state, moved = self.queries.turn(key, page)
        except DatabaseBusy:
            return Press(notice=text(who.lang, "busy"))
        if state is None:
            return Press(notice=text(who.lang, "stale_button"))
        if not moved:
            return Press(notice=text(who.lang, "same_page"))
        return state

    def article_replies(self, article_id: int, who: Who, *, as_topic: bool = False) -> list[Reply]:
        """The article as one or more messages, or a not-found notice. `as_topic`: the reader opened it
        (its button, /article, a link), so it becomes the chat's topic (`keep_article_topic`)."""
        article = self.library.article(article_id)
        if article is None:
            return [self._notice(who, "article_not_found", id=article_id)]
        if as_topic:
            self.keep_article_topic(article, who)
        return [Reply(part) for part in replies.format_article(article, who.lang, self.markup)]

    def keep_article_topic(self, article: Article, who: Who) -> None:
        """Keep an opened story as the chat's topic: its headline's words (`headline_topic`) and the story,
        so that a follow-up (它是哪天的) asks about it."""
        if self.topics is None or who.chat_id is None:
            return
        topic = headline_topic(parse_query(article.title))
        if topic:
            shown = headline_shown(article.title, topic)
            self.topics.put(ChatTopic(who.chat_id, who.user_id, " ".join(topic), article.id, shown))

    def _records_command(self, name: str, args: str, who: Who, came_with: str) -> list[Reply]:
        """A subscription command answered by the records; `came_with`: the language the message came
        with (the records answer in the chat's chosen one themselves)."""
        if who.chat_id is None:
            return [self._notice(who, "needs_chat", name=name)]
        try:
            out = self.records.command(
                name, args, chat_id=who.chat_id, lang=came_with, markup=self.markup, pushes=self.pushes
            )
        except DatabaseBusy:
            return [self._notice(who, "busy")]
        listed = [ids for ids in map(opened_articles, out) if ids]
        if name == "digest" and listed:
            self.remember_digest(listed[-1], who)
        return out

    def remember_digest(self, article_ids: list[int], who: Who) -> None:
        """Keep the stories a /digest listed last, in the order numbered, as what `who`'s 第2条 opens and
        还有吗 refers to: what the reader sees last is what follow-ups refer to (a front that shows fewer
        of them than listed keeps those it showed)."""
        self._remember(QueryState.of_digest(article_ids, who.user_id))

    def _forget_prompt(self, who: Who) -> list[Reply]:
        """/forget: the question and two buttons; nothing is deleted yet."""
        if who.chat_id is None:
            return [self._notice(who, "needs_chat", name="forget")]
        try:
            key = self.confirmations.open(who.user_id, who.chat_id)
        except DatabaseBusy:
            return [self._notice(who, "busy")]
        buttons = forget_buttons(key, yes=text(who.lang, "forget_yes"), no=text(who.lang, "forget_no"))
        return [Reply(replies.format_forget_prompt(who.lang, self.markup), buttons)]

    def typed_forget_answer(self, message: str, who: Who) -> Press | None:
        """`message` read as the answer to the /forget question `who` asked last in the chat, when it is
        one (确认, 确认删除, 取消: `forget_answer`) and that question is still open and fresh: what its
        button would do; else None (the message is read as anything else is)."""
        answer = forget_answer(message)
        if answer is None or who.chat_id is None:
            return None
        try:
            key = self.confirmations.awaiting(who.user_id, who.chat_id)
        except DatabaseBusy:
            return None
        return None if key is None else self._forget_press(key, answer, who)

    def _forget_press(self, key: str, confirmed: bool, who: Who) -> Press:
        """A /forget button. Only the first press on the chat's latest confirmation acts and edits the
        message; any other press gets a notice (and a superseded one is edited once to say so)."""
        try:
            outcome, chat_id = self.confirmations.take(key, who.user_id)
        except DatabaseBusy:
            return Press(notice=text(who.lang, "busy"))
        if outcome == Settled.EXPIRED:
            return Press(notice=text(who.lang, "forget_expired"))
        if outcome == Settled.NOT_YOURS:
            return Press(notice=text(who.lang, "forget_not_yours"))
        if outcome == Settled.ALREADY:
            return Press(notice=text(who.lang, "forget_already"))
        if outcome == Settled.SUPERSEDED:
            note = text(who.lang, "forget_superseded")
            return Press(notice=note, edit=self._notice(who, "forget_superseded"))
        if not confirmed:
            return Press(
                notice=text(who.lang, "forget_cancelled_notice"), edit=self._notice(who, "forget_cancelled")
            )
        assert chat_id is not None
        # Each deletion is one transaction; when one fails, the confirmation opens again and the next
        # press deletes what is left.
        try:
            counts = dict(self.records.forget(chat_id))
            counts["queries"] = self.queries.forget_user(who.user_id)
            if self.topics is not None:
                counts["topics"] = self.topics.forget(chat_id, who.user_id)
            if self.flood is not None:
                self.flood.forget(who.user_id)
        except DatabaseBusy:
            self._reopen(key)
            return Press(notice=text(who.lang, "busy"))
        except BaseException:
            self._reopen(key)
            raise
        body = replies.format_forgotten(counts, who.lang, self.markup)
        return Press(notice=text(who.lang, "forget_deleted_notice"), edit=Reply(body), forgotten=True)

    def _reopen(self, key: str) -> None:
        """Let a confirmation whose deletion failed be pressed again (if the database lets us: else the
        user is told the question was handled and sends /forget once more)."""
        try:
            self.confirmations.reopen(key)
        except DatabaseBusy:
            log.warning("could not reopen a /forget confirmation: database busy")

    def _start(self, payload: str, who: Who) -> list[Reply]:
        m = DEEP_LINK_PAYLOAD.match(payload)
        if m and int(m.group(1)) < MAX_ARTICLE_ID:
            return self.article_replies(int(m.group(1)), who, as_topic=True)
        return [Reply(replies.format_welcome(who.lang, self.markup, self.examples(), name=who.name))]

    def _article_command(self, args: str, who: Who) -> list[Reply]:
        """/article 3 (or ＃３); /article 1 2 opens each of a few numbers."""
        if not args:
            return [self._notice(who, "article_usage")]
        ids = article_numbers(args)
        valid = [i for i in ids if i is not None]
        if len(ids) > 1 and len(valid) == len(ids):
            wanted = list(dict.fromkeys(valid))
            # the first story named becomes the chat's topic
            opened = [
                r
                for i in wanted[:MAX_ARTICLES_AT_ONCE]
                for r in self.article_replies(i, who, as_topic=i == wanted[0])
            ]
            return opened + self.left_unopened(wanted[MAX_ARTICLES_AT_ONCE:], who)
        if ids[0] is None:
            typed = args.split()[0].lstrip("#＃").translate(FULLWIDTH_DIGITS)
            if typed.isascii() and typed.isdigit():  # a number, too large to be an article's id
                return [self._notice(who, "article_not_found", id=replies.clip(typed, 30))]
            return [self._notice(who, "article_bad_id", arg=replies.clip(args, 30))]
        return self.article_replies(ids[0], who, as_topic=True)

    def left_unopened(self, rest: list[int], who: Who) -> list[Reply]:
        """A line naming the articles past the few one /article opens, each as the command that opens it
        (WeChat shows each as its link); none when there are none."""
        if not rest:
            return []
        commands = "、".join(f"/article {i}" for i in rest[:MAX_NAMED_UNOPENED])
        more = "…" if len(rest) > MAX_NAMED_UNOPENED else ""
        return [self._notice(who, "article_too_many", count=MAX_ARTICLES_AT_ONCE, rest=commands + more)]

    def _turn_page(self, key: str, page: int, who: Who) -> Press:
        state = self.queries.get(key)
        if state is None or state.kind != SEARCH:
            return Press(notice=text(who.lang, "stale_button"))
        pages = replies.page_count(state.total, self.page_size)
        if page >= pages:
            return Press(notice=text(who.lang, "stale_button"))
        turned = self._turn(key, page, who)
        if isinstance(turned, Press):
            return turned
        response = self._search_page(turned, page)
        if not response.hits:  # the index changed under us
            return Press(notice=text(who.lang, "stale_button"))
        label = text(who.lang, "page_label", page=page + 1, pages=pages)
        note = self._read_as_line(turned, who)
        return Press(notice=label, edit=self._results_reply(response, key, page, who, note=note))

    def _search_page(self, state: QueryState, page: int) -> SearchResponse:
        """Page `page` of a stored search, its header showing what the reader typed (`state.shown`)."""
        response = self.library.search(
            state.query, limit=self.page_size, offset=page * self.page_size, today=state.today
        )
        return replace(response, query=state.shown) if state.shown else response

    def _results_name(self, state: QueryState, who: Who) -> str:
        """What a line about a stored search's results calls them: for a follow-up's (它是哪天的, 后来呢), the
        topic it was read with (乡村医生培训); else the query as typed."""
        topic = topic_of_search(state.query, state.shown) if state.shown else None
        return self._topic_shown(topic, who) if topic else state.shown or state.query

    def _read_as_line(self, state: QueryState, who: Who) -> str | None:
        """For a later page of a follow-up's results (header: what the reader typed, 后来呢), the line the
        first page had saying which topic it was read with (接着上一条：李克强); None for other searches."""
        topic = topic_of_search(state.query, state.shown) if state.shown else None
        if not topic:
            return None
        return text(who.lang, "follow_up_read_as", topic=self._topic_shown(topic, who))

    def _topic_shown(self, words: str, who: Who) -> str:
        """The topic `words` as a line shows them: as the chat's topic keeps them shown when they are its
        words (an opened story's headline as printed), else joined (`shown_topic`)."""
        topic = self._topic(who)
        if topic is not None and topic.words == words and topic.shown:
            return topic.shown
        return shown_topic(words)

    def _results_reply(
        self, response: SearchResponse, key: str | None, page: int, who: Who, *, note: str | None = None
    ) -> Reply:
        answer_title = None
        if response.answer is not None and page == 0:
            if not any(h.id == response.answer.article_id for h in response.hits):
                source = self.library.article(response.answer.article_id)
                answer_title = source.title if source else None
        body = self.results_format(
            response,
            who.lang,
            self.markup,
            page=page,
            page_size=self.page_size,
            answer_title=answer_title,
            note=note,
        )
        pages = replies.page_count(response.total, self.page_size)
        buttons = results_keyboard(
            [h.id for h in response.hits], key, page=page, pages=pages, first=page * self.page_size + 1
        )
        return Reply(body, buttons)

    def _notice(self, who: Who, key: str, **values: object) -> Reply:
        return self.notice(who.lang, key, **values)

    def examples(self) -> Examples:
        """The examples drawn from the archive served (`bot.chat.examples`), kept for a while."""
        return self.example_source.examples()

    def notice(self, lang: str, key: str, **values: object) -> Reply:
        """A one-line message from `bot.chat.texts`, its example fields filled with the archive's examples."""
        if takes_examples(lang, key):
            values = {**self.examples().values(), **values}
        return Reply(replies.format_notice(lang, key, self.markup, **values))


# Small-talk replies that speak of daily pushed digests; where nothing is pushed, each has a `_read` form
# speaking of /subscribe's keywords and /digest instead.
PUSH_PROMISING_REPLIES = frozenset({"intent_identity", "intent_help", "intent_howto_subscribe"})
