"""A real local HTTP server for web-source tests: fixture feeds and pages, conditional GET, robots.txt,
errors and slow answers, and a log of every request it saw; `SilentSite` accepts and never answers, and
`closed_port` is a port where nothing listens.

`FeedSite` runs `http.server.ThreadingHTTPServer` on 127.0.0.1 with an ephemeral port in a thread. Routes
map a path to a `Page` (bytes, content type, optional ETag/Last-Modified, status, delay, gzip). Every
request is logged with its path and headers, so tests can assert what a polite client sent.
"""

from __future__ import annotations

import gzip
import socket
import threading
import time
from dataclasses import dataclass, field
from email.utils import formatdate
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


@dataclass
class Page:
    body: bytes
    content_type: str = "text/html; charset=utf-8"
    status: int = 200
    etag: str | None = None
    last_modified: str | None = None
    delay: float = 0.0  # seconds before answering
    gzip: bool = False
    headers: dict[str, str] = field(default_factory=dict)


@dataclass
class Seen:
    path: str
    headers: dict[str, str]
    status: int = 0
    body_bytes: int = 0


class FeedSite:
    def __init__(self) -> None:
        self.routes: dict[str, Page] = {}
        self.requests: list[Seen] = []
        self._lock = threading.Lock()
        site = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:  # noqa: A002 - keep the test output quiet
                return

            def do_GET(self) -> None:  # noqa: N802 - http.server's name
                seen = Seen(self.path, {k.lower(): v for k, v in self.headers.items()})
                with site._lock:
                    site.requests.append(seen)
                    page = site.routes.get(self.path.split("#")[0])
                if page is None:
                    self._answer(seen, 404, b"not found", "text/plain", {})
                    return
                if page.delay:
                    time.sleep(page.delay)
                if page.status >= 300 and page.status != 304:
                    self._answer(seen, page.status, page.body, page.content_type, page.headers)
                    return
                etag_match = page.etag is not None and seen.headers.get("if-none-match") == page.etag
                since_match = (
                    page.last_modified is not None
                    and seen.headers.get("if-modified-since") == page.last_modified
                    and "if-none-match" not in seen.headers
                )
                extra = dict(page.headers)
                if page.etag:
                    extra["ETag"] = page.etag
                if page.last_modified:
                    extra["Last-Modified"] = page.last_modified
                if etag_match or since_match:
                    self._answer(seen, 304, b"", None, extra)
                    return
                body = page.body
                if page.gzip and "gzip" in seen.headers.get("accept-encoding", ""):
                    body = gzip.compress(body)
                    extra["Content-Encoding"] = "gzip"
                self._answer(seen, 200, body, page.content_type, extra)

            def _answer(
                self, seen: Seen, status: int, body: bytes, content_type: str | None, headers: dict[str, str]
            ) -> None:
                seen.status = status
                seen.body_bytes = len(body)
                self.send_response(status)
                if content_type:
                    self.send_header("Content-Type", content_type)
                for name, value in headers.items():
                    self.send_header(name, value)
                if status != 304:
                    self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if status != 304:
                    try:
                        self.wfile.write(body)
                    except (BrokenPipeError, ConnectionResetError):
                        pass

        class QuietServer(ThreadingHTTPServer):
            def handle_error(self, request: object, client_address: object) -> None:
                return  # a client that hung up (a timeout test) is not the test's failure

        self.server = QuietServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self._thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def add(self, path: str, page: Page) -> None:
        with self._lock:
            self.routes[path] = page

    def seen(self, path: str) -> list[Seen]:
        with self._lock:
            return [r for r in self.requests if r.path == path]

    def start(self) -> FeedSite:
        self._thread.start()
        return self

    def stop(self) -> None:
        self.server.shutdown()
        self.server.server_close()
        self._thread.join(timeout=5)

    def __enter__(self) -> FeedSite:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()


def http_date(seconds: float) -> str:
    return formatdate(seconds, usegmt=True)


class SilentSite:
    """A TCP server on 127.0.0.1 that accepts connections and never answers (a timeout test's host)."""

    def __init__(self) -> None:
        self._socket = socket.create_server(("127.0.0.1", 0))
        self._socket.settimeout(0.1)
        self._held: list[socket.socket] = []
        self._stop = threading.Event()
        self._thread = threading.Thread(target=self._accept, daemon=True)

    @property
    def base(self) -> str:
        return f"http://127.0.0.1:{self._socket.getsockname()[1]}"

    def url(self, path: str) -> str:
        return self.base + path

    def _accept(self) -> None:
        while not self._stop.is_set():
            try:
                connection, _ = self._socket.accept()
            except TimeoutError:
                continue
            self._held.append(connection)  # read nothing, answer nothing

    def __enter__(self) -> SilentSite:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._stop.set()
        self._thread.join(timeout=5)
        for connection in self._held:
            connection.close()
        self._socket.close()


def closed_port() -> int:
    """A port on 127.0.0.1 where nothing listens (bound, noted and closed again)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])
