"""Running the web application: alone (`newsbot web`), or beside the Telegram bot in one process
(`newsbot serve` with NEWSBOT_WEB_PORT), on uvicorn.

Alone, uvicorn handles SIGINT/SIGTERM and the services are opened before and closed after. Beside the bot,
`WebServer` runs on the bot's event loop over the bot's own services, and leaves signals to the bot.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import signal
import socket
import threading
from collections.abc import Callable, Iterator
from datetime import datetime
from typing import Any

import uvicorn

from bot.services import Services, clock_from, open_services
from bot.settings import Settings
from bot.web.app import create_app

log = logging.getLogger(__name__)


DEFAULT_PORT = 8000


class WebServerError(RuntimeError):
    """The web server could not start (the address is taken, or not this machine's)."""


def listen(host: str, port: int) -> socket.socket:
    """The listening socket, bound here so that a taken port is a clear error rather than uvicorn's exit."""
    try:
        return socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as exc:
        raise WebServerError(f"cannot listen on {host}:{port}: {exc.strerror or exc}") from exc


def web_address(settings: Settings, host: str | None = None, port: int | None = None) -> tuple[str, int]:
    """Where `newsbot web` listens: --host/--port, else NEWSBOT_WEB_LISTEN/NEWSBOT_WEB_PORT, else
    127.0.0.1:8000."""
    if port is None:
        port = settings.web_port if settings.web_port is not None else DEFAULT_PORT
    return host or settings.web_listen, port


def server_config(app: Any, host: str, port: int) -> uvicorn.Config:
    return uvicorn.Config(
        app,
        host=host,
        port=port,
        lifespan="off",
        log_config=None,  # newsbot's own logging
        access_log=False,  # no addresses or URLs (feed tokens) in the logs
        server_header=False,
        # X-Forwarded-Proto/-For are believed from a reverse proxy on this machine, or from the addresses in
        # uvicorn's FORWARDED_ALLOW_IPS (e.g. the proxy's container in Docker).
        proxy_headers=True,
        forwarded_allow_ips=None,
        timeout_keep_alive=5,
        limit_concurrency=500,
    )


class _Alone(uvicorn.Server):
    """uvicorn for `newsbot web`: SIGINT/SIGTERM stop it gracefully and the command returns, so the services
    are closed and the exit code is 0 (uvicorn itself raises the signal again once stopped)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        if threading.current_thread() is not threading.main_thread():
            yield
            return
        previous = {sig: signal.signal(sig, self.handle_exit) for sig in (signal.SIGINT, signal.SIGTERM)}
        try:
            yield
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)


def run_web(
    settings: Settings,
    *,
    host: str,
    port: int,
    on_listening: Callable[[int], None] | None = None,
    now: datetime | None = None,
) -> None:
    """`newsbot web`: serve until Ctrl-C or SIGTERM. `on_listening` gets the bound port once the socket
    listens and the database is open (so the address is announced only when it can be reached); with
    `now`, the chats' clock starts at that time (and runs)."""
    sock = listen(host, port)
    try:
        services = open_services(settings, clock=clock_from(now))
        try:
            if on_listening is not None:
                on_listening(sock.getsockname()[1])
            app = create_app(services, settings)
            _Alone(server_config(app, host, port)).run(sockets=[sock])
        finally:
            services.close()
    finally:
        sock.close()


class _Beside(uvicorn.Server):
    """A uvicorn server that leaves signal handling to its host (the Telegram application)."""

    @contextlib.contextmanager
    def capture_signals(self) -> Iterator[None]:
        yield


class WebServer:
    """The web server on the running event loop, over open services (`start` / `stop`)."""

    def __init__(self, services: Services, settings: Settings, *, host: str, port: int) -> None:
        self.services = services
        self.settings = settings
        self.host = host
        self.port = port
        self._server: _Beside | None = None
        self._task: asyncio.Task[None] | None = None

    @property
    def bound_port(self) -> int:
        assert self._server is not None and self._server.servers
        return int(self._server.servers[0].sockets[0].getsockname()[1])

    async def start(self) -> None:
        sock = listen(self.host, self.port)
        app = await asyncio.to_thread(create_app, self.services, self.settings)
        self._server = _Beside(server_config(app, self.host, self.port))
        self._task = asyncio.create_task(self._server.serve(sockets=[sock]))
        while not self._server.started:
            if self._task.done():
                self._task.result()  # raises what stopped it (e.g. the port is taken)
                raise RuntimeError("the web server stopped while starting")
            await asyncio.sleep(0.02)
        log.info("web server listening", extra={"host": self.host, "port": self.bound_port})

    async def stop(self) -> None:
        if self._server is not None and self._task is not None:
            self._server.should_exit = True
            with contextlib.suppress(Exception):
                await self._task
        self._server = None
        self._task = None
