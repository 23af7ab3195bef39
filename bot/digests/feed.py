"""A subscription as an Atom feed: what readers who cannot receive pushes (the web page, WeChat) poll.

`feed_articles` picks the stories the subscription's digest would hold (the same keyword matching and
exclusions as a digest, one article per story carried by several sources), newest first, from the most
recently stored matches; `format_atom` renders them (pure). The private address of each feed is kept by
`storage.records.feeds`; the web edge serves it with ETag / Last-Modified.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta, timezone
from xml.sax.saxutils import escape, quoteattr

import sqlite_utils

from bot.chat.intents import without_id_labels
from bot.chat.replies import Markup, Reply
from bot.chat.texts import text as chat_text
from bot.digests import schedule
from bot.digests.compose import compose_digest, describe_subscription
from bot.digests.plan import (
    FIRST_DIGEST_POOL,
    PREVIEWS,
    SearchLibrary,
    matching_ids,
    open_article_data,
    screen,
    utc_now,
)
from bot.digests.records import CHAT_WRITE_WAIT
from bot.digests.texts import text as digest_text
from storage.database.access import Database
from storage.errors import DatabaseBusy
from storage.models import Article
from storage.records import subscriptions as subs
from storage.records.articles import get_articles, latest_articles
from storage.records.feeds import ensure_feeds, feed_subscription, last_stored

FEED_SIZE = 20
BEIJING = timezone(timedelta(hours=8))
# Characters XML 1.0 does not allow, even escaped.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


def feed_articles(
    db: sqlite_utils.Database,
    library: SearchLibrary,
    subscription: subs.Subscription,
    *,
    limit: int = FEED_SIZE,
) -> list[Article]:
    """The subscription's stories as its digest would hold them, newest first (by date, undated last)."""
    candidates = matching_ids(library, subscription.keywords)
    if candidates is None:
        ids = [a.id for a in latest_articles(db, FIRST_DIGEST_POOL)]
    else:
        ids = sorted(candidates, reverse=True)[:FIRST_DIGEST_POOL]
    kept = screen(db, subscription, ids)
    articles = get_articles(db, kept)
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


# ---- the feed addresses, in the chat ------------------------------------------------------------------


def format_feed_subscribed(lang: str, sub: subs.Subscription, url: str, markup: Markup) -> Reply:
    """/subscribe where nothing is pushed (the web page, WeChat): saved, its digest is the private address
    `url` (a page, an Atom feed), always current. One reply, instead of Telegram's confirmation."""
    line = chat_text(lang, "web_feed", id=sub.id, what=describe_subscription(lang, sub))
    return Reply(markup.esc(line) + "\n" + markup.link(markup.esc(url), url))


def format_feed_list(lang: str, urls: Sequence[tuple[int, str]], markup: Markup) -> Reply:
    """/subscriptions where nothing is pushed: each subscription's private digest address, by id."""
    lines = [markup.esc(chat_text(lang, "web_feeds_title"))]
    lines += [f"#{sub_id} {markup.link(markup.esc(url), url)}" for sub_id, url in urls]
    return Reply("\n".join(lines))


def digest_wanted(args: str, found: Sequence[subs.Subscription]) -> list[subs.Subscription] | None:
    """The subscriptions /digest `args` asks for among the chat's `found`: the first `PREVIEWS` for no
    argument, the one whose id it names; None when the conversation's own answer stands (no
    subscriptions, an id not found, a time or other words)."""
    arg = without_id_labels(schedule.normalize_token(args))
    if not found:
        return None
    if not arg:
        return list(found[:PREVIEWS])
    named = [s for s in found if arg.isascii() and arg.isdigit() and str(s.id) == arg.lstrip("0")]
    return named or None


def format_feed_digest(
    lang: str,
    sub: subs.Subscription,
    articles: Sequence[Article],
    url: str,
    markup: Markup,
    *,
    today: date,
    cap: int,
) -> Reply:
    """/digest where nothing is pushed: the newest `cap` stories of the subscription's private address (what
    its page and feed hold), then one line giving that address."""
    line = (
        markup.esc(chat_text(lang, "feed_digest_address", id=sub.id))
        + "\n"
        + markup.link(markup.esc(url), url)
    )
    digest = compose_digest(
        articles,
        lang=lang,
        local_date=today,
        open_callback=open_article_data,
        keywords=sub.keywords,
        cap=cap,
        markup=markup,
        fresh=False,
    )
    if digest is None:
        empty = markup.esc(describe_subscription(lang, sub) + "\n" + chat_text(lang, "web_feed_page_empty"))
        return Reply(empty + "\n\n" + line)
    return Reply(digest.text + "\n\n" + line, digest.buttons)


def feed_digest_replies(
    database: Database,
    library: SearchLibrary,
    chat_id: int,
    wanted: Sequence[subs.Subscription],
    tokens: dict[int, str],
    beyond: Sequence[subs.Subscription],
    lang: str,
    markup: Markup,
    feed_url: Callable[[str], str],
    cap: int,
) -> list[Reply]:
    """/digest where nothing is pushed: each wanted subscription's latest stories and private address, then
    how to see the subscriptions left out (`beyond`), as the Telegram preview names them."""
    chat = database.read(subs.get_chat, chat_id)
    zone = schedule.zone_or_default(chat.timezone if chat else subs.DEFAULT_TIMEZONE)
    today = utc_now().astimezone(zone).date()
    out = [
        format_feed_digest(
            lang,
            sub,
            database.read(feed_articles, library, sub, limit=cap),
            feed_url(tokens[sub.id]),
            markup,
            today=today,
            cap=cap,
        )
        for sub in wanted
        if sub.id in tokens
    ]
    if beyond:
        more = digest_text(lang, "digest_preview_more", count=len(beyond), id=beyond[-1].id)
        out.append(Reply(markup.esc(more)))
    return out


def feed_replies(
    database: Database,
    library: SearchLibrary,
    name: str,
    args: str,
    replies: list[Reply],
    chat_id: int,
    lang: str,
    markup: Markup,
    feed_url: Callable[[str], str],
    *,
    cap: int,
) -> list[Reply]:
    """The conversation's `replies` to /`name` `args` as a chat without pushes (the web page, WeChat)
    answers them. After /subscribe: a subscription that was saved is confirmed with its feed address
    (`web_feed`) in place of the conversation's push-at-a-time confirmation; an error or "already
    subscribed" stays as it is. After /subscriptions: the list, then every feed of the chat. /digest of
    the chat's subscriptions: their addresses' latest stories (`feed_digest_replies`) in place of the
    preview of a pushed digest; without subscriptions, or for an argument it does not take, the
    conversation's answer. Feeds are created where missing; a busy database leaves them for the next
    command (and the replies as they are)."""
    if name not in ("subscribe", "subscriptions", "digest"):
        return replies
    try:
        feeds = database.write(ensure_feeds, chat_id, wait=CHAT_WRITE_WAIT)
    except DatabaseBusy:
        return replies
    if name == "digest":
        found = database.read(subs.list_subscriptions, chat_id)
        wanted = digest_wanted(args, found)
        if wanted is None:
            return replies
        beyond = found[PREVIEWS:] if not args.strip() else []
        tokens = {f.subscription_id: f.token for f in feeds}
        return feed_digest_replies(
            database, library, chat_id, wanted, tokens, beyond, lang, markup, feed_url, cap
        )
    if name == "subscriptions":
        if not feeds:
            return replies
        return [
            *replies,
            format_feed_list(lang, [(f.subscription_id, feed_url(f.token)) for f in feeds], markup),
        ]
    new = {f.subscription_id: f.token for f in feeds if f.new}
    if not new:
        return replies
    saved = sorted(
        (s for s in database.read(subs.list_subscriptions, chat_id) if s.id in new), key=lambda s: s.id
    )
    return [format_feed_subscribed(lang, s, feed_url(new[s.id]), markup) for s in saved] or replies


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
    database: Database, library: SearchLibrary, token: str, base_url: str
) -> RenderedFeed | None:
    """The Atom feed at private address `token`, its articles linking to `base_url`/article/N; None when no
    subscription has that address (never had, unsubscribed, forgotten)."""
    base = base_url.rstrip("/")
    sub = database.read(feed_subscription, token)
    if sub is None:
        return None
    articles = database.read(feed_articles, library, sub)
    chat = database.read(subs.get_chat, sub.chat_id)
    lang = chat.language if chat else subs.DEFAULT_LANGUAGE
    stored = database.read(last_stored, [a.id for a in articles])
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
