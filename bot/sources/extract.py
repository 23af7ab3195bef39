"""Full text of feed items: from the feed when it carries the whole article, else from the article's page.

`feed_text(item)` is the item's own text (``content:encoded``/Atom content, else the description) as
paragraphs, and `needs_page(item)` says whether that looks like a summary (a description without
separate content that is short, or any text ending in "…", "阅读全文", "Read more"): then the linked page is fetched and `extract_page` pulls the article out of it
with trafilatura, dropping navigation, ads, related links and footers. `to_article` makes the stored
`ParsedArticle`: title, paragraphs, local date, publication time in its own offset, link, source name,
author. All pure (trafilatura works on the text handed to it; it downloads nothing here).
"""

from __future__ import annotations

import logging
import re
from dataclasses import dataclass
from datetime import datetime, timedelta
from html.parser import HTMLParser
from zoneinfo import ZoneInfo

from bot.sources.feeds import FeedItem
from storage.ingest.decode import remove_controls
from storage.models import DEFAULT_TIMEZONE, ParsedArticle

log = logging.getLogger(__name__)

WHOLE_MIN_CHARS = 300  # feed text shorter than this is taken for a summary
_TRUNCATED = re.compile(
    r"(…|\.\.\.|\[…\]|\[\.\.\.\]|阅读全文|查看全文|全文阅读|点击阅读|详情请点击|更多内容|read more|continue reading)"
    r"\s*[>»›》】\]）)]*\s*$",
    re.I,
)
_BLOCK_TAGS = frozenset(
    "p div br li ul ol h1 h2 h3 h4 h5 h6 blockquote tr table section article header footer figure "
    "figcaption pre hr dd dt".split()
)
_SKIP_TAGS = frozenset("script style noscript iframe svg form button nav".split())


class _Paragraphs(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.blocks: list[str] = []
        self._current: list[str] = []
        self._skip = 0

    def _flush(self) -> None:
        text = " ".join("".join(self._current).split())
        if text:
            self.blocks.append(text)
        self._current = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _SKIP_TAGS:
            self._skip += 1
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in _BLOCK_TAGS:
            self._flush()

    def handle_endtag(self, tag: str) -> None:
        if tag in _SKIP_TAGS:
            self._skip = max(0, self._skip - 1)
        elif tag in _BLOCK_TAGS:
            self._flush()

    def handle_data(self, data: str) -> None:
        if not self._skip:
            self._current.append(data)


def html_paragraphs(fragment: str) -> list[str]:
    """The paragraphs of an HTML fragment (block elements and <br> break them; scripts are dropped)."""
    parser = _Paragraphs()
    parser.feed(fragment or "")
    parser.close()
    parser._flush()
    return _tidy(parser.blocks)


def _tidy(paragraphs: list[str]) -> list[str]:
    out = []
    for p in paragraphs:
        p = " ".join(p.split())
        # Spaces between Han characters are layout, not words (full-width indents, wrapped lines).
        p = re.sub(r"(?<=[\u3000-\u9fff\uff00-\uffef]) (?=[\u3000-\u9fff\uff00-\uffef])", "", p)
        if p:
            out.append(p)
    return out


def feed_text(item: FeedItem) -> list[str]:
    """The item's own text as paragraphs: its full content when given, else its description."""
    content = html_paragraphs(item.content_html) if item.content_html else []
    summary = html_paragraphs(item.summary_html) if item.summary_html else []
    return content if _length(content) >= _length(summary) else summary


def needs_page(item: FeedItem) -> bool:
    """Whether the feed gives only a summary of the item (so its page must be fetched)."""
    if not item.link:
        return False
    text = "".join(feed_text(item))
    if _TRUNCATED.search(text):
        return True
    if item.content_html and text == "".join(html_paragraphs(item.content_html)):
        return False  # content:encoded / Atom content is the article itself
    return len(text) < WHOLE_MIN_CHARS


def _length(paragraphs: list[str]) -> int:
    return sum(len(p) for p in paragraphs)


@dataclass(frozen=True)
class PageText:
    title: str | None
    paragraphs: tuple[str, ...]
    author: str | None = None
    date: str | None = None  # YYYY-MM-DD, when the page gives one


def extract_page(page: str, url: str) -> PageText | None:
    """The article in a page (trafilatura, precision first), or None when there is none."""
    import trafilatura

    try:
        doc = trafilatura.bare_extraction(
            page,
            url=url,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
            include_images=False,
            favor_precision=True,
            deduplicate=False,
        )
    except Exception as exc:  # a library failure on one odd page must not stop the poll
        log.debug("trafilatura failed", extra={"url": url, "error": repr(exc)})
        return None
    if doc is None:
        return None
    text = getattr(doc, "text", None) or ""
    paragraphs = _tidy([line for line in text.split("\n")])
    if not paragraphs:
        return None
    date = getattr(doc, "date", None)
    return PageText(
        title=(getattr(doc, "title", None) or None),
        paragraphs=tuple(paragraphs),
        author=(getattr(doc, "author", None) or None),
        date=date[:10] if isinstance(date, str) and re.match(r"\d{4}-\d{2}-\d{2}", date) else None,
    )


def local_date(moment: datetime, default_zone: str = DEFAULT_TIMEZONE) -> str:
    """The story's date: in the publisher's own offset, or (for a UTC time) in `default_zone`."""
    offset = moment.utcoffset()
    if offset is None or offset == timedelta(0):
        moment = moment.astimezone(ZoneInfo(default_zone))
    return moment.date().isoformat()


# How far after the poll a story's date may be: a day's time zones, and a clock a little ahead.
FUTURE_SLACK = timedelta(days=1)


def believable(date: str | None, now: datetime) -> bool:
    """Whether a story dated `date` (YYYY-MM-DD) can have been published by `now`: no later than the day
    `FUTURE_SLACK` after it (a feed's 2099, a typo's 2032)."""
    return date is None or date <= (now + FUTURE_SLACK).date().isoformat()


def to_article(
    item: FeedItem,
    *,
    source: str | None,
    feed_url: str,
    page: PageText | None = None,
    default_zone: str = DEFAULT_TIMEZONE,
    now: datetime | None = None,
) -> ParsedArticle | None:
    """The article to store for a feed item (the page's text when it is longer than the feed's), or None
    when the item has no text at all. A publication time or page date later than `now` (when given)
    allows is not believed (`believable`): the article is undated rather than first in every list of
    the latest news until that day."""
    paragraphs = feed_text(item)
    if page is not None and _length(list(page.paragraphs)) > _length(paragraphs):
        paragraphs = list(page.paragraphs)
    # Control characters (an ESC sequence, a NUL) never belong in text, as in ingested files.
    paragraphs = [p for p in (remove_controls(p).strip() for p in paragraphs) if p]
    if not paragraphs:
        return None
    title = remove_controls(item.title or (page.title if page else None) or "").strip() or paragraphs[0][:60]
    published = item.published
    date = local_date(published, default_zone) if published else (page.date if page else None)
    if now is not None and not believable(date, now):
        published, date = None, None
    author = item.author or (page.author if page else None)
    author = remove_controls(author) if author else None
    source = remove_controls(source) if source else source
    return ParsedArticle(
        title=title,
        paragraphs=tuple(paragraphs),
        title_lines=(title,),
        date=date,
        byline=author,
        source=source,
        url=item.link,
        published_at=published.isoformat() if published else None,
        origin_file=feed_url,
    )
