"""A tiny HTTP endpoint for operators and orchestrators: ``GET /healthz``.

It answers 200 with the health report as JSON when all is well and 503 when not (database unreachable,
no articles, the digest scheduler silent for too long). Plain asyncio, no web framework: it serves one
path and must keep working when everything else is in trouble. Started in the application's post_init
when ``NEWSBOT_HEALTH_PORT`` is set, closed in post_shutdown.
"""

from __future__ import annotations

import asyncio
import json
import logging
import os
from datetime import timedelta
from pathlib import Path

from storage.database.health import Health, check

log = logging.getLogger(__name__)

_REASONS = {200: "OK", 404: "Not Found", 405: "Method Not Allowed", 503: "Service Unavailable"}


def format_response(status: int, body: dict[str, object]) -> bytes:
    """A complete HTTP/1.1 response with a JSON body (pure)."""
    payload = json.dumps(body, ensure_ascii=False, indent=2).encode("utf-8") + b"\n"
    head = (
        f"HTTP/1.1 {status} {_REASONS.get(status, 'Error')}\r\n"
        "Content-Type: application/json; charset=utf-8\r\n"
        f"Content-Length: {len(payload)}\r\n"
        "Cache-Control: no-store\r\n"
        "Connection: close\r\n\r\n"
    )
    return head.encode("ascii") + payload


def route(request_line: str, health: Health | None) -> tuple[int, dict[str, object]]:
    """Status and body for a request line such as ``GET /healthz HTTP/1.1`` (pure)."""
    parts = request_line.split()
    if len(parts) < 2:
        return 404, {"error": "bad request"}
    method, target = parts[0], parts[1].split("?", 1)[0]
    if target not in ("/healthz", "/healthz/"):
        return 404, {"error": "not found", "try": "/healthz"}
    if method not in ("GET", "HEAD"):
        return 405, {"error": "method not allowed"}
    if health is None:
        return 503, {"ok": False, "problems": ["health check failed"]}
    return (200 if health.ok else 503), health.as_dict()


class HealthServerError(RuntimeError):
    """The /healthz server could not start (the address is taken, or not this machine's)."""


class HealthServer:
    def __init__(
        self, db_path: str | Path, *, host: str, port: int, expected: dict[str, timedelta] | None = None
    ) -> None:
        self.db_path = db_path
        self.host = host
        self.port = port
        self.expected = expected or {}
        self._server: asyncio.Server | None = None

    @property
    def bound_port(self) -> int:
        """The port actually listened on (useful when asked for port 0)."""
        assert self._server is not None and self._server.sockets
        return int(self._server.sockets[0].getsockname()[1])

    async def start(self) -> None:
        try:
            self._server = await asyncio.start_server(self._handle, self.host, self.port)
        except OSError as exc:
            reason = os.strerror(exc.errno) if exc.errno else str(exc)
            raise HealthServerError(f"cannot listen on {self.host}:{self.port}: {reason}") from exc
        log.info("health endpoint listening", extra={"host": self.host, "port": self.bound_port})

    async def stop(self) -> None:
        if self._server is not None:
            self._server.close()
            await self._server.wait_closed()
            self._server = None

    async def _handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        try:
            request_line = (await asyncio.wait_for(reader.readline(), timeout=5)).decode("latin-1")
            # Drain the headers; nothing in them matters here.
            while (await asyncio.wait_for(reader.readline(), timeout=5)) not in (b"\r\n", b"\n", b""):
                pass
            health: Health | None
            try:
                health = await asyncio.to_thread(check, self.db_path, expected=self.expected)
            except Exception:
                log.exception("health check failed")
                health = None
            status, body = route(request_line, health)
            response = format_response(status, body)
            if request_line.startswith("HEAD"):
                response = response.split(b"\r\n\r\n", 1)[0] + b"\r\n\r\n"
            writer.write(response)
            await writer.drain()
        except (TimeoutError, ConnectionError):
            pass
        finally:
            writer.close()
