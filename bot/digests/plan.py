"""Planning digests: which articles each due subscription gets, and the claim made before sending.

The Telegram delivery (`bot.telegram.digest_job`) runs this plan; this module never imports telegram.

What it decides, for one due subscription (`prepare`): its not-yet-received articles that match its
keywords (the same `Searcher` as /search, any keyword matches; no keywords: every article), newest first;
the first ``cap`` listed and the rest counted; and the ledger row ``(subscription, local date)`` claimed
with the covered articles and the message itself *before* sending, under the replica's lease, so one
replica sends it and, should that replica die, another can send the same message (`resume`). The rules
of sending, retrying, leases and recording are in `bot.telegram.digest_job`.
"""

from __future__ import annotations

import json
import logging
from collections import OrderedDict
from collections.abc import Callable, Collection, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from typing import Any, NamedTuple, Protocol, TypeVar
from zoneinfo import ZoneInfo

import sqlite_utils

from bot.chat.replies import HTML, Button, Markup, Reply
from bot.digests import schedule
from bot.digests.compose import Digest, compose_digest
from bot.digests.filters import parse_keywords
from bot.digests.texts import text
from bot.settings import Settings
from storage.database.access import Database, as_database
from storage.database.duplicates import clusters_of, collapse, delivered_clusters, other_sources
from storage.models import DEFAULT_TIMEZONE, Article, SearchResponse
from storage.records import subscriptions as subs
from storage.records.articles import (
    article_dates,
    get_articles,
    last_date_by,
    latest_stories,
    stored_ahead_of_date,
)
from storage.search.engine import containing_any

log = logging.getLogger(__name__)

T = TypeVar("T")
ItemT = TypeVar("ItemT")
MAX_MATCHES_PER_KEYWORD = 2000
# A first digest chooses among this many of the most recently stored matching articles.
FIRST_DIGEST_POOL = 200
# Compositions of one digest when other processes keep claiming digests of its chat's minute meanwhile.
CLAIM_ATTEMPTS = 5


# Callback data of the buttons that open an article: the conversation's ``a:<id>`` scheme.
ARTICLE_PREFIX = "a:"


def open_article_data(article_id: int) -> str:
    """Callback data of the button that opens an article."""
    return f"{ARTICLE_PREFIX}{article_id}"


class SearchLibrary(Protocol):
    """The part of `bot.services.StorageLibrary` the digests use: the /search engine."""

    def search(self, query: str, *, limit: int, offset: int) -> SearchResponse: ...

    def match_ids(self, query: str, *, limit: int) -> list[int]: ...


class DigestServices(Protocol):
    """The part of `bot.services.Services` the digests use."""

    database: Database
    library: Any  # SearchLibrary

    async def run(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T: ...

    async def run_read(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T: ...

    async def run_write(self, fn: Callable[..., T], /, *args: Any, **kwargs: Any) -> T: ...


@dataclass(frozen=True)
class DigestConfig:
    check_seconds: float = 30.0
    grace: timedelta = schedule.DEFAULT_GRACE
    cap: int = 10
    send_empty: bool = False
    workers: int = 4  # digests composed and sent at once (the send budget paces them)
    lease_seconds: float = 120.0  # a claim's lease (renewed while the replica works)

    @classmethod
    def from_settings(cls, settings: Settings) -> DigestConfig:
        return cls(
            check_seconds=settings.digest_check_seconds,
            grace=timedelta(hours=settings.digest_grace_hours),
            cap=settings.digest_max_articles,
            send_empty=settings.digest_send_empty,
            lease_seconds=settings.digest_lease_seconds,
        )


DEFAULT_CONFIG = DigestConfig()


# ---- finding the articles -------------------------------------------------------------------------------


def matching_ids(library: SearchLibrary, keywords: Sequence[str]) -> list[int] | None:
    """Ids of articles matching any positive keyword with the /search engine; None when there is none
    (everything; exclusions are applied afterwards by `screen`).

    Uses the engine's id-only match (the same query rules as /search, without ranking or snippets), which
    keeps 10,000 keyword subscriptions cheap.
    """
    wanted = parse_keywords(keywords).any_of
    if not wanted:
        return None
    found: OrderedDict[int, None] = OrderedDict()
    for keyword in wanted:
        for article_id in library.match_ids(keyword, limit=MAX_MATCHES_PER_KEYWORD):
            found[article_id] = None
    return list(found)


class Found(NamedTuple):
    """A subscription's new matching articles: those its digest lists or counts (newest first), and those
    another digest of the chat lists already (covered, not listed again)."""

    ids: list[int]
    listed_elsewhere: list[int]


def new_articles_for(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    *,
    horizon: int,
    cap: int,
    listed: Collection[int] = (),
    dated_by: str | None = None,
) -> Found:
    """The subscription's matching articles it has not received yet, newest first, less those of the
    same stories as `listed` (listed by the chat's other digests; they come back apart), none dated after
    `dated_by` (`last_date_by` of the clock the digest runs at; None: any date).

    Only articles stored after its last digest's horizon (and up to `horizon`) are looked at, and those
    stored by it that it left out for their date whose day has come (`come_of_date`); the first digest
    carries the `cap` most recent matching articles, and everything older counts as received.
    """
    last = subs.last_digest(db, subscription.id)
    if isinstance(library, RunCache) and last is not None:
        new = library.new_since(db, subscription, last, horizon, dated_by=dated_by)
        ids = screen(db, subscription, new, known=library.clusters(db, new))
        return split_listed(db, ids, listed)
    candidates = matching_ids(library, subscription.keywords)
    since = None if last is None else last.horizon
    after = since or 0
    if since is None:
        # The first digest picks its `cap` newest (by date) among the most recently stored matches.
        candidates, after = first_pool(candidates, horizon)
    held = come_of_date(db, library, subscription, last, dated_by) if last is not None else {}
    ids = subs.undelivered_article_ids(
        db,
        subscription.id,
        candidate_ids=candidates,
        after=after,
        upto=horizon,
        dated_by=dated_by,
        also=list(held),
    )
    screened = screen(db, subscription, ids)
    found = split_listed(db, screened, listed)
    if since is None and len(found.ids) > cap:
        # The first digest: its `cap` newest, and the stories listed elsewhere among the newer ones.
        cutoff = screened.index(found.ids[cap])
        newer = set(screened[:cutoff])
        return Found(found.ids[:cap], [i for i in found.listed_elsewhere if i in newer])
    return found


def come_of_date(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    last: subs.LastDigest,
    dated_by: str | None,
) -> dict[int, str]:
    """Id → date of the subscription's matches its last digest (`last`) left out for their date, dated
    after the last day its clock could carry, whose day has come by `dated_by`: a story stored before its
    day (a misread date, a clock set in the past) reaches the first digest of that day. What the
    subscription received already is left out by `screen`."""
    if dated_by is None or last.dated_by >= dated_by:
        return {}
    if isinstance(library, RunCache):
        return library.come_of_date(db, subscription, last, dated_by)
    dates = stored_ahead_of_date(db, last.horizon, last.dated_by, dated_by)
    if not dates:
        return {}
    wanted = matching_ids(library, subscription.keywords)
    if wanted is None:
        return dates
    matches = set(wanted)
    return {i: d for i, d in dates.items() if i in matches}


def first_pool(candidates: list[int] | None, horizon: int) -> tuple[list[int] | None, int]:
    """What a first digest chooses among: the `FIRST_DIGEST_POOL` most recently stored of `candidates`
    up to `horizon` (None: every article, those stored last), and the article id it looks beyond. Pure."""
    if candidates is None:
        return None, max(0, horizon - FIRST_DIGEST_POOL)
    pool = sorted((i for i in candidates if i <= horizon), reverse=True)[:FIRST_DIGEST_POOL]
    return pool, (pool[-1] - 1 if pool else horizon)


def looks_after(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    horizon: int,
    dated_by: str | None = None,
) -> int:
    """The article id the subscription's next digest looks beyond: its last digest's horizon (or below the
    first story stored by then whose day has come by `dated_by`, `come_of_date`), or for a first digest
    the start of the pool it chooses from (`first_pool`). What the chat's other digests listed above it is
    what this digest leaves out (`subs.listed_by_siblings`)."""
    last = subs.last_digest(db, subscription.id)
    if last is not None:
        held = come_of_date(db, library, subscription, last, dated_by)
        return min([last.horizon, *(i - 1 for i in held)])
    return first_pool(matching_ids(library, subscription.keywords), horizon)[1]


def listed_elsewhere_note(lang: str, found: Found) -> str | None:
    """The line saying how many matching articles the chat's other digests list. Pure."""
    count = len(found.listed_elsewhere)
    return text(lang, "digest_listed_elsewhere", count=count) if count else None


def split_listed(db: sqlite_utils.Database, ids: Sequence[int], listed: Collection[int]) -> Found:
    """`ids` parted into those to list and those of a story in `listed` (an article another digest lists)."""
    if not listed or not ids:
        return Found(list(ids), [])
    taken = set(listed) | set(clusters_of(db, list(listed)).values())
    clusters = clusters_of(db, ids)
    elsewhere = [i for i in ids if i in taken or clusters.get(i, i) in taken]
    gone = set(elsewhere)
    return Found([i for i in ids if i not in gone], elsewhere)


def screen(
    db: sqlite_utils.Database,
    subscription: subs.Subscription,
    ids: Sequence[int],
    known: Mapping[int, int] | None = None,
) -> list[int]:
    """A subscription's new articles as it should get them: none with an excluded word (``-word``), one
    article per story carried by several sources, and no story it has already received from another.
    `known`: the articles' clusters read already (`clusters_of`), not read again."""
    keywords = parse_keywords(subscription.keywords)
    kept = list(ids)
    if keywords.none_of and kept:
        excluded = containing_any(db, keywords.none_of, kept)
        kept = [i for i in kept if i not in excluded]
    kept = collapse(db, kept, known)
    clusters = clusters_of(db, kept, known)
    received = delivered_clusters(db, subscription.id, clusters.values())
    if not received:
        return kept
    return [i for i in kept if clusters.get(i, i) not in received]


def compose_for(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    *,
    lang: str,
    local_date: date,
    config: DigestConfig,
    send_empty: bool,
    note: str | None = None,
    markup: Markup = HTML,
    horizon: int | None = None,
    preview: bool = False,
    dated_by: str | None = None,
) -> Digest | None:
    """The subscription's digest of the articles stored up to `horizon` (default: everything stored), none
    dated after `dated_by`; `preview`: shown by /digest, so its articles are "the next digest's", not "new"."""
    if horizon is None:
        horizon = subs.article_horizon(db)
    found = new_articles_for(db, library, subscription, horizon=horizon, cap=config.cap, dated_by=dated_by)
    return compose_found(
        db,
        library,
        subscription,
        found.ids,
        lang=lang,
        local_date=local_date,
        config=config,
        send_empty=send_empty,
        note=note,
        markup=markup,
        preview=preview,
    )


def compose_found(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    ids: Sequence[int],
    *,
    lang: str,
    local_date: date,
    config: DigestConfig,
    send_empty: bool,
    note: str | None = None,
    markup: Markup = HTML,
    preview: bool = False,
) -> Digest | None:
    """The digest listing the first ``cap`` of `ids` (newest first) and counting the rest."""
    shown = list(ids[: config.cap])
    cache = library if isinstance(library, RunCache) else None
    return compose_digest(
        cache.articles(db, shown) if cache else get_articles(db, shown),
        lang=lang,
        local_date=local_date,
        open_callback=open_article_data,
        keywords=subscription.keywords,
        counted_ids=ids[config.cap :],
        cap=config.cap,
        send_empty=send_empty,
        note=note,
        markup=markup,
        also=cache.other_sources(db, shown) if cache else other_sources(db, shown),
        preview=preview,
    )


def newest_first(ids: Iterable[int], dates: Mapping[int, str | None]) -> list[int]:
    """Order ids like the articles list: dated ones newest first, then undated; page order (id) within."""
    ordered = sorted(ids)
    dated = sorted((i for i in ordered if dates[i]), key=lambda i: dates[i] or "", reverse=True)  # stable
    return dated + [i for i in ordered if not dates[i]]


class Window(NamedTuple):
    """The articles a digest run looks at: stored in (since, horizon], dated by `dated_by` (None: any)."""

    since: int
    horizon: int
    dated_by: str | None


class RunCache:
    """What one digest run computes once for all its subscriptions: each distinct keyword's matches (and
    those among the articles stored since the horizons in play), those articles' dates and order, their
    stories (clusters), the articles listed and the other sources that carried each.

    A daily run then costs a few small queries per subscription (its ledger) plus pure Python.
    """

    def __init__(self, library: SearchLibrary) -> None:
        self.library = library
        self._ids: dict[tuple[str, int], list[int]] = {}
        self._windows: dict[Window, dict[int, str | None]] = {}
        self._ranks: dict[Window, dict[int, int]] = {}
        self._window_matches: dict[tuple[str, Window], list[int]] = {}
        self._articles: dict[int, Article] = {}
        self._clusters: dict[int, int] = {}
        self._sources: dict[int, tuple[str, ...]] = {}
        self._ahead: dict[tuple[int, str, str], dict[int, str]] = {}
        self._ahead_matches: dict[tuple[str, int, str, str], list[int]] = {}

    def search(self, query: str, *, limit: int, offset: int) -> SearchResponse:
        return self.library.search(query, limit=limit, offset=offset)

    def match_ids(self, query: str, *, limit: int) -> list[int]:
        key = (query, limit)
        if key not in self._ids:
            self._ids[key] = self.library.match_ids(query, limit=limit)
        return self._ids[key]

    def new_since(
        self,
        db: sqlite_utils.Database,
        subscription: subs.Subscription,
        last: subs.LastDigest,
        horizon: int,
        *,
        dated_by: str | None = None,
    ) -> list[int]:
        """`new_articles_for` for a subscription that has had a digest (`last`): its matches stored in
        (last.horizon, horizon] and dated by `dated_by`, less any already recorded, and those its last digest
        left out for their date whose day has come (`come_of_date`), newest first."""
        since = last.horizon
        span = Window(since, horizon, dated_by)
        window = self._windows.get(span)
        if window is None:
            window = article_dates(db, since, horizon, dated_by=dated_by)
            # Each article's place in the window, newest first: a subscription's share sorts by it.
            self._ranks[span] = {i: n for n, i in enumerate(newest_first(window, window))}
            self._windows[span] = window
        wanted = parse_keywords(subscription.keywords).any_of
        if wanted:
            ids: set[int] = set()
            for keyword in wanted:
                ids.update(self._in_window(keyword, span, window))
        else:
            ids = set(window)
        delivered = subs.delivered_ids_after(db, subscription.id, since)
        fresh = sorted(ids - delivered, key=self._ranks[span].__getitem__)
        held = come_of_date(db, self, subscription, last, dated_by)
        if not held:
            return fresh
        return newest_first([*fresh, *held], {**window, **held})

    def come_of_date(
        self, db: sqlite_utils.Database, subscription: subs.Subscription, last: subs.LastDigest, dated_by: str
    ) -> dict[int, str]:
        """`come_of_date` from what this run read once: the stories stored ahead of their date for each
        bound (`stored_ahead_of_date`), and each keyword's matches among them."""
        key = (last.horizon, last.dated_by, dated_by)
        if key not in self._ahead:
            self._ahead[key] = stored_ahead_of_date(db, *key)
        dates = self._ahead[key]
        if not dates:
            return {}
        wanted = parse_keywords(subscription.keywords).any_of
        if not wanted:
            return dict(dates)
        matches: set[int] = set()
        for keyword in wanted:
            if (keyword, *key) not in self._ahead_matches:
                found = self.match_ids(keyword, limit=MAX_MATCHES_PER_KEYWORD)
                self._ahead_matches[(keyword, *key)] = [i for i in found if i in dates]
            matches.update(self._ahead_matches[(keyword, *key)])
        return {i: d for i, d in dates.items() if i in matches}

    def _in_window(self, keyword: str, span: Window, window: Mapping[int, object]) -> list[int]:
        key = (keyword, span)
        if key not in self._window_matches:
            matches = self.match_ids(keyword, limit=MAX_MATCHES_PER_KEYWORD)
            self._window_matches[key] = [i for i in matches if i in window]
        return self._window_matches[key]

    def articles(self, db: sqlite_utils.Database, ids: Sequence[int]) -> list[Article]:
        missing = [i for i in ids if i not in self._articles]
        if missing:
            self._articles.update((a.id, a) for a in get_articles(db, missing))
        return [self._articles[i] for i in ids if i in self._articles]

    def clusters(self, db: sqlite_utils.Database, ids: Sequence[int]) -> Mapping[int, int]:
        """Article id → its cluster (`clusters_of`) for `ids` and every other article this run has read
        the cluster of: each article's is read once per run."""
        missing = [i for i in ids if i not in self._clusters]
        if missing:
            self._clusters.update(clusters_of(db, missing))
        return self._clusters

    def other_sources(self, db: sqlite_utils.Database, ids: Sequence[int]) -> dict[int, tuple[str, ...]]:
        """`other_sources` of `ids`, each article's read once per run."""
        missing = [i for i in ids if i not in self._sources]
        if missing:
            found = other_sources(db, missing, self.clusters(db, missing))
            self._sources.update((i, found.get(i, ())) for i in missing)
        return {i: self._sources[i] for i in ids if self._sources[i]}


@dataclass(frozen=True)
class Claimed:
    """A digest whose ledger row is written, ready to send."""

    delivery_id: int
    subscription_id: int
    chat_id: int
    digest: Reply


def message_of(reply: Reply) -> str:
    """A message as the ledger keeps it while claimed (text and buttons, JSON). Pure."""
    rows = [[{"label": b.label, "data": b.data, "url": b.url} for b in row] for row in reply.buttons]
    return json.dumps({"text": reply.text, "buttons": rows, "rest": reply.rest_command}, ensure_ascii=False)


def reply_of(message: str) -> Reply:
    """The message `message_of` kept, to send again. Pure."""
    loaded = json.loads(message)
    buttons = tuple(
        tuple(Button(b["label"], data=b.get("data"), url=b.get("url")) for b in row)
        for row in loaded["buttons"]
    )
    return Reply(loaded["text"], buttons, rest_command=loaded.get("rest", ""))  # no "rest" before issue 34


def resume(taken: subs.TakenOver) -> Claimed:
    """A claim taken over from a replica that died, ready to send: the message that replica claimed."""
    return Claimed(taken.delivery_id, taken.subscription_id, taken.chat_id, reply_of(taken.message))


def prepare(
    db: sqlite_utils.Database | Database,
    library: SearchLibrary,
    due: schedule.Due,
    config: DigestConfig,
    now: datetime,
    lease: subs.Lease | None = None,
    *,
    before_claim: Callable[[], object] | None = None,
) -> Claimed | None:
    """Compose the due digest on a read connection, then claim its ledger row in one short write
    (blocking; run in a worker thread), under `lease` when given (the message is kept with the claim).
    `before_claim` is called between composing and claiming (tests hold two processes there).

    None when there is nothing to send: nothing new (recorded as ``empty`` for the day), or the day
    was claimed already (by another replica, too). Composing takes no write lock: the claim alone
    decides, since its row is unique per day and it skips articles recorded meanwhile; a day found
    claimed already is not composed at all.

    The stories the chat's other digests list already (`subs.listed_by_siblings`: claimed or sent, at
    any time of day, above this digest's horizon) are recorded as covered but not listed again, so a
    reader with subscriptions at 8:00 and 20:00 gets each story once; the runner sends a chat's due
    digests one after the other, by due time, keyword subscriptions first within a minute
    (`digest_job.chat_groups`). Another process (a replica) may plan a sibling at the same time: the
    claim is refused when the siblings' listing changed since composing (`subs.claim_delivery`'s
    ``siblings_listed``, checked under the write lock), and the digest is composed again against it, up
    to `CLAIM_ATTEMPTS` times (then `subs.SiblingsChanged` goes to the caller, nothing claimed: the
    runner tries at its next check).
    """
    database = as_database(db)
    state = due.state
    assert isinstance(state, subs.SubscriptionState)
    for attempt in range(1, CLAIM_ATTEMPTS + 1):
        try:
            return _compose_and_claim(
                database, library, state, due.local_date, config, now, lease, before_claim
            )
        except subs.SiblingsChanged:
            # Another process claimed (or undid) a digest of the chat's minute since this one was
            # composed: composed again against what that digest lists.
            if attempt == CLAIM_ATTEMPTS:
                raise
            log.info("digest recomposed: a digest of the same chat and minute was claimed meanwhile")
    raise AssertionError("not reached")


def _compose_and_claim(
    database: Database,
    library: SearchLibrary,
    state: subs.SubscriptionState,
    local_date: date,
    config: DigestConfig,
    now: datetime,
    lease: subs.Lease | None,
    before_claim: Callable[[], object] | None,
) -> Claimed | None:
    """`prepare`'s one try: compose on a read connection, then claim; `subs.SiblingsChanged` when the
    chat's other digests list something else by the time of the claim."""
    sub = state.subscription
    with database.reader() as reader:
        if subs.has_delivery(reader, sub.id, local_date):
            return None
        horizon = subs.article_horizon(reader)
        # What the chat's other digests list (earlier today or yesterday evening, in this run, claimed by
        # another replica or before a restart) is covered here but not listed again; the claim checks
        # that it still holds.
        dated_by = last_date_by(now)
        after = looks_after(reader, library, sub, horizon, dated_by)
        listed = subs.listed_by_siblings(reader, sub.id, after)
        found = new_articles_for(
            reader, library, sub, horizon=horizon, cap=config.cap, listed=listed, dated_by=dated_by
        )
        digest = compose_found(
            reader,
            library,
            sub,
            found.ids,
            lang=state.language,
            local_date=local_date,
            config=config,
            # Nothing of its own but stories another digest lists: no "nothing new" (the reader has them).
            send_empty=config.send_empty and not found.listed_elsewhere,
            note=listed_elsewhere_note(state.language, found),
        )
    if before_claim is not None:
        before_claim()
    if digest is None:
        database.write(
            subs.claim_delivery,
            sub.id,
            local_date,
            sub.chat_id,
            counted_ids=found.listed_elsewhere,
            status=subs.EMPTY,
            horizon=horizon,
            now=now,
            siblings_listed=listed,
            siblings_after=after,
        )
        return None
    delivery_id = database.write(
        subs.claim_delivery,
        sub.id,
        local_date,
        sub.chat_id,
        shown_ids=digest.shown_ids,
        counted_ids=(*digest.counted_ids, *found.listed_elsewhere),
        horizon=horizon,
        lease=lease,
        message=message_of(digest),
        now=now,
        siblings_listed=listed,
        siblings_after=after,
    )
    if delivery_id is None:
        return None
    return Claimed(delivery_id, sub.id, sub.chat_id, digest)


PREVIEWS = 5  # subscriptions previewed by a bare /digest (each is one message)


def preview_replies(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    chat_id: int,
    lang: str,
    now: datetime,
    *,
    config: DigestConfig = DEFAULT_CONFIG,
    markup: Markup = HTML,
    only: int | None = None,
    pushes: bool = True,
) -> list[Reply]:
    """/digest: what the chat's first `PREVIEWS` subscriptions would get now (and how to preview the
    others); `only`: that subscription alone (/digest 7). Nothing is recorded. Each leaves out what the
    chat's digests listed already, and the previews together list each story once, planned in the order
    the digests come (`next_due`).

    Without subscriptions: the latest articles in digest form and how to subscribe (without a time where
    the chat reads its subscriptions: not `pushes`).
    """
    chat = subs.get_chat(db, chat_id)
    zone = schedule.zone_or_default(chat.timezone if chat else DEFAULT_TIMEZONE)
    today = now.astimezone(zone).date()
    note = text(lang, "digest_preview_note")
    found = subs.list_subscriptions(db, chat_id)
    if only is not None:
        found = [sub for sub in [subs.pick_own(found, only)] if sub is not None]
        if not found:
            return [Reply(markup.esc(text(lang, "unsub_not_found", value=only)))]
    out: list[Reply] = []
    horizon = subs.article_horizon(db)
    # Planned as the digests will be sent: the next one due first (keyword subscriptions first within a
    # minute), none listing a story the chat's digests listed already or a preview above lists.
    planned: set[int] = set()
    previews: dict[int, Digest | None] = {}
    due_at = {sub.id: next_due(db, sub, zone, now) for sub in found[:PREVIEWS]}
    for sub in sorted(found[:PREVIEWS], key=lambda s: (due_at[s.id], not s.keywords, s.id)):
        listed = (
            subs.listed_by_siblings(db, sub.id, looks_after(db, library, sub, horizon, last_date_by(now)))
            | planned
        )
        got = new_articles_for(
            db, library, sub, horizon=horizon, cap=config.cap, listed=listed, dated_by=last_date_by(now)
        )
        elsewhere = listed_elsewhere_note(lang, got)
        previews[sub.id] = digest = compose_found(
            db,
            library,
            sub,
            got.ids,
            lang=lang,
            local_date=due_at[sub.id].date(),  # headed as the digest it previews
            config=config,
            send_empty=True,
            note=f"{note}\n{elsewhere}" if elsewhere else note,
            markup=markup,
            preview=True,
        )
        planned.update(digest.shown_ids if digest is not None else ())
    out.extend(d for d in (previews[sub.id] for sub in found[:PREVIEWS]) if d is not None)
    if len(found) > PREVIEWS:
        rest = found[PREVIEWS:]
        out.append(Reply(markup.esc(text(lang, "digest_preview_more", count=len(rest), id=rest[-1].number))))
    if not found:
        out.extend(_latest_preview(db, lang, today, last_date_by(now), config, markup))
        out.append(Reply(markup.esc(text(lang, "digest_preview_hint" if pushes else "read_digest_hint"))))
    return out


def next_due(db: sqlite_utils.Database, sub: subs.Subscription, zone: ZoneInfo, now: datetime) -> datetime:
    """When the subscription's next digest is due after `now`, in `zone` (a local day that had its digest
    has no other)."""
    at = schedule.parse_time(sub.local_time) or schedule.DEFAULT_TIME
    last = subs.last_delivery_date(db, sub.id)
    return schedule.next_digest_at(at, zone, now, created_at=sub.created_at, last_local_date=last).astimezone(
        zone
    )


def _latest_preview(
    db: sqlite_utils.Database, lang: str, today: date, dated_by: str, config: DigestConfig, markup: Markup
) -> list[Reply]:
    """What /digest shows a chat without subscriptions: the latest stored stories, however old (not
    "new"), as /latest lists them first (`lists_latest`: 还有吗 goes on from them), or, in an empty archive,
    a line saying there are none yet (not "no new articles today"). None dated after `dated_by`."""
    latest = latest_stories(db, config.cap, dated_by=dated_by)  # as /latest lists them: each story once
    if not latest:
        return [Reply(markup.esc(text(lang, "digest_preview_no_articles")))]
    digest = compose_digest(
        latest,
        lang=lang,
        local_date=today,
        open_callback=open_article_data,
        cap=config.cap,
        send_empty=True,
        note=text(lang, "digest_preview_none"),
        markup=markup,
        fresh=False,
    )
    return [replace(digest, lists_latest=True)] if digest is not None else []
