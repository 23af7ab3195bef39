"""The lists a reader was shown and what follows from them: the queries stored behind page buttons
(`QueryStore`, by short keys that fit in callback data), ◀ ▶ under a search's results and under /latest,
and the same asked in words where no button is at hand (下一页, 第2页, 第3条, 还有吗), /digest's list
included (第2条 opens the story it listed under 2)."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import date, datetime

from bot.chat import replies
from bot.chat.command_line import MAX_LATEST_PAGE
from bot.chat.exchange import Press, Who
from bot.chat.followups import topic_of_search, topic_words
from bot.chat.intents import NEXT_PAGE, PageAsked
from bot.chat.keyboards import article_buttons, results_keyboard, with_latest_nav
from bot.chat.protocols import Library
from bot.chat.replies import Markup, Reply
from bot.chat.state import QueryStore
from bot.chat.texts import text
from bot.chat.topic_memory import TopicMemory
from storage.errors import DatabaseBusy
from storage.models import SearchResponse
from storage.records.articles import last_date_by
from storage.records.chat_state import DIGEST, LATEST, LATEST_DIGEST, SEARCH, ChatTopic, QueryState
from storage.search.query import parse_query

log = logging.getLogger(__name__)

LATEST_COUNT = 8


class ResultPages:
    """Pages of stored searches and of /latest, and the reader's last list read back. `notice(lang, key,
    **values)`: a one-line message from `bot.chat.texts`; `results_format`: a page of results as text
    (`replies.format_results`, or a shorter form where messages are small)."""

    def __init__(
        self,
        library: Library,
        *,
        queries: QueryStore,
        topics: TopicMemory,
        markup: Markup,
        page_size: int,
        results_format: Callable[..., str],
        notice: Callable[..., Reply],
        clock: Callable[[], datetime],
    ) -> None:
        self.library = library
        self.queries = queries
        self.topics = topics
        self.markup = markup
        self.page_size = page_size
        self.results_format = results_format
        self.notice = notice
        self.clock = clock  # /latest lists no story dated after its day (`last_date_by`)

    def remember(self, state: QueryState) -> str | None:
        """Store a query behind page buttons: its key, or None when the database stays busy (the reply
        then goes out without page buttons rather than not at all)."""
        try:
            return self.queries.put(state)
        except DatabaseBusy:
            log.warning("query not stored: database busy; results sent without page buttons")
            return None

    def remember_digest(
        self, article_ids: list[int], who: Who, rest: Sequence[str] = (), *, latest: bool = False
    ) -> None:
        """Keep the stories a /digest listed last, in the order numbered, as what `who`'s 第2条 opens and
        还有吗 refers to: what the reader sees last is what follow-ups refer to (a front that shows fewer
        of them than listed keeps those it showed). `rest`: the commands that list the new stories it left
        out (``/digest 2``), which 还有吗 names; `latest`: it listed the newest stories (no subscriptions),
        which 还有吗 goes on from."""
        self.remember(QueryState.of_digest(article_ids, who.user_id, rest, latest=latest))

    # -- /latest --------------------------------------------------------------------------------

    def latest(self, who: Who, *, page: int = 0) -> list[Reply]:
        """/latest: the newest articles, with buttons to open them and, when there are more, ▶; `page`
        (/latest 2: the second page) for a chat without buttons (WeChat names the next page)."""
        reply = self._latest_page(page, who) if page <= MAX_LATEST_PAGE else None
        if reply is None:  # past the oldest article (page 0 always exists: it may say there are none)
            return [self.notice(who.lang, "latest_end")]
        key = self.remember(QueryState(query="", user_id=who.user_id, page=page, kind=LATEST))
        return [with_latest_nav(reply, key, page)]

    def _latest_page(self, page: int, who: Who, *, skip: int = 0) -> tuple[Reply, bool] | None:
        """Page `page` of /latest, less its first `skip` stories (listed already), and whether an older page
        follows; None past the end."""
        found = self.library.latest(
            LATEST_COUNT + 1, page * LATEST_COUNT, dated_by=last_date_by(self.clock())
        )
        articles = found[:LATEST_COUNT][skip:]
        if not articles and (page > 0 or skip):
            return None
        first = page * LATEST_COUNT + skip + 1
        body = replies.format_latest(articles, who.lang, self.markup, page=page, first=first)
        buttons = article_buttons([a.id for a in articles], first=first)
        return Reply(body, buttons), len(found) > LATEST_COUNT

    def _after_latest_digest(self, asked: PageAsked, listed: int, who: Who) -> Reply:
        """还有吗 (or 第2页) after a /digest that listed the `listed` newest stories (a chat without
        subscriptions): the stories that follow them, on the page of /latest that holds them, numbered as
        /latest numbers them; 第2页 is /latest's page 2."""
        if asked.number is not None:
            page, skip = asked.number - 1, 0
        elif asked.step < 0:
            return self.notice(who.lang, "latest_first")
        else:
            page, skip = divmod(listed, LATEST_COUNT)
        found = self._latest_page(page, who, skip=skip) if page <= MAX_LATEST_PAGE else None
        if found is None:
            return self.notice(who.lang, "latest_end")
        key = self.remember(QueryState(query="", user_id=who.user_id, page=page, kind=LATEST))
        return with_latest_nav(found, key, page)

    # -- ◀ ▶ pressed ----------------------------------------------------------------------------

    def turn_latest(self, key: str, page: int, who: Who) -> Press:
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

    def turn_search(self, key: str, page: int, who: Who) -> Press:
        """◀ ▶ under a search's results: the message edited to show page `page`."""
        state = self.queries.get(key)
        if state is None or state.kind != SEARCH:
            return Press(notice=text(who.lang, "stale_button"))
        pages = replies.page_count(state.total, self.page_size)
        if page >= pages:
            return Press(notice=text(who.lang, "stale_button"))
        turned = self._turn(key, page, who)
        if isinstance(turned, Press):
            return turned
        response = self.search_page(turned, page)
        if not response.hits:  # the index changed under us
            return Press(notice=text(who.lang, "stale_button"))
        label = text(who.lang, "page_label", page=page + 1, pages=pages)
        note = self.topics.read_as_line(turned, who)
        return Press(notice=label, edit=self.results_reply(response, key, page, who, note=note))

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

    # -- a page of a search ---------------------------------------------------------------------

    def search_page(self, state: QueryState, page: int) -> SearchResponse:
        """Page `page` of a stored search, its header showing what the reader typed (`state.shown`)."""
        response = self.library.search(
            state.query, limit=self.page_size, offset=page * self.page_size, today=state.today
        )
        return replace(response, query=state.shown) if state.shown else response

    def results_reply(
        self,
        response: SearchResponse,
        key: str | None,
        page: int,
        who: Who,
        *,
        note: str | None = None,
        lead: str | None = None,
    ) -> Reply:
        """A page of results with 📖 and ◀ n/m ▶ under it; on the first page, the story an answer came
        from is named when it is not among the hits. `note` goes under the header, `lead` above it."""
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
            lead=lead,
        )
        pages = replies.page_count(response.total, self.page_size)
        buttons = results_keyboard(
            [h.id for h in response.hits], key, page=page, pages=pages, first=page * self.page_size + 1
        )
        return Reply(body, buttons)

    # -- the last list, asked about in words ----------------------------------------------------

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
            return self.notice(who.lang, "next_page_none")
        if asked.number == 0:
            return self.notice(who.lang, "page_zero")
        if last[1].kind == LATEST_DIGEST:  # 还有吗 after /digest without subscriptions: the next newest
            return self._after_latest_digest(asked, len(last[1].listed), who)
        if last[1].kind == DIGEST:  # 还有吗 after /digest: one list; what lists the stories it left out
            if last[1].rest:
                commands = text(who.lang, "digest_rest_sep").join(last[1].rest)
                return self.notice(who.lang, "digest_rest", commands=commands)
            return self.notice(who.lang, "digest_no_next_page")
        page = asked.page_from(last[1].page)
        state = replace(last[1], page=page)
        if state.kind == LATEST:
            if page < 0:
                return self.notice(who.lang, "latest_first")
            found = self._latest_page(page, who) if page <= MAX_LATEST_PAGE else None
            if found is None:
                return self.notice(who.lang, "latest_end")
            return with_latest_nav(found, self.remember(state), page)
        query = replies.clip(self.topics.results_name(state, who), 40)
        if state.total == 0:  # the last search found nothing
            return self.notice(who.lang, "results_nothing", query=query)
        pages = replies.page_count(state.total, self.page_size)
        if page < 0:
            return self.notice(who.lang, "page_first", query=query)
        if page >= pages:
            if asked.number is not None:
                return self.notice(who.lang, "page_past_end", query=query, pages=pages)
            return self.notice(who.lang, "next_page_end", query=query)
        response = self.search_page(state, page)
        if not response.hits:  # the index changed under us
            return self.notice(who.lang, "next_page_end", query=query)
        note = self.topics.read_as_line(state, who)
        return self.results_reply(response, self.remember(state), page, who, note=note)

    def result_listed(self, number: int, who: Who) -> int | Reply:
        """The id of the article listed under `number` (from 1) in the results the reader saw last (a
        search, /latest or /digest, any page); a line when there is no such result."""
        last = self.queries.last_used(who.user_id)
        if last is None:
            return self.notice(who.lang, "result_none")
        if number == 0:
            return self.notice(who.lang, "result_zero")
        state = last[1]
        if state.kind in (DIGEST, LATEST_DIGEST):  # 第2条 after /digest: the story the digest listed under 2
            if number > len(state.listed):
                return self.notice(who.lang, "result_past_end_digest", total=len(state.listed), number=number)
            return state.listed[number - 1]
        if state.kind == LATEST:
            found = (
                self.library.latest(1, number - 1, dated_by=last_date_by(self.clock()))
                if number <= (MAX_LATEST_PAGE + 1) * LATEST_COUNT
                else []
            )
            if not found:
                return self.notice(who.lang, "result_past_end_latest", number=number)
            return found[0].id
        query = replies.clip(self.topics.results_name(state, who), 40)
        if state.total == 0:  # the last search found nothing
            return self.notice(who.lang, "results_nothing", query=query)
        if number > state.total:
            return self.notice(who.lang, "result_past_end", query=query, total=state.total, number=number)
        page, at = divmod(number - 1, self.page_size)
        response = self.search_page(state, page)
        if at >= len(response.hits):  # the index changed under us
            return self.notice(who.lang, "result_past_end", query=query, total=state.total, number=number)
        return response.hits[at].id

    def last_results_are_on(self, topic: ChatTopic, who: Who) -> bool:
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

    def only_stories_shown(self, query: str, who: Who, *, today: date) -> bool:
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
        found = self.library.search(query, limit=seen + 1, offset=0, today=today)
        return bool(found.hits) and found.total <= len(shown) and all(h.id in shown for h in found.hits)
