"""The services the chat side uses, opened in one place and closed in one place.

`open_services(settings)` opens the database (ingesting the seeds when it is empty), builds the
`Searcher`, the chat records (`bot.digests.records`: subscriptions, /forget) and the `Conversation` with
its chat state in the same database (`bot.chat.state`: page buttons, /forget confirmations, the flood
guard); `Services.close()` closes the database. The Telegram application calls them from ``post_init`` /
``post_shutdown``; the console chat around its loop. Nothing here connects at import time.

The database is a `storage.database.access.Database`: reads (searches, /latest, /article, digest
composition, /subscriptions) run on per-thread read connections and never wait for a write; writes
(subscriptions, the digest ledger, the chat state, heartbeats, the inbox's batches) take its one write
path, each a short transaction that waits for the lock a bounded time. Blocking calls run in worker
threads (`Services.run`, `run_read`, `run_write`) so the event loop and the other chats never wait for them.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, date, datetime
from typing import Any, TypeVar

from bot.chat.conversation import Conversation
from bot.chat.replies import HTML, Channel, Markup
from bot.chat.state import Confirmations, FloodGuard, FloodLimit, QueryStore, TopicStore
from bot.clock import utc_now
from bot.digests.plan import DigestConfig
from bot.digests.records import StorageChatRecords
from bot.seeding import ensure_seeded
from bot.settings import Settings
from bot.sources.fetch import Fetcher, user_agent
from bot.sources.status import format_sources
from storage.database.access import Database
from storage.models import Article, SearchResponse
from storage.records.articles import (
    article_by_url,
    get_article,
    get_articles,
    latest_stories,
    stats,
)
from storage.records.sources import list_sources
from storage.search.engine import Searcher

T = TypeVar("T")


class StorageLibrary:
    """The `Library` the conversation needs, over storage/: every call reads on its thread's own
    read connection."""

    def __init__(self, database: Database, searcher: Searcher) -> None:
        self._database = database
        self._searcher = searcher

    def search(
        self, query: str, *, limit: int, offset: int, today: date | None = None, correct: bool = True
    ) -> SearchResponse:
        return self._searcher.search(query, limit=limit, offset=offset, today=today, correct=correct)

    def latest_day(self, on_or_before: date) -> str | None:
        return self._searcher.latest_day(on_or_before)

    def match_ids(self, query: str, *, limit: int) -> list[int]:
        return self._searcher.match_ids(query, limit=limit)

    def article(self, article_id: int) -> Article | None:
        return self._database.read(get_article, article_id)

    def articles(self, ids: Sequence[int]) -> list[Article]:
        return self._database.read(get_articles, ids)

    def article_at(self, link: str) -> Article | None:
        return self._database.read(article_by_url, link)

    def latest(self, limit: int, offset: int = 0, *, dated_by: str | None = None) -> list[Article]:
        return self._database.read(latest_stories, limit, offset, dated_by=dated_by)

    def sources(self) -> Sequence[str]:
        """The status lines of the web sources; none when no source was added."""
        found = self._database.read(list_sources)
        return format_sources(found, datetime.now(UTC)) if found else []

    def stats(self) -> Mapping[str, Any]:
        data = self._database.read(stats)
        return {
            "articles": data["articles"],
            "sources": {(k if k is not None else "—"): v for k, v in data["sources"].items()},
            "dates": len(data["dates"]),
            "first_date": data["first_date"] or "—",
            "last_date": data["last_date"] or "—",
            "undated": data["undated"],
        }


@dataclass
class Services:
    """Everything a handler needs: settings, the database, the conversation, who the admins are."""

    settings: Settings
    database: Database
    library: StorageLibrary
    conversation: Conversation
    records: StorageChatRecords
    admin_ids: frozenset[int] = field(default_factory=frozenset)

    @property
    def clock(self) -> Callable[[], datetime]:
        """The chats' "now": the one clock the conversation, the chat records, the digest runner and the
        sources poller read."""
        return self.conversation.clock

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a blocking call (conversation, storage) in a worker thread."""
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def run_read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, *args)`` in a worker thread on its read connection (for storage's read functions)."""
        return await asyncio.to_thread(self.database.read, fn, *args, **kwargs)

    async def run_write(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, *args)`` in a worker thread in one write transaction (`Database.write`: waits a
        bounded time for the lock, then raises `storage.errors.DatabaseBusy` with nothing changed)."""
        return await asyncio.to_thread(self.database.write, fn, *args, **kwargs)

    def close(self) -> None:
        self.database.close()


def clock_from(start: datetime | None) -> Callable[[], datetime]:
    """A clock that reads `start` now and runs on from it at the real clock's pace (`--now`); the real
    clock when `start` is None."""
    if start is None:
        return utc_now
    offset = start - utc_now()
    return lambda: utc_now() + offset


def open_services(
    settings: Settings,
    *,
    markup: Markup = HTML,
    flood: FloodLimit | None = None,
    seed: bool = True,
    pushes: bool = True,
    channel: Channel = Channel.TELEGRAM,
    clock: Callable[[], datetime] = utc_now,
) -> Services:
    """Open the database (ingesting the seeds if it is empty and `seed`), the searcher, the conversation.

    ``pushes=False`` for a chat that cannot receive pushed digests (the console): /subscribe says so.
    `flood`: how many searches a user may make per window (None: no limit). `clock`: the chat's "now" (the
    conversation's relative dates, the chat records' /timezone and /digest).
    """
    database = Database.open(settings.database_target)
    try:
        if seed:
            ensure_seeded(settings, database.connection)
        searcher = Searcher(reader=database.reader)
        searcher.warm_up()
        library = StorageLibrary(database, searcher)
        records = StorageChatRecords(
            database,
            library,
            config=DigestConfig.from_settings(settings),
            max_subscriptions=settings.digest_max_subscriptions,
            clock=clock,
        )
        conversation = Conversation(
            library,
            markup=markup,
            queries=QueryStore(database),
            topics=TopicStore(database),
            confirmations=Confirmations(database),
            flood=FloodGuard(database, flood) if flood is not None else None,
            records=records,
            pushes=pushes,
            channel=channel,
            clock=clock,
        )
    except BaseException:
        database.close()
        raise
    return Services(
        settings=settings,
        database=database,
        library=library,
        conversation=conversation,
        records=records,
        admin_ids=frozenset(settings.admin_ids),
    )


def fetcher_for(settings: Settings) -> Fetcher:
    """The fetcher configured by the NEWSBOT_SOURCES_* settings."""
    return Fetcher(
        agent=user_agent(settings.sources_contact),
        timeout=settings.sources_timeout,
        host_delay=settings.sources_host_delay,
        max_bytes=settings.sources_max_bytes,
    )
