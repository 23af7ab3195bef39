"""Reading feeds (RSS 0.9x/1.0/2.0, Atom) and finding a site's feed. Pure functions on bytes and text.

`parse_feed` uses feedparser, which sniffs the feed's encoding; a malformed feed with no items raises
`FeedError` with the parser's complaint in words. `feed_links` lists the feeds a page links with
``<link rel="alternate" type="application/rss+xml|atom+xml">`` (and links that look like feeds), and
`candidate_feed_urls` adds the common paths (``/feed``, ``/rss.xml``, ...), to be tried in order.
"""

from __future__ import annotations

import calendar
import html
import re
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from html.parser import HTMLParser
from typing import Any
from urllib.parse import urljoin, urlsplit

import feedparser

from bot.sources.fetch import split_content_type, text_encoding

FEED_TYPES = ("application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+xml")
COMMON_FEED_PATHS = (
    "/feed",
    "/rss",
    "/rss.xml",
    "/feed.xml",
    "/atom.xml",
    "/index.xml",
    "/feeds/all.atom.xml",
)
_FEED_START = re.compile(
    rb"^(?:\xef\xbb\xbf)?\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*|<\?[^>]*>\s*)*<(rss|feed|rdf:RDF)\b", re.S
)
_TAG = re.compile(r"<[^>]+>")


class FeedError(Exception):
    """Not a feed, or a feed too broken to read; the message says why."""


@dataclass(frozen=True)
class FeedItem:
    title: str
    link: str | None
    guid: str | None = None
    published: datetime | None = None  # aware, in the offset the feed gave
    author: str | None = None
    content_html: str | None = None  # content:encoded or Atom <content>
    summary_html: str | None = None  # description / Atom <summary>


@dataclass(frozen=True)
class Feed:
    title: str | None
    link: str | None
    version: str  # feedparser's name of the format: rss20, atom10, rss10, rss091u, ...
    items: tuple[FeedItem, ...]
    warning: str | None = None  # the feed is not well-formed XML, but items could be read


def looks_like_feed(body: bytes) -> bool:
    """Whether the document starts like an RSS/Atom/RDF document (cheap check before parsing)."""
    return bool(_FEED_START.match(body[:2048]))


def parse_feed(body: bytes, *, url: str, content_type: str | None = None, charset: str | None = None) -> Feed:
    """Parse a feed document. Raises `FeedError` when it is not a feed or has no readable items.

    `content_type` is the Content-Type header (a charset in it counts as `charset` does). The feed is
    read in the encoding a page would be (`text_encoding`: valid UTF-8 is UTF-8, else the declared
    encoding that decodes it, else GB18030), told to feedparser as the header's charset: left to itself,
    feedparser reads a feed without an encoding declaration as ISO-8859-1 when it is given headers.
    """
    media, header_charset = split_content_type(content_type)
    headers = {"content-location": url}
    encoding = text_encoding(body, header_charset or charset)
    if encoding is not None:
        headers["content-type"] = f"{media or 'application/xml'}; charset={encoding}"
    parsed: Any = feedparser.parse(body, response_headers=headers, resolve_relative_uris=True)
    version = parsed.get("version") or ""
    entries = parsed.get("entries") or []
    exc = parsed.get("bozo_exception")
    # Notes about the declared encoding or content type are not problems: the feed was read as it is.
    benign = isinstance(exc, (feedparser.NonXMLContentType, feedparser.CharacterEncodingOverride))
    problem = _bozo_reason(parsed) if parsed.get("bozo") and not benign else None
    if not version and not entries:
        raise FeedError(f"not an RSS or Atom feed{': ' + problem if problem else ''}")
    if problem and not entries:
        raise FeedError(f"broken feed, no items could be read: {problem}")
    meta = parsed.get("feed") or {}
    items = tuple(_item(e, url) for e in entries)
    return Feed(
        title=_plain(meta.get("title")) or None,
        link=meta.get("link"),
        version=version or "unknown",
        items=tuple(i for i in items if i.link or i.content_html or i.summary_html),
        warning=problem,
    )


def _bozo_reason(parsed: Any) -> str:
    exc = parsed.get("bozo_exception")
    text = str(exc) if exc is not None else "malformed"
    return " ".join(text.split())[:200]


def _item(entry: Any, base: str) -> FeedItem:
    link = entry.get("link") or None
    if link is None:
        for candidate in entry.get("links") or []:
            if candidate.get("rel", "alternate") == "alternate" and candidate.get("href"):
                link = candidate["href"]
                break
    if link is None and str(entry.get("id", "")).startswith(("http://", "https://")):
        link = entry["id"]
    content = None
    for block in entry.get("content") or []:
        value = block.get("value")
        if value and (content is None or len(value) > len(content)):
            content = value
    summary = entry.get("summary") or None
    if content is not None and summary is not None and content.strip() == summary.strip():
        summary = None
    return FeedItem(
        title=_plain(entry.get("title")) or "",
        link=urljoin(base, link) if link else None,
        guid=entry.get("id") or None,
        published=published_time(entry),
        author=_plain(entry.get("author")) or None,
        content_html=content,
        summary_html=summary,
    )


def published_time(entry: Any) -> datetime | None:
    """The item's publication time with the offset it was given in (feedparser's UTC time otherwise).
    A date written with digits (``2023/04/13 08:00``, ``2023年4月13日``) is read here or not at all:
    feedparser's fallback reads those as another day (2023-12-01)."""
    for key in ("published", "updated", "created"):
        # The keys as the feed has them: feedparser's own `get("updated")` falls back to `published`.
        raw = dict.get(entry, key)
        if not raw:
            continue
        moment = _parse_time(str(raw))
        if moment is not None:
            return moment
        parsed = dict.get(entry, f"{key}_parsed")
        if parsed and not _NUMERIC_DATE.match(str(raw).strip()):
            return datetime.fromtimestamp(calendar.timegm(parsed), UTC)
    return None


# A date of digits as Chinese sites write it: 2023-04-13, 2023/4/13, 2023.04.13, 2023年4月13日, then
# maybe a time (08:00, 08:00:00) and an offset.
_NUMERIC_DATE = re.compile(r"(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?")
_NUMERIC_MOMENT = re.compile(
    _NUMERIC_DATE.pattern + r"(?:[T\s]*(\d{1,2})[:：](\d{2})(?:[:：](\d{2})(?:\.\d+)?)?)?"
    r"\s*(Z|[+-]\d{2}:?\d{2})?$"
)


# The year of an RFC 822 date, after the month's name: "13 Apr 2023", "13 Apr 23".
_RFC822_YEAR = re.compile(r"\b[A-Za-z]{3}\w*\.?\s+(\d+)\b")


def _parse_time(raw: str) -> datetime | None:
    """RFC 822 (RSS), RFC 3339 (Atom) or `_NUMERIC_MOMENT`; None when it is none of them, or names
    no real date. A time without an offset is taken as UTC."""
    raw = raw.strip()
    try:
        moment = parsedate_to_datetime(raw)  # RFC 822 (RSS)
    except (TypeError, ValueError, IndexError):
        moment = None
    if moment is not None:
        written = _RFC822_YEAR.search(raw)
        if written and len(written.group(1)) == 4 and int(written.group(1)) != moment.year:
            return None  # year 0000 is read as 2000
    if moment is None:
        try:
            moment = datetime.fromisoformat(raw.replace("Z", "+00:00"))  # RFC 3339 (Atom)
        except ValueError:
            moment = _numeric_moment(raw)
    if moment is None:
        return None
    if moment.tzinfo is None:
        return moment.replace(tzinfo=UTC)
    return moment


def _numeric_moment(raw: str) -> datetime | None:
    match = _NUMERIC_MOMENT.match(raw)
    if match is None:
        return None
    year, month, day, hour, minute, second, offset = match.groups()
    zone = None
    if offset == "Z":
        zone = UTC
    elif offset:
        sign = 1 if offset[0] == "+" else -1
        digits = offset[1:].replace(":", "")
        zone = timezone(sign * timedelta(hours=int(digits[:2]), minutes=int(digits[2:])))
    try:
        return datetime(
            int(year), int(month), int(day), int(hour or 0), int(minute or 0), int(second or 0), tzinfo=zone
        )
    except ValueError:  # 2023-02-30, 25:00
        return None


def _plain(value: Any) -> str:
    """Text of a title or name that may hold markup or entities."""
    if not value:
        return ""
    return " ".join(html.unescape(_TAG.sub(" ", str(value))).split())


# ---- discovery -----------------------------------------------------------------------------------------


class _LinkFinder(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.alternates: list[str] = []
        self.anchors: list[str] = []
        self.base: str | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k.lower(): (v or "") for k, v in attrs}
        if tag == "base" and a.get("href") and self.base is None:
            self.base = a["href"]
        elif tag == "link":
            rels = a.get("rel", "").lower().split()
            kind = a.get("type", "").lower().split(";")[0].strip()
            if "alternate" in rels and kind in FEED_TYPES and a.get("href"):
                self.alternates.append(a["href"])
        elif tag == "a" and a.get("href"):
            href = a["href"]
            path = urlsplit(href).path.lower()
            if re.search(r"(^|/)(rss|feed|atom)(\.xml|/)?$|\.(rss|atom)$|/rss/|rss\.xml$", path):
                self.anchors.append(href)


def feed_links(page: str, base_url: str) -> list[str]:
    """Feeds a page points to: its ``<link rel="alternate">`` feeds first, then anchors that look like feeds."""
    finder = _LinkFinder()
    try:
        finder.feed(page)
        finder.close()
    except Exception:  # html.parser copes with nearly anything; a page it cannot read has no links for us
        return []
    base = urljoin(base_url, finder.base) if finder.base else base_url
    out = [urljoin(base, href.strip()) for href in finder.alternates + finder.anchors]
    return [u for u in dict.fromkeys(out) if u.startswith(("http://", "https://"))]


def candidate_feed_urls(page: str, base_url: str) -> list[str]:
    """Where to look for a site's feed, in order: linked feeds, then the common paths of the site."""
    parts = urlsplit(base_url)
    root = f"{parts.scheme}://{parts.netloc}"
    common = [root + path for path in COMMON_FEED_PATHS]
    return [u for u in dict.fromkeys(feed_links(page, base_url) + common) if u != base_url]
