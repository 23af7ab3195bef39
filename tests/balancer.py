"""A small round-robin HTTP load balancer for tests: what stands between Telegram and several replicas.

Each request goes to the next backend in turn. A backend that refuses the connection (stopped) is
skipped and the request goes to the next one, as a balancer's health checks arrange; when no backend
takes it, the answer is 502 and the sender tries again. One request per connection (bodies with
Content-Length, as webhooks send them), answered with ``Connection: close``. Every forwarded request is
recorded (`Forwarded`: which backend, the body, the status).

Usage::

    with Balancer([("127.0.0.1", 8001), ("127.0.0.1", 8002)]) as balancer:
        url = f"http://127.0.0.1:{balancer.port}/hook"
"""

from __future__ import annotations

import asyncio
import itertools
import threading
from dataclasses import dataclass

BAD_GATEWAY = b"HTTP/1.1 502 Bad Gateway\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"
HOP_BY_HOP = (b"connection", b"keep-alive", b"proxy-connection")


@dataclass(frozen=True)
class Forwarded:
    backend: int  # index into the backends
    body: bytes
    status: int


def closing_request(head: bytes) -> bytes:
    """The request head with its connection headers replaced by ``Connection: close``."""
    lines = head.rstrip(b"\r\n").split(b"\r\n")
    kept = [lines[0]] + [h for h in lines[1:] if h.split(b":", 1)[0].strip().lower() not in HOP_BY_HOP]
    return b"\r\n".join([*kept, b"Connection: close", b"", b""])


def content_length(head: bytes) -> int:
    for line in head.split(b"\r\n")[1:]:
        name, _, value = line.partition(b":")
        if name.strip().lower() == b"content-length":
            return int(value.strip())
    return 0


class Balancer:
    """Round robin over `backends` ((host, port) pairs), on 127.0.0.1 at `port`, in a thread of its own."""

    def __init__(self, backends: list[tuple[str, int]]) -> None:
        self.backends = list(backends)
        self.port = 0
        self._turns = itertools.count()
        self._forwarded: list[Forwarded] = []
        self._lock = threading.Lock()
        self._loop = asyncio.new_event_loop()
        self._thread: threading.Thread | None = None
        self._server: asyncio.Server | None = None

    def forwarded(self) -> list[Forwarded]:
        with self._lock:
            return list(self._forwarded)

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            head = await reader.readuntil(b"\r\n\r\n")
            body = await reader.readexactly(content_length(head))
            writer.write(await self._forward(closing_request(head) + body, body))
            await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass  # the client went away
        finally:
            writer.close()

    async def _forward(self, request: bytes, body: bytes) -> bytes:
        """The response of the next backend that takes the connection, else 502."""
        for _ in self.backends:
            index = next(self._turns) % len(self.backends)
            try:
                backend_reader, backend_writer = await asyncio.open_connection(*self.backends[index])
            except OSError:
                continue  # down: the next one
            try:
                backend_writer.write(request)
                await backend_writer.drain()
                response = await backend_reader.read()  # to the end: the backend closes the connection
            finally:
                backend_writer.close()
            status = int(response.split(b" ", 2)[1]) if response.startswith(b"HTTP/") else 0
            with self._lock:
                self._forwarded.append(Forwarded(index, body, status))
            return response or BAD_GATEWAY
        return BAD_GATEWAY

    def start(self) -> Balancer:
        ready = threading.Event()

        async def serve() -> None:
            self._server = await asyncio.start_server(self._handle, "127.0.0.1", 0)
            self.port = int(self._server.sockets[0].getsockname()[1])
            ready.set()

        def run() -> None:
            asyncio.set_event_loop(self._loop)
            self._loop.run_until_complete(serve())
            self._loop.run_forever()

        self._thread = threading.Thread(target=run, name="balancer", daemon=True)
        self._thread.start()
        ready.wait(10)
        return self

    def stop(self) -> None:
        async def close() -> None:
            if self._server is not None:
                self._server.close()
                await self._server.wait_closed()

        asyncio.run_coroutine_threadsafe(close(), self._loop).result(10)
        self._loop.call_soon_threadsafe(self._loop.stop)
        if self._thread is not None:
            self._thread.join(10)
        self._loop.close()

    def __enter__(self) -> Balancer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
