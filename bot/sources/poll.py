"""Polling web sources: fetch a feed, bring in its new items with their full text, store them.

`poll_source` polls one source and never raises: a failure is recorded on the source (the reason in
words, the failure count) and its next poll backs off exponentially (`backoff`), capped. `poll_sources`
polls several at once, a few in parallel, so a slow or dead source never holds up the others.
`discover` finds the feed of a URL (the URL itself when it is a feed, else the page's feed links and
the common feed paths).

Network work happens without the database; the short reads run on a read connection and the store and
the poll's record each take the one write path (`storage.database.access.Database`), so chats and
digests never wait for a site. Items whose link is stored already are skipped
before anything is fetched; the store recognises known text as any ingest does and indexes the new
articles in the same transaction, so they are searchable, in /latest and in the next digests at once.
"""

from __future__ import annotations

import contextlib
import logging
from collections.abc import Callable, Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from urllib.parse import urlsplit

import sqlite_utils

from bot.clock import utc_now
from bot.sources.extract import extract_page, needs_page, to_article
from bot.sources.feeds import Feed, FeedError, candidate_feed_urls, looks_like_feed, parse_feed
from bot.sources.fetch import Fetcher, FetchError, Response, decode_html
from storage.database.access import Database, as_database
from storage.database.postgres import is_postgres
from storage.ingest.pipeline import merge_index
from storage.models import DEFAULT_TIMEZONE, ParsedArticle
from storage.records import sources as store
from storage.records.articles import get_articles
from storage.records.sources import PollState, Source

log = logging.getLogger(__name__)

MAX_ITEMS = 50  # newest items looked at per poll
BACKOFF_CAP = timedelta(hours=6)
FEED_ACCEPT = "application/rss+xml, application/atom+xml, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5"
PAGE_ACCEPT = "text/html, application/xhtml+xml;q=0.9, */*;q=0.5"

# Outcomes.
NEW = "ok"
NOT_MODIFIED = "not_modified"
ERROR = "error"


@dataclass(frozen=True)
class PollResult:
    source: Source
    status: str  # NEW ("ok"), NOT_MODIFIED or ERROR
    new_titles: tuple[str, ...] = ()
    known: int = 0
    error: str | None = None  # the failure, or a partial problem
    feed_url: str | None = None
    next_poll_at: datetime | None = None

    @property
    def new(self) -> int:
        return len(self.new_titles)


@dataclass
class _Found:
    feed_url: str
    feed: Feed | None  # None: 304, nothing new
    response: Response
    notes: list[str] = field(default_factory=list)


def backoff(failures: int, interval: timedelta, cap: timedelta = BACKOFF_CAP) -> timedelta:
    """The wait before polling again after `failures` failures in a row: the interval doubled each
    time, at most `cap` (or the interval itself when that is longer)."""
    if failures <= 0:
        return interval
    return min(interval * (2 ** min(failures, 20)), max(cap, interval))


def feed_of(response: Response) -> Feed:
    """The feed a response holds, read with what its headers say (`parse_feed`)."""
    return parse_feed(
        response.body, url=response.url, content_type=response.content_type, charset=response.charset
    )


def discover(url: str, fetcher: Fetcher) -> tuple[str, Feed, Response]:
    """The feed behind `url`: the URL itself when it is a feed, else a feed the page links to or one
    at a common path. Raises `FetchError` (the URL cannot be fetched) or `FeedError` (no feed found)."""
    response = fetcher.get(url, accept=FEED_ACCEPT + ", text/html;q=0.8")
    if looks_like_feed(response.body):
        return url, feed_of(response), response
    page = decode_html(response.body, response.charset)
    tried = 0
    for candidate in candidate_feed_urls(page, response.url):
        tried += 1
        try:
            found = fetcher.get(candidate, accept=FEED_ACCEPT)
        except FetchError as exc:
            if not exc.retry or exc.status is not None:
                continue
            raise
        if looks_like_feed(found.body):
            with contextlib.suppress(FeedError):
                feed = feed_of(found)
                return candidate, feed, found
    raise FeedError(f"no RSS or Atom feed found at {url} (the page and {tried} likely feed addresses)")


def _fetch_feed(source: Source, fetcher: Fetcher) -> _Found:
    if source.feed_url is None:
        feed_url, feed, response = discover(source.url, fetcher)
        return _Found(feed_url, feed, response)
    response = fetcher.get(
        source.feed_url, etag=source.etag, last_modified=source.last_modified, accept=FEED_ACCEPT
    )
    if response.not_modified:
        return _Found(source.feed_url, None, response)
    feed = feed_of(response)
    return _Found(source.feed_url, feed, response)


def source_name(source: Source, feed: Feed | None) -> str:
    """The name articles are stored under: the operator's, else the feed's title, else the host."""
    return source.name or (feed.title if feed and feed.title else None) or urlsplit(source.url).netloc


def poll_source(
    db: sqlite_utils.Database | Database,
    source: Source,
    fetcher: Fetcher,
    *,
    clock: Callable[[], datetime] = utc_now,
    max_items: int = MAX_ITEMS,
    default_zone: str = DEFAULT_TIMEZONE,
) -> PollResult:
    """Poll one source and record the outcome on it. Never raises (failures are in the result)."""
    database = as_database(db)
    try:
        return _poll(database, source, fetcher, clock, max_items, default_zone)
    except (FetchError, FeedError) as exc:
        error = str(exc)
    except Exception as exc:  # a bug on one odd feed must not stop the other sources
        log.exception("polling a source failed", extra={"source_id": source.id})
        error = f"internal error ({type(exc).__name__}: {exc})"
    polled = clock()
    next_at = polled + backoff(source.failures + 1, source.interval)
    try:
        database.write(store.record_poll, source.id, PollState(polled, next_at, ok=False, error=error[:500]))
    except Exception:
        log.exception("could not record a failed poll", extra={"source_id": source.id})
    log.warning("source poll failed", extra={"source_id": source.id, "error": error})
    return PollResult(source, ERROR, error=error, feed_url=source.feed_url, next_poll_at=next_at)


def _poll(
    database: Database,
    source: Source,
    fetcher: Fetcher,
    clock: Callable[[], datetime],
    max_items: int,
    default_zone: str,
) -> PollResult:
    found = _fetch_feed(source, fetcher)
    if found.feed is None:  # 304: nothing changed since the last poll
        polled = clock()
        next_at = polled + source.interval
        state = PollState(
            polled,
            next_at,
            ok=True,
            new=0,
            feed_url=found.feed_url,
            etag=found.response.etag or source.etag,
            last_modified=source.last_modified,
        )
        database.write(store.record_poll, source.id, state)
        return PollResult(source, NOT_MODIFIED, feed_url=found.feed_url, next_poll_at=next_at)

    feed = found.feed
    name = source_name(source, feed)
    items = list(feed.items[:max_items])
    fresh_links = set(database.read(store.unknown_links, [i.link for i in items if i.link]))
    fresh = [i for i in items if i.link is None or i.link in fresh_links]
    articles: list[ParsedArticle] = []
    skipped: list[str] = []
    for item in fresh:
        page = None
        if needs_page(item):
            assert item.link is not None
            try:
                response = fetcher.get(item.link, accept=PAGE_ACCEPT)
                page = extract_page(decode_html(response.body, response.charset), response.url)
            except FetchError as exc:
                if exc.retry:  # try the item again at the next poll
                    skipped.append(str(exc))
                    continue
                # Gone for good (404, robots.txt): keep what the feed says about it.
        article = to_article(
            item, source=name, feed_url=found.feed_url, page=page, default_zone=default_zone, now=clock()
        )
        if article is not None:
            articles.append(article)
    stored = database.write(store.store_articles, articles)
    if stored.changed_ids and is_postgres(database):
        merge_index(database)  # PostgreSQL's term-frequency segments; FTS5 merges its own as it writes
    titles = tuple(a.title for a in database.read(get_articles, stored.new_ids))
    polled = clock()
    next_at = polled + source.interval
    problem = None
    if skipped:
        problem = f"{len(skipped)} article page(s) could not be fetched, will retry: {skipped[0]}"
    notes = (
        "; ".join(
            x
            for x in (
                problem,
                feed.warning and f"feed is not well-formed XML (items read anyway): {feed.warning}",
            )
            if x
        )
        or None
    )
    state = PollState(
        polled,
        next_at,
        ok=True,
        new=len(titles),
        error=notes,
        feed_url=found.feed_url,
        # Items left for later: no validators, so the next poll gets the whole feed again.
        etag=None if skipped else found.response.etag,
        last_modified=None if skipped else found.response.last_modified,
        name=None if source.name else feed.title,
    )
    database.write(store.record_poll, source.id, state)
    log.info("source polled", extra={"source_id": source.id, "new": len(titles), "items": len(items)})
    return PollResult(
        source,
        NEW,
        new_titles=titles,
        known=len(stored.known_ids) + (len(items) - len(fresh)),
        error=notes,
        feed_url=found.feed_url,
        next_poll_at=next_at,
    )


def poll_sources(
    db: sqlite_utils.Database | Database,
    sources: Sequence[Source],
    fetcher: Fetcher,
    *,
    clock: Callable[[], datetime] = utc_now,
    workers: int = 4,
    default_zone: str = DEFAULT_TIMEZONE,
) -> list[PollResult]:
    """Poll `sources`, up to `workers` at a time (the fetcher keeps one request per host); results in
    the order of `sources`."""
    if not sources:
        return []
    database = as_database(db)  # over one connection, the threads' calls take turns
    with ThreadPoolExecutor(
        max_workers=max(1, min(workers, len(sources))), thread_name_prefix="poll"
    ) as pool:
        futures = [
            pool.submit(poll_source, database, s, fetcher, clock=clock, default_zone=default_zone)
            for s in sources
        ]
        return [f.result() for f in futures]
