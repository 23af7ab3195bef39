"""What newsbot says, whatever the chat: one layer shared by the Telegram handlers and the console.

Given a command, a text, a button press or an inline query from a user (`Who`), the `Conversation`
returns plain reply objects (`Reply`: text in the conversation's markup + keyboard; `Press` for a button).
It knows nothing of Telegram or of SQL: the articles come through a `Library`, what is kept per chat
(settings, subscriptions, the digest ledger) through `ChatRecords` (both in `bot.chat.protocols`), and what
a later message or button press needs through the stores of `bot.chat.state`, which keep it in the database
so that any process serving the bot can answer the next update.

This module dispatches: it reads what one message, command or press asks for and answers it, with the
search, the articles opened and the small talk here, and hands the rest to what holds it:
- `bot.chat.result_pages.ResultPages`: the lists shown (a search's results, /latest, /digest's list), the
  queries stored behind their page buttons, and what follows from them (◀ ▶, 下一页, 第3条, 还有吗);
- `bot.chat.topic_memory.TopicMemory`: the chat's topic (what its last search that found something, or
  the story opened last, was about, for 30 minutes), which a follow-up naming no topic of its own
  (它是哪天开的, 后来呢, 详细说说: `bot.chat.followups`) is read with; without one, the reply asks what the
  follow-up refers to;
- `bot.chat.forget_dialogue.ForgetDialogue`: /forget's question, its pending confirmations and their
  answers, pressed or typed.

When the database stays busy, replies degrade rather than fail: results go out without page buttons, a
search is let through uncounted, a button press or /forget says "try again".

Callback data (≤ 64 bytes): ``a:<article id>`` opens an article, ``p:<key>:<page>`` shows a page of a
stored query, ``l:<key>:<page>`` a page of /latest, ``x`` is the inert page label, ``u:<id>``/``u:all``
unsubscribes (Telegram routes those to `bot.telegram.subscriptions` first), ``f:<key>:y`` / ``f:<key>:n``
confirms or cancels a /forget.

Calls may block on the database: the Telegram side runs them in a worker thread.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

from bot.chat import replies
from bot.chat.command_line import (
    FULLWIDTH_DIGITS,
    MAX_ARTICLE_ID,
    article_numbers,
    command_language_words,
    latest_page,
    number_joined_to_command,
)
from bot.chat.examples import Examples, ExampleSource
from bot.chat.exchange import Press, Who
from bot.chat.followups import (
    Asks,
    FollowUp,
    follow_up_query,
    pinned,
    pins_story,
    read_follow_up,
    shown_topic,
)
from bot.chat.forget_dialogue import ForgetDialogue
from bot.chat.inline import InlineAnswer, InlineItem, inline_answer, inline_item
from bot.chat.intents import (
    Intent,
    asks_for_latest,
    detect_intent,
    future_period_asked,
    has_letters,
    link_forms,
    message_language,
    page_asked,
    result_asked,
    subscription_asked,
    subscription_number_asked,
)
from bot.chat.keyboards import FORGET_PREFIX, opened_articles
from bot.chat.protocols import ChatRecords, Library
from bot.chat.questions import questions_asked
from bot.chat.replies import SHOWS_ONLY, Markup, Reply
from bot.chat.result_pages import ResultPages
from bot.chat.state import Confirmations, FloodGuard, QueryStore, TopicStore
from bot.chat.texts import SUBSCRIPTION_COMMANDS, takes_examples, text
from bot.chat.topic_memory import TopicMemory
from bot.chat.typed_text import has_words, readable, tidy_query, without_format_characters
from bot.clock import utc_now
from storage.errors import DatabaseBusy
from storage.models import DEFAULT_TIMEZONE, Article, SearchResponse
from storage.records.articles import last_date_by
from storage.records.chat_state import ChatTopic, QueryState
from storage.search.answer_in import answer_in_story
from storage.search.latest_day import LatestDayInstead, latest_day_instead
from storage.search.query import clipped, parse_query

PAGE_SIZE = 5
INLINE_PAGE_SIZE = 20  # Telegram allows 50 results per answer
MAX_QUERY_CHARS = 200
# The most characters of a question left unanswered that the reply shows (to be sent on its own).
MAX_QUESTION_SHOWN = 60
MAX_ARTICLES_AT_ONCE = 3  # /article 1 2 3 opens each; more numbers are named in a line, not opened
MAX_NAMED_UNOPENED = 10  # that line names this many at most
DEEP_LINK_PAYLOAD = re.compile(r"^a(\d{1,18})$")


_WEEKDAYS = ("星期一", "星期二", "星期三", "星期四", "星期五", "星期六", "星期日")
_WEEKDAYS_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


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
        self.records = records
        # False where digests cannot be pushed (the web page, WeChat, the terminal): the subscription commands
        # speak of reading them with /digest, not of times (`bot.digests.records`).
        self.pushes = pushes
        self.flood = flood
        self.inline_page_size = min(inline_page_size, 50)  # Telegram's limit per answer
        self.topics = TopicMemory(topics)  # no store: follow-ups are not read (each message stands alone)
        # A page of results as text (`results_format`): `replies.format_results`, or a shorter form where
        # messages are small (WeChat's 2048 bytes: `bot.wechat.format.format_results_wechat`), with the
        # same arguments.
        self.pages = ResultPages(
            library,
            queries=queries,
            topics=self.topics,
            markup=markup,
            page_size=page_size,
            results_format=results_format,
            notice=self.notice,
            clock=clock,
        )
        self.forgetting = ForgetDialogue(
            confirmations,
            records=records,
            queries=queries,
            topics=topics,
            flood=flood,
            markup=markup,
            notice=self.notice,
        )

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
            return self.forgetting.prompt(who)
        return [self._notice(who, "unknown_command", name=replies.clip(name, 32))]

    def text(self, message: str, who: Who) -> list[Reply]:
        """Plain text in a private chat (or addressed to the bot in a group): small talk and how-to
        questions get a reply of their own (`bot.chat.intents`), a follow-up is read with the chat's last
        topic (`bot.chat.followups`); anything else is a search or a question."""
        message = readable(message)
        if message.strip() in ("/", "／"):  # a slash alone: the reader looks for the commands
            return self.command("help", "", who)
        who = self.in_chat_language(who, message)
        answered = self.forgetting.typed_answer(message, who)
        if answered is not None:  # 确认 after /forget: its button's answer, typed
            return [answered.as_message()]
        numbered = subscription_number_asked(message)
        if numbered is not None:  # 第3个订阅, 订阅#3: the commands that take a subscription's number
            key = "subscription_by_number" if numbered > 0 else "subscription_number_zero"
            return [self._notice(who, key, number=numbered)]
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
            return [self.pages.typed_page(asked, who)]
        number = result_asked(message)
        if number is not None:  # 第3篇, 打开第2条: where no 📖 button is at hand (WeChat)
            found = self.pages.result_listed(number, who)
            return [found] if isinstance(found, Reply) else self.article_replies(found, who, as_topic=True)
        if link_forms(message):  # a pasted address: the article stored under it, never a search of its parts
            linked = self.article_at_link(message)
            if linked is None:
                return [self._notice(who, "link_not_stored")]
            return self.article_replies(linked.id, who, as_topic=True)
        follow_up = read_follow_up(message) if self.topics.reads_follow_ups else None
        if follow_up is not None:
            return self._follow_up(follow_up, message, who)
        return self.search(message, who)

    def _follow_up(self, follow_up: FollowUp, typed: str, who: Who) -> list[Reply]:
        """A follow-up (`typed` as the reader typed it) read with the chat's topic: the story shown before
        (详细说说) or a search for the topic and what it asks, after a line saying what it was read as;
        without a topic, a question back."""
        topic = self.topics.of(who)
        if topic is None:
            return [self._notice(who, "follow_up_no_topic")]
        shown = topic.shown or shown_topic(topic.words)
        if follow_up.asks == Asks.DETAIL and topic.article_id is not None:
            self.topics.keep(topic)  # asked about again: kept another 30 minutes
            read_as = self._notice(who, "follow_up_read_as", topic=shown)
            return [read_as, *self.article_replies(topic.article_id, who)]
        if follow_up.asks == Asks.MORE and self.pages.last_results_are_on(topic, who):
            # 还有别的吗 after the topic's first page: the stories not yet shown
            return [self.pages.next_page(who)]
        lead = text(who.lang, "follow_up_read_as", topic=shown)
        pin = topic.article_id if pins_story(follow_up) else None
        query = follow_up_query(topic.words, follow_up)
        if follow_up.asks == Asks.MORE and self.pages.only_stories_shown(query, who, today=self.today(who)):
            # 还有别的吗 after a question whose results held every story on its topic: nothing else to show
            return [self._notice(who, "next_page_end", query=shown)]
        return self.search(query, who, lead=lead, topic=topic, pin=pin, typed=typed)

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
        several = None
        asked = questions_asked(query) if typed is None else None
        if asked is not None and asked.others:  # 保交楼进展如何？谁主持了统战工作会议？: answer the first
            query = asked.first
            several = text(
                who.lang,
                "several_questions_at_least" if asked.unread else "several_questions",
                count=len(asked.others) + 1,
                next=replies.clip(asked.others[0], MAX_QUESTION_SHOWN),
            )
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
            query = clipped(query, MAX_QUERY_CHARS)  # cut after its last whole clause: say how much was read
            note = text(who.lang, "query_truncated", limit=len(query))
        response = self.library.search(query, limit=self.pages.page_size, offset=0, today=today)
        instead = latest_day_instead(self.library, response, limit=self.pages.page_size, today=today)
        if instead is not None:
            return [self._nothing_that_day(instead, today, who)]
        notes = [n for n in [lead, several, note, *replies.search_notes(response, who.lang)] if n]
        shown = tidy_query(typed) if typed is not None else None
        if shown is not None:
            response = replace(response, query=shown)
        note = "\n".join(notes) or None
        state = QueryState(
            query=query, user_id=who.user_id, page=0, total=response.total, today=today, shown=shown
        )
        if not response.hits:  # kept as the last list too: 下一页 and 第2条 then say nothing was found
            self.pages.remember(state)
            return [Reply(replies.format_results(response, who.lang, self.markup, note=note))]
        if pin is not None:
            response = self._pinned(response, query, pin, today)
        self.topics.keep_search(query, response, who, today=today, topic=topic)
        state = replace(state, total=response.total)
        return [self.pages.results_reply(response, self.pages.remember(state), 0, who, note=note)]

    def _pinned(self, response: SearchResponse, question: str, story_id: int, today: date) -> SearchResponse:
        """`response` with the story `story_id` first when it is among the hits, and the answer to `question`
        taken from that story when it holds one (`followups.pinned`)."""
        story = self.library.article(story_id)
        answer = answer_in_story(question, story, today=today) if story is not None else None
        return pinned(response, story_id, answer)

    def _nothing_that_day(self, instead: LatestDayInstead, today: date, who: Who) -> Reply:
        """A date-only question whose period has no news: say so and show the latest day that has."""
        if instead.day is None or instead.shown is None:
            return self._notice(who, "date_none_at_all", when=instead.when)
        said = text(who.lang, "date_none", when=instead.when, day=instead.day)  # before the day's header
        shown = instead.shown
        state = QueryState(query=instead.day, user_id=who.user_id, page=0, total=shown.total, today=today)
        return self.pages.results_reply(shown, self.pages.remember(state), 0, who, lead=said)

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
                return self.pages.turn_search(key, int(page_s), who)
        if kind == "l":
            key, _, page_s = rest.partition(":")
            if page_s.isdigit():
                return self.pages.turn_latest(key, int(page_s), who)
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
                return self.forgetting.press(key, answer == "y", who)
        return Press(notice=text(who.lang, "stale_button"))

    def inline(self, query: str, offset: str, who: Who, *, bot_username: str | None) -> InlineAnswer:
        """``@bot words`` in any chat: matching articles (latest ones for an empty query)."""
        start = int(offset) if offset.isdigit() and int(offset) < 10_000 else 0
        query = clipped(tidy_query(readable(query)), MAX_QUERY_CHARS)
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
            articles = self.library.latest(self.inline_page_size, start, dated_by=last_date_by(self.clock()))
            total = start + len(articles) + (1 if len(articles) == self.inline_page_size else 0)
            for article in articles:
                summary = article.summary or (article.paragraphs[0] if article.paragraphs else "")
                items.append(
                    inline_item(article.id, article.title, article.date, summary, who.lang, bot_username)
                )
        return inline_answer(items, start=start, page_size=self.inline_page_size, total=total)

    # -- pieces -------------------------------------------------------------------------------------

    def latest(self, who: Who, *, page: int = 0) -> list[Reply]:
        """/latest (`ResultPages.latest`)."""
        return self.pages.latest(who, page=page)

    def article_replies(self, article_id: int, who: Who, *, as_topic: bool = False) -> list[Reply]:
        """The article as one or more messages, or a not-found notice. `as_topic`: the reader opened it
        (its button, /article, a link), so it becomes the chat's topic (`TopicMemory.keep_article`)."""
        article = self.library.article(article_id)
        if article is None:
            return [self._notice(who, "article_not_found", id=article_id)]
        if as_topic:
            self.topics.keep_article(article, who)
        return [Reply(part) for part in replies.format_article(article, who.lang, self.markup)]

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
        if name == "digest":
            self.digest_shown(out, who)
        return out

    def digest_shown(self, out: Sequence[Reply], who: Who) -> None:
        """Keep the stories a /digest's replies list as the reader's last list: 第2条, 还有吗 and 下一页
        refer to them (the last digest listed, when there are several)."""
        listed = [ids for ids in map(opened_articles, out) if ids]
        if listed:
            rest = [r.rest_command for r in out if r.rest_command]
            self.pages.remember_digest(listed[-1], who, rest=rest, latest=any(r.lists_latest for r in out))

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
