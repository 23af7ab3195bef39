"""Polite HTTP for web sources: one `Fetcher` per process.

- an honest User-Agent naming newsbot (``newsbot/<version> (+contact)``);
- robots.txt, fetched once per host and cached (RFC 9309: a missing file allows everything, a server error
  disallows everything until it is fetched again);
- at most one request at a time per host, and a delay between two requests to the same host;
- conditional GET (``If-None-Match``/``If-Modified-Since``): a ``304`` comes back as `Response.not_modified`;
- timeouts, redirects (a few), gzip/deflate (httpx), and a cap on the decoded size of a response.

Failures raise `FetchError` with the reason in words (shown by ``newsbot sources list``).
`decode_html` turns a page's bytes into text: UTF-8 when the bytes are valid UTF-8, else the declared
charset (header, BOM, ``<meta>``) when it decodes, else GB18030, else a guess; GBK/GB2312 are read as GB18030 and Big5 as Big5-HKSCS
(their supersets), so pages from mainland, Hong Kong and Taiwan sites decode correctly.
"""

from __future__ import annotations

import codecs
import re
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

ROBOTS_TTL = 24 * 3600.0  # seconds a robots.txt is trusted
ROBOTS_ERROR_TTL = 600.0  # after a server error on robots.txt, ask again this much later
MAX_REDIRECTS = 5
AGENT_TOKEN = "newsbot"


def newsbot_version() -> str:
    try:
        return version("newsbot")
    except PackageNotFoundError:
        return "0.1.0"


def user_agent(contact: str | None = None) -> str:
    """``newsbot/0.1.0 (+https://example.org/bot)``: who is asking, and where to complain."""
    base = f"{AGENT_TOKEN}/{newsbot_version()}"
    contact = (contact or "").strip()
    return f"{base} (+{contact})" if contact else base


class FetchError(Exception):
    """A request that did not give a usable answer; the message says why in words."""

    def __init__(self, message: str, *, status: int | None = None, retry: bool = True) -> None:
        super().__init__(message)
        self.status = status
        self.retry = retry  # False when asking again will not help (404, robots.txt)

    def __str__(self) -> str:
        return str(self.args[0])


@dataclass(frozen=True)
class Response:
    url: str  # after redirects
    status: int  # 200 (or another 2xx) or 304
    body: bytes = b""
    content_type: str | None = None  # media type, lower case, without parameters
    charset: str | None = None  # from the Content-Type header
    etag: str | None = None
    last_modified: str | None = None

    @property
    def not_modified(self) -> bool:
        return self.status == 304


class Fetcher:
    """Blocking, thread-safe HTTP client with newsbot's manners (see the module docstring)."""

    def __init__(
        self,
        *,
        agent: str | None = None,
        timeout: float = 15.0,
        host_delay: float = 1.0,
        max_bytes: int = 5_000_000,
        respect_robots: bool = True,
        transport: httpx.BaseTransport | None = None,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        self.agent = agent or user_agent()
        self.timeout = timeout
        self.host_delay = host_delay
        self.max_bytes = max_bytes
        self.respect_robots = respect_robots
        self._clock = clock
        self._sleep = sleep
        self._client = httpx.Client(
            headers={"User-Agent": self.agent, "Accept-Encoding": "gzip, deflate"},
            timeout=httpx.Timeout(timeout),
            follow_redirects=True,
            max_redirects=MAX_REDIRECTS,
            transport=transport,
        )
        self._hosts: dict[str, threading.Lock] = {}
        self._last: dict[str, float] = {}
        self._robots: dict[str, tuple[float, RobotFileParser | None, bool]] = {}
        self._guard = threading.Lock()

    def close(self) -> None:
        self._client.close()

    def __enter__(self) -> Fetcher:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def get(
        self,
        url: str,
        *,
        etag: str | None = None,
        last_modified: str | None = None,
        accept: str = "*/*",
    ) -> Response:
        """GET `url` politely; conditional when `etag`/`last_modified` are given. Raises `FetchError`."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"not an http(s) URL: {url}", retry=False)
        if self.respect_robots and not self._allowed(url):
            raise FetchError(f"robots.txt of {parts.netloc} disallows {parts.path or '/'}", retry=False)
        headers = {"Accept": accept}
        if etag:
            headers["If-None-Match"] = etag
        if last_modified:
            headers["If-Modified-Since"] = last_modified
        return self._request(url, headers)

    # ---- one request at a time per host, with a delay ---------------------------------------------------

    def _host_lock(self, host: str) -> threading.Lock:
        with self._guard:
            return self._hosts.setdefault(host, threading.Lock())

    def _request(self, url: str, headers: dict[str, str]) -> Response:
        host = urlsplit(url).netloc.lower()
        with self._host_lock(host):
            wait = self._last.get(host, -1e18) + self.host_delay - self._clock()
            if wait > 0:
                self._sleep(wait)
            try:
                return self._send(url, headers)
            finally:
                self._last[host] = self._clock()

    def _send(self, url: str, headers: dict[str, str]) -> Response:
        deadline = self._clock() + 3 * self.timeout
        try:
            with self._client.stream("GET", url, headers=headers) as r:
                if r.status_code == 304:
                    return Response(str(r.url), 304, etag=r.headers.get("ETag"), last_modified=None)
                if r.status_code >= 400:
                    phrase = r.reason_phrase or ""
                    raise FetchError(
                        f"HTTP {r.status_code} {phrase}".strip() + f" from {r.url}",
                        status=r.status_code,
                        retry=r.status_code >= 500 or r.status_code in (408, 429),
                    )
                declared = r.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(f"response larger than {_size(self.max_bytes)} ({r.url})", retry=False)
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(
                            f"response larger than {_size(self.max_bytes)} ({r.url})", retry=False
                        )
                    if self._clock() > deadline:
                        raise FetchError(f"too slow: no complete answer in {3 * self.timeout:g} s ({r.url})")
                    chunks.append(chunk)
                media, charset = _content_type(r.headers.get("Content-Type"))
                return Response(
                    url=str(r.url),
                    status=r.status_code,
                    body=b"".join(chunks),
                    content_type=media,
                    charset=charset,
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                )
        except httpx.TimeoutException as exc:
            raise FetchError(f"timed out after {self.timeout:g} s ({url})") from exc
        except httpx.TooManyRedirects as exc:
            raise FetchError(f"more than {MAX_REDIRECTS} redirects ({url})", retry=False) from exc
        except httpx.ConnectError as exc:
            raise FetchError(f"cannot connect to {urlsplit(url).netloc}: {_reason(exc)}") from exc
        except httpx.DecodingError as exc:
            raise FetchError(f"cannot decompress the response ({url})") from exc
        except httpx.HTTPError as exc:
            raise FetchError(f"network error ({type(exc).__name__}: {_reason(exc)}) at {url}") from exc

    # ---- robots.txt ---------------------------------------------------------------------------------------

    def _allowed(self, url: str) -> bool:
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        now = self._clock()
        with self._guard:
            cached = self._robots.get(root)
        if cached is None or cached[0] <= now:
            cached = self._load_robots(root, now)
            with self._guard:
                self._robots[root] = cached
        _, parser, allow_all = cached
        if parser is None:
            return allow_all
        return parser.can_fetch(AGENT_TOKEN, url)

    def _load_robots(self, root: str, now: float) -> tuple[float, RobotFileParser | None, bool]:
        try:
            response = self._request(urljoin(root, "/robots.txt"), {"Accept": "text/plain"})
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return now + ROBOTS_TTL, None, True  # no robots.txt: everything is allowed
            return now + ROBOTS_ERROR_TTL, None, False  # unreachable: assume nothing is allowed, for now
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return now + ROBOTS_TTL, parser, True


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} kB"


def _content_type(header: str | None) -> tuple[str | None, str | None]:
    if not header:
        return None, None
    media, _, params = header.partition(";")
    match = re.search(r"charset\s*=\s*[\"']?([\w.:-]+)", params, re.I)
    return media.strip().lower() or None, (match.group(1) if match else None)


# ---- decoding pages ------------------------------------------------------------------------------------------

# Encodings whose superset decodes everything they do and more (characters outside GB2312, HKSCS).
_SUPERSETS = {"gb2312": "gb18030", "gbk": "gb18030", "big5": "big5hkscs", "ascii": "utf-8"}
_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([\w.:-]+)""", re.I)
_XML_ENCODING = re.compile(rb"""^\s*<\?xml[^>]+encoding\s*=\s*["']([\w.:-]+)""", re.I)


def canonical_encoding(name: str | None) -> str | None:
    """A Python codec name for a declared charset (its superset for GBK/GB2312/Big5); None if unknown."""
    if not name:
        return None
    try:
        codec = codecs.lookup(name.strip().strip("\"'")).name
    except LookupError:
        return None
    return _SUPERSETS.get(codec, codec)


def declared_encodings(body: bytes, header_charset: str | None = None) -> list[str]:
    """The encodings a document declares, most authoritative first: BOM, HTTP header, <meta>/<?xml?>."""
    found: list[str | None] = []
    for bom, name in (
        (codecs.BOM_UTF8, "utf-8"),
        (codecs.BOM_UTF16_LE, "utf-16"),
        (codecs.BOM_UTF16_BE, "utf-16"),
    ):
        if body.startswith(bom):
            found.append(name)
    found.append(canonical_encoding(header_charset))
    head = body[:4096]
    for pattern in (_META_CHARSET, _XML_ENCODING):
        match = pattern.search(head)
        if match:
            found.append(canonical_encoding(match.group(1).decode("ascii", "ignore")))
    return list(dict.fromkeys(e for e in found if e))


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """The text of a page: UTF-8 when it is valid UTF-8 (non-ASCII bytes that happen to form valid UTF-8
    are no accident, whatever a misconfigured server declares), else the first declared encoding that
    decodes it, else GB18030, else a guess."""
    for encoding in ["utf-8", *declared_encodings(body, header_charset), "gb18030"]:
        try:
            text = body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return text.lstrip("\ufeff")
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("utf-8", "replace")
