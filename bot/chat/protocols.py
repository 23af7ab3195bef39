"""What the conversation reads, as protocols: the articles (`Library`, implemented over storage/ by
`bot.services`) and what is kept per chat (`ChatRecords`, implemented by `bot.digests.records`)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from datetime import date
from typing import Any, Protocol

from bot.chat.replies import Markup, Reply
from storage.models import Article, SearchResponse


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

    def latest(self, limit: int, offset: int = 0, *, dated_by: str | None = None) -> list[Article]:
        """The newest stories, each once (/latest's order), none dated after `dated_by` (None: any date)."""
        ...

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
