"""A real newsbot web server on 127.0.0.1 (a free port) in a thread, over a database built from the seed
page and `tests.bot_support.extra_articles()`, for the HTTP and browser tests."""

from __future__ import annotations

import contextlib
import hashlib
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn

from bot.services import Services, open_services
from bot.settings import Settings
from bot.web.app import WebEdge, create_app
from bot.web.server import server_config
from tests.bot_support import SEEDS

WECHAT_TOKEN = "newsbotTest2026"


@dataclass
class WebRun:
    base_url: str
    services: Services
    edge: WebEdge


@contextlib.contextmanager
def web_server(db: Path, **overrides: Any) -> Iterator[WebRun]:
    values: dict[str, Any] = {"db": db, "seeds": SEEDS, "wechat_token": WECHAT_TOKEN}
    values.update(overrides)
    settings = Settings(_env_file=None, **values)  # type: ignore[call-arg]
    services = open_services(settings)
    app = create_app(services, settings)
    server = uvicorn.Server(server_config(app, "127.0.0.1", 0))
    thread = threading.Thread(target=server.run, name="web-test-server", daemon=True)
    thread.start()
    try:
        deadline = time.monotonic() + 30
        while not server.started:
            assert thread.is_alive() and time.monotonic() < deadline, "the web server did not start"
            time.sleep(0.02)
        port = server.servers[0].sockets[0].getsockname()[1]
        edge = app.app.state.edge  # type: ignore[attr-defined]
        yield WebRun(f"http://127.0.0.1:{port}", services, edge)
    finally:
        server.should_exit = True
        thread.join(timeout=30)
        services.close()


def wechat_query(
    token: str = WECHAT_TOKEN, *, timestamp: str = "1733390000", nonce: str = "8127"
) -> dict[str, str]:
    """The query parameters the platform adds to each request: signature of token, timestamp, nonce."""
    signature = hashlib.sha1("".join(sorted([token, timestamp, nonce])).encode()).hexdigest()
    return {"signature": signature, "timestamp": timestamp, "nonce": nonce, "openid": "ignored"}


def wechat_text(openid: str, content: str, msg_id: int, *, account: str = "gh_newsbot") -> bytes:
    """A text message as the platform posts it (its documented fields, CDATA and all)."""
    return (
        "<xml>"
        f"<ToUserName><![CDATA[{account}]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        "<CreateTime>1733390000</CreateTime>"
        "<MsgType><![CDATA[text]]></MsgType>"
        f"<Content><![CDATA[{content}]]></Content>"
        f"<MsgId>{msg_id}</MsgId>"
        "</xml>"
    ).encode()


def wechat_other(openid: str, msg_type: str, *, event: str = "", create_time: int = 1733390001) -> bytes:
    fields = (
        f"<Event><![CDATA[{event}]]></Event>"
        if event
        else "<MediaId><![CDATA[m1]]></MediaId><MsgId>77</MsgId>"
    )
    return (
        "<xml>"
        "<ToUserName><![CDATA[gh_newsbot]]></ToUserName>"
        f"<FromUserName><![CDATA[{openid}]]></FromUserName>"
        f"<CreateTime>{create_time}</CreateTime>"
        f"<MsgType><![CDATA[{msg_type}]]></MsgType>"
        f"{fields}"
        "</xml>"
    ).encode()
