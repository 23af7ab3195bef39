"""HTTP pieces of the web edge, pure or nearly: the reader's language, the same-origin check, conditional
GETs, a sliding-window rate limit, a capped body reader and the security headers on every response."""

from __future__ import annotations

import re
import time
from collections import deque
from collections.abc import Awaitable, Callable, MutableMapping
from dataclasses import dataclass
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import MutableHeaders
from starlette.exceptions import HTTPException
from starlette.requests import Request

CSP = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; "
    "form-action 'self'; base-uri 'none'; frame-ancestors 'none'"
)
SECURITY_HEADERS = {
    "content-security-policy": CSP,
    "x-content-type-options": "nosniff",
    "x-frame-options": "DENY",
    "referrer-policy": "no-referrer",  # a feed address is a secret: never leak a URL to another site
    "permissions-policy": "camera=(), microphone=(), geolocation=()",
    "cross-origin-opener-policy": "same-origin",
}


def weighted(header: str | None) -> list[tuple[str, float]]:
    """The items of an Accept or Accept-Language header with their quality (``q=``: 1 when not given, 0
    when its digits make no number), lower-cased, in the header's order."""
    out = []
    for item in (header or "").split(","):
        tag, _, params = item.strip().partition(";")
        quality = 1.0
        m = re.search(r"q=([0-9.]+)", params)
        if m:
            try:
                quality = float(m.group(1))
            except ValueError:
                quality = 0.0
        out.append((tag.strip().lower(), quality))
    return out


def browser_language(header: str | None) -> str:
    """'en' when the browser prefers English to Chinese (Accept-Language), else 'zh'."""
    ranked: list[tuple[float, int, str]] = []
    for index, (tag, quality) in enumerate(weighted(header)):
        primary = tag.split("-")[0]
        if primary in ("zh", "en") and quality > 0:
            ranked.append((-quality, index, primary))
    return sorted(ranked)[0][2] if ranked else "zh"


def reads_chinese(header: str | None) -> bool:
    """Whether the browser names Chinese among its languages (Accept-Language; none named: Chinese, as
    `browser_language` reads it)."""
    named = [tag.split("-")[0] for tag, quality in weighted(header) if quality > 0]
    return "zh" in named or not any(primary in ("zh", "en") for primary in named)


# What a feed reader asks for; a browser names none of these, or ranks them below text/html.
FEED_TYPES = ("application/atom+xml", "application/xml", "text/xml", "application/rss+xml")


def prefers_html(accept: str | None) -> bool:
    """Whether a request asks for a web page rather than a feed: text/html named, and ranked above every
    feed type it names (a browser: ``text/html,…,application/xml;q=0.9``); a tie goes to the feed."""
    quality = dict(reversed(weighted(accept)))  # the first mention of a type counts
    html = quality.get("text/html", 0.0)
    return html > 0 and all(html > quality.get(kind, 0.0) for kind in FEED_TYPES)


def same_origin(headers: MutableMapping[str, str] | Any) -> bool:
    """False for a request a browser marks as cross-site (Sec-Fetch-Site) or whose Origin is another host."""
    site = headers.get("sec-fetch-site")
    if site is not None and site not in ("same-origin", "none"):
        return False
    origin = headers.get("origin")
    if origin is None:
        return True  # not from a browser's cross-site form or script: browsers send Origin on POST
    return urlsplit(origin).netloc.lower() == (headers.get("host") or "").lower()


@dataclass
class Window:
    """At most `limit` events per `seconds` per key (sliding window), in memory."""

    limit: int
    seconds: float
    clock: Callable[[], float] = time.monotonic

    def __post_init__(self) -> None:
        self._seen: dict[object, deque[float]] = {}

    def allow(self, key: object) -> bool:
        now = self.clock()
        times = self._seen.setdefault(key, deque())
        while times and now - times[0] >= self.seconds:
            times.popleft()
        if len(times) >= self.limit:
            return False
        times.append(now)
        if len(self._seen) > 50_000:
            for k in [k for k, t in self._seen.items() if not t or now - t[-1] >= self.seconds]:
                del self._seen[k]
        return True

    def wait(self, key: object) -> int:
        times = self._seen.get(key)
        if not times:
            return 1
        return max(1, int(self.seconds - (self.clock() - times[0]) + 0.999))


async def read_body(request: Request, limit: int) -> bytes:
    """The request body, refused with 413 when longer than `limit` bytes (declared or sent)."""
    declared = request.headers.get("content-length")
    if declared is not None and (not declared.isdigit() or int(declared) > limit):
        raise HTTPException(413, "request too large")
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limit:
            raise HTTPException(413, "request too large")
        chunks.append(chunk)
    return b"".join(chunks)


def not_modified(
    if_none_match: str | None, if_modified_since: str | None, etag: str, modified: datetime
) -> bool:
    """Whether a conditional GET may be answered 304 (If-None-Match wins over If-Modified-Since)."""
    if if_none_match is not None:
        tags = [t.strip().removeprefix("W/") for t in if_none_match.split(",")]
        return "*" in tags or etag in tags
    if if_modified_since:
        try:
            since = parsedate_to_datetime(if_modified_since)
        except (TypeError, ValueError):
            return False
        if since.tzinfo is None:
            since = since.replace(tzinfo=UTC)
        return modified <= since
    return False


class SecurityHeaders:
    """Adds the security headers to every response (errors included)."""

    def __init__(self, app: Callable[..., Awaitable[None]]) -> None:
        self.app = app

    async def __call__(
        self, scope: dict[str, Any], receive: Callable[..., Any], send: Callable[..., Any]
    ) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: dict[str, Any]) -> None:
            if message["type"] == "http.response.start":
                headers = MutableHeaders(scope=message)
                for name, value in SECURITY_HEADERS.items():
                    headers.setdefault(name, value)
                if scope.get("scheme") == "https":  # served over HTTPS (directly or by a trusted proxy)
                    headers.setdefault("strict-transport-security", "max-age=31536000")
            await send(message)

        await self.app(scope, receive, send_with_headers)
