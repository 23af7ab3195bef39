"""The services the chat side uses, opened in one place and closed in one place.

`open_services(settings)` opens the database (ingesting the seeds when it is empty), builds the
`Searcher`, the chat records (`bot.digests.records`: subscriptions, /forget) and the `Conversation`; `Services.close()` closes the database. The Telegram application
calls them from ``post_init`` / ``post_shutdown``; the console chat around its loop. Nothing here
connects at import time.

One SQLite connection is shared: every storage call goes through `StorageLibrary`, which holds a lock,
so the Telegram side may run calls in worker threads (`Services.run`) while the event loop stays free.
"""

from __future__ import annotations

import asyncio
import threading
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import date
from typing import Any, TypeVar

import sqlite_utils

from bot.chat.conversation import Conversation, FloodGuard, QueryStore
from bot.chat.replies import HTML, Markup
from bot.digests.plan import DigestConfig
from bot.digests.records import StorageChatRecords
from bot.seeding import ensure_seeded
from bot.settings import Settings
from storage.database.connection import open_db
from storage.models import Article, SearchResponse
from storage.records.articles import get_article, get_articles, latest_articles, stats
from storage.search.engine import Searcher

T = TypeVar("T")


class StorageLibrary:
    """The `Library` the conversation needs, over storage/, with calls serialised by one lock."""

    def __init__(self, db: sqlite_utils.Database, searcher: Searcher, lock: threading.RLock) -> None:
        self._db = db
        self._searcher = searcher
        self._lock = lock

    def search(
        self, query: str, *, limit: int, offset: int, today: date | None = None, correct: bool = True
    ) -> SearchResponse:
        # locks with our lock
        return self._searcher.search(query, limit=limit, offset=offset, today=today, correct=correct)

    def latest_day(self, on_or_before: date) -> str | None:
        return self._searcher.latest_day(on_or_before)  # locks with our lock

    def match_ids(self, query: str, *, limit: int) -> list[int]:
        return self._searcher.match_ids(query, limit=limit)  # locks with our lock

    def article(self, article_id: int) -> Article | None:
        with self._lock:
            return get_article(self._db, article_id)

    def articles(self, ids: Sequence[int]) -> list[Article]:
        with self._lock:
            return get_articles(self._db, ids)

    def latest(self, limit: int, offset: int = 0) -> list[Article]:
        with self._lock:
            return latest_articles(self._db, limit, offset)

    def stats(self) -> Mapping[str, Any]:
        with self._lock:
            data = stats(self._db)
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
    db: sqlite_utils.Database
    library: StorageLibrary
    conversation: Conversation
    lock: threading.RLock
    admin_ids: frozenset[int] = field(default_factory=frozenset)

    def is_admin(self, user_id: int | None) -> bool:
        return user_id is not None and user_id in self.admin_ids

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run a blocking call (conversation, storage) in a worker thread."""
        return await asyncio.to_thread(fn, *args, **kwargs)

    async def run_db(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T:
        """Run ``fn(db, *args)`` in a worker thread holding the database lock (for other storage modules)."""

        def call() -> T:
            with self.lock:
                return fn(self.db, *args, **kwargs)

        return await asyncio.to_thread(call)

    def close(self) -> None:
        with self.lock:
            self.db.close()


def open_services(
    settings: Settings,
    *,
    markup: Markup = HTML,
    flood: FloodGuard | None = None,
    seed: bool = True,
    pushes: bool = True,
) -> Services:
    """Open the database (ingesting the seeds if it is empty and `seed`), the searcher, the conversation.

    ``pushes=False`` for a chat that cannot receive pushed digests (the console): /subscribe says so.
    """
    db = open_db(settings.db)
    try:
        if seed:
            ensure_seeded(settings, db)
        lock = threading.RLock()
        searcher = Searcher(db, lock=lock)
        searcher.warm_up()
        library = StorageLibrary(db, searcher, lock)
        records = StorageChatRecords(
            db,
            library,
            lock,
            config=DigestConfig.from_settings(settings),
            max_subscriptions=settings.digest_max_subscriptions,
        )
        conversation = Conversation(
            library, markup=markup, queries=QueryStore(), flood=flood, records=records, pushes=pushes
        )
    except BaseException:
        db.close()
        raise
    return Services(
        settings=settings,
        db=db,
        library=library,
        conversation=conversation,
        lock=lock,
        admin_ids=frozenset(settings.admin_ids),
    )
