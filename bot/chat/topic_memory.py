"""The chat's topic as the conversation keeps it: what a search that found something, or a story opened,
was about (`TopicStore`, for 30 minutes), read back for a follow-up (它是哪天开的, 后来呢:
`bot.chat.followups`) and for the line saying what a follow-up was read as (接着上一条：统战工作会议)."""

from __future__ import annotations

from datetime import date

from bot.chat.exchange import Who
from bot.chat.followups import headline_shown, headline_topic, shown_topic, topic_of_search, topic_words
from bot.chat.state import TopicStore
from bot.chat.texts import text
from storage.models import Article, SearchResponse
from storage.records.chat_state import ChatTopic, QueryState
from storage.search.query import parse_query


class TopicMemory:
    """The chat's topic, kept and read back; with no store, nothing is kept and follow-ups are not read
    (each message stands alone)."""

    def __init__(self, store: TopicStore | None) -> None:
        self.store = store

    @property
    def reads_follow_ups(self) -> bool:
        return self.store is not None

    def of(self, who: Who) -> ChatTopic | None:
        """The chat's topic, if it has one kept (none outside a chat)."""
        if self.store is None or who.chat_id is None:
            return None
        return self.store.get(who.chat_id)

    def keep(self, topic: ChatTopic) -> None:
        if self.store is not None:
            self.store.put(topic)

    def keep_article(self, article: Article, who: Who) -> None:
        """Keep an opened story as the chat's topic: its headline's words (`headline_topic`) and the story,
        so that a follow-up (它是哪天的) asks about it."""
        if self.store is None or who.chat_id is None:
            return
        topic = headline_topic(parse_query(article.title))
        if topic:
            shown = headline_shown(article.title, topic)
            self.store.put(ChatTopic(who.chat_id, who.user_id, " ".join(topic), article.id, shown))

    def keep_search(
        self, query: str, response: SearchResponse, who: Who, *, today: date, topic: ChatTopic | None
    ) -> None:
        """Keep what a search that found something was about as the chat's topic: `topic` (a follow-up's,
        its words and how they are shown), else the query's words (`topic_words`; none for a search of
        dates only), and the story shown first."""
        if self.store is None or who.chat_id is None:
            return
        first = response.hits[0].id
        if topic is not None:
            self.store.put(ChatTopic(who.chat_id, who.user_id, topic.words, first, topic.shown))
            return
        parsed = parse_query(query, today=today)
        if not parsed.terms:  # a day's or a period's news (4月4日的新闻, 昨天): no story to ask about
            return
        self.store.put(ChatTopic(who.chat_id, who.user_id, " ".join(topic_words(parsed)), first))

    def shown(self, words: str, who: Who) -> str:
        """The topic `words` as a line shows them: as the chat's topic keeps them shown when they are its
        words (an opened story's headline as printed), else joined (`shown_topic`)."""
        topic = self.of(who)
        if topic is not None and topic.words == words and topic.shown:
            return topic.shown
        return shown_topic(words)

    def results_name(self, state: QueryState, who: Who) -> str:
        """What a line about a stored search's results calls them: for a follow-up's (它是哪天的, 后来呢), the
        topic it was read with (乡村医生培训); else the query as typed."""
        topic = topic_of_search(state.query, state.shown) if state.shown else None
        return self.shown(topic, who) if topic else state.shown or state.query

    def read_as_line(self, state: QueryState, who: Who) -> str | None:
        """For a later page of a follow-up's results (header: what the reader typed, 后来呢), the line the
        first page had saying which topic it was read with (接着上一条：李克强); None for other searches."""
        topic = topic_of_search(state.query, state.shown) if state.shown else None
        if not topic:
            return None
        return text(who.lang, "follow_up_read_as", topic=self.shown(topic, who))
