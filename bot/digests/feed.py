"""A subscription as an Atom feed: what readers who cannot receive pushes (the web page, WeChat) poll.

`feed_articles` picks the stories the subscription's digest would hold (the same keyword matching and
exclusions as a digest, one article per story carried by several sources), newest first, from the most
recently stored matches; `format_atom` renders them (pure). The private address of each feed is kept by
`storage.records.feeds`; the web edge serves it with ETag / Last-Modified.

What "new" means for a reader without pushes: /digest lists each subscription's stories that no /digest
listed before (`unread_digest`, recorded in `storage.records.feeds`). The address itself (the feed a feed
reader polls, the page a browser is shown) records nothing and always holds the newest `FEED_SIZE` stories
with stable ids: a GET must change nothing (feed readers poll it, link previews and prefetchers fetch it),
and feed readers keep what their reader has read themselves.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import UTC, date, datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

import sqlite_utils

from bot.chat.intents import without_id_labels
from bot.chat.replies import Markup, Reply
from bot.chat.texts import text as chat_text
from bot.digests import schedule
from bot.digests.compose import SubscriptionReply, compose_digest, describe_subscription
from bot.digests.plan import (
    FIRST_DIGEST_POOL,
    PREVIEWS,
    Found,
    SearchLibrary,
    listed_elsewhere_note,
    matching_ids,
    open_article_data,
    screen,
)
from storage.database.access import Database
from storage.errors import DatabaseBusy
from storage.models import Article
from storage.records import subscriptions as subs
from storage.records.articles import get_articles, last_date_by, latest_articles
from storage.records.feeds import (
    ensure_feeds,
    feed_subscription,
    last_stored,
    seen_ids,
    take_unseen,
    unsee,
)

FEED_SIZE = 20
BEIJING = timezone(timedelta(hours=8))
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_articles(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    *,
    dated_by: str,
    limit: int = FEED_SIZE,
) -> list[Article]:
    """The subscription's stories as its digest would hold them, newest first (by date, undated last), none
    dated after `dated_by` (`last_date_by` of the clock it is read at)."""
    candidates = matching_ids(library, subscription.keywords)
    if candidates is None:
        ids = [a.id for a in latest_articles(db, FIRST_DIGEST_POOL, dated_by=dated_by)]
    else:
        ids = sorted(candidates, reverse=True)[:FIRST_DIGEST_POOL]
    kept = screen(db, subscription, ids)
    articles = [a for a in get_articles(db, kept) if not a.date or a.date <= dated_by]
    dated = sorted((a for a in articles if a.date), key=lambda a: (a.date or "", a.id), reverse=True)
    undated = sorted((a for a in articles if not a.date), key=lambda a: a.id, reverse=True)
    return (dated + undated)[:limit]


def article_time(article: Article, fallback: datetime) -> datetime:
    """When the article was published: its time, else its date (00:00 Beijing time), else `fallback`."""
    if article.published_at:
        try:
            moment = datetime.fromisoformat(article.published_at)
            return moment if moment.tzinfo else moment.replace(tzinfo=BEIJING)
        except ValueError:
            pass
    if article.date:
        try:
            return datetime.fromisoformat(article.date).replace(tzinfo=BEIJING)
        except ValueError:
            pass
    return fallback


@dataclass(frozen=True)
class FeedEntry:
    id: str
    title: str
    link: str
    updated: datetime
    summary: str
    date: str | None = None  # the article's day as stored, for the page (`updated` is a moment in UTC)
    new: bool = False  # not listed by a /digest yet (the page marks it; the Atom document does not say)


def _text(value: str) -> str:
    return escape(_NOT_XML.sub("", value))


def _stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).isoformat(timespec="seconds").replace("+00:00", "Z")


def format_atom(
    *, feed_id: str, title: str, self_url: str, site_url: str, updated: datetime, entries: Sequence[FeedEntry]
) -> bytes:
    """An Atom 1.0 document (UTF-8) with `entries` in the order given; every text is escaped."""
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom">',
        f"  <id>{_text(feed_id)}</id>",
        f"  <title>{_text(title)}</title>",
        f"  <updated>{_stamp(updated)}</updated>",
        f'  <link rel="self" href={quoteattr(self_url)}/>',
        f'  <link rel="alternate" href={quoteattr(site_url)}/>',
        "  <author><name>newsbot</name></author>",
        "  <generator>newsbot</generator>",
    ]
    for entry in entries:
        lines += [
            "  <entry>",
            f"    <id>{_text(entry.id)}</id>",
            f"    <title>{_text(entry.title)}</title>",
            f'    <link rel="alternate" href={quoteattr(entry.link)}/>',
            f"    <updated>{_stamp(entry.updated)}</updated>",
            f"    <summary>{_text(entry.summary)}</summary>",
            "  </entry>",
        ]
    lines.append("</feed>")
    return ("\n".join(lines) + "\n").encode("utf-8")


# ---- the feed addresses and /digest, in the chat ------------------------------------------------------


def format_feed_list(lang: str, urls: Sequence[tuple[int, str]], markup: Markup) -> Reply:
    """/subscriptions where the chat reads its subscriptions: each one's private digest address, by its
    number among the chat's own."""
    lines = [markup.esc(chat_text(lang, "web_feeds_title"))]
    lines += [f"#{number} {markup.link(markup.esc(url), url)}" for number, url in urls]
    return Reply("\n".join(lines))


def digest_wanted(args: str, found: Sequence[subs.Subscription]) -> list[subs.Subscription] | None:
    """The subscriptions /digest `args` asks for among the chat's `found`: the first `PREVIEWS` for no
    argument, the one whose id it names; None when the command's other answers stand (no subscriptions,
    an id not found, a time or other words)."""
    arg = without_id_labels(schedule.normalize_token(args))
    if not found:
        return None
    if not arg:
        return list(found[:PREVIEWS])
    if not (arg.isascii() and arg.isdigit()) or len(arg) >= 18:
        return None
    named = subs.pick_own(found, int(arg))
    return [named] if named is not None else None


def unread_digest(
    database: Database,
    library: SearchLibrary,
    sub: subs.Subscription,
    lang: str,
    markup: Markup,
    *,
    today: date,
    cap: int,
    now: datetime,
    wait: float,
) -> SubscriptionReply:
    """/digest of a subscription the chat reads (nothing is pushed): of the stories its address holds
    (`feed_articles`, newest first), the first `cap` no /digest listed as new before, now recorded as
    listed (`take_unseen`); the others are counted and come with the next /digest. A story another of the
    chat's subscriptions listed (above in this reply, or at an earlier /digest) is not listed again: it is
    recorded and counted in a line, as Telegram's digests leave out what a sibling listed
    (`listed_elsewhere_note`). None left: that line, or a line saying nothing is new since the last
    /digest (or that no story matches yet)."""
    articles = database.read(feed_articles, library, sub, dated_by=last_date_by(now), limit=FIRST_DIGEST_POOL)
    taken = database.write(take_unseen, sub.id, [a.id for a in articles], cap, now=now, wait=wait)
    by_id = {a.id: a for a in articles}
    elsewhere = listed_elsewhere_note(lang, Found(taken.listed, taken.covered))
    digest = compose_digest(
        [by_id[i] for i in taken.listed],
        lang=lang,
        local_date=today,
        open_callback=open_article_data,
        keywords=sub.keywords,
        counted_ids=taken.rest,
        cap=cap,
        note=elsewhere,
        markup=markup,
        more_command=f"/digest {sub.number}",
    )
    if digest is None:
        nothing = elsewhere or chat_text(
            lang, "read_digest_nothing_new" if articles else "web_feed_page_empty", id=sub.number
        )
        said = describe_subscription(lang, sub) + "\n" + nothing
        return SubscriptionReply(markup.esc(said), subscription_id=sub.id, subscription_number=sub.number)
    # A story the message had no room for (`compose_digest` counts it instead) is left for the next one.
    database.write(unsee, sub.id, [i for i in taken.listed if i not in digest.shown_ids], wait=wait)
    return SubscriptionReply(
        digest.text,
        digest.buttons,
        subscription_id=sub.id,
        subscription_number=sub.number,
        listed_ids=digest.shown_ids,
        more=len(digest.counted_ids),
        rest_command=digest.rest_command,
    )


def with_address(
    reply: Reply,
    name: str,
    lang: str,
    tokens: Mapping[int, str],
    markup: Markup,
    feed_url: Callable[[str], str],
) -> Reply:
    """`reply` with the private address of the subscription it is about below it (after /subscribe, how
    to use it; after /digest, where it is); other replies as they are."""
    if not isinstance(reply, SubscriptionReply) or reply.subscription_id not in tokens:
        return reply
    url = feed_url(tokens[reply.subscription_id])
    key = "feed_digest_address" if name == "digest" else "feed_address"
    line = (
        markup.esc(chat_text(lang, key, id=reply.subscription_number))
        + "\n"
        + markup.link(markup.esc(url), url)
    )
    gap = "\n\n" if name == "digest" else "\n"
    return replace(reply, text=reply.text + gap + line)


def feed_replies(
    database: Database,
    name: str,
    replies: list[Reply],
    chat_id: int,
    lang: str,
    markup: Markup,
    feed_url: Callable[[str], str],
    *,
    wait: float,
) -> list[Reply]:
    """The replies to a subscription command /`name` with the private addresses of the subscriptions they
    are about, where the chat reads its subscriptions and an address can be given (the web page, WeChat;
    the terminal when NEWSBOT_WEB_PUBLIC_URL is set): a reply about one subscription (`SubscriptionReply`:
    made, already there, its /digest) with that subscription's address below it; /subscriptions with every
    address after the list. Feeds are created where missing; a busy database leaves them for the next
    command (and the replies as they are)."""
    about = any(isinstance(r, SubscriptionReply) for r in replies)
    if name != "subscriptions" and not about:
        return replies
    try:
        feeds = database.write(ensure_feeds, chat_id, wait=wait)
    except DatabaseBusy:
        return replies
    if name == "subscriptions":
        if not feeds:
            return replies
        listed = [(f.number, feed_url(f.token)) for f in feeds]
        return [*replies, format_feed_list(lang, listed, markup)]
    tokens = {f.subscription_id: f.token for f in feeds}
    return [with_address(r, name, lang, tokens, markup, feed_url) for r in replies]


# ---- a subscription's feed, ready to serve -----------------------------------------------------------


@dataclass(frozen=True)
class RenderedFeed:
    body: bytes
    etag: str  # a strong validator: the body's hash
    modified: datetime  # when the newest of its articles was stored (the subscription's start when none)
    title: str  # the feed's title and entries, for the page a browser is shown at the same address
    entries: tuple[FeedEntry, ...] = ()
    lang: str = "zh"


def subscription_feed(
    database: Database, library: SearchLibrary, token: str, base_url: str, *, now: datetime
) -> RenderedFeed | None:
    """The Atom feed at private address `token` read at `now`, its articles linking to `base_url`/article/N;
    None when no subscription has that address (never had, unsubscribed, forgotten)."""
    base = base_url.rstrip("/")
    sub = database.read(feed_subscription, token)
    if sub is None:
        return None
    articles = database.read(feed_articles, library, sub, dated_by=last_date_by(now))
    chat = database.read(subs.get_chat, sub.chat_id)
    lang = chat.language if chat else subs.DEFAULT_LANGUAGE
    stored = database.read(last_stored, [a.id for a in articles])
    seen = database.read(seen_ids, sub.id, [a.id for a in articles])
    modified = datetime.fromisoformat(stored) if stored else sub.created_at
    modified = (modified if modified.tzinfo else modified.replace(tzinfo=UTC)).replace(microsecond=0)
    entries = [
        FeedEntry(
            id=f"{base}/article/{a.id}",
            title=a.title,
            link=f"{base}/article/{a.id}",
            updated=article_time(a, modified),
            summary=a.summary or (a.paragraphs[0] if a.paragraphs else ""),
            date=a.date,
            new=a.id not in seen,
        )
        for a in articles
    ]
    title = f"newsbot · {describe_subscription(lang, sub)}"
    body = format_atom(
        feed_id=f"{base}/feed/{token}",
        title=title,
        self_url=f"{base}/feed/{token}",
        site_url=f"{base}/",
        updated=modified,
        entries=entries,
    )
    etag = '"' + hashlib.sha256(body).hexdigest()[:32] + '"'
    return RenderedFeed(body, etag, modified, title, tuple(entries), lang)
