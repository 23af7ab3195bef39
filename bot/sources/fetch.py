"""Polite HTTP for web sources: one `Fetcher` per process.

- an honest User-Agent naming newsbot (``newsbot/<version> (+contact)``);
- robots.txt, fetched once per host and cached (RFC 9309: a missing file, 4xx, allows everything; a server
  error or an unreachable host fails every request to that host, with that cause, until it is fetched again);
- at most one request at a time per host, and a delay between two requests to the same host;
- conditional GET (``If-None-Match``/``If-Modified-Since``): a ``304`` comes back as `Response.not_modified`;
- timeouts, redirects (a few), gzip/deflate (httpx), and a cap on the decoded size of a response.

Failures raise `FetchError` with the cause in words (shown by ``newsbot sources list``) and its `Failure` kind:
connection refused, DNS lookup failed, timed out, TLS error, HTTP error status, ... and "robots.txt of HOST
disallows PATH" only when robots.txt was read and forbids the URL.
`decode_html` turns a page's bytes into text: UTF-8 when the bytes are valid UTF-8, else the declared
charset (header, BOM, ``<meta>``) when it decodes, else GB18030, else a guess; GBK/GB2312 are read as GB18030 and Big5 as Big5-HKSCS
(their supersets), so pages from mainland, Hong Kong and Taiwan sites decode correctly.
"""

from __future__ import annotations

import codecs
import re
import socket
import ssl
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum
from importlib.metadata import PackageNotFoundError, version
from urllib.parse import urljoin, urlsplit
from urllib.robotparser import RobotFileParser

import httpx

from storage.urls import safe_url

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


class Failure(StrEnum):
    """Why a request gave no usable answer."""

    BAD_URL = "bad_url"
    ROBOTS = "robots"  # robots.txt was read and forbids the URL
    REFUSED = "refused"  # nothing listens at the host's port
    DNS = "dns"  # the host name does not resolve
    TIMEOUT = "timeout"
    TLS = "tls"
    HTTP = "http"  # an HTTP error status (4xx, 5xx)
    TOO_LARGE = "too_large"
    REDIRECTS = "redirects"
    DECODING = "decoding"
    NETWORK = "network"  # any other transport failure (connection reset, closed without an answer, ...)


class FetchError(Exception):
    """A request that did not give a usable answer; the message says why in words."""

    def __init__(
        self,
        message: str,
        *,
        kind: Failure = Failure.NETWORK,
        status: int | None = None,
        retry: bool = True,
    ) -> None:
        super().__init__(message)
        self.kind = kind
        self.status = status
        self.retry = retry  # False when asking again will not help (404, robots.txt)

    def again(self) -> FetchError:
        """A fresh copy, to raise again (a cached failure is raised for each request it fails)."""
        return FetchError(str(self), kind=self.kind, status=self.status, retry=self.retry)

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
        self._robots: dict[str, tuple[float, RobotFileParser | FetchError | None]] = {}
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
        try:
            parts = urlsplit(url)
            parts.port  # noqa: B018 - raises ValueError for a port out of range or not a number
            httpx.URL(url)  # a host name that is not one (IDNA), a lone surrogate
        except (ValueError, UnicodeError, httpx.InvalidURL):
            shown = url.encode("utf-8", "replace").decode("utf-8")
            raise FetchError(f"not a valid URL: {shown}", kind=Failure.BAD_URL, retry=False) from None
        if parts.scheme not in ("http", "https") or not parts.netloc:
            raise FetchError(f"not an http(s) URL: {safe_url(url)}", kind=Failure.BAD_URL, retry=False)
        if self.respect_robots and not self._allowed(url):  # raises when robots.txt cannot be read
            raise FetchError(
                f"robots.txt of {parts.netloc.rpartition('@')[2]} disallows {parts.path or '/'}",
                kind=Failure.ROBOTS,
                retry=False,
            )
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
                        f"HTTP {r.status_code} {phrase}".strip() + f" from {safe_url(str(r.url))}",
                        kind=Failure.HTTP,
                        status=r.status_code,
                        retry=r.status_code >= 500 or r.status_code in (408, 429),
                    )
                declared = r.headers.get("Content-Length", "")
                if declared.isdigit() and int(declared) > self.max_bytes:
                    raise FetchError(
                        f"response larger than {_size(self.max_bytes)} ({safe_url(str(r.url))})",
                        kind=Failure.TOO_LARGE,
                        retry=False,
                    )
                chunks: list[bytes] = []
                size = 0
                for chunk in r.iter_bytes():
                    size += len(chunk)
                    if size > self.max_bytes:
                        raise FetchError(
                            f"response larger than {_size(self.max_bytes)} ({safe_url(str(r.url))})",
                            kind=Failure.TOO_LARGE,
                            retry=False,
                        )
                    if self._clock() > deadline:
                        raise FetchError(
                            f"timed out: no complete answer in {3 * self.timeout:g} s ({safe_url(str(r.url))})",
                            kind=Failure.TIMEOUT,
                        )
                    chunks.append(chunk)
                media, charset = split_content_type(r.headers.get("Content-Type"))
                return Response(
                    url=str(r.url),
                    status=r.status_code,
                    body=b"".join(chunks),
                    content_type=media,
                    charset=charset,
                    etag=r.headers.get("ETag"),
                    last_modified=r.headers.get("Last-Modified"),
                )
        except httpx.HTTPError as exc:
            raise transport_failure(exc, url, self.timeout) from exc

    # ---- robots.txt ---------------------------------------------------------------------------------------

    def _allowed(self, url: str) -> bool:
        """Whether robots.txt lets newsbot fetch `url`; raises the `FetchError` that kept robots.txt from
        being read (the host unreachable, a server error), cached like the file itself."""
        parts = urlsplit(url)
        root = f"{parts.scheme}://{parts.netloc}"
        now = self._clock()
        with self._guard:
            cached = self._robots.get(root)
        if cached is None or cached[0] <= now:
            cached = self._load_robots(root, now)
            with self._guard:
                self._robots[root] = cached
        _, rules = cached
        if isinstance(rules, FetchError):
            raise rules.again()
        return rules is None or rules.can_fetch(AGENT_TOKEN, url)

    def _load_robots(self, root: str, now: float) -> tuple[float, RobotFileParser | FetchError | None]:
        """(expiry, rules): the parsed file, None when there is none (everything allowed), or the failure."""
        try:
            response = self._request(urljoin(root, "/robots.txt"), {"Accept": "text/plain"})
        except FetchError as exc:
            if exc.status is not None and 400 <= exc.status < 500:
                return now + ROBOTS_TTL, None  # no robots.txt (RFC 9309 "unavailable"): everything is allowed
            return now + ROBOTS_ERROR_TTL, exc  # unreachable or erroring: nothing is fetched, for now
        parser = RobotFileParser()
        parser.parse(response.body.decode("utf-8", "replace").splitlines())
        return now + ROBOTS_TTL, parser


def transport_failure(exc: httpx.HTTPError, url: str, timeout: float) -> FetchError:
    """The `FetchError` naming the real cause of a failed request: connection refused, DNS lookup failed,
    timed out, TLS error, ... (host-level causes name the host, not the path asked for)."""
    host = urlsplit(url).netloc.rpartition("@")[2]  # never a user name and password given in the URL
    hostname = urlsplit(url).hostname or host
    url = safe_url(url)
    cause = _root_cause(exc)
    if isinstance(exc, httpx.ConnectTimeout):
        return FetchError(f"timed out after {timeout:g} s connecting to {host}", kind=Failure.TIMEOUT)
    if isinstance(exc, httpx.TimeoutException):
        return FetchError(
            f"timed out after {timeout:g} s waiting for an answer from {host}", kind=Failure.TIMEOUT
        )
    if isinstance(exc, httpx.TooManyRedirects):
        return FetchError(f"more than {MAX_REDIRECTS} redirects ({url})", kind=Failure.REDIRECTS, retry=False)
    if isinstance(exc, httpx.DecodingError):
        return FetchError(f"cannot decompress the response ({url})", kind=Failure.DECODING)
    if isinstance(cause, socket.gaierror):
        words = cause.strerror or _reason(cause)
        if cause.errno in (socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)):
            return FetchError(f"unknown host {hostname}: DNS lookup failed ({words})", kind=Failure.DNS)
        return FetchError(f"DNS lookup of {hostname} failed ({words})", kind=Failure.DNS)
    if isinstance(cause, ConnectionRefusedError):
        return FetchError(f"connection refused by {host} (nothing listens there)", kind=Failure.REFUSED)
    if isinstance(cause, ssl.SSLError):
        words = getattr(cause, "verify_message", None) or _SSL_NOISE.sub("", _reason(cause)).strip()
        return FetchError(f"TLS error with {host}: {words}", kind=Failure.TLS)
    if isinstance(exc, httpx.RemoteProtocolError | httpx.ReadError) or isinstance(
        cause, ConnectionResetError
    ):
        return FetchError(f"connection to {host} broken: {_reason(exc)}", kind=Failure.NETWORK)
    if isinstance(exc, httpx.ConnectError):
        return FetchError(f"cannot connect to {host}: {_reason(exc)}", kind=Failure.NETWORK)
    return FetchError(
        f"network error with {host} ({type(exc).__name__}: {_reason(exc)})", kind=Failure.NETWORK
    )


_SSL_NOISE = re.compile(r"^\[[^\]]*\]\s*|\s*\(_ssl\.c:\d+\)$")  # "[SSL: CODE] words (_ssl.c:1006)"


def _root_cause(exc: BaseException) -> BaseException:
    """The innermost exception of a chain (httpx wraps httpcore, which wraps the socket's OSError)."""
    seen = {id(exc)}
    while (inner := exc.__cause__ or exc.__context__) is not None and id(inner) not in seen:
        seen.add(id(inner))
        exc = inner
    return exc


def _reason(exc: Exception) -> str:
    text = str(exc) or type(exc).__name__
    return text.splitlines()[0][:200]


def _size(n: int) -> str:
    return f"{n / 1_000_000:g} MB" if n >= 1_000_000 else f"{n / 1000:g} kB"


def split_content_type(header: str | None) -> tuple[str | None, str | None]:
    """A Content-Type header's media type (lower case) and charset, each None when absent."""
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


def text_encoding(body: bytes, header_charset: str | None = None) -> str | None:
    """The encoding a document is read in: UTF-8 when it is valid UTF-8 (non-ASCII bytes that happen to
    form valid UTF-8 are no accident, whatever a misconfigured server declares), else the first declared
    encoding that decodes it, else GB18030; None when none of them does."""
    for encoding in ["utf-8", *declared_encodings(body, header_charset), "gb18030"]:
        try:
            body.decode(encoding)
        except (UnicodeDecodeError, LookupError):
            continue
        return encoding
    return None


def decode_html(body: bytes, header_charset: str | None = None) -> str:
    """The text of a page, in its `text_encoding`, else a guess."""
    encoding = text_encoding(body, header_charset)
    if encoding is not None:
        return body.decode(encoding).lstrip("\ufeff")
    from charset_normalizer import from_bytes

    best = from_bytes(body).best()
    if best is not None:
        return str(best)
    return body.decode("utf-8", "replace")
